"""Moving through the articles as a reader does: Space pages down and, past an article's end,
opens the next unread one; Shift+Space pages up and, past its top, goes back to the previous
article, shown from its end (NetNewsWire and Liferea work so)."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desktop.store import reading
from desktop.ui.article_list import ArticleListView
from desktop.ui.article_model import ArticleListModel
from desktop.ui.reader import ArticleBrowser

log = logging.getLogger(__name__)


class Navigator(QObject):
    """Finds the next unread article of the list's section (or search) in the store, and turns
    the reader's pages.

    Signals:
        message(str): a sentence for the status bar (nothing unread is left).
    """

    message = Signal(str)

    def __init__(
        self,
        connection: sqlite3.Connection,
        view: ArticleListView,
        reader: ArticleBrowser,
        open_article: Callable[[int], object],
        section_title: Callable[[], str],
    ) -> None:
        super().__init__(view)
        self._connection = connection
        self._view, self._reader = view, reader
        self._open_article = open_article
        self._section_title = section_title
        reader.paged_past_end.connect(self.next_unread)
        reader.paged_past_top.connect(self.previous_from_its_end)
        view.page_requested.connect(self.page)

    def page(self, direction: int) -> None:
        """Space (+1) or Shift+Space (-1): a page of the article, else the next unread or the
        previous article; with no article open, Space opens the first unread one."""
        if self._reader.article is None:
            if direction > 0:
                self.next_unread()
        elif not self._reader.page(direction):
            if direction > 0:
                self.next_unread()
            else:
                self.previous_from_its_end()

    def next_unread(self) -> bool:
        """Open the next unread article after the open one in the list's order, else the first
        unread one above it; say so when none is left. Return whether one was opened."""
        found = self._find_next_unread()
        if found is None:
            self.message.emit(f"No unread articles left in {self._section_title()}.")
            return False
        if not self._view.reveal(found):
            self._open_article(found)  # further down than the list reads ahead
        return True

    def previous_from_its_end(self) -> None:
        """Open the article above the open one in the list, showing its end (reading on up)."""
        if self._view.step(-1):
            self._reader.to_end()

    def _find_next_unread(self) -> int | None:
        model = self._view.model()
        assert isinstance(model, ArticleListModel)
        section, search = model.section, model.search
        current = self._reader.article.id if self._reader.article is not None else None
        try:
            found = reading.next_unread(self._connection, section, search, current)
            if found is None and current is not None:
                found = reading.next_unread(self._connection, section, search)
        except sqlite3.Error as error:
            log.error("Could not look for the next unread article", exc_info=error)
            return None
        return None if found == current else found
