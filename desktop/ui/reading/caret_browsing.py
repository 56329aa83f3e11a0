"""Caret browsing, as web browsers have it on F7: a visible caret in the article that the arrow
keys move (and, with Shift, select with), so that text can be read and copied from the keyboard
alone; off, the arrow keys scroll the article. The choice is kept with the preferences."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

SHORTCUT = "F7"
TURNED_ON = "Caret browsing is on: the arrow keys move a caret through the article (F7 to stop)."
TURNED_OFF = "Caret browsing is off: the arrow keys scroll the article."


def caret_browsing_action(parent: QObject, on: bool) -> QAction:
    """View > Caret Browsing, checkable, on F7, lit when ``on``."""
    action = QAction("&Caret Browsing", parent)
    action.setObjectName("actionCaretBrowsing")
    action.setCheckable(True)
    action.setChecked(on)
    action.setShortcut(QKeySequence(SHORTCUT))
    action.setToolTip(f"Caret Browsing ({SHORTCUT})")
    return action


def caret_sentence(on: bool) -> str:
    """What the status bar says when caret browsing is turned on or off."""
    return TURNED_ON if on else TURNED_OFF


def caret_announcement(on: bool) -> str:
    """What screen readers are told when caret browsing is turned on or off."""
    return "Caret browsing on" if on else "Caret browsing off"
