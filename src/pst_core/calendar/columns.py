"""Deadlines for a whole column at once: the calendar's index as numpy arrays.

For analysts with a pandas column of received instants, adding a duration row
by row costs microseconds per row; here the same bisect runs as one
``numpy.searchsorted`` over the column. numpy is imported on first use only
(pandas brings it); the results are those of :meth:`WorkingCalendar.add`.

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

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from pst_core._validation import require_aware
from pst_core.calendar.durations import Duration, WorkingDays, WorkingTime
from pst_core.calendar.index import ONE_MICROSECOND, YearIndex, from_micros, to_micros
from pst_core.errors import InvalidTypeError, NaiveDatetimeError

if TYPE_CHECKING:  # pragma: no cover
    from pst_core.calendar.calendar import WorkingCalendar

__all__ = ["add_column"]


class _Span:
    """The indexes of consecutive years joined into flat arrays, extendable at the end."""

    def __init__(self, calendar: WorkingCalendar, first: int, last: int) -> None:
        self.calendar = calendar
        self.first = first
        self.last = first - 1
        self.years: list[YearIndex] = []
        self.extend_to(last)

    def extend_to(self, last: int) -> None:
        import numpy as np

        while self.last < last:
            self.last += 1
            self.years.append(self.calendar._year(self.last))
        base = 0
        cumulative: list[Any] = []
        for year in self.years:
            cumulative.append(np.asarray(year.cumulative[:-1], dtype=np.int64) + base)
            base += year.total
        cumulative.append(np.asarray([base], dtype=np.int64))
        self.cumulative = np.concatenate(cumulative)
        self.opens = np.concatenate([np.asarray(y.opens, dtype=np.int64) for y in self.years])
        self.closes = np.concatenate([np.asarray(y.closes, dtype=np.int64) for y in self.years])
        self.midnights = np.concatenate(
            [np.asarray(y.day_midnights, dtype=np.int64) for y in self.years]
        )
        self.day_closes = np.concatenate(
            [np.asarray(y.day_closes, dtype=np.int64) for y in self.years]
        )


def _working_time(span: _Span, micros: Any, amount: int) -> Any:
    import numpy as np

    if amount == 0:
        return micros
    i = np.searchsorted(span.opens, micros, side="right") - 1
    safe = np.maximum(i, 0)
    inside = span.cumulative[safe] + np.minimum(micros, span.closes[safe]) - span.opens[safe]
    target = np.where(i >= 0, inside, 0) + amount
    while len(target) and target.max() > span.cumulative[-1]:
        span.extend_to(span.last + 1)
    j = np.searchsorted(span.cumulative, target, side="left") - 1
    return span.opens[j] + target - span.cumulative[j]


def _working_days(span: _Span, micros: Any, n: int) -> Any:
    import numpy as np

    # The first working day after a start's local date is the first whose local midnight
    # comes after the start: no time-zone arithmetic needed per row.
    k = np.searchsorted(span.midnights, micros, side="right") + n - 1
    while len(k) and k.max() >= len(span.day_closes):
        span.extend_to(span.last + 1)
    return span.day_closes[k]


def add_column(calendar: WorkingCalendar, starts: Any, duration: Duration) -> Any:
    """:meth:`WorkingCalendar.add` over many starts at once.

    Args:
        calendar: The working calendar.
        starts: A timezone-aware pandas ``Series`` or ``DatetimeIndex`` (``NaT``
            stays ``NaT``), or an iterable of aware ``datetime`` objects.
        duration: A :class:`WorkingTime` or :class:`WorkingDays`; calendar days and
            months are wall-clock arithmetic with nothing to index, so add them
            with ``Series + pd.DateOffset`` or :meth:`WorkingCalendar.add`.

    Returns:
        The same kind of container, in the calendar's zone: a ``Series`` (same
        index), a ``DatetimeIndex``, or a tuple of datetimes.

    Examples:
        >>> from datetime import datetime
        >>> from zoneinfo import ZoneInfo
        >>> from pst_core.calendar import WorkingCalendar, WorkingTime
        >>> wib = ZoneInfo("Asia/Jakarta")
        >>> add_column(WorkingCalendar.pst(), [datetime(2026, 11, 26, 15, 25, tzinfo=wib)],
        ...            WorkingTime(10))
        (datetime.datetime(2026, 11, 27, 8, 5, tzinfo=zoneinfo.ZoneInfo(key='Asia/Jakarta')),)
    """
    import numpy as np

    if not isinstance(duration, (WorkingTime, WorkingDays)):
        raise InvalidTypeError("duration", duration, "WorkingTime or WorkingDays")
    pandas_kind = type(starts).__name__ if type(starts).__module__.startswith("pandas") else ""
    if pandas_kind in ("Series", "DatetimeIndex"):
        import pandas as pd

        index = pd.DatetimeIndex(starts)
        if index.tz is None:
            raise NaiveDatetimeError("starts", "a column without a time zone")
        missing = np.asarray(index.isna())
        micros = index.as_unit("us").asi8.copy()
    elif isinstance(starts, Iterable) and not isinstance(starts, (str, bytes)):
        moments = [require_aware(moment, f"starts[{i}]") for i, moment in enumerate(starts)]
        micros = np.asarray([to_micros(m) for m in moments], dtype=np.int64)
        missing = np.zeros(len(micros), dtype=bool)
    else:
        raise InvalidTypeError("starts", starts, "a pandas Series or DatetimeIndex, or datetimes")

    present = micros[~missing]
    if len(present) == 0:
        result = micros
    else:
        years = [
            from_micros(int(m), calendar.timezone).year for m in (present.min(), present.max())
        ]
        span = _Span(calendar, years[0], years[1])
        computed = (
            _working_time(span, present, duration.span // ONE_MICROSECOND)
            if isinstance(duration, WorkingTime)
            else _working_days(span, present, duration.n)
        )
        result = micros.copy()
        result[~missing] = computed

    if pandas_kind:
        import pandas as pd

        values = pd.to_datetime(result, unit="us", utc=True).tz_convert(calendar.timezone)
        if missing.any():
            values = values.where(~missing, pd.NaT)
        if pandas_kind == "Series":
            return pd.Series(values, index=starts.index, name=starts.name)
        return pd.DatetimeIndex(values)
    return tuple(from_micros(int(m), calendar.timezone) for m in result)
