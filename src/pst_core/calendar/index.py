"""Per-year index of a working calendar: the fast path behind every query.

For one local year it holds every open window as UTC microseconds since the
epoch (sorted), the cumulative open time before each window, and each working
day with its local midnight and closing instant. Queries are then a ``bisect``
and some integer arithmetic: O(log n), no day-by-day or minute-by-minute loop.

`WorkingCalendar.year_index` builds one on first use and keeps it, from a
function that plans each day (`DayPlan`: its windows, or why it is off); the
query engine (`pst_core.calendar.queries`) and the column functions of
`pst_core.calendar.columns` read the same indexes. It knows nothing of the
calendar's rules, only of the days it is given.

Instants are absolute: every position in the index is a UTC instant, so two
instants compare by the time that passed, never by their wall clock (a
``fold=1`` datetime in an autumn DST fold sorts after the ``fold=0`` one).
A wall-clock window edge that does not exist (in a spring-forward gap) is
read as Python reads such a time with ``fold=0``: with the offset in force
before the gap, i.e. it moves forward by the gap.

Examples:
    >>> from pst_core.calendar import WorkingCalendar
    >>> index = WorkingCalendar.pst().year_index(2026)
    >>> len(index.day_ordinals), index.total // 3_600_000_000  # working days, open hours
    (240, 1823)
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone, tzinfo

import attrs

from pst_core.calendar.deadline import Provisional, Skipped
from pst_core.calendar.hours import Window
from pst_core.i18n import text

__all__ = [
    "EPOCH",
    "MICROS_PER_MINUTE",
    "ONE_MICROSECOND",
    "DayPlan",
    "YearIndex",
    "build_year",
    "from_micros",
    "local_micros",
    "to_micros",
]

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
ONE_MICROSECOND = timedelta(microseconds=1)
MICROS_PER_MINUTE = 60_000_000


@attrs.frozen
class DayPlan:
    """What one local date looks like: its windows, or why it is closed."""

    day: date
    windows: tuple[Window, ...]
    off: Skipped | None = None


def to_micros(moment: datetime) -> int:
    """Microseconds since the epoch of an aware datetime (exact, fold-aware)."""
    return (moment - EPOCH) // ONE_MICROSECOND


def from_micros(micros: int, zone: tzinfo) -> datetime:
    """The instant ``micros`` after the epoch, in ``zone`` (exact)."""
    return (EPOCH + micros * ONE_MICROSECOND).astimezone(zone)


def local_micros(day: date, minute: int, zone: tzinfo) -> int:
    """The instant of local wall-clock ``minute`` (0..1440) on ``day`` in ``zone``.

    A wall time in a spring-forward gap reads with ``fold=0`` (the offset before the gap).
    """
    moment = datetime(day.year, day.month, day.day, tzinfo=zone) + timedelta(minutes=minute)
    # Adding a timedelta to an aware datetime is wall-clock arithmetic: re-localise it.
    return to_micros(moment.replace(tzinfo=None).replace(tzinfo=zone))


@attrs.frozen
class YearIndex:
    """Open windows and working days of one local year, ready for bisect.

    Every instant is an ``int`` of UTC microseconds since the epoch.

    Attributes:
        year: The local year.
        zone: The calendar's time zone.
        begins: Local midnight starting 1 January.
        ends: Local midnight starting 1 January of the next year.
        opens: Start of each open window, ascending.
        closes: End of each open window, ascending.
        cumulative: ``cumulative[i]`` is the open time before window ``i`` (one entry more).
        open_times: ``opens`` as datetimes in ``zone`` (answers are built from them).
        offset: The zone's UTC offset in seconds when it is steady (see ``steady``), else None.
        steady: True when ``zone``'s UTC offset is the same at every window edge and
            working-day midnight of the year (and at its bounds): a time inside a window is
            then its opening plus a wall-clock step, and a local date starts at its midnight.
        day_ordinals: ``date.toordinal()`` of each working day, ascending.
        first_ordinal: ``date.toordinal()`` of 1 January.
        days_through: ``days_through[k]`` is the number of working days from 1 January up
            to and including the day ``first_ordinal + k`` (a lookup in place of a bisect).
        day_closes: Closing instant (end of the last window) of each working day.
        day_close_times: ``day_closes`` as datetimes in ``zone``.
        day_midnights: Local midnight (start) of each working day.
        off_days: Every non-working day with its reason, ascending.
        off_ordinals: ``date.toordinal()`` of each of ``off_days``.
        estimated: ``(ordinal, reason)`` of each estimated holiday the calendar closes on.
        undecreed: Why the year is provisional as a whole (no cuti bersama decree), or None.
    """

    year: int
    zone: tzinfo
    begins: int
    ends: int
    opens: tuple[int, ...]
    closes: tuple[int, ...]
    cumulative: tuple[int, ...]
    open_times: tuple[datetime, ...]
    steady: bool
    offset: int | None
    day_ordinals: tuple[int, ...]
    first_ordinal: int
    days_through: tuple[int, ...]
    day_closes: tuple[int, ...]
    day_close_times: tuple[datetime, ...]
    day_midnights: tuple[int, ...]
    off_days: tuple[Skipped, ...]
    off_ordinals: tuple[int, ...]
    estimated: tuple[tuple[int, Provisional], ...] = ()
    undecreed: Provisional | None = None

    @property
    def total(self) -> int:
        """Open time in the whole year, in microseconds."""
        return self.cumulative[-1]

    def off_days_between(self, first: int, last: int) -> tuple[Skipped, ...]:
        """The days off whose ``date.toordinal()`` is in ``[first, last)``."""
        ordinals = self.off_ordinals
        return self.off_days[
            bisect.bisect_left(ordinals, first) : bisect.bisect_left(ordinals, last)
        ]

    def elapsed(self, micros: int) -> int:
        """Open time in the year before the instant ``micros``."""
        i = bisect.bisect_right(self.opens, micros) - 1
        if i < 0:
            return 0
        return self.cumulative[i] + min(micros, self.closes[i]) - self.opens[i]


def build_year(
    year: int,
    plan: Callable[[date], DayPlan],
    zone: tzinfo,
    *,
    estimated: tuple[tuple[int, Provisional], ...] = (),
    undecreed: Provisional | None = None,
) -> YearIndex:
    """Index ``year`` from a function that plans each day.

    A day planned without an ``off`` reason must have at least one window.
    """
    opens: list[int] = []
    closes: list[int] = []
    cumulative = [0]
    ordinals: list[int] = []
    day_closes: list[int] = []
    midnights: list[int] = []
    off_days: list[Skipped] = []
    offsets: set[timedelta | None] = set()
    begins = local_micros(date(year, 1, 1), 0, zone)
    ends = local_micros(date(year, 12, 31), 24 * 60, zone)
    first = date(year, 1, 1).toordinal()
    last = date(year, 12, 31).toordinal()
    for ordinal in range(first, last + 1):
        day_plan = plan(date.fromordinal(ordinal))
        if day_plan.off is not None:
            off_days.append(day_plan.off)
            continue
        if not day_plan.windows:  # the calendar refuses such days; never index one
            raise AssertionError(f"working day {day_plan.day} without windows")
        added = len(opens)
        for window in day_plan.windows:
            start = local_micros(day_plan.day, window.start, zone)
            end = local_micros(day_plan.day, window.end, zone)
            if end <= start:  # a window swallowed by a DST gap holds no time
                continue
            opens.append(start)
            closes.append(end)
            cumulative.append(cumulative[-1] + end - start)
            offsets.add(from_micros(start, zone).utcoffset())
            offsets.add(from_micros(end, zone).utcoffset())
        if len(opens) == added:
            off_days.append(
                Skipped(
                    day_plan.day,
                    text("calendar.no_hours", "id"),
                    "no_hours",
                    text("calendar.no_hours", "en"),
                )
            )
            continue
        midnight = local_micros(day_plan.day, 0, zone)
        offsets.add(from_micros(midnight, zone).utcoffset())
        ordinals.append(ordinal)
        day_closes.append(closes[-1])
        midnights.append(midnight)
    offsets.add(from_micros(begins, zone).utcoffset())
    offsets.add(from_micros(ends, zone).utcoffset())
    steady = len(offsets) == 1 and None not in offsets
    offset = None
    if steady:
        (only,) = offsets
        assert only is not None
        offset = only // timedelta(seconds=1) if not only % timedelta(seconds=1) else None
        steady = offset is not None
    return YearIndex(
        year=year,
        zone=zone,
        begins=begins,
        ends=ends,
        opens=tuple(opens),
        closes=tuple(closes),
        cumulative=tuple(cumulative),
        open_times=tuple(from_micros(m, zone) for m in opens),
        steady=steady,
        offset=offset,
        day_ordinals=tuple(ordinals),
        first_ordinal=first,
        days_through=tuple(
            bisect.bisect_right(ordinals, ordinal) for ordinal in range(first, last + 1)
        ),
        day_closes=tuple(day_closes),
        day_close_times=tuple(from_micros(m, zone) for m in day_closes),
        day_midnights=tuple(midnights),
        off_days=tuple(off_days),
        off_ordinals=tuple(off.day.toordinal() for off in off_days),
        estimated=estimated,
        undecreed=undecreed,
    )
