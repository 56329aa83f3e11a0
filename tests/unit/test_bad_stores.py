"""Bad stores: damaged files are moved aside untouched, locked or read-only ones are explained."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.paths import AppPaths, resolve
from desktop.profile import close_profile, open_profile
from desktop.store import database, health
from desktop.store.errors import (
    StoreError,
    StoreLockedError,
    StoreTooNewError,
    StoreUnwritableError,
)
from tests.factories import scalar
from tests.locks import exclusive_lock


def _damage_pages(store: Path) -> None:
    """Overwrite the middle of a store with junk, keeping its header valid."""
    data = bytearray(store.read_bytes())
    page = 4096
    for offset in range(2 * page, min(len(data), 6 * page)):
        data[offset] = 0x5A
    store.write_bytes(bytes(data))


@pytest.mark.allow_warnings
def test_a_file_that_is_no_database_is_moved_aside_untouched(tmp_path: Path) -> None:
    paths = resolve(tmp_path / "profile")
    paths.data.mkdir(parents=True)
    junk = b"these are not the bytes of an SQLite database\n" * 100
    paths.store.write_bytes(junk)
    report = open_profile(paths)
    assert report.moved_aside is not None and report.moved_aside.read_bytes() == junk
    assert report.moved_aside.parent == paths.data
    assert "damaged" in report.moved_aside.name
    notice = report.notice()
    assert notice is not None and str(report.moved_aside) in notice and "fresh store" in notice
    assert report.from_template  # a copy of the ready-made store, as in a new data folder
    assert scalar(paths.store, "SELECT count(*) FROM articles") == 8  # the sample edition again


@pytest.mark.allow_warnings
def test_a_store_failing_quick_check_is_moved_aside(paths: AppPaths) -> None:
    paths.store_seal.unlink()
    _damage_pages(paths.store)
    damaged = paths.store.read_bytes()
    report = open_profile(paths)
    assert report.moved_aside is not None
    assert report.moved_aside.read_bytes() == damaged
    assert scalar(paths.store, "PRAGMA quick_check") == "ok"


def test_a_sealed_store_skips_the_full_check(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[Path] = []

    def quick_check(path: Path) -> health.Health:
        checked.append(path)
        return health.Health.SOUND

    monkeypatch.setattr(health, "inspect", quick_check)
    open_profile(paths)
    assert checked == []
    close_profile(paths)
    paths.store.touch()  # changed behind our back: the next open checks
    open_profile(paths)
    assert checked == [paths.store]


def test_an_unclean_close_leaves_no_seal(paths: AppPaths) -> None:
    open_profile(paths)
    assert not paths.store_seal.exists()
    close_profile(paths)
    assert paths.store_seal.exists()


@pytest.fixture
def locked_store(paths: AppPaths) -> Iterator[AppPaths]:
    with exclusive_lock(paths.store):
        yield paths


def test_a_locked_store_is_explained(
    locked_store: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "WRITER_BUSY_MS", 100)
    with pytest.raises(StoreLockedError, match="another Broadsheet window or command, or another"):
        open_profile(locked_store)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_folder_opens_its_store_read_only(paths: AppPaths) -> None:
    paths.data.chmod(0o555)
    try:
        report = open_profile(paths)
        assert report.read_only and "cannot keep changes" in (report.notice() or "")
    finally:
        paths.data.chmod(0o755)


def test_a_read_only_store_is_explained(paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root ignores file modes, so make SQLite open the file read-only the way a mode would.
    real_connect = sqlite3.connect

    def read_only(path: Path, **kwargs: Any) -> sqlite3.Connection:
        connection: sqlite3.Connection = real_connect(f"file:{path}?mode=ro", uri=True, **kwargs)
        return connection

    monkeypatch.setattr(sqlite3, "connect", read_only)
    with pytest.raises(StoreUnwritableError, match="cannot be written"):
        database.open_store(paths.store, paths.store_seal)


def test_a_store_from_a_newer_broadsheet_is_refused(paths: AppPaths) -> None:
    connection = sqlite3.connect(paths.store)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    with pytest.raises(StoreTooNewError, match="newer Broadsheet"):
        open_profile(paths)


def test_another_programs_database_is_left_alone(tmp_path: Path) -> None:
    paths = resolve(tmp_path / "profile")
    paths.data.mkdir(parents=True)
    foreign = sqlite3.connect(paths.store)
    foreign.execute("CREATE TABLE recipes (name TEXT)")
    foreign.commit()
    foreign.close()
    with pytest.raises(StoreError, match="another program"):
        open_profile(paths)
    assert scalar(paths.store, "SELECT count(*) FROM sqlite_master WHERE name = 'recipes'") == 1


def test_a_folder_sqlite_cannot_open_files_in_is_explained(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    def cannot_open(*args: object, **kwargs: object) -> sqlite3.Connection:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(sqlite3, "connect", cannot_open)
    with pytest.raises(StoreUnwritableError, match=f"check that you may write to {paths.data}"):
        database.open_store(paths.store, paths.store_seal)


@pytest.mark.allow_warnings
@pytest.mark.parametrize("cut", [0.0003, 0.003, 0.0125, 0.025, 0.5, 0.98])
def test_a_truncated_store_is_moved_aside_with_its_journals(paths: AppPaths, cut: float) -> None:
    size = paths.store.stat().st_size
    with paths.store.open("r+b") as stream:
        stream.truncate(max(1, int(size * cut)))
    paths.store.with_name(paths.store.name + "-wal").write_bytes(b"left by a crash")
    paths.store_seal.unlink()
    truncated = paths.store.read_bytes()
    report = open_profile(paths)
    assert report.moved_aside is not None and report.moved_aside.read_bytes() == truncated
    aside_wal = report.moved_aside.with_name(report.moved_aside.name + "-wal")
    assert aside_wal.read_bytes() == b"left by a crash"
    assert scalar(paths.store, "PRAGMA quick_check") == "ok"
    assert scalar(paths.store, "SELECT count(*) FROM articles") == 8


CRASHING_WRITER = """
import os, sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA journal_mode = WAL")
connection.execute("CREATE TABLE notes (text TEXT)")
connection.execute("INSERT INTO notes VALUES ('not a newspaper')")
os._exit(0)  # killed: the journal stays, with every page of this small database
"""


def _foreign_journal(folder: Path) -> bytes:
    """The -wal journal another program's database left when it was killed."""
    other = folder / "other.sqlite3"
    subprocess.run([sys.executable, "-c", CRASHING_WRITER, str(other)], check=True)
    return other.with_name(other.name + "-wal").read_bytes()


@pytest.mark.allow_warnings
@pytest.mark.parametrize("sealed", [True, False])
def test_a_journal_of_another_database_is_kept_aside_and_the_store_kept(
    paths: AppPaths, tmp_path: Path, sealed: bool
) -> None:
    if not sealed:
        paths.store_seal.unlink()
    store = paths.store.read_bytes()
    journal = _foreign_journal(tmp_path)
    paths.store.with_name(paths.store.name + "-wal").write_bytes(journal)
    report = open_profile(paths)
    assert report.moved_aside is not None
    assert report.moved_aside.read_bytes() == store
    assert report.moved_aside.with_name(report.moved_aside.name + "-wal").read_bytes() == journal
    notice = report.notice()
    assert notice is not None and "journal that did not belong to it" in notice
    assert str(report.moved_aside) in notice
    assert scalar(paths.store, "SELECT count(*) FROM articles") == 8
    assert paths.store.stat().st_size >= len(store)


def test_a_journal_left_by_a_crash_is_the_stores_own(paths: AppPaths) -> None:
    code = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "c.execute('UPDATE articles SET read = 1')\n"
        "os._exit(0)\n"
    )
    open_profile(paths)
    subprocess.run([sys.executable, "-c", code, str(paths.store)], check=True)
    assert paths.store.with_name(paths.store.name + "-wal").stat().st_size > 0
    report = open_profile(paths)
    assert report.moved_aside is None
    assert scalar(paths.store, "SELECT count(*) FROM articles WHERE read = 1") == 8
