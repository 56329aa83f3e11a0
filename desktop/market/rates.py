"""Rebasing and converting currencies exactly, retired currencies, and how fresh a figure is."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import ROUND_HALF_EVEN, Decimal, localcontext

from desktop.domain import Quote, Rate
from desktop.market import names
from desktop.market.schedule import PUBLISHERS

# A figure from a provider without a timetable is stale after this; a snapshot always is.
DEFAULT_PERIOD = timedelta(days=2)
ONE = Decimal(1)
# Digits a conversion keeps before rounding to the target's minor units: enough for any amount
# times any rate exactly (the default 28 could not hold a trillion of a currency in rials).
EXACT_DIGITS = 80
# ISO 4217 gives precious metals no minor unit, and CLDR falls back to 2 decimals for them, which
# would turn 1,000 dollars' worth of gold (about 0.37 ounces) into 0.37 and 1 dollar's into 0.00.
METAL_PLACES = 6
METALS = frozenset({"XAU", "XAG", "XPT", "XPD"})

# Codes some providers still list, each with its successor and what happened.
RETIRED: dict[str, tuple[str, str]] = {
    "LTL": ("EUR", "Lithuania adopted the euro in 2015."),
    "LVL": ("EUR", "Latvia adopted the euro in 2014."),
    "ZMK": ("ZMW", "Zambia redenominated its kwacha in 2013, 1,000 old to 1 new."),
    "VEF": ("VES", "Venezuela replaced the bolívar fuerte with the bolívar soberano in 2018."),
    "BYR": ("BYN", "Belarus redenominated its rouble in 2016, 10,000 old to 1 new."),
    "STD": ("STN", "São Tomé and Príncipe redenominated its dobra in 2018, 1,000 old to 1 new."),
    "MRO": ("MRU", "Mauritania redenominated its ouguiya in 2018, 10 old to 1 new."),
    "HRK": ("EUR", "Croatia adopted the euro in 2023."),
    "SLL": ("SLE", "Sierra Leone redenominated its leone in 2022, 1,000 old to 1 new."),
    "CUC": ("CUP", "Cuba withdrew its convertible peso in 2021, leaving the Cuban peso."),
    "ZWL": ("ZWG", "Zimbabwe replaced its dollar with Zimbabwe Gold (ZiG) in 2024."),
}

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class UnknownCurrencyError(LookupError):
    """No stored rate lets us express figures in the currency asked for."""

    def __init__(self, code: str) -> None:
        super().__init__(f"No rate is known for the currency {code}.")
        self.code = code


@dataclass(frozen=True, slots=True)
class Conversion:
    """An amount converted: the result in the target's minor units, the exact rate, its age
    (that of the older of the two rates; when one is undated, the time it was saved)."""

    amount: Decimal
    from_code: str
    to_code: str
    result: Decimal
    rate: Decimal
    as_of: datetime
    providers: tuple[str, ...]
    undated: bool = False


def rebase(rates: Sequence[Rate], base: str) -> list[Rate]:
    """Express every rate against ``base``: units of X per B = (X per P) / (B per P).

    P is each rate's own base, so rates from providers with different bases can be mixed. The base
    currency itself appears with rate 1, and each provider's base gets its implied rate. When two
    rates give the same currency, the fresher wins (the first, at the same time; a dated one
    over an undated one, whenever it was saved).
    """
    divisors = _base_worths(rates, base)
    result: dict[str, Rate] = {}
    for rate in _with_implied_bases(rates):
        divisor = divisors.get(rate.base)
        known = result.get(rate.code)
        if divisor is not None and (known is None or rate.freshness > known.freshness):
            result[rate.code] = replace(rate, base=base, rate=rate.rate / divisor)
    if base not in result:
        raise UnknownCurrencyError(base)
    return sorted(result.values(), key=lambda rate: rate.code)


def convert(amount: Decimal, from_code: str, to_code: str, rates: Sequence[Rate]) -> Conversion:
    """Convert exactly through ``rebase``, rounding half-even to the target's minor units."""
    table = {rate.code: rate for rate in rebase(rates, from_code)}
    if to_code not in table:
        raise UnknownCurrencyError(to_code)
    source, target = table[from_code], table[to_code]
    with localcontext() as context:
        context.prec = EXACT_DIGITS
        result = (amount * target.rate).quantize(minor_unit(to_code), ROUND_HALF_EVEN)
    older = min(source, target, key=lambda rate: rate.freshness)
    return Conversion(
        amount,
        from_code,
        to_code,
        result,
        target.rate,
        older.as_of,
        tuple(dict.fromkeys((source.provider, target.provider))),
        older.undated,
    )


def minor_unit(code: str) -> Decimal:
    """The smallest amount of a currency people write: 0.01 for EUR, 1 for JPY (CLDR's data)."""
    places = METAL_PLACES if code in METALS else names.minor_places(code)
    return ONE.scaleb(-places)


def retired(code: str) -> tuple[str, str] | None:
    """A retired currency's successor and what happened, or None for a current code."""
    return RETIRED.get(code)


def is_stale(as_of: datetime, snapshot: bool, provider: str, now: datetime) -> bool:
    """Whether a newer figure should have come from ``provider`` by ``now``, by its timetable
    (or, for a provider without one, whether the figure is older than ``DEFAULT_PERIOD``); a
    snapshot always is stale."""
    if snapshot:
        return True
    publisher = PUBLISHERS.get(provider)
    if publisher is None:
        return now - as_of > DEFAULT_PERIOD
    return not publisher[1].is_current(as_of, now)


def stale_reason(
    as_of: datetime, snapshot: bool, provider: str, now: datetime, noun: str = "rate"
) -> str | None:
    """The tooltip sentence saying why a figure is not current, or None when it is."""
    if snapshot:
        return f"A snapshot from {_day(as_of)} ({provider}), not a live {noun}."
    if not is_stale(as_of, snapshot, provider, now):
        return None
    called, timetable = PUBLISHERS.get(provider, (provider, None))
    if timetable is None:
        schedule = f"Broadsheet expects a new one every {_span(DEFAULT_PERIOD)}"
    else:
        schedule = timetable.sentence
    return f"From {called}, {_span(now - as_of)} old; {schedule}."


def quote_is_stale(quote: Quote, now: datetime) -> bool:
    """Whether a quote is too old to be trusted as current."""
    return is_stale(quote.as_of, quote.snapshot, quote.provider, now)


def rate_is_stale(rate: Rate, now: datetime) -> bool:
    """Whether a rate is too old to be trusted as current."""
    return is_stale(rate.as_of, rate.snapshot, rate.provider, now)


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
    """The rates plus, for each provider base, a rate of 1 for the base itself, as of the
    freshest rate given against it."""
    newest: dict[str, Rate] = {}
    for rate in rates:
        known = newest.get(rate.base)
        if rate.base and (known is None or rate.freshness > known.freshness):
            newest[rate.base] = rate
    implied = [replace(r, code=b, base=b, rate=ONE) for b, r in newest.items()]
    return [*rates, *implied]


def _day(moment: datetime) -> str:
    """A date as "25 Oct 2024", the same in every locale."""
    return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}"


def _span(length: timedelta) -> str:
    """A length of time in its largest whole unit: "3 days", "1 hour", "15 minutes"."""
    for unit, seconds in (("day", 86400), ("hour", 3600), ("minute", 60)):
        count = int(length.total_seconds()) // seconds
        if count >= 1:
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return "less than a minute"
