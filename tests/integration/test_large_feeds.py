"""A huge feed is read in linear time and stored in bounded transactions, so that another
writer (a bookmark from the window or another command) never waits for the whole feed; a feed
that cannot be parsed for any reason is that feed's failure alone."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

import pytest
from pytest_httpserver import HTTPServer

from desktop.ingest.feeds import parse_feed
from desktop.operations import direct_writer
from desktop.operations.refresh import (
    STORE_BATCH,
    UNHANDLED_FEED,
    RefreshOptions,
    RefreshReport,
    refresh,
)
from desktop.paths import AppPaths
from tests.hostile import guid_only_rss
from tests.refreshing import FAST, subscribe

T = TypeVar("T")


def test_a_permalink_guid_is_the_link_and_a_bare_one_is_not() -> None:
    document = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"<item><title>Full</title><guid>https://paper.example/news/1</guid></item>"
        b"<item><title>Bare</title><guid>item-12</guid></item>"
        b'<item><title>Not a link</title><guid isPermaLink="false">https://x.example/2</guid>'
        b"</item></channel></rss>"
    )
    links = {e.title: e.link for e in parse_feed(document, "https://paper.example/feed").entries}
    assert links == {"Full": "https://paper.example/news/1", "Bare": None, "Not a link": None}


def test_a_huge_feed_is_stored_in_bounded_transactions(
    httpserver: HTTPServer, connection: sqlite3.Connection, paths: AppPaths
) -> None:
    entries = STORE_BATCH * 2 + 100
    httpserver.expect_request("/many.xml").respond_with_data(
        guid_only_rss(entries), content_type="application/rss+xml"
    )
    subscribe(connection, httpserver.url_for("/many.xml"))
    store = direct_writer(connection)
    added_per_transaction: list[int] = []

    def write(job: Callable[[sqlite3.Connection], T]) -> T:
        before = _stored(connection)
        result = store(job)
        added_per_transaction.append(_stored(connection) - before)
        return result

    report = RefreshReport()
    options = RefreshOptions(limits=FAST, photos=False, full_articles=False)
    list(refresh(write, paths.images, options, threading.Event(), report))
    assert report.outcomes[0].new == entries
    assert sum(added_per_transaction) == entries
    assert max(added_per_transaction) <= STORE_BATCH  # another writer waits for one batch at most
    assert _stored(connection) == entries + 8  # and the sample edition's eight


def _stored(connection: sqlite3.Connection) -> int:
    """How many articles the store holds."""
    return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])


@pytest.mark.allow_warnings  # the broken pool's failure is logged with its traceback
def test_a_parsing_process_that_died_fails_each_feed_with_a_sentence_not_the_refresh(
    httpserver: HTTPServer, connection: sqlite3.Connection, paths: AppPaths
) -> None:
    for name in ("one", "two"):
        httpserver.expect_request(f"/{name}.xml").respond_with_data(
            guid_only_rss(3), content_type="application/rss+xml"
        )
        subscribe(connection, httpserver.url_for(f"/{name}.xml"), name)
    with ProcessPoolExecutor(1) as parser:
        with pytest.raises(BrokenProcessPool):
            parser.submit(os._exit, 1).result()  # the one parsing process dies
        report = RefreshReport()
        options = RefreshOptions(limits=FAST, photos=False, full_articles=False, parser=parser)
        list(refresh(direct_writer(connection), paths.images, options, threading.Event(), report))
    assert [outcome.status for outcome in report.outcomes] == ["failed", "failed"]
    assert all(outcome.error == UNHANDLED_FEED for outcome in report.outcomes)
