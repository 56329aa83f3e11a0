"""Adding new content to the store: sources, articles with their photos, market snapshots.

Callers run these inside one ``transaction``; an article the source already has (the same id,
link or content) is left as it is, so loading the same edition or feed twice adds nothing. A
refresh stores an entry at once and completes it later: ``complete_article`` with the text of its
page, ``attach_photo`` with its downloaded photo.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from desktop.domain import (
    Edition,
    MarketSnapshot,
    NewArticle,
    NewPhoto,
    NewSource,
    to_timestamp,
)
from desktop.store.database import named
from desktop.store.images import cache_photo
from desktop.store.market_data import add_figures


def add_edition(connection: sqlite3.Connection, edition: Edition, images: Path) -> int:
    """Store an edition's sources, articles and market snapshot; return how many articles.

    Articles go in oldest first across all sources, so their ids follow publication order, which
    is the order search results come in.
    """
    ids = {source: _source_id(connection, source) for source in edition.sources}
    entries = [(ids[source], article) for source in edition.sources for article in source.articles]
    entries.sort(key=_age_key)
    added = sum(
        add_article(connection, source_id, article, images) is not None
        for source_id, article in entries
    )
    if edition.market is not None:
        add_market_snapshot(connection, edition.market)
    return added


def add_source(connection: sqlite3.Connection, source: NewSource, images: Path) -> int:
    """Store a source (or find it by URL) with its articles; return how many articles were new."""
    return sum(one is not None for one in add_source_articles(connection, source, images))


def add_source_articles(
    connection: sqlite3.Connection, source: NewSource, images: Path
) -> list[int | None]:
    """Store a source (or find it by URL) with its articles; return each article's new id, or
    None for those it already had."""
    source_id = _source_id(connection, source)
    return [add_article(connection, source_id, article, images) for article in source.articles]


def _age_key(entry: tuple[int, NewArticle]) -> float:
    """Sort key putting older articles (of a source id) first and undated ones last."""
    _, article = entry
    return article.published.timestamp() if article.published else float("inf")


def add_article(
    connection: sqlite3.Connection,
    source_id: int,
    article: NewArticle,
    images: Path,
    *,
    known_new: bool = False,
) -> int | None:
    """Store one article unless its source already has it (by id, then link, then content);
    return its new id, or None when it was already there. ``known_new``: the caller has made
    sure, in this transaction, that no article of the source has its link or content."""
    if not known_new and _already_stored(connection, source_id, article):
        return None
    now = int(time.time())
    published = to_timestamp(article.published) if article.published else None
    image_id = store_photo(connection, article.photo, images, now) if article.photo else None
    cursor = connection.execute(
        """
        INSERT INTO articles (source_id, guid, url, title, byline, published, fetched, dated,
                              summary, body_html, body_text, image_id, caption, credit, read,
                              content_hash, extraction)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
        ON CONFLICT (source_id, guid) DO NOTHING
        RETURNING id
        """,
        (
            source_id, article.guid, article.url, article.title, article.byline, published,
            now, min(published or now, now), article.summary, article.body_html,
            article.body_text, image_id, article.caption, article.credit, article.content_hash,
            article.extraction,
        ),
    )  # fmt: skip
    row = cursor.fetchone()
    return None if row is None else int(row[0])


def complete_article(
    connection: sqlite3.Connection,
    article_id: int,
    *,
    body_html: str,
    body_text: str,
    byline: str | None = None,
    published: int | None = None,
    caption: str | None = None,
    credit: str | None = None,
) -> None:
    """Replace a stored summary with the article's full text; keep what the feed said where the
    page says nothing."""
    connection.execute(
        "UPDATE articles SET body_html = ?, body_text = ?, byline = coalesce(byline, ?), "
        "published = coalesce(published, ?), caption = coalesce(caption, ?), "
        "credit = coalesce(credit, ?), extraction = 'done' WHERE id = ?",
        (body_html, body_text, byline, published, caption, credit, article_id),
    )


def note_extraction_failed(connection: sqlite3.Connection, article_id: int, reason: str) -> None:
    """Keep the summary, and why the full article could not be had."""
    connection.execute("UPDATE articles SET extraction = ? WHERE id = ?", (reason, article_id))


def attach_photo(
    connection: sqlite3.Connection,
    article_id: int,
    photo: NewPhoto,
    images: Path,
    *,
    caption: str | None = None,
    credit: str | None = None,
) -> int:
    """Give a stored article its downloaded lead photo, with caption and credit if it has none
    (else those of its body's figure of the very same file, if already kept); return the photo's
    image row."""
    image_id = store_photo(connection, photo, images, int(time.time()))
    connection.execute(
        "UPDATE articles SET image_id = ?, caption = coalesce(caption, ?), "
        "credit = coalesce(credit, ?) WHERE id = ?",
        (image_id, caption, credit, article_id),
    )
    _caption_from_figure(connection, article_id, image_id)
    return image_id


def attach_body_image(
    connection: sqlite3.Connection,
    article_id: int,
    url: str,
    photo: NewPhoto,
    images: Path,
    *,
    caption: str | None = None,
    credit: str | None = None,
) -> None:
    """Keep a downloaded picture of an article's body, under the address its body names it by,
    with its figure's caption and credit (which the lead photo takes when it is the very same
    file and has none)."""
    image_id = store_photo(connection, photo, images, int(time.time()))
    link_body_image(connection, article_id, url, image_id, caption, credit)
    _caption_from_figure(connection, article_id, image_id)


def link_body_image(
    connection: sqlite3.Connection,
    article_id: int,
    url: str,
    image_id: int,
    caption: str | None = None,
    credit: str | None = None,
) -> None:
    """Say that an article's body shows a cached image at this address, in a figure with this
    caption and credit."""
    connection.execute(
        "INSERT INTO article_images (article_id, url, image_id, caption, credit) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id, url) DO UPDATE SET "
        "image_id = excluded.image_id, caption = excluded.caption, credit = excluded.credit",
        (article_id, url, image_id, caption, credit),
    )


def _caption_from_figure(connection: sqlite3.Connection, article_id: int, image_id: int) -> None:
    """When the article's lead photo is one of its body's pictures, the first figure of it with a
    caption or credit gives them to the lead photo, if it has none (whichever came first)."""
    connection.execute(
        """
        UPDATE articles SET
            caption = coalesce(articles.caption, figure.caption),
            credit = coalesce(articles.credit, figure.credit)
        FROM (
            SELECT l.caption, l.credit FROM article_images AS l
            WHERE l.article_id = ?1 AND l.image_id = ?2
              AND (l.caption IS NOT NULL OR l.credit IS NOT NULL)
            ORDER BY l.rowid LIMIT 1
        ) AS figure
        WHERE articles.id = ?1 AND articles.image_id = ?2
        """,
        (article_id, image_id),
    )


def _already_stored(connection: sqlite3.Connection, source_id: int, article: NewArticle) -> bool:
    """Whether the source has this article under another id: the same link or the same content."""
    if article.url is None and article.content_hash is None:
        return False
    # Two lookups, one per index: SQLite reads "source_id = ? AND (url = ? OR ...)" through the
    # source_id prefix alone, every article of the source, on every article stored.
    row = connection.execute(
        "SELECT EXISTS (SELECT 1 FROM articles WHERE source_id = ?1 AND url = ?2) "
        "OR EXISTS (SELECT 1 FROM articles WHERE source_id = ?1 AND content_hash = ?3)",
        (source_id, article.url, article.content_hash),
    ).fetchone()
    return bool(row[0])


def stamp_load_time(connection: sqlite3.Connection, now: int) -> None:
    """Give every row the times it gets from being loaded at ``now``, as the functions above
    stamp them: a store copied from the ready-made sample store was loaded when that was built.
    Only for a store that holds nothing but what one load added."""
    connection.execute("UPDATE sources SET created = ?", (now,))
    connection.execute(
        "UPDATE articles SET fetched = ?1, dated = min(coalesce(published, ?1), ?1)", (now,)
    )
    for table in ("images", "rates", "quotes"):
        connection.execute(f"UPDATE {table} SET fetched = ?", (now,))


def add_market_snapshot(connection: sqlite3.Connection, snapshot: MarketSnapshot) -> None:
    """Store a provider's rates and quotes; figures already stored for that time stay."""
    add_figures(connection, snapshot.rates, snapshot.quotes, int(time.time()))


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


def store_photo(connection: sqlite3.Connection, photo: NewPhoto, images: Path, now: int) -> int:
    """Cache a photo's files and return its image row (the same photo is stored once, and gets
    its thumbnail when it first comes as a lead photo; a new photo at a known address replaces
    the old one)."""
    file, thumbnail = cache_photo(images, photo)
    row = named(connection, "SELECT id, thumbnail FROM images WHERE file = ?", (file,)).fetchone()
    if row is not None:
        if thumbnail and row["thumbnail"] is None:
            connection.execute(
                "UPDATE images SET thumbnail = ? WHERE id = ?", (thumbnail, row["id"])
            )
        return int(row["id"])
    cursor = connection.execute(
        "INSERT INTO images (url, file, thumbnail, content_type, width, height, bytes, fetched) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET file = excluded.file, "
        "thumbnail = coalesce(excluded.thumbnail, thumbnail), "
        "content_type = excluded.content_type, width = excluded.width, "
        "height = excluded.height, bytes = excluded.bytes, "
        "fetched = excluded.fetched RETURNING id",
        (
            photo.url, file, thumbnail, photo.content_type, photo.width, photo.height,
            len(photo.data), now,
        ),
    )  # fmt: skip
    return int(cursor.fetchone()[0])
