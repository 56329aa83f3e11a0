"""The Markets panel's table models: currency rates against a chosen base, and stock quotes.

Each cell's text is worked out once when figures arrive; the views ask for it many times. The
sort role gives raw values (text, float, Unix seconds) so a proxy sorts numbers as numbers, and
the filter role gives only the code or symbol and the name, so a search never matches a figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_EVEN, Context, Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from desktop.domain import Quote, Rate
from desktop.market.names import currency_name
from desktop.market.rates import quote_is_stale, rate_is_stale, rebase

Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole
FILTER_ROLE = Qt.ItemDataRole.UserRole + 1

SIGNIFICANT_DIGITS = 6
_SIGNIFICANT = Context(prec=SIGNIFICANT_DIGITS, rounding=ROUND_HALF_EVEN)
_CENTS = Decimal("0.01")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

# Up and down colours: dark enough on a light base, lighter on a dark one (both over 4.5:1).
_UP = {False: QColor("#1b873f"), True: QColor("#56d364")}
_DOWN = {False: QColor("#c62828"), True: QColor("#ff7b72")}
_ARROWS = {1: "▲", -1: "▼", 0: "•"}


def format_rate(value: Decimal) -> str:
    """A rate with up to six significant digits and never an exponent: "3.67303", "42,090.0"."""
    if value.adjusted() >= SIGNIFICANT_DIGITS:
        # Seven or more whole digits: rounding them to zeros would only hide information.
        return localized(value.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))
    return localized(_SIGNIFICANT.plus(value))


def format_money(value: Decimal) -> str:
    """An amount with two decimals and grouped thousands, without a sign: "1,234.50"."""
    return localized(abs(value).quantize(_CENTS, rounding=ROUND_HALF_EVEN))


def localized(value: Decimal) -> str:
    """A decimal written out in full in the person's locale, with thousands always grouped."""
    locale = QLocale()
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    text = format(value, "f")
    sign = locale.negativeSign() if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    decimals = f"{locale.decimalPoint()}{fraction}" if fraction else ""
    return f"{sign}{locale.toString(int(whole))}{decimals}"


def short_date(moment: datetime) -> str:
    """A date in local time, such as "25 Oct 2024"."""
    return QLocale().toString(_local(moment).date(), "d MMM yyyy")


def short_date_time(moment: datetime) -> str:
    """A date and time in local time, such as "26 Nov 2026, 14:05"."""
    stamp = _local(moment)
    time = QLocale().toString(stamp.time(), QLocale.FormatType.ShortFormat)
    return f"{short_date(moment)}, {time}"


def _local(moment: datetime) -> QDateTime:
    """The moment as a local QDateTime."""
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def freshness_tip(as_of: datetime, provider: str, snapshot: bool, stale: bool, noun: str) -> str:
    """One sentence saying where a figure comes from and, if it is stale, why."""
    if snapshot:
        return f"A snapshot from {short_date(as_of)} ({provider}), not a live {noun}."
    if stale:
        return f"Last updated {short_date_time(as_of)} from {provider}, so it may be out of date."
    return f"From {provider}, as of {short_date_time(as_of)}."


def trend_colour(trend: int, palette: QPalette | None = None) -> QColor:
    """Green for up, red for down, lighter variants when the base colour is dark."""
    base = (palette or QGuiApplication.palette()).color(QPalette.ColorRole.Base)
    dark = base.lightness() < 128
    return _UP[dark] if trend > 0 else _DOWN[dark] if trend < 0 else muted_colour(palette)


def muted_colour(palette: QPalette | None = None) -> QColor:
    """A grey between text and base with a contrast above 4.5:1, for stale figures."""
    colours = palette or QGuiApplication.palette()
    text = colours.color(QPalette.ColorRole.Text)
    base = colours.color(QPalette.ColorRole.Base)
    return QColor(*(round(0.6 * t + 0.4 * b) for t, b in zip(_rgb(text), _rgb(base), strict=True)))


def _rgb(colour: QColor) -> tuple[int, int, int]:
    """A colour's red, green and blue channels."""
    return colour.red(), colour.green(), colour.blue()


def _sign(value: Decimal) -> int:
    """1, -1 or 0 as the value goes up, down or nowhere."""
    return (value > 0) - (value < 0)


@dataclass(frozen=True, slots=True)
class _Row:
    """One row's worked-out cells: texts, sort keys, staleness, tooltip and spoken sentence."""

    texts: tuple[str, ...]
    keys: tuple[str | float | int, ...]
    stale: bool
    tooltip: str
    spoken: str
    trend: int = 0


class _FiguresModel(QAbstractTableModel):
    """A read-only table of figures; subclasses say which columns align right or show trends."""

    headers: tuple[str, ...] = ()
    # Numbers and dates line up on the right, and so stand apart from the column before them.
    right_aligned: frozenset[int] = frozenset()
    trend_columns: frozenset[int] = frozenset()
    searchable: frozenset[int] = frozenset({0, 1})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """The number of figures shown."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """The number of columns."""
        return 0 if parent.isValid() else len(self.headers)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Cells can be selected but not edited."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles, right-aligned over numbers, with a tooltip where a title is terse."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((_RIGHT if section in self.right_aligned else _LEFT).value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tip(section)
        return None

    def header_tip(self, section: int) -> str | None:
        """A column's tooltip, if its title needs one."""
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell's text, sort key, colour, alignment, tooltip or spoken sentence."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if not 0 <= column < len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.texts[column]
        if role == SORT_ROLE:
            return row.keys[column]
        if role == FILTER_ROLE:
            return row.texts[column] if column in self.searchable else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((_RIGHT if column in self.right_aligned else _LEFT).value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return row.spoken
        return None

    def _foreground(self, row: _Row, column: int) -> QColor | None:
        """Trend colours on the change columns; grey for stale figures; else the view's own."""
        if column in self.trend_columns and row.trend:
            return trend_colour(row.trend)
        return muted_colour() if row.stale else None

    def _replace(self, rows: list[_Row]) -> None:
        """Show new rows in place of the old ones."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()


class CurrencyTableModel(_FiguresModel):
    """Currency rates as units of each currency per 1 of the base: Code, Currency, Rate, As of."""

    CODE, NAME, RATE, AS_OF = range(4)
    headers = ("Code", "Currency", "Rate", "As of")
    right_aligned = frozenset({RATE, AS_OF})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._base = "USD"

    @property
    def base(self) -> str:
        """The currency the rates are expressed against."""
        return self._base

    def set_rates(self, rates: Sequence[Rate], base: str, now: datetime) -> None:
        """Show the rates against ``base``, without the base's own row.

        Raises ``UnknownCurrencyError`` (and keeps the rows shown) when no rate reaches ``base``.
        """
        rebased = rebase(rates, base) if rates else []
        kept = [rate for rate in rebased if rate.code != base]
        base_name = currency_name(base)
        self._base = base
        self._replace([_currency_row(rate, base_name, now) for rate in kept])
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.headers) - 1)

    def header_tip(self, section: int) -> str | None:
        """Explain the Rate column against the current base."""
        return f"Units of the currency per 1 {self._base}" if section == self.RATE else None


def _currency_row(rate: Rate, base_name: str, now: datetime) -> _Row:
    """The cells of one currency's row."""
    name = currency_name(rate.code)
    shown = format_rate(rate.rate)
    date = short_date(rate.as_of)
    stale = rate_is_stale(rate, now)
    state = "a snapshot" if rate.snapshot else "may be out of date" if stale else "current"
    return _Row(
        texts=(rate.code, name, shown, date),
        keys=(rate.code, name, float(rate.rate), int(rate.as_of.timestamp())),
        stale=stale,
        tooltip=freshness_tip(rate.as_of, rate.provider, rate.snapshot, stale, "rate"),
        spoken=f"{name} ({rate.code}): {shown} per 1 {base_name}, as of {date}, {state}.",
    )


class QuoteTableModel(_FiguresModel):
    """Stock quotes in the order given: Symbol, Name, Price, Change, % (change since close)."""

    SYMBOL, NAME, PRICE, CHANGE, PERCENT = range(5)
    headers = ("Symbol", "Name", "Price", "Change", "%")
    right_aligned = frozenset({PRICE, CHANGE, PERCENT})
    trend_columns = frozenset({CHANGE, PERCENT})

    def set_quotes(self, quotes: Sequence[Quote], now: datetime) -> None:
        """Show these quotes, judging their freshness at ``now``."""
        self._replace([_quote_row(quote, now) for quote in quotes])

    def header_tip(self, section: int) -> str | None:
        """Explain the terse change columns."""
        tips = {
            self.PRICE: "Last price, in the stock's trading currency",
            self.CHANGE: "Change since the previous close",
            self.PERCENT: "Change since the previous close, in per cent",
        }
        return tips.get(section)


def _quote_row(quote: Quote, now: datetime) -> _Row:
    """The cells of one quote's row."""
    trend = _sign(quote.change) or _sign(quote.percent)
    arrow = _ARROWS[trend]
    price, change, percent = (format_money(v) for v in (quote.price, quote.change, quote.percent))
    stale = quote_is_stale(quote, now)
    date = short_date(quote.as_of)
    state = "a snapshot" if quote.snapshot else "may be out of date" if stale else "current"
    movement = {1: "up", -1: "down", 0: "unchanged"}[trend]
    return _Row(
        texts=(quote.symbol, quote.name, price, f"{arrow} {change}", f"{arrow} {percent} %"),
        keys=(
            quote.symbol,
            quote.name,
            float(quote.price),
            float(quote.change),
            float(quote.percent),
        ),
        stale=stale,
        tooltip=freshness_tip(quote.as_of, quote.provider, quote.snapshot, stale, "price"),
        spoken=(
            f"{quote.name} ({quote.symbol}): {price} {quote.currency}, {movement} {change}"
            f" ({percent} per cent), as of {date}, {state}."
        ),
        trend=trend,
    )
