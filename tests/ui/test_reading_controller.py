"""The reading controller on its own: opening articles, their read state and bookmarks."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from pytestqt.qtbot import QtBot

from desktop.paths import AppPaths
from desktop.ui.reading.reading import GONE, Reading
from tests.ui.controller_parts import Parts
from tests.ui.parts import stored


def _reading(parts: Parts) -> Reading:
    p = parts
    return Reading(p.runner, p.reads, p.model, p.view, p.reader, p.commands)


def test_choosing_a_row_opens_its_article_and_marks_it_read_once_painted(
    parts: Parts,
    qtbot: QtBot,
    paths: AppPaths,
) -> None:
    reading = _reading(parts)
    shown: list[object] = []
    reading.article_shown.connect(shown.append)
    row = parts.model.article_at(1)
    assert row is not None and not row.read
    parts.view.setCurrentIndex(parts.model.index(1))
    assert parts.reader.article is not None and parts.reader.article.id == row.id
    assert shown == [parts.reader.article]
    assert parts.commands.toggle_read.text() == "&Mark as Read"
    assert stored(paths, "SELECT read FROM articles WHERE id = ?", row.id) == 0  # not yet painted
    with qtbot.waitSignal(reading.counts_changed):
        reading.painted()
    assert stored(paths, "SELECT read FROM articles WHERE id = ?", row.id) == 1
    assert parts.model.article_at(1).read  # type: ignore[union-attr]
    assert parts.commands.toggle_read.text() == "&Mark as Unread"


def test_an_article_no_longer_stored_is_said_in_the_readers_place(
    parts: Parts,
    paths: AppPaths,
) -> None:
    reading = _reading(parts)
    row = parts.model.article_at(0)
    assert row is not None
    with closing(sqlite3.connect(paths.store)) as connection, connection:
        connection.execute("DELETE FROM articles WHERE id = ?", (row.id,))
    shown: list[object] = []
    reading.article_shown.connect(shown.append)
    assert not reading.open_article(row.id)
    assert parts.reader.article is None and GONE in parts.reader.toPlainText()
    assert shown == [None] and not parts.commands.toggle_bookmark.isEnabled()


def test_a_bookmark_shows_once_the_store_has_it(
    parts: Parts,
    qtbot: QtBot,
    paths: AppPaths,
) -> None:
    reading = _reading(parts)
    row = parts.model.article_at(2)
    assert row is not None and not row.bookmarked
    reading.open_article(row.id)
    with qtbot.waitSignal(reading.said) as said:
        parts.commands.toggle_bookmark.trigger()
    assert said.args == ["Bookmarked.", 3000]
    assert stored(paths, "SELECT bookmarked IS NOT NULL FROM articles WHERE id = ?", row.id) == 1
    assert parts.model.article_at(2).bookmarked  # type: ignore[union-attr]
    assert parts.reader.article is not None and parts.reader.article.bookmarked
    assert parts.commands.toggle_bookmark.text() == "Remove &Bookmark"
    with qtbot.waitSignal(reading.said) as said:
        reading.toggle_bookmark_of(row.id)
    assert said.args == ["Bookmark removed.", 3000]
    assert stored(paths, "SELECT bookmarked IS NULL FROM articles WHERE id = ?", row.id) == 1
