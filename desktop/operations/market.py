"""Refreshing the market figures: every provider at once, each one's figures stored on arrival.

A provider that is down, slow past its timeout or sends something unreadable gets its error noted
and nothing else changes: the figures it gave before stay (turning stale as their age demands)
and the other providers still refresh. ``MarketReport`` says what happened to each, for the CLI's
JSON and the panel's status line (``market_view`` reads what the panel shows).
"""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import threading
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.domain import Progress, Quote
from desktop.market.providers import Figures, Provider, ProviderError, providers, redacted
from desktop.market.providers.finnhub import NAME as QUOTES_NAME
from desktop.net.fetch import Failure, Limits, Response
from desktop.operations import StoreWriter
from desktop.operations.fetching import close_loop, drain
from desktop.operations.market_view import quotes_key
from desktop.store import market_data

log = logging.getLogger(__name__)

QUOTES = "quotes"
NO_KEY = (
    "Stock quotes are not live: enter a free Finnhub API key in Preferences "
    "(or set BROADSHEET_QUOTES_KEY) to get them."
)
# Environment variable with a quote provider key, for scripts; Preferences keeps it otherwise.
# Market documents are small: ER-API's is about 4 KB, the ECB's 90-day history about 50 KB.
MARKET_LIMITS = Limits(connect_timeout=5.0, total_timeout=15.0, max_bytes=2 * 1024 * 1024)


@dataclass(frozen=True, slots=True)
class ProviderOutcome:
    """What a refresh got from one provider: how many figures, or why none."""

    key: str
    name: str
    status: str  # "updated", "failed" or "skipped"
    count: int = 0
    error: str | None = None


@dataclass
class MarketReport:
    """Everything a market refresh did, filled in as it goes."""

    outcomes: list[ProviderOutcome] = field(default_factory=list)
    cancelled: bool = False

    @property
    def failed(self) -> bool:
        """Whether any provider failed."""
        return any(outcome.status == "failed" for outcome in self.outcomes)

    def as_json(self) -> dict[str, Any]:
        """The report as the CLI prints it with ``--json``."""
        return {
            "providers": [
                {
                    "key": outcome.key,
                    "name": outcome.name,
                    "status": outcome.status,
                    "count": outcome.count,
                    "error": outcome.error,
                }
                for outcome in self.outcomes
            ],
            "cancelled": self.cancelled,
        }


def quote_symbols(quotes: Sequence[Quote], watched: Sequence[str]) -> list[str]:
    """The stock symbols to ask for: the watched ones, then those in the quote table (not the
    indexes FRED gives, which a quote provider does not know)."""
    from desktop.market.providers import INDEX_SERIES

    shown = [quote.symbol for quote in quotes if quote.symbol not in INDEX_SERIES]
    return list(dict.fromkeys([*watched, *shown]))


@dataclass(frozen=True, slots=True)
class MarketPlan:
    """The providers a refresh asks, and those it cannot (stock quotes without a key)."""

    providers: list[Provider]
    skipped: list[ProviderOutcome] = field(default_factory=list)

    @property
    def keys(self) -> list[str]:
        """Every provider's key, asked or skipped."""
        return [provider.key for provider in self.providers] + [o.key for o in self.skipped]


def plan_market(
    config: Path,
    symbols: Sequence[str],
    environ: Mapping[str, str] | None = None,
    only: Collection[str] | None = None,
) -> MarketPlan:
    """Which providers to ask, at the addresses the environment gives (tests point them at a
    local server), keeping to the keys in ``only`` when given. Reads the quote key from the
    keyring, which may take a moment: call it off the UI thread."""
    environ = environ if environ is not None else os.environ
    key = quotes_key(config, environ)
    chosen = [
        provider
        for provider in providers(environ, key, symbols)
        if only is None or provider.key in only
    ]
    skipped = []
    if not key and (only is None or QUOTES in only):
        skipped.append(ProviderOutcome(QUOTES, QUOTES_NAME, "skipped", error=NO_KEY))
    return MarketPlan(chosen, skipped)


def refresh_market(
    write: StoreWriter,
    plan: MarketPlan,
    report: MarketReport,
    cancel: threading.Event | None = None,
    limits: Limits = MARKET_LIMITS,
    now: datetime | None = None,
) -> Iterator[Progress]:
    """Fetch every chosen provider at once; store each one's figures once all its documents have
    come, and note how it went. Yields progress per provider; stops early when cancelled."""
    cancel = cancel or threading.Event()
    chosen = plan.providers
    report.outcomes.extend(plan.skipped)
    owners = {request.url: provider for provider in chosen for request in provider.requests()}
    waiting = {provider.key: len(provider.requests()) for provider in chosen}
    answers: dict[str, dict[str, bytes]] = {provider.key: {} for provider in chosen}
    failures: dict[str, list[Failure]] = {provider.key: [] for provider in chosen}
    requests = [request for provider in chosen for request in provider.requests()]
    done = 0
    yield Progress(0, len(chosen), "Refreshing market figures…")
    loop = asyncio.new_event_loop()
    try:
        for result in drain(loop, requests, limits, cancel):
            provider = owners[result.url]
            key = provider.key
            if isinstance(result, Response):
                answers[key][result.url] = result.body
            else:
                failures[key].append(result)
            waiting[key] -= 1
            if waiting[key] == 0:
                outcome = _settle(write, provider, answers[key], failures[key], now)
                report.outcomes.append(outcome)
                done += 1
                yield Progress(done, len(chosen), _progress_line(outcome))
    finally:
        close_loop(loop)
    report.cancelled = cancel.is_set() and done < len(chosen)


def _settle(
    write: StoreWriter,
    provider: Provider,
    answers: dict[str, bytes],
    failures: list[Failure],
    now: datetime | None,
) -> ProviderOutcome:
    """Read a provider's answers, store its figures or its error, and say what happened."""
    attempted = now or datetime.now(UTC)
    try:
        figures = _parse(provider, answers, failures)
    except ProviderError as error:
        message = redacted(str(error), provider.token)
        log.info("%s: %s", provider.name, message)
        write(lambda c: market_data.record_provider_attempt(c, provider.key, attempted, message))
        return ProviderOutcome(provider.key, label(provider), "failed", error=message)
    count = len(figures.rates) + len(figures.quotes)
    newest = max(
        [rate.as_of for rate in figures.rates] + [quote.as_of for quote in figures.quotes],
        default=attempted,
    )

    def store(connection: sqlite3.Connection) -> None:
        fetched = int(attempted.timestamp())
        quotes = _named(figures.quotes, market_data.quote_names(connection))
        market_data.add_figures(connection, figures.rates, quotes, fetched)
        market_data.record_provider_attempt(
            connection, provider.key, attempted, None, count, newest
        )

    write(store)
    return ProviderOutcome(provider.key, label(provider), "updated", count)


def label(provider: Provider) -> str:
    """A provider's name for people, telling the ECB's daily rates from its history."""
    return f"{provider.name} (90-day history)" if provider.key == "ecb-history" else provider.name


def _named(quotes: Sequence[Quote], names: Mapping[str, str]) -> list[Quote]:
    """Quotes whose provider gave no company name (only the symbol) named as before."""
    return [
        replace(quote, name=names[quote.symbol])
        if quote.name == quote.symbol and quote.symbol in names
        else quote
        for quote in quotes
    ]


def _parse(provider: Provider, answers: dict[str, bytes], failures: list[Failure]) -> Figures:
    """The provider's figures; when none could be read and a fetch failed, the fetch's sentence
    explains it better than the reader's "no answer came back"."""
    try:
        return provider.parse(answers)
    except ProviderError:
        if failures:
            raise ProviderError(failures[0].sentence) from None
        raise


def _progress_line(outcome: ProviderOutcome) -> str:
    """One line of progress about a provider."""
    if outcome.status == "updated":
        return f"{outcome.name}: {outcome.count} figures"
    return f"{outcome.name}: {outcome.error}"


def summary(report: MarketReport) -> str:
    """The sentence a market refresh ends with, in the panel and on the command line."""
    if report.cancelled:
        return "Market refresh cancelled."
    failed = [outcome.name for outcome in report.outcomes if outcome.status == "failed"]
    if not failed:
        return "Market figures are up to date."
    names = ", ".join(dict.fromkeys(failed))
    return f"Could not refresh {names}; the figures shown before are kept."
