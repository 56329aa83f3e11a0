"""Dates and times as pages print them, so a page's figures and articles carry their own time.

A page states when it was published or updated on a line of its own ("Updated: 14 March 2025
09:30", "Published 2025-03-14 | Updated 2025-03-15 10:00 GMT", a date alone), when its market
figures are from ("Rates as of 2025-03-14"), or heads its currency table with a time ("USD -
09:30 GMT"); an article shows it beside the byline ("Publié le 14 janvier 2025 à 18h12"). Dates
have the month named (in the languages of ``months``, any case, Arabic-Indic digits too), the
time before or after the date ("14:30, 5 июня 2025"), day or month first, or are ISO
(2025-03-14), dotted (14.03.2025, 2025.03.14) or Chinese, Japanese and Korean (2025年3月14日);
numeric dates with slashes are read year first, or in the order a caller knows the page uses
(14/03 and 03/14 cannot both be told apart). Zone abbreviations are those of
``datewords``. A time without a zone is in ``zone``, the person's.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import cache

from desktop.ingest.datewords import ZONE_NAMES, zone_named
from desktop.ingest.months import month_number

MAX_PREFIX_WORDS = 3  # "Exchange rates as of ...": a few words may come before a label

# A month's name: a word, or one of the Levantine Arabic names of two words or two letters.
_MONTH = r"(?P<mon>(?:كانون|تشرين)\s+(?:الأول|الثاني)|آب|[^\W\d_]{3,12})\.?"
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th|\.)?"
_YEAR = r"(?P<y>\d{4})"
_DATES = (
    rf"{_YEAR}-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})",
    rf"{_YEAR}/(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})",
    rf"{_YEAR}\.\s?(?P<m>\d{{1,2}})\.\s?(?P<d>\d{{1,2}})\.?",
    r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})",
    rf"{_DAY}\s+(?:of\s+|de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}",
    rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",
    rf"{_YEAR}\s*[年년]\s*(?P<m>\d{{1,2}})\s*[月월]\s*(?P<d>\d{{1,2}})\s*[日일]",
)
# Numeric dates with slashes, day or month first: read only when the page's country says which.
_SLASHED = {
    "dmy": r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})",
    "mdy": r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})",
}
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
# The halves of the day as Korean, Chinese and Japanese pages write them before the hour
# ("오후 5:42", "下午5:42", "午後5時"), and those that are after noon.
_HALVES = r"오전|오후|上午|下午|中午|晚上|凌晨|早上|午前|午後"
AFTER_NOON = frozenset({"오후", "下午", "中午", "晚上", "午後"})
_CLOCK = (
    rf"(?:(?P<kap>{_HALVES})?\s*(?:(?P<hc>\d{{1,2}})\s*[時时시点點]\s*(?:(?P<mc>\d{{1,2}})\s*[分분])?"
    r"|(?P<h>\d{1,2})(?:[:.h](?P<min>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?)?"
    r"\s*(?P<ap>[ap]\.?\s?m\.?|[صم](?!\w))?(?:\s*Uhr\b)?))"
)
_ZONE_NAMES = "|".join(sorted(ZONE_NAMES, key=len, reverse=True))
# Zone names are matched in capitals only: "et" and "at" are words, ET and AT are zones.
_ZONE = (
    rf"(?P<zone>(?-i:(?:{_ZONE_NAMES})(?![A-Za-z]))(?:\s*[+-]\s*\d{{1,2}}(?::?\d{{2}})?)?"
    r"|[+-]\d{2}:?\d{2})"
)
# What stands between a date and its time: punctuation, or "at" in the languages of the pages
# (the Russian "в", Czech "v", Polish "o godz.", Indonesian "pukul", Turkish "saat" ...).
_BETWEEN = (
    r"(?:(?:\s*(?:,|،|\b(?:at|à|um|a las|alle|om|в|v|o|o godz\.|godz\.|pukul|saat|lúc)(?!\w)"
    r"|-|–|—|\||·)\s*){1,2}|\s+|T|(?<=[日일]))"
)
_CLOCK_ZONE = rf"{_CLOCK}(?:\s*\(?{_ZONE}\)?)?"
_OFFSET = re.compile(r"([^\W\d_]{0,4})\s*(?:([+-])\s*(\d{1,2}):?(\d{2})?)?", re.IGNORECASE)


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


def stated(text: str, country: str | None = None, local: str | None = None) -> Stated | None:
    """A date, a time of day, or both, when that is all ``text`` is; else None. A zone's
    abbreviation is read as the page's ``country`` means it, or as its own clock (``local``, an
    IANA name) when it names that clock in either season."""
    words = text.strip().rstrip(".")
    for form in _forms(None):
        found = form.fullmatch(words)
        if found is not None:
            return _read(found, country, local)
    return None


def first_stated(
    text: str, order: str = "dmy", country: str | None = None, local: str | None = None
) -> Stated | None:
    """The first date in ``text``, with the time written beside it, wherever it stands
    ("Posted 14 June 2025, 18:30 BST · by ..."). Numeric dates with slashes are read in
    ``order`` ("dmy" or "mdy"; the other when only it makes a date), zone abbreviations as
    ``stated`` reads them; None when the text holds no date."""
    for forms in (_forms(order), _forms("mdy" if order == "dmy" else "dmy")):
        matches = [found for form in forms[:-1] for found in form.finditer(text)]
        matches.sort(key=lambda found: (found.start(), -found.end()))
        for found in matches:
            when = _read(found, country, local)
            if when is not None and when.day is not None:
                return when
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
def _forms(order: str | None) -> tuple[re.Pattern[str], ...]:
    """The forms of date and time, numeric dates with slashes in ``order`` when it is given,
    then a time alone; compiled when a page is first read, as nothing else needs them."""
    dates = (*_DATES, _SLASHED[order]) if order else _DATES
    patterns = [
        pattern
        for date_form in dates
        for pattern in (
            rf"{_WEEKDAY}{date_form}(?:{_BETWEEN}{_CLOCK_ZONE})?",
            rf"{_CLOCK_ZONE}{_BETWEEN}{_WEEKDAY}{date_form}",
            rf"{_CLOCK}{_BETWEEN}{_WEEKDAY}{date_form}\s*\(?{_ZONE}\)?",
        )
    ]
    return tuple(re.compile(pattern, re.IGNORECASE) for pattern in (*patterns, _CLOCK_ZONE))


def _is_prefix(text: str) -> bool:
    """Whether words before a date's label may head a date line ("Exchange rates")."""
    words = text.strip(_SEPARATORS).split()
    return len(words) <= MAX_PREFIX_WORDS and all(word.isalpha() for word in words)


def _read(
    found: re.Match[str], country: str | None = None, local: str | None = None
) -> Stated | None:
    """The date, time and zone a matched form holds (an abbreviation as ``stated`` reads it);
    None when they are no real ones."""
    groups = found.groupdict()
    try:
        day = _day(groups)
        clock = _clock(groups)
        zone = _zone(groups.get("zone"), country, day, local)
    except ValueError:
        return None
    if day is None and clock is None:
        return None
    return Stated(day, clock, zone)


def _day(groups: dict[str, str | None]) -> date | None:
    """The date in a match, if it has one; ValueError when it is no real date."""
    if groups.get("y") is None:
        return None
    month_name = groups.get("mon")
    month = month_number(month_name) if month_name else int(groups.get("m") or "x")
    if month is None:
        raise ValueError(f"{month_name} is no month")
    return date(int(groups["y"] or 0), month, int(groups["d"] or 0))


def _clock(groups: dict[str, str | None]) -> time | None:
    """The time of day in a match, if it has one; ValueError when it is no real time."""
    half = groups.get("kap")
    if groups.get("hc") is not None:  # 19時47分, 오후 7시 47분
        return time(_on_clock(int(groups["hc"] or 0), half), int(groups.get("mc") or 0))
    if groups.get("h") is None:
        return None
    if half is not None:  # 오후 5:42, 下午5:42
        if groups.get("min") is None:
            raise ValueError("a lone number is no time of day")
        hour = _on_clock(int(groups["h"] or 0), half)
        return time(hour, int(groups["min"] or 0), int(groups.get("s") or 0))
    hour, minutes, after_noon = int(groups["h"] or 0), groups.get("min"), groups.get("ap")
    if minutes is None and after_noon is None:
        raise ValueError("a lone number is no time of day")
    if after_noon is not None:
        if not 1 <= hour <= 12:
            raise ValueError("not an hour on a 12-hour clock")
        hour = hour % 12 + (12 if after_noon.lower().startswith("p") or after_noon == "م" else 0)
    return time(hour, int(minutes or 0), int(groups.get("s") or 0))


def _on_clock(hour: int, half: str | None) -> int:
    """The hour on a 24-hour clock of an hour written after a half of the day ("오후 5" is 17;
    "下午17" stays 17)."""
    if half is None or hour > 12:
        return hour
    return hour % 12 + (12 if half in AFTER_NOON else 0)


def _zone(
    name: str | None, country: str | None = None, day: date | None = None, local: str | None = None
) -> tzinfo | None:
    """The zone a page names ("GMT", "CET", "ET", "+01:00", "UTC+2") on ``day``, or None when it
    names none; ValueError for an abbreviation that is not one zone."""
    if name is None:
        return None
    found = _OFFSET.fullmatch(name.strip())
    if found is None:
        raise ValueError(name)
    abbreviation, sign, hours, minutes = found.groups()
    on = None if sign else day  # an offset from a clock is added to its own, never a season's
    named = zone_named(abbreviation, country, on, local) if abbreviation else UTC
    if named is None:
        raise ValueError(f"{abbreviation} is not one zone")
    if not sign:
        return named
    base = named.utcoffset(None)
    if base is None:
        raise ValueError(f"{abbreviation} follows daylight saving: no offset can be added")
    shift = timedelta(hours=int(hours or 0), minutes=int(minutes or 0))
    offset = base - shift if sign == "-" else base + shift
    return UTC if not offset else timezone(offset)
