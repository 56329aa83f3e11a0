"""Numbers, sizes and times as a sentence says them to a person: "1 bookmark", "12,345 articles",
"328 KB", "Monday 7 December 2026, 19:00".

Plain functions over plain values, so every layer words its counts the same way; ``--json``
output keeps the raw figures.
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo

_UNITS = ("KB", "MB", "GB", "TB")
_STEP = 1024


def count(number: int, noun: str, plural: str | None = None) -> str:
    """A number with its noun, in the plural unless it is 1, thousands separated:
    "1 source", "1,204 sources"; ``plural`` for nouns that do not take an s ("entries")."""
    name = noun if number == 1 else plural or noun + "s"
    return f"{number:,} {name}"


def size(number: int) -> str:
    """A number of bytes for people: "512 bytes", "328 KB", "1.5 MB", "12 GB" (units of 1024,
    as file managers show them); a tenth is shown below 10 MB, GB or TB."""
    if number < _STEP:
        return count(number, "byte")
    value = number / _STEP
    unit = 0
    while round(value) >= _STEP and unit < len(_UNITS) - 1:
        value /= _STEP
        unit += 1
    if unit and round(value, 1) < 10:
        return f"{round(value, 1):g} {_UNITS[unit]}"
    return f"{round(value):,} {_UNITS[unit]}"


def long_date(moment: datetime, zone: tzinfo | None = None) -> str:
    """A day and time in full, in local time (or ``zone``): "Monday 7 December 2026, 19:00"."""
    local = moment.astimezone(zone)
    return f"{local:%A} {local.day} {local:%B %Y, %H:%M}"


# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides and isolates
# that make a terminal show text in another order than it is stored.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Text with every control character taken out but tab and newline, so that a title from a
    feed can neither move a terminal's cursor, retitle it, clear it, nor reorder what it shows."""
    return _UNPRINTABLE.sub("", text)


def escaped_invisibles(json_text: str) -> str:
    """JSON text with DEL, C1 controls and bidirectional controls written as \\u escapes (JSON
    already escapes the others): the same document, but safe to show on a terminal."""
    return _UNPRINTABLE.sub(lambda found: f"\\u{ord(found[0]):04x}", json_text)
