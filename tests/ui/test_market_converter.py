"""The converter as a reader uses it: whatever is typed or pasted, a correct figure or a plain
sentence under the amount, in the reader's own way of writing numbers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.domain import MarketSnapshot
from desktop.ui.market.market_dock import MarketDock

NOW = datetime(2026, 11, 26, tzinfo=UTC)

pytestmark = [
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
    pytest.mark.usefixtures("british_utc"),
]


@pytest.fixture
def dock(qtbot: QtBot, snapshot: MarketSnapshot) -> Iterator[MarketDock]:
    """The panel over the sample snapshot, converting dollars to euros (0.921075 a dollar)."""
    window = QMainWindow()
    qtbot.addWidget(window)
    panel = MarketDock(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    panel.show_market(snapshot.rates, snapshot.quotes, "USD", now=NOW)
    panel.set_converter_pair("USD", "EUR")
    window.resize(1000, 800)
    window.show()
    qtbot.waitExposed(window)
    yield panel


def parts(dock: MarketDock) -> tuple[QLineEdit, QLabel, QLabel]:
    """The amount box, the result line and the line under it."""
    amount = dock.findChild(QLineEdit, "convertAmount")
    result = dock.findChild(QLabel, "convertResult")
    detail = dock.findChild(QLabel, "convertDetail")
    assert amount is not None and result is not None and detail is not None
    return amount, result, detail


def typed(qtbot: QtBot, dock: MarketDock, text: str) -> tuple[str, str]:
    """Type ``text`` into the emptied amount box; the result (empty when hidden) and detail."""
    amount, result, detail = parts(dock)
    amount.selectAll()
    qtbot.keyClick(amount, Qt.Key.Key_Delete)
    qtbot.keyClicks(amount, text)
    return (result.text() if result.isVisible() else ""), detail.text()


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("1234.5", "1,234.5 USD = 1,137.07 EUR"),
        ("2,500.50", "2,500.50 USD = 2,303.15 EUR"),
        ("1,5", "1.5 USD = 1.38 EUR"),
        ("2.5e3", "2,500 USD = 2,302.69 EUR"),
        ("-40", "-40 USD = -36.84 EUR"),
        ("0.00000001", "0.00000001 USD = 0.00 EUR"),
        ("999999999999999", "999,999,999,999,999 USD = 921,074,999,999,999.08 EUR"),
    ],
)
def test_a_typed_amount_converts_to_a_correct_figure(
    qtbot: QtBot, dock: MarketDock, text: str, result: str
) -> None:
    shown, detail = typed(qtbot, dock, text)
    assert shown == result
    assert detail.startswith("1 USD = 0.921075 EUR")


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        (
            "1" + "0" * 33,
            "“10000000000000000000000…” is too large to convert; "
            "type an amount under 1,000,000,000,000,000.",
        ),
        ("1e30", "“1e30” is too large to convert; type an amount under 1,000,000,000,000,000."),
        (
            "1e-30",
            "“1e-30” has more decimals than Broadsheet converts; type at most 8, as in 0.00000001.",
        ),
        ("abc", "“abc” is not an amount; type a number, such as 100 or 2,500.50."),
        ("", "Type an amount, such as 100 or 2,500.50."),
    ],
)
def test_an_amount_that_cannot_be_converted_gets_a_plain_sentence(
    qtbot: QtBot, dock: MarketDock, text: str, sentence: str
) -> None:
    shown, detail = typed(qtbot, dock, text)
    assert shown == ""
    assert detail == sentence


@pytest.mark.parametrize(
    ("pasted", "result"),
    [
        ("$1,234.50", "1,234.50 USD = 1,137.07 EUR"),
        (" 1 234,50 € ", "1,234.50 USD = 1,137.07 EUR"),
        ("USD 12", "12 USD = 11.05 EUR"),
    ],
)
def test_a_pasted_amount_loses_its_spaces_signs_and_codes(
    qtbot: QtBot, dock: MarketDock, pasted: str, result: str
) -> None:
    amount, shown, _ = parts(dock)
    QApplication.clipboard().setText(pasted)
    amount.selectAll()
    qtbot.keyClick(amount, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert amount.text() == pasted
    assert shown.text() == result


def test_a_german_reader_types_commas_for_decimals(qtbot: QtBot, dock: MarketDock) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        assert typed(qtbot, dock, "1.234,5")[0] == "1.234,5 USD = 1.137,07 EUR"
        assert typed(qtbot, dock, "1,234")[0] == "1,234 USD = 1,14 EUR"
        assert typed(qtbot, dock, "x")[1] == (
            "“x” is not an amount; type a number, such as 100 or 2.500,50."
        )
    finally:
        QLocale.setDefault(before)


def test_in_the_narrowest_panel_the_currencies_go_under_the_whole_amount(
    qtbot: QtBot, dock: MarketDock
) -> None:
    window = dock.parentWidget()
    assert isinstance(window, QMainWindow)
    window.setCentralWidget(QWidget())  # an article beside the panel, taking what it leaves
    window.resizeDocks([dock], [dock.minimumSizeHint().width()], Qt.Orientation.Horizontal)
    amount, result, _ = parts(dock)
    source = dock.findChild(QComboBox, "convertFrom")
    assert source is not None
    qtbot.waitUntil(lambda: source.geometry().top() > amount.geometry().bottom())
    typed(qtbot, dock, "1,234,567.89")
    assert QFontMetrics(amount.font()).horizontalAdvance("1,234,567.89") < amount.width() - 8
    assert result.text() == "1,234,567.89 USD = 1,137,129.62 EUR"
    window.resizeDocks([dock], [420], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: source.geometry().top() < amount.geometry().bottom())  # one row
