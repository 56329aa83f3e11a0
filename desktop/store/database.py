"""Opening the store: connections with our pragmas, health checks, and moving a bad file aside.

A store is checked cheaply on every open (its header, its schema revision, a write probe). The full
``PRAGMA quick_check`` reads every page, seconds for a large store, so it runs only when the file is
not exactly as Broadsheet left it at its last clean close: after a crash, or when something else
changed the file. That record of the clean close is the *seal*, a small file beside the store.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.store import schema
from desktop.store.errors import (
    StoreUnwritableError,
    classify,
)

if TYPE_CHECKING:
    from desktop.store.template import Template

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
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

    def notice(self) -> str | None:
        """The sentence a person should read about this open, if any."""
        if self.moved_aside is None:
            return None
        return (
            f"The store at {self.path} was damaged, so it was moved to {self.moved_aside} "
            "untouched and a fresh store was created."
        )


def connect(path: Path, *, busy_ms: int = WRITER_BUSY_MS) -> sqlite3.Connection:
    """Open a connection with the store's pragmas; transactions are explicit (``transaction``)."""
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


@contextlib.contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run a block in one write transaction: committed when it ends, rolled back if it raises."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def open_store(path: Path, seal_file: Path, template: Template | None = None) -> OpenReport:
    """Make the store at ``path`` ready: check it, move a damaged one aside, create or migrate it.

    A new store is a copy of ``template`` when one is given and can be used; else (or without
    one) the migrations create it, empty. Raises a ``StoreError`` whose message a person can act
    on when the store cannot be used.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    moved_aside = None
    if _is_damaged(path, seal_file):
        moved_aside = _move_aside(path)
    seal_file.unlink(missing_ok=True)
    created = _is_empty(path)
    from_template = created and template is not None and template.install(path)
    try:
        migrated_from, backup = _bring_to_head(path)
    except sqlite3.DatabaseError as error:
        raise classify(error, path) from error
    return OpenReport(path, created, moved_aside, migrated_from, backup, from_template)


def seal(path: Path, seal_file: Path) -> None:
    """Record the store's size and time after a clean close, so the next open can skip checks."""
    try:
        status = path.stat()
        seal_file.write_text(json.dumps({"size": status.st_size, "mtime_ns": status.st_mtime_ns}))
    except OSError as error:
        log.info("Could not seal the store (%s); the next start will check it", error)


def _is_empty(path: Path) -> bool:
    """Whether there is no store yet (a missing or zero-length file)."""
    try:
        return path.stat().st_size == 0
    except FileNotFoundError:
        return True


def _is_damaged(path: Path, seal_file: Path) -> bool:
    """Whether the file at ``path`` is not a database or fails SQLite's quick check."""
    if _is_empty(path):
        return False
    try:
        with path.open("rb") as stream:
            if stream.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return True
    except PermissionError as error:
        raise StoreUnwritableError(
            f"The store at {path} cannot be read; check its permissions."
        ) from error
    if _is_sealed(path, seal_file):
        return False
    return not _passes_quick_check(path)


def _is_sealed(path: Path, seal_file: Path) -> bool:
    """Whether the store is byte for byte as the last clean close left it."""
    try:
        recorded = json.loads(seal_file.read_text())
        status = path.stat()
    except (OSError, ValueError):
        return False
    return isinstance(recorded, dict) and recorded == {
        "size": status.st_size,
        "mtime_ns": status.st_mtime_ns,
    }


def _passes_quick_check(path: Path) -> bool:
    """Run ``PRAGMA quick_check``; a lock or permission problem is raised, not called damage."""
    log.info("Checking the store at %s", path)
    try:
        connection = connect(path)
    except sqlite3.DatabaseError as error:
        raise classify(error, path) from error
    try:
        rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.OperationalError as error:
        if "malformed" in str(error) or "not a database" in str(error):
            return False
        raise classify(error, path) from error
    except sqlite3.DatabaseError:
        return False
    finally:
        connection.close()
    return rows == [("ok",)]


def _move_aside(path: Path) -> Path:
    """Rename a damaged store and its journals with a timestamp; the bytes stay as they are."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
    for suffix in ("-wal", "-shm", "-journal"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    path.rename(target)
    log.warning("Moved the damaged store %s to %s", path, target)
    return target


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
    schema.upgrade(path)
    return revision, backup


def _probe_writable(connection: sqlite3.Connection) -> None:
    """Write and roll back, so a locked or read-only store is found at open, not at a bookmark."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        connection.execute(f"PRAGMA user_version = {version}")
    finally:
        connection.execute("ROLLBACK")
