"""Undated market figures in the store: a saved page that states no time ranks below any dated
figure of the same currency or symbol, and the latest saved of the undated ones wins."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from desktop.domain import Quote, Rate
from desktop.paths import AppPaths
from desktop.store.database import connect, transaction
from desktop.store.market_data import add_figures, freshest_quotes, freshest_rates

NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
LONG_AGO = datetime(2019, 6, 3, 16, 0, tzinfo=UTC)
LIVE = "European Central Bank"


@pytest.fixture
def connection(paths: AppPaths) -> Iterator[sqlite3.Connection]:
    """The test profile's store, without the sample edition's market figures."""
    connection = connect(paths.store)
    with transaction(connection):
        connection.execute("DELETE FROM rates")
        connection.execute("DELETE FROM quotes")
    yield connection
    connection.close()


def rate(value: str, as_of: datetime, provider: str = LIVE, *, page: bool = False) -> Rate:
    """A rate for euros; from a page that states no time when ``page``."""
    return Rate("EUR", "USD", Decimal(value), as_of, provider, snapshot=page, undated=page)


def quote(price: str, as_of: datetime, provider: str, *, undated: bool = False) -> Quote:
    """A quote for one symbol."""
    return Quote(
        "HRBR", "HRBR", Decimal(price), Decimal(0), Decimal(0), "USD", as_of, provider,
        snapshot=undated, undated=undated,
    )  # fmt: skip


def store(connection: sqlite3.Connection, *figures: Rate | Quote) -> None:
    """Store figures as a refresh or an import does."""
    rates = [figure for figure in figures if isinstance(figure, Rate)]
    quotes = [figure for figure in figures if isinstance(figure, Quote)]
    with transaction(connection):
        add_figures(connection, rates, quotes, int(NOW.timestamp()))


def test_a_dated_rate_from_years_ago_wins_over_an_undated_one_saved_today(
    connection: sqlite3.Connection,
) -> None:
    store(connection, rate("0.95", NOW, "Saved page today.txt", page=True), rate("0.90", LONG_AGO))
    (eur,) = freshest_rates(connection)
    assert (eur.rate, eur.provider, eur.as_of, eur.undated) == (
        Decimal("0.90"),
        LIVE,
        LONG_AGO,
        False,
    )


def test_a_dated_snapshot_wins_over_an_undated_one_too(connection: sqlite3.Connection) -> None:
    edition = Rate("EUR", "USD", Decimal("0.92"), LONG_AGO, "Sample", snapshot=True)
    store(connection, rate("0.95", NOW, "Saved page today.txt", page=True), edition)
    assert [r.provider for r in freshest_rates(connection)] == ["Sample"]


def test_between_undated_rates_the_later_saved_wins(connection: sqlite3.Connection) -> None:
    store(
        connection,
        rate("0.97", NOW, "Saved page b.txt", page=True),
        rate("0.95", NOW - timedelta(days=30), "Saved page a.txt", page=True),
    )
    (eur,) = freshest_rates(connection)
    assert (eur.rate, eur.provider, eur.as_of, eur.undated, eur.snapshot) == (
        Decimal("0.97"),
        "Saved page b.txt",
        NOW,
        True,
        True,
    )


def test_an_undated_quote_shows_only_until_a_dated_one_comes(
    connection: sqlite3.Connection,
) -> None:
    store(connection, quote("42.75", NOW, "Saved page a.txt", undated=True))
    (alone,) = freshest_quotes(connection)
    assert (alone.price, alone.undated, alone.as_of) == (Decimal("42.75"), True, NOW)
    store(connection, quote("40.10", LONG_AGO, "Finnhub"))
    (dated,) = freshest_quotes(connection)
    assert (dated.price, dated.provider, dated.undated) == (Decimal("40.10"), "Finnhub", False)
