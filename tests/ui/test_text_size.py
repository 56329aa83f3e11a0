"""Text size: real font sizes change, the top paragraph stays put, the size is remembered."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from desktop.ui.reading.text_size import TextSizeControl
from desktop.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory


def _height(window: MainWindow) -> float:
    """The height of the whole article laid out at the reader's width.

    A copy of the document is measured: the view lays long documents out lazily, a screenful at
    a time, so its own size is an estimate until the person scrolls.
    """
    copy = window.reader.document().clone()
    copy.setTextWidth(window.reader.viewport().width())
    return copy.size().height()


def test_larger_text_makes_the_article_longer_and_its_font_bigger(window: MainWindow) -> None:
    before_height = _height(window)
    before_font = window.reader.document().defaultFont().pointSizeF()
    window.commands.zoom_in.trigger()
    assert window.text_size == 110
    assert window.reader.document().defaultFont().pointSizeF() > before_font
    assert _height(window) > before_height
    window.commands.zoom_out.trigger()
    window.commands.zoom_out.trigger()
    assert window.text_size == 90
    assert _height(window) < before_height


def test_the_control_in_the_toolbar_shows_and_sets_the_size(
    window: MainWindow, qtbot: QtBot
) -> None:
    percent = window.findChild(QToolButton, "textSizePercent")
    control = window.findChild(TextSizeControl, "textSizeControl")
    assert percent is not None and control is not None and percent.text() == "100 %"
    window.commands.zoom_in.trigger()
    assert percent.text() == "110 %"
    assert percent.accessibleName() == "Text size 110 %"  # screen readers say what it shows
    percent.click()  # as a press through accessibility does: the menu opens, nothing waits on it
    qtbot.waitUntil(control.size_menu.isVisible)
    active = control.size_menu.activeAction()
    assert active is not None and active.text() == "110 %"  # the arrow keys start from it
    choice = next(action for action in control.size_menu.actions() if action.text() == "200 %")
    choice.trigger()
    control.size_menu.hide()
    assert window.text_size == 200 and percent.text() == "200 %"
    window.commands.zoom_reset.trigger()
    assert window.text_size == 100 and percent.text() == "100 %"


def test_sizes_stop_at_50_and_300_percent(window: MainWindow) -> None:
    for _ in range(20):
        window.commands.zoom_in.trigger()
    assert window.text_size == 300 and not window.commands.zoom_in.isEnabled()
    for _ in range(20):
        window.commands.zoom_out.trigger()
    assert window.text_size == 50 and not window.commands.zoom_out.isEnabled()
    assert window.commands.zoom_in.isEnabled()


def test_the_standard_shortcuts_change_the_size(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    target = window.reader
    target.setFocus()
    qtbot.keyClick(target, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size == 110
    qtbot.keyClick(target, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size == 125
    qtbot.keyClick(target, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size == 110
    qtbot.keyClick(target, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size == 100


def test_ctrl_wheel_changes_the_size_and_a_plain_wheel_scrolls(window: MainWindow) -> None:
    viewport = window.reader.viewport()

    def wheel(delta: int, modifiers: Qt.KeyboardModifier) -> None:
        centre = QPointF(viewport.rect().center())
        event = QWheelEvent(
            centre,
            QPointF(viewport.mapToGlobal(centre.toPoint())),
            QPoint(),
            QPoint(0, delta),
            Qt.MouseButton.NoButton,
            modifiers,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(viewport, event)

    wheel(120, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size == 110
    wheel(-120, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size == 100
    wheel(-120, Qt.KeyboardModifier.NoModifier)
    assert window.text_size == 100
    assert window.reader.verticalScrollBar().value() > 0


def test_the_paragraph_at_the_top_stays_at_the_top(window: MainWindow) -> None:
    reader = window.reader
    bar = reader.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    top_before = reader.cursorForPosition(QPoint(0, 0)).block().text()
    assert top_before
    for _ in range(3):
        window.commands.zoom_in.trigger()
    assert reader.cursorForPosition(QPoint(0, 0)).block().text() == top_before
    window.commands.zoom_reset.trigger()
    assert reader.cursorForPosition(QPoint(0, 0)).block().text() == top_before


def test_the_size_is_kept_across_restarts(open_window: WindowFactory) -> None:
    first = open_window()
    first.commands.zoom_in.trigger()
    first.commands.zoom_in.trigger()
    assert first.text_size == 125
    first.close()
    second = open_window()
    assert second.text_size == 125
    assert second.reader.document().defaultFont().pointSizeF() == 12.0 * 1.25


def test_the_photo_fits_the_column_at_every_size(window: MainWindow) -> None:
    for _ in range(12):
        window.commands.zoom_in.trigger()
        assert window.reader.document().size().width() <= window.reader.viewport().width()
        assert window.reader.horizontalScrollBar().maximum() == 0
