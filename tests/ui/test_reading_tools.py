"""The reading tools on their own: next unread looked up off the window's thread, and a section
marked read, said with an Undo that takes it back."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain import ALL
from desktop.paths import AppPaths
from desktop.ui.reading.reading import Reading
from desktop.ui.reading.reading_place import PlaceMemory
from desktop.ui.reading.reading_tools import ReadingTools
from desktop.ui.sections.section_list import SectionList
from tests.ui.controller_parts import Parts
from tests.ui.parts import stored


def _tools(parts: Parts, paths: AppPaths) -> tuple[ReadingTools, Reading]:
    p = parts
    reading = Reading(p.runner, p.reads, p.model, p.view, p.reader, p.commands)
    tools = ReadingTools(p.runner, paths.images, p.commands, p.view, p.reader, reading.open_article)
    column = QWidget(p.host)
    sections = SectionList()
    sections.set_sources(p.reads.sources())
    tools.place(QVBoxLayout(column), p.host.statusBar(), sections, lambda: "All articles",
                PlaceMemory(paths.window_state))  # fmt: skip
    return tools, reading


def _open_id(parts: Parts) -> int | None:
    return parts.reader.article.id if parts.reader.article is not None else None


def test_next_unread_skips_read_articles_then_says_none_is_left(
    parts: Parts, qtbot: QtBot, paths: AppPaths
) -> None:
    tools, reading = _tools(parts, paths)
    rows = [parts.model.article_at(i) for i in range(parts.model.rowCount())]
    reading.painted()  # what is opened is marked read
    parts.view.setCurrentIndex(parts.model.index(0))
    seen = [_open_id(parts)]
    for _ in rows[1:]:
        before = _open_id(parts)
        parts.commands.next_unread.trigger()
        qtbot.waitUntil(lambda before=before: _open_id(parts) != before)  # type: ignore[misc]
        seen.append(_open_id(parts))
    assert seen == [row.id for row in rows]  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: stored(paths, "SELECT count(*) FROM articles WHERE read = 0") == 0)
    with qtbot.waitSignal(tools.said) as said:
        parts.commands.next_unread.trigger()
    assert said.args == ["No unread articles left in All articles."]


def test_marking_all_read_is_said_with_an_undo_that_takes_it_back(
    parts: Parts, qtbot: QtBot, paths: AppPaths
) -> None:
    tools, _ = _tools(parts, paths)
    unread = stored(paths, "SELECT count(*) FROM articles WHERE read = 0")
    assert parts.model.section == ALL and unread
    with qtbot.waitSignal(tools.read_states_changed) as changed:
        parts.commands.mark_all_read.trigger()
    ids, read = changed.args[0]
    assert read and len(ids) == unread
    assert stored(paths, "SELECT count(*) FROM articles WHERE read = 0") == 0
    assert parts.commands.undo.isEnabled()
    with qtbot.waitSignal(tools.said) as said:
        parts.commands.undo.trigger()
    assert said.args == [f"Marked {unread} articles unread again."]
    assert stored(paths, "SELECT count(*) FROM articles WHERE read = 0") == unread
