"""The window by keyboard alone, at 1280 x 800: Tab and Shift+Tab visit every region and come
back to where they started, no table traps them, and each stop shows that it has the focus."""

from __future__ import annotations

from itertools import groupby

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.paths import AppPaths
from desktop.settings import Appearance
from desktop.ui import appearance
from desktop.ui.dialogs.about_dialog import AboutDialog
from desktop.ui.dialogs.preferences_dialog import PreferencesDialog
from desktop.ui.dialogs.subscribe_dialog import SubscribeDialog
from desktop.ui.shell.main_window import MainWindow
from tests.ui.market_window import market_dock, settle
from tests.ui.parts import article_list, open_dialogs, section_list

SIZE = (1280, 800)
MOST_STOPS = 80  # far more than the window has: a walk this long is caught in a trap
REGIONS = {
    "sectionList",
    "searchBox",
    "articleList",
    "Smaller text",
    "textSizePercent",
    "Larger text",
    "readerView",
    "baseCurrency",
    "marketFilter",
    "marketRefresh",
    "convertAmount",
    "convertFrom",
    "convertSwap",
    "convertTo",
    "quoteKeyNote",
    "quoteTable",
    "currencyTable",
}


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    return widget.objectName() or widget.accessibleName() or text.replace("&", "")


def _walk(window: QWidget, start: QWidget, qtbot: QtBot, backwards: bool) -> list[QWidget]:
    """Press Tab (or Shift+Tab) from ``start`` until the focus is back on it; return every stop,
    the start first. Each stop must show the focus: it looks different once left."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    modifier = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
    stops: list[QWidget] = []
    unmarked: list[str] = []
    focused: QWidget = start
    for _ in range(MOST_STOPS):
        stops.append(focused)
        assert focused.isVisible() and focused.window() is window, _name(focused)
        if isinstance(focused, QLabel):
            assert focused.hasSelectedText(), f"{_name(focused)} stops with no link marked"
        with_focus = focused.grab().toImage()
        qtbot.keyClick(focused, Qt.Key.Key_Tab, modifier)
        now = QApplication.focusWidget()
        assert now is not None
        if now is not focused and _looks_same(focused, with_focus):
            unmarked.append(_name(focused))
        focused = now
        if focused is start:
            break
    else:
        pytest.fail(f"Tab never came back to {_name(start)}: {[_name(w) for w in stops[-8:]]}")
    assert not unmarked, f"no focus drawn on {unmarked}"
    return stops


def _looks_same(widget: QWidget, before: QImage) -> bool:
    QApplication.processEvents()
    return widget.grab().toImage() == before


def _regions(stops: list[QWidget]) -> list[str]:
    """The stops with a widget's stops in a row (the reader's links) made one."""
    return [_name(widget) for widget, _ in groupby(stops)]


@pytest.mark.parametrize("choice", ["light", "dark"])
def test_tab_visits_every_region_and_comes_back_to_the_start(
    window: MainWindow, qtbot: QtBot, qapp: QApplication, choice: Appearance
) -> None:
    appearance.apply(qapp, choice)
    settle(qtbot, window, SIZE)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    start = section_list(window)
    forwards = _regions(_walk(window, start, qtbot, backwards=False))
    assert set(forwards) == REGIONS
    assert len(forwards) == len(REGIONS)  # each region once: a single link is a single stop
    assert forwards.index("sectionList") < forwards.index("articleList")
    assert forwards.index("articleList") < forwards.index("readerView")
    assert forwards.index("readerView") < forwards.index("baseCurrency")
    backwards = _regions(_walk(window, start, qtbot, backwards=True))
    assert backwards == [forwards[0], *reversed(forwards[1:])]


@pytest.mark.parametrize(
    ("kind", "stops"),
    [
        (AboutDialog, ["dataFolder", "openDataFolder", "logFile", "licenceTable", "Close"]),
        (
            PreferencesDialog,
            ["refreshMinutes", "keepDays", "appearanceChoice", "quotesKey", "quotesKeyNote", "OK"],
        ),
        (
            SubscribeDialog,
            ["subscribeAddress", "subscribeFolder", "catalogueSearch", "catalogueList"],
        ),
    ],
    ids=["about", "preferences", "subscribe"],
)
@pytest.mark.parametrize("choice", ["light", "dark"])
def test_tab_goes_round_every_dialog_showing_each_stop(
    window: MainWindow,
    qtbot: QtBot,
    qapp: QApplication,
    kind: type[QDialog],
    stops: list[str],
    choice: Appearance,
) -> None:
    appearance.apply(qapp, choice)  # as the app does at start
    dialog = next(d for d in open_dialogs(window, qtbot) if isinstance(d, kind))
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    first = dialog.focusWidget()
    assert first is not None
    forwards = _regions(_walk(dialog, first, qtbot, backwards=False))
    assert [name for name in forwards if name in stops] == stops  # in reading order
    assert len(forwards) == len(set(forwards))  # no stop twice, none of no use
    backwards = _regions(_walk(dialog, first, qtbot, backwards=True))
    assert backwards == [forwards[0], *reversed(forwards[1:])]


def _focus(window: QWidget, qtbot: QtBot, widget: QWidget) -> None:
    window.activateWindow()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: window.isActiveWindow() and widget.hasFocus())


def _leaves_by_tab_and_arrows_move_inside(qtbot: QtBot, dialog: QWidget, view: QWidget) -> None:
    assert isinstance(view, QAbstractItemView)
    for modifier in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
        _focus(dialog, qtbot, view)
        view.setCurrentIndex(view.model().index(0, 1))
        qtbot.keyClick(view, Qt.Key.Key_Down)
        qtbot.keyClick(view, Qt.Key.Key_Right)
        assert view.currentIndex().row() == 1 and view.currentIndex().column() > 1
        assert view.hasFocus()
        qtbot.keyClick(view, Qt.Key.Key_Tab, modifier)
        assert not view.hasFocus() and QApplication.focusWidget() is not None
        assert view.currentIndex().row() == 1  # Tab left the table; it did not move inside


def test_tab_leaves_the_market_tables(window: MainWindow, qtbot: QtBot) -> None:
    settle(qtbot, window, SIZE)
    for name in ("quoteTable", "currencyTable"):
        table = window.findChild(QTableView, name)
        assert table is not None
        _leaves_by_tab_and_arrows_move_inside(qtbot, window, table)


def test_tab_leaves_the_licence_table(qtbot: QtBot, paths: AppPaths) -> None:
    dialog = AboutDialog(paths)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.findChild(QTableView, "licenceTable")
    assert table is not None
    _leaves_by_tab_and_arrows_move_inside(qtbot, dialog, table)


def test_no_view_of_the_window_or_its_dialogs_keeps_tab_to_itself(
    window: MainWindow, qtbot: QtBot
) -> None:
    settle(qtbot, window, SIZE)
    dialogs = open_dialogs(window, qtbot)
    views = window.findChildren(QAbstractItemView)  # the dialogs are the window's children
    names = {view.objectName() for view in views}
    assert {"quoteTable", "currencyTable", "licenceTable", "catalogueList"} <= names
    assert len(views) > 8  # the combo boxes' lists too
    assert [view.objectName() for view in views if view.tabKeyNavigation()] == []
    for dialog in dialogs:
        dialog.reject()


def test_letter_keys_reach_the_fields_and_act_only_in_the_list_and_the_reader(
    window: MainWindow, qtbot: QtBot
) -> None:
    settle(qtbot, window, SIZE)
    acted: list[str] = []
    for action in window.commands.reading_keys():
        action.triggered.connect(lambda _=False, a=action: acted.append(a.objectName()))
    for name in ("convertFrom", "convertTo", "baseCurrency"):
        box = window.findChild(QComboBox, name)
        assert box is not None
        box.setCurrentIndex(box.findText("EUR", Qt.MatchFlag.MatchStartsWith))
        _focus(window, qtbot, box)
        qtbot.keyClick(box, Qt.Key.Key_U)
        assert box.currentText().startswith("U"), name  # the box jumped to a U currency
    for name in ("marketFilter", "convertAmount", "searchBox"):
        field = window.findChild(QLineEdit, name)
        assert field is not None
        _focus(window, qtbot, field)
        field.clear()
        qtbot.keyClicks(field, "ujknp")
        assert field.text() == "ujknp", name
        field.clear()
    assert acted == []  # not one letter marked, moved or paged the article
    for place in (article_list(window), window.reader):
        _focus(window, qtbot, place)
        qtbot.keyClick(place, Qt.Key.Key_U)
    assert acted == ["actionToggleRead", "actionToggleRead"]


def _press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier) -> str:
    """Press a key where the focus is; return the name of where the focus went."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)
    now = QApplication.focusWidget()
    assert now is not None
    return _name(now)


def test_f6_and_shift_f6_move_between_the_panes(window: MainWindow, qtbot: QtBot) -> None:
    settle(qtbot, window, SIZE)
    _focus(window, qtbot, section_list(window))
    plain, shift = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier
    forwards = [_press(qtbot, Qt.Key.Key_F6, plain) for _ in range(4)]
    assert forwards == ["articleList", "readerView", "baseCurrency", "sectionList"]
    backwards = [_press(qtbot, Qt.Key.Key_F6, shift) for _ in range(4)]
    assert backwards == ["baseCurrency", "readerView", "articleList", "sectionList"]
    search = window.findChild(QLineEdit, "searchBox")
    assert search is not None
    _focus(window, qtbot, search)
    assert _press(qtbot, Qt.Key.Key_F6, plain) == "readerView"  # from the list's column
    window.findChild(QAction, "actionShowMarkets").trigger()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not market_dock(window).isVisible())
    assert _press(qtbot, Qt.Key.Key_F6, plain) == "sectionList"  # a hidden panel is passed by


def test_f6_reaches_the_sections_button_when_the_sections_fold(
    window: MainWindow, qtbot: QtBot
) -> None:
    settle(qtbot, window, (800, 600))
    assert not section_list(window).isVisible()
    _focus(window, qtbot, article_list(window))
    plain, shift = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier
    assert _press(qtbot, Qt.Key.Key_F6, shift) == "sectionsButton"
    assert _press(qtbot, Qt.Key.Key_F6, plain) == "articleList"
