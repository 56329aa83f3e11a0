"""Numbers written and read as a person's locale writes them, by babel from CLDR's data: its
decimal and grouping marks, its grouping (India's 12,34,567), its minus sign and its digits.

Babel and its locale data are loaded on the first number written or read, never at start: the
Markets panel, the first to ask, is built after the window's first paint.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, localcontext
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from babel import Locale
    from babel.numbers import NumberPattern

FALLBACK = "en_US"
# Ways of writing numbers a figure typed or pasted is also read in, after the person's own, when
# that does not read it: points and commas as in English, German, French (whose spaces are
# dropped before), India's grouping, and the Arabic marks.
CONVENTIONS = ("en", "de", "fr", "en_IN", "ar_EG")
# Digits Decimal keeps while writing or checking a figure, beyond the figure's own length: more
# than any amount times any rate has. A figure of up to EXACT_DIGITS digits is written exactly
# in Decimal's default context (28 digits), without the cost of another.
PRECISION = 64
EXACT_DIGITS = 24
_DIGITS = "0123456789"


@dataclass(frozen=True, slots=True)
class NumberLocale:
    """How a person writes numbers: a CLDR locale name, and the zero of the script whose digits
    they write ("0", or "٠" for Arabic-Indic digits)."""

    name: str = FALLBACK
    zero: str = "0"

    @property
    def native_digits(self) -> bool:
        """Whether the digits are of the locale's own script rather than ASCII."""
        return self.zero != "0"


def locale_name(name: str) -> str:
    """The CLDR locale babel knows for a name as Qt or POSIX gives it ("de_DE", "en-IN",
    "fr_FR.UTF-8"), else ``FALLBACK`` (for "C", say)."""
    from babel import Locale, UnknownLocaleError

    stem = name.partition(".")[0].replace("-", "_")
    if stem.upper() in {"C", "POSIX"}:
        return FALLBACK  # Qt's and POSIX's untranslated locale: babel's writes no grouping
    try:
        return str(Locale.parse(stem))
    except (UnknownLocaleError, ValueError, TypeError):
        return FALLBACK


def written(value: Decimal, style: NumberLocale) -> str:
    """A decimal written out in full as the locale writes it: grouped, with every decimal it has
    (trailing zeros too) and never an exponent: "1,234.50", "1.234,50", "12,34,567.5"."""
    _, digits, exponent = value.as_tuple()
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    system = _system(style)
    pattern, locale = _pattern(style.name, places, system), _locale(style.name)
    if len(digits) <= EXACT_DIGITS:
        text: str = pattern.apply(value, locale, numbering_system=system)
    else:
        with localcontext() as context:
            context.prec = len(digits) + PRECISION
            text = pattern.apply(value, locale, numbering_system=system)
    if style.native_digits:
        text = text.translate(_digits_from(style.zero))
    return text


def read_number(figure: str, style: NumberLocale) -> Decimal | None:
    """The number a figure of ASCII digits and marks ("1.234,5") stands for: as the person's
    locale writes numbers, else as one of ``CONVENTIONS`` does, those with the person's decimal
    mark first ("1.234" is 1234 to a French reader, as in German); None when none writes it so."""
    from babel.numbers import NumberFormatError, parse_decimal

    marks = {character for character in figure if not character.isdigit()}
    for name, system in _readings(style.name):
        point, group, _ = _marks(name, system)
        if not marks <= {point, group}:
            continue  # a mark this way of writing has not: "." to a French reader
        try:
            with localcontext() as context:
                context.prec = len(figure) + PRECISION
                number: Decimal = parse_decimal(
                    figure, _locale(name), strict=True, numbering_system=system
                )
        except NumberFormatError:
            continue
        return number
    return None


def forget_locales() -> None:
    """Drop the locales loaded, so the next number reads babel's data afresh (as the bundle's
    test does, with the data trimmed)."""
    for cached in (_locale, _pattern, _marks, _quoted_groups, _digits_from):
        cached.cache_clear()


def _readings(name: str) -> Iterator[tuple[str, str]]:
    """The locales and numbering systems to read a figure in: the person's, then the
    conventions that share its decimal mark, then the others; each way of writing once (en_GB
    reads as en does), the conventions' data loaded only when the person's reading failed."""
    tried: set[tuple[str, str, tuple[int, int]]] = set()

    def untried(readings: list[tuple[str, str]]) -> Iterator[tuple[str, str]]:
        for tag, system in readings:
            if (marks := _marks(tag, system)) not in tried:
                tried.add(marks)
                yield tag, system

    yield from untried([(name, "default"), (name, "latn")])
    point = _marks(name, "default")[0]
    conventions = [(tag, system) for tag in CONVENTIONS for system in ("default", "latn")]
    yield from untried(sorted(conventions, key=lambda reading: _marks(*reading)[0] != point))


@cache
def _marks(name: str, system: str) -> tuple[str, str, tuple[int, int]]:
    """What reading a figure in a locale and numbering system depends on: its decimal mark, its
    group mark and its grouping."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    locale = _locale(name)
    return (
        get_decimal_symbol(locale, numbering_system=system),
        get_group_symbol(locale, numbering_system=system),
        locale.decimal_formats[None].grouping,
    )


def _system(style: NumberLocale) -> str:
    """The numbering system whose marks go with the digits: the locale's own with its digits."""
    return "default" if style.native_digits else "latn"


@cache
def _digits_from(zero: str) -> dict[int, int]:
    """ASCII digits to those of the script whose zero is ``zero`` (Unicode keeps them in
    order), for ``str.translate``."""
    return str.maketrans(_DIGITS, "".join(chr(ord(zero) + step) for step in range(10)))


@cache
def _locale(name: str) -> Locale:
    """Babel's locale, its data loaded once; a Swiss one writes its apostrophes whole."""
    from babel import Locale

    return _quoted_groups().parse(name) if _groups_with_quotes(name) else Locale.parse(name)


@cache
def _pattern(name: str, places: int, system: str) -> NumberPattern:
    """The locale's decimal pattern (its grouping) showing exactly ``places`` decimals, and its
    minus sign: CLDR's "-" in a pattern stands for it, but babel writes "-" as it is."""
    from babel.numbers import NumberPattern, get_minus_sign_symbol

    locale = _locale(name)
    base = locale.decimal_formats[None]
    minus = get_minus_sign_symbol(locale, numbering_system=system)
    return NumberPattern(
        base.pattern,
        (base.prefix[0], base.prefix[1].replace("-", minus)),
        base.suffix,
        base.grouping,
        base.int_prec,
        (places, places),
        base.exp_prec,
        base.exp_plus,
        base.number_pattern,
    )


def _groups_with_quotes(name: str) -> bool:
    """Whether a locale groups digits with the ASCII apostrophe (de_CH: 1'234'567)."""
    from babel import Locale

    symbols = Locale.parse(name).number_symbols
    return any(symbols[system].get("group") == "'" for system in symbols)


@cache
def _quoted_groups() -> type[Locale]:
    """A locale whose apostrophe groups survive babel's formatting.

    Babel reads a pair of apostrophes in what it formats as quoted text and drops them, so
    1'234'567 in de_CH comes out as 1234567; a doubled apostrophe is its escape for one.
    """
    from babel import Locale

    class QuotedGroups(Locale):
        """A locale whose apostrophe group marks are escaped for babel's formatting."""

        @property
        def number_symbols(self) -> Any:
            """The locale's number symbols, an apostrophe group mark doubled."""
            return {
                system: {**symbols, "group": "''"} if symbols.get("group") == "'" else symbols
                for system, symbols in super().number_symbols.items()
            }

    return QuotedGroups
