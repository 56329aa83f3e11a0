"""The figures the Markets panel shows, and what it works out from them once: the rates' history
against each base asked for, and the currencies the rates reach."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from desktop.domain import ProviderStatus, Quote, Rate
from desktop.market.history import Publication, Series, publications, quote_series, series_against
from desktop.market.rates import rebase


@dataclass
class ShownFigures:
    """Rates, quotes and their history as the panel was last given them, at a moment ``now``."""

    rates: tuple[Rate, ...] = ()
    quotes: tuple[Quote, ...] = ()
    published: tuple[Publication, ...] = ()
    quote_series: dict[str, Series] = field(default_factory=dict)
    statuses: dict[str, ProviderStatus] = field(default_factory=dict)
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    rate_series: dict[str, dict[str, Series]] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        rates: Sequence[Rate],
        quotes: Sequence[Quote],
        now: datetime | None,
        rate_history: Sequence[Rate],
        quote_history: Sequence[Quote],
        statuses: Mapping[str, ProviderStatus] | None,
    ) -> ShownFigures:
        """The figures given to the panel, their history grouped for the sparklines."""
        return cls(
            rates=tuple(rates),
            quotes=tuple(quotes),
            published=publications(rate_history),
            quote_series=quote_series(quote_history),
            statuses=dict(statuses or {}),
            now=now or datetime.now(UTC),
        )

    @property
    def empty(self) -> bool:
        """Whether there is no figure at all to show."""
        return not self.rates and not self.quotes

    def series_for(self, base: str) -> dict[str, Series]:
        """The rates' history against ``base``, worked out once per base."""
        if base not in self.rate_series:
            self.rate_series[base] = series_against(self.published, base)
        return self.rate_series[base]

    def base_codes(self, base: str) -> list[str]:
        """Every currency the rates reach from ``base``, ``base`` too, in code order."""
        if not self.rates:
            return []
        return sorted({rate.code for rate in rebase(self.rates, base)} | {base})
