"""Long operations that compose fetching and storing, as generators of ``Progress``; no Qt.

The command line runs them directly; ``desktop.tasks`` runs them off the UI thread and relays their
progress. Every write goes through a ``StoreWriter``, a function that runs a job in one
transaction on the store's single writer (the writer thread in the app, the caller in the CLI).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Protocol, TypeVar

from desktop.store.database import transaction

T = TypeVar("T")


class StoreWriter(Protocol):
    """Runs a job with a connection, in one transaction, and returns its result."""

    def __call__(self, job: Callable[[sqlite3.Connection], T]) -> T: ...


def direct_writer(connection: sqlite3.Connection) -> StoreWriter:
    """A writer that runs each job at once on the caller's thread and connection."""

    def write(job: Callable[[sqlite3.Connection], T]) -> T:
        with transaction(connection):
            return job(connection)

    return write
