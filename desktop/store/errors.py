"""The store's errors: each one's message is a plain sentence a person can act on."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path


class StoreError(Exception):
    """A store that cannot be used; ``str()`` is one plain sentence for a person."""


class StoreLockedError(StoreError):
    """Another writer (Broadsheet's window, a command, or another program) holds the lock."""


class StoreUnwritableError(StoreError):
    """The store or its folder cannot be written."""


class StoreTooNewError(StoreError):
    """The store was written by a newer Broadsheet whose schema this one does not know."""


class MigrationError(StoreError):
    """The store could not be brought up to date; it was left as it was."""


SQLITE_IOERR = 10
SQLITE_FULL = 13
ENOSPC = 28
LEAST_ROOM = 1 << 20  # an I/O error with less room than this on the store's disk: it is full


def is_disk_full(error: BaseException) -> bool:
    """Whether an SQLite or file error (or the one it was raised from) says the disk is full."""
    current: BaseException | None = error
    while current is not None:
        if getattr(current, "errno", None) == ENOSPC:
            return True
        code = getattr(current, "sqlite_errorcode", None)
        if code == SQLITE_FULL or "disk is full" in str(current):
            return True
        current = getattr(current, "orig", None) or current.__cause__
    return False


def reason(error: BaseException) -> str:
    """Why a write failed, as a phrase for a sentence: the disk is full, or SQLite's words."""
    if is_disk_full(error):
        return "the disk is full"
    original = getattr(error, "orig", None) or error
    return getattr(original, "strerror", None) or str(original).splitlines()[0]


def no_room(error: BaseException, folder: Path) -> bool:
    """Whether a failure came from a full disk: said so, or an I/O error where no room is left
    (SQLite reports a wal-index it cannot grow as an I/O error)."""
    if is_disk_full(error):
        return True
    code = getattr(error, "sqlite_errorcode", None)
    if code is None or code & 0xFF != SQLITE_IOERR:
        return False
    try:
        return shutil.disk_usage(folder).free < LEAST_ROOM
    except OSError:
        return False


def classify(error: sqlite3.Error, path: Path) -> StoreError:
    """Turn an SQLite error into the store error a person can act on."""
    text = str(error).lower()
    if no_room(error, path.parent):
        return StoreUnwritableError(
            f"The store at {path} cannot be written: the disk is full; make room and try again."
        )
    if "locked" in text or "busy" in text:
        return StoreLockedError(
            f"The store at {path} is busy: another Broadsheet window or command, or another "
            "program, is writing to it; try again when it has finished."
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StoreUnwritableError(
            f"The store at {path} cannot be written; check that you may write to {path.parent}."
        )
    return StoreError(f"The store at {path} could not be used ({error}).")
