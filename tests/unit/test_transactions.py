"""Transactions: a write is whole or absent; a block's own transaction inside the writer's is a
savepoint of it, undone alone when it fails and committed only with the writer's."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.operations import direct_writer
from desktop.store.database import transaction
from desktop.store.feeds import add_feed


def _urls(connection: sqlite3.Connection) -> set[str]:
    rows = connection.execute(
        "SELECT url FROM sources WHERE url LIKE '%.transactions.test/%'"
    ).fetchall()
    return {row[0] for row in rows}


def _add(connection: sqlite3.Connection, name: str) -> None:
    add_feed(connection, f"https://{name}.transactions.test/feed", name, 0)


def test_a_write_that_fails_midway_leaves_nothing(connection: sqlite3.Connection) -> None:
    def half(c: sqlite3.Connection) -> None:
        _add(c, "first")
        raise ValueError("midway")

    with pytest.raises(ValueError, match="midway"):
        direct_writer(connection)(half)
    assert _urls(connection) == set() and not connection.in_transaction


def test_a_block_that_fails_inside_a_write_is_undone_alone(connection: sqlite3.Connection) -> None:
    def write(c: sqlite3.Connection) -> None:
        _add(c, "kept")
        with pytest.raises(ValueError), transaction(c):
            _add(c, "undone")
            raise ValueError("the block failed")
        _add(c, "after")

    direct_writer(connection)(write)
    assert _urls(connection) == {
        "https://kept.transactions.test/feed",
        "https://after.transactions.test/feed",
    }


def test_a_block_inside_a_write_that_fails_is_undone_with_it(
    connection: sqlite3.Connection,
) -> None:
    def write(c: sqlite3.Connection) -> None:
        with transaction(c):
            _add(c, "inner")
        assert c.in_transaction  # the block committed nothing by itself
        raise ValueError("the write failed")

    with pytest.raises(ValueError, match="write failed"):
        direct_writer(connection)(write)
    assert _urls(connection) == set()
