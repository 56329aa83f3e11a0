"""Reading a newspaper page saved as plain text: headline, photo caption, body and market strip.

Such a page starts with ``Publisher - Headline``, carries the site's currency table (``USD -``
then ``CODE value`` lines) and stock ticker (``• SYM`` then change, price and percent), repeats
the headline, gives the caption as ``caption / Photo: © AGENCY``, a ``Text size:`` control, the
paragraphs (subheadings written ``- text -``) and ends with a byline such as ``J.Name--ABBR``.
Figures are kept exactly as written: a change printed ``0.0100`` stays ``Decimal("0.0100")``
(equal to ``Decimal("0.01")``, but showing the page's precision); ``+3.01%`` becomes
``Decimal("3.01")``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from html import escape

from desktop.domain import MarketSnapshot, Quote, Rate

BASE = "USD"
QUOTE_CURRENCY = "USD"
_TABLE = re.compile(r"^USD -$")
_RATE = re.compile(r"^([A-Z]{3}) ([0-9]+(?:\.[0-9]+)?)$")
_BULLET = re.compile(r"^•\s*([A-Z0-9][A-Z0-9.\-]*)$")
_NUMBER = re.compile(r"^[+-]?[0-9]+(?:\.[0-9]+)?$")
_PERCENT = re.compile(r"^([+-]?[0-9]+(?:\.[0-9]+)?)%$")
_CAPTION = re.compile(r"^(.*?)\s*/\s*(Photo:\s*©.*\S)$")
_SUBHEADING = re.compile(r"^- (.+) -$")
_BYLINE = re.compile(r"^[A-Z][A-Za-z-]{0,5}\.[^\W\d_][\w'’ -]{0,40}--[A-Za-z][A-Za-z0-9]{1,11}$")
_DESK_SLUG = re.compile(r"^[a-z]{2,}(?:-[a-z]{2,})*(?:/[a-z]{2,})+$")
_TEXT_SIZE = re.compile(r"^Text size:")
_MARKERS = re.compile(r"/ Photo:|^Text size:|^USD -\s*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class TextPage:
    """A saved newspaper page: its article, photo caption, byline and market strip."""

    publisher: str | None
    headline: str
    caption: str | None
    credit: str | None
    byline: str | None
    paragraphs: tuple[tuple[str, str], ...]
    market: MarketSnapshot | None


class TextPageError(ValueError):
    """The text is not a saved newspaper page of the expected shape."""


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


def parse_text_page(text: str, provider: str, as_of: datetime) -> TextPage:
    """Read a saved page; its market figures are credited to ``provider`` as of ``as_of``."""
    if as_of.tzinfo is None:
        raise ValueError("The market time has no time zone; give one.")
    lines = [line.strip() for line in text.lstrip("\ufeff").splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        raise TextPageError("The page is empty.")
    publisher, headline = _split_title(lines[0], lines[1:])
    rates, quotes, body_lines = _split_market(lines[1:], provider, as_of)
    body = _read_body(body_lines, headline)
    if not body.paragraphs:
        raise TextPageError("The page has no article text.")
    market = MarketSnapshot(provider, as_of, rates, quotes) if rates or quotes else None
    return TextPage(
        publisher=publisher,
        headline=headline,
        caption=body.caption,
        credit=body.credit,
        byline=body.byline,
        paragraphs=tuple(body.paragraphs),
        market=market,
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


def _split_market(
    lines: Sequence[str], provider: str, as_of: datetime
) -> tuple[tuple[Rate, ...], tuple[Quote, ...], list[str]]:
    """Take the currency table and the ticker strip out of the lines; the rest is the body."""
    rates: list[Rate] = []
    quotes: list[Quote] = []
    body: list[str] = []
    index = 0
    while index < len(lines):
        if _TABLE.match(lines[index]):
            index = _read_rates(lines, index + 1, rates, provider, as_of)
        elif (quote := _quote_at(lines, index, provider, as_of)) is not None:
            quotes.append(quote)
            index += 4
        else:
            body.append(lines[index])
            index += 1
    return tuple(rates), tuple(quotes), body


def _read_rates(
    lines: Sequence[str], index: int, rates: list[Rate], provider: str, as_of: datetime
) -> int:
    """Add the ``CODE value`` lines from ``index`` on to ``rates``; return the next line's index."""
    while index < len(lines) and (found := _RATE.match(lines[index])):
        rates.append(Rate(found[1], BASE, Decimal(found[2]), as_of, provider, snapshot=True))
        index += 1
    return index


def _quote_at(lines: Sequence[str], index: int, provider: str, as_of: datetime) -> Quote | None:
    """The ticker entry starting at ``index`` (symbol, change, price, percent), if there is one."""
    symbol = _BULLET.match(lines[index])
    figures = lines[index + 1 : index + 4]
    if symbol is None or len(figures) < 3:
        return None
    percent = _PERCENT.match(figures[2])
    if not (_NUMBER.match(figures[0]) and _NUMBER.match(figures[1]) and percent):
        return None
    return Quote(
        symbol=symbol[1],
        name=symbol[1],
        price=Decimal(figures[1]),
        change=Decimal(figures[0]),
        percent=Decimal(percent[1]),
        currency=QUOTE_CURRENCY,
        as_of=as_of,
        provider=provider,
        snapshot=True,
    )


def _read_body(lines: Sequence[str], headline: str) -> _Body:
    """Sort body lines into caption, byline and paragraphs, leaving the page furniture out."""
    body = _Body()
    for line in lines:
        caption = _CAPTION.match(line)
        if caption is not None:
            if body.credit is None:
                body.caption, body.credit = caption[1] or None, caption[2]
        elif _BYLINE.match(line):
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
