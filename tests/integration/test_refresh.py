"""Refreshing subscriptions against a local news site: new entries, full articles, photos,
unchanged feeds, and feeds that fail, each as a person would find them in the connection."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from pytest_httpserver import HTTPServer

from desktop.domain import ALL
from desktop.operations import direct_writer
from desktop.operations.refresh import RefreshOptions, RefreshReport, refresh
from desktop.paths import AppPaths
from desktop.store import articles
from tests.newsroom import Item, Newsroom
from tests.refreshing import FAST, article_titled, run_refresh, subscribe

PARAGRAPHS = [
    "The harbour board voted on Tuesday evening to keep the old pilot station open through the "
    "winter, reversing a decision taken in the spring after a petition gathered signatures from "
    "almost every household on the north shore.",
    "Pilots have worked from the granite building at the end of the mole since the 1890s, and "
    "fishermen say its light and radio are still the first thing they look for on a dark night.",
    "The board's chair said the station would cost less to heat than the temporary cabins "
    "proposed in its place, once the roof repairs paid for this year are finished.",
]


@pytest.fixture
def newsroom(httpserver: HTTPServer) -> Newsroom:
    """The Test Courier: one feed with a full entry, a summary-only one and a broken link."""
    room = Newsroom(httpserver)
    room.publish_photo("/photos/station.jpg")
    room.publish_photo("/photos/lamp.jpg", colour=(200, 160, 40))
    room.publish_page(
        "/news/pilot-station",
        "Pilot station stays open through the winter",
        PARAGRAPHS,
        photo="/photos/lamp.jpg",
        caption="The lamp room of the pilot station at dusk",
        credit="Photo: © Courier Pictures",
    )
    room.publish_status("/news/missing", 404)
    room.publish_feed(
        "/feeds/courier.xml",
        "The Test Courier",
        [
            Item(
                "ferry-timetable",
                "Winter ferry timetable published",
                "Sailings drop to four a day from December.",
                content="<p>Sailings drop to four a day from December.</p><h2>Night crossing</h2>"
                "<p>The late boat keeps running on Fridays.</p>",
                photo="/photos/station.jpg",
                caption="The ferry at the north quay",
                credit="Photo: Ida Marsh",
                hours=1,
            ),
            Item(
                "pilot-station",
                "Pilot station stays open through the winter",
                "The harbour board reversed its spring decision.",
                hours=2,
            ),
            Item("missing", "A story whose page is gone", "Only this summary remains.", hours=3),
        ],
    )
    return room


def test_a_refresh_stores_entries_full_articles_and_photos(
    newsroom: Newsroom, connection: sqlite3.Connection, paths: AppPaths
) -> None:
    source = subscribe(connection, newsroom.url("/feeds/courier.xml"))
    report = run_refresh(connection, paths)
    (outcome,) = report.outcomes
    assert (outcome.source_id, outcome.status, outcome.new) == (source, "updated", 3)

    ferry = article_titled(connection, paths, "Winter ferry timetable published")
    assert "Night crossing" in ferry.body_html  # the feed's full content, subheading kept
    assert ferry.photo is not None and ferry.photo.file.is_file()
    assert (ferry.caption, ferry.credit) == ("The ferry at the north quay", "Photo: Ida Marsh")

    station = article_titled(connection, paths, "Pilot station stays open through the winter")
    assert "granite building" in station.body_html  # fetched and extracted from its page
    assert "Related stories" not in station.body_html and "Home" not in station.body_html
    assert station.byline == "Ida Marsh"
    assert station.caption == "The lamp room of the pilot station at dusk"
    assert station.credit == "Photo: © Courier Pictures"
    assert station.photo is not None and station.photo.thumbnail is not None

    missing = article_titled(connection, paths, "A story whose page is gone")
    assert "Only this summary remains." in missing.body_html  # the summary is kept
    assert report.pages_completed == 1 and report.photos_stored == 2


def test_a_second_refresh_adds_nothing_and_costs_one_304(
    newsroom: Newsroom, connection: sqlite3.Connection, paths: AppPaths
) -> None:
    subscribe(connection, newsroom.url("/feeds/courier.xml"))
    run_refresh(connection, paths)
    before = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    asked = len(newsroom.requests)
    report = run_refresh(connection, paths)
    assert [o.status for o in report.outcomes] == ["unchanged"]
    assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == before
    assert len(newsroom.requests) == asked + 1  # the feed alone, answered 304


def test_entries_seen_under_a_new_id_or_link_are_not_stored_twice(
    newsroom: Newsroom, httpserver: HTTPServer, connection: sqlite3.Connection, paths: AppPaths
) -> None:
    first = Item(
        "kiln", "The brick kiln fires again", "Bricks for the chapel roof.", content="<p>x</p>"
    )
    url = newsroom.publish_feed("/feeds/kiln.xml", "Kiln", [first], etag="a")
    subscribe(connection, url)
    run_refresh(connection, paths, RefreshOptions(limits=FAST, photos=False))
    httpserver.clear()
    room = Newsroom(httpserver)
    moved = Item(
        "kiln-2", "The brick kiln fires again", "Bricks for the chapel roof.", content="<p>x</p>"
    )
    room.publish_feed("/feeds/kiln.xml", "Kiln", [moved], etag="b")  # a new guid, same content
    report = run_refresh(connection, paths, RefreshOptions(limits=FAST, photos=False))
    assert [o.new for o in report.outcomes] == [0]


def test_a_feed_repeating_a_link_or_a_text_under_new_ids_stores_each_story_once(
    httpserver: HTTPServer, connection: sqlite3.Connection, paths: AppPaths
) -> None:
    page = httpserver.url_for("/news/")
    items = [  # (id, link, title): the second repeats the first's link, the fourth the third's
        # title and text (the fingerprint of its content)
        ("a1", f"{page}ferry", "The ferry runs late", "<p>Fog at the quay.</p>"),
        ("a2", f"{page}ferry", "The ferry runs late, an update", "<p>Fog again.</p>"),
        ("b1", f"{page}kiln", "The kiln fires again", "<p>Bricks for the chapel.</p>"),
        ("b2", f"{page}kiln-again", "The kiln fires again", "<p>Bricks for the chapel.</p>"),
    ]
    entries = "".join(
        f'<item><title>{title}</title><link>{link}</link><guid isPermaLink="false">{guid}</guid>'
        f"<description>{escape(text)}</description></item>"
        for guid, link, title, text in items
    )
    feed = f'<rss version="2.0"><channel><title>Repeats</title>{entries}</channel></rss>'
    httpserver.expect_request("/feeds/repeats.xml").respond_with_data(
        feed, content_type="application/rss+xml"
    )
    subscribe(connection, httpserver.url_for("/feeds/repeats.xml"))
    report = run_refresh(connection, paths, RefreshOptions(limits=FAST, full_articles=False))
    assert [o.new for o in report.outcomes] == [2]
    stored = connection.execute("SELECT guid FROM articles WHERE guid IN ('a1','a2','b1','b2')")
    assert sorted(row[0] for row in stored) == ["a1", "b1"]


def test_failing_feeds_are_reported_in_plain_sentences_and_the_restrun_refresh(
    newsroom: Newsroom, connection: sqlite3.Connection, paths: AppPaths
) -> None:
    good = subscribe(connection, newsroom.url("/feeds/courier.xml"), "Courier")
    gone = subscribe(connection, newsroom.publish_status("/feeds/old.xml", 410), "Old")
    noise = subscribe(
        connection,
        newsroom.publish_bytes("/feeds/noise", bytes(range(256)) * 40, "application/octet-stream"),
        "Noise",
    )
    page = subscribe(
        connection,
        newsroom.publish_bytes(
            "/feeds/page", b"<html><body><p>Hello</p></body></html>", "text/html"
        ),
        "Page",
    )
    report = run_refresh(connection, paths, RefreshOptions(limits=FAST, photos=False))
    status = {o.source_id: o for o in report.outcomes}
    assert status[good].status == "updated" and status[good].new == 3
    assert status[gone].status == "gone"
    assert status[noise].status == "failed" and status[page].status == "failed"
    assert report.failed
    errors = dict(
        connection.execute("SELECT id, last_error FROM sources WHERE last_error IS NOT NULL")
    )
    for source in (gone, noise, page):
        assert errors[source] and "\n" not in errors[source] and "Traceback" not in errors[source]
    assert "web page" in errors[page]
    # A feed that is gone is not asked again; the others are.
    again = run_refresh(connection, paths, RefreshOptions(limits=FAST, photos=False))
    assert gone not in {o.source_id for o in again.outcomes}


def test_an_unreachable_host_and_a_timeout_fail_only_their_own_sources(
    newsroom: Newsroom, connection: sqlite3.Connection, paths: AppPaths
) -> None:
    import socket

    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    good = subscribe(connection, newsroom.url("/feeds/courier.xml"))
    dead = subscribe(connection, f"http://127.0.0.1:{port}/feed.xml", "Dead")
    report = run_refresh(connection, paths, RefreshOptions(limits=FAST, photos=False))
    status = {o.source_id: o.status for o in report.outcomes}
    assert status == {good: "updated", dead: "failed"}


def test_cancelling_stops_between_sources(
    newsroom: Newsroom, connection: sqlite3.Connection, paths: AppPaths
) -> None:
    subscribe(connection, newsroom.url("/feeds/courier.xml"))
    cancel = threading.Event()
    report = RefreshReport()
    steps = refresh(
        direct_writer(connection), paths.images, RefreshOptions(limits=FAST), cancel, report
    )
    first = next(steps)
    assert first.done == 0
    cancel.set()
    rest = list(steps)
    assert report.cancelled and "cancelled" in rest[-1].message
    assert report.pages_completed == 0 and report.photos_stored == 0


def test_a_refresh_without_photos_downloads_none(
    newsroom: Newsroom, httpserver: HTTPServer, connection: sqlite3.Connection, paths: AppPaths
) -> None:
    subscribe(connection, newsroom.url("/feeds/courier.xml"))
    report = run_refresh(connection, paths, RefreshOptions(limits=FAST, photos=False))
    assert report.photos_stored == 0
    asked = [request.path for request, _ in httpserver.log]
    assert "/news/pilot-station" in asked  # the full article, yes
    assert not any(path.startswith("/photos/") for path in asked)  # its photo, no
    assert sum(1 for _ in Path(paths.images).rglob("*.jpg")) == 16  # only the sample edition's


def test_a_slow_site_does_not_hold_back_the_articles_of_the_others(
    connection: sqlite3.Connection, paths: AppPaths
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)  # answers at the same time
    server.start()
    room = Newsroom(server)
    try:
        fast = room.publish_feed(
            "/fast.xml", "Fast", [Item("a", "Quick news", "s", content="<p>x</p>")]
        )
        slow = room.publish_held_feed("/slow.xml", "Slow", [Item("b", "Late news", "s")])
        subscribe(connection, fast, "Fast")
        subscribe(connection, slow, "Slow")
        report = RefreshReport()
        with ThreadPoolExecutor(2) as parser:  # any executor; the app and CLI use processes
            options = RefreshOptions(limits=FAST, photos=False, full_articles=False, parser=parser)
            steps = refresh(
                direct_writer(connection), paths.images, options, threading.Event(), report
            )
            while not report.outcomes:
                next(steps)
            titles = [row.title for row in articles.page(connection, ALL, limit=50).rows]
            assert "Quick news" in titles and "Late news" not in titles  # stored, not waiting
            room.release.set()
            list(steps)
    finally:
        room.release.set()
        server.stop()
    assert sorted(o.new for o in report.outcomes) == [1, 1]


def test_an_image_that_is_not_an_image_is_skipped_and_the_article_kept(
    newsroom: Newsroom, connection: sqlite3.Connection, paths: AppPaths
) -> None:
    newsroom.publish_bytes("/photos/fake.jpg", b"<html>not a photo</html>", "image/jpeg")
    item = Item(
        "fake",
        "A story with a broken photo",
        "s",
        content="<p>Words.</p>",
        photo="/photos/fake.jpg",
    )
    url = newsroom.publish_feed("/feeds/fake.xml", "Fake", [item], etag="f")
    subscribe(connection, url)
    report = run_refresh(connection, paths, RefreshOptions(limits=FAST, only=None))
    story = article_titled(connection, paths, "A story with a broken photo")
    assert story.photo is None and "Words." in story.body_html
    assert report.photos_stored == 0 and report.outcomes[0].status == "updated"
