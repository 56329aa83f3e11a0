"""The schema revision: read without SQLAlchemy, upgraded with Alembic only when it is behind.

Revision ids are four-digit numbers that begin their files' names (``0001_initial.py`` ...), so
our revision is the highest number among the files, read without loading Alembic, and a store's
revision is compared with it as a number; a test checks that it is Alembic's head.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection

from desktop.store.errors import MigrationError, StoreError, StoreTooNewError, reason

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_REVISION_FILE = re.compile(r"(\d{4})_\w+\.py")


def newest_revision(versions: Path) -> str:
    """The highest revision id among the revision files in ``versions``; "0000" when there are
    none (an install without its migrations, which the self-test reports)."""
    try:
        names = [file.name for file in versions.iterdir()]
    except OSError:
        return "0000"
    found = (_REVISION_FILE.fullmatch(name) for name in names)
    return max((match.group(1) for match in found if match), default="0000")


HEAD_REVISION = newest_revision(MIGRATIONS / "versions")


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
    """Copy the store aside, consistently even with a WAL, before migrating it; a copy that could
    not be finished is removed and the store left as it was."""
    target = path.with_name(f"{path.name}.before-{HEAD_REVISION}-from-{revision}")
    try:
        copy = sqlite3.connect(target)
        try:
            connection.backup(copy)
        finally:
            copy.close()
    except (sqlite3.Error, OSError) as error:
        target.unlink(missing_ok=True)
        raise MigrationError(
            f"The store at {path} could not be copied aside before bringing it up to date "
            f"({reason(error)}); it was left as it was."
        ) from error
    log.info("Backed up the store to %s before migrating", target)
    return target


def upgrade(path: Path, backup: Path | None) -> None:
    """Run the Alembic migrations up to head on the store at ``path``, all in one transaction:
    they complete, or the store is left as it was (SQLite's schema changes are transactional)."""
    try:
        _upgrade_in_one_transaction(path)
    except Exception as error:  # whatever a revision raised: the transaction was rolled back
        log.exception("Could not migrate the store %s", path)
        copy = f", and a copy from before is at {backup}" if backup else ""
        raise MigrationError(
            f"The store at {path} could not be brought up to date ({reason(error)}); "
            f"it was left as it was{copy}."
        ) from error
    log.info("Store %s is at schema %s", path, HEAD_REVISION)


def _upgrade_in_one_transaction(path: Path) -> None:
    """Alembic's upgrade to head inside one ``BEGIN IMMEDIATE`` ... ``COMMIT``.

    Python's sqlite3 module would commit before each schema change on its own, leaving a store
    half migrated when one fails; with its transaction handling off, SQLAlchemy's begin is ours.
    """
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, event

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, record: object) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    finally:
        engine.dispose()


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
