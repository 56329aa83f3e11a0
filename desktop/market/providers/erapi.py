"""ExchangeRate-API's open-access latest rates: one JSON document, US dollars as the base.

Its terms ask every page showing the rates to credit it with a link, hence ``ATTRIBUTION``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from desktop.domain import Rate
from desktop.market.providers.reading import (
    from_unix,
    is_code,
    number,
    positive,
    read_json_object,
    unreadable,
)

log = logging.getLogger(__name__)

NAME = "ExchangeRate-API"
WHAT = "ExchangeRate-API's rates"
ATTRIBUTION = '<a href="https://www.exchangerate-api.com">Rates By Exchange Rate API</a>'


def parse_erapi(data: bytes) -> tuple[Rate, ...]:
    """Every valid rate of an ExchangeRate-API ``latest`` document."""
    document = read_json_object(data, WHAT)
    _refuse_errors(document)
    base = document.get("base_code")
    if not is_code(base):
        raise unreadable(WHAT, "it names no base currency")
    rates = document.get("rates")
    if not isinstance(rates, dict) or not rates:
        raise unreadable(WHAT, "it lists no rates")
    as_of = from_unix(document.get("time_last_update_unix"), WHAT)
    found = tuple(_valid_rates(rates, base, as_of))
    if not found:
        raise unreadable(WHAT, "it lists no valid rates")
    return found


def _refuse_errors(document: dict[str, Any]) -> None:
    """Raise for an error answer, or one that does not say it succeeded."""
    result = document.get("result")
    if result == "error":
        kind = document.get("error-type")
        said = f'"{kind}"' if isinstance(kind, str) and kind else "an error"
        raise unreadable(WHAT, f"it answered {said[:60]}")
    if result != "success":
        raise unreadable(WHAT, "the JSON is not a rates document")


def _valid_rates(rates: dict[str, Any], base: str, as_of: datetime) -> Iterator[Rate]:
    """The rates with a valid code and a positive number, skipping (and logging) the rest."""
    for code, value in rates.items():
        rate = positive(number(value))
        if is_code(code) and rate is not None:
            yield Rate(code, base, rate, as_of, NAME)
        else:
            log.info("skipped an ExchangeRate-API rate: %r = %r", code[:20], str(value)[:20])
