"""A migration interrupted at any step (a revision failing, a full disk): the store is as it was."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, event

from desktop.store import schema
from desktop.store.database import open_store
from desktop.store.errors import MigrationError
from tests.faults import fill, small_disk
from tests.unit.test_migrations import _store_at

pytestmark = pytest.mark.allow_warnings  # each failure is logged, as it should be

REVISIONS = ["0002", "0003", "0004", "0005", "0006"]


def _old_store(store: Path, body: str = "keepers") -> None:
    """A store at the first revision holding one source and one article."""
    _store_at("0001", store)
    old = sqlite3.connect(store)
    old.execute("PRAGMA journal_mode = WAL")
    old.execute("INSERT INTO sources (id, title, kind, created) VALUES (1, 'Old Paper', 'feed', 0)")
    old.execute(
        "INSERT INTO articles (source_id, guid, title, fetched, dated, body_html, body_text, read,"
        " bookmarked) VALUES (1, 'g1', 'Lighthouse keepers return', 0, 0, '', ?, 0, 99)",
        (body,),
    )
    old.commit()
    old.close()


def _schema(store: Path) -> list[tuple[str, str]]:
    """Every object of the store's schema with its SQL, and its revision."""
    connection = sqlite3.connect(store)
    try:
        rows = connection.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.OperationalError:
        revision = []
    finally:
        connection.close()
    return [*rows, ("revision", str(revision))]


@pytest.fixture
def failing_at() -> Iterator[list[str]]:
    """Make the migration fail at the first statement containing the text put in this list."""
    wanted: list[str] = []

    def fail(connection: object, cursor: object, statement: str, *args: object) -> None:
        if wanted and wanted[0] in statement:
            raise sqlite3.OperationalError("database or disk is full")

    event.listen(Engine, "before_cursor_execute", fail)
    yield wanted
    event.remove(Engine, "before_cursor_execute", fail)


@pytest.mark.parametrize("revision", REVISIONS)
def test_a_revision_failing_as_it_is_stamped_leaves_the_store_as_it_was(
    tmp_path: Path, failing_at: list[str], revision: str
) -> None:
    store = tmp_path / "broadsheet.sqlite3"
    _old_store(store)
    before = _schema(store)
    failing_at.append(f"version_num='{revision}'")
    with pytest.raises(MigrationError) as raised:
        open_store(store, tmp_path / "seal")
    message = str(raised.value)
    assert "the disk is full" in message and "left as it was" in message
    backup = store.with_name(f"{store.name}.before-{schema.HEAD_REVISION}-from-0001")
    assert f"a copy from before is at {backup}" in message and "\n" not in message
    assert _schema(store) == before
    failing_at.clear()
    report = open_store(store, tmp_path / "seal")  # room again: the next start migrates
    assert report.migrated_from == "0001"
    bookmarked = sqlite3.connect(store).execute("SELECT title, bookmarked FROM articles")
    assert bookmarked.fetchall() == [("Lighthouse keepers return", 99)]


@pytest.mark.parametrize(
    "statement",
    ["CREATE TABLE images", "CREATE VIRTUAL TABLE", "version_num='0003'", "ix_article_images"],
)
def test_a_first_run_failing_midway_leaves_no_half_made_store(
    tmp_path: Path, failing_at: list[str], statement: str
) -> None:
    store = tmp_path / "broadsheet.sqlite3"
    failing_at.append(statement)
    with pytest.raises(MigrationError, match="could not be brought up to date"):
        open_store(store, tmp_path / "seal")
    assert [name for name, _ in _schema(store) if name != "revision"] == []
    failing_at.clear()
    open_store(store, tmp_path / "seal")
    assert _schema(store)[-1] == ("revision", str([(schema.HEAD_REVISION,)]))


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on a 4 MB file system of its own."""
    with small_disk(tmp_path / "small") as folder:
        yield folder


@pytest.mark.parametrize(
    ("spare_pages", "said"),
    [(0, "could not be copied aside"), (16, "a copy from before is at")],  # the copy, or the work
)
def test_a_full_disk_during_an_upgrade_leaves_the_store_as_it_was(
    disk: Path, spare_pages: int, said: str
) -> None:
    store = disk / "broadsheet.sqlite3"
    _old_store(store, body=os.urandom(100_000).hex())
    before = _schema(store)
    fill(disk, store.stat().st_size + spare_pages * 4096)
    with pytest.raises(MigrationError, match="the disk is full") as raised:
        open_store(store, disk / "seal")
    assert said in str(raised.value) and "left as it was" in str(raised.value)
    assert _schema(store) == before
    check = sqlite3.connect(store)
    assert check.execute("PRAGMA quick_check").fetchone() == ("ok",)
    assert check.execute("SELECT length(body_text) FROM articles").fetchone() == (200_000,)
    check.close()
    backups = [str(copy) for copy in disk.glob("*.before-*[0-9]")]
    assert backups == ([] if spare_pages == 0 else [str(raised.value).split(" is at ")[1][:-1]])
