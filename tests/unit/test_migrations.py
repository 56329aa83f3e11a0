"""Migrations: Alembic's head is ours, the migrated schema matches the models, both ways work."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from desktop.paths import AppPaths
from desktop.store import schema
from desktop.store.database import connect
from desktop.store.models import Base, include_object


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


def test_the_migrated_schema_matches_the_models(paths: AppPaths) -> None:
    engine = create_engine(f"sqlite:///{paths.store}")
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": include_object, "render_as_batch": True}
        )
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


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
