"""The article list: a lazily filled view of the article model, with the bookmark star."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QMenu, QWidget

from desktop.ui.article_delegate import ArticleDelegate
from desktop.ui.article_model import ArticleListModel, Role


class ArticleListView(QListView):
    """Shows articles newest first; the context menu offers the row's article actions.

    Signals:
        bookmark_requested(int): the person asked to toggle an article's bookmark (by its star).
    """

    bookmark_requested = Signal(int)

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

    def set_context_actions(self, actions: list[QAction]) -> None:
        """The actions the context menu offers for the row under the pointer."""
        self._menu_actions = actions

    def current_article_id(self) -> int | None:
        """The id of the selected article, if one is selected."""
        index = self.currentIndex()
        return int(index.data(Role.ID)) if index.isValid() else None

    def select_article(self, article_id: int) -> bool:
        """Select an article's row if it is loaded; return whether it was."""
        model = self.model()
        assert isinstance(model, ArticleListModel)
        row = model.row_of(article_id)
        if row is None:
            return False
        self.setCurrentIndex(model.index(row))
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

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        if not index.isValid() or not self._menu_actions:
            return
        self.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addActions(self._menu_actions)
        menu.exec(event.globalPos())

    def _on_star_clicked(self, index: QModelIndex) -> None:
        self.bookmark_requested.emit(int(index.data(Role.ID)))
