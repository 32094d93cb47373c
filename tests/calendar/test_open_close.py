"""Open and closed instants: `is_open`, `next_open`, `previous_close`; windows are half-open."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given

from pst_core.calendar import (
    WorkingCalendar,
)
from tests.calendar.helpers import at, fresh_pst
from tests.strategies import instants

PST = WorkingCalendar.pst()


def test_half_open_windows() -> None:
    assert PST.is_open(at("2026-11-26T08:00+07:00"))
    assert not PST.is_open(at("2026-11-26T07:59:59+07:00"))
    assert not PST.is_open(at("2026-11-26T15:30+07:00"))
    assert PST.is_open(at("2026-11-27T15:30+07:00"))  # Friday closes at 16:00
    assert not PST.is_open(at("2026-11-28T10:00+07:00"))


def test_next_open_and_previous_close() -> None:
    assert PST.next_open(at("2026-11-26T08:00+07:00")) == at("2026-11-26T08:00+07:00")
    assert PST.next_open(at("2026-11-26T08:01+07:00")) == at("2026-11-27T08:00+07:00")
    assert PST.previous_close(at("2026-11-26T15:30+07:00")) == at("2026-11-26T15:30+07:00")
    assert PST.previous_close(at("2026-11-30T09:00+07:00")) == at("2026-11-27T16:00+07:00")
    assert PST.next_open(at("2026-12-31T16:00+07:00")) == at("2027-01-04T08:00+07:00")
    assert PST.previous_close(at("2027-01-01T09:00+07:00")) == at("2026-12-31T15:30+07:00")


def test_is_open_next_open_previous_close_at_the_edges() -> None:
    cal = fresh_pst()
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


@pytest.mark.property
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
