"""Market figures: exact rebasing across providers, staleness, currency names and the report."""

from __future__ import annotations

import itertools
import json
import sys
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain import Quote, Rate
from desktop.ingest.edition import read_market_snapshot
from desktop.market.names import currency_name
from desktop.market.rates import (
    DEFAULT_PERIOD,
    RETIRED,
    UnknownCurrencyError,
    convert,
    is_stale,
    minor_unit,
    quote_is_stale,
    rate_is_stale,
    rebase,
    retired,
    stale_reason,
)
from desktop.market.report import market_report
from desktop.paths import resource

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
LIVE = "Live rates"


def usd_rates(provider: str = LIVE, as_of: datetime = NOW) -> list[Rate]:
    """A USD-based set of rates."""
    figures = {"EUR": "0.921075", "GBP": "0.767085", "AED": "3.673031", "XAU": "0.000367"}
    return [Rate(code, "USD", Decimal(value), as_of, provider) for code, value in figures.items()]


def eur_rates(provider: str = "Euro bank", *, with_usd: bool = True) -> list[Rate]:
    """A EUR-based set of rates, consistent with ``usd_rates``, plus yen only this set has."""
    per_eur = {"GBP": Decimal("0.767085") / Decimal("0.921075"), "JPY": Decimal("162.45")}
    if with_usd:
        per_eur["USD"] = 1 / Decimal("0.921075")
    return [Rate(code, "EUR", value, NOW, provider) for code, value in per_eur.items()]


def table(rates: list[Rate]) -> dict[str, Decimal]:
    """Rates by currency code."""
    return {rate.code: rate.rate for rate in rates}


def quote(symbol: str = "BTI", as_of: datetime = NOW, *, snapshot: bool = False) -> Quote:
    """A stock quote."""
    return Quote(
        symbol,
        "British American Tobacco",
        Decimal("34.5"),
        Decimal("-0.87"),
        Decimal("-2.52"),
        "USD",
        as_of,
        LIVE,
        snapshot,
    )


# rebase


def test_rebasing_to_euros_divides_exactly() -> None:
    rates = table(rebase(usd_rates(), "EUR"))
    eur_per_usd = Decimal("0.921075")
    assert rates["AED"] == Decimal("3.673031") / eur_per_usd
    assert rates["XAU"] == Decimal("0.000367") / eur_per_usd
    assert rates["USD"] == Decimal(1) / eur_per_usd
    assert all(isinstance(rate, Decimal) for rate in rates.values())


def test_the_sample_rebased_to_euros_divides_exactly() -> None:
    snapshot = read_market_snapshot(resource("sample", "market.json"))
    per_usd = table(list(snapshot.rates))
    per_eur = table(rebase(snapshot.rates, "EUR"))
    assert set(per_eur) == set(per_usd) | {"USD"}
    for code, rate in per_usd.items():
        assert per_eur[code] == rate / per_usd["EUR"], code


def test_the_base_currency_is_worth_one_of_itself() -> None:
    for base in ("USD", "EUR", "AED"):
        rebased = rebase(usd_rates(), base)
        assert table(rebased)[base] == Decimal(1)
        assert all(rate.base == base for rate in rebased)


def test_rebased_rates_keep_provider_time_and_order() -> None:
    rebased = rebase(usd_rates(as_of=NOW - timedelta(hours=3)), "GBP")
    assert [rate.code for rate in rebased] == sorted(rate.code for rate in rebased)
    assert {rate.provider for rate in rebased} == {LIVE}
    assert {rate.as_of for rate in rebased} == {NOW - timedelta(hours=3)}


@pytest.mark.parametrize("with_usd", [True, False])
@pytest.mark.parametrize("base", ["USD", "EUR", "GBP", "AED", "JPY"])
def test_two_providers_with_different_bases_give_consistent_cross_rates(
    base: str, with_usd: bool
) -> None:
    rates = table(rebase([*usd_rates(), *eur_rates(with_usd=with_usd)], base))
    assert set(rates) == {"USD", "EUR", "GBP", "AED", "XAU", "JPY"}
    assert rates[base] == 1
    # Whatever the base, one currency buys as much of another.
    reference = table(rebase([*usd_rates(), *eur_rates(with_usd=with_usd)], "EUR"))
    for one, other in itertools.permutations(rates, 2):
        assert rates[other] / rates[one] == pytest.approx(
            reference[other] / reference[one], rel=Decimal("1e-20")
        ), (one, other)
    assert rates["JPY"] / rates["EUR"] == pytest.approx(Decimal("162.45"), rel=Decimal("1e-20"))


def test_the_first_provider_of_a_currency_wins() -> None:
    other = [Rate("GBP", "USD", Decimal("0.80"), NOW, "Second opinion")]
    rates = {rate.code: rate for rate in rebase([*usd_rates(), *other], "USD")}
    assert rates["GBP"].rate == Decimal("0.767085") and rates["GBP"].provider == LIVE


def test_a_fresher_rate_wins_even_one_implied_by_a_provider_base() -> None:
    """The ECB's euro (its base, worth 1 euro) today beats a snapshot's euro of last year."""
    old = NOW - timedelta(days=400)
    snapshot = [Rate("EUR", "USD", Decimal("0.9"), old, "Snapshot", snapshot=True)]
    ecb = [Rate("USD", "EUR", Decimal("1.25"), NOW, "Euro bank")]
    rates = {rate.code: rate for rate in rebase([*snapshot, *ecb], "USD")}
    assert (rates["EUR"].rate, rates["EUR"].provider) == (Decimal("0.8"), "Euro bank")


def test_a_currency_without_any_rate_is_unknown() -> None:
    with pytest.raises(
        UnknownCurrencyError, match="No rate is known for the currency XXX"
    ) as caught:
        rebase(usd_rates(), "XXX")
    assert caught.value.code == "XXX"


def test_no_rates_know_no_currency() -> None:
    with pytest.raises(UnknownCurrencyError):
        rebase([], "USD")


# staleness


def test_a_snapshot_is_always_stale() -> None:
    assert is_stale(NOW, True, "European Central Bank", NOW)
    assert rate_is_stale(Rate("EUR", "USD", Decimal(1), NOW, LIVE, snapshot=True), NOW)
    assert quote_is_stale(quote(snapshot=True), NOW)


def test_a_provider_without_a_timetable_is_fresh_within_the_default_period() -> None:
    assert not is_stale(NOW, False, LIVE, NOW)
    assert not is_stale(NOW - DEFAULT_PERIOD, False, LIVE, NOW)
    assert not quote_is_stale(quote(as_of=NOW - timedelta(hours=20)), NOW)
    assert is_stale(NOW - DEFAULT_PERIOD - timedelta(seconds=1), False, LIVE, NOW)
    assert rate_is_stale(Rate("EUR", "USD", Decimal(1), NOW - timedelta(days=3), LIVE), NOW)


def test_the_ecb_friday_rates_stay_current_over_the_weekend() -> None:
    friday = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)  # 16:00 in Frankfurt
    monday = datetime(2026, 11, 23, tzinfo=UTC)
    ecb = "European Central Bank"
    # Monday's rates are due at 15:00 UTC; an hour later, Friday's are stale.
    assert not is_stale(friday, False, ecb, monday.replace(hour=15, minute=59))
    assert is_stale(friday, False, ecb, monday.replace(hour=16))


def test_currency_names_in_english() -> None:
    assert currency_name("EUR", "en_US") == "Euro"
    assert currency_name("USD", "en") == "US Dollar"
    assert currency_name("JPY", "en_US") == "Japanese Yen"


def test_currency_names_follow_the_language() -> None:
    assert currency_name("USD", "de_DE") == "US-Dollar"


def test_crown_dependency_pounds_have_names() -> None:
    assert currency_name("GGP") == "Guernsey Pound"
    assert currency_name("IMP") == "Manx Pound"
    assert currency_name("JEP") == "Jersey Pound"


@pytest.mark.parametrize("code", ["XYZ", "QQQ"])
def test_an_unknown_code_is_named_by_itself(code: str) -> None:
    assert currency_name(code, "en_US") == code


# the report


def test_the_report_has_every_rate_but_the_base() -> None:
    report = market_report(usd_rates(), [quote()], "EUR", NOW)
    assert report["base"] == "EUR"
    assert [rate["code"] for rate in report["rates"]] == ["AED", "GBP", "USD", "XAU"]
    usd = report["rates"][2]
    assert usd == {
        "code": "USD",
        "name": currency_name("USD"),
        "rate": float(Decimal(1) / Decimal("0.921075")),
        "as_of": NOW.isoformat(),
        "undated": False,
        "saved": None,
        "provider": LIVE,
        "stale": False,
    }


def test_the_report_shows_quotes_as_numbers() -> None:
    report = market_report([], [quote(as_of=NOW - timedelta(days=5))], "USD", NOW)
    assert report["rates"] == []
    assert report["quotes"] == [
        {
            "symbol": "BTI",
            "name": "British American Tobacco",
            "price": 34.5,
            "change": -0.87,
            "percent": -2.52,
            "currency": "USD",
            "as_of": (NOW - timedelta(days=5)).isoformat(),
            "undated": False,
            "saved": None,
            "provider": LIVE,
            "stale": True,
        }
    ]


def test_the_sample_report_in_dollars() -> None:
    snapshot = read_market_snapshot(resource("sample", "market.json"))
    report = market_report(snapshot.rates, snapshot.quotes, "USD", NOW)
    rates = {rate["code"]: rate for rate in report["rates"]}
    assert len(rates) == 169 and "USD" not in rates
    assert rates["EUR"]["rate"] == 0.921075 and rates["EUR"]["name"] == currency_name("EUR")
    assert all(rate["stale"] for rate in report["rates"])
    assert len(report["quotes"]) == 16 and all(quote["stale"] for quote in report["quotes"])


def test_the_report_refuses_an_unknown_base() -> None:
    with pytest.raises(UnknownCurrencyError):
        market_report(usd_rates(), [], "XXX", NOW)


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the names and minor units are kept, with nothing remembered yet."""
    from desktop.market import names

    for name, empty in (("_remembered", {}), ("_remembered_places", {}), ("_unsaved", False)):
        monkeypatch.setattr(names, name, empty)
    monkeypatch.setattr(names, "_cache_file", None)
    return tmp_path / "cache" / "currency-names.json"


def test_names_once_looked_up_are_kept_and_read_back_without_babel(
    kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.market import names

    names.remember_names_in(kept)
    first = names.currency_name("CHF")
    assert first == names.currency_name("CHF", names.display_locale()) != "CHF"
    names.save_remembered_names()
    assert kept.exists()

    monkeypatch.setattr(names, "_remembered", {})

    def no_babel(code: str, language: str) -> str:
        raise AssertionError("babel was asked again")

    monkeypatch.setattr(names, "_cldr_name", no_babel)
    names.remember_names_in(kept)
    assert names.currency_name("CHF") == first


def test_minor_units_once_looked_up_are_kept_and_read_back_without_babel(
    kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.market import names

    names.remember_names_in(kept)
    assert (names.minor_places("JPY"), names.minor_places("KWD")) == (0, 3)
    names.save_remembered_names()

    monkeypatch.setattr(names, "_remembered_places", {})
    monkeypatch.setitem(sys.modules, "babel.numbers", None)  # importing it now fails
    names.remember_names_in(kept)
    assert minor_unit("KWD") == Decimal("0.001") and minor_unit("JPY") == Decimal(1)
    with pytest.raises(ImportError):
        names.minor_places("EUR")  # never looked up: only babel knows


def test_a_names_file_from_before_minor_units_is_still_read(kept: Path) -> None:
    from desktop.market import names

    kept.parent.mkdir()
    document = {"format": 1, "language": names.system_language(), "names": {"CHF": "Swiss"}}
    kept.write_text(json.dumps(document))
    names.remember_names_in(kept)
    assert names.currency_name("CHF") == "Swiss"


# converting


def per_usd(code: str, value: str) -> list[Rate]:
    """One USD-based rate."""
    return [Rate(code, "USD", Decimal(value), NOW, LIVE)]


def test_converting_dollars_to_euros_rounds_to_cents() -> None:
    conversion = convert(Decimal(100), "USD", "EUR", usd_rates())
    assert conversion.result == Decimal("92.11")  # 92.1075
    assert conversion.rate == Decimal("0.921075")
    assert (conversion.amount, conversion.from_code, conversion.to_code) == (
        Decimal(100),
        "USD",
        "EUR",
    )
    assert (conversion.as_of, conversion.providers) == (NOW, (LIVE,))


@pytest.mark.parametrize(
    ("code", "rate", "amount", "result"),
    [
        ("EUR", "0.125", "1", "0.12"),  # a tie goes to the even cent
        ("EUR", "0.125", "3", "0.38"),
        ("JPY", "149.5", "1", "150"),  # yen have no decimals
        ("JPY", "149.5", "3", "448"),
        ("KWD", "0.30665", "10", "3.066"),  # dinars have three
        ("KWD", "0.30665", "30", "9.200"),
        ("XAU", "0.000367", "1", "0.000367"),  # gold in ounces keeps six
        ("XAU", "0.000367", "1000", "0.367000"),
    ],
)
def test_results_round_half_even_to_the_target_currencys_minor_units(
    code: str, rate: str, amount: str, result: str
) -> None:
    converted = convert(Decimal(amount), "USD", code, per_usd(code, rate)).result
    assert str(converted) == result


def test_converting_between_two_currencies_that_are_not_the_base_divides_exactly() -> None:
    conversion = convert(Decimal(100), "EUR", "GBP", usd_rates())
    assert conversion.rate == Decimal("0.767085") / Decimal("0.921075")
    assert conversion.result == Decimal("83.28")  # 83.2815...


def test_a_conversion_across_providers_is_as_old_as_its_older_rate() -> None:
    yesterday = NOW - timedelta(days=1)
    yen = Rate("JPY", "EUR", Decimal("162.45"), yesterday, "Euro bank")
    conversion = convert(Decimal(1000), "JPY", "GBP", [*usd_rates(), yen])
    assert conversion.result == Decimal("5.13")  # 1000 * 0.767085 / (162.45 * 0.921075)
    assert conversion.as_of == yesterday
    assert conversion.providers == ("Euro bank", LIVE)


def test_a_currency_converted_to_itself_is_unchanged() -> None:
    conversion = convert(Decimal("5"), "USD", "USD", usd_rates())
    assert (conversion.result, conversion.rate) == (Decimal("5.00"), Decimal(1))


@pytest.mark.parametrize(("from_code", "to_code"), [("USD", "XXX"), ("XXX", "USD")])
def test_converting_from_or_to_an_unknown_currency_names_it(from_code: str, to_code: str) -> None:
    with pytest.raises(UnknownCurrencyError) as caught:
        convert(Decimal(1), from_code, to_code, usd_rates())
    assert caught.value.code == "XXX"


# retired currencies


def test_a_retired_currency_names_its_successor_and_why() -> None:
    assert retired("LTL") == ("EUR", "Lithuania adopted the euro in 2015.")
    assert retired("ZWL") == ("ZWG", RETIRED["ZWL"][1])
    assert retired("EUR") is None and retired("ltl") is None


def test_every_successor_is_a_current_currency_and_every_reason_a_dated_sentence() -> None:
    assert len(RETIRED) == 11
    for code, (successor, sentence) in RETIRED.items():
        assert successor not in RETIRED and successor != code
        assert sentence.endswith(".") and any(str(year) in sentence for year in range(2013, 2025))


# why a figure is stale


def test_a_snapshot_says_it_is_not_live() -> None:
    as_of = datetime(2024, 10, 25, 14, tzinfo=UTC)
    assert stale_reason(as_of, True, "Sample edition snapshot", NOW) == (
        "A snapshot from 25 Oct 2024 (Sample edition snapshot), not a live rate."
    )
    assert stale_reason(as_of, True, "Sample", NOW, noun="quote") == (
        "A snapshot from 25 Oct 2024 (Sample), not a live quote."
    )


def test_an_old_ecb_rate_says_how_old_and_when_the_ecb_publishes() -> None:
    as_of = NOW - timedelta(days=3, hours=2)
    assert stale_reason(as_of, False, "European Central Bank", NOW) == (
        "From the European Central Bank, 3 days old; "
        "it publishes every working day around 16:00 CET."
    )


def test_a_fresh_figure_has_no_stale_reason() -> None:
    assert stale_reason(NOW - timedelta(hours=11), False, "ExchangeRate-API", NOW) is None
    assert stale_reason(NOW - timedelta(hours=36), False, "Elsewhere", NOW) is None


def test_another_provider_is_judged_by_the_default_period() -> None:
    assert stale_reason(NOW - timedelta(days=3, minutes=1), False, "Elsewhere", NOW) == (
        "From Elsewhere, 3 days old; Broadsheet expects a new one every 2 days."
    )


# undated figures (a saved page that states no time)

PAGE = "Saved page harbour.txt"


def undated_usd_rates(saved: datetime = NOW) -> list[Rate]:
    """A saved page's rates, undated: kept as saved at ``saved``, different from the live ones."""
    figures = {"EUR": "0.95", "GBP": "0.80", "NZD": "1.70"}
    return [
        Rate(code, "USD", Decimal(value), saved, PAGE, snapshot=True, undated=True)
        for code, value in figures.items()
    ]


def test_a_dated_rate_of_any_age_wins_over_an_undated_one_when_rebasing() -> None:
    years_ago = usd_rates(as_of=NOW - timedelta(days=900))
    rebased = {rate.code: rate for rate in rebase([*undated_usd_rates(), *years_ago], "USD")}
    assert rebased["EUR"].rate == Decimal("0.921075")
    assert (rebased["EUR"].provider, rebased["EUR"].undated) == (LIVE, False)
    assert (rebased["NZD"].provider, rebased["NZD"].undated) == (PAGE, True)  # none dated


def test_an_undated_page_does_not_take_the_place_of_a_dated_base() -> None:
    # The page's dollars are implied by its table (base USD); the bank's dollar rate is dated,
    # and older than the page was saved.
    page = undated_usd_rates(NOW + timedelta(days=1))
    rebased = {rate.code: rate for rate in rebase([*page, *eur_rates()], "EUR")}
    assert rebased["USD"].provider == "Euro bank" and not rebased["USD"].undated
    assert rebased["NZD"].undated and rebased["NZD"].rate == Decimal("1.70") / Decimal("0.95")


def test_a_conversion_through_an_undated_rate_is_undated() -> None:
    saved = NOW - timedelta(days=3)
    done = convert(Decimal(100), "USD", "NZD", [*undated_usd_rates(saved), *usd_rates()])
    assert (done.result, done.undated, done.as_of) == (Decimal("170.00"), True, saved)
    dated = convert(Decimal(100), "USD", "EUR", [*undated_usd_rates(saved), *usd_rates()])
    assert (dated.undated, dated.as_of) == (False, NOW)


def test_the_report_gives_an_undated_figure_no_time_but_when_it_was_saved() -> None:
    saved = NOW - timedelta(days=3)
    page_quote = Quote(
        "HRBR", "HRBR", Decimal("42.75"), Decimal("1.25"), Decimal("3.01"), "USD", saved, PAGE,
        snapshot=True, undated=True,
    )  # fmt: skip
    report = market_report(undated_usd_rates(saved), [page_quote], "USD", NOW)
    for figure in (*report["rates"], *report["quotes"]):
        assert figure["as_of"] is None
        assert (figure["undated"], figure["saved"]) == (True, saved.isoformat())
        assert figure["stale"] is True
