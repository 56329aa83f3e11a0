"""Work off the UI thread: the only module that starts threads.

One contract for all background work:

- Every write runs in one transaction that the writer opens. ``Runner.write`` and the
  ``StoreWriter`` that operations write through both hand the job to the one writer thread (SQLite
  has one writer), which wraps it in ``transaction``: committed when the job returns, rolled back
  when it raises. A job never begins or commits a transaction itself.
- Quick reads (``Runner.read``) have a small pool of their own, each job with a read-only
  connection; long work never runs there, so a read asked during a refresh answers at once.
- Long work (a refresh, an import, a market refresh, looking for a feed to subscribe to) runs as
  an ``Operation`` on a thread of its own: a generator of ``desktop.operations`` that checks its
  cancel event between steps, with fetches that watch the same event and let go of their
  connections when it is set.
- ``shutdown`` cancels long work and waits for it a bounded time (a thread still stuck in a call
  that cannot be interrupted, a name look-up say, is left behind: it is a daemon and cannot keep
  the process alive), finishes every queued write, drops queued reads and closes the connections.

Results and errors come back on the UI thread through queued signals: to the callbacks given with
a job, or as the signals of an ``Operation``. Tests that want everything to happen at once use
``InlineRunner``.
"""

from __future__ import annotations

import itertools
import logging
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from desktop.domain import Progress
from desktop.operations import StoreWriter, direct_writer
from desktop.store.database import connect, connect_reader

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

log = logging.getLogger(__name__)

T = TypeVar("T")
Job = Callable[[sqlite3.Connection], T]
Done = Callable[[T], None]
Failed = Callable[[BaseException], None]
OperationFactory = Callable[[StoreWriter, threading.Event], Iterator[Progress]]
READ_THREADS = 2
# How long closing waits for cancelled long work to reach its next step. Work that honours its
# cancel event stops well within it; a thread stuck past it is left behind (a daemon thread).
LONG_WORK_GRACE_SECONDS = 5.0
PARSERS = max(1, min(4, os.cpu_count() or 1))
# How much lower than the UI thread the background threads (and the parser processes they start)
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
        """Run ``job`` on the writer in one transaction: committed if it returns, else undone."""

    def read(self, job: Job[T], done: Done[T], failed: Failed | None = None) -> None:
        """Run a quick read with a read-only connection; long work never delays it."""

    def start(self, factory: OperationFactory) -> Operation:
        """Start a long, cancellable operation; follow it through the returned object's
        signals."""

    def parser_pool(self) -> Executor | None:
        """Processes for CPU-bound parsing (feeds), so it never holds the UI thread's GIL."""

    def shutdown(self) -> None:
        """Cancel long work, finish every queued write, drop queued reads, close connections;
        return within a bounded time."""


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
    """Runs writes on one writer thread, quick reads on a pool of their own and each long
    operation on a thread of its own; see the module docstring."""

    def __init__(self, store: Path) -> None:
        self._store = store
        self._relay = _Relay(lambda: self._shut)
        self._writer_connection = _WriterConnection(store)
        self._shut = False
        self._held: set[Operation] = set()
        self._long_work: dict[Operation, threading.Thread] = {}
        self._long_work_lock = threading.Lock()  # the dict changes on the threads it lists
        self._numbers = itertools.count(1)
        self._parsers: ProcessPoolExecutor | None = None
        self._writer = ThreadPoolExecutor(
            1, thread_name_prefix="store-writer", initializer=run_behind_the_window
        )
        self._readers = ThreadPoolExecutor(
            READ_THREADS, thread_name_prefix="quick-read", initializer=run_behind_the_window
        )

    def write(self, job: Job[T], done: Done[T], failed: Failed | None = None) -> None:
        """Queue a write, run in one transaction; ``done`` runs on the UI thread after it
        committed, ``failed`` after it was rolled back."""
        if self._shut:
            log.error("A write was asked for after the store was closed; it was not made")
            return
        self._submit(self._writer, lambda: self._in_transaction(job), done, failed)

    def read(self, job: Job[T], done: Done[T], failed: Failed | None = None) -> None:
        """Queue a quick read on the readers' pool, with a connection of its own (none once shut
        down: a window that closed has nothing left to show)."""
        if self._shut:
            return
        self._submit(self._readers, lambda: self._read_once(job), done, failed)

    def start(self, factory: OperationFactory) -> Operation:
        """Run a long operation on a thread of its own, its writes on the writer thread. It
        begins on the next turn of the event loop, once the caller has connected to its signals:
        a signal emitted from the thread before anyone listens would be lost."""
        operation = Operation()
        if self._shut:
            operation.cancel()
            return operation
        self._held.add(operation)  # kept until its end is heard on this thread
        operation.finished.connect(lambda: self._held.discard(operation))
        operation.failed.connect(lambda _: self._held.discard(operation))
        QTimer.singleShot(0, operation, lambda: self._begin(operation, factory))
        return operation

    def _begin(self, operation: Operation, factory: OperationFactory) -> None:
        if self._shut:  # closed before it began: it ends at once, having done nothing
            operation.finished.emit()
            return
        thread = threading.Thread(
            target=self._run_long,
            args=(operation, factory),
            name=f"long-work-{next(self._numbers)}",
            daemon=True,  # one stuck past the grace at closing must not keep the process alive
        )
        with self._long_work_lock:
            self._long_work[operation] = thread
        thread.start()

    def _run_long(self, operation: Operation, factory: OperationFactory) -> None:
        run_behind_the_window()
        try:
            operation.run(factory, self._write_and_wait)
        finally:
            with self._long_work_lock:
                self._long_work.pop(operation, None)

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
        """Cancel long work and give it ``LONG_WORK_GRACE_SECONDS`` to stop, drop queued reads
        (those running finish), finish queued writes (a bookmark is never dropped), close all."""
        self._shut = True
        self._readers.shutdown(wait=False, cancel_futures=True)
        self._stop_long_work()
        if self._parsers is not None:
            self._parsers.shutdown(wait=False, cancel_futures=True)
        self._readers.shutdown(wait=True)
        self._writer.submit(self._writer_connection.close).result()
        self._writer.shutdown(wait=True)

    def _stop_long_work(self) -> None:
        """Cancel every running operation and wait, for a bounded time, until their threads end."""
        with self._long_work_lock:
            running = dict(self._long_work)
        for operation in running:
            operation.cancel()
        deadline = time.monotonic() + LONG_WORK_GRACE_SECONDS
        for thread in running.values():
            thread.join(max(0.0, deadline - time.monotonic()))
        stuck = [thread.name for thread in running.values() if thread.is_alive()]
        if stuck:
            log.warning("Long work did not stop when asked and was left behind: %s", stuck)

    def _write_and_wait(self, job: Job[T]) -> T:
        """A ``StoreWriter`` for operations: the job runs in one transaction on the writer
        thread, and the calling thread waits for it."""
        return self._writer.submit(self._in_transaction, job).result()

    def _in_transaction(self, job: Job[T]) -> T:
        """Run a job on the writer's connection in one transaction: the only way a write runs."""
        return direct_writer(self._writer_connection.get())(job)

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
        """Run the job now in one transaction and call back at once."""
        self._run(lambda connection: direct_writer(connection)(job), done, failed)

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
