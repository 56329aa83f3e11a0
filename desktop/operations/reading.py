"""What the window reads from the store, composed from the store's query functions.

The window runs these through its runner's ``read`` (off its own thread), or, for the list's
pages and the opened article, through ``WindowReads``, which owns the window's one read
connection. The store's types the window needs come from here, so no module of ``desktop.ui``
imports a query module of the store.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from desktop.domain import Article, Section, Source
from desktop.store import articles, feeds, reading, sample, sources
from desktop.store.articles import Bookmarks, Page, Position
from desktop.store.errors import classify
from desktop.store.sources import Counts, SourceNotFoundError

__all__ = [
    "Bookmarks",
    "Counts",
    "ListQuery",
    "ListRead",
    "Page",
    "Position",
    "SampleState",
    "SourceNotFoundError",
    "WindowReads",
    "as_store_error",
    "is_store_failure",
]


@dataclass(frozen=True, slots=True)
class ListQuery:
    """What the article list shows: a section, the search narrowing it, the photo cache."""

    section: Section
    search: str
    images: Path


@dataclass(frozen=True, slots=True)
class ListRead:
    """A list read again: its pages, the newest article id stored as it was read (what it could
    show), and whether the article asked about is still in the store."""

    pages: list[Page]
    ceiling: int
    kept: bool


@dataclass(frozen=True, slots=True)
class SampleState:
    """Whether the sample edition is in the store, and whether the person has feeds of their own."""

    present: bool
    own_subscriptions: bool


def list_page(connection: sqlite3.Connection, query: ListQuery, after: Position | None) -> Page:
    """One page of the list, after ``after`` (None: from the newest article)."""
    return articles.page(
        connection, query.section, search=query.search, after=after, images=query.images
    )


def list_again(
    connection: sqlite3.Connection, query: ListQuery, rows: int, keep: int | None
) -> ListRead:
    """The list read from its newest article until it holds ``rows`` rows or ends, and whether
    the article ``keep`` (the one open, if any) is still stored."""
    pages = [list_page(connection, query, None)]
    while sum(len(page.rows) for page in pages) < rows and pages[-1].next_position is not None:
        pages.append(list_page(connection, query, pages[-1].next_position))
    kept = keep is None or articles.exists(connection, keep)
    return ListRead(pages, reading.newest_id(connection), kept)


def next_unread(
    connection: sqlite3.Connection, section: Section, search: str, current: int | None
) -> int | None:
    """The next unread article after ``current`` in the list's order, else the first unread
    one above it; None when there is none other than ``current``."""
    found = reading.next_unread(connection, section, search, current)
    if found is None and current is not None:
        found = reading.next_unread(connection, section, search)
    return None if found == current else found


def first_unread(connection: sqlite3.Connection, section: Section) -> int | None:
    """The first unread article of a section, in the list's order."""
    return reading.next_unread(connection, section)


def source_list(connection: sqlite3.Connection) -> list[Source]:
    """The person's sources, as the section list shows them."""
    return sources.sources(connection)


def counts(connection: sqlite3.Connection) -> Counts:
    """The unread and bookmark counts the section list shows."""
    return sources.counts(connection)


def articles_of(connection: sqlite3.Connection, source_id: int) -> tuple[int, int]:
    """How many of a source's articles removing it would delete, and how many it keeps."""
    return sources.articles_of(connection, source_id)


def last_refreshed(connection: sqlite3.Connection) -> int | None:
    """When the subscriptions were last refreshed (a Unix time), if ever."""
    return feeds.last_refreshed(connection)


def sample_state(connection: sqlite3.Connection) -> SampleState:
    """Whether the sample edition is there, and whether the person has feeds of their own."""
    return SampleState(sample.is_present(connection), sample.has_own_subscriptions(connection))


def bookmarks(connection: sqlite3.Connection, images: Path) -> Bookmarks:
    """Every bookmarked article, whole, newest bookmark first (for an export)."""
    return articles.bookmarked(connection, images)


def is_store_failure(error: BaseException) -> bool:
    """Whether an error came from SQLite (the store refused a read or a change)."""
    return isinstance(error, sqlite3.Error)


def as_store_error(error: BaseException, store: Path) -> BaseException:
    """An SQLite error turned into the store error a person can act on; others unchanged."""
    return classify(error, store) if isinstance(error, sqlite3.Error) else error


class WindowReads:
    """The window's own read connection, for what must be shown at once: the list's pages as
    the view scrolls to them, and the article a person opens."""

    def __init__(self, connection: sqlite3.Connection, store: Path, images: Path) -> None:
        self._connection = connection
        self.store = store
        self.images = images

    def page(self, query: ListQuery, after: Position | None) -> Page:
        """One page of the list."""
        return list_page(self._connection, query, after)

    def first_read(self, query: ListQuery) -> ListRead:
        """The list's first page, as a read of the whole list to one page."""
        return list_again(self._connection, query, 0, None)

    def article(self, article_id: int) -> Article | None:
        """The whole article, or None when it is no longer stored; a failing store is raised
        as the ``StoreError`` that says what to do."""
        try:
            return articles.get(self._connection, article_id, self.images)
        except articles.ArticleNotFoundError:
            return None
        except sqlite3.Error as error:
            raise classify(error, self.store) from error

    def sources(self) -> list[Source]:
        """The person's sources, for the section list the first paint shows."""
        return source_list(self._connection)
