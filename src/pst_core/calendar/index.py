"""Per-year index of a working calendar: the fast path behind every query.

For one local year it holds every open window as UTC microseconds since the
epoch (sorted), the cumulative open time before each window, and each working
day with its closing instant. Queries are then a ``bisect`` and some integer
arithmetic: O(log n), no day-by-day or minute-by-minute loop.

Private: :class:`pst_core.calendar.WorkingCalendar` builds and uses these.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Literal

import attrs

from pst_core.calendar.hours import Window

__all__ = ["EPOCH", "ONE_MICROSECOND", "DayPlan", "OffDay", "YearIndex", "build_year"]

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
ONE_MICROSECOND = timedelta(microseconds=1)

OffKind = Literal["weekend", "national", "cuti_bersama", "closure", "no_hours"]


@attrs.frozen
class OffDay:
    """Why a day is not a working day (internal form of :class:`~pst_core.calendar.Skipped`)."""

    day: date
    reason: str
    reason_id: str
    kind: OffKind


@attrs.frozen
class DayPlan:
    """What one local date looks like: its windows, or why it is closed."""

    day: date
    windows: tuple[Window, ...]
    off: OffDay | None = None


def to_micros(moment: datetime) -> int:
    """Microseconds since the epoch of an aware datetime."""
    return (moment - EPOCH) // ONE_MICROSECOND


def from_micros(micros: int, zone: tzinfo) -> datetime:
    """The instant ``micros`` after the epoch, in ``zone``."""
    return (EPOCH + micros * ONE_MICROSECOND).astimezone(zone)


def local_micros(day: date, minute: int, zone: tzinfo) -> int:
    """The instant of local wall-clock ``minute`` (0..1440) on ``day`` in ``zone``."""
    moment = datetime(day.year, day.month, day.day, tzinfo=zone) + timedelta(minutes=minute)
    # Adding a timedelta to an aware datetime is wall-clock arithmetic: re-localise it.
    return to_micros(moment.replace(tzinfo=None).replace(tzinfo=zone))


@attrs.frozen
class YearIndex:
    """Open windows and working days of one local year, ready for bisect.

    Attributes:
        year: The local year.
        opens: Start of each open window (epoch microseconds), ascending.
        closes: End of each open window, ascending.
        cumulative: ``cumulative[i]`` is the open time before window ``i`` (one entry more).
        day_ordinals: ``date.toordinal()`` of each working day, ascending.
        day_closes: Closing instant (end of the last window) of each working day.
        day_midnights: Local midnight (start) of each working day.
        off_days: Every non-working day with its reason, ascending.
    """

    year: int
    opens: tuple[int, ...]
    closes: tuple[int, ...]
    cumulative: tuple[int, ...]
    day_ordinals: tuple[int, ...]
    day_closes: tuple[int, ...]
    day_midnights: tuple[int, ...]
    off_days: tuple[OffDay, ...]

    @property
    def total(self) -> int:
        """Open time in the whole year, in microseconds."""
        return self.cumulative[-1]


def build_year(year: int, plan: Callable[[date], DayPlan], zone: tzinfo) -> YearIndex:
    """Index ``year`` from a function that plans each day."""
    opens: list[int] = []
    closes: list[int] = []
    cumulative = [0]
    ordinals: list[int] = []
    day_closes: list[int] = []
    midnights: list[int] = []
    off_days: list[OffDay] = []
    first = date(year, 1, 1).toordinal()
    last = date(year, 12, 31).toordinal()
    for ordinal in range(first, last + 1):
        day_plan = plan(date.fromordinal(ordinal))
        if day_plan.off is not None:
            off_days.append(day_plan.off)
            continue
        for window in day_plan.windows:
            start = local_micros(day_plan.day, window.start, zone)
            end = local_micros(day_plan.day, window.end, zone)
            opens.append(start)
            closes.append(end)
            cumulative.append(cumulative[-1] + end - start)
        ordinals.append(ordinal)
        day_closes.append(closes[-1])
        midnights.append(local_micros(day_plan.day, 0, zone))
    return YearIndex(
        year=year,
        opens=tuple(opens),
        closes=tuple(closes),
        cumulative=tuple(cumulative),
        day_ordinals=tuple(ordinals),
        day_closes=tuple(day_closes),
        day_midnights=tuple(midnights),
        off_days=tuple(off_days),
    )
