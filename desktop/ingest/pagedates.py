"""Dates and times as saved newspaper pages print them, so a page's figures carry its own time.

A page states when it was published or updated on a line of its own ("Updated: 14 March 2025
09:30", "Published 2025-03-14 | Updated 2025-03-15 10:00 GMT", a date alone), when its market
figures are from ("Rates as of 2025-03-14"), or heads its currency table with a time ("USD -
09:30 GMT"). Dates are English, day or month first with the month named, ISO (2025-03-14), or
with dots, day first (14.03.2025); numeric dates with slashes are read only year first, since
14/03 and 03/14 cannot both be told apart. A time without a zone is in ``zone``, the person's.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import cache

from desktop.ingest.datewords import MONTHS, ZONE_HOURS

MAX_PREFIX_WORDS = 3  # "Exchange rates as of ...": a few words may come before a label

_MONTH = r"(?P<mon>[^\W\d_]{3,10})\.?"
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>\d{4})"
_DATES = (
    rf"{_YEAR}-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})",
    rf"{_YEAR}/(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})",
    r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})",
    rf"{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}",
    rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_CLOCK = (
    r"(?P<h>\d{1,2})(?:[:.h](?P<min>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?)?"
    r"\s*(?P<ap>[ap]\.?\s?m\.?)?"
)
_ZONE = r"(?P<zone>Z|[A-Z]{3,4}(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})"
_BETWEEN = r"(?:\s*(?:,|\bat\b|-|–|—|\||·)\s*|\s+|T)"
_CLOCK_ZONE = rf"{_CLOCK}(?:\s*\(?{_ZONE}\)?)?"
# Each form of date, with a time after it or before it; then a time alone.
_PATTERNS = (
    *(
        pattern
        for date_form in _DATES
        for pattern in (
            rf"{_WEEKDAY}{date_form}(?:{_BETWEEN}{_CLOCK_ZONE})?",
            rf"{_CLOCK_ZONE}{_BETWEEN}{_WEEKDAY}{date_form}",
        )
    ),
    _CLOCK_ZONE,
)
_OFFSET = re.compile(r"([A-Z]{0,4})\s*(?:([+-])\s*(\d{1,2}):?(\d{2})?)?", re.IGNORECASE)


class DateKind(enum.Enum):
    """What a date on a page is the date of."""

    PUBLISHED = "published"
    UPDATED = "updated"
    MARKET = "market"  # the market figures' own time ("as of")


_LABELS = {
    "first published": DateKind.PUBLISHED,
    "published": DateKind.PUBLISHED,
    "posted": DateKind.PUBLISHED,
    "dated": DateKind.PUBLISHED,
    "date": DateKind.PUBLISHED,
    "last updated": DateKind.UPDATED,
    "updated": DateKind.UPDATED,
    "last modified": DateKind.UPDATED,
    "modified": DateKind.UPDATED,
    "as of": DateKind.MARKET,
    "as at": DateKind.MARKET,
}
_LABEL = re.compile(
    r"\b(" + "|".join(re.escape(label) for label in _LABELS) + r")\b\s*(?:on\b|at\b)?\s*:?",
    re.IGNORECASE,
)
_SEPARATORS = " \t|·•,;–—-"


@dataclass(frozen=True, slots=True)
class Stated:
    """A date or time as a page states it: its day and time of day (either may be missing)
    and the zone it names (None when it names none)."""

    day: date | None
    clock: time | None
    zone: tzinfo | None

    def moment(self, zone: tzinfo, day: date | None = None) -> datetime | None:
        """The moment in UTC, on ``day`` when the page gave only a time, at the start of the day
        when it gave only a day; None without a day. A zone it names wins over ``zone``."""
        on = self.day or day
        if on is None:
            return None
        return datetime.combine(on, self.clock or time(0), self.zone or zone).astimezone(UTC)


def stated(text: str) -> Stated | None:
    """A date, a time of day, or both, when that is all ``text`` is; else None."""
    words = text.strip().rstrip(".")
    for form in _forms():
        found = form.fullmatch(words)
        if found is not None:
            return _read(found)
    return None


def date_line(line: str) -> dict[DateKind, Stated] | None:
    """The dates a line states when it is a date line: a date alone (the publication's), or
    labelled dates ("Updated: ...", "Published ... | Updated ...", "Rates as of ...");
    None for any other line."""
    labels = list(_LABEL.finditer(line))
    if not labels:
        alone = stated(line)
        return {DateKind.PUBLISHED: alone} if alone and alone.day else None
    prefix = line[: labels[0].start()]
    if not _is_prefix(prefix) or (prefix.strip() and line.rstrip().endswith(".")):
        return None  # a sentence that mentions a date is the article's, not the page's
    found: dict[DateKind, Stated] = {}
    ends = [label.start() for label in labels[1:]] + [len(line)]
    for label, end in zip(labels, ends, strict=True):
        when = stated(line[label.end() : end].strip(_SEPARATORS))
        if when is None:
            return None
        found.setdefault(_LABELS[label[1].lower()], when)
    return found


@cache
def _forms() -> tuple[re.Pattern[str], ...]:
    """The forms of date and time, compiled when a page is first read (about 10 ms of patterns
    that nothing else needs)."""
    return tuple(re.compile(pattern, re.IGNORECASE) for pattern in _PATTERNS)


def _is_prefix(text: str) -> bool:
    """Whether words before a date's label may head a date line ("Exchange rates")."""
    words = text.strip(_SEPARATORS).split()
    return len(words) <= MAX_PREFIX_WORDS and all(word.isalpha() for word in words)


def _read(found: re.Match[str]) -> Stated | None:
    """The date, time and zone a matched form holds; None when they are no real ones."""
    groups = found.groupdict()
    try:
        day = _day(groups)
        clock = _clock(groups)
        zone = _zone(groups.get("zone"))
    except ValueError:
        return None
    if day is None and clock is None:
        return None
    return Stated(day, clock, zone)


def _day(groups: dict[str, str | None]) -> date | None:
    """The date in a match, if it has one; ValueError when it is no real date."""
    if groups.get("y") is None:
        return None
    month_name = (groups.get("mon") or "").lower()
    month = MONTHS[month_name] if month_name in MONTHS else int(groups.get("m") or "x")
    return date(int(groups["y"] or 0), month, int(groups["d"] or 0))


def _clock(groups: dict[str, str | None]) -> time | None:
    """The time of day in a match, if it has one; ValueError when it is no real time."""
    if groups.get("h") is None:
        return None
    hour, minutes, after_noon = int(groups["h"] or 0), groups.get("min"), groups.get("ap")
    if minutes is None and after_noon is None:
        raise ValueError("a lone number is no time of day")
    if after_noon is not None:
        if not 1 <= hour <= 12:
            raise ValueError("not an hour on a 12-hour clock")
        hour = hour % 12 + (12 if after_noon.lower().startswith("p") else 0)
    return time(hour, int(minutes or 0), int(groups.get("s") or 0))


def _zone(name: str | None) -> tzinfo | None:
    """The zone a page names ("GMT", "CET", "+01:00", "UTC+2"), or None when it names none;
    ValueError for an abbreviation that is not one zone."""
    if name is None:
        return None
    found = _OFFSET.fullmatch(name.strip())
    if found is None:
        raise ValueError(name)
    abbreviation, sign, hours, minutes = found.groups()
    if abbreviation and abbreviation.upper() not in ZONE_HOURS:
        raise ValueError(f"{abbreviation} is not one zone")
    base = ZONE_HOURS[abbreviation.upper()] if abbreviation else 0.0
    shift = int(hours or 0) * 60 + int(minutes or 0)
    offset = timedelta(hours=base, minutes=-shift if sign == "-" else shift)
    return UTC if not offset else timezone(offset)
