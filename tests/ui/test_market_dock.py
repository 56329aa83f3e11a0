"""The Markets panel as a reader sees it: rates against a base, quotes, filter, sort, freshness."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Context, Decimal
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.domain import MarketSnapshot, Quote
from desktop.ui.market.market_dock import MarketDock
from desktop.ui.market.market_footer import EMPTY_TEXT
from desktop.ui.market.market_models import CurrencyTableModel, QuoteTableModel
from desktop.ui.market.market_roles import (
    FILTER_ROLE,
    KEY_ROLE,
    PINNED_ROLE,
    SERIES_ROLE,
    SORT_ROLE,
    STALE_ROLE,
    muted_colour,
    trend_colour,
)
from tests.ui.market_window import docked_panel

NOW = datetime(2026, 11, 26, tzinfo=UTC)
SNAPSHOT_RATE_TIP = "A snapshot from 25 Oct 2024 (Sample edition snapshot), not a live rate."
SNAPSHOT_QUOTE_TIP = "A snapshot from 25 Oct 2024 (Sample edition snapshot), not a live price."
CODE, NAME, TREND, RATE, AS_OF = 0, 1, 2, 3, 4
PRICE, CHANGE, PERCENT = 3, 4, 5

# The offscreen platform says this whenever a window has a minimum size; it is not our warning.
pytestmark = [
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
    pytest.mark.usefixtures("british_utc"),
]


@pytest.fixture
def dock(qtbot: QtBot, snapshot: MarketSnapshot) -> Iterator[MarketDock]:
    """A Markets panel docked in a shown window, filled from the sample snapshot per 1 USD."""
    _window, panel = docked_panel(qtbot, snapshot, NOW)
    yield panel


def table(dock: MarketDock, name: str) -> QTableView:
    """One of the panel's tables by object name."""
    found = dock.findChild(QTableView, name)
    assert found is not None
    return found


def cells(view: QTableView, role: int = Qt.ItemDataRole.DisplayRole) -> list[list[Any]]:
    """What the table shows, row by row, in its sorted and filtered order."""
    model = view.model()
    return [
        [model.index(row, column).data(role) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def row_of(view: QTableView, key: str) -> int:
    """The shown row whose first column reads ``key``."""
    keys = [row[0] for row in cells(view)]
    return keys.index(key)


def text(view: QTableView, key: str, column: int) -> str:
    """The text of one cell, found by the row's code or symbol."""
    value = view.model().index(row_of(view, key), column).data()
    assert isinstance(value, str)
    return value


def six_digits(value: Decimal) -> str:
    """A figure rounded to six significant digits, as the panel writes it."""
    return format(Context(prec=6).plus(value), "f")


def test_snapshot_shows_every_currency_per_dollar(dock: MarketDock) -> None:
    currencies = table(dock, "currencyTable")
    codes = [row[CODE] for row in cells(currencies)]
    assert len(codes) == 169
    assert codes == sorted(codes)
    assert "USD" not in codes
    assert text(currencies, "AED", RATE) == "3.67303"
    assert text(currencies, "EUR", RATE) == "0.921075"
    assert text(currencies, "EUR", NAME) == "Euro"
    assert text(currencies, "XAU", RATE) == "0.000367"
    assert text(currencies, "IRR", RATE) == "42,090.0"
    assert text(currencies, "AED", AS_OF) == "Oct 2024 · Sample"
    base = dock.findChild(QComboBox, "baseCurrency")
    assert base is not None
    assert base.currentText() == "USD — US Dollar"
    assert base.count() == 170
    assert any(label.text() == "Currencies per 1 USD" for label in dock.findChildren(QLabel))


def test_picking_euro_rebases_the_rates(qtbot: QtBot, dock: MarketDock) -> None:
    base = dock.findChild(QComboBox, "baseCurrency")
    assert base is not None
    with qtbot.waitSignal(dock.base_changed) as blocker:
        base.setCurrentIndex(base.findData("EUR"))
    assert blocker.args == ["EUR"]
    currencies = table(dock, "currencyTable")
    codes = [row[CODE] for row in cells(currencies)]
    assert "EUR" not in codes
    assert len(codes) == 169
    euro = Decimal("0.921075")
    assert text(currencies, "USD", RATE) == six_digits(1 / euro) == "1.08569"
    assert text(currencies, "AED", RATE) == six_digits(Decimal("3.673031") / euro) == "3.98777"
    assert any(label.text() == "Currencies per 1 EUR" for label in dock.findChildren(QLabel))


def test_showing_figures_again_does_not_announce_a_base_change(
    qtbot: QtBot, dock: MarketDock, snapshot: MarketSnapshot
) -> None:
    with qtbot.assertNotEmitted(dock.base_changed):
        dock.show_market(snapshot.rates, snapshot.quotes, "GBP", now=NOW)
    base = dock.findChild(QComboBox, "baseCurrency")
    assert base is not None
    assert base.currentData() == "GBP"
    assert "GBP" not in [row[CODE] for row in cells(table(dock, "currencyTable"))]


def test_an_unknown_base_falls_back_to_the_rates_own(
    dock: MarketDock, snapshot: MarketSnapshot
) -> None:
    dock.show_market(snapshot.rates, snapshot.quotes, "XYZ", now=NOW)
    assert text(table(dock, "currencyTable"), "EUR", RATE) == "0.921075"
    status = dock.findChild(QLabel, "marketStatus")
    assert status is not None
    assert status.text().startswith("No rate is known for XYZ; rates are per 1 USD.")


def test_filter_matches_names_and_codes_in_both_tables(qtbot: QtBot, dock: MarketDock) -> None:
    search = dock.findChild(QLineEdit, "marketFilter")
    assert search is not None
    qtbot.keyClicks(search, "YEN")
    assert [row[CODE] for row in cells(table(dock, "currencyTable"))] == ["JPY"]
    assert cells(table(dock, "quoteTable")) == []
    search.setText("yuan")
    assert [row[CODE] for row in cells(table(dock, "currencyTable"))] == ["CNH", "CNY"]
    search.setText("grid")
    assert [row[CODE] for row in cells(table(dock, "quoteTable"))] == ["NGG"]
    assert cells(table(dock, "currencyTable")) == []
    search.setText("chf")
    assert [row[CODE] for row in cells(table(dock, "currencyTable"))] == ["CHF"]


def test_filter_ignores_the_figures(dock: MarketDock) -> None:
    search = dock.findChild(QLineEdit, "marketFilter")
    status = dock.findChild(QLabel, "marketStatus")
    assert search is not None and status is not None
    search.setText("3.67")
    assert cells(table(dock, "currencyTable")) == []
    assert cells(table(dock, "quoteTable")) == []
    assert status.text().startswith("Nothing matches “3.67”.")
    search.clear()
    assert len(cells(table(dock, "currencyTable"))) == 169


def test_clicking_rate_sorts_by_value_not_text(qtbot: QtBot, dock: MarketDock) -> None:
    currencies = table(dock, "currencyTable")
    header = currencies.horizontalHeader()
    middle = QPoint(header.sectionViewportPosition(RATE) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=middle)
    if header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder:
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=middle)
    assert header.sortIndicatorSection() == RATE
    values = [row[RATE] for row in cells(currencies, SORT_ROLE)]
    assert values == sorted(values)
    codes = [row[CODE] for row in cells(currencies)]
    assert codes[0] == "XAU"  # 0.000367
    assert codes[-1] == "VEF"  # 3,622,553: as text, "90.8154" (ALL) would sort last


def test_quotes_show_direction_in_arrows_and_colour(dock: MarketDock) -> None:
    quotes = table(dock, "quoteTable")
    rows = cells(quotes)
    assert len(rows) == 16
    assert [row[0] for row in rows[:3]] == ["RBGPF", "NGG", "RELX"]  # the snapshot's own order
    assert text(quotes, "BTI", PRICE) == "34.50"
    assert text(quotes, "BTI", CHANGE) == "▼ 0.87"
    assert text(quotes, "BTI", PERCENT) == "▼ 2.52 %"
    assert text(quotes, "RBGPF", CHANGE) == "—"  # the page gave its price as its change
    assert text(quotes, "NGG", PERCENT) == "▲ 1.19 %"
    down = quotes.model().index(row_of(quotes, "BTI"), PERCENT).data(Qt.ItemDataRole.ForegroundRole)
    up = quotes.model().index(row_of(quotes, "NGG"), CHANGE).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(down, QColor) and isinstance(up, QColor)
    assert down.red() > 2 * max(down.green(), down.blue())
    assert up.green() > 2 * max(up.red(), up.blue())


def test_snapshot_figures_say_they_are_not_live(dock: MarketDock) -> None:
    tip = Qt.ItemDataRole.ToolTipRole
    quotes, currencies = table(dock, "quoteTable"), table(dock, "currencyTable")
    bti = quotes.model().index(row_of(quotes, "BTI"), 1).data(tip)
    assert bti == f"British American Tobacco (BTI)\n{SNAPSHOT_QUOTE_TIP}"  # the table: symbols
    eur = currencies.model().index(row_of(currencies, "EUR"), RATE).data(tip)
    assert eur == f"Euro (EUR)\n{SNAPSHOT_RATE_TIP}"
    grey = currencies.model().index(0, RATE).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(grey, QColor)
    status = dock.findChild(QLabel, "marketStatus")
    assert status is not None and status.isVisible()
    assert status.text() == "Snapshot of 25 Oct 2024 from Sample edition snapshot — not live."


def test_fresh_rates_are_drawn_normally(dock: MarketDock, snapshot: MarketSnapshot) -> None:
    hour_ago = NOW - timedelta(hours=1)
    live = [
        replace(rate, as_of=hour_ago, provider="Frankfurter", snapshot=False)
        for rate in snapshot.rates
    ]
    dock.show_market(live, [], "USD", now=NOW)
    currencies = table(dock, "currencyTable")
    eur = currencies.model().index(row_of(currencies, "EUR"), RATE)
    assert eur.data(Qt.ItemDataRole.ForegroundRole) is None
    assert eur.data(Qt.ItemDataRole.ToolTipRole) == (
        "Euro (EUR)\nFrom Frankfurter, as of 25 Nov 2026, 23:00."
    )
    status = dock.findChild(QLabel, "marketStatus")
    assert status is not None
    assert status.text() == "Updated 25 Nov 2026, 23:00 from Frankfurter."
    assert not table(dock, "quoteTable").isVisible()


def test_no_figures_show_the_empty_state(dock: MarketDock) -> None:
    dock.show_market([], [], "USD", now=NOW)
    empty = dock.findChild(QLabel, "marketEmpty")
    assert empty is not None and empty.isVisible()
    assert empty.text() == EMPTY_TEXT
    assert not table(dock, "quoteTable").isVisible()
    assert not table(dock, "currencyTable").isVisible()


def test_controls_are_named_and_in_tab_order(dock: MarketDock) -> None:
    assert dock.windowTitle() == "Markets"
    assert dock.objectName() == "marketDock"
    base = dock.findChild(QComboBox, "baseCurrency")
    search = dock.findChild(QLineEdit, "marketFilter")
    refresh = dock.findChild(QToolButton, "marketRefresh")
    amount = dock.findChild(QLineEdit, "convertAmount")
    source = dock.findChild(QComboBox, "convertFrom")
    swap = dock.findChild(QToolButton, "convertSwap")
    target = dock.findChild(QComboBox, "convertTo")
    quotes, currencies = table(dock, "quoteTable"), table(dock, "currencyTable")
    chain = [search, refresh, amount, source, swap, target, quotes, currencies]
    assert base is not None and all(widget is not None for widget in chain)
    names = [w.accessibleName() for w in (base, *chain) if w is not None]
    assert names == [
        "Base currency",
        "Filter markets",
        "Refresh market figures",
        "Amount to convert",
        "Convert from",
        "Swap currencies",
        "Convert to",
        "Stock quotes",
        "Currency rates",
    ]
    assert [*tab_chain(base, len(chain))] == chain


def tab_chain(start: QWidget, count: int) -> Iterator[QWidget]:
    """The next ``count`` widgets that Tab moves focus to after ``start``."""
    widget: QWidget | None = start
    for _ in range(count):
        assert widget is not None
        widget = widget.nextInFocusChain()
        while widget is not None and not (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible()
        ):
            widget = widget.nextInFocusChain()
        assert widget is not None
        yield widget


def test_models_follow_the_qt_model_contract(
    qtmodeltester: ModelTester, snapshot: MarketSnapshot
) -> None:
    currencies = CurrencyTableModel()
    currencies.set_rates(snapshot.rates, "EUR", NOW)
    qtmodeltester.check(currencies)
    quotes = QuoteTableModel()
    quotes.set_quotes(snapshot.quotes, NOW)
    qtmodeltester.check(quotes)


def test_quote_model_marks_a_flat_quote(snapshot: MarketSnapshot) -> None:
    flat: Quote = replace(snapshot.quotes[0], change=Decimal(0), percent=Decimal(0))
    model = QuoteTableModel()
    model.set_quotes([flat], NOW)
    assert model.index(0, CHANGE).data() == "• 0.00"
    assert model.index(0, PERCENT).data() == "• 0.00 %"


def test_a_change_as_large_as_the_price_is_shown_as_unknown(snapshot: MarketSnapshot) -> None:
    """The sample page's ticker gives one stock a change equal to its price (+100 %): a previous
    close of zero, which no stock had. Shown as unknown, not as a doubling."""
    broken: Quote = replace(
        snapshot.quotes[0], price=Decimal("61.11"), change=Decimal("61.11"), percent=Decimal(100)
    )
    model = QuoteTableModel()
    model.set_quotes([broken], NOW)
    assert model.index(0, CHANGE).data() == model.index(0, PERCENT).data() == "—"
    tip = model.index(0, CHANGE).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.split("\n")[1].startswith("The source gave no previous close")
    spoken = model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "no change known since the previous close" in spoken
    assert "100" not in spoken


ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    SORT_ROLE,
    FILTER_ROLE,
    SERIES_ROLE,
    STALE_ROLE,
    PINNED_ROLE,
    KEY_ROLE,
)


def every_answer(model: CurrencyTableModel) -> list[list[tuple[object, ...]]]:
    """Every cell's answer to every role, row by row."""
    return [
        [
            tuple(model.index(row, column).data(role) for role in ROLES)
            for column in range(model.columnCount())
        ]
        for row in range(model.rowCount())
    ]


def test_rows_updated_in_place_say_what_fresh_rows_say(snapshot: MarketSnapshot) -> None:
    """Another base, another moment or a watched currency change the rows in place, writing only
    what changed; every cell must then answer as in a model filled afresh."""
    series = {"EUR": (0.91, 0.92, 0.93), "JPY": (150.0, 149.0)}
    ecb = [
        replace(rate, as_of=NOW - timedelta(hours=1), provider="ExchangeRate-API", snapshot=False)
        for rate in snapshot.rates[:3]
    ]
    rates = [*snapshot.rates, *ecb]
    model = CurrencyTableModel()
    model.set_rates(rates, "USD", NOW, series)
    steps = [
        ("EUR", NOW, ()),
        ("JPY", NOW, ()),
        ("JPY", NOW + timedelta(days=3), ()),
        ("JPY", NOW + timedelta(days=3), ("AED",)),
        ("GBP", NOW + timedelta(days=3), ("AED",)),
    ]
    for base, moment, pinned in steps:
        model.set_rates(rates, base, moment, series, pinned)
        fresh = CurrencyTableModel()
        fresh.set_rates(rates, base, moment, series, pinned)
        assert every_answer(model) == every_answer(fresh), (base, moment, pinned)


def test_a_new_palette_recolours_every_stale_and_moving_cell(snapshot: MarketSnapshot) -> None:
    """Switching to a dark appearance gives stale figures a grey and moves a lighter green and
    red that read on a dark base."""
    quotes = QuoteTableModel()
    quotes.set_quotes(snapshot.quotes, NOW)
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e8e8e8"))
    quotes.update_colours(dark)
    up = quotes.index([q.symbol for q in snapshot.quotes].index("NGG"), CHANGE)
    assert up.data(Qt.ItemDataRole.ForegroundRole) == trend_colour(1, dark)
    assert quotes.index(0, PRICE).data(Qt.ItemDataRole.ForegroundRole) == muted_colour(dark)


def test_a_name_the_narrow_panel_cuts_short_is_whole_in_the_tooltip(dock: MarketDock) -> None:
    currencies = table(dock, "currencyTable")
    row = row_of(currencies, "AED")
    name = currencies.model().index(row, 1)
    assert name.data() == "United Arab Emirates Dirham"  # "United …" in a docked panel
    for column in range(currencies.model().columnCount()):
        tip = currencies.model().index(row, column).data(Qt.ItemDataRole.ToolTipRole)
        assert tip.split("\n")[0] == "United Arab Emirates Dirham (AED)"
