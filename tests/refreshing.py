"""Refreshing a test's store against a local site, as the refresh tests do it."""

from __future__ import annotations

import sqlite3
import threading

from desktop.domain import ALL, Article
from desktop.net.fetch import Limits
from desktop.operations import direct_writer
from desktop.operations.refresh import RefreshOptions, RefreshReport, refresh
from desktop.paths import AppPaths
from desktop.store import articles
from desktop.store.feeds import add_feed

FAST = Limits(connect_timeout=2.0, total_timeout=5.0)


def subscribe(connection: sqlite3.Connection, url: str, title: str = "Feed") -> int:
    """Subscribe to a feed in the store; return the source's id."""
    with connection:
        return add_feed(connection, url, title, 0)


def run_refresh(
    connection: sqlite3.Connection, paths: AppPaths, options: RefreshOptions | None = None
) -> RefreshReport:
    """Refresh to the end (quick limits unless the options say); return what it did."""
    report = RefreshReport()
    steps = list(
        refresh(
            direct_writer(connection),
            paths.images,
            options or RefreshOptions(limits=FAST),
            threading.Event(),
            report,
        )
    )
    assert steps and steps[-1].done == steps[-1].total  # it says when it is done
    return report


def article_titled(connection: sqlite3.Connection, paths: AppPaths, title: str) -> Article:
    """The stored article with this title."""
    row = next(r for r in articles.page(connection, ALL, limit=500).rows if r.title == title)
    return articles.get(connection, row.id, paths.images)
