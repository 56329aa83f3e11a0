"""The Markets panel at 800 x 600, 1280 x 800 and 1600 x 1000, as a reader sees it: the rates in
view without scrolling, names readable, a trend only with history, the as-of time said once
when the rows share it, column widths that stay put, and a converter that shows the whole
amount. At 800 x 600 the panel has given way; it is asked for (and floats) to be looked at."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.domain import MarketSnapshot
from desktop.paths import AppPaths
from desktop.ui.market.market_models import CurrencyTableModel, QuoteTableModel
from desktop.ui.market.market_roles import TREND
from desktop.ui.market.market_tables import NAME, FiguresView
from desktop.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.market_window import (
    LOADS,
    SIZES,
    label,
    settle,
    show_panel,
    shown_widths,
    store_live_figures,
    table,
)

SAVED_PAGE = Path(__file__).resolve().parents[1] / "fixtures" / "pages" / "saved-page.txt"
RATE, AS_OF = CurrencyTableModel.RATE, CurrencyTableModel.AS_OF
PRICE = QuoteTableModel.PRICE
IDS = ["800x600", "1280x800", "1600x1000"]

pytestmark = [
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
    pytest.mark.usefixtures("british_utc"),
]


@pytest.fixture(params=SIZES, ids=IDS)
def size(request: pytest.FixtureRequest) -> tuple[int, int]:
    """One of the window sizes a reader's screen gives."""
    value: tuple[int, int] = request.param
    return value


@pytest.fixture
def panel_at(
    qtbot: QtBot, open_window: WindowFactory, size: tuple[int, int]
) -> Iterator[MainWindow]:
    """The window at ``size`` with the Markets panel in view."""
    window = open_window()
    settle(qtbot, window, size)
    show_panel(qtbot, window)
    yield window


def in_view(view: FiguresView, column: int) -> bool:
    """Whether a column is shown and wholly inside the view, with no sideways scrolling."""
    header = view.horizontalHeader()
    left = header.sectionViewportPosition(column)
    right = left + header.sectionSize(column)
    return not view.isColumnHidden(column) and left >= 0 and right <= view.viewport().width()


def titles_fit(view: FiguresView) -> bool:
    """Whether every shown column is wide enough for its whole title (no "Symbo")."""
    header = view.horizontalHeader()
    return all(
        header.sectionSize(column) >= header.sectionSizeFromContents(column).width()
        for column in range(header.count())
        if not view.isColumnHidden(column) and column != NAME
    )


@pytest.mark.usefixtures("live")
def test_the_figures_are_in_view_without_scrolling(panel_at: MainWindow) -> None:
    for name, figure in (("currencyTable", RATE), ("quoteTable", PRICE)):
        view = table(panel_at, name)
        assert in_view(view, figure), name
        assert in_view(view, 0), name
        assert view.horizontalScrollBar().maximum() == 0, name
        assert titles_fit(view), name
        assert sum(shown_widths(view).values()) + view.columnWidth(NAME) <= (
            view.viewport().width()
        )


@pytest.mark.usefixtures("live")
def test_names_are_readable_whole_in_tooltips_and_found_by_the_filter(
    qtbot: QtBot, panel_at: MainWindow
) -> None:
    currencies = table(panel_at, "currencyTable")
    assert currencies.columnWidth(NAME) >= currencies.name_width()
    assert table(panel_at, "quoteTable").columnWidth(NAME) >= currencies.name_width()
    model = currencies.model()
    row = [model.index(r, 0).data() for r in range(model.rowCount())].index("AED")
    name = model.index(row, NAME)
    assert name.data() == "United Arab Emirates Dirham"
    assert name.data(Qt.ItemDataRole.ToolTipRole).startswith("United Arab Emirates Dirham (AED)")
    search = panel_at.findChild(QLineEdit, "marketFilter")
    assert search is not None
    qtbot.keyClicks(search, "dirham")
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["AED", "MAD"]


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_a_trend_column_appears_only_with_history(
    qtbot: QtBot,
    open_window: WindowFactory,
    paths: AppPaths,
    snapshot: MarketSnapshot,
    size: tuple[int, int],
) -> None:
    window = open_window()  # the sample edition's snapshot alone: no history
    settle(qtbot, window, size)
    show_panel(qtbot, window)
    assert table(window, "currencyTable").isColumnHidden(TREND)
    assert table(window, "quoteTable").isColumnHidden(TREND)
    window.close()
    store_live_figures(paths, snapshot, datetime.now(UTC))
    again = open_window()
    settle(qtbot, again, (1600, 1000))
    show_panel(qtbot, again)
    assert not table(again, "currencyTable").isColumnHidden(TREND)  # room for it at 1600


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_the_as_of_time_is_said_once_when_every_row_shares_it(
    qtbot: QtBot, open_window: WindowFactory, size: tuple[int, int]
) -> None:
    window = open_window()
    settle(qtbot, window, size)
    show_panel(qtbot, window)
    assert label(window, "currencyAsOf").text() == "As of Oct 2024 · Sample"
    assert table(window, "currencyTable").isColumnHidden(AS_OF)


@pytest.mark.usefixtures("live")
def test_the_as_of_times_are_said_once_and_the_providers_per_row(
    panel_at: MainWindow, size: tuple[int, int], qtmodeltester: ModelTester
) -> None:
    caption = label(panel_at, "currencyAsOf")
    assert caption.isVisible()
    assert caption.text().startswith("As of 15:00 · ECB, 00:02 · ER-API")
    currencies = table(panel_at, "currencyTable")
    model = currencies.figures()
    providers = set(model.column_texts(AS_OF))
    assert providers <= {"ECB", "ER-API", "Sample"} and {"ECB", "ER-API"} <= providers
    assert model.headerData(AS_OF, Qt.Orientation.Horizontal) == "Source"
    if size == (1600, 1000):
        assert in_view(currencies, AS_OF)
    qtmodeltester.check(model)


@pytest.mark.usefixtures("live")
def test_column_widths_stay_put_across_bases_imports_resizes_and_restarts(
    qtbot: QtBot,
    open_window: WindowFactory,
    size: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window()
    settle(qtbot, window, (1600, 1000))
    show_panel(qtbot, window)
    views = (table(window, "currencyTable"), table(window, "quoteTable"))
    widths = [shown_widths(view) for view in views]
    base = window.findChild(QComboBox, "baseCurrency")
    assert base is not None
    for code in ("EUR", "JPY", "GBP", "CHF", "USD"):
        base.setCurrentIndex(base.findData(code))
        assert [shown_widths(view) for view in views] == widths, code
    import_saved_page(qtbot, window, monkeypatch)
    assert [shown_widths(view) for view in views] == widths
    settle(qtbot, window, size)
    show_panel(qtbot, window)
    for view, before in zip(views, widths, strict=True):
        now = shown_widths(view)  # a narrower panel may leave columns out: never resizes them
        assert now == {column: before[column] for column in now}
    window.close()
    again = open_window()
    settle(qtbot, again, (1600, 1000))
    show_panel(qtbot, again)
    assert [shown_widths(table(again, n)) for n in ("currencyTable", "quoteTable")] == widths


def import_saved_page(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Import a saved page with market figures (File > Import…) and wait for them to be read."""
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(SAVED_PAGE)], ""))
    status = label(window, "marketStatus")
    window.commands.import_files.trigger()
    qtbot.waitUntil(lambda: "saved-page.txt" in status.text(), timeout=LOADS)


@pytest.mark.usefixtures("live")
@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("1234.5", "1,234.5"),
        ("1,234,567.89", "1,234,567.89"),
        ("999,999,999,999,999.99999999", "999,999,999,999,999.99999999"),
    ],
)
def test_the_converter_shows_the_whole_amount(
    qtbot: QtBot, panel_at: MainWindow, typed: str, amount: str
) -> None:
    field = panel_at.findChild(QLineEdit, "convertAmount")
    result = panel_at.findChild(QLabel, "convertResult")
    assert field is not None and result is not None
    field.selectAll()
    qtbot.keyClicks(field, typed)
    assert result.text().startswith(f"{amount} USD = ")
    qtbot.waitUntil(lambda: result.height() >= result.heightForWidth(result.width()))
    widest = max(QFontMetrics(result.font()).horizontalAdvance(w) for w in result.text().split())
    assert result.width() >= widest  # wrapped at its spaces, never cut
    if len(typed) <= 14:  # an everyday amount is whole in its box too, not "234.5"
        room = field.contentsRect().width() - 8  # the box's own margins
        assert QFontMetrics(field.font()).horizontalAdvance(typed) <= room
