"""Market providers fetched from a local server as the app fetches them, addresses set by env."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from pytest_httpserver import HTTPServer

from desktop.market.providers import Figures, Provider, ProviderError, providers
from desktop.net.fetch import Failure, FailureKind, Limits, Response, fetch_all
from tests.marketserver import KEY, KEYED, environment, serve

QUICK = Limits(connect_timeout=2.0, total_timeout=5.0)


def fetch_and_parse(provider: Provider) -> tuple[Figures, list[Failure]]:
    """Fetch a provider's requests with ``fetch_all`` and parse what was answered."""

    async def run() -> list[Response | Failure]:
        return [result async for result in fetch_all(provider.requests(), QUICK)]

    results = asyncio.run(run())
    answers = {result.url: result.body for result in results if isinstance(result, Response)}
    failures = [result for result in results if isinstance(result, Failure)]
    return provider.parse(answers), failures


def by_key(found: list[Provider]) -> dict[str, Provider]:
    """Providers by key."""
    return {provider.key: provider for provider in found}


def test_every_provider_is_fetched_from_its_overridden_address_and_read(
    httpserver: HTTPServer,
) -> None:
    serve(httpserver, "/ecb/eurofxref-daily.xml", "ecb-daily.xml")
    serve(httpserver, "/ecb/eurofxref-hist-90d.xml", "ecb-hist-90d.xml")
    serve(httpserver, "/v6/latest/USD", "erapi-latest.json")
    serve(httpserver, "/graph/fredgraph.csv", "fred-sp500.csv", {"id": "SP500"})
    serve(httpserver, "/graph/fredgraph.csv", "fred-djia-old.csv", {"id": "DJIA"})
    serve(httpserver, "/api/v1/quote", "finnhub-aapl.json", {"symbol": "AAPL"}, KEYED)
    serve(httpserver, "/api/v1/quote", "finnhub-unknown.json", {"symbol": "ZZZZ"}, KEYED)
    found = by_key(providers(environment(httpserver), KEY, ["AAPL", "ZZZZ"], ["SP500", "DJIA"]))

    figures = {key: fetch_and_parse(provider) for key, provider in found.items()}

    assert all(failures == [] for _, failures in figures.values())
    assert len(figures["ecb"][0].rates) == 30 and len(figures["ecb-history"][0].rates) == 48
    assert {rate.base for rate in figures["erapi"][0].rates} == {"USD"}
    assert [quote.symbol for quote in figures["fred"][0].quotes] == ["SP500"] * 8 + ["DJIA"] * 2
    (aapl,) = figures["quotes"][0].quotes
    assert (aapl.symbol, aapl.price, aapl.provider) == ("AAPL", Decimal("231.41"), "Finnhub")
    assert aapl.as_of == datetime(2024, 10, 25, 20, tzinfo=UTC)
    httpserver.check_assertions()


def test_finnhub_is_sent_the_symbol_and_the_key_on_every_request(httpserver: HTTPServer) -> None:
    for symbol in ("AAPL", "BRK.B"):
        serve(httpserver, "/api/v1/quote", "finnhub-aapl.json", {"symbol": symbol}, KEYED)
    quotes = by_key(providers(environment(httpserver), KEY, ["AAPL", "BRK.B"]))["quotes"]

    figures, failures = fetch_and_parse(quotes)

    assert failures == [] and [quote.symbol for quote in figures.quotes] == ["AAPL", "BRK.B"]
    sent = sorted(
        (request.args["symbol"], request.headers["X-Finnhub-Token"])
        for request, _ in httpserver.log
    )
    assert sent == [("AAPL", KEY), ("BRK.B", KEY)]
    assert all("token" not in request.args for request, _ in httpserver.log)
    assert {request.path for request, _ in httpserver.log} == {"/api/v1/quote"}


def test_requests_ask_for_the_format_each_provider_answers_in(httpserver: HTTPServer) -> None:
    serve(httpserver, "/ecb/eurofxref-daily.xml", "ecb-daily.xml")
    serve(httpserver, "/graph/fredgraph.csv", "fred-sp500.csv", {"id": "SP500"})
    found = by_key(providers(environment(httpserver), None, [], ["SP500"]))

    fetch_and_parse(found["ecb"])
    fetch_and_parse(found["fred"])

    accepts = [request.headers["Accept"] for request, _ in httpserver.log]
    assert accepts[0].startswith("application/xml") and accepts[1].startswith("text/csv")


def test_without_a_key_no_quote_is_asked_for(httpserver: HTTPServer) -> None:
    found = providers(environment(httpserver), None, ["AAPL"])
    assert "quotes" not in by_key(found)
    assert all("/api/v1/quote" not in r.url for p in found for r in p.requests())


def test_a_series_that_fails_to_fetch_is_left_out_and_the_rest_read(
    httpserver: HTTPServer,
) -> None:
    serve(httpserver, "/graph/fredgraph.csv", "fred-sp500.csv", {"id": "SP500"})
    httpserver.expect_request(
        "/graph/fredgraph.csv", query_string={"id": "DJIA"}
    ).respond_with_data("Not found", status=404)
    fred = by_key(providers(environment(httpserver), None, [], ["SP500", "DJIA"]))["fred"]

    figures, failures = fetch_and_parse(fred)

    assert {quote.symbol for quote in figures.quotes} == {"SP500"}
    assert [failure.kind for failure in failures] == [FailureKind.NOT_FOUND]


def test_a_web_page_where_rates_were_expected_is_a_provider_error(httpserver: HTTPServer) -> None:
    serve(httpserver, "/v6/latest/USD", "html-instead.html")
    erapi = by_key(providers(environment(httpserver), None, []))["erapi"]
    with pytest.raises(ProviderError) as caught:
        fetch_and_parse(erapi)
    assert str(caught.value) == (
        "ExchangeRate-API's rates could not be read: the answer is a web page, not JSON."
    )


def test_an_unknown_base_is_reported_by_exchangerate_api_itself(httpserver: HTTPServer) -> None:
    serve(httpserver, "/v6/latest/USD", "erapi-error.json")
    erapi = by_key(providers(environment(httpserver), None, []))["erapi"]
    with pytest.raises(ProviderError, match='it answered "unsupported-code"'):
        fetch_and_parse(erapi)


def test_when_no_answer_comes_back_the_provider_says_so(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/ecb/eurofxref-daily.xml").respond_with_data("busy", status=503)
    ecb = by_key(providers(environment(httpserver), None, []))["ecb"]
    with pytest.raises(ProviderError, match="no answer came back"):
        fetch_and_parse(ecb)
