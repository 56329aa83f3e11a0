"""The sections-and-subscriptions controller on its own: the section list read from the store,
its counts, and an edit that changes what the list shows."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desktop.paths import AppPaths
from desktop.ui.sections.section_list import COUNT_ROLE, SectionList
from desktop.ui.sections.subscriptions import Subscriptions
from tests.ui.controller_parts import Parts
from tests.ui.parts import add_source, stored


def _subscriptions(parts: Parts, paths: AppPaths) -> tuple[Subscriptions, SectionList]:
    sections = SectionList()
    parts.host.setMenuWidget(sections)
    return Subscriptions(parts.runner, paths.store, sections, parts.host), sections


def test_a_reload_shows_the_sources_of_the_store_then_their_counts(
    parts: Parts, qtbot: QtBot, paths: AppPaths
) -> None:
    subscriptions, sections = _subscriptions(parts, paths)
    add_source(paths, "https://paper.example/feed.xml", "My Own Paper", folder="Local")
    subscriptions.reload()
    qtbot.waitUntil(lambda: "My Own Paper" in [s.title for s in sections.sources()])
    assert "Local" in sections.folders()
    unread = stored(paths, "SELECT count(*) FROM articles WHERE read = 0")
    qtbot.waitUntil(lambda: sections.item(1).data(COUNT_ROLE) == unread)  # "Unread"


def test_renaming_a_source_is_said_by_the_list_it_changes(
    parts: Parts, qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    subscriptions, sections = _subscriptions(parts, paths)
    subscriptions.reload()
    qtbot.waitUntil(lambda: bool(sections.sources()))
    source = sections.sources()[0]
    monkeypatch.setattr(QInputDialog, "getText", lambda *_: ("The Evening Post", True))
    with qtbot.waitSignal(subscriptions.articles_changed):
        sections.rename_requested.emit(source)
    assert stored(paths, "SELECT custom_title FROM sources WHERE id = ?", source.id) == (
        "The Evening Post"
    )
    qtbot.waitUntil(lambda: "The Evening Post" in [s.title for s in sections.sources()])


def test_refresh_this_source_asks_for_that_source_only(parts: Parts, paths: AppPaths) -> None:
    subscriptions, sections = _subscriptions(parts, paths)
    asked: list[object] = []
    subscriptions.refresh_asked.connect(asked.append)
    source_id = add_source(paths, "https://paper.example/feed.xml", "My Own Paper")
    sections.set_sources(parts.reads.sources())
    own = next(s for s in sections.sources() if s.id == source_id)
    sections.refresh_requested.emit(own)
    assert asked == [(source_id,)]
