"""The refreshing controller on its own: File > Refresh greys while a refresh runs, the section
list says which sources it reads, and the end is said in one sentence; at start-up a refresh is
planned only when the subscriptions are older than the interval."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing

import pytest
from pytestqt.qtbot import QtBot

from desktop.paths import AppPaths
from desktop.ui.sections import refreshing
from desktop.ui.sections.refresh_control import Refreshing
from desktop.ui.sections.refreshing import Refresher, RefreshStatus
from desktop.ui.sections.section_list import SectionList
from tests.newsroom import Newsroom
from tests.ui.conftest import COURIER_FEED
from tests.ui.controller_parts import Parts
from tests.ui.parts import add_source


def _refreshing(parts: Parts, paths: AppPaths) -> tuple[Refreshing, RefreshStatus, SectionList]:
    status, sections = RefreshStatus(), SectionList()
    parts.host.statusBar().addPermanentWidget(status)
    parts.host.setMenuWidget(sections)
    refresher = Refresher(parts.runner, paths.images, parts.host)
    control = Refreshing(parts.runner, refresher, status, parts.commands.refresh, sections)
    return control, status, sections


def test_a_refresh_greys_the_command_while_it_runs_and_says_how_it_went(
    parts: Parts, qtbot: QtBot, paths: AppPaths, courier: Newsroom
) -> None:
    add_source(paths, courier.url(COURIER_FEED), "The Test Courier")
    control, status, sections = _refreshing(parts, paths)
    sections.set_sources(parts.reads.sources())
    with qtbot.waitSignal(control.ended, timeout=20_000) as ended:
        parts.commands.refresh.trigger()
        assert not parts.commands.refresh.isEnabled()
        assert not status.isHidden()
    assert ended.args == ["3 new articles from 1 source."]
    assert parts.commands.refresh.isEnabled() and status.isHidden()
    assert courier.requests == [COURIER_FEED]


@pytest.mark.parametrize(("age", "planned"), [(60, False), (3 * 3600, True)])
def test_at_start_a_refresh_is_planned_only_when_one_is_due(
    parts: Parts,
    qtbot: QtBot,
    paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
    age: int,
    planned: bool,
) -> None:
    source = add_source(paths, "https://paper.example/feed.xml", "My Own Paper")
    with closing(sqlite3.connect(paths.store)) as connection, connection:
        connection.execute(
            "UPDATE sources SET last_fetched = ? WHERE id = ?", (int(time.time()) - age, source)
        )
    decided: list[bool] = []
    decide = refreshing.Refresher.start_if_due
    monkeypatch.setattr(refreshing, "STARTUP_REFRESH_DELAY_MS", 60_000)  # not run here

    def heard(refresher: Refresher, minutes: int, last: int | None) -> bool:
        decided.append(decide(refresher, minutes, last))
        return decided[-1]

    monkeypatch.setattr(refreshing.Refresher, "start_if_due", heard)
    control, _, _ = _refreshing(parts, paths)
    control.start_if_due(60)
    qtbot.waitUntil(lambda: decided == [planned])
