"""The reader's toolbar: previous and next, bookmark, open in browser, and the text size."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSizePolicy, QToolBar, QToolButton, QWidget

from desktop.ui.actions import Actions
from desktop.ui.speech import name_tools
from desktop.ui.text_size import TextSizeControl

BOOKMARK_LABELS = ("☆ Bookmark", "★ Bookmarked")


def build_reader_bar(commands: Actions) -> tuple[QToolBar, TextSizeControl]:
    """The toolbar above the reader, and its text-size control."""
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
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    bar.addWidget(spacer)
    text_size = TextSizeControl(commands.zoom_out, commands.zoom_in)
    bar.addWidget(text_size)
    return bar, text_size


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
