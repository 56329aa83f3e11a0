"""Builders for test content: sources of synthetic articles written straight into a store."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.domain import NewArticle, NewSource
from desktop.store.database import connect, transaction
from desktop.store.loading import add_source

START = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)


def article(number: int, *, title: str | None = None, body: str | None = None) -> NewArticle:
    """A plain article whose publication time grows with its number."""
    text = body or f"Paragraph {number} about the harbour and its boats."
    return NewArticle(
        guid=f"synthetic-{number}",
        title=title or f"Synthetic article {number}",
        url=f"https://paper.example/{number}",
        byline="By Test Writer",
        published=START + timedelta(minutes=number),
        summary=None,
        body_html=f"<p>{text}</p>",
        body_text=text,
    )


def add_articles(store: Path, images: Path, count: int, source: str = "Synthetic Times") -> None:
    """Add a source with ``count`` articles to the store."""
    connection = connect(store)
    try:
        new = NewSource(
            title=source,
            kind="feed",
            url=f"https://{source.lower().replace(' ', '-')}.example/feed",
            site_url=None,
            articles=tuple(article(n) for n in range(count)),
        )
        with transaction(connection):
            add_source(connection, new, images)
    finally:
        connection.close()


def scalar(store: Path, sql: str, *params: object) -> object:
    """One value from the store, read with a connection of its own."""
    connection = sqlite3.connect(store)
    try:
        return connection.execute(sql, params).fetchone()[0]
    finally:
        connection.close()
