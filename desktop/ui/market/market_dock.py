"""The docked Markets panel: a light shell at start, filled once there are figures to show.

The shell costs nothing at start-up; its content (``market_panel``: tables, models, currency names
from babel) is imported and built the first time figures arrive, after the window's first paint.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QDockWidget, QWidget

from desktop.domain import Quote, Rate

if TYPE_CHECKING:
    from desktop.ui.market.market_panel import MarketPanel

PREFERRED_SIZE = QSize(400, 480)
LEAST_WIDTH = 300  # the panel's: its converter, and its tables' figures and readable names
# The same in average characters of the panel's font (300 px at the usual 9 pt, 96 dpi), so that
# with larger type (a 144-dpi font) the panel keeps its figures and names whole, not clipped.
LEAST_CHARACTERS = 49


def least_width(font: QFont) -> int:
    """The panel's least width in pixels with this font: never under ``LEAST_WIDTH``, and wider
    as the type is larger."""
    return max(LEAST_WIDTH, math.ceil(QFontMetricsF(font).averageCharWidth() * LEAST_CHARACTERS))


class MarketDock(QDockWidget):
    """The Markets dock: movable, floatable and closable; shows quotes and currency rates.

    What it is told before its panel exists (watchlist, converter pair, refresh state) is kept
    and handed to the panel when it is built.

    Signals:
        base_changed(str): the person picked another base currency; carries its ISO code.
        watchlist_changed(object, object): the watched currencies and symbols, as tuples.
        pair_changed(str, str): the converter's currencies changed.
        refresh_requested(): the person asked for the latest figures.
        preferences_requested(): the person asked where to enter a quote provider's key.
    """

    base_changed = Signal(str)
    watchlist_changed = Signal(object, object)
    pair_changed = Signal(str, str)
    refresh_requested = Signal()
    preferences_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Markets", parent)
        self.setObjectName("marketDock")
        features = QDockWidget.DockWidgetFeature
        self.setFeatures(
            features.DockWidgetMovable | features.DockWidgetFloatable | features.DockWidgetClosable
        )
        self._panel: MarketPanel | None = None
        self._watchlist: tuple[Sequence[str], Sequence[str]] = ((), ())
        self._pair: tuple[str, str] | None = None
        self._refreshing = False
        self._need_key = False
        self.setWidget(_Placeholder())

    @property
    def panel(self) -> MarketPanel | None:
        """The panel, once built."""
        return self._panel

    def show_market(
        self,
        rates: Sequence[Rate],
        quotes: Sequence[Quote],
        base: str,
        now: datetime | None = None,
        **history: Any,
    ) -> None:
        """Show these figures, rates against ``base`` (or their own base if none reaches it);
        ``history`` takes ``show_market``'s keyword arguments (history and statuses)."""
        panel = self._content()
        panel.show_market(rates, quotes, base, now, **history)
        if self._pair is not None:
            panel.set_converter_pair(*self._pair)

    def set_watchlist(self, currencies: Sequence[str], symbols: Sequence[str]) -> None:
        """Pin these currencies and symbols to the top of their tables."""
        self._watchlist = (currencies, symbols)
        if self._panel is not None:
            self._panel.set_watchlist(currencies, symbols)

    def set_converter_pair(self, source: str, target: str) -> None:
        """The currencies the converter starts with."""
        self._pair = (source, target)
        if self._panel is not None:
            self._panel.set_converter_pair(source, target)

    def set_refreshing(self, refreshing: bool) -> None:
        """Show that a market refresh is under way, or has ended."""
        self._refreshing = refreshing
        if self._panel is not None:
            self._panel.set_refreshing(refreshing)

    def set_quotes_need_key(self, need: bool) -> None:
        """Say, or stop saying, that live quotes need an API key."""
        self._need_key = need
        if self._panel is not None:
            self._panel.set_quotes_need_key(need)

    def _on_pair_changed(self, source: str, target: str) -> None:
        self._pair = (source, target)
        self.pair_changed.emit(source, target)

    def _content(self) -> MarketPanel:
        """The panel, built on first use with what the dock was told so far."""
        if self._panel is None:
            from desktop.ui.market.market_panel import MarketPanel

            panel = MarketPanel()
            panel.set_watchlist(*self._watchlist)
            panel.set_refreshing(self._refreshing)
            panel.set_quotes_need_key(self._need_key)
            panel.base_changed.connect(self.base_changed)
            panel.watchlist_changed.connect(self.watchlist_changed)
            panel.converter.pair_changed.connect(self._on_pair_changed)
            panel.refresh_requested.connect(self.refresh_requested)
            panel.preferences_requested.connect(self.preferences_requested)
            self._panel = panel
            self.setWidget(panel)
        return self._panel


class _Placeholder(QWidget):
    """Holds the panel's place, at its size, until it is built."""

    def sizeHint(self) -> QSize:
        return PREFERRED_SIZE

    def minimumSizeHint(self) -> QSize:
        return QSize(least_width(self.font()), 0)
