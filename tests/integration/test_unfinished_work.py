"""Work a refresh could not finish (photos, full texts) is done by the next one, with back-off
for what keeps failing; a feed's own photo is kept for summary-only entries; one page serves every
subscription carrying it; partial files do not stay in the photo cache."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Generator

import pytest
from pytest_httpserver import HTTPServer

from desktop.domain import Progress
from desktop.operations import direct_writer
from desktop.operations.refresh import RefreshOptions, RefreshReport, refresh
from desktop.paths import AppPaths
from desktop.store import pending
from tests.integration.test_refresh import PARAGRAPHS
from tests.newsroom import Item, Newsroom, photo_bytes
from tests.refreshing import FAST, article_titled, run_refresh, subscribe

TITLES = [f"Harbour story {number}" for number in range(6)]


@pytest.fixture
def harbour(httpserver: HTTPServer) -> Newsroom:
    """A feed of six entries with full content, each with its own photo."""
    room = Newsroom(httpserver)
    items = []
    for number, title in enumerate(TITLES):
        room.publish_photo(f"/photos/{number}.jpg", colour=(20 * number, 90, 160))
        items.append(
            Item(f"story-{number}", title, "A summary.", content="<p>All of it.</p>",
                 photo=f"/photos/{number}.jpg", hours=number)
        )  # fmt: skip
    room.publish_feed("/feeds/harbour.xml", "Harbour", items)
    return room


def _with_photo(connection: sqlite3.Connection, paths: AppPaths) -> list[str]:
    return [t for t in TITLES if article_titled(connection, paths, t).photo is not None]


def _photos_stopped_midway(connection: sqlite3.Connection, paths: AppPaths) -> None:
    """A refresh stopped (killed, cancelled) once its photo stage has begun."""
    steps: Generator[Progress, None, None] = refresh(  # type: ignore[assignment]
        direct_writer(connection), paths.images, RefreshOptions(limits=FAST),
        threading.Event(), RefreshReport(),
    )  # fmt: skip
    for progress in steps:
        if progress.message.startswith("Fetched"):
            break
    steps.close()


def test_photos_left_by_a_refresh_without_images_come_with_the_next(
    harbour: Newsroom, connection: sqlite3.Connection, paths: AppPaths
) -> None:
    subscribe(connection, harbour.url("/feeds/harbour.xml"))
    run_refresh(connection, paths, RefreshOptions(limits=FAST, photos=False))
    assert _with_photo(connection, paths) == []
    report = run_refresh(connection, paths)
    assert [o.status for o in report.outcomes] == ["unchanged"]  # the feed brought nothing new
    assert _with_photo(connection, paths) == TITLES
    assert connection.execute("SELECT count(*) FROM pending").fetchone() == (0,)


def test_photos_of_a_refresh_stopped_midway_come_with_the_next(
    harbour: Newsroom, connection: sqlite3.Connection, paths: AppPaths
) -> None:
    subscribe(connection, harbour.url("/feeds/harbour.xml"))
    _photos_stopped_midway(connection, paths)
    assert len(_with_photo(connection, paths)) < len(TITLES)
    run_refresh(connection, paths)
    assert _with_photo(connection, paths) == TITLES


def test_a_refused_picture_is_tried_again_later_and_given_up_at_last(
    httpserver: HTTPServer, connection: sqlite3.Connection, paths: AppPaths
) -> None:
    room = Newsroom(httpserver)
    room.publish_counted("/photos/broken.jpg", b"not a picture at all", "image/jpeg")
    item = Item("s", "Broken photo", "x", content="<p>x</p>", photo="/photos/broken.jpg")
    room.publish_feed("/feeds/f.xml", "F", [item])
    subscribe(connection, room.url("/feeds/f.xml"))
    run_refresh(connection, paths)
    attempts, next_try = connection.execute("SELECT attempts, next_try FROM pending").fetchone()
    assert attempts == 1 and next_try >= time.time() + pending.FIRST_WAIT - 60
    run_refresh(connection, paths)  # too soon: not asked again
    assert room.requests.count("/photos/broken.jpg") == 1
    httpserver.clear()
    room.publish_photo("/photos/broken.jpg")
    room.publish_feed("/feeds/f.xml", "F", [item])
    connection.execute("UPDATE pending SET next_try = 0")  # the time has come
    run_refresh(connection, paths)
    assert article_titled(connection, paths, "Broken photo").photo is not None
    assert connection.execute("SELECT count(*) FROM pending").fetchone() == (0,)


def test_failing_work_waits_longer_each_time_and_is_given_up(
    connection: sqlite3.Connection, paths: AppPaths
) -> None:
    work = pending.Work(1, pending.PICTURE, "http://127.0.0.1:9/gone.jpg")
    with connection:
        pending.plan(connection, [work])
    waits = []
    for _ in range(pending.MAX_ATTEMPTS):
        with connection:
            pending.failed(connection, 1, pending.PICTURE, work.url, "gone", 1000)
        row = connection.execute("SELECT next_try FROM pending").fetchone()
        waits.append(None if row is None else row[0] - 1000)
    assert waits[:3] == [pending.FIRST_WAIT, 4 * pending.FIRST_WAIT, 16 * pending.FIRST_WAIT]
    assert waits[-1] is None


def test_a_summary_only_entry_keeps_the_feeds_own_photo(
    httpserver: HTTPServer, connection: sqlite3.Connection, paths: AppPaths
) -> None:
    room = Newsroom(httpserver)
    room.publish_photo("/photos/own.jpg")
    room.publish_page("/news/plain", "Plain page", PARAGRAPHS)  # a page without a photo
    room.publish_status("/news/gone", 404)
    room.publish_feed(
        "/feeds/f.xml",
        "F",
        [
            Item("plain", "Plain page", "Summary.", photo="/photos/own.jpg", caption="Own"),
            Item("gone", "Gone page", "Summary.", photo="/photos/own.jpg", caption="Own"),
        ],
    )
    subscribe(connection, room.url("/feeds/f.xml"))
    run_refresh(connection, paths)
    for title in ("Plain page", "Gone page"):
        article = article_titled(connection, paths, title)
        assert article.photo is not None and article.caption == "Own", title
    assert "granite building" in article_titled(connection, paths, "Plain page").body_html


def test_two_subscriptions_carrying_one_link_both_get_its_full_text(
    httpserver: HTTPServer, connection: sqlite3.Connection, paths: AppPaths
) -> None:
    room = Newsroom(httpserver)
    room.publish_page("/news/shared", "Shared story", PARAGRAPHS)
    shared = Item("shared", "Shared story", "Only the summary.")
    subscribe(connection, room.publish_feed("/feeds/a.xml", "A", [shared]), "A")
    subscribe(connection, room.publish_feed("/feeds/b.xml", "B", [shared]), "B")
    report = run_refresh(connection, paths)
    rows = connection.execute("SELECT body_text, extraction FROM articles WHERE title = ?",
                              ("Shared story",)).fetchall()  # fmt: skip
    assert len(rows) == 2 and all("granite building" in text for text, _ in rows)
    assert {extraction for _, extraction in rows} == {"done"}
    assert report.pages_completed == 2


def test_partial_files_left_in_the_photo_cache_are_removed(
    connection: sqlite3.Connection, paths: AppPaths
) -> None:
    folder = paths.images / "ab"
    folder.mkdir(parents=True, exist_ok=True)
    stale, fresh = folder / "abc.jpg.123-4.part", folder / "abd.jpg.123-5.part"
    stale.write_bytes(photo_bytes((1, 2, 3)))
    fresh.write_bytes(b"being written")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    run_refresh(connection, paths)
    assert not stale.exists() and fresh.exists()
