"""Benchmark pst_core's calendar against pandas, workalendar and numpy, side by side.

Run with ``pip install -e ".[bench]"`` then ``python benchmarks/calendar.py``.
It prints per-operation times and ratios; it asserts only that the libraries
agree on the answers (speed is reported, never asserted).

* pandas ``CustomBusinessHour`` on a uniform Mon–Fri 08:00–15:30 calendar with
  the same holidays (pandas cannot give Friday other hours), adding whole hours;
* workalendar ``add_working_days`` on a calendar with the same holidays;
* numpy ``busday_offset`` (dates only, vectorised C) for scale.
"""

# ruff: noqa: E402
from __future__ import annotations

import sys
from pathlib import Path

# This script is named as the issue asks, so run directly it would shadow the standard
# library's ``calendar`` (which zoneinfo and workalendar import): leave its folder off the path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import random
import time
import warnings
from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
from workalendar.core import Calendar as WorkalendarCalendar

from pst_core.calendar import WorkingCalendar, WorkingDays, WorkingHours, WorkingTime
from pst_core.calendar.holidays import indonesian_holidays

WIB = ZoneInfo("Asia/Jakarta")
YEARS = range(2024, 2034)
N = 2_000
SEED = 20261121


def best_of(repeats: int, function: Callable[[], object]) -> float:
    """Best wall time of ``repeats`` runs (seconds)."""
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - started)
    return best


def row(label: str, seconds: float, ours: float | None = None) -> str:
    """One line: per-operation time, and how many times faster pst_core is."""
    text = f"  {label:<18} {seconds / N * 1e6:10.2f} us/op"
    if ours is not None:
        ratio = seconds / ours
        faster = f"pst_core is {ratio:.1f}x faster" if ratio >= 1 else f"{1 / ratio:.1f}x faster"
        text += f"   {faster}"
    return text


def main() -> None:
    rng = random.Random(SEED)
    days_off = sorted({h.day for year in YEARS for h in indonesian_holidays(year).holidays})
    off_set = set(days_off)
    minutes = [rng.randrange(0, 9 * 365 * 24 * 60) for _ in range(N)]
    naive_starts = [datetime(2024, 1, 1) + timedelta(minutes=m) for m in minutes]
    starts = [s.replace(tzinfo=WIB) for s in naive_starts]
    hours = [rng.randrange(1, 40) for _ in range(N)]
    day_counts = [rng.randrange(1, 20) for _ in range(N)]

    print(f"pst_core calendar benchmark: {N} random starts in 2024-2032, seed {SEED}\n")

    # -- index build: the cost the first query pays -----------------------------------------
    fresh = WorkingCalendar.pst()
    indonesian_holidays.cache_clear()
    started = time.perf_counter()
    fresh.add(starts[0], WorkingDays(1))
    first_query = time.perf_counter() - started
    started = time.perf_counter()
    for year in YEARS:
        fresh.is_working_day(date(year, 6, 1))
    ten_years = time.perf_counter() - started
    print(f"first query (builds one year's index, loads holidays): {first_query * 1e3:8.2f} ms")
    print(f"building the index for ten years (2024-2033):          {ten_years * 1e3:8.2f} ms\n")

    # -- pandas CustomBusinessHour -----------------------------------------------------------
    uniform = WorkingCalendar(hours=WorkingHours.parse({"mon-fri": "08:00-15:30"}))
    offsets = {
        n: pd.offsets.CustomBusinessHour(n=n, start="08:00", end="15:30", holidays=days_off)
        for n in set(hours)
    }
    amounts = {n: WorkingTime(hours=n) for n in set(hours)}  # built once, like pandas' offsets
    ours_hours = [uniform.add(s, amounts[h]) for s, h in zip(starts, hours, strict=True)]
    theirs_hours = [
        (pd.Timestamp(s) + offsets[h]).to_pydatetime()
        for s, h in zip(naive_starts, hours, strict=True)
    ]
    disagreements = 0
    for ours, theirs in zip(ours_hours, theirs_hours, strict=True):
        if uniform.previous_close(ours) == ours:  # pandas gives the next opening instead
            ours = uniform.next_open(ours)
        disagreements += ours.replace(tzinfo=None) != theirs
    assert disagreements == 0, f"pandas disagrees on {disagreements} of {N} additions"

    t_ours = best_of(
        3,
        lambda: [uniform.add(s, amounts[h]) for s, h in zip(starts, hours, strict=True)],
    )
    t_pandas = best_of(
        1, lambda: [pd.Timestamp(s) + offsets[h] for s, h in zip(naive_starts, hours, strict=True)]
    )
    print("add working hours (uniform Mon-Fri 08:00-15:30, same holidays):")
    print(row("pst_core", t_ours))
    print(row("pandas CBH", t_pandas, t_ours))
    print(f"  answers agree on all {N} additions (pandas' next-opening convention accounted for)\n")

    # -- the same over a pandas column: Series + CBH against WorkingCalendar.add_column -----
    column = pd.Series(pd.DatetimeIndex(naive_starts))
    aware_column = column.dt.tz_localize(WIB)
    five = WorkingTime(hours=5)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pandas warns that it applies the offset row by row
        theirs_column = column + offsets[5]
        t_pandas_column = best_of(1, lambda: column + offsets[5])
    ours_column = uniform.add_column(aware_column, five)
    closing = [uniform.previous_close(t) == t for t in ours_column]
    expected = [
        uniform.next_open(t) if at_close else t
        for t, at_close in zip(ours_column, closing, strict=True)
    ]
    assert [t.replace(tzinfo=None) for t in expected] == list(theirs_column), "column disagrees"
    t_ours_column = best_of(5, lambda: uniform.add_column(aware_column, five))
    print("add 5 working hours to a pandas column (Series + CBH against add_column):")
    print(row("pst_core column", t_ours_column))
    print(row("pandas Series+CBH", t_pandas_column, t_ours_column))
    print(f"  answers agree on all {N} rows\n")

    # -- workalendar add_working_days --------------------------------------------------------
    class PstHolidays(WorkalendarCalendar):  # type: ignore[misc]
        WEEKEND_DAYS = (5, 6)

        def holidays(self, year: int | None = None) -> list[tuple[date, str]]:
            return [(d, "holiday") for d in days_off if d.year == year]

    workalendar = PstHolidays()
    pst = WorkingCalendar.pst()
    start_days = [s.date() for s in starts]
    counts = {n: WorkingDays(n) for n in set(day_counts)}
    ours_days = [pst.add(s, counts[n]) for s, n in zip(starts, day_counts, strict=True)]
    theirs_days = [
        workalendar.add_working_days(d, n) for d, n in zip(start_days, day_counts, strict=True)
    ]
    assert [d.date() for d in ours_days] == theirs_days, "workalendar disagrees on working days"
    assert not any(d in off_set for d in theirs_days)

    t_ours_days = best_of(
        3, lambda: [pst.add(s, counts[n]) for s, n in zip(starts, day_counts, strict=True)]
    )
    t_workalendar = best_of(
        1,
        lambda: [
            workalendar.add_working_days(d, n) for d, n in zip(start_days, day_counts, strict=True)
        ],
    )
    print("add working days (PST calendar, closing instant of the n-th working day):")
    print(row("pst_core", t_ours_days))
    print(row("workalendar", t_workalendar, t_ours_days))
    print(f"  answers agree on all {N} additions\n")

    # -- numpy busday_offset -------------------------------------------------------------------
    holidays_np = np.array(days_off, dtype="datetime64[D]")
    np_days = np.array(start_days, dtype="datetime64[D]")
    np_counts = np.array(day_counts)
    theirs_np = np.busday_offset(np_days, np_counts, roll="backward", holidays=holidays_np)
    assert [d.date() for d in ours_days] == theirs_np.astype(date).tolist(), "numpy disagrees"
    t_numpy_vector = best_of(
        5, lambda: np.busday_offset(np_days, np_counts, roll="backward", holidays=holidays_np)
    )
    t_numpy_scalar = best_of(
        1,
        lambda: [
            np.busday_offset(d, n, roll="backward", holidays=holidays_np)
            for d, n in zip(np_days, day_counts, strict=True)
        ],
    )
    print("numpy busday_offset (dates only, no hours, no zones), for scale:")
    print(row("numpy vectorised", t_numpy_vector, t_ours_days))
    print(row("numpy one by one", t_numpy_scalar, t_ours_days))
    print("  answers agree on the dates")


if __name__ == "__main__":
    main()
