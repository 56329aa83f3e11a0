"""The ready-made sample store: a new profile copied from it is the store the migrations and the
sample edition make, it is up to date with both, and a missing or damaged one is not used."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, fields
from pathlib import Path

import pytest

from desktop import profile
from desktop.paths import AppPaths, resolve, resource
from desktop.profile import SAMPLE_STORE, load_sample_edition, open_profile
from desktop.store import schema
from desktop.store.database import connect, open_store
from desktop.store.template import Template
from tests.factories import scalar
from tools.build_sample_store import COMMAND, ROOT, build, fingerprint, fingerprint_file, main

# Between the sample articles' publication times, so some are dated by it (published later).
FROZEN_NOW = 1_795_500_000
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Contents:
    """Everything a store holds that a person or a later migration could tell apart."""

    schema: list[tuple[str, str, str, str | None]]
    pragmas: dict[str, object]
    rows: dict[str, list[tuple[object, ...]]]
    search: dict[str, list[int]]
    photos: dict[str, bytes]


def contents(store: Path, images: Path | None = None) -> Contents:
    """Read a store (read-only) and its photo cache."""
    with closing(sqlite3.connect(f"file:{store}?mode=ro", uri=True)) as connection:
        master = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
        tables = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        ).fetchall()
        return Contents(
            schema=sorted(master, key=repr),
            pragmas={
                name: connection.execute(f"PRAGMA {name}").fetchone()[0]
                for name in ("user_version", "journal_mode", "encoding", "auto_vacuum")
            },
            rows={
                name: sorted(connection.execute(f"SELECT * FROM {name}"), key=repr)
                for (name,) in tables
            },
            search=_search_answers(connection),
            photos=_files(images) if images is not None else {},
        )


def _search_answers(connection: sqlite3.Connection) -> dict[str, list[int]]:
    """The articles the full-text index finds for every word of every article, and for every
    two- and three-letter prefix of them (the prefix indexes)."""
    words: set[str] = set()
    for row in connection.execute("SELECT title, coalesce(byline, ''), body_text FROM articles"):
        words.update(word.lower() for text in row for word in WORD.findall(text))
    queries = {f'"{word}"' for word in words}
    queries |= {f'"{word[:length]}"*' for word in words for length in (2, 3) if len(word) > length}
    return {
        query: [
            rowid
            for (rowid,) in connection.execute(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid",
                (query,),
            )
        ]
        for query in sorted(queries)
    }


def _files(folder: Path) -> dict[str, bytes]:
    """Every file under a folder, by its path inside it."""
    return {
        file.relative_to(folder).as_posix(): file.read_bytes()
        for file in folder.rglob("*")
        if file.is_file()
    }


def _differences(one: Contents, other: Contents) -> list[str]:
    """The parts of two stores' contents that differ."""
    return [
        field.name
        for field in fields(Contents)
        if getattr(one, field.name) != getattr(other, field.name)
    ]


def _migrated_profile(folder: Path) -> AppPaths:
    """A profile made the way every profile was before the ready-made store: the migrations
    create its store, then the sample edition is loaded."""
    paths = resolve(folder)
    paths.create()
    report = open_store(paths.store, paths.store_seal)
    assert report.created and not report.from_template
    with closing(connect(paths.store)) as connection:
        load_sample_edition(connection, paths)
    return paths


def test_a_new_profile_copied_from_the_ready_made_store_equals_a_migrated_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At the same clock, a first start's copy holds what the migrations and loading the edition
    make: the same schema SQL, pragmas, rows of every table (the FTS5 shadow tables and
    alembic_version too), search answers and photo files."""
    monkeypatch.setattr(time, "time", lambda: float(FROZEN_NOW))
    copied = resolve(tmp_path / "copied")
    report = open_profile(copied)
    assert report.created and report.from_template
    migrated = _migrated_profile(tmp_path / "migrated")

    mine, theirs = contents(copied.store, copied.images), contents(migrated.store, migrated.images)
    assert mine.schema == theirs.schema
    assert (
        mine.pragmas
        == theirs.pragmas
        == {
            "user_version": profile.SEEDED,
            "journal_mode": "wal",
            "encoding": "UTF-8",
            "auto_vacuum": 0,
        }
    )
    assert mine.rows["alembic_version"] == [(schema.HEAD_REVISION,)]
    assert mine.rows == theirs.rows
    assert mine.search == theirs.search
    assert any(mine.search.values()) and len(mine.search) > 1000
    assert mine.photos == theirs.photos and len(mine.photos) == 16  # 8 photos, 8 thumbnails
    assert list(copied.data.glob("*.new*")) == []
    with closing(connect(copied.store)) as connection:  # the index agrees with the articles
        connection.execute(
            "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"
        )


def test_the_ready_made_store_is_up_to_date_with_the_migrations_and_the_sample_edition(
    tmp_path: Path,
) -> None:
    """The shipped store is what the tool builds from today's migrations and sample edition; a
    new migration or an edited sample fails here, saying which command to run."""
    shipped = resource(*SAMPLE_STORE)
    advice = _advice(shipped)
    assert shipped.is_file(), f"There is no ready-made sample store at {shipped}: {advice}."
    theirs = contents(shipped)
    revision = theirs.rows.get("alembic_version")
    assert revision == [(schema.HEAD_REVISION,)], (
        f"The ready-made sample store is at schema {revision}, the migrations at "
        f"{schema.HEAD_REVISION}: {advice}."
    )
    built = tmp_path / "store.sqlite3"
    build(built)
    stale = _differences(theirs, contents(built))
    assert not stale, (
        "The ready-made sample store differs from what the migrations and "
        f"desktop/resources/sample/ make now ({', '.join(stale)}): {advice}."
    )


def _advice(shipped: Path) -> str:
    """What to do about a stale ready-made store: the command, and the files to commit."""
    fingerprinted = fingerprint_file(shipped)
    named = " and ".join(file.relative_to(ROOT).as_posix() for file in (shipped, fingerprinted))
    return f"run `{COMMAND}` and commit {named}"


def test_the_ready_made_store_was_built_from_todays_revisions_and_sample_edition() -> None:
    """The fingerprint beside the shipped store names the revision files and sample edition it
    was built from; a new revision or an edited edition fails here with the command to run."""
    shipped = resource(*SAMPLE_STORE)
    recorded = fingerprint_file(shipped)
    assert recorded.is_file(), (
        f"The ready-made sample store has no fingerprint: {_advice(shipped)}."
    )
    assert recorded.read_text(encoding="utf-8") == fingerprint(), (
        "The ready-made sample store was built from other revision files or another sample "
        f"edition than today's: {_advice(shipped)}."
    )
    assert fingerprint().startswith(f"schema {schema.HEAD_REVISION}\n")


def test_the_store_is_built_again_only_when_its_fingerprint_differs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``make test`` runs the tool with ``--if-stale``: a store built from today's inputs is
    left alone; a missing or different fingerprint (a new revision, an edited edition) or a
    missing store builds it again, with its fingerprint."""
    store = tmp_path / "sample" / "store.sqlite3"
    store.parent.mkdir()
    assert main(["--if-stale", "--output", str(store)]) == 0
    assert "Wrote" in capsys.readouterr().out
    assert fingerprint_file(store).read_text(encoding="utf-8") == fingerprint()
    built = store.stat().st_mtime_ns
    assert main(["--if-stale", "--output", str(store)]) == 0
    assert "is up to date" in capsys.readouterr().out
    assert store.stat().st_mtime_ns == built
    fingerprint_file(store).write_text("schema 0001\ninputs sha256:0\n", encoding="utf-8")
    assert main(["--if-stale", "--output", str(store)]) == 0
    assert "Wrote" in capsys.readouterr().out
    assert fingerprint_file(store).read_text(encoding="utf-8") == fingerprint()
    assert contents(store) == contents(resource(*SAMPLE_STORE))


def test_an_everyday_start_finds_the_store_and_copies_nothing(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An existing store is opened as it is, never replaced by the ready-made one."""

    def must_not_install(self: Template, store: Path) -> bool:
        """Stands in for the copy, which must not happen."""
        raise AssertionError("an existing store was replaced")

    monkeypatch.setattr(Template, "install", must_not_install)
    report = open_profile(paths)
    assert not report.created and not report.from_template


def _missing(template: Path) -> None:
    """The install lost the ready-made store."""
    template.unlink()


def _not_a_database(template: Path) -> None:
    """Something else took the ready-made store's place."""
    template.write_bytes(b"not an SQLite store\n" * 200)


def _damaged(template: Path) -> None:
    """Some of the ready-made store's pages were overwritten (its header is intact)."""
    data = bytearray(template.read_bytes())
    data[8192:16384] = b"\x5a" * 8192
    template.write_bytes(bytes(data))


def _an_older_revision(template: Path) -> None:
    """The ready-made store is behind the migrations (it was not rebuilt)."""
    with closing(sqlite3.connect(template)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '0002'")


def _a_thumbnail_missing(template: Path) -> None:
    """A photo file the ready-made store's image rows name is not there."""
    (template.parent / "photos" / "thumbs" / "ferry.jpg").unlink()


@pytest.mark.allow_warnings
@pytest.mark.parametrize(
    "damage", [_missing, _not_a_database, _damaged, _an_older_revision, _a_thumbnail_missing]
)
def test_a_ready_made_store_that_cannot_be_used_gives_way_to_the_migrations(
    damage: Callable[[Path], None],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A damaged install still starts: the store is made the old way, as the log says, and the
    unused copy is removed."""
    install = tmp_path / "install"
    shutil.copytree(resource("sample"), install / "sample")
    damage(install / Path(*SAMPLE_STORE))
    monkeypatch.setattr("desktop.paths.RESOURCES", install)
    paths = resolve(tmp_path / "profile")
    report = open_profile(paths)
    assert report.created and not report.from_template
    assert "cannot be used" in caplog.text and "with the migrations instead" in caplog.text
    assert scalar(paths.store, "SELECT version_num FROM alembic_version") == schema.HEAD_REVISION
    assert scalar(paths.store, "SELECT count(*) FROM articles") == 8  # loaded the old way
    assert scalar(paths.store, "PRAGMA journal_mode") == "wal"
    assert list(paths.data.glob("*.new*")) == []  # the unused copy is gone


def test_a_first_start_imports_neither_alembic_nor_sqlalchemy_nor_the_photo_decoder(
    tmp_path: Path,
) -> None:
    """A first start creates its store without the libraries that made it cost a second."""
    probe = (
        "import sys; from pathlib import Path; from desktop.paths import resolve;"
        "from desktop.profile import open_profile;"
        f"report = open_profile(resolve(Path({str(tmp_path / 'new')!r})));"
        "assert report.from_template, report;"
        "print(sorted(m for m in ('alembic', 'sqlalchemy', 'PIL', 'lxml', 'babel')"
        " if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_a_store_another_start_made_meanwhile_is_kept(
    paths: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two first starts at once (the window and a command): the copy finished second does not
    replace the store the other one has opened and may already write to."""
    with closing(connect(paths.store)) as connection, connection:
        connection.execute("UPDATE articles SET read = 1")
    new = resolve(tmp_path / "new")
    prepare = Template._prepare

    def prepare_while_another_start_finishes(self: Template, copy: Path) -> None:
        """Prepare the copy, meanwhile another start puts its store in place."""
        prepare(self, copy)
        shutil.copyfile(paths.store, new.store)

    monkeypatch.setattr(Template, "_prepare", prepare_while_another_start_finishes)
    report = open_profile(new)
    assert report.created and not report.from_template
    assert scalar(new.store, "SELECT count(*) FROM articles WHERE NOT read") == 0  # theirs
    assert list(new.data.glob("*.new*")) == []
