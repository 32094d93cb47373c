"""The years the calendar answers for: outside the holiday data's horizon, a typed error.

Never an endless search for a working day, never a raw OverflowError at the ends of datetime.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from pst_core.calendar import (
    CalendarDays,
    CalendarMonths,
    ExtraWorkingDay,
    Window,
    WorkingCalendar,
    WorkingDays,
    WorkingHours,
    WorkingTime,
)
from pst_core.errors import (
    CalendarHorizonError,
    InvalidValueError,
    NoWorkingTimeError,
    PstError,
)
from tests.calendar.helpers import WIB, at, fresh_pst

PST = WorkingCalendar.pst()


def test_horizon_errors_instead_of_endless_loops() -> None:
    only_extra = WorkingCalendar(
        hours=WorkingHours(((),) * 7),
        extra_working_days=(
            ExtraWorkingDay(date(2026, 9, 19), "Open day", (Window("08:00", "12:00"),)),
        ),
    )
    # Its only working time is one extra day: past it, "no working time", not the horizon.
    with pytest.raises(NoWorkingTimeError, match="no working time after 2026-09-19"):
        only_extra.add(at("2026-09-20T08:00+07:00"), WorkingDays(1))
    with pytest.raises(NoWorkingTimeError):
        only_extra.add(at("2026-09-20T08:00+07:00"), WorkingTime(1))
    with pytest.raises(NoWorkingTimeError):
        only_extra.next_open(at("2026-09-20T08:00+07:00"))
    with pytest.raises(NoWorkingTimeError, match="no working time before 2026-09-19"):
        only_extra.previous_close(at("2026-09-18T08:00+07:00"))
    with pytest.raises(CalendarHorizonError):
        PST.is_working_day(date(2101, 1, 3))
    with pytest.raises(CalendarHorizonError):
        PST.add(at("2100-12-20T08:00+07:00"), CalendarMonths(1))
    with pytest.raises(CalendarHorizonError):
        PST.add(at("2100-12-29T08:00+07:00"), WorkingDays(5))


def test_calendar_durations_keep_the_horizon() -> None:
    cal = fresh_pst()
    assert cal.add(at("2026-01-31T10:00+07:00"), CalendarMonths(1)) == at("2026-02-28T10:00+07:00")
    with pytest.raises(CalendarHorizonError):
        cal.add(at("2100-12-31T10:00+07:00"), CalendarDays(1))
    assert cal.add(at("2026-03-02T09:00+00:00"), WorkingTime(0)) == at("2026-03-02T16:00+07:00")
    assert cal.add(at("2026-03-02T09:00+00:00"), WorkingTime(0)).tzinfo is cal.timezone


def test_a_late_instant_of_the_last_year_is_past_the_horizon() -> None:
    cal = fresh_pst()
    with pytest.raises(CalendarHorizonError):
        cal.is_open(datetime(9999, 12, 31, 23, tzinfo=timezone.utc))
    with pytest.raises(CalendarHorizonError):
        cal.add(datetime(9999, 12, 31, 23, tzinfo=timezone.utc), CalendarDays(1))
    with pytest.raises(CalendarHorizonError):
        cal.is_open(datetime(1, 1, 1, tzinfo=timezone.utc))


def test_instants_beyond_datetime_in_the_calendars_zone_name_their_year() -> None:
    first = datetime(1, 1, 1, tzinfo=timezone.utc)  # the year 0 in New York
    last = datetime(9999, 12, 31, 23, tzinfo=timezone.utc)  # the year 10000 in Jakarta
    with pytest.raises(CalendarHorizonError) as caught:
        fresh_pst("America/New_York").is_open(first)
    assert caught.value.year == 1
    with pytest.raises(CalendarHorizonError) as caught:
        fresh_pst().is_open(last)
    assert caught.value.year == 10_000
    assert str(caught.value) == (
        "year 10000 is outside the calendar's horizon; allowed: 1946 to 2100"
    )


@pytest.mark.hostile
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


@pytest.mark.parametrize(
    "moment",
    [
        datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=23))),  # before the year 1 in UTC
        datetime(9999, 12, 31, 23, tzinfo=timezone(-timedelta(hours=23))),  # after 9999
    ],
)
def test_instants_past_the_ends_of_datetime_are_outside_the_horizon(moment: datetime) -> None:
    cal = fresh_pst()
    for query in (cal.is_open, cal.next_open, lambda m: cal.add(m, CalendarDays(1))):
        with pytest.raises(CalendarHorizonError):
            query(moment)
