"""Currency names in the person's language, and each currency's minor unit, from the CLDR data
that babel ships.

Loading babel's locale data (even its global data alone, which holds the minor units) is a
noticeable part of a start (docs/performance.md), so the names and minor units once looked up are
kept in a small JSON file (``remember_names_in``) and babel is loaded again only for a code or a
language it has not answered yet.
"""

from __future__ import annotations

import json
import locale
import logging
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)

# Codes in wide use that ISO 4217, and so CLDR, does not list.
UNLISTED = {"GGP": "Guernsey Pound", "IMP": "Manx Pound", "JEP": "Jersey Pound"}
CACHE_FORMAT = 1  # "places" came later, and may be missing

_remembered: dict[str, str] = {}
_remembered_places: dict[str, int] = {}
_cache_file: Path | None = None
_unsaved = False


def system_language() -> str:
    """The person's language as the system names it (such as ``de_DE``), else ``en_US``."""
    return locale.getlocale(locale.LC_MESSAGES)[0] or "en_US"


@cache
def display_locale() -> str:
    """The CLDR locale to name currencies in: the person's, else English."""
    from babel import Locale, UnknownLocaleError

    try:
        return str(Locale.parse(system_language()))
    except (UnknownLocaleError, ValueError):
        return "en_US"


def currency_name(code: str, language: str | None = None) -> str:
    """The currency's name, such as "Euro" for EUR, in ``language`` or else the person's; the
    code itself when CLDR has no name for it."""
    global _unsaved
    if code in UNLISTED:
        return UNLISTED[code]
    if language is not None:
        return _cldr_name(code, language)
    name = _remembered.get(code)
    if name is None:
        name = _cldr_name(code, display_locale())
        _remembered[code] = name
        _unsaved = True
    return name


def minor_places(code: str) -> int:
    """How many decimal places a currency's smallest unit has: 2 for EUR, 0 for JPY (CLDR)."""
    global _unsaved
    places = _remembered_places.get(code)
    if places is None:
        from babel.numbers import get_currency_precision

        places = int(get_currency_precision(code))
        _remembered_places[code] = places
        _unsaved = True
    return places


def remember_names_in(file: Path) -> None:
    """Read the names (for the person's language) and minor units kept in ``file``, and keep
    new ones there."""
    global _cache_file
    _cache_file = file
    try:
        kept = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if (
        isinstance(kept, dict)
        and kept.get("format") == CACHE_FORMAT
        and kept.get("language") == system_language()
        and isinstance(kept.get("names"), dict)
    ):
        _remembered.update({str(k): str(v) for k, v in kept["names"].items()})
        places = kept.get("places")
        if isinstance(places, dict):
            _remembered_places.update(
                {str(k): v for k, v in places.items() if type(v) is int and 0 <= v <= 12}
            )


def save_remembered_names() -> None:
    """Write what was looked up since the file was read (atomically; a failure only logs)."""
    global _unsaved
    if not _unsaved or _cache_file is None:
        return
    document = {
        "format": CACHE_FORMAT,
        "language": system_language(),
        "names": _remembered,
        "places": _remembered_places,
    }
    partial = _cache_file.with_name(_cache_file.name + ".part")
    try:
        _cache_file.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps(document, ensure_ascii=False, sort_keys=True), "utf-8")
        partial.replace(_cache_file)
    except OSError as error:
        log.info("Could not keep currency names in %s: %s", _cache_file, error)
        return
    _unsaved = False


def _cldr_name(code: str, language: str) -> str:
    """The name CLDR gives a code in a language (this loads babel)."""
    from babel.numbers import get_currency_name

    try:
        name: str = get_currency_name(code, locale=language)
    except (ValueError, LookupError):
        log.debug("No CLDR name for %s", code)
        return code
    return name
