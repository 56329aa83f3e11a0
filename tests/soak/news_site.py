"""A loopback news site for the soak: feeds that grow by an edition whenever asked, half of their
entries summary-only (their pages to fetch, with a lead photo and a picture in the body), half
with full content and a photo of their own."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

from tests.newsroom import photo_bytes
from tests.quiet_server import QuietHandler

FEEDS = 4
PER_EDITION = 6  # new entries in each feed per edition
KEPT = 40  # entries a feed lists at most
START = datetime(2026, 11, 1, tzinfo=UTC)


class NewsSite:
    """The site's state: which edition it serves (raised by ``next_edition``)."""

    def __init__(self, base: str) -> None:
        """The site served at ``base``, at edition 0."""
        self.base = base
        self.edition = 0

    def feed_urls(self) -> list[str]:
        """The address of every feed."""
        return [f"{self.base}/feeds/{number}.xml" for number in range(FEEDS)]

    def next_edition(self) -> None:
        """Serve one more edition from now on: every feed has new entries."""
        self.edition += 1

    def feed(self, number: int) -> bytes:
        """Feed ``number`` at the current edition, newest entries first."""
        last = (self.edition + 1) * PER_EDITION
        items = "".join(
            self._item(number, n) for n in range(last - 1, max(-1, last - KEPT - 1), -1)
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:media="http://search.yahoo.com/mrss/"><channel>'
            f"<title>Soak paper {number}</title><link>{self.base}/</link>"
            f"<description>Paper {number}</description>{items}</channel></rss>"
        ).encode()

    def _item(self, feed: int, n: int) -> str:
        slug = f"{feed}-{n}"
        published = format_datetime(START + timedelta(minutes=n))
        content = (
            f"<content:encoded><![CDATA[<p>Full story {slug} told in the feed.</p>]]>"
            "</content:encoded>"
            if n % 2
            else ""
        )
        return (
            f"<item><title>Story {slug}</title><link>{self.base}/news/{slug}</link>"
            f'<guid isPermaLink="false">{slug}</guid><pubDate>{published}</pubDate>'
            f"<description>Summary of story {slug}.</description>{content}"
            f'<media:content url="{self.base}/photos/{slug}.jpg" medium="image" '
            'type="image/jpeg"/></item>'
        )

    def page(self, slug: str) -> bytes:
        """An article page with a lead photo and a picture in its body."""
        paragraphs = "".join(
            f"<p>Paragraph {k} of story {escape(slug)}: the harbour board met again on Tuesday "
            "evening and talked at length about the pilot station, its roof and its light.</p>"
            for k in range(6)
        )
        return (
            f"<!DOCTYPE html><html><head><title>Story {slug}</title>"
            f'<meta property="og:image" content="{self.base}/photos/{slug}-lead.jpg"></head>'
            f"<body><article><h1>Story {slug}</h1><p class='byline'>By Ida Marsh</p>"
            f'{paragraphs}<figure><img src="{self.base}/photos/{slug}-body.jpg">'
            f"<figcaption>The quay of story {slug}</figcaption></figure></article></body></html>"
        ).encode()


@cache
def _photo(name: str) -> bytes:
    """A small real JPEG, its colour drawn from its name."""
    code = sum(name.encode()) * 7919
    return photo_bytes((code % 256, code // 256 % 256, code // 65536 % 256), (320, 180))


def _handler(site: NewsSite) -> type[BaseHTTPRequestHandler]:
    class Handler(QuietHandler):
        disable_nagle_algorithm = True

        def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
            path = self.path
            if path.startswith("/feeds/"):
                self.answer(site.feed(int(path[7:].split(".")[0])), "application/rss+xml")
            elif path.startswith("/news/"):
                self.answer(site.page(path[6:]), "text/html; charset=utf-8")
            elif path.startswith("/photos/"):
                self.answer(_photo(path[8:]), "image/jpeg")
            else:
                self.answer(b"not here", "text/plain", 404)

    return Handler


class _QuietServer(ThreadingHTTPServer):
    """A server that says nothing when a killed client drops its connection."""

    def handle_error(self, request: object, client_address: object) -> None:
        """Drop the connection silently: clients are killed on purpose."""


@contextmanager
def running() -> Iterator[NewsSite]:
    """The site on a free loopback port, in a thread of this process."""
    server = _QuietServer(("127.0.0.1", 0), _handler(NewsSite("")))
    site = NewsSite(f"http://127.0.0.1:{server.server_address[1]}")
    server.RequestHandlerClass = _handler(site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
