"""Build the ready-made sample store that a new data folder starts from.

It is made the way a store was made before there was one: the Alembic migrations create the
schema in an empty store and the sample edition under ``desktop/resources/sample/`` is loaded into
it.
Then the times the load stamped are set to 0 (a new profile sets them to its own first start, see
``store.template``), the store leaves WAL mode (the file stands alone, with no journal beside
it) and is vacuumed, so building it again from the same sources gives the same contents. Its
photos are not copied: a new profile copies them from ``desktop/resources/sample/photos/``.

Run it from the repository root after adding a migration or editing the sample edition (a test
fails until it is run, ``tests/unit/test_sample_store.py``)::

    .venv/bin/python tools/build_sample_store.py

It writes ``desktop/resources/sample/store.sqlite3``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from desktop.paths import resolve, resource
from desktop.profile import SAMPLE_STORE, load_sample_edition
from desktop.store.database import connect, open_store, transaction
from desktop.store.loading import stamp_load_time

COMMAND = ".venv/bin/python tools/build_sample_store.py"
# The load time stored in the ready-made store, replaced by the real one when it is copied.
PLACEHOLDER_TIME = 0


def build(target: Path) -> int:
    """Build the ready-made store at ``target`` (replacing it); return its articles."""
    with tempfile.TemporaryDirectory(prefix="broadsheet-sample-") as folder:
        paths = resolve(Path(folder) / "profile")
        paths.create()
        open_store(paths.store, paths.store_seal)  # no template: the migrations create it
        connection = connect(paths.store)
        try:
            articles = load_sample_edition(connection, paths)
            with transaction(connection):
                stamp_load_time(connection, PLACEHOLDER_TIME)
            connection.execute("PRAGMA journal_mode = DELETE")
            connection.execute("VACUUM")
        finally:
            connection.close()
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(paths.store.read_bytes())
        partial.replace(target)
    return articles


def main(argv: Sequence[str] | None = None) -> int:
    """Build the store at its place under desktop/resources/ (or where ``--output`` says)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--output", type=Path, default=resource(*SAMPLE_STORE), help="where to write the store"
    )
    arguments = parser.parse_args(argv)
    articles = build(arguments.output)
    size = arguments.output.stat().st_size
    print(f"Wrote {arguments.output}: {articles} articles, {size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
