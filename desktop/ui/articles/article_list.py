"""The article list: a lazily filled view of the article model, with the bookmark star."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QListView, QMenu, QWidget

from desktop.ui.articles.article_delegate import ArticleDelegate, least_row_width
from desktop.ui.articles.article_model import ArticleListModel, Role
from desktop.ui.focus_marks import paint_frame
from desktop.ui.reading.reader_text import space_direction

# How far ``reveal`` reads into a section for an article: 25 pages, 5,000 articles.
REVEAL_PAGES = 25
EMPTY_MARGIN = 16


class ArticleListView(QListView):
    """Shows articles newest first; the context menu offers the row's article actions; with no
    rows it says why, in the list itself.

    Signals:
        bookmark_requested(int): the person asked to toggle an article's bookmark (by its star).
        page_requested(int): Space (+1) or Shift+Space (-1) was pressed in the list, to page
            through the article it shows.
    """

    bookmark_requested = Signal(int)
    page_requested = Signal(int)

    def __init__(self, model: ArticleListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleList")
        self.setAccessibleName("Articles")
        self.setModel(model)
        self.setUniformItemSizes(True)
        self.setMouseTracking(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QListView.Shape.NoFrame)
        delegate = ArticleDelegate(self)
        delegate.star_clicked.connect(self._on_star_clicked)
        self.setItemDelegate(delegate)
        self._menu_actions: list[QAction] = []
        self._empty_text = ""

    @property
    def empty_text(self) -> str:
        """What the list says when it has no rows."""
        return self._empty_text

    def set_empty_text(self, text: str) -> None:
        """Say ``text`` in the list while it has no rows (why it is empty)."""
        self._empty_text = text
        self.setAccessibleDescription(text)
        self.viewport().update()

    def least_width(self) -> int:
        """The narrowest the list is shown at: its rows keep their thumbnails and two lines of
        a headline, beside the scroll bar."""
        scroll = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        return least_row_width(self.font()) + scroll + 2 * self.frameWidth()

    def set_context_actions(self, actions: list[QAction]) -> None:
        """The actions the context menu offers for the row under the pointer."""
        self._menu_actions = actions

    def current_article_id(self) -> int | None:
        """The id of the selected article, if one is selected."""
        index = self.currentIndex()
        return int(index.data(Role.ID)) if index.isValid() else None

    def select_article(self, article_id: int) -> bool:
        """Select an article's row if it is loaded; return whether it was."""
        row = self._model().row_of(article_id)
        if row is None:
            return False
        self.setCurrentIndex(self._model().index(row))
        return True

    def reveal(self, article_id: int, pages: int = REVEAL_PAGES) -> bool:
        """Select an article's row, loading pages of the section until it comes (at most
        ``pages`` more), and scroll to it; return whether it was found."""
        model = self._model()
        for _ in range(pages):
            if model.row_of(article_id) is not None or not model.canFetchMore(QModelIndex()):
                break
            model.fetchMore(QModelIndex())
        if not self.select_article(article_id):
            return False
        self.scrollTo(self.currentIndex())
        return True

    def step(self, offset: int) -> bool:
        """Select the next (+1) or previous (-1) article; return whether there was one."""
        model = self.model()
        current = self.currentIndex().row() if self.currentIndex().isValid() else -1
        target = current + offset
        if target >= model.rowCount() and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        if not 0 <= target < model.rowCount():
            return False
        self.setCurrentIndex(model.index(target, 0))
        self.scrollTo(self.currentIndex())
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        direction = space_direction(event)
        if direction:
            self.page_requested.emit(direction)
            event.accept()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.model().rowCount():
            return
        painter = QPainter(self.viewport())
        if self.hasFocus():  # no row to wear the focus ring: the list wears a frame
            paint_frame(painter, self.viewport().rect(), self.palette())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        area = self.viewport().rect().adjusted(EMPTY_MARGIN, EMPTY_MARGIN * 2, -EMPTY_MARGIN, 0)
        alignment = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        painter.drawText(area, int(alignment) | int(Qt.TextFlag.TextWordWrap), self._empty_text)
        painter.end()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        if not index.isValid() or not self._menu_actions:
            return
        self.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addActions(self._menu_actions)
        menu.exec(event.globalPos())

    def _model(self) -> ArticleListModel:
        model = self.model()
        assert isinstance(model, ArticleListModel)
        return model

    def _on_star_clicked(self, index: QModelIndex) -> None:
        self.bookmark_requested.emit(int(index.data(Role.ID)))
