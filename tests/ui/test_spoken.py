"""What a screen reader is told, read in process through Qt's accessibility interfaces: labels
say what they show, the converter's boxes have shown labels, the currency heading follows the
base, list items say their counts and dates, the toolbar's glyph buttons have names in words and
the bookmark is checked only once the store has it."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QToolBar, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain import SectionKind
from desktop.paths import AppPaths
from desktop.ui.articles.article_list import ArticleListView
from desktop.ui.articles.article_model import Role
from desktop.ui.sections.section_list import COUNT_ROLE, SECTION_ROLE, SectionList
from desktop.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.market_window import LOADS, label, settle, show_panel

SPOKEN = Qt.ItemDataRole.AccessibleTextRole


def _said(widget: QWidget) -> str:
    """The name a screen reader is given for ``widget``."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name)


def _panel_window(qtbot: QtBot, open_window: WindowFactory) -> MainWindow:
    window = open_window()
    settle(qtbot, window, (1600, 1000))
    show_panel(qtbot, window)
    return window


def test_no_label_is_named_other_than_by_its_text(qtbot: QtBot, open_window: WindowFactory) -> None:
    window = _panel_window(qtbot, open_window)
    named = [
        (found.objectName(), found.accessibleName())
        for found in window.findChildren(QLabel)
        if found.accessibleName()
    ]
    assert named == []
    result = label(window, "convertResult")
    assert result.text().startswith("100 USD = ")
    assert _said(result) == result.text()
    status = label(window, "marketStatus")
    assert "not live" in status.text() and _said(status) == status.text()


def test_no_label_of_the_dialogs_is_named_other_than_by_its_text(
    window: MainWindow, qtbot: QtBot
) -> None:
    commands = window.commands
    for action, name in (
        (commands.add_subscription, "subscribeDialog"),
        (commands.preferences, "preferencesDialog"),
        (commands.about, "aboutDialog"),
    ):
        action.trigger()
        dialog = window.findChild(QDialog, name)
        assert dialog is not None
        qtbot.waitUntil(dialog.isVisible)
        named = [
            (found.objectName(), found.accessibleName())
            for found in dialog.findChildren(QLabel)
            if found.accessibleName()
        ]
        dialog.reject()
        assert named == [], name


def test_the_converter_boxes_are_labelled_from_and_to(
    qtbot: QtBot, open_window: WindowFactory
) -> None:
    window = _panel_window(qtbot, open_window)
    buddies = {
        found.text(): found.buddy().objectName()
        for found in window.findChildren(QLabel)
        if found.buddy() is not None and found.isVisible()
    }
    assert buddies["From"] == "convertFrom"
    assert buddies["To"] == "convertTo"


def test_the_currency_heading_says_the_new_base(qtbot: QtBot, open_window: WindowFactory) -> None:
    window = _panel_window(qtbot, open_window)
    heading = next(
        found for found in window.findChildren(QLabel) if found.text() == "Currencies per 1 USD"
    )
    assert _said(heading) == "Currencies per 1 USD"
    base = window.findChild(QComboBox, "baseCurrency")
    assert base is not None
    base.setCurrentIndex(base.findData("EUR"))
    qtbot.waitUntil(lambda: heading.text() == "Currencies per 1 EUR", timeout=LOADS)
    assert _said(heading) == "Currencies per 1 EUR"


def test_sections_say_their_counts(window: MainWindow, qtbot: QtBot) -> None:
    sections = window.findChild(SectionList)
    assert sections is not None
    items = [sections.item(row) for row in range(sections.count())]
    unread = next(i for i in items if i.data(SECTION_ROLE).kind is SectionKind.UNREAD)
    qtbot.waitUntil(lambda: bool(unread.data(COUNT_ROLE)))  # the counts are in
    assert unread.data(SPOKEN) == f"Unread, {unread.data(COUNT_ROLE)} articles"
    sources = [
        i
        for i in items
        if i.data(SECTION_ROLE) is not None and i.data(SECTION_ROLE).kind is SectionKind.SOURCE
    ]
    counted = [i for i in sources if i.data(COUNT_ROLE)]
    assert counted
    for item in counted:
        assert item.data(SPOKEN) == f"{item.text()}, {item.data(COUNT_ROLE)} unread"


def test_article_rows_say_their_date(window: MainWindow) -> None:
    view = window.findChild(ArticleListView)
    assert view is not None
    model = view.model()
    assert model.rowCount() > 0
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        when = index.data(Role.WHEN)
        assert when
        assert f", {when}" in index.data(SPOKEN)


def test_the_toolbar_buttons_are_named_in_words(window: MainWindow) -> None:
    bar = window.findChild(QToolBar, "readerToolBar")
    assert bar is not None
    assert _said(bar) == "Article tools" != _said(window.reader)
    commands = window.commands
    for action, name in (
        (commands.previous_article, "Previous article"),
        (commands.next_article, "Next article"),
        (commands.toggle_bookmark, "Bookmark"),
    ):
        button = bar.widgetForAction(action)
        assert button is not None and _said(button) == name


def test_the_bookmark_button_is_checked_while_the_article_is_bookmarked(
    window: MainWindow, qtbot: QtBot, paths: AppPaths
) -> None:
    bar = window.findChild(QToolBar, "readerToolBar")
    assert bar is not None
    button = bar.widgetForAction(window.commands.toggle_bookmark)
    assert isinstance(button, QToolButton) and button.isCheckable() and not button.isChecked()
    article = window.reader.article
    assert article is not None
    window.commands.toggle_bookmark.trigger()
    qtbot.waitUntil(lambda: _bookmarked(paths, article.id) and button.text() == "★ Bookmarked")
    interface = QAccessible.queryAccessibleInterface(button)
    assert interface is not None and interface.state().checked and button.isChecked()
    window.commands.toggle_bookmark.trigger()
    qtbot.waitUntil(lambda: not _bookmarked(paths, article.id) and button.text() == "☆ Bookmark")
    assert not button.isChecked()


def _bookmarked(paths: AppPaths, article_id: int) -> bool:
    connection = sqlite3.connect(paths.store)
    try:
        row = connection.execute(
            "SELECT bookmarked FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
    finally:
        connection.close()
    return bool(row and row[0])
