"""The Markets panel's table models: currency rates against a chosen base, and stock quotes.

Each cell's text is worked out once when figures arrive; the views ask for it many times. The
sort role gives raw values (text, float, Unix seconds) so a proxy sorts numbers as numbers, and
the filter role gives only the code or symbol and the name, so a search never matches a figure.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import ROUND_HALF_EVEN, Context, Decimal
from typing import Any

from PySide6.QtCore import (
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QStandardItem, QStandardItemModel

from desktop.domain import SAVED_PAGE_PROVIDER, Quote, Rate
from desktop.market.history import Series
from desktop.market.names import currency_name
from desktop.market.rates import quote_is_stale, rate_is_stale, rebase, retired, stale_reason

Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole
FILTER_ROLE = Qt.ItemDataRole.UserRole + 1
SERIES_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's history, oldest first, for a sparkline
STALE_ROLE = Qt.ItemDataRole.UserRole + 3
PINNED_ROLE = Qt.ItemDataRole.UserRole + 4  # whether the row is on the watchlist
KEY_ROLE = Qt.ItemDataRole.UserRole + 5  # the row's currency code or stock symbol
_DISPLAY = Qt.ItemDataRole.DisplayRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_SPOKEN = Qt.ItemDataRole.AccessibleTextRole
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
PIN = "★"
UNKNOWN = "—"  # a figure the source did not give
# Up to this many rows coming or going are applied one by one; more, and the model is reset.
SMALL_CHANGE = 4
TREND = 2  # the sparkline column, in both tables
# Providers as the As of column names them, to keep the column narrow.
SHORT_PROVIDERS = {
    "European Central Bank": "ECB",
    "ExchangeRate-API": "ER-API",
    "FRED (St. Louis Fed)": "FRED",
    "Sample edition snapshot": "Sample",
}

# Moves an undated figure's sort key before every dated one's: about 272 years of seconds.
UNDATED_SHIFT = 2**33

SIGNIFICANT_DIGITS = 6
_SIGNIFICANT = Context(prec=SIGNIFICANT_DIGITS, rounding=ROUND_HALF_EVEN)
_CENTS = Decimal("0.01")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

# Up and down colours: dark enough on a light base, lighter on a dark one (both over 4.5:1 on
# the base and on the alternate rows' colour; tests/ui/test_contrast.py measures them).
_UP = {False: QColor("#176b34"), True: QColor("#56d364")}
_DOWN = {False: QColor("#c62828"), True: QColor("#ff7b72")}
_ARROWS = {1: "▲", -1: "▼", 0: "•"}
MUTED = QPalette.ColorRole.PlaceholderText


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
    sign_mark, point, group = _number_symbols(QLocale().bcp47Name())
    text = format(value, "f")
    sign = sign_mark if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    decimals = f"{point}{fraction}" if fraction else ""
    if group is None:  # a grouping of its own (as in India: 12,34,567): Qt knows it
        locale = QLocale()
        locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
        return f"{sign}{locale.toString(int(whole))}{decimals}"
    return f"{sign}{int(whole):,}".replace(",", group) + decimals


@functools.cache
def _number_symbols(_name: str) -> tuple[str, str, str | None]:
    """The default locale's minus sign, decimal point and thousands separator (None when it
    does not group by threes), looked up once per locale: a table formats hundreds of numbers."""
    locale = QLocale()
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    group = locale.groupSeparator()
    by_threes = locale.toString(1234567) == f"1{group}234{group}567"
    return locale.negativeSign(), locale.decimalPoint(), group if by_threes else None


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


def freshness_tip(figure: Rate | Quote, now: datetime, noun: str) -> str:
    """One sentence saying where a figure comes from and, if it is stale, why."""
    if figure.undated:
        return (
            f"From {figure.provider}, {when_text(figure.as_of, now, undated=True)}: the page "
            f"gives no date for this {noun}, a snapshot, not a live {noun}."
        )
    reason = stale_reason(figure.as_of, figure.snapshot, figure.provider, now, noun)
    return reason or f"From {figure.provider}, as of {short_date_time(figure.as_of)}."


def as_of_text(moment: datetime, provider: str, now: datetime, undated: bool = False) -> str:
    """When and from whom, briefly: "16:00 · ECB" today, "25 Oct · ER-API" this year, with the
    year before that; "undated (saved 14 Mar 2026) · Page" for a figure given without a time."""
    return f"{when_text(moment, now, undated)} · {short_provider(provider)}"


def when_text(moment: datetime, now: datetime, undated: bool = False) -> str:
    """A figure's time as the panel shows it (``short_when``), or "undated (saved 14 Mar 2026)"
    with the whole date it was saved when its source gave no time."""
    return f"undated (saved {short_date(moment)})" if undated else short_when(moment, now)


def as_of_key(moment: datetime, undated: bool) -> int:
    """A figure's time as a sort key: Unix seconds, an undated figure's saved time moved before
    every dated figure's (so the latest saved still sorts after the earlier)."""
    seconds = int(moment.timestamp())
    return seconds - UNDATED_SHIFT if undated else seconds


def short_when(moment: datetime, now: datetime) -> str:
    """A time today ("16:00"), a day this year ("25 Oct"), or a month before ("Oct 2024"):
    the tooltip gives the whole date."""
    local, today = _local(moment), _local(now)
    if local.date() == today.date():
        return QLocale().toString(local.time(), QLocale.FormatType.ShortFormat)
    if local.date().year() == today.date().year():
        return QLocale().toString(local.date(), "d MMM")
    return QLocale().toString(local.date(), "MMM yyyy")


def short_provider(provider: str) -> str:
    """A provider's short name: "ECB", "ER-API", "FRED", "Page" for a saved page, or its first
    word."""
    if provider.startswith(f"{SAVED_PAGE_PROVIDER} "):
        return "Page"
    return SHORT_PROVIDERS.get(provider) or provider.split(" ")[0]


def trend_colour(trend: int, palette: QPalette | None = None) -> QColor:
    """Green for up, red for down, lighter variants when the base colour is dark."""
    base = (palette or QGuiApplication.palette()).color(QPalette.ColorRole.Base)
    dark = base.lightness() < 128
    return _UP[dark] if trend > 0 else _DOWN[dark] if trend < 0 else muted_colour(palette)


def muted_colour(palette: QPalette | None = None) -> QColor:
    """The palette's muted text colour (its placeholder text's), for stale figures: over 4.5:1
    on the base, the alternate rows and the window in both appearances."""
    return (palette or QGuiApplication.palette()).color(MUTED)


def _sign(value: Decimal) -> int:
    """1, -1 or 0 as the value goes up, down or nowhere."""
    return (value > 0) - (value < 0)


@dataclass(frozen=True, slots=True)
class _Row:
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


class _FiguresModel(QStandardItemModel):
    """A read-only table of figures; subclasses say which columns align right or show trends.

    The rows are worked out in Python (``_Row``) and written into the items of a C++ model, so
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
        self._rows: list[_Row] = []
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

    def row_at(self, row: int) -> _Row:
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

    def _foreground(self, row: _Row, column: int) -> QColor | None:
        """Trend colours on the change columns; grey for stale figures; else the view's own."""
        if column in self.trend_columns and row.trend:
            return self._colours[row.trend]
        return self._colours[0] if row.stale else None

    def _cell(self, row: _Row, column: int) -> dict[int, Any]:
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
    def _facts(row: _Row) -> dict[int, Any]:
        """What every cell of a row answers alike: tooltip, spoken sentence, staleness, whether
        it is watched, and its code or symbol."""
        return {
            _TOOLTIP: row.tooltip,
            _SPOKEN: row.spoken,
            STALE_ROLE: row.stale,
            PINNED_ROLE: row.pinned,
            KEY_ROLE: row.key,
        }

    def _items(self, row: _Row) -> list[QStandardItem]:
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

    def _replace(self, rows: list[_Row]) -> None:
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

    def _fill(self, rows: list[_Row]) -> None:
        """Every row's items afresh (signals blocked: the caller resets the model)."""
        self.setRowCount(0)
        self._rows = rows
        for row in rows:
            self.appendRow(self._items(row))

    def _update(self, rows: list[_Row]) -> bool:
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

    def _rewrite(self, pairs: list[tuple[_Row, _Row]]) -> list[int]:
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


def pinned_first(rows: list[_Row], pinned: Sequence[str]) -> list[_Row]:
    """The rows on the watchlist, in its order, then the others in theirs."""
    order = {key: place for place, key in enumerate(pinned)}
    top = sorted((row for row in rows if row.key in order), key=lambda row: order[row.key])
    return top + [row for row in rows if row.key not in order]


class CurrencyTableModel(_FiguresModel):
    """Currency rates as units of each currency per 1 of the base: Code, Currency, a sparkline,
    Rate, and As of (time and provider).

    What does not depend on the base (names, times, staleness, tooltips) is worked out once per
    set of figures, so picking another base only divides and formats the rates again.
    """

    CODE, NAME, _, RATE, AS_OF = range(5)
    TREND = TREND
    headers = ("Code", "Currency", "Trend", "Rate", "As of")
    right_aligned = frozenset({RATE, AS_OF})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._base = "USD"
        self._rates: Sequence[Rate] = ()
        self._now = datetime.now(UTC)
        self._known: dict[tuple[str, str, datetime], _Known] = {}
        self._by_provider = False
        self._as_of_caption = ""

    @property
    def base(self) -> str:
        """The currency the rates are expressed against."""
        return self._base

    def set_rates(
        self,
        rates: Sequence[Rate],
        base: str,
        now: datetime,
        series: Mapping[str, Series] | None = None,
        pinned: Sequence[str] = (),
    ) -> None:
        """Show the rates against ``base``, without the base's own row, each with its history
        from ``series`` and the watched ones (``pinned``) first.

        Raises ``UnknownCurrencyError`` (and keeps the rows shown) when no rate reaches ``base``.
        """
        if rates is not self._rates or now != self._now:
            self._known = {}
        self._rates, self._now = rates, now
        rebased = [rate for rate in (rebase(rates, base) if rates else []) if rate.code != base]
        times = self._times(rebased)
        # Said once, above the table, when each provider's rates share one time; then the rows
        # name only their provider, and only when there are several.
        shared = len(set(times.values())) == len(times)
        self._by_provider = shared and len(times) > 1
        self._as_of_caption = f"As of {', '.join(times)}" if shared and times else ""
        history = series or {}
        watched = set(pinned)
        base_name = currency_name(base)
        rows = [
            self._row(rate, base_name, history.get(rate.code, ()), rate.code in watched)
            for rate in rebased
        ]
        self._base = base
        self._replace(pinned_first(rows, pinned))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.headers) - 1)

    @property
    def as_of_caption(self) -> str:
        """When and from whom the rates are, said once for the table ("As of 15:00 · ECB,
        00:02 · ER-API"), or "" when a provider's rates are of several times (each row says)."""
        return self._as_of_caption

    def idle_columns(self) -> set[int]:
        """The trend without history, and the as-of time and provider when every row shares it."""
        idle = super().idle_columns()
        if len({row.texts[self.AS_OF] for row in self._rows}) < 2:
            idle.add(self.AS_OF)
        return idle

    def header_text(self, section: int) -> str:
        """The title, "Source" over the providers alone (their times are said above the table)."""
        if section == self.AS_OF and self._by_provider:
            return "Source"
        return super().header_text(section)

    def header_tip(self, section: int) -> str | None:
        """Explain the Rate, Trend and As of columns against the current base."""
        if section == self.RATE:
            return f"Units of the currency per 1 {self._base}"
        if section == self.TREND:
            return f"The rate against {self._base} over the last three months"
        if section == self.AS_OF:
            return (
                "Who publishes each rate; when, the line above the table says"
                if self._by_provider
                else "When each rate was published, and by whom"
            )
        return None

    def _times(self, rates: Sequence[Rate]) -> dict[str, str]:
        """Each time and provider the rates are of ("15:00 · ECB"), newest first, with the
        provider's short name."""
        moments: dict[str, int] = {}
        for rate in rates:
            known = self._known_of(rate)
            moments[known.as_of] = known.moment
        ordered = sorted(moments, key=lambda text: -moments[text])
        return {text: text.rpartition(" · ")[2] for text in ordered}

    def _known_of(self, rate: Rate) -> _Known:
        """What a currency's row says whatever the base, worked out once per set of figures."""
        key = (rate.code, rate.provider, rate.as_of)
        known = self._known.get(key)
        if known is None:
            known = self._known[key] = _known(rate, self._now)
        return known

    def _row(self, rate: Rate, base_name: str, series: Series, pinned: bool) -> _Row:
        """The cells of one currency's row."""
        known = self._known_of(rate)
        shown = format_rate(rate.rate)
        return _Row(
            key=rate.code,
            texts=(f"{PIN} {rate.code}" if pinned else rate.code, known.name, "", shown,
                   short_provider(rate.provider) if self._by_provider else known.as_of),
            keys=(rate.code, known.name, _change(series), float(rate.rate), known.moment),
            stale=known.stale,
            tooltip=known.tooltip,
            spoken=(
                f"{known.name} ({rate.code}): {shown} per 1 {base_name}, {known.spoken}"
                f"{', on your watchlist' if pinned else ''}."
            ),
            series=series,
            pinned=pinned,
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Known:
    """What a currency's row says whatever the base: name, time, staleness and why."""

    name: str
    as_of: str
    moment: int
    stale: bool
    tooltip: str
    spoken: str


def _known(rate: Rate, now: datetime) -> _Known:
    """The parts of a currency's row that do not depend on the base."""
    name = currency_name(rate.code)
    stale = rate_is_stale(rate, now)
    state = "a snapshot" if rate.snapshot else "may be out of date" if stale else "current"
    why = freshness_tip(rate, now, "rate")
    successor = retired(rate.code)
    if successor is not None:
        why = f"Retired: {successor[1]} Its successor is {successor[0]}. {why}"
    return _Known(
        name=name if successor is None else f"{name} (retired)",
        as_of=as_of_text(rate.as_of, rate.provider, now, rate.undated),
        moment=as_of_key(rate.as_of, rate.undated),
        stale=stale,
        tooltip=f"{name} ({rate.code})\n{why}",  # the whole name first: the panel may cut it
        spoken=f"{_spoken_when(rate)} from {rate.provider}, {state}",
    )


def _spoken_when(figure: Rate | Quote) -> str:
    """When a figure is from, for a screen reader: "as of 25 Oct 2024", or "undated, saved
    14 Mar 2026"."""
    if figure.undated:
        return f"undated, saved {short_date(figure.as_of)}"
    return f"as of {short_date(figure.as_of)}"


class QuoteTableModel(_FiguresModel):
    """Stock quotes, the watched first: Symbol, Name, a sparkline, Price, Change and %."""

    SYMBOL, NAME, _, PRICE, CHANGE, PERCENT = range(6)
    TREND = TREND
    headers = ("Symbol", "Name", "Trend", "Price", "Change", "%")
    right_aligned = frozenset({PRICE, CHANGE, PERCENT})
    trend_columns = frozenset({CHANGE, PERCENT})

    def set_quotes(
        self,
        quotes: Sequence[Quote],
        now: datetime,
        series: Mapping[str, Series] | None = None,
        pinned: Sequence[str] = (),
    ) -> None:
        """Show these quotes, judging their freshness at ``now``, the watched ones first."""
        history = series or {}
        watched = set(pinned)
        rows = [
            _quote_row(quote, now, history.get(quote.symbol, ()), quote.symbol in watched)
            for quote in quotes
        ]
        self._replace(pinned_first(rows, pinned))

    def header_tip(self, section: int) -> str | None:
        """Explain the terse columns."""
        tips = {
            self.TREND: "The price over the last three months",
            self.PRICE: "Last price, in the stock's trading currency",
            self.CHANGE: "Change since the previous close",
            self.PERCENT: "Change since the previous close, in per cent",
        }
        return tips.get(section)


def _quote_row(quote: Quote, now: datetime, series: Series, pinned: bool) -> _Row:
    """The cells of one quote's row. A change as large as the price itself (a previous close
    of zero, as a page's broken ticker may give) is shown as unknown, not as a 100 % rise."""
    known = quote.price - quote.change > 0
    trend = (_sign(quote.change) or _sign(quote.percent)) if known else 0
    arrow = _ARROWS[trend]
    price, change, percent = (format_money(v) for v in (quote.price, quote.change, quote.percent))
    stale = quote_is_stale(quote, now)
    state = "a snapshot" if quote.snapshot else "may be out of date" if stale else "current"
    movement = {1: "up", -1: "down", 0: "unchanged"}[trend]
    symbol = f"{PIN} {quote.symbol}" if pinned else quote.symbol
    watched = ", on your watchlist" if pinned else ""
    tooltip = freshness_tip(quote, now, "price")
    if known:
        shown = (f"{arrow} {change}", f"{arrow} {percent} %")
        moved = f"{movement} {change} ({percent} per cent)"
    else:
        shown = (UNKNOWN, UNKNOWN)
        moved = "no change known since the previous close"
        tooltip = f"The source gave no previous close, so there is no change to show. {tooltip}"
    tooltip = f"{quote.name} ({quote.symbol})\n{tooltip}"  # the table shows symbols only
    return _Row(
        key=quote.symbol,
        texts=(symbol, quote.name, "", price, *shown),
        keys=(
            quote.symbol,
            quote.name,
            _change(series),
            float(quote.price),
            float(quote.change) if known else 0.0,
            float(quote.percent) if known else 0.0,
        ),
        stale=stale,
        tooltip=tooltip,
        spoken=(
            f"{quote.name} ({quote.symbol}): {price} {quote.currency}, {moved}, "
            f"{_spoken_when(quote)} from {quote.provider}, {state}{watched}."
        ),
        trend=trend,
        series=series,
        pinned=pinned,
    )


def _change(series: Series) -> float:
    """How much a series moved over its period, in per cent (0 without two points)."""
    if len(series) < 2 or series[0] == 0:
        return 0.0
    return (series[-1] - series[0]) / series[0] * 100
