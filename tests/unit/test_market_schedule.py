"""Providers' timetables: when a figure is still the latest, and when to ask a provider again."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.domain import ProviderStatus
from desktop.market.providers import ecb, erapi, finnhub, fred
from desktop.market.schedule import (
    ECB,
    HISTORY_REFRESH,
    PUBLISHERS,
    RETRY,
    TIMETABLES,
    US_CLOSE,
    US_INTRADAY,
    is_due,
    next_due,
    target_closed,
)

# Thursday 26 November 2026, noon UTC (13:00 in Frankfurt, 07:00 in New York).
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def utc(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


def status(
    attempt: datetime | None, success: datetime | None, newest: datetime | None
) -> ProviderStatus:
    return ProviderStatus("ecb", attempt, success, None, 30, newest)


def test_every_provider_has_a_timetable_under_its_own_name() -> None:
    assert set(PUBLISHERS) == {ecb.NAME, erapi.NAME, fred.NAME, finnhub.NAME}
    assert set(TIMETABLES) == {"ecb", "ecb-history", "erapi", "fred", "quotes"}


@pytest.mark.parametrize(
    ("moment", "latest"),
    [
        (NOW, utc(25, 15)),  # before today's 16:00 CET: yesterday's
        (utc(26, 15), utc(26, 15)),  # at 16:00 CET on the dot
        (utc(28, 10), utc(27, 15)),  # Saturday: Friday's
        (utc(30, 14), utc(27, 15)),  # Monday before 16:00: still Friday's
        (utc(30, 15), utc(30, 15)),
    ],
)
def test_the_ecb_publishes_at_16_cet_on_working_days(moment: datetime, latest: datetime) -> None:
    assert ECB.latest(moment) == latest


def test_the_ecb_follows_summer_time() -> None:
    assert ECB.latest(datetime(2026, 7, 1, 15, tzinfo=UTC)) == datetime(2026, 7, 1, 14, tzinfo=UTC)


def test_target_holidays_have_no_publication() -> None:
    # 2026: Good Friday 3 April, Easter Monday 6 April.
    for day in (date(2026, 1, 1), date(2026, 4, 3), date(2026, 4, 6), date(2026, 5, 1)):
        assert target_closed(day)
    assert target_closed(date(2026, 12, 25)) and target_closed(date(2026, 12, 26))
    assert not target_closed(date(2026, 4, 7)) and not target_closed(date(2026, 11, 26))
    thursday = datetime(2026, 4, 2, 14, tzinfo=UTC)
    assert ECB.latest(datetime(2026, 4, 6, 18, tzinfo=UTC)) == thursday
    assert ECB.following(thursday) == datetime(2026, 4, 7, 14, tzinfo=UTC)


def test_intraday_quotes_tick_every_quarter_hour_while_the_market_is_open() -> None:
    # Wednesday 25 November: 10:07 in New York is 15:07 UTC.
    assert US_INTRADAY.latest(utc(25, 15, 7)) == utc(25, 15, 0)
    assert US_INTRADAY.latest(utc(25, 14, 0)) == utc(24, 21, 0)  # before the opening: the close
    assert US_INTRADAY.following(utc(25, 21, 7)) == utc(26, 14, 30)  # the next opening


def test_fred_closes_are_current_until_the_next_one_is_posted() -> None:
    friday_close = utc(20, 21)
    assert US_CLOSE.is_current(friday_close, utc(23, 16))  # Monday morning in New York
    assert US_CLOSE.is_current(friday_close, utc(24, 16))  # Monday's close not yet posted
    assert not US_CLOSE.is_current(friday_close, utc(24, 17))


def test_a_provider_never_asked_is_due() -> None:
    assert is_due("ecb", None, NOW)
    assert next_due(["ecb", "erapi"], {}, NOW) == NOW


def test_a_provider_is_not_asked_again_within_the_retry_interval() -> None:
    failed = ProviderStatus("ecb", NOW - timedelta(minutes=5), None, "down", 0, None)
    assert not is_due("ecb", failed, NOW)
    assert next_due(["ecb"], {"ecb": failed}, NOW) == NOW - timedelta(minutes=5) + RETRY
    assert is_due("ecb", failed, NOW + RETRY)


def test_the_ecb_is_due_once_its_next_rates_should_be_out() -> None:
    current = status(utc(26, 11), utc(26, 11), utc(25, 15))
    assert not is_due("ecb", current, NOW)
    assert next_due(["ecb"], {"ecb": current}, NOW) == utc(26, 16)  # 16:00 CET and an hour's slack
    assert is_due("ecb", current, utc(26, 16))


def test_a_late_publication_is_asked_for_again_after_the_retry_interval() -> None:
    late = status(utc(26, 16, 5), utc(26, 16, 5), utc(25, 15))  # still yesterday's at 17:05 CET
    assert not is_due("ecb", late, utc(26, 16, 20))
    assert is_due("ecb", late, utc(26, 16, 5) + RETRY)


def test_the_history_is_asked_for_once_a_week() -> None:
    fetched = status(utc(20, 12), utc(20, 12), utc(19, 15))
    assert not is_due("ecb-history", fetched, utc(26, 12))
    assert next_due(["ecb-history"], {"ecb-history": fetched}, NOW) == utc(20, 12) + HISTORY_REFRESH
    assert is_due("ecb-history", fetched, utc(27, 12))


def test_the_earliest_provider_sets_the_next_refresh() -> None:
    statuses = {
        "ecb": status(utc(26, 11), utc(26, 11), utc(25, 15)),
        "erapi": ProviderStatus("erapi", utc(26, 11), utc(26, 11), None, 160, utc(26, 0, 2)),
    }
    assert next_due(["ecb", "erapi"], statuses, NOW) == utc(26, 16)
