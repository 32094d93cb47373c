"""The working calendar: is the desk open, and when is something due.

A :class:`WorkingCalendar` combines weekly :class:`~pst_core.calendar.WorkingHours`,
a time zone, Indonesia's national holidays and cuti bersama, local closures,
extra working days and dated periods with other hours (Ramadan). Every query
answers from a per-year index built on first use (see
:mod:`pst_core.calendar.index`), so it costs a bisect, not a loop over days.

Examples:
    >>> from datetime import datetime
    >>> from zoneinfo import ZoneInfo
    >>> cal = WorkingCalendar.pst()
    >>> start = datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    >>> deadline = cal.deadline(start, WorkingDays(3))
    >>> deadline.due.isoformat()
    '2026-03-27T16:00:00+07:00'
    >>> [s.day.isoformat() for s in deadline.skipped][:3]
    ['2026-03-18', '2026-03-19', '2026-03-20']
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from zoneinfo import ZoneInfo

import attrs
from dateutil.relativedelta import relativedelta

from pst_core._validation import instance_of, non_empty, require_aware, tuple_of
from pst_core.calendar.durations import (
    CalendarDays,
    CalendarMonths,
    Duration,
    WorkingDays,
    WorkingTime,
)
from pst_core.calendar.holidays import (
    DecreedDay,
    HolidayKind,
    HolidayYear,
    decreed_holidays,
    holiday_horizon,
    holidays_version,
)
from pst_core.calendar.hours import WEEKDAY_NAMES, WEEKDAY_NAMES_ID, Window, WorkingHours
from pst_core.calendar.index import (
    ONE_MICROSECOND,
    DayPlan,
    OffDay,
    YearIndex,
    build_year,
    from_micros,
    to_micros,
)
from pst_core.calendar.zones import province_timezone, zone_info
from pst_core.errors import (
    CalendarHorizonError,
    InvalidTypeError,
    InvalidValueError,
    NoWorkingTimeError,
)

if TYPE_CHECKING:
    from pst_core.calendar.views import MonthView

__all__ = [
    "Closure",
    "Deadline",
    "ExtraWorkingDay",
    "HoursPeriod",
    "Skipped",
    "WorkingCalendar",
]

SkipKind = Literal["weekend", "national", "cuti_bersama", "closure", "no_hours"]


def _check_range(instance: Any, attribute: attrs.Attribute[Any], end: date) -> None:
    if end < instance.start:
        raise InvalidValueError(
            f"{type(instance).__name__}.end", end, f"a date on or after start ({instance.start})"
        )


def _require_date(value: object, field: str) -> date:
    # A datetime is a date subclass; a day given as an instant is a mistake, not a day.
    if isinstance(value, datetime) or not isinstance(value, date):
        raise InvalidTypeError(field, value, "date")
    return value


def _plain_date(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    _require_date(value, f"{type(instance).__name__}.{attribute.name}")


@attrs.frozen
class Closure:
    """Days the office is closed besides national holidays: regional holidays, office events.

    ``start`` and ``end`` are inclusive local dates.

    Examples:
        >>> Closure(date(2026, 4, 20), date(2026, 4, 21), "Office relocation").days
        2
    """

    start: date = attrs.field(validator=_plain_date)
    end: date = attrs.field(validator=[_plain_date, _check_range])
    reason: str = attrs.field(validator=[instance_of(str), non_empty])

    @classmethod
    def on(cls, day: date, reason: str) -> Closure:
        """A one-day closure.

        Examples:
            >>> Closure.on(date(2026, 8, 18), "Office anniversary")
            Closure(start=datetime.date(2026, 8, 18), end=datetime.date(2026, 8, 18), ...)
        """
        return cls(day, day, reason)

    @property
    def days(self) -> int:
        """Number of calendar days closed.

        Examples:
            >>> Closure(date(2026, 4, 20), date(2026, 4, 24), "Renovation").days
            5
        """
        return (self.end - self.start).days + 1

    def covers(self, day: date) -> bool:
        """Whether ``day`` falls in the closure.

        Examples:
            >>> closure = Closure(date(2026, 4, 20), date(2026, 4, 21), "Office relocation")
            >>> closure.covers(date(2026, 4, 21)), closure.covers(date(2026, 4, 22))
            (True, False)
        """
        return self.start <= day <= self.end


@attrs.frozen
class ExtraWorkingDay:
    """A day the desk opens although it normally would not (a Saturday service day).

    It overrides weekends, holidays and closures. ``windows`` default to the
    hours of the same weekday, or Monday's when that weekday has none.

    Examples:
        >>> extra = ExtraWorkingDay(date(2026, 9, 19), "Open day", (Window("08:00", "12:00"),))
        >>> extra.day
        datetime.date(2026, 9, 19)
    """

    day: date = attrs.field(validator=_plain_date)
    reason: str = attrs.field(validator=[instance_of(str), non_empty])
    windows: tuple[Window, ...] = attrs.field(default=(), validator=tuple_of(Window))

    def __attrs_post_init__(self) -> None:
        # Reuse WorkingHours' checks for sorted, non-overlapping windows.
        WorkingHours((self.windows,) * 7)


@attrs.frozen
class HoursPeriod:
    """Dated period with other hours, e.g. Ramadan (``start``/``end`` inclusive local dates).

    ``source`` names what set the period (the circular), when known.

    Examples:
        >>> ramadan = HoursPeriod(
        ...     date(2026, 2, 18), date(2026, 3, 19), WorkingHours.ramadan(), "Ramadan 1447 H"
        ... )
        >>> ramadan.covers(date(2026, 3, 2))
        True
    """

    start: date = attrs.field(validator=_plain_date)
    end: date = attrs.field(validator=[_plain_date, _check_range])
    hours: WorkingHours = attrs.field(validator=instance_of(WorkingHours))
    name: str = attrs.field(validator=[instance_of(str), non_empty])
    source: str = attrs.field(default="", validator=instance_of(str))

    def covers(self, day: date) -> bool:
        """Whether ``day`` falls in the period.

        Examples:
            >>> ramadan = HoursPeriod(
            ...     date(2026, 2, 18), date(2026, 3, 19), WorkingHours.ramadan(), "Ramadan 1447 H"
            ... )
            >>> ramadan.covers(date(2026, 3, 19)), ramadan.covers(date(2026, 3, 20))
            (True, False)
        """
        return self.start <= day <= self.end


@attrs.frozen
class Skipped:
    """A non-working day a deadline passed over, and why.

    Attributes:
        day: The local date.
        reason: In English: ``"weekend"``, the holiday's name, or the closure's reason.
        kind: ``"weekend"``, ``"national"``, ``"cuti_bersama"``, ``"closure"`` or ``"no_hours"``.
        reason_id: The reason in Indonesian (*akhir pekan*, the holiday's Indonesian name...).

    Examples:
        >>> print(Skipped(date(2026, 3, 21), "Eid al-Fitr", "national", "Hari Raya Idul Fitri"))
        Sat 2026-03-21: Eid al-Fitr
    """

    day: date
    reason: str
    kind: SkipKind
    reason_id: str = ""

    def __str__(self) -> str:
        return f"{self.day:%a %Y-%m-%d}: {self.reason}"


@attrs.frozen
class Deadline:
    """When something is due, and why then.

    Attributes:
        start: The instant the clock started, in the calendar's zone.
        duration: The duration that was added.
        due: The due instant, in the calendar's zone.
        provisional: True when the answer may still move: it depends on a holiday
            whose date is only estimated, or on a year whose cuti bersama decree is
            not in the data yet.
        reasons: Why it is provisional (empty when it is not).
        skipped: Every non-working day passed over between start and due.
        sources: Where the calendar's own data came from, when it matters: the
            calendar file and the decrees of its decreed days the answer used.

    Examples:
        >>> from zoneinfo import ZoneInfo
        >>> cal = WorkingCalendar.pst()
        >>> d = cal.deadline(datetime(2026, 11, 26, 15, 25, tzinfo=ZoneInfo("Asia/Jakarta")),
        ...                  WorkingTime(minutes=10))
        >>> print(d.explain())
        due Fri 2026-11-27 08:05 WIB (10 minutes from Thu 2026-11-26 15:25 WIB)
    """

    start: datetime
    duration: Duration
    due: datetime
    provisional: bool
    reasons: tuple[str, ...]
    skipped: tuple[Skipped, ...]
    sources: tuple[str, ...] = ()

    def explain(self) -> str:
        """A human-readable account: due instant, provisional reasons, skipped days.

        Examples:
            >>> from zoneinfo import ZoneInfo
            >>> start = datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> print(WorkingCalendar.pst().deadline(start, WorkingDays(3)).explain())
            due Fri 2026-03-27 16:00 WIB (3 working days from Tue 2026-03-17 14:00 WIB)
            skipped Wed 2026-03-18: Day of Silence Joint Holiday
            skipped Thu 2026-03-19: Day of Silence
            ...
            skipped Tue 2026-03-24: Eid al-Fitr Joint Holiday
        """
        lines = [f"due {_show(self.due)} ({self.duration} from {_show(self.start)})"]
        lines += [f"provisional: {reason}" for reason in self.reasons]
        lines += [f"source: {source}" for source in self.sources]
        lines += [f"skipped {item}" for item in self.skipped]
        return "\n".join(lines)


def _show(moment: datetime) -> str:
    # tzdata names Indonesia's zones WIB, WITA and WIT, as people say them.
    return f"{moment:%a %Y-%m-%d %H:%M} {moment.tzname() or ''}".rstrip()


def _zone(value: object) -> ZoneInfo:
    return zone_info(value, "WorkingCalendar.timezone")


def _as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    # Lists are accepted for convenience and frozen: a calendar must stay hashable.
    return tuple(value) if isinstance(value, (list, tuple)) else value  # type: ignore[return-value]


def _no_overlap(instance: Any, attribute: attrs.Attribute[Any], periods: tuple[Any, ...]) -> None:
    ordered = sorted(periods, key=lambda p: p.start)
    for before, after in itertools.pairwise(ordered):
        if after.start <= before.end:
            raise InvalidValueError(
                f"WorkingCalendar.{attribute.name}",
                f"{before.name} and {after.name}",
                "periods that do not overlap",
            )


def _unique_decreed(
    instance: Any, attribute: attrs.Attribute[Any], decreed: tuple[DecreedDay, ...]
) -> None:
    keys = [(d.day, d.kind) for d in decreed]
    for day, kind in keys:
        if keys.count((day, kind)) > 1:
            raise InvalidValueError(
                "WorkingCalendar.decreed", f"{day} {kind}", "each date and kind at most once"
            )


def _unique_days(instance: Any, attribute: attrs.Attribute[Any], extra: tuple[Any, ...]) -> None:
    days = [e.day for e in extra]
    for day in days:
        if days.count(day) > 1:
            raise InvalidValueError(
                "WorkingCalendar.extra_working_days", day, "each date at most once"
            )


@attrs.frozen(kw_only=True)
class WorkingCalendar:
    """Working hours in a time zone, with Indonesian holidays, closures and special periods.

    Frozen, hashable, picklable and compared by value. Build the usual one with
    :meth:`pst` or :meth:`for_province`; adjust it with :meth:`with_closure`,
    :meth:`with_extra_working_day` and :meth:`with_period` (each returns a new
    calendar).

    Attributes:
        hours: Weekly opening windows.
        timezone: The unit's zone; results are given in it.
        national_holidays: Close on Indonesian national holidays (*libur nasional*).
        cuti_bersama: Close on collective leave days (*cuti bersama*).
        closures: Local closures (regional holidays, office events).
        extra_working_days: Days that open although they normally would not.
        periods: Dated periods with other hours (Ramadan).
        decreed: Days off added or removed by decrees the ``holidays`` package
            does not have yet (see `DecreedDay`).
        name: The unit whose calendar this is (may be empty).
        source: The file it was loaded from (not compared; empty when built in Python).

    Calendars are also data files: `load`, `loads` and `from_data` read one,
    `dump`, `dumps` and `to_data` write one (see `pst_core.calendar.files`).

    Examples:
        >>> cal = WorkingCalendar.pst(timezone="Asia/Makassar")
        >>> cal.timezone
        zoneinfo.ZoneInfo(key='Asia/Makassar')
        >>> cal == WorkingCalendar.for_province("Bali")
        True
        >>> cal.is_working_day(date(2026, 8, 17))  # Independence Day
        False
    """

    hours: WorkingHours = attrs.field(factory=WorkingHours.pst, validator=instance_of(WorkingHours))
    timezone: ZoneInfo = attrs.field(default=ZoneInfo("Asia/Jakarta"), converter=_zone)
    national_holidays: bool = attrs.field(default=True, validator=instance_of(bool))
    cuti_bersama: bool = attrs.field(default=True, validator=instance_of(bool))
    closures: tuple[Closure, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=tuple_of(Closure)
    )
    extra_working_days: tuple[ExtraWorkingDay, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=[tuple_of(ExtraWorkingDay), _unique_days]
    )
    periods: tuple[HoursPeriod, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=[tuple_of(HoursPeriod), _no_overlap]
    )
    decreed: tuple[DecreedDay, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=[tuple_of(DecreedDay), _unique_decreed]
    )
    name: str = attrs.field(default="", validator=instance_of(str))
    source: str = attrs.field(default="", validator=instance_of(str), eq=False)
    _years: dict[int, YearIndex] = attrs.field(
        init=False, factory=dict, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        if (
            self.hours.weekly_minutes == 0
            and not any(p.hours.weekly_minutes for p in self.periods)
            and not self.extra_working_days
        ):
            raise NoWorkingTimeError(
                "WorkingCalendar has no working time: its hours have no open window on any "
                "weekday and it has no extra working days; allowed: hours with at least one window"
            )

    def __getstate__(self) -> dict[str, Any]:
        # The per-year indexes are a cache: rebuilt after unpickling, never shipped.
        return {a.name: getattr(self, a.name) for a in attrs.fields(type(self)) if a.init}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_years", {})

    # -- construction -----------------------------------------------------------------

    @classmethod
    def pst(cls, timezone: str | ZoneInfo = "Asia/Jakarta") -> WorkingCalendar:
        """The PST calendar: Mon–Thu 08:00–15:30, Fri 08:00–16:00, holidays and cuti bersama.

        Examples:
            >>> WorkingCalendar.pst().hours == WorkingHours.pst()
            True

        It is the package's own calendar file ``pst_core/calendar/data/pst.toml``
        in ``timezone``: the default is a file like any office's.
        """
        from pst_core.calendar import files

        return attrs.evolve(files.builtin("pst"), timezone=timezone)

    @classmethod
    def for_province(cls, name: str) -> WorkingCalendar:
        """The PST calendar in the time zone of a province (any of the 38).

        Raises:
            UnknownProvinceError: a ``LookupError`` listing close matches.

        Examples:
            >>> WorkingCalendar.for_province("Kalimantan Tengah").timezone.key
            'Asia/Pontianak'
        """
        return cls.pst(timezone=province_timezone(name))

    def with_closure(self, start: date, end: date | None = None, *, reason: str) -> WorkingCalendar:
        """A copy closed from ``start`` to ``end`` inclusive (one day when ``end`` is omitted).

        Examples:
            >>> cal = WorkingCalendar.pst().with_closure(date(2026, 4, 20), reason="Office move")
            >>> cal.is_working_day(date(2026, 4, 20))
            False
        """
        closure = Closure(start, start if end is None else end, reason)
        return attrs.evolve(self, closures=(*self.closures, closure))

    def with_extra_working_day(
        self, day: date, *, reason: str, windows: Iterable[Window | str] = ()
    ) -> WorkingCalendar:
        """A copy that opens on ``day`` (e.g. a Saturday service day).

        Examples:
            >>> cal = WorkingCalendar.pst().with_extra_working_day(
            ...     date(2026, 9, 26), reason="Saturday service", windows=["08:00-12:00"])
            >>> cal.is_working_day(date(2026, 9, 26))
            True
        """
        parsed = tuple(w if isinstance(w, Window) else Window.parse(w) for w in windows)
        extra = ExtraWorkingDay(day, reason, parsed)
        return attrs.evolve(self, extra_working_days=(*self.extra_working_days, extra))

    def with_period(
        self, start: date, end: date, hours: WorkingHours, *, name: str
    ) -> WorkingCalendar:
        """A copy with other hours from ``start`` to ``end`` inclusive.

        Examples:
            >>> cal = WorkingCalendar.pst().with_period(
            ...     date(2026, 2, 18), date(2026, 3, 19), WorkingHours.ramadan(), name="Ramadan"
            ... )
            >>> [str(w) for w in cal.windows_on(date(2026, 2, 20))]
            ['08:00-11:30', '12:30-15:30']
        """
        period = HoursPeriod(start, end, hours, name)
        return attrs.evolve(self, periods=(*self.periods, period))

    def with_ramadan(self, start: date, end: date, *, name: str = "Ramadan") -> WorkingCalendar:
        """A copy with :meth:`WorkingHours.ramadan` hours from ``start`` to ``end`` inclusive.

        The dates differ every year and are set by circular: you supply them.

        Examples:
            >>> cal = WorkingCalendar.pst().with_ramadan(date(2026, 2, 18), date(2026, 3, 19))
            >>> cal.periods[0].name
            'Ramadan'
        """
        return self.with_period(start, end, WorkingHours.ramadan(), name=name)

    def with_decreed_day(
        self,
        day: date,
        kind: HolidayKind,
        name: str,
        *,
        decree: str,
        action: Literal["add", "remove"] = "add",
        name_en: str = "",
    ) -> WorkingCalendar:
        """A copy with a day off added (or removed) by a decree the ``holidays`` data lacks.

        Examples:
            >>> cal = WorkingCalendar.pst().with_decreed_day(
            ...     date(2026, 8, 18), "cuti_bersama", "Cuti Bersama (contoh)",
            ...     decree="Keputusan Bersama (example)")
            >>> print(cal.closed_reason(date(2026, 8, 18)))
            Tue 2026-08-18: Cuti Bersama (contoh)
        """
        entry = DecreedDay(day, kind, name, decree, action, name_en)
        return attrs.evolve(self, decreed=(*self.decreed, entry))

    # -- files (the implementation is in pst_core.calendar.files) ---------------------

    @classmethod
    def load(cls, path: str | Path) -> WorkingCalendar:
        """Read a calendar file (``.toml`` or ``.json``); see `pst_core.calendar.files`.

        Raises:
            DataFileError: listing every problem: field path, value and what is allowed.

        Examples:
            >>> cal = WorkingCalendar.pst().with_ramadan(date(2026, 2, 18), date(2026, 3, 19))
            >>> import tempfile
            >>> with tempfile.TemporaryDirectory() as folder:
            ...     cal.dump(Path(folder) / "office.toml")
            ...     WorkingCalendar.load(Path(folder) / "office.toml") == cal
            True
        """
        from pst_core.calendar import files

        return files.load(path)

    @classmethod
    def loads(cls, text: str, *, format: Literal["toml", "json"]) -> WorkingCalendar:
        """Read a calendar from TOML or JSON text.

        Examples:
            >>> cal = WorkingCalendar.loads('timezone = "WITA"', format="toml")
            >>> cal == WorkingCalendar.pst("Asia/Makassar")
            True
        """
        from pst_core.calendar import files

        return files.loads(text, format=format)

    @classmethod
    def from_data(cls, data: Mapping[str, Any], *, file: str = "<data>") -> WorkingCalendar:
        """Build a calendar from plain data (a parsed file's tables).

        Examples:
            >>> WorkingCalendar.from_data({"province": "Bali"}).timezone.key
            'Asia/Makassar'
        """
        from pst_core.calendar import files

        return files.from_data(data, file=file)

    def dump(self, path: str | Path) -> None:
        """Write the calendar as a ``.toml`` or ``.json`` file that loads back equal."""
        from pst_core.calendar import files

        files.dump(self, path)

    def dumps(self, format: Literal["toml", "json"] = "json") -> str:
        """The calendar as TOML or JSON text.

        Examples:
            >>> print(WorkingCalendar.pst().dumps("toml"))
            timezone = "Asia/Jakarta"
            national_holidays = true
            cuti_bersama = true
            <BLANKLINE>
            [hours]
            mon-thu = "08:00-15:30"
            fri = "08:00-16:00"
            <BLANKLINE>
        """
        from pst_core.calendar import files

        return files.dumps(self, format=format)

    def to_data(self) -> dict[str, Any]:
        """The calendar as plain data (what `dumps` writes).

        Examples:
            >>> WorkingCalendar.pst().to_data()["timezone"]
            'Asia/Jakarta'
        """
        from pst_core.calendar import files

        return files.to_data(self)

    # -- the index --------------------------------------------------------------------

    def _plan(self, day: date) -> DayPlan:
        hours = self.hours
        for period in self.periods:
            if period.covers(day):
                hours = period.hours
                break
        weekday = day.weekday()
        windows = hours.on(weekday)
        for extra in self.extra_working_days:
            if extra.day == day:
                return DayPlan(day, extra.windows or windows or hours.on(0))
        for closure in self.closures:
            if closure.covers(day):
                return DayPlan(day, (), OffDay(day, closure.reason, closure.reason, "closure"))
        if self.national_holidays or self.cuti_bersama:
            for holiday in self.holidays(day.year).on(day):
                wanted = self.national_holidays if holiday.kind == "national" else self.cuti_bersama
                if wanted:
                    name = holiday.name + (" (estimated)" if holiday.estimated else "")
                    name_id = holiday.name_id + (" (perkiraan)" if holiday.estimated else "")
                    return DayPlan(day, (), OffDay(day, name, name_id, holiday.kind))
        if not windows:
            if weekday >= 5:
                off = OffDay(day, "weekend", "akhir pekan", "weekend")
            else:
                english = f"no opening hours on {WEEKDAY_NAMES[weekday]}s"
                indonesian = f"tidak ada jam layanan hari {WEEKDAY_NAMES_ID[weekday]}"
                off = OffDay(day, english, indonesian, "no_hours")
            return DayPlan(day, (), off)
        return DayPlan(day, windows)

    def holidays(self, year: int) -> HolidayYear:
        """The national holidays and cuti bersama of ``year`` with this calendar's decrees.

        Examples:
            >>> len(WorkingCalendar.pst().holidays(2026).cuti_bersama)
            8
        """
        return decreed_holidays(self._within_horizon(year), self.decreed)

    def _year(self, year: int) -> YearIndex:
        index = self._years.get(year)
        if index is None:
            index = build_year(self._within_horizon(year), self._plan, self.timezone)
            self._years[year] = index
        return index

    def _local(self, at: datetime, field: str) -> datetime:
        return require_aware(at, field).astimezone(self.timezone)

    # -- queries ----------------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` (a local date) has any open window.

        Examples:
            >>> WorkingCalendar.pst().is_working_day(date(2026, 3, 25))
            True
        """
        _require_date(day, "day")
        index = self._year(day.year)
        ordinal = day.toordinal()
        position = bisect.bisect_left(index.day_ordinals, ordinal)
        return position < len(index.day_ordinals) and index.day_ordinals[position] == ordinal

    def closed_reason(self, day: date) -> Skipped | None:
        """Why ``day`` is not a working day, or ``None`` when it is one.

        Examples:
            >>> print(WorkingCalendar.pst().closed_reason(date(2026, 3, 19)))
            Thu 2026-03-19: Day of Silence
        """
        if self.is_working_day(day):
            return None
        return next(_skipped(off) for off in self._year(day.year).off_days if off.day == day)

    def windows_on(self, day: date) -> tuple[Window, ...]:
        """The open windows of a local date (empty when it is not a working day).

        Examples:
            >>> [str(w) for w in WorkingCalendar.pst().windows_on(date(2026, 11, 27))]
            ['08:00-16:00']
        """
        _require_date(day, "day")
        self._year(day.year)  # horizon check
        return self._plan(day).windows

    def is_open(self, at: datetime) -> bool:
        """Whether the desk is open at ``at``; windows are half-open, so a closing is closed.

        Examples:
            >>> from zoneinfo import ZoneInfo
            >>> cal, wib = WorkingCalendar.pst(), ZoneInfo("Asia/Jakarta")
            >>> cal.is_open(datetime(2026, 11, 26, 15, 29, tzinfo=wib))
            True
            >>> cal.is_open(datetime(2026, 11, 26, 15, 30, tzinfo=wib))
            False
        """
        local = self._local(at, "at")
        index = self._year(local.year)
        micros = to_micros(local)
        i = bisect.bisect_right(index.opens, micros) - 1
        return i >= 0 and micros < index.closes[i]

    def next_open(self, at: datetime) -> datetime:
        """The first opening (start of a window) at or after ``at``.

        Examples:
            >>> from zoneinfo import ZoneInfo
            >>> wib = ZoneInfo("Asia/Jakarta")
            >>> WorkingCalendar.pst().next_open(datetime(2026, 3, 17, 16, tzinfo=wib)).isoformat()
            '2026-03-25T08:00:00+07:00'
        """
        local = self._local(at, "at")
        micros = to_micros(local)
        year = local.year
        while True:
            index = self._year(year)
            i = bisect.bisect_left(index.opens, micros)
            if i < len(index.opens):
                return from_micros(index.opens[i], self.timezone)
            year = self._next_year(year)

    def previous_close(self, at: datetime) -> datetime:
        """The last closing (end of a window) at or before ``at``.

        Examples:
            >>> from zoneinfo import ZoneInfo
            >>> wib = ZoneInfo("Asia/Jakarta")
            >>> WorkingCalendar.pst().previous_close(datetime(2026, 3, 24, 9, tzinfo=wib))
            datetime.datetime(2026, 3, 17, 15, 30, tzinfo=zoneinfo.ZoneInfo(key='Asia/Jakarta'))
        """
        local = self._local(at, "at")
        micros = to_micros(local)
        year = local.year
        while True:
            index = self._year(year)
            i = bisect.bisect_right(index.closes, micros) - 1
            if i >= 0:
                return from_micros(index.closes[i], self.timezone)
            year = self._previous_year(year)

    def _next_year(self, year: int) -> int:
        return self._within_horizon(year + 1)

    def _previous_year(self, year: int) -> int:
        return self._within_horizon(year - 1)

    def _within_horizon(self, year: int) -> int:
        first, last = holiday_horizon()
        if not first <= year <= last:
            raise CalendarHorizonError(year, first, last)
        return year

    def _elapsed_in_year(self, index: YearIndex, micros: int) -> int:
        """Open time in ``index``'s year before the instant ``micros``."""
        i = bisect.bisect_right(index.opens, micros) - 1
        if i < 0:
            return 0
        return index.cumulative[i] + min(micros, index.closes[i]) - index.opens[i]

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """The open time inside ``[start, end)``.

        Raises:
            InvalidValueError: when ``end`` is before ``start``.

        Examples:
            >>> from zoneinfo import ZoneInfo
            >>> wib = ZoneInfo("Asia/Jakarta")
            >>> WorkingCalendar.pst().working_time_between(
            ...     datetime(2026, 11, 26, 15, tzinfo=wib), datetime(2026, 11, 27, 9, tzinfo=wib)
            ... )
            datetime.timedelta(seconds=5400)
        """
        first = self._local(start, "start")
        last = self._local(end, "end")
        if last < first:
            raise InvalidValueError("end", end, f"an instant at or after start ({start})")
        a, b = to_micros(first), to_micros(last)
        total = -self._elapsed_in_year(self._year(first.year), a)
        for year in range(first.year, last.year):
            total += self._year(year).total
        total += self._elapsed_in_year(self._year(last.year), b)
        return timedelta(microseconds=total)

    # -- views for notebooks (the implementation is in pst_core.calendar.views) --------

    def working_days(self, first: date, last: date) -> tuple[date, ...]:
        """The working days from ``first`` to ``last`` inclusive.

        Examples:
            >>> len(WorkingCalendar.pst().working_days(date(2026, 3, 1), date(2026, 3, 31)))
            17
        """
        from pst_core.calendar import views

        return views.working_days(self, first, last)

    def days_off(self, first: date, last: date) -> tuple[Skipped, ...]:
        """The days off from ``first`` to ``last`` inclusive, each with its reason.

        Examples:
            >>> for off in WorkingCalendar.pst().days_off(date(2026, 8, 15), date(2026, 8, 17)):
            ...     print(off)
            Sat 2026-08-15: weekend
            Sun 2026-08-16: weekend
            Mon 2026-08-17: Independence Day
        """
        from pst_core.calendar import views

        return views.days_off(self, first, last)

    def working_time(self, start: datetime, end: datetime) -> WorkingTime:
        """The open time in ``[start, end)`` in hours and minutes (a `WorkingTime`).

        Examples:
            >>> from zoneinfo import ZoneInfo
            >>> wib = ZoneInfo("Asia/Jakarta")
            >>> start = datetime(2026, 11, 26, 9, tzinfo=wib)
            >>> spent = WorkingCalendar.pst().working_time(start, start + timedelta(hours=25.25))
            >>> str(spent), spent.label_id
            ('8 hours 45 minutes', '8 jam 45 menit')
        """
        from pst_core.calendar import views

        return views.working_time(self, start, end)

    def month(self, year: int, month: int) -> MonthView:
        """A month at a glance: ``print`` it for a text grid, or show it in a notebook.

        Examples:
            >>> print(WorkingCalendar.pst().month(2026, 8).text().splitlines()[0])
            Agustus 2026 / August 2026 (Asia/Jakarta, WIB)
        """
        from pst_core.calendar import views

        return views.month(self, year, month)

    def add(self, start: datetime, duration: Duration) -> datetime:
        """The instant ``duration`` after ``start`` on this calendar.

        * :class:`WorkingTime`: when that much open time has elapsed, counting from
          ``start`` (from the next opening when closed); a time that runs out exactly
          at a closing gives that closing. ``WorkingTime(0)`` gives ``start``.
        * :class:`WorkingDays`: the closing of the n-th working day after ``start``'s
          local date (the day of receipt never counts, whatever the hour).
        * :class:`CalendarDays` / :class:`CalendarMonths`: the same local wall-clock
          time n days / months later (months clip to the month's end).

        Examples:
            >>> from zoneinfo import ZoneInfo
            >>> cal, wib = WorkingCalendar.pst(), ZoneInfo("Asia/Jakarta")
            >>> cal.add(datetime(2026, 11, 26, 15, 25, tzinfo=wib), WorkingTime(10)).isoformat()
            '2026-11-27T08:05:00+07:00'
            >>> cal.add(datetime(2026, 1, 31, 10, 0, tzinfo=wib), CalendarMonths(1)).isoformat()
            '2026-02-28T10:00:00+07:00'
        """
        local = self._local(start, "start")
        if isinstance(duration, WorkingTime):
            return self._add_working_time(local, duration.span // ONE_MICROSECOND)
        if isinstance(duration, WorkingDays):
            return self._add_working_days(local, duration.n)
        if isinstance(duration, CalendarDays):
            return self._wall_clock(local, timedelta(days=duration.n))
        if isinstance(duration, CalendarMonths):
            return self._wall_clock(local, relativedelta(months=duration.n))
        raise InvalidTypeError(
            "duration", duration, "WorkingTime, WorkingDays, CalendarDays or CalendarMonths"
        )

    def add_column(self, starts: Any, duration: WorkingTime | WorkingDays) -> Any:
        """:meth:`add` over a whole column (pandas ``Series``/``DatetimeIndex`` or datetimes).

        Vectorised with numpy (installed with pandas): one ``searchsorted`` for the
        column instead of one call per row. See :func:`pst_core.calendar.columns.add_column`.

        Examples:
            >>> import pandas as pd
            >>> received = pd.DatetimeIndex(["2026-03-17 14:00"], tz="Asia/Jakarta")
            >>> WorkingCalendar.pst().add_column(received, WorkingDays(3))[0].isoformat()
            '2026-03-27T16:00:00+07:00'
        """
        from pst_core.calendar.columns import add_column

        return add_column(self, starts, duration)

    def _wall_clock(self, local: datetime, step: timedelta | relativedelta) -> datetime:
        naive = local.replace(tzinfo=None) + step
        self._year(naive.year)  # the same horizon as every other query
        return naive.replace(tzinfo=self.timezone)

    def _add_working_time(self, local: datetime, amount: int) -> datetime:
        if amount == 0:
            return local
        year = local.year
        index = self._year(year)
        target = self._elapsed_in_year(index, to_micros(local)) + amount
        while target > index.total:
            target -= index.total
            year = self._next_year(year)
            index = self._year(year)
        j = bisect.bisect_left(index.cumulative, target) - 1
        return from_micros(index.opens[j] + target - index.cumulative[j], self.timezone)

    def _add_working_days(self, local: datetime, n: int) -> datetime:
        year = local.year
        index = self._year(year)
        position = bisect.bisect_right(index.day_ordinals, local.toordinal()) + n - 1
        while position >= len(index.day_ordinals):
            position -= len(index.day_ordinals)
            year = self._next_year(year)
            index = self._year(year)
        return from_micros(index.day_closes[position], self.timezone)

    def deadline(self, start: datetime, duration: Duration) -> Deadline:
        """The due instant of ``duration`` from ``start``, with why it falls then.

        The result lists every non-working day passed over (for working durations)
        and says whether it is provisional: whether it depends on an estimated
        holiday or on a year without a cuti bersama decree in the data.

        Examples:
            >>> from zoneinfo import ZoneInfo
            >>> d = WorkingCalendar.pst().deadline(
            ...     datetime(2028, 2, 24, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta")), WorkingDays(3))
            >>> d.provisional
            True
            >>> print("\\n".join(d.reasons))
            Eid al-Fitr on 2028-02-27 is an estimated date
            Eid al-Fitr Second Day on 2028-02-28 is an estimated date
            no cuti bersama decree for 2028 in the holidays data (holidays ...)
        """
        local = self._local(start, "start")
        due = self.add(local, duration)
        working = isinstance(duration, (WorkingTime, WorkingDays))
        skipped = self._skipped(local.date(), due.date()) if working else ()
        reasons = self._provisional_reasons(local.date(), due.date()) if working else ()
        return Deadline(
            start=local,
            duration=duration,
            due=due,
            provisional=bool(reasons),
            reasons=reasons,
            skipped=skipped,
            sources=self._sources(local.date(), due.date()) if working else (),
        )

    def _sources(self, first: date, last: date) -> tuple[str, ...]:
        found = [f"calendar file {self.source}"] if self.source else []
        for year in range(first.year, last.year + 1):
            found += [f"decree {decree} ({year})" for decree in self.holidays(year).decrees]
        return tuple(found)

    def _skipped(self, first: date, last: date) -> tuple[Skipped, ...]:
        found: list[Skipped] = []
        for year in range(first.year, last.year + 1):
            for off in self._year(year).off_days:
                if first <= off.day < last:
                    found.append(_skipped(off))
        return tuple(found)

    def _provisional_reasons(self, first: date, last: date) -> tuple[str, ...]:
        reasons: list[str] = []
        for year in range(first.year, last.year + 1):
            table = self.holidays(year)
            for holiday in table.estimated:
                used = self.national_holidays if holiday.kind == "national" else self.cuti_bersama
                if used and first <= holiday.day <= last:
                    reasons.append(f"{holiday.name} on {holiday.day} is an estimated date")
            if self.cuti_bersama and not table.decreed:
                reasons.append(
                    f"no cuti bersama decree for {year} in the holidays data "
                    f"(holidays {holidays_version()})"
                )
        return tuple(reasons)


def _skipped(off: OffDay) -> Skipped:
    return Skipped(day=off.day, reason=off.reason, kind=off.kind, reason_id=off.reason_id)
