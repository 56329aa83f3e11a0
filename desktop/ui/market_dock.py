"""The docked Markets panel: a light shell at start, filled once there are figures to show.

The shell costs nothing at start-up; its content (``market_panel``: tables, models, currency names
from babel) is imported and built the first time figures arrive, after the window's first paint.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QDockWidget, QWidget

from desktop.domain import Quote, Rate

if TYPE_CHECKING:
    from desktop.ui.market_panel import MarketPanel

PREFERRED_SIZE = QSize(380, 480)


class MarketDock(QDockWidget):
    """The Markets dock: movable, floatable and closable; shows quotes and currency rates.

    Signals:
        base_changed(str): the person picked another base currency; carries its ISO code.
    """

    base_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Markets", parent)
        self.setObjectName("marketDock")
        features = QDockWidget.DockWidgetFeature
        self.setFeatures(
            features.DockWidgetMovable | features.DockWidgetFloatable | features.DockWidgetClosable
        )
        self._panel: MarketPanel | None = None
        self.setWidget(_Placeholder())

    def show_market(
        self,
        rates: Sequence[Rate],
        quotes: Sequence[Quote],
        base: str,
        now: datetime | None = None,
    ) -> None:
        """Show these figures, rates against ``base`` (or their own base if none reaches it)."""
        self._content().show_market(rates, quotes, base, now)

    def _content(self) -> MarketPanel:
        """The panel, built on first use."""
        if self._panel is None:
            from desktop.ui.market_panel import MarketPanel

            self._panel = MarketPanel()
            self._panel.base_changed.connect(self.base_changed)
            self.setWidget(self._panel)
        return self._panel


class _Placeholder(QWidget):
    """Holds the panel's place, at its size, until it is built."""

    def sizeHint(self) -> QSize:
        return PREFERRED_SIZE
