"""Open time between two instants (`working_time_between`): exact, additive, inverse of `add`."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given

from pst_core.calendar import (
    WorkingCalendar,
    WorkingTime,
)
from pst_core.errors import (
    InvalidValueError,
)
from tests.calendar.helpers import at, fresh_pst, is_closing
from tests.calendar.reference import CALENDARS, ReferenceCalendar
from tests.strategies import instants, working_times

PST = WorkingCalendar.pst()


def test_between_rejects_reversed_interval() -> None:
    with pytest.raises(InvalidValueError, match="at or after start"):
        PST.working_time_between(at("2026-03-18T09:00+07:00"), at("2026-03-17T09:00+07:00"))


def test_working_time_between_across_years() -> None:
    span = PST.working_time_between(at("2026-12-31T15:00+07:00"), at("2027-01-04T08:30+07:00"))
    assert span == timedelta(hours=1)


def test_working_time_between_edges() -> None:
    cal = fresh_pst()
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


@pytest.mark.property
@given(CALENDARS, instants, instants)
def test_between_matches_reference(
    pair: tuple[WorkingCalendar, ReferenceCalendar], a: datetime, b: datetime
) -> None:
    cal, reference = pair
    a, b = min(a, b), max(a, b)
    assert cal.working_time_between(a, b) == reference.between(a, b)


@pytest.mark.property
@given(instants, instants, instants)
def test_between_is_additive(a: datetime, b: datetime, c: datetime) -> None:
    a, b, c = sorted((a, b, c))
    assert PST.working_time_between(a, b) + PST.working_time_between(
        b, c
    ) == PST.working_time_between(a, c)


@pytest.mark.property
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


@pytest.mark.property
@given(CALENDARS, instants, working_times)
def test_between_inverts_add(
    pair: tuple[WorkingCalendar, ReferenceCalendar], start: datetime, amount: WorkingTime
) -> None:
    cal, _ = pair
    assert cal.working_time_between(start, cal.add(start, amount)) == amount.span
