"""A reader's day in the window: Space through the unread articles, keys that act only where a
reader reads, search that gives the article back, empty states of each section, and a browser
that cannot be started."""

from __future__ import annotations

from functools import partial

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QComboBox, QDockWidget, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain import ALL, BOOKMARKS, UNREAD, Section
from desktop.paths import AppPaths
from desktop.ui.articles.search_box import SearchBox
from desktop.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.parts import article_list, article_model, article_titles, section_list, stored


def _focus(window: MainWindow, qtbot: QtBot, widget: QWidget) -> None:
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: window.isActiveWindow() and widget.hasFocus())


def _open_title(window: MainWindow) -> str | None:
    return window.reader.article.title if window.reader.article is not None else None


def _open_source(window: MainWindow) -> str | None:
    return window.reader.article.source if window.reader.article is not None else None


def _search_box(window: MainWindow) -> SearchBox:
    found = window.findChild(SearchBox, "searchBox")
    assert found is not None
    return found


def _mark_read_in_store(paths: AppPaths, titles: list[str]) -> None:
    import sqlite3

    connection = sqlite3.connect(paths.store)
    with connection:
        connection.executemany(
            "UPDATE articles SET read = 1 WHERE title = ?", [(t,) for t in titles]
        )
    connection.close()


def test_space_pages_down_then_opens_the_next_unread_article(
    open_window: WindowFactory, qtbot: QtBot, paths: AppPaths
) -> None:
    titles = article_titles(open_window())  # the order the list shows, before any is read
    _mark_read_in_store(paths, [titles[1]])  # read before: Space passes it by
    window = open_window()
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.width() == 1280)
    assert _open_title(window) == titles[0]
    bar = window.reader.verticalScrollBar()
    _focus(window, qtbot, window.reader)
    qtbot.keyClick(window.reader, Qt.Key.Key_Space)
    assert bar.value() > 0 and _open_title(window) == titles[0]  # a page further down
    for _ in range(50):
        if _open_title(window) != titles[0]:
            break
        moved = partial(_moved, window, bar.value(), titles[0])
        qtbot.keyClick(window.reader, Qt.Key.Key_Space)
        # A page down moves at once; past the end, the next unread one is looked up first.
        qtbot.waitUntil(moved)
    assert _open_title(window) == titles[2]  # the next unread one, from its top
    assert bar.value() == 0
    assert article_list(window).current_article_id() == window.reader.article.id  # type: ignore[union-attr]


def test_shift_space_at_the_top_goes_back_to_the_end_of_the_previous_article(
    window: MainWindow, qtbot: QtBot
) -> None:
    titles = article_titles(window)
    article_list(window).setCurrentIndex(article_model(window).index(2))
    bar = window.reader.verticalScrollBar()
    _focus(window, qtbot, window.reader)
    bar.setValue(bar.pageStep())
    qtbot.keyClick(window.reader, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert bar.value() == 0 and _open_title(window) == titles[2]
    qtbot.keyClick(window.reader, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert _open_title(window) == titles[1]
    assert bar.maximum() > 0 and bar.value() == bar.maximum()


def test_space_in_the_list_pages_the_article(window: MainWindow, qtbot: QtBot) -> None:
    view, bar = article_list(window), window.reader.verticalScrollBar()
    _focus(window, qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert bar.value() > 0 and view.hasFocus()


def test_next_unread_in_the_article_menu_and_when_none_is_left(
    window: MainWindow, qtbot: QtBot
) -> None:
    titles = article_titles(window)
    window.commands.next_unread.trigger()
    qtbot.waitUntil(lambda: _open_title(window) == titles[1])  # looked up off the window's thread
    none_left = "No unread articles left in All articles"
    for _ in range(len(titles)):
        window.commands.next_unread.trigger()
        qtbot.waitUntil(partial(_moved_or_said, window, _open_title(window), none_left))
    qtbot.waitUntil(lambda: none_left in _status(window))
    assert article_list(window).current_article_id() is not None


def _status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def _moved(window: MainWindow, scrolled: int, title: str | None) -> bool:
    """Whether the reader scrolled from ``scrolled`` or opened another article than ``title``."""
    return window.reader.verticalScrollBar().value() != scrolled or _open_title(window) != title


def _moved_or_said(window: MainWindow, title: str | None, sentence: str) -> bool:
    """Whether the reader opened another article than ``title``, or the status bar says so."""
    return _open_title(window) != title or sentence in _status(window)


def test_letter_keys_act_in_the_list_and_the_reader_never_in_a_field(
    window: MainWindow, qtbot: QtBot, paths: AppPaths
) -> None:
    article = window.reader.article
    assert article is not None
    qtbot.waitUntil(
        lambda: stored(paths, "SELECT read FROM articles WHERE id = ?", article.id) == 1
    )
    # The reader learns of the saved read state when the write's answer reaches the window's
    # thread, which may be after the store has it.
    qtbot.waitUntil(lambda: window.reader.article is not None and window.reader.article.read)
    dock = window.findChild(QDockWidget, "marketDock")
    assert dock is not None
    dock.show()
    qtbot.waitUntil(lambda: window.findChild(QComboBox, "baseCurrency") is not None)
    base = window.findChild(QComboBox, "baseCurrency")
    assert base is not None
    _focus(window, qtbot, base)
    qtbot.keyClick(base, Qt.Key.Key_U)
    qtbot.keyClick(base, Qt.Key.Key_J)
    box = _search_box(window)
    _focus(window, qtbot, box)
    qtbot.keyClicks(box, "uj")
    qtbot.keyClick(box, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert box.text() == "uj"
    assert window.reader.article is not None and window.reader.article.id == article.id
    assert window.reader.article.read  # U typed in the fields marked nothing unread
    box.clear()
    _focus(window, qtbot, window.reader)
    qtbot.keyClick(window.reader, Qt.Key.Key_U)
    qtbot.waitUntil(
        lambda: stored(paths, "SELECT read FROM articles WHERE id = ?", article.id) == 0
    )


def test_esc_clears_the_search_and_the_article_you_had_is_selected_again(
    window: MainWindow, qtbot: QtBot
) -> None:
    view = article_list(window)
    view.setCurrentIndex(article_model(window).index(5))
    had = window.reader.article
    assert had is not None
    box = _search_box(window)
    _focus(window, qtbot, box)
    qtbot.keyClicks(box, "zzzqqq")
    assert article_titles(window) == []
    assert "No articles match “zzzqqq”" in view.empty_text  # said in the list itself
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == "" and len(article_titles(window)) == 8
    assert view.current_article_id() == had.id and window.reader.article == had
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # in the empty box: back to the list
    qtbot.waitUntil(view.hasFocus)


def test_return_opens_the_first_hit(window: MainWindow, qtbot: QtBot) -> None:
    box = _search_box(window)
    _focus(window, qtbot, box)
    qtbot.keyClicks(box, "seed")
    hits = article_titles(window)
    assert hits and len(hits) < 8
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert _open_title(window) == hits[0]
    qtbot.waitUntil(article_list(window).hasFocus)
    assert article_list(window).current_article_id() == window.reader.article.id  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        (BOOKMARKS, "No bookmarks yet."),
        (UNREAD, "You are all caught up."),
        (Section.of_source(1), "No articles from this source yet."),
    ],
)
def test_an_empty_section_says_its_own_empty_state(
    window: MainWindow, qtbot: QtBot, paths: AppPaths, section: Section, expected: str
) -> None:
    _mark_read_in_store(paths, article_titles(window))
    if section.kind.value == "source":
        import sqlite3

        connection = sqlite3.connect(paths.store)
        with connection:
            connection.execute("DELETE FROM articles WHERE source_id = 1")
        connection.close()
    sections = section_list(window)
    for first in (BOOKMARKS, UNREAD, ALL, section):  # whatever was shown before
        sections.select(first)
    sections.select(section)
    assert expected in window.reader.toPlainText()
    others = {"No bookmarks yet.", "You are all caught up.", "No articles from this source yet."}
    assert not any(text in window.reader.toPlainText() for text in others - {expected})


def test_a_section_with_articles_never_says_another_sections_empty_state(
    window: MainWindow,
) -> None:
    sections = section_list(window)
    sections.select(BOOKMARKS)
    assert "No bookmarks yet" in window.reader.toPlainText()
    sections.select(UNREAD)
    text = window.reader.toPlainText()
    assert "No bookmarks yet" not in text and "Unread" in text
    assert window.reader.article is None and article_titles(window)


def test_open_in_browser_says_so_when_no_browser_starts(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    article = window.reader.article
    assert article is not None and article.url
    window.commands.open_in_browser.trigger()
    assert "No web browser could be started" in _status(window)
    assert QGuiApplication.clipboard().text() == article.url
    window.statusBar().clearMessage()
    window.reader.anchorClicked.emit(QUrl("https://harbour-gazette.example/ferry-timetable"))
    assert "ferry-timetable" in _status(window) and "No web browser" in _status(window)


def test_past_a_sources_last_unread_article_next_unread_goes_on_to_the_next_source(
    window: MainWindow, qtbot: QtBot
) -> None:
    from desktop.ui.sections.section_list import COUNT_ROLE

    sections = section_list(window)
    herald, gazette = sections.sources()[0], sections.sources()[1]
    assert (herald.title, gazette.title) == ("The Carrowmere Herald", "The Harbour Gazette")
    qtbot.waitUntil(lambda: sections.item(sections.count() - 1).data(COUNT_ROLE) is not None)
    sections.select(Section.of_source(herald.id))
    opened = window.reader.article
    window.commands.next_unread.trigger()  # the Herald's other article
    qtbot.waitUntil(lambda: window.reader.article not in (None, opened))
    assert window.reader.article is not None and window.reader.article.source == herald.title
    window.commands.next_unread.trigger()  # none left there: the Gazette's newest unread one
    qtbot.waitUntil(lambda: _open_source(window) == gazette.title)
    assert sections.current_section() == Section.of_source(gazette.id)
    assert window.reader.article.title == article_titles(window)[0]


def test_return_in_an_empty_search_box_only_goes_to_the_list(
    window: MainWindow, qtbot: QtBot
) -> None:
    view = article_list(window)
    view.setCurrentIndex(article_model(window).index(3))
    had = window.reader.article
    box = _search_box(window)
    _focus(window, qtbot, box)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(view.hasFocus)
    assert window.reader.article == had
