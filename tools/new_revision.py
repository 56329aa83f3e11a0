"""Write the next schema revision from what the models say and the revisions do not yet make.

A store is migrated to the head revision in a temporary folder, Alembic's autogenerate compares it
with the typed models (``desktop/store/models.py``: tables, columns, types, defaults, keys and
indexes) and writes the difference as the next revision, numbered one above the head, in batch mode
like the others. Read what it wrote before committing it: a revision that rebuilds ``articles``
must put back the full-text triggers (see ``0002_feeds.py``), and moving data is for a person to
write. ``make revision MESSAGE="..."`` runs it::

    .venv/bin/python tools/new_revision.py "Articles: a subtitle under the title"
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import Script
from sqlalchemy import MetaData, create_engine

from desktop.store.schema import HEAD_REVISION, MIGRATIONS, newest_revision


def next_revision(versions: Path | None = None) -> str:
    """The id of the revision after the head (of ``versions`` too): one more, in four digits."""
    head = max(HEAD_REVISION, newest_revision(versions) if versions else HEAD_REVISION)
    return f"{int(head) + 1:04d}"


def _config(versions: Path | None) -> Config:
    """Alembic's configuration for the package's revisions (and those in ``versions``)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if versions is not None:
        locations = os.pathsep.join((str(MIGRATIONS / "versions"), str(versions)))
        config.set_main_option("path_separator", "os")
        config.set_main_option("version_locations", locations)
    return config


def write(
    message: str, *, metadata: MetaData | None = None, versions: Path | None = None
) -> Path | None:
    """Write the next revision with ``message`` as its first line; return its file, or None
    when the models (``metadata``: the typed models') and the revisions agree. It goes into
    the package's revisions, or into ``versions`` (read after the package's) when given."""
    config = _config(versions)
    if metadata is not None:
        config.attributes["target_metadata"] = metadata
    with tempfile.TemporaryDirectory(prefix="broadsheet-revision-") as folder:
        engine = create_engine(f"sqlite:///{Path(folder) / 'store.sqlite3'}")
        try:
            with engine.begin() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                written = command.revision(
                    config,
                    message,
                    autogenerate=True,
                    rev_id=next_revision(versions),
                    version_path=None if versions is None else str(versions),
                )
        finally:
            engine.dispose()
    if not isinstance(written, Script):
        return None
    path = Path(written.path)
    subprocess.run([sys.executable, "-m", "ruff", "format", "--quiet", str(path)], check=True)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """Write the next revision and say where it is."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("message", help="what the revision changes, as a sentence")
    arguments = parser.parse_args(argv)
    path = write(arguments.message)
    if path is None:
        print("The models and the revisions make the same schema: no revision written.")
        return 1
    print(f"Wrote {path}; read it, then run make test (it rebuilds the ready-made store).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
