"""The list read again on its own: in place, off the window's thread, and what it says when the
open article is gone."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from pytestqt.qtbot import QtBot

from desktop.paths import AppPaths
from desktop.ui.articles.list_reload import ListReloader
from tests.ui.controller_parts import Parts


def _titles(parts: Parts) -> list[str]:
    return [str(parts.model.index(row).data()) for row in range(parts.model.rowCount())]


def test_a_reload_shows_what_changed_keeping_the_selected_article(
    parts: Parts, qtbot: QtBot, paths: AppPaths
) -> None:
    reloader = ListReloader(parts.runner, parts.model, parts.view, parts.reader)
    row = parts.model.article_at(2)
    assert row is not None
    parts.view.setCurrentIndex(parts.model.index(2))
    with closing(sqlite3.connect(paths.store)) as connection, connection:
        connection.execute("UPDATE articles SET title = 'Renamed' WHERE id = ?", (row.id,))
    with qtbot.waitSignal(reloader.reloaded):
        reloader.reload()
    assert _titles(parts)[2] == "Renamed"
    assert parts.view.current_article_id() == row.id


def test_a_reload_without_the_open_article_says_so_and_selects_the_newest(
    parts: Parts, qtbot: QtBot, paths: AppPaths
) -> None:
    reloader = ListReloader(parts.runner, parts.model, parts.view, parts.reader)
    row = parts.model.article_at(1)
    assert row is not None
    parts.reader.show_article(parts.reads.article(row.id))  # type: ignore[arg-type]
    with closing(sqlite3.connect(paths.store)) as connection, connection:
        connection.execute("DELETE FROM articles WHERE id = ?", (row.id,))
    heard: list[str] = []
    reloader.article_gone.connect(lambda: heard.append("gone"))
    reloader.reloaded.connect(lambda: heard.append("reloaded"))
    with qtbot.waitSignal(reloader.article_gone):
        reloader.reload()
    assert heard == ["gone"]  # and no "reloaded": the newest row is selected instead
    assert row.id not in [parts.model.article_at(i).id for i in range(parts.model.rowCount())]  # type: ignore[union-attr]
    assert parts.view.currentIndex().row() == 0
