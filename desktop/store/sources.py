"""Reading sources: their names for the section list, and article counts, which cost a scan."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from desktop.domain import Source


@dataclass(frozen=True, slots=True)
class Counts:
    """Unread and bookmarked articles in all, and unread articles per source id."""

    unread: int
    bookmarks: int
    unread_by_source: dict[int, int]


def sources(connection: sqlite3.Connection) -> list[Source]:
    """Every source by title, without counts (cheap enough for the first paint)."""
    rows = connection.execute(
        "SELECT id, title, url, kind FROM sources ORDER BY title COLLATE NOCASE, id"
    )
    return [Source(id=row[0], title=row[1], url=row[2], kind=row[3]) for row in rows]


def counts(connection: sqlite3.Connection) -> Counts:
    """Count unread and bookmarked articles (a scan of the read index: run it off the UI thread)."""
    by_source = dict(
        connection.execute(
            "SELECT source_id, count(*) FROM articles WHERE read = 0 GROUP BY source_id"
        ).fetchall()
    )
    bookmarks = connection.execute(
        "SELECT count(*) FROM articles WHERE bookmarked IS NOT NULL"
    ).fetchone()[0]
    return Counts(sum(by_source.values()), bookmarks, by_source)
