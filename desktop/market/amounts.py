"""Amounts as people type or paste them ("$1,234.50", "1 234,5 €", "USD 2.5e3", "−40"), read into
exact decimals, or a plain sentence saying why not; the converter and the command line share it.

Either mark may separate decimals: the one written last is the decimal mark when both appear, a
mark that appears more than once groups thousands, and a single mark with three digits after it
is read as the reader's locale reads it ("1,234" is 1234 in English, 1.234 in German).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

# Amounts from a quadrillion up are no money anyone converts, and would not fit the panel's line.
LIMIT = Decimal(10) ** 15
PLACES = 8  # a hundred-millionth: the smallest unit any currency (or bitcoin) is counted in
MARKS = ".,"
_NUMBER = re.compile(r"(?P<digits>[0-9.,]*[0-9][0-9.,]*)(?:[eE](?P<exponent>[+-]?[0-9]{1,9}))?")
# A currency code or name written before or after the figure: "USD 100", "US$5", "100 kr".
_LABEL = re.compile(r"^[^\W\d_]{1,3}|[^\W\d_]{1,3}$")
_MINUS = "\u2212\u2012\u2013\ufe63\uff0d"
_ARABIC_MARKS = {"\u066b": ".", "\u066c": ","}
_GROUPING = "'\u2019\u02bc_"  # apostrophes (Swiss 1'000) and underscores between digits
_ECHO = 24


class AmountError(ValueError):
    """Text that is not an amount Broadsheet converts; the message is the sentence to show."""


def read_amount(text: str, point: str = ".", group: str = ",") -> Decimal:
    """The amount in ``text``, the ambiguous cases read with the reader's decimal ``point`` and
    thousands ``group``; raises ``AmountError`` with a plain sentence."""
    example = f"100 or 2{group}500{point}50"
    cleaned = _clean(text, point, group)
    if not cleaned and not text.strip():
        raise AmountError(f"Type an amount, such as {example}.")
    sign, body = _sign(cleaned)
    found = _NUMBER.fullmatch(body)
    digits = _digits(found["digits"], point) if found else None
    if found is None or digits is None:
        raise AmountError(f"{_echo(text)} is not an amount; type a number, such as {example}.")
    value = Decimal(f"{sign}{digits}e{found['exponent'] or 0}")
    return _checked(value, text, point, group)


def _clean(text: str, point: str, group: str) -> str:
    """The figure alone: no spaces, currency signs or codes, nor grouping apostrophes; ASCII
    digits, "-" for every minus, and the locale's own marks (say the Arabic ones) as "." and
    ","."""
    normal = unicodedata.normalize("NFKC", text)
    for own, mark in ((point, "."), (group, ",")):
        if own not in MARKS and own.isprintable() and not own.isspace():
            normal = normal.replace(own, mark)
    kept = "".join(
        _ascii(character)
        for character in normal
        if not character.isspace()
        and character not in _GROUPING
        and unicodedata.category(character) != "Sc"
    )
    return _LABEL.sub("", kept) if any(character.isdigit() for character in kept) else kept


def _ascii(character: str) -> str:
    """A digit of any script as an ASCII digit, any minus as "-", anything else as it is."""
    if character.isdecimal():
        return str(unicodedata.decimal(character))
    return "-" if character in _MINUS else _ARABIC_MARKS.get(character, character)


def _sign(cleaned: str) -> tuple[str, str]:
    """The minus sign, if any, and the rest."""
    if cleaned[:1] in ("-", "+"):
        return ("-" if cleaned[0] == "-" else ""), cleaned[1:]
    return "", cleaned


def _digits(written: str, point: str) -> str | None:
    """The digits with "." as the only mark, or None when the marks make no sense."""
    marks = [character for character in written if character in MARKS]
    if not marks:
        return written
    decimal = _decimal_mark(written, marks, point)
    if decimal is None:
        return written.replace(marks[0], "") if _grouped(written, marks[0]) else None
    whole, _, fraction = written.rpartition(decimal)
    other = "," if decimal == "." else "."
    if decimal in whole or other in fraction or (whole and not _grouped(whole, other)):
        return None
    return f"{whole.replace(other, '') or 0}.{fraction}"


def _decimal_mark(written: str, marks: list[str], point: str) -> str | None:
    """Which mark separates the decimals, if any (see the module's docstring)."""
    last = marks[-1]
    if len(set(marks)) == 2:
        return last
    if len(marks) > 1:
        return None  # "1,000,000": grouping only
    whole, _, fraction = written.partition(last)
    if len(fraction) == 3 and whole.strip("0"):
        return last if last == point else None  # "1,234": as the locale reads it
    return last


def _grouped(whole: str, mark: str) -> bool:
    """Whether a mark only groups digits: by threes at the end, by twos or threes before (as in
    India's 12,34,567), after one to three digits."""
    first, *groups = whole.split(mark)
    if not groups:
        return True
    *middle, last = groups
    return 1 <= len(first) <= 3 and len(last) == 3 and all(len(g) in (2, 3) for g in middle)


def _checked(value: Decimal, text: str, point: str, group: str) -> Decimal:
    """The value when it is below ``LIMIT`` and has at most ``PLACES`` decimals."""
    if value.copy_abs() >= LIMIT:
        limit = "1" + f"{group}000" * 5
        raise AmountError(f"{_echo(text)} is too large to convert; type an amount under {limit}.")
    if _places(value) > PLACES:
        smallest = f"0{point}{'0' * (PLACES - 1)}1"
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
