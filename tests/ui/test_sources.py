"""Sources in the section list: folders as headings, and the context menu's rename, move, full
articles, refresh and remove, each seen as a person sees it once the store has it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain import BOOKMARKS, Section, Source
from desktop.paths import AppPaths
from desktop.ui.articles.article_model import Role
from desktop.ui.sections.section_list import SOURCE_ROLE
from desktop.ui.shell.main_window import MainWindow
from tests.newsroom import Newsroom
from tests.ui.conftest import COURIER_FEED, COURIER_ITEMS, WindowFactory
from tests.ui.parts import (
    add_source,
    article_list,
    article_model,
    article_titles,
    section_list,
    section_texts,
    source_item,
    stored,
)


def _first_source(window: MainWindow) -> Source:
    return section_list(window).sources()[0]


def _use_source_menu(window: MainWindow, title: str, action_name: str) -> dict[str, bool]:
    """Right-click a source and choose an action of its menu; return which of the menu's
    actions were enabled, by name."""
    sections = section_list(window)
    item = source_item(window, title)
    offered: dict[str, bool] = {}

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        actions = {action.objectName(): action for action in menu.actions()}
        offered.update((name, action.isEnabled()) for name, action in actions.items())
        menu.close()
        actions[action_name].trigger()

    QTimer.singleShot(50, choose)
    point = sections.visualItemRect(item).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, sections.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(sections.viewport(), event)
    return offered


def _answer(monkeypatch: pytest.MonkeyPatch, name: str, answer: object) -> list[str]:
    """Make a static dialog of QInputDialog or QMessageBox answer at once; record its text."""
    asked: list[str] = []
    owner = QMessageBox if name == "question" else QInputDialog

    def answer_now(parent: QWidget, title: str, text: str, *_: object) -> object:
        asked.append(text)
        return answer

    monkeypatch.setattr(owner, name, answer_now)
    return asked


def test_sources_are_grouped_under_their_folders(
    open_window: WindowFactory, courier: Newsroom, paths: AppPaths
) -> None:
    add_source(paths, courier.url("/a.xml"), "Anchor Weekly", folder="Harbour")
    add_source(paths, courier.url("/b.xml"), "Bay Herald", folder="Harbour")
    add_source(paths, courier.url("/c.xml"), "County Times", folder="Inland")
    window = open_window()
    texts = section_texts(window)
    harbour, inland = texts.index("Harbour"), texts.index("Inland")
    assert texts[:4] == ["All articles", "Unread", "Bookmarks", "Sources"]
    assert texts[harbour : harbour + 3] == ["Harbour", "Anchor Weekly", "Bay Herald"]
    assert texts[inland : inland + 2] == ["Inland", "County Times"]
    assert harbour > texts.index("Sources") + 1  # the sample papers, in no folder, come first


def test_rename_changes_the_name_in_the_sections_and_the_list(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _first_source(window)
    asked = _answer(monkeypatch, "getText", ("The Harbour Daily", True))
    _use_source_menu(window, source.title, "actionRenameSource")
    qtbot.waitUntil(lambda: "The Harbour Daily" in section_texts(window))
    assert source.title not in section_texts(window) and source.title in asked[0]
    section_list(window).select(Section.of_source(source.id))
    model = article_model(window)
    qtbot.waitUntil(lambda: model.index(0).data(Role.SOURCE) == "The Harbour Daily")


def test_move_to_folder_puts_the_source_under_its_heading(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, paths: AppPaths
) -> None:
    source = _first_source(window)
    _answer(monkeypatch, "getItem", ("Harbour", True))
    _use_source_menu(window, source.title, "actionMoveSource")
    qtbot.waitUntil(lambda: "Harbour" in section_texts(window))
    texts = section_texts(window)
    assert texts[-2:] == ["Harbour", source.title]  # folders come after the unfiled sources
    assert stored(paths, "SELECT folder FROM sources WHERE id = ?", source.id) == "Harbour"
    _answer(monkeypatch, "getItem", ("", True))  # and back out of any folder
    _use_source_menu(window, source.title, "actionMoveSource")
    qtbot.waitUntil(lambda: "Harbour" not in section_texts(window))


def test_remove_asks_first_then_keeps_the_bookmarked_article(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, paths: AppPaths
) -> None:
    source = _first_source(window)
    section_list(window).select(Section.of_source(source.id))
    own = article_titles(window)
    assert len(own) >= 2
    article_list(window).setCurrentIndex(article_model(window).index(0))
    window.commands.toggle_bookmark.trigger()  # the source's newest article, open in the reader
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Bookmarked.")
    kept = window.reader.article
    assert kept is not None
    asked = _answer(monkeypatch, "question", QMessageBox.StandardButton.Cancel)
    _use_source_menu(window, source.title, "actionRemoveSource")
    qtbot.waitUntil(lambda: bool(asked))
    going = f"{len(own) - 1} article" + ("s" if len(own) > 2 else "")
    assert asked == [
        f"Remove “{source.title}”? {going} will be deleted; bookmarked ones stay in Bookmarks."
    ]
    assert source.title in section_texts(window)  # Cancel keeps it

    _answer(monkeypatch, "question", QMessageBox.StandardButton.Yes)
    _use_source_menu(window, source.title, "actionRemoveSource")
    qtbot.waitUntil(lambda: source.title not in section_texts(window))
    assert section_list(window).current_section() is not None
    assert not set(own[1:]) & set(article_titles(window))  # the list moved to All, without them
    assert window.statusBar().currentMessage() == f"Removed {source.title} and {going}."
    section_list(window).select(BOOKMARKS)
    assert article_titles(window) == [kept.title]
    assert stored(paths, "SELECT count(*) FROM articles WHERE source_id = ?", source.id) == 1


def test_fetch_full_articles_is_a_switch_kept_in_the_store(
    open_window: WindowFactory,
    qtbot: QtBot,
    courier: Newsroom,
    paths: AppPaths,
) -> None:
    source_id = add_source(paths, courier.url(COURIER_FEED), "The Test Courier")
    window = open_window()
    offered = _use_source_menu(window, "The Test Courier", "actionFullArticles")
    assert offered["actionFullArticles"]
    assert set(offered) >= {"actionRenameSource", "actionRefreshSource", "actionRemoveSource"}

    def full_articles() -> object:
        return stored(paths, "SELECT full_articles FROM sources WHERE id = ?", source_id)

    qtbot.waitUntil(lambda: full_articles() == 0)
    qtbot.waitUntil(
        lambda: not source_item(window, "The Test Courier").data(SOURCE_ROLE).full_articles
    )
    _use_source_menu(window, "The Test Courier", "actionFullArticles")
    qtbot.waitUntil(lambda: full_articles() == 1)


def test_refresh_this_source_refreshes_only_that_one(
    open_window: WindowFactory, qtbot: QtBot, courier: Newsroom, paths: AppPaths
) -> None:
    add_source(paths, courier.url(COURIER_FEED), "The Test Courier")
    other = courier.publish_feed("/other.xml", "Other", COURIER_ITEMS[:1], etag="o")
    add_source(paths, other, "Other")
    window = open_window()
    offered = _use_source_menu(window, "The Test Courier", "actionRefreshSource")
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() == "3 new articles from 1 source.",
        timeout=10_000,
    )
    assert courier.requests == [COURIER_FEED]
    assert offered["actionRefreshSource"]


def test_a_sample_source_offers_no_refresh(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer(monkeypatch, "getText", ("", False))
    offered = _use_source_menu(window, _first_source(window).title, "actionRenameSource")
    assert not offered["actionRefreshSource"] and not offered["actionFullArticles"]
