"""The query engine of a working calendar: add, deadline, working time, open and close.

`CalendarQueries` answers every question about instants from the per-year
indexes of `pst_core.calendar.index`: a bisect and integer arithmetic, never a
loop over days. It knows nothing of hours, holidays or closures: the class that
holds those, `WorkingCalendar`, inherits these queries and supplies
`year_index` (how its days look, year by year) and `holidays`.

It is a base class rather than a helper module because `add` is a hot path: a
method found on the class costs nothing, a call into another module's function
costs a measurable share of a scalar `add` (``benchmarks/calendar.py``).

Examples:
    >>> from pst_core.calendar import WorkingCalendar, WorkingDays
    >>> cal = WorkingCalendar.pst()
    >>> start = datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    >>> deadline = cal.deadline(start, WorkingDays(3))
    >>> deadline.due.isoformat()
    '2026-03-27T16:00:00+07:00'
    >>> [s.day.isoformat() for s in deadline.skipped][:3]
    ['2026-03-18', '2026-03-19', '2026-03-20']
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from pst_core._validation import require_aware, require_date
from pst_core.calendar.deadline import Deadline, LatestStart, Provisional, Skipped
from pst_core.calendar.durations import (
    CalendarDays,
    CalendarMonths,
    Duration,
    WorkingDays,
    WorkingTime,
)
from pst_core.calendar.holidays import DecreedDay, HolidayYear, check_year
from pst_core.calendar.hours import WorkingHours
from pst_core.calendar.index import (
    MICROS_PER_MINUTE,
    ONE_MICROSECOND,
    YearIndex,
    from_micros,
    to_micros,
)
from pst_core.errors import InvalidTypeError, InvalidValueError, Phrase

__all__ = ["CalendarQueries"]

# Fixed zones (`datetime.timezone`: UTC, +07:00 from fromisoformat) seen so far, with their
# UTC offset in whole seconds: a start in one needs no utcoffset() call.
_OFFSET_SECONDS: dict[object, int] = {}
# Wall-clock steps of whole minutes inside one day, built once: answers are opening + step.
_MINUTE_STEPS = tuple(timedelta(minutes=m) for m in range(24 * 60 + 1))
# The mean Gregorian year: epoch microseconds // this is the UTC year give or take a day.
_MICROS_PER_YEAR = 31_556_952_000_000
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_ONE_SECOND = timedelta(seconds=1)


def offset_seconds(offset: timedelta | None, zone: object) -> int | None:
    """A UTC offset (``datetime.utcoffset()``) in whole seconds; a fixed ``zone``'s is kept.

    ``None`` for a naive datetime's ``None``, a sub-second offset or anything else: the
    general path answers (or refuses) those. Only a `datetime.timezone` is remembered (by
    the offset it compares by): another zone's offset depends on the instant.
    """
    if offset.__class__ is not timedelta or offset % _ONE_SECOND:
        return None
    seconds: int = offset // _ONE_SECOND
    if zone.__class__ is timezone and len(_OFFSET_SECONDS) < 4096:  # a flood is not kept
        _OFFSET_SECONDS[zone] = seconds
    return seconds


# Classes read by their epoch nanoseconds (pandas' Timestamp: its wall-clock fields and
# utcoffset() are computed, its ``value`` is stored), by whether they are one.
_NANOS_TYPES: dict[type, bool] = {}


def epoch_nanos(moment: object) -> int | None:
    """An aware pandas ``Timestamp``'s nanoseconds since the epoch (its ``value``), else ``None``.

    pandas is never imported: the class is recognised by its name and module.
    """
    cls = moment.__class__
    known = _NANOS_TYPES.get(cls)
    if known is None:
        known = _NANOS_TYPES[cls] = cls.__name__ == "Timestamp" and cls.__module__.startswith(
            "pandas"
        )
    if not known or moment.tzinfo is None:  # type: ignore[attr-defined]
        return None
    try:
        value: int = moment.value  # type: ignore[attr-defined]
    except OverflowError:  # a coarser unit's instant past nanoseconds' range (year 2262)
        return None
    return value


def _working_time(
    years: dict[int, YearIndex], index: YearIndex, micros: int, amount: int
) -> datetime | None:
    """The fast path of `CalendarQueries.add` for working time within two steady years.

    ``None`` when it does not apply: nothing to add, the answer is past the next year,
    whose index is not built yet or not steady, or falls off a whole minute (the general
    path answers those).
    """
    if not amount:
        return None
    opens = index.opens
    cumulative = index.cumulative
    i = bisect_right(opens, micros) - 1
    if i >= 0:
        closes = index.closes[i]
        amount += cumulative[i] + (closes if micros > closes else micros) - opens[i]
    if amount > cumulative[-1]:  # runs into the next year
        index = years.get(index.year + 1)  # type: ignore[assignment]
        if index is None or index.offset is None:
            return None
        amount -= cumulative[-1]
        cumulative = index.cumulative
        if amount > cumulative[-1]:
            return None
    j = bisect_left(cumulative, amount) - 1
    minutes, rest = divmod(amount - cumulative[j], MICROS_PER_MINUTE)
    if rest:
        return None
    return index.open_times[j] + _MINUTE_STEPS[minutes]


def _day_close(years: dict[int, YearIndex], index: YearIndex, i: int) -> datetime | None:
    """The closing of working day ``i`` of ``index``'s year, counting on into the next year.

    ``None`` when that is past the next year or its index is not built yet.
    """
    closing = index.day_close_times
    if i < len(closing):
        return closing[i]
    following = years.get(index.year + 1)
    if following is not None:
        i -= len(closing)
        if i < len(following.day_close_times):
            return following.day_close_times[i]
    return None


class CalendarQueries:
    """The questions a working calendar answers about instants and days.

    A base class of `WorkingCalendar` (use that): it supplies `year_index`,
    `holidays` and the fields read here; these methods answer from its indexes.
    Every instant argument must be timezone-aware; answers are given in the
    calendar's zone.
    """

    __slots__ = ()

    # What the engine, and the Deadline it hands back, read of the calendar (its fields, caches).
    name: str
    timezone: ZoneInfo
    hours: WorkingHours
    decreed: tuple[DecreedDay, ...]
    source: str
    _years: dict[int, YearIndex]
    _recent: YearIndex | None

    def year_index(self, year: int) -> YearIndex:
        """The index of one local year (built by the calendar that holds the days)."""
        raise NotImplementedError

    def holidays(self, year: int) -> HolidayYear:
        """The holidays of ``year`` the calendar applies."""
        raise NotImplementedError

    # -- deadlines ----------------------------------------------------------------------

    # The fast paths are inlined on purpose: one more call per add costs a measurable share of
    # a scalar add (benchmarks/calendar.py); tests/calendar/test_fast_paths_agree.py checks each
    # against `_add`.
    def add(self, start: datetime, duration: Duration) -> datetime:  # noqa: C901, PLR0911, PLR0912 - hot path
        """The instant ``duration`` after ``start`` on this calendar.

        * `WorkingTime`: when that much open time has elapsed, counting from
          ``start`` (from the next opening when closed); a time that runs out exactly
          at a closing gives that closing. ``WorkingTime(0)`` gives ``start``.
        * `WorkingDays`: the closing of the n-th working day after ``start``'s
          local date (the day of receipt never counts, whatever the hour).
        * `CalendarDays` / `CalendarMonths`: the same local wall-clock time n days /
          months later (see `CalendarDays.after`, `CalendarMonths.after`).

        The answer is never before ``start``, and is given in the calendar's zone.

        Examples:
            >>> from pst_core.calendar import WorkingCalendar
            >>> cal, wib = WorkingCalendar.pst(), ZoneInfo("Asia/Jakarta")
            >>> cal.add(datetime(2026, 11, 26, 15, 25, tzinfo=wib), WorkingTime(10)).isoformat()
            '2026-11-27T08:05:00+07:00'
            >>> cal.add(datetime(2026, 1, 31, 10, 0, tzinfo=wib), CalendarMonths(1)).isoformat()
            '2026-02-28T10:00:00+07:00'
        """
        # Fast paths, for any aware datetime (a subclass such as pandas' Timestamp too) in a
        # year whose UTC offset does not change: read from the wall clock when the start's
        # offset is the calendar's (its own zone, +07:00 from fromisoformat, Asia/Bangkok...),
        # else as epoch microseconds from the wall clock and the start's offset.
        kind = duration.__class__
        if start.__class__ is not datetime and (nanos := epoch_nanos(start)) is not None:
            due = self._add_at(nanos // 1000, duration)
            if due is not None:
                return due
        elif start.__class__ is datetime or isinstance(start, datetime):
            index = self._years.get(start.year)
            if index is not None and index.offset is not None:
                zone = start.tzinfo
                shift: int | None = 0
                if zone is not self.timezone:  # a fixed zone: its offset is kept
                    seconds_off = _OFFSET_SECONDS.get(zone) if zone.__class__ is timezone else None
                    if seconds_off is None:
                        seconds_off = offset_seconds(start.utcoffset(), zone)
                    shift = None if seconds_off is None else index.offset - seconds_off
                if shift == 0:  # the calendar's own wall clock
                    if kind is WorkingDays:
                        i = index.days_through[start.toordinal() - index.first_ordinal]
                        i += duration.n - 1  # type: ignore[union-attr]
                        closing = index.day_close_times
                        if i < len(closing):
                            return closing[i]
                        due = _day_close(self._years, index, i)  # on into the next year
                        if due is not None:
                            return due
                    elif kind is WorkingTime:
                        seconds = (
                            ((start.toordinal() - _EPOCH_ORDINAL) * 24 + start.hour) * 60
                            + start.minute
                        ) * 60 + start.second
                        micros = (seconds - index.offset) * 1_000_000 + start.microsecond
                        due = _working_time(self._years, index, micros, duration.micros)  # type: ignore[union-attr]
                        if due is not None:
                            return due
                elif shift is not None:  # another offset: the instant, then its local year
                    if kind is WorkingDays:  # the local date, from the wall clock and the shift
                        seconds = (start.hour * 60 + start.minute) * 60 + start.second + shift
                        k = start.toordinal() + seconds // 86_400 - index.first_ordinal
                        if 0 <= k < len(index.days_through):
                            i = index.days_through[k] + duration.n - 1  # type: ignore[union-attr]
                            closing = index.day_close_times
                            if i < len(closing):
                                return closing[i]
                            due = _day_close(self._years, index, i)
                            if due is not None:
                                return due
                    elif kind is WorkingTime:
                        seconds = (
                            ((start.toordinal() - _EPOCH_ORDINAL) * 24 + start.hour) * 60
                            + start.minute
                        ) * 60 + start.second
                        micros = (seconds + shift - index.offset) * 1_000_000 + start.microsecond
                        if not index.begins <= micros < index.ends:  # another local year
                            index = self._index_at(micros)
                        if index.offset is not None:
                            due = _working_time(self._years, index, micros, duration.micros)  # type: ignore[union-attr]
                            if due is not None:
                                return due
        return self._add(start, duration)

    def _add_at(self, micros: int, duration: Duration) -> datetime | None:
        """The fast path of `add` from epoch microseconds (a pandas Timestamp's), or ``None``."""
        index = self._index_at(micros)
        if index.offset is None:
            return None
        if duration.__class__ is WorkingTime:
            return _working_time(self._years, index, micros, duration.micros)
        if duration.__class__ is WorkingDays:
            i = bisect_right(index.day_midnights, micros) + duration.n - 1
            return _day_close(self._years, index, i)
        return None

    def _add(self, start: datetime, duration: Duration) -> datetime:
        """The general path of `add`: exact integers, any zone, any year."""
        micros = self._micros(start, "start")
        if isinstance(duration, WorkingTime):
            if duration.micros == 0:
                return self._local(start, "start")
            return self._add_working_time(micros, duration.micros)
        if isinstance(duration, WorkingDays):
            return self._add_working_days(start, duration.n)
        if isinstance(duration, (CalendarDays, CalendarMonths)):
            due = duration.after(self._local(start, "start"))
            self.year_index(due.year)  # the same horizon as every other query
            return due
        raise InvalidTypeError(
            "duration", duration, Phrase("calendar.error.expected_duration_kinds")
        )

    def _add_working_time(self, micros: int, amount: int) -> datetime:
        index = self._index_at(micros)
        target = index.elapsed(micros) + amount
        while target > index.total:
            target -= index.total
            index = self.year_index(index.year + 1)
        j = bisect_left(index.cumulative, target) - 1
        return from_micros(index.opens[j] + target - index.cumulative[j], self.timezone)

    def _add_working_days(self, start: datetime, n: int) -> datetime:
        local = self._local(start, "start")
        index = self.year_index(local.year)
        position = bisect_right(index.day_ordinals, local.toordinal()) + n - 1
        while position >= len(index.day_ordinals):
            position -= len(index.day_ordinals)
            index = self.year_index(index.year + 1)
        return from_micros(index.day_closes[position], self.timezone)

    def deadline(self, start: datetime, duration: Duration) -> Deadline:
        """The due instant of ``duration`` from ``start``, with why it falls then.

        The result lists every non-working day passed over (for working durations)
        and says whether it is provisional: whether it depends on an estimated
        holiday or on a year without a cuti bersama decree in the data.

        Examples:
            >>> from pst_core.calendar import WorkingCalendar
            >>> d = WorkingCalendar.pst().deadline(
            ...     datetime(2028, 2, 24, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta")), WorkingDays(3))
            >>> d.provisional
            True
            >>> for reason in d.reasons:
            ...     print(reason.describe("id"))
            Hari Raya Idul Fitri pada Minggu, 27 Februari 2028 adalah tanggal perkiraan
            Hari kedua dari Hari Raya Idul Fitri pada Senin, 28 Februari 2028 adalah ...
            SKB cuti bersama 2028 belum ada dalam data hari libur (holidays ...)
        """
        due = self.add(start, duration)  # checks start and duration
        if start.tzinfo is self.timezone:
            local = start
        else:  # add() took it, so it is aware
            try:
                local = start.astimezone(self.timezone)
            except OverflowError:
                local = self._local(start, "start")  # says why
        skipped: tuple[Skipped, ...] = ()
        reasons: tuple[Provisional, ...] = ()
        sources: tuple[str, ...] = ()
        if duration.__class__ is WorkingTime or duration.__class__ is WorkingDays:
            first, last = local.toordinal(), due.toordinal()
            skipped, reasons = self._passed_over(local.year, first, due.year, last)
            if self.source or self.decreed:
                sources = self._sources(local.date(), due.date())
        # start, duration, due, provisional, reasons, skipped, sources, calendar (positional: hot)
        return Deadline(local, duration, due, bool(reasons), reasons, skipped, sources, self)

    def latest_start(self, due: datetime, duration: WorkingTime | WorkingDays) -> LatestStart:
        """The latest instant from which ``duration`` still ends by ``due``, with why.

        * `WorkingTime`: the exact last instant to start: ``add(latest, duration)``
          is at or before ``due``, and from any later instant it is after ``due``.
          ``WorkingTime(0)`` gives ``due`` itself.
        * `WorkingDays`: the last instant of the last day of receipt whose deadline
          (``add``) is still at or before ``due``. The day of receipt never counts,
          so it may be a day off; received the next day, it is due too late.

        The result lists the days off between the two and whether the answer is
        provisional, as `deadline` does. Calendar days and months are wall-clock
        arithmetic: subtract them from ``due`` yourself.

        Raises:
            InvalidTypeError: ``duration`` is not `WorkingTime` or `WorkingDays`.

        Examples:
            >>> from pst_core.calendar import WorkingCalendar
            >>> cal, wib = WorkingCalendar.pst(), ZoneInfo("Asia/Jakarta")
            >>> due = datetime(2026, 11, 30, 9, 0, tzinfo=wib)  # a Monday
            >>> cal.latest_start(due, WorkingTime(90)).latest.isoformat()
            '2026-11-27T15:30:00+07:00'
            >>> cal.latest_start(due, WorkingDays(1)).latest.isoformat()
            '2026-11-26T23:59:59.999999+07:00'
        """
        kind = duration.__class__
        if kind is not WorkingTime and kind is not WorkingDays:
            raise InvalidTypeError("duration", duration, (WorkingTime, WorkingDays))
        micros = self._micros(due, "due")
        if kind is WorkingTime:
            latest = self._latest_start_micros(micros, duration.micros)  # type: ignore[union-attr]
        else:
            latest = self._latest_receipt_micros(micros, duration.n)  # type: ignore[union-attr]
        start = from_micros(latest, self.timezone)
        local_due = self._local(due, "due")
        skipped, reasons = self._passed_over(
            start.year, start.toordinal(), local_due.year, local_due.toordinal()
        )
        sources: tuple[str, ...] = ()
        if self.source or self.decreed:
            sources = self._sources(start.date(), local_due.date())
        return LatestStart(
            start, duration, local_due, bool(reasons), reasons, skipped, sources, self
        )

    def _latest_start_micros(self, micros: int, amount: int) -> int:
        """The latest instant whose open time up to ``micros`` is at least ``amount``."""
        if not amount:
            return micros
        index = self._index_at(micros)
        target = index.elapsed(micros) - amount  # open time of the year before the answer
        while target < 0:
            index = self.year_index(index.year - 1)
            target += index.total
        # The last instant with that much open time before it: inside a window, or the
        # opening that follows when it is reached exactly at a closing (target < total here).
        j = bisect_right(index.cumulative, target) - 1
        return index.opens[j] + target - index.cumulative[j]

    def _latest_receipt_micros(self, micros: int, n: int) -> int:
        """The last instant of the last day whose ``n`` working days close by ``micros``."""
        index = self._index_at(micros)
        # The last working day closing by ``micros``, then ``n - 1`` working days back.
        position = bisect_right(index.day_closes, micros) - n
        while position < 0:
            index = self.year_index(index.year - 1)
            position += len(index.day_closes)
        return index.day_midnights[position] - 1

    def _sources(self, first: date, last: date) -> tuple[str, ...]:
        found = [self.source] if self.source else []
        for year in range(first.year, last.year + 1):
            found += self.holidays(year).decrees
        return tuple(dict.fromkeys(found))

    def _passed_over(
        self, first_year: int, first: int, last_year: int, last: int
    ) -> tuple[tuple[Skipped, ...], tuple[Provisional, ...]]:
        """Days off in ``[first, last)`` and provisional reasons in ``[first, last]``."""
        if first_year == last_year:  # the usual deadline: one year, often a settled one
            index = self.year_index(first_year)
            if not index.estimated and index.undecreed is None:
                return index.off_days_between(first, last), ()
        skipped: tuple[Skipped, ...] = ()
        reasons: list[Provisional] = []
        for year in range(first_year, last_year + 1):
            index = self.year_index(year)
            skipped += index.off_days_between(first, last)
            for ordinal, reason in index.estimated:
                if first <= ordinal <= last:
                    reasons.append(reason)
            if index.undecreed is not None:
                reasons.append(index.undecreed)
        return skipped, tuple(reasons)

    # -- working time ------------------------------------------------------------------

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """The open time inside ``[start, end)``; the two compare as instants (UTC).

        Wrap it in `WorkingTime` to say it in hours and minutes.

        Raises:
            InvalidValueError: when ``end`` is before ``start`` in absolute time.

        Examples:
            >>> from pst_core.calendar import WorkingCalendar
            >>> wib = ZoneInfo("Asia/Jakarta")
            >>> spent = WorkingCalendar.pst().working_time_between(
            ...     datetime(2026, 11, 26, 15, tzinfo=wib), datetime(2026, 11, 27, 9, tzinfo=wib)
            ... )
            >>> spent
            datetime.timedelta(seconds=5400)
            >>> WorkingTime(spent).describe("id")
            '1 jam 30 menit'
        """
        a, first = self._locate(start, "start")
        b, last = self._locate(end, "end")
        if b < a:
            raise InvalidValueError(
                "end", end, Phrase("calendar.error.instant_on_or_after_start", start=start)
            )
        total = last.elapsed(b) - first.elapsed(a)
        for year in range(first.year, last.year):
            total += self.year_index(year).total
        return ONE_MICROSECOND * total  # faster than timedelta(microseconds=...)

    # -- open and closed ----------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` (a local date) has any open window."""
        require_date(day, "day")
        index = self.year_index(day.year)
        ordinal = day.toordinal()
        position = bisect_left(index.day_ordinals, ordinal)
        return position < len(index.day_ordinals) and index.day_ordinals[position] == ordinal

    def closed_reason(self, day: date) -> Skipped | None:
        """Why ``day`` is not a working day, or ``None`` when it is one.

        Examples:
            >>> from pst_core.calendar import WorkingCalendar
            >>> print(WorkingCalendar.pst().closed_reason(date(2026, 3, 19)))
            Thursday 19 March 2026: Day of Silence (national holiday)
        """
        if self.is_working_day(day):
            return None
        index = self.year_index(day.year)
        return index.off_days[bisect_left(index.off_ordinals, day.toordinal())]

    def is_open(self, at: datetime) -> bool:
        """Whether the desk is open at ``at``; windows are half-open, so a closing is closed.

        Examples:
            >>> from pst_core.calendar import WorkingCalendar
            >>> wib = ZoneInfo("Asia/Jakarta")
            >>> cal = WorkingCalendar.pst()
            >>> cal.is_open(datetime(2026, 11, 26, 15, 29, tzinfo=wib))
            True
            >>> cal.is_open(datetime(2026, 11, 26, 15, 30, tzinfo=wib))
            False
        """
        micros, index = self._locate(at, "at")
        i = bisect_right(index.opens, micros) - 1
        return i >= 0 and micros < index.closes[i]

    def next_open(self, at: datetime) -> datetime:
        """The first opening (start of a window) at or after ``at``.

        Examples:
            >>> from pst_core.calendar import WorkingCalendar
            >>> wib = ZoneInfo("Asia/Jakarta")
            >>> WorkingCalendar.pst().next_open(datetime(2026, 3, 17, 16, tzinfo=wib)).isoformat()
            '2026-03-25T08:00:00+07:00'
        """
        micros, index = self._locate(at, "at")
        while True:
            i = bisect_left(index.opens, micros)
            if i < len(index.opens):
                return index.open_times[i]
            index = self.year_index(index.year + 1)

    def previous_close(self, at: datetime) -> datetime:
        """The last closing (end of a window) at or before ``at``.

        Examples:
            >>> from pst_core.calendar import WorkingCalendar
            >>> wib = ZoneInfo("Asia/Jakarta")
            >>> WorkingCalendar.pst().previous_close(datetime(2026, 3, 24, 9, tzinfo=wib))
            datetime.datetime(2026, 3, 17, 15, 30, tzinfo=zoneinfo.ZoneInfo(key='Asia/Jakarta'))
        """
        micros, index = self._locate(at, "at")
        while True:
            i = bisect_right(index.closes, micros) - 1
            if i >= 0:
                return from_micros(index.closes[i], self.timezone)
            index = self.year_index(index.year - 1)

    # -- instants and their year --------------------------------------------------------

    def _index_at(self, micros: int) -> YearIndex:
        """The index of the local year holding the instant ``micros`` (and remember it)."""
        index = self._recent
        if index is not None and index.begins <= micros < index.ends:
            return index
        index = self._years.get(1970 + micros // _MICROS_PER_YEAR)
        if index is not None and index.begins <= micros < index.ends:
            return index
        year = self._local_year(micros)
        index = self.year_index(year)
        object.__setattr__(self, "_recent", index)
        return index

    def _local_year(self, micros: int) -> int:
        try:
            return from_micros(micros, self.timezone).year
        except OverflowError:
            return check_year(1 if micros < 0 else 10_000)

    def _locate(self, at: object, field: str) -> tuple[int, YearIndex]:
        """``at`` as epoch microseconds, with the index of its local year."""
        if at.__class__ is not datetime:
            nanos = epoch_nanos(at)
            if nanos is not None:
                return nanos // 1000, self._index_at(nanos // 1000)
        if at.__class__ is datetime or isinstance(at, datetime):
            moment: datetime = at
            index = self._years.get(moment.year)
            if index is not None and index.offset is not None:
                zone = moment.tzinfo
                if zone is self.timezone:
                    seconds_off: int | None = index.offset
                else:
                    seconds_off = _OFFSET_SECONDS.get(zone) if zone.__class__ is timezone else None
                    if seconds_off is None:
                        seconds_off = offset_seconds(moment.utcoffset(), zone)
                if seconds_off is not None:
                    seconds = (
                        ((moment.toordinal() - _EPOCH_ORDINAL) * 24 + moment.hour) * 60
                        + moment.minute
                    ) * 60 + moment.second
                    micros = (seconds - seconds_off) * 1_000_000 + moment.microsecond
                    if not index.begins <= micros < index.ends:  # another local year
                        index = self._index_at(micros)
                    return micros, index
        micros = self._micros(at, field)
        return micros, self._index_at(micros)

    def _micros(self, at: object, field: str) -> int:
        """``at`` as exact epoch microseconds: the general path of every query."""
        moment = require_aware(at, field)
        try:
            return to_micros(moment)
        except OverflowError:  # a datetime near datetime.min/max in an extreme offset
            return check_year(moment.year) and 0

    def _local(self, at: datetime, field: str) -> datetime:
        moment = require_aware(at, field)
        try:
            return moment.astimezone(self.timezone)
        except OverflowError:  # 9999-12-31 late in UTC is the year 10000 east of it
            check_year(moment.year)  # outside the holiday data: the horizon error
            raise InvalidValueError(field, moment, Phrase("calendar.error.before_10000")) from None
