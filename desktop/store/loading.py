"""Adding new content to the store: sources, articles with their photos, market snapshots.

Callers run these inside one ``transaction``; articles already stored (same source and guid)
are left as they are, so loading the same edition twice adds nothing.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from desktop.domain import Edition, MarketSnapshot, NewArticle, NewSource, to_timestamp
from desktop.store.images import cache_photo


def add_edition(connection: sqlite3.Connection, edition: Edition, images: Path) -> int:
    """Store an edition's sources, articles and market snapshot; return how many articles.

    Articles go in oldest first across all sources, so their ids follow publication order, which
    is the order search results come in.
    """
    ids = {source: _source_id(connection, source) for source in edition.sources}
    entries = [(ids[source], article) for source in edition.sources for article in source.articles]
    entries.sort(key=lambda entry: _age_key(entry[1]))
    added = sum(
        add_article(connection, source_id, article, images) for source_id, article in entries
    )
    if edition.market is not None:
        add_market_snapshot(connection, edition.market)
    return added


def add_source(connection: sqlite3.Connection, source: NewSource, images: Path) -> int:
    """Store a source (or find it by URL) with its articles; return how many articles were new."""
    source_id = _source_id(connection, source)
    return sum(add_article(connection, source_id, article, images) for article in source.articles)


def _age_key(article: NewArticle) -> float:
    """Sort key putting older articles first and undated ones last."""
    return article.published.timestamp() if article.published else float("inf")


def add_article(
    connection: sqlite3.Connection, source_id: int, article: NewArticle, images: Path
) -> int:
    """Store one article unless its source already has it; return 1 if added, else 0."""
    now = int(time.time())
    published = to_timestamp(article.published) if article.published else None
    image_id = _image_id(connection, article, images, now)
    cursor = connection.execute(
        """
        INSERT INTO articles (source_id, guid, url, title, byline, published, fetched, dated,
                              summary, body_html, body_text, image_id, caption, credit, read)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
        ON CONFLICT (source_id, guid) DO NOTHING
        """,
        (
            source_id, article.guid, article.url, article.title, article.byline, published,
            now, published or now, article.summary, article.body_html, article.body_text,
            image_id, article.caption, article.credit,
        ),
    )  # fmt: skip
    return cursor.rowcount


def add_market_snapshot(connection: sqlite3.Connection, snapshot: MarketSnapshot) -> None:
    """Store a provider's rates and quotes; figures already stored for that time stay."""
    now = int(time.time())
    as_of = to_timestamp(snapshot.as_of)
    connection.executemany(
        "INSERT INTO rates (provider, code, base, rate, as_of, fetched, snapshot) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (provider, code, as_of) DO NOTHING",
        [
            (rate.provider, rate.code, rate.base, str(rate.rate), as_of, now, rate.snapshot)
            for rate in snapshot.rates
        ],
    )
    connection.executemany(
        "INSERT INTO quotes (provider, symbol, name, price, change, percent, currency, as_of, "
        "fetched, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (provider, symbol, as_of) DO NOTHING",
        [
            (
                quote.provider, quote.symbol, quote.name, str(quote.price), str(quote.change),
                str(quote.percent), quote.currency, as_of, now, quote.snapshot,
            )
            for quote in snapshot.quotes
        ],
    )  # fmt: skip


def _source_id(connection: sqlite3.Connection, source: NewSource) -> int:
    """The id of the source with this URL, inserting it first if it is new."""
    if source.url is not None:
        row = connection.execute("SELECT id FROM sources WHERE url = ?", (source.url,)).fetchone()
        if row is not None:
            return int(row[0])
    cursor = connection.execute(
        "INSERT INTO sources (title, kind, url, site_url, created) VALUES (?, ?, ?, ?, ?)",
        (source.title, source.kind, source.url, source.site_url, int(time.time())),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _image_id(
    connection: sqlite3.Connection, article: NewArticle, images: Path, now: int
) -> int | None:
    """Cache the article's photo and return its image row, or None when it has no photo."""
    photo = article.photo
    if photo is None:
        return None
    file, thumbnail = cache_photo(images, photo)
    row = connection.execute("SELECT id FROM images WHERE file = ?", (file,)).fetchone()
    if row is not None:
        return int(row[0])
    cursor = connection.execute(
        "INSERT INTO images (url, file, thumbnail, content_type, width, height, bytes, fetched) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            photo.url, file, thumbnail, photo.content_type, photo.width, photo.height,
            photo.file.stat().st_size, now,
        ),
    )  # fmt: skip
    return cursor.lastrowid
