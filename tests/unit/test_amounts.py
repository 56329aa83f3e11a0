"""Amounts as people type or paste them: each gives an exact figure or one plain sentence."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from desktop.domain import Rate
from desktop.market.amounts import ENGLISH, LIMIT, AmountError, read_amount
from desktop.market.local_numbers import NumberLocale
from desktop.market.rates import convert

AS_OF = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)
GERMAN = NumberLocale("de_DE")


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("100", "100"),
        ("2,500.50", "2500.50"),
        ("1,234", "1234"),  # three digits after a lone comma: thousands, in English
        ("1.234", "1.234"),
        ("1,5", "1.5"),  # a decimal comma, as in most of Europe
        ("1 234,50", "1234.50"),
        ("1.234.567,89", "1234567.89"),
        ("12,34,567.5", "1234567.5"),  # grouped as in India
        ("1'000.25", "1000.25"),  # grouped as in Switzerland
        ("1\u202f234,5", "1234.5"),  # a narrow no-break space, as French writes thousands
        ("$1,234.50", "1234.50"),
        ("€ 12", "12"),
        ("USD 100", "100"),
        ("US$5", "5"),
        ("100 kr", "100"),
        ("  42  ", "42"),
        ("2.5e3", "2500"),
        ("1E-8", "0.00000001"),
        ("-40", "-40"),
        ("\u221240", "-40"),  # the typographic minus sign
        ("+7", "7"),
        ("-0", "0"),
        (".5", "0.5"),
        ("0,500", "0.5"),  # no thousands in a leading zero
        ("\u0661\u0662\u0663\u066b\u0665", "123.5"),  # Arabic-Indic digits and decimal mark
        ("\uff11\uff10\uff10", "100"),  # full-width digits
        ("999,999,999,999,999.99999999", "999999999999999.99999999"),
    ],
)
def test_amounts_are_read_whatever_their_marks(typed: str, amount: str) -> None:
    assert read_amount(typed) == Decimal(amount)


def test_a_lone_mark_before_three_digits_is_read_as_the_locale_reads_it() -> None:
    assert read_amount("1,234", GERMAN) == Decimal("1.234")
    assert read_amount("1.234", GERMAN) == Decimal(1234)
    assert read_amount("1.234,5", GERMAN) == Decimal("1234.5")


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ("", "Type an amount, such as 100 or 2,500.50."),
        ("   ", "Type an amount, such as 100 or 2,500.50."),
        ("ten", "“ten” is not an amount; type a number, such as 100 or 2,500.50."),
        ("12abc34", "“12abc34” is not an amount; type a number, such as 100 or 2,500.50."),
        ("1,,000", "“1,,000” is not an amount; type a number, such as 100 or 2,500.50."),
        ("1.2.3", "“1.2.3” is not an amount; type a number, such as 100 or 2,500.50."),
        ("1,234.5.6", "“1,234.5.6” is not an amount; type a number, such as 100 or 2,500.50."),
        ("NaN", "“NaN” is not an amount; type a number, such as 100 or 2,500.50."),
        ("Infinity", "“Infinity” is not an amount; type a number, such as 100 or 2,500.50."),
        (
            "1" + "0" * 33,
            "“10000000000000000000000…” is too large to convert; "
            "type an amount under 1,000,000,000,000,000.",
        ),
        ("1e30", "“1e30” is too large to convert; type an amount under 1,000,000,000,000,000."),
        (
            "1e999999999",
            "“1e999999999” is too large to convert; type an amount under 1,000,000,000,000,000.",
        ),
        (
            "1e-30",
            "“1e-30” has more decimals than Broadsheet converts; type at most 8, as in 0.00000001.",
        ),
        (
            "0.000000001",
            "“0.000000001” has more decimals than Broadsheet converts; type at most 8, "
            "as in 0.00000001.",
        ),
        (
            "The price was $12 at the time, they said",
            "“The price was $12 at th…” is not an amount; type a number, such as 100 or 2,500.50.",
        ),
    ],
)
def test_what_is_not_an_amount_gets_one_plain_sentence(typed: str, sentence: str) -> None:
    with pytest.raises(AmountError) as raised:
        read_amount(typed)
    assert str(raised.value) == sentence


def test_the_sentences_write_numbers_as_the_locale_does() -> None:
    with pytest.raises(AmountError) as raised:
        read_amount("abc", GERMAN)
    assert str(raised.value).endswith("such as 100 or 2.500,50.")
    with pytest.raises(AmountError) as raised:
        read_amount("1e20", GERMAN)
    assert str(raised.value).endswith("under 1.000.000.000.000.000.")


@pytest.mark.parametrize(
    ("amount", "code", "rate", "result"),
    [
        # The largest amount at the largest rates: more digits than Decimal's default 28.
        ("999999999999999.99999999", "VEF", "3622552.5", "3622552499999999999999.96"),
        ("999999999999999.99999999", "IRR", "42090000000", "42089999999999999999999579"),
        ("999999999999999.99999999", "XAU", "0.000367", "367000000000.000000"),
        ("0.00000001", "EUR", "0.92", "0.00"),
        ("-40", "EUR", "0.92", "-36.80"),
    ],
)
def test_every_amount_read_converts_exactly(amount: str, code: str, rate: str, result: str) -> None:
    rates = [Rate(code, "USD", Decimal(rate), AS_OF, "ECB")]
    done = convert(read_amount(amount), "USD", code, rates)
    assert done.result == Decimal(result)
    assert str(done.result) == result


def test_the_limit_is_a_quadrillion() -> None:
    assert read_amount("999999999999999") == LIMIT - 1
    with pytest.raises(AmountError):
        read_amount("1000000000000000")


ARABIC = NumberLocale("ar_EG", "\u0660")


@pytest.mark.parametrize(
    ("typed", "style", "amount"),
    [
        ("1.234,5", GERMAN, "1234.5"),
        ("12,34,567.5", NumberLocale("en_IN"), "1234567.5"),
        ("1\u00a0234,5", NumberLocale("fr_FR"), "1234.5"),  # a no-break space between groups
        ("1 234,5", NumberLocale("fr_FR"), "1234.5"),
        ("1'234'567.5", NumberLocale("de_CH"), "1234567.5"),
        ("١٢٬٣٤٥٫٦٧", ARABIC, "12345.67"),
        ("\u061c-١٬٢٣٤٫٥", ARABIC, "-1234.5"),  # as the panel writes it, bidi mark and all
        ("\u200e\u22121\u00a0234,5", NumberLocale("sv_SE"), "-1234.5"),
    ],
)
def test_amounts_are_read_with_the_locales_own_marks(
    typed: str, style: NumberLocale, amount: str
) -> None:
    assert read_amount(typed, style) == Decimal(amount)


@pytest.mark.parametrize(
    ("typed", "style", "sentence"),
    [
        (
            "1,234,56,789",  # neither English nor Indian grouping
            ENGLISH,
            "“1,234,56,789” is not an amount; type a number, such as 100 or 2,500.50.",
        ),
        (
            "1e20",
            NumberLocale("en_IN"),
            "“1e20” is too large to convert; type an amount under 1,00,00,00,00,00,00,000.",
        ),
        (
            "x",
            NumberLocale("fr_FR"),
            "“x” is not an amount; type a number, such as 100 or 2\u202f500,50.",
        ),
        ("x", ARABIC, "“x” is not an amount; type a number, such as ١٠٠ or ٢٬٥٠٠٫٥٠."),
        (
            "1e-9",
            NumberLocale("de_CH"),
            "“1e-9” has more decimals than Broadsheet converts; type at most 8, as in 0.00000001.",
        ),
    ],
)
def test_the_sentences_write_numbers_as_each_locale_does(
    typed: str, style: NumberLocale, sentence: str
) -> None:
    with pytest.raises(AmountError) as raised:
        read_amount(typed, style)
    assert str(raised.value) == sentence
