"""The reading column: a comfortable line at every text size and window size, the article's top
and end a key away, a toolbar that keeps still, and source names that stay tellable apart."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyleOptionViewItem, QToolBar, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import create_window
from desktop.domain import BOOKMARKS
from desktop.paths import AppPaths
from desktop.settings import TEXT_SIZES
from desktop.ui.reading.reader import MIN_GUTTER, ArticleBrowser
from desktop.ui.sections.sections_pane import SectionsPane
from desktop.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.market_window import market_room
from tests.ui.parts import add_source, article_list, section_list, source_item

SIZES = [(800, 600), (1280, 800), (1600, 1000)]


def _sized(window: MainWindow, qtbot: QtBot, size: tuple[int, int]) -> None:
    """The window at this size, once the Markets panel has made room for the reader."""
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size)
    _settled(window, qtbot)


def _settled(window: MainWindow, qtbot: QtBot) -> None:
    """Wait until the Markets panel has been fitted to the window and the reader's width holds
    (the panel narrows or gives way a turn of the event loop after a resize, and the window lays
    its docks out again a turn after that)."""
    widths: list[int] = []

    def steady() -> bool:
        widths.append(window.reader.width())
        return not market_room(window).fitting and widths[-3:] == [widths[-1]] * 3

    qtbot.waitUntil(steady)


def _line_lengths(reader: ArticleBrowser) -> list[int]:
    """The characters on each full line of the article's paragraphs (not a paragraph's last
    line, which ends where the paragraph does)."""
    lengths = []
    block = reader.document().begin()
    while block.isValid():
        layout = block.layout()
        if block.blockFormat().headingLevel() == 0 and len(block.text()) > 200:
            lengths += [layout.lineAt(n).textLength() for n in range(layout.lineCount() - 1)]
        block = block.next()
    return lengths


@pytest.mark.parametrize("size", SIZES)
def test_lines_hold_60_to_75_characters_at_every_text_size(
    window: MainWindow, qtbot: QtBot, size: tuple[int, int]
) -> None:
    _sized(window, qtbot, size)
    comfortable = []
    for percent in TEXT_SIZES:
        window.set_text_size(percent)
        lengths = _line_lengths(window.reader)
        assert lengths and max(lengths) <= 75, (percent, max(lengths))
        if window.reader.viewportMargins().left() > MIN_GUTTER:  # the column has its measure
            within = [n for n in lengths if 60 <= n <= 75]
            assert len(within) >= 0.9 * len(lengths), (percent, lengths)
            assert 62 <= statistics.mean(lengths) <= 72, (percent, statistics.mean(lengths))
            comfortable.append(percent)
        # else the window is too narrow for such a line: the column takes all there is
    # With the Markets panel beside it (narrowed to its least width to make room), a laptop's
    # window gives a comfortable line up to 80 %; a desktop's at every everyday size.
    expected = {(1280, 800): {75, 80}, (1600, 1000): {90, 100, 110}}.get(size, set())
    assert expected <= set(comfortable)


@pytest.mark.parametrize("size", SIZES)
def test_the_text_fits_the_column_with_no_sideways_scrolling(
    qtbot: QtBot, data_dir: Path, size: tuple[int, int]
) -> None:
    window = create_window(data_dir)
    qtbot.addWidget(window)
    window.resize(*size)  # shown at its size at once, as a window restored at start is
    window.show()
    qtbot.waitExposed(window)
    _settled(window, qtbot)
    reader = window.reader
    assert reader.document().textWidth() == reader.viewport().width()
    assert reader.horizontalScrollBar().maximum() == 0
    for percent in (100, 150, 75):
        window.set_text_size(percent)
        assert reader.document().textWidth() == reader.viewport().width()
        assert reader.horizontalScrollBar().maximum() == 0
    section_list(window).select(BOOKMARKS)  # an empty section's words, in the same column
    assert "No bookmarks yet" in reader.toPlainText()
    assert reader.horizontalScrollBar().maximum() == 0


def test_the_caption_comes_before_the_credit(window: MainWindow) -> None:
    article = window.reader.article
    assert article is not None and article.caption and article.credit
    text = window.reader.toPlainText()
    assert f"{article.caption} {article.credit}" in text


@pytest.mark.parametrize("where", ["reader", "list"])
def test_ctrl_home_and_ctrl_end_go_to_the_top_and_end_of_the_article(
    window: MainWindow, qtbot: QtBot, where: str
) -> None:
    _sized(window, qtbot, (1280, 800))
    bar = window.reader.verticalScrollBar()
    assert bar.maximum() > 0
    focus: QWidget = window.reader if where == "reader" else article_list(window)
    window.activateWindow()
    focus.setFocus()
    qtbot.waitUntil(lambda: focus.hasFocus())
    qtbot.keyClick(focus, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == bar.maximum()
    qtbot.keyClick(focus, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == 0


def _tool_positions(window: MainWindow) -> dict[str, int]:
    bar = window.findChild(QToolBar, "readerToolBar")
    assert bar is not None
    buttons = {
        button.text(): button.mapTo(window, QPoint()).x()
        for button in bar.findChildren(QToolButton)
        if button.isVisible() and button.text()
    }
    control = window.findChild(QWidget, "textSizeControl")
    assert control is not None
    buttons["text size"] = control.mapTo(window, QPoint()).x()
    return buttons


@pytest.mark.parametrize("size", SIZES)
def test_the_toolbar_keeps_still_when_the_article_is_bookmarked(
    window: MainWindow, qtbot: QtBot, size: tuple[int, int]
) -> None:
    _sized(window, qtbot, size)
    before = _tool_positions(window)
    assert "☆ Bookmark" in before
    window.commands.toggle_bookmark.trigger()
    qtbot.waitUntil(lambda: "★ Bookmarked" in _tool_positions(window))
    _settled(window, qtbot)
    after = _tool_positions(window)
    assert after.pop("★ Bookmarked") == before.pop("☆ Bookmark")
    assert after == before  # "↗ Open" and the text size did not move


@pytest.mark.parametrize("size", [(1280, 800), (800, 600)])
def test_long_source_names_are_shortened_in_the_middle_with_the_whole_name_in_the_tooltip(
    open_window: WindowFactory, qtbot: QtBot, paths: AppPaths, size: tuple[int, int]
) -> None:
    names = [
        "The Northern Provinces Daily Chronicle and Advertiser — Politics",
        "The Northern Provinces Daily Chronicle and Advertiser — Sport",
    ]
    for number, name in enumerate(names):
        add_source(paths, f"https://chronicle.example/{number}.xml", name)
    window = open_window()
    _sized(window, qtbot, size)
    sections = section_list(window)
    pane = window.findChild(SectionsPane)
    assert pane is not None
    if pane.folded:  # at 800 x 600 the sections are read in their drawer, over the list
        qtbot.mouseClick(pane.button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: sections.isVisible() and sections.window() is pane.drawer)
    delegate = sections.itemDelegate()
    shown = []
    for name in names:
        item = source_item(window, name)
        option = QStyleOptionViewItem()
        sections.initViewItemOption(option)
        option.rect = sections.visualItemRect(item)
        label = delegate.shown_name(option, sections.indexFromItem(item))  # type: ignore[attr-defined]
        assert "…" in label and label.startswith("The ")
        assert item.toolTip().splitlines()[0] == name
        shown.append(label)
    assert shown[0] != shown[1]
    assert shown[0].endswith("Politics") and shown[1].endswith("Sport")
