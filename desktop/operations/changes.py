"""The window's changes to the store: jobs for the runner's ``write``.

The runner's writer runs each in one transaction (``operations.direct_writer``), so a change is
committed whole or not at all; none begins or commits a transaction itself.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from desktop.domain import Section
from desktop.operations.sample import bring_back_sample, remove_sample
from desktop.store import articles, feeds, reading, sources

DAY_SECONDS = 24 * 60 * 60


def set_bookmarked(connection: sqlite3.Connection, article_id: int, on: bool) -> datetime | None:
    """Bookmark an article (when it was, returned) or remove its bookmark (None)."""
    return articles.set_bookmarked(connection, article_id, on)


def set_read(connection: sqlite3.Connection, article_ids: Sequence[int], read: bool) -> None:
    """Mark articles read or unread."""
    articles.set_read(connection, article_ids, read)


def mark_section_read(
    connection: sqlite3.Connection, section: Section, ceiling: int | None, search: str, days: int
) -> list[int]:
    """Mark a section's unread articles read, up to the article id ``ceiling`` (None: the newest
    stored now) and only those older than ``days`` days when given; return their ids."""
    before = int(time.time()) - days * DAY_SECONDS if days else None
    top = reading.newest_id(connection) if ceiling is None else ceiling
    return reading.mark_section_read(
        connection, section, ceiling=top, search=search, dated_before=before
    )


def mark_unread(connection: sqlite3.Connection, article_ids: Sequence[int]) -> int:
    """Mark these articles unread again; return how many were."""
    return reading.mark_unread(connection, article_ids)


def remove_sample_edition(connection: sqlite3.Connection) -> int:
    """Take the sample edition out; return how many of its articles went."""
    return remove_sample(connection)


def restore_sample_edition(connection: sqlite3.Connection, images: Path) -> int:
    """Store the sample edition again; return how many articles were stored."""
    return bring_back_sample(connection, images)


def rename_source(connection: sqlite3.Connection, source_id: int, title: str) -> None:
    """Give a source a name of the person's (empty: the feed's own)."""
    sources.rename(connection, source_id, title)


def move_source(connection: sqlite3.Connection, source_id: int, folder: str | None) -> None:
    """Put a source in a folder (empty or None: none)."""
    sources.move_to_folder(connection, source_id, folder)


def set_full_articles(connection: sqlite3.Connection, source_id: int, on: bool) -> None:
    """Switch whether a refresh fetches the whole article behind a summary."""
    sources.set_full_articles(connection, source_id, on)


def remove_source(connection: sqlite3.Connection, source_id: int) -> int:
    """Remove a source and its articles, keeping bookmarked ones; return how many went."""
    return sources.remove(connection, source_id, int(time.time()))


def delete_older_than(connection: sqlite3.Connection, fetched_before: int) -> int:
    """Delete articles fetched before a Unix time, keeping bookmarked ones; return how many."""
    return feeds.delete_older_than(connection, fetched_before)
