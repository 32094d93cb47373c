"""The working calendar: an office's hours, zone, holidays and local days, and its builders.

A `WorkingCalendar` combines weekly `WorkingHours`, a time zone, Indonesia's
national holidays and cuti bersama, local closures, extra working days, dated
periods with other hours (Ramadan) and decreed days. This module holds that
model: its fields and their checks, the builders (`WorkingCalendar.pst`,
`for_province`, ``with_*``), how each day of a year looks (the plan its
per-year index is built from), its file verbs and its fingerprint.

The questions it answers (`add`, `deadline`, `working_time_between`,
`is_open`, ...) are inherited from `pst_core.calendar.queries`, which answers
them from the per-year indexes of `pst_core.calendar.index`. The modules
that serve its other methods sit below it and never import it back: the file
form (`pst_core.calendar.files`, handed the class to build), the notebook
views and the column arithmetic (both typed by what they read of a calendar).

Examples:
    >>> cal = WorkingCalendar.pst()
    >>> start = datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    >>> cal.add(start, WorkingDays(3)).isoformat()
    '2026-03-27T16:00:00+07:00'
    >>> cal.with_closure(date(2026, 3, 25), reason="Pindah kantor").add(
    ...     start, WorkingDays(3)).isoformat()
    '2026-03-30T15:30:00+07:00'
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Literal
from zoneinfo import ZoneInfo

import attrs

from pst_core._files import SavedModel
from pst_core._validation import (
    field_name,
    instance_of,
    people_text,
    require_date,
    saveable_text,
    sequence_of,
    tuple_of,
    unique_by,
)
from pst_core.calendar.adjustments import Closure, ExtraWorkingDay, HoursPeriod
from pst_core.calendar.deadline import Provisional, SkipKind, Skipped
from pst_core.calendar.durations import WorkingDays, WorkingTime
from pst_core.calendar.holidays import (
    DecreedDay,
    HolidayKind,
    HolidayYear,
    PublicHoliday,
    check_removal,
    check_year,
    decreed_holidays,
    holidays_version,
)
from pst_core.calendar.hours import WINDOW_OR_TEXT, Window, WorkingHours
from pst_core.calendar.index import DayPlan, YearIndex, build_year
from pst_core.calendar.queries import CalendarQueries
from pst_core.calendar.zones import province_timezone, zone_info
from pst_core.errors import (
    CalendarHorizonError,
    InvalidTypeError,
    InvalidValueError,
    NoWorkingTimeError,
    Phrase,
)
from pst_core.i18n import text
from pst_core.i18n import weekday as weekday_name

if TYPE_CHECKING:
    from pst_core.calendar.views import MonthView

__all__ = ["WorkingCalendar"]


def _no_hours_reason(day: int) -> tuple[str, SkipKind, str]:
    """(Indonesian text, kind, English text) of a weekday closed for want of hours."""
    if day >= 5:
        return text("calendar.kind.weekend", "id"), "weekend", text("calendar.kind.weekend")
    said = [
        text("calendar.no_hours_on", lang, weekday=weekday_name(day, lang)) for lang in ("id", "en")
    ]
    return said[0], "no_hours", said[1]


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
                (before.name, after.name),
                Phrase("calendar.error.periods_apart"),
            )


@functools.lru_cache(maxsize=64)
def _shared_pst(zone: str) -> WorkingCalendar:
    return WorkingCalendar(hours=WorkingHours.pst(), timezone=zone)


def _removals_found(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """attrs validator: every decreed removal finds its day off (see `check_removal`)."""
    for index, decreed in enumerate(value):
        check_removal(decreed, f"{field_name(instance, attribute)}[{index}]")


@attrs.frozen(kw_only=True)
class WorkingCalendar(CalendarQueries, SavedModel):
    """Working hours in a time zone, with Indonesian holidays, closures and special periods.

    Frozen, hashable, picklable and compared by value. Build the usual one with
    `pst` or `for_province`; adjust it with `with_closure`,
    `with_extra_working_day`, `with_period`, `with_ramadan` and
    `with_decreed_day` (each returns a new calendar). Ask it `add`,
    `deadline`, `working_time_between`, `is_open`, `next_open`,
    `previous_close`, `is_working_day`, `closed_reason`, or show it with `month`.

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

    Calendars are also data files, read and written with the verbs of every saved
    model: `load`, `loads` and `from_data` read one; `dump`, `dumps` and `to_data`
    write one (the file form is described in `pst_core.calendar.files`).

    Examples:
        >>> cal = WorkingCalendar.pst(timezone="Asia/Makassar")
        >>> cal.timezone
        zoneinfo.ZoneInfo(key='Asia/Makassar')
        >>> cal == WorkingCalendar.for_province("Bali")
        True
        >>> cal.is_working_day(date(2026, 8, 17))  # Independence Day
        False

        A calendar as a file, and back:

        >>> print(WorkingCalendar.pst().dumps("toml"))
        timezone = "Asia/Jakarta"
        national_holidays = true
        cuti_bersama = true
        <BLANKLINE>
        [hours]
        mon-thu = "08:00-15:30"
        fri = "08:00-16:00"
        <BLANKLINE>
        >>> WorkingCalendar.loads('timezone = "WITA"', format="toml") == cal
        True
        >>> WorkingCalendar.from_data({"province": "Bali"}) == cal
        True
        >>> ramadan = cal.with_ramadan(date(2026, 2, 18), date(2026, 3, 19))
        >>> ramadan.dump(tmp_path / "office.toml")
        >>> WorkingCalendar.load(tmp_path / "office.toml") == ramadan
        True
    """

    hours: WorkingHours = attrs.field(factory=WorkingHours.pst, validator=instance_of(WorkingHours))
    timezone: ZoneInfo = attrs.field(default=ZoneInfo("Asia/Jakarta"), converter=_zone)
    national_holidays: bool = attrs.field(default=True, validator=instance_of(bool))
    cuti_bersama: bool = attrs.field(default=True, validator=instance_of(bool))
    closures: tuple[Closure, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=tuple_of(Closure)
    )
    extra_working_days: tuple[ExtraWorkingDay, ...] = attrs.field(
        default=(),
        converter=_as_tuple,
        validator=[
            tuple_of(ExtraWorkingDay),
            unique_by(lambda extra: extra.day, Phrase("calendar.error.kind_date")),
        ],
    )
    periods: tuple[HoursPeriod, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=[tuple_of(HoursPeriod), _no_overlap]
    )
    decreed: tuple[DecreedDay, ...] = attrs.field(
        default=(),
        converter=_as_tuple,
        validator=[
            tuple_of(DecreedDay),
            unique_by(
                lambda d: f"{d.day.isoformat()} {d.kind}",
                Phrase("calendar.error.kind_date_and_kind"),
            ),
            _removals_found,
        ],
    )
    name: str = attrs.field(default="", validator=people_text)
    source: str = attrs.field(default="", validator=saveable_text, eq=False)
    # Caches, not part of the value: the yearly indexes, the index used last (most queries in
    # a row fall in one year) and the column tables of pst_core.calendar.columns.
    _years: dict[int, YearIndex] = attrs.field(
        init=False, factory=dict, eq=False, hash=False, repr=False
    )
    _recent: YearIndex | None = attrs.field(
        init=False, default=None, eq=False, hash=False, repr=False
    )
    _columns: dict[tuple[int, int], object] = attrs.field(
        init=False, factory=dict, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        for extra in self.extra_working_days:
            if not extra.windows and not self._default_windows(extra.day):
                raise InvalidValueError(
                    "WorkingCalendar.extra_working_days",
                    extra.day,
                    Phrase(
                        "calendar.error.extra_day_windows",
                        weekday=Phrase(f"calendar.weekday_short.{extra.day:%a}".lower()),
                        day=extra.day.isoformat(),
                    ),
                )
        if (
            self.hours.weekly_minutes == 0
            and not any(p.hours.weekly_minutes for p in self.periods)
            and not self.extra_working_days
        ):
            raise NoWorkingTimeError(Phrase("calendar.error.no_working_time"))

    def _check_working_time_left(self, year: int) -> None:
        """Raise `NoWorkingTimeError` if no working time is left from ``year`` on (or back).

        A calendar without weekly hours works only in its periods and extra working
        days: a search past the last of them (or before the first) would otherwise
        end at the horizon, as if the year were the problem.
        """
        if self.hours.weekly_minutes:
            return
        days = [d for p in self.periods if p.hours.weekly_minutes for d in (p.start, p.end)]
        days += [e.day for e in self.extra_working_days]
        if not days or max(days).year < year:
            last = max(days).isoformat() if days else ""
            raise NoWorkingTimeError(Phrase("calendar.error.no_working_time_after", day=last))
        if min(days).year > year:
            first = min(days).isoformat()
            raise NoWorkingTimeError(Phrase("calendar.error.no_working_time_before", day=first))

    def __getstate__(self) -> dict[str, Any]:
        # The caches are rebuilt after unpickling, never shipped.
        return {a.name: getattr(self, a.name) for a in attrs.fields(type(self)) if a.init}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_years", {})
        object.__setattr__(self, "_recent", None)
        object.__setattr__(self, "_columns", {})

    # -- construction -----------------------------------------------------------------

    @classmethod
    def pst(cls, timezone: str | ZoneInfo = "Asia/Jakarta") -> WorkingCalendar:
        """The PST calendar: Mon–Thu 08:00–15:30, Fri 08:00–16:00, holidays and cuti bersama.

        Examples:
            >>> WorkingCalendar.pst().hours == WorkingHours.pst()
            True

        The package also ships it as a calendar file, ``pst_core/calendar/data/pst.toml``
        (a test holds the two equal), to start an office's own file from. It is built
        here without reading that file: a command-line answer should not pay for the
        file loader.

        Calling it again with the same zone gives the same calendar object, so the
        yearly indexes it builds on first use serve every caller (it is immutable:
        sharing it is safe):

            >>> WorkingCalendar.pst() is WorkingCalendar.pst("Asia/Jakarta")
            True
        """
        key = timezone.key if isinstance(timezone, ZoneInfo) else timezone
        if not isinstance(key, str):
            raise InvalidTypeError("timezone", timezone, Phrase("calendar.error.expected_zone"))
        if cls is not WorkingCalendar:  # a subclass gets its own kind, unshared
            return cls(hours=WorkingHours.pst(), timezone=key)
        return _shared_pst(key)

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
        """A copy closed from ``start`` to ``end`` inclusive (one day when ``end`` is omitted)."""
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
        given = sequence_of(windows, "windows", Window, str, label=WINDOW_OR_TEXT)
        parsed = tuple(w if isinstance(w, Window) else Window.parse(w) for w in given)
        extra = ExtraWorkingDay(day, reason, parsed)
        return attrs.evolve(self, extra_working_days=(*self.extra_working_days, extra))

    def with_period(
        self, start: date, end: date, hours: WorkingHours, *, name: str
    ) -> WorkingCalendar:
        """A copy with other hours from ``start`` to ``end`` inclusive."""
        period = HoursPeriod(start, end, hours, name)
        return attrs.evolve(self, periods=(*self.periods, period))

    def with_ramadan(self, start: date, end: date, *, name: str = "Ramadan") -> WorkingCalendar:
        """A copy with `WorkingHours.ramadan` hours from ``start`` to ``end`` inclusive.

        The dates differ every year and are set by circular: you supply them.
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
            >>> print(cal.closed_reason(date(2026, 8, 18)).describe("id"))
            Selasa, 18 Agustus 2026: Cuti Bersama (contoh)
        """
        entry = DecreedDay(day, kind, name, decree, action, name_en)
        return attrs.evolve(self, decreed=(*self.decreed, entry))

    # -- the file form (pst_core.calendar.files; loaded only when a file is read or written) --

    @classmethod
    def _structure(cls, data: Mapping[str, Any], file: str) -> WorkingCalendar:
        from pst_core.calendar import files

        return files.read_calendar(data, file, build=cls)

    def _unstructure(self) -> dict[str, Any]:
        from pst_core.calendar import files

        return files.calendar_data(self)

    @property
    def fingerprint(self) -> str:
        """A short, stable digest of what the calendar computes with.

        It hashes the canonical JSON form of `to_data` (keys sorted, no spaces),
        leaving out ``name``: renaming a unit changes no answer. It covers hours,
        zone, holiday switches, closures, extra working days, periods and decreed
        days, not the holiday tables of the installed ``holidays`` release. A saved
        transaction records it, so that reading it back on another calendar is a
        choice, never an accident. The built-in calendar's fingerprint is fixed by a
        test: a change to it is a deliberate, changelogged event.

        Examples:
            >>> WorkingCalendar.pst().fingerprint
            'sha256:...'
            >>> jayapura = WorkingCalendar.pst("Asia/Jayapura")
            >>> WorkingCalendar.pst().fingerprint == jayapura.fingerprint
            False
        """
        data = {k: v for k, v in self.to_data().items() if k != "name"}
        canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()[:16]

    # -- how each day looks: the plan the yearly indexes are built from --------------------

    def _hours_on(self, day: date) -> WorkingHours:
        for period in self.periods:
            if period.covers(day):
                return period.hours
        return self.hours

    def _default_windows(self, day: date) -> tuple[Window, ...]:
        # An extra working day without windows of its own borrows its weekday's.
        return self._hours_on(day).on(day.weekday())

    def _holidays_off(self, year: int) -> dict[date, PublicHoliday]:
        """The days of ``year`` this calendar closes for a holiday, with the holiday that
        says why (the first one named, when two fall on one day)."""
        off: dict[date, PublicHoliday] = {}
        if self.national_holidays or self.cuti_bersama:
            for holiday in self.holidays(year).holidays:
                wanted = self.national_holidays if holiday.kind == "national" else self.cuti_bersama
                if wanted:
                    off.setdefault(holiday.day, holiday)
        return off

    def _planner(self, year: int) -> Callable[[date], DayPlan]:
        """How each day of ``year`` is planned: an extra working day outranks a closure, a
        closure a holiday, a holiday the weekly hours. An index plans all 365 days, so the
        year's holidays and the weekday reasons are looked up once, not per day."""
        holiday_off: dict[date, PublicHoliday] | None = None  # looked up when first needed
        no_hours: dict[int, tuple[str, SkipKind, str]] = {}

        def plan(day: date) -> DayPlan:
            weekday = day.weekday()
            windows = self._hours_on(day).on(weekday)
            for extra in self.extra_working_days:
                if extra.day == day:
                    return DayPlan(day, extra.windows or windows)
            for closure in self.closures:
                if closure.covers(day):
                    return DayPlan(day, (), Skipped(day, closure.reason, "closure"))
            nonlocal holiday_off
            if holiday_off is None:
                holiday_off = self._holidays_off(year)
            holiday = holiday_off.get(day)
            if holiday is not None:
                why = Skipped(day, holiday.describe("id"), holiday.kind, holiday.describe("en"))
                return DayPlan(day, (), why)
            if windows:
                return DayPlan(day, windows)
            said = no_hours.get(weekday)
            if said is None:
                said = no_hours[weekday] = _no_hours_reason(weekday)
            return DayPlan(day, (), Skipped(day, *said))

        return plan

    def holidays(self, year: int) -> HolidayYear:
        """The national holidays and cuti bersama of ``year`` with this calendar's decrees.

        Examples:
            >>> len(WorkingCalendar.pst().holidays(2026).cuti_bersama)
            8
        """
        return decreed_holidays(check_year(year), self.decreed)

    def year_index(self, year: int) -> YearIndex:
        """The index of one local year, built on first use and kept (see `pst_core.calendar.index`).

        Raises:
            CalendarHorizonError: when ``year`` is outside the holiday data's horizon.
            NoWorkingTimeError: when a search runs past the horizon on a calendar whose
                only working time is in its periods or extra working days, all before.
        """
        index = self._years.get(year)
        if index is None:
            try:
                check_year(year)
            except CalendarHorizonError:
                self._check_working_time_left(year)
                raise
            estimated: list[tuple[int, Provisional]] = []
            undecreed = None
            if self.national_holidays or self.cuti_bersama:
                table = self.holidays(year)
                for holiday in table.estimated:
                    used = (
                        self.national_holidays if holiday.kind == "national" else self.cuti_bersama
                    )
                    if used:
                        reason = Provisional(
                            "estimated", year, holiday.day, holiday.name, holiday.name_en
                        )
                        estimated.append((holiday.day.toordinal(), reason))
                if self.cuti_bersama and not table.decreed:
                    undecreed = Provisional("undecreed", year, version=holidays_version())
            index = build_year(
                year,
                self._planner(year),
                self.timezone,
                estimated=tuple(estimated),
                undecreed=undecreed,
            )
            self._years[year] = index
        return index

    def windows_on(self, day: date) -> tuple[Window, ...]:
        """The open windows of a local date (empty when it is not a working day).

        Examples:
            >>> [str(w) for w in WorkingCalendar.pst().windows_on(date(2026, 11, 27))]
            ['08:00-16:00']
        """
        require_date(day, "day")
        self.year_index(day.year)  # horizon check
        return self._planner(day.year)(day).windows

    # -- views for notebooks (pst_core.calendar.views) ------------------------------------

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
            Saturday 15 August 2026: weekend
            Sunday 16 August 2026: weekend
            Monday 17 August 2026: Independence Day (national holiday)
        """
        from pst_core.calendar import views

        return views.days_off(self, first, last)

    def month(self, year: int, month: int) -> MonthView:
        """A month at a glance: ``print`` it for a text grid, or show it in a notebook.

        Examples:
            >>> print(WorkingCalendar.pst().month(2026, 8).describe("id").splitlines()[0])
            Agustus 2026 (Asia/Jakarta, WIB)
        """
        from pst_core.calendar import views

        return views.month(self, year, month)

    # -- columns (pst_core.calendar.columns; numpy is imported on first use) --------------

    def add_column(
        self, starts: Any, duration: WorkingTime | WorkingDays, *, provisional: bool = False
    ) -> Any:
        """`add` over a whole column (pandas ``Series``/``DatetimeIndex`` or datetimes).

        Vectorised with numpy (installed with pandas). See
        [add_column][pst_core.calendar.columns.add_column]. With ``provisional=True``
        it returns the pair ``(due, provisional)``: the due column and, for each row,
        whether that deadline may still move (`Deadline.provisional`: an estimated
        holiday or a year without a cuti bersama decree between start and due; see
        [provisional_flags][pst_core.calendar.flags.provisional_flags]).

        Examples:
            >>> import pandas as pd
            >>> received = pd.DatetimeIndex(["2026-03-17 14:00"], tz="Asia/Jakarta")
            >>> WorkingCalendar.pst().add_column(received, WorkingDays(3))[0].isoformat()
            '2026-03-27T16:00:00+07:00'
        """
        from pst_core.calendar.columns import add_column

        if not provisional:
            return add_column(self, starts, duration)
        from pst_core.calendar.flags import provisional_flags

        if not type(starts).__module__.startswith("pandas"):
            starts = tuple(starts)  # read twice: for the deadlines and for the flags
        due = add_column(self, starts, duration)
        return due, provisional_flags(self, starts, due)

    def latest_start_column(self, dues: Any, duration: WorkingTime | WorkingDays) -> Any:
        """`latest_start` over a whole column of deadlines: the latest instants only.

        See [latest_start_column][pst_core.calendar.columns.latest_start_column].

        Examples:
            >>> import pandas as pd
            >>> due = pd.DatetimeIndex(["2026-11-30 09:00"], tz="Asia/Jakarta")
            >>> WorkingCalendar.pst().latest_start_column(due, WorkingTime(90))[0].isoformat()
            '2026-11-27T15:30:00+07:00'
        """
        from pst_core.calendar.columns import latest_start_column

        return latest_start_column(self, dues, duration)

    def working_time_between_column(self, starts: Any, ends: Any) -> Any:
        """`working_time_between` over two columns, row by row (see `add_column`).

        Examples:
            >>> import pandas as pd
            >>> a = pd.Series(pd.DatetimeIndex(["2026-11-26 15:00"], tz="Asia/Jakarta"))
            >>> b = pd.Series(pd.DatetimeIndex(["2026-11-27 09:00"], tz="Asia/Jakarta"))
            >>> WorkingCalendar.pst().working_time_between_column(a, b)[0]
            Timedelta('0 days 01:30:00')
        """
        from pst_core.calendar.columns import working_time_between_column

        return working_time_between_column(self, starts, ends)

    @property
    def column_cache(self) -> dict[tuple[int, int], object]:
        """Lookup tables `pst_core.calendar.columns` built for this calendar, by years.

        A cache, like the year indexes: not part of the calendar's value, never pickled.
        """
        return self._columns
