"""The text-size control of the reader's toolbar: A−, the size in percent, A+.

The percentage opens its menu when clicked, without holding the event loop: a tool button's own
instant menu cannot be opened through accessibility (AT-SPI's press does nothing on it, and its
"show menu" blocks until the menu closes), while a plain button's press can.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from desktop.settings import DEFAULT_TEXT_SIZE, TEXT_SIZES
from desktop.ui.speech import announce


class TextSizeControl(QWidget):
    """Shows the text size like a newspaper page's "Text size:" control, with the same actions
    as the View menu; the percentage opens a menu of every size. A change of size is announced
    to screen readers.

    Signals:
        size_chosen(int): the person picked a size from the percentage's menu.
    """

    size_chosen = Signal(int)

    def __init__(self, smaller: QAction, larger: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("textSizeControl")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        label = QLabel("Text size:")
        self._label = label
        layout.addWidget(label)
        layout.addWidget(_button(smaller, "Smaller text"))
        self._percent = QToolButton(self)
        self._percent.setObjectName("textSizePercent")
        self._percent.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.size_menu = self._size_menu()
        self._percent.clicked.connect(self._on_percent_clicked)
        self._shown = 0
        self._percent.setMinimumWidth(self._percent.fontMetrics().horizontalAdvance("300 %") + 20)
        label.setBuddy(self._percent)
        layout.addWidget(self._percent)
        layout.addWidget(_button(larger, "Larger text"))
        self.show_size(DEFAULT_TEXT_SIZE)

    def whole_width(self) -> int:
        """The control's width with its "Text size:" label."""
        width = self.sizeHint().width()
        if self._label.isHidden():
            layout = self.layout()
            spacing = layout.spacing() if layout is not None else 0
            width += self._label.sizeHint().width() + spacing
        return width

    def set_compact(self, compact: bool) -> None:
        """Leave out the "Text size:" label (A−, the percentage and A+ stay) in a narrow bar."""
        self._label.setHidden(compact)

    def show_size(self, percent: int) -> None:
        """Show the current size and tick it in the menu; once shown, a change is announced."""
        said = f"Text size {percent} %"
        self._percent.setText(f"{percent} %")
        self._percent.setAccessibleName(said)
        self._percent.setToolTip(f"{said} — choose another size")
        for action in self._group.actions():
            action.setChecked(action.data() == percent)
        if self.isVisible() and self._shown not in (0, percent):
            announce(self, said)
        self._shown = percent

    def _on_percent_clicked(self) -> None:
        self.size_menu.popup(self._percent.mapToGlobal(self._percent.rect().bottomLeft()))
        self.size_menu.setActiveAction(self._group.checkedAction())  # the arrows start there

    def _size_menu(self) -> QMenu:
        menu = QMenu(self)
        self._group = QActionGroup(menu)
        for percent in TEXT_SIZES:
            action = menu.addAction(f"{percent} %")
            action.setCheckable(True)
            action.setData(percent)
            self._group.addAction(action)
            action.triggered.connect(lambda _=False, size=percent: self.size_chosen.emit(size))
        return menu


def _button(action: QAction, name: str) -> QToolButton:
    """A compact button showing the action's short text (its icon text, "A−" or "A+")."""
    button = QToolButton()
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setAccessibleName(name)
    font = button.font()
    font.setBold(True)
    button.setFont(font)
    return button
