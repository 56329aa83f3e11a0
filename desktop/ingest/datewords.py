"""Time-zone abbreviations and the zones of countries and languages, as news pages write them,
and the month names of ``months``: the one table that every reader of dates in the package uses
(saved text pages, web articles, bylines). An abbreviation that names a page's own clock in
either season is read by that clock's daylight saving ("CET" on a Prague page in June is CEST)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desktop.ingest.months import MONTHS as MONTHS

# Abbreviations that name one offset from UTC, in hours ("MEZ" is CET in German, "OEZ" EET).
ZONE_HOURS = {
    "Z": 0.0, "UTC": 0.0, "GMT": 0.0, "WET": 0.0, "WEZ": 0.0, "BST": 1.0, "WEST": 1.0,
    "WESZ": 1.0, "CET": 1.0, "MEZ": 1.0, "WAT": 1.0, "CEST": 2.0, "MESZ": 2.0, "EET": 2.0,
    "OEZ": 2.0, "SAST": 2.0, "CAT": 2.0, "EEST": 3.0, "OESZ": 3.0, "MSK": 3.0, "TRT": 3.0,
    "EAT": 3.0, "GST": 4.0, "PKT": 5.0, "IST": 5.5, "NPT": 5.75, "ICT": 7.0, "WIB": 7.0,
    "HKT": 8.0, "SGT": 8.0, "AWST": 8.0, "PHT": 8.0, "MYT": 8.0, "JST": 9.0, "KST": 9.0,
    "ACST": 9.5, "ACDT": 10.5, "AEST": 10.0, "AEDT": 11.0, "NZST": 12.0, "NZDT": 13.0,
    "EST": -5.0, "EDT": -4.0, "CST": -6.0, "CDT": -5.0, "MST": -7.0, "MDT": -6.0, "PST": -8.0,
    "PDT": -7.0, "AKST": -9.0, "AKDT": -8.0, "HST": -10.0, "NST": -3.5, "NDT": -2.5,
    "ADT": -3.0, "BRT": -3.0, "ART": -3.0, "WITA": 8.0, "WIT": 9.0, "МСК": 3.0,
}  # fmt: skip
# Abbreviations of a region's clock, whose offset follows its daylight saving ("7 p.m. ET").
REGION_ZONES = {
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
    "PT": "America/Los_Angeles", "AET": "Australia/Sydney",
}  # fmt: skip
# Abbreviations that mean another offset in some countries: IST is Irish and Israeli time too,
# CST China's, BST Bangladesh's.
COUNTRY_ZONE_HOURS = {
    ("IST", "IE"): 1.0, ("IST", "IL"): 2.0, ("CST", "CN"): 8.0, ("CST", "TW"): 8.0,
    ("BST", "BD"): 6.0,
}  # fmt: skip
# Abbreviations that German and other pages write for the clocks of the tz database's names.
SAME_CLOCK = {
    "MEZ": "CET", "MESZ": "CEST", "OEZ": "EET", "OESZ": "EEST", "WEZ": "WET", "WESZ": "WEST",
}  # fmt: skip
# The clocks of the United States by the abbreviations of their standard and daylight time.
US_CLOCKS = {
    "EST": "America/New_York", "EDT": "America/New_York", "CST": "America/Chicago",
    "CDT": "America/Chicago", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "AKST": "America/Anchorage", "AKDT": "America/Anchorage",
}  # fmt: skip
ZONE_NAMES = frozenset(ZONE_HOURS) | frozenset(REGION_ZONES)

# The zone of a country that keeps one clock (countries spanning several, such as the United
# States, Canada, Australia, Brazil or Russia, give none).
COUNTRY_ZONES = {
    "GB": "Europe/London", "IE": "Europe/Dublin", "PT": "Europe/Lisbon", "ES": "Europe/Madrid",
    "FR": "Europe/Paris", "BE": "Europe/Brussels", "NL": "Europe/Amsterdam",
    "LU": "Europe/Luxembourg", "DE": "Europe/Berlin", "AT": "Europe/Vienna",
    "CH": "Europe/Zurich", "IT": "Europe/Rome", "DK": "Europe/Copenhagen", "NO": "Europe/Oslo",
    "SE": "Europe/Stockholm", "FI": "Europe/Helsinki", "PL": "Europe/Warsaw",
    "CZ": "Europe/Prague", "SK": "Europe/Bratislava", "HU": "Europe/Budapest",
    "SI": "Europe/Ljubljana", "HR": "Europe/Zagreb", "RO": "Europe/Bucharest",
    "BG": "Europe/Sofia", "GR": "Europe/Athens", "UA": "Europe/Kyiv", "TR": "Europe/Istanbul",
    "IL": "Asia/Jerusalem", "EG": "Africa/Cairo", "ZA": "Africa/Johannesburg",
    "NG": "Africa/Lagos", "KE": "Africa/Nairobi", "AE": "Asia/Dubai", "SA": "Asia/Riyadh",
    "PK": "Asia/Karachi", "IN": "Asia/Kolkata", "BD": "Asia/Dhaka", "TH": "Asia/Bangkok",
    "VN": "Asia/Ho_Chi_Minh", "MY": "Asia/Kuala_Lumpur", "SG": "Asia/Singapore",
    "PH": "Asia/Manila", "HK": "Asia/Hong_Kong", "TW": "Asia/Taipei", "CN": "Asia/Shanghai",
    "KR": "Asia/Seoul", "JP": "Asia/Tokyo", "NZ": "Pacific/Auckland",
    "AR": "America/Argentina/Buenos_Aires", "CO": "America/Bogota", "PE": "America/Lima",
}  # fmt: skip
# The zone a language implies when a page names no country: only languages of one country's
# clock (English, Spanish, Portuguese, Arabic and Russian imply none).
LANGUAGE_ZONES = {
    "ja": "Asia/Tokyo", "ko": "Asia/Seoul", "zh": "Asia/Shanghai", "de": "Europe/Berlin",
    "fr": "Europe/Paris", "it": "Europe/Rome", "nl": "Europe/Amsterdam", "pl": "Europe/Warsaw",
    "cs": "Europe/Prague", "sv": "Europe/Stockholm", "da": "Europe/Copenhagen",
    "nb": "Europe/Oslo", "no": "Europe/Oslo", "fi": "Europe/Helsinki", "el": "Europe/Athens",
    "hu": "Europe/Budapest", "ro": "Europe/Bucharest", "tr": "Europe/Istanbul",
    "he": "Asia/Jerusalem", "th": "Asia/Bangkok", "vi": "Asia/Ho_Chi_Minh",
}  # fmt: skip
# Countries that write a numeric date month first (3/14/2025).
MONTH_FIRST_COUNTRIES = frozenset({"US", "PH", "CA", "FM", "MH", "PW"})


def zone_named(
    abbreviation: str,
    country: str | None = None,
    day: date | None = None,
    local: str | None = None,
) -> tzinfo | None:
    """The zone an abbreviation names ("EST", "MEZ", "PT"), read for a page of a country when
    it means another offset there, or (on ``day``) as the page's own clock (``local``, an IANA
    name) when it names that clock in either season; None for one the table lacks."""
    name = abbreviation.upper()
    if name in REGION_ZONES:
        return named_zone(REGION_ZONES[name])
    seasonal = _by_local_rules(name, country, day, local)
    if seasonal is not None:
        return seasonal
    hours = COUNTRY_ZONE_HOURS.get((name, (country or "").upper()), ZONE_HOURS.get(name))
    if hours is None:
        return None
    return UTC if not hours else timezone(timedelta(hours=hours))


def _by_local_rules(
    name: str, country: str | None, day: date | None, local: str | None
) -> tzinfo | None:
    """The page's own clock when an abbreviation names it in one season or the other, read by
    its country's daylight saving: "CET" on a Prague page in June is CEST, "EST" on a United
    States page in July is EDT. None when it names another clock, or one without a summer time."""
    clock = US_CLOCKS.get(name) if country == "US" else local
    zone = named_zone(clock) if clock and day is not None else None
    if zone is None or day is None:
        return None
    seasons = {zone.tzname(datetime(day.year, month, 15)) for month in (1, 7)}
    return zone if len(seasons) == 2 and SAME_CLOCK.get(name, name) in seasons else None


def local_zone(locale: str | None) -> str | None:
    """The IANA name of the clock a page's locale implies: its country's, else its language's."""
    language, country = locale_parts(locale)
    if country:
        return COUNTRY_ZONES.get(country)
    return LANGUAGE_ZONES.get(language or "")


def locale_parts(locale: str | None) -> tuple[str | None, str | None]:
    """The language and country of a locale as pages write it ("en_GB", "de-DE", "ja")."""
    parts = (locale or "").replace("_", "-").split("-")
    language = parts[0].lower() or None
    country = next((part.upper() for part in parts[1:] if len(part) == 2 and part.isalpha()), None)
    return language, country


def zone_of_locale(locale: str | None) -> tzinfo | None:
    """The clock a page's locale implies: its country's, else its language's; None when it
    implies none."""
    name = local_zone(locale)
    return named_zone(name) if name else None


@cache
def named_zone(name: str) -> tzinfo | None:
    """An IANA zone, or None when the system and tzdata lack it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
