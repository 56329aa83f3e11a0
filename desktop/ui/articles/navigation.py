"""Moving through the articles as a reader does: Space pages down and, past an article's end,
opens the next unread one (in a source read to its end, the first of the next source with unread
articles); Shift+Space pages up and, past its top, goes back to the previous article, shown from
its end (NetNewsWire and Liferea work so)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desktop.domain import Section, SectionKind
from desktop.operations import reading
from desktop.tasks import Runner
from desktop.ui.articles.article_list import ArticleListView
from desktop.ui.articles.article_model import ArticleListModel
from desktop.ui.reading.reader import ArticleBrowser

log = logging.getLogger(__name__)


class Navigator(QObject):
    """Finds the next unread article of the list's section (or search) in the store (through the
    runner, off the window's thread), and turns the reader's pages.

    Signals:
        message(str): a sentence for the status bar (nothing unread is left).
        section_wanted(object): the next unread article is in this other ``Section`` (the next
            source with unread articles), which the list is to show first.
    """

    message = Signal(str)
    section_wanted = Signal(object)

    def __init__(
        self,
        runner: Runner,
        view: ArticleListView,
        reader: ArticleBrowser,
        open_article: Callable[[int], object],
        section_title: Callable[[], str],
    ) -> None:
        super().__init__(view)
        self._runner = runner
        self._asked = 0  # look-ups asked for: only the latest one's answer is acted on
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

    def next_unread(self) -> None:
        """Open the next unread article after the open one in the list's order, else the first
        unread one above it (read off the window's thread); say so when none is left."""
        model = self._model()
        section, search = model.section, model.search
        current = self._reader.article.id if self._reader.article is not None else None
        self._asked += 1
        ticket = self._asked
        self._runner.read(
            lambda connection: reading.next_unread(connection, section, search, current),
            lambda found: self._on_found(ticket, found, section, search),
            _log_failure,
        )

    def previous_from_its_end(self) -> None:
        """Open the article above the open one in the list, showing its end (reading on up)."""
        if self._view.step(-1):
            self._reader.to_end()

    def _on_found(self, ticket: int, found: int | None, section: Section, search: str) -> None:
        """Open what was found; in a source read to its end (and no search), go on to the first
        unread article of the next source that has some, whose articles the list then shows."""
        if ticket != self._asked:
            return
        if found is not None:
            self._go_to(found)
            return
        at_source_end = section.kind is SectionKind.SOURCE and not search
        following = self._next_section(section) if at_source_end else None
        if following is None:
            self._say_none_left()
            return
        self.section_wanted.emit(following)
        self._runner.read(
            lambda connection: reading.first_unread(connection, following),
            lambda first: self._on_first_found(ticket, first),
            _log_failure,
        )

    def _on_first_found(self, ticket: int, found: int | None) -> None:
        if ticket != self._asked:
            return
        if found is None:
            self._say_none_left()
        else:
            self._go_to(found)

    def _go_to(self, article_id: int) -> None:
        if not self._view.reveal(article_id):
            self._open_article(article_id)  # further down than the list reads ahead

    def _say_none_left(self) -> None:
        self.message.emit(f"No unread articles left in {self._section_title()}.")

    def _model(self) -> ArticleListModel:
        model = self._view.model()
        assert isinstance(model, ArticleListModel)
        return model


def _log_failure(error: BaseException) -> None:
    log.error("Could not look for the next unread article", exc_info=error)
