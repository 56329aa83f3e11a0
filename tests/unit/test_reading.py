"""A reader's way through the store: the next unread article, marking sections read and back,
the sample edition taken out and let back in."""

from __future__ import annotations

import sqlite3

from desktop.domain import ALL, BOOKMARKS, UNREAD, Section
from desktop.operations.sample import bring_back_sample, remove_sample
from desktop.paths import AppPaths
from desktop.store import articles, reading, sample
from desktop.store.database import transaction
from tests.factories import add_articles


def _ids(connection: sqlite3.Connection, section: Section = ALL, search: str = "") -> list[int]:
    """The article ids a section (or search) lists, in the list's order."""
    return [row.id for row in articles.page(connection, section, search=search).rows]


def _unread(connection: sqlite3.Connection) -> set[int]:
    return {row[0] for row in connection.execute("SELECT id FROM articles WHERE read = 0")}


def _set_read(connection: sqlite3.Connection, ids: list[int]) -> None:
    with transaction(connection):
        articles.set_read(connection, ids, True)


def test_the_next_unread_article_follows_the_list_order_and_skips_read_ones(
    connection: sqlite3.Connection,
) -> None:
    order = _ids(connection)
    _set_read(connection, [order[1], order[2]])
    assert reading.next_unread(connection, ALL) == order[0]
    assert reading.next_unread(connection, ALL, after=order[0]) == order[3]
    assert reading.next_unread(connection, ALL, after=order[-1]) is None  # nothing below


def test_the_next_unread_article_of_a_source_and_of_a_search(
    connection: sqlite3.Connection,
) -> None:
    source_id = connection.execute("SELECT id FROM sources ORDER BY id LIMIT 1").fetchone()[0]
    section = Section.of_source(source_id)
    order = _ids(connection, section)
    assert reading.next_unread(connection, section, after=order[0]) == order[1]
    found = _ids(connection, ALL, "harbour")
    assert len(found) >= 2
    assert reading.next_unread(connection, ALL, "harbour", after=found[0]) == found[1]


def test_marking_a_section_read_stops_at_the_newest_article_shown(
    connection: sqlite3.Connection, paths: AppPaths
) -> None:
    ceiling = reading.newest_id(connection)
    add_articles(paths.store, paths.images, 3)  # a refresh brings three while the list shows
    with transaction(connection):
        marked = reading.mark_section_read(connection, ALL, ceiling=ceiling)
    assert len(marked) == 8 and max(marked) == ceiling
    assert len(_unread(connection)) == 3  # the ones never shown stay unread
    with transaction(connection):
        assert reading.mark_unread(connection, marked) == 8
    assert len(_unread(connection)) == 11


def test_marking_read_only_what_is_older_than_a_day(
    connection: sqlite3.Connection, paths: AppPaths
) -> None:
    newest = max(row[0] for row in connection.execute("SELECT dated FROM articles"))
    with transaction(connection):
        marked = reading.mark_section_read(
            connection, ALL, ceiling=reading.newest_id(connection), dated_before=newest - 86_400
        )
    dated = dict(connection.execute("SELECT id, dated FROM articles").fetchall())
    assert marked and all(dated[one] < newest - 86_400 for one in marked)
    assert all(dated[one] >= newest - 86_400 for one in _unread(connection))


def test_marking_a_folder_or_a_search_read(connection: sqlite3.Connection) -> None:
    with transaction(connection):
        connection.execute("UPDATE sources SET folder = 'Coast' WHERE id = 1")
    ceiling = reading.newest_id(connection)
    with transaction(connection):
        folder = reading.mark_section_read(connection, Section.of_folder("Coast"), ceiling=ceiling)
    assert folder == sorted(_ids(connection, Section.of_source(1)))
    with transaction(connection):
        found = reading.mark_section_read(connection, UNREAD, ceiling=ceiling, search="seed")
    assert found and set(found) <= set(_ids(connection, ALL, "seed"))
    with transaction(connection):
        assert reading.mark_section_read(connection, BOOKMARKS, ceiling=ceiling) == []


def test_the_sample_edition_goes_and_comes_back(
    connection: sqlite3.Connection, paths: AppPaths
) -> None:
    assert sample.is_present(connection) and not sample.has_own_subscriptions(connection)
    kept = _ids(connection)[0]
    with transaction(connection):
        articles.set_bookmarked(connection, kept, True)
        assert remove_sample(connection) == 7  # the bookmarked article stays
    assert not sample.is_present(connection)
    assert _ids(connection) == [kept]
    with transaction(connection):
        assert bring_back_sample(connection, paths.images) == 7
    assert sample.is_present(connection) and len(_ids(connection)) == 8


def test_the_sample_papers_are_no_subscriptions_of_ones_own(
    connection: sqlite3.Connection,
) -> None:
    assert not sample.has_own_subscriptions(connection)
    with transaction(connection):
        connection.execute(
            "INSERT INTO sources (title, kind, url, created) VALUES ('Mine', 'feed', 'x:1', 0)"
        )
    assert sample.has_own_subscriptions(connection)
