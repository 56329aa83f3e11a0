"""The window's widgets laid out: the sections pane, the search box over the article list, the
reader under its bar, the Markets dock, and the refresh's progress in the status bar."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from desktop.ui.articles.article_list import ArticleListView
from desktop.ui.articles.article_model import ArticleListModel
from desktop.ui.articles.search_box import SearchBox
from desktop.ui.focus_marks import show_focus
from desktop.ui.market.market_dock import MarketDock
from desktop.ui.market.market_room import MarketRoom
from desktop.ui.reading.reader import ArticleBrowser
from desktop.ui.reading.reader_bar import build_reader_bar
from desktop.ui.reading.text_size import TextSizeControl
from desktop.ui.sections.refreshing import RefreshStatus
from desktop.ui.sections.section_list import SectionList
from desktop.ui.sections.sections_pane import SectionsPane
from desktop.ui.shell.actions import Actions, confine
from desktop.ui.shell.layout import column, row
from desktop.ui.shell.pane_room import PaneRoom
from desktop.ui.shell.regions import Region

MARKET_WIDTH = 400


@dataclass(frozen=True)
class WindowLayout:
    """The window's parts, as laid out."""

    sections: SectionList
    sections_pane: SectionsPane
    search: SearchBox
    articles: ArticleListView
    middle: QWidget
    reader: ArticleBrowser
    text_size: TextSizeControl
    splitter: QSplitter
    market: MarketDock
    market_room: MarketRoom
    pane_room: PaneRoom
    refresh_status: RefreshStatus

    def regions(self) -> list[Region]:
        """The parts F6 moves between: the sections (their button while folded), the list, the
        reader, the Markets panel."""
        pane, reader = self.sections_pane, self.reader
        return [
            Region(pane.button) if pane.folded else Region(self.sections),
            Region(self.middle, self.articles),
            Region(reader.parentWidget() or reader, reader),
            Region(self.market),
        ]

    def lay_out_first_time(self, window: QMainWindow) -> None:
        """Fill most of the screen, giving the reader the room the list and panel leave (on a
        small screen the market panel, then the panes make room for the reader: see
        ``MarketRoom`` and ``PaneRoom``)."""
        screen = window.screen().availableGeometry()
        width, height = min(1480, screen.width() - 40), min(920, screen.height() - 40)
        window.resize(width, height)
        window.move(screen.center() - window.rect().center())
        window.resizeDocks([self.market], [MARKET_WIDTH], Qt.Orientation.Horizontal)
        width -= MARKET_WIDTH
        sections, articles_width = max(150, width // 7), max(300, width // 3)
        self.splitter.setSizes([sections, articles_width, width - sections - articles_width])


def lay_out(window: QMainWindow, a: Actions, model: ArticleListModel, images: Path) -> WindowLayout:
    """Build the window's widgets and put them in place."""
    sections = SectionList()
    pane = SectionsPane(sections)
    search = SearchBox()
    articles = ArticleListView(model)
    articles.set_context_actions([a.toggle_bookmark, a.toggle_read, a.open_in_browser])
    middle = column(row(pane.button, search), articles, margins=(8, 8, 0, 0))
    reader = ArticleBrowser(images)
    show_focus(reader)
    reader_bar, text_size = build_reader_bar(a)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.setObjectName("mainSplitter")
    for widget in (pane, middle, column(reader_bar, reader, margins=(0, 0, 0, 0))):
        splitter.addWidget(widget)
    splitter.setStretchFactor(2, 1)
    splitter.setChildrenCollapsible(False)
    window.setCentralWidget(splitter)
    market = MarketDock(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, market)
    market_room = MarketRoom(window, market, reader)
    pane_room = PaneRoom(window, splitter, pane, articles, market_room)
    market_room.count_lent(pane_room.lent)
    window.statusBar().setObjectName("statusBar")
    refresh_status = RefreshStatus()
    window.statusBar().addPermanentWidget(refresh_status)
    confine(a.reading_keys(), [articles, reader])
    for action in (a.undo, a.remove_sample, a.restore_sample):
        action.setEnabled(False)  # until the reading tools are built, after the first paint
    return WindowLayout(
        sections, pane, search, articles, middle, reader, text_size, splitter, market,
        market_room, pane_room, refresh_status,
    )  # fmt: skip
