"""Work off the UI thread: the only module that starts threads.

Two executors: one thread for every write to the store (SQLite has one writer, and a bookmark must
never wait behind a download) and a small pool for reads that take long and, later, network work.
Each thread opens its own connection to the store when it first needs one and closes it when the
runner shuts down. Results and errors come back on the UI thread, through a queued signal, to the
callbacks given with the job. Tests that want everything to happen at once use ``InlineRunner``.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot

from desktop.store.database import connect, connect_reader

log = logging.getLogger(__name__)

T = TypeVar("T")
Job = Callable[[sqlite3.Connection], T]
Done = Callable[[T], None]
Failed = Callable[[BaseException], None]
POOL_THREADS = 3


class Runner(Protocol):
    """What the window needs from a task runner."""

    def write(self, job: Job[T], done: Done[T], failed: Failed | None = None) -> None:
        """Run ``job`` with a write connection; it commits what it does itself."""

    def read(self, job: Job[T], done: Done[T], failed: Failed | None = None) -> None:
        """Run a slow read with a read-only connection."""

    def shutdown(self) -> None:
        """Finish every queued write, drop queued reads, close connections."""


class _Relay(QObject):
    """Carries a finished future back to the UI thread.

    Signals:
        finished(object): a (future, done, failed) triple, emitted from a worker thread.
    """

    finished = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _on_finished(self, payload: tuple[Future[Any], Done[Any], Failed | None]) -> None:
        future, done, failed = payload
        error = future.exception()
        if error is None:
            done(future.result())
        elif failed is not None:
            failed(error)
        else:
            log.error("A background task failed", exc_info=error)


class _WriterConnection:
    """The writer thread's connection, opened on its first job and closed by its last."""

    def __init__(self, store: Path) -> None:
        self._store = store
        self._connection: sqlite3.Connection | None = None

    def get(self) -> sqlite3.Connection:
        """The connection; call only on the writer thread."""
        if self._connection is None:
            self._connection = connect(self._store)
        return self._connection

    def close(self) -> None:
        """Close the connection; call only on the writer thread."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None


class TaskRunner:
    """Runs store jobs on a writer thread and a small pool; see the module docstring."""

    def __init__(self, store: Path) -> None:
        self._store = store
        self._relay = _Relay()
        self._writer_connection = _WriterConnection(store)
        self._shut = False
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="store-writer")
        self._pool = ThreadPoolExecutor(POOL_THREADS, thread_name_prefix="worker")

    def write(self, job: Job[T], done: Done[T], failed: Failed | None = None) -> None:
        """Queue a write; ``done`` runs on the UI thread after it committed."""
        if self._shut:
            log.error("A write was asked for after the store was closed; it was not made")
            return
        self._submit(self._writer, lambda: job(self._writer_connection.get()), done, failed)

    def read(self, job: Job[T], done: Done[T], failed: Failed | None = None) -> None:
        """Queue a slow read on the pool, with a connection of its own (none once shut down:
        a window that closed has nothing left to show)."""
        if self._shut:
            return
        self._submit(self._pool, lambda: self._read_once(job), done, failed)

    def shutdown(self) -> None:
        """Finish queued writes (a bookmark is never dropped), cancel queued reads, close all."""
        self._shut = True
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._writer.submit(self._writer_connection.close).result()
        self._writer.shutdown(wait=True)

    def _read_once(self, job: Job[T]) -> T:
        connection = connect_reader(self._store)
        try:
            return job(connection)
        finally:
            connection.close()

    def _submit(
        self,
        executor: ThreadPoolExecutor,
        call: Callable[[], T],
        done: Done[T],
        failed: Failed | None,
    ) -> None:
        future = executor.submit(call)
        future.add_done_callback(
            lambda finished: self._relay.finished.emit((finished, done, failed))
        )


class InlineRunner:
    """Runs each job at once on the calling thread, with one connection; for tests."""

    def __init__(self, store: Path) -> None:
        self._connection = connect(store)

    def write(self, job: Job[T], done: Done[T], failed: Failed | None = None) -> None:
        """Run the job now and call back at once."""
        self._run(job, done, failed)

    def read(self, job: Job[T], done: Done[T], failed: Failed | None = None) -> None:
        """Run the job now and call back at once."""
        self._run(job, done, failed)

    def shutdown(self) -> None:
        """Close the connection."""
        self._connection.close()

    def _run(self, job: Job[T], done: Done[T], failed: Failed | None) -> None:
        try:
            result = job(self._connection)
        except Exception as error:
            if failed is None:
                raise
            failed(error)
            return
        done(result)
