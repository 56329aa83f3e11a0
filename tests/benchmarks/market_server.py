"""A loopback stand-in for every market provider, in a process of its own, for ``market_bench``.

It serves the real-format fixtures of ``tests/fixtures/market`` at the paths of
``tests.marketserver``: the ECB's daily rates, ExchangeRate-API's, FRED's S&P 500, DJIA and
NASDAQ Composite, and a Finnhub quote for each symbol asked for (only to the right key, sent in
``X-Finnhub-Token``). The ECB's 90-day history is generated here at the size of the real file
(the fixture holds six days). A ``ThreadingHTTPServer`` answers concurrent requests concurrently,
and its own process keeps its work off the measured process's GIL, as a remote server would.
"""

from __future__ import annotations

import random
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import timedelta
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlencode

from desktop.market.providers import TOKEN_HEADER
from desktop.market.providers.ecb import parse_ecb
from desktop.operations.market_view import QUOTES_KEY_ENV
from tests.benchmarks.children import child_server
from tests.marketserver import PATHS, fixture
from tests.quiet_server import QuietHandler

KEY = "bench-key-0123"
HISTORY_DAYS = 90
DAILY_MOVE = 0.005
SEED = 2024
START_TIMEOUT = 15.0
XML, JSON, CSV = "application/xml", "application/json", "text/csv"
QUOTES_PATH = PATHS["BROADSHEET_QUOTES_URL"]
_ENVELOPE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" '
    'xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">\n'
    "\t<gesmes:subject>Reference rates</gesmes:subject>\n"
    "\t<gesmes:Sender>\n\t\t<gesmes:name>European Central Bank</gesmes:name>\n\t</gesmes:Sender>\n"
    "\t<Cube>\n{days}\n\t</Cube>\n</gesmes:Envelope>\n"
)

Document = tuple[bytes, str]


class MarketBenchError(RuntimeError):
    """The market benchmark could not start its server or measured a refresh that failed."""


def documents(symbols: Sequence[str]) -> dict[str, Document]:
    """Every document a refresh asks for, with its media type, by the path and query it asks."""
    fred = PATHS["BROADSHEET_FRED_URL"]
    served = {
        PATHS["BROADSHEET_ECB_DAILY_URL"]: (fixture("ecb-daily.xml"), XML),
        PATHS["BROADSHEET_ECB_HISTORY_URL"]: (ecb_history(), XML),
        PATHS["BROADSHEET_ERAPI_URL"]: (fixture("erapi-latest.json"), JSON),
        f"{fred}?id=SP500": (fixture("fred-sp500.csv"), CSV),
        f"{fred}?id=DJIA": (fixture("fred-djia-old.csv"), CSV),
        f"{fred}?id=NASDAQCOM": (fixture("fred-nasdaqcom.csv"), CSV),
    }
    quote = (fixture("finnhub-aapl.json"), JSON)
    served.update({f"{QUOTES_PATH}?{urlencode({'symbol': s})}": quote for s in symbols})
    return served


def ecb_history(days: int = HISTORY_DAYS) -> bytes:
    """The ECB's 90-day file as the ECB writes it, newest day first: every working day of the
    ``days`` calendar days up to the daily fixture's, for its 30 currencies, each rate a seeded
    random walk back from the daily figure, to the same decimal places."""
    latest = parse_ecb(fixture("ecb-daily.xml"))
    end = latest[0].as_of.date()
    rng = random.Random(SEED)
    walk = {rate.code: rate.rate for rate in latest}
    cubes = []
    for day in (end - timedelta(days=offset) for offset in range(days)):
        if day.weekday() < 5:
            rates = "\n".join(f"\t\t\t<Cube currency='{c}' rate='{r}'/>" for c, r in walk.items())
            cubes.append(f"\t\t<Cube time='{day.isoformat()}'>\n{rates}\n\t\t</Cube>")
            walk = {code: _day_before(rng, rate) for code, rate in walk.items()}
    return _ENVELOPE.format(days="\n".join(cubes)).encode()


def _day_before(rng: random.Random, rate: Decimal) -> Decimal:
    """A rate within ``DAILY_MOVE`` of the next day's, written to the same places."""
    move = Decimal(f"{rng.uniform(-DAILY_MOVE, DAILY_MOVE):.6f}")
    return (rate * (1 + move)).quantize(rate)


@contextmanager
def running(symbols: Sequence[str]) -> Iterator[dict[str, str]]:
    """The server in a child process; yields the environment that points every provider at it
    and carries the quote key. The child stops when its stdin closes, even if we die."""
    with child_server(
        "tests.benchmarks.market_server", symbols, START_TIMEOUT, MarketBenchError
    ) as (_, port):
        base = f"http://127.0.0.1:{port}"
        yield {name: base + path for name, path in PATHS.items()} | {QUOTES_KEY_ENV: KEY}


class _Server(ThreadingHTTPServer):
    """The server; a client that went away mid-request (the soak kills its clients) is no
    error to print."""

    def handle_error(self, request: object, client_address: object) -> None:
        """Say nothing of a connection the client dropped; print anything else as usual."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


def serve(symbols: Sequence[str]) -> None:
    """Serve the documents on a free loopback port, print the port, and stop at stdin's end."""
    server = _Server(("127.0.0.1", 0), _handler(documents(symbols)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.server_address[1], flush=True)
    sys.stdin.read()
    server.shutdown()
    server.server_close()


def _handler(served: dict[str, Document]) -> type[BaseHTTPRequestHandler]:
    """A keep-alive handler answering from ``served``; quotes only to the key."""

    class Handler(QuietHandler):
        # Headers and body go out in two writes; with Nagle's algorithm the second waits for
        # the client's delayed ACK (40 ms on Linux), a stall no real server makes.
        disable_nagle_algorithm = True

        def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
            found = served.get(self.path)
            if found is None:
                self.answer(b"not found", "text/plain", 404)
            elif self.path.startswith(QUOTES_PATH) and self.headers.get(TOKEN_HEADER) != KEY:
                self.answer(b'{"error":"Invalid API key"}', JSON, 401)
            else:
                self.answer(*found)

    return Handler


if __name__ == "__main__":
    serve(sys.argv[1:])
