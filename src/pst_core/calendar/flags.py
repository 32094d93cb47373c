"""Which deadlines of a column may still move: the provisional flag of `add_column`.

A deadline is provisional when the days from its start to its due date (local
dates, both counted) hold a holiday whose date is only estimated, or touch a year
whose cuti bersama decree is not in the data: the rule of `Deadline.provisional`,
over a whole column at once. Each estimated day and each undecreed year is an
interval of day ordinals; a row is provisional when its span meets one of them
(counted with two sorted searches, numpy-vectorised for pandas columns).

Examples:
    >>> import pandas as pd
    >>> from pst_core.calendar import WorkingCalendar, WorkingDays
    >>> cal = WorkingCalendar.pst()
    >>> starts = pd.Series(pd.DatetimeIndex(["2026-03-17 14:00", "2028-02-24 09:00"],
    ...                                     tz="Asia/Jakarta"))
    >>> due, provisional = cal.add_column(starts, WorkingDays(3), provisional=True)
    >>> provisional.tolist()
    [False, True]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date, datetime
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from pst_core.calendar.index import YearIndex

__all__ = ["FlaggedCalendar", "provisional_flags"]

_EPOCH = date(1970, 1, 1).toordinal()


class FlaggedCalendar(Protocol):
    """What the flags read of a calendar: its zone and its years' estimated days."""

    @property
    def timezone(self) -> ZoneInfo: ...

    def year_index(self, year: int) -> YearIndex: ...


def _intervals(calendar: FlaggedCalendar, first: int, last: int) -> tuple[list[int], list[int]]:
    """Sorted starts and sorted ends of the uncertain intervals of years ``first``-``last``."""
    lows, highs = [], []
    for year in range(first, last + 1):
        index = calendar.year_index(year)
        for ordinal, _ in index.estimated:
            lows.append(ordinal)
            highs.append(ordinal)
        if index.undecreed is not None:
            lows.append(date(year, 1, 1).toordinal())
            highs.append(date(year, 12, 31).toordinal())
    return sorted(lows), sorted(highs)


def provisional_flags(calendar: FlaggedCalendar, starts: Any, dues: Any) -> Any:
    """For each row, whether the deadline from ``starts`` to ``dues`` is provisional.

    ``starts`` is what `add_column` was given and ``dues`` what it returned: a
    pandas ``Series`` gives a boolean ``Series`` (same index, named
    ``"provisional"``), a ``DatetimeIndex`` a numpy boolean array, datetimes a
    tuple of booleans (``None`` where the row is missing).
    """
    kind = type(dues).__name__ if type(dues).__module__.startswith("pandas") else ""
    if not kind:
        return _flags_of_instants(calendar, tuple(starts), tuple(dues))
    import numpy as np
    import pandas as pd

    zone = calendar.timezone
    begin = pd.DatetimeIndex(pd.to_datetime(pd.Series(list(starts)), utc=True)).tz_convert(zone)
    end = pd.DatetimeIndex(pd.Series(list(dues))).tz_convert(zone)
    missing = np.asarray(begin.isna() | end.isna())
    first = begin.tz_localize(None).values.astype("M8[D]").astype(np.int64) + _EPOCH
    last = end.tz_localize(None).values.astype("M8[D]").astype(np.int64) + _EPOCH
    flags = np.zeros(len(end), dtype=bool)
    if not missing.all():
        present = ~missing
        years = (int(begin[present].year.min()), int(end[present].year.max()))
        lows, highs = _intervals(calendar, *years)
        met = np.searchsorted(np.asarray(lows, dtype=np.int64), last, side="right")
        passed = np.searchsorted(np.asarray(highs, dtype=np.int64), first, side="left")
        flags = ((met - passed) > 0) & present
    if kind == "Series":
        return pd.Series(flags, index=dues.index, name="provisional")
    return flags


def _flags_of_instants(
    calendar: FlaggedCalendar, starts: tuple[Any, ...], dues: tuple[Any, ...]
) -> tuple[bool | None, ...]:
    zone = calendar.timezone
    out: list[bool | None] = []
    for start, due in zip(starts, dues, strict=True):
        if not isinstance(start, datetime) or not isinstance(due, datetime):
            out.append(None)
            continue
        first, last = start.astimezone(zone).date(), due.astimezone(zone).date()
        lows, highs = _intervals(calendar, first.year, last.year)
        # Intervals begun by the last day, less those ended before the first: those met.
        met = bisect_right(lows, last.toordinal()) - bisect_left(highs, first.toordinal())
        out.append(met > 0)
    return tuple(out)
