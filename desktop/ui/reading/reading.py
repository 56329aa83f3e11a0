"""Reading: the article opened from the list, its bookmark and read state, and what the article
actions say about it. Writes go to the runner's writer; a change shows once it is committed."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QModelIndex, QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.domain import Article
from desktop.operations import changes
from desktop.operations.reading import WindowReads, as_store_error
from desktop.store.errors import StoreError, StoreUnwritableError
from desktop.tasks import Runner
from desktop.ui.articles.article_list import ArticleListView
from desktop.ui.articles.article_model import ArticleListModel
from desktop.ui.browser import open_in_browser
from desktop.ui.reading.reader import ArticleBrowser
from desktop.ui.shell.actions import Actions
from desktop.ui.speech import announce

log = logging.getLogger(__name__)
GONE = "This article is no longer in the store."
SAY_MS = 8000  # how long the status bar says a sentence
BOOKMARK_MS = 3000  # how long it says a bookmark was kept or removed


class Reading(QObject):
    """Opens articles in the reader and keeps their bookmark and read state.

    Signals:
        article_shown(object): the reader shows this ``Article``, or None (a message instead).
        said(str, int): a sentence for the status bar, and for how many milliseconds.
        warned(str): a sentence a person must acknowledge (a change the store refused).
        counts_changed(): read or bookmark states changed in the store; the counts are stale.
    """

    article_shown = Signal(object)
    said = Signal(str, int)
    warned = Signal(str)
    counts_changed = Signal()

    def __init__(
        self,
        runner: Runner,
        reads: WindowReads,
        model: ArticleListModel,
        view: ArticleListView,
        reader: ArticleBrowser,
        commands: Actions,
    ) -> None:
        super().__init__(view)
        self._runner, self._reads = runner, reads
        self._model, self._view, self._reader = model, view, reader
        self._commands = commands
        self._pending_bookmarks: dict[int, bool] = {}
        self._painted = False
        self._unread_on_show: int | None = None
        view.selectionModel().currentChanged.connect(self._on_current_changed)
        view.bookmark_requested.connect(self.toggle_bookmark_of)
        commands.toggle_bookmark.triggered.connect(self._on_toggle_bookmark)
        commands.toggle_read.triggered.connect(self._on_toggle_read)
        commands.open_in_browser.triggered.connect(self._on_open_in_browser)

    def open_article(self, article_id: int) -> bool:
        """Show an article in the reader, and mark it read; return whether it was shown."""
        try:
            article = self._reads.article(article_id)
        except StoreError as error:
            self._report(error)
            return False
        if article is None:
            self.show_message(GONE, "")
            return False
        self._reader.show_article(article)
        self._show_actions(article)
        self.article_shown.emit(article)
        if not article.read:
            self._mark_on_show(article.id)
        return True

    def painted(self) -> None:
        """The window has painted: mark the article opened before it read, now."""
        self._painted = True
        if self._unread_on_show is not None:
            self.set_read(self._unread_on_show, True)
            self._unread_on_show = None

    def show_message(self, title: str, hint: str) -> None:
        """Show a message in the reader's place, with no article open."""
        self._reader.show_empty(title, hint)
        self._show_actions(None)
        self.article_shown.emit(None)

    def show_read_states(self, change: tuple[list[int], bool]) -> None:
        """Articles were marked read or unread together: show it on the open one."""
        ids, read = change
        article = self._reader.article
        if article is not None and article.id in ids:
            self._show_changed(replace(article, read=read))

    def toggle_bookmark_of(self, article_id: int) -> None:
        """Flip an article's bookmark; the star changes once the store has committed it."""
        wanted = not self._pending_bookmarks.get(article_id, self._is_bookmarked(article_id))
        self._pending_bookmarks[article_id] = wanted
        self._runner.write(
            lambda connection: changes.set_bookmarked(connection, article_id, wanted),
            lambda when: self._on_bookmark_saved(article_id, when),
            lambda error: self._on_write_failed(article_id, "save the bookmark", error),
        )

    def set_read(self, article_id: int, read: bool) -> None:
        """Mark an article read or unread."""
        self._runner.write(
            lambda connection: changes.set_read(connection, [article_id], read),
            lambda _: self._on_read_saved(article_id, read),
            lambda error: self._on_write_failed(article_id, "save the read state", error),
        )

    def _mark_on_show(self, article_id: int) -> None:
        if self._painted:
            self.set_read(article_id, True)
        else:
            self._unread_on_show = article_id

    def _on_current_changed(self, current: QModelIndex, _: QModelIndex) -> None:
        row = self._model.article_at(current.row()) if current.isValid() else None
        if row is not None and (self._reader.article is None or self._reader.article.id != row.id):
            self.open_article(row.id)

    def _on_toggle_bookmark(self) -> None:
        article = self._reader.article
        if article is not None:  # the action has checked itself: unchecked again if the write fails
            self.toggle_bookmark_of(article.id)

    def _on_toggle_read(self) -> None:
        article = self._reader.article
        if article is not None:
            self.set_read(article.id, not article.read)

    def _on_open_in_browser(self) -> None:
        article = self._reader.article
        sentence = open_in_browser(article.url) if article is not None and article.url else None
        if sentence:
            self.said.emit(sentence, SAY_MS)

    def _on_bookmark_saved(self, article_id: int, when: datetime | None) -> None:
        if self._pending_bookmarks.get(article_id) == (when is not None):
            del self._pending_bookmarks[article_id]
        self._model.mark(article_id, bookmarked=when is not None)
        article = self._reader.article
        if article is not None and article.id == article_id:
            self._show_changed(replace(article, bookmarked_at=when))
        said = "Bookmarked" if when else "Bookmark removed"
        self.said.emit(f"{said}.", BOOKMARK_MS)
        window = self._view.window()
        announce(window if isinstance(window, QWidget) else self._view, said)
        self.counts_changed.emit()

    def _on_read_saved(self, article_id: int, read: bool) -> None:
        self._model.mark(article_id, read=read)
        article = self._reader.article
        if article is not None and article.id == article_id:
            self._show_changed(replace(article, read=read))
        self.counts_changed.emit()

    def _on_write_failed(self, article_id: int, what: str, error: BaseException) -> None:
        self._pending_bookmarks.pop(article_id, None)
        self._show_actions(self._reader.article)  # the bookmark's check as stored
        log.error("Could not %s for article %d", what, article_id, exc_info=error)
        self._report(as_store_error(error, self._reads.store), f"Could not {what}")

    def _report(self, error: BaseException, what: str = "Something went wrong") -> None:
        if isinstance(error, StoreUnwritableError):  # every write would: said, not a dialog each
            self.said.emit(str(error), SAY_MS)
            return
        self.warned.emit(str(error) if isinstance(error, StoreError) else f"{what}: {error}.")

    def _show_changed(self, article: Article) -> None:
        self._reader.update_article_state(article)
        self._show_actions(article)

    def _is_bookmarked(self, article_id: int) -> bool:
        row = self._model.row_of(article_id)
        if row is not None:
            found = self._model.article_at(row)
            return bool(found and found.bookmarked)
        article = self._reader.article
        return article is not None and article.id == article_id and article.bookmarked

    def _show_actions(self, article: Article | None) -> None:
        a = self._commands
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
