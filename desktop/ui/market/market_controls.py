"""The Markets panel's controls: the base currency picker, the filter and the refresh button on
one row, and the menu of a table's row (watch it, convert with it)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QStyle,
    QTableView,
    QToolButton,
)

from desktop.market.names import currency_name
from desktop.ui.market.market_roles import KEY_ROLE
from desktop.ui.speech import show_clear_button

REFRESH_TIP = "Fetch the latest figures (Shift+F5)"


def base_box() -> QComboBox:
    """The picker of the currency the rates are expressed against."""
    box = QComboBox()
    box.setObjectName("baseCurrency")
    box.setAccessibleName("Base currency")
    box.setToolTip("The currency that the rates below are expressed against")
    # Long names ("Bosnia-Herzegovina Convertible Mark") would widen the whole panel: the
    # closed box fits a short name and its open list is as wide as the longest.
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(14)
    box.setMaxVisibleItems(20)
    return box


def offer_bases(box: QComboBox, codes: Sequence[str], base: str) -> None:
    """Offer ``codes`` with their names, ``base`` selected (the caller blocks the box's signals);
    the box is enabled only when there is a choice."""
    box.clear()
    for code in codes:
        box.addItem(f"{code} — {currency_name(code)}", code)
    box.setCurrentIndex(box.findData(base))
    box.setEnabled(len(codes) > 1)
    popup = box.view()
    popup.setMinimumWidth(popup.sizeHintForColumn(0) + popup.verticalScrollBar().sizeHint().width())


def filter_box() -> QLineEdit:
    """The filter of both tables by code, symbol or name."""
    line = QLineEdit()
    line.setObjectName("marketFilter")
    line.setAccessibleName("Filter markets")
    line.setPlaceholderText("Filter")  # whole even in the narrowest panel
    line.setToolTip("Show only the currencies and stocks whose code or name holds this")
    show_clear_button(line, "Clear the filter")
    line.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return line


def refresh_button(style: QStyle) -> QToolButton:
    """The button that fetches the latest figures."""
    button = QToolButton()
    button.setObjectName("marketRefresh")
    button.setAccessibleName("Refresh market figures")
    button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
    button.setToolTip(REFRESH_TIP)
    return button


def row_key(view: QTableView, position: QPoint) -> str | None:
    """The code or symbol of the row at ``position`` in a table (or of its current row, for a
    menu asked for from the keyboard)."""
    index = view.indexAt(position)
    if not index.isValid():
        index = view.currentIndex()
    key = index.data(KEY_ROLE) if index.isValid() else None
    return key if isinstance(key, str) else None


def row_menu(
    view: QTableView,
    key: str,
    watched: bool,
    on_watch: Callable[[], None],
    convert: tuple[str, Callable[[], None]] | None = None,
) -> QMenu:
    """A row's menu: put ``key`` on the watchlist or take it off, and (given the base and what
    to do) convert from the base to it."""
    menu = QMenu(view)
    menu.setObjectName("marketMenu")
    if watched:
        watch = menu.addAction(f"&Remove {key} from Watchlist")
    else:
        watch = menu.addAction(f"&Add {key} to Watchlist")
    watch.setObjectName("watchToggle")
    watch.triggered.connect(on_watch)
    if convert is not None:
        base, on_convert = convert
        menu.addAction(f"&Convert {base} to {key}").triggered.connect(on_convert)
    return menu
