"""Babel's locale data as the bundle ships it: every locale, with only what Broadsheet asks of it.

Babel ships CLDR's data for about 1,100 locales (35 MB on disk): dates, units, time zones and
plural rules for every language. Broadsheet asks a locale for its currency names (not their
plural forms, which babel's ``format_currency`` needs) and its number formats and symbols, and
English for the names of languages and regions (the feed catalogue). The bundle keeps those keys
of every locale file, and the names of languages, regions, scripts and variants in the root and
English locales only; babel merges a locale with its parents when it loads it, so a trimmed file
reads as before for what is kept.
``make dist`` runs this through packaging/broadsheet.spec; tests/packaging/test_babel_data.py reads
the trimmed data through babel itself.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import babel

# What Broadsheet asks of any locale: currency names and number formatting.
NUMBERS = frozenset(
    {
        "currency_formats",
        "currency_names",
        "currency_symbols",
        "decimal_formats",
        "default_numbering_system",
        "locale_id",
        "number_symbols",
        "numbering_systems",
        "percent_formats",
        "plural_form",
        "scientific_formats",
    }
)
# What it asks of English alone (and of the root locale English falls back to).
NAMES = frozenset({"languages", "scripts", "territories", "variants"})
NAMED_IN = ("root", "en")


def source_folder() -> Path:
    """The locale data of the babel that is installed."""
    return Path(babel.__file__).resolve().parent / "locale-data"


def kept_keys(locale: str) -> frozenset[str]:
    """The keys the bundle keeps of a locale's file (``de_CH`` for ``de_CH.dat``)."""
    named = locale in NAMED_IN or locale.split("_")[0] == "en"
    return NUMBERS | NAMES if named else NUMBERS


def write_trimmed(destination: Path, source: Path | None = None) -> Path:
    """Write every locale file of ``source`` (babel's own by default) with only its kept keys
    into ``destination``; return ``destination``."""
    source = source or source_folder()
    destination.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.glob("*.dat")):
        with path.open("rb") as file:
            data = pickle.load(file)  # babel's own files, as babel itself reads them
        keep = kept_keys(path.stem)
        trimmed = {key: value for key, value in data.items() if key in keep}
        with (destination / path.name).open("wb") as file:
            pickle.dump(trimmed, file, protocol=pickle.HIGHEST_PROTOCOL)
    return destination
