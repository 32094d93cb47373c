"""Hypothesis properties of the working calendar, checked against a naive reference."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from pst_core.calendar import (
    CalendarDays,
    WorkingCalendar,
    WorkingDays,
    WorkingHours,
    WorkingTime,
)
from pst_core.calendar.holidays import indonesian_holidays
from tests.calendar.reference import ReferenceCalendar
from tests.strategies import instants, working_days, working_times

PST = WorkingCalendar.pst()
PST_REFERENCE = ReferenceCalendar(WorkingHours.pst())
SPLIT = WorkingCalendar(
    hours=WorkingHours.parse({"mon-thu": "08:00-15:30", "fri": ["08:00-11:30", "13:00-16:00"]}),
    timezone="Asia/Makassar",
)
SPLIT_REFERENCE = ReferenceCalendar(SPLIT.hours, "Asia/Makassar")
CALENDARS = st.sampled_from([(PST, PST_REFERENCE), (SPLIT, SPLIT_REFERENCE)])
ordered_durations = st.one_of(working_times, working_days, st.integers(1, 60).map(CalendarDays))


def is_closing(cal: WorkingCalendar, at: datetime) -> bool:
    return cal.previous_close(at) == at


@given(CALENDARS, instants, working_times)
def test_add_working_time_matches_reference(
    pair: tuple[WorkingCalendar, ReferenceCalendar], start: datetime, amount: WorkingTime
) -> None:
    cal, reference = pair
    assert cal.add(start, amount) == reference.add_working_time(start, amount.span)


@given(CALENDARS, instants, working_days)
def test_add_working_days_matches_reference(
    pair: tuple[WorkingCalendar, ReferenceCalendar], start: datetime, days: WorkingDays
) -> None:
    cal, reference = pair
    assert cal.add(start, days) == reference.add_working_days(start, days.n)


@given(CALENDARS, instants, instants)
def test_between_matches_reference(
    pair: tuple[WorkingCalendar, ReferenceCalendar], a: datetime, b: datetime
) -> None:
    cal, reference = pair
    a, b = min(a, b), max(a, b)
    assert cal.working_time_between(a, b) == reference.between(a, b)


@given(instants, instants, ordered_durations)
def test_monotone_in_start(
    a: datetime, b: datetime, duration: WorkingTime | WorkingDays | CalendarDays
) -> None:
    a, b = min(a, b), max(a, b)
    assert PST.add(a, duration) <= PST.add(b, duration)


@given(instants, working_times, working_times)
def test_monotone_in_working_time(start: datetime, d1: WorkingTime, d2: WorkingTime) -> None:
    d1, d2 = min(d1, d2), max(d1, d2)
    assert PST.add(start, d1) <= PST.add(start, d2)


@given(instants, working_days, working_days)
def test_monotone_in_working_days(start: datetime, d1: WorkingDays, d2: WorkingDays) -> None:
    d1, d2 = min(d1, d2), max(d1, d2)
    assert PST.add(start, d1) <= PST.add(start, d2)
    if d1 < d2:
        assert PST.add(start, d1) < PST.add(start, d2)


@given(instants, working_times, working_times)
def test_working_time_is_additive(start: datetime, d1: WorkingTime, d2: WorkingTime) -> None:
    assert PST.add(PST.add(start, d1), d2) == PST.add(start, d1 + d2)


@given(instants, instants, instants)
def test_between_is_additive(a: datetime, b: datetime, c: datetime) -> None:
    a, b, c = sorted((a, b, c))
    assert PST.working_time_between(a, b) + PST.working_time_between(
        b, c
    ) == PST.working_time_between(a, c)


@given(CALENDARS, instants, instants)
def test_add_between_inverse(
    pair: tuple[WorkingCalendar, ReferenceCalendar], a: datetime, b: datetime
) -> None:
    cal, _ = pair
    a, b = min(a, b), max(a, b)
    elapsed = cal.working_time_between(a, b)
    back = cal.add(a, WorkingTime(elapsed))
    # Always: no later than b, the same open time from a, none left between back and b.
    assert back <= b
    assert cal.working_time_between(a, back) == elapsed
    assert cal.working_time_between(back, b) == timedelta(0)
    # Exactly b when b is inside a window past its opening, or a closing reached with time
    # to spend. At an opening the answer is the previous closing (or a itself when nothing
    # elapsed): the same open time, reached earlier.
    inside = cal.is_open(b) and cal.next_open(b) != b
    if inside or (is_closing(cal, b) and elapsed > timedelta(0)) or a == b:
        assert back == b


@given(CALENDARS, instants, working_times)
def test_between_inverts_add(
    pair: tuple[WorkingCalendar, ReferenceCalendar], start: datetime, amount: WorkingTime
) -> None:
    cal, _ = pair
    assert cal.working_time_between(start, cal.add(start, amount)) == amount.span


@given(CALENDARS, instants, working_times)
def test_results_are_open_instants_or_closings(
    pair: tuple[WorkingCalendar, ReferenceCalendar], start: datetime, amount: WorkingTime
) -> None:
    cal, _ = pair
    assume(amount.span > timedelta(0))
    due = cal.add(start, amount)
    assert cal.is_open(due) or is_closing(cal, due)
    assert due.tzinfo == cal.timezone


@given(CALENDARS, instants, working_days)
def test_working_days_end_at_a_working_days_closing(
    pair: tuple[WorkingCalendar, ReferenceCalendar], start: datetime, days: WorkingDays
) -> None:
    cal, _ = pair
    due = cal.add(start, days)
    assert is_closing(cal, due)
    assert cal.is_working_day(due.date())
    assert due.date() > start.astimezone(cal.timezone).date()


@given(instants)
def test_next_open_and_previous_close_bracket(at: datetime) -> None:
    opening = PST.next_open(at)
    closing = PST.previous_close(at)
    assert closing <= at <= opening
    assert PST.is_open(opening)
    assert not PST.is_open(closing)
    assert PST.working_time_between(at, opening) == timedelta(0) or PST.is_open(at)
    if not PST.is_open(at):
        assert PST.working_time_between(closing, opening) == timedelta(0)


@given(instants, st.integers(1, 60))
def test_calendar_days_keep_wall_clock(start: datetime, n: int) -> None:
    due = PST.add(start, CalendarDays(n))
    local = start.astimezone(PST.timezone)
    assert (due.date() - local.date()).days == n
    assert due.timetz() == local.timetz()


@given(instants, working_times)
def test_deadline_agrees_with_add_and_lists_only_closed_days(
    start: datetime, amount: WorkingTime
) -> None:
    deadline = PST.deadline(start, amount)
    assert deadline.due == PST.add(start, amount)
    for skipped in deadline.skipped:
        assert not PST.is_working_day(skipped.day)
        assert deadline.start.date() <= skipped.day < deadline.due.date()


UNIFORM = WorkingCalendar(hours=WorkingHours.parse({"mon-fri": "08:00-15:30"}))
DAYS_OFF = sorted({h.day for year in range(2024, 2029) for h in indonesian_holidays(year).holidays})


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
