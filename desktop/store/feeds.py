"""Subscriptions and their refresh state: what to fetch, how it went, and what is already stored.

A refresh asks ``due_feeds`` what to fetch, ``unseen`` which entries are new (so no article page is
fetched twice), and records each answer with ``record_success`` or ``record_failure``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.store.database import named

FEED = "feed"
# What a source keeps of its fetches: dropped when it is removed, so that subscribing again
# fetches the whole feed rather than sending old validators and getting a 304 for it.
FORGET_FETCHES = (
    "etag = NULL, last_modified = NULL, last_fetched = NULL, last_error = NULL, "
    "failing_since = NULL, retry_after = NULL"
)


@dataclass(frozen=True, slots=True)
class FeedState:
    """What a refresh needs to know about one subscription."""

    source_id: int
    url: str
    etag: str | None
    last_modified: str | None
    full_articles: bool


@dataclass(frozen=True, slots=True)
class EntryKeys:
    """The three ways an entry is recognised as already stored: id, link, content."""

    guid: str
    link: str | None
    content_hash: str | None


class FeedExistsError(ValueError):
    """The person already has a source with this feed address."""

    def __init__(self, url: str, source_id: int) -> None:
        super().__init__(f"You already subscribe to {url}.")
        self.source_id = source_id


def add_feed(
    connection: sqlite3.Connection,
    url: str,
    title: str,
    now: int,
    *,
    site_url: str | None = None,
    folder: str | None = None,
) -> int:
    """Subscribe to a feed; a removed subscription to the same address comes back, as new (its
    first fetch asks for the whole feed)."""
    row = named(connection, "SELECT id, removed FROM sources WHERE url = ?", (url,)).fetchone()
    if row is not None and row["removed"] is None:
        raise FeedExistsError(url, int(row["id"]))
    if row is not None:
        connection.execute(
            f"UPDATE sources SET removed = NULL, folder = ?, disabled = 0, {FORGET_FETCHES} "
            "WHERE id = ?",
            (folder, row["id"]),
        )
        return int(row["id"])
    cursor = connection.execute(
        "INSERT INTO sources (title, kind, url, site_url, folder, created) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (title, FEED, url, site_url, folder, now),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def due_feeds(
    connection: sqlite3.Connection, now: int, only: Sequence[int] | None = None
) -> list[FeedState]:
    """Subscriptions to refresh now: not removed, not gone, not asked to wait (Retry-After);
    one never fetched is asked without validators."""
    sql = (
        "SELECT id, url, CASE WHEN last_fetched IS NOT NULL THEN etag END AS etag, "
        "CASE WHEN last_fetched IS NOT NULL THEN last_modified END AS last_modified, "
        "full_articles FROM sources "
        "WHERE kind = ? AND removed IS NULL AND NOT disabled AND url IS NOT NULL "
        "AND (retry_after IS NULL OR retry_after <= ?)"
    )
    params: list[object] = [FEED, now]
    if only is not None:
        sql += f" AND id IN ({','.join('?' * len(only))})"
        params.extend(only)
    rows = named(connection, sql + " ORDER BY id", params)
    return [
        FeedState(
            row["id"], row["url"], row["etag"], row["last_modified"], bool(row["full_articles"])
        )
        for row in rows
    ]


def record_success(
    connection: sqlite3.Connection,
    source_id: int,
    now: int,
    *,
    etag: str | None,
    last_modified: str | None,
    problem: str | None = None,
    title: str | None = None,
    site_url: str | None = None,
) -> None:
    """Note a good answer: its validators, the feed's own title and site, any recoverable
    problem (which stays visible beside the source), and that it no longer fails."""
    connection.execute(
        "UPDATE sources SET etag = ?, last_modified = ?, last_fetched = ?, last_error = ?, "
        "failing_since = CASE WHEN ? IS NULL THEN NULL ELSE coalesce(failing_since, ?) END, "
        "retry_after = NULL, title = coalesce(?, title), site_url = coalesce(site_url, ?) "
        "WHERE id = ?",
        (etag, last_modified, now, problem, problem, now, title, site_url, source_id),
    )


def record_failure(
    connection: sqlite3.Connection,
    source_id: int,
    now: int,
    sentence: str,
    *,
    retry_after: int | None = None,
    gone: bool = False,
) -> None:
    """Note a failed refresh in a plain sentence; a feed that is gone is not asked again."""
    connection.execute(
        "UPDATE sources SET last_error = ?, failing_since = coalesce(failing_since, ?), "
        "retry_after = ?, disabled = disabled OR ?, last_fetched = ? WHERE id = ?",
        (sentence, now, retry_after, gone, now, source_id),
    )


def unseen(
    connection: sqlite3.Connection, source_id: int, entries: Sequence[EntryKeys]
) -> list[bool]:
    """For each entry, whether neither the source nor an entry before it in ``entries`` has its
    id, link or content: the new ones, stored in order, are then each stored once."""
    if not entries:
        return []
    guids = _present(connection, source_id, "guid", [e.guid for e in entries])
    links = _present(connection, source_id, "url", [e.link for e in entries if e.link])
    hashes = _present(
        connection, source_id, "content_hash", [e.content_hash for e in entries if e.content_hash]
    )
    fresh: list[bool] = []
    for entry in entries:
        new = (
            entry.guid not in guids and entry.link not in links and entry.content_hash not in hashes
        )
        fresh.append(new)
        if new:  # a later entry of the same feed may repeat it
            guids.add(entry.guid)
            if entry.link:
                links.add(entry.link)
            if entry.content_hash:
                hashes.add(entry.content_hash)
    return fresh


def last_refreshed(connection: sqlite3.Connection) -> int | None:
    """When the subscription refreshed longest ago was last fetched (0: never); None when the
    person has no subscription to refresh."""
    row = connection.execute(
        "SELECT min(coalesce(last_fetched, 0)) FROM sources "
        "WHERE kind = ? AND removed IS NULL AND NOT disabled",
        (FEED,),
    ).fetchone()
    return None if row[0] is None else int(row[0])


def delete_older_than(connection: sqlite3.Connection, fetched_before: int) -> int:
    """Retention: delete articles fetched before a time, never a bookmarked one; return how many."""
    return connection.execute(
        "DELETE FROM articles WHERE fetched < ? AND bookmarked IS NULL", (fetched_before,)
    ).rowcount


def _present(
    connection: sqlite3.Connection, source_id: int, column: str, values: Sequence[str]
) -> set[str]:
    """Which of the values a column of the source's articles already holds."""
    found: set[str] = set()
    for start in range(0, len(values), 500):  # SQLite caps the number of parameters
        chunk = values[start : start + 500]
        rows = connection.execute(
            f"SELECT {column} FROM articles WHERE source_id = ? "
            f"AND {column} IN ({','.join('?' * len(chunk))})",
            (source_id, *chunk),
        )
        found.update(row[0] for row in rows)
    return found
