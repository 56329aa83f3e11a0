"""Refreshing from the window: progress in the status bar, articles arriving, the summary,
Cancel, one refresh at a time, failing and gone sources, retention, and the timer."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QMenu, QProgressBar, QToolButton
from pytestqt.qtbot import QtBot

from desktop.app import create_window
from desktop.domain import BOOKMARKS
from desktop.paths import AppPaths
from desktop.settings import Settings
from desktop.store import articles
from desktop.tasks import Done, Failed, InlineRunner, Job
from desktop.ui.articles.list_reload import ListReloader
from desktop.ui.sections.section_list import COUNT_ROLE, GONE_SENTENCE, STATE_ROLE
from desktop.ui.shell.main_window import MainWindow
from tests.newsroom import Item, Newsroom
from tests.ui.conftest import COURIER_FEED, COURIER_ITEMS, WindowFactory
from tests.ui.parts import (
    add_source,
    article_list,
    article_titles,
    section_list,
    source_item,
    stored,
    write_settings,
)

COURIER_TITLES = {item.title for item in COURIER_ITEMS}
SLOW_ITEMS = [Item("late", "The late edition arrives", "It was held at the press.")]
T = TypeVar("T")


def _progress(window: MainWindow) -> QProgressBar:
    found = window.statusBar().findChild(QProgressBar, "refreshProgress")
    assert found is not None
    return found


def _cancel_button(window: MainWindow) -> QToolButton:
    found = window.statusBar().findChild(QToolButton, "refreshCancel")
    assert found is not None
    return found


def _refresh_from_the_menu(window: MainWindow) -> None:
    file_menu = next(
        action.menu()
        for action in window.menuBar().actions()
        if action.text() == "&File" and isinstance(action.menu(), QMenu)
    )
    assert isinstance(file_menu, QMenu)
    refresh = next(a for a in file_menu.actions() if a.objectName() == "actionRefresh")
    assert {s.toString() for s in refresh.shortcuts()} >= {"F5", "Ctrl+R"}
    refresh.trigger()


def _source_errors(paths: AppPaths) -> list[tuple[str, str | None]]:
    """Each source's address and the sentence its last refresh left, to say why a test failed."""
    with closing(sqlite3.connect(paths.store)) as connection:
        return connection.execute("SELECT url, last_error FROM sources").fetchall()


def _summary_shown(window: MainWindow) -> bool:
    return window.statusBar().currentMessage().endswith(".") and not _progress(window).isVisible()


def test_a_refresh_shows_its_progress_then_the_new_articles_and_a_summary(
    open_window: WindowFactory, qtbot: QtBot, courier: Newsroom, paths: AppPaths
) -> None:
    add_source(paths, courier.url(COURIER_FEED), "The Test Courier")
    add_source(paths, courier.publish_status("/feeds/broken.xml", 500), "The Broken Bugle")
    window = open_window()
    before = window.reader.article
    _refresh_from_the_menu(window)
    assert _progress(window).isVisible() and _cancel_button(window).isVisible()
    assert not window.commands.refresh.isEnabled()  # one refresh at a time
    qtbot.waitUntil(lambda: _summary_shown(window), timeout=10_000)
    assert window.statusBar().currentMessage() == (
        "3 new articles from 2 sources; 1 could not be refreshed."
    ), _source_errors(paths)
    # The list is read again off the window's thread once the refresh has ended.
    qtbot.waitUntil(lambda: set(article_titles(window)) >= COURIER_TITLES)
    assert window.commands.refresh.isEnabled()
    assert before is not None and window.reader.article is not None
    assert window.reader.article.id == before.id  # what was being read stays open...
    assert article_list(window).currentIndex().data() == before.title  # ...and selected
    qtbot.waitUntil(lambda: source_item(window, "The Test Courier").data(COUNT_ROLE) == 3)


def test_articles_show_while_the_refresh_still_runs_and_cancel_stops_it(
    open_window: WindowFactory,
    qtbot: QtBot,
    courier: Newsroom,
    slow_site: Newsroom,
    paths: AppPaths,
) -> None:
    add_source(paths, courier.url(COURIER_FEED), "The Test Courier")
    late = slow_site.publish_feed("/late.xml", "Late", SLOW_ITEMS)  # a summary only...
    slow_site.publish_held_page("/news/late", "The late edition arrives", ["At last."])  # ...
    add_source(paths, late, "Late")
    titles = {*COURIER_TITLES, "The late edition arrives"}
    window = open_window()
    window.commands.refresh.trigger()
    qtbot.waitUntil(lambda: set(article_titles(window)) >= titles, timeout=10_000)
    assert _progress(window).isVisible()  # the full article is still on its way
    line = window.statusBar().findChild(QLabel, "refreshLine")
    assert line is not None and line.text() in {"The Test Courier: 3 new", "Late: 1 new"}
    qtbot.waitUntil(lambda: "/news/late" in slow_site.requests)
    window.commands.refresh.trigger()  # does nothing while one runs
    qtbot.mouseClick(_cancel_button(window), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _summary_shown(window), timeout=10_000)
    assert window.statusBar().currentMessage() == (
        "4 new articles from 2 sources (cancelled before the end)."
    )
    slow_site.release.set()
    body = stored(paths, "SELECT body_html FROM articles WHERE guid = 'late'")
    assert isinstance(body, str) and "At last." not in body  # its page was never stored
    assert courier.requests == [COURIER_FEED]  # the second trigger started nothing
    assert window.commands.refresh.isEnabled()


def test_while_a_refresh_runs_the_list_is_read_again_off_the_window_thread(
    open_window: WindowFactory,
    qtbot: QtBot,
    courier: Newsroom,
    slow_site: Newsroom,
    paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Beside the refresh's writes the list's query takes 4-30 ms: the window must not wait.
    add_source(paths, courier.url(COURIER_FEED), "The Test Courier")
    late = slow_site.publish_feed("/late.xml", "Late", SLOW_ITEMS)
    slow_site.publish_held_page("/news/late", "The late edition arrives", ["At last."])
    add_source(paths, late, "Late")  # its page holds the refresh open
    window = open_window()
    readers: list[bool] = []  # for each page of the list read: on the window's thread?
    page = articles.page

    def noted(*args: Any, **kwargs: Any) -> articles.Page:
        """Read a page as the list does, noting the thread."""
        readers.append(threading.current_thread() is threading.main_thread())
        return page(*args, **kwargs)

    monkeypatch.setattr(articles, "page", noted)
    window.commands.refresh.trigger()
    qtbot.waitUntil(lambda: set(article_titles(window)) >= COURIER_TITLES, timeout=10_000)
    assert _progress(window).isVisible()  # still refreshing
    assert readers and not any(readers)
    slow_site.release.set()
    qtbot.waitUntil(lambda: _summary_shown(window), timeout=10_000)


class HeldReads(InlineRunner):
    """Runs every job at once, but hands a read's result back only on ``release``, as a pool
    thread would hand it back late."""

    def __init__(self, store: Path) -> None:
        super().__init__(store)
        self._held: list[Callable[[], None]] = []

    def read(self, job: Job[T], done: Done[T], failed: Failed | None = None) -> None:
        result = job(self._connection)
        self._held.append(lambda: done(result))

    def release_last(self) -> None:
        """Hand back the read asked for last, before those asked for earlier."""
        self._held.pop()()

    def release(self) -> None:
        """Hand back every read held so far, in the order they were asked for."""
        held, self._held = self._held, []
        for deliver in held:
            deliver()


def test_a_reload_read_before_a_later_one_is_not_shown(
    qtbot: QtBot, data_dir: Path, paths: AppPaths
) -> None:
    runner = HeldReads(paths.store)
    window = create_window(data_dir, runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    reloader = window.findChild(ListReloader)
    assert reloader is not None
    reloader.reload()  # as when articles arrive: read now, shown later
    with closing(sqlite3.connect(paths.store)) as connection, connection:
        connection.execute("UPDATE articles SET title = 'Renamed meanwhile'")
    reloader.reload()  # a later reload (the refresh ended)
    runner.release_last()  # which arrives first
    assert set(article_titles(window)) == {"Renamed meanwhile"}
    runner.release()  # the earlier read arrives last, with the titles from before
    assert set(article_titles(window)) == {"Renamed meanwhile"}


def test_cancel_stops_a_refresh_waiting_for_a_slow_feed(
    open_window: WindowFactory, qtbot: QtBot, slow_site: Newsroom, paths: AppPaths
) -> None:
    add_source(paths, slow_site.publish_held_feed("/late.xml", "Late", SLOW_ITEMS), "Late")
    window = open_window()
    window.commands.refresh.trigger()
    qtbot.waitUntil(lambda: slow_site.requests == ["/late.xml"])
    qtbot.mouseClick(_cancel_button(window), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _summary_shown(window), timeout=10_000)
    assert window.statusBar().currentMessage() == "The refresh was cancelled."
    assert stored(paths, "SELECT count(*) FROM articles WHERE guid = 'late'") == 0


def test_closing_the_window_during_a_refresh_stops_it(
    open_window: WindowFactory, qtbot: QtBot, slow_site: Newsroom, paths: AppPaths
) -> None:
    add_source(paths, slow_site.publish_held_feed("/late.xml", "Late", SLOW_ITEMS), "Late")
    window = open_window()
    window.commands.refresh.trigger()
    qtbot.waitUntil(lambda: slow_site.requests == ["/late.xml"])
    window.close()  # returns once the refresh has stopped at its next step
    assert stored(paths, "SELECT count(*) FROM articles WHERE guid = 'late'") == 0


def test_a_failing_source_shows_its_sentence_and_a_gone_one_is_greyed(
    open_window: WindowFactory, qtbot: QtBot, courier: Newsroom, paths: AppPaths
) -> None:
    url = courier.publish_status("/feeds/broken.xml", 500)
    broken = add_source(paths, url, "Broken Bugle")
    add_source(paths, courier.publish_status("/feeds/old.xml", 410), "Old Observer")
    window = open_window()
    assert source_item(window, "Broken Bugle").toolTip() == f"Broken Bugle\n{url}"  # no problem yet
    assert source_item(window, "Broken Bugle").data(STATE_ROLE) is None
    window.commands.refresh.trigger()
    qtbot.waitUntil(lambda: source_item(window, "Broken Bugle").data(STATE_ROLE) == "failing")
    sentence = stored(paths, "SELECT last_error FROM sources WHERE id = ?", broken)
    assert isinstance(sentence, str) and sentence.endswith(".") and "\n" not in sentence
    item = source_item(window, "Broken Bugle")
    assert item.toolTip() == f"Broken Bugle\n{sentence}"
    assert item.data(Qt.ItemDataRole.AccessibleDescriptionRole) == sentence
    gone = source_item(window, "Old Observer")
    assert gone.data(STATE_ROLE) == "gone" and gone.toolTip() == f"Old Observer\n{GONE_SENTENCE}"
    assert gone.data(Qt.ItemDataRole.AccessibleDescriptionRole) == GONE_SENTENCE


def test_old_articles_go_after_a_refresh_but_bookmarked_ones_stay(
    open_window: WindowFactory, qtbot: QtBot, paths: AppPaths
) -> None:
    write_settings(paths, Settings(keep_days=30))
    month_ago = int(time.time()) - 40 * 24 * 60 * 60
    connection = sqlite3.connect(paths.store)
    with connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM articles ORDER BY id")]
        connection.execute("UPDATE articles SET fetched = ?", (month_ago,))
        connection.execute("UPDATE articles SET fetched = ? WHERE id = ?", (time.time(), ids[0]))
        connection.execute("UPDATE articles SET bookmarked = ? WHERE id = ?", (month_ago, ids[1]))
    connection.close()
    window = open_window()
    window.commands.refresh.trigger()
    qtbot.waitUntil(lambda: len(article_titles(window)) == 2, timeout=10_000)
    assert stored(paths, "SELECT count(*) FROM articles") == 2
    section_list(window).select(BOOKMARKS)
    assert len(article_titles(window)) == 1
    qtbot.waitUntil(lambda: _summary_shown(window))


def test_the_refresh_timer_follows_the_preference(
    open_window: WindowFactory, paths: AppPaths
) -> None:
    write_settings(paths, Settings(refresh_minutes=15))
    window = open_window()
    timer = window.findChild(QTimer, "refreshTimer")
    assert timer is not None and timer.isActive() and timer.interval() == 15 * 60_000


def test_the_app_refreshes_soon_after_start_when_subscriptions_are_old(
    open_window: WindowFactory, courier: Newsroom, paths: AppPaths, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from desktop.ui.sections import refreshing

    monkeypatch.setattr(refreshing, "STARTUP_REFRESH_DELAY_MS", 0)
    add_source(paths, courier.url(COURIER_FEED), "Courier")  # never fetched
    window = open_window()
    qtbot.waitUntil(lambda: set(article_titles(window)) >= COURIER_TITLES, timeout=10_000)


@pytest.mark.parametrize("case", ["automatic refresh off", "refreshed a minute ago"])
def test_no_refresh_at_start_when_off_or_recent(
    open_window: WindowFactory, courier: Newsroom, paths: AppPaths, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch, case: str,
) -> None:  # fmt: skip
    from desktop.ui.sections import refreshing

    monkeypatch.setattr(refreshing, "STARTUP_REFRESH_DELAY_MS", 0)
    source = add_source(paths, courier.url(COURIER_FEED), "Courier")
    if case == "automatic refresh off":
        write_settings(paths, Settings(refresh_minutes=0))
    else:
        connection = sqlite3.connect(paths.store)
        connection.execute(
            "UPDATE sources SET last_fetched = ? WHERE id = ?", (int(time.time()) - 60, source)
        )
        connection.commit()
        connection.close()
    planned: list[bool] = []
    decide = refreshing.Refresher.start_if_due

    def heard(refresher: refreshing.Refresher, minutes: int, last: int | None) -> bool:
        planned.append(decide(refresher, minutes, last))
        return planned[-1]

    monkeypatch.setattr(refreshing.Refresher, "start_if_due", heard)
    window = open_window()
    window.finish_startup()  # where a refresh at start-up is planned (read off this thread)
    qtbot.waitUntil(lambda: planned == [False])  # so no timer will start one
    assert not _progress(window).isVisible()
    assert not COURIER_TITLES & set(article_titles(window))
