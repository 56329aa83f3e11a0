"""Refresh speed: 100 feeds x 50 items from a loopback server, Broadsheet against newsboat.

Both fetch the same feeds (RSS 2.0, each item with ~3 KB of HTML content, so no article page is
fetched) from a local server that answers conditional requests. Measured: a first refresh into a
fresh store or cache (until every article is stored), then a re-refresh where every feed answers
304. Broadsheet runs as ``broadsheet refresh --no-images``, since newsboat fetches no images.

The same feeds with a captioned figure at the top of every item (a 1024-pixel JPEG of its own,
5,000 in all, as WordPress feeds carry them) measure what the pictures cost: Broadsheet's first
refresh with its pictures against the same refresh without them.
"""

from __future__ import annotations

import argparse
import functools
import io
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

from tests.quiet_server import QuietHandler

FEEDS = 100
ITEMS = 50
SEED = 2611
WORDS = [
    "harbour",
    "council",
    "ferry",
    "station",
    "winter",
    "lamp",
    "tide",
    "market",
    "school",
    "orchestra",
    "library",
    "bridge",
    "river",
    "quay",
    "festival",
    "cooperative",
    "volunteers",
    "railway",
    "station",
    "mill",
    "garden",
    "museum",
    "square",
    "storm",
    "coast",
    "village",
    "weather",
    "budget",
    "plan",
    "street",
    "history",
    "night",
    "music",
    "bakery",
    "vote",
    "mayor",
    "parish",
    "island",
]


def feed_documents(
    feeds: int = FEEDS, items: int = ITEMS, edition: int = 0, pictures: str | None = None
) -> dict[str, bytes]:
    """The feeds, by path: deterministic invented text. A later ``edition`` is the same feeds a
    day on, every item new (its own id, link, date and text), as when each paper has published
    ``items`` more stories; edition 0 is the set the refresh figures use. With ``pictures`` (the
    server's address), every item opens with a captioned figure of its own picture there."""
    rng = random.Random(SEED + edition)
    start = datetime(2026, 11, 1, tzinfo=UTC) + timedelta(days=edition)
    return {
        f"/feeds/{number}.xml": _feed(rng, number, items, start, edition, pictures).encode()
        for number in range(feeds)
    }


def _feed(
    rng: random.Random,
    number: int,
    items: int,
    start: datetime,
    edition: int = 0,
    pictures: str | None = None,
) -> str:
    """One RSS 2.0 feed."""
    entries = []
    prefix = f"{edition}-" if edition else ""
    for item in range(items):
        title = " ".join(rng.choice(WORDS) for _ in range(8)).capitalize()
        paragraphs = "".join(
            "<p>" + " ".join(rng.choice(WORDS) for _ in range(60)) + ".</p>" for _ in range(7)
        )
        if pictures:
            paragraphs = _figure(rng, f"{pictures}/photos/{number}-{prefix}{item}.jpg") + paragraphs
        when = format_datetime(start + timedelta(minutes=number * items + item))
        entries.append(
            f"<item><title>{escape(title)}</title>"
            f"<link>http://paper{number}.example/news/{prefix}{item}</link>"
            f"<guid>http://paper{number}.example/news/{prefix}{item}</guid><pubDate>{when}</pubDate>"
            f"<description>{escape(paragraphs[:300])}</description>"
            f"<content:encoded><![CDATA[{paragraphs}]]></content:encoded></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Paper {number}</title><link>http://paper{number}.example/</link>"
        f"<description>Paper {number}</description>{''.join(entries)}</channel></rss>"
    )


def _figure(rng: random.Random, address: str) -> str:
    """A block-editor figure with its sizes, caption and credit."""
    caption = " ".join(rng.choice(WORDS) for _ in range(12)).capitalize()
    return (
        f'<figure class="wp-block-image size-large"><img width="1024" height="576" '
        f'src="{address}" alt="{caption[:30]}" srcset="{address} 1024w" '
        f'sizes="(max-width: 1024px) 100vw, 1024px"><figcaption class="wp-element-caption">'
        f'{caption}. <span class="credit">Photo: Ida Marsh/Courier</span></figcaption></figure>'
    )


PHOTO_SOURCES = Path(__file__).resolve().parents[2] / "desktop" / "resources" / "sample" / "photos"


@functools.cache
def _photo_pool() -> tuple[bytes, ...]:
    """The sample edition's photos as 1024-pixel JPEGs, the size news sites serve in feeds."""
    from PIL import Image

    pool = []
    for file in sorted(PHOTO_SOURCES.glob("*.jpg")):
        with Image.open(file) as image:
            output = io.BytesIO()
            image.convert("RGB").resize((1024, 576)).save(output, "JPEG", quality=82)
            pool.append(output.getvalue())
    return tuple(pool)


def photo(path: str) -> bytes:
    """The picture at a ``/photos/`` address: one of the pool, made a file of its own by a JPEG
    comment naming the address (so no two articles share a cached file)."""
    pool = _photo_pool()
    base = pool[hash(path) % len(pool)]
    comment = path.encode()
    segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
    return base[:2] + segment + base[2:]


@contextmanager
def serving(documents: dict[str, bytes]) -> Iterator[str]:
    """A loopback server for the documents, with ETags; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), feed_handler(documents))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def feed_handler(documents: dict[str, bytes]) -> type[BaseHTTPRequestHandler]:
    """A keep-alive handler answering from ``documents`` (read at each request), with ETags
    and conditional requests."""

    class Handler(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
            if self.path.startswith("/photos/"):
                self.answer(photo(self.path), "image/jpeg")
                return
            body = documents.get(self.path)
            if body is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def broadsheet_times(base: str, paths: list[str], work: Path) -> tuple[float, float]:
    """Seconds for Broadsheet's first refresh into a new store, and for a re-refresh (304s)."""
    command = [*_subscribed(base, paths, work), "refresh", "--no-images"]
    return _timed(command), _timed(command)


def picture_time(base: str, paths: list[str], work: Path, pictures: bool) -> float:
    """Seconds for Broadsheet's first refresh into a new store, with or without pictures."""
    skip = [] if pictures else ["--no-images"]
    command = [*_subscribed(base, paths, work), "refresh", *skip]
    return _timed(command)


def _subscribed(base: str, paths: list[str], work: Path) -> list[str]:
    """A new store in ``work`` subscribed to the feeds; the command line that works on it."""
    data = work / "broadsheet"
    opml = work / "feeds.opml"
    outlines = "".join(
        f'<outline text="{escape(p)}" type="rss" xmlUrl="{base}{escape(p)}"/>' for p in paths
    )
    opml.write_text(f'<opml version="2.0"><body>{outlines}</body></opml>')
    command = [sys.executable, "-m", "desktop", "--data-dir", str(data)]
    _run([*command, "opml", "import", str(opml)])
    return command


def newsboat_times(base: str, paths: list[str], work: Path) -> tuple[float, float] | None:
    """The same for ``newsboat -x reload`` with a fresh cache, or None without newsboat."""
    newsboat = shutil.which("newsboat")
    if newsboat is None:
        return None
    urls, cache, config = work / "urls", work / "cache.db", work / "config"
    urls.write_text("".join(f"{base}{path}\n" for path in paths))
    config.write_text("reload-threads 8\n")
    command = [newsboat, "-x", "reload", "-u", str(urls), "-c", str(cache), "-C", str(config)]
    return _timed(command), _timed(command)


def _timed(command: list[str]) -> float:
    """Wall-clock seconds of a command that must succeed."""
    start = time.perf_counter()
    _run(command)
    return time.perf_counter() - start


def _run(command: list[str]) -> None:
    """Run a command; fail loudly if it fails."""
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise RuntimeError(f"{command[0]} failed ({result.returncode}): {result.stderr[-500:]}")


def main(argv: list[str] | None = None) -> int:
    """Run the comparison a few times and print medians."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args(argv)
    documents = feed_documents()
    size = sum(len(body) for body in documents.values()) / 1e6
    print(f"{FEEDS} feeds x {ITEMS} items, {size:.1f} MB, loopback")
    results: dict[str, list[float]] = {}
    with serving(documents) as base:
        for _ in range(arguments.runs):
            with tempfile.TemporaryDirectory() as folder:
                first, again = broadsheet_times(base, sorted(documents), Path(folder))
                results.setdefault("broadsheet first", []).append(first)
                results.setdefault("broadsheet 304", []).append(again)
            with tempfile.TemporaryDirectory() as folder:
                found = newsboat_times(base, sorted(documents), Path(folder))
                if found:
                    results.setdefault("newsboat first", []).append(found[0])
                    results.setdefault("newsboat 304", []).append(found[1])
    for name, values in results.items():
        spread = f"({min(values):.2f}–{max(values):.2f})"
        print(f"{name:18} median {statistics.median(values):6.2f} s  {spread}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
