"""Mark all as read from the window: a section, a folder from its heading, older articles only,
and undone from the status bar or Edit > Undo."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QListWidgetItem, QMenu, QToolButton
from pytestqt.qtbot import QtBot

from desktop.domain import UNREAD
from desktop.paths import AppPaths
from desktop.ui.sections.section_list import FOLDER_ROLE
from desktop.ui.shell.main_window import MainWindow
from tests.factories import add_articles
from tests.ui.conftest import WindowFactory
from tests.ui.parts import article_titles, section_list, stored

UNREAD_SQL = "SELECT count(*) FROM articles WHERE read = 0"


def _undo_button(window: MainWindow) -> QToolButton:
    found = window.findChild(QToolButton, "statusUndo")
    assert found is not None
    return found


def test_mark_all_as_read_empties_unread_and_undo_brings_it_back(
    window: MainWindow, qtbot: QtBot, paths: AppPaths
) -> None:
    qtbot.waitUntil(lambda: stored(paths, UNREAD_SQL) == 7)  # the open article was read
    section_list(window).select(UNREAD)
    assert len(article_titles(window)) == 7
    assert not window.commands.undo.isEnabled()
    window.commands.mark_all_read.trigger()
    qtbot.waitUntil(lambda: article_titles(window) == [])
    assert stored(paths, UNREAD_SQL) == 0
    assert window.statusBar().currentMessage() == "Marked 7 articles in Unread as read."
    assert _undo_button(window).isVisible() and window.commands.undo.isEnabled()
    _undo_button(window).click()
    qtbot.waitUntil(lambda: len(article_titles(window)) == 7)
    assert stored(paths, UNREAD_SQL) == 7
    assert not window.commands.undo.isEnabled() and not _undo_button(window).isVisible()


def test_edit_undo_takes_back_only_what_was_marked(
    window: MainWindow, qtbot: QtBot, paths: AppPaths
) -> None:
    qtbot.waitUntil(lambda: stored(paths, UNREAD_SQL) == 7)
    window.commands.mark_all_read.trigger()
    qtbot.waitUntil(window.commands.undo.isEnabled)
    assert stored(paths, UNREAD_SQL) == 0
    window.commands.undo.trigger()
    qtbot.waitUntil(lambda: stored(paths, UNREAD_SQL) == 7)  # the one read before stays read
    assert window.reader.article is not None and window.reader.article.read


def test_mark_older_than_a_week_leaves_the_recent_articles(
    open_window: WindowFactory, qtbot: QtBot, paths: AppPaths
) -> None:
    add_articles(paths.store, paths.images, 5)  # dated January 2026, months ago
    window = open_window()
    window.commands.mark_week_old_read.trigger()
    qtbot.waitUntil(lambda: "older than a week" in window.statusBar().currentMessage())
    old = "SELECT count(*) FROM articles a JOIN sources s ON s.id = a.source_id "
    assert stored(paths, old + "WHERE s.title = 'Synthetic Times' AND a.read = 0") == 0
    recent = "WHERE s.kind = 'sample' AND a.read = 0 AND a.dated > strftime('%s','now') - 604800"
    assert stored(paths, old + recent) == stored(
        paths, old + "WHERE s.kind = 'sample' AND a.read = 0"
    )


def _heading(window: MainWindow, folder: str) -> QListWidgetItem:
    sections = section_list(window)
    for row in range(sections.count()):
        if sections.item(row).data(FOLDER_ROLE) == folder:
            return sections.item(row)
    raise AssertionError(f"no heading {folder}")


def test_a_folder_is_marked_read_from_its_heading(
    open_window: WindowFactory, qtbot: QtBot, paths: AppPaths
) -> None:
    add_articles(paths.store, paths.images, 4, source="Coast Post")
    add_articles(paths.store, paths.images, 3, source="Inland Times")
    import sqlite3

    connection = sqlite3.connect(paths.store)
    with connection:
        connection.execute("UPDATE sources SET folder = 'Coast' WHERE title = 'Coast Post'")
    connection.close()
    window = open_window()
    sections = section_list(window)
    heading = _heading(window, "Coast")

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        actions = {action.objectName(): action for action in menu.actions()}
        menu.close()
        actions["actionMarkSectionRead"].trigger()

    QTimer.singleShot(50, choose)
    point = sections.visualItemRect(heading).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, sections.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(sections.viewport(), event)
    qtbot.waitUntil(
        lambda: "Marked 4 articles in Coast as read." in window.statusBar().currentMessage()
    )
    by_title = "SELECT count(*) FROM articles a JOIN sources s ON s.id = a.source_id "
    assert stored(paths, by_title + "WHERE s.title = 'Coast Post' AND a.read = 0") == 0
    assert stored(paths, by_title + "WHERE s.title = 'Inland Times' AND a.read = 0") == 3
