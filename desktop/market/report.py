"""The market figures as the command line reports them: JSON-ready and as text tables."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from desktop.domain import Quote, Rate
from desktop.market.names import currency_name
from desktop.market.rates import quote_is_stale, rate_is_stale, rebase


def market_report(
    rates: Sequence[Rate], quotes: Sequence[Quote], base: str, now: datetime | None = None
) -> dict[str, Any]:
    """Rates rebased to ``base`` and quotes, each with its as-of time, provider and staleness."""
    moment = now or datetime.now(UTC)
    return {
        "base": base,
        "rates": [
            {
                "code": rate.code,
                "name": currency_name(rate.code),
                "rate": float(rate.rate),
                "as_of": rate.as_of.isoformat(),
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
                "as_of": quote.as_of.isoformat(),
                "provider": quote.provider,
                "stale": quote_is_stale(quote, moment),
            }
            for quote in quotes
        ],
    }


def print_market(report: dict[str, Any]) -> None:
    """Print the report as two aligned tables."""
    print(f"Currencies, units per 1 {report['base']}:")
    for rate in report["rates"]:
        stale = "  (stale)" if rate["stale"] else ""
        print(f"  {rate['code']}  {rate['rate']:>18.6f}  {rate['name']}{stale}")
    print("\nStocks:")
    for quote in report["quotes"]:
        arrow = "▲" if quote["change"] > 0 else "▼" if quote["change"] < 0 else "•"
        print(
            f"  {quote['symbol']:<6} {quote['price']:>10.2f} {arrow} {quote['change']:+8.2f} "
            f"{quote['percent']:+7.2f}%  {quote['name']}"
        )
    if not report["rates"] and not report["quotes"]:
        print("No market figures are stored yet.")
