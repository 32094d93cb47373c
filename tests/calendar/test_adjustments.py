"""An office's own days: closures, extra working days and periods with other hours.

Which one wins on a day: an extra working day outranks a closure, a closure outranks a
holiday, a period changes the hours on its own days only. Holiday dates: DOMAIN.md section 3
(2026 national holidays Mar 19, 21, 22; cuti bersama Mar 18, 20, 23, 24).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from pst_core.calendar import (
    Closure,
    ExtraWorkingDay,
    HoursPeriod,
    Skipped,
    Window,
    WorkingCalendar,
    WorkingDays,
    WorkingHours,
    WorkingTime,
)
from pst_core.errors import (
    InvalidTypeError,
    InvalidValueError,
)
from tests.calendar.helpers import WIB, at, fresh_pst

PST = WorkingCalendar.pst()


def tuesday_only(month: int, saturday: int) -> WorkingCalendar:
    cal = WorkingCalendar(hours=WorkingHours.parse({"tue": "08:00-12:00"}), cuti_bersama=False)
    return cal.with_extra_working_day(date(2026, month, saturday), reason="Open Saturday")


def test_closures() -> None:
    cal = PST.with_closure(date(2026, 11, 23), date(2026, 11, 24), reason="Sensus training")
    assert not cal.is_working_day(date(2026, 11, 24))
    assert cal.windows_on(date(2026, 11, 24)) == ()
    reason = cal.closed_reason(date(2026, 11, 23))
    assert reason is not None
    assert (reason.kind, reason.reason) == ("closure", "Sensus training")
    assert cal.add(at("2026-11-20T10:00+07:00"), WorkingDays(1)) == at("2026-11-25T15:30+07:00")
    assert Closure.on(date(2026, 1, 2), "x").days == 1
    with pytest.raises(InvalidValueError, match=r"Closure\.end"):
        Closure(date(2026, 1, 2), date(2026, 1, 1), "x")
    with pytest.raises(InvalidTypeError):
        Closure(datetime(2026, 1, 2, tzinfo=WIB), date(2026, 1, 3), "x")
    with pytest.raises(InvalidValueError):
        Closure.on(date(2026, 1, 2), "  ")


def test_extra_working_days_override_weekends_and_holidays() -> None:
    cal = PST.with_extra_working_day(
        date(2026, 11, 28), reason="Saturday service", windows=["08:00-12:00"]
    )
    assert cal.windows_on(date(2026, 11, 28)) == (Window("08:00", "12:00"),)
    assert cal.add(at("2026-11-27T15:55+07:00"), WorkingTime(10)) == at("2026-11-28T08:05+07:00")
    holiday = PST.with_extra_working_day(date(2026, 3, 18), reason="Counter open on cuti bersama")
    assert holiday.windows_on(date(2026, 3, 18)) == (Window("08:00", "15:30"),)
    with pytest.raises(InvalidValueError, match="whose weekday has no opening hours"):
        PST.with_extra_working_day(date(2026, 11, 29), reason="Open day")  # a Sunday: no guess
    sunday = PST.with_extra_working_day(
        date(2026, 11, 29), reason="Open day", windows=["09:00-12:00"]
    )
    assert sunday.windows_on(date(2026, 11, 29)) == (Window("09:00", "12:00"),)
    with pytest.raises(InvalidValueError, match="each date at most once"):
        sunday.with_extra_working_day(date(2026, 11, 29), reason="again")
    with pytest.raises(InvalidValueError):
        ExtraWorkingDay(
            date(2026, 11, 29), "x", (Window("10:00", "12:00"), Window("08:00", "11:00"))
        )


def test_ramadan_period() -> None:
    cal = PST.with_ramadan(date(2026, 2, 18), date(2026, 3, 19))
    assert cal.windows_on(date(2026, 3, 2)) == WorkingHours.ramadan().on(0)
    assert not cal.is_open(at("2026-03-02T12:15+07:00"))
    assert PST.is_open(at("2026-03-02T12:15+07:00"))
    assert cal.add(at("2026-03-02T11:50+07:00"), WorkingTime(20)) == at("2026-03-02T12:40+07:00")
    assert cal.add(at("2026-03-02T10:00+07:00"), WorkingDays(1)) == at("2026-03-03T15:00+07:00")
    assert cal.windows_on(date(2026, 3, 25)) == PST.windows_on(date(2026, 3, 25))
    with pytest.raises(InvalidValueError, match="do not overlap"):
        cal.with_ramadan(date(2026, 3, 1), date(2026, 3, 30), name="Overlap")
    with pytest.raises(InvalidValueError):
        HoursPeriod(date(2026, 3, 2), date(2026, 3, 1), WorkingHours.ramadan(), "x")


def test_range_errors_name_the_class_the_value_and_the_start() -> None:
    with pytest.raises(InvalidValueError) as caught:
        Closure(date(2026, 4, 20), date(2026, 4, 19), "Move")
    assert str(caught.value) == (
        "Closure.end: invalid value datetime.date(2026, 4, 19); "
        "allowed: a date on or after start (2026-04-20)"
    )
    assert caught.value.field == "Closure.end"
    with pytest.raises(InvalidValueError) as caught:
        HoursPeriod(date(2026, 3, 2), date(2026, 3, 1), WorkingHours.ramadan(), "Ramadan")
    assert str(caught.value) == (
        "HoursPeriod.end: invalid value datetime.date(2026, 3, 1); "
        "allowed: a date on or after start (2026-03-02)"
    )
    one_day = Closure(date(2026, 4, 20), date(2026, 4, 20), "Move")
    assert one_day == Closure.on(date(2026, 4, 20), "Move")
    assert one_day.days == 1
    assert HoursPeriod(date(2026, 3, 2), date(2026, 3, 2), WorkingHours.pst(), "x").source == ""


def test_closure_and_period_cover_their_inclusive_ends() -> None:
    closure = Closure(date(2026, 4, 20), date(2026, 4, 22), "Move")
    assert closure.days == 3
    assert [closure.covers(date(2026, 4, d)) for d in range(19, 24)] == [
        False,
        True,
        True,
        True,
        False,
    ]
    period = HoursPeriod(date(2026, 2, 18), date(2026, 3, 19), WorkingHours.ramadan(), "R")
    assert not period.covers(date(2026, 2, 17))
    assert period.covers(date(2026, 2, 18))
    assert period.covers(date(2026, 3, 19))
    assert not period.covers(date(2026, 3, 20))


def test_overlapping_periods_are_named_in_start_order() -> None:
    ramadan = WorkingHours.ramadan()
    cal = fresh_pst().with_period(date(2026, 3, 1), date(2026, 3, 10), ramadan, name="A")
    with pytest.raises(InvalidValueError) as caught:
        cal.with_period(date(2026, 2, 1), date(2026, 3, 1), ramadan, name="B")
    assert str(caught.value) == (
        "WorkingCalendar.periods: invalid value ('B', 'A'); allowed: periods that do not overlap"
    )
    assert caught.value.field == "WorkingCalendar.periods"
    with pytest.raises(InvalidValueError, match=r"\('A', 'B'\)"):
        cal.with_period(date(2026, 3, 10), date(2026, 3, 12), ramadan, name="B")
    # The day after a period ends may start the next one.
    both = cal.with_period(date(2026, 3, 11), date(2026, 3, 12), WorkingHours.pst(), name="B")
    assert [p.name for p in both.periods] == ["A", "B"]


def test_duplicate_days_are_refused_with_the_day() -> None:
    cal = fresh_pst().with_extra_working_day(date(2026, 9, 26), reason="a", windows=["08:00-12:00"])
    with pytest.raises(InvalidValueError) as caught:
        cal.with_extra_working_day(date(2026, 9, 26), reason="b", windows=["09:00-10:00"])
    assert caught.value.field == "WorkingCalendar.extra_working_days[1]"
    assert caught.value.value == date(2026, 9, 26)
    assert caught.value.allowed == (
        "each date at most once (already at WorkingCalendar.extra_working_days[0])"
    )
    # Another day is fine.
    two = cal.with_extra_working_day(date(2026, 9, 27), reason="b", windows=["09:00-10:00"])
    assert len(two.extra_working_days) == 2
    decreed = fresh_pst().with_decreed_day(date(2026, 8, 18), "cuti_bersama", "X", decree="d")
    with pytest.raises(InvalidValueError) as caught:
        decreed.with_decreed_day(date(2026, 8, 18), "cuti_bersama", "Y", decree="d")
    assert caught.value.field == "WorkingCalendar.decreed[1]"
    assert caught.value.value == "2026-08-18 cuti_bersama"
    assert caught.value.allowed == (
        "each date and kind at most once (already at WorkingCalendar.decreed[0])"
    )
    # The same day of the other kind is another entry.
    assert (
        len(decreed.with_decreed_day(date(2026, 8, 18), "national", "Y", decree="d").decreed) == 2
    )


def test_an_extra_day_needs_windows_when_its_weekday_has_none() -> None:
    with pytest.raises(InvalidValueError) as caught:
        fresh_pst().with_extra_working_day(date(2026, 9, 26), reason="Saturday")
    assert str(caught.value) == (
        "WorkingCalendar.extra_working_days: invalid value datetime.date(2026, 9, 26); "
        "allowed: windows for Sat 2026-09-26, whose weekday has no opening hours to lend it"
    )
    # A weekday lends its hours; so does a period's weekday.
    friday = fresh_pst().with_extra_working_day(date(2026, 3, 20), reason="Open")
    assert friday.windows_on(date(2026, 3, 20)) == (Window("08:00", "16:00"),)
    weekend_hours = WorkingHours.parse({"mon-sun": "09:00-11:00"})
    lent = (
        fresh_pst()
        .with_period(date(2026, 9, 21), date(2026, 9, 27), weekend_hours, name="Week")
        .with_extra_working_day(date(2026, 9, 26), reason="Saturday")
    )
    assert lent.windows_on(date(2026, 9, 26)) == (Window("09:00", "11:00"),)


def test_closures_outrank_holidays_and_extra_days_outrank_both() -> None:
    cal = (
        fresh_pst()
        .with_closure(date(2026, 3, 17), date(2026, 3, 19), reason="Office move")
        .with_extra_working_day(date(2026, 3, 18), reason="Open anyway", windows=["09:00-11:00"])
        .with_extra_working_day(date(2026, 3, 19), reason="Open on the holiday")
    )
    assert cal.days_off(date(2026, 3, 16), date(2026, 3, 19)) == (
        Skipped(date(2026, 3, 17), "Office move", "closure"),
    )
    assert cal.windows_on(date(2026, 3, 17)) == ()
    assert cal.windows_on(date(2026, 3, 18)) == (Window("09:00", "11:00"),)
    assert cal.windows_on(date(2026, 3, 19)) == (Window("08:00", "15:30"),)
    assert cal.windows_on(date(2026, 3, 16)) == (Window("08:00", "15:30"),)
    assert cal.closed_reason(date(2026, 3, 17)) == Skipped(
        date(2026, 3, 17), "Office move", "closure"
    )
    assert cal.closed_reason(date(2026, 3, 18)) is None


def test_a_period_changes_the_hours_on_its_days_only() -> None:
    cal = fresh_pst().with_ramadan(date(2026, 2, 18), date(2026, 3, 13))
    assert cal.windows_on(date(2026, 2, 17)) == ()  # national holiday (Feb 17)
    assert cal.windows_on(date(2026, 2, 18)) == WorkingHours.ramadan().on(2)
    assert cal.windows_on(date(2026, 3, 13)) == WorkingHours.ramadan().on(4)
    assert cal.windows_on(date(2026, 3, 16)) == WorkingHours.pst().on(0)
    assert cal.working_time_between(at("2026-03-02T00:00+07:00"), at("2026-03-03T00:00+07:00")) == (
        timedelta(hours=6, minutes=30)
    )


@pytest.mark.hostile
def test_an_extra_day_without_hours_to_borrow_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="extra_working_days"):
        tuesday_only(3, 21)
    with pytest.raises(InvalidValueError, match="extra_working_days"):
        tuesday_only(1, 10)  # was a raw IndexError


@pytest.mark.hostile
def test_an_extra_day_with_explicit_hours_counts() -> None:
    cal = WorkingCalendar(
        hours=WorkingHours.parse({"tue": "08:00-12:00"}), cuti_bersama=False
    ).with_extra_working_day(date(2026, 3, 21), reason="Open Saturday", windows=["08:00-12:00"])
    due = cal.add(datetime(2026, 3, 20, 9, tzinfo=WIB), WorkingDays(1))
    assert due == datetime(2026, 3, 21, 12, tzinfo=WIB)
