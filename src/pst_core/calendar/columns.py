"""Deadlines for a whole column at once: the calendar's index as numpy lookup tables.

For analysts with a pandas column of received instants, adding a duration row
by row costs microseconds per row; here each row is a few array lookups:

* working time: a table of the open time elapsed before each minute of the
  years the column spans, and a table of where each open minute starts (a long
  column adding whole minutes reads one table of due instants per start minute);
* working days: a table of the first working day after each local date.

Zones whose offset changes inside the span (daylight saving) take a
``searchsorted`` path instead. numpy is imported on first use only (pandas
brings it); the answers are those of `WorkingCalendar.add`, row by row. The
column keeps its datetime unit (``s``, ``ms``, ``us`` or ``ns``) and its
``NaT`` rows.

`WorkingCalendar.add_column` and `working_time_between_column` call these
functions; they sit below the calendar and read it through `IndexedCalendar`.

Examples:
    >>> import pandas as pd
    >>> from pst_core.calendar import WorkingCalendar, WorkingDays
    >>> received = pd.Series(pd.to_datetime(["2026-03-17 14:00", "2026-11-26 15:25"]))
    >>> received = received.dt.tz_localize("Asia/Jakarta")
    >>> due = add_column(WorkingCalendar.pst(), received, WorkingDays(3))
    >>> due.dt.strftime("%Y-%m-%d %H:%M").tolist()
    ['2026-03-27 16:00', '2026-12-01 15:30']
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from pst_core._optional import require
from pst_core._validation import require_aware
from pst_core.calendar.durations import Duration, WorkingDays, WorkingTime
from pst_core.calendar.index import (
    MICROS_PER_MINUTE,
    ONE_MICROSECOND,
    YearIndex,
    from_micros,
    to_micros,
)
from pst_core.errors import (
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
    Phrase,
)

__all__ = [
    "IndexedCalendar",
    "add_column",
    "add_working_days_micros",
    "add_working_time_micros",
    "latest_start_column",
    "working_time_between_column",
    "working_time_between_micros",
]


class IndexedCalendar(Protocol):
    """What the column functions read of a calendar (a `WorkingCalendar`): its zone, its
    yearly indexes, and a cache where the lookup tables built from them are kept."""

    @property
    def timezone(self) -> ZoneInfo: ...
    @property
    def column_cache(self) -> dict[tuple[int, int], object]: ...
    def year_index(self, year: int) -> YearIndex: ...


_MICROS_PER_DAY = 86_400_000_000
_PER_MICRO = {"s": 1_000_000, "ms": 1_000, "us": 1}


def _numpy() -> Any:
    return require("numpy", "a calendar column")


class _Span:
    """Consecutive years of a calendar's index joined into flat arrays and lookup tables."""

    def __init__(self, calendar: IndexedCalendar, first: int, last: int) -> None:
        np = _numpy()
        years = [calendar.year_index(year) for year in range(first, last + 1)]
        self.calendar = calendar
        self.first, self.last = first, last
        base = 0
        cumulative: list[Any] = []
        for year in years:
            cumulative.append(np.asarray(year.cumulative[:-1], dtype=np.int64) + base)
            base += year.total
        cumulative.append(np.asarray([base], dtype=np.int64))
        self.cumulative = np.concatenate(cumulative)
        self.opens = np.concatenate([np.asarray(y.opens, dtype=np.int64) for y in years])
        self.closes = np.concatenate([np.asarray(y.closes, dtype=np.int64) for y in years])
        self.midnights = np.concatenate(
            [np.asarray(y.day_midnights, dtype=np.int64) for y in years]
        )
        self.day_closes = np.concatenate([np.asarray(y.day_closes, dtype=np.int64) for y in years])
        self.begins, self.ends = years[0].begins, years[-1].ends
        # Lookup tables need a steady offset and whole-minute edges counted from `begins`.
        edges = np.concatenate([self.opens, self.closes]) - self.begins
        self.tabled = (
            all(y.steady for y in years)
            and len({y.begins % MICROS_PER_MINUTE for y in years}) == 1
            and not (edges % MICROS_PER_MINUTE).any()
            and not (self.ends - self.begins) % _MICROS_PER_DAY
        )
        self._minute_tables: tuple[Any, Any, Any] | None = None
        self._day_table: Any = None
        self._due_table: tuple[int, Any] | None = None

    def minute_tables(self) -> tuple[Any, Any, Any]:
        """(open minutes before each minute, open flag of each minute, start of each open
        minute in UTC microseconds).

        The first two are int32 and int8: a column looks them up at random, and tables
        that stay in the processor's cache are read several times faster.
        """
        if self._minute_tables is None:
            np = _numpy()
            minutes = (self.ends - self.begins) // MICROS_PER_MINUTE
            first = (self.opens - self.begins) // MICROS_PER_MINUTE
            last = (self.closes - self.begins) // MICROS_PER_MINUTE
            steps = np.zeros(minutes + 1, dtype=np.int32)
            np.add.at(steps, first, 1)
            np.add.at(steps, last, -1)
            is_open = np.cumsum(steps[:-1], dtype=np.int32).astype(np.int8)
            elapsed = np.zeros(minutes + 1, dtype=np.int32)
            np.cumsum(is_open, out=elapsed[1:])
            starts = np.flatnonzero(is_open) * MICROS_PER_MINUTE + self.begins
            self._minute_tables = (elapsed, is_open, starts)
        return self._minute_tables

    def due_table(self, minutes: int) -> Any:
        """For each minute of the span, the due instant of ``minutes`` of open time counted
        from its start (UTC microseconds); only the minutes whose due instant falls inside
        the span have one, so the table may be shorter than the span.

        The answer for every start at a whole minute, and for any start in a closed minute,
        is one lookup. Only the last amount asked is kept: a table is as long as the span.
        """
        if self._due_table is None or self._due_table[0] != minutes:
            np = _numpy()
            elapsed_at, _, starts = self.minute_tables()
            k = elapsed_at[:-1].astype(np.int64)
            k += minutes - 1
            valid = int(np.searchsorted(k, len(starts), side="left"))  # k is ascending
            table = starts[k[:valid]]
            table += MICROS_PER_MINUTE
            self._due_table = (minutes, table)
        return self._due_table[1]

    def day_table(self) -> Any:
        """For each local date of the span, the position of the first working day after it."""
        if self._day_table is None:
            np = _numpy()
            days = (self.ends - self.begins) // _MICROS_PER_DAY
            bounds = self.begins + _MICROS_PER_DAY * np.arange(days, dtype=np.int64)
            self._day_table = np.searchsorted(self.midnights, bounds, side="right").astype(np.int32)
        return self._day_table


def _span(calendar: IndexedCalendar, first: int, last: int) -> _Span:
    # Kept with the calendar's other caches: a column of the same years reuses the tables.
    cache = calendar.column_cache
    span = cache.get((first, last))
    if span is None:
        span = cache[(first, last)] = _Span(calendar, first, last)
    assert isinstance(span, _Span)
    return span


def _open_time_before(span: _Span, micros: Any) -> Any:
    """Open time from the start of a tabled span to each instant, in microseconds."""
    np = _numpy()
    elapsed_at, is_open, _ = span.minute_tables()
    # In place where it can be: a column's temporaries cost as much as its arithmetic.
    elapsed = micros - span.begins
    minute = elapsed // MICROS_PER_MINUTE
    whole = minute * MICROS_PER_MINUTE
    elapsed -= whole  # the part of its minute, which counts only if the minute is open
    elapsed *= is_open[minute]
    elapsed += np.multiply(elapsed_at[minute], MICROS_PER_MINUTE, out=whole, dtype=np.int64)
    return elapsed


def _working_time(calendar: IndexedCalendar, micros: Any, amount: Any, first: int) -> Any:
    # ``amount``: one amount for every row, or one per row.
    np = _numpy()
    most = int(np.max(amount)) if np.ndim(amount) else int(amount)
    years = max(1, most // max(1, calendar.year_index(first).total) + 1)
    last = max(first, _year_of(calendar, int(micros.max()))) + years
    while True:
        span = _span(calendar, first, last)
        if span.tabled:
            due = _by_due_table(span, micros, amount)
            if due is not None:
                return due
            elapsed_at, _, starts = span.minute_tables()
            target = _open_time_before(span, micros)
            target += amount
            if target.max() <= int(elapsed_at[-1]) * MICROS_PER_MINUTE:
                # Time runs out inside the open minute that holds its last microsecond.
                target -= 1
                minute = target // MICROS_PER_MINUTE
                target -= minute * MICROS_PER_MINUTE
                target += starts[minute]
                target += 1
                return target
        else:
            i = np.searchsorted(span.opens, micros, side="right") - 1
            safe = np.maximum(i, 0)
            inside = (
                span.cumulative[safe] + np.minimum(micros, span.closes[safe]) - span.opens[safe]
            )
            target = np.where(i >= 0, inside, 0) + amount
            if target.max() <= span.cumulative[-1]:
                j = np.searchsorted(span.cumulative, target, side="left") - 1
                return span.opens[j] + target - span.cumulative[j]
        last += 1


def _by_due_table(span: _Span, micros: Any, amount: Any) -> Any:
    """Whole minutes of open time added to a long column by `_Span.due_table`, or ``None``
    when that does not apply (amounts per row or not whole minutes, a column short
    beside its span, an answer past the span)."""
    np = _numpy()
    if np.ndim(amount) or amount % MICROS_PER_MINUTE:
        return None
    elapsed_at, is_open, starts = span.minute_tables()
    if len(micros) * 8 < len(is_open):  # building the table would cost more than it saves
        return None
    minutes = int(amount) // MICROS_PER_MINUTE
    table = span.due_table(minutes)
    rest = micros - span.begins
    minute = rest // MICROS_PER_MINUTE
    if int(minute.max()) >= len(table):
        return None
    rest -= minute * MICROS_PER_MINUTE
    due = table[minute]
    if rest.any():  # a start inside an open minute: count from that instant
        rows = np.flatnonzero(rest)
        inside = minute[rows]
        rows = rows[is_open[inside].astype(bool)]
        inside = minute[rows]
        k = elapsed_at[inside].astype(np.int64) + minutes
        if len(k) and int(k.max()) >= len(starts):
            return None
        due[rows] = starts[k] + rest[rows]
    return due


def _working_days(calendar: IndexedCalendar, micros: Any, n: int, first: int) -> Any:
    np = _numpy()
    last = max(first, _year_of(calendar, int(micros.max()))) + n // 200 + 1
    while True:
        span = _span(calendar, first, last)
        if span.tabled:
            k = span.day_table()[(micros - span.begins) // _MICROS_PER_DAY] + (n - 1)
        else:
            k = np.searchsorted(span.midnights, micros, side="right") + (n - 1)
        if k.max() < len(span.day_closes):
            return span.day_closes[k]
        last += 1


def _year_of(calendar: IndexedCalendar, micros: int) -> int:
    return from_micros(micros, calendar.timezone).year


def _due(calendar: IndexedCalendar, micros: Any, duration: WorkingTime | WorkingDays) -> Any:
    """The due instants (UTC microseconds) of the present starts ``micros``."""
    if len(micros) == 0:
        return micros
    first = _year_of(calendar, int(micros.min()))
    if isinstance(duration, WorkingTime):
        if duration.micros == 0:
            return micros
        return _working_time(calendar, micros, duration.micros, first)
    return _working_days(calendar, micros, duration.n, first)


def add_column(calendar: IndexedCalendar, starts: Any, duration: Duration) -> Any:
    """`WorkingCalendar.add` over many starts at once.

    Args:
        calendar: The working calendar.
        starts: A timezone-aware pandas ``Series`` or ``DatetimeIndex`` (any unit;
            ``NaT`` stays ``NaT``; nanoseconds are floored to microseconds; a
            column of datetimes with mixed offsets is read as the instants they
            are), or an iterable of aware ``datetime`` objects.
        duration: A `WorkingTime` or `WorkingDays`; calendar days and months are
            wall-clock arithmetic with nothing to index, so add them with
            ``Series + pd.DateOffset`` or `WorkingCalendar.add`.

    Returns:
        The same kind of container, in the calendar's zone: a ``Series`` (same
        index and name), a ``DatetimeIndex`` (both in the input's unit), or a
        tuple of datetimes (a missing row, ``NaT`` or ``None``, stays as it was given).

    Raises:
        InvalidTypeError: a row that is not an aware instant (a string, a number).
        NaiveDatetimeError: a column without a time zone.
        MissingDependencyError: numpy is not installed (``pip install "pst-core[pandas]"``).
    """
    if not isinstance(duration, (WorkingTime, WorkingDays)):
        raise InvalidTypeError("duration", duration, (WorkingTime, WorkingDays))
    _numpy()  # numpy is needed from here on: say so before reading the column
    if not type(starts).__module__.startswith("pandas") and isinstance(starts, Iterator):
        starts = tuple(starts)  # read twice: once for the instants, once for missing rows
    raw, missing, unit, pandas_kind = _read(starts, "starts")
    present = raw if not missing.any() else raw[~missing]
    # Computed at microsecond precision, as datetime is: nanoseconds are dropped (floored).
    micros = present // 1000 if unit == "ns" else present * _PER_MICRO[unit]
    due = _due(calendar, micros, duration)
    if unit == "ns":
        result = due * 1000
    elif unit == "us":
        result = due
    else:
        scale = _PER_MICRO[unit]
        if (due % scale).any():  # an amount finer than the unit: keep what it needs
            unit, scale = "us", 1
        result = due // scale

    return _written(calendar, starts, raw, missing, result, unit, pandas_kind)


def _written(  # noqa: PLR0917 - the read column's parts, then the answers
    calendar: IndexedCalendar,
    given: Any,
    raw: Any,
    missing: Any,
    result: Any,
    unit: str,
    pandas_kind: str,
) -> Any:
    """Answers (in ``unit``) for the present rows, as the container the column came in."""
    np = _numpy()
    if pandas_kind:
        import pandas as pd

        if not missing.any():
            values = result if result is not raw else result.copy()
        else:
            values = np.full(len(raw), np.iinfo(np.int64).min, dtype=np.int64)
            values[~missing] = result
        column = pd.DatetimeIndex(values.view(f"M8[{unit}]")).tz_localize("UTC")
        column = column.tz_convert(calendar.timezone)
        if pandas_kind == "Series":
            return pd.Series(column, index=given.index, name=given.name)
        return column
    rows = iter(result)
    values = tuple(given)
    return tuple(
        values[i] if gone else from_micros(int(next(rows)), calendar.timezone)
        for i, gone in enumerate(missing)
    )


def latest_start_column(calendar: IndexedCalendar, dues: Any, duration: Duration) -> Any:
    """`WorkingCalendar.latest_start` over many deadlines at once: the latest instants only.

    Args:
        calendar: The working calendar.
        dues: Deadlines, as `add_column` reads its starts (any unit, ``NaT`` stays
            ``NaT``, nanoseconds floored).
        duration: A `WorkingTime` or `WorkingDays`.

    Returns:
        The latest starts (`WorkingTime`) or the last instants of the last days of
        receipt (`WorkingDays`), in the calendar's zone, in the container given (a
        ``Series`` or ``DatetimeIndex`` in microseconds or nanoseconds, else a tuple).

    Examples:
        >>> import pandas as pd
        >>> from pst_core.calendar import WorkingCalendar, WorkingDays
        >>> due = pd.DatetimeIndex(["2026-03-27 16:00", "2026-11-30 09:00"], tz="Asia/Jakarta")
        >>> latest = latest_start_column(WorkingCalendar.pst(), due, WorkingDays(3))
        >>> latest.strftime("%Y-%m-%d %H:%M").tolist()
        ['2026-03-24 23:59', '2026-11-24 23:59']
    """
    if not isinstance(duration, (WorkingTime, WorkingDays)):
        raise InvalidTypeError("duration", duration, (WorkingTime, WorkingDays))
    _numpy()  # numpy is needed from here on: say so before reading the column
    if not type(dues).__module__.startswith("pandas") and isinstance(dues, Iterator):
        dues = tuple(dues)
    raw, missing, unit, pandas_kind = _read(dues, "dues")
    present = raw if not missing.any() else raw[~missing]
    micros = _to_micros(present, unit)
    latest = micros if len(micros) == 0 else _latest(calendar, micros, duration)
    if unit == "ns":
        result = latest * 1000
    else:  # an answer one microsecond before midnight needs microseconds
        unit, result = "us", latest
    return _written(calendar, dues, raw, missing, result, unit, pandas_kind)


def _latest(calendar: IndexedCalendar, micros: Any, duration: WorkingTime | WorkingDays) -> Any:
    """The latest starts (UTC microseconds) of the present deadlines ``micros``."""
    np = _numpy()
    last = _year_of(calendar, int(micros.max()))
    first = _year_of(calendar, int(micros.min()))
    if isinstance(duration, WorkingTime):
        amount = duration.micros
        if not amount:
            return micros
        first -= amount // max(1, calendar.year_index(first).total) + 1
    else:
        first -= duration.n // 200 + 1
    while True:
        span = _span(calendar, first, last)
        if isinstance(duration, WorkingTime):
            i = np.searchsorted(span.opens, micros, side="right") - 1
            safe = np.maximum(i, 0)
            inside = (
                span.cumulative[safe] + np.minimum(micros, span.closes[safe]) - span.opens[safe]
            )
            target = np.where(i >= 0, inside, 0) - amount
            if target.min() >= 0:
                j = np.searchsorted(span.cumulative, target, side="right") - 1
                return span.opens[j] + target - span.cumulative[j]
        else:
            k = np.searchsorted(span.day_closes, micros, side="right") - duration.n
            if k.min() >= 0:
                return span.midnights[k] - 1
        first -= 1


def _read(starts: Any, field: str) -> tuple[Any, Any, str, str]:
    """A column as (int64 values in its unit, missing mask, unit, pandas kind or "")."""
    np = _numpy()
    pandas_kind = type(starts).__name__ if type(starts).__module__.startswith("pandas") else ""
    unit = "us"
    if pandas_kind in ("Series", "DatetimeIndex"):
        import pandas as pd

        dtype = starts.dtype
        if isinstance(dtype, pd.DatetimeTZDtype):
            index = pd.DatetimeIndex(starts)
            unit = index.unit
            missing = np.asarray(index.isna())
            raw = index.asi8
        elif dtype.kind == "M":
            index = pd.DatetimeIndex(starts)
            if not index.isna().all():
                # Name the first naive value, as a scalar query would.
                raise NaiveDatetimeError(field, index[~index.isna()][0])
            # Nothing but NaT: nothing to read in any zone, and NaT stays NaT.
            unit = index.unit
            missing = np.ones(len(index), dtype=bool)
            raw = np.zeros(len(index), dtype=np.int64)
        elif dtype == object:  # noqa: E721 - pandas dtypes compare to object this way
            moments: list[datetime | None] = [
                _instant(v, f"{field}[{i}]") for i, v in enumerate(starts)
            ]
            missing = np.asarray([m is None for m in moments], dtype=bool)
            raw = np.asarray([0 if m is None else to_micros(m) for m in moments], dtype=np.int64)
        else:
            raise InvalidTypeError(
                field, starts.dtype, Phrase("calendar.error.expected_aware_column")
            )
    elif isinstance(starts, Iterable) and not isinstance(starts, (str, bytes)):
        # NaT (or None) is a missing row, never a "naive datetime": it stays missing.
        found = [_instant(moment, f"{field}[{i}]") for i, moment in enumerate(starts)]
        missing = np.asarray([m is None for m in found], dtype=bool)
        raw = np.asarray([0 if m is None else to_micros(m) for m in found], dtype=np.int64)
    else:
        raise InvalidTypeError(field, starts, Phrase("calendar.error.expected_column"))

    return raw, missing, unit, pandas_kind


def _elapsed(calendar: IndexedCalendar, micros: Any) -> tuple[Any, int]:
    """Open time before each instant, counted from the start of the span's first year."""
    np = _numpy()
    first = _year_of(calendar, int(micros.min()))
    span = _span(calendar, first, max(first, _year_of(calendar, int(micros.max()))))
    if span.tabled:
        return _open_time_before(span, micros), first
    i = np.searchsorted(span.opens, micros, side="right") - 1
    safe = np.maximum(i, 0)
    inside = span.cumulative[safe] + np.minimum(micros, span.closes[safe]) - span.opens[safe]
    return np.where(i >= 0, inside, 0), first


def working_time_between_micros(calendar: IndexedCalendar, starts: Any, ends: Any) -> Any:
    """Open time inside each ``[start, end)``, in microseconds, for int64 arrays of UTC
    microseconds since the epoch (every end at or after its start).

    The array form of `WorkingCalendar.working_time_between`, for code that keeps
    instants as integers (the SLA report measures millions of clock intervals so).

    Examples:
        >>> import numpy as np
        >>> nov26 = 1_795_654_800_000_000  # 2026-11-26T08:00:00+07:00
        >>> hour = 3_600_000_000  # to Fri 27 14:00: Thu 7 h 30 + Fri 6 h
        >>> working_time_between_micros(WorkingCalendar.pst(), np.array([nov26]),
        ...                             np.array([nov26 + 30 * hour])) / hour
        array([13.5])
    """
    np = _numpy()
    if not len(starts):
        return np.zeros(0, dtype=np.int64)
    low, first = _elapsed(calendar, starts)
    high, first_end = _elapsed(calendar, ends)
    for year in range(first, first_end):  # bring both to the same origin
        high += calendar.year_index(year).total
    return high - low


def add_working_time_micros(calendar: IndexedCalendar, starts: Any, amounts: Any) -> Any:
    """`WorkingCalendar.add` of `WorkingTime` for int64 arrays of UTC microseconds.

    ``amounts`` is one amount of open time in microseconds for every row, or an
    array of one per row; a zero amount gives the start itself, as ``add`` does.
    """
    np = _numpy()
    if not len(starts):
        return np.zeros(0, dtype=np.int64)
    first = _year_of(calendar, int(starts.min()))
    due = _working_time(calendar, starts, amounts, first)
    return np.where(np.asarray(amounts) == 0, starts, due)


def add_working_days_micros(calendar: IndexedCalendar, starts: Any, n: int) -> Any:
    """`WorkingCalendar.add` of ``WorkingDays(n)`` for int64 arrays of UTC microseconds."""
    np = _numpy()
    if not len(starts):
        return np.zeros(0, dtype=np.int64)
    return _working_days(calendar, starts, n, _year_of(calendar, int(starts.min())))


def working_time_between_column(calendar: IndexedCalendar, starts: Any, ends: Any) -> Any:
    """`WorkingCalendar.working_time_between` row by row over two columns of instants.

    Returns:
        A ``timedelta64[us]`` ``Series`` (``NaT`` where either side is missing) for
        pandas input, else a tuple of ``timedelta`` (``None`` where either side is).

    Raises:
        InvalidValueError: a row whose end is before its start (in absolute time).
    """
    np = _numpy()
    a_raw, a_missing, a_unit, kind = _read(starts, "starts")
    b_raw, b_missing, b_unit, _ = _read(ends, "ends")
    if len(a_raw) != len(b_raw):
        raise InvalidValueError(
            "ends",
            len(b_raw),
            Phrase("calendar.error.rows_as_starts", rows=len(a_raw)),
            shown=Phrase("calendar.error.rows", rows=len(b_raw)),
        )
    missing = a_missing | b_missing
    a = _to_micros(a_raw[~missing], a_unit)
    b = _to_micros(b_raw[~missing], b_unit)
    if (b < a).any():
        row = int(np.flatnonzero(~missing)[np.argmax(b < a)])
        raise InvalidValueError(
            f"ends[{row}]",
            None,
            Phrase("calendar.error.ends_after_starts"),
            shown=Phrase("calendar.error.instant_before_start"),
        )
    result = np.zeros(len(a_raw), dtype=np.int64)
    if len(a):
        result[~missing] = working_time_between_micros(calendar, a, b)
    if kind:
        import pandas as pd

        result[missing] = np.iinfo(np.int64).min
        index = starts.index if kind == "Series" else None
        return pd.Series(result.view("m8[us]"), index=index)
    return tuple(
        None if gone else ONE_MICROSECOND * int(m)
        for m, gone in zip(result.tolist(), missing.tolist(), strict=True)
    )


def _to_micros(values: Any, unit: str) -> Any:
    return values // 1000 if unit == "ns" else values * _PER_MICRO[unit]


def _instant(value: object, field: str) -> datetime | None:
    """One row of an object column: an aware datetime, or ``None`` for a missing value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if type(value).__name__ == "NaTType":
        return None
    return require_aware(value, field)
