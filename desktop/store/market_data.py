"""Reading market figures: the freshest rate per currency and quote per symbol, any provider."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from decimal import Decimal

from desktop.domain import Quote, Rate, from_timestamp

_FRESHEST_RATES = """
    SELECT code, base, rate, as_of, provider, snapshot FROM (
        SELECT *, row_number() OVER (PARTITION BY code ORDER BY as_of DESC, snapshot ASC) AS n
        FROM rates
    ) WHERE n = 1 ORDER BY code
"""
_FRESHEST_QUOTES = """
    SELECT symbol, name, price, change, percent, currency, as_of, provider, snapshot FROM (
        SELECT *, row_number() OVER (PARTITION BY symbol ORDER BY as_of DESC, snapshot ASC) AS n
        FROM quotes
    ) WHERE n = 1 ORDER BY id
"""


def freshest_rates(connection: sqlite3.Connection) -> list[Rate]:
    """For each currency, its most recent rate from whichever provider gave it."""
    return [
        Rate(
            code=row[0],
            base=row[1],
            rate=Decimal(row[2]),
            as_of=_moment(row[3]),
            provider=row[4],
            snapshot=bool(row[5]),
        )
        for row in connection.execute(_FRESHEST_RATES)
    ]


def freshest_quotes(connection: sqlite3.Connection) -> list[Quote]:
    """For each symbol, its most recent quote, in the order the symbols were first stored."""
    return [
        Quote(
            symbol=row[0],
            name=row[1],
            price=Decimal(row[2]),
            change=Decimal(row[3]),
            percent=Decimal(row[4]),
            currency=row[5],
            as_of=_moment(row[6]),
            provider=row[7],
            snapshot=bool(row[8]),
        )
        for row in connection.execute(_FRESHEST_QUOTES)
    ]


def _moment(seconds: int) -> datetime:
    """A stored time that is never empty."""
    moment = from_timestamp(seconds)
    assert moment is not None
    return moment
