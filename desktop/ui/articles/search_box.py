"""The article search box: typing narrows the list, Esc clears it, Esc again leaves it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class SearchBox(QLineEdit):
    """A search field whose Esc clears what was typed, and in an empty field gives the
    keyboard back to the list.

    Signals:
        dismissed(): Esc was pressed in the empty field.
    """

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchBox")
        self.setAccessibleName("Search articles")
        self.setPlaceholderText("Search articles")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() != Qt.Key.Key_Escape:
            super().keyPressEvent(event)
        elif self.text():
            self.clear()
        else:
            self.dismissed.emit()
