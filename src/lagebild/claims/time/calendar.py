"""Date arithmetic for time normalisation: weekdays, ISO weeks, month and year offsets."""

from __future__ import annotations

import calendar
import datetime as dt


def weekday_before(anchor: dt.date, weekday: int, *, strict: bool = False) -> dt.date:
    """The most recent ``weekday`` on or before ``anchor`` (strictly before if ``strict``)."""
    back = (anchor.weekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back)


def weekday_after(anchor: dt.date, weekday: int, *, strict: bool = True) -> dt.date:
    """The next ``weekday`` after ``anchor`` (or on it if not ``strict``)."""
    ahead = (weekday - anchor.weekday()) % 7
    if strict and ahead == 0:
        ahead = 7
    return anchor + dt.timedelta(days=ahead)


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + (day.month - 1) + months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def shift(day: dt.date, n: int, unit: str) -> dt.date:
    """``day`` moved by ``n`` units (D, W, M, Y, DE)."""
    if unit == "D":
        return day + dt.timedelta(days=n)
    if unit == "W":
        return day + dt.timedelta(weeks=n)
    if unit == "M":
        return add_months(day, n)
    if unit == "Y":
        return add_months(day, 12 * n)
    if unit == "DE":
        return add_months(day, 120 * n)
    raise ValueError(f"unknown unit {unit!r}")


def valid_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(value: str | None) -> dt.date | None:
    """The calendar day of an ISO date or timestamp string, else None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None
