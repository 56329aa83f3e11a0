"""Finding the window's parts the way a test (or an accessibility tool) would: by object name."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QDialog, QListWidgetItem
from pytestqt.qtbot import QtBot

from desktop.domain import Section
from desktop.paths import AppPaths
from desktop.settings import Settings, save
from desktop.store.database import connect, transaction
from desktop.store.feeds import add_feed
from desktop.ui.articles.article_list import ArticleListView
from desktop.ui.articles.article_model import ArticleListModel
from desktop.ui.dialogs.about_dialog import AboutDialog
from desktop.ui.dialogs.preferences_dialog import PreferencesDialog
from desktop.ui.dialogs.subscribe_dialog import SubscribeDialog
from desktop.ui.sections.section_list import SECTION_ROLE, SectionList
from desktop.ui.shell.main_window import MainWindow


def article_list(window: MainWindow) -> ArticleListView:
    """The article list view."""
    found = window.findChild(ArticleListView, "articleList")
    assert found is not None
    return found


def article_model(window: MainWindow) -> ArticleListModel:
    """The article list's model."""
    model = article_list(window).model()
    assert isinstance(model, ArticleListModel)
    return model


def stored(paths: AppPaths, sql: str, *params: object) -> object:
    """One value read from the store by a connection of its own, as another process would."""
    connection = sqlite3.connect(paths.store)
    try:
        return connection.execute(sql, params).fetchone()[0]
    finally:
        connection.close()


def article_titles(window: MainWindow) -> list[str]:
    """The titles the article list shows, top to bottom."""
    model = article_model(window)
    return [str(model.index(row).data()) for row in range(model.rowCount())]


def section_list(window: MainWindow) -> SectionList:
    """The section list."""
    found = window.findChild(SectionList, "sectionList")
    assert found is not None
    return found


def section_texts(window: MainWindow) -> list[str]:
    """Every line of the section list, headings included, top to bottom."""
    sections = section_list(window)
    return [sections.item(row).text() for row in range(sections.count())]


def source_item(window: MainWindow, title: str) -> QListWidgetItem:
    """The section list's entry of a source, by its title."""
    sections = section_list(window)
    for row in range(sections.count()):
        item = sections.item(row)
        if item.text() == title and isinstance(item.data(SECTION_ROLE), Section):
            return item
    raise AssertionError(f"No source {title!r} in {section_texts(window)}")


def add_source(paths: AppPaths, url: str, title: str, folder: str | None = None) -> int:
    """Subscribe to a feed in the store directly, as an earlier session would have."""
    connection = connect(paths.store)
    try:
        with transaction(connection):
            return add_feed(connection, url, title, 0, folder=folder)
    finally:
        connection.close()


def write_settings(paths: AppPaths, settings: Settings) -> None:
    """Save preferences before a window opens."""
    save(settings, paths.settings)


def open_dialogs(window: MainWindow, qtbot: QtBot) -> list[QDialog]:
    """About, Preferences and Add Subscription, opened from the window's menus."""
    found: list[QDialog] = []
    for action, kind in (
        (window.commands.about, AboutDialog),
        (window.commands.preferences, PreferencesDialog),
        (window.commands.add_subscription, SubscribeDialog),
    ):
        action.trigger()
        dialog = window.findChild(kind)
        assert isinstance(dialog, QDialog)
        qtbot.waitExposed(dialog)
        found.append(dialog)
    return found
