"""Market history: sparkline series rebased per publication, and provider status in the store."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from desktop.domain import MarketSnapshot, Quote, Rate
from desktop.market.history import quote_series, rate_series
from desktop.store.database import transaction
from desktop.store.loading import add_market_snapshot
from desktop.store.market_data import (
    provider_statuses,
    quote_history,
    rate_history,
    record_provider_attempt,
)

DAY1 = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
DAY2 = DAY1 + timedelta(days=1)
ECB = "European Central Bank"


def ecb(as_of: datetime, usd: str, jpy: str) -> list[Rate]:
    """An ECB publication: units per euro."""
    return [
        Rate("USD", "EUR", Decimal(usd), as_of, ECB),
        Rate("JPY", "EUR", Decimal(jpy), as_of, ECB),
    ]


def test_series_in_the_provider_base_are_its_figures() -> None:
    history = ecb(DAY1, "1.05", "160") + ecb(DAY2, "1.10", "165")
    assert rate_series(history, "EUR") == {
        "USD": (1.05, 1.10),
        "JPY": (160.0, 165.0),
        "EUR": (1.0, 1.0),
    }


def test_series_are_rebased_within_each_publication() -> None:
    history = ecb(DAY1, "1.25", "160") + ecb(DAY2, "1.28", "166.4")
    series = rate_series(history, "USD")
    # JPY per USD = (JPY per EUR) / (USD per EUR); EUR per USD = 1 / (USD per EUR).
    assert series["JPY"] == (128.0, 130.0)
    assert series["EUR"] == (0.8, 0.78125)
    assert series["USD"] == (1.0, 1.0)


def test_a_publication_without_the_base_gives_no_points() -> None:
    history = [*ecb(DAY1, "1.25", "160"), Rate("GBP", "USD", Decimal("0.8"), DAY2, "Other")]
    assert rate_series(history, "JPY") == {"USD": (1.25 / 160,), "JPY": (1.0,), "EUR": (1 / 160,)}


def test_a_later_publication_the_same_day_replaces_the_earlier() -> None:
    morning = DAY1.replace(hour=6)
    history = ecb(DAY1, "1.20", "150") + ecb(morning, "1.00", "100")
    assert rate_series(history, "EUR")["USD"] == (1.20,)


def test_quote_series_take_the_last_price_of_each_day() -> None:
    def at(moment: datetime, price: str) -> Quote:
        return Quote("SP500", "S&P 500", Decimal(price), Decimal(0), Decimal(0), "USD", moment, "F")

    history = [at(DAY2, "6010"), at(DAY1.replace(hour=1), "5900"), at(DAY1, "5950")]
    assert quote_series(history) == {"SP500": (5950.0, 6010.0)}


def test_history_keeps_every_publication_but_no_snapshot(connection: sqlite3.Connection) -> None:
    with transaction(connection):
        for day, usd in ((DAY1, "1.05"), (DAY2, "1.10")):
            add_market_snapshot(connection, MarketSnapshot(ECB, day, tuple(ecb(day, usd, "1")), ()))
    history = rate_history(connection, DAY1 - timedelta(days=1))
    assert [(rate.code, rate.as_of, rate.rate) for rate in history if rate.code == "USD"] == [
        ("USD", DAY1, Decimal("1.05")),
        ("USD", DAY2, Decimal("1.10")),
    ]
    assert all(rate.provider == ECB for rate in history)  # the sample edition's are snapshots
    assert [rate.as_of for rate in rate_history(connection, DAY2)] == [DAY2, DAY2]
    assert quote_history(connection, DAY1) == []


def test_a_failure_keeps_the_time_of_the_last_success(connection: sqlite3.Connection) -> None:
    with transaction(connection):
        record_provider_attempt(connection, "ecb", DAY1, None, 31, DAY1)
    with transaction(connection):
        record_provider_attempt(connection, "ecb", DAY2, "The server answered 500.")
    status = provider_statuses(connection)["ecb"]
    assert (status.key, status.last_attempt, status.last_success) == ("ecb", DAY2, DAY1)
    assert (status.last_error, status.figures, status.newest) == (
        "The server answered 500.",
        31,
        DAY1,
    )
    with transaction(connection):
        record_provider_attempt(connection, "ecb", DAY2 + timedelta(hours=1), None, 32, DAY2)
    status = provider_statuses(connection)["ecb"]
    assert (status.last_error, status.figures, status.newest) == (None, 32, DAY2)


def test_the_newest_figure_never_goes_back(connection: sqlite3.Connection) -> None:
    """A history file read after the daily one must not make the daily figures look older."""
    with transaction(connection):
        record_provider_attempt(connection, "ecb", DAY2, None, 30, DAY2)
        record_provider_attempt(connection, "ecb", DAY2, None, 30, DAY1)
    assert provider_statuses(connection)["ecb"].newest == DAY2
