"""Appointments outside working hours, as SOP-1-101/17000/2025 step 2 allows them.

SOP-1-101/17000/2025 "Layanan Produk Statistik Berbayar" (BPS Provinsi
Bengkulu), step 2, Keterangan: "Untuk layanan diluar jam/hari kerja, tetap
dilayani dengan membuat janji terlebih dahulu minimal 1 jam/hari sebelumnya".
The lead time reads two ways, and the SOP does not say which: `earliest_appointment`
returns both (`AppointmentReading`), and an app shows the one its office chose.

Examples:
    >>> from zoneinfo import ZoneInfo
    >>> friday = datetime(2026, 3, 13, 15, 30, tzinfo=ZoneInfo("Asia/Jakarta"))
    >>> [str(r.lead) for r in earliest_appointment(friday)]
    ['1 hour', '1 calendar day']
"""

from __future__ import annotations

from datetime import datetime, timedelta

import attrs

from pst_core._validation import require_aware
from pst_core.calendar.calendar import WorkingCalendar
from pst_core.calendar.durations import CalendarDays, Duration, WorkingTime
from pst_core.errors import InvalidValueError, Phrase
from pst_core.standards.sop import StandardOperatingProcedure
from pst_core.states.builtin._documents import office_calendar, operating_procedure

__all__ = ["AppointmentReading", "earliest_appointment"]


@attrs.frozen
class AppointmentReading:
    """One reading of an appointment lead time, and the earliest appointment it allows.

    Attributes:
        lead: The lead time in this reading (``1 hour`` or ``1 day``).
        earliest: The earliest instant an appointment made now may be for.
        open: Whether the office is open then (no appointment is needed inside the hours).
        text: What the reading means, in English.
    """

    lead: Duration
    earliest: datetime
    open: bool
    text: str


def earliest_appointment(
    now: datetime,
    *,
    calendar: WorkingCalendar | None = None,
    sop: StandardOperatingProcedure | None = None,
) -> tuple[AppointmentReading, ...]:
    """The earliest appointment outside working hours, in every reading of the SOP's lead time.

    SOP-1-101/17000/2025 step 2: "Untuk layanan diluar jam/hari kerja, tetap
    dilayani dengan membuat janji terlebih dahulu minimal 1 jam/hari
    sebelumnya". "1 jam/hari" reads two ways, and the SOP does not say which:

    * *1 hour*: an appointment made now may be for any time from one hour on;
    * *1 day*: it may be for the next calendar day (in the office's zone) or later.

    Both are returned, in the order the text gives them; an app shows the one
    its office has chosen. Lead times are wall-clock time: the appointment is
    for when the office is closed.

    Raises:
        NaiveDatetimeError: ``now`` has no time zone.
        InvalidValueError: the SOP has no appointment rule.

    Examples:
        >>> from zoneinfo import ZoneInfo
        >>> now = datetime(2026, 3, 13, 15, 30, tzinfo=ZoneInfo("Asia/Jakarta"))
        >>> for r in earliest_appointment(now):
        ...     print(str(r.lead), r.earliest.isoformat(), r.open)
        1 hour 2026-03-13T16:30:00+07:00 False
        1 calendar day 2026-03-14T00:00:00+07:00 False
    """
    require_aware(now, "now")
    document = operating_procedure(sop, "earliest_appointment")
    cal = office_calendar(document, calendar, "earliest_appointment")
    rule = document.appointment
    if rule is None or not rule.readings:
        raise InvalidValueError(
            "earliest_appointment(sop).appointment",
            document.id,
            Phrase("states.builtin.appointment_lead_time"),
            problem=Phrase("states.builtin.missing_component"),
        )
    local = now.astimezone(cal.timezone)
    readings = []
    for lead in rule.readings:
        if isinstance(lead, WorkingTime):
            earliest = local + lead.span
            text = f"at least {lead} after the appointment is made"
        elif isinstance(lead, CalendarDays):
            day = local.date() + timedelta(days=lead.n)
            earliest = datetime(day.year, day.month, day.day, tzinfo=cal.timezone)
            text = f"on a later calendar day: {lead} or more after the day it is made"
        else:
            earliest = cal.add(local, lead)
            text = f"{lead} after the appointment is made"
        readings.append(AppointmentReading(lead, earliest, cal.is_open(earliest), text))
    return tuple(readings)
