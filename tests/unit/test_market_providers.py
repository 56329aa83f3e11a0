"""Market providers read from documents in their real formats: what a person would see of each."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain import Quote, Rate
from desktop.market.providers import (
    ECB_DAILY_URL,
    ECB_HISTORY_URL,
    ERAPI_URL,
    FRED_URL,
    QUOTES_URL,
    Provider,
    ProviderError,
    providers,
)
from desktop.market.providers.ecb import parse_ecb
from desktop.market.providers.erapi import parse_erapi
from desktop.market.providers.finnhub import parse_finnhub
from desktop.market.providers.fred import parse_fred
from desktop.market.schedule import PUBLISHERS, TIMETABLES

MARKET = Path(__file__).parent.parent / "fixtures" / "market"
ECB = "European Central Bank"


def fixture(name: str) -> bytes:
    """A fixture file's bytes."""
    return (MARKET / name).read_bytes()


def by_code(rates: tuple[Rate, ...]) -> dict[str, Rate]:
    """Rates by currency code."""
    return {rate.code: rate for rate in rates}


def by_provider(found: list[Provider]) -> dict[str, Provider]:
    """Providers by key."""
    return {provider.key: provider for provider in found}


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    """An aware UTC datetime."""
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


# the ECB


def test_the_ecb_daily_file_gives_every_rate_in_euros_exactly() -> None:
    rates = parse_ecb(fixture("ecb-daily.xml"))
    assert len(rates) == 30
    usd = by_code(rates)["USD"]
    assert usd == Rate("USD", "EUR", Decimal("1.0823"), utc(2024, 10, 25, 14), ECB, False)
    assert str(by_code(rates)["IDR"].rate) == "16986.10"
    assert {(rate.base, rate.provider, rate.snapshot) for rate in rates} == {("EUR", ECB, False)}


def test_ecb_rates_are_dated_1600_in_frankfurt_summer_or_winter() -> None:
    summer = parse_ecb(fixture("ecb-daily.xml"))[0].as_of
    winter = parse_ecb(fixture("ecb-daily.xml").replace(b"2024-10-25", b"2024-12-02"))[0].as_of
    assert summer == utc(2024, 10, 25, 14)  # CEST, UTC+2
    assert winter == utc(2024, 12, 2, 15)  # CET, UTC+1
    assert summer.tzinfo is UTC


def test_the_ecb_history_gives_a_rate_per_currency_per_day() -> None:
    rates = parse_ecb(fixture("ecb-hist-90d.xml"))
    days = sorted({rate.as_of for rate in rates})
    assert len(rates) == 6 * 8 and len(days) == 6
    assert days[0] == utc(2024, 10, 18, 14) and days[-1] == utc(2024, 10, 25, 14)
    usd = {rate.as_of.date().isoformat(): rate.rate for rate in rates if rate.code == "USD"}
    assert usd["2024-10-21"] == Decimal("1.0846") and usd["2024-10-25"] == Decimal("1.0823")


def test_zero_and_negative_ecb_rates_are_skipped_and_the_rest_kept() -> None:
    rates = by_code(parse_ecb(fixture("ecb-negative-rate.xml")))
    assert set(rates) == {"BGN", "CZK"}


def test_ecb_rates_with_codes_that_are_not_three_capitals_are_skipped() -> None:
    rates = by_code(parse_ecb(fixture("ecb-bad-code.xml")))
    assert set(rates) == {"BGN", "GBP"}


def test_an_ecb_file_with_no_valid_rate_left_is_refused() -> None:
    data = fixture("ecb-negative-rate.xml").replace(b"'BGN'", b"'bgn'").replace(b"'CZK'", b"'C'")
    with pytest.raises(ProviderError, match=r"^The European Central Bank's rates could not be"):
        parse_ecb(data)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("ecb-truncated.xml", "the XML ends too early."),
        ("html-instead.html", "the answer is a web page, not XML."),
        ("garbage.bin", "it is not valid XML."),
        ("ecb-no-rates.xml", "it lists no valid rates."),
        ("ecb-bad-date.xml", "'2024-13-45' is not a valid date."),
        ("erapi-latest.json", "it is not valid XML."),
        ("fred-empty.csv", "the answer is empty."),
    ],
)
def test_unreadable_ecb_files_say_why_in_one_sentence(name: str, reason: str) -> None:
    with pytest.raises(ProviderError) as caught:
        parse_ecb(fixture(name))
    assert str(caught.value) == f"The European Central Bank's rates could not be read: {reason}"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<?xml version='1.0'?><rss version='2.0'><channel/></rss>", "no dated rates"),
        (b"<Cube><Cube time='2024/10/25'><Cube currency='USD' rate='1'/></Cube></Cube>", "date"),
        (b"<Cube><Cube time='2024-10-25'><Cube currency='USD' rate='1,08'/></Cube></Cube>", "no"),
        (b"<Cube><Cube time='2024-10-25'><Cube currency='USD' rate='NaN'/></Cube></Cube>", "no"),
        (b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]><Cube>&a;</Cube>", "entities"),
        (b"   \n", "empty"),
    ],
)
def test_other_unreadable_ecb_documents_raise_provider_errors(data: bytes, reason: str) -> None:
    with pytest.raises(ProviderError, match=reason):
        parse_ecb(data)


# ExchangeRate-API


def test_exchangerate_api_rates_are_exact_decimals_in_dollars() -> None:
    rates = by_code(parse_erapi(fixture("erapi-latest.json")))
    assert len(rates) == 33
    eur = rates["EUR"]
    assert eur == Rate("EUR", "USD", Decimal("0.924011"), utc(2024, 10, 25, 0, 2, 31), eur.provider)
    assert eur.provider == "ExchangeRate-API" and not eur.snapshot
    assert str(rates["IDR"].rate) == "15681.932754" and str(rates["XAU"].rate) == "0.000364"
    assert rates["USD"].rate == 1 and all(type(rate.rate) is Decimal for rate in rates.values())


def test_an_exchangerate_api_error_names_its_error_type() -> None:
    with pytest.raises(ProviderError) as caught:
        parse_erapi(fixture("erapi-error.json"))
    assert str(caught.value) == (
        'ExchangeRate-API\'s rates could not be read: it answered "unsupported-code".'
    )


def test_bad_exchangerate_api_entries_are_skipped_and_the_rest_kept() -> None:
    data = fixture("erapi-empty-rates.json").replace(
        b'"rates": {}',
        b'"rates": {"usd": 1, "EUR": -0.92, "GBP": 0, "JPY": "152.04", "EURO": 1, "CHF": 0.8664}',
    )
    assert list(by_code(parse_erapi(data))) == ["CHF"]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("erapi-empty-rates.json", "it lists no rates."),
        ("html-instead.html", "the answer is a web page, not JSON."),
        ("garbage.bin", "it is not JSON text."),
        ("ecb-daily.xml", "it is not valid JSON."),
        ("fred-empty.csv", "the answer is empty."),
    ],
)
def test_unreadable_exchangerate_api_files_say_why(name: str, reason: str) -> None:
    with pytest.raises(ProviderError) as caught:
        parse_erapi(fixture(name))
    assert str(caught.value) == f"ExchangeRate-API's rates could not be read: {reason}"


GOOD = b'"result": "success", "base_code": "USD", "time_last_update_unix": 1729814551'


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'{"result": "success", "rates": {"EUR": 0.92', "the JSON ends too early"),
        (b"[1, 2, 3]", "the JSON is not an object"),
        (b'{"result": "error"}', "it answered an error"),
        (b'{"rates": {"EUR": 0.92}}', "the JSON is not a rates document"),
        (b"{" + GOOD + b', "rates": [0.92]}', "it lists no rates"),
        (b"{" + GOOD + b', "rates": {"EUR": NaN}}', "it is not valid JSON"),
        (b"{" + GOOD + b', "rates": {"eur": 0.92, "GBP": -1}}', "it lists no valid rates"),
        (
            b"{" + GOOD.replace(b"1729814551", b'"yesterday"') + b', "rates": {"EUR": 1}}',
            "its time",
        ),
        (
            b"{" + GOOD.replace(b'"USD"', b'"dollars"') + b', "rates": {"EUR": 1}}',
            "it names no base",
        ),
        (b"[" * 100_000, "it is not valid JSON"),
    ],
)
def test_exchangerate_api_documents_of_the_wrong_shape_are_refused(
    data: bytes, reason: str
) -> None:
    with pytest.raises(
        ProviderError, match=f"^ExchangeRate-API's rates could not be read: {reason}"
    ):
        parse_erapi(data)


# FRED


def test_a_fred_series_becomes_quotes_changed_since_the_previous_close() -> None:
    quotes = parse_fred(fixture("fred-sp500.csv"), "SP500")
    assert len(quotes) == 8  # nine closes (one day has none): the first is only a base
    first, last = quotes[0], quotes[-1]
    assert first == Quote(
        "SP500",
        "S&P 500",
        Decimal("5815.26"),
        Decimal("-44.59"),
        Decimal("-0.7609"),
        "USD",
        utc(2024, 10, 15, 20),
        "FRED (St. Louis Fed)",
    )
    # The 24th has no figure, so the 25th is measured against the 23rd.
    assert (last.price, last.change, last.percent) == (
        Decimal("5808.12"),
        Decimal("10.70"),
        Decimal("0.1846"),
    )
    assert last.as_of == utc(2024, 10, 25, 20)  # 16:00 EDT


def test_older_fred_files_with_a_date_header_and_empty_gaps_are_read() -> None:
    quotes = parse_fred(fixture("fred-djia-old.csv"), "DJIA")
    assert [(quote.name, quote.price, quote.change) for quote in quotes] == [
        ("Dow Jones Industrial Average", Decimal("42514.95"), Decimal("-409.94")),
        ("Dow Jones Industrial Average", Decimal("42114.40"), Decimal("-400.55")),
    ]


def test_fred_closes_are_dated_1600_in_new_york_in_winter_too() -> None:
    data = b"observation_date,NASDAQCOM\n2024-12-05,19700.26\n2024-12-06,19859.77\n"
    (quote,) = parse_fred(data, "NASDAQCOM")
    assert quote.as_of == utc(2024, 12, 6, 21) and quote.name == "NASDAQ Composite"


def test_a_fred_figure_that_is_not_a_price_is_skipped() -> None:
    data = b"observation_date,SP500\n2024-10-23,5797.42\n2024-10-24,n/a\n2024-10-25,5808.12\n"
    assert [quote.price for quote in parse_fred(data, "SP500")] == [Decimal("5808.12")]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (fixture("fred-empty.csv"), "the answer is empty."),
        (b"\n\n", "the answer is empty."),
        (
            fixture("fred-header-only.csv"),
            "it has fewer than two closes, so no change can be given.",
        ),
        (fixture("html-instead.html"), "the answer is a web page, not CSV."),
        (fixture("garbage.bin"), "it is not CSV text."),
        (fixture("fred-djia-old.csv"), "its first line is not a FRED header for NASDAQCOM."),
        (b"observation_date,NASDAQCOM\n25/10/2024,19700.26\n", "'25/10/2024' is not a valid date."),
        (b"observation_date,NASDAQCOM\n2024-10-25,1,2\n", "a row of the CSV does not have two"),
        (
            b"observation_date,NASDAQCOM\n2024-10-24,1e-30\n2024-10-25,1e30\n",
            "its closes are too far apart",
        ),
    ],
)
def test_unreadable_fred_files_say_why(data: bytes, reason: str) -> None:
    with pytest.raises(ProviderError) as caught:
        parse_fred(data, "NASDAQCOM")
    assert str(caught.value).startswith(f"FRED's NASDAQCOM series could not be read: {reason}")


# Finnhub


def test_a_finnhub_quote_is_read_exactly_and_named_by_its_symbol() -> None:
    assert parse_finnhub(fixture("finnhub-aapl.json"), "AAPL") == Quote(
        "AAPL",
        "AAPL",
        Decimal("231.41"),
        Decimal("0.84"),
        Decimal("0.3643"),
        "USD",
        utc(2024, 10, 25, 20),
        "Finnhub",
    )


def test_a_symbol_finnhub_does_not_know_gives_no_quote() -> None:
    assert parse_finnhub(fixture("finnhub-unknown.json"), "ZZZZ") is None


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'{"error": "Invalid API key."}', 'Finnhub answered "Invalid API key".'),
        (b'{"c": "231.41", "d": 0.84, "dp": 0.36, "t": 1729886400}', "it lacks a price"),
        (b'{"c": 231.41, "d": null, "dp": null, "t": 1729886400}', "it lacks a price"),
        (b'{"c": 231.41, "d": 0.84, "dp": 0.3643, "t": 0}', "its time is missing"),
        (b'{"c": 231.41, "d": 0.84, "dp": 0.3643}', "its time is missing"),
        (b'"AAPL"', "the JSON is not an object"),
        (fixture("html-instead.html"), "the answer is a web page, not JSON."),
    ],
)
def test_unreadable_finnhub_answers_say_why(data: bytes, reason: str) -> None:
    with pytest.raises(ProviderError) as caught:
        parse_finnhub(data, "AAPL")
    assert str(caught.value).startswith(f"Finnhub's quote for AAPL could not be read: {reason}")


# no reader lets another exception out


@pytest.mark.parametrize(
    "name", ["ecb-daily.xml", "erapi-latest.json", "fred-sp500.csv", "finnhub-aapl.json"]
)
def test_every_truncation_of_every_document_reads_or_raises_a_provider_error(name: str) -> None:
    data = fixture(name)
    readers = [
        parse_ecb,
        parse_erapi,
        lambda cut: parse_fred(cut, "SP500"),
        lambda cut: parse_finnhub(cut, "AAPL"),
    ]
    for end in range(len(data)):
        for read in readers:
            with contextlib.suppress(ProviderError):
                read(data[:end])


# the providers


def test_without_a_quote_key_there_are_four_providers_at_their_default_addresses() -> None:
    found = by_provider(providers({}, None, ["AAPL"]))
    assert list(found) == ["ecb", "ecb-history", "erapi", "fred"]
    assert [found[key].url for key in ("ecb", "ecb-history", "erapi", "fred")] == [
        ECB_DAILY_URL,
        ECB_HISTORY_URL,
        ERAPI_URL,
        FRED_URL,
    ]
    assert {provider.period for provider in found.values()} == {timedelta(days=1)}
    assert found["ecb"].name == found["ecb-history"].name == ECB
    assert found["fred"].name == "FRED (St. Louis Fed)"


def test_only_exchangerate_api_carries_its_required_attribution() -> None:
    found = by_provider(providers({}, "key", ["AAPL"]))
    attribution = found["erapi"].attribution or ""
    assert "Rates By Exchange Rate API" in attribution
    assert "https://www.exchangerate-api.com" in attribution
    assert [key for key, provider in found.items() if provider.attribution] == ["erapi"]


def test_with_a_key_finnhub_quotes_every_symbol_once_every_15_minutes() -> None:
    quotes = by_provider(providers({}, " secret-key ", ["AAPL", "MSFT", "AAPL", " "]))["quotes"]
    assert (quotes.name, quotes.url, quotes.period) == (
        "Finnhub",
        QUOTES_URL,
        timedelta(minutes=15),
    )
    assert [request.url for request in quotes.requests()] == [
        f"{QUOTES_URL}?symbol=AAPL",
        f"{QUOTES_URL}?symbol=MSFT",
    ]
    assert all(
        request.secret_headers == (("X-Finnhub-Token", "secret-key"),)
        for request in quotes.requests()
    )
    assert "secret-key" not in repr(quotes) and "secret-key" not in repr(quotes.requests())


def test_a_key_without_symbols_or_no_index_series_leave_their_providers_out() -> None:
    assert "quotes" not in by_provider(providers({}, "key", []))
    assert "quotes" not in by_provider(providers({}, "  ", ["AAPL"]))
    assert "fred" not in by_provider(providers({}, None, [], index_series=()))


def test_fred_asks_for_each_series_by_id() -> None:
    fred = by_provider(providers({}, None, [], ["SP500", "DJIA"]))["fred"]
    assert [request.url for request in fred.requests()] == [
        f"{FRED_URL}?id=SP500",
        f"{FRED_URL}?id=DJIA",
    ]
    assert fred.requests()[0].accept.startswith("text/csv")


def test_environment_variables_override_every_address() -> None:
    environ = {
        "BROADSHEET_ECB_DAILY_URL": "http://local/daily.xml",
        "BROADSHEET_ECB_HISTORY_URL": "http://local/hist.xml",
        "BROADSHEET_ERAPI_URL": "http://local/latest",
        "BROADSHEET_FRED_URL": "http://local/fred.csv?cosd=2024-01-01",
        "BROADSHEET_QUOTES_URL": "http://local/quote",
    }
    found = providers(environ, "k", ["AAPL"], ["SP500"])
    assert [request.url for provider in found for request in provider.requests()] == [
        "http://local/daily.xml",
        "http://local/hist.xml",
        "http://local/latest",
        "http://local/fred.csv?cosd=2024-01-01&id=SP500",
        "http://local/quote?symbol=AAPL",
    ]


def test_a_blank_environment_variable_keeps_the_default() -> None:
    ecb = providers({"BROADSHEET_ECB_DAILY_URL": "  "}, None, [])[0]
    assert ecb.url == ECB_DAILY_URL


def test_every_provider_has_a_timetable_by_its_name_and_its_key() -> None:
    for provider in providers({}, "key", ["AAPL"]):
        assert provider.name in PUBLISHERS, provider.name
        assert provider.key in TIMETABLES, provider.key


def test_a_provider_parses_its_answers_by_requested_url() -> None:
    ecb, history, erapi, _ = providers({}, None, [])
    assert len(ecb.parse({ECB_DAILY_URL: fixture("ecb-daily.xml")}).rates) == 30
    assert len(history.parse({ECB_HISTORY_URL: fixture("ecb-hist-90d.xml")}).rates) == 48
    figures = erapi.parse({ERAPI_URL: fixture("erapi-latest.json")})
    assert len(figures.rates) == 33 and figures.quotes == ()


def test_a_provider_without_its_answer_says_so() -> None:
    with pytest.raises(ProviderError) as caught:
        providers({}, None, [])[0].parse({})
    assert str(caught.value) == (
        "The European Central Bank's rates could not be read: no answer came back."
    )


def quote_provider(*symbols: str) -> Provider:
    """Finnhub for these symbols with the key "k"."""
    return by_provider(providers({}, "k", symbols))["quotes"]


def test_unknown_and_unanswered_symbols_are_skipped() -> None:
    finnhub = quote_provider("AAPL", "ZZZZ", "MSFT")
    urls = [request.url for request in finnhub.requests()]
    answers = {urls[0]: fixture("finnhub-aapl.json"), urls[1]: fixture("finnhub-unknown.json")}
    assert [quote.symbol for quote in finnhub.parse(answers).quotes] == ["AAPL"]


def test_an_unreadable_symbol_is_skipped_while_others_read() -> None:
    finnhub = quote_provider("AAPL", "MSFT")
    urls = [request.url for request in finnhub.requests()]
    answers = {urls[0]: fixture("html-instead.html"), urls[1]: fixture("finnhub-aapl.json")}
    assert [quote.symbol for quote in finnhub.parse(answers).quotes] == ["MSFT"]


def test_when_every_symbol_is_unknown_the_provider_says_so() -> None:
    finnhub = quote_provider("ZZZZ", "QQQQX")
    answers = {request.url: fixture("finnhub-unknown.json") for request in finnhub.requests()}
    with pytest.raises(ProviderError) as caught:
        finnhub.parse(answers)
    assert str(caught.value) == (
        "Finnhub's quotes could not be read: it knows none of the symbols asked for (ZZZZ, QQQQX)."
    )


def test_when_every_answer_is_unreadable_the_first_reason_is_given() -> None:
    fred = by_provider(providers({}, None, [], ["SP500", "DJIA"]))["fred"]
    answers = {request.url: b"" for request in fred.requests()}
    with pytest.raises(ProviderError, match=r"^FRED's SP500 series could not be read: the answer"):
        fred.parse(answers)
    with pytest.raises(ProviderError, match=r"^FRED's index series could not be read: no answer"):
        fred.parse({})
