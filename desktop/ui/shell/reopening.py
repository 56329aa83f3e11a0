"""Reopening where the person left off: the section and the article open at the last close,
at the place they had reached, else the newest article; and that place kept at the close."""

from __future__ import annotations

from desktop.domain import ALL
from desktop.ui.articles.article_list import ArticleListView
from desktop.ui.articles.article_model import ArticleListModel
from desktop.ui.articles.section_view import SectionView
from desktop.ui.reading.reader import ArticleBrowser
from desktop.ui.reading.reading import Reading
from desktop.ui.reading.reading_place import PlaceMemory, ReadingPlace
from desktop.ui.sections.section_list import SectionList

STARTUP_REVEAL_PAGES = 3  # how far the list reads for the article left open (600 rows)


class Reopening:
    """Shows the section, and opens the article, of the last close (once), and keeps them."""

    def __init__(
        self,
        places: PlaceMemory,
        sections: SectionList,
        view: ArticleListView,
        reader: ArticleBrowser,
        reading: Reading,
        section_view: SectionView,
    ) -> None:
        self._places, self._sections = places, sections
        self._view, self._reader = view, reader
        self._reading, self._section_view = reading, section_view
        self._place = places.load()
        self._opened = False

    def show_first_section(self) -> None:
        """Choose the section the person left (ALL when it is gone) and fill the list."""
        sections = self._sections
        sections.blockSignals(True)
        sections.select(self._place.section if self._place else ALL)
        sections.blockSignals(False)
        self._model().show(sections.current_section() or ALL)  # the reader waits for show

    def open_first_article(self) -> None:
        """Open the article the person left, where they left it (none if they left none open),
        else the newest one; done when the window shows, when the reader has its final width,
        so its photo is decoded once, at the size it is shown."""
        if self._opened:
            return
        self._opened = True
        place, model = self._place, self._model()
        if place is not None and place.article_id and self._reopen(place.article_id):
            self._reader.go_to_place(place.place)
        elif model.rowCount() and (place is None or place.article_id):
            self._view.setCurrentIndex(model.index(0))
        else:
            self._section_view.settle()

    def keep(self) -> None:
        """Keep the section, the open article and the place in it, for the next start."""
        article = self._reader.article
        self._places.save(
            ReadingPlace(
                self._model().section,
                article.id if article is not None else None,
                self._reader.place(),
            )
        )

    def _reopen(self, article_id: int) -> bool:
        """Open an article again, selected in the list if the section holds it."""
        if self._view.reveal(article_id, STARTUP_REVEAL_PAGES):
            return self._reader.article is not None and self._reader.article.id == article_id
        return self._reading.open_article(article_id)

    def _model(self) -> ArticleListModel:
        model = self._view.model()
        assert isinstance(model, ArticleListModel)
        return model
