"""``make soak``: Broadsheet's commands killed with SIGKILL at random moments, then checked.

Against a loopback news site and market providers, each round runs one command of a profile
(a refresh with photos or without, a bookmark, a market refresh) or migrates a copy of a store of
the first schema, and kills it after a random delay. After each kill the store must open without
being set aside, pass SQLite's integrity check, hold every bookmark a command said it made and at
least as many articles as before. At the end, refreshes left to run to their end must leave no
work undone. It prints the counts and exits 1 when anything was corrupt or lost::

    .venv/bin/python -m tests.soak.run --kills 200
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.benchmarks.market_server import running as market_running
from tests.commands import ROOT
from tests.soak.news_site import NewsSite
from tests.soak.news_site import running as site_running

OLD_ARTICLES = 3000
COMMAND_TIMEOUT = 300


@dataclass
class Counts:
    """What the soak found."""

    kills: int = 0
    corrupt: int = 0
    lost_bookmarks: int = 0
    lost_articles: int = 0
    failed_migrations: int = 0
    unfinished: int = 0
    by_action: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def bad(self) -> bool:
        """Whether anything was corrupt, lost or left undone."""
        return bool(
            self.corrupt + self.lost_bookmarks + self.lost_articles + self.failed_migrations
            + self.unfinished
        )  # fmt: skip


@dataclass
class Soak:
    """One soak run: its folders, servers' environment, and what it knows must be there."""

    folder: Path
    site: NewsSite
    env: dict[str, str]
    rng: random.Random
    counts: Counts = field(default_factory=Counts)
    bookmarks: set[int] = field(default_factory=set)
    articles: int = 0

    @property
    def profile(self) -> Path:
        """The data folder most rounds work on."""
        return self.folder / "profile"

    def command(self, data: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
        """Run a command to its end."""
        return subprocess.run(
            [sys.executable, "-m", "desktop", "--data-dir", str(data), *arguments],
            capture_output=True, text=True, env=self.env, cwd=ROOT, timeout=COMMAND_TIMEOUT,
            check=False,
        )  # fmt: skip

    def killed(self, data: Path, arguments: list[str], most: float) -> str:
        """Run a command, SIGKILL it after a random delay of up to ``most`` seconds; return what
        it printed before it died (or ended)."""
        child = subprocess.Popen(
            [sys.executable, "-m", "desktop", "--data-dir", str(data), *arguments],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=self.env, cwd=ROOT,
        )  # fmt: skip
        try:
            child.wait(self.rng.uniform(0.05, most))
        except subprocess.TimeoutExpired:
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
        assert child.stdout is not None
        with child.stdout:
            return child.stdout.read()


def main(argv: list[str] | None = None) -> int:
    """Run the soak; print the counts; exit 1 when anything was corrupt or lost."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20, help="how many commands to kill")
    parser.add_argument("--seed", type=int, default=None, help="the random seed (to repeat a run)")
    arguments = parser.parse_args(argv)
    seed = arguments.seed if arguments.seed is not None else random.randrange(1 << 30)
    print(f"Soak: {arguments.kills} kills, seed {seed}", flush=True)
    with (
        tempfile.TemporaryDirectory(prefix="broadsheet-soak-") as scratch,
        site_running() as site,
        market_running(["AAPL", "MSFT"]) as market,
    ):
        env = {**os.environ, **market, "QT_QPA_PLATFORM": "offscreen"}
        soak = Soak(Path(scratch), site, env, random.Random(seed))
        counts = _run(soak, arguments.kills)
    _print(counts)
    return 1 if counts.bad else 0


def _run(soak: Soak, kills: int) -> Counts:
    """Set the profile up, kill ``kills`` commands, then finish the work left."""
    for url in soak.site.feed_urls():
        soak.command(soak.profile, "feeds", "add", url)
    soak.articles = _stats(soak)["articles"]
    old = _old_store(soak.folder / "old.sqlite3")
    actions: dict[str, Callable[[Soak], None]] = {
        "refresh": lambda s: _refresh(s, photos=True),
        "refresh --no-images": lambda s: _refresh(s, photos=False),
        "bookmark": _bookmark,
        "market refresh": lambda s: _just_kill(s, ["market", "refresh"], 3.0),
        "migration": lambda s: _migration(s, old),
    }
    names = list(actions)
    for number in range(kills):
        name = soak.rng.choice(names)
        actions[name](soak)
        soak.counts.kills += 1
        soak.counts.by_action[name] = soak.counts.by_action.get(name, 0) + 1
        if name != "migration":
            _check(soak, name)
        if (number + 1) % 10 == 0:
            print(f"  {number + 1} kills, {soak.articles} articles so far", flush=True)
    _finish(soak)
    return soak.counts


def _refresh(soak: Soak, photos: bool) -> None:
    soak.site.next_edition()
    _just_kill(soak, ["refresh"] if photos else ["refresh", "--no-images"], 6.0)


def _just_kill(soak: Soak, arguments: list[str], most: float) -> None:
    soak.killed(soak.profile, arguments, most)


def _bookmark(soak: Soak) -> None:
    """Bookmark a random article; a bookmark the command said it made must stay."""
    ids = _read(soak.profile, "SELECT id FROM articles WHERE bookmarked IS NULL")
    if not ids:
        return
    article = soak.rng.choice(ids)[0]
    said = soak.killed(soak.profile, ["bookmark", str(article)], 1.0)
    if f"Bookmarked article {article}." in said:
        soak.bookmarks.add(article)


def _migration(soak: Soak, old: Path) -> None:
    """Kill the migration of a copy of a store of the first schema; it must then open whole."""
    data = soak.folder / "migrating"
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir()
    shutil.copyfile(old, data / "broadsheet.sqlite3")
    soak.killed(data, ["stats"], 2.5)
    result = soak.command(data, "stats", "--json")
    aside = list(data.glob("*.damaged-*"))
    if result.returncode != 0 or aside:
        soak.counts.failed_migrations += 1
        soak.counts.notes.append(f"migration: {result.stderr.strip() or aside}")
    elif json.loads(result.stdout)["articles"] != OLD_ARTICLES:
        soak.counts.lost_articles += 1
        soak.counts.notes.append("migration lost articles")


def _check(soak: Soak, after: str) -> None:
    """The store opens as it is, passes the integrity check and lost nothing."""
    stats = soak.command(soak.profile, "stats", "--json")
    aside = list(soak.profile.glob("*.damaged-*"))
    if stats.returncode != 0 or aside or stats.stderr:
        soak.counts.corrupt += 1
        soak.counts.notes.append(f"after {after}: {stats.stderr.strip() or aside}")
        return
    if _read(soak.profile, "PRAGMA integrity_check") != [("ok",)]:
        soak.counts.corrupt += 1
        soak.counts.notes.append(f"after {after}: integrity check failed")
    articles = json.loads(stats.stdout)["articles"]
    if articles < soak.articles:
        soak.counts.lost_articles += soak.articles - articles
        soak.counts.notes.append(f"after {after}: {soak.articles - articles} articles gone")
    soak.articles = max(soak.articles, articles)
    marked = {row[0] for row in _read(soak.profile, "SELECT id FROM articles WHERE bookmarked")}
    missing = soak.bookmarks - marked
    if missing:
        soak.counts.lost_bookmarks += len(missing)
        soak.counts.notes.append(f"after {after}: bookmarks {sorted(missing)} gone")
        soak.bookmarks -= missing


def _finish(soak: Soak) -> None:
    """Refresh to the end; every page and picture of every article must then be had."""
    for _ in range(2):
        soak.command(soak.profile, "refresh")
    left = _read(soak.profile, "SELECT count(*) FROM pending")[0][0]
    without = _read(
        soak.profile,
        "SELECT count(*) FROM articles a JOIN sources s ON s.id = a.source_id "
        "WHERE s.kind = 'feed' AND s.url IS NOT NULL AND a.image_id IS NULL",
    )[0][0]
    soak.counts.unfinished = left + without
    if soak.counts.unfinished:
        soak.counts.notes.append(f"at the end: {left} pending, {without} articles without photo")


def _stats(soak: Soak) -> dict[str, int]:
    result = soak.command(soak.profile, "stats", "--json")
    document: dict[str, int] = json.loads(result.stdout)
    return document


def _read(data: Path, query: str) -> list[tuple[Any, ...]]:
    """Rows of a query on a profile's store, read while no command runs."""
    connection = sqlite3.connect(data / "broadsheet.sqlite3")
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


def _old_store(path: Path) -> Path:
    """A store of the first schema holding ``OLD_ARTICLES`` articles, already seeded."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from desktop.store import schema

    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS))
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    engine.dispose()
    store = sqlite3.connect(path)
    store.execute("INSERT INTO sources (id, title, kind, created) VALUES (1, 'Old', 'feed', 0)")
    store.executemany(
        "INSERT INTO articles (source_id, guid, title, fetched, dated, body_html, body_text, "
        "read) VALUES (1, ?, ?, 0, ?, '', ?, 0)",
        [(f"g{n}", f"Old story {n}", n, f"old words {n} " * 40) for n in range(OLD_ARTICLES)],
    )
    store.execute("PRAGMA user_version = 1")
    store.execute("PRAGMA journal_mode = WAL")
    store.commit()
    store.close()
    return path


def _print(counts: Counts) -> None:
    actions = ", ".join(f"{name} {number}" for name, number in sorted(counts.by_action.items()))
    print(f"Kills: {counts.kills} ({actions})")
    print(f"Corrupt stores: {counts.corrupt}")
    print(f"Lost bookmarks: {counts.lost_bookmarks}")
    print(f"Lost articles: {counts.lost_articles}")
    print(f"Failed migrations: {counts.failed_migrations}")
    print(f"Work left undone after finishing refreshes: {counts.unfinished}")
    for note in counts.notes[:20]:
        print(f"  {note}")


if __name__ == "__main__":
    started = time.monotonic()
    code = main()
    print(f"Took {time.monotonic() - started:.0f} s")
    sys.exit(code)
