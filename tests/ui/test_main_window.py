"""The window as a reader uses it: the list, sections, search, reading, keyboard, names."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDockWidget,
    QLineEdit,
    QScrollBar,
    QTableView,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.domain import BOOKMARKS, UNREAD
from desktop.paths import AppPaths
from desktop.ui.articles.article_model import Role
from desktop.ui.sections.section_list import SectionList
from desktop.ui.shell.main_window import MainWindow
from tests.ui.parts import article_list, article_model, stored


def _titles(window: MainWindow) -> list[str]:
    model = article_model(window)
    return [str(model.index(row).data()) for row in range(model.rowCount())]


def test_the_window_opens_on_the_newest_article(window: MainWindow) -> None:
    article = window.reader.article
    assert article is not None
    assert window.windowTitle() == f"{article.title} — Broadsheet"
    assert _titles(window)[0] == article.title
    text = window.reader.toPlainText()
    for part in (article.title, article.caption, article.credit, article.byline):
        assert part and part in text


def test_the_parts_have_the_names_tools_look_for(window: MainWindow, qtbot: QtBot) -> None:
    assert window.objectName() == "mainWindow"
    for name, kind in [
        ("articleList", QAbstractItemView),
        ("readerView", QTextEdit),
        ("searchBox", QLineEdit),
        ("marketDock", QDockWidget),
        ("currencyTable", QTableView),
        ("quoteTable", QTableView),
    ]:
        # The market tables are built after the first paint: on a busy machine, a while after.
        qtbot.waitUntil(partial(_has_part, window, kind, name))
    shortcuts = {
        "actionZoomIn": {"Ctrl++", "Ctrl+="},
        "actionZoomOut": {"Ctrl+-"},
        "actionZoomReset": {"Ctrl+0"},
        "actionToggleBookmark": {"Ctrl+D"},
    }
    for name, expected in shortcuts.items():
        action = window.commands.__dict__[_attribute(name)]
        assert action.objectName() == name
        assert expected <= {s.toString() for s in action.shortcuts()}, name


def _has_part(window: MainWindow, kind: type[QWidget], name: str) -> bool:
    """Whether the window holds a part of this kind by this name (yet)."""
    return window.findChild(kind, name) is not None


def _attribute(object_name: str) -> str:
    names = {
        "actionZoomIn": "zoom_in",
        "actionZoomOut": "zoom_out",
        "actionZoomReset": "zoom_reset",
        "actionToggleBookmark": "toggle_bookmark",
    }
    return names[object_name]


def test_the_list_model_is_a_well_behaved_model(window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(article_model(window))


@pytest.fixture
def large_window(qtbot: QtBot, paths: AppPaths, data_dir: Path) -> MainWindow:
    """A window over a store of 1,000 more articles than the sample's: five pages of them."""
    from tests.factories import add_articles

    add_articles(paths.store, paths.images, 1000)
    from desktop.app import create_window

    window = create_window(data_dir)
    qtbot.addWidget(window)
    return window


def test_a_large_section_loads_in_pages(large_window: MainWindow) -> None:
    model = article_model(large_window)
    assert model.rowCount() == 200  # one page, not the whole store
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400


def test_a_list_read_again_elsewhere_keeps_its_pages_unless_the_section_changed(
    large_window: MainWindow, paths: AppPaths
) -> None:
    from desktop.operations.reading import list_again
    from desktop.store.database import connect_reader

    model = article_model(large_window)
    model.fetchMore(QModelIndex())
    query = model.query
    connection = connect_reader(paths.store)
    read = list_again(connection, query, model.rowCount(), None)  # as a pool thread reads it
    connection.close()
    assert [len(page.rows) for page in read.pages] == [200, 200]  # as far as it was loaded
    assert model.show_read(query, read) and model.rowCount() == 400
    assert model.canFetchMore(QModelIndex())  # and the rest still comes page by page
    model.show(UNREAD)  # the person picked another section meanwhile
    unread = model.rowCount()
    assert not model.show_read(query, read) and model.rowCount() == unread


def test_scrolling_to_the_end_of_the_list_brings_the_next_page_in_order(
    large_window: MainWindow, qtbot: QtBot
) -> None:
    window = large_window
    window.show()
    qtbot.waitExposed(window)
    view, model = article_list(window), article_model(window)
    bar, end = view.verticalScrollBar(), 0
    for pages in (2, 3):
        qtbot.waitUntil(partial(_grown_past, bar, end))  # the rows so far are laid out
        end = bar.maximum()
        bar.setValue(end)  # the view asks for more when it reaches its end
        qtbot.waitUntil(partial(_rows_are, model, 200 * pages))
    rows = [model.article_at(row) for row in range(model.rowCount())]
    assert len({row.id for row in rows if row}) == 600  # no article twice
    dated = [(row.published, row.id) for row in rows if row and row.published]
    assert dated == sorted(dated, reverse=True)  # newest first across the pages
    far = rows[450]
    assert far is not None and model.index(450).data() == far.title


def _grown_past(bar: QScrollBar, end: int) -> bool:
    """Whether the scroll bar's range reaches past ``end`` (more rows were laid out)."""
    return bar.maximum() > end


def _rows_are(model: QAbstractItemModel, count: int) -> bool:
    """Whether the model holds ``count`` rows."""
    return model.rowCount() == count


def test_a_double_click_on_a_row_opens_no_editor(window: MainWindow, qtbot: QtBot) -> None:
    view, model = article_list(window), article_model(window)
    index = model.index(1)
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    qtbot.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert view.state() != view.State.EditingState
    assert window.reader.article is not None
    assert window.reader.article.id == index.data(Role.ID)


def test_opening_an_article_marks_it_read_once_saved(
    window: MainWindow, qtbot: QtBot, paths: AppPaths
) -> None:
    view = article_list(window)
    model = article_model(window)
    second = model.index(1)
    assert not second.data(Role.READ)
    view.setCurrentIndex(second)
    qtbot.waitUntil(lambda: bool(model.index(1).data(Role.READ)))
    article_id = int(second.data(Role.ID))
    assert stored(paths, "SELECT read FROM articles WHERE id = ?", article_id) == 1
    assert window.reader.article is not None and window.reader.article.id == article_id


def test_mark_as_unread_puts_the_article_back_in_unread(
    window: MainWindow, qtbot: QtBot, paths: AppPaths
) -> None:
    model = article_model(window)
    qtbot.waitUntil(lambda: bool(model.index(0).data(Role.READ)))
    first = int(model.index(0).data(Role.ID))
    window.commands.toggle_read.trigger()
    qtbot.waitUntil(lambda: not model.index(0).data(Role.READ))
    assert stored(paths, "SELECT read FROM articles WHERE id = ?", first) == 0


def test_sections_show_their_articles(window: MainWindow, qtbot: QtBot) -> None:
    sections = window.findChild(SectionList, "sectionList")
    assert sections is not None
    labels = [sections.item(row).text() for row in range(sections.count())]
    assert labels[:3] == ["All articles", "Unread", "Bookmarks"]
    assert {"The Harbour Gazette", "The Valley Courier", "The Carrowmere Herald"} <= set(labels)
    # Unread is read from the store when chosen: once the open article's read state is saved.
    qtbot.waitUntil(lambda: window.reader.article is not None and window.reader.article.read)
    sections.select(BOOKMARKS)
    assert article_model(window).rowCount() == 0
    sections.select(UNREAD)
    qtbot.waitUntil(lambda: article_model(window).rowCount() == 7)  # the open article was read
    row = labels.index("The Harbour Gazette")
    sections.setCurrentRow(row)
    assert article_model(window).rowCount() == 3
    assert {article_model(window).index(r).data(Role.SOURCE) for r in range(3)} == {
        "The Harbour Gazette"
    }


def test_sections_show_unread_counts(window: MainWindow, qtbot: QtBot) -> None:
    from desktop.ui.sections.section_list import COUNT_ROLE

    sections = window.findChild(SectionList, "sectionList")
    assert sections is not None
    qtbot.waitUntil(lambda: sections.item(1).data(COUNT_ROLE) == 7)


def test_search_narrows_the_list_as_you_type(window: MainWindow, qtbot: QtBot) -> None:
    box = window.findChild(QLineEdit, "searchBox")
    assert box is not None
    qtbot.keyClicks(box, "mete")
    titles = _titles(window)
    assert titles and all("meteor" in t.lower() or "night" in t.lower() for t in titles[:1])
    assert len(titles) < 8
    box.clear()
    assert len(_titles(window)) == 8
    qtbot.keyClicks(box, "zzzqqq")
    assert _titles(window) == []
    assert "No articles match “zzzqqq”" in article_list(window).empty_text


def test_keyboard_moves_between_articles(window: MainWindow, qtbot: QtBot) -> None:
    titles = _titles(window)
    window.commands.next_article.trigger()
    assert window.reader.article is not None and window.reader.article.title == titles[1]
    window.commands.next_article.trigger()
    window.commands.previous_article.trigger()
    assert window.reader.article.title == titles[1]
    for _ in range(10):
        window.commands.next_article.trigger()
    assert window.reader.article.title == titles[-1]


def test_single_key_shortcuts_move_between_articles(window: MainWindow, qtbot: QtBot) -> None:
    titles = _titles(window)
    window.activateWindow()
    article_list(window).setFocus()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    qtbot.keyClick(article_list(window), Qt.Key.Key_J)
    assert window.reader.article is not None and window.reader.article.title == titles[1]
    qtbot.keyClick(article_list(window), Qt.Key.Key_K)
    assert window.reader.article.title == titles[0]


def test_every_control_has_a_name_for_screen_readers(window: MainWindow) -> None:
    unnamed = [
        widget.objectName() or type(widget).__name__
        for widget in window.findChildren(QWidget)
        if widget.isVisible()
        and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not widget.accessibleName()
        and not (isinstance(widget, QAbstractButton) and widget.text())
        and not isinstance(widget, QTextEdit | QAbstractItemView)  # named via viewport owner
        and widget.parent() is not None
        and type(widget).__name__ not in {"QWidget", "QScrollBar", "QSplitterHandle"}
    ]
    assert unnamed == []
    for name in ("articleList", "readerView", "searchBox"):
        found = window.findChild(QWidget, name)
        assert found is not None and found.accessibleName()


def test_tab_reaches_search_list_and_reader(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    seen: set[str] = set()
    window.findChild(QLineEdit, "searchBox").setFocus()  # type: ignore[union-attr]
    for _ in range(30):
        focused = window.focusWidget()
        if focused is not None:
            seen.add(focused.objectName())
        qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Tab)
    assert {"searchBox", "articleList", "readerView"} <= seen


def test_window_layout_is_kept_across_restarts(open_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    first = open_window()
    first.resize(701, 503)  # within the offscreen screen, which restoreGeometry respects
    dock = first.findChild(QDockWidget, "marketDock")
    assert dock is not None
    dock.hide()
    first.close()
    second = open_window()
    assert (second.width(), second.height()) == (701, 503)
    dock = second.findChild(QDockWidget, "marketDock")
    assert dock is not None and not dock.isVisible()


@pytest.mark.parametrize("dark", [False, True])
def test_light_and_dark_appearance_reach_the_reader(
    window: MainWindow, qtbot: QtBot, dark: bool
) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.ui import appearance

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.palette()
    try:
        appearance.apply(app, "dark" if dark else "light")
        qtbot.waitUntil(lambda: _reader_text_colour(window) == app.palette().text().color().name())
        lightness = window.reader.palette().base().color().lightness()
        assert (lightness < 80) if dark else (lightness > 200)
    finally:
        app.setPalette(original)


def _reader_text_colour(window: MainWindow) -> str:
    sheet = window.reader.document().defaultStyleSheet()
    return sheet.split("body {", 1)[1].split("color:", 1)[1].split(";", 1)[0].strip()


def test_closing_the_window_finishes_writes_and_seals_the_store(
    window: MainWindow, qtbot: QtBot, paths: AppPaths
) -> None:
    assert not paths.store_seal.exists()  # open: not sealed, so a crash is checked next time
    window.commands.toggle_bookmark.trigger()
    window.close()  # with the bookmark perhaps still queued: it must be written first
    assert paths.store_seal.exists()
    assert not paths.store.with_name(paths.store.name + "-wal").exists()
    assert stored(paths, "SELECT count(*) FROM articles WHERE bookmarked IS NOT NULL") == 1


def test_the_first_paint_comes_before_the_market_panel_and_the_read_mark(
    qtbot: QtBot, data_dir: Path, paths: AppPaths
) -> None:
    from desktop.app import create_window

    window = create_window(data_dir, complete=False)
    qtbot.addWidget(window)
    opened_before_showing = window.reader.article is not None
    assert not opened_before_showing  # opened when shown, at the reader's final width
    window.show()
    article = window.reader.article
    assert article is not None and not article.read
    assert window.findChild(QTableView, "currencyTable") is None  # not built before painting
    qtbot.waitUntil(lambda: window.findChild(QTableView, "currencyTable") is not None)
    qtbot.waitUntil(
        lambda: stored(paths, "SELECT read FROM articles WHERE id = ?", article.id) == 1
    )
