"""Dates and times read from text in one way: ISO 8601 and RFC 822 as feeds, pages, HTTP headers
and documents write them, kept as written or turned into UTC.

Feeds and pages write ISO 8601 with a space for the ``T`` or slashes in the date (2024/03/05),
and RFC 822 with zones Python does not know (read as naive); a naive time read for UTC is taken
to be UTC already. Each reader returns None for text it cannot read, never raises.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

_SLASHED_DATE = re.compile(r"\A(\d{4})/(\d\d)/(\d\d)")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_moment(text: object, *, slashes: bool = False) -> datetime | None:
    """An ISO 8601 date or time as written (aware when it gives an offset, else naive), with
    ``slashes`` also a date written 2024/03/05; None when it is no such text."""
    if not isinstance(text, str):
        return None
    text = text.strip()
    if slashes:
        text = _SLASHED_DATE.sub(r"\1-\2-\3", text)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def mail_moment(text: object) -> datetime | None:
    """An RFC 822 date as RSS, HTTP and e-mail write it, as written (naive when its zone is
    unknown); None when it is no such text."""
    # Imported when first needed: email.utils loads socket and random, which a start need not.
    from email.utils import parsedate_to_datetime

    if not isinstance(text, str):
        return None
    try:
        return parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def in_utc(moment: datetime | None) -> datetime | None:
    """A time in UTC, a naive one taken to be UTC already; None for None, or for a time whose
    UTC falls outside the calendar (year 1 or 9999 near midnight)."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        return None


def utc_moment(text: object) -> datetime | None:
    """An ISO 8601 (slashes allowed) or RFC 822 date in UTC, naive ones taken as UTC; None when
    it is neither."""
    return in_utc(iso_moment(text, slashes=True)) or in_utc(mail_moment(text))


def iso_day(text: object) -> date | None:
    """A calendar date written YYYY-MM-DD (and nothing else of ISO 8601's forms); None when it is
    no such text or no such day."""
    if not isinstance(text, str) or not _DAY.fullmatch(text.strip()):
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None
