"""The reading view: photo with caption and credit, subheadings, links, and nothing remote."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from pytestqt.qtbot import QtBot

from desktop.paths import AppPaths
from desktop.ui.reading.reader import ArticleBrowser
from desktop.ui.shell.main_window import MainWindow

IMAGE = QTextDocument.ResourceType.ImageResource.value


def test_the_article_reads_like_a_newspaper_page(window: MainWindow) -> None:
    article = window.reader.article
    assert article is not None
    lines = [line for line in window.reader.toPlainText().splitlines() if line.strip()]
    assert lines[0] == article.source.upper()
    assert lines[1] == article.title
    assert article.byline is not None and article.byline in lines[2]
    # The photo comes next (an object character), then its caption and, after it, its credit;
    # screen readers are told the caption is the photo's (tests/ui/test_photo_descriptions.py).
    assert lines[3] == "\ufffc"
    assert lines[4] == f"Photo: {article.caption} {article.credit}"
    subheadings = [b for b in _blocks(window.reader) if b[1] >= 2]
    assert subheadings, "the body's subheadings are shown as headings"


def _record_opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """Catch what would be handed to the system browser."""
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    return opened


def _blocks(reader: ArticleBrowser) -> list[tuple[str, int]]:
    result = []
    block = reader.document().begin()
    while block.isValid():
        result.append((block.text(), block.blockFormat().headingLevel()))
        block = block.next()
    return result


def test_the_photo_comes_from_the_cache_at_the_column_width(window: MainWindow) -> None:
    article = window.reader.article
    assert article is not None and article.photo is not None
    image = window.reader.loadResource(IMAGE, QUrl(f"photo:{article.photo.file.as_posix()}"))
    assert isinstance(image, QImage) and not image.isNull()
    logical = image.width() / image.devicePixelRatio()
    assert logical <= window.reader.viewport().width()


@pytest.mark.parametrize(
    "url",
    [
        "https://tracker.example/pixel.gif",
        "http://tracker.example/pixel.gif",
        "file:///etc/hostname",
        "photo:/etc/hostname",
        "photo:{images}/../broadsheet.sqlite3",
        "data:image/png;base64,iVBORw0KGgo=",
    ],
)
def test_nothing_but_cached_photos_is_loaded(window: MainWindow, paths: AppPaths, url: str) -> None:
    assert window.reader.loadResource(IMAGE, QUrl(url.format(images=paths.images))) is None


def test_hostile_html_is_shown_inert(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = _record_opened_urls(monkeypatch)
    article = window.reader.article
    assert article is not None
    hostile = replace(
        article,
        body_html=(
            '<p onclick="steal()">Before</p><script>document.write("owned")</script>'
            '<style>p { display: none }</style><img src="https://tracker.example/p.gif">'
            '<p><a href="javascript:alert(1)">js</a> <a href="https://paper.example/next">next</a>'
            "</p>"
        ),
    )
    window.reader.show_article(hostile)
    text = window.reader.toPlainText()
    assert "owned" not in text and "display" not in text and "Before" in text
    window.reader.anchorClicked.emit(QUrl("javascript:alert(1)"))
    window.reader.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert opened == []
    window.reader.anchorClicked.emit(QUrl("https://paper.example/next"))
    assert opened == [QUrl("https://paper.example/next")]


def test_open_in_browser_opens_the_articles_page(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = _record_opened_urls(monkeypatch)
    window.commands.open_in_browser.trigger()
    article = window.reader.article
    assert article is not None and article.url is not None
    assert opened == [QUrl(article.url)]


def test_an_empty_section_says_what_to_do(window: MainWindow, qtbot: QtBot) -> None:
    from desktop.domain import BOOKMARKS
    from desktop.ui.sections.section_list import SectionList

    sections = window.findChild(SectionList, "sectionList")
    assert sections is not None
    sections.select(BOOKMARKS)
    assert "No bookmarks yet" in window.reader.toPlainText()
    assert "Ctrl+D" in window.reader.toPlainText()


def test_a_missing_photo_file_leaves_the_article_readable(
    window: MainWindow, paths: AppPaths
) -> None:
    article = window.reader.article
    assert article is not None and article.photo is not None
    gone = replace(article, photo=replace(article.photo, file=paths.images / "gone.jpg"))
    window.reader.show_article(gone)
    assert article.title in window.reader.toPlainText()
    assert (
        window.reader.loadResource(IMAGE, QUrl(f"photo:{(paths.images / 'gone.jpg').as_posix()}"))
        is None
    )


def test_photos_outside_the_cache_folder_are_refused(tmp_path: Path, qtbot: QtBot) -> None:
    outside = tmp_path / "elsewhere.jpg"
    assert QImage(10, 10, QImage.Format.Format_RGB32).save(str(outside))
    reader = ArticleBrowser(tmp_path / "images")
    qtbot.addWidget(reader)
    assert reader.loadResource(IMAGE, QUrl(f"photo:{outside.as_posix()}")) is None
