"""Large type on a 1600 x 1000 screen, checked inside a run whose Qt was started with it (see
``tests/integration/test_large_type.py``, which runs this file with ``QT_SCALE_FACTOR=1.5``, and
with ``QT_FONT_DPI=144`` and no scaling): the reader keeps 45 characters a line and splits no word,
with the Markets panel shown or asked for; the panel's headings and figures are whole; the
text-size control stays on the toolbar. Not collected on its own (not named ``test_*``)."""

from __future__ import annotations

import os
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QToolBar, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain import MarketSnapshot
from desktop.paths import AppPaths
from desktop.ui.market.market_roles import TREND
from desktop.ui.market.market_room import READER_CHARACTERS
from desktop.ui.market.market_tables import NAME, FiguresView
from desktop.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.market_window import (
    market_dock,
    reader_characters,
    settle,
    settled,
    show_panel,
    store_live_figures,
    table,
)

SCREEN = (1600, 1000)

pytestmark = [
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
    pytest.mark.usefixtures("british_utc", "live"),
]


@pytest.fixture
def live(paths: AppPaths, snapshot: MarketSnapshot) -> None:
    """Today's figures, with history, in this test's profile."""
    store_live_figures(paths, snapshot, datetime.now(UTC))


@pytest.fixture
def large(qtbot: QtBot, open_window: WindowFactory) -> MainWindow:
    """The window filling the screen, in the pixels Qt lays it out in (a 1.5 scale leaves
    1067 x 667 of them), with the large type this run was started with."""
    assert os.environ.get("QT_SCALE_FACTOR") or os.environ.get("QT_FONT_DPI"), "run by the test"
    ratio = QApplication.primaryScreen().devicePixelRatio()
    window = open_window()
    settle(qtbot, window, (round(SCREEN[0] / ratio), round(SCREEN[1] / ratio)))
    return window


def split_words(window: MainWindow) -> list[str]:
    """The lines of the article's paragraphs that end inside a word (a column too narrow)."""
    split: list[str] = []
    block = window.reader.document().begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for number in range(layout.lineCount() - 1):
            line = layout.lineAt(number)
            end = line.textStart() + line.textLength()
            if text[end - 1 : end].isalnum() and text[end : end + 1].isalnum():
                split.append(text[line.textStart() : end])
        block = block.next()
    return split


def test_the_reader_keeps_its_line_with_the_panel_shown_or_asked_for(
    large: MainWindow, qtbot: QtBot
) -> None:
    assert reader_characters(large) >= READER_CHARACTERS
    show_panel(qtbot, large)
    qtbot.waitUntil(lambda: settled(large))
    dock = market_dock(large)
    assert dock.isVisible()
    if dock.isFloating():  # over the article, within the window, taking nothing from it
        assert large.frameGeometry().contains(dock.frameGeometry())
    assert reader_characters(large) >= READER_CHARACTERS
    assert split_words(large) == []


def test_asked_for_in_a_smaller_window_the_panel_floats_whole_within_it(
    large: MainWindow, qtbot: QtBot
) -> None:
    ratio = QApplication.primaryScreen().devicePixelRatio()
    settle(qtbot, large, (round(1280 / ratio), round(800 / ratio)))
    show_panel(qtbot, large)
    qtbot.waitUntil(lambda: settled(large))
    dock = market_dock(large)
    assert dock.isFloating()  # no room beside the article: it floats over it
    assert large.frameGeometry().contains(dock.frameGeometry())
    assert reader_characters(large) >= READER_CHARACTERS
    for name in ("quoteTable", "currencyTable"):
        assert clipped(table(large, name)) == [], name


def test_the_panels_headings_and_figures_are_whole(large: MainWindow, qtbot: QtBot) -> None:
    show_panel(qtbot, large)
    qtbot.waitUntil(lambda: settled(large))
    for name in ("quoteTable", "currencyTable"):
        view = table(large, name)
        assert view.isVisible()
        assert clipped(view) == [], name


def clipped(view: FiguresView) -> list[str]:
    """The headings and figures a column shows cut short (a name may end in an ellipsis, its
    whole text in its tooltip, but its column keeps a readable width)."""
    header, model = view.horizontalHeader(), view.model()
    metrics = QFontMetrics(view.font())
    cut: list[str] = []
    for column in sorted(view.shown_columns() - {TREND}):
        width = header.sectionSize(column)
        title = str(model.headerData(column, header.orientation()))
        if header.sectionSizeFromContents(column).width() > width:
            cut.append(f"heading {title!r} in {width} px")
        if column == NAME:
            if width < view.name_width():
                cut.append(f"names in {width} px")
            continue
        for row in range(model.rowCount()):
            text = str(model.index(row, column).data())
            if metrics.horizontalAdvance(text) > width:
                cut.append(f"{title} {text!r} in {width} px")
    return cut


def test_the_text_size_control_stays_on_the_toolbar(large: MainWindow) -> None:
    control = large.findChild(QWidget, "textSizeControl")
    bar = large.findChild(QToolBar, "readerToolBar")
    assert control is not None and bar is not None
    assert control.isVisible() and control.width() >= control.minimumSizeHint().width()
    left = control.mapTo(large, QPoint()).x()
    assert left >= 0 and left + control.width() <= large.width()
    for button in [b for b in bar.findChildren(QToolButton) if b.isVisible() and b.text()]:
        x = button.mapTo(large, QPoint()).x()
        assert x + button.width() <= left or x >= left + control.width()
