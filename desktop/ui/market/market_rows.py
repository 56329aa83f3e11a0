"""The Markets panel's rows, worked out in Python once, and the read-only model that holds them.

Each cell's text is worked out once when figures arrive; the views ask for it many times. The
sort role gives raw values (text, float, Unix seconds) so a proxy sorts numbers as numbers, and
the filter role gives only the code or symbol and the name, so a search never matches a figure.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QPalette, QStandardItem, QStandardItemModel

from desktop.ui.market.market_roles import (
    FILTER_ROLE,
    KEY_ROLE,
    PINNED_ROLE,
    SERIES_ROLE,
    SORT_ROLE,
    STALE_ROLE,
    TREND,
    muted_colour,
    trend_colour,
)

_DISPLAY = Qt.ItemDataRole.DisplayRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_SPOKEN = Qt.ItemDataRole.AccessibleTextRole
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
# Up to this many rows coming or going are applied one by one; more, and the model is reset.
SMALL_CHANGE = 4
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True, slots=True)
class Row:
    """One row's worked-out cells: texts, sort keys, staleness, tooltip and spoken sentence."""

    key: str
    texts: tuple[str, ...]
    keys: tuple[str | float | int, ...]
    stale: bool
    tooltip: str
    spoken: str
    trend: int = 0
    series: tuple[float, ...] = ()
    pinned: bool = False


class FiguresModel(QStandardItemModel):
    """A read-only table of figures; subclasses say which columns align right or show trends.

    The rows are worked out in Python (``Row``) and written into the items of a C++ model, so
    painting a cell never calls into Python: a view asks for seven roles per cell, and through
    a Python ``data()`` a repaint of the rates took 9 ms instead of 2.
    """

    headers: tuple[str, ...] = ()
    # Numbers and dates line up on the right, and so stand apart from the column before them.
    right_aligned: frozenset[int] = frozenset()
    trend_columns: frozenset[int] = frozenset()
    searchable: frozenset[int] = frozenset({0, 1})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, len(self.headers), parent)
        self._rows: list[Row] = []
        self._colours: dict[int, QColor] = {}
        self.update_colours()

    def update_colours(self, palette: QPalette | None = None) -> None:
        """Work out the stale and trend colours once for ``palette``, and repaint with them."""
        self._colours = {
            0: muted_colour(palette),
            1: trend_colour(1, palette),
            -1: trend_colour(-1, palette),
        }
        if self._rows:
            columns = range(len(self.headers))
            with self._quietly():
                for place, row in enumerate(self._rows):
                    for column in columns:
                        self.item(place, column).setData(self._foreground(row, column), _FOREGROUND)
            self._announce(list(columns), [Qt.ItemDataRole.ForegroundRole])

    def row_at(self, row: int) -> Row:
        """One row's worked-out cells, for a proxy that sorts without asking ``data``."""
        return self._rows[row]

    def column_texts(self, column: int) -> list[str]:
        """Every text of a column, to size it."""
        return [row.texts[column] for row in self._rows]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles, right-aligned over numbers, with a tooltip where a title is terse."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header_text(section)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((_RIGHT if section in self.right_aligned else _LEFT).value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tip(section)
        return None

    def header_text(self, section: int) -> str:
        """A column's title."""
        return self.headers[section]

    def header_tip(self, section: int) -> str | None:
        """A column's tooltip, if its title needs one."""
        return None

    def idle_columns(self) -> set[int]:
        """The columns with nothing to tell: the trend when no row has a history."""
        return set() if any(len(row.series) > 1 for row in self._rows) else {TREND}

    def key_at(self, row: int) -> str | None:
        """The code or symbol of a row."""
        return self._rows[row].key if 0 <= row < len(self._rows) else None

    def keys(self) -> list[str]:
        """Every row's code or symbol, in the model's order."""
        return [row.key for row in self._rows]

    def _foreground(self, row: Row, column: int) -> QColor | None:
        """Trend colours on the change columns; grey for stale figures; else the view's own."""
        if column in self.trend_columns and row.trend:
            return self._colours[row.trend]
        return self._colours[0] if row.stale else None

    def _cell(self, row: Row, column: int) -> dict[int, Any]:
        """Everything a cell answers: text, sort key, filter text, colour, alignment, the
        sparkline's series, and the row's facts."""
        return {
            _DISPLAY: row.texts[column],
            SORT_ROLE: row.keys[column],
            FILTER_ROLE: row.texts[column] if column in self.searchable else None,
            _FOREGROUND: self._foreground(row, column),
            _ALIGNMENT: int((_RIGHT if column in self.right_aligned else _LEFT).value),
            SERIES_ROLE: row.series if column == TREND else None,
            **self._facts(row),
        }

    @staticmethod
    def _facts(row: Row) -> dict[int, Any]:
        """What every cell of a row answers alike: tooltip, spoken sentence, staleness, whether
        it is watched, and its code or symbol."""
        return {
            _TOOLTIP: row.tooltip,
            _SPOKEN: row.spoken,
            STALE_ROLE: row.stale,
            PINNED_ROLE: row.pinned,
            KEY_ROLE: row.key,
        }

    def _items(self, row: Row) -> list[QStandardItem]:
        """A row's items, read-only."""
        items = []
        for column in range(len(self.headers)):
            item = QStandardItem()
            item.setFlags(_FLAGS)
            for role, value in self._cell(row, column).items():
                if value is not None:
                    item.setData(value, role)
            items.append(item)
        return items

    def _replace(self, rows: list[Row]) -> None:
        """Show new rows in place of the old ones, the pinned first in the order pinned (a
        view that does not sort shows them so).

        When the rows are mostly the same figures (another base swaps one currency for another
        and changes the rates), only the rows that come and go are removed and inserted and
        only the cells that changed are written and announced, so views keep their state and
        a sorting proxy sorts again only when its column changed.
        """
        if self._rows and self._update(rows):
            return
        self.beginResetModel()
        with self._quietly():
            self._fill(rows)
        self.endResetModel()

    def _fill(self, rows: list[Row]) -> None:
        """Every row's items afresh (signals blocked: the caller resets the model)."""
        self.setRowCount(0)
        self._rows = rows
        for row in rows:
            self.appendRow(self._items(row))

    def _update(self, rows: list[Row]) -> bool:
        """Turn the current rows into ``rows`` step by step; False if that is not worth it."""
        new_keys = [row.key for row in rows]
        gone = {row.key for row in self._rows} - set(new_keys)
        if len(gone) > SMALL_CHANGE or len(rows) - (len(self._rows) - len(gone)) > SMALL_CHANGE:
            return False
        for key in gone:
            place = next(i for i, row in enumerate(self._rows) if row.key == key)
            del self._rows[place]
            self.removeRow(place)
        kept = {row.key for row in self._rows}
        for place, row in enumerate(rows):
            if row.key not in kept:
                if [r.key for r in self._rows[:place]] != new_keys[:place]:
                    return False
                self._rows.insert(place, row)
                self.insertRow(place, self._items(row))
        if [row.key for row in self._rows] != new_keys:
            return False
        old, self._rows = self._rows, rows
        pairs = list(zip(old, rows, strict=True))
        with self._quietly():
            touched = self._rewrite(pairs)
        self._announce(touched or [0])
        return True

    def _rewrite(self, pairs: list[tuple[Row, Row]]) -> list[int]:
        """Write only the roles whose values changed, cell by cell; the columns touched.

        Another base changes a row's rate, trend and spoken sentence and nothing else, so this
        writes a few roles per row instead of every cell afresh.
        """
        touched: set[int] = set()
        item = self.item
        columns = range(len(self.headers))
        for place, (before, after) in enumerate(pairs):
            if before == after:
                continue
            facts = {
                role: value
                for role, value in self._facts(after).items()
                if self._facts(before)[role] != value
            }
            coloured = before.stale != after.stale or before.trend != after.trend
            for column in columns:
                cell = item(place, column)
                if before.texts[column] != after.texts[column]:
                    cell.setData(after.texts[column], _DISPLAY)
                    if column in self.searchable:
                        cell.setData(after.texts[column], FILTER_ROLE)
                    touched.add(column)
                if before.keys[column] != after.keys[column]:
                    cell.setData(after.keys[column], SORT_ROLE)
                    touched.add(column)
                if column == TREND and before.series != after.series:
                    cell.setData(after.series, SERIES_ROLE)
                    touched.add(column)
                for role, value in facts.items():
                    cell.setData(value, role)
                if coloured:
                    cell.setData(self._foreground(after, column), _FOREGROUND)
                if facts or coloured:
                    touched.add(column)
        return sorted(touched)

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        """Make changes without a signal per item (the caller says what changed at once)."""
        blocked = self.blockSignals(True)
        try:
            yield
        finally:
            self.blockSignals(blocked)

    def _announce(self, columns: list[int], roles: list[Qt.ItemDataRole] | None = None) -> None:
        """Tell views and proxies that these columns changed in every row."""
        if self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(
                self.index(0, min(columns)), self.index(last, max(columns)), roles or []
            )


def pinned_first(rows: list[Row], pinned: Sequence[str]) -> list[Row]:
    """The rows on the watchlist, in its order, then the others in theirs."""
    order = {key: place for place, key in enumerate(pinned)}
    top = sorted((row for row in rows if row.key in order), key=lambda row: order[row.key])
    return top + [row for row in rows if row.key not in order]
