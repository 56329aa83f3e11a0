"""Reading and marking articles: pages of the list, one whole article, bookmarks, read state.

Pages are keyset-paginated (``WHERE (dated, id) < (?, ?)``) on the indexes the schema defines, so
page 500 costs what page 1 costs. Search walks the FTS5 index newest-first by rowid and stops at the
page size, which keeps a query for a common word as fast as one for a rare word.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.domain import (
    Article,
    ArticleRow,
    Photo,
    Section,
    SectionKind,
    StoreStats,
    from_timestamp,
)
from desktop.store.database import named

PAGE_SIZE = 200
_WORDS = re.compile(r"[^\W_]+")
Position = tuple[int, int]

_ROW_COLUMNS = """
    a.id AS id, a.title AS title, coalesce(s.custom_title, s.title) AS source,
    a.published AS published, a.read AS read, a.bookmarked AS bookmarked,
    i.thumbnail AS thumbnail, a.dated AS dated, a.url AS url
"""
_ROW_JOINS = """
    JOIN sources AS s ON s.id = a.source_id
    LEFT JOIN images AS i ON i.id = a.image_id
"""


@dataclass(frozen=True, slots=True)
class Page:
    """One page of the list and where the next page starts (None: this was the last)."""

    rows: list[ArticleRow]
    next_position: Position | None


class ArticleNotFoundError(LookupError):
    """No article has the id asked for."""

    def __init__(self, article_id: int) -> None:
        super().__init__(f"No article has the id {article_id}.")
        self.article_id = article_id


def page(
    connection: sqlite3.Connection,
    section: Section,
    *,
    search: str = "",
    after: Position | None = None,
    limit: int = PAGE_SIZE,
    images: Path | None = None,
) -> Page:
    """Return the articles of a section (or a search in it), newest first, after ``after``."""
    match = fts_query(search)
    if match:
        sql, params = _search_sql(section, match, after)
    else:
        sql, params = _section_sql(section, after)
    rows = named(connection, sql + " LIMIT ?", (*params, limit)).fetchall()
    return _page_from(rows, limit, section, bool(match), images)


def fts_query(text: str) -> str:
    """Turn what a person typed into an FTS5 query: every word must appear, the last as a prefix.

    Words are split where the index splits them (at anything but letters and digits), so
    "Hollinsford's" looks for "hollinsford" and "s", and nothing typed is read as FTS5 syntax.
    """
    words = _WORDS.findall(text)
    if not words:
        return ""
    quoted = [f'"{word}"' for word in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def get(connection: sqlite3.Connection, article_id: int, images: Path) -> Article:
    """Return one whole article, or raise ``ArticleNotFoundError``."""
    row = named(
        connection,
        """
        SELECT a.id AS id, a.title AS title, coalesce(s.custom_title, s.title) AS source,
               a.url AS url, a.byline AS byline, a.published AS published, a.summary AS summary,
               a.body_html AS body_html, a.caption AS caption, a.credit AS credit,
               a.read AS read, a.bookmarked AS bookmarked,
               i.file AS photo_file, i.width AS photo_width, i.height AS photo_height,
               i.thumbnail AS photo_thumbnail, i.url AS photo_url
        FROM articles AS a
        JOIN sources AS s ON s.id = a.source_id
        LEFT JOIN images AS i ON i.id = a.image_id
        WHERE a.id = ?
        """,
        (article_id,),
    ).fetchone()
    if row is None:
        raise ArticleNotFoundError(article_id)
    return Article(
        id=row["id"],
        title=row["title"],
        source=row["source"],
        url=row["url"],
        byline=row["byline"],
        published=from_timestamp(row["published"]),
        summary=row["summary"],
        body_html=row["body_html"],
        photo=_lead_photo(row, images),
        caption=row["caption"],
        credit=row["credit"],
        read=bool(row["read"]),
        bookmarked_at=from_timestamp(row["bookmarked"]),
        images=_body_images(connection, article_id, images),
    )


def _lead_photo(row: sqlite3.Row, images: Path) -> Photo | None:
    """The article's lead photo from its row's ``photo_`` columns, if it has one."""
    if row["photo_file"] is None:
        return None
    thumbnail = images / row["photo_thumbnail"] if row["photo_thumbnail"] else None
    return Photo(
        images / row["photo_file"],
        row["photo_width"],
        row["photo_height"],
        thumbnail,
        row["photo_url"],
    )


def exists(connection: sqlite3.Connection, article_id: int) -> bool:
    """Whether an article with this id is stored."""
    row = connection.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row is not None


def _body_images(
    connection: sqlite3.Connection, article_id: int, images: Path
) -> tuple[Photo, ...]:
    """The cached pictures of an article's body, each with the address its body names."""
    rows = named(
        connection,
        "SELECT l.url AS url, i.file AS file, i.width AS width, i.height AS height "
        "FROM article_images AS l JOIN images AS i ON i.id = l.image_id WHERE l.article_id = ?",
        (article_id,),
    )
    return tuple(
        Photo(images / row["file"], row["width"], row["height"], url=row["url"]) for row in rows
    )


def set_bookmarked(connection: sqlite3.Connection, article_id: int, on: bool) -> datetime | None:
    """Bookmark an article (now) or clear its bookmark; return the bookmark time, committed."""
    stamp = int(time.time()) if on else None
    cursor = connection.execute(
        "UPDATE articles SET bookmarked = CASE WHEN ? THEN coalesce(bookmarked, ?) END "
        "WHERE id = ? RETURNING bookmarked",
        (on, stamp, article_id),
    )
    row = cursor.fetchone()
    if row is None:
        raise ArticleNotFoundError(article_id)
    return from_timestamp(row[0])


def set_read(connection: sqlite3.Connection, article_ids: Sequence[int], read: bool) -> None:
    """Mark articles read or unread."""
    connection.executemany(
        "UPDATE articles SET read = ? WHERE id = ?", [(read, one) for one in article_ids]
    )


@dataclass(frozen=True)
class Bookmarks:
    """The bookmarked articles that could be read, and the ids of those that could not (their
    rows sit on damaged pages of the store)."""

    articles: list[Article]
    unreadable: list[int]

    def unreadable_sentence(self) -> str:
        """The end of a sentence naming what could not be read, or nothing."""
        if not self.unreadable:
            return ""
        named = ", ".join(str(one) for one in self.unreadable)
        return (
            f"; {len(self.unreadable)} could not be read from the damaged store "
            f"(article{'s' if len(self.unreadable) > 1 else ''} {named})"
        )


def bookmarked(connection: sqlite3.Connection, images: Path) -> Bookmarks:
    """Every bookmarked article that can be read, most recently bookmarked first (for exports);
    in a damaged store, the ids of those that cannot."""
    try:
        ids = _bookmarked_ids(connection, "INDEXED BY ix_articles_bookmarked_id")
    except sqlite3.DatabaseError:  # the index is damaged: read the table itself
        ids = _bookmarked_ids(connection, "NOT INDEXED")
    readable: list[Article] = []
    unreadable: list[int] = []
    for one in ids:
        try:
            readable.append(get(connection, one, images))
        except sqlite3.DatabaseError:
            unreadable.append(one)
    return Bookmarks(readable, unreadable)


def _bookmarked_ids(connection: sqlite3.Connection, index: str) -> list[int]:
    """The ids of the bookmarked articles, most recently bookmarked first."""
    rows = connection.execute(
        f"SELECT id FROM articles {index} WHERE bookmarked IS NOT NULL "
        "ORDER BY bookmarked DESC, id DESC"
    )
    return [int(row[0]) for row in rows]


def stats(connection: sqlite3.Connection, store: Path) -> StoreStats:
    """Count articles, unread articles, bookmarks and sources, and measure the store's size."""
    counted = named(
        connection,
        "SELECT count(*) AS articles, count(*) FILTER (WHERE NOT read) AS unread, "
        "count(bookmarked) AS bookmarks FROM articles",
    ).fetchone()
    sources = connection.execute("SELECT count(*) FROM sources").fetchone()[0]
    size = sum(
        candidate.stat().st_size
        for candidate in (store, store.with_name(store.name + "-wal"))
        if candidate.exists()
    )
    return StoreStats(counted["articles"], counted["unread"], counted["bookmarks"], sources, size)


def _section_sql(section: Section, after: Position | None) -> tuple[str, tuple[object, ...]]:
    """The query for a section's page, ordered by its keyset."""
    key = "a.bookmarked" if section.kind is SectionKind.BOOKMARKS else "a.dated"
    where, params = section_filter(section)
    if after is not None:
        where.append(f"({key}, a.id) < (?, ?)")
        params = (*params, *after)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    sql = (
        f"SELECT {_ROW_COLUMNS} FROM articles AS a {_ROW_JOINS} {clause} "
        f"ORDER BY {key} DESC, a.id DESC"
    )
    return sql, params


def _search_sql(
    section: Section, match: str, after: Position | None
) -> tuple[str, tuple[object, ...]]:
    """The query for a page of search results: FTS5 order (newest rowid first), no sorting."""
    where, params = section_filter(section)
    where.insert(0, "articles_fts MATCH ?")
    params = (match, *params)
    if after is not None:
        _, after_id = after  # search results go by id alone
        where.append("f.rowid < ?")
        params = (*params, after_id)
    sql = (
        f"SELECT {_ROW_COLUMNS} FROM articles_fts AS f "
        f"JOIN articles AS a ON a.id = f.rowid {_ROW_JOINS} "
        f"WHERE {' AND '.join(where)} ORDER BY f.rowid DESC"
    )
    return sql, params


def section_filter(section: Section) -> tuple[list[str], tuple[object, ...]]:
    """The WHERE terms that pick a section's articles (those of ``articles AS a``)."""
    if section.kind is SectionKind.UNREAD:
        return ["a.read = 0"], ()
    if section.kind is SectionKind.BOOKMARKS:
        return ["a.bookmarked IS NOT NULL"], ()
    if section.kind is SectionKind.SOURCE:
        return ["a.source_id = ?"], (section.source_id,)
    if section.kind is SectionKind.FOLDER:
        folder = "SELECT id FROM sources WHERE folder = ? AND removed IS NULL"
        return [f"a.source_id IN ({folder})"], (section.folder,)
    return [], ()


def _page_from(
    rows: list[sqlite3.Row], limit: int, section: Section, search: bool, images: Path | None
) -> Page:
    """Build domain rows and the position the next page starts after."""
    items = [
        ArticleRow(
            id=row["id"],
            title=row["title"],
            source=row["source"],
            url=row["url"],
            published=from_timestamp(row["published"]),
            read=bool(row["read"]),
            bookmarked=row["bookmarked"] is not None,
            thumbnail=images / row["thumbnail"]
            if images is not None and row["thumbnail"]
            else None,
            filed=from_timestamp(row["dated"]),
        )
        for row in rows
    ]
    if len(rows) < limit:
        return Page(items, None)
    last = rows[-1]
    if search:
        return Page(items, (0, last["id"]))
    key = last["bookmarked"] if section.kind is SectionKind.BOOKMARKS else last["dated"]
    return Page(items, (key, last["id"]))
