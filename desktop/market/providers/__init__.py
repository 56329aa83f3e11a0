"""The market data providers behind one small interface: what to fetch, and how to read it.

A ``Provider`` lists its ``requests()``; whoever fetches them (with ``fetch_all``) hands the
bodies back to ``parse()`` by requested URL and gets ``Figures``, or a ``ProviderError`` with one
sentence for people. Addresses can be overridden by environment variables (tests point them at
a local server). Providers that fetch one document per series (FRED) or symbol (Finnhub) skip
the ones that fail or are unknown, and raise only when none is left.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlencode

from desktop.domain import Quote, Rate
from desktop.market.providers import ecb, erapi, finnhub, fred
from desktop.market.providers.reading import Figures, ProviderError, unreadable
from desktop.net.fetch import Request

__all__ = ["Figures", "Provider", "ProviderError", "providers"]

log = logging.getLogger(__name__)

ECB_DAILY_ENV = "BROADSHEET_ECB_DAILY_URL"
ECB_HISTORY_ENV = "BROADSHEET_ECB_HISTORY_URL"
ERAPI_ENV = "BROADSHEET_ERAPI_URL"
FRED_ENV = "BROADSHEET_FRED_URL"
QUOTES_ENV = "BROADSHEET_QUOTES_URL"
ECB_DAILY_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml"
ECB_HISTORY_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist-90d.xml"
ERAPI_URL = "https://open.er-api.com/v6/latest/USD"
FRED_URL = "https://fred.stlouisfed.org/graph/fredgraph.csv"
QUOTES_URL = "https://finnhub.io/api/v1/quote"
INDEX_SERIES = ("SP500", "DJIA", "NASDAQCOM")
DAILY = timedelta(days=1)
QUOTES_PERIOD = timedelta(minutes=15)
XML_ACCEPT = "application/xml, text/xml;q=0.9, */*;q=0.5"
JSON_ACCEPT = "application/json, */*;q=0.5"
CSV_ACCEPT = "text/csv, */*;q=0.5"
TOKEN_HEADER = "X-Finnhub-Token"


@dataclass(frozen=True, slots=True)
class Provider:
    """One source of market figures: its name for people, address, publishing period and reader.

    ``series`` are FRED series or Finnhub symbols, one request each; ``token`` is Finnhub's key.
    """

    key: str
    name: str
    url: str
    period: timedelta
    attribution: str | None = None
    series: tuple[str, ...] = ()
    token: str | None = field(default=None, repr=False)

    def requests(self) -> list[Request]:
        """What to fetch: one document, or one per series or symbol. The key goes in a header,
        never in an address that could end up in a log or a message."""
        secrets = ((TOKEN_HEADER, self.token),) if self.token else ()
        return [
            Request(url, accept=_ACCEPTS[self.key], secret_headers=secrets)
            for url in self._urls().values()
        ]

    def parse(self, answers: Mapping[str, bytes]) -> Figures:
        """The figures in the fetched bodies, given by requested URL; raises ProviderError
        (without the key, which a provider may echo in its error)."""
        try:
            if self.key in _SINGLE_READERS:
                return _read_single(self, answers)
            return Figures(quotes=_read_each(self, self._urls(), answers))
        except ProviderError as error:
            raise ProviderError(redacted(str(error), self.token)) from None

    def _urls(self) -> dict[str, str]:
        """Each request's URL by its series or symbol (by the provider's key for one document)."""
        if self.key == "fred":
            return {each: _with_query(self.url, id=each) for each in self.series}
        if self.key == "quotes":
            return {each: _with_query(self.url, symbol=each) for each in self.series}
        return {self.key: self.url}


def redacted(message: str, key: str | None) -> str:
    """A message without an API key in it (some providers echo the key in their errors); only
    the key standing alone is replaced, never letters inside a word."""
    if not key:
        return message
    alone = re.compile(rf"(?<![0-9A-Za-z]){re.escape(key)}(?![0-9A-Za-z])")
    return alone.sub("[your key]", message)


def providers(
    environ: Mapping[str, str],
    quote_key: str | None,
    symbols: Sequence[str],
    index_series: Sequence[str] = INDEX_SERIES,
) -> list[Provider]:
    """The providers that can run: FRED only with index series, Finnhub with a key and symbols."""
    found = [
        Provider("ecb", ecb.NAME, _url(environ, ECB_DAILY_ENV, ECB_DAILY_URL), DAILY),
        Provider("ecb-history", ecb.NAME, _url(environ, ECB_HISTORY_ENV, ECB_HISTORY_URL), DAILY),
        Provider(
            "erapi", erapi.NAME, _url(environ, ERAPI_ENV, ERAPI_URL), DAILY, erapi.ATTRIBUTION
        ),
    ]
    if series := _distinct(index_series):
        url = _url(environ, FRED_ENV, FRED_URL)
        found.append(Provider("fred", fred.NAME, url, DAILY, series=series))
    key, symbols_wanted = (quote_key or "").strip(), _distinct(symbols)
    if key and symbols_wanted:
        url = _url(environ, QUOTES_ENV, QUOTES_URL)
        found.append(
            Provider("quotes", finnhub.NAME, url, QUOTES_PERIOD, series=symbols_wanted, token=key)
        )
    return found


def _read_single(provider: Provider, answers: Mapping[str, bytes]) -> Figures:
    """The rates of a provider that fetches one document."""
    data = answers.get(provider.url)
    if data is None:
        raise unreadable(_SINGLE_READERS[provider.key][0], "no answer came back")
    return Figures(rates=_SINGLE_READERS[provider.key][1](data))


def _read_each(
    provider: Provider, urls: Mapping[str, str], answers: Mapping[str, bytes]
) -> tuple[Quote, ...]:
    """The quotes of every series or symbol that was answered and read; raise if none was."""
    read = _EACH_READERS[provider.key][1]
    quotes: list[Quote] = []
    problems: list[ProviderError] = []
    for each, url in urls.items():
        if (data := answers.get(url)) is None:
            continue
        try:
            quotes.extend(read(data, each))
        except ProviderError as problem:
            log.info("skipped %s: %s", each, redacted(str(problem), provider.token))
            problems.append(problem)
    if not quotes:
        raise problems[0] if problems else _nothing_read(provider, urls, answers)
    return tuple(quotes)


def _nothing_read(
    provider: Provider, urls: Mapping[str, str], answers: Mapping[str, bytes]
) -> ProviderError:
    """Why a provider of many documents gave no quote without any document failing."""
    what = _EACH_READERS[provider.key][0]
    if not any(url in answers for url in urls.values()):
        return unreadable(what, "no answer came back")
    asked = ", ".join(provider.series)
    return unreadable(what, f"it knows none of the symbols asked for ({asked})")


def _finnhub_quotes(data: bytes, symbol: str) -> tuple[Quote, ...]:
    """Finnhub's quote for a symbol, or none when it does not know the symbol."""
    quote = finnhub.parse_finnhub(data, symbol)
    return () if quote is None else (quote,)


def _url(environ: Mapping[str, str], name: str, default: str) -> str:
    """An address from the environment (when set and not blank), else the default."""
    return environ.get(name, "").strip() or default


def _with_query(url: str, **parameters: str) -> str:
    """``url`` with parameters added to its query string."""
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}{urlencode(parameters)}"


def _distinct(names: Sequence[str]) -> tuple[str, ...]:
    """The names stripped, without blanks or repeats, in their order."""
    return tuple(dict.fromkeys(name.strip() for name in names if name.strip()))


_SINGLE_READERS: dict[str, tuple[str, Callable[[bytes], tuple[Rate, ...]]]] = {
    "ecb": (ecb.WHAT, ecb.parse_ecb),
    "ecb-history": (ecb.WHAT, ecb.parse_ecb),
    "erapi": (erapi.WHAT, erapi.parse_erapi),
}
_EACH_READERS: dict[str, tuple[str, Callable[[bytes, str], tuple[Quote, ...]]]] = {
    "fred": (fred.WHAT, fred.parse_fred),
    "quotes": (finnhub.WHAT, _finnhub_quotes),
}
_ACCEPTS = {
    "ecb": XML_ACCEPT,
    "ecb-history": XML_ACCEPT,
    "erapi": JSON_ACCEPT,
    "fred": CSV_ACCEPT,
    "quotes": JSON_ACCEPT,
}
