"""The real window at a given size over live-looking market figures, and its market parts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QTableView
from pytestqt.qtbot import QtBot

from desktop.domain import MarketSnapshot, Quote, Rate
from desktop.paths import AppPaths
from desktop.store.database import connect, transaction
from desktop.store.market_data import add_figures
from desktop.ui.market.market_dock import MarketDock
from desktop.ui.market.market_room import READER_CHARACTERS, MarketRoom
from desktop.ui.market.market_tables import NAME, FiguresView
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.shell.pane_room import PaneRoom

SIZES = [(800, 600), (1280, 800), (1600, 1000)]
ECB = "European Central Bank"
ERAPI = "ExchangeRate-API"
ECB_CODES = ("USD", "JPY", "GBP", "CHF", "AUD", "CAD", "SEK", "NOK", "PLN", "CZK")
LOADS = 20_000


def docked_panel(
    qtbot: QtBot, snapshot: MarketSnapshot, now: datetime
) -> tuple[QMainWindow, MarketDock]:
    """A Markets panel docked in a shown window of its own, filled from ``snapshot`` per 1 USD;
    the window is returned too, as the panel lives only as long as its window is kept."""
    window = QMainWindow()
    qtbot.addWidget(window)
    panel = MarketDock(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    panel.show_market(snapshot.rates, snapshot.quotes, "USD", now=now)
    window.resize(1000, 800)
    window.show()
    qtbot.waitExposed(window)
    return window, panel


def store_live_figures(paths: AppPaths, snapshot: MarketSnapshot, now: datetime) -> None:
    """Ten days of ECB rates (the last today at 15:00) for a few currencies, ExchangeRate-API's
    of today 00:02 for all, and ten days of three stocks, stored as refreshes would have."""
    today = now.replace(hour=15, minute=0, second=0, microsecond=0)
    per_usd = {rate.code: rate.rate for rate in snapshot.rates} | {"USD": Decimal(1)}
    euro = per_usd["EUR"]
    rates = [
        replace(rate, provider=ERAPI, as_of=today.replace(hour=0, minute=2), snapshot=False)
        for rate in snapshot.rates
    ]
    quotes: list[Quote] = []
    for back in range(10):
        day, drift = today - timedelta(days=back), Decimal(1) + Decimal(back) / 200
        for code in ECB_CODES:
            worth = per_usd[code] / euro * drift
            rates.append(Rate(code, "EUR", worth.quantize(Decimal("0.0001")), day, ECB))
        quotes += [
            replace(quote, provider="Finnhub", as_of=day, snapshot=False, price=quote.price * drift)
            for quote in snapshot.quotes[:3]
        ]
    connection = connect(paths.store)
    try:
        with transaction(connection):
            add_figures(connection, rates, quotes, int(now.timestamp()))
    finally:
        connection.close()


def opened(
    qtbot: QtBot, open_window: Callable[[], MainWindow], size: tuple[int, int]
) -> MainWindow:
    """A window opened at this size, its start finished and its panel and panes in place."""
    window = open_window()
    settle(qtbot, window, size)
    return window


def settle(qtbot: QtBot, window: MainWindow, size: tuple[int, int]) -> None:
    """Give the window this size, finish its start and wait for the figures and the panel's
    place (beside the reader, or given way)."""
    window.resize(*size)
    window.finish_startup()
    built = lambda: window.findChild(QTableView, "currencyTable") is not None  # noqa: E731
    qtbot.waitUntil(built, timeout=LOADS)
    qtbot.waitUntil(lambda: table(window, "currencyTable").model().rowCount() > 0, timeout=LOADS)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size)
    qtbot.waitUntil(lambda: settled(window))


def settled(window: MainWindow) -> bool:
    """Whether the panel has found its place (beside a reader with its 45 characters, given way
    with its toggle lit, floating, or not wanted), and the panes theirs after it."""
    dock, room = market_dock(window), market_room(window)
    if room.fitting or pane_room(window).fitting:
        return False
    if dock.isFloating() or not room.wanted:
        return True
    if not dock.isVisible():
        return room.gave_way
    return reader_characters(window) >= READER_CHARACTERS


def reader_characters(window: MainWindow) -> float:
    """How many characters the lines of the open article's paragraphs hold, on average (each
    paragraph's last line left out, as it ends where the paragraph does)."""
    lengths: list[int] = []
    block = window.reader.document().begin()
    while block.isValid():
        layout = block.layout()
        if len(block.text()) > 200 and layout is not None:
            lengths += [layout.lineAt(i).textLength() for i in range(layout.lineCount() - 1)]
        block = block.next()
    assert lengths, "the open article has paragraphs"
    return sum(lengths) / len(lengths)


def show_panel(qtbot: QtBot, window: MainWindow) -> None:
    """See the panel as a reader would: where it gave way, by asking for it (it floats)."""
    room = market_room(window)
    if room.gave_way:
        toggle(window).trigger()
    dock = market_dock(window)
    qtbot.waitUntil(dock.isVisible)
    qtbot.waitExposed(dock if dock.isFloating() else window)
    QApplication.processEvents()


def market_dock(window: MainWindow) -> QDockWidget:
    found = window.findChild(QDockWidget, "marketDock")
    assert found is not None
    return found


def market_room(window: MainWindow) -> MarketRoom:
    found = window.findChild(MarketRoom)
    assert found is not None
    return found


def pane_room(window: MainWindow) -> PaneRoom:
    found = window.findChild(PaneRoom)
    assert found is not None
    return found


def toggle(window: MainWindow) -> QAction:
    found = window.findChild(QAction, "actionShowMarkets")
    assert found is not None
    return found


def table(window: MainWindow, name: str) -> FiguresView:
    found = window.findChild(FiguresView, name)
    assert found is not None
    return found


def label(window: MainWindow, name: str) -> QLabel:
    found = window.findChild(QLabel, name)
    assert found is not None
    return found


def shown_widths(view: QTableView) -> dict[int, int]:
    """The width of every shown column but the names (which take what is left)."""
    header = view.horizontalHeader()
    return {
        column: header.sectionSize(column)
        for column in range(header.count())
        if not view.isColumnHidden(column) and column != NAME
    }
