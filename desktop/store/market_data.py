"""Market figures in the store: the freshest rate per currency and quote per symbol from any
provider, their history for sparklines, and how each provider's last refresh went.

The freshest figure is the latest dated one; an undated figure (its source gave no time, its
``as_of`` is when it was saved) is shown only where no dated one exists, the latest saved first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from desktop.domain import ProviderStatus, Quote, Rate, from_timestamp, to_timestamp
from desktop.store.database import named

_RATE_COLUMNS = "code, base, rate, as_of, provider, snapshot, undated"
_QUOTE_COLUMNS = (
    "symbol, name, price, change, percent, currency, as_of, provider, snapshot, undated"
)
# Dated before undated, then the latest; at the same time, a live figure before a snapshot.
_RANKING = "undated ASC, as_of DESC, snapshot ASC"
_FRESHEST_RATES = f"""
    SELECT {_RATE_COLUMNS} FROM (
        SELECT *, row_number() OVER (PARTITION BY code ORDER BY {_RANKING}) AS n
        FROM rates
    ) WHERE n = 1 ORDER BY code
"""
_FRESHEST_QUOTES = f"""
    SELECT {_QUOTE_COLUMNS} FROM (
        SELECT *, row_number() OVER (PARTITION BY symbol ORDER BY {_RANKING}) AS n
        FROM quotes
    ) WHERE n = 1 ORDER BY id
"""


def freshest_rates(connection: sqlite3.Connection) -> list[Rate]:
    """For each currency, its most recent rate from whichever provider gave it (an undated one
    only when none is dated)."""
    return [_rate(row) for row in named(connection, _FRESHEST_RATES)]


def freshest_quotes(connection: sqlite3.Connection) -> list[Quote]:
    """For each symbol, its most recent quote (an undated one only when none is dated), in the
    order the symbols were first stored."""
    return [_quote(row) for row in named(connection, _FRESHEST_QUOTES)]


def rate_history(connection: sqlite3.Connection, since: datetime) -> list[Rate]:
    """Every live (not snapshot) rate published since ``since``, oldest first."""
    rows = named(
        connection,
        f"SELECT {_RATE_COLUMNS} FROM rates WHERE as_of >= ? AND NOT snapshot ORDER BY as_of",
        (to_timestamp(since),),
    )
    return [_rate(row) for row in rows]


def quote_history(connection: sqlite3.Connection, since: datetime) -> list[Quote]:
    """Every live (not snapshot) quote published since ``since``, oldest first."""
    rows = named(
        connection,
        f"SELECT {_QUOTE_COLUMNS} FROM quotes WHERE as_of >= ? AND NOT snapshot ORDER BY as_of",
        (to_timestamp(since),),
    )
    return [_quote(row) for row in rows]


def quote_names(connection: sqlite3.Connection) -> dict[str, str]:
    """The company name stored for each symbol, where a provider gave one (not just the symbol)."""
    # SQLite gives a bare column's value from the row where max() found its maximum.
    rows = named(
        connection,
        "SELECT symbol, name, max(as_of) FROM quotes WHERE name != symbol GROUP BY symbol",
    )
    return {str(row["symbol"]): str(row["name"]) for row in rows}


def record_provider_attempt(
    connection: sqlite3.Connection,
    key: str,
    attempted: datetime,
    error: str | None,
    figures: int = 0,
    newest: datetime | None = None,
) -> None:
    """Note how a refresh from the provider ``key`` went: ``figures`` read, the newest of them
    as of ``newest``, or the ``error`` that stopped it.

    A failure keeps the time, count and newest figure of the last success, so the panel can say
    how old the figures it still shows are.
    """
    moment = to_timestamp(attempted)
    if error is None:
        connection.execute(
            "INSERT INTO market_providers "
            "(key, last_attempt, last_success, last_error, figures, newest) "
            "VALUES (?, ?, ?, NULL, ?, ?) ON CONFLICT (key) DO UPDATE SET "
            "last_attempt = excluded.last_attempt, last_success = excluded.last_success, "
            "last_error = NULL, figures = excluded.figures, "
            "newest = max(coalesce(newest, 0), coalesce(excluded.newest, 0))",
            (key, moment, moment, figures, None if newest is None else to_timestamp(newest)),
        )
    else:
        connection.execute(
            "INSERT INTO market_providers (key, last_attempt, last_error) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET "
            "last_attempt = excluded.last_attempt, last_error = excluded.last_error",
            (key, moment, error),
        )


def provider_statuses(connection: sqlite3.Connection) -> dict[str, ProviderStatus]:
    """How the last refresh from each provider went, by key."""
    rows = named(
        connection,
        "SELECT key, last_attempt, last_success, last_error, figures, newest "
        "FROM market_providers ORDER BY key",
    )
    return {
        row["key"]: ProviderStatus(
            key=row["key"],
            last_attempt=from_timestamp(row["last_attempt"]),
            last_success=from_timestamp(row["last_success"]),
            last_error=row["last_error"],
            figures=int(row["figures"]),
            newest=from_timestamp(row["newest"] or None),
        )
        for row in rows
    }


def add_figures(
    connection: sqlite3.Connection, rates: Sequence[Rate], quotes: Sequence[Quote], now: int
) -> None:
    """Store rates and quotes, each at its own as-of time; figures already stored stay."""
    connection.executemany(
        "INSERT INTO rates (provider, code, base, rate, as_of, fetched, snapshot, undated) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (provider, code, as_of) DO NOTHING",
        [
            (rate.provider, rate.code, rate.base, str(rate.rate), to_timestamp(rate.as_of), now,
             rate.snapshot, rate.undated)
            for rate in rates
        ],
    )  # fmt: skip
    connection.executemany(
        "INSERT INTO quotes (provider, symbol, name, price, change, percent, currency, as_of, "
        "fetched, snapshot, undated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (provider, symbol, as_of) DO NOTHING",
        [
            (
                quote.provider, quote.symbol, quote.name, str(quote.price), str(quote.change),
                str(quote.percent), quote.currency, to_timestamp(quote.as_of), now, quote.snapshot,
                quote.undated,
            )
            for quote in quotes
        ],
    )  # fmt: skip


def _rate(row: sqlite3.Row) -> Rate:
    """A rate from a row of ``_RATE_COLUMNS``."""
    return Rate(
        code=str(row["code"]),
        base=str(row["base"]),
        rate=Decimal(str(row["rate"])),
        as_of=_moment(row["as_of"]),
        provider=str(row["provider"]),
        snapshot=bool(row["snapshot"]),
        undated=bool(row["undated"]),
    )


def _quote(row: sqlite3.Row) -> Quote:
    """A quote from a row of ``_QUOTE_COLUMNS``."""
    return Quote(
        symbol=str(row["symbol"]),
        name=str(row["name"]),
        price=Decimal(str(row["price"])),
        change=Decimal(str(row["change"])),
        percent=Decimal(str(row["percent"])),
        currency=str(row["currency"]),
        as_of=_moment(row["as_of"]),
        provider=str(row["provider"]),
        snapshot=bool(row["snapshot"]),
        undated=bool(row["undated"]),
    )


def _moment(seconds: object) -> datetime:
    """A stored time that is never empty."""
    assert isinstance(seconds, int)
    moment = from_timestamp(seconds)
    assert moment is not None
    return moment
