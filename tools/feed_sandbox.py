"""A local stand-in for ordinary news feeds, to read real-shaped articles without the internet.

    .venv/bin/python tools/feed_sandbox.py [--port 8796]

prints the address of an OPML file listing its feeds, then serves until stopped. The feeds are
written the way WordPress and its news themes write theirs: RSS 2.0 items whose
``content:encoded`` holds paragraphs, a subheading, a ``<figure>`` with a ``srcset`` of sizes and a
``<figcaption>`` with a credit, lazy-loaded images with ``<noscript>`` fallbacks, a 1-pixel
tracker, and some with a Media RSS photo that is the figure's picture at another size. The
photos are the sample edition's, served at the sizes the ``srcset`` names. The text is invented
here. Screenshots of a feed article read offline are taken against it (tools/take-screenshots).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
PHOTOS = ROOT / "desktop" / "resources" / "sample" / "photos"
SIZES = (300, 768, 1024, 1536)
_SIZED_NAME = re.compile(r"(.+)-(\d+)x\d+")


@dataclass(frozen=True)
class Story:
    """One article of a feed."""

    slug: str
    title: str
    author: str
    paragraphs: tuple[str, ...]
    photo: str
    caption: str
    credit: str
    subheading: str = ""
    second_photo: str = ""
    second_caption: str = ""
    media: bool = False  # the feed also names the photo with Media RSS, at another size


STORIES = (
    Story(
        "ferry-returns",
        "The winter ferry returns to the island run",
        "Maren Holt",
        (
            "The island ferry made its first winter crossing in three years on Monday, carrying "
            "forty passengers, a mail van and a crate of seedlings for the school garden.",
            "The service was cut when the old vessel failed its inspection. Islanders have since "
            "relied on a water taxi that sails only in fair weather and carries no vehicles.",
            "The new boat is smaller but rated for heavier seas, the operator said, and will "
            "keep a timetable of four sailings a day until March.",
            "At the quay, a retired skipper watched the boat come in. He said the island had "
            "felt further away every winter without it, and that the sound of its horn in the "
            "morning was the best news of the year.",
        ),
        "ferry",
        "The ferry leaves the harbour on its first winter crossing, Monday morning.",
        "Photo: Ida Brennan/Harbour Press",
        subheading="Four sailings a day",
        second_photo="saltmarsh",
        second_caption="The saltmarsh road, the only way to the quay when the tide is high.",
        media=True,
    ),
    Story(
        "market-hall",
        "The old market hall opens its doors again",
        "Tomas Varga",
        (
            "After eighteen months of repairs the covered market reopened on Saturday with "
            "thirty stalls, a new glass roof and the clock over the east door running again.",
            "Traders who had moved to a car park across town said takings were already better "
            "than before the closure, helped by the first dry weekend in a month.",
            "The council spent less than planned, its treasurer said, because the iron frame "
            "was sounder than the survey had feared.",
        ),
        "market-hall",
        "Shoppers under the hall's new glass roof on Saturday",
        "Photo: © Lena Ruiz",
    ),
    Story(
        "night-train",
        "A night train links the coast and the capital",
        "Anouk de Wit",
        (
            "A sleeper service between the coast and the capital starts in the spring, the "
            "rail company announced, with two departures a week in each direction.",
            "The carriages are refurbished from a line that closed in the north, with cabins "
            "for two and a dining car that serves breakfast before arrival.",
            "Fares start at a price the company compared with a hotel room, and the first "
            "month is nearly sold out.",
        ),
        "night-train",
        "The refurbished sleeper carriages in the depot.",
        "Rail Works/Agency",
        media=True,
    ),
)


def feed_document(base: str, stories: tuple[Story, ...], title: str) -> bytes:
    """An RSS 2.0 feed of the stories, in WordPress's shape."""
    now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    items = "".join(
        _item(base, story, now - timedelta(hours=3 * number))
        for number, story in enumerate(stories)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">'
        f"<channel><title>{escape(title)}</title><link>{base}/</link>"
        f"<description>News from the coast</description>{items}</channel></rss>"
    ).encode()


def _item(base: str, story: Story, published: datetime) -> str:
    """One item, its body in content:encoded."""
    link = f"{base}/{published:%Y/%m/%d}/{story.slug}/"
    media = ""
    if story.media:
        media = (
            f'<media:content url="{base}/wp-content/uploads/{story.photo}.jpg?w=1200" '
            'medium="image" width="1200" height="675"/>'
        )
    return (
        f"<item><title>{escape(story.title)}</title><link>{link}</link>"
        f"<dc:creator><![CDATA[{story.author}]]></dc:creator>"
        f"<pubDate>{format_datetime(published)}</pubDate>"
        f'<guid isPermaLink="false">{base}/?p={abs(hash(story.slug)) % 10000}</guid>'
        f"<description><![CDATA[{story.paragraphs[0]}]]></description>"
        f"<content:encoded><![CDATA[{_body(base, story)}]]></content:encoded>{media}</item>"
    )


def _body(base: str, story: Story) -> str:
    """The item's content as WordPress's block editor writes it."""
    first, *rest = story.paragraphs
    parts = [_figure(base, story.photo, story.caption, story.credit), f"<p>{escape(first)}</p>"]
    for number, paragraph in enumerate(rest):
        if number == 1 and story.subheading:
            parts.append(f'<h2 class="wp-block-heading">{escape(story.subheading)}</h2>')
        if number == 1 and story.second_photo:
            parts.append(_lazy_figure(base, story.second_photo, story.second_caption))
        parts.append(f"<p>{escape(paragraph)}</p>")
    parts.append(f'<img src="{base}/pixel.gif?p={story.slug}" width="1" height="1" alt="">')
    return "\n".join(parts)


def _figure(base: str, photo: str, caption: str, credit: str) -> str:
    """A block-editor image with its sizes and a caption holding the credit."""
    sizes = ", ".join(f"{_sized(base, photo, width)} {width}w" for width in SIZES)
    return (
        f'<figure class="wp-block-image size-large"><img decoding="async" width="1024" '
        f'height="576" src="{_sized(base, photo, 1024)}" alt="" srcset="{sizes}" '
        f'sizes="(max-width: 1024px) 100vw, 1024px" />'
        f'<figcaption class="wp-element-caption">{escape(caption)} '
        f'<span class="credit">{escape(credit)}</span></figcaption></figure>'
    )


def _lazy_figure(base: str, photo: str, caption: str) -> str:
    """A lazily loaded image, as the lazy-load plugins leave it, with its fallback."""
    return (
        '<div class="wp-caption aligncenter">'
        '<img class="lazyload" src="data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAAB'
        f'AAEAAAICTAEAOw==" data-src="{_sized(base, photo, 768)}" width="768" height="432" alt="">'
        f'<noscript><img src="{_sized(base, photo, 768)}" width="768" height="432" alt="">'
        f'</noscript><p class="wp-caption-text">{escape(caption)}</p></div>'
    )


def _sized(base: str, photo: str, width: int) -> str:
    """The address of a photo at one of its sizes, named as WordPress names them."""
    return f"{base}/wp-content/uploads/{photo}-{width}x{round(width * 9 / 16)}.jpg"


@functools.cache
def photo_bytes(name: str, width: int) -> bytes:
    """A sample photo as a JPEG of the given width."""
    with Image.open(PHOTOS / f"{name}.jpg") as image:
        height = round(image.height * width / image.width)
        small = image.convert("RGB").resize((width, height), Image.Resampling.LANCZOS)
    output = io.BytesIO()
    small.save(output, "JPEG", quality=85)
    return output.getvalue()


def opml_document(base: str) -> bytes:
    """An OPML file listing the sandbox's feed."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>Sandbox</title>'
        '</head><body><outline text="Local papers">'
        f'<outline type="rss" text="The Coast Gazette" xmlUrl="{base}/feed/" htmlUrl="{base}/"/>'
        "</outline></body></opml>"
    ).encode()


class Handler(BaseHTTPRequestHandler):
    """Answers the feed, the OPML file, the photos at their sizes and the tracker."""

    def do_GET(self) -> None:
        base = f"http://{self.headers.get('Host', '127.0.0.1')}"
        path = urlsplit(self.path).path
        if path == "/feed/":
            self._send(feed_document(base, STORIES, "The Coast Gazette"), "application/rss+xml")
        elif path == "/subscriptions.opml":
            self._send(opml_document(base), "text/x-opml")
        elif path == "/pixel.gif":
            self._send(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "image/gif")
        elif path.startswith("/wp-content/uploads/"):
            self._photo(path.rsplit("/", 1)[-1].removesuffix(".jpg"))
        else:
            self.send_error(404)

    def _photo(self, name: str) -> None:
        sized = _SIZED_NAME.fullmatch(name)
        stem, width = (sized[1], int(sized[2])) if sized else (name, 1200)
        if not (PHOTOS / f"{stem}.jpg").is_file():
            self.send_error(404)
            return
        self._send(photo_bytes(stem, width), "image/jpeg")

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the sandbox serves while someone reads."""


def main() -> None:
    """Print the OPML file's address and serve until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8796)
    port = parser.parse_args().port
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print(f"http://127.0.0.1:{server.server_address[1]}/subscriptions.opml", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
