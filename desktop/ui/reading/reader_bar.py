"""The row above the reader: previous and next, bookmark, open in browser, and the text size.

In a narrow reader the text-size control stays whole and in view: first its "Text size:" label
goes, then the article's tools go, from the right (Open, then Bookmark), to the toolbar's »
menu, which the control stands outside of.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolBar, QToolButton, QWidget

from desktop.ui.reading.text_size import TextSizeControl
from desktop.ui.shell.actions import Actions
from desktop.ui.speech import name_tools

BOOKMARK_LABELS = ("☆ Bookmark", "★ Bookmarked")


TEXT_SIZE_MARGIN = 6  # between the control and the reader's right edge


class ReaderBar(QWidget):
    """The article's toolbar, and beside it the text-size control, which never overflows."""

    def __init__(self, commands: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerBar")
        self.tools = _tool_bar(commands)
        self.text_size = TextSizeControl(commands.zoom_out, commands.zoom_in)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, TEXT_SIZE_MARGIN, 0)
        layout.setSpacing(0)
        layout.addWidget(self.tools, 1)
        layout.addWidget(self.text_size)

    def minimumSizeHint(self) -> QSize:
        """No least width: the bar never holds the window wider than the person makes it (a
        reader too narrow for the text-size control is too narrow to read in anyway)."""
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        whole = self.tools.sizeHint().width() + self.text_size.whole_width() + TEXT_SIZE_MARGIN
        self.text_size.set_compact(event.size().width() < whole)


def build_reader_bar(commands: Actions) -> tuple[ReaderBar, TextSizeControl]:
    """The row above the reader, and its text-size control."""
    bar = ReaderBar(commands)
    return bar, bar.text_size


def _tool_bar(commands: Actions) -> QToolBar:
    """The article's tools; those that do not fit go to its » menu."""
    bar = QToolBar("Article")
    bar.setObjectName("readerToolBar")
    bar.setAccessibleName("Article tools")
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    bar.setMovable(False)
    bar.addAction(commands.previous_article)
    bar.addAction(commands.next_article)
    bar.addSeparator()
    bar.addAction(commands.toggle_bookmark)
    bar.addAction(commands.open_in_browser)
    name_tools(bar, "Article tools", _spoken_names(commands))
    steady_width(bar, commands.toggle_bookmark, BOOKMARK_LABELS)
    bar.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return bar


def steady_width(bar: QToolBar, action: QAction, labels: tuple[str, ...]) -> None:
    """Give an action's button the width of its widest label, so the buttons after it stay put
    when its label changes ("Bookmark" becoming "Bookmarked")."""
    button = bar.widgetForAction(action)
    if not isinstance(button, QToolButton):
        return
    shown = action.iconText()
    widths = []
    for label in labels:
        action.setIconText(label)
        widths.append(button.sizeHint().width())
    action.setIconText(shown)
    button.setMinimumWidth(max(widths))


def _spoken_names(commands: Actions) -> dict[QAction, str]:
    """What screen readers call the buttons that show glyphs (the bookmark's star aside, its
    checked state says whether the article is bookmarked)."""
    return {
        commands.previous_article: "Previous article",
        commands.next_article: "Next article",
        commands.toggle_bookmark: "Bookmark",
    }
