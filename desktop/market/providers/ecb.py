"""The European Central Bank's euro reference rates: the daily file and the 90-day history.

Both are gesmes Envelopes of ``<Cube time="YYYY-MM-DD">`` days holding
``<Cube currency="USD" rate="1.0823"/>``; each rate is euros' worth in that currency, dated at
16:00 Berlin time (the ECB publishes around 16:00 CET) on its day.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from desktop.domain import Rate
from desktop.market.providers.reading import (
    at_local,
    day_of,
    is_code,
    number_in_text,
    positive,
    read_xml,
    unreadable,
)

log = logging.getLogger(__name__)

NAME = "European Central Bank"
BASE = "EUR"
WHAT = "The European Central Bank's rates"
PUBLISHED_HOUR = 16
PUBLISHED_ZONE = "Europe/Berlin"


def parse_ecb(data: bytes) -> tuple[Rate, ...]:
    """Every valid rate of every day in an ECB reference-rate file (daily or history)."""
    days = [cube for cube in read_xml(data, WHAT).iter() if _is_day(cube)]
    if not days:
        raise unreadable(WHAT, "it holds no dated rates")
    rates = tuple(rate for day in days for rate in _day_rates(day))
    if not rates:
        raise unreadable(WHAT, "it lists no valid rates")
    return rates


def _is_day(element: ET.Element) -> bool:
    """Whether an element is a ``Cube`` carrying a ``time``, in whatever namespace."""
    return _local_name(element.tag) == "Cube" and "time" in element.attrib


def _day_rates(day: ET.Element) -> Iterator[Rate]:
    """The valid rates of one day's Cube, skipping (and logging) the bad ones."""
    as_of = at_local(day_of(day.get("time"), WHAT), PUBLISHED_HOUR, PUBLISHED_ZONE)
    for cube in day:
        code, rate = cube.get("currency"), positive(number_in_text(cube.get("rate")))
        if is_code(code) and rate is not None:
            yield Rate(code, BASE, rate, as_of, NAME)
        else:
            log.info("skipped an ECB rate on %s: %r", day.get("time"), dict(cube.attrib))


def _local_name(tag: object) -> str:
    """A tag without its ``{namespace}``."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""
