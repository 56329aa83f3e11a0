"""Currency names in the person's language, from the CLDR data that babel ships."""

from __future__ import annotations

import locale
import logging
from functools import cache

log = logging.getLogger(__name__)

# Codes in wide use that ISO 4217, and so CLDR, does not list.
UNLISTED = {"GGP": "Guernsey Pound", "IMP": "Manx Pound", "JEP": "Jersey Pound"}


@cache
def display_locale() -> str:
    """The locale to name currencies in: the person's, else English."""
    from babel import Locale, UnknownLocaleError

    name = locale.getlocale(locale.LC_MESSAGES)[0] or "en_US"
    try:
        return str(Locale.parse(name))
    except (UnknownLocaleError, ValueError):
        return "en_US"


@cache
def currency_name(code: str, language: str | None = None) -> str:
    """The currency's name, such as "Euro" for EUR; the code itself when CLDR has no name."""
    from babel.numbers import get_currency_name

    if code in UNLISTED:
        return UNLISTED[code]
    try:
        name: str = get_currency_name(code, locale=language or display_locale())
    except (ValueError, LookupError):
        log.debug("No CLDR name for %s", code)
        return code
    return name
