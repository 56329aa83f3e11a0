"""Figures over time, as the Markets panel's sparklines draw them: one point per day."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from desktop.domain import Quote, Rate

Series = tuple[float, ...]


def rate_series(history: Iterable[Rate], base: str) -> dict[str, Series]:
    """Each currency's rate against ``base`` day by day, oldest first.

    Every point is rebased within one publication (one provider at one time), so a day's point
    never mixes two providers' figures; a publication that does not quote ``base`` (nor is based
    on it) gives no points. When a day has several publications, the latest one counts.
    """
    publications: dict[tuple[str, datetime], dict[str, Rate]] = defaultdict(dict)
    for rate in history:
        publications[(rate.provider, rate.as_of)][rate.code] = rate
    days: dict[str, dict[date, float]] = defaultdict(dict)
    for (_, as_of), rates in sorted(publications.items(), key=lambda item: item[0][1]):
        provider_base = next(iter(rates.values())).base
        worth = _worth_of(base, provider_base, rates)
        if worth is None:
            continue
        figures = {code: rate.rate for code, rate in rates.items()}
        figures.setdefault(provider_base, Decimal(1))
        for code, value in figures.items():
            days[code][as_of.date()] = float(value / worth)
    return {code: _in_order(points) for code, points in days.items()}


def quote_series(history: Iterable[Quote]) -> dict[str, Series]:
    """Each symbol's price day by day, oldest first (the last quote of each day)."""
    days: dict[str, dict[date, float]] = defaultdict(dict)
    for quote in sorted(history, key=lambda quote: quote.as_of):
        days[quote.symbol][quote.as_of.date()] = float(quote.price)
    return {symbol: _in_order(points) for symbol, points in days.items()}


def _worth_of(base: str, provider_base: str, rates: dict[str, Rate]) -> Decimal | None:
    """Units of ``base`` per unit of the publication's own base, or None if it cannot say."""
    if base == provider_base:
        return Decimal(1)
    found = rates.get(base)
    return found.rate if found is not None and found.rate > 0 else None


def _in_order(points: dict[date, float]) -> Series:
    """The values of a day-to-value mapping, oldest day first."""
    return tuple(points[day] for day in sorted(points))
