"""A local stand-in for every market provider: real-format fixtures served by pytest-httpserver,
and the environment that points Broadsheet at it."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from pytest_httpserver import HTTPServer

MARKET = Path(__file__).parent / "fixtures" / "market"
KEY = "test-key-123"
KEYED = {"X-Finnhub-Token": KEY}
PATHS = {
    "BROADSHEET_ECB_DAILY_URL": "/ecb/eurofxref-daily.xml",
    "BROADSHEET_ECB_HISTORY_URL": "/ecb/eurofxref-hist-90d.xml",
    "BROADSHEET_ERAPI_URL": "/v6/latest/USD",
    "BROADSHEET_FRED_URL": "/graph/fredgraph.csv",
    "BROADSHEET_QUOTES_URL": "/api/v1/quote",
}
_TYPES = {"xml": "application/xml", "json": "application/json", "csv": "text/csv"}


def fixture(name: str) -> bytes:
    """A fixture file's bytes."""
    return (MARKET / name).read_bytes()


def environment(server: HTTPServer) -> dict[str, str]:
    """Every provider's address pointed at the local server."""
    return {name: server.url_for(path) for name, path in PATHS.items()}


def serve(
    server: HTTPServer,
    path: str,
    name: str,
    query: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
) -> None:
    """Answer requests for ``path`` (with exactly this query and these headers, when given)
    with a fixture."""
    server.expect_request(path, query_string=query, headers=headers).respond_with_data(
        fixture(name), content_type=_TYPES.get(name.rsplit(".", 1)[1], "text/html")
    )


def serve_dated(server: HTTPServer, day: date) -> None:
    """The ECB's daily file, its history and ExchangeRate-API's rates as if published on
    ``day``: their fixtures' days (the 18th to the 25th of October 2024) moved to end there."""
    ecb = fixture("ecb-daily.xml").replace(b"2024-10-25", day.isoformat().encode())
    history = fixture("ecb-hist-90d.xml")
    for back, old in enumerate(("25", "24", "23", "22", "21", "18")):
        moved = (day - timedelta(days=back)).isoformat()
        history = history.replace(f"2024-10-{old}".encode(), moved.encode())
    server.expect_request(PATHS["BROADSHEET_ECB_DAILY_URL"]).respond_with_data(
        ecb, content_type="application/xml"
    )
    erapi = json.loads(fixture("erapi-latest.json"))
    erapi["time_last_update_unix"] = int(datetime.combine(day, time(0, 2), tzinfo=UTC).timestamp())
    server.expect_request(PATHS["BROADSHEET_ERAPI_URL"]).respond_with_json(erapi)
    server.expect_request(PATHS["BROADSHEET_ECB_HISTORY_URL"]).respond_with_data(
        history, content_type="application/xml"
    )


def serve_every_provider(server: HTTPServer, symbols: tuple[str, ...] = ("AAPL",)) -> None:
    """Good answers from every provider: the ECB, ExchangeRate-API, FRED's S&P 500 and DJIA,
    and Finnhub quotes for ``symbols`` (to the test key only)."""
    serve(server, PATHS["BROADSHEET_ECB_DAILY_URL"], "ecb-daily.xml")
    serve(server, PATHS["BROADSHEET_ECB_HISTORY_URL"], "ecb-hist-90d.xml")
    serve(server, PATHS["BROADSHEET_ERAPI_URL"], "erapi-latest.json")
    fred = PATHS["BROADSHEET_FRED_URL"]
    serve(server, fred, "fred-sp500.csv", {"id": "SP500"})
    serve(server, fred, "fred-djia-old.csv", {"id": "DJIA"})
    serve(server, fred, "fred-header-only.csv", {"id": "NASDAQCOM"})
    for symbol in symbols:
        serve(
            server, PATHS["BROADSHEET_QUOTES_URL"], "finnhub-aapl.json", {"symbol": symbol}, KEYED
        )
