"""The article by keyboard: caret browsing on F7 (a visible caret the arrows move, kept across
restarts; off, the arrows scroll), and links reached by Tab, opened by Return, with Tab going on
out of the reader after the last link."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop import settings
from desktop.paths import AppPaths
from desktop.ui.reading import reader as reader_module
from desktop.ui.reading.caret_browsing import TURNED_OFF, TURNED_ON
from desktop.ui.reading.reader import ArticleBrowser
from desktop.ui.reading.reader_text import selected_link
from desktop.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.parts import article_list

FIRST, SECOND = "https://paper.example/first", "https://paper.example/second"
BODY = (
    f'<p>The board met on <a href="{FIRST}">Tuesday</a> and voted.</p>'
    + "<p>The pilots stay open through the winter, the board said in its statement.</p>" * 30
    + f'<p>Read the <a href="{SECOND}">minutes of the meeting</a>.</p>'
)


def _focus(window: MainWindow, qtbot: QtBot, widget: QWidget) -> None:
    window.activateWindow()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: window.isActiveWindow() and widget.hasFocus())


def _with_links(window: MainWindow, qtbot: QtBot) -> ArticleBrowser:
    """The open article shown with a body holding two links, far apart, and the page's link;
    laid out to its end (Qt lays out a long document in steps, the rest just after showing)."""
    reader = window.reader
    article = reader.article
    assert article is not None and article.url
    reader.show_article(replace(article, body_html=BODY))
    document = reader.document()
    layout = document.documentLayout()
    qtbot.waitUntil(lambda: layout.blockBoundingRect(document.lastBlock()).height() > 0)
    return reader


def _caret_on(window: MainWindow) -> bool:
    """Whether the reader browses with a caret and the menu's item says so."""
    on = window.reader.caret_browsing
    assert window.caret_browsing.isChecked() == on
    return on


def _opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    opened: list[str] = []

    def record(url: str) -> None:
        opened.append(url)

    monkeypatch.setattr(reader_module, "open_in_browser", record)
    return opened


def test_f7_turns_caret_browsing_on_and_the_arrows_move_a_visible_caret(
    window: MainWindow, qtbot: QtBot, paths: AppPaths
) -> None:
    reader = window.reader
    _focus(window, qtbot, reader)
    assert not _caret_on(window)
    QApplication.setCursorFlashTime(0)  # a caret that does not blink, to be seen in a grab
    try:
        without = reader.viewport().grab().toImage()
        qtbot.keyClick(reader, Qt.Key.Key_F7)
        assert _caret_on(window)
        assert window.statusBar().currentMessage() == TURNED_ON
        assert reader.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
        assert reader.viewport().grab().toImage() != without  # the caret is drawn
    finally:
        QApplication.setCursorFlashTime(1000)
    top, line = reader.verticalScrollBar().value(), reader.textCursor().blockNumber()
    for _ in range(3):
        qtbot.keyClick(reader, Qt.Key.Key_Down)
    assert reader.textCursor().blockNumber() > line
    qtbot.keyClick(reader, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert len(reader.textCursor().selectedText()) == 1  # Shift selects, as in a browser
    assert reader.verticalScrollBar().value() == top  # the caret moved in view, the page did not
    assert settings.load(paths.settings).caret_browsing
    qtbot.keyClick(reader, Qt.Key.Key_F7)
    assert not reader.caret_browsing
    assert window.statusBar().currentMessage() == TURNED_OFF
    assert not settings.load(paths.settings).caret_browsing


def test_without_caret_browsing_the_arrows_and_page_keys_scroll(
    window: MainWindow, qtbot: QtBot
) -> None:
    reader = _with_links(window, qtbot)
    _focus(window, qtbot, reader)
    caret = reader.textCursor().position()
    bar = reader.verticalScrollBar()
    qtbot.keyClick(reader, Qt.Key.Key_Down)
    assert bar.value() == bar.singleStep()
    qtbot.keyClick(reader, Qt.Key.Key_PageDown)
    assert bar.value() > bar.pageStep()
    qtbot.keyClick(reader, Qt.Key.Key_Home)
    assert bar.value() == 0
    assert reader.textCursor().position() == caret


def test_caret_browsing_is_kept_across_restarts(open_window: WindowFactory) -> None:
    first = open_window()
    first.caret_browsing.trigger()
    first.close()
    second = open_window()
    assert second.caret_browsing.isChecked() and second.reader.caret_browsing


def test_browsing_with_a_caret_space_pages_and_the_caret_follows(
    window: MainWindow, qtbot: QtBot
) -> None:
    reader = _with_links(window, qtbot)
    window.caret_browsing.trigger()
    _focus(window, qtbot, reader)
    qtbot.keyClick(reader, Qt.Key.Key_Space)
    top = reader.verticalScrollBar().value()
    assert top > 0
    assert reader.viewport().rect().contains(reader.cursorRect())
    qtbot.keyClick(reader, Qt.Key.Key_Down)  # the caret goes on from the page shown
    assert reader.verticalScrollBar().value() == top
    window.commands.article_end.trigger()
    assert reader.textCursor().atEnd()
    window.commands.article_top.trigger()
    assert reader.textCursor().atStart() and reader.verticalScrollBar().value() == 0


def test_tab_goes_from_link_to_link_and_on_out_of_the_reader(
    window: MainWindow, qtbot: QtBot
) -> None:
    reader = _with_links(window, qtbot)
    article = reader.article
    assert article is not None
    window.activateWindow()
    article_list(window).setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: window.isActiveWindow() and article_list(window).hasFocus())
    stops = _tab_until_out(qtbot, reader, article_list(window), Qt.KeyboardModifier.NoModifier)
    assert stops == ["", FIRST, SECOND, article.url]
    reader.setFocus(Qt.FocusReason.BacktabFocusReason)  # coming back from the panel
    back = _tab_until_out(qtbot, reader, reader, Qt.KeyboardModifier.ShiftModifier)
    assert back == ["", article.url, SECOND, FIRST]


def _tab_until_out(
    qtbot: QtBot, reader: ArticleBrowser, start: QWidget, modifier: Qt.KeyboardModifier
) -> list[str]:
    """Press Tab from ``start`` until the focus has been in the reader and left it; return the
    link selected at each stop in the reader ("" for none)."""
    stops: list[str] = []
    focused = start
    if start is reader:
        stops.append(selected_link(reader.textCursor()))
    for _ in range(10):
        qtbot.keyClick(focused, Qt.Key.Key_Tab, modifier)
        now = QApplication.focusWidget()
        assert now is not None
        if now is not reader and stops:
            return stops
        if now is reader:
            stops.append(selected_link(reader.textCursor()))
            assert reader.viewport().rect().contains(reader.cursorRect())  # the link is in view
        focused = now
    pytest.fail(f"Tab never left the reader: {stops}")


def test_return_on_a_link_reached_by_tab_opens_it(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = _opened(monkeypatch)
    reader = _with_links(window, qtbot)
    reader.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(reader.hasFocus)
    qtbot.keyClick(reader, Qt.Key.Key_Return)
    assert opened == []  # no link reached yet
    qtbot.keyClick(reader, Qt.Key.Key_Tab)
    qtbot.keyClick(reader, Qt.Key.Key_Tab)
    qtbot.keyClick(reader, Qt.Key.Key_Return)
    assert opened == [SECOND]


def test_a_click_on_a_link_opens_it_and_a_drag_across_it_selects(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = _opened(monkeypatch)
    reader = _with_links(window, qtbot)
    reader.to_top()
    found = reader.document().find("Tuesday")
    inside = QTextCursor(reader.document())
    inside.setPosition(found.selectionStart() + 2)
    point = reader.cursorRect(inside).center()
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened == [FIRST]
    start = reader.cursorRect(reader.document().find("board met")).center()
    qtbot.mousePress(reader.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(reader.viewport(), point + QPoint(1, 0))
    qtbot.mouseRelease(reader.viewport(), Qt.MouseButton.LeftButton, pos=point + QPoint(1, 0))
    assert opened == [FIRST] and reader.textCursor().hasSelection()


def test_the_caret_passes_over_what_is_written_for_screen_readers_only(
    window: MainWindow, qtbot: QtBot
) -> None:
    reader = window.reader
    text = reader.toPlainText()
    article = reader.article
    assert article is not None and f"Photo: {article.caption}" in text
    window.caret_browsing.trigger()
    _focus(window, qtbot, reader)
    caption = text.index(f"Photo: {article.caption}")
    cursor = reader.textCursor()
    cursor.setPosition(caption - 1)  # the end of the photo's line
    reader.setTextCursor(cursor)
    qtbot.keyClick(reader, Qt.Key.Key_Right)
    assert reader.textCursor().position() == caption + len("Photo: ")
    qtbot.keyClick(reader, Qt.Key.Key_Right)
    assert reader.textCursor().position() == caption + len("Photo: ") + 1
    qtbot.keyClick(reader, Qt.Key.Key_Left)
    assert reader.textCursor().position() == caption + len("Photo: ")
    qtbot.keyClick(reader, Qt.Key.Key_Left)
    assert reader.textCursor().position() == caption - 1  # back on the photo's line
