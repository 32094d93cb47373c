"""Deadlines: `add` and `deadline` for every kind of duration, and the days passed over.

Golden deadlines from DOMAIN.md section 3 (``tests/resources/calendar/pst_jakarta.csv``),
the edges of a year, the sources a deadline cites, and Hypothesis properties: the answers
of a naive day-by-day reference (``tests/calendar/reference.py``) and of pandas'
``CustomBusinessHour``, monotonicity, additivity, never before the start.
"""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from pst_core._validation import parse_instant
from pst_core.calendar import (
    CalendarDays,
    WorkingCalendar,
    WorkingDays,
    WorkingHours,
    WorkingTime,
    parse_duration,
)
from pst_core.calendar.holidays import indonesian_holidays
from tests.calendar.helpers import at, fresh_pst, is_closing
from tests.calendar.reference import CALENDARS, ReferenceCalendar
from tests.strategies import durations, instants, working_days, working_times

PST = WorkingCalendar.pst()

RESOURCES = Path(__file__).parent.parent / "resources" / "calendar"


def _rows() -> list[list[str]]:
    with (RESOURCES / "pst_jakarta.csv").open(encoding="utf-8") as handle:
        return [row for row in csv.reader(handle) if row and not row[0].startswith("#")]


BERLIN = ZoneInfo("Europe/Berlin")

ODD_CALENDARS = st.sampled_from(
    [
        WorkingCalendar.pst(),
        WorkingCalendar(hours=WorkingHours.parse({"tue": "08:00-12:00"}), timezone=BERLIN),
        WorkingCalendar.pst("Asia/Jayapura").with_extra_working_day(
            date(2026, 3, 21), reason="Open Saturday", windows=["08:00-12:00"]
        ),
    ]
)

ordered_durations = st.one_of(working_times, working_days, st.integers(1, 60).map(CalendarDays))

UNIFORM = WorkingCalendar(hours=WorkingHours.parse({"mon-fri": "08:00-15:30"}))

DAYS_OFF = sorted({h.day for year in range(2024, 2029) for h in indonesian_holidays(year).holidays})


def test_deadline_for_calendar_durations() -> None:
    deadline = PST.deadline(at("2026-03-17T14:00+07:00"), CalendarDays(7))
    assert deadline.due == at("2026-03-24T14:00+07:00")
    assert deadline.skipped == ()
    assert "7 calendar days" in deadline.describe()
    assert deadline.closed_on_due is not None  # 24 March 2026 is cuti bersama
    assert PST.deadline(at("2026-04-07T14:00+07:00"), CalendarDays(7)).closed_on_due is None


def test_add_across_year_ends() -> None:
    cal = fresh_pst()
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


def test_deadline_passes_over_days_between_start_and_due() -> None:
    cal = fresh_pst()
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
    cal = fresh_pst().with_decreed_day(
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


def test_sources_are_the_decrees_of_the_years_passed_only() -> None:
    cal = (
        fresh_pst()
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
    cal = fresh_pst()
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


@pytest.mark.golden
@pytest.mark.parametrize("row", _rows(), ids=lambda row: row[3])
def test_golden_deadline(row: list[str]) -> None:
    start, phrase, due, _ = row
    cal = WorkingCalendar.pst()
    result = cal.add(parse_instant(start, "start"), parse_duration(phrase))
    assert result == parse_instant(due, "due")
    assert result.isoformat() == parse_instant(due, "due").isoformat()  # in the calendar's zone


@pytest.mark.golden
def test_golden_deadline_explains_skipped_days() -> None:
    cal = WorkingCalendar.pst()
    deadline = cal.deadline(
        datetime.fromisoformat("2026-03-17T14:00+07:00"), parse_duration("3 hari kerja")
    )
    assert [(s.day.isoformat(), s.kind) for s in deadline.skipped] == [
        ("2026-03-18", "cuti_bersama"),
        ("2026-03-19", "national"),
        ("2026-03-20", "cuti_bersama"),
        ("2026-03-21", "national"),
        ("2026-03-22", "national"),
        ("2026-03-23", "cuti_bersama"),
        ("2026-03-24", "cuti_bersama"),
    ]
    assert deadline.skipped[1].reason_en == "Day of Silence"
    assert deadline.skipped[1].reason == "Hari Suci Nyepi"
    assert not deadline.provisional
    assert deadline.reasons == ()


@pytest.mark.hostile
@pytest.mark.property
@given(ODD_CALENDARS, instants, durations)
def test_no_answer_comes_before_its_start(
    cal: WorkingCalendar, start: datetime, duration: object
) -> None:
    assert cal.add(start, duration) >= start  # type: ignore[arg-type]
    assert cal.deadline(start, duration).due >= start  # type: ignore[arg-type]


@pytest.mark.property
@given(CALENDARS, instants, working_times)
def test_add_working_time_matches_reference(
    pair: tuple[WorkingCalendar, ReferenceCalendar], start: datetime, amount: WorkingTime
) -> None:
    cal, reference = pair
    assert cal.add(start, amount) == reference.add_working_time(start, amount.span)


@pytest.mark.property
@given(CALENDARS, instants, working_days)
def test_add_working_days_matches_reference(
    pair: tuple[WorkingCalendar, ReferenceCalendar], start: datetime, days: WorkingDays
) -> None:
    cal, reference = pair
    assert cal.add(start, days) == reference.add_working_days(start, days.n)


@pytest.mark.property
@given(instants, instants, ordered_durations)
def test_monotone_in_start(
    a: datetime, b: datetime, duration: WorkingTime | WorkingDays | CalendarDays
) -> None:
    a, b = min(a, b), max(a, b)
    assert PST.add(a, duration) <= PST.add(b, duration)


@pytest.mark.property
@given(instants, working_times, working_times)
def test_monotone_in_working_time(start: datetime, d1: WorkingTime, d2: WorkingTime) -> None:
    d1, d2 = min(d1, d2), max(d1, d2)
    assert PST.add(start, d1) <= PST.add(start, d2)


@pytest.mark.property
@given(instants, working_days, working_days)
def test_monotone_in_working_days(start: datetime, d1: WorkingDays, d2: WorkingDays) -> None:
    d1, d2 = min(d1, d2), max(d1, d2)
    assert PST.add(start, d1) <= PST.add(start, d2)
    if d1 < d2:
        assert PST.add(start, d1) < PST.add(start, d2)


@pytest.mark.property
@given(instants, working_times, working_times)
def test_working_time_is_additive(start: datetime, d1: WorkingTime, d2: WorkingTime) -> None:
    assert PST.add(PST.add(start, d1), d2) == PST.add(start, d1 + d2)


@pytest.mark.property
@given(CALENDARS, instants, working_times)
def test_results_are_open_instants_or_closings(
    pair: tuple[WorkingCalendar, ReferenceCalendar], start: datetime, amount: WorkingTime
) -> None:
    cal, _ = pair
    assume(amount.span > timedelta(0))
    due = cal.add(start, amount)
    assert cal.is_open(due) or is_closing(cal, due)
    assert due.tzinfo == cal.timezone


@pytest.mark.property
@given(CALENDARS, instants, working_days)
def test_working_days_end_at_a_working_days_closing(
    pair: tuple[WorkingCalendar, ReferenceCalendar], start: datetime, days: WorkingDays
) -> None:
    cal, _ = pair
    due = cal.add(start, days)
    assert is_closing(cal, due)
    assert cal.is_working_day(due.date())
    assert due.date() > start.astimezone(cal.timezone).date()


@pytest.mark.property
@given(instants, st.integers(1, 60))
def test_calendar_days_keep_wall_clock(start: datetime, n: int) -> None:
    due = PST.add(start, CalendarDays(n))
    local = start.astimezone(PST.timezone)
    assert (due.date() - local.date()).days == n
    assert due.timetz() == local.timetz()


@pytest.mark.property
@given(instants, working_times)
def test_deadline_agrees_with_add_and_lists_only_closed_days(
    start: datetime, amount: WorkingTime
) -> None:
    deadline = PST.deadline(start, amount)
    assert deadline.due == PST.add(start, amount)
    for skipped in deadline.skipped:
        assert not PST.is_working_day(skipped.day)
        assert deadline.start.date() <= skipped.day < deadline.due.date()


@pytest.mark.property
@given(
    st.integers(0, 3 * 365 * 24 * 60).map(lambda m: datetime(2024, 1, 1) + timedelta(minutes=m)),
    st.integers(1, 40),
)
def test_agrees_with_pandas_custom_business_hour(start: datetime, hours: int) -> None:
    pandas = pytest.importorskip("pandas")
    offset = pandas.offsets.CustomBusinessHour(
        n=hours, start="08:00", end="15:30", holidays=DAYS_OFF
    )
    theirs = (pandas.Timestamp(start) + offset).to_pydatetime()
    ours = UNIFORM.add(start.replace(tzinfo=UNIFORM.timezone), WorkingTime(hours=hours))
    # pandas answers the next opening where pst_core answers the closing at which time ran out.
    if is_closing(UNIFORM, ours):
        ours = UNIFORM.next_open(ours)
    assert ours.replace(tzinfo=None) == theirs
