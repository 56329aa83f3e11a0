"""Dates as a newspaper reader writes them: "14:05", "Yesterday", "Mon 09:30", "24 Nov 2024"."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime


def when_label(moment: datetime, now: datetime | None = None) -> str:
    """A short label for when an article appeared, relative to ``now``, in local time."""
    local = moment.astimezone()
    today = (now or datetime.now().astimezone()).astimezone().date()
    locale = QLocale()
    time = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    day = local.date()
    if day == today:
        return time
    if day == today - timedelta(days=1):
        return f"Yesterday {time}"
    date = QDate(day.year, day.month, day.day)
    if timedelta(0) < today - day < timedelta(days=7):
        return f"{locale.toString(date, 'ddd')} {time}"
    if day.year == today.year:
        return locale.toString(date, "d MMM")
    return locale.toString(date, "d MMM yyyy")


def long_date(moment: datetime) -> str:
    """A full date and time for the reader's byline, such as "Tuesday 24 November 2026, 07:45"."""
    local = moment.astimezone()
    stamp = QDateTime.fromSecsSinceEpoch(int(local.timestamp()))
    locale = QLocale()
    date = locale.toString(stamp.date(), "dddd d MMMM yyyy")
    return f"{date}, {locale.toString(stamp.time(), QLocale.FormatType.ShortFormat)}"
