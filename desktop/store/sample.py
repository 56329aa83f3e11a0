"""The sample edition's place in the store: whether it is there, taking it out, letting it back.

Its sources are those of kind ``sample``. Taking it out is removing those sources as the person
removes one of their own: the articles go (a bookmarked one stays), the sources are kept as
removed, so bringing the edition back finds them by address and lets them back in.
"""

from __future__ import annotations

import sqlite3

SAMPLE = "sample"


def is_present(connection: sqlite3.Connection) -> bool:
    """Whether the sample edition's sources are among the person's."""
    row = connection.execute(
        "SELECT EXISTS (SELECT 1 FROM sources WHERE kind = ? AND removed IS NULL)", (SAMPLE,)
    ).fetchone()
    return bool(row[0])


def has_own_subscriptions(connection: sqlite3.Connection) -> bool:
    """Whether the person subscribes to a feed of their own."""
    row = connection.execute(
        "SELECT EXISTS (SELECT 1 FROM sources WHERE kind = 'feed' AND removed IS NULL)"
    ).fetchone()
    return bool(row[0])


def remove(connection: sqlite3.Connection, now: int) -> int:
    """Take the sample edition out; return how many of its articles were deleted."""
    deleted = connection.execute(
        "DELETE FROM articles WHERE bookmarked IS NULL AND source_id IN "
        "(SELECT id FROM sources WHERE kind = ?)",
        (SAMPLE,),
    ).rowcount
    connection.execute(
        "UPDATE sources SET removed = ? WHERE kind = ? AND removed IS NULL", (now, SAMPLE)
    )
    return deleted


def let_back(connection: sqlite3.Connection) -> None:
    """Make the sample edition's removed sources the person's again (before its articles are
    stored again)."""
    connection.execute("UPDATE sources SET removed = NULL WHERE kind = ?", (SAMPLE,))
