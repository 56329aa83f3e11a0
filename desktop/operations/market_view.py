"""Reading what the Markets panel shows, light enough to run just after the window first paints.

It imports neither the providers nor the fetching (asyncio, ssl, httpx) nor the keyring: together
they would weigh on the start more than the window does (docs/performance.md), and the panel needs
none of them to show the stored figures. Whether a quote key is kept is told by
``credentials.is_kept``, which reads no secret.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.credentials import QUOTES_API_KEY, is_kept, read_secret
from desktop.domain import ProviderStatus, Quote, Rate
from desktop.store import market_data

QUOTES_KEY_ENV = "BROADSHEET_QUOTES_KEY"
HISTORY_DAYS = 92


@dataclass(frozen=True, slots=True)
class MarketView:
    """What the Markets panel shows: the freshest figures, their history, and each provider's
    last refresh."""

    rates: list[Rate]
    quotes: list[Quote]
    rate_history: list[Rate]
    quote_history: list[Quote]
    statuses: dict[str, ProviderStatus]
    has_quotes_key: bool = False


def load_market(
    connection: sqlite3.Connection, now: datetime | None = None, config: Path | None = None
) -> MarketView:
    """Read everything the panel shows, with the last ``HISTORY_DAYS`` of history, and (given
    the config folder) whether a quote provider key is kept."""
    since = (now or datetime.now(UTC)) - timedelta(days=HISTORY_DAYS)
    return MarketView(
        rates=market_data.freshest_rates(connection),
        quotes=market_data.freshest_quotes(connection),
        rate_history=market_data.rate_history(connection, since),
        quote_history=market_data.quote_history(connection, since),
        statuses=market_data.provider_statuses(connection),
        has_quotes_key=config is not None and has_quotes_key(config),
    )


def has_quotes_key(config: Path, environ: Mapping[str, str] | None = None) -> bool:
    """Whether a quote provider key is given in the environment or kept from Preferences,
    without reading it."""
    given = (environ if environ is not None else os.environ).get(QUOTES_KEY_ENV, "").strip()
    return bool(given) or is_kept(QUOTES_API_KEY, config)


def quotes_key(config: Path, environ: Mapping[str, str] | None = None) -> str | None:
    """The quote provider's API key: from the environment, else as saved in Preferences."""
    given = (environ if environ is not None else os.environ).get(QUOTES_KEY_ENV, "").strip()
    return given or read_secret(QUOTES_API_KEY, config)
