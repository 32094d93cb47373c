"""The instants and dates the queries take and give.

Only aware instants are taken (a naive datetime names the argument at fault), in any zone;
answers are in the calendar's zone and its local year counts; instants compare by the time
that passed, not their wall clock (DST folds).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import attrs
import pytest

from pst_core.calendar import (
    WorkingCalendar,
    WorkingDays,
    WorkingHours,
    WorkingTime,
)
from pst_core.errors import (
    CalendarHorizonError,
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
)
from tests.calendar.helpers import WIB, at, fresh_pst

PST = WorkingCalendar.pst()

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    "call",
    [
        lambda: PST.is_open(datetime(2026, 3, 17, 9)),
        lambda: PST.next_open(datetime(2026, 3, 17, 9)),
        lambda: PST.previous_close(datetime(2026, 3, 17, 9)),
        lambda: PST.add(datetime(2026, 3, 17, 9), WorkingTime(10)),
        lambda: PST.deadline(datetime(2026, 3, 17, 9), WorkingDays(1)),
        lambda: PST.working_time_between(datetime(2026, 3, 17, 9), at("2026-03-18T09:00+07:00")),
        lambda: PST.working_time_between(at("2026-03-17T09:00+07:00"), datetime(2026, 3, 18, 9)),
    ],
)
def test_naive_datetimes_are_errors(call: object) -> None:
    with pytest.raises(NaiveDatetimeError) as caught:
        call()  # type: ignore[operator]
    assert isinstance(caught.value, ValueError)
    assert "timezone-aware" in str(caught.value)


def test_non_datetime_arguments_are_type_errors() -> None:
    with pytest.raises(InvalidTypeError):
        PST.is_open("2026-03-17T09:00+07:00")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        PST.is_working_day(datetime(2026, 3, 17, tzinfo=WIB))
    with pytest.raises(InvalidTypeError):
        PST.windows_on("2026-03-17")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        PST.add(at("2026-03-17T09:00+07:00"), timedelta(hours=1))  # type: ignore[arg-type]


def test_results_are_in_the_calendars_zone_whatever_the_input_zone() -> None:
    start = datetime(2026, 11, 26, 8, 25, tzinfo=timezone.utc)  # 15:25 WIB
    due = PST.add(start, WorkingTime(10))
    assert due.tzinfo == WIB
    assert due == at("2026-11-27T08:05+07:00")
    assert PST.add(start, WorkingTime(0)).tzinfo == WIB


def test_query_argument_errors_name_the_argument() -> None:
    cal = fresh_pst()
    for call in (cal.is_working_day, cal.windows_on, cal.closed_reason):
        with pytest.raises(InvalidTypeError) as caught:
            call("2026-03-02")  # type: ignore[arg-type]
        assert str(caught.value) == "day: expected date, got str '2026-03-02'"
    with pytest.raises(InvalidValueError) as reversed_:
        cal.working_time_between(at("2026-03-02T09:00+00:00"), at("2026-03-02T08:00+00:00"))
    assert str(reversed_.value) == (
        "end: invalid value datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.timezone.utc); "
        "allowed: an instant at or after start (2026-03-02 09:00:00+00:00)"
    )
    with pytest.raises(InvalidTypeError) as caught:
        cal.add(at("2026-03-02T09:00+07:00"), 5)  # type: ignore[arg-type]
    assert str(caught.value) == (
        "duration: expected WorkingTime, WorkingDays, CalendarDays or CalendarMonths, got int 5"
    )
    with pytest.raises(CalendarHorizonError):
        cal.is_working_day(date(1900, 1, 1))
    with pytest.raises(CalendarHorizonError):
        cal.windows_on(date(2101, 1, 1))


def test_instant_arguments_are_named_in_errors() -> None:
    cal = fresh_pst()
    naive = datetime(2026, 3, 17, 9)
    for call, field in (
        (cal.is_open, "at"),
        (cal.next_open, "at"),
        (cal.previous_close, "at"),
    ):
        with pytest.raises(NaiveDatetimeError) as caught:
            call(naive)
        assert caught.value.field == field
        assert str(caught.value).startswith(f"{field}: naive datetime 2026-03-17 09:00:00 ")
    for add in (cal.add, cal.deadline):
        with pytest.raises(NaiveDatetimeError) as caught:
            add(naive, WorkingDays(1))
        assert caught.value.field == "start"
    with pytest.raises(NaiveDatetimeError) as caught:
        cal.working_time_between(naive, at("2026-03-18T09:00+07:00"))
    assert caught.value.field == "start"
    with pytest.raises(NaiveDatetimeError) as caught:
        cal.working_time_between(at("2026-03-18T09:00+07:00"), naive)
    assert caught.value.field == "end"


def test_the_local_year_of_an_instant_is_the_calendars() -> None:
    """20:00 on 31 December in New York is already 2027 in UTC: the calendar's year counts."""
    open_all_day = WorkingCalendar(
        hours=WorkingHours.parse({"mon-sun": "00:00-24:00"}),
        timezone="America/New_York",
        national_holidays=False,
        cuti_bersama=False,
    )
    evening = at("2026-12-31T20:00-05:00")
    assert open_all_day.add(evening, WorkingTime(60)) == at("2026-12-31T21:00-05:00")
    fresh = attrs.evolve(open_all_day)
    utc = evening.astimezone(timezone.utc)
    assert fresh.add(utc, WorkingTime(60)) == at("2026-12-31T21:00-05:00")
    assert attrs.evolve(open_all_day).next_open(utc) == at("2027-01-01T00:00-05:00")


@pytest.mark.hostile
def test_between_compares_instants_not_wall_clocks_in_a_fold() -> None:
    cal = WorkingCalendar(hours=WorkingHours.parse({"mon-sun": "00:00-24:00"}), timezone=BERLIN)
    later = datetime(2026, 10, 25, 2, 10, fold=1, tzinfo=BERLIN)  # 01:10 UTC
    earlier = datetime(2026, 10, 25, 2, 30, fold=0, tzinfo=BERLIN)  # 00:30 UTC
    assert cal.working_time_between(earlier, later) == timedelta(minutes=40)
    with pytest.raises(InvalidValueError):
        cal.working_time_between(later, earlier)
