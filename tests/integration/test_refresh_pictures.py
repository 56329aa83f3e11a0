"""The pictures of articles' bodies, against a local news site: downloaded once into the photo
cache by a refresh or an import, the lead photo kept once with its figure's caption, and every
picture that cannot be had skipped alone."""

from __future__ import annotations

import sqlite3
import struct
import zlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from desktop.domain import Article
from desktop.ingest.figures import MAX_BODY_IMAGES
from desktop.operations import direct_writer, photos
from desktop.operations.entries import start_parser_process
from desktop.operations.importing import import_file
from desktop.operations.refresh import RefreshOptions
from desktop.paths import AppPaths
from tests.newsroom import Item, Newsroom, photo_bytes
from tests.refreshing import FAST, article_titled, run_refresh, subscribe

WORDS = (
    "The harbour board voted on Tuesday to keep the pilot station open through the winter, "
    "after a petition gathered signatures from almost every household on the north shore."
)


def figure(room: Newsroom, path: str, caption: str = "", credit: str = "") -> str:
    """A block-editor figure naming a picture of the site, with its caption and credit."""
    written = f'{caption} <span class="credit">{credit}</span>' if credit else caption
    caption_html = (
        f'<figcaption class="wp-element-caption">{written}</figcaption>' if written else ""
    )
    return (
        f'<figure class="wp-block-image size-large"><img src="{room.url(path)}" alt="A photo">'
        f"{caption_html}</figure>"
    )


def body(*parts: str) -> str:
    """An entry's content: a paragraph, the given parts, another paragraph."""
    return f"<p>{WORDS}</p>{''.join(parts)}<p>{WORDS}</p>"


def cached(story: Article) -> dict[str, Path]:
    """The body's cached pictures, file by address."""
    return {photo.url or "": photo.file for photo in story.images}


@pytest.mark.parametrize("pooled", [False, True], ids=["here", "in-processes"])
def test_twenty_ordinary_feeds_keep_every_body_picture_and_the_figure_caption(
    newsroom: Newsroom, connection: sqlite3.Connection, paths: AppPaths, pooled: bool
) -> None:
    """A new user's day: feeds whose content holds paragraphs and a captioned figure; pictures
    are checked where feeds are parsed, in the pool of processes when there is one."""
    for number in range(20):
        newsroom.publish_photo(f"/uploads/harbour-{number}.jpg", colour=(number * 12, 80, 140))
        item = Item(
            f"story-{number}",
            f"Story {number} from the harbour",
            WORDS,
            content=body(
                figure(
                    newsroom,
                    f"/uploads/harbour-{number}.jpg",
                    f"The quay at dawn, day {number}.",
                    "Photo: Ida Marsh/Courier",
                )
            ),
        )
        subscribe(
            connection, newsroom.publish_feed(f"/feeds/{number}.xml", f"Paper {number}", [item])
        )
    with ProcessPoolExecutor(2, initializer=start_parser_process) as pool:
        report = run_refresh(
            connection, paths, RefreshOptions(limits=FAST, parser=pool if pooled else None)
        )
    assert report.new_articles == 20 and not report.failed
    for number in range(20):
        story = article_titled(connection, paths, f"Story {number} from the harbour")
        assert story.photo is not None and story.photo.file.is_file()
        assert story.caption == f"The quay at dawn, day {number}."
        assert story.credit == "Photo: Ida Marsh/Courier"
        # The body's figure is the lead photo: kept once, as the same cached file.
        assert cached(story) == {newsroom.url(f"/uploads/harbour-{number}.jpg"): story.photo.file}
    assert report.photos_stored == 20
    asked = [path for path in newsroom.requests if path.startswith("/uploads/")]
    assert sorted(asked) == sorted(f"/uploads/harbour-{n}.jpg" for n in range(20))  # each once


def test_a_feed_photo_at_another_size_is_the_figures_picture_and_takes_its_caption(
    newsroom: Newsroom, connection: sqlite3.Connection, paths: AppPaths
) -> None:
    newsroom.publish_photo("/uploads/regatta-1200x675.jpg", size=(1200, 675))
    newsroom.publish_photo("/uploads/regatta-768x432.jpg", size=(768, 432))
    newsroom.publish_photo("/uploads/crowd.jpg", colour=(200, 40, 40))
    item = Item(
        "regatta",
        "The regatta goes ahead",
        WORDS,
        content=body(
            figure(newsroom, "/uploads/regatta-768x432.jpg", "Sails at the start line (AFP)"),
            figure(newsroom, "/uploads/crowd.jpg", "The crowd on the sea wall"),
        ),
        photo="/uploads/regatta-1200x675.jpg",  # Media RSS, without a caption of its own
    )
    subscribe(connection, newsroom.publish_feed("/feeds/regatta.xml", "Courier", [item]))
    report = run_refresh(connection, paths)
    story = article_titled(connection, paths, "The regatta goes ahead")
    assert (story.caption, story.credit) == ("Sails at the start line", "AFP")
    assert story.photo is not None and story.photo.width == 1200
    pictures = cached(story)
    assert pictures[newsroom.url("/uploads/regatta-768x432.jpg")] == story.photo.file
    assert pictures[newsroom.url("/uploads/crowd.jpg")] != story.photo.file
    assert "/uploads/regatta-768x432.jpg" not in newsroom.requests  # the same picture: not asked
    assert (report.photos_stored, report.pictures_stored) == (1, 1)


def test_the_same_pixels_at_another_address_are_the_lead_photo_once(
    newsroom: Newsroom, connection: sqlite3.Connection, paths: AppPaths
) -> None:
    same = photo_bytes((10, 120, 60))
    newsroom.publish_counted("/media/feed-photo.jpg", same, "image/jpeg")
    newsroom.publish_counted("/uploads/b7f3a-lighthouse.jpg", same, "image/jpeg")
    item = Item(
        "lighthouse",
        "Lighthouse relit",
        WORDS,
        content=body(
            figure(newsroom, "/uploads/b7f3a-lighthouse.jpg", "The lamp relit.", "Photo: R. Lund")
        ),
        photo="/media/feed-photo.jpg",
    )
    subscribe(connection, newsroom.publish_feed("/feeds/light.xml", "Courier", [item]))
    run_refresh(connection, paths)
    story = article_titled(connection, paths, "Lighthouse relit")
    assert story.photo is not None
    assert cached(story) == {newsroom.url("/uploads/b7f3a-lighthouse.jpg"): story.photo.file}
    assert (story.caption, story.credit) == ("The lamp relit.", "Photo: R. Lund")


def png_header(width: int, height: int) -> bytes:
    """A tiny PNG that claims to be ``width`` x ``height``: a decompression bomb's header."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(header))
        + chunk
        + struct.pack(">I", zlib.crc32(chunk))
    )


def test_each_picture_that_cannot_be_had_is_skipped_alone(
    newsroom: Newsroom,
    connection: sqlite3.Connection,
    paths: AppPaths,
    httpserver: HTTPServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(photos, "IMAGE_MAX_BYTES", 200_000)
    newsroom.publish_photo("/uploads/good.jpg", colour=(30, 60, 90))
    newsroom.publish_status("/uploads/missing.jpg", 404)
    newsroom.publish_bytes("/uploads/page.jpg", b"<html>not a picture</html>", "image/jpeg")
    newsroom.publish_bytes("/uploads/huge.jpg", b"\xff\xd8" + b"\0" * 300_000, "image/jpeg")
    newsroom.publish_bytes("/uploads/bomb.png", png_header(50_000, 50_000), "image/png")
    newsroom.publish_bytes("/uploads/cut.jpg", photo_bytes((1, 2, 3))[:900], "image/jpeg")
    httpserver.expect_request("/uploads/loop.jpg").respond_with_response(
        Response(status=302, headers={"Location": "/uploads/loop.jpg"})
    )
    broken = ["missing", "page", "huge", "bomb", "cut"]
    parts = [figure(newsroom, f"/uploads/{name}.jpg") for name in broken]
    parts[3] = figure(newsroom, "/uploads/bomb.png")
    parts.append(figure(newsroom, "/uploads/loop.jpg"))
    item = Item(
        "trouble",
        "A story with troubled pictures",
        WORDS,
        content=body(figure(newsroom, "/uploads/good.jpg", "The one that works."), *parts),
    )
    calm = Item("calm", "A calm story", WORDS, content=body(), hours=1)
    subscribe(connection, newsroom.publish_feed("/feeds/trouble.xml", "Courier", [item, calm]))
    report = run_refresh(connection, paths)
    assert report.new_articles == 2 and not report.failed
    story = article_titled(connection, paths, "A story with troubled pictures")
    assert story.photo is not None and story.caption == "The one that works."
    assert list(cached(story)) == [newsroom.url("/uploads/good.jpg")]
    assert article_titled(connection, paths, "A calm story").images == ()


def test_a_body_of_hundreds_of_pictures_keeps_the_bound(
    newsroom: Newsroom, connection: sqlite3.Connection, paths: AppPaths
) -> None:
    same = photo_bytes((90, 90, 90), (320, 180))
    parts = []
    for number in range(500):
        newsroom.publish_counted(f"/gallery/{number}.jpg", same, "image/jpeg")
        parts.append(figure(newsroom, f"/gallery/{number}.jpg", f"Picture {number}"))
    item = Item("gallery", "Five hundred pictures", WORDS, content=body(*parts))
    subscribe(connection, newsroom.publish_feed("/feeds/gallery.xml", "Courier", [item]))
    report = run_refresh(connection, paths)
    assert not report.failed and report.new_articles == 1
    story = article_titled(connection, paths, "Five hundred pictures")
    assert len(story.images) == MAX_BODY_IMAGES
    assert len([p for p in newsroom.requests if p.startswith("/gallery/")]) == MAX_BODY_IMAGES


def test_only_the_size_nearest_the_column_is_downloaded(
    newsroom: Newsroom, connection: sqlite3.Connection, paths: AppPaths
) -> None:
    for width in (300, 1024, 2048):
        newsroom.publish_photo(f"/uploads/tide-{width}.jpg", size=(width, width // 2))
    srcset = ", ".join(f"{newsroom.url(f'/uploads/tide-{w}.jpg')} {w}w" for w in (300, 1024, 2048))
    content = body(
        f'<figure><img src="{newsroom.url("/uploads/tide-300.jpg")}" srcset="{srcset}" alt="Tide">'
        "<figcaption>High water</figcaption></figure>"
    )
    subscribe(
        connection,
        newsroom.publish_feed("/feeds/tide.xml", "Courier", [Item("t", "Tide", WORDS, content)]),
    )
    run_refresh(connection, paths)
    assert [p for p in newsroom.requests if p.startswith("/uploads/")] == ["/uploads/tide-1024.jpg"]


def test_a_refresh_without_pictures_asks_for_none(
    newsroom: Newsroom, connection: sqlite3.Connection, paths: AppPaths
) -> None:
    newsroom.publish_photo("/uploads/one.jpg")
    item = Item("one", "One picture", WORDS, content=body(figure(newsroom, "/uploads/one.jpg")))
    subscribe(connection, newsroom.publish_feed("/feeds/one.xml", "Courier", [item]))
    report = run_refresh(connection, paths, RefreshOptions(limits=FAST, photos=False))
    assert (report.photos_stored, report.pictures_stored) == (0, 0)
    assert not any(path.startswith("/uploads/") for path in newsroom.requests)


def test_an_imported_feed_file_brings_its_pictures(
    newsroom: Newsroom, connection: sqlite3.Connection, paths: AppPaths, tmp_path: Path
) -> None:
    newsroom.publish_photo("/uploads/imported.jpg")
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Saved feed'
        "</title><item><title>An imported story</title><link>https://courier.example/s</link>"
        f"<content:encoded><![CDATA[{body(figure(newsroom, '/uploads/imported.jpg', 'Kept.'))}]]>"
        "</content:encoded></item></channel></rss>"
    )
    file = tmp_path / "saved.xml"
    file.write_text(feed, encoding="utf-8")
    import_file(direct_writer(connection), paths.images, file)
    story = article_titled(connection, paths, "An imported story")
    assert story.photo is not None and story.caption == "Kept."
    assert cached(story) == {newsroom.url("/uploads/imported.jpg"): story.photo.file}


@pytest.fixture
def newsroom(httpserver: HTTPServer) -> Newsroom:
    return Newsroom(httpserver)
