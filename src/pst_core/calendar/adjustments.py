"""An office's own departures from the weekly hours: closures, extra working days, other hours.

A `WorkingCalendar` holds these besides its weekly `WorkingHours` and the
national holidays: `Closure` (days closed for a local reason), `ExtraWorkingDay`
(a day that opens although it normally would not) and `HoursPeriod` (dated
days with other hours, such as Ramadan). Each is a small frozen value checked
on construction; which one wins on a given day is the calendar's rule (an extra
working day outranks a closure, a closure outranks a holiday).

They sit below the calendar and its file form, so `pst_core.calendar.files` can
build them from a file without importing the calendar. A closure in a file that
closes no working day (every day it covers is off anyway) loads, with a
`CalendarFileWarning`: the warning lives here, beside what it is about, so that
it can be imported without the file loader.

Examples:
    >>> Closure(date(2026, 4, 20), date(2026, 4, 21), "Office relocation").days
    2
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from pst_core._validation import instance_of, one_line_text, plain_date, saveable_text, tuple_of
from pst_core.calendar.hours import Window, WorkingHours
from pst_core.errors import InvalidValueError, Phrase
from pst_core.i18n import Language

__all__ = ["CalendarFileWarning", "Closure", "ExtraWorkingDay", "HoursPeriod"]


def _check_range(instance: Any, attribute: attrs.Attribute[Any], end: date) -> None:
    if end < instance.start:
        raise InvalidValueError(
            f"{type(instance).__name__}.end",
            end,
            Phrase("calendar.error.date_on_or_after_start", start=instance.start),
        )


class CalendarFileWarning(UserWarning):
    """A calendar file that loads but says something that is probably a mistake.

    A warning, not an error: the calendar is built as written (a closure that
    closes no working day, because every day it covers is off anyway). Its words
    are a `Phrase`: ``str()`` is English, `describe` says it in either language.

    Examples:
        >>> said = Phrase("calendar.warning.first_day_off", day="Sabtu")
        >>> warning = CalendarFileWarning(Phrase(
        ...     "calendar.warning.idle_closure", file="kantor.toml", index=0, reason="Rapat",
        ...     days=said))
        >>> print(warning.describe("id"))
        kantor.toml: closures[0] (Rapat) tidak menutup satu pun hari kerja: Sabtu
    """

    def __init__(self, phrase: Phrase) -> None:
        super().__init__(phrase.say("en"))
        self.phrase = phrase

    def describe(self, language: Language = "en") -> str:
        """The warning in ``language`` (``"id"`` or ``"en"``)."""
        return self.phrase.say(language)


@attrs.frozen
class Closure:
    """Days the office is closed besides national holidays: regional holidays, office events.

    ``start`` and ``end`` are inclusive local dates.

    Examples:
        >>> Closure(date(2026, 4, 20), date(2026, 4, 21), "Office relocation").days
        2
    """

    start: date = attrs.field(validator=plain_date)
    end: date = attrs.field(validator=[plain_date, _check_range])
    reason: str = attrs.field(validator=one_line_text)

    @classmethod
    def on(cls, day: date, reason: str) -> Closure:
        """A one-day closure."""
        return cls(day, day, reason)

    @property
    def days(self) -> int:
        """Number of calendar days closed."""
        return (self.end - self.start).days + 1

    def covers(self, day: date) -> bool:
        """Whether ``day`` falls in the closure."""
        return self.start <= day <= self.end


@attrs.frozen
class ExtraWorkingDay:
    """A day the desk opens although it normally would not (a Saturday service day).

    It overrides weekends, holidays and closures. ``windows`` default to the
    hours of the same weekday; a day whose weekday has no hours (a Saturday on
    the PST hours) must give its own, or the calendar refuses it: pst_core does
    not guess a desk's hours.
    """

    day: date = attrs.field(validator=plain_date)
    reason: str = attrs.field(validator=one_line_text)
    windows: tuple[Window, ...] = attrs.field(default=(), validator=tuple_of(Window))

    def __attrs_post_init__(self) -> None:
        # Reuse WorkingHours' checks for sorted, non-overlapping windows.
        WorkingHours((self.windows,) * 7)


@attrs.frozen
class HoursPeriod:
    """Dated period with other hours, e.g. Ramadan (``start``/``end`` inclusive local dates).

    ``source`` names what set the period (the circular), when known.

    Examples:
        >>> ramadan = HoursPeriod(
        ...     date(2026, 2, 18), date(2026, 3, 19), WorkingHours.ramadan(), "Ramadan 1447 H"
        ... )
        >>> ramadan.covers(date(2026, 3, 2))
        True
    """

    start: date = attrs.field(validator=plain_date)
    end: date = attrs.field(validator=[plain_date, _check_range])
    hours: WorkingHours = attrs.field(validator=instance_of(WorkingHours))
    name: str = attrs.field(validator=one_line_text)
    source: str = attrs.field(default="", validator=saveable_text)

    def covers(self, day: date) -> bool:
        """Whether ``day`` falls in the period."""
        return self.start <= day <= self.end
