"""The task runner: long operations off the UI thread, cancellable, their writes on the writer
thread in one transaction each, their feeds parsed in other processes, their progress and end
back on the UI thread; quick reads never wait behind them; closing returns even when a look-up
hangs."""

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

from desktop import tasks
from desktop.domain import Progress
from desktop.net.fetch import Limits
from desktop.operations import StoreWriter
from desktop.operations import subscribe as subscribing
from desktop.operations.refresh import RefreshOptions, RefreshReport, refresh
from desktop.operations.subscribe import Subscription, look_up_and_subscribe
from desktop.paths import AppPaths
from desktop.store.feeds import add_feed
from desktop.tasks import READ_THREADS, Operation, TaskRunner
from tests.newsroom import Item, Newsroom
from tests.silent_server import SilentServer
from tests.ui.parts import stored

HOUR_LONG = Limits(connect_timeout=3600, total_timeout=3600)  # a look-up that would hang


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
    add_feed(connection, url, "Paper", 0)


def test_reads_dropped_at_shutdown_call_nobody_back(qtbot: QtBot, paths: AppPaths) -> None:
    runner = TaskRunner(paths.store)
    release = threading.Event()
    ran: list[object] = []
    answers: list[object] = []

    def slow(_: sqlite3.Connection) -> bool:
        ran.append(release.wait(10))
        return True

    for _ in range(READ_THREADS):  # every worker busy...
        runner.read(slow, answers.append)
    runner.read(lambda _: "late", answers.append)  # ...so this one waits in the queue
    threading.Timer(0.1, release.set).start()
    runner.shutdown()  # drops the queued read, finishes the running ones
    assert ran == [True] * READ_THREADS
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
        long_work: list[int] = []

        def note(write: StoreWriter, cancel: threading.Event) -> Iterator[Progress]:
            long_work.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
            yield from ()

        with qtbot.waitSignal(runner.start(note).finished):
            pass  # it begins once the event loop turns
    finally:
        runner.shutdown()
    assert read_done.args[0] > window_priority  # a higher niceness: the lower priority
    assert write_done.args[0] > window_priority
    assert long_work[0] > window_priority
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == window_priority


def test_a_read_answers_while_long_work_runs(qtbot: QtBot, paths: AppPaths) -> None:
    runner = TaskRunner(paths.store)
    release = threading.Event()
    holding: list[int] = []

    def hold(write: StoreWriter, cancel: threading.Event) -> Iterator[Progress]:
        holding.append(1)
        while not (release.is_set() or cancel.is_set()):
            release.wait(0.01)
            yield Progress(0, 1, "holding")

    try:
        operations = [runner.start(hold) for _ in range(4)]  # more than any pool of old
        qtbot.waitUntil(lambda: len(holding) == 4)
        with qtbot.waitCallback() as answered:
            runner.read(lambda c: c.execute("SELECT count(*) FROM sources").fetchone()[0], answered)
        assert not release.is_set()  # answered while all four still held on
        with qtbot.waitSignals([operation.finished for operation in operations]):
            release.set()
    finally:
        release.set()
        runner.shutdown()
    assert answered.args == [stored(paths, "SELECT count(*) FROM sources")]


def test_a_write_that_fails_leaves_nothing_half_written(qtbot: QtBot, paths: AppPaths) -> None:
    runner = TaskRunner(paths.store)
    before = int(stored(paths, "SELECT count(*) FROM sources"))  # type: ignore[call-overload]

    def half(connection: sqlite3.Connection) -> None:
        add_feed(connection, "https://first.example/feed", "First", 0)
        add_feed(connection, "https://first.example/feed", "Again", 0)  # already there: raises

    try:
        with qtbot.waitCallback() as refused:
            runner.write(half, lambda _: None, refused)
        with qtbot.waitCallback() as written:  # the writer goes on, on a clean connection
            runner.write(partial(_subscribe, url="https://second.example/feed"), written)
    finally:
        runner.shutdown()
    assert refused.args and isinstance(refused.args[0], Exception)
    assert stored(paths, "SELECT count(*) FROM sources WHERE url LIKE '%first%'") == 0
    assert stored(paths, "SELECT count(*) FROM sources") == before + 1


@pytest.mark.allow_warnings  # the runner logs the operation's failure
def test_an_operation_whose_write_fails_keeps_its_earlier_writes_only(
    qtbot: QtBot, paths: AppPaths
) -> None:
    runner = TaskRunner(paths.store)

    def two_writes(write: StoreWriter, cancel: threading.Event) -> Iterator[Progress]:
        write(partial(_subscribe, url="https://kept.example/feed"))
        yield Progress(1, 2, "one")
        write(partial(_half_written, url="https://dropped.example/feed"))
        yield Progress(2, 2, "two")

    try:
        operation = runner.start(two_writes)
        with qtbot.waitSignal(operation.failed):
            pass
    finally:
        runner.shutdown()
    assert stored(paths, "SELECT count(*) FROM sources WHERE url LIKE '%kept%'") == 1
    assert stored(paths, "SELECT count(*) FROM sources WHERE url LIKE '%dropped%'") == 0


def _half_written(connection: sqlite3.Connection, url: str) -> None:
    """Add a source, then fail."""
    add_feed(connection, url, "Paper", 0)
    raise ValueError("the second half failed")


def _look_up(runner: TaskRunner, server: SilentServer) -> tuple[Operation, Subscription]:
    outcome = Subscription()
    address = server.url("/feed.xml")
    operation = runner.start(
        lambda write, cancel: look_up_and_subscribe(write, cancel, address, None, outcome)
    )
    return operation, outcome


def test_cancelling_a_look_up_lets_go_of_the_silent_server(
    qtbot: QtBot, paths: AppPaths, silent_site: SilentServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(subscribing, "LOOKUP_LIMITS", HOUR_LONG)
    runner = TaskRunner(paths.store)
    try:
        operation, outcome = _look_up(runner, silent_site)
        qtbot.waitUntil(lambda: silent_site.requests == ["/feed.xml"])
        with qtbot.waitSignal(operation.finished, timeout=30_000):
            operation.cancel()
        qtbot.waitUntil(lambda: silent_site.hung_up == ["/feed.xml"])
    finally:
        runner.shutdown()
    assert outcome == Subscription()  # nothing found, nothing said, nothing subscribed
    assert stored(paths, "SELECT count(*) FROM sources WHERE url LIKE '%127.0.0.1%'") == 0


def _shut_down_in_the_background(runner: TaskRunner) -> threading.Thread:
    """Close the runner on another thread, so a shutdown that hangs cannot hang the test."""
    closing = threading.Thread(target=runner.shutdown, daemon=True)
    closing.start()
    closing.join(60)  # generous: a shutdown that works returns at once
    return closing


def test_closing_returns_while_a_look_up_waits_on_a_silent_server(
    qtbot: QtBot, paths: AppPaths, silent_site: SilentServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(subscribing, "LOOKUP_LIMITS", HOUR_LONG)
    runner = TaskRunner(paths.store)
    with qtbot.waitCallback() as written:
        runner.write(partial(_subscribe, url="https://queued.example/feed"), written)
    _look_up(runner, silent_site)
    qtbot.waitUntil(lambda: silent_site.requests == ["/feed.xml"])
    runner.write(partial(_subscribe, url="https://last.example/feed"), lambda _: None)
    assert not _shut_down_in_the_background(runner).is_alive()
    assert silent_site.hung_up == ["/feed.xml"]  # the look-up was cancelled, not waited for
    assert stored(paths, "SELECT count(*) FROM sources WHERE url LIKE '%last.example%'") == 1


@pytest.mark.allow_warnings
def test_closing_leaves_behind_work_that_ignores_its_cancel(
    qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tasks, "LONG_WORK_GRACE_SECONDS", 0.1)
    runner = TaskRunner(paths.store)
    stuck, started = threading.Event(), threading.Event()

    def deaf(write: StoreWriter, cancel: threading.Event) -> Iterator[Progress]:
        started.set()
        stuck.wait(60)  # a call that cannot be interrupted, such as a name look-up
        yield from ()

    try:
        runner.start(deaf)
        qtbot.waitUntil(started.is_set)
        assert not _shut_down_in_the_background(runner).is_alive()
        assert not stuck.is_set()  # it returned while the work was still stuck
    finally:
        stuck.set()
