"""Rebasing currency rates exactly, and judging how fresh a figure is."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from decimal import Decimal

from desktop.domain import Quote, Rate

# A figure older than this is stale unless its provider says otherwise; snapshots always are.
DEFAULT_PERIOD = timedelta(days=2)
ONE = Decimal(1)


class UnknownCurrencyError(LookupError):
    """No stored rate lets us express figures in the currency asked for."""

    def __init__(self, code: str) -> None:
        super().__init__(f"No rate is known for the currency {code}.")
        self.code = code


def rebase(rates: Sequence[Rate], base: str) -> list[Rate]:
    """Express every rate against ``base``: units of X per B = (X per P) / (B per P).

    P is each rate's own base, so rates from providers with different bases can be mixed. The base
    currency itself appears with rate 1, and each provider's base gets its implied rate.
    """
    divisors = _base_worths(rates, base)
    result: dict[str, Rate] = {}
    for rate in _with_implied_bases(rates):
        divisor = divisors.get(rate.base)
        if divisor is not None:
            result.setdefault(rate.code, replace(rate, base=base, rate=rate.rate / divisor))
    if base not in result:
        raise UnknownCurrencyError(base)
    return sorted(result.values(), key=lambda rate: rate.code)


def is_stale(
    as_of: datetime, snapshot: bool, now: datetime, period: timedelta = DEFAULT_PERIOD
) -> bool:
    """Whether a figure is older than its provider's update period allows (a snapshot always is)."""
    return snapshot or now - as_of > period


def quote_is_stale(quote: Quote, now: datetime) -> bool:
    """Whether a quote is too old to be trusted as current."""
    return is_stale(quote.as_of, quote.snapshot, now)


def rate_is_stale(rate: Rate, now: datetime) -> bool:
    """Whether a rate is too old to be trusted as current."""
    return is_stale(rate.as_of, rate.snapshot, now)


def _by_base(rates: Iterable[Rate]) -> dict[tuple[str, str], Decimal]:
    """Index rates by (their base, their code), with every base worth 1 of itself."""
    table: dict[tuple[str, str], Decimal] = {}
    for rate in rates:
        table.setdefault((rate.base, rate.code), rate.rate)
        table.setdefault((rate.base, rate.base), ONE)
    return table


def _base_worths(rates: Sequence[Rate], base: str) -> dict[str, Decimal]:
    """Units of ``base`` per unit of each provider's base (B per P), chained across providers.

    A provider that quotes ``base`` itself divides exactly; one that does not is reached through
    another provider's base it quotes or is quoted by, so none of its currencies is lost.
    """
    table = _by_base(rates)
    bases = {rate.base for rate in rates}
    worths = {each: table[(each, base)] for each in bases if (each, base) in table}
    while missing := bases - worths.keys():
        found = {
            each: worth
            for each in missing
            if (worth := _worth_through(table, each, worths)) is not None
        }
        if not found:
            break
        worths.update(found)
    return worths


def _worth_through(
    table: dict[tuple[str, str], Decimal], provider_base: str, worths: dict[str, Decimal]
) -> Decimal | None:
    """B per P through a base whose worth is known: P's provider quotes it, or it quotes P."""
    for known, worth in worths.items():
        if (provider_base, known) in table:
            return worth * table[(provider_base, known)]
        if (known, provider_base) in table:
            return worth / table[(known, provider_base)]
    return None


def _with_implied_bases(rates: Sequence[Rate]) -> list[Rate]:
    """The rates plus, for each provider base, a rate of 1 for the base itself."""
    implied = {rate.base: replace(rate, code=rate.base, rate=ONE) for rate in rates if rate.base}
    return [*rates, *implied.values()]
