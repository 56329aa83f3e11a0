"""The sections' place in the window: a pane beside the article list or, folded, a button.

When the window is too narrow for the sections, the list and the article's line (see
``PaneRoom``), the pane folds away and a button above the list, naming the section shown, opens
the same section list as a drawer over the article list; choosing a section (a click, Return) or
Esc closes it. As Thunderbird's folder pane and NetNewsWire's sidebar do, nothing is lost: the
counts, the context menus and the keyboard are the section list's own.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QListWidgetItem,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.sections.section_list import SECTION_ROLE, SectionList

LEAST_NAME = "All articles"  # the longest fixed section, whole at the pane's least width
LEAST_COUNT = "999"
SIDES = 12 + 10 + 6  # the delegate's left and right insets, and the gap before a count
BUTTON_CHARACTERS = 14  # the section's name on the folded pane's button, elided beyond
DRAWER_WIDTH = 220


class SectionsPane(QWidget):
    """Holds the section list beside the article list; folded, it hides and its ``button``
    (placed above the list by the window) opens the list as a drawer."""

    def __init__(self, sections: SectionList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionsPane")
        self._sections = sections
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(sections)
        self._folded = False
        self.drawer_width = DRAWER_WIDTH
        self.button = _drawer_button()
        self.button.clicked.connect(self.open_drawer)
        self._drawer = QFrame(self.button, Qt.WindowType.Popup)
        self._drawer_layout = _drawer_layout(self._drawer)
        self._drawer.installEventFilter(self)
        sections.currentItemChanged.connect(self._name_section)
        sections.section_chosen.connect(lambda _: self._name_section(sections.currentItem()))
        sections.itemClicked.connect(self._on_item_chosen)
        sections.itemActivated.connect(self._on_item_chosen)

    @property
    def folded(self) -> bool:
        """Whether the pane is folded away behind its button."""
        return self._folded

    @property
    def drawer(self) -> QFrame:
        """The drawer the section list opens in while the pane is folded."""
        return self._drawer

    def least_width(self) -> int:
        """The narrowest the pane is shown at: the longest fixed section's name and a count,
        whole; a source's name is shortened in its middle."""
        return self._sections.fontMetrics().horizontalAdvance(LEAST_NAME) + self._beside_names()

    def fold(self, folded: bool) -> None:
        """Fold the pane behind its button, or show it beside the list again."""
        if folded == self._folded:
            return
        self._folded = folded
        if not folded:
            self._drawer.hide()
        self._name_section(self._sections.currentItem())
        self.setVisible(not folded)
        self.button.setVisible(folded)

    def open_drawer(self) -> None:
        """Open the section list over the article list, below the button."""
        if not self._folded:
            return
        self._drawer_layout.addWidget(self._sections)
        self._sections.show()
        top = self.button.mapToGlobal(QPoint(0, self.button.height() + 2))
        splitter = self.parentWidget() or self.button
        bottom = splitter.mapToGlobal(QPoint(0, splitter.height())).y()
        width = max(self.drawer_width, min(self._names_width(), splitter.width() // 2))
        self._drawer.setGeometry(top.x(), top.y(), width, max(200, bottom - top.y()))
        self._drawer.show()
        self._sections.setFocus(Qt.FocusReason.PopupFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Put the section list back in the pane when the drawer closes; a click on the button
        that opened it only closes it."""
        if watched is not self._drawer:
            return False
        if event.type() == QEvent.Type.Hide:
            self._layout.addWidget(self._sections)
        elif isinstance(event, QMouseEvent) and event.type() == QEvent.Type.MouseButtonPress:
            on_button = self.button.mapFromGlobal(event.globalPosition().toPoint())
            if self.button.rect().contains(on_button):
                self._drawer.setAttribute(Qt.WidgetAttribute.WA_NoMouseReplay)
        return False

    def _names_width(self) -> int:
        """The width that shows every section's name whole, with its count."""
        return self._sections.sizeHintForColumn(0) + self._beside_names()

    def _beside_names(self) -> int:
        """The pixels a line takes beside its name: insets, a count, the scroll bar."""
        count = self._sections.fontMetrics().horizontalAdvance(LEAST_COUNT)
        return count + SIDES + self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)

    def _name_section(self, current: QListWidgetItem | None) -> None:
        """Name the section shown on the button (elided), whole in its tooltip."""
        name = current.text() if current is not None else ""
        metrics = self.button.fontMetrics()
        room = metrics.averageCharWidth() * BUTTON_CHARACTERS
        self.button.setText(f"☰ {metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)}")
        self.button.setToolTip(f"Show the sections (now {name})")

    def _on_item_chosen(self, item: QListWidgetItem) -> None:
        if self._drawer.isVisible() and item.data(SECTION_ROLE) is not None:
            self._drawer.hide()


def _drawer_button() -> QToolButton:
    button = QToolButton()
    button.setObjectName("sectionsButton")
    button.setAccessibleName("Sections")
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
    button.setMinimumSize(QSize(0, 0))
    button.hide()
    return button


def _drawer_layout(drawer: QFrame) -> QVBoxLayout:
    """Name and frame the drawer; return the layout the section list goes into."""
    drawer.setObjectName("sectionsDrawer")
    drawer.setAccessibleName("Sections")
    drawer.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(drawer)
    layout.setContentsMargins(1, 1, 1, 1)
    return layout
