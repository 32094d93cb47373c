"""Reproducers of issue 10 for the calendar: each was a wrong answer or a raw exception."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pst_core.calendar import (
    CalendarDays,
    CalendarMonths,
    WorkingCalendar,
    WorkingDays,
    WorkingHours,
    WorkingTime,
    parse_duration,
)
from pst_core.calendar.zones import zone_info
from pst_core.errors import (
    InvalidDurationError,
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
    PstError,
    UnknownNameError,
)
from tests.strategies import durations, instants

BERLIN = ZoneInfo("Europe/Berlin")
WIB = ZoneInfo("Asia/Jakarta")


def test_between_compares_instants_not_wall_clocks_in_a_fold() -> None:
    cal = WorkingCalendar(hours=WorkingHours.parse({"mon-sun": "00:00-24:00"}), timezone=BERLIN)
    later = datetime(2026, 10, 25, 2, 10, fold=1, tzinfo=BERLIN)  # 01:10 UTC
    earlier = datetime(2026, 10, 25, 2, 30, fold=0, tzinfo=BERLIN)  # 00:30 UTC
    assert cal.working_time_between(earlier, later) == timedelta(minutes=40)
    with pytest.raises(InvalidValueError):
        cal.working_time_between(later, earlier)


def test_a_wall_time_in_a_gap_moves_forward_by_the_gap() -> None:
    # 2026-03-29 02:30 does not exist in Berlin; read with fold=0 it is 01:30 UTC.
    start = datetime(2026, 3, 28, 2, 30, tzinfo=BERLIN)
    due = CalendarDays(1).after(start)
    assert due.isoformat() == "2026-03-29T03:30:00+02:00"
    assert due.astimezone(timezone.utc) == datetime(2026, 3, 29, 1, 30, tzinfo=timezone.utc)


def tuesday_only(month: int, saturday: int) -> WorkingCalendar:
    cal = WorkingCalendar(hours=WorkingHours.parse({"tue": "08:00-12:00"}), cuti_bersama=False)
    return cal.with_extra_working_day(date(2026, month, saturday), reason="Open Saturday")


def test_an_extra_day_without_hours_to_borrow_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="extra_working_days"):
        tuesday_only(3, 21)
    with pytest.raises(InvalidValueError, match="extra_working_days"):
        tuesday_only(1, 10)  # was a raw IndexError


def test_an_extra_day_with_explicit_hours_counts() -> None:
    cal = WorkingCalendar(
        hours=WorkingHours.parse({"tue": "08:00-12:00"}), cuti_bersama=False
    ).with_extra_working_day(date(2026, 3, 21), reason="Open Saturday", windows=["08:00-12:00"])
    due = cal.add(datetime(2026, 3, 20, 9, tzinfo=WIB), WorkingDays(1))
    assert due == datetime(2026, 3, 21, 12, tzinfo=WIB)


CALENDARS = st.sampled_from(
    [
        WorkingCalendar.pst(),
        WorkingCalendar(hours=WorkingHours.parse({"tue": "08:00-12:00"}), timezone=BERLIN),
        WorkingCalendar.pst("Asia/Jayapura").with_extra_working_day(
            date(2026, 3, 21), reason="Open Saturday", windows=["08:00-12:00"]
        ),
    ]
)


@given(CALENDARS, instants, durations)
def test_no_answer_comes_before_its_start(
    cal: WorkingCalendar, start: datetime, duration: object
) -> None:
    assert cal.add(start, duration) >= start  # type: ignore[arg-type]
    assert cal.deadline(start, duration).due >= start  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    ["３ hari kerja", "3 hari kerja\n", "\n3 jam", "1 jam 30 menit\n", "٣ jam", "3 \u212aerja"],
)
def test_parse_duration_is_ascii_and_anchored(text: str) -> None:
    with pytest.raises(InvalidDurationError):
        parse_duration(text)


@pytest.mark.parametrize(
    "text", ["99999999999 jam", "99999999999 hari", "9" * 5000 + " menit", "99999999 bulan"]
)
def test_huge_numbers_are_a_pst_error(text: str) -> None:
    with pytest.raises(InvalidDurationError):
        parse_duration(text)


def test_overflowing_dates_are_a_pst_error() -> None:
    with pytest.raises(InvalidValueError):
        CalendarDays(10**7)
    near_max = datetime(9999, 12, 30, tzinfo=timezone.utc)
    with pytest.raises(InvalidValueError):
        CalendarDays(5).after(near_max)
    with pytest.raises(InvalidValueError):
        CalendarMonths(1).after(near_max)
    cal = WorkingCalendar.pst()
    for duration in (WorkingDays(1), WorkingTime(10), CalendarDays(5)):
        with pytest.raises(PstError):
            cal.add(near_max, duration)
        with pytest.raises(PstError):
            cal.add(datetime(1, 1, 1, tzinfo=timezone.utc), duration)
    with pytest.raises(PstError):
        cal.add(datetime(2026, 1, 1, tzinfo=WIB), CalendarDays(3_000_000))


@pytest.mark.parametrize("name", ["Asia", "Asia/" + "x" * 300, "x" * 300, "../etc", "", "a\0b"])
def test_zone_names_that_are_not_zones(name: str) -> None:
    with pytest.raises(UnknownNameError):
        zone_info(name)
    with pytest.raises(UnknownNameError):
        WorkingCalendar.pst(name)


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
