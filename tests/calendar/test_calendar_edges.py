"""WorkingCalendar at its edges: whole messages, boundaries, defaults, fresh indexes.

Every calendar here is built inside its test: a module-level calendar keeps the year
indexes it built, and a query answered from a kept index never plans a day again.
Holiday dates: DOMAIN.md section 3 (2026 national holidays Mar 19, 21, 22; cuti
bersama Mar 18, 20, 23, 24); names from the ``holidays`` package.
"""

from __future__ import annotations

import pickle
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import attrs
import pytest

from pst_core.calendar import (
    CalendarDays,
    CalendarMonths,
    Closure,
    HoursPeriod,
    Skipped,
    Window,
    WorkingCalendar,
    WorkingDays,
    WorkingHours,
    WorkingTime,
)
from pst_core.calendar.deadline import Provisional
from pst_core.calendar.holidays import holidays_version
from pst_core.errors import (
    CalendarHorizonError,
    DataFileError,
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
    NoWorkingTimeError,
    UnknownNameError,
)
from tests.holidays_data import needs_2028_estimates

WIB = ZoneInfo("Asia/Jakarta")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def kinds(cal: WorkingCalendar, first: date, last: date) -> list[tuple[str, str]]:
    return [(off.day.isoformat(), off.kind) for off in cal.days_off(first, last)]


# -- construction: whole messages ------------------------------------------------------


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


def test_timezone_errors_name_the_calendar_field() -> None:
    with pytest.raises(InvalidTypeError) as caught:
        WorkingCalendar(timezone=5)
    assert str(caught.value) == (
        "WorkingCalendar.timezone: expected ZoneInfo or IANA zone name, got int 5"
    )
    with pytest.raises(UnknownNameError) as unknown:
        WorkingCalendar(timezone="Asia/Jakata")
    assert unknown.value.suggestions[0] == "Asia/Jakarta"
    assert WorkingCalendar(timezone="WITA").timezone == ZoneInfo("Asia/Makassar")


def test_defaults_are_the_pst_calendar_in_wib() -> None:
    cal = WorkingCalendar()
    assert cal.hours == WorkingHours.pst()
    assert cal.timezone == WIB
    assert cal.national_holidays is True
    assert cal.cuti_bersama is True
    assert (cal.closures, cal.extra_working_days, cal.periods, cal.decreed) == ((), (), (), ())
    assert (cal.name, cal.source) == ("", "")
    assert WorkingCalendar.pst() == cal
    assert WorkingCalendar.pst().timezone == WIB


def test_overlapping_periods_are_named_in_start_order() -> None:
    ramadan = WorkingHours.ramadan()
    cal = WorkingCalendar.pst().with_period(date(2026, 3, 1), date(2026, 3, 10), ramadan, name="A")
    with pytest.raises(InvalidValueError) as caught:
        cal.with_period(date(2026, 2, 1), date(2026, 3, 1), ramadan, name="B")
    assert str(caught.value) == (
        "WorkingCalendar.periods: invalid value 'B and A'; allowed: periods that do not overlap"
    )
    assert caught.value.field == "WorkingCalendar.periods"
    with pytest.raises(InvalidValueError, match="'A and B'"):
        cal.with_period(date(2026, 3, 10), date(2026, 3, 12), ramadan, name="B")
    # The day after a period ends may start the next one.
    both = cal.with_period(date(2026, 3, 11), date(2026, 3, 12), WorkingHours.pst(), name="B")
    assert [p.name for p in both.periods] == ["A", "B"]


def test_duplicate_days_are_refused_with_the_day() -> None:
    cal = WorkingCalendar.pst().with_extra_working_day(
        date(2026, 9, 26), reason="a", windows=["08:00-12:00"]
    )
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
    decreed = WorkingCalendar.pst().with_decreed_day(
        date(2026, 8, 18), "cuti_bersama", "X", decree="d"
    )
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
        WorkingCalendar.pst().with_extra_working_day(date(2026, 9, 26), reason="Saturday")
    assert str(caught.value) == (
        "WorkingCalendar.extra_working_days: invalid value datetime.date(2026, 9, 26); "
        "allowed: windows for Sat 2026-09-26, whose weekday has no opening hours to lend it"
    )
    # A weekday lends its hours; so does a period's weekday.
    friday = WorkingCalendar.pst().with_extra_working_day(date(2026, 3, 20), reason="Open")
    assert friday.windows_on(date(2026, 3, 20)) == (Window("08:00", "16:00"),)
    weekend_hours = WorkingHours.parse({"mon-sun": "09:00-11:00"})
    lent = (
        WorkingCalendar.pst()
        .with_period(date(2026, 9, 21), date(2026, 9, 27), weekend_hours, name="Week")
        .with_extra_working_day(date(2026, 9, 26), reason="Saturday")
    )
    assert lent.windows_on(date(2026, 9, 26)) == (Window("09:00", "11:00"),)


def test_no_working_time_message_and_what_rescues_a_closed_week() -> None:
    closed = WorkingHours(((),) * 7)
    with pytest.raises(NoWorkingTimeError) as caught:
        WorkingCalendar(hours=closed)
    assert str(caught.value) == (
        "WorkingCalendar has no working time: its hours have no open window on any weekday "
        "and it has no extra working days; allowed: hours with at least one window"
    )
    assert isinstance(caught.value, ValueError)
    period = HoursPeriod(date(2026, 3, 2), date(2026, 3, 6), WorkingHours.pst(), "Week")
    with_period = WorkingCalendar(hours=closed, periods=(period,))
    assert with_period.working_days(date(2026, 3, 1), date(2026, 3, 9)) == (
        date(2026, 3, 2),
        date(2026, 3, 3),
        date(2026, 3, 4),
        date(2026, 3, 5),
        date(2026, 3, 6),
    )
    empty_period = HoursPeriod(date(2026, 3, 2), date(2026, 3, 6), closed, "Nothing")
    with pytest.raises(NoWorkingTimeError):
        WorkingCalendar(hours=closed, periods=(empty_period,))


def test_pickle_drops_every_cache() -> None:
    cal = WorkingCalendar.pst().with_closure(date(2026, 4, 20), reason="Move")
    cal.add_column([at("2026-04-17T14:00+07:00")], WorkingDays(1))
    cal.is_open(at("2026-04-17T14:00+07:00"))
    assert cal.column_cache
    copy = pickle.loads(pickle.dumps(cal))
    assert copy == cal
    assert copy.column_cache == {}
    assert copy._years == {}
    assert copy._recent is None
    state = cal.__getstate__()
    assert set(state) == {
        "hours",
        "timezone",
        "national_holidays",
        "cuti_bersama",
        "closures",
        "extra_working_days",
        "periods",
        "decreed",
        "name",
        "source",
    }
    assert copy.add(at("2026-04-17T14:00+07:00"), WorkingDays(1)) == at("2026-04-21T15:30+07:00")


# -- copies ------------------------------------------------------------------------------


def test_copies_and_their_defaults() -> None:
    base = WorkingCalendar.pst()
    one = base.with_closure(date(2026, 4, 20), reason="Move")
    assert one.closures == (Closure(date(2026, 4, 20), date(2026, 4, 20), "Move"),)
    two = one.with_closure(date(2026, 5, 4), date(2026, 5, 6), reason="Audit")
    assert two.closures[1] == Closure(date(2026, 5, 4), date(2026, 5, 6), "Audit")
    assert base.closures == ()
    ramadan = base.with_ramadan(date(2026, 2, 18), date(2026, 3, 19))
    assert ramadan.periods == (
        HoursPeriod(date(2026, 2, 18), date(2026, 3, 19), WorkingHours.ramadan(), "Ramadan"),
    )
    decreed = base.with_decreed_day(date(2026, 8, 18), "cuti_bersama", "Cuti", decree="SKB")
    (entry,) = decreed.decreed
    assert (entry.action, entry.name_en, entry.decree) == ("add", "", "SKB")
    extra = base.with_extra_working_day(
        date(2026, 9, 26), reason="Open", windows=[Window("08:00", "10:00"), "13:00-14:00"]
    )
    assert extra.extra_working_days[0].windows == (
        Window("08:00", "10:00"),
        Window("13:00", "14:00"),
    )


# -- planning days (fresh indexes) -------------------------------------------------------


def test_days_off_with_their_reasons_in_both_languages() -> None:
    cal = WorkingCalendar.pst()
    assert cal.days_off(date(2026, 3, 14), date(2026, 3, 19)) == (
        Skipped(date(2026, 3, 14), "akhir pekan", "weekend", "weekend"),
        Skipped(date(2026, 3, 15), "akhir pekan", "weekend", "weekend"),
        Skipped(
            date(2026, 3, 18),
            "Cuti Bersama Hari Suci Nyepi",
            "cuti_bersama",
            "Day of Silence Joint Holiday",
        ),
        Skipped(date(2026, 3, 19), "Hari Suci Nyepi", "national", "Day of Silence"),
    )


def test_each_kind_of_day_off_can_be_switched_off() -> None:
    first, last = date(2026, 3, 16), date(2026, 3, 24)
    no_national = WorkingCalendar(national_holidays=False)
    assert kinds(no_national, first, last) == [
        ("2026-03-18", "cuti_bersama"),
        ("2026-03-20", "cuti_bersama"),
        ("2026-03-21", "weekend"),
        ("2026-03-22", "weekend"),
        ("2026-03-23", "cuti_bersama"),
        ("2026-03-24", "cuti_bersama"),
    ]
    no_cuti = WorkingCalendar(cuti_bersama=False)
    assert kinds(no_cuti, first, last) == [
        ("2026-03-19", "national"),
        ("2026-03-21", "national"),
        ("2026-03-22", "national"),
    ]
    neither = WorkingCalendar(cuti_bersama=False, national_holidays=False)
    assert kinds(neither, first, last) == [("2026-03-21", "weekend"), ("2026-03-22", "weekend")]
    assert neither.is_working_day(date(2026, 3, 19))
    assert not no_cuti.is_working_day(date(2026, 3, 19))
    assert no_cuti.is_working_day(date(2026, 3, 18))


def test_closures_outrank_holidays_and_extra_days_outrank_both() -> None:
    cal = (
        WorkingCalendar.pst()
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


def test_weekend_and_weekday_without_hours() -> None:
    hours = WorkingHours.parse(
        {"mon": "08:00-12:00", "wed-fri": "08:00-12:00", "sun": "08:00-09:00"}
    )
    cal = WorkingCalendar(hours=hours, national_holidays=False, cuti_bersama=False)
    assert cal.days_off(date(2026, 11, 23), date(2026, 11, 29)) == (
        Skipped(
            date(2026, 11, 24),
            "tidak ada jam layanan hari Selasa",
            "no_hours",
            "no opening hours on Tuesdays",
        ),
        Skipped(date(2026, 11, 28), "akhir pekan", "weekend", "weekend"),
    )
    assert cal.is_working_day(date(2026, 11, 29))  # a Sunday with hours is a working day
    assert cal.windows_on(date(2026, 11, 24)) == ()
    assert cal.windows_on(date(2026, 11, 28)) == ()
    assert cal.windows_on(date(2026, 11, 29)) == (Window("08:00", "09:00"),)
    assert WorkingCalendar.pst().windows_on(date(2026, 3, 19)) == ()  # a national holiday


def test_a_period_changes_the_hours_on_its_days_only() -> None:
    cal = WorkingCalendar.pst().with_ramadan(date(2026, 2, 18), date(2026, 3, 13))
    assert cal.windows_on(date(2026, 2, 17)) == ()  # national holiday (Feb 17)
    assert cal.windows_on(date(2026, 2, 18)) == WorkingHours.ramadan().on(2)
    assert cal.windows_on(date(2026, 3, 13)) == WorkingHours.ramadan().on(4)
    assert cal.windows_on(date(2026, 3, 16)) == WorkingHours.pst().on(0)
    assert cal.working_time_between(at("2026-03-02T00:00+07:00"), at("2026-03-03T00:00+07:00")) == (
        timedelta(hours=6, minutes=30)
    )


# -- provisional years ---------------------------------------------------------------------


def test_a_year_without_a_decree_is_provisional_only_with_cuti_bersama() -> None:
    cal = WorkingCalendar.pst()
    index = cal.year_index(2100)
    assert index.undecreed == Provisional("undecreed", 2100, version=holidays_version())
    assert WorkingCalendar(cuti_bersama=False).year_index(2100).undecreed is None
    assert WorkingCalendar.pst().year_index(2026).undecreed is None
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


# -- queries at their boundaries -----------------------------------------------------------


def test_query_argument_errors_name_the_argument() -> None:
    cal = WorkingCalendar.pst()
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


def test_first_and_last_day_of_a_year() -> None:
    cal = WorkingCalendar(national_holidays=False, cuti_bersama=False)
    assert cal.is_working_day(date(2026, 1, 1))  # a Thursday
    assert cal.is_working_day(date(2026, 12, 31))  # a Thursday
    assert not cal.is_working_day(date(2027, 1, 2))  # a Saturday
    pst = WorkingCalendar.pst()
    assert not pst.is_working_day(date(2026, 1, 1))
    assert (
        pst.closed_reason(date(2026, 1, 1)) == pst.days_off(date(2026, 1, 1), date(2026, 1, 1))[0]
    )


def test_is_open_next_open_previous_close_at_the_edges() -> None:
    cal = WorkingCalendar.pst()
    assert not cal.is_open(at("2026-11-26T07:59:59.999999+07:00"))
    assert cal.is_open(at("2026-11-26T08:00+07:00"))
    assert cal.is_open(at("2026-11-26T15:29:59.999999+07:00"))
    assert not cal.is_open(at("2026-11-26T15:30+07:00"))
    assert not cal.is_open(at("2026-01-01T09:00+07:00"))  # before the year's first window
    assert cal.next_open(at("2026-11-26T08:00+07:00")) == at("2026-11-26T08:00+07:00")
    assert cal.next_open(at("2026-11-26T07:59:59.999999+07:00")) == at("2026-11-26T08:00+07:00")
    assert cal.next_open(at("2026-11-26T08:00:00.000001+07:00")) == at("2026-11-27T08:00+07:00")
    assert cal.next_open(at("2026-12-31T15:30+07:00")) == at("2027-01-04T08:00+07:00")
    assert cal.previous_close(at("2026-11-26T15:30+07:00")) == at("2026-11-26T15:30+07:00")
    assert cal.previous_close(at("2026-11-26T15:29:59.999999+07:00")) == at(
        "2026-11-25T15:30+07:00"
    )
    assert cal.previous_close(at("2027-01-04T09:00+07:00")) == at("2026-12-31T15:30+07:00")
    assert cal.previous_close(at("2027-01-04T15:30+07:00")) == at("2027-01-04T15:30+07:00")
    assert cal.next_open(at("2026-11-26T01:00+00:00")).tzinfo is cal.timezone
    assert cal.previous_close(at("2026-11-26T01:00+00:00")).tzinfo is cal.timezone


def test_working_time_between_edges() -> None:
    cal = WorkingCalendar.pst()
    moment = at("2026-11-26T10:00+07:00")
    assert cal.working_time_between(moment, moment) == timedelta(0)
    assert cal.working_time_between(
        at("2026-11-26T08:00+07:00"), at("2026-11-26T15:30+07:00")
    ) == timedelta(hours=7, minutes=30)
    # Two years apart: every year's open time in between counts.
    whole_2027 = cal.year_index(2027).total
    assert cal.working_time_between(
        at("2026-12-31T15:30+07:00"), at("2028-01-01T00:00+07:00")
    ) == timedelta(microseconds=whole_2027)
    assert cal.working_time_between(
        at("2026-12-31T15:00+07:00"), at("2028-01-01T00:00+07:00")
    ) == timedelta(microseconds=whole_2027, minutes=30)
    # The same instant written in two zones.
    assert cal.working_time_between(
        at("2026-11-26T03:00+00:00"), at("2026-11-26T11:00+08:00")
    ) == timedelta(0)


def test_add_across_year_ends() -> None:
    cal = WorkingCalendar.pst()
    start = at("2026-12-31T15:00+07:00")
    assert cal.add(start, WorkingTime(30)) == at("2026-12-31T15:30+07:00")
    assert cal.add(start, WorkingTime(31)) == at("2027-01-04T08:01+07:00")
    assert cal.add(start, WorkingDays(1)) == at("2027-01-04T15:30+07:00")
    total_2027 = WorkingTime(timedelta(microseconds=cal.year_index(2027).total))
    assert cal.add(at("2026-12-31T15:30+07:00"), total_2027) == cal.previous_close(
        at("2028-01-01T00:00+07:00")
    )
    days_2027 = len(cal.year_index(2027).day_ordinals)
    assert cal.add(start, WorkingDays(days_2027)) == cal.previous_close(
        at("2028-01-01T00:00+07:00")
    )
    assert cal.add(start, WorkingDays(days_2027 + 1)).date() > date(2028, 1, 1)
    # The general path (a start in another zone, with microseconds) agrees.
    utc = at("2026-12-31T08:00:00.000001+00:00")
    assert cal.add(utc, WorkingTime(31)) == at("2027-01-04T08:01:00.000001+07:00")
    assert cal.add(utc, WorkingDays(1)) == at("2027-01-04T15:30+07:00")
    assert cal.add(utc, WorkingTime(31)).tzinfo is cal.timezone
    assert cal.add(utc, WorkingDays(1)).tzinfo is cal.timezone


def test_calendar_durations_keep_the_horizon() -> None:
    cal = WorkingCalendar.pst()
    assert cal.add(at("2026-01-31T10:00+07:00"), CalendarMonths(1)) == at("2026-02-28T10:00+07:00")
    with pytest.raises(CalendarHorizonError):
        cal.add(at("2100-12-31T10:00+07:00"), CalendarDays(1))
    assert cal.add(at("2026-03-02T09:00+00:00"), WorkingTime(0)) == at("2026-03-02T16:00+07:00")
    assert cal.add(at("2026-03-02T09:00+00:00"), WorkingTime(0)).tzinfo is cal.timezone


def test_a_late_instant_of_the_last_year_is_past_the_horizon() -> None:
    cal = WorkingCalendar.pst()
    with pytest.raises(CalendarHorizonError):
        cal.is_open(datetime(9999, 12, 31, 23, tzinfo=timezone.utc))
    with pytest.raises(CalendarHorizonError):
        cal.add(datetime(9999, 12, 31, 23, tzinfo=timezone.utc), CalendarDays(1))
    with pytest.raises(CalendarHorizonError):
        cal.is_open(datetime(1, 1, 1, tzinfo=timezone.utc))


# -- deadlines -------------------------------------------------------------------------


def test_deadline_passes_over_days_between_start_and_due() -> None:
    cal = WorkingCalendar.pst()
    deadline = cal.deadline(at("2026-03-17T14:00+07:00"), WorkingDays(3))
    assert deadline.due == at("2026-03-27T16:00+07:00")
    assert [s.day.day for s in deadline.skipped] == [18, 19, 20, 21, 22, 23, 24]
    assert deadline.start == at("2026-03-17T14:00+07:00")
    assert deadline.start.tzinfo is cal.timezone
    assert deadline.calendar is cal
    assert deadline.sources == ()
    assert not deadline.provisional
    # A start on a day off: that day is passed over too; the due day never is.
    on_holiday = cal.deadline(at("2026-03-19T10:00+07:00"), WorkingDays(1))
    assert on_holiday.due == at("2026-03-25T15:30+07:00")
    assert [s.day.day for s in on_holiday.skipped] == [19, 20, 21, 22, 23, 24]
    same_day = cal.deadline(at("2026-11-26T09:00+07:00"), WorkingTime(10))
    assert same_day.skipped == ()
    assert cal.deadline(at("2026-03-17T14:00+07:00"), CalendarDays(7)).skipped == ()


def test_deadline_sources_are_the_file_then_the_decrees() -> None:
    cal = WorkingCalendar.pst().with_decreed_day(
        date(2026, 11, 27), "cuti_bersama", "Cuti", decree="SKB contoh"
    )
    deadline = cal.deadline(at("2026-11-26T09:00+07:00"), WorkingDays(1))
    assert deadline.sources == ("SKB contoh",)
    filed = WorkingCalendar.loads('name = "Kantor"', format="toml")
    filed = WorkingCalendar(
        hours=filed.hours, decreed=cal.decreed, source="office.toml", name="Kantor"
    )
    assert filed.deadline(at("2026-11-26T09:00+07:00"), WorkingDays(1)).sources == (
        "office.toml",
        "SKB contoh",
    )
    across = filed.deadline(at("2026-12-30T09:00+07:00"), WorkingDays(3))
    assert across.sources == ("office.toml", "SKB contoh")
    only_file = WorkingCalendar(source="office.toml")
    assert only_file.deadline(at("2026-11-26T09:00+07:00"), WorkingDays(1)).sources == (
        "office.toml",
    )
    assert only_file.deadline(at("2026-11-26T09:00+07:00"), CalendarDays(1)).sources == ()


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
    undecreed = WorkingCalendar.pst().deadline(at("2100-03-01T10:00+07:00"), WorkingDays(1))
    assert undecreed.reasons[-1] == Provisional("undecreed", 2100, version=holidays_version())
    assert undecreed.provisional


@pytest.mark.parametrize(
    "zone", [WIB, timezone.utc, timezone(timedelta(hours=8)), ZoneInfo("Asia/Makassar")]
)
def test_the_fast_paths_at_the_end_of_a_kept_year(zone: timezone | ZoneInfo) -> None:
    """With 2026 indexed, a start read from the wall clock or one timestamp() call."""
    cal = WorkingCalendar.pst()
    cal.year_index(2026)
    last = at("2026-12-31T15:00+07:00").astimezone(zone)
    before = at("2026-12-30T15:00+07:00").astimezone(zone)
    assert cal.add(last, WorkingDays(1)) == at("2027-01-04T15:30+07:00")
    assert cal.add(before, WorkingDays(1)) == at("2026-12-31T15:30+07:00")
    assert cal.add(last, WorkingTime(30)) == at("2026-12-31T15:30+07:00")
    assert cal.add(last, WorkingTime(31)) == at("2027-01-04T08:01+07:00")
    assert cal.add(before, WorkingTime(31)) == at("2026-12-31T08:01+07:00")
    assert cal.add(last, WorkingTime(0)) == last
    assert cal.add(last, WorkingTime(30)).tzinfo is cal.timezone
    # Inside a window the answer is the opening plus a wall-clock step.
    assert cal.add(at("2026-11-26T09:17+07:00").astimezone(zone), WorkingTime(13)) == at(
        "2026-11-26T09:30+07:00"
    )
    # Before the first opening of a day, and on a day off.
    assert cal.add(at("2026-11-26T06:00+07:00").astimezone(zone), WorkingTime(1)) == at(
        "2026-11-26T08:01+07:00"
    )
    assert cal.add(at("2026-11-28T10:00+07:00").astimezone(zone), WorkingTime(1)) == at(
        "2026-11-30T08:01+07:00"
    )
    assert cal.add(at("2026-01-01T10:00+07:00").astimezone(zone), WorkingDays(1)) == at(
        "2026-01-02T16:00+07:00"  # New Year's Day is off; Friday the 2nd closes at 16:00
    )
    # A start with seconds that runs off a whole minute takes the general path.
    odd = at("2026-11-26T09:17:30+07:00").astimezone(zone)
    assert cal.add(odd, WorkingTime(13)) == at("2026-11-26T09:30:30+07:00")


def _named() -> WorkingCalendar:
    return WorkingCalendar(name="BPS Kota X", source="office.toml").with_decreed_day(
        date(2026, 11, 27), "cuti_bersama", "Cuti contoh", decree="SKB contoh"
    )


_CALENDAR_EN = (
    "Calendar: BPS Kota X, WIB, 38 hours a week "
    "(Mon–Thu 08:00-15:30; Fri 08:00-16:00; Sat–Sun closed)."
)


def test_deadline_said_in_full_in_both_languages() -> None:
    deadline = _named().deadline(at("2026-11-26T09:00+07:00"), WorkingDays(1))
    assert repr(deadline) == (
        "Deadline(due='2026-11-30T15:30:00+07:00', duration=WorkingDays(n=1), "
        "provisional=False, skipped=3)"
    )
    assert deadline.closed_on_due is None
    assert deadline.describe("id") == "\n".join(
        [
            "Jatuh tempo Senin, 30 November 2026 pukul 15.30 WIB: 1 hari kerja sejak Kamis, "
            "26 November 2026 pukul 09.00 WIB.",
            "Kalender: BPS Kota X, WIB, 38 jam per minggu "
            "(Sen–Kam 08.00-15.30; Jum 08.00-16.00; Sab–Min tutup).",
            "Hari penerimaan tidak dihitung: tenggat pada akhir jam layanan hari kerja ke-1 "
            "sesudahnya.",
            "Pasti: tidak bergantung pada tanggal perkiraan atau keputusan yang belum ada.",
            "Hari tidak bekerja yang dilewati (3):",
            "  - Jumat, 27 November 2026: Cuti contoh (cuti bersama)",
            "  - Sabtu, 28 November 2026: akhir pekan",
            "  - Minggu, 29 November 2026: akhir pekan",
            "Sumber: office.toml; SKB contoh.",
        ]
    )
    assert deadline.describe() == "\n".join(
        [
            "Due Monday 30 November 2026, 15:30 WIB: 1 working day from Thursday "
            "26 November 2026, 09:00 WIB.",
            _CALENDAR_EN,
            "The day of receipt does not count: due at the close of working day 1 after it.",
            "Final: no estimated holiday or missing decree affects it.",
            "Days off passed over (3):",
            "  - Friday 27 November 2026: Cuti contoh (collective leave)",
            "  - Saturday 28 November 2026: weekend",
            "  - Sunday 29 November 2026: weekend",
            "Sources: office.toml; SKB contoh.",
        ]
    )


def test_deadline_said_for_working_time_and_calendar_durations() -> None:
    cal = _named()
    minutes = cal.deadline(at("2026-11-26T09:00+07:00"), WorkingTime(10))
    assert minutes.describe() == "\n".join(
        [
            "Due Thursday 26 November 2026, 09:10 WIB: 10 minutes from Thursday "
            "26 November 2026, 09:00 WIB.",
            _CALENDAR_EN,
            "Open time counts from receipt (from the next opening when the office is closed).",
            "Final: no estimated holiday or missing decree affects it.",
            "No day off passed over.",
            "Sources: office.toml; SKB contoh.",
        ]
    )
    week = cal.deadline(at("2026-03-13T10:00+07:00"), CalendarDays(7))
    assert week.closed_on_due == Skipped(
        date(2026, 3, 20),
        "Cuti Bersama Hari Raya Idul Fitri",
        "cuti_bersama",
        "Eid al-Fitr Joint Holiday",
    )
    assert week.describe() == "\n".join(
        [
            "Due Friday 20 March 2026, 10:00 WIB: 7 calendar days from Friday 13 March 2026, "
            "10:00 WIB.",
            _CALENDAR_EN,
            "Calendar time counts by the date, open or closed; the day of receipt does not count.",
            "The deadline falls on Friday 20 March 2026: Eid al-Fitr Joint Holiday "
            "(collective leave), a day the office is closed; it is not moved.",
            "Final: no estimated holiday or missing decree affects it.",
        ]
    )
    month = cal.deadline(at("2026-03-13T10:00+07:00"), CalendarMonths(1))
    assert month.closed_on_due is None
    assert month.sources == ()
    assert month.describe().splitlines()[-1] == (
        "Final: no estimated holiday or missing decree affects it."
    )
    on_closed = cal.deadline(at("2026-03-17T10:00+07:00"), CalendarMonths(1))
    assert on_closed.due == at("2026-04-17T10:00+07:00")
    assert on_closed.closed_on_due is None  # a Friday, open
    saturday = cal.deadline(at("2026-03-18T10:00+07:00"), CalendarMonths(1))
    assert saturday.closed_on_due == Skipped(date(2026, 4, 18), "akhir pekan", "weekend", "weekend")
    unnamed = WorkingCalendar().deadline(at("2026-11-26T09:00+07:00"), WorkingTime(10))
    assert unnamed.describe().splitlines()[1].startswith("Calendar: WIB, 38 hours a week")
    assert unnamed.describe().splitlines()[-1] == "No day off passed over."


_TABLE = '<table style="border-collapse:collapse;text-align:left">'


def test_deadline_html_in_full() -> None:
    cal = _named().with_closure(date(2026, 11, 30), reason="Pindah kantor")
    deadline = cal.deadline(at("2026-11-26T09:00+07:00"), WorkingDays(1))
    assert deadline.due == at("2026-12-01T15:30+07:00")
    lines = "<br>".join(deadline.describe().splitlines()[:4])
    rows = [
        ("Fri 2026-11-27", "Cuti contoh", "collective leave"),
        ("Sat 2026-11-28", "weekend", "weekend"),
        ("Sun 2026-11-29", "weekend", "weekend"),
        ("Mon 2026-11-30", "Pindah kantor", "closed"),
    ]
    body = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in rows)
    assert deadline._repr_html_() == (
        f"<div><strong>Deadline</strong><br>{lines}"
        f"{_TABLE}<caption>Days off passed over (4)</caption>"
        "<thead><tr><th>Date</th><th>Reason</th><th>Kind</th></tr></thead>"
        f"<tbody>{body}</tbody></table>"
        f"{_TABLE}<thead><tr><th>Source</th></tr></thead>"
        "<tbody><tr><td>office.toml</td></tr><tr><td>SKB contoh</td></tr></tbody></table></div>"
    )
    plain = WorkingCalendar().deadline(at("2026-11-26T09:00+07:00"), WorkingTime(1))
    said = "<br>".join(plain.describe().splitlines()[:4])
    assert plain._repr_html_() == f"<div><strong>Deadline</strong><br>{said}</div>"


def test_every_line_of_a_deadline_is_said_in_indonesian() -> None:
    cal = WorkingCalendar()
    calendar_id = (
        "Kalender: WIB, 38 jam per minggu (Sen–Kam 08.00-15.30; Jum 08.00-16.00; Sab–Min tutup)."
    )
    final_id = "Pasti: tidak bergantung pada tanggal perkiraan atau keputusan yang belum ada."
    minutes = cal.deadline(at("2026-11-26T09:00+07:00"), WorkingTime(10))
    assert minutes.describe("id") == "\n".join(
        [
            "Jatuh tempo Kamis, 26 November 2026 pukul 09.10 WIB: 10 menit sejak Kamis, "
            "26 November 2026 pukul 09.00 WIB.",
            calendar_id,
            "Waktu layanan dihitung sejak diterima (sejak buka berikutnya bila kantor tutup).",
            final_id,
            "Tidak ada hari tidak bekerja yang dilewati.",
        ]
    )
    week = cal.deadline(at("2026-03-13T10:00+07:00"), CalendarDays(7))
    assert week.describe("id") == "\n".join(
        [
            "Jatuh tempo Jumat, 20 Maret 2026 pukul 10.00 WIB: 7 hari sejak Jumat, "
            "13 Maret 2026 pukul 10.00 WIB.",
            calendar_id,
            "Hari kalender dihitung menurut tanggal, kantor buka atau tutup; "
            "hari penerimaan tidak dihitung.",
            "Tenggat jatuh pada Jumat, 20 Maret 2026: Cuti Bersama Hari Raya Idul Fitri, "
            "hari kantor tutup; tenggat tidak digeser.",
            final_id,
        ]
    )
    # No decree will ever be in the data for 2100.
    late = cal.deadline(at("2100-03-01T10:00+07:00"), WorkingDays(1))
    version = holidays_version()
    assert late.describe("id").splitlines()[3:] == [
        "Sementara: tenggat masih dapat bergeser, karena:",
        f"  - belum ada keputusan cuti bersama 2100 dalam data holidays (holidays {version})",
        "Tidak ada hari tidak bekerja yang dilewati.",
    ]
    assert late.describe().splitlines()[3:] == [
        "Provisional: it may still move, because:",
        f"  - no cuti bersama decree for 2100 in the holidays data (holidays {version})",
        "No day off passed over.",
    ]


def test_from_data_names_its_file() -> None:
    assert WorkingCalendar.from_data({}).source == ""
    assert WorkingCalendar.from_data({}, file="office.toml").source == "office.toml"
    with pytest.raises(DataFileError) as caught:
        WorkingCalendar.from_data({"province": "zzzz"})
    assert str(caught.value).startswith("<data>: province: ")
    with pytest.raises(DataFileError) as caught:
        WorkingCalendar.from_data({"province": "zzzz"}, file="office.toml")
    assert str(caught.value).startswith("office.toml: province: ")


def test_instant_arguments_are_named_in_errors() -> None:
    cal = WorkingCalendar.pst()
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


def test_sources_are_the_decrees_of_the_years_passed_only() -> None:
    cal = (
        WorkingCalendar.pst()
        .with_decreed_day(date(2026, 11, 27), "cuti_bersama", "Cuti", decree="SKB 2026")
        .with_decreed_day(date(2027, 1, 4), "cuti_bersama", "Cuti", decree="SKB 2027")
    )
    within = cal.deadline(at("2026-11-26T09:00+07:00"), WorkingDays(1))
    assert within.sources == ("SKB 2026",)
    across = cal.deadline(at("2026-12-30T09:00+07:00"), WorkingDays(3))
    assert across.sources == ("SKB 2026", "SKB 2027")
    later = cal.deadline(at("2027-02-01T09:00+07:00"), WorkingDays(1))
    assert later.sources == ("SKB 2027",)


def test_days_passed_over_across_a_year_end_keep_both_years() -> None:
    cal = WorkingCalendar.pst()
    deadline = cal.deadline(at("2026-12-23T09:00+07:00"), WorkingDays(6))
    assert deadline.due.year == 2027
    assert [(s.day.isoformat(), s.kind) for s in deadline.skipped[:7]] == [
        ("2026-12-24", "cuti_bersama"),
        ("2026-12-25", "national"),
        ("2026-12-26", "weekend"),
        ("2026-12-27", "weekend"),
        ("2027-01-01", "national"),
        ("2027-01-02", "weekend"),
        ("2027-01-03", "weekend"),
    ]
    assert all(s.day < deadline.due.date() for s in deadline.skipped)


def test_only_lists_are_frozen_into_tuples() -> None:
    """A set has no order and an iterator is read once: neither is silently frozen."""
    closure = Closure.on(date(2026, 1, 2), "x")
    assert WorkingCalendar(closures=[closure]).closures == (closure,)
    for given, kind in (({closure}, "set"), (iter([closure]), "list_iterator")):
        with pytest.raises(InvalidTypeError) as caught:
            WorkingCalendar(closures=given)
        assert str(caught.value).startswith(
            f"WorkingCalendar.closures: expected tuple of Closure, got {kind} "
        )


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


def test_instants_beyond_datetime_in_the_calendars_zone_name_their_year() -> None:
    first = datetime(1, 1, 1, tzinfo=timezone.utc)  # the year 0 in New York
    last = datetime(9999, 12, 31, 23, tzinfo=timezone.utc)  # the year 10000 in Jakarta
    with pytest.raises(CalendarHorizonError) as caught:
        WorkingCalendar.pst("America/New_York").is_open(first)
    assert caught.value.year == 1
    with pytest.raises(CalendarHorizonError) as caught:
        WorkingCalendar.pst().is_open(last)
    assert caught.value.year == 10_000
    assert str(caught.value) == (
        "year 10000 is outside the calendar's horizon; allowed: 1946 to 2100"
    )
