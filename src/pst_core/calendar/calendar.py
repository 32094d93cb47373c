"""The working calendar: is the desk open, and when is something due.

A `WorkingCalendar` combines weekly `WorkingHours`,
a time zone, Indonesia's national holidays and cuti bersama, local closures,
extra working days and dated periods with other hours (Ramadan). Every query
answers from a per-year index built on first use (see
`pst_core.calendar.index`), so it costs a bisect, not a loop over days.

Examples:
    >>> cal = WorkingCalendar.pst()
    >>> start = datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    >>> deadline = cal.deadline(start, WorkingDays(3))
    >>> deadline.due.isoformat()
    '2026-03-27T16:00:00+07:00'
    >>> [s.day.isoformat() for s in deadline.skipped][:3]
    ['2026-03-18', '2026-03-19', '2026-03-20']
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from zoneinfo import ZoneInfo

import attrs

from pst_core._validation import (
    instance_of,
    non_empty,
    plain_date,
    require_aware,
    require_date,
    tuple_of,
)
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
    PublicHoliday,
    check_year,
    decreed_holidays,
    holidays_version,
)
from pst_core.calendar.hours import Window, WorkingHours
from pst_core.calendar.index import (
    MICROS_PER_MINUTE,
    ONE_MICROSECOND,
    DayPlan,
    Provisional,
    SkipKind,
    Skipped,
    YearIndex,
    build_year,
    from_micros,
    to_micros,
)
from pst_core.calendar.zones import province_timezone, zone_info
from pst_core.errors import (
    InvalidTypeError,
    InvalidValueError,
    NoWorkingTimeError,
)
from pst_core.i18n import Language, check_language, text, weekday

if TYPE_CHECKING:
    from pst_core.calendar.views import MonthView

__all__ = [
    "Closure",
    "Deadline",
    "ExtraWorkingDay",
    "HoursPeriod",
    "Provisional",
    "SkipKind",
    "Skipped",
    "WorkingCalendar",
]

# tzinfo types whose utcoffset() is never None: an aware datetime in one of them needs no check.
_ZONE_TYPES = frozenset({ZoneInfo, timezone})
# Wall-clock steps of whole minutes inside one day, built once: answers are opening + step.
_MINUTE_STEPS = tuple(timedelta(minutes=m) for m in range(24 * 60 + 1))
_UTC = timezone.utc
# The mean Gregorian year: epoch microseconds // this is the UTC year give or take a day.
_MICROS_PER_YEAR = 31_556_952_000_000
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def _working_time(
    years: dict[int, YearIndex], index: YearIndex, micros: int, amount: int
) -> datetime | None:
    """The fast path of `WorkingCalendar.add` for working time within two steady years.

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


def _no_hours_reason(weekday: int) -> tuple[str, SkipKind, str]:
    """(Indonesian text, kind, English text) of a ``weekday`` closed for want of hours."""
    if weekday >= 5:
        return text("calendar.kind.weekend", "id"), "weekend", text("calendar.kind.weekend")
    said = [
        text("calendar.no_hours_on", lang, weekday=_weekday_name(weekday, lang))
        for lang in ("id", "en")
    ]
    return said[0], "no_hours", said[1]


def _check_range(instance: Any, attribute: attrs.Attribute[Any], end: date) -> None:
    if end < instance.start:
        raise InvalidValueError(
            f"{type(instance).__name__}.end", end, f"a date on or after start ({instance.start})"
        )


@attrs.frozen
class Closure:
    """Days the office is closed besides national holidays: regional holidays, office events.

    ``start`` and ``end`` are inclusive local dates.

    Examples:
        >>> Closure(date(2026, 4, 20), date(2026, 4, 21), "Office relocation").days
        2
    """

    start: date = attrs.field(validator=plain_date)
    end: date = attrs.field(validator=[plain_date, _check_range])
    reason: str = attrs.field(validator=[instance_of(str), non_empty])

    @classmethod
    def on(cls, day: date, reason: str) -> Closure:
        """A one-day closure."""
        return cls(day, day, reason)

    @property
    def days(self) -> int:
        """Number of calendar days closed."""
        return (self.end - self.start).days + 1

    def covers(self, day: date) -> bool:
        """Whether ``day`` falls in the closure."""
        return self.start <= day <= self.end


@attrs.frozen
class ExtraWorkingDay:
    """A day the desk opens although it normally would not (a Saturday service day).

    It overrides weekends, holidays and closures. ``windows`` default to the
    hours of the same weekday; a day whose weekday has no hours (a Saturday on
    the PST hours) must give its own, or the calendar refuses it: pst_core does
    not guess a desk's hours.
    """

    day: date = attrs.field(validator=plain_date)
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

    start: date = attrs.field(validator=plain_date)
    end: date = attrs.field(validator=[plain_date, _check_range])
    hours: WorkingHours = attrs.field(validator=instance_of(WorkingHours))
    name: str = attrs.field(validator=[instance_of(str), non_empty])
    source: str = attrs.field(default="", validator=instance_of(str))

    def covers(self, day: date) -> bool:
        """Whether ``day`` falls in the period."""
        return self.start <= day <= self.end


# Not slotted: a frozen dict class is built with plain dict stores, twice as fast (a hot path).
@attrs.frozen(repr=False, slots=False)
class Deadline:
    """When something is due, and why then.

    `describe` says it to a person, in Indonesian or English: the due instant,
    the calendar used (unit, zone, weekly hours), how the duration counts (the
    day of receipt never counts), whether it may still move, and the days off
    passed over. ``pst-core deadline`` prints exactly that text.

    Attributes:
        start: The instant the clock started, in the calendar's zone.
        duration: The duration that was added.
        due: The due instant, in the calendar's zone.
        provisional: True when the answer may still move: it depends on a holiday
            whose date is only estimated, or on a year whose cuti bersama decree is
            not in the data yet.
        reasons: Why it is provisional (empty when it is not), each a `Provisional`.
        skipped: Every non-working day passed over between start and due.
        sources: Where the calendar's own data came from, when it matters: the
            calendar file, then the decrees of its decreed days the answer used.
        calendar: The calendar that computed it (not compared; ``None`` when unknown).

    Examples:
        >>> cal = WorkingCalendar.pst()
        >>> d = cal.deadline(datetime(2026, 11, 26, 15, 25, tzinfo=ZoneInfo("Asia/Jakarta")),
        ...                  WorkingTime(minutes=10))
        >>> d
        Deadline(due='2026-11-27T08:05:00+07:00', duration=WorkingTime(minutes=10), ...)
        >>> print(d.describe("id").splitlines()[0])
        Jatuh tempo Jumat, 27 November 2026 pukul 08.05 WIB: 10 menit sejak Kamis, ...
    """

    start: datetime
    duration: Duration
    due: datetime
    provisional: bool
    reasons: tuple[Provisional, ...]
    skipped: tuple[Skipped, ...]
    sources: tuple[str, ...] = ()
    calendar: WorkingCalendar | None = attrs.field(default=None, eq=False)

    def __repr__(self) -> str:
        return (
            f"Deadline(due={self.due.isoformat()!r}, duration={self.duration!r}, "
            f"provisional={self.provisional}, skipped={len(self.skipped)})"
        )

    @property
    def closed_on_due(self) -> Skipped | None:
        """Why the office is closed on the due date, when it is (else ``None``).

        Only calendar durations can fall on a closed day: they are wall-clock
        arithmetic (``"7 hari"`` is seven days later, open or not) and are not moved.

        Examples:
            >>> start = datetime(2026, 3, 13, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> print(WorkingCalendar.pst().deadline(start, CalendarDays(7)).closed_on_due)
            Friday 20 March 2026: Eid al-Fitr Joint Holiday (collective leave)
        """
        if self.calendar is None or self.duration.__class__ not in (CalendarDays, CalendarMonths):
            return None
        return self.calendar.closed_reason(self.due.date())

    def _lines(self, language: Language) -> list[str]:
        from pst_core.calendar._words import say_moment

        lines = [
            text(
                "calendar.deadline.due",
                language,
                due=say_moment(self.due, language),
                duration=self.duration.describe(language),
                start=say_moment(self.start, language),
            )
        ]
        if self.calendar is not None:
            lines.append(_say_calendar(self.calendar, language))
        kind = self.duration.__class__
        if kind is WorkingDays:
            n = self.duration.n  # type: ignore[union-attr]
            lines.append(text("calendar.deadline.counting.working_days", language, n=n))
        elif kind is WorkingTime:
            lines.append(text("calendar.deadline.counting.working_time", language))
        else:
            lines.append(text("calendar.deadline.counting.calendar", language))
        closed = self.closed_on_due
        if closed is not None:
            said = closed.describe(language)
            lines.append(text("calendar.deadline.closed_on_due", language, day=said))
        if self.reasons:
            lines.append(text("calendar.deadline.provisional", language))
            lines += [f"  - {reason.describe(language)}" for reason in self.reasons]
        else:
            lines.append(text("calendar.deadline.final", language))
        return lines

    def describe(self, language: Language = "en") -> str:
        """The deadline said to a person, in ``language`` (what ``pst-core deadline`` prints).

        Examples:
            >>> start = datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> print(WorkingCalendar.pst().deadline(start, WorkingDays(3)).describe())
            Due Friday 27 March 2026, 16:00 WIB: 3 working days from Tuesday 17 March 2026, ...
            Calendar: WIB, 38 hours a week (Mon–Thu 08:00-15:30; Fri 08:00-16:00; ...).
            The day of receipt does not count: due at the close of working day 3 after it.
            Final: no estimated holiday or missing decree affects it.
            Days off passed over (7):
              - Wednesday 18 March 2026: Day of Silence Joint Holiday (collective leave)
              - Thursday 19 March 2026: Day of Silence (national holiday)
            ...
        """
        check_language(language)
        lines = self._lines(language)
        if self.skipped:
            lines.append(text("calendar.deadline.skipped", language, count=len(self.skipped)))
            lines += [f"  - {day.describe(language)}" for day in self.skipped]
        elif self.duration.__class__ in (WorkingDays, WorkingTime):
            lines.append(text("calendar.deadline.none_skipped", language))
        if self.sources:
            said = "; ".join(self.sources)
            lines.append(text("calendar.deadline.sources", language, sources=said))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from pst_core._display import html_block, html_table

        tables: tuple[str, ...] = ()
        if self.skipped:
            headers = [text(f"calendar.column.{c}") for c in ("day", "reason", "kind")]
            rows = [
                [f"{s.day:%a %Y-%m-%d}", s.reason_en or s.reason, text(f"calendar.kind.{s.kind}")]
                for s in self.skipped
            ]
            caption = text("calendar.deadline.skipped", "en", count=len(self.skipped))
            tables = (html_table(headers, rows, caption=caption.rstrip(":")),)
        if self.sources:
            tables += (html_table([text("calendar.column.source")], [[s] for s in self.sources]),)
        return html_block(text("calendar.deadline.title"), self._lines("en"), *tables)


def _say_calendar(calendar: WorkingCalendar, language: Language) -> str:
    """Which calendar: the unit's name, the zone (WIB/WITA/WIT) and the weekly hours."""
    from pst_core.calendar._words import say_zone

    zone = say_zone(calendar.timezone)
    where = f"{calendar.name}, {zone}" if calendar.name else zone
    return text(
        "calendar.deadline.calendar",
        language,
        calendar=where,
        weekly=WorkingTime(calendar.hours.weekly_minutes).describe(language),
        hours=calendar.hours.describe(language),
    )


def _weekday_name(day: int, language: Language) -> str:
    return weekday(day, language)


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


@functools.lru_cache(maxsize=64)
def _shared_pst(zone: str) -> WorkingCalendar:
    return WorkingCalendar(hours=WorkingHours.pst(), timezone=zone)


@attrs.frozen(kw_only=True)
class WorkingCalendar:
    """Working hours in a time zone, with Indonesian holidays, closures and special periods.

    Frozen, hashable, picklable and compared by value. Build the usual one with
    `pst` or `for_province`; adjust it with `with_closure`,
    `with_extra_working_day` and `with_period` (each returns a new
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
    _columns: dict[tuple[int, int], object] = attrs.field(
        init=False, factory=dict, eq=False, hash=False, repr=False
    )
    # The index used last: most queries in a row fall in the same year.
    _recent: YearIndex | None = attrs.field(
        init=False, default=None, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        for extra in self.extra_working_days:
            if not extra.windows and not self._default_windows(extra.day):
                raise InvalidValueError(
                    "WorkingCalendar.extra_working_days",
                    extra.day,
                    f"windows for {extra.day:%a %Y-%m-%d}, whose weekday has no opening "
                    "hours to lend it",
                )
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
            raise InvalidTypeError(
                "timezone", timezone, "an IANA zone name such as 'Asia/Jakarta', or a ZoneInfo"
            )
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
        parsed = tuple(w if isinstance(w, Window) else Window.parse(w) for w in windows)
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

    # -- the index --------------------------------------------------------------------

    def _hours_on(self, day: date) -> WorkingHours:
        for period in self.periods:
            if period.covers(day):
                return period.hours
        return self.hours

    def _default_windows(self, day: date) -> tuple[Window, ...]:
        # An extra working day without windows of its own borrows its weekday's.
        return self._hours_on(day).on(day.weekday())

    def _plan(self, day: date) -> DayPlan:
        return self._planner(day.year)(day)

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
        """How each day of ``year`` is planned: an index plans all 365, so the year's
        holidays and the weekday reasons are looked up once, not per day."""
        holiday_off: dict[date, PublicHoliday] | None = None  # looked up when first needed
        no_hours: dict[int, tuple[str, SkipKind, str]] = {}

        def plan(day: date) -> DayPlan:
            hours = self._hours_on(day)
            weekday = day.weekday()
            windows = hours.on(weekday)
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
        """
        index = self._years.get(year)
        if index is None:
            check_year(year)
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

    @property
    def column_cache(self) -> dict[tuple[int, int], object]:
        """Lookup tables `pst_core.calendar.columns` built for this calendar, by years.

        A cache, like the year indexes: not part of the calendar's value, never pickled.
        """
        return self._columns

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
        if at.__class__ is datetime and at.tzinfo is self.timezone:
            moment: datetime = at
            index = self._years.get(moment.year)
            if index is not None and index.offset is not None:
                seconds = (
                    ((moment.toordinal() - _EPOCH_ORDINAL) * 24 + moment.hour) * 60 + moment.minute
                ) * 60 + moment.second
                return (seconds - index.offset) * 1_000_000 + moment.microsecond, index
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
            raise InvalidValueError(field, moment, "an instant before the year 10000") from None

    # -- queries ----------------------------------------------------------------------

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
            >>> print(WorkingCalendar.pst().closed_reason(date(2026, 3, 19)))
            Thursday 19 March 2026: Day of Silence (national holiday)
        """
        if self.is_working_day(day):
            return None
        index = self.year_index(day.year)
        return index.off_days[bisect_left(index.off_ordinals, day.toordinal())]

    def windows_on(self, day: date) -> tuple[Window, ...]:
        """The open windows of a local date (empty when it is not a working day)."""
        require_date(day, "day")
        self.year_index(day.year)  # horizon check
        return self._plan(day).windows

    def is_open(self, at: datetime) -> bool:
        """Whether the desk is open at ``at``; windows are half-open, so a closing is closed.

        Examples:
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

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """The open time inside ``[start, end)``; the two compare as instants (UTC).

        Raises:
            InvalidValueError: when ``end`` is before ``start`` in absolute time.

        Examples:
            >>> wib = ZoneInfo("Asia/Jakarta")
            >>> WorkingCalendar.pst().working_time_between(
            ...     datetime(2026, 11, 26, 15, tzinfo=wib), datetime(2026, 11, 27, 9, tzinfo=wib)
            ... )
            datetime.timedelta(seconds=5400)
        """
        a, first = self._locate(start, "start")
        b, last = self._locate(end, "end")
        if b < a:
            raise InvalidValueError("end", end, f"an instant at or after start ({start})")
        total = last.elapsed(b) - first.elapsed(a)
        for year in range(first.year, last.year):
            total += self.year_index(year).total
        return ONE_MICROSECOND * total  # faster than timedelta(microseconds=...)

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
            Saturday 15 August 2026: weekend
            Sunday 16 August 2026: weekend
            Monday 17 August 2026: Independence Day (national holiday)
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
            >>> str(spent), spent.describe("id")
            ('8 hours 45 minutes', '8 jam 45 menit')
        """
        from pst_core.calendar import views

        return views.working_time(self, start, end)

    def month(self, year: int, month: int) -> MonthView:
        """A month at a glance: ``print`` it for a text grid, or show it in a notebook.

        Examples:
            >>> print(WorkingCalendar.pst().month(2026, 8).describe("id").splitlines()[0])
            Agustus 2026 (Asia/Jakarta, WIB)
        """
        from pst_core.calendar import views

        return views.month(self, year, month)

    # The fast paths are inlined on purpose: one more call per add costs a measurable share of
    # a scalar add (benchmarks/calendar.py), and test_fast_paths.py checks each against `_add`.
    def add(self, start: datetime, duration: Duration) -> datetime:  # noqa: C901, PLR0912 - hot path
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
            >>> cal, wib = WorkingCalendar.pst(), ZoneInfo("Asia/Jakarta")
            >>> cal.add(datetime(2026, 11, 26, 15, 25, tzinfo=wib), WorkingTime(10)).isoformat()
            '2026-11-27T08:05:00+07:00'
            >>> cal.add(datetime(2026, 1, 31, 10, 0, tzinfo=wib), CalendarMonths(1)).isoformat()
            '2026-02-28T10:00:00+07:00'
        """
        # Fast paths (tests/calendar/test_fast_paths.py checks them against `_add`, the
        # general path): a datetime in the calendar's own zone, in a year whose UTC offset
        # does not change, is read from its wall clock with no time-zone call at all;
        # another zoneinfo/fixed zone goes through one timestamp() call.
        kind = duration.__class__
        if start.__class__ is datetime:
            zone = start.tzinfo
            if zone is self.timezone:
                index = self._years.get(start.year)
                if index is not None and index.offset is not None:
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
            elif zone.__class__ in _ZONE_TYPES and not start.microsecond:
                micros = int(start.timestamp()) * 1_000_000
                index = self._recent
                if index is None or not index.begins <= micros < index.ends:
                    index = self._years.get(1970 + micros // _MICROS_PER_YEAR)
                    if index is None or not index.begins <= micros < index.ends:
                        index = self._index_at(micros)
                if index.offset is not None:
                    if kind is WorkingTime:
                        due = _working_time(self._years, index, micros, duration.micros)  # type: ignore[union-attr]
                        if due is not None:
                            return due
                    elif kind is WorkingDays:
                        i = bisect_right(index.day_midnights, micros) + duration.n - 1  # type: ignore[union-attr]
                        due = _day_close(self._years, index, i)
                        if due is not None:
                            return due
        return self._add(start, duration)

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
            "duration", duration, "WorkingTime, WorkingDays, CalendarDays or CalendarMonths"
        )

    def add_column(self, starts: Any, duration: WorkingTime | WorkingDays) -> Any:
        """`add` over a whole column (pandas ``Series``/``DatetimeIndex`` or datetimes).

        Vectorised with numpy (installed with pandas). See
        [add_column][pst_core.calendar.columns.add_column].

        Examples:
            >>> import pandas as pd
            >>> received = pd.DatetimeIndex(["2026-03-17 14:00"], tz="Asia/Jakarta")
            >>> WorkingCalendar.pst().add_column(received, WorkingDays(3))[0].isoformat()
            '2026-03-27T16:00:00+07:00'
        """
        from pst_core.calendar.columns import add_column

        return add_column(self, starts, duration)

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
            >>> d = WorkingCalendar.pst().deadline(
            ...     datetime(2028, 2, 24, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta")), WorkingDays(3))
            >>> d.provisional
            True
            >>> for reason in d.reasons:
            ...     print(reason.describe("id"))
            Hari Raya Idul Fitri pada Minggu, 27 Februari 2028 adalah tanggal perkiraan
            Hari kedua dari Hari Raya Idul Fitri pada Senin, 28 Februari 2028 adalah ...
            belum ada keputusan cuti bersama 2028 dalam data holidays (holidays ...)
        """
        due = self.add(start, duration)  # checks start and duration
        local = start if start.tzinfo is self.timezone else self._local(start, "start")
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
