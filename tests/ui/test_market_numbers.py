"""The Markets panel writes and reads numbers as the reader's locale does: India's lakhs and crores
(beyond what 64 bits hold), French and Swiss grouping, Arabic-Indic digits and marks."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from desktop.domain import MarketSnapshot
from desktop.ui.market.market_dock import MarketDock
from tests.ui.market_window import docked_panel

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 26, tzinfo=UTC)
RATE = 3
EURO = Decimal("0.921075")  # the sample snapshot's euros per dollar

pytestmark = [
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
    pytest.mark.usefixtures("british_utc"),
]


@pytest.fixture
def reader_locale(request: pytest.FixtureRequest) -> Iterator[None]:
    """The reader's locale, named by the test's parameter, as Qt's default while it runs."""
    before = QLocale()
    QLocale.setDefault(QLocale(request.param))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def dock(qtbot: QtBot, snapshot: MarketSnapshot, reader_locale: None) -> Iterator[MarketDock]:
    """The panel over the sample snapshot, built in the reader's locale."""
    _window, panel = docked_panel(qtbot, snapshot, NOW)
    yield panel


def typed(qtbot: QtBot, dock: MarketDock, text: str) -> str:
    """Put ``text`` in place of the amount, as an input method or a paste does (the test's
    keyboard has no Arabic keys); the result line."""
    amount = dock.findChild(QLineEdit, "convertAmount")
    result = dock.findChild(QLabel, "convertResult")
    assert amount is not None and result is not None
    QApplication.clipboard().setText(text)
    amount.selectAll()
    qtbot.keyClick(amount, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert amount.text() == text
    return result.text() if result.isVisible() else ""


def rate_text(dock: MarketDock, code: str) -> str:
    """The Rate cell of a currency's row."""
    view = dock.findChild(QTableView, "currencyTable")
    assert view is not None
    model = view.model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data(Qt.ItemDataRole.UserRole) == code:
            return str(model.index(row, RATE).data())
    raise AssertionError(f"no row for {code}")


@pytest.mark.parametrize("reader_locale", ["en_IN"], indirect=True)
def test_an_indian_reader_converts_beyond_64_bits_in_lakhs_and_crores(
    qtbot: QtBot, dock: MarketDock
) -> None:
    dock.set_converter_pair("USD", "IRR")  # 42,090.000059 rials a dollar
    # 999,999,999,999,999 × 42,090.000059 = 42,090,000,058,999,957,909.999941: whole rials
    assert typed(qtbot, dock, "99,99,99,99,99,99,999") == (
        "99,99,99,99,99,99,999 USD = 4,20,90,00,00,58,99,99,57,910 IRR"
    )
    # English grouping is read too: 1,234,567.5 × 42,090.000059 = 51,962,946,147.84
    assert typed(qtbot, dock, "1,234,567.5") == "12,34,567.5 USD = 51,96,29,46,148 IRR"


@pytest.mark.parametrize("reader_locale", ["ar_EG"], indirect=True)
def test_an_arabic_reader_sees_and_types_arabic_digits(qtbot: QtBot, dock: MarketDock) -> None:
    amount = dock.findChild(QLineEdit, "convertAmount")
    assert amount is not None and amount.text() == "١٠٠"
    assert rate_text(dock, "EUR") == "٠٫٩٢١٠٧٥"  # 0.921075, digits and mark of one script
    dock.set_converter_pair("USD", "EUR")
    assert typed(qtbot, dock, "١٬٢٣٤٫٥") == "١٬٢٣٤٫٥ USD = ١٬١٣٧٫٠٧ EUR"  # 1,137.07


@pytest.mark.parametrize("reader_locale", ["fr_FR"], indirect=True)
def test_a_french_reader_groups_thousands_with_spaces(qtbot: QtBot, dock: MarketDock) -> None:
    dock.set_converter_pair("USD", "EUR")
    assert typed(qtbot, dock, "1\u00a0234,5") == "1\u202f234,5 USD = 1\u202f137,07 EUR"
    assert rate_text(dock, "IRR") == "42\u202f090,0"


@pytest.mark.parametrize("reader_locale", ["de_CH"], indirect=True)
def test_a_swiss_reader_sees_every_apostrophe_of_a_million(qtbot: QtBot, dock: MarketDock) -> None:
    dock.set_converter_pair("USD", "EUR")
    euros = (Decimal("1234567.5") * EURO).quantize(Decimal("0.01"))
    assert euros == Decimal("1137129.26")
    assert typed(qtbot, dock, "1'234'567.5") == "1'234'567.5 USD = 1'137'129.26 EUR"


def test_the_window_and_the_markets_panel_import_babel_only_to_write_a_number() -> None:
    probe = (
        "import sys\n"
        "import desktop.app, desktop.ui.shell.main_window, desktop.ui.market.market_dock\n"
        "import desktop.ui.market.market_panel, desktop.market.amounts\n"
        "print('babel' in sys.modules)\n"
        "from decimal import Decimal\n"
        "from desktop.market.local_numbers import NumberLocale, written\n"
        "print(written(Decimal(1234), NumberLocale()), 'babel' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.split("\n")[:2] == ["False", "1,234 True"]
