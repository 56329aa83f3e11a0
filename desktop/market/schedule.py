"""When each provider publishes: whether a figure is still its latest, and when to ask again.

A figure is stale when its provider should, by its own timetable, have published a newer one by
now (with some slack for a late publication): the ECB's Friday rates are current all weekend, and
a snapshot never is. A provider is due for a refresh when such a newer figure should exist and we
have not just asked for it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from desktop.domain import ProviderStatus

SATURDAY = 5
# How often to ask again after a failure, or when a publication is late.
RETRY = timedelta(minutes=30)
# The 90-day history only fills gaps: asked for once, then again after a week without it.
HISTORY_REFRESH = timedelta(days=7)
# Look back at most this far for the previous publication (a long run of holidays).
LOOKBACK_DAYS = 14


@dataclass(frozen=True, slots=True)
class Timetable:
    """When a provider publishes: at ``at`` (local time in ``zone``) on its publishing days, and
    for intraday figures every ``every`` from ``opens`` until ``at``.

    ``slack`` is how late a publication may come before the figure it replaces counts as stale;
    ``sentence`` says the timetable in words, for a tooltip.
    """

    zone: str
    at: time
    working_days: bool
    slack: timedelta
    sentence: str
    closed: Callable[[date], bool] | None = None
    opens: time | None = None
    every: timedelta | None = None

    def latest(self, moment: datetime) -> datetime:
        """The last time a figure was due at or before ``moment``."""
        local = moment.astimezone(ZoneInfo(self.zone))
        day = local.date()
        if self._publishes(day) and self.opens is not None and self.every is not None:
            opening = self._at(day, self.opens)
            closing = self._at(day, self.at)
            if opening <= local < closing:
                steps = (local - opening) // self.every
                return (opening + steps * self.every).astimezone(UTC)
        for back in range(LOOKBACK_DAYS + 1):
            candidate = day - timedelta(days=back)
            publication = self._at(candidate, self.at)
            if self._publishes(candidate) and publication <= local:
                return publication.astimezone(UTC)
        return (local - timedelta(days=LOOKBACK_DAYS)).astimezone(UTC)

    def following(self, moment: datetime) -> datetime:
        """The first time a figure is due after ``moment``."""
        local = moment.astimezone(ZoneInfo(self.zone))
        for ahead in range(LOOKBACK_DAYS + 1):
            day = local.date() + timedelta(days=ahead)
            if not self._publishes(day):
                continue
            for due in self._due_times(day):
                if due > local:
                    return due.astimezone(UTC)
        return (local + timedelta(days=LOOKBACK_DAYS)).astimezone(UTC)

    def stale_from(self, as_of: datetime) -> datetime:
        """When a figure published at ``as_of`` stops being current."""
        return self.following(as_of + self._tolerance()) + self.slack

    def is_current(self, as_of: datetime, now: datetime) -> bool:
        """Whether a figure published at ``as_of`` is still the latest one to expect at ``now``."""
        return as_of >= self.latest(now - self.slack) - self._tolerance()

    def _tolerance(self) -> timedelta:
        """How much earlier than its scheduled time a figure may carry (a last trade at 15:59
        is the 16:00 close)."""
        return self.every or timedelta(hours=2)

    def _due_times(self, day: date) -> list[datetime]:
        """The times figures are due on a publishing day, in order."""
        closing = self._at(day, self.at)
        if self.opens is None or self.every is None:
            return [closing]
        times, moment = [], self._at(day, self.opens)
        while moment < closing:
            times.append(moment)
            moment += self.every
        return [*times, closing]

    def _publishes(self, day: date) -> bool:
        """Whether figures come out on ``day``."""
        if self.working_days and day.weekday() >= SATURDAY:
            return False
        return not (self.closed is not None and self.closed(day))

    def _at(self, day: date, clock: time) -> datetime:
        """``day`` at ``clock`` in the timetable's zone."""
        return datetime.combine(day, clock, tzinfo=ZoneInfo(self.zone))


def target_closed(day: date) -> bool:
    """Whether the euro area's TARGET system is closed, so the ECB publishes no rates: New
    Year's Day, Good Friday, Easter Monday, 1 May, 25 and 26 December."""
    if (day.month, day.day) in {(1, 1), (5, 1), (12, 25), (12, 26)}:
        return True
    return day in _easter_closures(day.year)


@cache
def _easter_closures(year: int) -> frozenset[date]:
    """Good Friday and Easter Monday of ``year``."""
    from dateutil.easter import easter

    sunday = easter(year)
    return frozenset({sunday - timedelta(days=2), sunday + timedelta(days=1)})


ECB = Timetable(
    zone="Europe/Berlin",
    at=time(16, 0),
    working_days=True,
    closed=target_closed,
    slack=timedelta(hours=1),
    sentence="it publishes every working day around 16:00 CET",
)
DAILY_UTC = Timetable(
    zone="UTC",
    at=time(0, 0),
    working_days=False,
    slack=timedelta(hours=3),
    sentence="it publishes once a day, soon after midnight UTC",
)
# FRED posts a US market day's close the next morning; US market holidays are not counted, so a
# figure may look stale for the day after one.
US_CLOSE = Timetable(
    zone="America/New_York",
    at=time(16, 0),
    working_days=True,
    slack=timedelta(hours=20),
    sentence="it publishes each US market day's closing values the next morning",
)
US_INTRADAY = Timetable(
    zone="America/New_York",
    at=time(16, 0),
    opens=time(9, 30),
    every=timedelta(minutes=15),
    working_days=True,
    slack=timedelta(minutes=20),
    sentence="its quotes move every few minutes while US markets are open",
)
# Providers by their names for people (as figures carry them): how a sentence names them, and
# their timetables. A test checks these names against the providers'.
PUBLISHERS: Mapping[str, tuple[str, Timetable]] = {
    "European Central Bank": ("the European Central Bank", ECB),
    "ExchangeRate-API": ("ExchangeRate-API", DAILY_UTC),
    "FRED (St. Louis Fed)": ("FRED (St. Louis Fed)", US_CLOSE),
    "Finnhub": ("Finnhub", US_INTRADAY),
}
# Provider keys to their timetables (the 90-day history follows the daily file's).
TIMETABLES: Mapping[str, Timetable] = {
    "ecb": ECB,
    "ecb-history": ECB,
    "erapi": DAILY_UTC,
    "fred": US_CLOSE,
    "quotes": US_INTRADAY,
}


def is_due(key: str, status: ProviderStatus | None, now: datetime) -> bool:
    """Whether to ask the provider ``key`` for figures now."""
    if status is None or status.last_attempt is None:
        return True
    if now - status.last_attempt < RETRY:
        return False
    if status.last_success is None or status.newest is None:
        return True
    if key == "ecb-history":
        return now - status.last_success >= HISTORY_REFRESH
    timetable = TIMETABLES.get(key)
    return timetable is None or not timetable.is_current(status.newest, now)


def next_due(keys: list[str], statuses: Mapping[str, ProviderStatus], now: datetime) -> datetime:
    """The next time any of these providers will be due (``now`` if one already is)."""
    moments = [_next_due(key, statuses.get(key), now) for key in keys]
    return min(moments, default=now + RETRY)


def _next_due(key: str, status: ProviderStatus | None, now: datetime) -> datetime:
    """When the provider ``key`` will next be due."""
    if is_due(key, status, now):
        return now
    assert status is not None and status.last_attempt is not None
    retry = status.last_attempt + RETRY
    if status.last_success is None or status.newest is None:
        return max(retry, now)
    if key == "ecb-history":
        return max(retry, status.last_success + HISTORY_REFRESH)
    timetable = TIMETABLES.get(key)
    if timetable is None:
        return max(retry, now)
    return max(retry, timetable.stale_from(status.newest), now)
