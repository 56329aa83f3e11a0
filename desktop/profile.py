"""Opening and closing a profile's store, with the sample edition in a new one; no Qt here.

Both the window (``app``) and the command line (``cli``) start here, so a new data folder gets
the same sample edition whichever is used first. A new store is a copy of the ready-made sample
store shipped under ``desktop/resources/sample/`` (``store.template``), which already holds the
edition; only where that cannot be used do the migrations create the store and the edition get
loaded.
"""

from __future__ import annotations

import logging
import sqlite3

from desktop.paths import AppPaths, resource
from desktop.store.database import OpenReport, connect, open_store, seal, transaction
from desktop.store.template import Template

log = logging.getLogger(__name__)

# PRAGMA user_version holds 1 once the sample edition was offered to this store.
SEEDED = 1
# The ready-made store, built by tools/build_sample_store.py, beside the edition it holds.
SAMPLE_STORE = ("sample", "store.sqlite3")


def open_profile(paths: AppPaths, *, defer_check: bool = False) -> OpenReport:
    """Make the profile's folders and store ready; a new store holds the sample edition. With
    ``defer_check``, a regular full check that is due is left to the caller (the window runs it
    in the background)."""
    paths.create()
    report = open_store(paths.store, paths.store_seal, sample_store(paths), defer_check=defer_check)
    connection = connect(paths.store)
    try:
        if _user_version(connection) < SEEDED:
            load_sample_edition(connection, paths)
    finally:
        connection.close()
    return report


def sample_store(paths: AppPaths) -> Template:
    """The ready-made store with the sample edition, to copy into this profile when it is new."""
    return Template(resource(*SAMPLE_STORE), resource("sample", "photos"), paths.images)


def close_profile(paths: AppPaths) -> None:
    """Record a clean close; call after every connection to the store is closed."""
    seal(paths.store, paths.store_seal)


def load_sample_edition(connection: sqlite3.Connection, paths: AppPaths) -> int:
    """Store the bundled sample edition and mark the store as seeded, in one transaction."""
    from desktop.ingest.edition import read_edition
    from desktop.store.loading import add_edition

    edition = read_edition(resource("sample"))
    with transaction(connection):
        added = add_edition(connection, edition, paths.images)
        connection.execute(f"PRAGMA user_version = {SEEDED}")
    log.info("Loaded the sample edition: %d articles", added)
    return added


def _user_version(connection: sqlite3.Connection) -> int:
    """The store's user_version, which records whether it was seeded."""
    return int(connection.execute("PRAGMA user_version").fetchone()[0])
