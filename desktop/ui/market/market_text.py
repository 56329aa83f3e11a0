"""How the Markets panel writes its figures, times and providers: numbers in the person's locale,
dates and times in local time, short provider names, and sentences on a figure's freshness."""

from __future__ import annotations

import functools
from datetime import datetime
from decimal import ROUND_HALF_EVEN, Context, Decimal

from PySide6.QtCore import QDateTime, QLocale

from desktop.domain import SAVED_PAGE_PROVIDER, Quote, Rate
from desktop.market.local_numbers import NumberLocale, locale_name, written
from desktop.market.rates import stale_reason

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


def format_rate(value: Decimal, style: NumberLocale | None = None) -> str:
    """A rate with up to six significant digits and never an exponent: "3.67303", "42,090.0";
    as ``style`` writes numbers, else as the person does."""
    if value.adjusted() >= SIGNIFICANT_DIGITS:
        # Seven or more whole digits: rounding them to zeros would only hide information.
        return localized(value.quantize(Decimal(1), rounding=ROUND_HALF_EVEN), style)
    return localized(_SIGNIFICANT.plus(value), style)


def format_money(value: Decimal, style: NumberLocale | None = None) -> str:
    """An amount with two decimals and grouped thousands, without a sign: "1,234.50"."""
    return localized(abs(value).quantize(_CENTS, rounding=ROUND_HALF_EVEN), style)


def localized(value: Decimal, style: NumberLocale | None = None) -> str:
    """A decimal written out in full as ``style`` (else the person) writes numbers, grouped:
    "1,234.50". A table asks for the person's style once and hands it to every figure."""
    return written(value, style or number_locale())


def number_locale() -> NumberLocale:
    """How the person writes numbers: as Qt's default locale does, in its digits."""
    locale = QLocale()
    return _number_locale(locale.name(), locale.zeroDigit())


@functools.cache
def _number_locale(name: str, zero: str) -> NumberLocale:
    """The CLDR locale for a Qt locale's name, looked up once: a table writes hundreds of
    numbers."""
    return NumberLocale(locale_name(name), zero)


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


def spoken_when(figure: Rate | Quote) -> str:
    """When a figure is from, for a screen reader: "as of 25 Oct 2024", or "undated, saved
    14 Mar 2026"."""
    if figure.undated:
        return f"undated, saved {short_date(figure.as_of)}"
    return f"as of {short_date(figure.as_of)}"
