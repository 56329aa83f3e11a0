"""The store's errors: each one's message is a plain sentence a person can act on."""

from __future__ import annotations

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


def classify(error: sqlite3.Error, path: Path) -> StoreError:
    """Turn an SQLite error into the store error a person can act on."""
    text = str(error).lower()
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
