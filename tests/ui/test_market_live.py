"""The live Markets panel: sparklines from history, the watchlist, the converter, stale figures
marked with why, the attribution and key note, and refreshing the real window from a local
server."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor, QImage, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
)
from pytest_httpserver import HTTPServer
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop import settings
from desktop.domain import MarketSnapshot, ProviderStatus, Rate
from desktop.paths import AppPaths
from desktop.ui.market.market_dock import MarketDock
from desktop.ui.market.market_models import CurrencyTableModel
from desktop.ui.market.market_roles import KEY_ROLE, SERIES_ROLE, STALE_ROLE, TREND
from desktop.ui.shell.actions import plain
from desktop.ui.shell.main_window import MainWindow
from tests.marketserver import (
    KEY,
    PATHS,
    environment,
    serve,
    serve_dated,
    serve_every_provider,
)
from tests.ui.conftest import WindowFactory

# Thursday 26 November 2026, 17:00 UTC: the ECB's rates of 16:00 CET today are out.
NOW = datetime(2026, 11, 26, 17, 0, tzinfo=UTC)
TODAY_ECB = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)
ECB = "European Central Bank"
ERAPI = "ExchangeRate-API"
LOADS = 20_000
CODE, RATE, AS_OF = 0, 3, 4

pytestmark = [
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
    pytest.mark.usefixtures("british_utc"),
]


def ecb_history(days: int = 10) -> list[Rate]:
    """The ECB's rates per euro on the last ``days`` working days up to today: the euro buys a
    cent more each day (1.06 dollars at first, 1.15 today) and a yen less (159, then 150)."""
    moments = [TODAY_ECB]
    while len(moments) < days:
        moments.append(moments[-1] - timedelta(days=3 if moments[-1].weekday() == 0 else 1))
    rates: list[Rate] = []
    for step, day in enumerate(reversed(moments)):
        usd, jpy = Decimal("1.06") + Decimal("0.01") * step, Decimal(159 - step)
        rates += [Rate("USD", "EUR", usd, day, ECB), Rate("JPY", "EUR", jpy, day, ECB)]
    return rates


@pytest.fixture
def dock(qtbot: QtBot, snapshot: MarketSnapshot) -> Iterator[MarketDock]:
    """The panel with the sample snapshot plus ten days of ECB rates, the last of them today's."""
    window = QMainWindow()
    qtbot.addWidget(window)
    panel = MarketDock(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    history = ecb_history()
    today = [rate for rate in history if rate.as_of == TODAY_ECB]
    panel.show_market([*snapshot.rates, *today], snapshot.quotes, "USD", NOW, rate_history=history)
    window.resize(1000, 800)
    window.show()
    qtbot.waitExposed(window)
    yield panel


def table(dock: MarketDock | MainWindow, name: str) -> QTableView:
    found = dock.findChild(QTableView, name)
    assert found is not None
    return found


def row_of(view: QTableView, key: str) -> int:
    model = view.model()
    keys = [model.index(row, 0).data(KEY_ROLE) for row in range(model.rowCount())]
    return keys.index(key)


def cell(
    view: QTableView, key: str, column: int, role: int = Qt.ItemDataRole.DisplayRole
) -> object:
    return view.model().index(row_of(view, key), column).data(role)


def first_keys(view: QTableView, count: int) -> list[str]:
    model = view.model()
    return [model.index(row, 0).data(KEY_ROLE) for row in range(count)]


def label(widget: MarketDock | MainWindow, name: str) -> QLabel:
    found = widget.findChild(QLabel, name)
    assert found is not None
    return found


# Sparklines


def test_a_sparkline_follows_the_history_rebased_on_the_chosen_base(dock: MarketDock) -> None:
    currencies = table(dock, "currencyTable")
    yen = cell(currencies, "JPY", TREND, SERIES_ROLE)
    assert isinstance(yen, tuple) and len(yen) == 10
    # Yen per dollar = (yen per euro) / (dollars per euro), day by day.
    assert yen[0] == pytest.approx(159 / 1.06) and yen[-1] == pytest.approx(150 / 1.15)
    assert cell(currencies, "AED", TREND, SERIES_ROLE) == ()  # no history: no line
    base = dock.findChild(QComboBox, "baseCurrency")
    assert base is not None
    base.setCurrentIndex(base.findData("EUR"))
    in_euros = cell(currencies, "JPY", TREND, SERIES_ROLE)
    assert isinstance(in_euros, tuple) and in_euros[-1] == pytest.approx(150.0)


def test_the_sparkline_is_painted_in_the_colour_of_its_trend(
    qtbot: QtBot, dock: MarketDock
) -> None:
    currencies = table(dock, "currencyTable")
    currencies.scrollTo(currencies.model().index(row_of(currencies, "JPY"), TREND))
    below = currencies.model().index(row_of(currencies, "JOD"), TREND)
    qtbot.waitUntil(lambda: currencies.viewport().rect().contains(currencies.visualRect(below)))
    image = currencies.viewport().grab().toImage()
    yen = currencies.visualRect(currencies.model().index(row_of(currencies, "JPY"), TREND))
    jod = currencies.visualRect(currencies.model().index(row_of(currencies, "JOD"), TREND))
    assert image.rect().contains(yen) and image.rect().contains(jod)
    # A dollar bought fewer yen each day: a red line; JOD, just above, has no history: no line.
    assert _count(image, yen, lambda c: c.red() > c.green() + 60) > 20
    assert _count(image, jod, lambda c: c.red() > c.green() + 60) == 0


def _count(image: QImage, rect: object, test: object) -> int:
    ratio = image.devicePixelRatio()
    found = 0
    for x in range(rect.left(), rect.right()):  # type: ignore[attr-defined]
        for y in range(rect.top(), rect.bottom()):  # type: ignore[attr-defined]
            if test(image.pixelColor(int(x * ratio), int(y * ratio))):  # type: ignore[operator]
                found += 1
    return found


# The watchlist


def _menu_action(qtbot: QtBot, view: QTableView, key: str, text: str) -> None:
    """Open a row's context menu as a right click would and choose ``text`` in it."""
    index = view.model().index(row_of(view, key), 0)
    view.customContextMenuRequested.emit(view.visualRect(index).center())
    menu = next(m for m in view.findChildren(QMenu) if m.isVisible())
    action = next(a for a in menu.actions() if plain(a.text()) == text)
    keys = [QKeySequence.mnemonic(a.text()).toString() for a in menu.actions()]
    assert all(keys) and len(set(keys)) == len(keys)  # each item has an Alt+letter of its own
    action.trigger()
    menu.close()
    menu.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_pinned_currency_stays_on_top_whatever_the_sort(qtbot: QtBot, dock: MarketDock) -> None:
    currencies = table(dock, "currencyTable")
    with qtbot.waitSignal(dock.watchlist_changed) as pinned:
        _menu_action(qtbot, currencies, "JPY", "Add JPY to Watchlist")
    assert pinned.args == [("JPY",), ()]
    _menu_action(qtbot, currencies, "GBP", "Add GBP to Watchlist")
    assert first_keys(currencies, 2) == ["GBP", "JPY"]  # sorted by code, pinned first
    assert cell(currencies, "JPY", CODE) == "★ JPY"
    currencies.sortByColumn(RATE, Qt.SortOrder.DescendingOrder)
    assert set(first_keys(currencies, 2)) == {"GBP", "JPY"}
    assert first_keys(currencies, 2) == ["JPY", "GBP"]  # 149 yen, 0.77 pounds
    currencies.sortByColumn(RATE, Qt.SortOrder.AscendingOrder)
    assert first_keys(currencies, 2) == ["GBP", "JPY"]
    with qtbot.waitSignal(dock.watchlist_changed) as unpinned:
        _menu_action(qtbot, currencies, "JPY", "Remove JPY from Watchlist")
    assert unpinned.args == [("GBP",), ()]
    assert cell(currencies, "JPY", CODE) == "JPY"


def test_a_pinned_stock_heads_the_quotes_in_the_order_pinned(
    qtbot: QtBot, dock: MarketDock
) -> None:
    quotes = table(dock, "quoteTable")
    _menu_action(qtbot, quotes, "BTI", "Add BTI to Watchlist")
    _menu_action(qtbot, quotes, "NGG", "Add NGG to Watchlist")
    assert first_keys(quotes, 3) == ["BTI", "NGG", "RBGPF"]
    spoken = cell(quotes, "BTI", 0, Qt.ItemDataRole.AccessibleTextRole)
    assert isinstance(spoken, str) and spoken.endswith("on your watchlist.")


# The converter


def _converter(dock: MarketDock) -> tuple[QLineEdit, QComboBox, QComboBox, QLabel, QLabel]:
    amount = dock.findChild(QLineEdit, "convertAmount")
    source = dock.findChild(QComboBox, "convertFrom")
    target = dock.findChild(QComboBox, "convertTo")
    assert amount is not None and source is not None and target is not None
    return amount, source, target, label(dock, "convertResult"), label(dock, "convertDetail")


def test_the_converter_follows_each_keystroke(qtbot: QtBot, dock: MarketDock) -> None:
    amount, _, target, result, detail = _converter(dock)
    dock.set_converter_pair("USD", "GBP")
    amount.clear()
    qtbot.keyClicks(amount, "2,500.5")
    # 2,500.5 × 0.767085 = 1,918.096 0425: pence, half-even.
    assert result.text() == "2,500.5 USD = 1,918.10 GBP"
    # The dollar's rate is today's from the ECB, the pound's the sample's.
    assert detail.text().startswith("1 USD = 0.767085 GBP · as of 25 Oct 2024 · ECB, Sample")
    assert detail.text().endswith("not current")
    target.setCurrentIndex(target.findData("JPY"))
    # Today's ECB rates: 150 / 1.15 yen per dollar; yen have no minor unit.
    assert result.text() == "2,500.5 USD = 326,152 JPY"
    target.setCurrentIndex(target.findData("KWD"))
    assert result.text().endswith(" KWD") and len(result.text().split(".")[-1]) == 7  # 3 + " KWD"


def test_swapping_converts_the_other_way(qtbot: QtBot, dock: MarketDock) -> None:
    amount, source, target, result, _ = _converter(dock)
    dock.set_converter_pair("USD", "EUR")
    amount.setText("100")
    with qtbot.waitSignal(dock.pair_changed) as swapped:
        swap = dock.findChild(QToolButton, "convertSwap")
        assert swap is not None
        qtbot.mouseClick(swap, Qt.MouseButton.LeftButton)
    assert swapped.args == ["EUR", "USD"]
    assert (source.currentData(), target.currentData()) == ("EUR", "USD")
    # Not 100 / 0.921075 (the sample's): today's ECB rate, 1.15 dollars per euro, is fresher.
    assert result.text() == "100 EUR = 115.00 USD"


def test_the_converter_explains_what_it_cannot_do(dock: MarketDock) -> None:
    amount, _, _, result, detail = _converter(dock)
    dock.set_converter_pair("USD", "LTL")
    amount.setText("ten")
    assert not result.isVisible()
    assert detail.text() == "“ten” is not an amount; type a number, such as 100 or 2,500.50."
    amount.setText("10")
    assert result.text() == "10 USD = 29.53 LTL"
    assert "LTL is retired; its successor is EUR" in detail.text()


def test_convert_from_a_row(qtbot: QtBot, dock: MarketDock) -> None:
    _, source, target, result, _ = _converter(dock)
    _menu_action(qtbot, table(dock, "currencyTable"), "CHF", "Convert USD to CHF")
    assert (source.currentData(), target.currentData()) == ("USD", "CHF")
    assert result.text().endswith(" CHF")


# Freshness


def test_a_current_rate_is_drawn_normally_and_an_old_one_greyed_with_why(
    dock: MarketDock,
) -> None:
    currencies = table(dock, "currencyTable")
    # Each provider's rates share a time: said once above the table, the rows name the provider.
    assert label(dock, "currencyAsOf").text() == "As of 15:00 · ECB, Oct 2024 · Sample"
    assert cell(currencies, "EUR", AS_OF) == "ECB"
    assert cell(currencies, "AED", AS_OF) == "Sample"
    assert cell(currencies, "EUR", RATE, STALE_ROLE) is False
    assert cell(currencies, "EUR", RATE, Qt.ItemDataRole.ForegroundRole) is None
    tip = cell(currencies, "EUR", RATE, Qt.ItemDataRole.ToolTipRole)
    assert tip == "Euro (EUR)\nFrom European Central Bank, as of 26 Nov 2026, 15:00."
    assert cell(currencies, "AED", RATE, STALE_ROLE) is True
    assert isinstance(cell(currencies, "AED", RATE, Qt.ItemDataRole.ForegroundRole), QColor)


def test_yesterdays_ecb_rates_turn_stale_an_hour_after_todays_are_due(
    dock: MarketDock, snapshot: MarketSnapshot
) -> None:
    history = ecb_history()
    yesterday = [rate for rate in history if rate.as_of == TODAY_ECB - timedelta(days=1)]
    for moment, stale in ((TODAY_ECB + timedelta(minutes=59), False), (NOW, True)):
        dock.show_market([*snapshot.rates, *yesterday], [], "USD", moment)
        currencies = table(dock, "currencyTable")
        assert cell(currencies, "EUR", RATE, STALE_ROLE) is stale
    tip = cell(currencies, "EUR", RATE, Qt.ItemDataRole.ToolTipRole)
    assert tip == (
        "Euro (EUR)\nFrom the European Central Bank, 1 day old; "
        "it publishes every working day around 16:00 CET."
    )


def test_a_retired_currency_says_so_and_names_its_successor(dock: MarketDock) -> None:
    currencies = table(dock, "currencyTable")
    assert cell(currencies, "LTL", 1) == "Lithuanian Litas (retired)"
    tip = cell(currencies, "LTL", RATE, Qt.ItemDataRole.ToolTipRole)
    assert isinstance(tip, str)
    assert tip.startswith(
        "Lithuanian Litas (LTL)\nRetired: Lithuania adopted the euro in 2015. Its successor is EUR."
    )


def test_the_footer_credits_exchangerate_api_only_for_its_rates(
    dock: MarketDock, snapshot: MarketSnapshot
) -> None:
    credit = label(dock, "erapiAttribution")
    assert not credit.isVisible()
    rand = Rate("ZAR", "USD", Decimal("17.6"), NOW, ERAPI)
    dock.show_market([*snapshot.rates, rand], [], "USD", NOW)
    assert credit.isVisible() and "Rates By Exchange Rate API" in credit.text()
    assert 'href="https://www.exchangerate-api.com"' in credit.text()


def test_a_failed_provider_is_named_in_the_footer_and_its_figures_kept(
    dock: MarketDock, snapshot: MarketSnapshot
) -> None:
    failed = ProviderStatus(
        "erapi", NOW, NOW - timedelta(days=1), "open.er-api.com could not be found.", 160, None
    )
    today = [rate for rate in ecb_history() if rate.as_of == TODAY_ECB]
    rates = [*snapshot.rates, *today]
    dock.show_market(rates, snapshot.quotes, "USD", NOW, statuses={"erapi": failed})
    status = label(dock, "marketStatus")
    assert "ExchangeRate-API: open.er-api.com could not be found." in status.text()
    assert status.text().startswith("Last updated 25 Nov 2026, 17:00.")
    assert len(table(dock, "currencyTable").model().index(0, 0).data()) == 3


def test_without_a_key_the_quotes_say_how_to_get_live_ones(qtbot: QtBot, dock: MarketDock) -> None:
    note = label(dock, "quoteKeyNote")
    dock.set_quotes_need_key(True)
    assert note.isVisible() and "Add a free Finnhub API key" in note.text()
    with qtbot.waitSignal(dock.preferences_requested):
        note.linkActivated.emit("preferences")
    dock.set_quotes_need_key(False)
    assert not note.isVisible()


# The real window, refreshed from a local server


@pytest.fixture
def market_server(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> HTTPServer:
    """Every provider on the local server, and Broadsheet pointed at it."""
    for name, value in environment(httpserver).items():
        monkeypatch.setenv(name, value)
    return httpserver


def messages(window: MainWindow) -> list[str]:
    """Every message the status bar shows from now on (automatic refreshes may follow)."""
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    return said


def _settle(qtbot: QtBot, window: MainWindow) -> MarketDock:
    window.finish_startup()
    dock = window.findChild(MarketDock, "marketDock")
    assert dock is not None
    qtbot.waitUntil(lambda: dock.panel is not None, timeout=LOADS)
    return dock


def test_refreshing_shows_fresh_ecb_and_erapi_rates_merged_with_the_snapshot(
    qtbot: QtBot, market_server: HTTPServer, window: MainWindow
) -> None:
    yesterday = datetime.now(UTC).date() - timedelta(days=1)
    serve_dated(market_server, yesterday)
    dock = _settle(qtbot, window)
    said = messages(window)
    currencies = table(window, "currencyTable")
    assert cell(currencies, "JPY", AS_OF) == "Oct 2024 · Sample"
    refresh = window.findChild(QToolButton, "marketRefresh")
    assert refresh is not None
    qtbot.mouseClick(refresh, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: str(cell(currencies, "JPY", AS_OF)).endswith("ECB"), timeout=LOADS)
    # The ECB's 30 currencies come from it, ER-API's others from it, the rest from the sample.
    assert str(cell(currencies, "AED", AS_OF)).endswith("ER-API")
    assert cell(currencies, "ZMK", AS_OF) == "Sample"
    caption = label(window, "currencyAsOf").text()
    assert caption.startswith("As of ") and caption.endswith(" · ER-API, Oct 2024 · Sample")
    assert len(cell(currencies, "JPY", TREND, SERIES_ROLE)) == 6  # type: ignore[arg-type]
    # The dock may be hidden on the small offscreen screen: what it would show is not hidden.
    assert not label(window, "erapiAttribution").isHidden()
    qtbot.waitUntil(lambda: any("Could not refresh" in m for m in said), timeout=LOADS)
    assert any("FRED" in m for m in said)  # the test server has no FRED series
    assert label(window, "marketStatus").text().startswith("Last updated")
    assert not label(window, "quoteKeyNote").isHidden()  # no key: the sample's quotes stay
    assert dock.panel is not None


def test_a_provider_that_fails_is_reported_and_the_rest_still_refresh(
    qtbot: QtBot, market_server: HTTPServer, window: MainWindow
) -> None:
    serve(market_server, PATHS["BROADSHEET_ECB_DAILY_URL"], "ecb-truncated.xml")
    serve(market_server, PATHS["BROADSHEET_ECB_HISTORY_URL"], "ecb-hist-90d.xml")
    serve(market_server, PATHS["BROADSHEET_ERAPI_URL"], "erapi-latest.json")
    serve(market_server, PATHS["BROADSHEET_FRED_URL"], "fred-sp500.csv")
    _settle(qtbot, window)
    said = messages(window)
    window.commands.refresh_market.trigger()
    qtbot.waitUntil(lambda: any(m.startswith("Could not refresh") for m in said), timeout=LOADS)
    assert any("European Central Bank" in m for m in said)
    status = label(window, "marketStatus")
    qtbot.waitUntil(lambda: "European Central Bank:" in status.text(), timeout=LOADS)
    assert len(table(window, "currencyTable").model().index(0, 0).data()) == 3


def test_the_watchlist_and_converter_pair_are_kept_across_restarts(
    qtbot: QtBot, open_window: WindowFactory, paths: AppPaths
) -> None:
    window = open_window()
    _settle(qtbot, window)
    _menu_action(qtbot, table(window, "currencyTable"), "CHF", "Add CHF to Watchlist")
    _menu_action(qtbot, table(window, "quoteTable"), "GSK", "Add GSK to Watchlist")
    _, _, target, _, _ = _converter(window)  # type: ignore[arg-type]
    target.setCurrentIndex(target.findData("JPY"))
    window.close()
    kept = settings.load(paths.settings)
    assert (kept.watched_currencies, kept.watched_symbols) == (("CHF",), ("GSK",))
    assert (kept.convert_from, kept.convert_to) == ("USD", "JPY")
    again = open_window()
    _settle(qtbot, again)
    currencies = table(again, "currencyTable")
    qtbot.waitUntil(lambda: first_keys(currencies, 1) == ["CHF"], timeout=LOADS)
    assert first_keys(table(again, "quoteTable"), 1) == ["GSK"]
    _, source, target, _, _ = _converter(again)  # type: ignore[arg-type]
    assert (source.currentData(), target.currentData()) == ("USD", "JPY")


def test_a_key_entered_in_preferences_brings_live_quotes(
    qtbot: QtBot, market_server: HTTPServer, window: MainWindow, paths: AppPaths
) -> None:
    serve_every_provider(market_server, ("RBGPF",))
    _settle(qtbot, window)
    window.commands.preferences.trigger()
    dialog = window.findChild(QDialog, "preferencesDialog")
    assert dialog is not None
    key = dialog.findChild(QLineEdit, "quotesKey")
    assert key is not None and key.echoMode() == QLineEdit.EchoMode.Password
    key.setText(KEY)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    # No keyring in tests: the key goes to a file only its owner can read.
    qtbot.waitUntil(
        lambda: "readable only by you" in window.statusBar().currentMessage(), timeout=LOADS
    )
    secrets = Path(paths.config) / "secrets.json"
    assert secrets.exists() and KEY in secrets.read_text()
    assert not paths.settings.exists() or KEY not in paths.settings.read_text()
    window.commands.refresh_market.trigger()
    quotes = table(window, "quoteTable")
    qtbot.waitUntil(
        lambda: "Finnhub" in str(cell(quotes, "RBGPF", 3, Qt.ItemDataRole.ToolTipRole)),
        timeout=LOADS,
    )
    qtbot.waitUntil(lambda: label(window, "quoteKeyNote").isHidden(), timeout=LOADS)
    sent = [r.headers.get("X-Finnhub-Token") for r, _ in market_server.log if "quote" in r.path]
    assert sent and all(token == KEY for token in sent)


def test_removing_the_key_in_preferences_forgets_it(
    qtbot: QtBot, open_window: WindowFactory, paths: AppPaths
) -> None:
    from desktop.credentials import QUOTES_API_KEY, read_secret, save_secret

    save_secret(QUOTES_API_KEY, "old-key", paths.config)
    window = open_window()
    _settle(qtbot, window)
    qtbot.waitUntil(lambda: window._markets.has_quotes_key, timeout=LOADS)
    window.commands.preferences.trigger()
    dialog = window.findChild(QDialog, "preferencesDialog")
    assert dialog is not None
    remove = dialog.findChild(QPushButton, "removeQuotesKey")
    assert remove is not None
    qtbot.waitUntil(lambda: True)
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "key is removed" in window.statusBar().currentMessage(), timeout=LOADS)
    assert read_secret(QUOTES_API_KEY, paths.config) is None


def test_the_schedule_refreshes_a_due_provider_by_itself(
    qtbot: QtBot, market_server: HTTPServer, window: MainWindow
) -> None:
    serve_every_provider(market_server)
    _settle(qtbot, window)
    feed = window.findChild(MarketDock, "marketDock")
    assert feed is not None
    markets = window._markets
    markets.feed.set_automatic(True)  # no start-up delay: a fresh profile is due at once
    qtbot.waitUntil(lambda: len(market_server.log) >= 4, timeout=LOADS)
    qtbot.waitUntil(lambda: not markets.feed.refreshing, timeout=LOADS)
    assert "Could not refresh" not in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: markets.feed.next_check is not None, timeout=LOADS)
    next_check = markets.feed.next_check
    assert next_check is not None and next_check > datetime.now(UTC) + timedelta(minutes=1)


def test_another_base_updates_the_rows_in_place_keeping_the_selection(
    qtbot: QtBot, dock: MarketDock
) -> None:
    currencies = table(dock, "currencyTable")
    currencies.selectRow(row_of(currencies, "CHF"))
    base = dock.findChild(QComboBox, "baseCurrency")
    assert base is not None
    with qtbot.assertNotEmitted(currencies.model().modelReset):
        base.setCurrentIndex(base.findData("EUR"))
    selected = currencies.selectionModel().selectedRows()
    assert [index.data(KEY_ROLE) for index in selected] == ["CHF"]
    codes = [currencies.model().index(r, 0).data(KEY_ROLE) for r in range(169)]
    assert "EUR" not in codes and "USD" in codes and codes == sorted(codes)


def test_the_currency_model_keeps_the_model_contract_through_a_base_change(
    qtmodeltester: ModelTester, snapshot: MarketSnapshot
) -> None:
    model = CurrencyTableModel()
    model.set_rates(snapshot.rates, "USD", NOW)
    qtmodeltester.check(model, force_py=True)
    model.set_rates(snapshot.rates, "EUR", NOW, pinned=("JPY",))
    model.set_rates(snapshot.rates, "JPY", NOW, pinned=("JPY", "GBP"))
    assert model.key_at(0) == "GBP" and len(model.keys()) == 169
