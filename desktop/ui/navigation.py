"""Moving through the articles as a reader does: Space pages down and, past an article's end,
opens the next unread one (in a source read to its end, the first of the next source with unread
articles); Shift+Space pages up and, past its top, goes back to the previous article, shown from
its end (NetNewsWire and Liferea work so)."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desktop.domain import Section, SectionKind
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
        section_wanted(object): the next unread article is in this other ``Section`` (the next
            source with unread articles), which the list is to show first.
    """

    message = Signal(str)
    section_wanted = Signal(object)

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
        self._next_section: Callable[[Section], Section | None] = lambda _: None
        reader.paged_past_end.connect(self.next_unread)
        reader.paged_past_top.connect(self.previous_from_its_end)
        view.page_requested.connect(self.page)

    def set_next_section(self, find: Callable[[Section], Section | None]) -> None:
        """How to find the source after a source read to its end (the section list's counts)."""
        self._next_section = find

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
        found = self._find_next_unread() or self._first_unread_of_next_source()
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

    def _first_unread_of_next_source(self) -> int | None:
        """In a source read to its end (and no search), the first unread article of the next
        source that has some, whose articles the list then shows."""
        model = self._model()
        if model.section.kind is not SectionKind.SOURCE or model.search:
            return None
        section = self._next_section(model.section)
        if section is None:
            return None
        self.section_wanted.emit(section)
        try:
            return reading.next_unread(self._connection, section)
        except sqlite3.Error as error:
            log.error("Could not look for the next unread article", exc_info=error)
            return None

    def _model(self) -> ArticleListModel:
        model = self._view.model()
        assert isinstance(model, ArticleListModel)
        return model

    def _find_next_unread(self) -> int | None:
        model = self._model()
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
