"""Adding a column: a line in the models, then ``tools/new_revision.py`` writes the revision that
makes it, numbered after the head, and a store migrated through it has the column and its default;
with nothing to add, no revision is written."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from alembic import command
from sqlalchemy import Column, Integer, MetaData, Text, create_engine

from desktop.store import schema
from desktop.store.models import NAMING, Base
from tools import new_revision


def _models_with_subtitles() -> MetaData:
    """The typed models and two columns more: an article's subtitle, a source's priority."""
    models = MetaData(naming_convention=NAMING)
    for table in Base.metadata.sorted_tables:
        table.to_metadata(models)
    models.tables["articles"].append_column(Column("example_subtitle", Text, nullable=True))
    priority = Column("example_priority", Integer, nullable=False, server_default="0")
    models.tables["sources"].append_column(priority)
    return models


def test_a_column_in_the_models_becomes_the_next_revision(tmp_path: Path) -> None:
    versions = tmp_path / "versions"
    versions.mkdir()
    written = new_revision.write(
        "Articles: a subtitle", metadata=_models_with_subtitles(), versions=versions
    )
    assert written is not None and written.parent == versions
    following = f"{int(schema.HEAD_REVISION) + 1:04d}"
    assert written.name == f"{following}_articles_a_subtitle.py"
    assert schema.newest_revision(versions) == following
    text = written.read_text()
    assert f'down_revision: str | None = "{schema.HEAD_REVISION}"' in text
    assert "batch_alter_table" in text and 'drop_column("example_subtitle")' in text

    store = tmp_path / "store.sqlite3"
    engine = create_engine(f"sqlite:///{store}")
    config = new_revision._config(versions)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    engine.dispose()
    with closing(sqlite3.connect(store)) as connection:
        connection.execute("INSERT INTO sources (title, kind, created) VALUES ('Paper', 'feed', 0)")
        assert connection.execute("SELECT example_priority FROM sources").fetchone() == (0,)
        columns = [row[1] for row in connection.execute("PRAGMA table_info(articles)")]
        assert columns[-1] == "example_subtitle"
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            following,
        )


def test_no_revision_is_written_when_the_models_and_the_revisions_agree(
    tmp_path: Path,
) -> None:
    versions = tmp_path / "versions"
    versions.mkdir()
    assert new_revision.write("Nothing", versions=versions) is None
    assert list(versions.iterdir()) == []
    assert new_revision.main(["Nothing"]) == 1
    assert schema.newest_revision(schema.MIGRATIONS / "versions") == schema.HEAD_REVISION
