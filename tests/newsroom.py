"""A small news site on a local HTTP server, for tests that refresh, subscribe and extract.

It publishes RSS feeds (with Media RSS photos, captions and credits), article pages in the usual
markup of news sites, and real JPEG photos, all generated here from invented text. Feeds answer
conditional requests the way real servers do (ETag and Last-Modified, 304).
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape

from PIL import Image
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

START = datetime(2026, 11, 20, 7, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Item:
    """One entry of a feed: summary only, or with the full content; with or without a photo."""

    slug: str
    title: str
    summary: str
    content: str | None = None
    photo: str | None = None  # path of a published photo
    caption: str | None = None
    credit: str | None = None
    hours: int = 0  # published this many hours after START


@dataclass
class Newsroom:
    """Publishes feeds, pages and photos on a local server."""

    server: HTTPServer
    requests: list[str] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)  # lets held feeds answer

    def url(self, path: str) -> str:
        """The full address of a path on the site."""
        return self.server.url_for(path)

    def publish_feed(self, path: str, title: str, items: list[Item], etag: str = "v1") -> str:
        """An RSS 2.0 feed that answers 304 to a request carrying its ETag; return its URL."""
        body = _rss(self, title, items).encode()
        self.server.expect_request(path).respond_with_handler(self._conditional(body, etag))
        return self.url(path)

    def publish_held_feed(self, path: str, title: str, items: list[Item]) -> str:
        """A feed that answers only once ``release`` is set (at most 10 s): a slow site. Other
        requests are served meanwhile only by a threaded server. Return its URL."""
        body = _rss(self, title, items).encode()
        return self.publish_held(path, body, "application/rss+xml; charset=utf-8")

    def publish_held_page(self, path: str, headline: str, paragraphs: list[str]) -> str:
        """An article page that answers only once ``release`` is set; return its URL."""
        html = _page(self, headline, paragraphs, None, None, None, "Ida Marsh").encode()
        return self.publish_held(path, html, "text/html; charset=utf-8")

    def publish_held(self, path: str, body: bytes, content_type: str) -> str:
        """An address that answers with these bytes once ``release`` is set (at most 10 s)."""

        def handle(request: Request) -> Response:
            self.requests.append(request.path)
            self.release.wait(10)
            return Response(body, content_type=content_type)

        self.server.expect_request(path).respond_with_handler(handle)
        return self.url(path)

    def publish_front_page(self, path: str, title: str, feed_path: str) -> str:
        """A site's front page that declares its feed with ``<link rel="alternate">``."""
        html = (
            f"<!DOCTYPE html><html><head><title>{escape(title)}</title>"
            '<link rel="alternate" type="application/rss+xml" '
            f'title="{escape(title)}" href="{escape(feed_path)}"></head>'
            f"<body><h1>{escape(title)}</h1><p>Today's news from the harbour.</p></body></html>"
        )
        self.server.expect_request(path).respond_with_data(html, content_type="text/html")
        return self.url(path)

    def publish_page(
        self,
        path: str,
        headline: str,
        paragraphs: list[str],
        *,
        photo: str | None = None,
        caption: str | None = None,
        credit: str | None = None,
        byline: str = "Ida Marsh",
    ) -> str:
        """An article page with its lead photo in a figure, caption and credit; return its URL."""
        html = _page(self, headline, paragraphs, photo, caption, credit, byline)
        self.server.expect_request(path).respond_with_data(html, content_type="text/html")
        return self.url(path)

    def publish_photo(
        self,
        path: str,
        colour: tuple[int, int, int] = (40, 90, 160),
        size: tuple[int, int] = (800, 450),
    ) -> str:
        """A real JPEG photo (800x450 unless told); return its URL. Requests are noted."""
        return self.publish_counted(path, photo_bytes(colour, size), "image/jpeg")

    def publish_counted(self, path: str, body: bytes, content_type: str) -> str:
        """An address that answers with these bytes and notes each request; return its URL."""

        def handle(request: Request) -> Response:
            self.requests.append(request.path)
            return Response(body, content_type=content_type)

        self.server.expect_request(path).respond_with_handler(handle)
        return self.url(path)

    def publish_status(self, path: str, status: int, body: bytes = b"") -> str:
        """An address that answers with an error status; return its URL."""
        self.server.expect_request(path).respond_with_data(body, status=status)
        return self.url(path)

    def publish_bytes(self, path: str, body: bytes, content_type: str) -> str:
        """An address that answers with these bytes; return its URL."""
        self.server.expect_request(path).respond_with_data(body, content_type=content_type)
        return self.url(path)

    def _conditional(self, body: bytes, etag: str) -> Callable[[Request], Response]:
        quoted = f'"{etag}"'

        def handle(request: Request) -> Response:
            self.requests.append(request.path)
            if request.headers.get("If-None-Match") == quoted:
                return Response(status=304, headers={"ETag": quoted})
            return Response(
                body, content_type="application/rss+xml; charset=utf-8", headers={"ETag": quoted}
            )

        return handle


def photo_bytes(colour: tuple[int, int, int], size: tuple[int, int] = (800, 450)) -> bytes:
    """A real JPEG of one colour."""
    output = io.BytesIO()
    Image.new("RGB", size, colour).save(output, "JPEG", quality=80)
    return output.getvalue()


def _rss(room: Newsroom, title: str, items: list[Item]) -> str:
    """An RSS 2.0 document with Media RSS photos."""
    entries = "".join(_rss_item(room, item) for item in items)
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:media="http://search.yahoo.com/mrss/"><channel>'
        f"<title>{escape(title)}</title><link>{escape(room.url('/'))}</link>"
        f"<description>News from {escape(title)}</description>{entries}</channel></rss>"
    )


def _rss_item(room: Newsroom, item: Item) -> str:
    """One RSS item."""
    published = format_datetime(START + timedelta(hours=item.hours))
    parts = [
        f"<title>{escape(item.title)}</title>",
        f"<link>{escape(room.url('/news/' + item.slug))}</link>",
        f'<guid isPermaLink="false">{escape(item.slug)}</guid>',
        f"<pubDate>{published}</pubDate>",
        f"<description>{escape(item.summary)}</description>",
    ]
    if item.content:
        parts.append(f"<content:encoded><![CDATA[{item.content}]]></content:encoded>")
    if item.photo:
        parts.append(
            f'<media:content url="{escape(room.url(item.photo))}" medium="image" '
            f'type="image/jpeg" width="800" height="450">'
            f"<media:description>{escape(item.caption or '')}</media:description>"
            f"<media:credit>{escape(item.credit or '')}</media:credit></media:content>"
        )
    return f"<item>{''.join(parts)}</item>"


def _page(
    room: Newsroom,
    headline: str,
    paragraphs: list[str],
    photo: str | None,
    caption: str | None,
    credit: str | None,
    byline: str,
) -> str:
    """A news article page in common markup: meta tags, a figure, a byline, paragraphs."""
    image_meta = f'<meta property="og:image" content="{room.url(photo)}">' if photo else ""
    figure = ""
    if photo:
        figure = (
            f'<figure><img src="{room.url(photo)}" alt="">'
            f"<figcaption>{escape(caption or '')} "
            f'<span class="credit">{escape(credit or "")}</span></figcaption></figure>'
        )
    body = "".join(f"<p>{escape(text)}</p>" for text in paragraphs)
    return (
        "<!DOCTYPE html><html><head>"
        f"<title>{escape(headline)} | The Test Courier</title>{image_meta}"
        '<meta property="article:published_time" content="2026-11-20T09:30:00+01:00">'
        "</head><body><nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{escape(headline)}</h1>"
        f'<p class="byline">By {escape(byline)}</p>{figure}{body}</article>'
        "<aside><h3>Related stories</h3><a href='/x'>Another story</a></aside>"
        "<footer>© The Test Courier</footer></body></html>"
    )
