"""The store: schema and pragmas, pages of the list, sections, search, bookmarks, counts."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from desktop.domain import ALL, BOOKMARKS, UNREAD, Section
from desktop.paths import AppPaths
from desktop.store import articles, schema
from desktop.store.database import connect_reader, transaction
from desktop.store.loading import add_article
from desktop.store.sources import counts, sources
from tests.factories import add_articles, article, scalar


def test_a_new_store_is_at_the_head_revision_in_wal_mode(paths: AppPaths) -> None:
    assert scalar(paths.store, "SELECT version_num FROM alembic_version") == schema.HEAD_REVISION
    assert scalar(paths.store, "PRAGMA journal_mode") == "wal"


def test_connections_enforce_foreign_keys_and_normal_sync(connection: sqlite3.Connection) -> None:
    assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert connection.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    with pytest.raises(sqlite3.IntegrityError):
        connection.execute(
            "INSERT INTO articles (source_id, guid, title, fetched, dated, body_html, body_text, "
            "read) VALUES (999, 'x', 'orphan', 0, 0, '', '', 0)"
        )


def test_the_reader_connection_refuses_writes(paths: AppPaths) -> None:
    reader = connect_reader(paths.store)
    try:
        with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only|query_only"):
            reader.execute("UPDATE articles SET read = 1")
    finally:
        reader.close()


def test_pages_cover_every_article_once_newest_first(
    connection: sqlite3.Connection, paths: AppPaths
) -> None:
    add_articles(paths.store, paths.images, 450)
    seen: list[int] = []
    dates: list[datetime | None] = []
    position = None
    while True:
        page = articles.page(connection, ALL, after=position, limit=100)
        seen.extend(row.id for row in page.rows)
        dates.extend(row.published for row in page.rows)
        if page.next_position is None:
            break
        position = page.next_position
    total = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert len(seen) == len(set(seen)) == total == 458
    assert dates == sorted((d for d in dates if d), reverse=True)


def test_sections_pick_unread_bookmarked_and_per_source_articles(
    connection: sqlite3.Connection, paths: AppPaths
) -> None:
    add_articles(paths.store, paths.images, 5, source="Second Paper")
    rows = articles.page(connection, ALL).rows
    first, second = rows[0].id, rows[1].id
    with transaction(connection):
        articles.set_read(connection, [first], True)
        articles.set_bookmarked(connection, second, True)
    unread = {row.id for row in articles.page(connection, UNREAD).rows}
    assert first not in unread and second in unread
    assert [row.id for row in articles.page(connection, BOOKMARKS).rows] == [second]
    paper = next(source for source in sources(connection) if source.title == "Second Paper")
    in_paper = articles.page(connection, Section.of_source(paper.id)).rows
    assert len(in_paper) == 5 and {row.source for row in in_paper} == {"Second Paper"}


def test_search_finds_words_prefixes_and_ignores_accents_and_syntax(
    connection: sqlite3.Connection,
) -> None:
    ferry = articles.page(connection, ALL, search="ferry").rows
    assert any("ferry" in row.title.lower() for row in ferry)
    assert articles.page(connection, ALL, search="fer").rows  # as you type: a prefix
    assert not articles.page(connection, ALL, search="zebracrossingx").rows
    # Characters that mean something to FTS5 are taken as text, never as syntax errors.
    for hostile in ('"', "AND OR NOT", "a*b(c", "NEAR(", "-:^"):
        articles.page(connection, ALL, search=hostile)


def test_search_sees_edits_and_deletions_through_the_triggers(
    connection: sqlite3.Connection, paths: AppPaths
) -> None:
    add_articles(paths.store, paths.images, 3)
    target = articles.page(connection, ALL, search="Synthetic").rows[0].id
    with transaction(connection):
        connection.execute(
            "UPDATE articles SET title = 'Quixotic lighthouse' WHERE id = ?", (target,)
        )
    assert [row.id for row in articles.page(connection, ALL, search="quixotic").rows] == [target]
    with transaction(connection):
        connection.execute("DELETE FROM articles WHERE id = ?", (target,))
    assert not articles.page(connection, ALL, search="quixotic").rows
    assert connection.execute(
        "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"
    )


def test_search_accent_insensitive(connection: sqlite3.Connection, paths: AppPaths) -> None:
    from desktop.domain import NewSource
    from desktop.store.loading import add_source
    from tests.factories import article

    with transaction(connection):
        add_source(
            connection,
            NewSource(
                "Paris",
                "feed",
                "https://paris.example/",
                None,
                (article(1, title="Un café crème"),),
            ),
            paths.images,
        )
    assert [row.title for row in articles.page(connection, ALL, search="cafe creme").rows] == [
        "Un café crème"
    ]


def test_bookmarks_keep_their_first_time_and_can_be_removed(connection: sqlite3.Connection) -> None:
    target = articles.page(connection, ALL).rows[0].id
    with transaction(connection):
        first = articles.set_bookmarked(connection, target, True)
        again = articles.set_bookmarked(connection, target, True)
    assert first is not None and again == first
    with transaction(connection):
        assert articles.set_bookmarked(connection, target, False) is None
    assert not articles.get(connection, target, Path("/")).bookmarked


def test_bookmarking_a_missing_article_says_so(connection: sqlite3.Connection) -> None:
    with pytest.raises(articles.ArticleNotFoundError, match="No article has the id 424242"):
        articles.set_bookmarked(connection, 424242, True)


def test_stats_and_counts_agree(connection: sqlite3.Connection, paths: AppPaths) -> None:
    rows = articles.page(connection, ALL).rows
    with transaction(connection):
        articles.set_read(connection, [rows[0].id, rows[1].id], True)
        articles.set_bookmarked(connection, rows[2].id, True)
    figures = articles.stats(connection, paths.store)
    assert (figures.articles, figures.unread, figures.bookmarks, figures.sources) == (8, 6, 1, 3)
    assert figures.db_bytes > 0
    tallies = counts(connection)
    assert tallies.unread == 6 and tallies.bookmarks == 1
    assert sum(tallies.unread_by_source.values()) == 6


def test_a_whole_article_has_its_photo_caption_and_credit(
    connection: sqlite3.Connection, paths: AppPaths
) -> None:
    row = articles.page(connection, ALL).rows[0]
    article = articles.get(connection, row.id, paths.images)
    assert article.photo is not None and article.photo.file.is_file()
    assert article.photo.file.is_relative_to(paths.images)
    assert article.caption and article.credit and article.byline
    assert "<h2>" in article.body_html


def test_removing_a_source_deletes_what_articles_of_said_and_keeps_bookmarks(
    connection: sqlite3.Connection,
) -> None:
    from desktop.store import sources as source_queries

    first = sources(connection)[0]
    rows = articles.page(connection, Section.of_source(first.id)).rows
    with transaction(connection):
        articles.set_bookmarked(connection, rows[0].id, True)
    deleted, kept = source_queries.articles_of(connection, first.id)
    assert (deleted + kept, kept) == (len(rows), 1)
    with transaction(connection):
        assert source_queries.remove(connection, first.id, 0) == deleted
    assert [row.id for row in articles.page(connection, BOOKMARKS).rows] == [rows[0].id]
    assert first.id not in {source.id for source in sources(connection)}


def test_an_article_already_there_under_another_id_is_found_by_index_not_by_reading_the_source(
    connection: sqlite3.Connection, paths: AppPaths
) -> None:
    add_articles(paths.store, paths.images, 50)
    source_id = scalar(paths.store, "SELECT id FROM sources WHERE title = 'Synthetic Times'")
    assert isinstance(source_id, int)
    known = article(7)
    statements: list[str] = []
    connection.set_trace_callback(statements.append)
    with transaction(connection):
        moved = replace(known, guid="moved-7", content_hash="fingerprint-7")  # same link
        assert add_article(connection, source_id, moved, paths.images) is None
        fresh = replace(article(99), content_hash="fingerprint-7")  # same content as "moved"
        assert add_article(connection, source_id, fresh, paths.images) is not None
        again = replace(article(100), content_hash="fingerprint-7")  # ... now stored
        assert add_article(connection, source_id, again, paths.images) is None
    connection.set_trace_callback(None)
    checks = [sql for sql in statements if "FROM articles WHERE source_id" in sql]
    assert len(checks) == 3
    for sql in checks:
        plan = [row[3] for row in connection.execute(f"EXPLAIN QUERY PLAN {sql}")]
        reads = [step for step in plan if "SEARCH articles" in step or "SCAN articles" in step]
        # each lookup goes by the source and the link, or the source and the fingerprint
        assert reads and all("url=?" in step or "content_hash=?" in step for step in reads), plan


@pytest.mark.parametrize("lead_first", [True, False])
def test_the_lead_photo_takes_the_caption_of_its_own_figure_whichever_is_kept_first(
    connection: sqlite3.Connection, paths: AppPaths, lead_first: bool
) -> None:
    """The same file reached as the lead photo and as a figure of the body (two addresses, one
    picture): the article gets the figure's caption and credit, in either order of download."""
    from desktop.domain import NewPhoto
    from desktop.store.loading import attach_body_image, attach_photo
    from tests.newsroom import photo_bytes

    with transaction(connection):
        source = connection.execute(
            "INSERT INTO sources (title, kind, created) VALUES ('Courier', 'feed', 0) RETURNING id"
        ).fetchone()[0]
        article_id = add_article(connection, source, article(1), paths.images)
    assert article_id is not None
    data = photo_bytes((20, 40, 60))
    lead = NewPhoto(data, "image/jpeg", 800, 450, thumbnail=data, url="https://c.example/m.jpg")
    body = replace(lead, thumbnail=None, url="https://c.example/uploads/lamp.jpg")

    def keep_lead() -> None:
        attach_photo(connection, article_id, lead, paths.images)

    def keep_body() -> None:
        attach_body_image(
            connection, article_id, body.url or "", body, paths.images,
            caption="The lamp relit.", credit="Photo: R. Lund",
        )  # fmt: skip

    with transaction(connection):
        for step in (keep_lead, keep_body) if lead_first else (keep_body, keep_lead):
            step()
    shown = articles.get(connection, article_id, paths.images)
    assert (shown.caption, shown.credit) == ("The lamp relit.", "Photo: R. Lund")
    assert shown.photo is not None and shown.photo.thumbnail is not None
    assert [photo.file for photo in shown.images] == [shown.photo.file]
