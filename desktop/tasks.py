"""Work off the UI thread: the only module that starts threads.

Two executors: one thread for every write to the store (SQLite has one writer, and a bookmark must
never wait behind a download) and a small pool for slow reads and long operations such as a
refresh. The writer thread keeps one connection; a pool job opens its own. Results and errors come
back on the UI thread through queued signals: to the callbacks given with a job, or as the signals
of an ``Operation``. Long operations are the generators of ``desktop.operations``: they run on the
pool, write through the writer thread, and stop when cancelled. Tests that want everything to
happen at once use ``InlineRunner``.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from desktop.domain import Progress
from desktop.operations import StoreWriter, direct_writer
from desktop.store.database import connect, connect_reader, transaction

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

log = logging.getLogger(__name__)

T = TypeVar("T")
Job = Callable[[sqlite3.Connection], T]
Done = Callable[[T], None]
Failed = Callable[[BaseException], None]
OperationFactory = Callable[[StoreWriter, threading.Event], Iterator[Progress]]
POOL_THREADS = 3
PARSERS = max(1, min(4, os.cpu_count() or 1))
# How much lower than the UI thread the worker threads (and the parser processes they start)
# run. On a machine with few cores a refresh keeps every core busy storing and parsing; at the
# same priority the UI thread then waits tens of milliseconds for a core whenever it wakes.
BACKGROUND_NICENESS = 10


class Operation(QObject):
    """A long operation running off the UI thread; its signals arrive on the UI thread.

    Signals:
        progressed(object): how far it has come, a ``Progress``.
        finished(): it ran to its end, or stopped early after ``cancel``.
        failed(object): the exception that ended it.
    """

    progressed = Signal(object)
    finished = Signal()
    failed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.cancel_event = threading.Event()

    def cancel(self) -> None:
        """Ask the operation to stop at its next step."""
        self.cancel_event.set()

    def run(self, factory: OperationFactory, write: StoreWriter) -> None:
        """Run the operation to its end on the calling thread, reporting through the signals."""
        try:
            for progress in factory(write, self.cancel_event):
                self.progressed.emit(progress)
        except Exception as error:
            log.error("An operation failed", exc_info=error)
            self.failed.emit(error)
            return
        self.finished.emit()


class Runner(Protocol):
    """What the window needs from a task runner."""

    def write(self, job: Job[T], done: Done[T], failed: Failed | None = None) -> None:
        """Run ``job`` with a write connection; it commits what it does itself."""

    def read(self, job: Job[T], done: Done[T], failed: Failed | None = None) -> None:
        """Run a slow read with a read-only connection."""

    def start(self, factory: OperationFactory) -> Operation:
        """Start a long operation; follow it through the returned object's signals."""

    def parser_pool(self) -> Executor | None:
        """Processes for CPU-bound parsing (feeds), so it never holds the UI thread's GIL."""

    def shutdown(self) -> None:
        """Finish every queued write, drop queued reads, close connections."""


class _Relay(QObject):
    """Carries a finished future back to the UI thread.

    Signals:
        finished(object): a (future, done, failed) triple, emitted from a worker thread.
    """

    finished = Signal(object)

    def __init__(self, closed: Callable[[], bool]) -> None:
        super().__init__()
        self._closed = closed
        self.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _on_finished(self, payload: tuple[Future[Any], Done[Any], Failed | None]) -> None:
        future, done, failed = payload
        if future.cancelled():  # a queued read dropped at shutdown: nobody waits for it
            return
        error = future.exception()
        if self._closed():
            # The window that asked has closed, and its widgets may be gone: what was written
            # is committed, and there is nobody left to show it to.
            if error is not None:
                log.error("A background task failed as the store closed", exc_info=error)
            return
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
        self._relay = _Relay(lambda: self._shut)
        self._writer_connection = _WriterConnection(store)
        self._shut = False
        self._operations: set[Operation] = set()
        self._parsers: ProcessPoolExecutor | None = None
        self._writer = ThreadPoolExecutor(
            1, thread_name_prefix="store-writer", initializer=run_behind_the_window
        )
        self._pool = ThreadPoolExecutor(
            POOL_THREADS, thread_name_prefix="worker", initializer=run_behind_the_window
        )

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

    def start(self, factory: OperationFactory) -> Operation:
        """Run a long operation on the pool, its writes on the writer thread. It begins on the
        next turn of the event loop, once the caller has connected to its signals: a signal
        emitted from the pool before anyone listens would be lost."""
        operation = Operation()
        if self._shut:
            operation.cancel()
            return operation
        self._operations.add(operation)
        operation.finished.connect(lambda: self._operations.discard(operation))
        operation.failed.connect(lambda _: self._operations.discard(operation))
        QTimer.singleShot(0, operation, lambda: self._begin(operation, factory))
        return operation

    def _begin(self, operation: Operation, factory: OperationFactory) -> None:
        if self._shut:  # closed before it began: it ends at once, having done nothing
            operation.finished.emit()
            return
        self._pool.submit(operation.run, factory, self._write_and_wait)

    def parser_pool(self) -> Executor | None:
        """A pool of processes for parsing, made on first use. Its processes come from a fork
        server, never forked from this process with its Qt threads."""
        if self._parsers is None and not self._shut:
            import multiprocessing  # only when a refresh needs it: not on the way to the window
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context(
                "forkserver" if sys.platform.startswith("linux") else "spawn"
            )
            from desktop.operations.entries import start_parser_process

            self._parsers = ProcessPoolExecutor(
                PARSERS, mp_context=context, initializer=start_parser_process
            )
        return self._parsers

    def shutdown(self) -> None:
        """Finish queued writes (a bookmark is never dropped), stop running operations at their
        next step, cancel queued reads, close all."""
        self._shut = True
        for operation in list(self._operations):
            operation.cancel()
        self._pool.shutdown(wait=True, cancel_futures=True)  # operations end at their next step
        if self._parsers is not None:
            self._parsers.shutdown(wait=False, cancel_futures=True)
        self._writer.submit(self._writer_connection.close).result()
        self._writer.shutdown(wait=True)

    def _write_and_wait(self, job: Job[T]) -> T:
        """A ``StoreWriter`` for operations: the job runs in one transaction on the writer
        thread, and the calling pool thread waits for it."""
        return self._writer.submit(self._in_transaction, job).result()

    def _in_transaction(self, job: Job[T]) -> T:
        connection = self._writer_connection.get()
        with transaction(connection):
            return job(connection)

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


def run_behind_the_window() -> None:
    """Lower the calling worker thread's priority below the UI thread's, so the scheduler gives
    the window a core first. Only on Linux, where the priority is the thread's own (elsewhere it
    would be the whole process's, the window's too); processes it starts inherit it."""
    if not sys.platform.startswith("linux"):
        return
    thread = threading.get_native_id()
    try:
        current = os.getpriority(os.PRIO_PROCESS, thread)
        os.setpriority(os.PRIO_PROCESS, thread, min(19, current + BACKGROUND_NICENESS))
    except OSError as error:
        log.info("Could not lower a worker thread's priority (%s)", error)


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

    def start(self, factory: OperationFactory) -> Operation:
        """Run the operation on this thread as soon as the caller has connected its signals."""
        operation = Operation()
        QTimer.singleShot(0, lambda: operation.run(factory, direct_writer(self._connection)))
        return operation

    def parser_pool(self) -> Executor | None:
        """None: parse on this thread."""
        return None

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
