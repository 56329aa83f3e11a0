"""Opening the store: connections with our pragmas, rows read by name, and a store made ready.

Before it is opened, a store is examined (``health``): a damaged one is moved aside with its
journals and a fresh one made; one whose journal belongs to another database is moved aside with
that journal and opened again as it was last saved. Then its schema is brought to our revision.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.store import schema
from desktop.store.errors import StoreUnwritableError, classify
from desktop.store.health import (
    Health,
    check_due,
    examine,
    has_journal,
    inspect,
    is_empty,
    is_read_only,
    move_aside,
    note_checked,
    seal,
)

__all__ = [
    "OpenReport",
    "connect",
    "connect_reader",
    "named",
    "open_store",
    "seal",
    "transaction",
]

if TYPE_CHECKING:
    from desktop.store.template import Template

log = logging.getLogger(__name__)

WRITER_BUSY_MS = 5000
READER_BUSY_MS = 250


@dataclass(frozen=True)
class OpenReport:
    """What opening the store did: created it (from the ready-made store or by the migrations),
    moved a damaged one aside, migrated it."""

    path: Path
    created: bool = False
    moved_aside: Path | None = None
    migrated_from: str | None = None
    backup: Path | None = None
    from_template: bool = False
    kept_as_saved: bool = False
    read_only: bool = False
    check_due: bool = False  # its regular full check is to run (in the background)

    def notice(self) -> str | None:
        """The sentence a person should read about this open, if any."""
        if self.read_only:
            return (
                f"Broadsheet may not write to {self.path.parent}, so it shows what the store "
                "holds but cannot keep changes or fetch news."
            )
        if self.moved_aside is None:
            return None
        if self.kept_as_saved:
            return (
                f"The store at {self.path} had a journal that did not belong to it, so both were "
                f"kept at {self.moved_aside} and the store was opened as it was last saved."
            )
        return (
            f"The store at {self.path} was damaged, so it was moved to {self.moved_aside} "
            "untouched and a fresh store was created."
        )


def connect(path: Path, *, busy_ms: int = WRITER_BUSY_MS) -> sqlite3.Connection:
    """Open a connection with the store's pragmas; transactions are explicit (``transaction``).

    In a folder no one may write (a read-only medium or mount), SQLite cannot make the files it
    reads a store through, so the store is opened as unchanging: it reads, and every write says
    the store is read-only."""
    if is_read_only(path):
        target = f"{path.as_uri()}?mode=ro&immutable=1"
        connection = sqlite3.connect(target, uri=True, isolation_level=None)
    else:
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=True)
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def connect_reader(path: Path) -> sqlite3.Connection:
    """A connection for the window's reads: it refuses writes and never waits long for a lock."""
    connection = connect(path, busy_ms=READER_BUSY_MS)
    connection.execute("PRAGMA query_only = ON")
    return connection


def named(
    connection: sqlite3.Connection, sql: str, params: Sequence[object] = ()
) -> sqlite3.Cursor:
    """Run a query whose rows are read by column name (``row["title"]``), never by position, so
    a column added to a table or a query shifts nothing."""
    cursor = connection.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, params)


@contextlib.contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run a block in one write transaction: committed when it ends, rolled back if it raises.

    Within a transaction already open (a job the task runner's writer runs in one), the block is
    a savepoint of it: undone alone if it raises, committed only with the transaction around it.
    """
    if connection.in_transaction:
        with _savepoint(connection):
            yield connection
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


@contextlib.contextmanager
def _savepoint(connection: sqlite3.Connection) -> Iterator[None]:
    """A savepoint of the open transaction: released when the block ends, undone if it raises."""
    connection.execute("SAVEPOINT nested")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK TO nested")
        connection.execute("RELEASE nested")
        raise
    connection.execute("RELEASE nested")


def open_store(
    path: Path, seal_file: Path, template: Template | None = None, *, defer_check: bool = False
) -> OpenReport:
    """Make the store at ``path`` ready: check it, move a damaged one aside, create or migrate it.

    A new store is a copy of ``template`` when one is given and can be used; else (or without
    one) the migrations create it, empty. Raises a ``StoreError`` whose message a person can act
    on when the store cannot be used. With ``defer_check``, the regular full check of a store
    closed cleanly is left to the caller (``OpenReport.check_due``).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if is_read_only(path):
        return _open_read_only(path)
    moved_aside, kept = _set_aside_if_unsound(path, seal_file, defer_check)
    seal_file.unlink(missing_ok=True)
    created = is_empty(path)
    from_template = created and template is not None and template.install(path)
    try:
        migrated_from, backup = _bring_to_head(path)
    except sqlite3.DatabaseError as error:
        raise classify(error, path) from error
    if created:
        note_checked(path)
    due = defer_check and check_due(path)
    return OpenReport(
        path, created, moved_aside, migrated_from, backup, from_template, kept, False, due
    )


def _open_read_only(path: Path) -> OpenReport:
    """A store in a folder that cannot be written: read as it is, if it is at our revision."""
    unwritable = StoreUnwritableError(
        f"The store at {path} cannot be written; check that you may write to {path.parent}."
    )
    if is_empty(path):
        raise unwritable
    connection = connect(path)
    try:
        revision = schema.current_revision(connection)
    except sqlite3.DatabaseError as error:
        raise classify(error, path) from error
    finally:
        connection.close()
    if revision != schema.HEAD_REVISION:
        schema.refuse_unknown(revision, path)
        raise unwritable
    log.warning("The folder of the store %s cannot be written; opened it read-only", path)
    return OpenReport(path, read_only=True)


def _set_aside_if_unsound(
    path: Path, seal_file: Path, defer_check: bool
) -> tuple[Path | None, bool]:
    """Move a damaged store, or one with another database's journal, aside with its journals;
    put back a copy of the store alone when it is sound as last saved. Returns where the files
    went and whether that copy is the store now."""
    health = examine(path, seal_file, due_check_now=not defer_check)
    if health is Health.SOUND:
        return None, False
    with_journal = has_journal(path)
    target = move_aside(path)
    if not with_journal:
        return target, False
    shutil.copyfile(target, path)
    if inspect(path) is Health.SOUND:
        log.warning("Opened the store %s as last saved, without its journal", path)
        return target, True
    path.unlink()
    return target, False


def _bring_to_head(path: Path) -> tuple[str | None, Path | None]:
    """Create or migrate the schema; return the revision migrated from and the backup made."""
    connection = connect(path)
    try:
        _probe_writable(connection)
        revision = schema.current_revision(connection)
        if revision == schema.HEAD_REVISION:
            return None, None
        schema.refuse_unknown(revision, path)
        if revision is None:
            connection.execute("PRAGMA journal_mode = WAL")
            backup = None
        else:
            backup = schema.back_up(connection, path, revision)
    finally:
        connection.close()
    schema.upgrade(path, backup)
    return revision, backup


def _probe_writable(connection: sqlite3.Connection) -> None:
    """Write and roll back, so a locked or read-only store is found at open, not at a bookmark."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        connection.execute(f"PRAGMA user_version = {version}")
    finally:
        connection.execute("ROLLBACK")
