"""The main window: a shell that lays out the sections, the article list with its search box,
the reader and the market dock, builds the menus, and wires the controllers of what a reader
does (``Reading``, ``ListReloader``, ``Subscriptions``, ``Refreshing``, ``Markets``,
``ImportExport``, ``Preferences``) to each other and to the status bar."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import QMainWindow, QVBoxLayout

from desktop import APP_NAME
from desktop.domain import Article
from desktop.operations.reading import WindowReads
from desktop.paths import AppPaths
from desktop.settings import Settings
from desktop.tasks import Runner
from desktop.ui.articles.article_model import ArticleListModel
from desktop.ui.articles.list_reload import ListReloader
from desktop.ui.articles.section_view import SectionView
from desktop.ui.market.markets import Markets
from desktop.ui.reading.caret_browsing import caret_browsing_action
from desktop.ui.reading.reader import ArticleBrowser
from desktop.ui.reading.reading import GONE, SAY_MS, Reading
from desktop.ui.reading.reading_place import PlaceMemory
from desktop.ui.sections.import_export import ImportExport
from desktop.ui.sections.importing import local_files
from desktop.ui.sections.refresh_control import Refreshing
from desktop.ui.sections.refreshing import Refresher
from desktop.ui.sections.subscriptions import Subscriptions
from desktop.ui.shell.actions import create_actions
from desktop.ui.shell.lifecycle import after_first_paint, keep_startup_objects
from desktop.ui.shell.preferring import Preferences
from desktop.ui.shell.regions import move_between
from desktop.ui.shell.reopening import Reopening
from desktop.ui.shell.window_layout import lay_out
from desktop.ui.shell.window_menus import appearance_menu, build_menus
from desktop.ui.shell.window_state import WindowState
from desktop.ui.speech import show_clear_button

if TYPE_CHECKING:
    from desktop.ingest.targets import Target


@dataclass(frozen=True)
class Services:
    """What the window works with, handed over by the composition root."""

    paths: AppPaths
    reads: WindowReads
    runner: Runner
    settings: Settings
    save_settings: Callable[[Settings], None]
    close_store: Callable[[], None]


class MainWindow(QMainWindow):
    """Broadsheet's window. Its controllers read through the runner (off this thread; the list's
    pages and the opened article through ``WindowReads``) and send every write to the runner's
    writer thread, showing a change only once it is committed. Closing it finishes queued writes
    and closes the store (``Services.close_store``).
    """

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self._services = services
        self._painted = False
        self._waiting_targets: list[Target] = []  # handed over before the first paint
        self.commands = create_actions(self)
        self.caret_browsing = caret_browsing_action(self, services.settings.caret_browsing)
        self._model = ArticleListModel(services.reads)
        self._places = PlaceMemory(services.paths.window_state)
        self.setAcceptDrops(True)  # a feed, OPML file or saved page dropped on the window
        self._parts = parts = lay_out(self, self.commands, self._model, services.paths.images)
        self._sections, self._list, self._reader = parts.sections, parts.articles, parts.reader
        self._build_controllers()
        menu, self._preferences.appearance_actions = appearance_menu(
            self, services.settings.appearance, self._preferences.choose_appearance
        )
        build_menus(self, self.commands, self.caret_browsing, parts.market_room.action, menu)
        self._connect()
        self._state = WindowState(services.paths.window_state)
        if not self._state.restore(self, parts.splitter):
            parts.lay_out_first_time(self)
        parts.market_room.start(self._state)
        parts.pane_room.start(self._state)
        self._preferences.start()
        self._sections.set_sources(services.reads.sources())  # the first paint shows them
        self._reopening.show_first_section()
        after_first_paint(self._reader.viewport(), self._after_first_paint)

    # Building -------------------------------------------------------------------------------

    def _build_controllers(self) -> None:
        s, a = self._services, self.commands
        runner, images, store = s.runner, s.paths.images, s.paths.store
        self._reading = Reading(runner, s.reads, self._model, self._list, self._reader, a)
        self._section_view = SectionView(
            self._model, self._list, self._reader, self._parts.search,
            self._reading.show_message, self._section_title,
        )  # fmt: skip
        self._reloader = ListReloader(runner, self._model, self._list, self._reader)
        self._reopening = Reopening(
            self._places, self._sections, self._list, self._reader, self._reading,
            self._section_view,
        )  # fmt: skip
        self._refresher = Refresher(runner, images, self)
        self._refresher.schedule(s.settings.refresh_minutes, s.settings.keep_days)
        self._refreshing = Refreshing(
            runner, self._refresher, self._parts.refresh_status, a.refresh, self._sections
        )
        self._subscriptions = Subscriptions(runner, store, self._sections, self)
        self._import_export = ImportExport(runner, images, store, self)
        self._preferences = Preferences(
            s.settings, s.save_settings, self._reader, self._parts.text_size, a, self
        )
        self._markets = Markets(
            self._parts.market, runner, s.paths, lambda: self._preferences.settings, self
        )

    def _build_reading_tools(self) -> None:
        """Next unread, mark all as read with its Undo, and the sample edition's offer: built
        just after the first paint, which needs none of them."""
        from desktop.ui.reading.reading_tools import ReadingTools

        s, layout = self._services, self._parts.middle.layout()
        assert isinstance(layout, QVBoxLayout)
        tools = ReadingTools(
            s.runner, s.paths.images, self.commands, self._list, self._reader, self.open_article
        )
        self._sample = tools.place(
            layout, self.statusBar(), self._sections, self._section_title, self._places
        )
        tools.said.connect(self._say)
        tools.warned.connect(self._warn)
        tools.read_states_changed.connect(self._on_read_states_changed)
        tools.sample_changed.connect(self._on_sample_changed)
        self._import_export.sources_added.connect(self._on_feeds_added)
        self._subscriptions.subscribed.connect(lambda _: self._sample.offer())
        self._tools = tools

    def _connect(self) -> None:
        a, bar = self.commands, self.statusBar()
        a.import_files.triggered.connect(self._import_export.choose)
        a.export_bookmarks.triggered.connect(self._import_export.export_bookmarks)
        a.next_article.triggered.connect(lambda: self._list.step(1))
        a.previous_article.triggered.connect(lambda: self._list.step(-1))
        a.article_top.triggered.connect(self._reader.to_top)
        a.article_end.triggered.connect(self._reader.to_end)
        a.find.triggered.connect(self._on_find)
        a.add_subscription.triggered.connect(lambda: self._subscriptions.open_prompt())
        a.preferences.triggered.connect(self._on_preferences)
        a.quit.triggered.connect(self.close)
        a.about.triggered.connect(self._on_about)
        a.refresh_market.triggered.connect(self._markets.refresh)
        a.next_region.triggered.connect(lambda: move_between(self._parts.regions(), 1))
        a.previous_region.triggered.connect(lambda: move_between(self._parts.regions(), -1))
        self.caret_browsing.toggled.connect(self._preferences.set_caret_browsing)
        self._sections.section_chosen.connect(self._section_view.show_section)
        self._reader.link_failed.connect(self._say)
        self._reading.article_shown.connect(self._on_article_shown)
        self._reading.said.connect(bar.showMessage)
        self._reading.warned.connect(self._warn)
        self._reading.counts_changed.connect(self._subscriptions.recount)
        self._reloader.reloaded.connect(self._section_view.settle)
        self._reloader.article_gone.connect(lambda: self._reading.show_message(GONE, ""))
        self._refreshing.articles_arrived.connect(self._on_articles_arrived)
        self._refreshing.ended.connect(self._on_refresh_ended)
        self._subscriptions.said.connect(self._say)
        self._subscriptions.warned.connect(self._warn)
        self._subscriptions.subscribed.connect(lambda source: self._refreshing.start((source,)))
        self._subscriptions.refresh_asked.connect(self._refreshing.start)
        self._subscriptions.articles_changed.connect(self._reloader.reload)
        self._import_export.said.connect(bar.showMessage)
        self._import_export.warned.connect(self._warn)
        self._import_export.stored.connect(self._on_imported)
        self._preferences.said.connect(bar.showMessage)
        self._preferences.applied.connect(self._on_preferences_applied)
        self._markets.settings_chosen.connect(self._preferences.keep)
        self._markets.message.connect(self._say)
        self._markets.preferences_requested.connect(self._on_preferences)

    # Public API ------------------------------------------------------------------------------

    @property
    def reader(self) -> ArticleBrowser:
        """The reading view."""
        return self._reader

    @property
    def text_size(self) -> int:
        """The reader's text size in percent."""
        return self._preferences.text_size

    def set_text_size(self, percent: int) -> None:
        """Change the reader's text size and remember it."""
        self._preferences.set_text_size(percent)

    def open_article(self, article_id: int) -> bool:
        """Show an article in the reader, and mark it read; return whether it was shown."""
        return self._reading.open_article(article_id)

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
        from desktop.ui.shell.targets import open_targets

        problem = open_targets(
            targets, self._import_export.import_files, self._subscriptions.open_prompt
        )
        if problem:
            self._say(problem)

    def finish_startup(self) -> None:
        """Do now what the window otherwise does when shown and just after its first paint (for
        hosts and tests that want every part ready at once)."""
        self._reopening.open_first_article()
        self._after_first_paint()

    # Start-up --------------------------------------------------------------------------------

    def _after_first_paint(self) -> None:
        """Do what the first paint does not need: mark the open article read, count the unread
        articles, fill the market panel; then keep what start-up made out of the garbage
        collector's way. Runs once."""
        if self._painted:
            return
        self._painted = True
        settings = self._preferences.settings
        # The search box's clear button: its icon costs a few ms at first.
        show_clear_button(self._parts.search, "Clear the search")
        self._reading.painted()
        self._subscriptions.recount()
        self._markets.start(automatic=settings.refresh_minutes > 0)
        self._refreshing.start_if_due(settings.refresh_minutes)
        self._build_reading_tools()
        self._sample.look()
        waiting, self._waiting_targets = self._waiting_targets, []
        if waiting:
            self.open_targets(waiting)
        keep_startup_objects()

    # Slots -----------------------------------------------------------------------------------

    def _on_article_shown(self, article: Article | None) -> None:
        self.setWindowTitle(f"{article.title} — {APP_NAME}" if article else APP_NAME)

    def _on_read_states_changed(self, change: tuple[list[int], bool]) -> None:
        self._reading.show_read_states(change)
        self._reloader.reload()
        self._subscriptions.recount()

    def _on_feeds_added(self, source_ids: tuple[int, ...]) -> None:
        """An import subscribed to feeds: fetch them now, and offer to remove the sample."""
        self._refreshing.start(source_ids)
        self._sample.offer()

    def _on_sample_changed(self, sentence: str) -> None:
        self._say(sentence)
        self._subscriptions.reload()
        self._reloader.reload()

    def _on_articles_arrived(self) -> None:
        self._reloader.reload()
        self._subscriptions.recount()

    def _on_refresh_ended(self, sentence: str) -> None:
        """A refresh ended (or stopped on an error): say how it went and show what it brought."""
        self._say(sentence)
        self._reloader.reload()
        self._subscriptions.reload()

    def _on_imported(self) -> None:
        """An import stored articles, sources or market figures: show them."""
        self._reloader.reload()
        self._subscriptions.reload()
        self._markets.load()

    def _on_preferences(self) -> None:
        self._preferences.open_dialog(self._markets)

    def _on_preferences_applied(self, chosen: Settings) -> None:
        self._refresher.schedule(chosen.refresh_minutes, chosen.keep_days)
        self._markets.set_automatic(chosen.refresh_minutes > 0)

    def _on_find(self) -> None:
        self._parts.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._parts.search.selectAll()

    def _on_about(self) -> None:
        from desktop.ui.dialogs.about_dialog import AboutDialog

        dialog = AboutDialog(self._services.paths, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # Qt overrides ----------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = local_files(event.mimeData())
        if files and self._import_export.import_files(files):
            event.acceptProposedAction()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._reopening.open_first_article()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._state.save(self, self._parts.splitter)
        self._reopening.keep()
        super().closeEvent(event)
        if event.isAccepted():
            self._refresher.stop()
            self._markets.stop()
            self._subscriptions.close()
            self._services.close_store()

    # Helpers ---------------------------------------------------------------------------------

    def _section_title(self) -> str:
        """The chosen section's name, as the section list shows it."""
        item = self._sections.currentItem()
        return item.text() if item is not None else "All articles"

    def _say(self, sentence: str) -> None:
        self.statusBar().showMessage(sentence, SAY_MS)

    def _warn(self, sentence: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, APP_NAME, sentence)
