"""Opening and closing a profile's store, with the sample edition in a new one; no Qt here.

Both the window (``app``) and the command line (``cli``) start here, so a new data folder gets
the same sample edition whichever is used first.
"""

from __future__ import annotations

import logging
import sqlite3

from desktop.domain import MarketSnapshot
from desktop.paths import AppPaths, resource
from desktop.store.database import OpenReport, connect, open_store, seal, transaction

log = logging.getLogger(__name__)

# PRAGMA user_version holds 1 once the sample edition was offered to this store.
SEEDED = 1


def open_profile(paths: AppPaths) -> OpenReport:
    """Make the profile's folders and store ready, loading the sample edition into a new store."""
    paths.create()
    report = open_store(paths.store, paths.store_seal)
    connection = connect(paths.store)
    try:
        if _user_version(connection) < SEEDED:
            load_sample_edition(connection, paths)
    finally:
        connection.close()
    return report


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
    if edition.market is not None:
        _remember_currency_names(edition.market, paths)
    return added


def _remember_currency_names(snapshot: MarketSnapshot, paths: AppPaths) -> None:
    """Look the snapshot's currency names up now, on a first run that loads babel anyway for
    nothing else, so that everyday starts read them from the profile's small cache."""
    from desktop.market import names

    names.remember_names_in(paths.currency_names)
    for code in {rate.code for rate in snapshot.rates} | {rate.base for rate in snapshot.rates}:
        names.currency_name(code)
    names.save_remembered_names()


def _user_version(connection: sqlite3.Connection) -> int:
    """The store's user_version, which records whether it was seeded."""
    return int(connection.execute("PRAGMA user_version").fetchone()[0])
