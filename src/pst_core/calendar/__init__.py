"""Working-hours calendar with holiday-aware deadline arithmetic, exact to the minute.

`WorkingCalendar` is what you build and ask; `parse_duration` reads the
durations the service standards state; `Deadline` is what a deadline query
answers. The modules, from the bottom up:

* ``hours``, ``durations``, ``zones``, ``holidays``: the value types and facts;
* ``deadline``: what a deadline query answers (`Deadline`, `Skipped`, `Provisional`);
* ``adjustments``: an office's closures, extra working days and periods;
* ``index``: one year of a calendar, ready for bisect;
* ``queries``: the query engine (`add`, `deadline`, `working_time_between`...);
* ``calendar``: `WorkingCalendar`, the model and its builders;
* ``views``, ``columns``: months for notebooks, whole pandas columns at once;
* ``converter``, ``files``: the calendar's value types and its own file, as data.

Examples:
    >>> from datetime import datetime
    >>> from zoneinfo import ZoneInfo
    >>> from pst_core.calendar import WorkingCalendar, parse_duration
    >>> cal = WorkingCalendar.pst()
    >>> start = datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    >>> cal.add(start, parse_duration("3 hari kerja")).isoformat()
    '2026-03-27T16:00:00+07:00'
"""

from pst_core.calendar.adjustments import (
    CalendarFileWarning,
    Closure,
    ExtraWorkingDay,
    HoursPeriod,
)
from pst_core.calendar.calendar import WorkingCalendar
from pst_core.calendar.deadline import (
    Deadline,
    LatestStart,
    Provisional,
    ProvisionalKind,
    SkipKind,
    Skipped,
)
from pst_core.calendar.durations import (
    ACCEPTED_FORMS,
    CalendarDays,
    CalendarMonths,
    Duration,
    WorkingDays,
    WorkingTime,
    parse_duration,
)
from pst_core.calendar.holidays import (
    DecreeAction,
    DecreedDay,
    HolidayKind,
    HolidayYear,
    PublicHoliday,
)
from pst_core.calendar.hours import Window, WorkingHours
from pst_core.calendar.index import YearIndex
from pst_core.calendar.views import DayKind, DayView, MonthView
from pst_core.calendar.zones import PROVINCES, Province, ZoneLabel, province, province_timezone

__all__ = [
    "ACCEPTED_FORMS",
    "PROVINCES",
    "CalendarDays",
    "CalendarFileWarning",
    "CalendarMonths",
    "Closure",
    "DayKind",
    "DayView",
    "Deadline",
    "DecreeAction",
    "DecreedDay",
    "Duration",
    "ExtraWorkingDay",
    "HolidayKind",
    "HolidayYear",
    "HoursPeriod",
    "LatestStart",
    "MonthView",
    "Province",
    "Provisional",
    "ProvisionalKind",
    "PublicHoliday",
    "SkipKind",
    "Skipped",
    "Window",
    "WorkingCalendar",
    "WorkingDays",
    "WorkingHours",
    "WorkingTime",
    "YearIndex",
    "ZoneLabel",
    "parse_duration",
    "province",
    "province_timezone",
]
