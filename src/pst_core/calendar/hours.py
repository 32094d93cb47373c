"""Opening hours: for each weekday, half-open windows ``[start, end)`` of local time.

Examples:
    >>> hours = WorkingHours.pst()
    >>> [str(w) for w in hours.on(4)]  # Friday
    ['08:00-16:00']
    >>> str(WorkingHours.ramadan().on(0)[1])
    '12:30-15:00'
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import time
from typing import Any

import attrs

from pst_core._validation import field_name, instance_of, require_ascii_digits, sequence_of
from pst_core.errors import InvalidTypeError, InvalidValueError, Phrase
from pst_core.i18n import Language, check_language, text

__all__ = ["WEEKDAY_NAMES", "Window", "WorkingHours"]

MINUTES_PER_DAY = 24 * 60

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""English weekday names, Monday = 0 as in `datetime.date.weekday`."""

# Indonesian day names a mapping's keys may use (input, not output: output comes from the
# message catalogue).
_DAY_NAMES_INDONESIAN = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_SHORT = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

_DAY_KEYS: dict[str, int] = {}
for _index, (_en, _id) in enumerate(zip(WEEKDAY_NAMES, _DAY_NAMES_INDONESIAN, strict=True)):
    _DAY_KEYS[_en.lower()] = _DAY_KEYS[_en[:3].lower()] = _DAY_KEYS[_id.lower()] = _index
_DAY_KEYS["jum'at"] = _DAY_KEYS["jum"] = 4
_DAY_KEYS["ahad"] = 6

WINDOW_OR_TEXT = Phrase("calendar.error.expected_window")
"""How errors name what a list of windows may hold: a `Window` or its ``"HH:MM-HH:MM"`` text."""

_CLOCK = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$", re.ASCII)


def _minute_of_day(value: object, field: str) -> int:
    """Accept ``time``, ``"HH:MM"`` / ``"HH.MM"`` (``"24:00"`` for midnight at the end) or int."""
    if isinstance(value, time):
        if value.second or value.microsecond or value.tzinfo is not None:
            raise InvalidValueError(field, value, Phrase("calendar.error.naive_whole_minutes"))
        return value.hour * 60 + value.minute
    if isinstance(value, str):
        require_ascii_digits(value, field)
        match = _CLOCK.match(value)
        if match:
            hour, minute = int(match[1]), int(match[2])
            if minute < 60 and (hour < 24 or (hour, minute) == (24, 0)):
                return hour * 60 + minute
        raise InvalidValueError(field, value, Phrase("calendar.error.clock_time"))
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise InvalidTypeError(field, value, Phrase("calendar.error.expected_clock"))


def _start_minute(value: object) -> int:
    return _minute_of_day(value, "Window.start")


def _end_minute(value: object) -> int:
    return _minute_of_day(value, "Window.end")


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _check_minute(instance: Window, attribute: attrs.Attribute[int], value: int) -> None:
    if not 0 <= value <= MINUTES_PER_DAY:
        raise InvalidValueError(
            field_name(instance, attribute),
            value,
            Phrase("calendar.error.minute_of_day", most=MINUTES_PER_DAY),
        )


@attrs.frozen(order=True)
class Window:
    """One half-open opening window ``[start, end)`` in local time, in minutes after midnight.

    Build it from ``datetime.time`` values, ``"HH:MM"`` strings, or parse ``"08:00-15:30"``.

    Examples:
        >>> Window("08:00", "15:30") == Window.parse("08.00-15.30") == Window(time(8), time(15, 30))
        True
        >>> Window.parse("08:00-15:30").minutes
        450
        >>> Window("12:00", "11:00")
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: Window: invalid value '12:00-11:00'; allowed: start ...
    """

    start: int = attrs.field(converter=_start_minute, validator=_check_minute)
    end: int = attrs.field(converter=_end_minute, validator=_check_minute)

    def __attrs_post_init__(self) -> None:
        if self.start >= self.end:
            raise InvalidValueError("Window", str(self), Phrase("calendar.error.start_before_end"))

    @classmethod
    def parse(cls, text: str) -> Window:
        """Parse ``"HH:MM-HH:MM"`` (dots and en dashes accepted, as Indonesian documents write).

        Examples:
            >>> Window.parse("08.00 – 12.00")
            Window(start=480, end=720)
            >>> Window.parse("08:00")
            Traceback (most recent call last):
            ...
            pst_core.errors.InvalidValueError: Window: invalid value '08:00'; allowed: ...
        """
        if not isinstance(text, str):
            raise InvalidTypeError("Window", text, Phrase("calendar.error.expected_window_text"))
        parts = re.split(r"\s*[-–]\s*", text.strip())
        if len(parts) != 2:
            raise InvalidValueError("Window", text, Phrase("calendar.error.window_text"))
        return cls(parts[0], parts[1])

    @property
    def minutes(self) -> int:
        """Length of the window in minutes."""
        return self.end - self.start

    def __str__(self) -> str:
        return f"{_clock(self.start)}-{_clock(self.end)}"


def _windows(value: object, field: str) -> tuple[Window, ...]:
    """Normalise one weekday's value: a window, a string, a sequence of them, or closed."""
    if value is None or value in ("closed", "tutup"):  # a tuple: value may be an unhashable list
        return ()
    if isinstance(value, Window):
        return (value,)
    if isinstance(value, str):
        return (Window.parse(value),)
    if isinstance(value, Sequence):  # not any iterable: a set of windows has no order
        items = sequence_of(value, field, Window, str, label=WINDOW_OR_TEXT)
        return tuple(w if isinstance(w, Window) else Window.parse(w) for w in items)
    raise InvalidTypeError(field, value, Phrase("calendar.error.expected_windows"))


def _check_days(instance: WorkingHours, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or len(value) != 7:
        raise InvalidValueError("WorkingHours.days", value, Phrase("calendar.error.seven_days"))
    for weekday, windows in enumerate(value):
        name = f"WorkingHours.days[{WEEKDAY_NAMES[weekday]}]"
        instance_of(tuple)(instance, attribute, windows)
        for index, window in enumerate(windows):
            if not isinstance(window, Window):
                raise InvalidTypeError(f"{name}[{index}]", window, Window)
        for before, after in itertools.pairwise(windows):
            if after.start < before.end:
                raise InvalidValueError(
                    name,
                    ", ".join(map(str, windows)),
                    Phrase("calendar.error.windows_sorted"),
                )


@attrs.frozen
class WorkingHours:
    """The opening windows of each weekday (Monday first); a weekday without windows is closed.

    Attributes:
        days: Seven tuples of `Window`, Monday to Sunday.

    Examples:
        >>> hours = WorkingHours.parse(
        ...     {"mon-thu": "08:00-15:30", "fri": ["08:00-11:30", "13:00-16:00"]}
        ... )
        >>> hours.describe()
        'Mon–Thu 08:00-15:30; Fri 08:00-11:30, 13:00-16:00; Sat–Sun closed'
        >>> hours.weekly_minutes
        2190
    """

    days: tuple[tuple[Window, ...], ...] = attrs.field(validator=_check_days)

    @classmethod
    def pst(cls) -> WorkingHours:
        """PST desk hours: Mon–Thu 08:00–15:30, Fri 08:00–16:00, no break, closed at weekends.

        Source: SOP-1-101/17000/2025 of BPS Provinsi Bengkulu (seed 004).
        """
        return cls.parse({"mon-thu": "08:00-15:30", "fri": "08:00-16:00"})

    @classmethod
    def ramadan(cls) -> WorkingHours:
        """Ramadan hours of the civil service (MenPAN-RB circulars, e.g. SE 6/2023).

        Mon–Thu 08:00–15:00 with a break 12:00–12:30; Fri 08:00–15:30 with a break 11:30–12:30.
        """
        return cls.parse(
            {"mon-thu": ["08:00-12:00", "12:30-15:00"], "fri": ["08:00-11:30", "12:30-15:30"]}
        )

    @classmethod
    def parse(cls, mapping: Mapping[str, object]) -> WorkingHours:
        """Build hours from a mapping of day names or ranges to windows.

        Keys are English or Indonesian day names, full or three letters, or ranges
        (``"mon-thu"``, ``"senin-kamis"``); values are ``"HH:MM-HH:MM"``, a list of
        them, or ``"closed"``. Days not named are closed; naming a day twice is an error.

        Examples:
            >>> WorkingHours.parse({"senin-jumat": "08:00-16:00", "sabtu": "08:00-12:00"}).on(5)
            (Window(start=480, end=720),)
        """
        if not isinstance(mapping, Mapping):
            raise InvalidTypeError(
                "WorkingHours", mapping, Phrase("calendar.error.expected_day_mapping")
            )
        days: list[tuple[Window, ...] | None] = [None] * 7
        for key, value in mapping.items():
            for weekday in _weekdays(key):
                if days[weekday] is not None:
                    raise InvalidValueError(
                        "WorkingHours",
                        key,
                        Phrase("calendar.error.each_day_once", day=WEEKDAY_NAMES[weekday]),
                    )
                days[weekday] = _windows(value, f"WorkingHours[{key!r}]")
        return cls(tuple(d or () for d in days))

    def on(self, weekday: int) -> tuple[Window, ...]:
        """The windows of ``weekday`` (Monday = 0)."""
        return self.days[weekday]

    @property
    def weekly_minutes(self) -> int:
        """Open minutes in a week without holidays."""
        return sum(w.minutes for day in self.days for w in day)

    def _runs(self) -> list[tuple[int, int, tuple[Window, ...]]]:
        """(first weekday, last weekday, windows) of each run of days with the same windows."""
        runs: list[tuple[int, int, tuple[Window, ...]]] = []
        for weekday, windows in enumerate(self.days):
            if runs and runs[-1][2] == windows:
                runs[-1] = (runs[-1][0], weekday, windows)
            else:
                runs.append((weekday, weekday, windows))
        return runs

    def describe(self, language: Language = "en") -> str:
        """A one-line summary that groups consecutive days with the same windows.

        Examples:
            >>> hours = WorkingHours.parse({"mon-fri": "08:00-16:00", "sat": "08:00-12:00"})
            >>> hours.describe()
            'Mon–Fri 08:00-16:00; Sat 08:00-12:00; Sun closed'
            >>> hours.describe("id")
            'Sen–Jum 08.00-16.00; Sab 08.00-12.00; Min tutup'
        """
        check_language(language)
        parts = []
        for first, last, windows in self._runs():
            names = text(f"calendar.weekday_short.{_SHORT[first]}", language)
            if last != first:
                names += "–" + text(f"calendar.weekday_short.{_SHORT[last]}", language)
            said = ", ".join(map(str, windows)) or text("calendar.closed", language)
            if language == "id":
                said = said.replace(":", ".")
            parts.append(f"{names} {said}")
        return "; ".join(parts)

    def to_data(self) -> dict[str, str | list[str]]:
        """The hours as plain data, as people write them in a file: `parse` reads it back.

        Consecutive days with the same windows share one key (``"mon-thu"``); one
        window is a string, several a list; closed days are left out.

        Examples:
            >>> WorkingHours.pst().to_data()
            {'mon-thu': '08:00-15:30', 'fri': '08:00-16:00'}
            >>> WorkingHours.ramadan().to_data()["fri"]
            ['08:00-11:30', '12:30-15:30']
            >>> WorkingHours.parse(WorkingHours.ramadan().to_data()) == WorkingHours.ramadan()
            True
        """
        data: dict[str, str | list[str]] = {}
        for first, last, windows in self._runs():
            if windows:
                key = _SHORT[first] if last == first else f"{_SHORT[first]}-{_SHORT[last]}"
                texts = [str(w) for w in windows]
                data[key] = texts[0] if len(texts) == 1 else texts
        return data


def _weekdays(key: object) -> Iterable[int]:
    if not isinstance(key, str):
        raise InvalidTypeError("WorkingHours key", key, Phrase("calendar.error.expected_day_key"))
    names = [part.strip().lower() for part in re.split(r"\s*[-–]\s*|\s+to\s+|\s+s/?d\s+", key)]
    try:
        indices = [_DAY_KEYS[name] for name in names]
    except KeyError:
        allowed = Phrase("calendar.error.day_names")
        raise InvalidValueError("WorkingHours key", key, allowed) from None
    if len(indices) == 1:
        return indices
    if len(indices) == 2 and indices[0] <= indices[1]:
        return range(indices[0], indices[1] + 1)
    raise InvalidValueError("WorkingHours key", key, Phrase("calendar.error.day_range"))
