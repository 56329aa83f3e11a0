"""Amounts as people type or paste them ("$1,234.50", "1 234,5 €", "USD 2.5e3", "−40"), read into
exact decimals, or a plain sentence saying why not; the converter and the command line share it.

The figure is read as the person's locale writes numbers (``local_numbers``): "1,234" is 1234 in
English and 1.234 in German. What the locale does not read is read as English, German, French,
Indian or Arabic writing reads it, when one of them does ("1,5" is 1.5 to an English reader too).
Spaces and apostrophes between digits only group them, and currency signs and codes are dropped.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from desktop.market.local_numbers import NumberLocale, read_number, written

# Amounts from a quadrillion up are no money anyone converts, and would not fit the panel's line.
LIMIT = Decimal(10) ** 15
PLACES = 8  # a hundred-millionth: the smallest unit any currency (or bitcoin) is counted in
MARKS = ".,\u066b\u066c"  # the points and commas of Latin and Arabic writing
_NUMBER = re.compile(
    rf"(?P<digits>[0-9{MARKS}]*[0-9][0-9{MARKS}]*)(?:[eE](?P<exponent>[+-]?[0-9]{{1,9}}))?"
)
# A currency code or name written before or after the figure: "USD 100", "US$5", "100 kr".
_LABEL = re.compile(r"^[^\W\d_]{1,3}|[^\W\d_]{1,3}$")
_MINUS = "\u2212\u2012\u2013\ufe63\uff0d"
_GROUPING = "'\u2019\u02bc_"  # apostrophes (Swiss 1'000) and underscores between digits
_ECHO = 24
ENGLISH = NumberLocale()


class AmountError(ValueError):
    """Text that is not an amount Broadsheet converts; the message is the sentence to show."""


def read_amount(text: str, style: NumberLocale = ENGLISH) -> Decimal:
    """The amount in ``text``, read as ``style`` writes numbers first; raises ``AmountError``
    with a plain sentence, its examples written as ``style`` writes them."""
    example = f"{written(Decimal(100), style)} or {written(Decimal('2500.50'), style)}"
    cleaned = _clean(text)
    if not cleaned and not text.strip():
        raise AmountError(f"Type an amount, such as {example}.")
    sign, body = _sign(cleaned)
    found = _NUMBER.fullmatch(body)
    number = read_number(found["digits"], style) if found else None
    if found is None or number is None:
        raise AmountError(f"{_echo(text)} is not an amount; type a number, such as {example}.")
    value = Decimal(f"{sign}{number:f}e{found['exponent'] or 0}")
    return _checked(value, text, style)


def _clean(text: str) -> str:
    """The figure alone: no spaces, bidirectional marks, currency signs or codes, nor grouping
    apostrophes; ASCII digits, and "-" for every minus."""
    normal = unicodedata.normalize("NFKC", text)
    kept = "".join(
        _ascii(character)
        for character in normal
        if not character.isspace()
        and character not in _GROUPING
        and unicodedata.category(character) not in ("Sc", "Cf")
    )
    return _LABEL.sub("", kept) if any(character.isdigit() for character in kept) else kept


def _ascii(character: str) -> str:
    """A digit of any script as an ASCII digit, any minus as "-", anything else as it is."""
    if character.isdecimal():
        return str(unicodedata.decimal(character))
    return "-" if character in _MINUS else character


def _sign(cleaned: str) -> tuple[str, str]:
    """The minus sign, if any, and the rest."""
    if cleaned[:1] in ("-", "+"):
        return ("-" if cleaned[0] == "-" else ""), cleaned[1:]
    return "", cleaned


def _checked(value: Decimal, text: str, style: NumberLocale) -> Decimal:
    """The value when it is below ``LIMIT`` and has at most ``PLACES`` decimals."""
    if value.copy_abs() >= LIMIT:
        limit = written(LIMIT, style)
        raise AmountError(f"{_echo(text)} is too large to convert; type an amount under {limit}.")
    if _places(value) > PLACES:
        smallest = written(Decimal(1).scaleb(-PLACES), style)
        raise AmountError(
            f"{_echo(text)} has more decimals than Broadsheet converts; type at most {PLACES}, "
            f"as in {smallest}."
        )
    return value.copy_abs() if value.is_zero() else value


def _places(value: Decimal) -> int:
    """How many decimals the value has, trailing zeros left out (exactly, whatever its size)."""
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # the value is finite: it was written in digits
    significant = len("".join(map(str, digits)).rstrip("0"))
    if not significant:
        return 0
    return max(0, -(exponent + len(digits) - significant))


def _echo(text: str) -> str:
    """The text as typed, in quotes, shortened when it is long (pasted by mistake, say)."""
    shown = " ".join(text.split())
    if len(shown) > _ECHO:
        shown = shown[: _ECHO - 1].rstrip() + "…"
    return f"“{shown}”"
