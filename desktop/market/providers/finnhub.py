"""Stock quotes from Finnhub's ``/quote`` endpoint, one JSON document per symbol.

Why Finnhub: its free plan needs only an API key, which a person can get for themselves, and
its quote endpoint answers with the price, change and percent in one small document. As far as
we know its terms allow personal, non-commercial use of the free plan; check their terms before
relying on that. The free plan covers US listings, so prices are taken to be in US dollars.
Finnhub's quote carries no company name, so the symbol stands in for one.
"""

from __future__ import annotations

from typing import Any

from desktop.domain import Quote
from desktop.market.providers.reading import (
    from_unix,
    number,
    positive,
    read_json_object,
    unreadable,
)

NAME = "Finnhub"
WHAT = "Finnhub's quotes"
CURRENCY = "USD"


def parse_finnhub(data: bytes, symbol: str) -> Quote | None:
    """The quote in a Finnhub answer, or None when Finnhub does not know the symbol."""
    what = f"Finnhub's quote for {symbol}"
    document = read_json_object(data, what)
    _refuse_errors(document, what)
    if number(document.get("c")) == 0:
        return None
    price, change = positive(number(document.get("c"))), number(document.get("d"))
    percent = number(document.get("dp"))
    if price is None or change is None or percent is None:
        raise unreadable(what, "it lacks a price, a change or a percent")
    as_of = from_unix(document.get("t"), what)
    return Quote(symbol, symbol, price, change, percent, CURRENCY, as_of, NAME)


def _refuse_errors(document: dict[str, Any], what: str) -> None:
    """Raise for an answer that carries Finnhub's ``error`` instead of a quote."""
    said = document.get("error")
    if isinstance(said, str):
        raise unreadable(what, f'Finnhub answered "{said.strip().rstrip(".")[:80]}"')
