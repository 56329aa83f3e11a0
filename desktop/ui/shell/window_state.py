"""Window geometry, splitter and dock layout, kept in a QSettings INI file (not preferences)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

STATE_VERSION = 1


class WindowState:
    """Saves and restores how the window was laid out when it was last closed."""

    def __init__(self, file: Path) -> None:
        self._settings = QSettings(str(file), QSettings.Format.IniFormat)

    def restore(self, window: QMainWindow, splitter: QSplitter) -> bool:
        """Put the window back as it was; return False when nothing was saved."""
        geometry = self._settings.value("window/geometry")
        if not isinstance(geometry, QByteArray) or not window.restoreGeometry(geometry):
            return False
        state = self._settings.value("window/state")
        if isinstance(state, QByteArray):
            window.restoreState(state, STATE_VERSION)
        sizes = self._settings.value("window/splitter")
        if isinstance(sizes, QByteArray):
            splitter.restoreState(sizes)
        return True

    def number(self, key: str, default: int) -> int:
        """A whole number kept under ``key`` (such as a panel's width), or ``default``."""
        value = self._settings.value(key)
        try:
            return int(str(value)) if value is not None else default
        except ValueError:
            return default

    def set_number(self, key: str, value: int) -> None:
        """Keep a whole number under ``key``, written with the rest on ``save``."""
        self._settings.setValue(key, value)

    def save(self, window: QMainWindow, splitter: QSplitter) -> None:
        """Record the window's geometry, docks and splitter."""
        self._settings.setValue("window/geometry", window.saveGeometry())
        self._settings.setValue("window/state", window.saveState(STATE_VERSION))
        self._settings.setValue("window/splitter", splitter.saveState())
        self._settings.sync()
