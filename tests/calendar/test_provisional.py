"""When a deadline may still move: a holiday whose date is only estimated, a year without a decree.

A reason counts only when its kind of day closes the desk, and only between the start and
the due day (both included).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pst_core.calendar import (
    CalendarDays,
    WorkingCalendar,
    WorkingDays,
    WorkingTime,
    parse_duration,
)
from pst_core.calendar.deadline import Provisional
from pst_core.calendar.holidays import holidays_version
from tests.calendar.helpers import at, fresh_pst
from tests.holidays_data import needs_2027_decree, needs_2028_estimates


def test_a_year_without_a_decree_is_provisional_only_with_cuti_bersama() -> None:
    cal = fresh_pst()
    index = cal.year_index(2100)
    assert index.undecreed == Provisional("undecreed", 2100, version=holidays_version())
    assert WorkingCalendar(cuti_bersama=False).year_index(2100).undecreed is None
    assert fresh_pst().year_index(2026).undecreed is None
    assert WorkingCalendar(national_holidays=False).year_index(2100).undecreed is not None


@needs_2028_estimates
def test_estimated_days_count_only_when_their_kind_closes_the_desk() -> None:
    with_national = WorkingCalendar(cuti_bersama=False).year_index(2028).estimated
    assert with_national[0] == (
        date(2028, 1, 26).toordinal(),
        Provisional("estimated", 2028, date(2028, 1, 26), "Tahun Baru Imlek", "Lunar New Year"),
    )
    assert all(r.kind == "estimated" and r.year == 2028 for _, r in with_national)
    assert all(r.day is not None and ordinal == r.day.toordinal() for ordinal, r in with_national)
    assert WorkingCalendar(national_holidays=False).year_index(2028).estimated == ()
    assert (
        WorkingCalendar(national_holidays=False, cuti_bersama=False).year_index(2028).estimated
        == ()
    )


@needs_2028_estimates
def test_deadline_reasons_cover_the_due_day_itself() -> None:
    """Lunar New Year 2028 (Wed 26 Jan) is estimated; 2028 has no cuti bersama decree yet."""
    cal = WorkingCalendar(cuti_bersama=False)
    lunar = cal.year_index(2028).estimated[0][1]
    assert lunar.day == date(2028, 1, 26)
    # Due on the 25th at the close: the 26th is not passed over, and not a reason.
    before = cal.deadline(at("2028-01-24T10:00+07:00"), WorkingDays(1))
    assert before.due == at("2028-01-25T15:30+07:00")
    assert before.reasons == ()
    # Due on the 26th itself (a calendar duration): the estimate matters.
    on_it = cal.deadline(at("2028-01-25T10:00+07:00"), CalendarDays(1))
    assert on_it.reasons == ()  # calendar durations never move with holidays
    passing = cal.deadline(at("2028-01-25T10:00+07:00"), WorkingDays(1))
    assert passing.due == at("2028-01-27T15:30+07:00")
    assert passing.reasons == (lunar,)
    assert passing.skipped[0].day == date(2028, 1, 26)
    # Starting on the estimated day counts it too.
    on_day = cal.deadline(at("2028-01-26T10:00+07:00"), WorkingTime(10))
    assert on_day.reasons == (lunar,)
    # No decree will ever be in the data for 2100: the year's reason comes last.
    undecreed = fresh_pst().deadline(at("2100-03-01T10:00+07:00"), WorkingDays(1))
    assert undecreed.reasons[-1] == Provisional("undecreed", 2100, version=holidays_version())
    assert undecreed.provisional


@pytest.mark.golden
def test_without_any_holidays_only_weekends_close() -> None:
    cal = WorkingCalendar(national_holidays=False, cuti_bersama=False)
    assert cal.is_working_day(date(2026, 3, 19))
    deadline = cal.deadline(
        datetime.fromisoformat("2028-02-24T09:00+07:00"), parse_duration("3 hari kerja")
    )
    assert not deadline.provisional


@pytest.mark.golden
@needs_2027_decree
def test_provisional_when_estimated_or_undecreed() -> None:
    cal = WorkingCalendar.pst()
    deadline = cal.deadline(
        datetime.fromisoformat("2027-03-08T09:00+07:00"), parse_duration("3 hari kerja")
    )
    assert deadline.provisional
    assert any(
        r.kind == "estimated" and r.day == date(2027, 3, 10) and "estimated" in str(r)
        for r in deadline.reasons
    )
    assert not any(
        "decree" in str(reason) for reason in deadline.reasons
    )  # 2027's decree is in the data
    later = cal.deadline(
        datetime.fromisoformat("2028-07-03T09:00+07:00"), parse_duration("1 hari kerja")
    )
    assert later.provisional
    assert later.reasons == (later.reasons[0],)
    assert "no cuti bersama decree for 2028" in later.reasons[0].describe()
    calendar_days = cal.deadline(
        datetime.fromisoformat("2028-07-03T09:00+07:00"), parse_duration("7 hari")
    )
    assert not calendar_days.provisional
    assert calendar_days.skipped == ()
