"""The main window: sections, the article list with its search box, the reader, the market dock."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.domain import ALL, Article, Section, Source
from desktop.paths import AppPaths
from desktop.settings import (
    APPEARANCES,
    DEFAULT_TEXT_SIZE,
    Appearance,
    Settings,
    larger_text_size,
    smaller_text_size,
)
from desktop.store import articles, feeds
from desktop.store import sources as source_queries
from desktop.store.errors import StoreError, StoreUnwritableError, classify
from desktop.tasks import Runner
from desktop.ui import appearance
from desktop.ui.actions import confine, create_actions
from desktop.ui.article_list import ArticleListView
from desktop.ui.article_model import ArticleListModel
from desktop.ui.browser import open_in_browser
from desktop.ui.caret_browsing import (
    caret_announcement,
    caret_browsing_action,
    caret_sentence,
)
from desktop.ui.focus_marks import show_focus
from desktop.ui.importing import Importer, local_files
from desktop.ui.lifecycle import after_first_paint, keep_startup_objects
from desktop.ui.market_dock import MarketDock
from desktop.ui.market_room import MarketRoom
from desktop.ui.markets import Markets
from desktop.ui.pane_room import PaneRoom
from desktop.ui.reader import ArticleBrowser
from desktop.ui.reader_bar import build_reader_bar
from desktop.ui.reading_place import PlaceMemory, ReadingPlace
from desktop.ui.refreshing import Refresher, RefreshStatus
from desktop.ui.regions import Region, move_between
from desktop.ui.search_box import SearchBox
from desktop.ui.section_view import SectionView
from desktop.ui.sections import SectionList
from desktop.ui.sections_pane import SectionsPane
from desktop.ui.source_editing import SourceEditor
from desktop.ui.speech import announce, show_clear_button
from desktop.ui.window_state import WindowState
from desktop.wording import count

if TYPE_CHECKING:
    from desktop.ingest.targets import Target
    from desktop.ui.subscribe_dialog import SubscribeDialog

log = logging.getLogger(__name__)

MARKET_WIDTH = 400
SUMMARY_MS = 8000  # how long the status bar says how a refresh went
STARTUP_REVEAL_PAGES = 3  # how far the list reads for the article left open (600 rows)


@dataclass(frozen=True)
class Services:
    """What the window works with, handed over by the composition root."""

    paths: AppPaths
    connection: sqlite3.Connection
    runner: Runner
    settings: Settings
    save_settings: Callable[[Settings], None]
    close_store: Callable[[], None]


class MainWindow(QMainWindow):
    """Broadsheet's window. It reads the store directly (fast, on this thread) and sends every
    write to the runner's writer thread, showing a change only once it is committed. Closing it
    finishes queued writes and closes the store (``Services.close_store``).
    """

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self._services = services
        self._settings = services.settings
        self._pending_bookmarks: dict[int, bool] = {}
        self._reloads = 0  # the list's reloads asked for: only the latest is shown
        self._painted = False
        self._first_article_opened = False
        self._unread_on_show: int | None = None
        self._waiting_targets: list[Target] = []  # handed over before the first paint
        self._subscribe_dialog: SubscribeDialog | None = None
        self._appearance_actions: dict[str, QAction] = {}
        self.commands = create_actions(self)
        self.caret_browsing = caret_browsing_action(self, self._settings.caret_browsing)
        self._model = ArticleListModel(services.connection, services.paths.images)
        self._refresher = Refresher(services.runner, services.paths.images, self)
        self._refresher.schedule(self._settings.refresh_minutes, self._settings.keep_days)
        self._source_editor = SourceEditor(services.runner, services.paths.store, self)
        self._importer = Importer(services.runner, services.paths.images, self)
        self._importer.finished.connect(self._on_imported)
        self._places = PlaceMemory(services.paths.window_state)
        self.setAcceptDrops(True)  # a feed, OPML file or saved page dropped on the window
        self._build_widgets()
        self._build_menus()
        self._connect()
        self._state = WindowState(services.paths.window_state)
        if not self._state.restore(self, self._splitter):
            self._lay_out_first_time()
        self._market_room.start(self._state)
        self._pane_room.start(self._state)
        self._reader.set_text_size(self._settings.text_size)
        self._reader.set_caret_browsing(self._settings.caret_browsing)
        self._show_text_size(self._settings.text_size)
        self._sections.set_sources(source_queries.sources(services.connection))
        self._place = self._places.load()
        self._show_first_section(self._place.section if self._place else ALL)
        after_first_paint(self._reader.viewport(), self._after_first_paint)

    # Building -------------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self._sections = SectionList()
        self._sections_pane = SectionsPane(self._sections)
        self._search = SearchBox()
        self._list = ArticleListView(self._model)
        self._list.set_context_actions(
            [
                self.commands.toggle_bookmark,
                self.commands.toggle_read,
                self.commands.open_in_browser,
            ]
        )
        search_row = _row(self._sections_pane.button, self._search)
        middle = _column(search_row, self._list, margins=(8, 8, 0, 0))
        self._middle = middle
        self._reader = ArticleBrowser(self._services.paths.images)
        show_focus(self._reader)
        self._reader_bar, self._text_size = build_reader_bar(self.commands)
        right = _column(self._reader_bar, self._reader, margins=(0, 0, 0, 0))
        self._splitter = QSplitter(Qt.Orientation.Horizontal)
        self._splitter.setObjectName("mainSplitter")
        for widget in (self._sections_pane, middle, right):
            self._splitter.addWidget(widget)
        self._splitter.setStretchFactor(2, 1)
        self._splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self._splitter)
        self._market = MarketDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self._market)
        self._market_room = MarketRoom(self, self._market, self._reader)
        self._pane_room = PaneRoom(
            self, self._splitter, self._sections_pane, self._list, self._market_room
        )
        self._market_room.count_lent(self._pane_room.lent)
        self._markets = Markets(
            self._market, self._services.runner, self._services.paths, lambda: self._settings, self
        )
        self.statusBar().setObjectName("statusBar")
        self._refresh_status = RefreshStatus()
        self.statusBar().addPermanentWidget(self._refresh_status)
        self._section_view = SectionView(
            self._model,
            self._list,
            self._reader,
            self._search,
            self._show_reader_message,
            self._section_title,
        )
        confine(self.commands.reading_keys(), [self._list, self._reader])
        a = self.commands
        for action in (a.undo, a.remove_sample, a.restore_sample):
            action.setEnabled(False)  # until the reading tools are built, after the first paint

    def _build_reading_tools(self) -> None:
        """Next unread, mark all as read with its Undo, and the sample edition's offer: built
        just after the first paint, which needs none of them."""
        from desktop.ui.marking import ReadMarker, UndoButton
        from desktop.ui.navigation import Navigator
        from desktop.ui.sample_edition import SampleEdition, SampleNotice

        services = self._services
        self._navigator = Navigator(
            services.connection, self._list, self._reader, self.open_article, self._section_title
        )
        self._marker = ReadMarker(services.runner, self)
        self._undo_button = UndoButton(self.commands.undo, self.statusBar())
        notice = SampleNotice()
        layout = self._middle.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, notice)
        self._sample = SampleEdition(
            services.runner, services.paths.images, self.commands, notice, self._places
        )
        self._connect_reading()

    def _build_menus(self) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu("&File")
        file_menu.addAction(self.commands.add_subscription)
        file_menu.addAction(self.commands.import_files)
        file_menu.addAction(self.commands.refresh)
        file_menu.addSeparator()
        file_menu.addAction(self.commands.export_bookmarks)
        file_menu.addSeparator()
        file_menu.addAction(self.commands.quit)
        edit_menu = menus.addMenu("&Edit")
        edit_menu.addAction(self.commands.undo)
        edit_menu.addSeparator()
        edit_menu.addAction(self.commands.find)
        edit_menu.addSeparator()
        edit_menu.addAction(self.commands.preferences)
        view_menu = menus.addMenu("&View")
        for action in (self.commands.zoom_in, self.commands.zoom_out, self.commands.zoom_reset):
            view_menu.addAction(action)
        view_menu.addAction(self.caret_browsing)
        view_menu.addSeparator()
        view_menu.addAction(self._market_room.action)
        view_menu.addAction(self.commands.refresh_market)
        view_menu.addMenu(self._appearance_menu())
        view_menu.addSeparator()
        view_menu.addActions([self.commands.next_region, self.commands.previous_region])
        article_menu = menus.addMenu("&Article")
        a = self.commands
        for group in (
            (a.next_article, a.previous_article, a.next_unread),
            (a.article_top, a.article_end),
            (a.toggle_bookmark, a.toggle_read, a.open_in_browser),
            (a.mark_all_read, a.mark_day_old_read, a.mark_week_old_read),
        ):
            if article_menu.actions():
                article_menu.addSeparator()
            article_menu.addActions(list(group))
        help_menu = menus.addMenu("&Help")
        sample_menu = help_menu.addMenu("&Sample Edition")
        sample_menu.addActions([a.remove_sample, a.restore_sample])
        help_menu.addSeparator()
        help_menu.addAction(a.about)

    def _appearance_menu(self) -> QMenu:
        menu = QMenu("A&ppearance", self)
        group = QActionGroup(menu)
        labels = {"system": "&Follow System", "light": "&Light", "dark": "&Dark"}
        for choice in APPEARANCES:
            action = menu.addAction(labels[choice])
            action.setObjectName(f"actionAppearance{choice.title()}")
            action.setCheckable(True)
            action.setChecked(choice == self._settings.appearance)
            group.addAction(action)
            self._appearance_actions[choice] = action
            action.triggered.connect(lambda _=False, c=choice: self._on_appearance_chosen(c))
        return menu

    def _connect(self) -> None:
        a = self.commands
        a.zoom_in.triggered.connect(lambda: self.set_text_size(larger_text_size(self.text_size)))
        a.zoom_out.triggered.connect(lambda: self.set_text_size(smaller_text_size(self.text_size)))
        a.zoom_reset.triggered.connect(lambda: self.set_text_size(DEFAULT_TEXT_SIZE))
        a.toggle_bookmark.triggered.connect(self._on_toggle_bookmark)
        a.toggle_read.triggered.connect(self._on_toggle_read)
        a.import_files.triggered.connect(self._on_import)
        a.next_article.triggered.connect(lambda: self._list.step(1))
        a.previous_article.triggered.connect(lambda: self._list.step(-1))
        a.open_in_browser.triggered.connect(self._on_open_in_browser)
        a.article_top.triggered.connect(self._reader.to_top)
        a.article_end.triggered.connect(self._reader.to_end)
        a.find.triggered.connect(self._on_find)
        a.export_bookmarks.triggered.connect(self._on_export_bookmarks)
        a.add_subscription.triggered.connect(self._on_add_subscription)
        a.refresh.triggered.connect(self._on_refresh)
        a.preferences.triggered.connect(self._on_preferences)
        a.quit.triggered.connect(self.close)
        a.about.triggered.connect(self._on_about)
        self.caret_browsing.toggled.connect(self._on_caret_browsing_toggled)
        self._text_size.size_chosen.connect(self.set_text_size)
        self._reader.zoom_requested.connect(
            lambda step: a.zoom_in.trigger() if step > 0 else a.zoom_out.trigger()
        )
        self._sections.section_chosen.connect(self._section_view.show_section)
        self._list.selectionModel().currentChanged.connect(self._on_current_changed)
        self._reader.link_failed.connect(self._say)
        self._list.bookmark_requested.connect(self._toggle_bookmark_of)
        self._markets.settings_chosen.connect(self._store_settings)
        self._markets.message.connect(lambda text: self.statusBar().showMessage(text, SUMMARY_MS))
        self._markets.preferences_requested.connect(self._on_preferences)
        a.refresh_market.triggered.connect(self._markets.refresh)
        a.next_region.triggered.connect(lambda: move_between(self._regions(), 1))
        a.previous_region.triggered.connect(lambda: move_between(self._regions(), -1))
        self._connect_refresh()
        self._connect_sources()

    def _connect_reading(self) -> None:
        a, marker, sample, navigator = self.commands, self._marker, self._sample, self._navigator
        a.next_unread.triggered.connect(navigator.next_unread)
        a.mark_all_read.triggered.connect(lambda: self._mark_read(self._model.section, "", 0))
        a.mark_day_old_read.triggered.connect(lambda: self._mark_read(self._model.section, "", 1))
        a.mark_week_old_read.triggered.connect(lambda: self._mark_read(self._model.section, "", 7))
        a.undo.triggered.connect(marker.undo)
        marker.changed.connect(self._on_read_states_changed)
        marker.message.connect(self._say)
        marker.undoable.connect(self._on_undoable)
        marker.undo_changed.connect(self.commands.undo.setEnabled)
        navigator.message.connect(self._say)
        navigator.section_wanted.connect(self._sections.select)
        navigator.set_next_section(self._sections.next_with_unread)
        self._sections.mark_read_requested.connect(self._mark_read)
        self._importer.sources_added.connect(self._on_feeds_added)
        sample.changed.connect(self._on_sample_changed)
        sample.failed.connect(self._warn)
        sample.answered.connect(lambda: self._list.setFocus(Qt.FocusReason.OtherFocusReason))

    def _connect_refresh(self) -> None:
        refresher = self._refresher
        refresher.started.connect(self._on_refresh_started)
        refresher.progressed.connect(self._refresh_status.show_progress)
        refresher.articles_arrived.connect(self._on_articles_arrived)
        refresher.finished.connect(self._on_refresh_finished)
        refresher.failed.connect(self._on_refresh_finished)
        self._refresh_status.cancel_clicked.connect(refresher.cancel)

    def _connect_sources(self) -> None:
        sections, editor = self._sections, self._source_editor
        sections.rename_requested.connect(editor.rename)
        sections.move_requested.connect(lambda source: editor.move(source, sections.folders()))
        sections.full_articles_toggled.connect(editor.set_full_articles)
        sections.refresh_requested.connect(lambda source: self._refresher.start((source.id,)))
        sections.remove_requested.connect(editor.remove)
        editor.edited.connect(self._on_source_edited)
        editor.failed.connect(self._warn)

    # Public API ------------------------------------------------------------------------------

    @property
    def reader(self) -> ArticleBrowser:
        """The reading view."""
        return self._reader

    @property
    def text_size(self) -> int:
        """The reader's text size in percent."""
        return self._reader.text_size

    def set_text_size(self, percent: int) -> None:
        """Change the reader's text size and remember it."""
        self._reader.set_text_size(percent)
        self._show_text_size(self._reader.text_size)
        self._store_settings(self._settings.with_text_size(self._reader.text_size))

    def open_article(self, article_id: int) -> bool:
        """Show an article in the reader, and mark it read; return whether it was shown."""
        try:
            article = articles.get(
                self._services.connection, article_id, self._services.paths.images
            )
        except articles.ArticleNotFoundError:
            self._show_reader_message("This article is no longer in the store.", "")
            return False
        except sqlite3.Error as error:
            self._report(classify(error, self._services.paths.store))
            return False
        self._reader.show_article(article)
        self.setWindowTitle(f"{article.title} — {APP_NAME}")
        self._update_article_actions(article)
        if article.read:
            return True
        if self._painted:
            self._set_read(article.id, True)
        else:
            self._unread_on_show = article.id
        return True

    def bring_forward(self) -> None:
        """Show the window un-minimised, on top and active (a later start asked for it)."""
        if self.isMinimized():
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def open_targets(self, targets: Sequence[Target]) -> None:
        """Open what came from outside, once the window has painted: a feed link in the
        subscribe prompt, filled in and waiting for the person to confirm; files through the same
        import as dropped ones; anything else is one sentence in the status bar."""
        if not self._painted:
            self._waiting_targets.extend(targets)
            return
        from desktop.ingest.targets import FeedLink, LocalFile, Unopenable

        problems = [target.sentence for target in targets if isinstance(target, Unopenable)]
        for sentence in problems:
            log.info("Not opened: %s", sentence)
        files = [target.path for target in targets if isinstance(target, LocalFile)]
        if files and self._importer.import_files(files):
            self.statusBar().showMessage(f"Importing {count(len(files), 'file')}…")
        elif files:
            problems.append("Broadsheet is importing other files; open these again afterwards.")
        links = [target.url for target in targets if isinstance(target, FeedLink)]
        if links:
            log.info("Asked to subscribe to %s", links[0])
            self._open_subscribe_prompt(links[0])
        if len(links) > 1:
            problems.append(f"Only the first of {len(links)} feed links is shown; add the others.")
        if problems:
            self.statusBar().showMessage(problems[0], SUMMARY_MS)

    # Slots -----------------------------------------------------------------------------------

    def finish_startup(self) -> None:
        """Do now what the window otherwise does when shown and just after its first paint (for
        hosts and tests that want every part ready at once)."""
        self._open_first_article()
        self._after_first_paint()

    def _after_first_paint(self) -> None:
        """Do what the first paint does not need: mark the open article read, count the unread
        articles, fill the market panel; then keep what start-up made out of the garbage
        collector's way. Runs once."""
        if self._painted:
            return
        self._painted = True
        show_clear_button(self._search, "Clear the search")  # its icon costs a few ms at first
        if self._unread_on_show is not None:
            self._set_read(self._unread_on_show, True)
            self._unread_on_show = None
        self._refresh_counts()
        self._markets.start(automatic=self._settings.refresh_minutes > 0)
        self._refresh_if_due()
        self._build_reading_tools()
        self._sample.look(self._services.connection)
        waiting, self._waiting_targets = self._waiting_targets, []
        if waiting:
            self.open_targets(waiting)
        keep_startup_objects()

    def _refresh_if_due(self) -> None:
        """Refresh shortly after start-up when the subscriptions are older than the interval."""
        try:
            last = feeds.last_refreshed(self._services.connection)
        except sqlite3.Error as error:
            log.error("Could not tell when the subscriptions were refreshed", exc_info=error)
            return
        self._refresher.start_if_due(self._settings.refresh_minutes, last)

    def _show_first_section(self, section: Section) -> None:
        """Choose the section the person left (ALL when it is gone) and fill the list."""
        self._sections.blockSignals(True)
        self._sections.select(section)
        self._sections.blockSignals(False)
        self._model.show(self._sections.current_section() or ALL)  # the reader waits for show

    def _open_first_article(self) -> None:
        """Open the article the person left, where they left it (none if they left none open),
        else the newest one; done when the window shows, when the reader has its final width,
        so its photo is decoded once, at the size it is shown."""
        if self._first_article_opened:
            return
        self._first_article_opened = True
        place = self._place
        if place is not None and place.article_id and self._reopen(place.article_id):
            self._reader.go_to_place(place.place)
        elif self._model.rowCount() and (place is None or place.article_id):
            self._list.setCurrentIndex(self._model.index(0))
        else:
            self._section_view.settle()

    def _reopen(self, article_id: int) -> bool:
        """Open an article again, selected in the list if the section holds it."""
        if self._list.reveal(article_id, STARTUP_REVEAL_PAGES):
            return self._reader.article is not None and self._reader.article.id == article_id
        return articles.exists(self._services.connection, article_id) and self.open_article(
            article_id
        )

    def _on_current_changed(self, current: QModelIndex, _: QModelIndex) -> None:
        row = self._model.article_at(current.row()) if current.isValid() else None
        if row is not None and (self._reader.article is None or self._reader.article.id != row.id):
            self.open_article(row.id)

    def _on_toggle_bookmark(self) -> None:
        article = self._reader.article
        if article is not None:  # the action has checked itself: unchecked again if the write fails
            self._toggle_bookmark_of(article.id)

    def _toggle_bookmark_of(self, article_id: int) -> None:
        """Flip an article's bookmark; the star changes once the store has committed it."""
        current = self._pending_bookmarks.get(article_id, self._is_bookmarked(article_id))
        wanted = not current
        self._pending_bookmarks[article_id] = wanted

        def write(connection: sqlite3.Connection) -> datetime | None:
            from desktop.store.database import transaction

            with transaction(connection):
                return articles.set_bookmarked(connection, article_id, wanted)

        self._services.runner.write(
            write,
            lambda when: self._on_bookmark_saved(article_id, when),
            lambda error: self._on_write_failed(article_id, "save the bookmark", error),
        )

    def _on_bookmark_saved(self, article_id: int, when: datetime | None) -> None:
        if self._pending_bookmarks.get(article_id) == (when is not None):
            del self._pending_bookmarks[article_id]
        self._model.mark(article_id, bookmarked=when is not None)
        article = self._reader.article
        if article is not None and article.id == article_id:
            article = replace(article, bookmarked_at=when)
            self._reader_article_changed(article)
        said = "Bookmarked" if when else "Bookmark removed"
        self.statusBar().showMessage(f"{said}.", 3000)
        announce(self, said)
        self._refresh_counts()

    def _on_toggle_read(self) -> None:
        article = self._reader.article
        if article is not None:
            self._set_read(article.id, not article.read)

    def _set_read(self, article_id: int, read: bool) -> None:
        def write(connection: sqlite3.Connection) -> None:
            from desktop.store.database import transaction

            with transaction(connection):
                articles.set_read(connection, [article_id], read)

        self._services.runner.write(
            write,
            lambda _: self._on_read_saved(article_id, read),
            lambda error: self._on_write_failed(article_id, "save the read state", error),
        )

    def _on_read_saved(self, article_id: int, read: bool) -> None:
        self._model.mark(article_id, read=read)
        article = self._reader.article
        if article is not None and article.id == article_id:
            self._reader_article_changed(replace(article, read=read))
        self._refresh_counts()

    def _on_write_failed(self, article_id: int, what: str, error: BaseException) -> None:
        self._pending_bookmarks.pop(article_id, None)
        self._update_article_actions(self._reader.article)  # the bookmark's check as stored
        log.error("Could not %s for article %d", what, article_id, exc_info=error)
        if isinstance(error, sqlite3.Error):
            error = classify(error, self._services.paths.store)
        self._report(error, f"Could not {what}")

    def _on_open_in_browser(self) -> None:
        article = self._reader.article
        sentence = open_in_browser(article.url) if article is not None and article.url else None
        if sentence:
            self._say(sentence)

    # Reading ---------------------------------------------------------------------------------

    def _regions(self) -> list[Region]:
        """The parts F6 moves between: the sections (their button while folded), the list, the
        reader, the Markets panel."""
        pane = self._sections_pane
        return [
            Region(pane.button) if pane.folded else Region(self._sections),
            Region(self._middle, self._list),
            Region(self._reader.parentWidget() or self._reader, self._reader),
            Region(self._market),
        ]

    def _section_title(self) -> str:
        """The chosen section's name, as the section list shows it."""
        item = self._sections.currentItem()
        return item.text() if item is not None else "All articles"

    def _mark_read(self, section: Section, title: str, days: int) -> None:
        """Mark a section read (the one shown, when ``title`` is empty): its articles older
        than ``days``, or all of them."""
        from desktop.ui.marking import request_for

        connection, title = self._services.connection, title or self._section_title()
        self._marker.mark(request_for(self._model, connection, section, title, days))

    def _on_read_states_changed(self, change: tuple[list[int], bool]) -> None:
        ids, read = change
        article = self._reader.article
        if article is not None and article.id in ids:
            self._reader_article_changed(replace(article, read=read))
        self._reload_list()
        self._refresh_counts()

    def _on_undoable(self, sentence: str) -> None:
        self._say(sentence)
        self._undo_button.offer(sentence)

    def _on_feeds_added(self, source_ids: tuple[int, ...]) -> None:
        """An import subscribed to feeds: fetch them now, and offer to remove the sample."""
        self._refresher.start(source_ids)
        self._sample.offer()

    def _on_sample_changed(self, sentence: str) -> None:
        self._say(sentence)
        self._reload_sources()
        self._reload_list()

    def _say(self, sentence: str) -> None:
        self.statusBar().showMessage(sentence, SUMMARY_MS)

    def _on_find(self) -> None:
        self._search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._search.selectAll()

    def _on_export_bookmarks(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from desktop.export import write_bookmarks

        file, chosen_filter = QFileDialog.getSaveFileName(
            self,
            "Export Bookmarks",
            str(Path.home() / "Broadsheet bookmarks.html"),
            "Web page (*.html);;Markdown (*.md)",
        )
        if not file:
            return
        target = Path(file)
        if target.suffix.lower() not in {".html", ".htm", ".md", ".markdown"}:
            target = target.with_suffix(".md" if "Markdown" in chosen_filter else ".html")
        images = self._services.paths.images

        def export(connection: sqlite3.Connection) -> str:
            saved = articles.bookmarked(connection, images)
            write_bookmarks(saved.articles, target, datetime.now(UTC))
            exported = f"Exported {len(saved.articles)} bookmarks to {target}"
            return f"{exported}{saved.unreadable_sentence()}."

        self._services.runner.read(
            export,
            lambda sentence: self.statusBar().showMessage(sentence, 6000),
            lambda error: self._report(error, "Could not export the bookmarks"),
        )

    def _on_about(self) -> None:
        from desktop.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self._services.paths, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_caret_browsing_toggled(self, on: bool) -> None:
        self._reader.set_caret_browsing(on)
        self._store_settings(replace(self._settings, caret_browsing=on))
        self._say(caret_sentence(on))
        announce(self, caret_announcement(on))

    def _on_appearance_chosen(self, choice: Appearance) -> None:
        self._store_settings(replace(self._settings, appearance=choice))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            appearance.apply(app, choice)

    # Subscriptions and refresh ---------------------------------------------------------------

    def _on_add_subscription(self) -> None:
        self._open_subscribe_prompt()

    def _open_subscribe_prompt(self, address: str = "") -> None:
        """Open the Add Subscription dialog, with ``address`` filled in when a feed link came
        from outside; nothing is subscribed until the person confirms."""
        if self._subscribe_dialog is None:
            from desktop.ui.subscribe_dialog import SubscribeDialog

            self._subscribe_dialog = SubscribeDialog(self._services.runner, self)
            self._subscribe_dialog.subscribed.connect(self._on_subscribed)
        dialog = self._subscribe_dialog
        if not dialog.isVisible() or (address and not dialog.working):
            dialog.prepare(self._sections.folders(), address)
        dialog.open()

    def _on_subscribed(self, source_id: int, title: str) -> None:
        self.statusBar().showMessage(f"Subscribed to {title}.", SUMMARY_MS)
        self._reload_sources()
        self._refresher.start((source_id,))
        self._sample.offer()

    def _on_refresh(self) -> None:
        self._refresher.start()

    def _on_refresh_started(self) -> None:
        titles = {s.url: s.title for s in self._sections.sources() if s.url}
        self._refresh_status.set_titles(titles)
        self.commands.refresh.setEnabled(False)
        self._sections.set_refreshing(True)
        self._refresh_status.begin()

    def _on_articles_arrived(self) -> None:
        self._reload_list_from_the_pool()
        self._refresh_counts()

    def _on_refresh_finished(self, sentence: str) -> None:
        """A refresh ended (or stopped on an error): say how it went and show what it brought."""
        self.commands.refresh.setEnabled(True)
        self._sections.set_refreshing(False)
        self._refresh_status.end()
        self.statusBar().showMessage(sentence, SUMMARY_MS)
        self._reload_list()
        self._reload_sources()

    def _on_import(self) -> None:
        self._importer.choose(self)

    def _on_imported(self, sentence: str, stored: bool) -> None:
        """An import ended: say how it went, and show what it stored (articles, sources, and
        the market figures a saved page may bring)."""
        self.statusBar().showMessage(sentence, SUMMARY_MS)
        if stored:
            self._reload_list()
            self._reload_sources()
            self._markets.load()

    def _on_preferences(self) -> None:
        from desktop.ui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self._settings, self._markets.has_quotes_key, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._apply_preferences(dialog.chosen()))
        dialog.accepted.connect(lambda: self._markets.save_key(dialog.key_change()))
        dialog.open()

    def _apply_preferences(self, chosen: Settings) -> None:
        if chosen.appearance != self._settings.appearance:
            self._appearance_actions[chosen.appearance].setChecked(True)
            self._on_appearance_chosen(chosen.appearance)
        self._store_settings(chosen)
        self._refresher.schedule(chosen.refresh_minutes, chosen.keep_days)
        self._markets.set_automatic(chosen.refresh_minutes > 0)

    def _on_source_edited(self, sentence: str, articles_changed: bool) -> None:
        if sentence:
            self.statusBar().showMessage(sentence, SUMMARY_MS)
        self._reload_sources()
        if articles_changed:
            self._reload_list()  # its rows name their source; a removed one's are gone

    # Qt overrides ----------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = local_files(event.mimeData())
        if files and self._importer.import_files(files):
            event.acceptProposedAction()
            self.statusBar().showMessage(f"Importing {count(len(files), 'file')}…")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._open_first_article()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._state.save(self, self._splitter)
        article = self._reader.article
        self._places.save(
            ReadingPlace(
                self._model.section,
                article.id if article is not None else None,
                self._reader.place(),
            )
        )
        super().closeEvent(event)
        if event.isAccepted():
            self._refresher.stop()
            self._markets.stop()
            if self._subscribe_dialog is not None:
                self._subscribe_dialog.reject()
            self._services.close_store()

    # Helpers ---------------------------------------------------------------------------------

    def _lay_out_first_time(self) -> None:
        """Fill most of the screen, giving the reader the room the list and panel leave (on a
        small screen the market panel, then the panes make room for the reader: see
        ``MarketRoom`` and ``PaneRoom``)."""
        screen = self.screen().availableGeometry()
        width, height = min(1480, screen.width() - 40), min(920, screen.height() - 40)
        self.resize(width, height)
        self.move(screen.center() - self.rect().center())
        self.resizeDocks([self._market], [MARKET_WIDTH], Qt.Orientation.Horizontal)
        width -= MARKET_WIDTH
        sections, articles_width = max(150, width // 7), max(300, width // 3)
        self._splitter.setSizes([sections, articles_width, width - sections - articles_width])

    def _refresh_counts(self) -> None:
        self._services.runner.read(source_queries.counts, self._sections.set_counts, _log_failure)

    def _reload_sources(self) -> None:
        """Read the sources again (off this thread) and show them, then their counts."""
        self._services.runner.read(source_queries.sources, self._show_sources, _log_failure)

    def _show_sources(self, sources: list[Source]) -> None:
        self._sections.set_sources(sources)
        self._refresh_counts()

    def _reload_list(self) -> None:
        """Load the list again to show new articles, keeping the selected one and the scroll."""
        self._reloads += 1  # what a reload still reading on the pool brings is older
        self._keeping_place(self._model.reload)

    def _reload_list_from_the_pool(self) -> None:
        """The same, with the store read on a pool thread: beside a refresh's writes the query
        takes 4-30 ms, which the window would spend unable to answer."""
        self._reloads += 1
        ticket = self._reloads
        shown, read = self._model.reading_again()

        def show(pages: list[articles.Page]) -> None:
            """Show the pages, unless a later reload has been asked for since."""
            if ticket == self._reloads:
                self._keeping_place(lambda: self._model.show_read(shown, pages))

        self._services.runner.read(read, show, _log_failure)

    def _keeping_place(self, load: Callable[[], bool]) -> None:
        """Load the list again with ``load`` (False: it did not), keeping the selected article
        and the scroll, and as many rows as were loaded; when the open article is gone, the
        newest is opened in its place."""
        current = self._list.current_article_id()
        shown = self._model.rowCount()
        scroll = self._list.verticalScrollBar().value()
        if not load():
            return
        while self._model.rowCount() < shown and self._model.canFetchMore(QModelIndex()):
            self._model.fetchMore(QModelIndex())
        if current is not None:
            self._list.select_article(current)
        self._list.verticalScrollBar().setValue(scroll)
        gone = self._forget_missing_article()
        if gone and self._model.rowCount():
            self._list.setCurrentIndex(self._model.index(0))
        else:
            self._section_view.settle()

    def _forget_missing_article(self) -> bool:
        """Stop showing an article that is no longer in the store (removed with its source, or
        older than the articles kept); return whether it was."""
        article = self._reader.article
        if article is None or articles.exists(self._services.connection, article.id):
            return False
        self._show_reader_message("This article is no longer in the store.", "")
        return True

    def _show_reader_message(self, title: str, hint: str) -> None:
        """Show a message in the reader's place, with no article open."""
        self._reader.show_empty(title, hint)
        self.setWindowTitle(APP_NAME)
        self._update_article_actions(None)

    def _reader_article_changed(self, article: Article) -> None:
        self._reader.update_article_state(article)
        self._update_article_actions(article)

    def _update_article_actions(self, article: Article | None) -> None:
        a = self.commands
        for action in (a.toggle_bookmark, a.toggle_read):
            action.setEnabled(article is not None)
        a.open_in_browser.setEnabled(article is not None and bool(article.url))
        bookmarked = article is not None and article.bookmarked
        a.toggle_bookmark.setText("Remove &Bookmark" if bookmarked else "&Bookmark")
        a.toggle_bookmark.setIconText("★ Bookmarked" if bookmarked else "☆ Bookmark")
        a.toggle_bookmark.setChecked(bookmarked)
        a.toggle_read.setText(
            "&Mark as Read" if article is not None and not article.read else "&Mark as Unread"
        )

    def _is_bookmarked(self, article_id: int) -> bool:
        row = self._model.row_of(article_id)
        if row is not None:
            found = self._model.article_at(row)
            return bool(found and found.bookmarked)
        article = self._reader.article
        return article is not None and article.id == article_id and article.bookmarked

    def _show_text_size(self, percent: int) -> None:
        self._text_size.show_size(percent)
        self.commands.zoom_in.setEnabled(larger_text_size(percent) != percent)
        self.commands.zoom_out.setEnabled(smaller_text_size(percent) != percent)

    def _store_settings(self, settings: Settings) -> None:
        if settings == self._settings:
            return
        self._settings = settings
        try:
            self._services.save_settings(settings)
        except OSError as error:
            log.error("Could not save settings", exc_info=error)
            self.statusBar().showMessage("Could not save your preferences; see the log.", 6000)

    def _report(self, error: BaseException, what: str = "Something went wrong") -> None:
        if isinstance(error, StoreUnwritableError):  # every write would: said, not a dialog each
            self._say(str(error))
            return
        self._warn(str(error) if isinstance(error, StoreError) else f"{what}: {error}.")

    def _warn(self, sentence: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, APP_NAME, sentence)


def _column(*widgets: QWidget, margins: tuple[int, int, int, int]) -> QWidget:
    """Stack widgets with a little spacing between them."""
    container = QWidget()
    layout = QVBoxLayout(container)
    layout.setContentsMargins(*margins)
    layout.setSpacing(6)
    for widget in widgets:
        layout.addWidget(widget)
    return container


def _row(*widgets: QWidget) -> QWidget:
    """Put widgets side by side, with a little spacing between them."""
    container = QWidget()
    layout = QHBoxLayout(container)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    for widget in widgets:
        layout.addWidget(widget)
    return container


def _log_failure(error: BaseException) -> None:
    log.error("A background read failed", exc_info=error)
