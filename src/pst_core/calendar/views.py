"""What people ask a calendar in a notebook: working days, days off, a month at a glance.

Every function takes a calendar first; `WorkingCalendar` exposes them as
methods too (`WorkingCalendar.working_days`, `days_off`, `month`). They sit
below the calendar and never import it: they read it through `ViewedCalendar`,
the handful of its answers and fields a view needs.

Examples:
    >>> from pst_core.calendar import WorkingCalendar
    >>> cal = WorkingCalendar.pst()
    >>> len(working_days(cal, date(2026, 3, 1), date(2026, 3, 31)))
    17
    >>> print(month(cal, 2026, 3).describe("id").splitlines()[0])
    Maret 2026 (Asia/Jakarta, WIB)
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from types import MappingProxyType
from typing import Literal, Protocol
from zoneinfo import ZoneInfo

import attrs

from pst_core.calendar._words import say_day
from pst_core.calendar.adjustments import ExtraWorkingDay, HoursPeriod
from pst_core.calendar.deadline import Skipped
from pst_core.calendar.hours import Window, WorkingHours
from pst_core.calendar.zones import zone_label
from pst_core.errors import InvalidValueError, Phrase
from pst_core.i18n import Language, check_language, display_language, text
from pst_core.i18n import month as month_name

__all__ = ["DayKind", "DayView", "MonthView", "ViewedCalendar", "days_off", "month", "working_days"]


class ViewedCalendar(Protocol):
    """What a view reads of a calendar (a `WorkingCalendar`)."""

    @property
    def timezone(self) -> ZoneInfo: ...
    @property
    def hours(self) -> WorkingHours: ...
    @property
    def periods(self) -> tuple[HoursPeriod, ...]: ...
    @property
    def extra_working_days(self) -> tuple[ExtraWorkingDay, ...]: ...
    def is_working_day(self, day: date) -> bool: ...
    def closed_reason(self, day: date) -> Skipped | None: ...
    def windows_on(self, day: date) -> tuple[Window, ...]: ...


DayKind = Literal[
    "working", "period", "extra", "national", "cuti_bersama", "closure", "weekend", "no_hours"
]
"""What a day of a `MonthView` is: working (with the usual or a period's hours, or as an
extra working day), or why it is off."""

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


def _label(key: str, language: Language) -> str:
    return text(f"calendar.view.{key}", language)


def _kind(kind: str, language: Language) -> str:
    return text(f"calendar.kind.{kind}", language)


def _check_range(first: date, last: date) -> None:
    if last < first:
        raise InvalidValueError(
            "last", last, Phrase("calendar.error.date_on_or_after_first", first=first)
        )


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def working_days(calendar: ViewedCalendar, first: date, last: date) -> tuple[date, ...]:
    """The working days from ``first`` to ``last`` inclusive.

    Examples:
        >>> from pst_core.calendar import WorkingCalendar
        >>> days = working_days(WorkingCalendar.pst(), date(2026, 3, 16), date(2026, 3, 22))
        >>> [d.day for d in days]
        [16, 17]
    """
    _check_range(first, last)
    return tuple(day for day in _days(first, last) if calendar.is_working_day(day))


def days_off(calendar: ViewedCalendar, first: date, last: date) -> tuple[Skipped, ...]:
    """The days from ``first`` to ``last`` inclusive that are not working days, with why.

    Examples:
        >>> from pst_core.calendar import WorkingCalendar
        >>> for off in days_off(WorkingCalendar.pst(), date(2026, 3, 18), date(2026, 3, 20)):
        ...     print(off.kind, off.reason)
        cuti_bersama Cuti Bersama Hari Suci Nyepi
        national Hari Suci Nyepi
        cuti_bersama Cuti Bersama Hari Raya Idul Fitri
    """
    _check_range(first, last)
    found = (calendar.closed_reason(day) for day in _days(first, last))
    return tuple(off for off in found if off is not None)


@attrs.frozen
class DayView:
    """One day of a `MonthView`.

    Attributes:
        day: The date.
        kind: ``"working"``, ``"period"`` (working, other hours), ``"extra"``
            (an extra working day), or why it is off: ``"national"``,
            ``"cuti_bersama"``, ``"closure"``, ``"weekend"``, ``"no_hours"``.
        windows: The open windows (empty on a day off).
        reason: The reason in Indonesian (a holiday's or period's name; empty on a plain day).
        reason_en: The reason in English (empty when only one text is known).
    """

    day: date
    kind: DayKind
    windows: tuple[Window, ...]
    reason: str = ""
    reason_en: str = ""

    def describe(self, language: Language = "en") -> str:
        """The day's reason (or its hours) in ``language``."""
        why = self.reason if check_language(language) == "id" else self.reason_en or self.reason
        if self.windows:
            hours = ", ".join(map(str, self.windows))
            return f"{why}: {hours}" if why else hours
        return why or _kind(self.kind, language)


def _day_view(calendar: ViewedCalendar, day: date) -> DayView:
    off = calendar.closed_reason(day)
    if off is not None:
        return DayView(day, off.kind, (), off.reason, off.reason_en)
    windows = calendar.windows_on(day)
    for extra in calendar.extra_working_days:
        if extra.day == day:
            return DayView(day, "extra", windows, extra.reason)
    for period in calendar.periods:
        if period.covers(day):
            return DayView(day, "period", windows, period.name)
    return DayView(day, "working", windows)


_COLOURS: Mapping[str, str] = MappingProxyType(
    {
        "national": "#f8d7da",
        "cuti_bersama": "#fde2c8",
        "closure": "#e2d5f0",
        "weekend": "#eeeeee",
        "no_hours": "#eeeeee",
        "period": "#d8ecf8",
        "extra": "#d9f2d9",
    }
)
_OFF = ("national", "cuti_bersama", "closure")


@attrs.frozen
class MonthView:
    """A month of a calendar: each day's kind, hours and reason, as text or HTML.

    In a notebook the view shows itself as an HTML grid with the month's days
    off; ``describe(language)`` gives a text grid like ``cal``, with a mark after
    each day and the month's days off and special hours listed below.

    Attributes:
        year: The year.
        month: The month (1-12).
        zone: The calendar's zone name.
        zone_label: WIB, WITA or WIT (empty outside Indonesia's zones).
        hours: The calendar's weekly hours.
        days: One `DayView` per day of the month.
        periods: The periods with other hours that touch the month:
            name, first day, last day and hours.

    Examples:
        >>> from pst_core.calendar import WorkingCalendar
        >>> view = month(WorkingCalendar.pst(), 2026, 3)
        >>> view
        MonthView(2026-03, Asia/Jakarta, 17 working days, 7 days off)
        >>> print(view.describe("id", today=date(2026, 3, 17)))
        Maret 2026 (Asia/Jakarta, WIB)
        Sen  Sel  Rab  Kam  Jum  Sab  Min
                                        1
          2    3    4    5    6    7    8
          9   10   11   12   13   14   15
         16  >17<  18+  19*  20+  21*  22*
         23+  24+  25   26   27   28   29
         30   31
        * libur nasional  + cuti bersama  > < hari ini
        Hari libur:
          Rabu, 18 Maret 2026  + Cuti Bersama Hari Suci Nyepi
          Kamis, 19 Maret 2026  * Hari Suci Nyepi
          Jumat, 20 Maret 2026  + Cuti Bersama Hari Raya Idul Fitri
          Sabtu, 21 Maret 2026  * Hari Raya Idul Fitri
          Minggu, 22 Maret 2026  * Hari kedua dari Hari Raya Idul Fitri
          Senin, 23 Maret 2026  + Cuti Bersama Hari Raya Idul Fitri
          Selasa, 24 Maret 2026  + Cuti Bersama Hari Raya Idul Fitri
        Jam layanan: Sen–Kam 08.00-15.30; Jum 08.00-16.00; Sab–Min tutup
    """

    year: int
    month: int
    zone: str
    zone_label: str
    hours: WorkingHours
    days: tuple[DayView, ...]
    periods: tuple[tuple[str, date, date, WorkingHours], ...] = ()

    def __repr__(self) -> str:
        working = sum(1 for v in self.days if v.windows)
        return (
            f"MonthView({self.year}-{self.month:02d}, {self.zone}, {working} working days, "
            f"{sum(1 for v in self.days if v.kind in _OFF)} days off)"
        )

    def _title(self, language: Language) -> str:
        zone = f"{self.zone}, {self.zone_label}" if self.zone_label else self.zone
        return f"{month_name(self.month, language)} {self.year} ({zone})"

    def describe(self, language: Language = "en", *, today: date | None = None) -> str:
        """The month as a text grid in ``language``, Monday first; ``today`` is marked ``>17<``."""
        check_language(language)
        lines = [
            self._title(language),
            "  ".join(f"{d:>3}" for d in _label("weekdays", language).split()),
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
            f"{_MARKS[kind]} {_kind(kind, language)}"
            for kind in ("national", "cuti_bersama", "closure", "period", "extra")
            if kind in used
        ]
        if today is not None and any(v.day == today for v in self.days):
            legend.append(f"> < {_label('today', language)}")
        if legend:
            lines.append("  ".join(legend))
        off = [v for v in self.days if v.kind in _OFF]
        if off:
            lines.append(f"{_label('days_off', language)}:")
            for view in off:
                said = f"{say_day(view.day, language)}  {_MARKS[view.kind]}"
                lines.append(f"  {said} {view.describe(language)}")
        lines.append(f"{_label('hours', language)}: {self.hours.describe(language)}")
        for name, start, end, hours in self.periods:
            lines.append(f"  ~ {name} ({start} – {end}): {hours.describe(language)}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.describe()

    def to_data(self) -> dict[str, object]:
        """The month as JSON-ready data (what ``pst-core calendar --json`` prints).

        A stable shape: ``year``, ``month``, ``timezone``, ``zone_label``,
        ``hours`` (the weekly hours as in a calendar file), ``days`` (each with
        ``day``, ``kind``, ``working``, ``windows`` such as ``"08:00-15:30"``,
        ``reason`` and ``reason_en``) and ``periods`` (``name``, ``first``,
        ``last``, ``hours``).

        Example:
            >>> from pst_core.calendar import WorkingCalendar
            >>> data = month(WorkingCalendar.pst(), 2026, 3).to_data()
            >>> nyepi = next(d for d in data["days"] if d["day"] == "2026-03-19")
            >>> nyepi["kind"], nyepi["working"], nyepi["reason_en"]
            ('national', False, 'Day of Silence')
        """
        return {
            "year": self.year,
            "month": self.month,
            "timezone": self.zone,
            "zone_label": self.zone_label,
            "hours": self.hours.to_data(),
            "days": [
                {
                    "day": v.day.isoformat(),
                    "kind": v.kind,
                    "working": bool(v.windows),
                    "windows": [str(w) for w in v.windows],
                    "reason": v.reason,
                    "reason_en": v.reason_en or v.reason,
                }
                for v in self.days
            ],
            "periods": [
                {
                    "name": name,
                    "first": first.isoformat(),
                    "last": last.isoformat(),
                    "hours": hours.to_data(),
                }
                for name, first, last, hours in self.periods
            ],
        }

    def html(self, language: Language = "en", *, today: date | None = None) -> str:
        """The month as an HTML table; each day's title gives its hours or reason.

        Examples:
            >>> from pst_core.calendar import WorkingCalendar
            >>> table = month(WorkingCalendar.pst(), 2026, 3).html("id")
            >>> table.startswith("<table") and 'title="Hari Suci Nyepi"' in table
            True
        """
        from html import escape  # late: importing the calendar stays cheap

        check_language(language)
        head = "".join(f"<th>{escape(d)}</th>" for d in _label("weekdays", language).split())
        cells = ["<td></td>"] * self.days[0].day.weekday()
        for view in self.days:
            style = f"background:{_COLOURS[view.kind]};" if view.kind in _COLOURS else ""
            if view.day == today:
                style += "font-weight:bold;outline:2px solid #333;"
            title = escape(view.describe(language))
            cells.append(
                f'<td title="{title}" style="{style}text-align:right;padding:2px 6px">'
                f"{view.day.day}</td>"
            )
        cells += ["<td></td>"] * (-len(cells) % 7)
        rows = "".join(
            "<tr>" + "".join(cells[row : row + 7]) + "</tr>" for row in range(0, len(cells), 7)
        )
        caption = escape(self._title(language))
        return f"<table><caption>{caption}</caption><tr>{head}</tr>{rows}</table>"

    def to_html(self, language: Language | None = None, *, today: date | None = None) -> str:
        """What a notebook shows, as HTML in ``language`` (default: the display language,
        `pst_core.i18n.display_language`): the grid under the month's one title, a
        legend of the colours used, the days off and the hours.

        Examples:
            >>> from pst_core.calendar import WorkingCalendar
            >>> shown = month(WorkingCalendar.pst(), 2026, 3).to_html("id")
            >>> shown.count("Maret 2026 (Asia/Jakarta, WIB)"), "libur nasional" in shown
            (1, True)
        """
        from pst_core._display import html_table, html_text

        said = display_language() if language is None else check_language(language)
        parts = [self.html(said, today=today), self._legend(said)]
        off = [v for v in self.days if v.kind in _OFF]
        if off:
            headers = [text(f"calendar.column.{c}", said) for c in ("day", "reason", "kind")]
            rows = [[say_day(v.day, said), v.describe(said), _kind(v.kind, said)] for v in off]
            parts.append(html_table(headers, rows, caption=_label("days_off", said)))
        hours = [f"{_label('hours', said)}: {self.hours.describe(said)}"]
        hours += [f"{name} ({a} – {b}): {h.describe(said)}" for name, a, b, h in self.periods]
        parts.append(html_text(hours))
        return "<div>" + "".join(parts) + "</div>"

    def _legend(self, language: Language) -> str:
        """The colours of the kinds of day the month has, each named."""
        from html import escape

        used = [k for k in _COLOURS if k != "no_hours" and any(v.kind == k for v in self.days)]
        swatches = "".join(
            f'<span style="background:{_COLOURS[k]};padding:0 6px;margin-right:8px">'
            f"{escape(_kind(k, language))}</span>"
            for k in used
        )
        return f'<p class="legend">{swatches}</p>' if swatches else ""

    def _repr_html_(self) -> str:
        return self.to_html()


def month(calendar: ViewedCalendar, year: int, month: int) -> MonthView:
    """The view of one month of ``calendar``.

    Raises:
        InvalidValueError: when ``month`` is not 1 to 12.

    Examples:
        >>> from pst_core.calendar import WorkingCalendar
        >>> [v.kind for v in month(WorkingCalendar.pst(), 2026, 3).days][17:21]
        ['cuti_bersama', 'national', 'cuti_bersama', 'national']
    """
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise InvalidValueError("month", month, Phrase("calendar.error.month_number"))
    first = date(year, month, 1)
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    views = tuple(_day_view(calendar, day) for day in _days(first, last))
    periods = tuple(
        (p.name, p.start, p.end, p.hours)
        for p in calendar.periods
        if p.start <= last and p.end >= first
    )
    zone = calendar.timezone.key
    return MonthView(
        year=year,
        month=month,
        zone=zone,
        zone_label=zone_label(zone),
        hours=calendar.hours,
        days=views,
        periods=periods,
    )
