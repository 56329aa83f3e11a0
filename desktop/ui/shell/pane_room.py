"""The reader beside the sections and the article list: the reading column keeps 45 characters.

The Markets panel gives way first (``MarketRoom``): while it is docked beside the reader, the
panes keep the widths the person gave them. Without it, as the window narrows, the sections pane
and the article list give up width in proportion to their widths, down to their least widths
(the list keeps its thumbnails and two lines of a headline; the sections their fixed names and
counts); narrower still, the sections pane folds behind a button above the list
(``SectionsPane``) and the list, never wider than the person made it, takes what the reader
leaves. As the window widens, the panes go back to the person's widths before the panel comes
back (the panel counts what the panes have ``lent`` the reader). Dragging a splitter's handle
changes the widths the panes go back to; they are kept with the window's layout.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMainWindow, QSplitter

from desktop.ui.articles.article_list import ArticleListView
from desktop.ui.market.market_room import MarketRoom
from desktop.ui.sections.sections_pane import SectionsPane
from desktop.ui.shell.window_state import WindowState
from desktop.ui.timers import single_shot

SECTIONS_KEY = "panes/sections"
LIST_KEY = "panes/list"
Pair = tuple[int, int]  # the sections' and the list's widths, in pixels
Widths = tuple[int | None, int]  # the same, the sections' None when they fold


def pane_widths(room: int, preferred: Pair, least: Pair, handle: int) -> Widths:
    """The sections' and the list's widths in the ``room`` the reader's line leaves them, from
    the person's ``preferred`` widths and the panes' ``least``; folding the sections frees
    their ``handle`` too."""
    sections, articles = preferred
    fewest = (min(least[0], sections), min(least[1], articles))
    if room >= sections + articles:
        return sections, articles
    if room >= sum(fewest):
        given = max(fewest[0], round(sections * room / (sections + articles)))
        articles_width = max(fewest[1], room - given)
        return room - articles_width, articles_width
    return None, max(fewest[1], min(articles, room + handle))


class PaneRoom(QObject):
    """Narrows, folds and brings back the sections pane and the article list so the reader keeps
    its line, after the Markets panel has made what room it can; keeps the person's widths."""

    def __init__(
        self,
        window: QMainWindow,
        splitter: QSplitter,
        pane: SectionsPane,
        articles: ArticleListView,
        market: MarketRoom,
    ) -> None:
        super().__init__(window)
        self._window, self._splitter, self._pane, self._market = window, splitter, pane, market
        self._articles = articles
        self._preferred: Pair | None = None
        self._shown = (0, 0)  # the panes' widths as last laid out or dragged (0: folded)
        self._fitted_for: tuple[int, int, bool] | None = None
        self._state: WindowState | None = None
        self._timer = single_shot(self, 0, self.fit)
        splitter.installEventFilter(self)
        window.installEventFilter(self)
        splitter.splitterMoved.connect(self._on_splitter_moved)
        market.fitted.connect(self._timer.start)  # the panel first, then the panes

    @property
    def preferred(self) -> Pair | None:
        """The widths the person gave the sections and the list (None until first shown)."""
        return self._preferred

    @property
    def fitting(self) -> bool:
        """Whether the panes are yet to be fitted to a change (for tests to wait on)."""
        return self._timer.isActive()

    def start(self, state: WindowState) -> None:
        """Take up the widths the person gave the panes last time, and keep them at closing."""
        self._state = state
        sections, articles = state.number(SECTIONS_KEY, 0), state.number(LIST_KEY, 0)
        if sections > 0 and articles > 0:
            self._preferred = (sections, articles)

    def lent(self) -> int:
        """The pixels the panes have lent the reader, which they take back before the panel."""
        if self._preferred is None:
            return 0
        sections, articles = self._preferred
        back = max(0, articles - self._shown[1])
        if self._pane.folded:
            return back + sections + self._splitter.handleWidth()
        return back + max(0, sections - self._shown[0])

    def fit(self) -> None:
        """Lay the panes out for the reader's 45 characters (or at the person's widths while the
        panel is beside the reader), unless nothing has changed since the last time."""
        if not self._window.isVisible() or self._window.isMinimized():
            return
        if self._preferred is None:  # the window's first layout, or the one restored
            self._preferred = (self._splitter.sizes()[0], self._splitter.sizes()[1])
        key = (self._splitter.width(), self._market.reader_room(), self._market.holds_room)
        if key == self._fitted_for:
            return
        self._fitted_for = key
        if self._market.holds_room:
            self._lay_out(self._preferred)
            return
        handle = self._splitter.handleWidth()
        room = self._splitter.width() - 2 * handle - key[1]
        least = (self._pane.least_width(), self._list_least())
        self._lay_out(pane_widths(room, self._preferred, least, handle))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Fit as soon as the splitter changes width (before the reader is painted at a width
        it will not keep); keep the person's widths when the window closes."""
        if watched is self._splitter and event.type() == QEvent.Type.Resize:
            self.fit()
        elif watched is self._window and event.type() == QEvent.Type.Close:
            self._keep()
        return False

    def _lay_out(self, widths: Widths) -> None:
        sections, articles = widths
        self._pane.drawer_width = self._preferred[0] if self._preferred else sections or 0
        self._pane.fold(sections is None)
        handles = self._splitter.handleWidth() * (1 if sections is None else 2)
        reader = self._splitter.width() - handles - articles - (sections or 0)
        self._splitter.setSizes([sections or 0, articles, reader])
        now = self._splitter.sizes()
        self._shown = (0 if sections is None else now[0], now[1])

    def _on_splitter_moved(self, _position: int, _index: int) -> None:
        """The person dragged a handle: the panes go back to what they moved them by."""
        if self._preferred is None:
            return
        now = self._splitter.sizes()
        sections, articles = self._preferred
        if not self._pane.folded:
            sections = max(1, sections + now[0] - self._shown[0])
        articles = max(1, articles + now[1] - self._shown[1])
        self._preferred = (sections, articles)
        self._shown = (0 if self._pane.folded else now[0], now[1])

    def _list_least(self) -> int:
        """The list's least width with the margins of the column it stands in."""
        column = self._articles.parentWidget()
        margins = column.contentsRect().width() - self._articles.width() if column else 0
        return self._articles.least_width() + max(0, margins)

    def _keep(self) -> None:
        if self._state is not None and self._preferred is not None:
            self._state.set_number(SECTIONS_KEY, self._preferred[0])
            self._state.set_number(LIST_KEY, self._preferred[1])
