"""The Markets panel's tables: every column the panel's width allows, at widths that stay put.

Each column but the names is as wide as the widest of its sample texts (stable whatever the base,
the figures or the panel's width) or, for a figure wider than them all, that figure; the names
take what is left. When the names would drop below a readable width, the columns that matter
least give way in a fixed order (the name's whole text stays in every cell's tooltip), so the
figures are always in view without scrolling sideways. A column with nothing to tell (a trend
without history, an as-of time every row shares) is not shown at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QSize, QSortFilterProxyModel, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from desktop.ui.focus_marks import show_focus
from desktop.ui.market.market_models import CurrencyTableModel, QuoteTableModel
from desktop.ui.market.market_roles import TREND
from desktop.ui.market.sparkline import SparklineDelegate

NAME = 1  # the names' column, in both tables
SPARKLINE_WIDTH = 52
COLUMN_GAP = 4
NAME_CHARACTERS = 14  # the least of a name worth showing: "Afghan Afghani", "United Arab E…"
FiguresModel = CurrencyTableModel | QuoteTableModel


@dataclass(frozen=True)
class Columns:
    """How a table lays out its columns: sample texts that set each column's least width, and
    the order in which columns give way to the names."""

    samples: dict[int, tuple[str, ...]] = field(default_factory=dict)
    give_way: tuple[int, ...] = ()


CURRENCY_COLUMNS = Columns(
    samples={
        CurrencyTableModel.CODE: ("★ WWW",),
        # Six significant digits from a millionth ("0.00000123456") to billions: every rate
        # against any everyday base (gold in yen is 0.00000244667); a wider one widens it.
        CurrencyTableModel.RATE: ("0.00000888888", "8,888,888,888"),
        CurrencyTableModel.AS_OF: ("ER-API", "Sample"),
    },
    give_way=(TREND, CurrencyTableModel.AS_OF),
)
QUOTE_COLUMNS = Columns(
    samples={
        QuoteTableModel.SYMBOL: ("★ WWWW",),
        QuoteTableModel.PRICE: ("88,888.88",),
        QuoteTableModel.CHANGE: ("▼ 8,888.88",),
        QuoteTableModel.PERCENT: ("▼ 88.88 %",),
    },
    give_way=(QuoteTableModel.CHANGE, TREND, QuoteTableModel.PERCENT),
)


class FiguresView(QTableView):
    """A table of figures whose columns fit the view's width, never wider (see the module)."""

    def __init__(self, columns: Columns, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._widths: dict[int, int] = {}
        self.setHorizontalHeader(_CompactHeader(self))
        self.horizontalHeader().sortIndicatorChanged.connect(lambda *_: self.fit_columns())

    def figures(self) -> FiguresModel:
        """The model under the sorting proxy."""
        proxy = self.model()
        assert isinstance(proxy, QSortFilterProxyModel)
        model = proxy.sourceModel()
        assert isinstance(model, CurrencyTableModel | QuoteTableModel)
        return model

    def fit_columns(self) -> None:
        """Work out each column's width from its samples and texts, then lay the columns out."""
        if self.model() is None:
            return  # sorted before it had figures
        model = self.figures()
        metrics = self.fontMetrics()
        header = self.horizontalHeader()
        padding = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        widths = {TREND: SPARKLINE_WIDTH}
        for column in range(model.columnCount()):
            if column in (NAME, TREND):
                continue
            texts = [*self._columns.samples.get(column, ()), *_longest(model.column_texts(column))]
            widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
            title = header.sectionSizeFromContents(column).width()
            widths[column] = max(widest + padding, title) + COLUMN_GAP
        self._widths = widths
        self.lay_out_columns()

    def lay_out_columns(self) -> None:
        """Show the columns that have something to tell and for which there is room, at their
        widths; the names take the rest."""
        if not self._widths:
            return
        header = self.horizontalHeader()
        shown = self.shown_columns()
        for column in range(header.count()):
            self.setColumnHidden(column, column not in shown)
            if column in shown and column != NAME:
                header.resizeSection(column, self._widths[column])

    def shown_columns(self) -> set[int]:
        """The columns with something to tell, less those that give way to the names."""
        count = self.horizontalHeader().count()
        shown = set(range(count)) - self.figures().idle_columns()
        room = self.viewport().width() - self.name_width()
        for column in self._columns.give_way:
            if sum(self._widths.get(c, 0) for c in shown if c != NAME) <= room:
                break
            shown.discard(column)
        return shown

    def name_width(self) -> int:
        """The least width of the names' column."""
        return self.fontMetrics().averageCharWidth() * NAME_CHARACTERS

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Give way, or take back, columns as the width allows."""
        super().resizeEvent(event)
        self.lay_out_columns()


class _CompactHeader(QHeaderView):
    """A horizontal header that keeps room for the sort arrow only on the sorted column.

    Qt widens every section by the arrow's size once sorting is on, which in a 380 px panel
    leaves the name columns a few letters wide.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)

    def sectionSizeFromContents(self, logical_index: int) -> QSize:  # noqa: N802 (Qt override)
        """The section's size, less the arrow's room unless it shows the arrow."""
        size = super().sectionSizeFromContents(logical_index)
        if self.isSortIndicatorShown() and logical_index != self.sortIndicatorSection():
            margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
            size.setWidth(size.width() - size.height() - margin)
        return size


def figures_table(
    model: QSortFilterProxyModel, columns: Columns, name: str, spoken: str
) -> FiguresView:
    """A compact, sortable, read-only table whose name column takes the spare width, with a
    sparkline in its trend column and a menu of its own (``customContextMenuRequested``)."""
    table = FiguresView(columns)
    table.setObjectName(name)
    table.setAccessibleName(spoken)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside it
    table.setItemDelegateForColumn(TREND, SparklineDelegate(table))
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)  # the row's menu
    show_focus(table)
    # The columns always fit (see the module): a sideways scroll bar would only hide figures.
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 6)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setMinimumSectionSize(24)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
    header.resizeSection(TREND, SPARKLINE_WIDTH)
    # Widths follow the figures, never the filter: they are measured on the proxy's source.
    figures = table.figures()
    for changed in (figures.modelReset, figures.rowsInserted, figures.rowsRemoved):
        changed.connect(table.fit_columns)
    figures.dataChanged.connect(table.fit_columns)
    table.setMinimumHeight(rows.defaultSectionSize() * 3 + header.sizeHint().height())
    return table


def _longest(texts: list[str], count: int = 3) -> list[str]:
    """The longest few texts of a column, which hold its widest one (whose width is measured)."""
    return sorted(texts, key=len)[-count:]
