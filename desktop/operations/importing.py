"""Importing local documents, and showing what a page would give, without storing it.

``import_file`` recognises what a file is and stores it: a feed document's entries under a source
for that file, an OPML file's subscriptions, a saved web page as one article, a page saved as text
as one article plus the market snapshot its currency table and ticker hold. ``read_page`` is the
same reading for one page, stored nowhere (``broadsheet extract``).
"""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.domain import SAVED_PAGE_PROVIDER, MarketSnapshot, NewArticle, NewSource
from desktop.ingest.byteorder import wide_encoding
from desktop.ingest.detect import DocumentKind, detect
from desktop.ingest.extract import Extracted, ExtractionError, extract_article
from desktop.ingest.feeds import FeedParseError, ParsedFeed, parse_feed
from desktop.ingest.figures import body_images
from desktop.ingest.opml import OpmlError, OutlineFeed, read_opml
from desktop.ingest.text import html_to_text
from desktop.ingest.textpage import TextPage, TextPageError, parse_text_page, text_page_html
from desktop.net.fetch import PAGE_ACCEPT, Limits, Request, Response, fetch, not_web_address
from desktop.operations import StoreWriter
from desktop.operations.entries import entry_article, prepare
from desktop.operations.fetching import close_loop, drain
from desktop.operations.photos import Tally, Wanted, fetch_pictures, wanted_pictures
from desktop.store import feeds, loading
from desktop.store.feeds import FeedExistsError
from desktop.wording import count

SAVED_PAGES = "Saved pages"
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024


class DocumentError(ValueError):
    """A document that cannot be read at all; ``str()`` says why in one sentence."""


@dataclass(frozen=True)
class Imported:
    """What an import stored: a one-line summary, the JSON the CLI prints, and the sources it
    subscribed to (an OPML file's new ones), which have yet to be fetched."""

    kind: DocumentKind
    message: str
    document: Any
    new_sources: tuple[int, ...] = ()


@dataclass(frozen=True)
class Page:
    """A page read as an article, with the market snapshot a saved text page may hold."""

    article: Extracted
    market: MarketSnapshot | None


def import_file(
    write: StoreWriter, images: Path, file: Path, cancel: threading.Event | None = None
) -> Imported:
    """Store what a local document holds; raise ``DocumentError`` when it holds nothing usable.
    Its pictures are fetched until ``cancel`` is set."""
    data = _read(file)
    kind = detect(data, file.name)
    importer = _IMPORTERS.get(kind)
    if importer is None:
        raise DocumentError(f"{file.name} is not a feed, an OPML file or a saved page.")
    return importer(write, images, file, data, cancel or threading.Event())


def read_page(location: str) -> Page:
    """Read a page (a path or an http(s) address) as the article it holds, storing nothing."""
    data, url = _document(location)
    kind = detect(data, url)
    if kind is DocumentKind.TEXT_PAGE:
        page = _text_page(data, url)
        return Page(_text_page_article(page, url), page.market)
    if kind is DocumentKind.HTML:
        return Page(_extract(data, url), None)
    raise DocumentError(f"{location} is not a web page or a saved text page.")


def page_json(page: Page) -> dict[str, Any]:
    """A read page as the JSON ``broadsheet extract`` prints."""
    article = page.article
    return {
        "title": article.title,
        "byline": article.byline,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url,
        "image": article.image_url,
        "caption": article.caption,
        "credit": article.credit,
        "text": article.text,
        "html": article.html,
        "market": _market_json(page.market) if page.market else None,
    }


def _import_feed(
    write: StoreWriter, images: Path, file: Path, data: bytes, cancel: threading.Event
) -> Imported:
    """A feed document's entries, under a source for that file, with their pictures."""
    try:
        parsed = parse_feed(data, file.resolve().as_uri())
    except FeedParseError as error:
        raise DocumentError(str(error)) from error
    title = parsed.title or file.stem
    source = NewSource(title, "file", file.resolve().as_uri(), parsed.site_url)
    articles = [entry_article(entry, prepare(entry)) for entry in parsed.entries]
    ids = write(lambda c: loading.add_source_articles(c, _with_articles(source, articles), images))
    _download(
        write,
        images,
        [
            wanted
            for article_id, entry in zip(ids, parsed.entries, strict=True)
            if article_id is not None
            for wanted in wanted_pictures(
                article_id, entry.image_url, entry.images, entry.image_caption, entry.image_credit
            )
        ],
        cancel,
    )
    added = sum(article_id is not None for article_id in ids)
    return Imported(
        DocumentKind.FEED,
        f"Imported {count(added, 'new article')} from the feed “{title}”.",
        _feed_json(parsed),
    )


def _import_opml(
    write: StoreWriter, images: Path, file: Path, data: bytes, _cancel: threading.Event
) -> Imported:
    """An OPML file's subscriptions, in their folders (refresh ``new_sources`` to fetch them)."""
    try:
        outlines = read_opml(data)
    except OpmlError as error:
        raise DocumentError(str(error)) from error
    added = subscribe_outlines(write, outlines)
    return Imported(
        DocumentKind.OPML,
        subscriptions_added(len(added), len(outlines), file.name),
        [_outline_json(outline) for outline in outlines],
        added,
    )


def _import_html(
    write: StoreWriter, images: Path, file: Path, data: bytes, cancel: threading.Event
) -> Imported:
    """A saved web page, as one article with its pictures when they can be had."""
    page = _extract(data, file.resolve().as_uri())
    article = _new_article(page)
    article_id = write(lambda c: _store_saved(c, images, SAVED_PAGES, article))
    if article_id is not None:
        pictures = body_images(page.html)
        _download(
            write,
            images,
            wanted_pictures(article_id, page.image_url, pictures, page.caption, page.credit),
            cancel,
        )
    return Imported(
        DocumentKind.HTML,
        _saved_message(page.title, article_id is not None),
        page_json(Page(page, None)),
    )


def _import_text_page(
    write: StoreWriter, images: Path, file: Path, data: bytes, _cancel: threading.Event
) -> Imported:
    """A page saved as text: its article, and its market snapshot with the page as provider
    (undated, saved now, when the page states no time of its own)."""
    page = _text_page(data, file.name)
    article = _new_article(_text_page_article(page, None))
    article_id = write(
        lambda c: _store_saved(c, images, page.publisher or SAVED_PAGES, article, page.market)
    )
    return Imported(
        DocumentKind.TEXT_PAGE,
        _saved_message(page.headline, article_id is not None),
        page_json(Page(_text_page_article(page, None), page.market)),
    )


Importer = Callable[[StoreWriter, Path, Path, bytes, threading.Event], Imported]
_IMPORTERS: dict[DocumentKind, Importer] = {
    DocumentKind.FEED: _import_feed,
    DocumentKind.OPML: _import_opml,
    DocumentKind.HTML: _import_html,
    DocumentKind.TEXT_PAGE: _import_text_page,
}


def _read(file: Path) -> bytes:
    """A local document's bytes, or a sentence on why it cannot be read."""
    try:
        if file.stat().st_size > MAX_DOCUMENT_BYTES:
            raise DocumentError(f"{file.name} is larger than 50 MB, too large to be a document.")
        return file.read_bytes()
    except FileNotFoundError:
        raise DocumentError(f"There is no file {file}.") from None
    except IsADirectoryError:
        raise DocumentError(f"{file} is a folder, not a document.") from None
    except OSError as error:
        raise DocumentError(f"{file} cannot be read ({error.strerror}).") from None


def _document(location: str) -> tuple[bytes, str | None]:
    """The bytes of a path or an address, and the address to resolve links against."""
    if location.startswith(("http://", "https://")):
        answer = fetch(Request(location, accept=PAGE_ACCEPT))
        if not isinstance(answer, Response):
            raise DocumentError(answer.sentence)
        return answer.body, answer.final_url
    file = Path(location)
    if "://" in location and not file.exists():  # a mistyped scheme, not a file
        raise DocumentError(not_web_address(location))
    return _read(file), file.resolve().as_uri()


def _extract(data: bytes, url: str | None) -> Extracted:
    """The article a page holds, or a sentence on why none was found."""
    try:
        return extract_article(data, url)
    except ExtractionError as error:
        raise DocumentError(str(error)) from error


def _text_page(data: bytes, name: str | None) -> TextPage:
    """A saved text page, read now with the page as the market figures' provider."""
    text = _page_text(data)
    provider = f"{SAVED_PAGE_PROVIDER} {Path(name or 'page').name}"
    try:
        return parse_text_page(text, provider, datetime.now(UTC))
    except TextPageError as error:
        raise DocumentError(str(error)) from error


def _page_text(data: bytes) -> str:
    """A saved text page's text: UTF-16 or UTF-32 by its mark or its zero bytes, else UTF-8."""
    wide = wide_encoding(data)
    return wide.decode(data) if wide else data.decode("utf-8", errors="replace")


def _text_page_article(page: TextPage, url: str | None) -> Extracted:
    """A text page's article in the shape of an extracted page."""
    html = text_page_html(page)
    return Extracted(
        title=page.headline,
        byline=page.byline,
        published=page.published,
        url=url,
        image_url=None,
        caption=page.caption,
        credit=page.credit,
        text="\n\n".join(text for _, text in page.paragraphs),
        html=html,
    )


def _new_article(page: Extracted) -> NewArticle:
    """An extracted page as an article to store."""
    guid = page.url or "saved:" + hashlib.sha256(page.text.encode()).hexdigest()
    return NewArticle(
        guid=guid,
        title=page.title or "Untitled page",
        url=page.url if page.url and page.url.startswith("http") else None,
        byline=page.byline,
        published=page.published,
        summary=None,
        body_html=page.html,
        body_text=page.text or html_to_text(page.html),
        caption=page.caption,
        credit=page.credit,
        extraction="done",
    )


def _download(
    write: StoreWriter, images: Path, wanted: Sequence[Wanted], cancel: threading.Event
) -> None:
    """Download the pictures of imported articles (those that cannot be had are left out),
    stopping once ``cancel`` is set."""
    if not wanted:
        return
    loop = asyncio.new_event_loop()
    try:
        for _ in fetch_pictures(
            write, images, wanted, lambda batch: drain(loop, batch, Limits(), cancel), Tally()
        ):
            pass
    finally:
        close_loop(loop)


def _store_saved(
    connection: sqlite3.Connection,
    images: Path,
    title: str,
    article: NewArticle,
    market: MarketSnapshot | None = None,
) -> int | None:
    """A saved page's article under its source, and its market snapshot; return the article's
    id, or None when it was already stored."""
    source_id = _saved_source(connection, title)
    added = loading.add_article(connection, source_id, article, images)
    if market is not None:
        loading.add_market_snapshot(connection, market)
    return added


def _saved_source(connection: sqlite3.Connection, title: str) -> int:
    """The source saved pages from one publisher go under, made when first needed."""
    row = connection.execute(
        "SELECT id FROM sources WHERE kind = 'saved' AND title = ? AND removed IS NULL", (title,)
    ).fetchone()
    if row is not None:
        return int(row[0])
    cursor = connection.execute(
        "INSERT INTO sources (title, kind, created) VALUES (?, 'saved', ?)",
        (title, int(time.time())),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def subscribe_outlines(write: StoreWriter, outlines: list[OutlineFeed]) -> tuple[int, ...]:
    """Subscribe to the feeds of an OPML file, in their folders; return the ids of the sources
    that are new (or removed once and now back), for a refresh to fetch them."""
    added = write(lambda c: [_subscribe_outline(c, outline) for outline in outlines])
    return tuple(source_id for source_id in added if source_id is not None)


def subscriptions_added(added: int, listed: int, name: str) -> str:
    """One line on an OPML import: how many of the subscriptions a file lists were new."""
    if not listed:
        return f"{name} lists no subscriptions."
    if added == listed:
        return f"Added {count(added, 'subscription')} from {name}."
    if not added:
        listing = "the subscription" if listed == 1 else f"the {listed:,} subscriptions"
        return f"You already had {listing} in {name}."
    others = "one" if listed - added == 1 else f"{listed - added:,}"
    return (
        f"Added {added:,} of the {listed:,} subscriptions in {name} "
        f"(the other {others} you already had)."
    )


def _subscribe_outline(connection: sqlite3.Connection, outline: OutlineFeed) -> int | None:
    """Subscribe to one outline's feed; return its source's id if it was new."""
    try:
        return feeds.add_feed(
            connection,
            outline.feed_url,
            outline.title,
            int(time.time()),
            site_url=outline.site_url,
            folder=outline.folder,
        )
    except FeedExistsError:
        return None


def _with_articles(source: NewSource, articles: list[NewArticle]) -> NewSource:
    """A source with its articles."""
    return NewSource(source.title, source.kind, source.url, source.site_url, tuple(articles))


def _saved_message(title: str | None, added: bool) -> str:
    """One line on a saved page's import."""
    name = f"“{title}”" if title else "the page"
    return f"Imported {name}." if added else f"{name[0].upper()}{name[1:]} was already stored."


def _feed_json(parsed: ParsedFeed) -> dict[str, Any]:
    """A feed document as the JSON ``broadsheet import --json`` prints."""
    return {
        "title": parsed.title,
        "link": parsed.site_url,
        "entries": [
            {
                "id": entry.guid,
                "title": entry.title,
                "link": entry.link,
                "author": entry.author,
                "published": entry.published.isoformat() if entry.published else None,
                "summary": entry.summary_html,
                "content": entry.content_html,
            }
            for entry in parsed.entries
        ],
    }


def _outline_json(outline: OutlineFeed) -> dict[str, Any]:
    """A subscription of an OPML file as JSON."""
    return {
        "title": outline.title,
        "url": outline.feed_url,
        "site_url": outline.site_url,
        "folder": outline.folder,
    }


def _market_json(market: MarketSnapshot) -> dict[str, Any]:
    """A page's market snapshot as JSON: its time (None when the page states none, with the
    time it was saved), rates per code, quotes in page order."""
    base = market.rates[0].base if market.rates else "USD"
    return {
        "as_of": None if market.undated else market.as_of.isoformat(),
        "undated": market.undated,
        "saved": market.as_of.isoformat() if market.undated else None,
        "base": base,
        "rates": {rate.code: float(rate.rate) for rate in market.rates},
        "quotes": [
            {
                "symbol": quote.symbol,
                "price": float(quote.price),
                "change": float(quote.change),
                "percent": float(quote.percent),
            }
            for quote in market.quotes
        ],
    }
