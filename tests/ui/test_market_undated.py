"""Undated figures in the Markets panel: a saved page that states no time shows its figures as
"undated (saved <date>)", sorts them below every dated one, and says so in tooltips, the spoken
text, the status line and the converter."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.domain import MarketSnapshot, Quote, Rate
from desktop.ui.market.market_dock import MarketDock
from desktop.ui.market.market_models import CurrencyTableModel, QuoteTableModel
from desktop.ui.market.market_roles import SORT_ROLE

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
SAVED = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
PAGE = "Saved page harbour.txt"
UNDATED = "undated (saved 14 Mar 2026)"
CODE, AS_OF = 0, 4

pytestmark = [
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
    pytest.mark.usefixtures("british_utc"),
]


def page_rates(saved: datetime = SAVED) -> list[Rate]:
    """A saved page's rates per dollar, for currencies the sample edition does not list."""
    return [
        Rate(code, "USD", Decimal(value), saved, PAGE, snapshot=True, undated=True)
        for code, value in (("STN", "22.9"), ("SSP", "130.26"))
    ]


def page_quote(saved: datetime = SAVED) -> Quote:
    """A saved page's quote for a symbol of its own."""
    return Quote(
        "HRBR", "HRBR", Decimal("42.75"), Decimal("1.25"), Decimal("3.01"), "USD", saved, PAGE,
        snapshot=True, undated=True,
    )  # fmt: skip


@pytest.fixture
def dock(qtbot: QtBot) -> Iterator[MarketDock]:
    """A Markets panel docked in a shown window."""
    window = QMainWindow()
    qtbot.addWidget(window)
    panel = MarketDock(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    window.resize(1000, 800)
    window.show()
    qtbot.waitExposed(window)
    yield panel


def table(dock: MarketDock, name: str) -> QTableView:
    """One of the panel's tables by object name."""
    found = dock.findChild(QTableView, name)
    assert found is not None
    return found


def row(view: QTableView, key: str, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    """What one cell of the row whose first column reads ``key`` answers."""
    model = view.model()
    keys = [model.index(place, 0).data() for place in range(model.rowCount())]
    return model.index(keys.index(key), column).data(role)


def status(dock: MarketDock) -> str:
    """The panel's status line."""
    label = dock.findChild(QLabel, "marketStatus")
    assert label is not None
    return label.text()


def test_an_undated_rate_shows_when_it_was_saved(
    dock: MarketDock, snapshot: MarketSnapshot
) -> None:
    dock.show_market([*snapshot.rates, *page_rates()], [], "USD", now=NOW)
    currencies = table(dock, "currencyTable")
    # Said once above the table; each row names its provider.
    caption = dock.findChild(QLabel, "currencyAsOf")
    assert caption is not None
    assert caption.text() == f"As of Oct 2024 · Sample, {UNDATED} · Page"
    assert row(currencies, "STN", AS_OF) == "Page"
    assert row(currencies, "EUR", AS_OF) == "Sample"
    tip = row(currencies, "STN", AS_OF, Qt.ItemDataRole.ToolTipRole)
    assert tip == (
        "São Tomé & Príncipe Dobra (STN)\n"
        f"From {PAGE}, {UNDATED}: the page gives no date for this rate, "
        "a snapshot, not a live rate."
    )
    spoken = row(currencies, "STN", AS_OF, Qt.ItemDataRole.AccessibleTextRole)
    assert isinstance(spoken, str)
    assert spoken.endswith(f"undated, saved 14 Mar 2026 from {PAGE}, a snapshot.")
    assert status(dock) == (
        f"Snapshot of 25 Oct 2024 from Sample edition snapshot — not live. "
        f"Undated figures from {PAGE}."
    )


def test_undated_rates_sort_below_every_dated_one(
    dock: MarketDock, snapshot: MarketSnapshot
) -> None:
    later = page_rates(NOW - timedelta(days=1))[:1]  # STN saved yesterday; SSP in March
    dock.show_market([*snapshot.rates, *later, *page_rates()[1:]], [], "USD", now=NOW)
    currencies = table(dock, "currencyTable")
    currencies.sortByColumn(AS_OF, Qt.SortOrder.DescendingOrder)
    model = currencies.model()
    codes = [model.index(place, CODE).data() for place in range(model.rowCount())]
    assert codes[-2:] == ["STN", "SSP"]  # under 2024's dated figures; the later saved first
    currencies.sortByColumn(AS_OF, Qt.SortOrder.AscendingOrder)
    codes = [model.index(place, CODE).data() for place in range(model.rowCount())]
    assert codes[:2] == ["SSP", "STN"]


def test_only_undated_figures_say_so_in_the_status(dock: MarketDock) -> None:
    dock.show_market(page_rates(), [page_quote()], "USD", now=NOW)
    assert status(dock) == f"Snapshot from {PAGE}, {UNDATED} — not live."
    quotes = table(dock, "quoteTable")
    tip = row(quotes, "HRBR", 1, Qt.ItemDataRole.ToolTipRole)
    assert tip == (
        f"HRBR (HRBR)\nFrom {PAGE}, {UNDATED}: the page gives no date for this price, "
        "a snapshot, not a live price."
    )
    spoken = row(quotes, "HRBR", 1, Qt.ItemDataRole.AccessibleTextRole)
    assert isinstance(spoken, str) and f"undated, saved 14 Mar 2026 from {PAGE}" in spoken


def test_the_converter_says_a_rate_is_undated(dock: MarketDock, snapshot: MarketSnapshot) -> None:
    dock.show_market([*snapshot.rates, *page_rates()], [], "USD", now=NOW)
    dock.set_converter_pair("USD", "STN")
    result = dock.findChild(QLabel, "convertResult")
    detail = dock.findChild(QLabel, "convertDetail")
    assert result is not None and detail is not None
    assert result.text() == "100 USD = 2,290.00 STN"
    assert detail.text() == f"1 USD = 22.9 STN · {UNDATED} · Sample, Page · not current"
    dock.set_converter_pair("USD", "EUR")
    assert detail.text().startswith("1 USD = 0.921075 EUR · as of 25 Oct 2024 · Sample")


def test_models_with_undated_rows_follow_the_qt_model_contract(
    qtmodeltester: ModelTester, snapshot: MarketSnapshot
) -> None:
    currencies = CurrencyTableModel()
    currencies.set_rates([*snapshot.rates, *page_rates()], "USD", NOW)
    qtmodeltester.check(currencies)
    quotes = QuoteTableModel()
    quotes.set_quotes([*snapshot.quotes, page_quote()], NOW)
    qtmodeltester.check(quotes)
    keys = [currencies.index(r, AS_OF).data(SORT_ROLE) for r in range(currencies.rowCount())]
    undated = [key for place, key in enumerate(keys) if currencies.key_at(place) in {"STN", "SSP"}]
    assert max(undated) < min(set(keys) - set(undated))
