"""Your place kept: a restart reopens the section, the article and the place in it."""

from __future__ import annotations

import sqlite3

from pytestqt.qtbot import QtBot

from desktop.domain import ALL, UNREAD, Section
from desktop.paths import AppPaths
from desktop.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.parts import article_list, article_model, section_list


def _read_halfway(window: MainWindow, qtbot: QtBot, section: Section, row: int) -> MainWindow:
    window.resize(1100, 760)  # within the offscreen screen, so the geometry comes back as it was
    qtbot.waitUntil(lambda: window.width() == 1100)
    section_list(window).select(section)
    article_list(window).setCurrentIndex(article_model(window).index(row))
    bar = window.reader.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    return window


def test_a_restart_reopens_the_section_the_article_and_the_place_in_it(
    open_window: WindowFactory, qtbot: QtBot
) -> None:
    first = _read_halfway(open_window(), qtbot, Section.of_source(2), 1)
    article, place = first.reader.article, first.reader.place()
    assert article is not None and place[0] > 3
    first.close()
    second = open_window()
    assert section_list(second).current_section() == Section.of_source(2)
    assert second.reader.article is not None and second.reader.article.id == article.id
    assert article_list(second).current_article_id() == article.id
    # The same paragraph at the top of the view, once the view is laid out and painted.
    qtbot.waitUntil(lambda: second.reader.place()[0] == place[0])


def test_an_article_read_in_unread_is_reopened_though_no_longer_listed(
    open_window: WindowFactory, qtbot: QtBot
) -> None:
    first = _read_halfway(open_window(), qtbot, UNREAD, 2)
    article = first.reader.article
    assert article is not None
    first.close()  # it was marked read as it opened, so Unread no longer lists it
    second = open_window()
    assert section_list(second).current_section() == UNREAD
    assert second.reader.article is not None and second.reader.article.id == article.id
    assert article_list(second).current_article_id() is None


def test_a_place_whose_article_is_gone_opens_the_newest_of_its_section(
    open_window: WindowFactory, qtbot: QtBot, paths: AppPaths
) -> None:
    first = _read_halfway(open_window(), qtbot, ALL, 3)
    article = first.reader.article
    assert article is not None
    first.close()
    connection = sqlite3.connect(paths.store)
    with connection:
        connection.execute("DELETE FROM articles WHERE id = ?", (article.id,))
    connection.close()
    second = open_window()
    newest = article_model(second).article_at(0)
    assert newest is not None and second.reader.article is not None
    assert second.reader.article.id == newest.id
    assert second.reader.verticalScrollBar().value() == 0


def test_a_restart_opens_no_article_when_none_was_left_open(
    open_window: WindowFactory, qtbot: QtBot, paths: AppPaths
) -> None:
    first = open_window()
    qtbot.waitUntil(lambda: _unread(paths) == 7)  # the article opened at the start was read
    section_list(first).select(UNREAD)  # so Unread does not list it, and none is open
    assert first.reader.article is None
    first.close()
    unread = _unread(paths)
    second = open_window()
    assert section_list(second).current_section() == UNREAD
    assert second.reader.article is None and "Unread" in second.reader.toPlainText()
    assert _unread(paths) == unread  # nothing opened, so nothing marked read


def _unread(paths: AppPaths) -> int:
    connection = sqlite3.connect(paths.store)
    try:
        return int(connection.execute("SELECT count(*) FROM articles WHERE read = 0").fetchone()[0])
    finally:
        connection.close()
