"""What the window reads and changes through operations: the list read again with whether the
open article is still stored, the next unread article, and changes each in its own transaction."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.domain import ALL, UNREAD
from desktop.operations import changes, direct_writer
from desktop.operations.reading import (
    ListQuery,
    SourceNotFoundError,
    WindowReads,
    list_again,
    next_unread,
    sample_state,
)
from desktop.paths import AppPaths


def _ids(connection: sqlite3.Connection, paths: AppPaths) -> list[int]:
    read = list_again(connection, ListQuery(ALL, "", paths.images), 0, None)
    return [row.id for page in read.pages for row in page.rows]


def test_a_list_read_again_says_whether_the_open_article_is_still_stored(
    connection: sqlite3.Connection, paths: AppPaths
) -> None:
    ids = _ids(connection, paths)
    query = ListQuery(ALL, "", paths.images)
    assert list_again(connection, query, len(ids), ids[1]).kept
    connection.execute("DELETE FROM articles WHERE id = ?", (ids[1],))
    read = list_again(connection, query, len(ids), ids[1])
    assert not read.kept and ids[1] not in [row.id for row in read.pages[0].rows]
    assert read.ceiling == max(ids)


def test_next_unread_goes_on_after_the_open_article_then_from_the_top(
    connection: sqlite3.Connection, paths: AppPaths
) -> None:
    ids = _ids(connection, paths)
    assert next_unread(connection, ALL, "", ids[0]) == ids[1]
    assert next_unread(connection, ALL, "", ids[-1]) == ids[0]  # none below: from the top
    changes.set_read(connection, ids[1:], True)
    assert next_unread(connection, ALL, "", ids[0]) is None  # only the open one is left


def test_marking_a_section_read_without_a_ceiling_marks_what_is_stored_when_it_runs(
    connection: sqlite3.Connection, paths: AppPaths
) -> None:
    unread = connection.execute("SELECT count(*) FROM articles WHERE read = 0").fetchone()[0]
    marked = changes.mark_section_read(connection, UNREAD, None, "", 0)
    assert len(marked) == unread
    assert changes.mark_unread(connection, marked) == unread


def test_a_change_that_fails_is_rolled_back_and_leaves_no_transaction_open(
    connection: sqlite3.Connection,
) -> None:
    write = direct_writer(connection)  # the runner's writer runs each change this way
    with pytest.raises(SourceNotFoundError):
        write(lambda c: changes.rename_source(c, 999_999, "Nobody's"))
    assert not connection.in_transaction
    source = _a_source(connection)
    write(lambda c: changes.set_full_articles(c, source, True))  # the next one commits
    assert not connection.in_transaction


def _a_source(connection: sqlite3.Connection) -> int:
    return int(connection.execute("SELECT min(id) FROM sources").fetchone()[0])


def test_the_windows_own_reads_open_an_article_or_say_it_is_gone(
    connection: sqlite3.Connection, paths: AppPaths
) -> None:
    reads = WindowReads(connection, paths.store, paths.images)
    ids = _ids(connection, paths)
    article = reads.article(ids[0])
    assert article is not None and article.id == ids[0]
    changes.remove_sample_edition(connection)
    assert reads.article(ids[0]) is None and not sample_state(connection).present
    assert reads.sources() == [] or all(source.kind != "sample" for source in reads.sources())
