"""An office's working calendar as a TOML or JSON file, and back.

A calendar file holds what an office keeps about its own desk: its zone (or
province), weekly hours, whether cuti bersama counts, dated periods with other
hours (Ramadan, with the circular that set them), closures, extra working
days, and *decreed days*: national holidays or cuti bersama added or removed
by a decree that the ``holidays`` package does not have yet. Every key is
optional; an empty file is the PST calendar in WIB.

```toml
name = "BPS Provinsi Bengkulu"
province = "Bengkulu"            # or: timezone = "Asia/Jakarta" / "WIB"

[hours]
mon-thu = "08:00-15:30"
fri = "08:00-16:00"

[[periods]]
name = "Ramadan 1447 H"
start = 2026-02-18
end = 2026-03-19
source = "the circular that set the hours"
hours = { mon-thu = ["08:00-12:00", "12:30-15:00"], fri = ["08:00-11:30", "12:30-15:30"] }

[[closures]]
start = 2026-11-23
end = 2026-11-24                 # optional: one day when left out
reason = "Pindah kantor"

[[extra_working_days]]
day = 2026-11-28
reason = "Layanan hari Sabtu"
windows = ["08:00-12:00"]        # optional when the weekday has hours: it lends them

[[decreed]]
day = 2025-08-18
kind = "cuti_bersama"            # or "national"
name = "Cuti Bersama Hari Kemerdekaan"
decree = "the decree's number"
action = "add"                   # or "remove"
```

Loading checks everything and reports every problem with its field path, the
value and what is allowed (periods that overlap, dates outside the years the
holiday data covers, windows that end before they start...). A closure that
only covers days which are off anyway is allowed but warned about with
`CalendarFileWarning`.

Read and write a file with the verbs of `WorkingCalendar` (`load`, `loads`,
`from_data`, `dump`, `dumps`, `to_data`); they call this module on first use,
so a deadline on the built-in calendar never loads it (nor cattrs). It sits
below the calendar and never imports it: `read_calendar` turns a file's data
into the calendar's field values and builds the calendar with the class it is
handed, `calendar_data` turns a calendar's fields back into data.

Examples:
    >>> from pst_core.calendar import WorkingCalendar
    >>> cal = WorkingCalendar.loads('''
    ... province = "Bali"
    ... [[closures]]
    ... start = 2026-11-23
    ... reason = "Pindah kantor"
    ... ''', format="toml")
    >>> cal.timezone.key, cal.closures[0].days
    ('Asia/Makassar', 1)
    >>> WorkingCalendar.loads(cal.dumps("toml"), format="toml") == cal
    True
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Callable, Hashable, Iterable, Mapping
from datetime import date
from typing import Any, Protocol, TypeVar
from zoneinfo import ZoneInfo

import attrs

from pst_core._phrases import Described, Joined
from pst_core._validation import require_people_text
from pst_core.calendar.adjustments import (
    CalendarFileWarning,
    Closure,
    ExtraWorkingDay,
    HoursPeriod,
)
from pst_core.calendar.converter import structure
from pst_core.calendar.deadline import Skipped
from pst_core.calendar.holidays import (
    DecreeAction,
    DecreedDay,
    HolidayKind,
    check_removal,
    holiday_horizon,
)
from pst_core.calendar.hours import Window, WorkingHours
from pst_core.calendar.zones import province
from pst_core.errors import (
    DataFileError,
    FileProblem,
    InvalidValueError,
    NoWorkingTimeError,
    Phrase,
    PstError,
    UnknownNameError,
)

__all__ = ["CalendarFields", "calendar_data", "read_calendar"]


class CalendarFields(Protocol):
    """What this module reads of a `WorkingCalendar` to write it, or to check a loaded one."""

    @property
    def name(self) -> str: ...
    @property
    def timezone(self) -> ZoneInfo: ...
    @property
    def national_holidays(self) -> bool: ...
    @property
    def cuti_bersama(self) -> bool: ...
    @property
    def hours(self) -> WorkingHours: ...
    @property
    def periods(self) -> tuple[HoursPeriod, ...]: ...
    @property
    def closures(self) -> tuple[Closure, ...]: ...
    @property
    def extra_working_days(self) -> tuple[ExtraWorkingDay, ...]: ...
    @property
    def decreed(self) -> tuple[DecreedDay, ...]: ...
    def closed_reason(self, day: date) -> Skipped | None: ...


C = TypeVar("C", bound=CalendarFields)

# -- the file's own shape (what cattrs structures) -----------------------------------


@attrs.frozen(kw_only=True)
class _PeriodData:
    name: str
    start: date
    end: date
    hours: WorkingHours
    source: str | None = None


@attrs.frozen(kw_only=True)
class _ClosureData:
    start: date
    reason: str
    end: date | None = None


@attrs.frozen(kw_only=True)
class _ExtraDayData:
    day: date
    reason: str
    windows: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class _DecreedData:
    day: date
    kind: HolidayKind
    name: str
    decree: str
    action: DecreeAction = "add"
    name_en: str | None = None


@attrs.frozen(kw_only=True)
class _CalendarData:
    name: str | None = None
    province: str | None = None
    timezone: ZoneInfo | None = None
    national_holidays: bool = True
    cuti_bersama: bool = True
    hours: WorkingHours | None = None
    periods: tuple[_PeriodData, ...] = ()
    closures: tuple[_ClosureData, ...] = ()
    extra_working_days: tuple[_ExtraDayData, ...] = ()
    decreed: tuple[_DecreedData, ...] = ()


# -- problems ------------------------------------------------------------------------

_Problem = tuple[str, object, "str | Phrase | tuple[str, ...]"]  # path, value, what is allowed


def _text(path: str, value: str | None, problems: list[_Problem], *, blank: bool = False) -> bool:
    """Whether ``value`` is text for people (`require_people_text`), else a problem at ``path``."""
    if value is None:
        return True
    try:
        require_people_text(value, path, blank=blank)
    except InvalidValueError as err:
        problems.append((path, value, err.allowed_phrase))
        return False
    return True


def _raise(file: str, problems: list[_Problem]) -> None:
    """Raise one `DataFileError` listing ``problems`` (none: nothing to raise)."""
    if problems:
        raise DataFileError.of(file, [FileProblem(p, v, a) for p, v, a in problems])


def _check_dates(
    path: str,
    start: date,
    end: date,
    horizon: tuple[int, int],
    problems: list[_Problem],
    *,
    one_day: bool = False,
) -> None:
    """``start`` and ``end`` (or the one date at ``path`` when ``one_day``) in the horizon."""
    first, last = horizon
    for key, day in (("start", start), ("end", end)):
        if not first <= day.year <= last:
            where = path if one_day else f"{path}.{key}"
            problems.append(
                (
                    where,
                    day.isoformat(),
                    Phrase("calendar.error.date_in_years", first=first, last=last),
                )
            )
            return
    if end < start:
        allowed = Phrase("calendar.error.date_on_or_after_start", start=start)
        problems.append((f"{path}.end", end.isoformat(), allowed))


def _zone(spec: _CalendarData, problems: list[_Problem]) -> ZoneInfo:
    zone = spec.timezone or ZoneInfo("Asia/Jakarta")
    if spec.province is None:
        return zone
    try:
        found = province(spec.province)
    except UnknownNameError as err:
        allowed: tuple[str, ...] | Phrase = err.suggestions or Phrase(
            "calendar.error.one_of_provinces"
        )
        problems.append(("province", spec.province, allowed))
        return zone
    if spec.timezone is not None and spec.timezone.key != found.timezone:
        problems.append(
            (
                "timezone",
                spec.timezone.key,
                Phrase("calendar.error.zone_of", zone=found.timezone, province=found.name),
            )
        )
    return found.zone


def _periods(spec: _CalendarData, horizon: tuple[int, int], problems: list[_Problem]) -> list[Any]:
    periods = []
    for i, p in enumerate(spec.periods):
        _check_dates(f"periods[{i}]", p.start, p.end, horizon, problems)
        named = _text(f"periods[{i}].name", p.name, problems)
        if named and p.end >= p.start:
            periods.append((i, p))
    ordered = sorted(periods, key=lambda item: item[1].start)
    for (i, before), (j, after) in itertools.pairwise(ordered):
        if after.start <= before.end:
            problems.append(
                (
                    f"periods[{j}]",
                    f"{after.name} ({after.start} to {after.end})",
                    Phrase(
                        "calendar.error.period_apart",
                        other=f"periods[{i}]",
                        name=before.name,
                        start=before.start,
                        end=before.end,
                    ),
                )
            )
    return [
        HoursPeriod(p.start, p.end, p.hours, p.name, p.source or "")
        for _, p in sorted(periods, key=lambda item: item[0])
    ]


def _closures(
    spec: _CalendarData, horizon: tuple[int, int], problems: list[_Problem]
) -> list[Closure]:
    closures = []
    for i, c in enumerate(spec.closures):
        end = c.end or c.start
        _check_dates(f"closures[{i}]", c.start, end, horizon, problems)
        if _text(f"closures[{i}].reason", c.reason, problems) and end >= c.start:
            closures.append(Closure(c.start, end, c.reason))
    return closures


def _repeats(keys: Iterable[Hashable]) -> dict[int, int]:
    """Each position whose key came before, with the position it first came at."""
    first: dict[Hashable, int] = {}
    repeats: dict[int, int] = {}
    for i, key in enumerate(keys):
        repeats[i] = first.setdefault(key, i)
    return {i: j for i, j in repeats.items() if i != j}


def _extra_days(
    spec: _CalendarData, horizon: tuple[int, int], problems: list[_Problem]
) -> list[ExtraWorkingDay]:
    extra = []
    repeats = _repeats(e.day for e in spec.extra_working_days)
    for i, e in enumerate(spec.extra_working_days):
        path = f"extra_working_days[{i}]"
        _check_dates(f"{path}.day", e.day, e.day, horizon, problems, one_day=True)
        if i in repeats:
            where = f"extra_working_days[{repeats[i]}]"
            allowed = Phrase("calendar.error.date_not_in", where=where)
            problems.append((f"{path}.day", e.day.isoformat(), allowed))
        if not _text(f"{path}.reason", e.reason, problems):
            continue
        try:
            windows = tuple(Window.parse(w) for w in e.windows)
            extra.append(ExtraWorkingDay(e.day, e.reason, windows))
        except PstError as err:
            problems.append((f"{path}.windows", list(e.windows), _allowed_of(err)))
    return extra


def _decreed(
    spec: _CalendarData, horizon: tuple[int, int], problems: list[_Problem]
) -> list[DecreedDay]:
    decreed = []
    repeats = _repeats((d.day, d.kind) for d in spec.decreed)
    for i, d in enumerate(spec.decreed):
        path = f"decreed[{i}]"
        _check_dates(f"{path}.day", d.day, d.day, horizon, problems, one_day=True)
        if i in repeats:
            allowed = Phrase(
                "calendar.error.date_not_decreed",
                kind=d.kind,
                where=f"decreed[{repeats[i]}]",
            )
            problems.append((f"{path}.day", d.day.isoformat(), allowed))
        texts = [
            _text(f"{path}.name", d.name, problems),
            _text(f"{path}.decree", d.decree, problems),
            _text(f"{path}.name_en", d.name_en, problems, blank=True),
        ]
        if not all(texts):
            continue
        day = DecreedDay(d.day, d.kind, d.name, d.decree, d.action, d.name_en or "")
        try:
            if horizon[0] <= d.day.year <= horizon[1]:
                check_removal(day, f"{path}.day")
        except InvalidValueError as err:
            problems.append((f"{path}.day", d.day.isoformat(), err.allowed_phrase))
            continue
        decreed.append(day)
    return decreed


def _blamed(err: PstError, extra: list[Any], data: Mapping[str, Any]) -> _Problem:
    """Where in the file a refusal of the built calendar points."""
    if getattr(err, "field", None) == "WorkingCalendar.extra_working_days":
        for i, day in enumerate(extra):
            if day.day == getattr(err, "value", None):
                return (f"extra_working_days[{i}].windows", [], _allowed_of(err))
    return ("hours", data.get("hours"), _allowed_of(err))  # pragma: no cover - no other refusal


def _allowed_of(err: PstError) -> Phrase:
    """What the refusal allows (or expected), in words: its own phrase, never its English."""
    allowed = getattr(err, "allowed_phrase", None) or getattr(err, "expected_phrase", None)
    return allowed if isinstance(allowed, Phrase) else err.phrase


# -- reading -------------------------------------------------------------------------


def read_calendar(data: Mapping[str, Any], file: str, *, build: Callable[..., C]) -> C:
    """The calendar a file's plain data describes, built by ``build`` (`WorkingCalendar`).

    The class hands itself in (`WorkingCalendar.from_data` calls this), so the
    file form never imports the calendar. Closures that close no working day are
    warned about with `CalendarFileWarning`.

    Raises:
        DataFileError: naming every problem found (field path, value, allowed).

    Examples:
        >>> from pst_core.calendar import WorkingCalendar
        >>> cal = WorkingCalendar.from_data({"timezone": "WIT", "cuti_bersama": False})
        >>> cal.timezone.key, cal.cuti_bersama
        ('Asia/Jayapura', False)
        >>> WorkingCalendar.from_data({"periods": [{"name": "Ramadan", "start": "2026-03-19",
        ...                          "end": "2026-02-18", "hours": {"mon": "08:00-15:00"}}]})
        Traceback (most recent call last):
        ...
        pst_core.errors.DataFileError: <data>: periods[0].end: invalid value '2026-02-18'; ...
    """
    spec = structure(data, _CalendarData, file=file)
    horizon = holiday_horizon()
    problems: list[_Problem] = []
    _text("name", spec.name, problems, blank=True)
    zone = _zone(spec, problems)
    periods = _periods(spec, horizon, problems)
    closures = _closures(spec, horizon, problems)
    extra = _extra_days(spec, horizon, problems)
    decreed = _decreed(spec, horizon, problems)
    _raise(file, problems)
    try:
        calendar = build(
            hours=spec.hours if spec.hours is not None else WorkingHours.pst(),
            timezone=zone,
            national_holidays=spec.national_holidays,
            cuti_bersama=spec.cuti_bersama,
            closures=tuple(closures),
            extra_working_days=tuple(extra),
            periods=tuple(periods),
            decreed=tuple(decreed),
            name=spec.name or "",
            source="" if file.startswith("<") else file,
        )
    except NoWorkingTimeError:
        allowed = Phrase("calendar.error.hours_with_window")
        _raise(file, [("hours", data.get("hours"), allowed)])
        raise  # pragma: no cover - _raise always raises here
    except PstError as err:
        _raise(file, [_blamed(err, extra, data)])
        raise  # pragma: no cover - _raise always raises here
    _warn_idle_closures(calendar, file)
    return calendar


def _warn_idle_closures(calendar: CalendarFields, file: str) -> None:
    """Warn about closures that only cover days which are off anyway."""
    for i, closure in enumerate(calendar.closures):
        others = tuple(c for c in calendar.closures if c is not closure)
        without = attrs.evolve(calendar, closures=others)  # type: ignore[misc]
        days = [
            date.fromordinal(n)
            for n in range(closure.start.toordinal(), closure.end.toordinal() + 1)
        ]
        reasons = [without.closed_reason(day) for day in days]
        if all(reason is not None for reason in reasons):
            said = Joined(
                Phrase(
                    "calendar.warning.day_off" if n else "calendar.warning.first_day_off",
                    day=Described(reason),
                )
                for n, reason in enumerate(reasons)
                if reason is not None
            )
            idle = Phrase(
                "calendar.warning.idle_closure",
                file=file,
                index=i,
                reason=closure.reason,
                days=said,
            )
            warnings.warn(
                CalendarFileWarning(idle),
                stacklevel=5,  # the caller of from_data (or load, loads)
            )


# -- writing -------------------------------------------------------------------------


def calendar_data(calendar: CalendarFields) -> dict[str, Any]:
    """Plain data of a calendar file that loads back equal to ``calendar`` (its `to_data`).

    Examples:
        >>> from pst_core.calendar import WorkingCalendar
        >>> calendar_data(WorkingCalendar.pst())["hours"]
        {'mon-thu': '08:00-15:30', 'fri': '08:00-16:00'}
    """
    data: dict[str, Any] = {}
    if calendar.name:
        data["name"] = calendar.name
    data["timezone"] = calendar.timezone.key
    data["national_holidays"] = calendar.national_holidays
    data["cuti_bersama"] = calendar.cuti_bersama
    data["hours"] = calendar.hours.to_data()
    if calendar.periods:
        data["periods"] = [
            {
                "name": p.name,
                "start": p.start.isoformat(),
                "end": p.end.isoformat(),
                **({"source": p.source} if p.source else {}),
                "hours": p.hours.to_data(),
            }
            for p in calendar.periods
        ]
    if calendar.closures:
        data["closures"] = [
            {
                "start": c.start.isoformat(),
                **({"end": c.end.isoformat()} if c.end != c.start else {}),
                "reason": c.reason,
            }
            for c in calendar.closures
        ]
    if calendar.extra_working_days:
        data["extra_working_days"] = [
            {
                "day": e.day.isoformat(),
                "reason": e.reason,
                **({"windows": [str(w) for w in e.windows]} if e.windows else {}),
            }
            for e in calendar.extra_working_days
        ]
    if calendar.decreed:
        data["decreed"] = [
            {
                "day": d.day.isoformat(),
                "kind": d.kind,
                "name": d.name,
                **({"name_en": d.name_en} if d.name_en else {}),
                "decree": d.decree,
                "action": d.action,
            }
            for d in calendar.decreed
        ]
    return data
