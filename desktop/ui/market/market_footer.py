"""The Markets panel's footer: how fresh the figures are, what went wrong with a provider, a
base that could not be used, and a filter that matched nothing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from desktop.domain import ProviderStatus, Quote, Rate
from desktop.market.rates import quote_is_stale, rate_is_stale
from desktop.ui.market.market_figures import ShownFigures
from desktop.ui.market.market_text import short_date, short_date_time, when_text

EMPTY_TEXT = "No market figures yet."
ERAPI = "ExchangeRate-API"
PROVIDER_NAMES = {
    "ecb": "European Central Bank",
    "ecb-history": "European Central Bank (history)",
    "erapi": ERAPI,
    "fred": "FRED",
    "quotes": "Finnhub",
}


def status_line(
    figures: ShownFigures, *, refreshing: bool, bases: tuple[str | None, str], unmatched: str
) -> tuple[str, str]:
    """The footer's sentences and its tooltip (every provider's problem): a filter's text that
    matched nothing, the base asked for when the rates are shown per another (``bases``: asked,
    shown), then how fresh the figures are (or that they are being refreshed) and the first
    provider's problem."""
    found = problems(figures.statuses)
    asked, shown = bases
    parts = [
        f"Nothing matches “{unmatched}”." if unmatched else "",
        f"No rate is known for {asked}; rates are per 1 {shown}."
        if figures.rates and asked and asked != shown
        else "",
        "Refreshing market figures…"
        if refreshing
        else freshness(figures.rates, figures.quotes, figures.now, figures.statuses),
        found[0] if found else "",
    ]
    return " ".join(part for part in parts if part), "\n".join(found)


def freshness(
    rates: Sequence[Rate],
    quotes: Sequence[Quote],
    now: datetime,
    statuses: Mapping[str, ProviderStatus] | None = None,
) -> str:
    """A sentence on the figures: a snapshot, out of date, or when they were last refreshed;
    and which are undated, or that all are."""
    figures: list[Rate | Quote] = [*rates, *quotes]
    if not figures:
        return EMPTY_TEXT
    dated = [figure for figure in figures if not figure.undated]
    if not dated:
        saved = max(figure.as_of for figure in figures)
        return f"Snapshot from {_names(figures)}, {when_text(saved, now, undated=True)} — not live."
    undated = len(dated) < len(figures)
    note = f" Undated figures from {_names(figures, undated=True)}." if undated else ""
    return _dated_freshness(dated, now, statuses) + note


def _dated_freshness(
    dated: Sequence[Rate | Quote], now: datetime, statuses: Mapping[str, ProviderStatus] | None
) -> str:
    """A sentence on dated figures: a snapshot, out of date, or when they were last refreshed."""
    newest = max(figure.as_of for figure in dated)
    if all(figure.snapshot for figure in dated):
        return f"Snapshot of {short_date(newest)} from {_names(dated)} — not live."
    successes = [s.last_success for s in (statuses or {}).values() if s.last_success]
    checked = f"Last updated {short_date_time(max(successes))}." if successes else ""
    stale = all(
        rate_is_stale(f, now) if isinstance(f, Rate) else quote_is_stale(f, now) for f in dated
    )
    if stale:
        return f"{checked} The newest figures, of {short_date_time(newest)}, may be out of date."
    return checked or f"Updated {short_date_time(newest)} from {_names(dated)}."


def _names(figures: Sequence[Rate | Quote], undated: bool | None = None) -> str:
    """The providers of figures ("A and B"), of the undated ones only when ``undated``."""
    chosen = (f.provider for f in figures if undated is None or f.undated == undated)
    return " and ".join(sorted(set(chosen)))


def problems(statuses: Mapping[str, ProviderStatus]) -> list[str]:
    """A sentence for each provider whose last refresh failed."""
    return [
        f"{PROVIDER_NAMES.get(key, key)}: {status.last_error}"
        for key, status in sorted(statuses.items())
        if status.last_error
    ]
