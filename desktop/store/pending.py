"""Work a refresh left to do: full texts and pictures still to fetch, kept until they are had.

An article's page and pictures are planned in the transaction that stores the article, and each
is struck off in the transaction that stores what was fetched; so whatever stops a refresh (a
kill, Cancel, a full disk, ``--no-images``) leaves the rest here for the next refresh. What fails
is tried again later, each time later still, and given up after ``MAX_ATTEMPTS``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.store.database import named

PAGE = "page"
PICTURE = "picture"
MAX_ATTEMPTS = 6
FIRST_WAIT = 15 * 60  # seconds after the first failure; four times longer after each next one


@dataclass(frozen=True, slots=True)
class Work:
    """One thing to fetch for an article: its page (with the feed's own photo to fall back on)
    or one of its pictures (its lead photo, or one of its body's, with its other addresses)."""

    article_id: int
    kind: str
    url: str
    lead: bool = False
    caption: str | None = None
    credit: str | None = None
    aliases: tuple[str, ...] = ()
    photo: str | None = None


def plan(connection: sqlite3.Connection, work: Iterable[Work]) -> None:
    """Keep work to do (what is already planned stays as it is)."""
    connection.executemany(
        "INSERT INTO pending (article_id, kind, url, lead, caption, credit, aliases, photo) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [
            (w.article_id, w.kind, w.url, w.lead, w.caption, w.credit, "\n".join(w.aliases) or None,
             w.photo)
            for w in work
        ],
    )  # fmt: skip


def due(
    connection: sqlite3.Connection, now: int, sources: tuple[int, ...] | None = None
) -> list[Work]:
    """The work whose time has come, oldest articles first (of these sources only, if given)."""
    rows = named(
        connection,
        "SELECT p.article_id, p.kind, p.url, p.lead, p.caption, p.credit, p.aliases, p.photo, "
        "a.source_id FROM pending AS p JOIN articles AS a ON a.id = p.article_id "
        "WHERE p.next_try <= ? ORDER BY p.article_id",
        (now,),
    )
    return [_work(row) for row in rows if sources is None or row["source_id"] in sources]


def _work(row: sqlite3.Row) -> Work:
    """Work from a row of ``pending``."""
    return Work(
        article_id=row["article_id"],
        kind=row["kind"],
        url=row["url"],
        lead=bool(row["lead"]),
        caption=row["caption"],
        credit=row["credit"],
        aliases=tuple(row["aliases"].split("\n")) if row["aliases"] else (),
        photo=row["photo"],
    )


def done(connection: sqlite3.Connection, article_id: int, kind: str, url: str) -> None:
    """Strike off work that was done."""
    connection.execute(
        "DELETE FROM pending WHERE article_id = ? AND kind = ? AND url = ?", (article_id, kind, url)
    )


def failed(
    connection: sqlite3.Connection, article_id: int, kind: str, url: str, reason: str, now: int
) -> None:
    """Try failed work again later (four times later after each failure), or give it up."""
    key = (article_id, kind, url)
    connection.execute(
        "UPDATE pending SET attempts = attempts + 1, last_error = ?, "
        "next_try = ? + ? * (1 << (2 * attempts)) "
        "WHERE article_id = ? AND kind = ? AND url = ?",
        (reason, now, FIRST_WAIT, *key),
    )
    connection.execute(
        "DELETE FROM pending WHERE article_id = ? AND kind = ? AND url = ? AND attempts >= ?",
        (*key, MAX_ATTEMPTS),
    )
