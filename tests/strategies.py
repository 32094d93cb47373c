"""Hypothesis strategies shared by the test suite, one section per subpackage."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from pst_core.calendar.durations import CalendarDays, CalendarMonths, WorkingDays, WorkingTime

# --- calendar ---------------------------------------------------------------

INDONESIAN_ZONES = ("Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura")

#: Aware instants, minute-aligned, in 2024-2027, in any Indonesian zone or UTC.
instants = st.builds(
    lambda minutes, zone: (
        datetime(2024, 1, 1, tzinfo=timezone.utc) + timedelta(minutes=minutes)
    ).astimezone(zone),
    st.integers(min_value=0, max_value=4 * 366 * 24 * 60 - 1),
    st.sampled_from([ZoneInfo(z) for z in INDONESIAN_ZONES] + [timezone.utc]),
)

working_times = st.integers(min_value=0, max_value=60 * 7 * 40).map(WorkingTime)
working_days = st.integers(min_value=1, max_value=60).map(WorkingDays)
calendar_days = st.integers(min_value=1, max_value=60).map(CalendarDays)
calendar_months = st.integers(min_value=1, max_value=12).map(CalendarMonths)
durations = st.one_of(working_times, working_days, calendar_days, calendar_months)
