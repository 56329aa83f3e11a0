"""The sample edition taken out of the store, or brought back from the files it ships in."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from desktop.paths import resource
from desktop.store import sample


def remove_sample(connection: sqlite3.Connection) -> int:
    """Take the sample edition out (inside the caller's transaction); return how many of its
    articles went."""
    return sample.remove(connection, int(time.time()))


def bring_back_sample(connection: sqlite3.Connection, images: Path) -> int:
    """Store the sample edition again (inside the caller's transaction): its sources come back
    and its articles are stored anew, unread; return how many articles were stored."""
    from desktop.ingest.edition import read_edition
    from desktop.store.loading import add_edition

    sample.let_back(connection)
    return add_edition(connection, read_edition(resource("sample")), images)
