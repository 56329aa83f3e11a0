"""Preferences: refresh interval, days to keep, appearance; applied at once and kept."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QSpinBox,
)
from pytestqt.qtbot import QtBot

from desktop import settings
from desktop.paths import AppPaths
from desktop.settings import Settings
from desktop.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory


@pytest.fixture
def keep_palette() -> Iterator[None]:
    """Give the application its palette back after a test that changes the appearance."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.palette()
    yield
    app.setPalette(original)


def _open_preferences(window: MainWindow, qtbot: QtBot) -> QDialog:
    window.commands.preferences.trigger()
    dialog = window.findChild(QDialog, "preferencesDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def _spin_box(dialog: QDialog, name: str) -> QSpinBox:
    found = dialog.findChild(QSpinBox, name)
    assert found is not None
    return found


def _appearance(dialog: QDialog) -> QComboBox:
    found = dialog.findChild(QComboBox, "appearanceChoice")
    assert found is not None
    return found


def _press(dialog: QDialog, qtbot: QtBot, which: QDialogButtonBox.StandardButton) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    qtbot.mouseClick(buttons.button(which), Qt.MouseButton.LeftButton)


def test_preferences_apply_at_once_and_are_kept(
    open_window: WindowFactory, qtbot: QtBot, paths: AppPaths, keep_palette: None
) -> None:
    window = open_window()
    dialog = _open_preferences(window, qtbot)
    assert _spin_box(dialog, "refreshMinutes").value() == 30
    assert _spin_box(dialog, "keepDays").text() == "Keep everything"
    _spin_box(dialog, "refreshMinutes").setValue(0)
    _spin_box(dialog, "keepDays").setValue(14)
    _appearance(dialog).setCurrentText("Dark")
    _press(dialog, qtbot, QDialogButtonBox.StandardButton.Ok)
    assert not dialog.isVisible()

    expected = Settings(refresh_minutes=0, keep_days=14, appearance="dark")
    assert settings.load(paths.settings) == expected
    timer = window.findChild(QTimer, "refreshTimer")
    assert timer is not None and not timer.isActive()  # 0: only by hand
    dark = window.findChild(QAction, "actionAppearanceDark")
    assert dark is not None and dark.isChecked()
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 80
    window.close()

    again = open_window()
    dialog = _open_preferences(again, qtbot)
    assert _spin_box(dialog, "refreshMinutes").text() == "Only when I ask"
    assert _spin_box(dialog, "keepDays").value() == 14
    assert _appearance(dialog).currentText() == "Dark"


def test_cancel_changes_nothing(window: MainWindow, qtbot: QtBot, paths: AppPaths) -> None:
    dialog = _open_preferences(window, qtbot)
    _spin_box(dialog, "refreshMinutes").setValue(5)
    _press(dialog, qtbot, QDialogButtonBox.StandardButton.Cancel)
    assert not paths.settings.exists() or settings.load(paths.settings).refresh_minutes == 30
    timer = window.findChild(QTimer, "refreshTimer")
    assert timer is not None and timer.interval() == 30 * 60_000


def test_every_preference_has_an_accessible_name(window: MainWindow, qtbot: QtBot) -> None:
    dialog = _open_preferences(window, qtbot)
    for control in (_spin_box(dialog, "refreshMinutes"), _spin_box(dialog, "keepDays")):
        assert control.accessibleName()
    assert _appearance(dialog).accessibleName() == "Appearance"
