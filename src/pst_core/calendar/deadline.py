"""What a deadline query answers: when it is due, the days off passed over, and why it may move.

`Deadline` is the result of `WorkingCalendar.deadline`: the due instant with
everything a person needs to trust it; `LatestStart`, of `WorkingCalendar.latest_start`,
is the same question backwards (by when must it start, or be received, to be due in
time). `Skipped` is one day off with its reason (also what
`WorkingCalendar.closed_reason` and `days_off` give), `Provisional` one reason the
answer may still move. Each says itself in Indonesian or English with ``describe(language)``.

This module sits below the calendar and its query engine: it knows a calendar
only through `DeadlineCalendar`, the few facts a `Deadline` reads to explain
itself, so the engine can build a `Deadline` without this module importing it back.

Examples:
    >>> off = Skipped(date(2026, 3, 21), "Hari Raya Idul Fitri", "national", "Eid al-Fitr")
    >>> print(off.describe("id"))
    Sabtu, 21 Maret 2026: Hari Raya Idul Fitri (libur nasional)
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal, Protocol
from zoneinfo import ZoneInfo

import attrs

from pst_core.calendar._words import say_day, say_moment, say_zone
from pst_core.calendar.durations import (
    CalendarDays,
    CalendarMonths,
    Duration,
    WorkingDays,
    WorkingTime,
)
from pst_core.calendar.hours import WorkingHours
from pst_core.i18n import Language, check_language, display_language, text

__all__ = [
    "Deadline",
    "DeadlineCalendar",
    "LatestStart",
    "Provisional",
    "ProvisionalKind",
    "SkipKind",
    "Skipped",
]

SkipKind = Literal["weekend", "national", "cuti_bersama", "closure", "no_hours"]
"""Why a day is not a working day (`Skipped.kind`)."""


@attrs.frozen
class Skipped:
    """A non-working day a deadline passed over, and why.

    Attributes:
        day: The local date.
        reason: Why, in Indonesian: *akhir pekan*, the holiday's Indonesian name
            (from the ``holidays`` package's Indonesian localisation), or the closure's reason.
        kind: ``"weekend"``, ``"national"``, ``"cuti_bersama"``, ``"closure"`` or ``"no_hours"``.
        reason_en: Why, in English (empty when only one text is known, e.g. a closure).

    Examples:
        >>> off = Skipped(date(2026, 3, 21), "Hari Raya Idul Fitri", "national", "Eid al-Fitr")
        >>> off.describe("id")
        'Sabtu, 21 Maret 2026: Hari Raya Idul Fitri (libur nasional)'
        >>> print(off)
        Saturday 21 March 2026: Eid al-Fitr (national holiday)
    """

    day: date
    reason: str
    kind: SkipKind
    reason_en: str = ""

    def describe(self, language: Language = "en") -> str:
        """The day and why it is off, in ``language`` (the kind is named unless the reason does)."""
        why = self.reason if check_language(language) == "id" else self.reason_en or self.reason
        kind = text(f"calendar.kind.{self.kind}", language)
        if kind.lower() not in why.lower():
            why = f"{why} ({kind})"
        return text("calendar.skipped", language, day=say_day(self.day, language), reason=why)

    def __str__(self) -> str:
        return self.describe("en")

    def to_data(self) -> dict[str, str]:
        """The day as JSON-ready data: ``day`` (ISO date), ``kind``, ``reason``, ``reason_en``.

        Example:
            >>> Skipped(date(2026, 3, 21), "Hari Raya Idul Fitri", "national").to_data()["day"]
            '2026-03-21'
        """
        return {
            "day": self.day.isoformat(),
            "kind": self.kind,
            "reason": self.reason,
            "reason_en": self.reason_en or self.reason,
        }


ProvisionalKind = Literal["estimated", "undecreed"]
"""Why a deadline may still move: an estimated holiday, or a year without a decree."""


@attrs.frozen
class Provisional:
    """Why a deadline may still move (`Deadline.reasons`).

    Attributes:
        kind: ``"estimated"`` (a holiday whose date is only computed) or
            ``"undecreed"`` (a year whose cuti bersama decree is not in the data).
        year: The year concerned.
        day: The estimated holiday's date (``None`` for ``"undecreed"``).
        name: The estimated holiday's Indonesian name.
        name_en: Its English name.
        version: The ``holidays`` package version the data came from.

    Examples:
        >>> Provisional("undecreed", 2028, version="0.1").describe("id")
        'SKB cuti bersama 2028 belum ada dalam data hari libur (holidays 0.1)'
    """

    kind: ProvisionalKind
    year: int
    day: date | None = None
    name: str = ""
    name_en: str = ""
    version: str = ""

    def describe(self, language: Language = "en") -> str:
        """The reason in ``language``."""
        if self.kind == "undecreed" or self.day is None:
            return text(
                "calendar.provisional.undecreed", language, year=self.year, version=self.version
            )
        name = self.name if check_language(language) == "id" else self.name_en or self.name
        said = say_day(self.day, language)
        return text("calendar.provisional.estimated", language, name=name, day=said)

    def __str__(self) -> str:
        return self.describe("en")

    def to_data(self) -> dict[str, str | int | None]:
        """The reason as JSON-ready data: ``kind``, ``year``, ``day`` (ISO date or ``None``),
        ``name``, ``name_en``, ``version``.

        Example:
            >>> Provisional("undecreed", 2028, version="0.1").to_data()["day"] is None
            True
        """
        return {
            "kind": self.kind,
            "year": self.year,
            "day": None if self.day is None else self.day.isoformat(),
            "name": self.name,
            "name_en": self.name_en or self.name,
            "version": self.version,
        }


class DeadlineCalendar(Protocol):
    """What a `Deadline` reads from the calendar that computed it (a `WorkingCalendar`)."""

    @property
    def name(self) -> str:
        """The unit whose calendar it is (may be empty)."""

    @property
    def timezone(self) -> ZoneInfo:
        """The calendar's zone."""

    @property
    def hours(self) -> WorkingHours:
        """The weekly opening hours."""

    def closed_reason(self, day: date) -> Skipped | None:
        """Why ``day`` is not a working day, or ``None``."""


# Not slotted: a frozen dict class is built with plain dict stores, twice as fast (a hot path).
@attrs.frozen(repr=False, slots=False)
class Deadline:
    """When something is due, and why then.

    `describe` says it to a person, in Indonesian or English: the due instant,
    the calendar used (unit, zone, weekly hours), how the duration counts (the
    day of receipt never counts), whether it may still move, and the days off
    passed over. ``pst-core deadline`` prints exactly that text.

    Attributes:
        start: The instant the clock started, in the calendar's zone.
        duration: The duration that was added.
        due: The due instant, in the calendar's zone.
        provisional: True when the answer may still move: it depends on a holiday
            whose date is only estimated, or on a year whose cuti bersama decree is
            not in the data yet.
        reasons: Why it is provisional (empty when it is not), each a `Provisional`.
        skipped: Every non-working day passed over between start and due.
        sources: Where the calendar's own data came from, when it matters: the
            calendar file, then the decrees of its decreed days the answer used.
        calendar: The calendar that computed it (not compared; ``None`` when unknown).

    Examples:
        >>> from pst_core.calendar import WorkingCalendar
        >>> cal = WorkingCalendar.pst()
        >>> d = cal.deadline(datetime(2026, 11, 26, 15, 25, tzinfo=ZoneInfo("Asia/Jakarta")),
        ...                  WorkingTime(minutes=10))
        >>> d
        Deadline(due='2026-11-27T08:05:00+07:00', duration=WorkingTime(minutes=10), ...)
        >>> print(d.describe("id").splitlines()[0])
        Tenggat Jumat, 27 November 2026 pukul 08.05 WIB: 10 menit sejak Kamis, ...
    """

    start: datetime
    duration: Duration
    due: datetime
    # Why it may move, then what it passed over: positional order is the engine's (a hot path).
    provisional: bool
    reasons: tuple[Provisional, ...]
    skipped: tuple[Skipped, ...]
    sources: tuple[str, ...] = ()
    calendar: DeadlineCalendar | None = attrs.field(default=None, eq=False)

    def __repr__(self) -> str:
        return (
            f"Deadline(due={self.due.isoformat()!r}, duration={self.duration!r}, "
            f"provisional={self.provisional}, skipped={len(self.skipped)})"
        )

    @property
    def closed_on_due(self) -> Skipped | None:
        """Why the office is closed on the due date, when it is (else ``None``).

        Only calendar durations can fall on a closed day: they are wall-clock
        arithmetic (``"7 hari"`` is seven days later, open or not) and are not moved.

        Examples:
            >>> from pst_core.calendar import WorkingCalendar
            >>> start = datetime(2026, 3, 13, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> print(WorkingCalendar.pst().deadline(start, CalendarDays(7)).closed_on_due)
            Friday 20 March 2026: Eid al-Fitr Joint Holiday (collective leave)
        """
        if self.calendar is None or self.duration.__class__ not in (CalendarDays, CalendarMonths):
            return None
        return self.calendar.closed_reason(self.due.date())

    def to_data(self) -> dict[str, object]:
        """The deadline as JSON-ready data (what ``pst-core deadline --json`` prints).

        A stable shape: ``start`` and ``due`` (ISO 8601 instants with their offset),
        ``timezone`` (IANA name), ``duration`` (``kind``: ``working_days``,
        ``working_time``, ``calendar_days`` or ``calendar_months``; ``text`` and
        ``text_id``), ``provisional`` (bool), ``reasons`` (`Provisional.to_data`
        each), ``skipped`` (`Skipped.to_data` each) and ``sources`` (strings).

        Example:
            >>> from pst_core.calendar import WorkingCalendar
            >>> start = datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> data = WorkingCalendar.pst().deadline(start, WorkingDays(3)).to_data()
            >>> data["due"], data["provisional"], len(data["skipped"])
            ('2026-03-27T16:00:00+07:00', False, 7)
        """
        return {
            "start": self.start.isoformat(),
            "due": self.due.isoformat(),
            "timezone": _zone_name(self.due),
            "duration": _duration_data(self.duration),
            "provisional": self.provisional,
            "reasons": [reason.to_data() for reason in self.reasons],
            "skipped": [day.to_data() for day in self.skipped],
            "sources": list(self.sources),
        }

    def _lines(self, language: Language) -> list[str]:
        lines = [
            text(
                "calendar.deadline.due",
                language,
                due=say_moment(self.due, language),
                duration=self.duration.describe(language),
                start=say_moment(self.start, language),
            )
        ]
        if self.calendar is not None:
            lines.append(_say_calendar(self.calendar, language))
        kind = self.duration.__class__
        if kind is WorkingDays:
            n = self.duration.n  # type: ignore[union-attr]
            lines.append(text("calendar.deadline.counting.working_days", language, n=n))
        elif kind is WorkingTime:
            lines.append(text("calendar.deadline.counting.working_time", language))
        else:
            lines.append(text("calendar.deadline.counting.calendar", language))
        closed = self.closed_on_due
        if closed is not None:
            said = closed.describe(language)
            lines.append(text("calendar.deadline.closed_on_due", language, day=said))
        if self.reasons:
            lines.append(text("calendar.deadline.provisional", language))
            lines += [f"  - {reason.describe(language)}" for reason in self.reasons]
        else:
            lines.append(text("calendar.deadline.final", language))
        return lines

    def describe(self, language: Language = "en") -> str:
        """The deadline said to a person, in ``language`` (what ``pst-core deadline`` prints).

        Examples:
            >>> from pst_core.calendar import WorkingCalendar
            >>> start = datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> print(WorkingCalendar.pst().deadline(start, WorkingDays(3)).describe())
            Due Friday 27 March 2026, 16:00 WIB: 3 working days from Tuesday 17 March 2026, ...
            Calendar: WIB, 38 hours a week (Mon–Thu 08:00-15:30; Fri 08:00-16:00; ...).
            The day of receipt does not count: due at the close of working day 3 after it.
            Final: no estimated holiday or missing decree affects it.
            Days off passed over (7):
              - Wednesday 18 March 2026: Day of Silence Joint Holiday (collective leave)
              - Thursday 19 March 2026: Day of Silence (national holiday)
            ...
        """
        check_language(language)
        lines = self._lines(language)
        if self.skipped:
            lines.append(text("calendar.deadline.skipped", language, count=len(self.skipped)))
            lines += [f"  - {day.describe(language)}" for day in self.skipped]
        elif self.duration.__class__ in (WorkingDays, WorkingTime):
            lines.append(text("calendar.deadline.none_skipped", language))
        if self.sources:
            said = "; ".join(self.sources)
            lines.append(text("calendar.deadline.sources", language, sources=said))
        return "\n".join(lines)

    def to_html(self, language: Language | None = None) -> str:
        """What a notebook shows, as HTML in ``language`` (default: the display language,
        `pst_core.i18n.display_language`): the answer, then the days off passed over.

        Examples:
            >>> from pst_core.calendar import WorkingCalendar
            >>> start = datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> shown = WorkingCalendar.pst().deadline(start, WorkingDays(3)).to_html("id")
            >>> "Tenggat Jumat, 27 Maret 2026" in shown, "Hari Suci Nyepi" in shown
            (True, True)
        """
        from pst_core._display import html_block, html_table

        said = display_language() if language is None else check_language(language)
        tables: tuple[str, ...] = ()
        if self.skipped:
            headers = [text(f"calendar.column.{c}", said) for c in ("day", "reason", "kind")]
            rows = [
                [
                    say_day(s.day, said),
                    s.reason if said == "id" else s.reason_en or s.reason,
                    text(f"calendar.kind.{s.kind}", said),
                ]
                for s in self.skipped
            ]
            caption = text("calendar.deadline.skipped", said, count=len(self.skipped))
            tables = (html_table(headers, rows, caption=caption.rstrip(":")),)
        if self.sources:
            head = [text("calendar.column.source", said)]
            tables += (html_table(head, [[s] for s in self.sources]),)
        return html_block(text("calendar.deadline.title", said), self._lines(said), *tables)

    def _repr_html_(self) -> str:
        return self.to_html()


# Not slotted, as Deadline: the engine builds it positionally on a hot path.
@attrs.frozen(repr=False, slots=False)
class LatestStart:
    """The latest instant from which a duration still ends by a deadline, and why.

    The answer of `WorkingCalendar.latest_start`, explained as a `Deadline` is:

    * `WorkingTime`: ``latest`` is the exact last instant to start; starting then,
      the open time runs out by ``due``, and starting any later it does not.
    * `WorkingDays`: ``latest`` is the last instant of the last day of receipt whose
      deadline is still by ``due`` (the day of receipt never counts, so it may be a
      day off); received a day later, the deadline falls after ``due``.

    Attributes:
        latest: The latest start (or receipt), in the calendar's zone.
        duration: The duration that must fit.
        due: The deadline it must end by, in the calendar's zone.
        provisional: True when the answer may still move (an estimated holiday or a
            year without its cuti bersama decree between ``latest`` and ``due``).
        reasons: Why it is provisional, each a `Provisional`.
        skipped: Every non-working day between ``latest`` and ``due``.
        sources: Where the calendar's own data came from, when it matters.
        calendar: The calendar that computed it (not compared; ``None`` when unknown).

    Examples:
        >>> from pst_core.calendar import WorkingCalendar
        >>> wib = ZoneInfo("Asia/Jakarta")
        >>> answer = WorkingCalendar.pst().latest_start(
        ...     datetime(2026, 3, 27, 16, 0, tzinfo=wib), WorkingDays(3))
        >>> answer.latest.isoformat()  # a day of cuti bersama, then three working days
        '2026-03-24T23:59:59.999999+07:00'
        >>> print(answer.describe("id").splitlines()[0])
        Diterima paling lambat Selasa, 24 Maret 2026: tenggat 3 hari kerja sejak hari itu ...
    """

    latest: datetime
    duration: Duration
    due: datetime
    provisional: bool
    reasons: tuple[Provisional, ...]
    skipped: tuple[Skipped, ...]
    sources: tuple[str, ...] = ()
    calendar: DeadlineCalendar | None = attrs.field(default=None, eq=False)

    def __repr__(self) -> str:
        return (
            f"LatestStart(latest={self.latest.isoformat()!r}, duration={self.duration!r}, "
            f"due={self.due.isoformat()!r}, provisional={self.provisional})"
        )

    def to_data(self) -> dict[str, object]:
        """The answer as JSON-ready data (what ``pst-core latest-start --json`` prints).

        The shape of `Deadline.to_data` with ``latest`` in place of ``start``:
        ``latest``, ``due``, ``timezone``, ``duration``, ``provisional``,
        ``reasons``, ``skipped``, ``sources``.

        Example:
            >>> from pst_core.calendar import WorkingCalendar
            >>> due = datetime(2026, 11, 27, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> WorkingCalendar.pst().latest_start(due, WorkingTime(90)).to_data()["latest"]
            '2026-11-26T15:00:00+07:00'
        """
        return {
            "latest": self.latest.isoformat(),
            "due": self.due.isoformat(),
            "timezone": _zone_name(self.due),
            "duration": _duration_data(self.duration),
            "provisional": self.provisional,
            "reasons": [reason.to_data() for reason in self.reasons],
            "skipped": [day.to_data() for day in self.skipped],
            "sources": list(self.sources),
        }

    def describe(self, language: Language = "en") -> str:
        """The answer said to a person, in ``language`` (what ``pst-core latest-start`` prints).

        Examples:
            >>> from pst_core.calendar import WorkingCalendar
            >>> due = datetime(2026, 11, 27, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> print(WorkingCalendar.pst().latest_start(due, WorkingTime(90)).describe())
            Start by Thursday 26 November 2026, 15:00 WIB: 1 hour 30 minutes ends by Friday ...
            Calendar: WIB, 38 hours a week (Mon–Thu 08:00-15:30; Fri 08:00-16:00; ...).
            Working time counts back from the deadline, only during opening hours.
            Final: no estimated holiday or missing decree affects it.
            No day off passed over.
        """
        check_language(language)
        lines = self._lines(language)
        if self.skipped:
            lines.append(text("calendar.deadline.skipped", language, count=len(self.skipped)))
            lines += [f"  - {day.describe(language)}" for day in self.skipped]
        else:
            lines.append(text("calendar.deadline.none_skipped", language))
        if self.sources:
            said = "; ".join(self.sources)
            lines.append(text("calendar.deadline.sources", language, sources=said))
        return "\n".join(lines)

    def _lines(self, language: Language) -> list[str]:
        said = self.duration.describe(language)
        due = say_moment(self.due, language)
        if self.duration.__class__ is WorkingDays:
            day = say_day(self.latest.date(), language)
            lines = [text("calendar.latest.by_day", language, day=day, duration=said, due=due)]
        else:
            latest = say_moment(self.latest, language)
            lines = [text("calendar.latest.at", language, latest=latest, duration=said, due=due)]
        if self.calendar is not None:
            lines.append(_say_calendar(self.calendar, language))
        kind = "working_days" if self.duration.__class__ is WorkingDays else "working_time"
        lines.append(text(f"calendar.latest.counting.{kind}", language))
        if self.reasons:
            lines.append(text("calendar.latest.provisional", language))
            lines += [f"  - {reason.describe(language)}" for reason in self.reasons]
        else:
            lines.append(text("calendar.deadline.final", language))
        return lines

    def __str__(self) -> str:
        return self.describe("en")

    def to_html(self, language: Language | None = None) -> str:
        """What a notebook shows, as HTML in ``language`` (default: the display language,
        `pst_core.i18n.display_language`): the answer, then the days off in between.

        Examples:
            >>> from pst_core.calendar import WorkingCalendar
            >>> due = datetime(2026, 3, 27, 16, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> shown = WorkingCalendar.pst().latest_start(due, WorkingDays(3)).to_html("id")
            >>> "Diterima paling lambat Selasa, 24 Maret 2026" in shown
            True
        """
        from pst_core._display import html_block, html_table

        said = display_language() if language is None else check_language(language)
        tables: tuple[str, ...] = ()
        if self.skipped:
            headers = [text(f"calendar.column.{c}", said) for c in ("day", "reason", "kind")]
            rows = [
                [
                    say_day(s.day, said),
                    s.reason if said == "id" else s.reason_en or s.reason,
                    text(f"calendar.kind.{s.kind}", said),
                ]
                for s in self.skipped
            ]
            caption = text("calendar.deadline.skipped", said, count=len(self.skipped))
            tables = (html_table(headers, rows, caption=caption.rstrip(":")),)
        if self.sources:
            head = [text("calendar.column.source", said)]
            tables += (html_table(head, [[s] for s in self.sources]),)
        return html_block(text("calendar.latest.title", said), self._lines(said), *tables)

    def _repr_html_(self) -> str:
        return self.to_html()


def _zone_name(moment: datetime) -> str:
    """The IANA name of an instant's zone (its ``tzinfo`` said as text otherwise)."""
    zone = moment.tzinfo
    return zone.key if isinstance(zone, ZoneInfo) else str(zone)


def _duration_data(duration: Duration) -> dict[str, str]:
    """A duration as data: its ``kind``, and its ``text`` in English and ``text_id``."""
    kinds = {
        WorkingDays: "working_days",
        WorkingTime: "working_time",
        CalendarDays: "calendar_days",
        CalendarMonths: "calendar_months",
    }
    return {
        "kind": kinds[duration.__class__],
        "text": duration.describe("en"),
        "text_id": duration.describe("id"),
    }


def _say_calendar(calendar: DeadlineCalendar, language: Language) -> str:
    """Which calendar: the unit's name, the zone (WIB/WITA/WIT) and the weekly hours."""
    zone = say_zone(calendar.timezone)
    where = f"{calendar.name}, {zone}" if calendar.name else zone
    return text(
        "calendar.deadline.calendar",
        language,
        calendar=where,
        weekly=WorkingTime(calendar.hours.weekly_minutes).describe(language),
        hours=calendar.hours.describe(language),
    )
