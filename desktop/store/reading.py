"""A reader's way through the articles: the next unread one, and marking a whole section read.

Marking is bounded by what the person was shown: only articles up to the newest one stored when
the list was read (``ceiling``, an article id: ids grow with every article stored) are marked, so
the articles a refresh brings meanwhile stay unread; "mark all as read" that marks items never
seen is a common complaint about peers.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from desktop.domain import Section, SectionKind
from desktop.store.articles import fts_query, section_filter

_MATCHING = "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
_CHUNK = 500  # ids in one statement: SQLite caps the number of parameters


def newest_id(connection: sqlite3.Connection) -> int:
    """The id of the newest article stored (0 when there is none)."""
    return int(connection.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0])


def next_unread(
    connection: sqlite3.Connection, section: Section, search: str = "", after: int | None = None
) -> int | None:
    """The first unread article of a section (or a search in it) in the list's order, after the
    article ``after`` when given; None when there is none."""
    match = fts_query(search)
    if match:
        return _next_unread_found(connection, section, match, after)
    key = "bookmarked" if section.kind is SectionKind.BOOKMARKS else "dated"
    where, params = section_filter(section)
    where.append("a.read = 0")
    if after is not None:
        where.append(f"(a.{key}, a.id) < (SELECT b.{key}, b.id FROM articles AS b WHERE b.id = ?)")
        params = (*params, after)
    row = connection.execute(
        f"SELECT a.id FROM articles AS a WHERE {' AND '.join(where)} "
        f"ORDER BY a.{key} DESC, a.id DESC LIMIT 1",
        params,
    ).fetchone()
    return None if row is None else int(row[0])


def _next_unread_found(
    connection: sqlite3.Connection, section: Section, match: str, after: int | None
) -> int | None:
    """The same among search results, which the list shows newest stored first."""
    where, params = section_filter(section)
    where = ["articles_fts MATCH ?", *where, "a.read = 0"]
    params = (match, *params)
    if after is not None:
        where.append("f.rowid < ?")
        params = (*params, after)
    row = connection.execute(
        "SELECT a.id FROM articles_fts AS f JOIN articles AS a ON a.id = f.rowid "
        f"WHERE {' AND '.join(where)} ORDER BY f.rowid DESC LIMIT 1",
        params,
    ).fetchone()
    return None if row is None else int(row[0])


def mark_section_read(
    connection: sqlite3.Connection,
    section: Section,
    *,
    ceiling: int,
    search: str = "",
    dated_before: int | None = None,
) -> list[int]:
    """Mark the unread articles of a section (or a search in it) read, up to the article id
    ``ceiling`` and, when given, only those dated before ``dated_before``; return their ids,
    which ``mark_unread`` takes to undo it."""
    where, params = section_filter(section)
    where += ["a.read = 0", "a.id <= ?"]
    params = (*params, ceiling)
    if dated_before is not None:
        where.append("a.dated < ?")
        params = (*params, dated_before)
    match = fts_query(search)
    if match:
        where.append(_MATCHING)
        params = (*params, match)
    rows = connection.execute(
        f"UPDATE articles SET read = 1 WHERE id IN "
        f"(SELECT a.id FROM articles AS a WHERE {' AND '.join(where)}) RETURNING id",
        params,
    ).fetchall()
    return sorted(int(row[0]) for row in rows)


def mark_unread(connection: sqlite3.Connection, article_ids: Sequence[int]) -> int:
    """Mark these articles unread again (those still stored); return how many were."""
    changed = 0
    for start in range(0, len(article_ids), _CHUNK):
        chunk = article_ids[start : start + _CHUNK]
        changed += connection.execute(
            f"UPDATE articles SET read = 0 WHERE read = 1 AND id IN ({','.join('?' * len(chunk))})",
            chunk,
        ).rowcount
    return changed
