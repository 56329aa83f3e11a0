"""Build the ready-made sample store that a new data folder starts from.

It is made the way a store was made before there was one: the Alembic migrations create the
schema in an empty store and the sample edition under ``desktop/resources/sample/`` is loaded into
it.
Then the times the load stamped are set to 0 (a new profile sets them to its own first start, see
``store.template``), the store leaves WAL mode (the file stands alone, with no journal beside
it) and is vacuumed, so building it again from the same sources gives the same contents. Its
photos are not copied: a new profile copies them from ``desktop/resources/sample/photos/``.

Beside the store it writes its *fingerprint*: the schema revision and a hash of the files it is
built from (the revision files and the sample edition), so a store that is stale is known without
building another. ``make template`` runs it; ``make test`` runs it with ``--if-stale`` first,
which builds only when the fingerprint differs. A test fails, saying to run ``make template``,
when the committed store is stale (``tests/unit/test_sample_store.py``), and also when a change
elsewhere (say, to how articles are loaded) makes it differ from a store built now.

It writes ``desktop/resources/sample/store.sqlite3`` and ``store.fingerprint`` beside it.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from desktop.paths import resolve, resource
from desktop.profile import SAMPLE_STORE, load_sample_edition
from desktop.store.database import connect, open_store, transaction
from desktop.store.loading import stamp_load_time
from desktop.store.schema import HEAD_REVISION, MIGRATIONS

COMMAND = "make template"
ROOT = Path(__file__).resolve().parents[1]
FINGERPRINT = "store.fingerprint"
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


def fingerprint() -> str:
    """The schema revision and a hash of what the store is built from: the revision files and
    the sample edition's files (the store and its fingerprint aside), by their repository paths."""
    sample = resource(*SAMPLE_STORE).parent
    inputs = sorted(MIGRATIONS.glob("versions/*.py")) + sorted(
        file
        for file in sample.rglob("*")
        if file.is_file() and file.name not in (SAMPLE_STORE[-1], FINGERPRINT)
    )
    digest = hashlib.sha256()
    for file in inputs:
        name = file.resolve().relative_to(ROOT).as_posix()
        digest.update(f"{name}\0{file.stat().st_size}\0".encode())
        digest.update(file.read_bytes())
    return f"schema {HEAD_REVISION}\ninputs sha256:{digest.hexdigest()}\n"


def fingerprint_file(store: Path) -> Path:
    """Where the fingerprint of the store at ``store`` is recorded: beside it."""
    return store.with_name(FINGERPRINT)


def is_stale(store: Path) -> bool:
    """Whether the store is missing or was built from other inputs than today's."""
    try:
        recorded = fingerprint_file(store).read_text(encoding="utf-8")
    except OSError:
        return True
    return not store.is_file() or recorded != fingerprint()


def main(argv: Sequence[str] | None = None) -> int:
    """Build the store at its place under desktop/resources/ (or where ``--output`` says)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--output", type=Path, default=resource(*SAMPLE_STORE), help="where to write the store"
    )
    parser.add_argument(
        "--if-stale", action="store_true", help="build only when its fingerprint differs"
    )
    arguments = parser.parse_args(argv)
    store: Path = arguments.output
    if arguments.if_stale and not is_stale(store):
        print(f"The ready-made sample store {store} is up to date.")
        return 0
    articles = build(store)
    fingerprint_file(store).write_text(fingerprint(), encoding="utf-8")
    print(
        f"Wrote {store}: {articles} articles, {store.stat().st_size:,} bytes, and its fingerprint"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
