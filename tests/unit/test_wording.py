"""Counts, sizes and dates as people read them: one bookmark, 12,345 articles, 328 KB."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from desktop.wording import count, long_date, size


@pytest.mark.parametrize(
    ("number", "expected"),
    [(0, "0 bookmarks"), (1, "1 bookmark"), (2, "2 bookmarks"), (12345, "12,345 bookmarks")],
)
def test_a_count_is_singular_only_for_one(number: int, expected: str) -> None:
    assert count(number, "bookmark") == expected


def test_a_noun_with_its_own_plural() -> None:
    assert (count(1, "entry", "entries"), count(3, "entry", "entries")) == ("1 entry", "3 entries")


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (0, "0 bytes"),
        (1, "1 byte"),
        (1023, "1,023 bytes"),
        (1024, "1 KB"),
        (335_872, "328 KB"),
        (1_048_063, "1,023 KB"),
        (1_048_575, "1 MB"),  # 1023.999 KB reads as 1 MB, never "1,024 KB"
        (1_572_864, "1.5 MB"),
        (10_380_902, "9.9 MB"),
        (10_485_760, "10 MB"),
        (734_003_200, "700 MB"),
        (3_221_225_472, "3 GB"),
        (13_207_024_435, "12 GB"),
        (5 * 1024**5, "5,120 TB"),
    ],
)
def test_sizes_read_in_the_unit_people_expect(number: int, expected: str) -> None:
    assert size(number) == expected


def test_a_long_date_names_the_day_in_the_local_zone() -> None:
    moment = datetime(2026, 12, 7, 18, 0, tzinfo=UTC)
    assert long_date(moment, timezone(timedelta(hours=1))) == "Monday 7 December 2026, 19:00"
    assert long_date(moment, timezone(timedelta(hours=-19))) == "Sunday 6 December 2026, 23:00"
