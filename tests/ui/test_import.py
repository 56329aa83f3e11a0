"""Importing from the window: File > Import… and files dropped on it, as a reader would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QTableView
from pytestqt.qtbot import QtBot

from desktop.paths import AppPaths
from desktop.store.database import connect
from desktop.store.sources import sources
from desktop.tasks import InlineRunner
from desktop.ui.sections.importing import Importer
from desktop.ui.shell.main_window import MainWindow
from tests.ui.parts import article_titles, section_list

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SAVED_PAGE = FIXTURES / "pages" / "saved-page.txt"
# The first import loads the parsing libraries (lxml, trafilatura, feedparser): slow on a busy
# machine, so these waits are longer than pytest-qt's five seconds.
LOADS = 20_000


def _choose(monkeypatch: pytest.MonkeyPatch, *files: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(f) for f in files], "")
    )


def _drop(window: MainWindow, *files: Path) -> None:
    """Drag files over the window and drop them, as a file manager would."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(file)) for file in files])
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()  # the window says it takes files
    event = QDropEvent(
        QPoint(20, 20).toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, event)


def test_importing_a_saved_page_shows_the_article_and_its_market_figures(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    _choose(monkeypatch, SAVED_PAGE)
    window.commands.import_files.trigger()
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage().startswith("Imported"), timeout=LOADS
    )
    headline = SAVED_PAGE.read_text(encoding="utf-8").splitlines()[0].split(" - ", 1)[1]
    qtbot.waitUntil(lambda: headline in article_titles(window))  # the list is read off-thread
    status = window.findChild(QLabel, "marketStatus")
    assert status is not None
    qtbot.waitUntil(lambda: "saved-page.txt" in status.text(), timeout=LOADS)
    # The page states no time: its figures are undated, below the sample edition's dated ones.
    assert status.text().endswith("Undated figures from Saved page saved-page.txt.")
    quotes = window.findChild(QTableView, "quoteTable")
    assert quotes is not None
    model = quotes.model()
    (hrbr,) = [r for r in range(model.rowCount()) if model.index(r, 0).data() == "HRBR"]
    tip = model.index(hrbr, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert re.search(r"From Saved page saved-page\.txt, undated \(saved \d+ \w+ \d{4}\)", tip)


def test_a_feed_file_dropped_on_the_window_becomes_a_source(
    window: MainWindow, qtbot: QtBot
) -> None:
    _drop(window, FIXTURES / "feeds" / "rss20.xml")
    assert window.statusBar().currentMessage() == "Importing 1 file…"
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage().startswith("Imported"), timeout=LOADS
    )
    sections = section_list(window)

    def listed() -> bool:  # the sources are read again off the UI thread
        names = [sections.item(row).text() for row in range(sections.count())]
        return any("Millbrook" in name for name in names)

    qtbot.waitUntil(listed)


def test_a_file_that_is_no_document_is_one_sentence_and_changes_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 8)
    before = article_titles(window)
    _choose(monkeypatch, junk)
    window.commands.import_files.trigger()
    qtbot.waitUntil(lambda: "is not a feed" in window.statusBar().currentMessage(), timeout=LOADS)
    assert article_titles(window) == before


def test_several_files_at_once_report_what_failed(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00\x01" * 300)
    _drop(window, SAVED_PAGE, junk)
    assert window.statusBar().currentMessage() == "Importing 2 files…"
    qtbot.waitUntil(
        lambda: "Imported 1 of 2 files" in window.statusBar().currentMessage(), timeout=LOADS
    )
    assert "junk.bin" in window.statusBar().currentMessage()


def test_an_opml_import_hands_over_its_new_sources_to_be_fetched(
    qtbot: QtBot, paths: AppPaths, tmp_path: Path
) -> None:
    opml = tmp_path / "papers.opml"
    opml.write_text(
        '<opml version="2.0"><body>'
        '<outline text="Gazette" type="rss" xmlUrl="https://harbour-gazette.example/feed.xml"/>'
        '<outline text="Tidings" type="rss" xmlUrl="https://tidings.example/feed"/>'
        "</body></opml>"
    )
    runner = InlineRunner(paths.store)
    importer = Importer(runner, paths.images)
    heard: list[tuple[object, ...]] = []
    importer.sources_added.connect(lambda ids: heard.append(("added", ids)))
    importer.finished.connect(lambda sentence, stored: heard.append((sentence, stored)))
    try:
        with qtbot.waitSignal(importer.finished, timeout=LOADS):
            importer.import_files([opml])
    finally:
        runner.shutdown()
    connection = connect(paths.store)
    try:
        (tidings,) = [s.id for s in sources(connection) if s.url == "https://tidings.example/feed"]
    finally:
        connection.close()
    assert heard == [
        ("added", (tidings,)),  # the sample's Gazette was there already: not fetched again
        ("Added 1 of the 2 subscriptions in papers.opml (the other one you already had).", True),
    ]
