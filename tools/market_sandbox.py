"""A local stand-in for every market provider, with figures dated around today.

    .venv/bin/python tools/market_sandbox.py [--port 8799]

prints the environment variables that point Broadsheet at it, then serves until stopped: the ECB's
daily file and 90-day history, ExchangeRate-API's latest USD rates, FRED's index closes and
Finnhub quotes, in their real formats. The figures start from the sample edition's and wander a
little each day (seeded, so every run is the same), which is enough to see fresh rates, sparklines
and the converter work without the internet; screenshots are taken against it.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import random
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = json.loads(
    (ROOT / "desktop" / "resources" / "sample" / "market.json").read_text(encoding="utf-8")
)
# The ECB's currencies (it quotes about 30 against the euro).
ECB_CODES = [
    "USD",
    "JPY",
    "BGN",
    "CZK",
    "DKK",
    "GBP",
    "HUF",
    "PLN",
    "RON",
    "SEK",
    "CHF",
    "ISK",
    "NOK",
    "TRY",
    "AUD",
    "BRL",
    "CAD",
    "CNY",
    "HKD",
    "IDR",
    "ILS",
    "INR",
    "KRW",
    "MXN",
    "MYR",
    "NZD",
    "PHP",
    "SGD",
    "THB",
    "ZAR",
]
INDEXES = {"SP500": 5800.0, "DJIA": 42000.0, "NASDAQCOM": 18400.0}
DAYS = 92
# Every walk starts here (a few months back, so walks stay short and the figures near the
# sample's); the server makes up figures for dates after it.
WALK_START = datetime.now(UTC).date() - timedelta(days=DAYS + 30)


def working_days(today: date) -> list[date]:
    """The weekdays of the last ``DAYS`` days up to today, oldest first."""
    days = [today - timedelta(days=back) for back in range(DAYS)]
    return sorted(day for day in days if day.weekday() < 5)


def usd_rates(day: date) -> dict[str, float]:
    """Units per US dollar on ``day``: the sample's, each on a gentle random walk of its own."""
    return {code: value * _walk(code, day) for code, value in _SAMPLE_RATES.items()} | {"USD": 1.0}


_SAMPLE_RATES = {code: float(value) for code, value in SAMPLE["rates"]}


@functools.cache
def _walk(name: str, day: date) -> float:
    """Where a figure's random walk stands on ``day``, as a factor (1.0 on the first day)."""
    if day <= WALK_START:
        return 1.0
    step = random.Random(f"{name}{day.isoformat()}").gauss(0.00005, 0.0025)
    return _walk(name, day - timedelta(days=1)) * (1 + step)


def ecb_document(days: list[date]) -> bytes:
    """The ECB's gesmes envelope for these days, newest first, rates per euro."""
    cubes = []
    for day in reversed(days):
        per_usd = usd_rates(day)
        lines = [
            f"\t\t\t<Cube currency='{code}' rate='{per_usd[code] / per_usd['EUR']:.4f}'/>"
            for code in ECB_CODES
            if code in per_usd
        ]
        cubes.append(f"\t\t<Cube time='{day.isoformat()}'>\n" + "\n".join(lines) + "\n\t\t</Cube>")
    return (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        '<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" '
        'xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">\n'
        "\t<gesmes:subject>Reference rates</gesmes:subject>\n"
        "\t<gesmes:Sender>\n\t\t<gesmes:name>European Central Bank</gesmes:name>\n"
        "\t</gesmes:Sender>\n\t<Cube>\n" + "\n".join(cubes) + "\n\t</Cube>\n</gesmes:Envelope>\n"
    ).encode()


def erapi_document(now: datetime) -> bytes:
    """ExchangeRate-API's open endpoint: every code per US dollar, updated at midnight UTC."""
    updated = datetime.combine(now.date(), time(0, 2), tzinfo=UTC)
    rates = {code: round(value, 6) for code, value in sorted(usd_rates(now.date()).items())}
    rates.pop("ZWL", None)
    return json.dumps(
        {
            "result": "success",
            "provider": "https://www.exchangerate-api.com",
            "time_last_update_unix": int(updated.timestamp()),
            "time_next_update_unix": int((updated + timedelta(days=1)).timestamp()),
            "base_code": "USD",
            "rates": rates,
        }
    ).encode()


def fred_document(series: str, days: list[date]) -> bytes:
    """FRED's graph CSV: a series' closes on US market days (the last one yesterday's)."""
    level = INDEXES.get(series, 1000.0)
    rows = [f"observation_date,{series}"]
    for day in days[:-1]:
        rows.append(f"{day.isoformat()},{level * _walk(series, day):.2f}")
    return ("\n".join(rows) + "\n").encode()


def finnhub_document(symbol: str, now: datetime) -> bytes:
    """Finnhub's quote: the sample's price for the symbol, moved a little."""
    known = {quote["symbol"]: quote for quote in SAMPLE["quotes"]}
    base = float(Decimal(known[symbol]["price"])) if symbol in known else 100.0
    moves = random.Random(f"{symbol}{now.date()}")
    previous = base * (1 + moves.gauss(0, 0.01))
    price = previous * (1 + moves.gauss(0, 0.012))
    change = price - previous
    return json.dumps(
        {
            "c": round(price, 2),
            "d": round(change, 2),
            "dp": round(change / previous * 100, 4),
            "pc": round(previous, 2),
            "t": int(now.timestamp()) - 60,
        }
    ).encode()


class Handler(BaseHTTPRequestHandler):
    """Answers each provider's address with a document made for today."""

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        now = datetime.now(UTC)
        days = working_days(_ecb_today(now))
        documents: dict[str, Callable[[], tuple[str, bytes]]] = {
            "/ecb/eurofxref-daily.xml": lambda: ("application/xml", ecb_document(days[-1:])),
            "/ecb/eurofxref-hist-90d.xml": lambda: ("application/xml", ecb_document(days)),
            "/v6/latest/USD": lambda: ("application/json", erapi_document(now)),
            "/graph/fredgraph.csv": lambda: ("text/csv", fred_document(query.get("id", ""), days)),
            "/api/v1/quote": lambda: (
                "application/json",
                finnhub_document(query.get("symbol", ""), now),
            ),
        }
        if parts.path not in documents:
            self.send_error(404)
            return
        kind, body = documents[parts.path]()
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the app's log says what it fetched."""


def _ecb_today(now: datetime) -> date:
    """The last day whose ECB rates are out: today after 16:00 in Frankfurt, else yesterday."""
    local = now.astimezone(ZoneInfo("Europe/Berlin"))
    return local.date() if local.hour >= 16 else local.date() - timedelta(days=1)


def main() -> None:
    """Print the environment for Broadsheet and serve until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8799)
    port = parser.parse_args().port
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    print(f"export BROADSHEET_ECB_DAILY_URL={base}/ecb/eurofxref-daily.xml")
    print(f"export BROADSHEET_ECB_HISTORY_URL={base}/ecb/eurofxref-hist-90d.xml")
    print(f"export BROADSHEET_ERAPI_URL={base}/v6/latest/USD")
    print(f"export BROADSHEET_FRED_URL={base}/graph/fredgraph.csv")
    print(f"export BROADSHEET_QUOTES_URL={base}/api/v1/quote")
    print("export BROADSHEET_QUOTES_KEY=sandbox", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
