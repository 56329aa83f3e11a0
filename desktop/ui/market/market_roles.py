"""The roles the Markets panel's models answer beyond Qt's own, and their figures' colours."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

SORT_ROLE = Qt.ItemDataRole.UserRole
FILTER_ROLE = Qt.ItemDataRole.UserRole + 1
SERIES_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's history, oldest first, for a sparkline
STALE_ROLE = Qt.ItemDataRole.UserRole + 3
PINNED_ROLE = Qt.ItemDataRole.UserRole + 4  # whether the row is on the watchlist
KEY_ROLE = Qt.ItemDataRole.UserRole + 5  # the row's currency code or stock symbol
TREND = 2  # the sparkline column, in both tables

# Up and down colours: dark enough on a light base, lighter on a dark one (both over 4.5:1 on
# the base and on the alternate rows' colour; tests/ui/test_contrast.py measures them).
_UP = {False: QColor("#176b34"), True: QColor("#56d364")}
_DOWN = {False: QColor("#c62828"), True: QColor("#ff7b72")}
MUTED = QPalette.ColorRole.PlaceholderText


def trend_colour(trend: int, palette: QPalette | None = None) -> QColor:
    """Green for up, red for down, lighter variants when the base colour is dark."""
    base = (palette or QGuiApplication.palette()).color(QPalette.ColorRole.Base)
    dark = base.lightness() < 128
    return _UP[dark] if trend > 0 else _DOWN[dark] if trend < 0 else muted_colour(palette)


def muted_colour(palette: QPalette | None = None) -> QColor:
    """The palette's muted text colour (its placeholder text's), for stale figures: over 4.5:1
    on the base, the alternate rows and the window in both appearances."""
    return (palette or QGuiApplication.palette()).color(MUTED)
