"""Bookmarks from the window: every way to toggle one, committed before the star shows it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMenu,
    QToolBar,
    QToolButton,
)
from pytestqt.qtbot import QtBot

from desktop.domain import BOOKMARKS
from desktop.paths import AppPaths
from desktop.ui.articles.article_delegate import star_rect
from desktop.ui.articles.article_model import Role
from desktop.ui.sections.section_list import SectionList
from desktop.ui.shell.actions import plain
from desktop.ui.shell.main_window import MainWindow
from tests.ui.parts import article_list, article_model, stored


def _bookmarked_in_store(paths: AppPaths, article_id: int) -> bool:
    return stored(paths, "SELECT bookmarked FROM articles WHERE id = ?", article_id) is not None


def test_ctrl_d_shows_the_star_only_after_the_store_committed(
    window: MainWindow, qtbot: QtBot, paths: AppPaths
) -> None:
    model = article_model(window)
    article_id = int(model.index(0).data(Role.ID))
    committed_when_shown: list[bool] = []

    def on_changed(top: QModelIndex, *_: object) -> None:
        if top.data(Role.BOOKMARKED):
            committed_when_shown.append(_bookmarked_in_store(paths, article_id))

    model.dataChanged.connect(on_changed)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.reader, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(model.index(0).data(Role.BOOKMARKED)))
    assert committed_when_shown and all(committed_when_shown)
    assert window.reader.article is not None and window.reader.article.bookmarked
    assert plain(window.commands.toggle_bookmark.text()) == "Remove Bookmark"
    assert window.statusBar().currentMessage() == "Bookmarked."


def test_the_toolbar_button_toggles_the_bookmark_both_ways(
    window: MainWindow, qtbot: QtBot, paths: AppPaths
) -> None:
    bar = window.findChild(QToolBar, "readerToolBar")
    assert bar is not None
    button = bar.widgetForAction(window.commands.toggle_bookmark)
    assert isinstance(button, QToolButton) and button.text() == "☆ Bookmark"
    article_id = window.reader.article.id  # type: ignore[union-attr]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: _bookmarked_in_store(paths, article_id) and button.text() == "★ Bookmarked"
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: button.text() == "☆ Bookmark")
    assert not _bookmarked_in_store(paths, article_id)


def test_clicking_a_rows_star_bookmarks_that_article(
    window: MainWindow, qtbot: QtBot, paths: AppPaths
) -> None:
    view = article_list(window)
    model = article_model(window)
    third = model.index(2)
    star = star_rect(view.visualRect(third)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=star)
    qtbot.waitUntil(lambda: bool(model.index(2).data(Role.BOOKMARKED)))
    assert _bookmarked_in_store(paths, int(third.data(Role.ID)))


def test_the_context_menu_bookmarks_the_row_under_the_pointer(
    window: MainWindow, qtbot: QtBot, paths: AppPaths
) -> None:
    view = article_list(window)
    model = article_model(window)
    target = model.index(3)
    offered: list[str] = []

    def choose_bookmark() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        offered.extend(plain(action.text()) for action in menu.actions())
        bookmark = next(action for action in menu.actions() if plain(action.text()) == "Bookmark")
        menu.close()
        bookmark.trigger()

    QTimer.singleShot(50, choose_bookmark)
    point = view.visualRect(target).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(lambda: bool(model.index(3).data(Role.BOOKMARKED)))
    assert {"Bookmark", "Open in Browser"} <= set(offered)
    assert _bookmarked_in_store(paths, int(target.data(Role.ID)))


def test_bookmarks_section_lists_bookmarked_articles(window: MainWindow, qtbot: QtBot) -> None:
    model = article_model(window)
    title = str(model.index(0).data())
    window.commands.toggle_bookmark.trigger()
    qtbot.waitUntil(lambda: bool(model.index(0).data(Role.BOOKMARKED)))
    sections = window.findChild(SectionList, "sectionList")
    assert sections is not None
    sections.select(BOOKMARKS)
    assert [str(model.index(r).data()) for r in range(model.rowCount())] == [title]


def test_a_quick_double_toggle_ends_unbookmarked(
    window: MainWindow, qtbot: QtBot, paths: AppPaths
) -> None:
    article_id = window.reader.article.id  # type: ignore[union-attr]
    window.commands.toggle_bookmark.trigger()
    window.commands.toggle_bookmark.trigger()
    qtbot.waitUntil(lambda: "Bookmark removed" in window.statusBar().currentMessage())
    assert not _bookmarked_in_store(paths, article_id)
    assert not article_model(window).index(0).data(Role.BOOKMARKED)


@pytest.mark.parametrize("suffix", [".html", ".md"])
def test_file_export_bookmarks_writes_the_chosen_format(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    title = window.reader.article.title  # type: ignore[union-attr]
    window.commands.toggle_bookmark.trigger()
    qtbot.waitUntil(lambda: plain(window.commands.toggle_bookmark.text()) == "Remove Bookmark")
    target = tmp_path / f"kept{suffix}"
    chosen = "Markdown (*.md)" if suffix == ".md" else "Web page (*.html)"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), chosen))
    window.commands.export_bookmarks.trigger()
    qtbot.waitUntil(lambda: "Exported 1 bookmarks" in window.statusBar().currentMessage())
    text = target.read_text(encoding="utf-8")
    assert title in text
    assert text.startswith("<!DOCTYPE html>") if suffix == ".html" else text.startswith("# ")
