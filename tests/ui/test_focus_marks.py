"""Where the keyboard is, in both appearances: the focused row of the section and article lists
wears a ring, the reader and the market tables a frame, each 3:1 against what it is drawn on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui import appearance
from desktop.ui.articles.search_box import SearchBox
from desktop.ui.focus_marks import LEAST_CONTRAST, contrast, ring_colour
from desktop.ui.shell.main_window import MainWindow
from tests.ui.market_window import settle
from tests.ui.parts import article_model

Role = QPalette.ColorRole
MARKED = ("sectionList", "articleList", "readerView", "quoteTable", "currencyTable")


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_focus_mark_stands_out_from_the_row_and_the_page(dark: bool) -> None:
    palette = appearance.palette(dark)
    assert contrast(ring_colour(palette), palette.color(Role.Base)) >= LEAST_CONTRAST
    on_selection = ring_colour(palette, on_selection=True)
    assert contrast(on_selection, palette.color(Role.Highlight)) >= LEAST_CONTRAST


def test_contrast_is_the_wcag_ratio() -> None:
    black, grey, white = QColor("#000000"), QColor("#777777"), QColor("#ffffff")
    assert contrast(black, white) == pytest.approx(21.0)
    assert contrast(white, grey) == pytest.approx(4.48, abs=0.01)  # WCAG's own example
    assert contrast(white, white) == pytest.approx(1.0)


def _grab_with_focus_on(
    window: MainWindow, qtbot: QtBot, widget: QWidget, target: QWidget
) -> QImage:
    target.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(target.hasFocus)
    QApplication.processEvents()
    return widget.grab().toImage()


@pytest.mark.parametrize("choice", ["light", "dark"])
def test_every_list_the_reader_and_the_tables_show_the_focus(
    window: MainWindow, qtbot: QtBot, qapp: QApplication, choice: str
) -> None:
    appearance.apply(qapp, choice)  # type: ignore[arg-type]
    settle(qtbot, window, (1280, 800))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    search = window.findChild(SearchBox, "searchBox")
    assert search is not None
    unmarked = []
    for name in MARKED:
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
        focused = _grab_with_focus_on(window, qtbot, widget, widget)
        elsewhere = _grab_with_focus_on(window, qtbot, widget, search)
        if focused == elsewhere:
            unmarked.append(name)
    assert not unmarked, f"no focus drawn on {unmarked} in the {choice} appearance"


def test_an_empty_list_shows_the_focus_with_a_frame(window: MainWindow, qtbot: QtBot) -> None:
    search = window.findChild(SearchBox, "searchBox")
    view = window.findChild(QWidget, "articleList")
    assert search is not None and view is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    search.setFocus()
    qtbot.keyClicks(search, "zzzqqq")
    qtbot.waitUntil(lambda: article_model(window).rowCount() == 0)
    qtbot.keyClick(search, Qt.Key.Key_Tab)
    assert view.hasFocus()
    QApplication.processEvents()
    focused = view.grab().toImage()
    qtbot.keyClick(view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert search.hasFocus()
    assert _looks_different(view, focused)


def _looks_different(widget: QWidget, before: QImage) -> bool:
    QApplication.processEvents()
    return widget.grab().toImage() != before
