"""A calendar's open time as numpy arrays over a span of years: cumulative time and its inverse.

Private: `pst_core.reports.sla` measures every clock interval of a report at
once with it. The answers are those of `WorkingCalendar.working_time_between`
and `WorkingCalendar.add` (the report's tests check them against the object path).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from pst_core.calendar.index import from_micros, local_micros

if TYPE_CHECKING:  # pragma: no cover
    from pst_core.calendar.calendar import WorkingCalendar

__all__ = ["OpenTime"]


class OpenTime:
    """Open windows of consecutive local years joined into flat arrays, extended on demand."""

    def __init__(self, calendar: WorkingCalendar, first_micros: int, last_micros: int) -> None:
        self.calendar = calendar
        zone = calendar.timezone
        self.first = from_micros(first_micros, zone).year
        self.last = self.first - 1
        self.years: list[Any] = []
        self._extend_to(from_micros(last_micros, zone).year)

    def _extend_to(self, last: int) -> None:
        import numpy as np

        while self.last < last:
            self.last += 1
            self.years.append(self.calendar._year(self.last))
        base = 0
        parts: list[Any] = []
        for year in self.years:
            parts.append(np.asarray(year.cumulative[:-1], dtype=np.int64) + base)
            base += year.total
        parts.append(np.asarray([base], dtype=np.int64))
        self.cumulative = np.concatenate(parts)
        self.opens = np.concatenate([np.asarray(y.opens, dtype=np.int64) for y in self.years])
        self.closes = np.concatenate([np.asarray(y.closes, dtype=np.int64) for y in self.years])
        self.midnights = np.concatenate(
            [np.asarray(y.day_midnights, dtype=np.int64) for y in self.years]
        )
        self.day_closes = np.concatenate(
            [np.asarray(y.day_closes, dtype=np.int64) for y in self.years]
        )
        self.end = local_micros(date(self.last + 1, 1, 1), 0, self.calendar.timezone)

    def before(self, micros: Any) -> Any:
        """Open time from the span's start up to each instant."""
        import numpy as np

        while len(micros) and micros.max() >= self.end:
            self._extend_to(self.last + 1)
        i = np.searchsorted(self.opens, micros, side="right") - 1
        safe = np.maximum(i, 0)
        inside = self.cumulative[safe] + np.minimum(micros, self.closes[safe]) - self.opens[safe]
        return np.where(i >= 0, inside, 0)

    def between(self, starts: Any, ends: Any) -> Any:
        """Open time inside each ``[start, end)``."""
        return self.before(ends) - self.before(starts)

    def advance(self, micros: Any, amounts: Any) -> Any:
        """The instants ``amounts`` of open time after ``micros`` (``add`` of `WorkingTime`)."""
        import numpy as np

        target = self.before(micros) + amounts
        while len(target) and target.max() > self.cumulative[-1]:
            self._extend_to(self.last + 1)
        j = np.searchsorted(self.cumulative, target, side="left") - 1
        moved = self.opens[np.maximum(j, 0)] + target - self.cumulative[np.maximum(j, 0)]
        return np.where(amounts == 0, micros, moved)

    def add_days(self, micros: Any, n: int) -> Any:
        """The close of the ``n``-th working day after each instant's local date."""
        import numpy as np

        k = np.searchsorted(self.midnights, micros, side="right") + n - 1
        while len(k) and k.max() >= len(self.day_closes):
            self._extend_to(self.last + 1)
        return self.day_closes[k]
