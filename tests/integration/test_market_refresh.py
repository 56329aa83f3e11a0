"""Refreshing the market from a local server: every provider at once, each failure its own, and
every figure already stored kept; the CLI's ``market refresh`` and ``convert``."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import threading
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from desktop.net.fetch import Limits
from desktop.operations import direct_writer
from desktop.operations.market import (
    NO_KEY,
    MarketReport,
    plan_market,
    quote_symbols,
    refresh_market,
    summary,
)
from desktop.operations.market_view import load_market
from desktop.paths import AppPaths
from tests.commands import broadsheet as run_broadsheet
from tests.marketserver import KEY, PATHS, environment, fixture, serve, serve_every_provider

ROOT = Path(__file__).resolve().parents[2]
QUICK = Limits(connect_timeout=2.0, total_timeout=3.0)
ECB = "European Central Bank"


def refresh(
    connection: sqlite3.Connection,
    paths: AppPaths,
    server: HTTPServer,
    key: str | None = None,
    symbols: tuple[str, ...] = (),
    cancel: threading.Event | None = None,
) -> MarketReport:
    """Run a market refresh against the local server, as the CLI and the window do."""
    environ = environment(server) | ({"BROADSHEET_QUOTES_KEY": key} if key else {})
    plan = plan_market(paths.config, symbols, environ)
    report = MarketReport()
    for _ in refresh_market(direct_writer(connection), plan, report, cancel, QUICK):
        pass
    return report


def by_key(report: MarketReport) -> dict[str, tuple[str, int, str | None]]:
    return {o.key: (o.status, o.count, o.error) for o in report.outcomes}


def test_every_provider_refreshes_and_is_stored_with_its_history(
    connection: sqlite3.Connection, paths: AppPaths, httpserver: HTTPServer
) -> None:
    serve_every_provider(httpserver, ("AAPL", "NGG"))

    report = refresh(connection, paths, httpserver, KEY, ("AAPL", "NGG"))

    assert by_key(report) == {
        "ecb": ("updated", 30, None),
        "ecb-history": ("updated", 48, None),
        "erapi": ("updated", 33, None),
        "fred": ("updated", 10, None),
        "quotes": ("updated", 2, None),
    }
    assert not report.failed and summary(report) == "Market figures are up to date."
    view = load_market(connection, now=datetime(2024, 10, 26, tzinfo=UTC))
    rates = {rate.code: rate for rate in view.rates}
    # The freshest figure wins: the sample's (16:00 UTC) over the ECB's of the same day (14:00)
    # and ER-API's (00:02), which both carry BGN.
    assert rates["JPY"].provider == "Sample edition snapshot"
    ecb_yen = [r for r in view.rate_history if r.code == "JPY" and r.provider == ECB]
    assert (ecb_yen[-1].base, ecb_yen[-1].rate) == ("EUR", Decimal("164.56"))
    quotes = {quote.symbol: quote for quote in view.quotes}
    assert quotes["NGG"].name == "National Grid"  # Finnhub gives none: the snapshot's stays
    assert quotes["AAPL"].provider == "Finnhub" and quotes["SP500"].name == "S&P 500"
    assert {rate.as_of.date().isoformat() for rate in view.rate_history if rate.code == "USD"} >= {
        "2024-10-23",
        "2024-10-24",
        "2024-10-25",
    }
    assert set(view.statuses) == {"ecb", "ecb-history", "erapi", "fred", "quotes"}
    assert view.statuses["ecb"].newest == datetime(2024, 10, 25, 14, tzinfo=UTC)


def test_without_a_key_quotes_are_skipped_with_a_way_to_get_them(
    connection: sqlite3.Connection, paths: AppPaths, httpserver: HTTPServer
) -> None:
    serve_every_provider(httpserver)
    report = refresh(connection, paths, httpserver, None, ("AAPL",))
    assert by_key(report)["quotes"] == ("skipped", 0, NO_KEY)
    assert not report.failed
    assert all(request.path != PATHS["BROADSHEET_QUOTES_URL"] for request, _ in httpserver.log)


BAD_ANSWERS = {
    "a 500": (b"oops", 500, "(HTTP 500)"),
    "garbage": (fixture("garbage.bin"), 200, "could not be read"),
    "truncated XML": (fixture("ecb-truncated.xml"), 200, "could not be read"),
    "no rates": (fixture("ecb-no-rates.xml"), 200, "could not be read"),
    "a negative rate only": (fixture("ecb-negative-rate.xml"), 200, ""),
    "a bad code": (fixture("ecb-bad-code.xml"), 200, ""),
}


@pytest.mark.parametrize("case", BAD_ANSWERS)
def test_a_bad_ecb_answer_fails_the_ecb_alone_and_keeps_what_was_stored(
    connection: sqlite3.Connection, paths: AppPaths, httpserver: HTTPServer, case: str
) -> None:
    body, status, said = BAD_ANSWERS[case]
    serve_every_provider(httpserver)
    refresh(connection, paths, httpserver)
    before = {r.code: r for r in load_market(connection).rates if r.provider == ECB}
    httpserver.clear()
    serve_every_provider(httpserver)
    httpserver.clear_all_handlers()
    httpserver.expect_request(PATHS["BROADSHEET_ECB_DAILY_URL"]).respond_with_data(
        body, status=status, content_type="application/xml"
    )
    serve(httpserver, PATHS["BROADSHEET_ERAPI_URL"], "erapi-latest.json")

    report = refresh(connection, paths, httpserver)

    outcomes = by_key(report)
    assert outcomes["erapi"][0] == "updated"
    if outcomes["ecb"][0] == "failed":
        error = outcomes["ecb"][2]
        assert error is not None and said in error and "Traceback" not in error
        assert report.failed and summary(report).startswith("Could not refresh European Central")
        assert load_market(connection).statuses["ecb"].last_error == error
    else:  # a file with some bad entries gives the good ones
        assert outcomes["ecb"][1] > 0 and case in {"a negative rate only", "a bad code"}
    after = {r.code: r for r in load_market(connection).rates if r.provider == ECB}
    assert after.keys() >= before.keys() - {"JPY"}  # every figure stays (or is replaced)


def test_a_provider_slower_than_its_timeout_fails_alone(
    connection: sqlite3.Connection, paths: AppPaths, httpserver: HTTPServer
) -> None:
    # The slow provider is a listener of its own that takes the connection and never answers, so
    # that the local server stays free for the others (it serves one request at a time).
    with socket.create_server(("127.0.0.1", 0)) as silent:
        address = f"http://127.0.0.1:{silent.getsockname()[1]}/v6/latest/USD"
        serve(httpserver, PATHS["BROADSHEET_ECB_DAILY_URL"], "ecb-daily.xml")
        serve(httpserver, PATHS["BROADSHEET_ECB_HISTORY_URL"], "ecb-hist-90d.xml")
        serve(httpserver, PATHS["BROADSHEET_FRED_URL"], "fred-sp500.csv")
        environ = environment(httpserver) | {"BROADSHEET_ERAPI_URL": address}
        report = MarketReport()
        plan = plan_market(paths.config, (), environ)
        for _ in refresh_market(direct_writer(connection), plan, report, None, QUICK):
            pass

    status, _, error = by_key(report)["erapi"]
    assert status == "failed" and error is not None and "did not answer within 3 seconds" in error
    assert by_key(report)["ecb"][0] == "updated"
    assert by_key(report)["fred"][0] == "updated"


def test_an_unreachable_provider_fails_with_a_sentence(
    connection: sqlite3.Connection, paths: AppPaths, httpserver: HTTPServer
) -> None:
    serve_every_provider(httpserver)
    environ = environment(httpserver) | {"BROADSHEET_ERAPI_URL": "http://127.0.0.1:9/latest"}
    report = MarketReport()
    plan = plan_market(paths.config, (), environ, only={"erapi"})
    for _ in refresh_market(direct_writer(connection), plan, report, None, QUICK):
        pass
    ((key, status, error),) = [(o.key, o.status, o.error) for o in report.outcomes]
    assert (key, status) == ("erapi", "failed") and error and error.endswith(".")


def test_a_cancelled_refresh_says_so(
    connection: sqlite3.Connection, paths: AppPaths, httpserver: HTTPServer
) -> None:
    serve_every_provider(httpserver)
    cancel = threading.Event()
    cancel.set()
    report = refresh(connection, paths, httpserver, cancel=cancel)
    assert report.cancelled and summary(report) == "Market refresh cancelled."


def test_quote_symbols_put_the_watched_first_and_leave_out_the_indexes(
    connection: sqlite3.Connection,
) -> None:
    quotes = load_market(connection).quotes
    symbols = quote_symbols(quotes, ["MSFT", "NGG"])
    assert symbols[:2] == ["MSFT", "NGG"] and symbols.count("NGG") == 1
    assert len(symbols) == 17 and "SP500" not in symbols


# The command line, as a person runs it.


def broadsheet(
    data: Path, server: HTTPServer, *arguments: str, key: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a command on a data folder against the local providers, with ``key`` or none."""
    env = os.environ | environment(server)
    env.pop("BROADSHEET_QUOTES_KEY", None)
    if key:
        env["BROADSHEET_QUOTES_KEY"] = key
    return run_broadsheet(data, *arguments, env=env)


def test_market_refresh_prints_each_provider_and_exits_0(
    data_dir: Path, httpserver: HTTPServer
) -> None:
    serve_every_provider(httpserver, ("NGG",))
    result = broadsheet(data_dir, httpserver, "market", "refresh", "--json")
    assert result.returncode == 0, result.stderr
    providers = json.loads(result.stdout)["providers"]
    assert {p["key"]: p["status"] for p in providers} == {
        "ecb": "updated",
        "ecb-history": "updated",
        "erapi": "updated",
        "fred": "updated",
        "quotes": "skipped",
    }
    assert all(set(p) == {"key", "name", "status", "count", "error"} for p in providers)
    text = broadsheet(data_dir, httpserver, "market", "refresh").stdout
    assert "European Central Bank: updated, 30 figures" in text


def test_market_refresh_exits_2_when_a_provider_failed(
    data_dir: Path, httpserver: HTTPServer
) -> None:
    serve_every_provider(httpserver)
    httpserver.clear_all_handlers()
    serve(httpserver, PATHS["BROADSHEET_ECB_DAILY_URL"], "html-instead.html")
    serve(httpserver, PATHS["BROADSHEET_ECB_HISTORY_URL"], "ecb-hist-90d.xml")
    serve(httpserver, PATHS["BROADSHEET_ERAPI_URL"], "erapi-empty-rates.json")
    serve(httpserver, PATHS["BROADSHEET_FRED_URL"], "fred-sp500.csv")
    result = broadsheet(data_dir, httpserver, "market", "refresh", "--json")
    assert result.returncode == 2
    statuses = {p["key"]: p for p in json.loads(result.stdout)["providers"]}
    assert statuses["ecb"]["status"] == "failed" and statuses["erapi"]["status"] == "failed"
    assert statuses["ecb-history"]["status"] == "updated"
    assert "Traceback" not in result.stderr


def test_convert_rounds_to_the_target_currency_and_gives_rate_and_time(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    data = tmp_path / "fresh"
    # The sample edition: 0.921075 EUR and 149.395503 JPY per USD, as of 25 Oct 2024 16:00 UTC.
    result = broadsheet(data, httpserver, "convert", "100", "USD", "EUR")
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.splitlines()[:2]
    assert first == "100 USD = 92.11 EUR"
    assert second.startswith("1 USD = 0.921075 EUR, as of 2024-10-25 16:00 UTC")
    result = broadsheet(data, httpserver, "convert", "1,000", "usd", "jpy", "--json")
    converted = json.loads(result.stdout)
    assert (converted["result"], converted["to"], converted["stale"]) == ("149396", "JPY", True)


def test_convert_names_an_unknown_code_in_one_line(tmp_path: Path, httpserver: HTTPServer) -> None:
    data = tmp_path / "fresh"
    for arguments in (("100", "USD", "XYZ"), ("100", "QQQ", "EUR"), ("100", "USD", "EURO")):
        result = broadsheet(data, httpserver, "convert", *arguments)
        assert result.returncode == 1 and result.stdout == ""
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and ("XYZ" in lines[0] or "QQQ" in lines[0] or "EURO" in lines[0])


def test_a_provider_that_echoes_the_key_in_its_error_never_gets_it_printed_or_logged(
    data_dir: Path, httpserver: HTTPServer
) -> None:
    serve_every_provider(httpserver)
    httpserver.clear_all_handlers()
    echo = json.dumps({"error": f"Invalid API key {KEY}. Please check your key."}).encode()
    httpserver.expect_request(PATHS["BROADSHEET_QUOTES_URL"]).respond_with_data(
        echo, content_type="application/json"
    )
    serve_every_provider(httpserver)
    env = {**os.environ, **environment(httpserver), "BROADSHEET_QUOTES_KEY": KEY}
    for arguments in (("market", "refresh"), ("market", "refresh", "--json"), ("market",)):
        result = run_broadsheet(data_dir, *arguments, env=env)
        assert KEY not in result.stdout + result.stderr
    said = run_broadsheet(data_dir, "market", "refresh", env=env).stdout
    assert 'Finnhub answered "Invalid API key [your key]' in said
    assert KEY not in (data_dir / "logs" / "broadsheet.log").read_text()
