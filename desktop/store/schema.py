"""The schema revision: read without SQLAlchemy, upgraded with Alembic only when it is behind.

Revision ids are four-digit numbers (``0001``, ``0002`` ...), so a store's revision can be compared
with ours without loading Alembic; a test checks that ``HEAD_REVISION`` is Alembic's head.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from desktop.store.errors import StoreError, StoreTooNewError

log = logging.getLogger(__name__)

HEAD_REVISION = "0005"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def current_revision(connection: sqlite3.Connection) -> str | None:
    """Return the store's revision, or None for a store without a schema yet."""
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError as error:
        if "no such table" in str(error):
            _refuse_foreign(connection)
            return None
        raise
    return None if row is None else str(row[0])


def refuse_unknown(revision: str | None, path: Path) -> None:
    """Raise when the store's revision is newer than this version of Broadsheet knows."""
    if revision is not None and (not revision.isdigit() or int(revision) > int(HEAD_REVISION)):
        raise StoreTooNewError(
            f"The store at {path} was written by a newer Broadsheet (schema {revision}); "
            "update Broadsheet to open it."
        )


def back_up(connection: sqlite3.Connection, path: Path, revision: str) -> Path:
    """Copy the store aside, consistently even with a WAL, before migrating it."""
    target = path.with_name(f"{path.name}.before-{HEAD_REVISION}-from-{revision}")
    with sqlite3.connect(target) as copy:
        connection.backup(copy)
    copy.close()
    log.info("Backed up the store to %s before migrating", target)
    return target


def upgrade(path: Path) -> None:
    """Run the Alembic migrations up to head on the store at ``path``."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    finally:
        engine.dispose()
    log.info("Store %s is at schema %s", path, HEAD_REVISION)


def _refuse_foreign(connection: sqlite3.Connection) -> None:
    """A database with tables but no revision is someone else's: do not write into it."""
    tables = connection.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchone()[0]
    if tables:
        raise StoreError(
            "The file at the store's place is a database of another program; "
            "move it away or choose another data folder."
        )
