"""The Markets panel's table models: currency rates against a chosen base, and stock quotes.

Their rows (``market_rows``) are worked out once per set of figures; picking another base only
divides and formats the rates again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtCore import QObject, Qt

from desktop.domain import Quote, Rate
from desktop.market.history import Series
from desktop.market.local_numbers import NumberLocale
from desktop.market.names import currency_name
from desktop.market.rates import quote_is_stale, rate_is_stale, rebase, retired
from desktop.ui.market.market_roles import TREND
from desktop.ui.market.market_rows import FiguresModel, Row, pinned_first
from desktop.ui.market.market_text import (
    as_of_key,
    as_of_text,
    format_money,
    format_rate,
    freshness_tip,
    number_locale,
    short_provider,
    spoken_when,
)

PIN = "★"
UNKNOWN = "—"  # a figure the source did not give
_ARROWS = {1: "▲", -1: "▼", 0: "•"}


def _sign(value: Decimal) -> int:
    """1, -1 or 0 as the value goes up, down or nowhere."""
    return (value > 0) - (value < 0)


class CurrencyTableModel(FiguresModel):
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
        style = number_locale()
        rows = [
            self._row(rate, base_name, history.get(rate.code, ()), rate.code in watched, style)
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

    def _row(
        self, rate: Rate, base_name: str, series: Series, pinned: bool, style: NumberLocale
    ) -> Row:
        """The cells of one currency's row, its rate written in ``style``."""
        known = self._known_of(rate)
        shown = format_rate(rate.rate, style)
        return Row(
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
        spoken=f"{spoken_when(rate)} from {rate.provider}, {state}",
    )


class QuoteTableModel(FiguresModel):
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
        style = number_locale()
        rows = [
            _quote_row(quote, now, history.get(quote.symbol, ()), quote.symbol in watched, style)
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


def _quote_row(
    quote: Quote, now: datetime, series: Series, pinned: bool, style: NumberLocale
) -> Row:
    """The cells of one quote's row, its figures written in ``style``. A change as large as the
    price itself (a previous close of zero, as a page's broken ticker may give) is shown as
    unknown, not as a 100 % rise."""
    known = quote.price - quote.change > 0
    trend = (_sign(quote.change) or _sign(quote.percent)) if known else 0
    arrow = _ARROWS[trend]
    figures = (quote.price, quote.change, quote.percent)
    price, change, percent = (format_money(figure, style) for figure in figures)
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
    return Row(
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
            f"{spoken_when(quote)} from {quote.provider}, {state}{watched}."
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
