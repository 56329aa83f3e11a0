"""Whether a store may be opened as it is: its header, the clean-close seal, its pages, its journal.

A store is checked cheaply on every open (its header, the seal). The full ``PRAGMA quick_check``
reads every page, seconds for a large store, so it runs only when the file is not exactly as
Broadsheet left it at its last clean close: after a crash, or when something else changed the file
or put a ``-wal`` journal beside it. That record of the clean close is the *seal*, a small file
beside the store naming the size and time of the store and of its journal.

The check reads through a read-only connection, which never writes a journal into the store nor
deletes it: a journal of another database (whose frames SQLite would otherwise copy into the store
at the first close, shrinking it to the other database) is found before anything is changed, and
kept aside with the store it was found beside.
"""

from __future__ import annotations

import enum
import json
import logging
import os
import sqlite3
import time
from datetime import datetime
from pathlib import Path

from desktop.store.errors import StoreUnwritableError, classify

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26
JOURNALS = ("-wal", "-shm", "-journal")
CHECK_BUSY_MS = 5000
# Even a store closed cleanly is checked this often: a disk's decay changes no size nor time.
CHECK_EVERY = 7 * 24 * 3600


class Health(enum.Enum):
    """What a look at a store found."""

    SOUND = "sound"
    DAMAGED = "damaged"
    FOREIGN_JOURNAL = "foreign journal"  # sound pages, but the -wal shrinks it: another database's


def examine(path: Path, seal_file: Path, *, due_check_now: bool = True) -> Health:
    """Whether the file at ``path`` can be opened as it is; a lock or permission problem is
    raised as the store error that says so. A sealed store whose last full check is older than
    ``CHECK_EVERY`` is checked now, unless ``due_check_now`` is False (the caller checks it in
    the background)."""
    if is_empty(path):
        return Health.SOUND
    try:
        with path.open("rb") as stream:
            if stream.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return Health.DAMAGED
    except PermissionError as error:
        raise StoreUnwritableError(
            f"The store at {path} cannot be read; check its permissions."
        ) from error
    if is_sealed(path, seal_file) and (not due_check_now or not check_due(path)):
        return Health.SOUND
    return inspect(path)


def inspect(path: Path) -> Health:
    """Run ``PRAGMA quick_check`` on the store as its journal shows it, without changing either."""
    log.info("Checking the store at %s", path)
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            connection.execute(f"PRAGMA busy_timeout = {CHECK_BUSY_MS}")
            rows = connection.execute("PRAGMA quick_check").fetchall()
            pages = int(connection.execute("PRAGMA page_count").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            return Health.DAMAGED
        raise classify(error, path) from error
    if rows != [("ok",)]:
        return Health.DAMAGED
    # Broadsheet never vacuums, so its store never shrinks: a journal that does is not its own.
    if pages < _file_pages(path):
        return Health.FOREIGN_JOURNAL
    note_checked(path)
    return Health.SOUND


def note_checked(path: Path) -> None:
    """Record that the store was found sound now (a new store is too)."""
    try:
        _checked_file(path).write_text(str(int(time.time())))
    except OSError as error:
        log.info("Could not note the store's check (%s); it is checked again next time", error)


def check_due(path: Path) -> bool:
    """Whether the store's last full check is older than ``CHECK_EVERY`` (or unknown)."""
    try:
        checked = int(_checked_file(path).read_text())
    except (OSError, ValueError):
        return True
    return time.time() - checked > CHECK_EVERY


def _checked_file(path: Path) -> Path:
    """Beside the store: when it was last found sound by a full check."""
    return path.with_name(path.name + ".checked")


def is_damage(error: sqlite3.Error) -> bool:
    """Whether SQLite says the file itself is damaged or no database (not locked, not denied)."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return True
    text = str(error)
    return "malformed" in text or "not a database" in text


def is_read_only(path: Path) -> bool:
    """Whether the store's folder cannot be written (a read-only medium, mount or folder)."""
    return path.parent.is_dir() and not os.access(path.parent, os.W_OK)


def is_empty(path: Path) -> bool:
    """Whether there is no store yet (a missing or zero-length file)."""
    try:
        return path.stat().st_size == 0
    except FileNotFoundError:
        return True


def has_journal(path: Path) -> bool:
    """Whether a ``-wal`` journal with content lies beside the store."""
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except FileNotFoundError:
        return False


def seal(path: Path, seal_file: Path) -> None:
    """Record the store's and its journal's size and time after a clean close, so the next open
    can skip checks."""
    try:
        seal_file.write_text(json.dumps(_fingerprint(path)))
    except OSError as error:
        log.info("Could not seal the store (%s); the next start will check it", error)


def is_sealed(path: Path, seal_file: Path) -> bool:
    """Whether the store and its journal are byte for byte as the last clean close left them."""
    try:
        recorded = json.loads(seal_file.read_text())
        return isinstance(recorded, dict) and recorded == _fingerprint(path)
    except (OSError, ValueError):
        return False


def _fingerprint(path: Path) -> dict[str, object]:
    """Size and time of the store and of its ``-wal`` journal (None when there is none)."""
    status = path.stat()
    wal = path.with_name(path.name + "-wal")
    try:
        wal_status = wal.stat()
        journal: list[int] | None = [wal_status.st_size, wal_status.st_mtime_ns]
    except FileNotFoundError:
        journal = None
    return {"size": status.st_size, "mtime_ns": status.st_mtime_ns, "wal": journal}


def _file_pages(path: Path) -> int:
    """How many whole pages the store's file holds, by the page size its header names."""
    with path.open("rb") as stream:
        header = stream.read(100)
    size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if size == 1 else size
    return path.stat().st_size // page_size if page_size else 0


def move_aside(path: Path) -> Path:
    """Rename a damaged store and its journals with a timestamp; the bytes stay as they are."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
    for suffix in JOURNALS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    path.rename(target)
    log.warning("Moved the damaged store %s to %s", path, target)
    return target
