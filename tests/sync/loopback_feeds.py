"""Feeds tt-rss can fetch from this machine, through the real fetcher it uses for every feed.

tt-rss refuses loopback feeds (hosts ``localhost``, ``127.*``, ``::1``, and ports other than 80
and 443), but an IPv4-mapped IPv6 literal such as ``[::ffff:127.9.8.7]`` passes its checks and
still reaches 127.9.8.7. So the feeds are served on port 80 of a random address of 127/8 (no
clash with another test run's server) and named to tt-rss by that literal.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

ATTEMPTS = 20


@dataclass
class LoopbackFeeds:
    """A feed server on port 80 of a loopback address; feeds are published and changed by name."""

    server: HTTPServer
    feeds: dict[str, str] = field(default_factory=dict)
    fetched: list[str] = field(default_factory=list)

    @property
    def address(self) -> str:
        """The IPv4 loopback address the server listens on."""
        return self.server.host

    def url(self, name: str) -> str:
        """The address tt-rss is given for a feed: the mapped IPv6 literal, no port."""
        return f"http://[::ffff:{self.address}]/{name}"

    def publish(self, name: str, document: str) -> str:
        """Serve (or replace) a feed document under ``name``; returns its address for tt-rss."""
        self.feeds[name] = document
        return self.url(name)

    def serve(self, request: Request) -> Response:
        """Answer a request with the published feed, or 404."""
        name = request.path.lstrip("/")
        self.fetched.append(name)
        if name not in self.feeds:
            return Response("no such feed", status=404)
        return Response(self.feeds[name], content_type="application/rss+xml; charset=utf-8")


def start_loopback_feeds() -> LoopbackFeeds:
    """Start the feed server on port 80 of a free random 127/8 address (root may bind port 80)."""
    last: OSError | None = None
    for _ in range(ATTEMPTS):
        address = f"127.{random.randint(1, 254)}.{random.randint(0, 255)}.{random.randint(1, 254)}"
        server = HTTPServer(host=address, port=80)
        try:
            server.start()
        except OSError as error:  # the address is taken, or port 80 is not ours to bind
            last = error
            continue
        feeds = LoopbackFeeds(server)
        server.expect_request("").respond_with_handler(feeds.serve)
        return feeds
    raise OSError(f"no loopback address would let us serve feeds on port 80: {last}")


@dataclass(frozen=True)
class Item:
    """One item of a fixture feed."""

    guid: str
    title: str
    link: str
    published: datetime


def items(prefix: str, count: int, start: datetime | None = None) -> list[Item]:
    """``count`` items with distinct guids, the newest first, an hour apart."""
    start = start or datetime(2026, 12, 1, 12, tzinfo=UTC)
    return [
        Item(
            guid=f"urn:broadsheet:{prefix}:{number}",
            title=f"{prefix} story {number}",
            link=f"https://news.example/{prefix}/{number}",
            published=start - timedelta(hours=number),
        )
        for number in range(count)
    ]


def rss(title: str, entries: Iterable[Item]) -> str:
    """An RSS 2.0 document with the given items."""
    body = "".join(
        f"<item><title>{escape(entry.title)}</title><link>{escape(entry.link)}</link>"
        f'<guid isPermaLink="false">{escape(entry.guid)}</guid>'
        f"<pubDate>{format_datetime(entry.published)}</pubDate>"
        f"<description>{escape(entry.title)}, in a few words.</description></item>"
        for entry in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://news.example/</link>"
        f"<description>{escape(title)}</description>{body}</channel></rss>"
    )
