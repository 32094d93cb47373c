"""Whole columns at once (`add_column`, `working_time_between_column`, the array functions).

Every answer is the scalar one (`WorkingCalendar.add`, `working_time_between`), row by
row, in every datetime unit, with missing rows kept, across offset changes; the lookup
tables are kept per span of years.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
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
from pst_core.calendar.columns import (
    add_column,
    add_working_days_micros,
    add_working_time_micros,
    working_time_between_column,
    working_time_between_micros,
)
from pst_core.calendar.index import to_micros
from pst_core.errors import (
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
)
from tests.calendar.helpers import WIB, at, fresh_pst
from tests.strategies import instants, working_days, working_times

PST = WorkingCalendar.pst()

SPLIT = WorkingCalendar(
    hours=WorkingHours.parse({"mon-thu": "08:00-15:30", "fri": ["08:00-11:30", "13:00-16:00"]}),
    timezone="Asia/Makassar",
).with_extra_working_day(date(2026, 9, 19), reason="Open day", windows=[Window("08:00", "12:00")])

STARTS = [
    "2026-03-17 14:00:00",
    "2026-11-26 15:25:00",
    "2026-12-31 15:00:00",
    "2026-03-18 10:00:00",  # cuti bersama
    "2026-11-28 09:30:00",  # Saturday
]


# Zones whose UTC offset changes inside a span: columns take the sorted search, not the tables.
OFFSET_CHANGES = [
    # Asia/Jakarta kept UTC+7:30 until the last minute of 1963 (tzdata): two steady
    # years a half hour apart, so their days do not tile one table; a start just after
    # a 1964 midnight is where a table of 1963's days would go wrong.
    (
        "Asia/Jakarta",
        ["1963-12-30T09:00+07:30", "1963-12-31T15:00+07:30", "1964-06-10T00:15+07:00"],
    ),
    # DST: Amsterdam's spring and autumn changes.
    (
        "Europe/Amsterdam",
        [
            "2026-03-27T15:00+01:00",
            "2026-10-23T15:00+02:00",
            "2026-06-09T00:30+02:00",  # near midnight: summer days start an hour early
            "2026-06-09T23:30+02:00",
            "2026-01-01T00:30+01:00",  # before the span's first opening
            "2026-01-02T09:00+01:00",  # inside its first window
        ],
    ),
]


def _series(unit: str, values: Sequence[str | None] = STARTS) -> Any:
    index = pd.DatetimeIndex(values, tz="Asia/Jakarta").as_unit(unit)
    return pd.Series(index, index=range(100, 100 + len(values)), name="received")


@pytest.mark.property
@given(
    st.sampled_from([PST, SPLIT]),
    st.lists(instants, max_size=30),
    st.one_of(working_times, working_days),
)
def test_column_equals_row_by_row(
    cal: WorkingCalendar, starts: list[datetime], duration: WorkingTime | WorkingDays
) -> None:
    assert add_column(cal, starts, duration) == tuple(cal.add(s, duration) for s in starts)


@pytest.mark.property
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


@pytest.mark.parametrize("unit", ["s", "ms", "us", "ns"])
@pytest.mark.parametrize(
    "duration", [WorkingTime(10), WorkingTime(hours=8), WorkingDays(1), WorkingDays(3)]
)
def test_every_unit_keeps_its_unit_and_answers_as_add(
    unit: str, duration: WorkingTime | WorkingDays
) -> None:
    cal = fresh_pst()
    starts = _series(unit, [*STARTS, None])
    due = add_column(cal, starts, duration)
    assert isinstance(due, pd.Series)
    assert str(due.dtype) == f"datetime64[{unit}, Asia/Jakarta]"
    assert list(due.index) == list(starts.index)
    assert due.name == "received"
    expected = [cal.add(at(s + "+07:00"), duration) for s in STARTS]
    assert [d.to_pydatetime() for d in due.iloc[:-1]] == expected
    assert pd.isna(due.iloc[-1])
    index = add_column(cal, pd.DatetimeIndex(starts), duration)
    assert isinstance(index, pd.DatetimeIndex)
    assert index.unit == unit
    assert [d.to_pydatetime() for d in index[:-1]] == expected


def test_an_amount_finer_than_the_unit_switches_to_microseconds() -> None:
    cal = fresh_pst()
    due = add_column(cal, _series("s"), WorkingTime(timedelta(milliseconds=1500)))
    assert str(due.dtype) == "datetime64[us, Asia/Jakarta]"
    assert due.iloc[0] == pd.Timestamp("2026-03-17 14:00:01.5", tz="Asia/Jakarta")
    whole = add_column(cal, _series("s"), WorkingTime(timedelta(seconds=2)))
    assert str(whole.dtype) == "datetime64[s, Asia/Jakarta]"


def test_nanoseconds_are_floored_to_microseconds() -> None:
    cal = fresh_pst()
    starts = pd.Series(pd.DatetimeIndex(["2026-11-26 09:00:00.000001999"], tz="Asia/Jakarta"))
    due = add_column(cal, starts, WorkingTime(10))
    assert due.iloc[0] == pd.Timestamp("2026-11-26 09:10:00.000001", tz="Asia/Jakarta")
    assert str(due.dtype) == "datetime64[ns, Asia/Jakarta]"


def test_missing_rows_in_plain_containers_stay_as_given() -> None:
    cal = fresh_pst()
    nan = float("nan")
    rows = [None, at("2026-03-17T14:00+07:00"), nan, pd.NaT, at("2026-11-26T15:25+07:00")]
    due = add_column(cal, rows, WorkingTime(10))
    assert due[0] is None
    assert due[1] == at("2026-03-17T14:10+07:00")
    assert due[2] is nan
    assert due[3] is pd.NaT
    assert due[4] == at("2026-11-27T08:05+07:00")
    assert due[1].tzinfo is cal.timezone
    assert add_column(cal, iter(rows), WorkingTime(10)) == due
    assert add_column(cal, (r for r in rows[:2]), WorkingDays(1)) == (
        None,
        at("2026-03-25T15:30+07:00"),
    )
    assert add_column(cal, [None], WorkingDays(1)) == (None,)


@pytest.mark.parametrize(
    "duration",
    [
        WorkingTime(hours=2000),  # more than a year of open time (1823 h in 2026)
        WorkingTime(hours=4000),
        WorkingDays(239),
        WorkingDays(240),
        WorkingDays(241),
        WorkingDays(500),
    ],
)
def test_amounts_longer_than_a_year(duration: WorkingTime | WorkingDays) -> None:
    cal = fresh_pst()
    starts = [at("2026-01-02T09:00+07:00"), at("2026-12-31T15:00+07:00")]
    assert add_column(cal, starts, duration) == tuple(cal.add(s, duration) for s in starts)
    later = fresh_pst()
    assert add_column(later, starts[1:], duration) == (later.add(starts[1], duration),)


@pytest.mark.parametrize(("zone", "starts"), OFFSET_CHANGES)
@pytest.mark.parametrize("duration", [WorkingTime(45), WorkingTime(hours=9), WorkingDays(2)])
def test_offset_changes_answer_as_add(
    zone: str, starts: list[str], duration: WorkingTime | WorkingDays
) -> None:
    cal = WorkingCalendar.pst(zone)
    moments = [at(s) for s in starts]
    expected = tuple(cal.add(m, duration) for m in moments)
    assert add_column(cal, moments, duration) == expected
    series = pd.Series(pd.DatetimeIndex([m.astimezone(timezone.utc) for m in moments]))
    assert [d.to_pydatetime() for d in add_column(cal, series, duration)] == list(expected)


@pytest.mark.parametrize(("zone", "starts"), OFFSET_CHANGES)
def test_offset_changes_measure_as_working_time_between(zone: str, starts: list[str]) -> None:
    cal = WorkingCalendar.pst(zone)
    moments = [at(s) for s in starts]
    ends = [m + timedelta(days=3, hours=5) for m in moments]
    expected = [
        cal.working_time_between(a, b) // timedelta(microseconds=1)
        for a, b in zip(moments, ends, strict=True)
    ]
    micros = np.array([to_micros(m) for m in moments], dtype=np.int64)
    later = np.array([to_micros(m) for m in ends], dtype=np.int64)
    assert working_time_between_micros(cal, micros, later).tolist() == expected


def test_the_array_functions() -> None:
    cal = fresh_pst()
    moments = [at("2026-11-26T15:25+07:00"), at("2026-03-17T14:00+07:00")]
    micros = np.array([to_micros(m) for m in moments], dtype=np.int64)
    amounts = np.array([0, 10 * 60_000_000], dtype=np.int64)
    due = add_working_time_micros(cal, micros, amounts)
    assert due.tolist() == [micros[0], to_micros(at("2026-03-17T14:10+07:00"))]
    same = add_working_time_micros(cal, micros, 10 * 60_000_000)
    assert same.tolist() == [to_micros(cal.add(m, WorkingTime(10))) for m in moments]
    days = add_working_days_micros(cal, micros, 3)
    assert days.tolist() == [to_micros(cal.add(m, WorkingDays(3))) for m in moments]
    empty = np.zeros(0, dtype=np.int64)
    for result in (
        add_working_time_micros(cal, empty, 5),
        add_working_days_micros(cal, empty, 1),
        working_time_between_micros(cal, empty, empty),
    ):
        assert result.dtype == np.int64
        assert result.tolist() == []


def test_working_time_between_micros_across_years() -> None:
    cal = fresh_pst()
    pairs = [
        ("2026-11-26T08:00+07:00", "2026-11-27T14:00+07:00"),
        ("2026-12-31T15:00+07:00", "2027-01-04T08:30+07:00"),
        ("2026-12-31T15:00+07:00", "2028-01-04T08:30+07:00"),
        ("2026-11-26T10:00+07:00", "2026-11-26T10:00+07:00"),
    ]
    starts = np.array([to_micros(at(a)) for a, _ in pairs], dtype=np.int64)
    ends = np.array([to_micros(at(b)) for _, b in pairs], dtype=np.int64)
    expected = [
        cal.working_time_between(at(a), at(b)) // timedelta(microseconds=1) for a, b in pairs
    ]
    assert working_time_between_micros(cal, starts, ends).tolist() == expected


def test_working_time_between_column_in_every_container() -> None:
    cal = fresh_pst()
    a = [at("2026-11-26T15:00+07:00"), at("2026-12-31T15:00+07:00")]
    b = [at("2026-11-27T09:00+07:00"), at("2027-01-04T08:30+07:00")]
    expected = [cal.working_time_between(x, y) for x, y in zip(a, b, strict=True)]
    assert working_time_between_column(cal, a, b) == tuple(expected)
    series = working_time_between_column(
        cal, pd.Series(a, index=[5, 6]), pd.Series(pd.DatetimeIndex(b))
    )
    assert str(series.dtype) == "timedelta64[us]"
    assert list(series.index) == [5, 6]
    assert [t.to_pytimedelta() for t in series] == expected
    index = working_time_between_column(cal, pd.DatetimeIndex(a), pd.DatetimeIndex(b))
    assert list(index.index) == [0, 1]
    assert [t.to_pytimedelta() for t in index] == expected
    with_nat = working_time_between_column(
        cal, pd.Series([a[0], pd.NaT, a[1]]), pd.Series([b[0], b[1], pd.NaT])
    )
    assert with_nat.iloc[0].to_pytimedelta() == expected[0]
    assert pd.isna(with_nat.iloc[1])
    assert pd.isna(with_nat.iloc[2])
    assert working_time_between_column(cal, [], []) == ()
    all_missing = working_time_between_column(cal, pd.Series([pd.NaT]), pd.Series([pd.NaT]))
    assert pd.isna(all_missing.iloc[0])


def test_column_messages() -> None:
    cal = fresh_pst()
    a = [at("2026-03-17T14:00+07:00"), None, at("2026-03-17T14:00+07:00")]
    b = [at("2026-03-18T14:00+07:00"), at("2026-03-18T14:00+07:00"), at("2026-03-16T14:00+07:00")]
    with pytest.raises(InvalidValueError) as caught:
        working_time_between_column(cal, a, b)
    assert str(caught.value) == (
        "ends[2]: invalid value 'an instant before its start'; allowed: ends >= starts"
    )
    with pytest.raises(InvalidValueError) as caught:
        working_time_between_column(cal, a, b[:2])
    assert str(caught.value) == "ends: invalid value '2 rows'; allowed: 3 rows, as starts"
    with pytest.raises(InvalidTypeError) as wrong:
        add_column(cal, [a[0]], CalendarDays(1))
    assert str(wrong.value) == (
        "duration: expected WorkingTime or WorkingDays, got CalendarDays CalendarDays(n=1)"
    )
    with pytest.raises(InvalidTypeError) as wrong:
        add_column(cal, pd.Series([1, 2]), WorkingDays(1))
    assert str(wrong.value) == (
        "starts: expected a column of timezone-aware datetimes, got Int64DType dtype('int64')"
    )
    with pytest.raises(InvalidTypeError) as wrong:
        add_column(cal, 5, WorkingDays(1))
    assert str(wrong.value) == (
        "starts: expected a pandas Series or DatetimeIndex, or datetimes, got int 5"
    )
    with pytest.raises(InvalidTypeError) as wrong:
        add_column(cal, [a[0], "x"], WorkingDays(1))
    assert str(wrong.value) == "starts[1]: expected timezone-aware datetime, got str 'x'"
    with pytest.raises(InvalidTypeError) as wrong:
        working_time_between_column(cal, [a[0]], ["x"])
    assert str(wrong.value) == "ends[0]: expected timezone-aware datetime, got str 'x'"
    with pytest.raises(NaiveDatetimeError) as naive:
        add_column(cal, pd.Series([a[0], datetime(2026, 3, 17, 14)], dtype=object), WorkingDays(1))
    assert naive.value.field == "starts[1]"
    with pytest.raises(NaiveDatetimeError) as naive:
        add_column(cal, pd.Series(pd.DatetimeIndex([None, "2026-03-17 14:00"])), WorkingDays(1))
    assert naive.value.field == "starts"
    assert str(naive.value).startswith(
        "starts: naive datetime 2026-03-17 14:00:00 has no time zone; allowed: "
    )
    # A naive column of nothing but NaT has nothing to read: it stays NaT, in the unit given.
    only_nat = add_column(
        cal, pd.Series(pd.DatetimeIndex([None, None]).as_unit("ms")), WorkingDays(1)
    )
    assert str(only_nat.dtype) == "datetime64[ms, Asia/Jakarta]"
    assert only_nat.isna().all()


def test_tables_are_kept_per_span_of_years() -> None:
    cal = WorkingCalendar(hours=WorkingHours.pst())  # not the shared PST calendar: its own cache
    add_column(cal, [at("2026-03-17T14:00+07:00")], WorkingDays(1))
    assert set(cal.column_cache) == {(2026, 2027)}
    kept = cal.column_cache[(2026, 2027)]
    add_column(cal, [at("2026-06-17T14:00+07:00")], WorkingTime(10))
    assert cal.column_cache[(2026, 2027)] is kept
    assert add_column(cal, [at("2026-12-31T15:00+07:00")], WorkingDays(1)) == (
        at("2027-01-04T15:30+07:00"),
    )


def test_a_calendar_whose_extra_day_is_the_only_one_open() -> None:
    """A column over a year with a single working day still answers as `add` does."""
    cal = fresh_pst().with_extra_working_day(
        date(2026, 12, 26), reason="Saturday service", windows=["08:00-12:00"]
    )
    starts = [at("2026-12-24T10:00+07:00"), at("2026-12-26T09:00+07:00")]
    for duration in (WorkingDays(1), WorkingTime(hours=3), WorkingTime(hours=4)):
        assert add_column(cal, starts, duration) == tuple(cal.add(s, duration) for s in starts)


@pytest.mark.parametrize("unit", ["s", "ms", "us", "ns"])
def test_working_time_between_column_reads_every_unit(unit: str) -> None:
    cal = fresh_pst()
    a = ["2026-11-26 09:00:30", "2026-11-26 10:00:00", "2026-11-28 10:00:00"]
    b = ["2026-11-27 08:00:00", "2026-11-26 10:00:00", "2026-11-30 08:00:45"]
    starts = pd.Series(pd.DatetimeIndex(a, tz="Asia/Jakarta").as_unit(unit))
    ends = pd.Series(pd.DatetimeIndex(b, tz="Asia/Jakarta").as_unit(unit))
    got = [t.to_pytimedelta() for t in working_time_between_column(cal, starts, ends)]
    expected = [
        cal.working_time_between(at(x + "+07:00"), at(y + "+07:00"))
        for x, y in zip(a, b, strict=True)
    ]
    assert got == expected
    assert expected[:2] == [timedelta(hours=6, minutes=29, seconds=30), timedelta(0)]
    assert expected[2] == timedelta(seconds=45)


def test_working_time_between_column_rows_at_their_starts() -> None:
    cal = fresh_pst()
    moment = at("2026-11-26T10:00+07:00")
    assert working_time_between_column(cal, [moment], [moment]) == (timedelta(0),)
    # A missing side is no measurement, as NaT is in a Series: not zero open time.
    later = moment + timedelta(hours=1)
    assert working_time_between_column(cal, [moment, None, moment], [later, later, None]) == (
        timedelta(hours=1),
        None,
        None,
    )
    with pytest.raises(InvalidValueError) as reversed_:
        working_time_between_column(cal, [moment, moment], [moment, moment - timedelta(hours=1)])
    assert reversed_.value.field == "ends[1]"  # the equal row 0 is fine
    with pytest.raises(InvalidTypeError) as wrong:
        working_time_between_column(cal, ["x"], [moment])
    assert str(wrong.value) == "starts[0]: expected timezone-aware datetime, got str 'x'"


def test_a_zero_amount_keeps_a_start_when_the_desk_is_closed() -> None:
    cal = fresh_pst()
    closed = [at("2026-11-28T10:00+07:00"), at("2026-11-26T18:00+07:00")]
    micros = np.array([to_micros(m) for m in closed], dtype=np.int64)
    assert add_working_time_micros(cal, micros, np.array([0, 0])).tolist() == micros.tolist()
    assert add_working_time_micros(cal, micros, 0).tolist() == micros.tolist()
    one = add_working_time_micros(cal, micros, np.array([1, 0]))
    assert one.tolist() == [to_micros(at("2026-11-30T08:00:00.000001+07:00")), micros[1]]


@pytest.mark.hostile
def test_add_column_refuses_strings_and_reads_mixed_offsets() -> None:
    cal = WorkingCalendar.pst()
    with pytest.raises(InvalidTypeError):
        cal.add_column(pd.Series(["2026-03-17 14:00"]), WorkingDays(1))
    with pytest.raises(InvalidTypeError):
        cal.add_column(pd.Series([datetime(2026, 3, 17, tzinfo=WIB), "x"]), WorkingDays(1))
    with pytest.raises(NaiveDatetimeError):
        cal.add_column(pd.Series(pd.to_datetime(["2026-03-17 14:00"])), WorkingDays(1))
    mixed = [
        datetime(2026, 3, 17, 14, tzinfo=WIB),
        datetime(2026, 3, 17, 14, tzinfo=ZoneInfo("Asia/Jayapura")),
        None,
    ]
    due = cal.add_column(pd.Series(mixed, dtype=object), WorkingTime(60))
    assert list(due[:2]) == [cal.add(m, WorkingTime(60)) for m in mixed[:2]]  # type: ignore[arg-type]
    assert pd.isna(due[2])


@pytest.mark.hostile
@pytest.mark.parametrize("unit", ["s", "ms", "us", "ns"])
def test_add_column_keeps_unit_and_nat(unit: str) -> None:
    cal = WorkingCalendar.pst()
    column = pd.Series(
        pd.DatetimeIndex(["2026-03-17 14:00", None, "2026-11-26 15:25"], tz=WIB).as_unit(unit)
    )
    for duration in (WorkingTime(10), WorkingDays(2)):
        due = cal.add_column(column, duration)
        assert due.dt.unit == unit
        assert pd.isna(due[1])
        assert due[0] == cal.add(column[0].to_pydatetime(), duration)
        assert due[2] == cal.add(column[2].to_pydatetime(), duration)


@pytest.mark.parametrize(
    "duration",
    [
        WorkingTime(1),
        WorkingTime(hours=5),
        WorkingTime(hours=1500),
        WorkingTime(timedelta(seconds=90)),
    ],
)
def test_a_long_column_looked_up_in_its_due_table_answers_as_short_ones(
    duration: WorkingTime,
) -> None:
    """A column long beside its span reads one table of due instants per start minute;
    short chunks of it take the row arithmetic, and a sample agrees with the scalar add."""
    cal = fresh_pst()
    rng = np.random.default_rng(25)
    rows = 140_000
    seconds = rng.integers(0, 365 * 86_400, rows) // 60 * 60  # whole minutes...
    seconds[::7] += rng.integers(1, 60, len(seconds[::7]))  # ...and some in between
    micros = seconds * 1_000_000 + to_micros(at("2026-01-01T00:00+07:00"))
    micros[::11] += rng.integers(1, 1_000_000, len(micros[::11]))
    column = pd.Series(pd.DatetimeIndex(micros.view("M8[us]")).tz_localize("UTC"))
    column = column.dt.tz_convert("+07:00")
    whole = cal.add_column(column, duration)
    chunks = [cal.add_column(column[i : i + 2_000], duration) for i in range(0, rows, 2_000)]
    assert whole.equals(pd.concat(chunks))
    for i in range(0, rows, 997):
        start = column[i].to_pydatetime()
        assert whole[i].to_pydatetime() == cal._add(start, duration)
