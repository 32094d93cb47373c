"""Column arithmetic agrees with the scalar calendar, row by row."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pst_core.calendar import (
    CalendarDays,
    Window,
    WorkingCalendar,
    WorkingDays,
    WorkingHours,
    WorkingTime,
)
from pst_core.calendar.columns import add_column
from pst_core.errors import InvalidTypeError, NaiveDatetimeError
from tests.strategies import instants, working_days, working_times

PST = WorkingCalendar.pst()
SPLIT = WorkingCalendar(
    hours=WorkingHours.parse({"mon-thu": "08:00-15:30", "fri": ["08:00-11:30", "13:00-16:00"]}),
    timezone="Asia/Makassar",
).with_extra_working_day(date(2026, 9, 19), reason="Open day", windows=[Window("08:00", "12:00")])


@given(
    st.sampled_from([PST, SPLIT]),
    st.lists(instants, max_size=30),
    st.one_of(working_times, working_days),
)
def test_column_equals_row_by_row(
    cal: WorkingCalendar, starts: list[datetime], duration: WorkingTime | WorkingDays
) -> None:
    assert add_column(cal, starts, duration) == tuple(cal.add(s, duration) for s in starts)


@given(st.lists(instants, min_size=1, max_size=30), working_days)
def test_pandas_series_keeps_index_and_name(starts: list[datetime], duration: WorkingDays) -> None:
    series = pd.Series(
        pd.DatetimeIndex([s.astimezone(timezone.utc) for s in starts]),
        index=range(10, 10 + len(starts)),
        name="received",
    )
    due = PST.add_column(series, duration)
    assert list(due.index) == list(series.index)
    assert due.name == "received"
    assert str(due.dt.tz) == "Asia/Jakarta"
    assert [d.to_pydatetime() for d in due] == [PST.add(s, duration) for s in starts]


def test_nat_stays_nat_and_datetimeindex_in_out() -> None:
    index = pd.DatetimeIndex(["2026-03-17 14:00", None, "2026-11-26 15:25"], tz="Asia/Jakarta")
    due = PST.add_column(index, WorkingTime(10))
    assert isinstance(due, pd.DatetimeIndex)
    assert due[0].isoformat() == "2026-03-17T14:10:00+07:00"
    assert pd.isna(due[1])
    assert due[2].isoformat() == "2026-11-27T08:05:00+07:00"
    assert PST.add_column(pd.DatetimeIndex([None], tz="UTC"), WorkingDays(1)).isna().all()
    assert PST.add_column([], WorkingDays(1)) == ()


def test_zero_time_and_year_end_extension() -> None:
    starts = [datetime.fromisoformat("2026-12-31T15:00+07:00")]
    assert PST.add_column(starts, WorkingTime(0)) == tuple(starts)
    assert PST.add_column(starts, WorkingDays(1))[0].isoformat() == "2027-01-04T15:30:00+07:00"
    assert PST.add_column(starts, WorkingTime(hours=10))[0] == PST.add(
        starts[0], WorkingTime(hours=10)
    )


def test_errors() -> None:
    with pytest.raises(NaiveDatetimeError):
        PST.add_column(pd.DatetimeIndex(["2026-03-17 14:00"]), WorkingDays(1))
    with pytest.raises(NaiveDatetimeError):
        PST.add_column([datetime(2026, 3, 17, 14)], WorkingDays(1))
    with pytest.raises(InvalidTypeError):
        PST.add_column([datetime.fromisoformat("2026-03-17T14:00+07:00")], CalendarDays(1))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        PST.add_column("2026-03-17", WorkingDays(1))


def test_nat_rows_stay_nat_whatever_the_container() -> None:
    """Issue 13: a NaT row is missing, not a naive datetime ("no time zone" was wrong)."""
    cal = WorkingCalendar.pst()
    start = pd.Timestamp("2026-03-17 14:00", tz="Asia/Jakarta")
    due = pd.Timestamp("2026-03-27 16:00", tz="Asia/Jakarta")
    series = cal.add_column(pd.Series([start, pd.NaT]), WorkingDays(3))
    assert series[0] == due
    assert pd.isna(series[1])
    as_objects = cal.add_column(pd.Series([start, None], dtype=object), WorkingDays(3))
    assert as_objects[0] == due
    assert pd.isna(as_objects[1])
    listed = cal.add_column([start, pd.NaT], WorkingDays(3))
    assert listed[0] == due
    assert listed[1] is pd.NaT
    assert cal.add_column(iter([pd.NaT, start]), WorkingDays(3))[1] == due
    only_nat = cal.add_column(pd.Series([pd.NaT, pd.NaT]), WorkingTime(10))
    assert only_nat.isna().all()
    assert str(only_nat.dt.tz) == "Asia/Jakarta"
