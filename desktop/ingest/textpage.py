"""Reading a newspaper page saved as plain text: headline, photo caption, body and market strip.

Such a page starts with ``Publisher - Headline``, carries the site's currency table (``USD -``
then ``CODE value`` lines) and stock ticker (``• SYM`` then change, price and percent), repeats
the headline, gives the caption as ``caption / Photo: © AGENCY``, a ``Text size:`` control, the
paragraphs (subheadings written ``- text -``) and ends with a byline such as ``J.Name--ABBR``.
Figures are kept exactly as written: a change printed ``0.0100`` stays ``Decimal("0.0100")``
(equal to ``Decimal("0.01")``, but showing the page's precision); ``+3.01%`` becomes
``Decimal("3.01")``.

The figures are dated by the page's own time: its table heading's (``USD - 09:30 GMT``), else
its "as of", update or publication line (``desktop.ingest.pagedates``), which are page furniture
too. A page that states none gives undated figures: they are kept as saved when it was read, and
any dated figure ranks above them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from decimal import Decimal
from html import escape

from desktop.domain import MarketSnapshot, Quote, Rate
from desktop.ingest.names import SIGNATURE
from desktop.ingest.pagedates import DateKind, Stated, date_line, stated

BASE = "USD"
QUOTE_CURRENCY = "USD"
_TABLE = re.compile(r"^USD -(?:\s+(?P<when>\S.*))?$")
_RATE = re.compile(r"^([A-Z]{3}) ([0-9]+(?:\.[0-9]+)?)$")
_BULLET = re.compile(r"^•\s*([A-Z0-9][A-Z0-9.\-]*)$")
_NUMBER = re.compile(r"^[+-]?[0-9]+(?:\.[0-9]+)?$")
_PERCENT = re.compile(r"^([+-]?[0-9]+(?:\.[0-9]+)?)%$")
_CAPTION = re.compile(r"^(.*?)\s*/\s*(Photo:\s*©.*\S)$")
_SUBHEADING = re.compile(r"^- (.+) -$")
_DESK_SLUG = re.compile(r"^[a-z]{2,}(?:-[a-z]{2,})*(?:/[a-z]{2,})+$")
_TEXT_SIZE = re.compile(r"^Text size:")
_MARKERS = re.compile(r"/ Photo:|^Text size:|^USD -(?:\s.*)?$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class TextPage:
    """A saved newspaper page: its article, photo caption, byline, market strip, and when it
    says it was published (else updated), if it says."""

    publisher: str | None
    headline: str
    caption: str | None
    credit: str | None
    byline: str | None
    paragraphs: tuple[tuple[str, str], ...]
    market: MarketSnapshot | None
    published: datetime | None = None


class TextPageError(ValueError):
    """The text is not a saved newspaper page of the expected shape."""


@dataclass(slots=True)
class _Strip:
    """The market strip's figures as the page writes them, its table's heading time, and the
    lines that are not part of it."""

    rates: list[tuple[str, Decimal]] = field(default_factory=list)
    tickers: list[tuple[str, Decimal, Decimal, Decimal]] = field(default_factory=list)
    heading: Stated | None = None
    body: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Body:
    """What the body lines of a page hold, gathered line by line."""

    caption: str | None = None
    credit: str | None = None
    byline: str | None = None
    paragraphs: list[tuple[str, str]] = field(default_factory=list)


def looks_like_text_page(text: str) -> bool:
    """Tell cheaply whether ``text`` has the shape of a saved newspaper page."""
    first, _, rest = text.lstrip("\ufeff").partition("\n")
    if " - " not in first or first.lstrip().startswith(("<", "{", "[")):
        return False
    return _MARKERS.search(rest) is not None


def parse_text_page(
    text: str, provider: str, saved: datetime, zone: tzinfo | None = None
) -> TextPage:
    """Read a saved page; its market figures are credited to ``provider``, dated by the page's
    own time (read in ``zone`` when it names none; the person's by default), else undated and
    kept as saved at ``saved``."""
    if saved.tzinfo is None:
        raise ValueError("The time the page was saved has no time zone; give one.")
    lines = [line.strip() for line in text.lstrip("\ufeff").splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        raise TextPageError("The page is empty.")
    publisher, headline = _split_title(lines[0], lines[1:])
    dates, rest = _dates(lines[1:])
    strip = _split_market(rest)
    body = _read_body(strip.body, headline)
    if not body.paragraphs:
        raise TextPageError("The page has no article text.")
    local = zone or _local_zone()
    stated_at = _published(dates)
    return TextPage(
        publisher=publisher,
        headline=headline,
        caption=body.caption,
        credit=body.credit,
        byline=body.byline,
        paragraphs=tuple(body.paragraphs),
        market=_snapshot(strip, provider, _market_time(strip.heading, dates, local), saved),
        published=stated_at.moment(local) if stated_at else None,
    )


def text_page_html(page: TextPage) -> str:
    """The page's body as simple, escaped HTML: one ``<p>`` or ``<h2>`` per paragraph."""
    return "\n".join(
        f"<{kind}>{escape(text, quote=False)}</{kind}>" for kind, text in page.paragraphs
    )


def _split_title(first: str, others: Sequence[str]) -> tuple[str | None, str]:
    """Split ``Publisher - Headline``, preferring the split whose headline the page repeats."""
    splits = [(first[: m.start()], first[m.end() :]) for m in re.finditer(" - ", first)]
    if not splits:
        return None, first
    repeated = set(others)
    publisher, headline = next((s for s in splits if s[1].strip() in repeated), splits[0])
    if not headline.strip():
        raise TextPageError("The page's first line has no headline.")
    return publisher.strip() or None, headline.strip()


def _dates(lines: Sequence[str]) -> tuple[dict[DateKind, Stated], list[str]]:
    """The dates the page's date lines state (the first of each kind), and the other lines."""
    dates: dict[DateKind, Stated] = {}
    rest: list[str] = []
    for line in lines:
        found = None if _TABLE.match(line) else date_line(line)  # a heading's time is its own
        if found is None:
            rest.append(line)
        else:
            for kind, when in found.items():
                dates.setdefault(kind, when)
    return dates, rest


def _published(dates: dict[DateKind, Stated]) -> Stated | None:
    """The page's publication date, else its update, if it gives a day."""
    found = (dates.get(DateKind.PUBLISHED), dates.get(DateKind.UPDATED))
    return next((when for when in found if when and when.day), None)


def _market_time(
    heading: Stated | None, dates: dict[DateKind, Stated], zone: tzinfo
) -> datetime | None:
    """When the figures are from: the table heading's time, else the page's "as of", update or
    publication; a time without a day takes the page's day. None when the page says nothing."""
    candidates = (heading, *(dates.get(kind) for kind in _MARKET_DATES))
    day = next((when.day for when in candidates if when and when.day), None)
    moments = (when.moment(zone, day) for when in candidates if when)
    return next((moment for moment in moments if moment), None)


_MARKET_DATES = (DateKind.MARKET, DateKind.UPDATED, DateKind.PUBLISHED)


def _snapshot(
    strip: _Strip, provider: str, as_of: datetime | None, saved: datetime
) -> MarketSnapshot | None:
    """The strip's figures as of ``as_of``, or undated as saved at ``saved``; None if none."""
    if not (strip.rates or strip.tickers):
        return None
    undated = as_of is None
    when = saved if as_of is None else as_of
    rates = tuple(
        Rate(code, BASE, value, when, provider, snapshot=True, undated=undated)
        for code, value in strip.rates
    )
    quotes = tuple(
        Quote(
            symbol=symbol,
            name=symbol,
            price=price,
            change=change,
            percent=percent,
            currency=QUOTE_CURRENCY,
            as_of=when,
            provider=provider,
            snapshot=True,
            undated=undated,
        )
        for symbol, change, price, percent in strip.tickers
    )
    return MarketSnapshot(provider, when, rates, quotes, undated)


def _split_market(lines: Sequence[str]) -> _Strip:
    """Take the currency table and the ticker strip out of the lines; the rest is the body."""
    strip = _Strip()
    index = 0
    while index < len(lines):
        table = _table_at(lines, index)
        if table is not None:
            if table is not _NO_TIME:
                strip.heading = strip.heading or table
            index = _read_rates(lines, index + 1, strip.rates)
        elif (ticker := _ticker_at(lines, index)) is not None:
            strip.tickers.append(ticker)
            index += 4
        else:
            strip.body.append(lines[index])
            index += 1
    return strip


def _table_at(lines: Sequence[str], index: int) -> Stated | None:
    """The currency table's heading at ``index``: ``USD -`` alone, or followed by words and
    then rates, with the time of the figures when the words give one (else ``_NO_TIME``);
    None for any other line."""
    found = _TABLE.match(lines[index])
    if found is None:
        return None
    if found["when"] is None:
        return _NO_TIME
    if not (index + 1 < len(lines) and _RATE.match(lines[index + 1])):
        return None  # words after "USD -" and no rates: a line of the article
    return _heading_time(found["when"]) or _NO_TIME


_NO_TIME = Stated(None, None, None)


def _heading_time(text: str) -> Stated | None:
    """The time a table heading gives ("09:30 GMT", "as of 14 March 2025 09:30")."""
    labelled = date_line(text)
    return next(iter(labelled.values())) if labelled else stated(text)


def _read_rates(lines: Sequence[str], index: int, rates: list[tuple[str, Decimal]]) -> int:
    """Add the ``CODE value`` lines from ``index`` on to ``rates``; return the next line's index."""
    while index < len(lines) and (found := _RATE.match(lines[index])):
        rates.append((found[1], Decimal(found[2])))
        index += 1
    return index


def _ticker_at(lines: Sequence[str], index: int) -> tuple[str, Decimal, Decimal, Decimal] | None:
    """The ticker entry starting at ``index`` (symbol, change, price, percent), if there is one."""
    symbol = _BULLET.match(lines[index])
    figures = lines[index + 1 : index + 4]
    if symbol is None or len(figures) < 3:
        return None
    percent = _PERCENT.match(figures[2])
    if not (_NUMBER.match(figures[0]) and _NUMBER.match(figures[1]) and percent):
        return None
    return symbol[1], Decimal(figures[0]), Decimal(figures[1]), Decimal(percent[1])


def _local_zone() -> tzinfo:
    """The person's time zone, with its daylight saving."""
    from dateutil import tz

    zone: tzinfo = tz.tzlocal()
    return zone


def _read_body(lines: Sequence[str], headline: str) -> _Body:
    """Sort body lines into caption, byline and paragraphs, leaving the page furniture out."""
    body = _Body()
    for line in lines:
        caption = _CAPTION.match(line)
        if caption is not None:
            if body.credit is None:
                body.caption, body.credit = caption[1] or None, caption[2]
        elif SIGNATURE.match(line):
            body.byline = line
        elif not _is_furniture(line) and not (line == headline and not body.paragraphs):
            body.paragraphs.append(_paragraph(line))
    return body


def _is_furniture(line: str) -> bool:
    """Whether a body line is page furniture: the text size control or a desk slug (ab-cd/xy)."""
    return bool(_TEXT_SIZE.match(line) or _DESK_SLUG.match(line))


def _paragraph(line: str) -> tuple[str, str]:
    """A body line as (kind, text): a ``- text -`` line is a subheading, any other a paragraph."""
    subheading = _SUBHEADING.match(line)
    return ("h2", subheading[1]) if subheading else ("p", line)
