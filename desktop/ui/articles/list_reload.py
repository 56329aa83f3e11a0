"""The one way the article list is read again: off the window's thread, keeping the selected
article, the scroll and as many rows as were loaded; a read overtaken by a later one is dropped."""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, QObject, Signal

from desktop.operations.reading import ListQuery, ListRead, list_again
from desktop.tasks import Runner
from desktop.ui.articles.article_list import ArticleListView
from desktop.ui.articles.article_model import ArticleListModel
from desktop.ui.reading.reader import ArticleBrowser

log = logging.getLogger(__name__)


class ListReloader(QObject):
    """Reads the list again through the runner and shows it in place.

    Signals:
        reloaded(): the list shows what the store holds now (said last, once it is in place).
        article_gone(): the list was read again and the open article is no longer stored
            (removed with its source, or older than the articles kept); the newest row, if
            any, is selected next, else ``reloaded`` follows.
    """

    reloaded = Signal()
    article_gone = Signal()

    def __init__(
        self, runner: Runner, model: ArticleListModel, view: ArticleListView, reader: ArticleBrowser
    ) -> None:
        super().__init__(view)
        self._runner = runner
        self._model, self._view, self._reader = model, view, reader
        self._asked = 0  # reloads asked for: only what the latest brings is shown

    def reload(self) -> None:
        """Read the list again as far as it is loaded, and whether the open article is stored."""
        self._asked += 1
        ticket, query, rows = self._asked, self._model.query, self._model.rowCount()
        article = self._reader.article
        keep = article.id if article is not None else None
        self._runner.read(
            lambda connection: list_again(connection, query, rows, keep),
            lambda read: self._on_read(ticket, query, read, keep),
            lambda error: log.error("Could not read the article list again", exc_info=error),
        )

    def _on_read(self, ticket: int, query: ListQuery, read: ListRead, keep: int | None) -> None:
        """Show what was read, unless a later reload was asked for since."""
        if ticket != self._asked:
            return
        current = self._view.current_article_id()
        shown = self._model.rowCount()
        scroll = self._view.verticalScrollBar().value()
        if not self._model.show_read(query, read):
            return
        while self._model.rowCount() < shown and self._model.canFetchMore(QModelIndex()):
            self._model.fetchMore(QModelIndex())
        if current is not None:
            self._view.select_article(current)
        self._view.verticalScrollBar().setValue(scroll)
        article = self._reader.article
        if read.kept or article is None or article.id != keep:
            self.reloaded.emit()
            return
        self.article_gone.emit()
        if self._model.rowCount():
            self._view.setCurrentIndex(self._model.index(0))
        else:
            self.reloaded.emit()
