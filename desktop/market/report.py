"""The market figures as the command line reports them: JSON-ready and as text tables.

Each figure says when it is from: ``as_of`` in JSON and "as of 2025-03-14 16:00 UTC" in text.
An undated figure (a saved page that states no time) has no ``as_of``; it says when it was
saved instead: ``saved`` in JSON, "undated (saved 2026-03-14)" in text, the date in local time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from desktop.domain import Quote, Rate
from desktop.market.names import currency_name
from desktop.market.rates import quote_is_stale, rate_is_stale, rebase
from desktop.moments import iso_moment


def market_report(
    rates: Sequence[Rate], quotes: Sequence[Quote], base: str, now: datetime | None = None
) -> dict[str, Any]:
    """Rates rebased to ``base`` and quotes, each with its as-of time (or, undated, the time it
    was saved), provider and staleness."""
    moment = now or datetime.now(UTC)
    return {
        "base": base,
        "rates": [
            {
                "code": rate.code,
                "name": currency_name(rate.code),
                "rate": float(rate.rate),
                **_time(rate),
                "provider": rate.provider,
                "stale": rate_is_stale(rate, moment),
            }
            for rate in (rebase(rates, base) if rates else [])
            if rate.code != base
        ],
        "quotes": [
            {
                "symbol": quote.symbol,
                "name": quote.name,
                "price": float(quote.price),
                "change": float(quote.change),
                "percent": float(quote.percent),
                "currency": quote.currency,
                **_time(quote),
                "provider": quote.provider,
                "stale": quote_is_stale(quote, moment),
            }
            for quote in quotes
        ],
    }


def print_market(report: dict[str, Any]) -> None:
    """Print the report as two aligned tables, each figure with its time and provider."""
    print(f"Currencies, units per 1 {report['base']}:")
    for rate in report["rates"]:
        print(f"  {rate['code']}  {rate['rate']:>18.6f}  {rate['name']}{_origin(rate)}")
    print("\nStocks:")
    for quote in report["quotes"]:
        arrow = "▲" if quote["change"] > 0 else "▼" if quote["change"] < 0 else "•"
        print(
            f"  {quote['symbol']:<6} {quote['price']:>10.2f} {arrow} {quote['change']:+8.2f} "
            f"{quote['percent']:+7.2f}%  {quote['name']}{_origin(quote)}"
        )
    if not report["rates"] and not report["quotes"]:
        print("No market figures are stored yet.")


def when_text(as_of: datetime, undated: bool) -> str:
    """When a figure is from, as the command line says it: "as of 2025-03-14 16:00 UTC", or
    "undated (saved 2026-03-14)" with the local date it was saved."""
    if undated:
        return f"undated (saved {as_of.astimezone().date().isoformat()})"
    return f"as of {as_of.astimezone(UTC).strftime('%Y-%m-%d %H:%M UTC')}"


def _time(figure: Rate | Quote) -> dict[str, Any]:
    """A figure's time in JSON: ``as_of``, or for an undated one ``saved``."""
    moment = figure.as_of.isoformat()
    return {
        "as_of": None if figure.undated else moment,
        "undated": figure.undated,
        "saved": moment if figure.undated else None,
    }


def _origin(figure: dict[str, Any]) -> str:
    """A text row's end: when the figure is from and who gave it, and whether it is stale."""
    undated = figure["undated"]
    moment = iso_moment(figure["saved"] if undated else figure["as_of"])
    assert moment is not None  # written by _time
    stale = ", stale" if figure["stale"] else ""
    return f"  ({when_text(moment, undated)}, {figure['provider']}{stale})"
