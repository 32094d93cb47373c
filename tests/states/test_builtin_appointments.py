"""Appointments outside working hours (``earliest_appointment``): SOP-1-101/17000/2025 step 2.

"membuat janji terlebih dahulu minimal 1 jam/hari sebelumnya" reads as one hour
or as one (calendar) day; both readings are returned, in the order of the text.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import attrs
import pytest

from pst_core.calendar import WorkingCalendar
from pst_core.calendar.durations import CalendarDays, WorkingDays, WorkingTime
from pst_core.errors import InvalidTypeError, InvalidValueError, NaiveDatetimeError
from pst_core.standards import catalog
from pst_core.states import AppointmentReading
from pst_core.states.builtin import earliest_appointment

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
SOP = catalog().sop("bengkulu-sop-produk-berbayar")


@pytest.mark.golden
def test_friday_at_closing_gives_both_readings() -> None:
    now = datetime(2026, 3, 13, 15, 30, tzinfo=WIB)  # a Friday, 30 minutes before closing
    hour, day = earliest_appointment(now)
    assert (hour.lead, hour.earliest, hour.open) == (
        WorkingTime(60),
        datetime(2026, 3, 13, 16, 30, tzinfo=WIB),  # after Friday's 16:00 closing
        False,
    )
    assert (day.lead, day.earliest, day.open) == (
        CalendarDays(1),
        datetime(2026, 3, 14, 0, 0, tzinfo=WIB),  # Saturday: the next calendar day
        False,
    )
    assert all(isinstance(r, AppointmentReading) and r.text for r in (hour, day))


def test_a_reading_inside_the_hours_says_so() -> None:
    now = datetime(2026, 3, 16, 9, 0, tzinfo=WIB)  # Monday morning: open in an hour
    hour, _ = earliest_appointment(now)
    assert hour.earliest == datetime(2026, 3, 16, 10, 0, tzinfo=WIB)
    assert hour.open


def test_the_readings_are_in_the_calendars_zone() -> None:
    now = datetime(2026, 3, 13, 15, 30, tzinfo=WIB)  # 16:30 in Makassar
    _, day = earliest_appointment(now, calendar=WorkingCalendar.pst("Asia/Makassar"))
    assert day.earliest == datetime(2026, 3, 14, 0, 0, tzinfo=WITA)


def test_a_lead_in_working_days_counts_on_the_calendar() -> None:
    assert SOP.appointment is not None
    rule = attrs.evolve(SOP.appointment, lead_time_text="1 hari kerja")
    now = datetime(2026, 3, 13, 15, 30, tzinfo=WIB)
    (reading,) = earliest_appointment(now, sop=attrs.evolve(SOP, appointment=rule))
    assert reading.lead == WorkingDays(1)
    assert reading.earliest == WorkingCalendar.pst().add(now, WorkingDays(1))


@pytest.mark.hostile
def test_an_sop_without_an_appointment_rule_and_naive_instants_are_refused() -> None:
    now = datetime(2026, 3, 13, 15, 30, tzinfo=WIB)
    with pytest.raises(InvalidValueError, match="missing component in") as caught:
        earliest_appointment(now, sop=attrs.evolve(SOP, appointment=None))
    assert caught.value.field == "earliest_appointment(sop).appointment"
    with pytest.raises(NaiveDatetimeError):
        earliest_appointment(datetime(2026, 3, 13, 15, 30))
    with pytest.raises(InvalidTypeError):
        earliest_appointment(now, sop=catalog().standard("bengkulu-penjualan"))  # type: ignore[arg-type]
