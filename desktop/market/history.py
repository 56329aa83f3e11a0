"""Figures over time, as the Markets panel's sparklines draw them: one point per day."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from desktop.domain import Quote, Rate

Series = tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Publication:
    """One provider's rates at one time: its day, its own base, and each code's rate against
    that base (the base itself at 1)."""

    day: date
    base: str
    values: dict[str, float]


def publications(history: Iterable[Rate]) -> tuple[Publication, ...]:
    """The history grouped into publications, oldest first: done once, so that the series
    against each base the panel shows is only divisions."""
    grouped: dict[tuple[str, datetime], dict[str, Rate]] = defaultdict(dict)
    for rate in history:
        grouped[(rate.provider, rate.as_of)][rate.code] = rate
    found = []
    for (_, as_of), rates in sorted(grouped.items(), key=lambda item: item[0][1]):
        own_base = next(iter(rates.values())).base
        values = {code: float(rate.rate) for code, rate in rates.items() if rate.rate > 0}
        values.setdefault(own_base, 1.0)
        found.append(Publication(as_of.date(), own_base, values))
    return tuple(found)


def rate_series(history: Iterable[Rate], base: str) -> dict[str, Series]:
    """Each currency's rate against ``base`` day by day, oldest first (see ``series_against``)."""
    return series_against(publications(history), base)


def series_against(published: Sequence[Publication], base: str) -> dict[str, Series]:
    """Each currency's rate against ``base`` day by day, oldest first, from ``publications``.

    Every point is rebased within one publication (one provider at one time), so a day's point
    never mixes two providers' figures; a publication that does not quote ``base`` (nor is based
    on it) gives no points. When a day has several publications, the latest one counts.
    """
    days: dict[str, dict[date, float]] = defaultdict(dict)
    for publication in published:
        worth = publication.values.get(base)
        if worth is None:
            continue
        day = publication.day
        for code, value in publication.values.items():
            days[code][day] = value / worth
    # Publications come oldest first, so each currency's days are already in order.
    return {code: tuple(points.values()) for code, points in days.items()}


def quote_series(history: Iterable[Quote]) -> dict[str, Series]:
    """Each symbol's price day by day, oldest first (the last quote of each day)."""
    days: dict[str, dict[date, float]] = defaultdict(dict)
    for quote in sorted(history, key=lambda quote: quote.as_of):
        days[quote.symbol][quote.as_of.date()] = float(quote.price)
    return {symbol: _in_order(points) for symbol, points in days.items()}


def _in_order(points: dict[date, float]) -> Series:
    """The values of a day-to-value mapping, oldest day first."""
    return tuple(points[day] for day in sorted(points))
