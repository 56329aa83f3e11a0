"""Reading a bundled edition: sources with articles and photos, and a market snapshot.

The sample edition under ``desktop/resources/sample/`` is written for this project:
``edition.json`` holds the articles (their bodies use only p, h2, h3, blockquote, lists, links
and emphasis), ``photos/`` their photos and thumbnails, and ``market.json`` the figures of the
sample page.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from desktop.domain import (
    Edition,
    MarketSnapshot,
    NewArticle,
    NewPhoto,
    NewSource,
    Quote,
    Rate,
)
from desktop.ingest.images import describe
from desktop.ingest.text import html_to_text
from desktop.ingest.versioned import read_versioned
from desktop.moments import iso_moment

FORMAT = 1


class EditionError(ValueError):
    """The edition's files are missing or not in the expected shape."""


def read_edition(folder: Path) -> Edition:
    """Read the edition in ``folder`` (``edition.json``, ``photos/``, optional ``market.json``)."""
    document = _load_json(folder / "edition.json")
    try:
        sources = tuple(_source(raw, folder / "photos") for raw in document["sources"])
    except (KeyError, TypeError, ValueError) as error:
        raise EditionError(f"edition.json is not in the expected shape ({error!r})") from error
    market_file = folder / "market.json"
    market = read_market_snapshot(market_file) if market_file.exists() else None
    return Edition(sources, market)


def read_market_snapshot(file: Path) -> MarketSnapshot:
    """Read a market snapshot: rates against one base and quotes, all as of one time."""
    document = _load_json(file)
    try:
        provider = str(document["provider"])
        as_of = _moment(document["as_of"])
        base = str(document["base"])
        rates = tuple(
            Rate(str(code), base, _decimal(value), as_of, provider, snapshot=True)
            for code, value in document["rates"]
        )
        quotes = tuple(_quote(raw, as_of, provider) for raw in document["quotes"])
    except (KeyError, TypeError, ValueError) as error:
        raise EditionError(f"{file.name} is not in the expected shape ({error!r})") from error
    return MarketSnapshot(provider, as_of, rates, quotes)


def _load_json(file: Path) -> dict[str, Any]:
    """Load a JSON document of our format version."""
    return read_versioned(file, FORMAT, "an edition file", EditionError)


def _source(raw: dict[str, Any], photos: Path) -> NewSource:
    """One source and its articles."""
    return NewSource(
        title=raw["title"],
        kind="sample",
        url=raw.get("feed_url"),
        site_url=raw.get("url"),
        articles=tuple(_article(item, photos) for item in raw["articles"]),
    )


def _article(raw: dict[str, Any], photos: Path) -> NewArticle:
    """One article, with its photo if it has one."""
    body = raw["body_html"]
    return NewArticle(
        guid=raw["guid"],
        title=raw["title"],
        url=raw.get("url"),
        byline=raw.get("byline"),
        published=_moment(raw["published"]) if raw.get("published") else None,
        summary=raw.get("summary"),
        body_html=body,
        body_text=html_to_text(body),
        photo=_photo(photos, raw["photo"]) if raw.get("photo") else None,
        caption=raw.get("caption"),
        credit=raw.get("credit"),
    )


def _photo(photos: Path, name: str) -> NewPhoto:
    """A photo file of the edition and its thumbnail."""
    data = (photos / name).read_bytes()
    found = describe(data)
    thumbnail = photos / "thumbs" / name
    return NewPhoto(
        data=data,
        content_type=found.content_type,
        width=found.width,
        height=found.height,
        thumbnail=thumbnail.read_bytes() if thumbnail.exists() else None,
    )


def _quote(raw: dict[str, Any], as_of: datetime, provider: str) -> Quote:
    """One stock quote of a snapshot."""
    return Quote(
        symbol=raw["symbol"],
        name=raw["name"],
        price=_decimal(raw["price"]),
        change=_decimal(raw["change"]),
        percent=_decimal(raw["percent"]),
        currency=raw["currency"],
        as_of=as_of,
        provider=provider,
        snapshot=True,
    )


def _moment(text: str) -> datetime:
    """An ISO 8601 time with its offset."""
    moment = iso_moment(text)
    if moment is None:
        raise EditionError(f"the time {text!r} is not an ISO 8601 time")
    if moment.tzinfo is None:
        raise EditionError(f"the time {text!r} has no offset")
    return moment


def _decimal(text: object) -> Decimal:
    """A finite decimal figure given as a string ("NaN" and "Infinity" are no figures)."""
    try:
        value = Decimal(str(text))
    except InvalidOperation as error:
        raise EditionError(f"{text!r} is not a number") from error
    if not value.is_finite():
        raise EditionError(f"{text!r} is not a number")
    return value
