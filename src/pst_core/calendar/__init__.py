"""Working-hours calendar with holiday-aware deadline arithmetic, exact to the minute.

Examples:
    >>> from datetime import datetime
    >>> from zoneinfo import ZoneInfo
    >>> from pst_core.calendar import WorkingCalendar, parse_duration
    >>> cal = WorkingCalendar.pst()
    >>> start = datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    >>> cal.add(start, parse_duration("3 hari kerja")).isoformat()
    '2026-03-27T16:00:00+07:00'
"""

from pst_core.calendar.calendar import (
    Closure,
    Deadline,
    ExtraWorkingDay,
    HoursPeriod,
    Skipped,
    WorkingCalendar,
)
from pst_core.calendar.durations import (
    CalendarDays,
    CalendarMonths,
    Duration,
    WorkingDays,
    WorkingTime,
    parse_duration,
)
from pst_core.calendar.holidays import DecreedDay
from pst_core.calendar.hours import Window, WorkingHours
from pst_core.calendar.zones import PROVINCES, Province, province, province_timezone

__all__ = [
    "PROVINCES",
    "CalendarDays",
    "CalendarMonths",
    "Closure",
    "Deadline",
    "DecreedDay",
    "Duration",
    "ExtraWorkingDay",
    "HoursPeriod",
    "Province",
    "Skipped",
    "Window",
    "WorkingCalendar",
    "WorkingDays",
    "WorkingHours",
    "WorkingTime",
    "parse_duration",
    "province",
    "province_timezone",
]
