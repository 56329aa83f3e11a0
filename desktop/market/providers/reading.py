"""What every provider's reader shares: its error, its result, and checks on documents and figures.

Each reader skips a bad entry (a rate or a price that is not a positive number, a code that is
not three capital letters) and keeps the rest; a document it cannot read at all, or one left
with no valid entry, raises ``ProviderError`` with one sentence for people.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any, TypeGuard
from xml.parsers.expat import errors as expat_errors
from zoneinfo import ZoneInfo

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from desktop.domain import Quote, Rate
from desktop.moments import iso_day

_CODE = re.compile(r"[A-Z]{3}")
_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")
_HTML = re.compile(
    rb"(\xef\xbb\xbf)?\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)[\s>]", re.I | re.S
)
_EXPONENT_LIMIT = 30
_TRUNCATED_XML = {
    expat_errors.codes[expat_errors.XML_ERROR_NO_ELEMENTS],
    expat_errors.codes[expat_errors.XML_ERROR_UNCLOSED_TOKEN],
    expat_errors.codes[expat_errors.XML_ERROR_PARTIAL_CHAR],
}


class ProviderError(ValueError):
    """A provider's document could not be read; the message is one sentence for people."""


@dataclass(frozen=True, slots=True)
class Figures:
    """What one provider's documents gave: rates and quotes, each dated by the document."""

    rates: tuple[Rate, ...] = ()
    quotes: tuple[Quote, ...] = ()


def unreadable(what: str, reason: str) -> ProviderError:
    """The error for a document: "<what> could not be read: <reason>."."""
    return ProviderError(f"{what} could not be read: {reason}.")


def read_xml(data: bytes, what: str) -> ET.Element:
    """The root of an XML document, parsed without expanding entities or fetching anything."""
    _refuse_empty_or_html(data, what, "XML")
    try:
        root: ET.Element = SafeET.fromstring(data)
    except DefusedXmlException as error:
        raise unreadable(what, "it declares XML entities, which it never needs") from error
    except ET.ParseError as error:
        reason = "the XML ends too early" if error.code in _TRUNCATED_XML else "it is not valid XML"
        raise unreadable(what, reason) from error
    except (ValueError, LookupError) as error:
        raise unreadable(what, "it is not valid XML") from error
    return root


def read_json_object(data: bytes, what: str) -> dict[str, Any]:
    """A JSON object whose numbers are exact Decimals (NaN and Infinity refused)."""
    text = read_text(data, what, "JSON")
    try:
        document = json.loads(text, parse_float=Decimal, parse_int=Decimal, parse_constant=_refuse)
    except json.JSONDecodeError as error:
        ended = error.pos >= len(text.rstrip())
        reason = "the JSON ends too early" if ended else "it is not valid JSON"
        raise unreadable(what, reason) from error
    except (ValueError, RecursionError) as error:
        raise unreadable(what, "it is not valid JSON") from error
    if not isinstance(document, dict):
        raise unreadable(what, "the JSON is not an object, as expected")
    return document


def read_text(data: bytes, what: str, kind: str) -> str:
    """A document's UTF-8 text, refusing an empty answer, a web page or bytes that are not text."""
    _refuse_empty_or_html(data, what, kind)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise unreadable(what, f"it is not {kind} text") from error


def is_code(text: object) -> TypeGuard[str]:
    """Whether ``text`` is a currency code: three capital letters."""
    return isinstance(text, str) and _CODE.fullmatch(text) is not None


def number(value: object) -> Decimal | None:
    """A JSON number (parsed as a Decimal) within 10**±30, else None.

    No market figure is larger or smaller, and such figures would overflow the arithmetic that
    follows; a number written as a JSON string is not taken either.
    """
    if isinstance(value, Decimal) and value.is_finite() and _in_range(value):
        return value
    return None


def number_in_text(text: str | None) -> Decimal | None:
    """A number written as text ("1.0823", "-44.59", "1e3"), within 10**±30, else None."""
    if text is None or not _NUMBER.fullmatch(text.strip()):
        return None
    return number(Decimal(text.strip()))


def positive(value: Decimal | None) -> Decimal | None:
    """The number if it is above zero, else None."""
    return value if value is not None and value > 0 else None


def day_of(text: object, what: str) -> date:
    """A YYYY-MM-DD date, or a ProviderError naming what held it."""
    day = iso_day(text)
    if day is not None:
        return day
    raise unreadable(what, f"{str(text)[:20]!r} is not a valid date")


def at_local(day: date, hour: int, zone: str) -> datetime:
    """``hour`` o'clock on ``day`` in a time zone, as an aware UTC datetime."""
    return datetime.combine(day, time(hour), tzinfo=ZoneInfo(zone)).astimezone(UTC)


def from_unix(value: object, what: str) -> datetime:
    """An aware UTC datetime from Unix seconds given as a JSON number."""
    seconds = positive(number(value))
    if seconds is None or seconds != seconds.to_integral_value() or seconds > 10**11:
        raise unreadable(what, "its time is missing or not a time")
    return datetime.fromtimestamp(int(seconds), UTC)


def _refuse_empty_or_html(data: bytes, what: str, kind: str) -> None:
    """Raise for an empty answer, or for a web page where ``kind`` was expected."""
    if not data.strip():
        raise unreadable(what, "the answer is empty")
    if _HTML.match(data[:2048]):
        raise unreadable(what, f"the answer is a web page, not {kind}")


def _in_range(value: Decimal) -> bool:
    """Whether a finite number is zero or within 10**±30."""
    return value.is_zero() or -_EXPONENT_LIMIT <= value.adjusted() <= _EXPONENT_LIMIT


def _refuse(constant: str) -> Decimal:
    """Refuse JSON's non-standard NaN and Infinity."""
    raise ValueError(f"{constant} is not a number")
