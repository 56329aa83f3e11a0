"""What screen readers say: announcements of changes, and names where a control shows a glyph."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAction
from PySide6.QtWidgets import QLineEdit, QToolBar, QToolButton, QWidget


def announce(widget: QWidget, message: str) -> None:
    """Have screen readers say ``message`` politely (after what they are saying), for ``widget``:
    a change the person made that moved no focus (a bookmark, the text size)."""
    event = QAccessibleAnnouncementEvent(widget, message)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)


def name_tools(bar: QToolBar, title: str, names: dict[QAction, str]) -> None:
    """Name a toolbar (screen readers take its title, not its accessible name), the buttons of
    its actions that show glyphs, and its » of the tools that do not fit."""
    bar.setWindowTitle(title)
    for action, name in names.items():
        button = bar.widgetForAction(action)
        if button is not None:
            button.setAccessibleName(name)
    overflow = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    if overflow is not None:
        overflow.setAccessibleName(f"More {title.lower()}")


def show_clear_button(field: QLineEdit, name: str = "Clear") -> None:
    """Give ``field`` its clear button (×), named for screen readers."""
    field.setClearButtonEnabled(True)
    clear = field.findChild(QAction, "_q_qlineeditclearaction")
    if clear is not None:
        clear.setText(name)
