"""Dates and times as saved pages print them: the forms read, and what is no date of the page."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from desktop.ingest.pagedates import DateKind, Stated, date_line, first_stated, stated

CET = timezone(timedelta(hours=1))


@pytest.mark.parametrize(
    ("text", "day", "clock", "zone"),
    [
        ("2025-03-14", date(2025, 3, 14), None, None),
        ("2025/03/14 18:05", date(2025, 3, 14), time(18, 5), None),
        ("14.03.2025 09:30", date(2025, 3, 14), time(9, 30), None),
        ("14 March 2025", date(2025, 3, 14), None, None),
        ("14th of March 2025, 9.30", date(2025, 3, 14), time(9, 30), None),
        ("Fri, 14 Mar 2025 09:30:00 GMT", date(2025, 3, 14), time(9, 30), UTC),
        ("Friday 14 March 2025 at 21:15 CET", date(2025, 3, 14), time(21, 15), CET),
        ("March 14, 2025 12 pm", date(2025, 3, 14), time(12, 0), None),
        ("March 14, 2025 12:30 a.m.", date(2025, 3, 14), time(0, 30), None),
        ("09:30 GMT, 14 March 2025", date(2025, 3, 14), time(9, 30), UTC),
        ("2025-03-14T09:30:00+01:00", date(2025, 3, 14), time(9, 30), CET),
        ("09:30 UTC+1", None, time(9, 30), CET),
    ],
)
def test_forms_pages_print(text: str, day: date | None, clock: time | None, zone: object) -> None:
    assert stated(text) == Stated(day, clock, zone)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    ["14/03/2025", "31 February 2025", "2025", "42.75", "25:00", "13 pm",
     "14 March 2025 09:30 XYZT", "14 Smarch 2025", "soon"],
)  # fmt: skip
def test_what_is_no_date_or_time(text: str) -> None:
    assert stated(text) is None


def test_a_lone_time_or_a_price_is_no_date_line() -> None:
    assert stated("12.50") == Stated(None, time(12, 50), None)  # a time, read alone...
    assert date_line("12.50") is None  # ...but no date of the page


def test_labelled_dates_say_what_they_date() -> None:
    assert date_line("Published 2025-03-13 · Last updated: 14 March 2025 09:30") == {
        DateKind.PUBLISHED: Stated(date(2025, 3, 13), None, None),
        DateKind.UPDATED: Stated(date(2025, 3, 14), time(9, 30), None),
    }
    assert date_line("Markets as at 16:30 GMT") == {
        DateKind.MARKET: Stated(None, time(16, 30), UTC)
    }


def test_a_time_on_the_pages_day() -> None:
    when = Stated(None, time(9, 30), None)
    assert when.moment(CET) is None
    assert when.moment(CET, date(2025, 3, 14)) == datetime(2025, 3, 14, 8, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "day", "clock", "offset"),
    [
        ("Posted 14 June 2025, 18:30 BST · by Jane Doe", date(2025, 6, 14), time(18, 30), 1.0),
        ("Publié le 14 janvier 2025 à 18h12", date(2025, 1, 14), time(18, 12), None),
        ("Aktualisiert: 14. März 2025, 19:47 Uhr", date(2025, 3, 14), time(19, 47), None),
        ("14 de enero de 2025 19:47", date(2025, 1, 14), time(19, 47), None),
        ("2025年1月14日 19時47分", date(2025, 1, 14), time(19, 47), None),
        ("2025년 1월 14일 오후 7시 47분", date(2025, 1, 14), time(19, 47), None),
        ("12.3.2025 19.47 MEZ", date(2025, 3, 12), time(19, 47), 1.0),
        ("Jan 14, 2025, 08:00 ET", date(2025, 1, 14), time(8, 0), -5.0),
        ("11/02/2025 - 14:37 CET", date(2025, 2, 11), time(14, 37), 1.0),
        ("02/28/2025 2:37 PM", date(2025, 2, 28), time(14, 37), None),  # only month first is a date
    ],
)
def test_the_first_date_in_a_line(text: str, day: date, clock: time, offset: float | None) -> None:
    found = first_stated(text)
    assert found is not None
    assert (found.day, found.clock) == (day, clock)
    moment = datetime.combine(day, clock, found.zone) if found.zone else None
    assert (moment.utcoffset() if moment else None) == (
        timedelta(hours=offset) if offset is not None else None
    )


def test_numeric_dates_in_the_order_given_and_no_date_in_plain_text() -> None:
    assert first_stated("03/02/2025 16:20", "mdy") == Stated(date(2025, 3, 2), time(16, 20), None)
    assert first_stated("03/02/2025 16:20", "dmy") == Stated(date(2025, 2, 3), time(16, 20), None)
    assert first_stated("Jane Doe et al. at 14:00") is None
