"""Reopening on its own: the section and article of the last close come back at the next start;
an article no longer stored gives way to the newest one."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from desktop.domain import UNREAD
from desktop.paths import AppPaths
from desktop.ui.articles.search_box import SearchBox
from desktop.ui.articles.section_view import SectionView
from desktop.ui.reading.reading import Reading
from desktop.ui.reading.reading_place import PlaceMemory, ReadingPlace
from desktop.ui.sections.section_list import SectionList
from desktop.ui.shell.reopening import Reopening
from tests.ui.controller_parts import Parts


def _reopening(parts: Parts, paths: AppPaths) -> tuple[Reopening, SectionList]:
    p = parts
    reading = Reading(p.runner, p.reads, p.model, p.view, p.reader, p.commands)
    sections = SectionList()
    sections.set_sources(p.reads.sources())
    view = SectionView(p.model, p.view, p.reader, SearchBox(), reading.show_message, lambda: "")
    places = PlaceMemory(paths.window_state)
    return Reopening(places, sections, p.view, p.reader, reading, view), sections


def test_the_section_and_article_left_open_come_back(parts: Parts, paths: AppPaths) -> None:
    row = parts.model.article_at(3)
    assert row is not None
    PlaceMemory(paths.window_state).save(ReadingPlace(UNREAD, row.id, (0, 0.0)))
    reopening, sections = _reopening(parts, paths)
    reopening.show_first_section()
    assert sections.current_section() == UNREAD and parts.model.section == UNREAD
    reopening.open_first_article()
    assert parts.reader.article is not None and parts.reader.article.id == row.id
    assert parts.view.current_article_id() == row.id


def test_an_article_gone_since_gives_way_to_the_newest(parts: Parts, paths: AppPaths) -> None:
    gone, newest = parts.model.article_at(3), parts.model.article_at(0)
    assert gone is not None and newest is not None
    PlaceMemory(paths.window_state).save(ReadingPlace(UNREAD, gone.id, (0, 0.0)))
    with closing(sqlite3.connect(paths.store)) as connection, connection:
        connection.execute("DELETE FROM articles WHERE id = ?", (gone.id,))
    reopening, _ = _reopening(parts, paths)
    reopening.show_first_section()
    reopening.open_first_article()
    assert parts.reader.article is not None and parts.reader.article.id == newest.id
    reopening.keep()
    kept = PlaceMemory(paths.window_state).load()
    assert kept is not None and (kept.section, kept.article_id) == (UNREAD, newest.id)
