"""The latest start (`latest_start`): the latest instant from which a duration still ends
by a deadline; one minute later it does not. Working time backwards is exact; working days
give the last instant of the last day of receipt whose deadline is still in time."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pst_core.calendar import (
    CalendarDays,
    LatestStart,
    WorkingCalendar,
    WorkingDays,
    WorkingTime,
)
from pst_core.errors import InvalidTypeError, NaiveDatetimeError
from tests.calendar.helpers import at
from tests.calendar.reference import CALENDARS, ReferenceCalendar
from tests.english import assert_indonesian
from tests.strategies import instants, working_days, working_times

PST = WorkingCalendar.pst()
ONE_MINUTE = timedelta(minutes=1)


@pytest.mark.property
@given(CALENDARS, instants, working_times)
def test_working_time_ends_by_the_deadline_and_a_minute_later_it_does_not(
    pair: tuple[WorkingCalendar, ReferenceCalendar], due: datetime, amount: WorkingTime
) -> None:
    cal, reference = pair
    latest = cal.latest_start(due, amount).latest
    assert latest == reference.latest_start(due, amount.span)
    assert cal.add(latest, amount) <= due
    if amount.micros:
        assert cal.add(latest + ONE_MINUTE, amount) > due
        assert cal.add(latest + timedelta(microseconds=1), amount) > due


@pytest.mark.property
@given(CALENDARS, instants, working_days)
def test_working_days_the_last_day_of_receipt_still_in_time(
    pair: tuple[WorkingCalendar, ReferenceCalendar], due: datetime, n: WorkingDays
) -> None:
    cal, reference = pair
    answer = cal.latest_start(due, n)
    assert answer.latest == reference.latest_receipt(due, n.n)
    assert cal.deadline(answer.latest, n).due <= due
    assert cal.deadline(answer.latest + ONE_MINUTE, n).due > due
    assert answer.latest.tzinfo is cal.timezone
    assert answer.latest.time() == datetime.max.time()  # the last instant of its day


@pytest.mark.property
@given(instants, st.one_of(working_times, working_days))
def test_it_lists_the_days_off_between_as_a_deadline_does(
    due: datetime, duration: WorkingTime | WorkingDays
) -> None:
    answer = PST.latest_start(due, duration)
    assert answer.latest <= due
    assert answer.due == due
    assert answer.due.tzinfo is PST.timezone
    first, last = answer.latest.date(), answer.due.date()
    assert answer.skipped == (PST.days_off(first, last - timedelta(days=1)) if first < last else ())
    assert answer.provisional == bool(answer.reasons)


def test_golden_cases() -> None:
    friday_16 = at("2026-03-27T16:00+07:00")
    # Received on the last day of the Nyepi and Eid al-Fitr days off, still three days in time.
    answer = PST.latest_start(friday_16, WorkingDays(3))
    assert answer.latest == at("2026-03-24T23:59:59.999999+07:00")
    assert [s.day.isoformat() for s in answer.skipped] == ["2026-03-24"]
    assert not answer.provisional
    # One hour before Monday 09:00 is Monday's opening; ninety minutes is Friday 15:30.
    monday_9 = at("2026-11-30T09:00+07:00")
    assert PST.latest_start(monday_9, WorkingTime(60)).latest == at("2026-11-30T08:00+07:00")
    assert PST.latest_start(monday_9, WorkingTime(90)).latest == at("2026-11-27T15:30+07:00")
    # Nothing to do: the deadline itself, in the calendar's zone.
    assert PST.latest_start(at("2026-11-28T03:00+00:00"), WorkingTime(0)).latest == at(
        "2026-11-28T10:00+07:00"
    )
    # Back across New Year's Day into the year before.
    assert PST.latest_start(at("2026-01-02T09:00+07:00"), WorkingTime(600)).latest == at(
        "2025-12-30T14:00+07:00"
    )


def test_provisional_when_an_estimated_holiday_lies_between() -> None:
    answer = PST.latest_start(at("2028-03-03T16:00+07:00"), WorkingDays(5))
    assert answer.provisional
    assert answer.reasons
    assert "Sementara" in answer.describe("id")


def test_said_in_both_languages() -> None:
    answer = PST.latest_start(at("2026-03-27T16:00+07:00"), WorkingDays(3))
    assert isinstance(answer, LatestStart)
    said = answer.describe("id")
    assert said.startswith("Diterima paling lambat Selasa, 24 Maret 2026")
    assert_indonesian(said)
    assert str(answer).startswith("Received by the end of Tuesday 24 March 2026")
    timed = PST.latest_start(at("2026-11-30T09:00+07:00"), WorkingTime(90))
    assert timed.describe("id").startswith(
        "Mulai paling lambat Jumat, 27 November 2026 pukul 15.30"
    )
    assert "latest='2026-11-27T15:30:00+07:00'" in repr(timed)
    html = answer.to_html("en")  # what Jupyter shows
    assert "<strong>Latest start</strong>" in html
    assert "Tuesday 24 March 2026" in html
    assert "<strong>Mulai paling lambat</strong>" in answer.to_html("id")


def test_refuses_calendar_durations_and_naive_deadlines() -> None:
    with pytest.raises(InvalidTypeError, match="duration"):
        PST.latest_start(at("2026-03-27T16:00+07:00"), CalendarDays(3))  # type: ignore[arg-type]
    with pytest.raises(NaiveDatetimeError):
        PST.latest_start(datetime(2026, 3, 27, 16), WorkingDays(3))


@pytest.mark.property
@given(
    CALENDARS, st.lists(instants, min_size=1, max_size=12), st.one_of(working_times, working_days)
)
def test_the_column_form_answers_row_by_row(
    pair: tuple[WorkingCalendar, ReferenceCalendar],
    dues: list[datetime],
    duration: WorkingTime | WorkingDays,
) -> None:
    cal, _ = pair
    expected = [cal.latest_start(due, duration).latest for due in dues]
    assert cal.latest_start_column(dues, duration) == tuple(expected)
    column = pd.Series(pd.DatetimeIndex([d.astimezone(timezone.utc) for d in dues]))
    got = cal.latest_start_column(column, duration)
    assert [t.to_pydatetime() for t in got] == expected
    assert str(got.dt.tz) == cal.timezone.key


def test_the_column_keeps_missing_rows_and_nanoseconds() -> None:
    dues = pd.Series(
        pd.DatetimeIndex(["2026-03-27 16:00", None, "2026-11-30 09:00"], tz="Asia/Jakarta"),
        name="tenggat",
    ).astype("datetime64[ns, Asia/Jakarta]")
    latest = PST.latest_start_column(dues, WorkingTime(90))
    assert latest.name == "tenggat"
    assert latest.dtype == "datetime64[ns, Asia/Jakarta]"
    assert latest.isna().tolist() == [False, True, False]
    assert latest[2] == pd.Timestamp("2026-11-27 15:30", tz="Asia/Jakarta")
    assert PST.latest_start_column([None, at("2026-11-30T09:00+07:00")], WorkingDays(1)) == (
        None,
        at("2026-11-26T23:59:59.999999+07:00"),
    )
    with pytest.raises(InvalidTypeError, match="duration"):
        PST.latest_start_column(dues, CalendarDays(1))  # type: ignore[arg-type]
