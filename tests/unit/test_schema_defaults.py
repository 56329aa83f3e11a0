"""The schema's defaults reach rows the query modules insert with plain SQL, in a store the
migrations made: a new subscription fetches full articles and is refreshed, planned work is due
at once, a provider that never succeeded has no figures."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.store import feeds, market_data, pending, sources
from desktop.store.database import connect, open_store, transaction
from desktop.store.loading import add_article
from tests.factories import article

NOW = 1_790_000_000


@pytest.fixture
def migrated(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    """A store the migrations created (no ready-made store), opened as the app opens it."""
    store = tmp_path / "store.sqlite3"
    report = open_store(store, tmp_path / "seal")
    assert report.created and not report.from_template
    with closing(connect(store)) as connection:
        yield connection


def test_a_new_subscription_takes_the_schemas_defaults(migrated: sqlite3.Connection) -> None:
    with transaction(migrated):
        source_id = feeds.add_feed(migrated, "https://paper.example/feed", "Paper", NOW)
    (state,) = feeds.due_feeds(migrated, NOW)
    assert state.source_id == source_id and state.full_articles
    (source,) = sources.sources(migrated)
    assert not source.disabled and source.full_articles


def test_planned_work_takes_the_schemas_defaults(migrated: sqlite3.Connection) -> None:
    with transaction(migrated):
        source_id = feeds.add_feed(migrated, "https://paper.example/feed", "Paper", NOW)
        article_id = add_article(migrated, source_id, article(1), Path("unused"))
        assert article_id is not None
        pending.plan(migrated, [pending.Work(article_id, pending.PAGE, "https://paper.example/1")])
    assert pending.due(migrated, 0) == [
        pending.Work(article_id, pending.PAGE, "https://paper.example/1", lead=False)
    ]
    row = migrated.execute("SELECT attempts, next_try FROM pending").fetchone()
    assert tuple(row) == (0, 0)


def test_a_provider_that_only_failed_has_no_figures(migrated: sqlite3.Connection) -> None:
    attempted = datetime.fromtimestamp(NOW, UTC)
    with transaction(migrated):
        market_data.record_provider_attempt(migrated, "ecb", attempted, "The bank did not answer.")
    status = market_data.provider_statuses(migrated)["ecb"]
    assert status.figures == 0 and status.last_success is None
    assert status.last_error == "The bank did not answer."
