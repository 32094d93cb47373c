"""``add_column(..., provisional=True)`` flags each row as `Deadline.provisional` would."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from pst_core.calendar import WorkingCalendar, WorkingDays, WorkingTime

WIB = ZoneInfo("Asia/Jakarta")
CAL = WorkingCalendar.pst()


def test_a_series_gets_a_boolean_series_beside_its_due_column() -> None:
    starts = pd.Series(
        pd.DatetimeIndex(["2026-03-17 14:00", None, "2028-02-24 09:00"], tz=WIB),
        index=["a", "b", "c"],
    )
    due, provisional = CAL.add_column(starts, WorkingDays(3), provisional=True)
    assert due.equals(CAL.add_column(starts, WorkingDays(3)))
    assert provisional.name == "provisional"
    assert list(provisional.index) == ["a", "b", "c"]
    assert provisional.tolist() == [False, False, True]


def test_an_index_and_plain_datetimes_too() -> None:
    index = pd.DatetimeIndex(["2026-03-17 14:00", "2027-03-08 09:00"], tz=WIB)
    _, flags = CAL.add_column(index, WorkingDays(5), provisional=True)
    assert flags.tolist() == [
        CAL.deadline(moment, WorkingDays(5)).provisional for moment in index.to_pydatetime()
    ]
    rows = [datetime(2026, 3, 17, 14, tzinfo=WIB), None]
    due, flags = CAL.add_column(iter(rows), WorkingTime(120), provisional=True)
    assert flags == (False, None)
    assert due[1] is None


@given(
    st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2029, 12, 1)),
    st.integers(min_value=1, max_value=40),
)
def test_the_flag_is_the_scalar_deadlines_flag(start: datetime, days: int) -> None:
    moment = start.replace(tzinfo=WIB)
    column = pd.Series(pd.DatetimeIndex([moment, moment + timedelta(days=days)]))
    _, flags = CAL.add_column(column, WorkingDays(days), provisional=True)
    expected = [CAL.deadline(m, WorkingDays(days)).provisional for m in column.dt.to_pydatetime()]
    assert flags.tolist() == expected
