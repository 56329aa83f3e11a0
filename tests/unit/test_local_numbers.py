"""Numbers written and read as each locale writes them: its marks, its grouping, its minus sign and
its digits, from CLDR through babel."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.market.local_numbers import NumberLocale, locale_name, read_number, written

ARABIC = NumberLocale("ar_EG", "\u0660")  # as Qt's ar_EG writes: Arabic-Indic digits


@pytest.mark.parametrize(
    ("style", "text"),
    [
        (NumberLocale("en_US"), "-1,234,567.891"),
        (NumberLocale("de_DE"), "-1.234.567,891"),
        (NumberLocale("fr_FR"), "-1\u202f234\u202f567,891"),  # narrow no-break spaces
        (NumberLocale("en_IN"), "-12,34,567.891"),  # lakhs
        (NumberLocale("de_CH"), "-1'234'567.891"),  # apostrophes babel alone would drop
        (NumberLocale("sv_SE"), "\u22121\u00a0234\u00a0567,891"),  # Swedish minus sign
        (ARABIC, "\u061c-١٬٢٣٤٬٥٦٧٫٨٩١"),  # Arabic letter mark, digits and marks
        (NumberLocale("ar_EG"), "\u200e-1,234,567.891"),  # Latin digits with Latin marks
    ],
)
def test_a_number_is_written_as_its_locale_writes_it(style: NumberLocale, text: str) -> None:
    assert written(Decimal("-1234567.891"), style) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("2500.50", "2,500.50"),  # trailing zeros kept: an amount in cents
        ("0.00000001", "0.00000001"),  # never an exponent
        ("1E+15", "1,000,000,000,000,000"),
        ("42090000058999957910", "42,090,000,058,999,957,910"),  # beyond 64 bits, exactly
        ("999999999999999.99999999", "999,999,999,999,999.99999999"),
    ],
)
def test_a_number_is_written_whole_with_every_decimal_it_has(value: str, text: str) -> None:
    assert written(Decimal(value), NumberLocale()) == text


def test_indian_grouping_holds_for_numbers_beyond_64_bits() -> None:
    text = written(Decimal("42090000058999957910"), NumberLocale("en_IN"))
    assert text == "4,20,90,00,00,58,99,99,57,910"  # thousands, then lakhs and crores by twos


@pytest.mark.parametrize(
    ("figure", "locale", "number"),
    [
        ("1.234,5", "de_DE", "1234.5"),
        ("1,234", "de_DE", "1.234"),  # a German decimal comma
        ("1,234", "en_US", "1234"),  # English thousands
        ("1.234", "en_US", "1.234"),
        ("1.234", "de_DE", "1234"),
        ("12,34,567.5", "en_IN", "1234567.5"),
        ("12,34,567.5", "en_US", "1234567.5"),  # India's grouping read everywhere
        ("1,234,567.5", "en_IN", "1234567.5"),  # and the English grouping in India
        ("1\u202f234,5", "fr_FR", "1234.5"),
        ("1\u066c234\u066b5", "ar_EG", "1234.5"),  # the Arabic marks
        ("1,5", "en_US", "1.5"),  # no English reading: a decimal comma
        ("1.234", "fr_FR", "1234"),  # not a French mark: read as German, the same decimal comma
        ("1.234", "sv_SE", "1234"),
        ("1,234", "de_CH", "1234"),  # not a Swiss mark: read as English, the same decimal point
        ("1,234", "ar_EG", "1234"),
    ],
)
def test_a_figure_is_read_as_the_locale_writes_it_first(
    figure: str, locale: str, number: str
) -> None:
    assert read_number(figure, NumberLocale(locale)) == Decimal(number)


@pytest.mark.parametrize("figure", ["1,,000", "1.2.3", "1,234,56,789", "12,345,67", "1,234.5.6"])
def test_a_figure_no_locale_writes_is_not_read(figure: str) -> None:
    assert read_number(figure, NumberLocale("en_IN")) is None


@pytest.mark.parametrize(
    ("name", "locale"),
    [
        ("de_DE", "de_DE"),
        ("fr-FR", "fr_FR"),
        ("de_DE.UTF-8", "de_DE"),
        ("zh_TW", "zh_Hant_TW"),
        ("C", "en_US"),
        ("xx_YY", "en_US"),
        ("", "en_US"),
    ],
)
def test_a_locale_named_by_qt_or_posix_is_found_in_cldr(name: str, locale: str) -> None:
    assert locale_name(name) == locale
