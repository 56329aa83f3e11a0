"""Sources: listing them for the section list, counting their articles, and the person's edits
(rename, move to a folder, remove, full articles on or off)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from desktop.domain import Source
from desktop.store.database import named
from desktop.store.feeds import FORGET_FETCHES


@dataclass(frozen=True, slots=True)
class Counts:
    """Unread and bookmarked articles in all, and unread articles per source id."""

    unread: int
    bookmarks: int
    unread_by_source: dict[int, int]


_SOURCE_COLUMNS = """
    id, coalesce(custom_title, title) AS title, url, kind, site_url, folder, last_error, disabled,
    full_articles
"""


class SourceNotFoundError(LookupError):
    """No source (that was not removed) has the id asked for."""

    def __init__(self, source_id: int) -> None:
        super().__init__(f"No source has the id {source_id}.")
        self.source_id = source_id


def sources(connection: sqlite3.Connection) -> list[Source]:
    """Every source the person has, by folder then name, without counts (cheap at start-up)."""
    rows = named(
        connection,
        f"SELECT {_SOURCE_COLUMNS} FROM sources WHERE removed IS NULL "
        "ORDER BY folder IS NOT NULL, folder COLLATE NOCASE, "
        "coalesce(custom_title, title) COLLATE NOCASE, id",
    )
    return [_source(row) for row in rows]


def source(connection: sqlite3.Connection, source_id: int) -> Source:
    """One source, or ``SourceNotFoundError``."""
    row = named(
        connection,
        f"SELECT {_SOURCE_COLUMNS} FROM sources WHERE id = ? AND removed IS NULL",
        (source_id,),
    ).fetchone()
    if row is None:
        raise SourceNotFoundError(source_id)
    return _source(row)


def rename(connection: sqlite3.Connection, source_id: int, title: str) -> None:
    """Give a source the person's own name (an empty name goes back to the feed's own)."""
    _update(connection, source_id, "custom_title = ?", title.strip() or None)


def move_to_folder(connection: sqlite3.Connection, source_id: int, folder: str | None) -> None:
    """Put a source in a folder (None or "" takes it out of any folder)."""
    _update(connection, source_id, "folder = ?", (folder or "").strip() or None)


def set_full_articles(connection: sqlite3.Connection, source_id: int, on: bool) -> None:
    """Whether a refresh fetches the whole article when an entry carries only a summary."""
    _update(connection, source_id, "full_articles = ?", on)


def remove(connection: sqlite3.Connection, source_id: int, now: int) -> int:
    """Remove a source: its articles go, except the bookmarked ones, which stay with its name,
    and so does what it kept of its fetches (subscribing again fetches the whole feed).

    Returns how many articles were deleted.
    """
    source(connection, source_id)
    deleted = connection.execute(
        "DELETE FROM articles WHERE source_id = ? AND bookmarked IS NULL", (source_id,)
    ).rowcount
    connection.execute(
        f"UPDATE sources SET removed = ?, {FORGET_FETCHES} WHERE id = ?", (now, source_id)
    )
    return deleted


def articles_of(connection: sqlite3.Connection, source_id: int) -> tuple[int, int]:
    """How many of a source's articles removing it would delete, and how many (bookmarked) stay."""
    row = named(
        connection,
        "SELECT count(*) - count(bookmarked) AS deleted, count(bookmarked) AS kept "
        "FROM articles WHERE source_id = ?",
        (source_id,),
    ).fetchone()
    return int(row["deleted"]), int(row["kept"])


def _update(connection: sqlite3.Connection, source_id: int, assignment: str, value: object) -> None:
    """Change one column of a source that the person still has."""
    cursor = connection.execute(
        f"UPDATE sources SET {assignment} WHERE id = ? AND removed IS NULL", (value, source_id)
    )
    if cursor.rowcount == 0:
        raise SourceNotFoundError(source_id)


def _source(row: sqlite3.Row) -> Source:
    """A source from a row of ``_SOURCE_COLUMNS``."""
    return Source(
        id=row["id"],
        title=row["title"],
        url=row["url"],
        kind=row["kind"],
        site_url=row["site_url"],
        folder=row["folder"],
        last_error=row["last_error"],
        disabled=bool(row["disabled"]),
        full_articles=bool(row["full_articles"]),
    )


def counts(connection: sqlite3.Connection) -> Counts:
    """Count unread and bookmarked articles (a scan of the read index: run it off the UI thread)."""
    rows = named(
        connection,
        "SELECT source_id, count(*) AS unread FROM articles WHERE read = 0 GROUP BY source_id",
    )
    by_source = {int(row["source_id"]): int(row["unread"]) for row in rows}
    bookmarks = connection.execute(
        "SELECT count(*) FROM articles WHERE bookmarked IS NOT NULL"
    ).fetchone()[0]
    return Counts(sum(by_source.values()), bookmarks, by_source)
