"""What the article list shows: a section, or a search in it, with the open article kept selected
when the list holds it, and words for an empty list (in the list) or no open article (in the
reader) that match the section."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt

from desktop.domain import Section, SectionKind
from desktop.ui.articles.article_list import ArticleListView
from desktop.ui.articles.article_model import ArticleListModel
from desktop.ui.articles.search_box import SearchBox
from desktop.ui.reading.reader import ArticleBrowser

EMPTY_STATES = {
    SectionKind.ALL: ("No articles yet.", "Articles from your sources appear here."),
    SectionKind.UNREAD: ("You are all caught up.", "Every article here has been read."),
    SectionKind.BOOKMARKS: (
        "No bookmarks yet.",
        "Press Ctrl+D while reading to keep an article here.",
    ),
    SectionKind.SOURCE: ("No articles from this source yet.", ""),
    SectionKind.FOLDER: ("No articles in this folder yet.", ""),
}
NO_MATCH_HINT = "Try fewer or shorter words."
CHOOSE_HINT = "Choose an article in the list."
CHOOSE_UNREAD_HINT = "Choose an article in the list, or press Space for the next unread one."
ShowEmpty = Callable[[str, str], None]


def no_match(search: str) -> str:
    """What the list says when a search finds nothing."""
    return f"No articles match “{search.strip()}”."


class SectionView(QObject):
    """Fills the article list from the section chosen and the search typed, and says what an
    empty list or reader means; ``show_empty(title, hint)`` shows a message in the reader's
    place (the window's, which also clears its title and article actions)."""

    def __init__(
        self,
        model: ArticleListModel,
        view: ArticleListView,
        reader: ArticleBrowser,
        search: SearchBox,
        show_empty: ShowEmpty,
        section_title: Callable[[], str],
    ) -> None:
        super().__init__(view)
        self._model, self._view, self._reader, self._search = model, view, reader, search
        self._show_empty = show_empty
        self._section_title = section_title
        search.textChanged.connect(self._on_search_changed)
        search.returnPressed.connect(self.open_first_hit)
        search.dismissed.connect(lambda: view.setFocus(Qt.FocusReason.ShortcutFocusReason))

    def show_section(self, section: Section) -> None:
        """Show a section, narrowed by the search typed: the open article stays open when the
        list holds it, else the reader says what the section holds."""
        self._model.show(section, self._search.text())
        article = self._reader.article
        if article is not None and not self._view.select_article(article.id):
            self._show_empty(*self.reader_state())
        self.settle()

    def settle(self) -> None:
        """After the list was filled: select the open article if the list holds it, and say
        what an empty list, or a reader with no article, means here."""
        article = self._reader.article
        if article is not None:
            self._view.select_article(article.id)
        self._view.set_empty_text(self._empty_list_text())
        if article is None:
            self._show_empty(*self.reader_state())

    def reader_state(self) -> tuple[str, str]:
        """The reader's title and hint when no article is open."""
        search = self._model.search
        if search and not self._model.rowCount():
            return no_match(search), NO_MATCH_HINT
        if not self._model.rowCount():
            return EMPTY_STATES[self._model.section.kind]
        hint = CHOOSE_UNREAD_HINT if self._model.has_unread() else CHOOSE_HINT
        return self._section_title(), hint

    def open_first_hit(self) -> None:
        """Return in the search box: open the first article found and go to the list, so J
        and K go on from there; with nothing typed, just go to the list; with no hit, stay."""
        if not self._model.rowCount():
            return
        if self._model.search:
            self._view.setCurrentIndex(self._model.index(0))
            self._view.scrollToTop()
        self._view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_search_changed(self, text: str) -> None:
        """Narrow the list as the person types; once the search is cleared, the article they
        had is found again in the whole section."""
        self._model.show(self._model.section, text)
        article = self._reader.article
        if not text.strip() and article is not None:
            self._view.reveal(article.id)
        self.settle()

    def _empty_list_text(self) -> str:
        """What an empty list says: why a search found nothing (an empty section is said in
        the reader's place, once)."""
        search = self._model.search
        return f"{no_match(search)}\n{NO_MATCH_HINT}" if search else ""
