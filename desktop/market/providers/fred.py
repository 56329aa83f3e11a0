"""Stock index closes from FRED's keyless graph CSV: one series a file, one close a row.

Each close becomes a Quote dated 16:00 New York time (the US markets' close), its change and
percent measured against the previous close in the file; the first close only serves as that
base. Rows without a figure (``.`` or empty, on market holidays) are skipped.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from itertools import pairwise

from desktop.domain import Quote
from desktop.market.providers.reading import (
    at_local,
    day_of,
    number_in_text,
    positive,
    read_text,
    unreadable,
)

log = logging.getLogger(__name__)

NAME = "FRED (St. Louis Fed)"
WHAT = "FRED's index series"
CURRENCY = "USD"
SERIES_NAMES = {
    "SP500": "S&P 500",
    "DJIA": "Dow Jones Industrial Average",
    "NASDAQCOM": "NASDAQ Composite",
}
CLOSE_HOUR = 16
CLOSE_ZONE = "America/New_York"
PERCENT_PLACES = Decimal("0.0001")
_DATE_HEADERS = {"observation_date", "date"}
_GAPS = {"", "."}

Close = tuple[date, Decimal]


def parse_fred(data: bytes, series: str) -> tuple[Quote, ...]:
    """A Quote for every close of a FRED series but the first, which is the base of the second."""
    what = f"FRED's {series} series"
    closes = _closes(_rows(data, series, what), what)
    if len(closes) < 2:
        raise unreadable(what, "it has fewer than two closes, so no change can be given")
    try:
        return tuple(_quote(series, before, after) for before, after in pairwise(closes))
    except ArithmeticError as error:
        raise unreadable(what, "its closes are too far apart to compare") from error


def _rows(data: bytes, series: str, what: str) -> list[list[str]]:
    """The CSV's rows after its header, which must be a date column and the series' column."""
    try:
        rows = [row for row in csv.reader(read_text(data, what, "CSV").splitlines()) if row]
    except csv.Error as error:
        raise unreadable(what, "it is not valid CSV") from error
    if not rows:
        raise unreadable(what, "the CSV is empty")
    header = [cell.strip().lower() for cell in rows[0]]
    if len(header) != 2 or header[0] not in _DATE_HEADERS or header[1] != series.lower():
        raise unreadable(what, f"its first line is not a FRED header for {series}")
    return rows[1:]


def _closes(rows: Sequence[list[str]], what: str) -> list[Close]:
    """The dated closes in date order, skipping gaps and (logged) figures that are not prices."""
    closes = []
    for row in rows:
        if len(row) != 2:
            raise unreadable(what, "a row of the CSV does not have two columns")
        day, value = day_of(row[0], what), row[1].strip()
        price = positive(number_in_text(value))
        if price is not None:
            closes.append((day, price))
        elif value not in _GAPS:
            log.info("skipped a figure of %s on %s: %r", what, day, value[:20])
    return sorted(closes)


def _quote(series: str, before: Close, after: Close) -> Quote:
    """The close ``after`` as a Quote, changed since the close ``before``."""
    change = after[1] - before[1]
    percent = (change * 100 / before[1]).quantize(PERCENT_PLACES, ROUND_HALF_EVEN)
    as_of = at_local(after[0], CLOSE_HOUR, CLOSE_ZONE)
    name = SERIES_NAMES.get(series, series)
    return Quote(series, name, after[1], change, percent, CURRENCY, as_of, NAME)
