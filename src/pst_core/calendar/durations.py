"""Durations as the service standards state them, and a parser for their phrases.

Four kinds, because the documents count time four ways:

* :class:`WorkingTime` — open time on the desk's clock ("10 menit", "2 jam");
* :class:`WorkingDays` — whole working days ("3 hari kerja");
* :class:`CalendarDays` — days on the wall calendar ("7 (tujuh) hari");
* :class:`CalendarMonths` — calendar months ("1 bulan"), as ``dateutil.relativedelta`` counts them.

Examples:
    >>> parse_duration("3 hari kerja")
    WorkingDays(n=3)
    >>> parse_duration("10 minutes") == WorkingTime(minutes=10)
    True
    >>> str(parse_duration("7 (tujuh) hari"))
    '7 calendar days'
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any, TypeAlias

import attrs

from pst_core._validation import at_least, instance_of
from pst_core.errors import InvalidDurationError, InvalidTypeError, InvalidValueError

__all__ = [
    "ACCEPTED_FORMS",
    "CalendarDays",
    "CalendarMonths",
    "Duration",
    "WorkingDays",
    "WorkingTime",
    "parse_duration",
]

_MINUTE = timedelta(minutes=1)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


@attrs.frozen(init=False, order=True)
class WorkingTime:
    """An amount of open time: the desk's clock runs only while the office is open.

    Build it from minutes (positional or keyword), hours, or a ``timedelta``.
    Equal amounts are equal however they were written.

    Attributes:
        span: The amount as a non-negative ``timedelta``.

    Examples:
        >>> WorkingTime(hours=1) == WorkingTime(minutes=60) == WorkingTime(timedelta(hours=1))
        True
        >>> WorkingTime(10) + WorkingTime(hours=2)
        WorkingTime(span=datetime.timedelta(seconds=7800))
        >>> str(WorkingTime(minutes=90)), WorkingTime(minutes=90).label_id
        ('1 hour 30 minutes', '1 jam 30 menit')
    """

    span: timedelta

    def __init__(self, minutes: int | timedelta = 0, *, hours: int = 0) -> None:
        if isinstance(minutes, timedelta):
            span = minutes
        else:
            for name, value in (("minutes", minutes), ("hours", hours)):
                if not isinstance(value, int) or isinstance(value, bool):
                    raise InvalidTypeError(f"WorkingTime.{name}", value, "int")
            span = timedelta(hours=hours, minutes=minutes)
        if span < timedelta(0):
            raise InvalidValueError("WorkingTime", span, "a non-negative amount of time")
        self.__attrs_init__(span)

    def __add__(self, other: WorkingTime) -> WorkingTime:
        if not isinstance(other, WorkingTime):
            return NotImplemented
        return WorkingTime(self.span + other.span)

    @property
    def minutes(self) -> float:
        """The amount in minutes (fractional when it has seconds).

        Examples:
            >>> WorkingTime(hours=1, minutes=30).minutes
            90.0
            >>> WorkingTime(timedelta(seconds=90)).minutes
            1.5
        """
        return self.span / _MINUTE

    def _parts(self) -> tuple[int, int, int]:
        whole_minutes, rest = divmod(self.span, _MINUTE)
        hours, minutes = divmod(int(whole_minutes), 60)
        return hours, minutes, int(rest.total_seconds())

    def __str__(self) -> str:
        hours, minutes, seconds = self._parts()
        words = [
            _plural(hours, "hour", "hours") if hours else "",
            _plural(minutes, "minute", "minutes") if minutes else "",
            _plural(seconds, "second", "seconds") if seconds else "",
        ]
        return " ".join(w for w in words if w) or "0 minutes"

    @property
    def label_id(self) -> str:
        """The amount in Indonesian, as the standards write it (``"10 menit"``).

        Examples:
            >>> WorkingTime(10).label_id, WorkingTime(hours=2).label_id
            ('10 menit', '2 jam')
        """
        hours, minutes, seconds = self._parts()
        words = [
            f"{hours} jam" if hours else "",
            f"{minutes} menit" if minutes else "",
            f"{seconds} detik" if seconds else "",
        ]
        return " ".join(w for w in words if w) or "0 menit"


def _whole_days(label: str) -> Any:
    return attrs.field(validator=[instance_of(int), at_least(1)], metadata={"label": label})


@attrs.frozen(order=True)
class WorkingDays:
    """A number of whole working days (*hari kerja*); at least 1.

    A deadline of ``WorkingDays(n)`` falls at the close of the n-th working day
    after the day of receipt (the day of receipt never counts).

    Examples:
        >>> str(WorkingDays(3)), WorkingDays(3).label_id
        ('3 working days', '3 hari kerja')
        >>> WorkingDays(0)
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: WorkingDays.n: invalid value 0; allowed: ...
    """

    n: int = _whole_days("hari kerja")

    def __str__(self) -> str:
        return _plural(self.n, "working day", "working days")

    @property
    def label_id(self) -> str:
        """Indonesian label (``"3 hari kerja"``).

        Examples:
            >>> WorkingDays(10).label_id
            '10 hari kerja'
        """
        return f"{self.n} hari kerja"


@attrs.frozen(order=True)
class CalendarDays:
    """A number of calendar days (*hari*): the same wall-clock time n days later.

    Examples:
        >>> str(CalendarDays(7)), CalendarDays(7).label_id
        ('7 calendar days', '7 hari')
    """

    n: int = _whole_days("hari")

    def __str__(self) -> str:
        return _plural(self.n, "calendar day", "calendar days")

    @property
    def label_id(self) -> str:
        """Indonesian label (``"7 hari"``).

        Examples:
            >>> CalendarDays(7).label_id
            '7 hari'
        """
        return f"{self.n} hari"


@attrs.frozen(order=True)
class CalendarMonths:
    """A number of calendar months (*bulan*), e.g. an invoice valid for 1 month.

    Added with ``dateutil.relativedelta``: the same day of month n months later,
    clipped to the month's last day (Jan 31 + 1 month = Feb 28/29).

    Examples:
        >>> str(CalendarMonths(1)), CalendarMonths(1).label_id
        ('1 calendar month', '1 bulan')
    """

    n: int = _whole_days("bulan")

    def __str__(self) -> str:
        return _plural(self.n, "calendar month", "calendar months")

    @property
    def label_id(self) -> str:
        """Indonesian label (``"1 bulan"``).

        Examples:
            >>> CalendarMonths(2).label_id
            '2 bulan'
        """
        return f"{self.n} bulan"


Duration: TypeAlias = WorkingTime | WorkingDays | CalendarDays | CalendarMonths
"""Any duration a service standard can state."""

_NUMBER_WORDS = {
    # Indonesian
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12,
    "lima belas": 15, "dua puluh": 20, "tiga puluh": 30, "enam puluh": 60,
    # English
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "sixty": 60,
}  # fmt: skip

# unit phrase -> constructor; longer phrases first so "hari kerja" wins over "hari".
_UNITS: tuple[tuple[str, Any], ...] = (
    (r"hari\s+kerja|working\s+days?|business\s+days?|workdays?", WorkingDays),
    (r"hari\s+kalender|hari|calendar\s+days?|days?", CalendarDays),
    (r"bulan|calendar\s+months?|months?", CalendarMonths),
    (r"jam|hours?|hrs?|h", lambda n: WorkingTime(hours=n)),
    (r"menit|minutes?|mins?|m", lambda n: WorkingTime(minutes=n)),
)
_PATTERN = re.compile(
    r"^\s*(?P<n>\d+)\s*(?:\(\s*(?P<word>[a-z ]+?)\s*\))?\s*(?P<unit>[a-z ]+?)\s*$",
    re.IGNORECASE,
)

# "1 jam 30 menit", "1 hour 30 minutes": how WorkingTime labels itself.
_COMPOUND = re.compile(
    r"^\s*(?:(?P<h>\d+)\s*(?:jam|hours?)\s*)?(?:(?P<m>\d+)\s*(?:menit|minutes?)\s*)?"
    r"(?:(?P<s>\d+)\s*(?:detik|seconds?))?\s*$",
    re.IGNORECASE,
)

ACCEPTED_FORMS = (
    "'<n> menit' / '<n> minutes'",
    "'<n> jam' / '<n> hours'",
    "'<n> hari kerja' / '<n> working days'",
    "'<n> hari' / '<n> calendar days'",
    "'<n> bulan' / '<n> months'",
    "hours, minutes and seconds together: '1 jam 30 menit' / '1 hour 30 minutes'",
    "optionally with the number in words: '7 (tujuh) hari'",
)
"""The phrase shapes :func:`parse_duration` accepts, for error messages and docs."""


def parse_duration(text: str) -> Duration:
    """Parse a duration phrase of a service standard, in Indonesian or English.

    The number is written in digits, optionally followed by the same number in
    words in parentheses, as the documents do ("3 (tiga) hari kerja"); a number
    in words that disagrees with the digits is an error.

    Raises:
        InvalidDurationError: for anything else, listing the accepted forms.

    Examples:
        >>> parse_duration("10 Menit")
        WorkingTime(span=datetime.timedelta(seconds=600))
        >>> parse_duration("2 jam") == WorkingTime(hours=2)
        True
        >>> parse_duration("3 (tiga) hari kerja")
        WorkingDays(n=3)
        >>> parse_duration("1 jam 30 menit") == WorkingTime(minutes=90)
        True
        >>> parse_duration("1 bulan")
        CalendarMonths(n=1)
        >>> parse_duration("0")
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidDurationError: duration: invalid value '0'; allowed: '<n> menit' ...
    """
    if not isinstance(text, str):
        raise InvalidTypeError("duration", text, "str")
    match = _PATTERN.match(text)
    if match is not None:
        n = int(match["n"])
        word = match["word"]
        if word is not None and _NUMBER_WORDS.get(" ".join(word.lower().split())) != n:
            raise InvalidDurationError(
                "duration",
                text,
                f"the number in words to match {n}",
                problem="mismatched number in",
            )
        unit = " ".join(match["unit"].lower().split())
        for phrase, build in _UNITS:
            if re.fullmatch(phrase, unit):
                try:
                    result: Duration = build(n)
                except InvalidValueError as err:
                    raise InvalidDurationError(
                        "duration", text, "a positive number of days or months"
                    ) from err
                return result
    compound = _COMPOUND.match(text)
    if compound is not None and any(compound.groups()):
        hours, minutes, seconds = (int(part or 0) for part in compound.groups())
        return WorkingTime(timedelta(hours=hours, minutes=minutes, seconds=seconds))
    raise InvalidDurationError("duration", text, "; ".join(ACCEPTED_FORMS))
