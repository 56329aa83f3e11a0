"""The window at small sizes: the reading column keeps 45 characters at 800 x 600, 1024 x 700,
1280 x 800 and 1600 x 1000; the sections and the list give up width after the Markets panel,
the sections fold into a drawer, the text-size control never hides in the toolbar's overflow,
and the person's pane widths come back when the window widens (and after a restart)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QSplitter, QToolBar, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain import BOOKMARKS
from desktop.ui.market.market_room import READER_CHARACTERS
from desktop.ui.sections.section_list import SECTION_ROLE
from desktop.ui.sections.sections_pane import SectionsPane
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.shell.pane_room import pane_widths
from tests.ui.conftest import WindowFactory
from tests.ui.market_window import market_dock, opened, reader_characters, settle
from tests.ui.parts import section_list

pytestmark = [
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
    pytest.mark.usefixtures("british_utc"),
]
SIZES = [(800, 600), (1024, 700), (1280, 800), (1600, 1000)]


def splitter(window: MainWindow) -> QSplitter:
    pane = sections_pane(window)
    found = pane.parentWidget()
    assert isinstance(found, QSplitter)
    return found


def sections_pane(window: MainWindow) -> SectionsPane:
    found = window.findChild(SectionsPane)
    assert found is not None
    return found


def test_pane_widths_keep_the_persons_widths_while_there_is_room() -> None:
    assert pane_widths(900, (220, 380), (120, 240), 4) == (220, 380)


def test_pane_widths_narrow_both_panes_in_proportion_down_to_their_least() -> None:
    sections, articles = pane_widths(450, (220, 380), (120, 240), 4)
    assert sections is not None and sections + articles == 450
    assert sections >= 120 and articles >= 240
    assert pane_widths(360, (220, 380), (120, 240), 4) == (120, 240)


def test_pane_widths_fold_the_sections_when_even_their_least_does_not_fit() -> None:
    assert pane_widths(300, (220, 380), (120, 240), 4) == (None, 304)
    assert pane_widths(100, (220, 380), (120, 240), 4) == (None, 240)  # the list's least


@pytest.mark.usefixtures("live")
@pytest.mark.parametrize("size", SIZES, ids=lambda size: "x".join(map(str, size)))
def test_the_reading_column_keeps_45_characters_at_every_size(
    qtbot: QtBot, open_window: WindowFactory, size: tuple[int, int]
) -> None:
    window = opened(qtbot, open_window, size)
    qtbot.waitUntil(lambda: reader_characters(window) >= READER_CHARACTERS)
    pane = sections_pane(window)
    if size == (800, 600):
        assert pane.folded and pane.button.isVisible() and not market_dock(window).isVisible()
    if size == (1600, 1000):
        assert not pane.folded and market_dock(window).isVisible()


@pytest.mark.parametrize("size", SIZES, ids=lambda size: "x".join(map(str, size)))
def test_the_text_size_control_is_always_on_the_bar_never_in_its_overflow(
    qtbot: QtBot, open_window: WindowFactory, size: tuple[int, int]
) -> None:
    window = opened(qtbot, open_window, size)
    control = window.findChild(QWidget, "textSizeControl")
    bar = window.findChild(QToolBar, "readerToolBar")
    assert control is not None and bar is not None
    assert control.isVisible() and control.width() >= control.minimumSizeHint().width()
    left = control.mapTo(window, QPoint()).x()
    assert left >= 0 and left + control.width() <= window.width()
    shown = [b for b in bar.findChildren(QToolButton) if b.isVisible() and b.text()]
    assert shown, "the toolbar's commands are shown"
    for button in shown:  # nothing overlaps the control
        x = button.mapTo(window, QPoint()).x()
        assert x + button.width() <= left or x >= left + control.width()


@pytest.mark.usefixtures("live")
def test_folded_sections_open_as_a_drawer_and_close_when_one_is_chosen(
    qtbot: QtBot, open_window: WindowFactory
) -> None:
    window = opened(qtbot, open_window, (800, 600))
    pane, sections = sections_pane(window), section_list(window)
    assert pane.folded and not sections.isVisible()

    qtbot.mouseClick(pane.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.drawer.isVisible() and sections.isVisible())
    assert sections.window() is pane.drawer
    row = next(
        r for r in range(sections.count()) if sections.item(r).data(SECTION_ROLE) == BOOKMARKS
    )
    sections.setCurrentRow(row)
    sections.itemActivated.emit(sections.item(row))

    qtbot.waitUntil(lambda: not pane.drawer.isVisible())
    assert sections.parentWidget() is pane  # back in its pane, for when the window widens
    assert "Bookmarks" in pane.button.text() and "Bookmarks" in pane.button.toolTip()


@pytest.mark.usefixtures("live")
def test_the_persons_pane_widths_come_back_when_the_window_widens_and_after_a_restart(
    qtbot: QtBot, open_window: WindowFactory
) -> None:
    window = opened(qtbot, open_window, (1600, 1000))
    split = splitter(window)
    sections = split.sizes()[0]
    split.moveSplitter(sections + 40, 1)  # the person drags the sections' edge into the list
    dragged = split.sizes()[:2]
    assert dragged[0] == sections + 40

    settle(qtbot, window, (800, 600))
    assert sections_pane(window).folded
    settle(qtbot, window, (1024, 700))
    settle(qtbot, window, (1600, 1000))
    qtbot.waitUntil(lambda: split.sizes()[:2] == dragged)
    assert not sections_pane(window).folded
    window.close()

    again = opened(qtbot, open_window, (1600, 1000))
    qtbot.waitUntil(lambda: splitter(again).sizes()[:2] == dragged)
