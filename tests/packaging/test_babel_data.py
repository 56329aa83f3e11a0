"""The bundle's babel locale data (packaging/babel_data.py) answers what Broadsheet asks as the
whole data does: currency names and number formats in every locale, English names of languages
and regions; and it is a fraction of the size."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest
from babel import Locale, localedata
from babel.numbers import format_decimal, format_percent, get_currency_name

from desktop.market.amounts import AmountError, read_amount
from desktop.market.local_numbers import NumberLocale, forget_locales, locale_name, written
from desktop.market.names import currency_name


def _babel_data() -> ModuleType:
    """packaging/babel_data.py, loaded from its path as the spec does."""
    path = Path(__file__).resolve().parents[2] / "packaging" / "babel_data.py"
    spec = importlib.util.spec_from_file_location("babel_data", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BABEL_DATA = _babel_data()

LOCALES = [
    *("de", "de_CH", "fr_CA", "ja", "hi", "ar_EG", "pt_BR", "zh_Hant_TW", "en_IN", "sw"),
    *("en_US", "de_DE", "fr_FR", "sv_SE", "fa_IR"),
]
CODES = ["EUR", "USD", "JPY", "INR", "GBP", "CHF", "XAU"]
# Amounts in several ways of writing, Arabic-Indic digits with the Arabic grouping mark last.
AMOUNTS = ("1.234,5", "12,34,567.5", "1 234,5", "1'234.5", "١٬٢٣٤", "x")
Answer = Callable[[str], object]
QUESTIONS: dict[str, Answer] = {
    "currency names": lambda tag: [get_currency_name(code, locale=tag) for code in CODES],
    "the app's currency names": lambda tag: [currency_name(code, tag) for code in CODES],
    "numbers": lambda tag: format_decimal(1234567.891, locale=tag),
    "percentages": lambda tag: format_percent(-0.0252, locale=tag, format="#,##0.00%"),
    "the app's numbers": lambda tag: [
        written(Decimal(value), NumberLocale(locale_name(tag), zero))
        for value in ("-1234567.891", "0.00000001", "2500.50")
        for zero in ("0", "\u0660")
    ],
    "the app's amounts": lambda tag: [
        _read(text, NumberLocale(locale_name(tag)))
        for text in (
            "1.234,5",
            "12,34,567.5",
            "1 234,5",
            "1'234.5",
            "\u0661\u066c\u0662\u0663\u0664",
            "x",
        )
    ],
}


def _read(text: str, style: NumberLocale) -> Decimal | str:
    """The amount the converter reads in ``text``, or the sentence it says instead."""
    try:
        return read_amount(text, style)
    except AmountError as error:
        return str(error)


def _fresh_babel() -> None:
    forget_locales()
    localedata._cache.clear()
    localedata._dict_cache.clear()
    localedata.locale_identifiers.cache_clear()


@pytest.fixture(scope="module")
def trimmed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder: Path = BABEL_DATA.write_trimmed(tmp_path_factory.mktemp("babel") / "locale-data")
    return folder


@pytest.fixture(scope="module")
def whole() -> dict[str, object]:
    """What babel answers from its own, whole data."""
    _fresh_babel()
    return _answers()


@pytest.fixture
def reading_trimmed(trimmed: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Babel reading the trimmed data, then its own again."""
    monkeypatch.setattr(localedata, "_dirname", str(trimmed))
    _fresh_babel()
    yield
    monkeypatch.undo()
    _fresh_babel()


def _answers() -> dict[str, object]:
    return {f"{name} in {tag}": ask(tag) for name, ask in QUESTIONS.items() for tag in LOCALES} | {
        "languages": [Locale.parse(tag, sep="-").get_language_name("en") for tag in ("de", "ja")],
        "regions": [Locale("en").territories[code] for code in ("GB", "IN", "BR")],
        "locales": sorted(localedata.locale_identifiers()),
    }


@pytest.mark.usefixtures("reading_trimmed")
def test_the_trimmed_data_answers_as_the_whole_data_does(whole: dict[str, object]) -> None:
    assert _answers() == whole


def test_the_trimmed_data_is_a_fifth_of_the_whole_or_less(trimmed: Path) -> None:
    size = sum(path.stat().st_size for path in trimmed.glob("*.dat"))
    whole = sum(path.stat().st_size for path in BABEL_DATA.source_folder().glob("*.dat"))
    assert size * 5 <= whole
