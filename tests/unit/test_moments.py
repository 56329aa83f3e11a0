"""Dates and times read from text in one way: ISO 8601 (with a space or slashes), RFC 822 with
known and unknown zones, naive and aware, to UTC; whatever is not a date is None, never an error."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.moments import in_utc, iso_day, iso_moment, mail_moment, utc_moment

PLUS_ONE = timezone(timedelta(hours=1))
NOT_DATES = [None, 20240305, "", "   ", "last Tuesday", "2024-13-01", "2024-02-30T10:00"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05T10:15:00+01:00", datetime(2024, 3, 5, 10, 15, tzinfo=PLUS_ONE)),
        ("2024-03-05 10:15:00Z", datetime(2024, 3, 5, 10, 15, tzinfo=UTC)),
        (" 2024-03-05T10:15 ", datetime(2024, 3, 5, 10, 15)),  # naive: as written
        ("2024-03-05", datetime(2024, 3, 5)),
        ("20240305T101500Z", datetime(2024, 3, 5, 10, 15, tzinfo=UTC)),
    ],
)
def test_iso_8601_is_read_as_written(text: str, expected: datetime) -> None:
    moment = iso_moment(text)
    assert moment == expected and moment is not None
    assert moment.tzinfo == expected.tzinfo


def test_slashes_in_the_date_are_read_only_when_asked_for() -> None:
    assert iso_moment("2024/03/05 10:15") is None
    assert iso_moment("2024/03/05 10:15", slashes=True) == datetime(2024, 3, 5, 10, 15)


@pytest.mark.parametrize("text", NOT_DATES)
def test_what_is_not_a_date_is_none(text: object) -> None:
    assert iso_moment(text, slashes=True) is None
    assert mail_moment(text) is None
    assert utc_moment(text) is None


def test_rfc_822_is_read_with_its_zone_and_naive_when_the_zone_is_unknown() -> None:
    known = mail_moment("Tue, 05 Mar 2024 10:15:00 +0100")
    assert known == datetime(2024, 3, 5, 10, 15, tzinfo=PLUS_ONE)
    assert mail_moment("Tue, 05 Mar 2024 10:15:00 GMT") == datetime(2024, 3, 5, 10, 15, tzinfo=UTC)
    unknown = mail_moment("Tue, 05 Mar 2024 10:15:00 -0000")  # RFC 2822: zone not known
    assert unknown == datetime(2024, 3, 5, 10, 15) and unknown is not None
    assert unknown.tzinfo is None


def test_in_utc_converts_aware_times_and_takes_naive_ones_as_utc() -> None:
    assert in_utc(datetime(2024, 3, 5, 10, 15, tzinfo=PLUS_ONE)) == datetime(
        2024, 3, 5, 9, 15, tzinfo=UTC
    )
    naive = in_utc(datetime(2024, 3, 5, 10, 15))
    assert naive == datetime(2024, 3, 5, 10, 15, tzinfo=UTC) and naive is not None
    assert naive.tzinfo is UTC
    assert in_utc(None) is None


def test_a_time_whose_utc_leaves_the_calendar_is_none() -> None:
    assert utc_moment("9999-12-31T23:30:00-05:00") is None
    assert utc_moment("Fri, 31 Dec 9999 23:30:00 -0500") is None
    assert utc_moment("0001-01-01T00:30:00+05:00") is None


@pytest.mark.parametrize(
    "text",
    [
        "2024-03-05T09:15:00Z",
        "2024/03/05 10:15+01:00",
        "Tue, 05 Mar 2024 10:15:00 +0100",
        "Tue, 05 Mar 2024 09:15:00 -0000",
        "2024-03-05T09:15:00",
    ],
)
def test_iso_and_rfc_822_alike_come_out_in_utc(text: str) -> None:
    moment = utc_moment(text)
    assert moment == datetime(2024, 3, 5, 9, 15, tzinfo=UTC) and moment is not None
    assert moment.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2024-03-05", date(2024, 3, 5)), (" 2024-03-05\n", date(2024, 3, 5)), ("2024-02-30", None),
     ("20240305", None), ("2024-W10-2", None), ("2024-03-05T10:00", None), (None, None)],
)  # fmt: skip
def test_a_day_is_read_only_as_yyyy_mm_dd(text: object, expected: date | None) -> None:
    assert iso_day(text) == expected


@given(st.datetimes(timezones=st.timezones()))
def test_any_aware_time_written_in_iso_comes_back_the_same_instant(moment: datetime) -> None:
    read = utc_moment(moment.isoformat())
    try:
        expected = moment.astimezone(UTC)
    except OverflowError:
        assert read is None
        return
    assert read == expected


@given(st.text(max_size=40))
def test_any_text_is_a_time_in_utc_or_none(text: str) -> None:
    moment = utc_moment(text)
    assert moment is None or moment.utcoffset() == timedelta(0)
    day = iso_day(text)
    assert day is None or day.isoformat() == text.strip()
