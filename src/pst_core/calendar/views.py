"""What people ask a calendar in a notebook: working days, days off, a month at a glance.

Every function takes a `WorkingCalendar` first; the calendar exposes them as
methods too (`WorkingCalendar.working_days`, `days_off`, `working_time`,
`month`).

Examples:
    >>> from pst_core.calendar import WorkingCalendar
    >>> cal = WorkingCalendar.pst()
    >>> len(working_days(cal, date(2026, 3, 1), date(2026, 3, 31)))
    17
    >>> print(month(cal, 2026, 3).text().splitlines()[0])
    Maret 2026 / March 2026 (Asia/Jakarta, WIB)
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

import attrs

from pst_core.calendar.durations import WorkingTime
from pst_core.calendar.hours import Window
from pst_core.errors import InvalidValueError

if TYPE_CHECKING:
    from pst_core.calendar.calendar import Skipped, WorkingCalendar

__all__ = ["DayView", "MonthView", "days_off", "label", "month", "working_days", "working_time"]

# Every text this module says to a person, Indonesian first (to move to the message catalogue).
_LABELS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "weekdays": ("Sn Sl Rb Km Jm Sb Mg", "Mo Tu We Th Fr Sa Su"),
        "months": (
            "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November "
            "Desember",
            "January February March April May June July August September October November December",
        ),
        "national": ("libur nasional", "national holiday"),
        "cuti_bersama": ("cuti bersama", "collective leave"),
        "closure": ("tutup", "closed"),
        "weekend": ("akhir pekan", "weekend"),
        "no_hours": ("tanpa jam layanan", "no opening hours"),
        "period": ("jam khusus", "other hours"),
        "extra": ("hari kerja tambahan", "extra working day"),
        "today": ("hari ini", "today"),
        "working": ("hari kerja", "working day"),
        "days_off": ("Hari tidak bekerja", "Days off"),
        "hours": ("Jam layanan", "Opening hours"),
        "holidays_title": ("Hari libur", "Days off"),
        "estimated": ("perkiraan", "estimated"),
        "not_counted": ("tidak dihitung kalender ini", "not counted by this calendar"),
        "decreed": ("keputusan cuti bersama ada", "cuti bersama decreed"),
        "no_decree": ("belum ada keputusan cuti bersama", "no cuti bersama decree yet"),
        "in_package": (
            "kini ada di data holidays: boleh dihapus dari berkas",
            "now in the holidays data: you may remove it from the file",
        ),
        "removed": ("dihapus oleh keputusan", "removed by decree"),
    }
)

Kind = Literal["working", "period", "extra", "national", "cuti_bersama", "closure", "weekend"]

_MARKS: Mapping[str, str] = MappingProxyType(
    {
        "working": " ",
        "period": "~",
        "extra": "!",
        "national": "*",
        "cuti_bersama": "+",
        "closure": "x",
        "weekend": " ",
        "no_hours": " ",
    }
)


def label(key: str, language: Literal["id", "en", "both"] = "both") -> str:
    """A label of the calendar views in Indonesian, English or both (``"id / en"``).

    Examples:
        >>> label("cuti_bersama"), label("national", "en")
        ('cuti bersama / collective leave', 'national holiday')
    """
    indonesian, english = _LABELS[key]
    if language == "id":
        return indonesian
    if language == "en":
        return english
    return indonesian if indonesian == english else f"{indonesian} / {english}"


def _check_range(first: date, last: date) -> None:
    if last < first:
        raise InvalidValueError("last", last, f"a date on or after first ({first})")


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def working_days(calendar: WorkingCalendar, first: date, last: date) -> tuple[date, ...]:
    """The working days from ``first`` to ``last`` inclusive.

    Examples:
        >>> from pst_core.calendar import WorkingCalendar
        >>> days = working_days(WorkingCalendar.pst(), date(2026, 3, 16), date(2026, 3, 22))
        >>> [d.day for d in days]
        [16, 17]
    """
    _check_range(first, last)
    return tuple(day for day in _days(first, last) if calendar.is_working_day(day))


def days_off(calendar: WorkingCalendar, first: date, last: date) -> tuple[Skipped, ...]:
    """The days from ``first`` to ``last`` inclusive that are not working days, with why.

    Examples:
        >>> from pst_core.calendar import WorkingCalendar
        >>> for off in days_off(WorkingCalendar.pst(), date(2026, 3, 18), date(2026, 3, 20)):
        ...     print(off.kind, off.reason_id)
        cuti_bersama Cuti Bersama Hari Suci Nyepi
        national Hari Suci Nyepi
        cuti_bersama Cuti Bersama Hari Raya Idul Fitri
    """
    _check_range(first, last)
    found = (calendar.closed_reason(day) for day in _days(first, last))
    return tuple(off for off in found if off is not None)


def working_time(calendar: WorkingCalendar, start: datetime, end: datetime) -> WorkingTime:
    """The open time in ``[start, end)`` as a `WorkingTime` (hours and minutes).

    Examples:
        >>> from zoneinfo import ZoneInfo
        >>> from pst_core.calendar import WorkingCalendar
        >>> wib = ZoneInfo("Asia/Jakarta")
        >>> spent = working_time(WorkingCalendar.pst(), datetime(2026, 11, 26, 9, tzinfo=wib),
        ...                      datetime(2026, 11, 27, 10, 15, tzinfo=wib))
        >>> str(spent), spent.label_id
        ('8 hours 45 minutes', '8 jam 45 menit')
    """
    return WorkingTime(calendar.working_time_between(start, end))


@attrs.frozen
class DayView:
    """One day of a `MonthView`.

    Attributes:
        day: The date.
        kind: ``"working"``, ``"period"`` (working, other hours), ``"extra"``
            (an extra working day), or why it is off: ``"national"``,
            ``"cuti_bersama"``, ``"closure"``, ``"weekend"``, ``"no_hours"``.
        windows: The open windows (empty on a day off).
        reason: The reason in English (a holiday's or period's name; empty on a plain day).
        reason_id: The reason in Indonesian.
    """

    day: date
    kind: str
    windows: tuple[Window, ...]
    reason: str = ""
    reason_id: str = ""


def _day_view(calendar: WorkingCalendar, day: date) -> DayView:
    off = calendar.closed_reason(day)
    if off is not None:
        return DayView(day, off.kind, (), off.reason, off.reason_id or off.reason)
    windows = calendar.windows_on(day)
    for extra in calendar.extra_working_days:
        if extra.day == day:
            return DayView(day, "extra", windows, extra.reason, extra.reason)
    for period in calendar.periods:
        if period.covers(day):
            return DayView(day, "period", windows, period.name, period.name)
    return DayView(day, "working", windows)


@attrs.frozen
class MonthView:
    """A month of a calendar: each day's kind, hours and reason, as text or HTML.

    In a notebook the view shows itself as an HTML table; ``print`` gives a
    text grid like ``cal``, with a mark after each day and the month's days
    off and special hours listed below.

    Attributes:
        year: The year.
        month: The month (1-12).
        zone: The calendar's zone name.
        days: One `DayView` per day of the month.

    Examples:
        >>> from pst_core.calendar import WorkingCalendar
        >>> view = month(WorkingCalendar.pst(), 2026, 3)
        >>> print(view.text(today=date(2026, 3, 17)))
        Maret 2026 / March 2026 (Asia/Jakarta, WIB)
         Sn   Sl   Rb   Km   Jm   Sb   Mg
                                        1
          2    3    4    5    6    7    8
          9   10   11   12   13   14   15
         16  >17<  18+  19*  20+  21*  22*
         23+  24+  25   26   27   28   29
         30   31
        * libur nasional / national holiday  + cuti bersama / collective leave  > < hari ini / today
        Hari tidak bekerja / Days off:
          Wed 2026-03-18  + Cuti Bersama Hari Suci Nyepi / Day of Silence Joint Holiday
          Thu 2026-03-19  * Hari Suci Nyepi / Day of Silence
          Fri 2026-03-20  + Cuti Bersama Hari Raya Idul Fitri / Eid al-Fitr Joint Holiday
          Sat 2026-03-21  * Hari Raya Idul Fitri / Eid al-Fitr
          Sun 2026-03-22  * Hari kedua dari Hari Raya Idul Fitri / Eid al-Fitr Second Day
          Mon 2026-03-23  + Cuti Bersama Hari Raya Idul Fitri / Eid al-Fitr Joint Holiday
          Tue 2026-03-24  + Cuti Bersama Hari Raya Idul Fitri / Eid al-Fitr Joint Holiday
        Jam layanan / Opening hours: Mon–Thu 08:00-15:30; Fri 08:00-16:00; Sat–Sun closed
    """

    year: int
    month: int
    zone: str
    zone_label: str
    hours: str
    days: tuple[DayView, ...]
    periods: tuple[tuple[str, str], ...] = ()

    def _title(self) -> str:
        names_id, names_en = (label("months", lang).split() for lang in ("id", "en"))
        title = f"{names_id[self.month - 1]} {self.year} / {names_en[self.month - 1]} {self.year}"
        zone = f"{self.zone}, {self.zone_label}" if self.zone_label else self.zone
        return f"{title} ({zone})"

    def text(self, today: date | None = None) -> str:
        """The month as a text grid, Monday first; ``today`` is marked ``>17<``."""
        lines = [
            self._title(),
            " " + "   ".join(f"{d:>2}" for d in label("weekdays", "id").split()),
        ]
        cells = ["    "] * self.days[0].day.weekday()
        for view in self.days:
            mark = _MARKS.get(view.kind, " ")
            if view.day == today:
                cells.append(f">{view.day.day:>2}<" if mark == " " else f">{view.day.day:>2}{mark}")
            else:
                cells.append(f" {view.day.day:>2}{mark}")
        for row in range(0, len(cells), 7):
            lines.append(" ".join(cells[row : row + 7]).rstrip())
        used = {v.kind for v in self.days}
        legend = [
            f"{_MARKS[kind]} {label(kind)}"
            for kind in ("national", "cuti_bersama", "closure", "period", "extra")
            if kind in used
        ]
        if today is not None and any(v.day == today for v in self.days):
            legend.append(f"> < {label('today')}")
        if legend:
            lines.append("  ".join(legend))
        off = [v for v in self.days if v.kind in ("national", "cuti_bersama", "closure")]
        if off:
            lines.append(f"{label('days_off')}:")
            for view in off:
                reason = view.reason_id
                if view.reason and view.reason != view.reason_id:
                    reason += f" / {view.reason}"
                lines.append(f"  {view.day:%a %Y-%m-%d}  {_MARKS[view.kind]} {reason}")
        lines.append(f"{label('hours')}: {self.hours}")
        for name, hours in self.periods:
            lines.append(f"  ~ {name}: {hours}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()

    def html(self, today: date | None = None) -> str:
        """The month as an HTML table; each day's title gives its hours or reason.

        Examples:
            >>> from pst_core.calendar import WorkingCalendar
            >>> table = month(WorkingCalendar.pst(), 2026, 3).html()
            >>> table.startswith("<table") and 'title="Hari Suci Nyepi / Day of Silence"' in table
            True
        """
        colours = {
            "national": "#f8d7da",
            "cuti_bersama": "#fde2c8",
            "closure": "#e2d5f0",
            "weekend": "#eeeeee",
            "no_hours": "#eeeeee",
            "period": "#d8ecf8",
            "extra": "#d9f2d9",
        }
        head = "".join(f"<th>{html.escape(d)}</th>" for d in label("weekdays", "id").split())
        cells = ["<td></td>"] * self.days[0].day.weekday()
        for view in self.days:
            if view.windows:
                title = ", ".join(map(str, view.windows))
                if view.reason:
                    title = f"{view.reason}: {title}"
            else:
                title = view.reason_id
                if view.reason and view.reason != view.reason_id:
                    title += f" / {view.reason}"
            style = f"background:{colours[view.kind]};" if view.kind in colours else ""
            if view.day == today:
                style += "font-weight:bold;outline:2px solid #333;"
            cells.append(
                f'<td title="{html.escape(title)}" style="{style}text-align:right;padding:2px 6px">'
                f"{view.day.day}</td>"
            )
        cells += ["<td></td>"] * (-len(cells) % 7)
        rows = "".join(
            "<tr>" + "".join(cells[row : row + 7]) + "</tr>" for row in range(0, len(cells), 7)
        )
        caption = html.escape(self._title())
        return f"<table><caption>{caption}</caption><tr>{head}</tr>{rows}</table>"

    def _repr_html_(self) -> str:
        return self.html()


def month(calendar: WorkingCalendar, year: int, month: int) -> MonthView:
    """The view of one month of ``calendar``.

    Raises:
        InvalidValueError: when ``month`` is not 1 to 12.

    Examples:
        >>> from pst_core.calendar import WorkingCalendar
        >>> [v.kind for v in month(WorkingCalendar.pst(), 2026, 3).days][17:21]
        ['cuti_bersama', 'national', 'cuti_bersama', 'national']
    """
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise InvalidValueError("month", month, "a month number from 1 to 12")
    first = date(year, month, 1)
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    views = tuple(_day_view(calendar, day) for day in _days(first, last))
    periods = tuple(
        (f"{p.name} ({p.start} – {p.end})", p.hours.describe())
        for p in calendar.periods
        if p.start <= last and p.end >= first
    )
    zone = calendar.timezone.key
    from pst_core.calendar.zones import zone_label

    return MonthView(
        year=year,
        month=month,
        zone=zone,
        zone_label=zone_label(zone),
        hours=calendar.hours.describe(),
        days=views,
        periods=periods,
    )
