"""Subscriptions in the store: what a removed source takes with it, and what the first fetch of a
feed (new, or subscribed to again) asks the site."""

from __future__ import annotations

import sqlite3

from desktop.store import feeds
from desktop.store import sources as source_queries
from desktop.store.database import transaction

URL = "https://paper.example/feed.xml"


def subscribed_and_fetched(connection: sqlite3.Connection) -> int:
    """A feed subscribed to and fetched once, its answer's validators kept; return its id."""
    with transaction(connection):
        source_id = feeds.add_feed(connection, URL, "The Paper", 100)
        feeds.record_success(
            connection, source_id, 200, etag='"v1"', last_modified="Fri, 20 Nov 2026 07:00:00 GMT"
        )
    return source_id


def validators(connection: sqlite3.Connection, source_id: int) -> tuple[str | None, str | None]:
    """The validators a refresh would send for a source now."""
    (state,) = feeds.due_feeds(connection, 300, only=(source_id,))
    return state.etag, state.last_modified


def test_a_fetched_feed_is_asked_conditionally(connection: sqlite3.Connection) -> None:
    source_id = subscribed_and_fetched(connection)
    assert validators(connection, source_id) == ('"v1"', "Fri, 20 Nov 2026 07:00:00 GMT")


def test_a_feed_subscribed_to_again_is_fetched_whole(connection: sqlite3.Connection) -> None:
    source_id = subscribed_and_fetched(connection)
    with transaction(connection):
        source_queries.remove(connection, source_id, 250)
        again = feeds.add_feed(connection, URL, "The Paper", 260)
    assert again == source_id
    assert validators(connection, again) == (None, None)


def test_a_source_removed_before_its_validators_went_with_it_is_fetched_whole(
    connection: sqlite3.Connection,
) -> None:
    source_id = subscribed_and_fetched(connection)
    with transaction(connection):  # removed by an earlier version, which kept the validators
        connection.execute("UPDATE sources SET removed = 250 WHERE id = ?", (source_id,))
        feeds.add_feed(connection, URL, "The Paper", 260)
    assert validators(connection, source_id) == (None, None)


def test_a_first_fetch_never_sends_validators(connection: sqlite3.Connection) -> None:
    with transaction(connection):
        source_id = feeds.add_feed(connection, URL, "The Paper", 100)
        connection.execute("UPDATE sources SET etag = '\"stale\"' WHERE id = ?", (source_id,))
    assert validators(connection, source_id) == (None, None)
