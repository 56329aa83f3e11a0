"""The pictures of an article's body in the reader: from the cache, fitted to the column and never
enlarged, captioned like the lead photo, the lead photo once, and nothing broken or remote."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QFont, QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import QFileDialog
from pytest_httpserver import HTTPServer
from pytestqt.qtbot import QtBot

from desktop.domain import Article, Photo
from desktop.ui.reading.reader import ArticleBrowser
from desktop.ui.reading.reader_text import unseen
from desktop.ui.sections.section_list import SectionList
from tests.newsroom import Item, Newsroom
from tests.ui.conftest import WindowFactory
from tests.ui.parts import article_list, article_model, article_titles

IMAGE = QTextDocument.ResourceType.ImageResource.value
SITE = "https://courier.example/uploads"
WORDS = "The harbour board voted on Tuesday to keep the pilot station open through the winter."


def cached_picture(images: Path, name: str, width: int, height: int) -> Photo:
    """A real picture in the photo cache, as a refresh leaves it."""
    file = images / name[:2] / f"{name}.png"
    file.parent.mkdir(parents=True, exist_ok=True)
    picture = QImage(width, height, QImage.Format.Format_RGB32)
    picture.fill(0x336699)
    assert picture.save(str(file))
    return Photo(file, width, height, url=f"{SITE}/{name}.jpg")


def story(body_html: str, images: tuple[Photo, ...] = (), lead: Photo | None = None) -> Article:
    """An article with this body, these cached pictures and this lead photo."""
    return Article(
        id=1,
        title="Pilot station stays open",
        source="The Courier",
        url="https://courier.example/story",
        byline="Ida Marsh",
        published=None,
        summary=None,
        body_html=body_html,
        photo=lead,
        caption="The station at dusk" if lead else None,
        credit="Photo: Courier" if lead else None,
        read=False,
        bookmarked_at=None,
        images=images,
    )


def figure(name: str, caption: str = "", credit: str = "") -> str:
    """A figure as the sanitizer stores it."""
    small = f"<small>{credit}</small>" if credit else ""
    written = f"<figcaption>{caption} {small}</figcaption>" if caption or credit else ""
    return f'<figure><img src="{SITE}/{name}.jpg" alt="{name}">{written}</figure>'


def shown_pictures(reader: ArticleBrowser) -> Iterator[tuple[str, float, int]]:
    """Every picture the document lays out: its name, width on screen and the block it is in."""
    block = reader.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().isImageFormat():
                image = fragment.charFormat().toImageFormat()
                yield image.name(), image.width(), block.blockNumber()
            fragments += 1
        block = block.next()


def widths(reader: ArticleBrowser) -> dict[str, float]:
    """The width on screen of every picture the document lays out, by its file's name."""
    return {Path(QUrl(name).path()).name: width for name, width, _ in shown_pictures(reader)}


def column_width(reader: ArticleBrowser) -> float:
    """The width of the reader's text column."""
    return reader.viewport().width() - 2 * reader.document().documentMargin()


def block_text(reader: ArticleBrowser, number: int) -> str:
    """What a block shows: its text without what is written for screen readers only."""
    block = reader.document().findBlockByNumber(number)
    fragments, shown = block.begin(), []
    while not fragments.atEnd():
        fragment = fragments.fragment()
        if not unseen(fragment.charFormat()):
            shown.append(fragment.text())
        fragments += 1
    return "".join(shown)


def font_at(reader: ArticleBrowser, text: str) -> QFont:
    """The font a piece of the document's text is shown in."""
    cursor = reader.document().find(text)
    assert not cursor.isNull(), text
    position = QTextCursor(reader.document())
    position.setPosition(cursor.selectionStart() + 1)
    return position.charFormat().font()


def test_a_body_figure_shows_its_cached_picture_then_caption_and_credit(
    reader: ArticleBrowser, images: Path
) -> None:
    quay = cached_picture(images, "quay", 1600, 900)
    body = (
        f"<p>{WORDS}</p>{figure('quay', 'Boats at the quay.', 'Photo: Jane Doe/AFP')}<p>More.</p>"
    )
    reader.show_article(story(body, (quay,)))
    (name, _, block), *others = list(shown_pictures(reader))
    assert others == []
    assert QUrl(name).scheme() == "photo" and Path(QUrl(name).path()) == quay.file
    assert block_text(reader, block + 1) == "Boats at the quay. Photo: Jane Doe/AFP"
    body_font, caption_font = font_at(reader, "harbour board"), font_at(reader, "Boats at")
    assert caption_font.pointSizeF() < body_font.pointSizeF()
    assert font_at(reader, "Jane Doe").italic() and not caption_font.italic()
    assert block_text(reader, block + 2) == "More."  # the caption no longer runs into the text


def test_pictures_fit_the_column_keep_their_shape_and_are_never_enlarged(
    reader: ArticleBrowser, images: Path, qtbot: QtBot
) -> None:
    wide = cached_picture(images, "wide", 1600, 900)
    small = cached_picture(images, "small", 240, 180)
    reader.show_article(story(figure("wide") + f"<p>{WORDS}</p>" + figure("small"), (wide, small)))
    column = column_width(reader)
    assert column - 2 <= widths(reader)["wide.png"] <= column
    assert widths(reader)["small.png"] == 240
    loaded = reader.loadResource(IMAGE, QUrl(f"photo:{wide.file.as_posix()}"))
    assert isinstance(loaded, QImage) and not loaded.isNull()
    shown_width = loaded.width() / loaded.devicePixelRatio()
    assert abs(loaded.height() / loaded.width() - 900 / 1600) < 0.01
    assert shown_width <= column + 1
    reader.resize(420, 700)
    qtbot.waitUntil(lambda: reader.viewport().width() < 420)
    narrow = column_width(reader)
    assert widths(reader)["wide.png"] <= narrow
    assert widths(reader)["small.png"] == min(240, int(narrow))


def test_a_picture_the_cache_lacks_is_left_out_with_its_caption_or_gives_its_alt_text(
    reader: ArticleBrowser, images: Path
) -> None:
    kept = cached_picture(images, "kept", 800, 450)
    body = (
        f"<p>{WORDS}</p>{figure('lost', 'A caption of a lost picture.')}"
        f'<p>The crest <img src="{SITE}/crest.jpg" alt="(a gull on a rock)"> flies.</p>'
        f"{figure('kept')}"
    )
    reader.show_article(story(body, (kept,)))
    assert list(widths(reader)) == ["kept.png"]
    text = reader.toPlainText()
    assert "lost picture" not in text
    assert "The crest (a gull on a rock) flies." in text  # as a browser shows a missing image


def test_the_lead_photos_own_figure_shows_once(reader: ArticleBrowser, images: Path) -> None:
    lead = cached_picture(images, "lead", 1200, 675)
    repeat = Photo(lead.file, lead.width, lead.height, url=f"{SITE}/lead-768x432.jpg")
    body = (
        f'<figure><img src="{SITE}/lead-768x432.jpg"><figcaption>The station at dusk'
        f"</figcaption></figure><p>{WORDS}</p>"
    )
    reader.show_article(story(body, (repeat,), lead=lead))
    assert len(list(shown_pictures(reader))) == 1
    assert reader.toPlainText().count("The station at dusk") == 1


def test_every_picture_laid_out_loads_from_the_cache_and_nothing_else(
    reader: ArticleBrowser, images: Path
) -> None:
    pictures = tuple(cached_picture(images, f"p{n}", 640 + n, 360) for n in range(4))
    body = "".join(figure(f"p{n}", f"Caption {n}") + f"<p>{WORDS}</p>" for n in range(6))
    reader.show_article(story(body, pictures, lead=pictures[0]))
    shown = list(shown_pictures(reader))
    assert len(shown) == 4  # the lead, then three body figures; two were never cached
    for name, _, _ in shown:
        loaded = reader.loadResource(IMAGE, QUrl(name))
        assert isinstance(loaded, QImage) and not loaded.isNull()


def test_a_new_readers_feed_articles_show_their_pictures_offline(
    open_window: WindowFactory,
    qtbot: QtBot,
    httpserver: HTTPServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Feeds imported as OPML, refreshed from the window, read after the site went away."""
    room = Newsroom(httpserver)
    outlines = []
    for number in range(3):
        room.publish_photo(f"/uploads/quay-{number}.jpg", colour=(60 * number, 90, 140))
        room.publish_photo(f"/uploads/pier-{number}.jpg", colour=(200, 60 * number, 40))
        content = (
            f"<p>{WORDS}</p>"
            f'<figure class="wp-block-image"><img src="{room.url(f"/uploads/quay-{number}.jpg")}"'
            ' alt="The quay"><figcaption class="wp-element-caption">The quay at dawn. '
            '<span class="credit">Photo: Ida Marsh</span></figcaption></figure>'
            f"<p>{WORDS}</p>"
            f'<figure><img src="{room.url(f"/uploads/pier-{number}.jpg")}" alt="The pier">'
            f"<figcaption>The pier, later.</figcaption></figure><p>{WORDS}</p>"
        )
        item = Item(f"story-{number}", f"Harbour story {number}", WORDS, content=content)
        url = room.publish_feed(f"/feeds/{number}.xml", f"Paper {number}", [item])
        outlines.append(f'<outline type="rss" text="Paper {number}" xmlUrl="{url}"/>')
    opml = tmp_path / "subscriptions.opml"
    opml.write_text(
        f'<opml version="2.0"><head/><body>{"".join(outlines)}</body></opml>', encoding="utf-8"
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(opml)], ""))
    window = open_window()
    said: list[str] = []  # every sentence, as the market panel's may follow the refresh's at once
    window.statusBar().messageChanged.connect(said.append)
    window.commands.import_files.trigger()
    qtbot.waitUntil(lambda: any("Added 3" in sentence for sentence in said), timeout=20_000)
    window.commands.refresh.trigger()

    sections = window.findChild(SectionList)
    assert sections is not None

    def refreshed() -> None:  # an assertion, so that a wait that runs out says what it saw
        assert any(sentence.startswith("3 new articles") for sentence in said), (
            said,
            [source.last_error for source in sections.sources()],
        )

    qtbot.waitUntil(refreshed, timeout=20_000)
    httpserver.clear()  # the site goes away: the articles are read from the store and cache
    model = article_model(window)
    qtbot.waitUntil(lambda: "Harbour story 1" in article_titles(window))  # read off-thread
    row = article_titles(window).index("Harbour story 1")
    article_list(window).setCurrentIndex(model.index(row))
    qtbot.waitUntil(
        lambda: (
            window.reader.article is not None and window.reader.article.title == "Harbour story 1"
        )
    )
    reader = window.reader
    shown = list(shown_pictures(reader))
    assert len(shown) == 2  # the lead photo (the first figure, once) and the pier
    for name, width, _ in shown:
        loaded = reader.loadResource(IMAGE, QUrl(name))
        assert isinstance(loaded, QImage) and not loaded.isNull()
        assert width <= reader.viewport().width()
    text = reader.toPlainText()
    assert text.count("The quay at dawn.") == 1 and "The quay at dawn. Photo: Ida Marsh" in text
    assert "The pier, later." in text


def test_a_resized_column_asks_for_each_picture_anew_and_keeps_no_stale_copy(
    reader: ArticleBrowser, images: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pictures are decoded at the width they are shown at, under a URL naming that width: a
    narrower column asks for them again, and a later article with the same picture asks too
    (nothing decoded for one article lingers in the document for the next)."""
    wide = cached_picture(images, "harbour", 1600, 900)
    from desktop.ui.reading import reader_pictures

    decoded: list[tuple[str, int | None]] = []
    decode = reader_pictures.scaled_photo

    def noted(file: Path, width: int | None, ratio: float) -> QImage | None:
        decoded.append((file.name, width))
        return decode(file, width, ratio)

    monkeypatch.setattr(reader_pictures, "scaled_photo", noted)
    reader.show_article(story(figure("harbour") + f"<p>{WORDS}</p>", (wide,)))
    reader.viewport().repaint()
    first = int(column_width(reader))
    assert decoded == [("harbour.png", first)]
    reader.resize(480, 700)
    qtbot.waitUntil(lambda: int(column_width(reader)) < first)
    reader.viewport().repaint()
    narrower = int(column_width(reader))
    assert decoded[-1] == ("harbour.png", narrower)
    assert [f"width={narrower}" in name for name, _, _ in shown_pictures(reader)] == [True]
    decoded.clear()
    reader.show_article(story(f"<p>{WORDS}</p>" + figure("harbour"), (wide,)))
    reader.viewport().repaint()
    assert decoded == [("harbour.png", narrower)]
