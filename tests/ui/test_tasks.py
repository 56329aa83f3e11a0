"""The task runner: long operations off the UI thread, their writes on the writer thread, their
feeds parsed in other processes, their progress and end back on the UI thread."""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from collections.abc import Iterator
from dataclasses import replace
from functools import partial

import pytest
from PySide6.QtCore import QCoreApplication
from pytest_httpserver import HTTPServer
from pytestqt.qtbot import QtBot

from desktop.domain import Progress
from desktop.operations import StoreWriter
from desktop.operations.refresh import RefreshOptions, RefreshReport, refresh
from desktop.paths import AppPaths
from desktop.store.database import transaction
from desktop.store.feeds import add_feed
from desktop.tasks import POOL_THREADS, TaskRunner
from tests.newsroom import Item, Newsroom
from tests.ui.parts import stored


def test_a_refresh_runs_off_the_ui_thread_and_parses_in_other_processes(
    qtbot: QtBot, paths: AppPaths, httpserver: HTTPServer
) -> None:
    room = Newsroom(httpserver)
    items = [Item(f"n{n}", f"Story {n}", "Summary.", content="<p>Body.</p>") for n in range(5)]
    urls = [room.publish_feed(f"/f{n}.xml", f"Paper {n}", items, etag=f"e{n}") for n in range(3)]
    runner = TaskRunner(paths.store)
    try:
        for url in urls:
            runner.write(partial(_subscribe, url=url), lambda _: None)
        threads: set[str] = set()
        report = RefreshReport()
        options = replace(RefreshOptions(photos=False), parser=runner.parser_pool())

        def operation(write: StoreWriter, cancel: threading.Event) -> Iterator[Progress]:
            threads.add(threading.current_thread().name)
            yield from refresh(write, paths.images, options, cancel, report)

        seen: list[Progress] = []
        handle = runner.start(operation)
        handle.progressed.connect(seen.append)
        with qtbot.waitSignal(handle.finished, timeout=30_000):
            pass
    finally:
        runner.shutdown()
    assert threads and threading.main_thread().name not in threads
    assert [o.new for o in report.outcomes] == [5, 5, 5]
    assert seen[-1].done == seen[-1].total
    assert stored(paths, "SELECT count(*) FROM articles WHERE title LIKE 'Story %'") == 15


def test_shutting_down_stops_a_running_operation(qtbot: QtBot, paths: AppPaths) -> None:
    runner = TaskRunner(paths.store)
    steps: list[int] = []
    started = threading.Event()

    def endless(write: StoreWriter, cancel: threading.Event) -> Iterator[Progress]:
        started.set()
        while not cancel.wait(0.01):
            steps.append(1)
            yield Progress(len(steps), 0, "working")

    runner.start(endless)
    qtbot.waitUntil(started.is_set)
    qtbot.waitUntil(lambda: len(steps) > 2)
    runner.shutdown()  # returns only once the operation has stopped
    count = len(steps)
    assert count > 0 and len(steps) == count


def _subscribe(connection: sqlite3.Connection, url: str) -> None:
    with transaction(connection):
        add_feed(connection, url, "Paper", 0)


def test_reads_dropped_at_shutdown_call_nobody_back(qtbot: QtBot, paths: AppPaths) -> None:
    runner = TaskRunner(paths.store)
    release = threading.Event()
    ran: list[object] = []
    answers: list[object] = []

    def slow(_: sqlite3.Connection) -> bool:
        ran.append(release.wait(10))
        return True

    for _ in range(POOL_THREADS):  # every worker busy...
        runner.read(slow, answers.append)
    runner.read(lambda _: "late", answers.append)  # ...so this one waits in the queue
    threading.Timer(0.1, release.set).start()
    runner.shutdown()  # drops the queued read, finishes the running ones
    assert ran == [True] * POOL_THREADS
    # Their results were posted to the UI thread before the pool's threads ended; deliver them
    # (they are dropped there):
    QCoreApplication.sendPostedEvents()
    QCoreApplication.processEvents()
    assert answers == []  # the window that asked may be gone, its widgets deleted


def test_an_operation_that_ends_at_once_is_still_heard(qtbot: QtBot, paths: AppPaths) -> None:
    runner = TaskRunner(paths.store)
    try:
        for _ in range(20):  # an empty operation ends before the caller could connect, if it ran
            ended: list[bool] = []
            operation = runner.start(_nothing)
            operation.finished.connect(partial(ended.append, True))
            qtbot.waitUntil(partial(bool, ended))
    finally:
        runner.shutdown()


def _nothing(write: StoreWriter, cancel: threading.Event) -> Iterator[Progress]:
    """An operation with nothing to do."""
    yield from ()


def _priority(_: sqlite3.Connection) -> int:
    """The scheduling priority (niceness) of the thread running this job."""
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread priority: Linux")
def test_background_threads_give_way_to_the_window(qtbot: QtBot, paths: AppPaths) -> None:
    window_priority = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    if window_priority >= 19:
        pytest.skip("the tests already run at the lowest priority")
    runner = TaskRunner(paths.store)
    try:
        with qtbot.waitCallback() as read_done:
            runner.read(_priority, read_done)
        with qtbot.waitCallback() as write_done:
            runner.write(_priority, write_done)
    finally:
        runner.shutdown()
    assert read_done.args[0] > window_priority  # a higher niceness: the lower priority
    assert write_done.args[0] > window_priority
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == window_priority
