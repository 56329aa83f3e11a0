"""A new store copied from a ready-made one instead of created by the migrations.

``tools/build_sample_store.py`` (``make template``) builds the ready-made store from the migrations
and the sample edition: the schema at the head revision with its ``alembic_version`` row, the sample
edition loaded and ``user_version`` saying so, in one file under ``desktop/resources/sample/``.
Copying it into a new data folder is a file copy, where importing Alembic and SQLAlchemy to run the
migrations, then reading the edition and its photos, kept the first window from painting for most of
a second (docs/performance.md, "First run"). The copy, made beside the store's place, is checked
(``quick_check``, the revision), its photos are copied into the photo cache from the edition's own
files (the cache names them by their content, so the image rows say which file is which), its load
times are set to now, and only then does it take the store's name. Whatever goes wrong, the store's
place is left as it was (a photo already copied stays: the usual way writes the same file) and the
caller creates the store the usual way.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from desktop.store import schema
from desktop.store.database import connect, named, transaction
from desktop.store.errors import StoreError

log = logging.getLogger(__name__)


class TemplateError(Exception):
    """The ready-made store cannot be used as it is; the message says why."""


@dataclass(frozen=True)
class Template:
    """A ready-made store to copy into a new profile: its file, the folder holding the photos
    its image rows name (searched with its subfolders), and the profile's photo cache."""

    file: Path
    photos: Path
    images: Path

    def install(self, store: Path) -> bool:
        """Put a checked copy of the ready-made store at ``store`` (which must not exist yet or
        be empty) with its photos in the cache; False, logged, when it cannot be used or
        another start made the store meanwhile."""
        partial = store.with_name(f"{store.name}.new-{os.getpid()}")  # one per starting process
        try:
            shutil.copyfile(self.file, partial)
            self._prepare(partial)
            placed = _put_in_place(partial, store)
        except (OSError, sqlite3.Error, StoreError, TemplateError) as error:
            log.warning(
                "The ready-made store %s cannot be used (%s); creating the store with the "
                "migrations instead",
                self.file,
                error,
            )
            placed = False
        _remove(partial)
        if placed:
            log.info("Created the store %s from the ready-made store %s", store, self.file)
        return placed

    def _prepare(self, copy: Path) -> None:
        """Check the copy, fill the photo cache, stamp the load times and switch to WAL."""
        from desktop.store.loading import stamp_load_time  # see _copy_photos

        connection = connect(copy)
        try:
            _check(connection)
            self._copy_photos(connection)
            with transaction(connection):
                stamp_load_time(connection, int(time.time()))
            connection.execute("PRAGMA journal_mode = WAL")
        finally:
            connection.close()

    def _copy_photos(self, connection: sqlite3.Connection) -> None:
        """Copy every photo and thumbnail the image rows name from the photos folder into the
        cache; raise TemplateError when one of them is not there."""
        # Imported here: hashlib loads OpenSSL, which an everyday start never needs.
        import hashlib

        from desktop.store.images import cache_bytes

        wanted = {
            Path(name).stem: name
            for row in named(connection, "SELECT file, thumbnail FROM images")
            for name in (row["file"], row["thumbnail"])
            if name
        }
        for file in sorted(self.photos.rglob("*")):
            if not wanted:
                break
            if not file.is_file():
                continue
            data = file.read_bytes()
            name = wanted.pop(hashlib.sha256(data).hexdigest(), None)
            if name is not None and cache_bytes(self.images, data, Path(name).suffix) != name:
                raise TemplateError(f"the image row {name} is not named by its content")
        if wanted:
            missing = ", ".join(sorted(wanted.values()))
            raise TemplateError(f"{self.photos} has no photo for {missing}")


def _check(connection: sqlite3.Connection) -> None:
    """Raise TemplateError unless the copy is intact and at the head revision."""
    if connection.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
        raise TemplateError("it fails SQLite's quick check")
    revision = schema.current_revision(connection)
    if revision != schema.HEAD_REVISION:
        raise TemplateError(f"it is at schema {revision}, not {schema.HEAD_REVISION}")


def _put_in_place(partial: Path, store: Path) -> bool:
    """Give the prepared copy the store's name, unless another start (the window and a command
    at once) put a store there since: a hard link is made only where no file is. False when
    that store is kept."""
    try:
        if store.exists() and store.stat().st_size == 0:
            partial.replace(store)
            return True
        os.link(partial, store)
    except FileExistsError:
        log.info("Another start created the store %s meanwhile; it is kept", store)
        return False
    except OSError:  # a file system without hard links
        if store.exists():
            return False
        partial.replace(store)
    return True


def _remove(partial: Path) -> None:
    """Delete a copy that was not used, with any journal SQLite left beside it."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            partial.with_name(partial.name + suffix).unlink(missing_ok=True)
