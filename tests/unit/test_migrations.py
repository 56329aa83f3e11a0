"""Migrations: our head is Alembic's, derived from the revision files; the migrated schema matches
the models in every column, type and default; both ways work."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Connection, MetaData, Text, create_engine
from sqlalchemy.schema import DefaultClause

from desktop.paths import AppPaths
from desktop.store import schema
from desktop.store.database import connect
from desktop.store.models import NAMING, Base, include_object


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS))
    return config


def test_head_revision_constant_is_alembics_head() -> None:
    assert ScriptDirectory.from_config(_config()).get_heads() == [schema.HEAD_REVISION]


def test_revision_ids_are_four_digit_numbers_matching_their_files() -> None:
    for script in ScriptDirectory.from_config(_config()).walk_revisions():
        assert re.fullmatch(r"\d{4}", script.revision)
        assert Path(script.path).name.startswith(script.revision + "_")


def test_the_head_revision_is_the_highest_number_among_the_revision_files(tmp_path: Path) -> None:
    """Adding a revision file is all it takes to raise the head: nothing names it by hand."""
    versions = tmp_path / "versions"
    assert schema.newest_revision(versions) == "0000"  # an install without its migrations
    versions.mkdir()
    assert schema.newest_revision(versions) == "0000"
    for name in ("__init__.py", "0001_initial.py", "0002_feeds.py", "notes.txt", "0009_x.pyc"):
        (versions / name).write_text("")
    assert schema.newest_revision(versions) == "0002"
    (versions / "0010_subtitles.py").write_text("")
    assert schema.newest_revision(versions) == "0010"


def _differences(metadata: MetaData, store: Path) -> list[object]:
    """What Alembic's autogenerate finds between the models and a store: tables, columns,
    types, nullability, server defaults, keys, unique constraints and indexes."""
    engine = create_engine(f"sqlite:///{store}")
    try:
        with engine.connect() as connection:
            options = {
                "include_object": include_object,
                "render_as_batch": True,
                "compare_type": True,
                "compare_server_default": True,
            }
            context = MigrationContext.configure(connection, opts=options)
            return list(compare_metadata(context, metadata))
    finally:
        engine.dispose()


def test_the_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    _store_at("head", store)
    assert _differences(Base.metadata, store) == []


def test_a_model_the_revisions_do_not_make_is_found(tmp_path: Path) -> None:
    """A column without its revision, or a default the schema does not have, fails the check."""
    store = tmp_path / "store.sqlite3"
    _store_at("head", store)
    models = MetaData(naming_convention=NAMING)
    for table in Base.metadata.sorted_tables:
        table.to_metadata(models)
    models.tables["articles"].append_column(Column("in_no_revision", Text, nullable=True))
    models.tables["sources"].c.disabled.server_default = DefaultClause("1")
    found = repr(_differences(models, store))
    assert "add_column" in found and "in_no_revision" in found
    assert "modify_default" in found and "disabled" in found


def test_no_model_has_a_default_the_schema_does_not_apply() -> None:
    """Rows are written with plain SQL, which a Python-side default never reaches."""
    python_side = [
        f"{table.name}.{column.name}"
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if column.default is not None or column.onupdate is not None
    ]
    assert python_side == [], f"Make these server_default in a revision: {python_side}"


def test_downgrade_to_nothing_and_upgrade_again(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    engine = create_engine(f"sqlite:///{store}")
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        command.downgrade(config, "base")
    tables = sqlite3.connect(store).execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'alembic_version'"
    )
    assert tables.fetchall() == []
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    engine.dispose()
    assert sqlite3.connect(store).execute("SELECT version_num FROM alembic_version").fetchone() == (
        schema.HEAD_REVISION,
    )


def test_a_store_is_copied_aside_before_a_migration(paths: AppPaths) -> None:
    connection = connect(paths.store)
    try:
        backup = schema.back_up(connection, paths.store, "0000")
    finally:
        connection.close()
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT count(*) FROM articles").fetchone() == (8,)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    copy.close()


def test_an_everyday_open_does_not_import_alembic(paths: AppPaths) -> None:
    import subprocess
    import sys

    probe = (
        "import sys; from pathlib import Path; from desktop.paths import resolve;"
        "from desktop.profile import open_profile;"
        f"open_profile(resolve(Path({str(paths.data)!r})));"
        "print(sorted(m for m in ('alembic', 'sqlalchemy') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def _store_at(revision: str, store: Path) -> None:
    engine = create_engine(f"sqlite:///{store}")
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def test_a_store_of_an_older_revision_is_backed_up_and_migrated_with_its_data(
    tmp_path: Path,
) -> None:
    from desktop.domain import ALL
    from desktop.store import articles
    from desktop.store.database import open_store

    store = tmp_path / "broadsheet.sqlite3"
    _store_at("0001", store)
    old = sqlite3.connect(store)
    old.execute("PRAGMA journal_mode = WAL")
    old.execute("INSERT INTO sources (id, title, kind, created) VALUES (1, 'Old Paper', 'feed', 0)")
    old.execute(
        "INSERT INTO articles (source_id, guid, title, fetched, dated, body_html, body_text, read,"
        " bookmarked) VALUES (1, 'g1', 'Lighthouse keepers return', 0, 0, '', 'keepers', 0, 99)"
    )
    old.commit()
    old.close()
    report = open_store(store, tmp_path / "seal")
    assert report.migrated_from == "0001" and report.backup is not None
    assert sqlite3.connect(report.backup).execute("SELECT count(*) FROM articles").fetchone() == (
        1,
    )
    connection = connect(store)
    try:
        rows = articles.page(connection, ALL, search="lighthouse").rows
        assert [row.title for row in rows] == ["Lighthouse keepers return"]
        assert rows[0].bookmarked
        with connection:
            connection.execute(
                "INSERT INTO articles (source_id, guid, title, fetched, dated, body_html,"
                " body_text, read) VALUES (1, 'g2', 'Tidal mill restored', 0, 1, '', 'mill', 0)"
            )
        assert articles.page(connection, ALL, search="tidal").rows  # triggers still index
    finally:
        connection.close()


def test_downgrading_keeps_the_full_text_triggers(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    _store_at("head", store)
    engine = create_engine(f"sqlite:///{store}")
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    engine.dispose()
    triggers = sqlite3.connect(store).execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'articles_fts_%'"
    )
    assert triggers.fetchone() == (3,)


def test_every_revision_keeps_the_full_text_triggers_both_ways(tmp_path: Path) -> None:
    """A revision that rebuilds ``articles`` (batch mode does, to drop or change a column) drops
    its triggers, and search would silently stop finding new articles: each step up from 0001
    and each step down to it keeps the three."""
    store = tmp_path / "store.sqlite3"
    engine = create_engine(f"sqlite:///{store}")
    config = _config()
    scripts = ScriptDirectory.from_config(config)
    revisions = [script.revision for script in reversed(list(scripts.walk_revisions()))]
    lost = []
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        for revision in revisions:
            command.upgrade(config, revision)
            lost += [] if _fts_triggers(connection) == 3 else [f"upgrading to {revision}"]
        for revision in reversed(revisions[:-1]):
            command.downgrade(config, revision)
            lost += [] if _fts_triggers(connection) == 3 else [f"downgrading to {revision}"]
    engine.dispose()
    assert lost == [], (
        f"The full-text triggers are lost {', '.join(lost)}: put them back after the batch "
        "operation on articles, as 0002_feeds.py's downgrade does."
    )


def _fts_triggers(connection: Connection) -> int:
    """How many of the full-text index's triggers the store has."""
    return int(
        connection.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master "
            "WHERE type = 'trigger' AND name LIKE 'articles_fts_%'"
        ).scalar_one()
    )


def test_saved_page_figures_dated_by_their_file_become_undated_as_saved(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    _store_at("0003", store)
    old = sqlite3.connect(store)
    file_time, stored = 1_711_000_000, 1_790_000_000  # the file's time; the import's
    old.executemany(
        "INSERT INTO rates (provider, code, base, rate, as_of, fetched, snapshot) "
        "VALUES (?, 'EUR', 'USD', ?, ?, ?, ?)",
        [
            ("Saved page press.txt", "0.92", file_time, stored, 1),
            ("European Central Bank", "0.93", file_time, stored, 0),
            ("Sample edition snapshot", "0.91", file_time, stored, 1),
        ],
    )
    old.execute(
        "INSERT INTO quotes (provider, symbol, name, price, change, percent, currency, as_of, "
        "fetched, snapshot) VALUES ('Saved page press.txt', 'BTI', 'BTI', '34.5', '-0.87', "
        f"'-2.52', 'USD', {file_time}, {stored}, 1)"
    )
    old.commit()
    old.close()
    _store_at("head", store)
    migrated = sqlite3.connect(store)
    assert sorted(migrated.execute("SELECT provider, as_of, undated FROM rates")) == [
        ("European Central Bank", file_time, 0),
        ("Sample edition snapshot", file_time, 0),
        ("Saved page press.txt", stored, 1),
    ]
    assert migrated.execute("SELECT as_of, undated FROM quotes").fetchall() == [(stored, 1)]
    migrated.close()
