"""Durations as the service standards state them, and a parser for their phrases.

Four kinds, because the documents count time four ways:

* `WorkingTime` — open time on the desk's clock ("10 menit", "2 jam");
* `WorkingDays` — whole working days ("3 hari kerja");
* `CalendarDays` — days on the wall calendar ("7 (tujuh) hari"; a week, "1 minggu", is 7);
* `CalendarMonths` — calendar months ("1 bulan"), clipped to a month's end.

Examples:
    >>> parse_duration("3 hari kerja")
    WorkingDays(n=3)
    >>> parse_duration("10 minutes") == WorkingTime(minutes=10)
    True
    >>> str(parse_duration("7 (tujuh) hari"))
    '7 calendar days'
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from fractions import Fraction
from functools import cache
from types import MappingProxyType
from typing import ClassVar, Literal, TypeAlias, TypeVar

import attrs

from pst_core._validation import require_ascii_digits, require_aware, require_short
from pst_core.errors import InvalidDurationError, InvalidTypeError, InvalidValueError, Phrase
from pst_core.i18n import Language, check_language

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
_ONE_MICROSECOND = timedelta(microseconds=1)
_MICROS_PER_MINUTE = 60_000_000
_MAX_DAYS = 3_652_058  # 0001-01-01 to 9999-12-31: no date arithmetic goes further
_MAX_MONTHS = 9_999 * 12
_MAX_MINUTES = _MAX_DAYS * 24 * 60
_NON_NEGATIVE = Phrase("calendar.error.non_negative")
_AT_MOST_MINUTES = Phrase("calendar.error.at_most_minutes", minutes=_MAX_MINUTES)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


class _Phrase:
    """``describe(language)``: how a duration is said, in English or as the standards write it."""

    __slots__ = ()

    def _indonesian(self) -> str:
        raise NotImplementedError

    def describe(self, language: Language = "en") -> str:
        """The duration in words: ``"en"`` English, ``"id"`` Indonesian (``"3 hari kerja"``).

        Examples:
            >>> WorkingDays(3).describe("id"), WorkingTime(90).describe("en")
            ('3 hari kerja', '1 hour 30 minutes')
        """
        return self._indonesian() if check_language(language) == "id" else str(self)


@attrs.frozen(init=False, order=True, repr=False)
class WorkingTime(_Phrase):
    """An amount of open time: the desk's clock runs only while the office is open.

    Build it from minutes (positional or keyword), hours, or a ``timedelta``.
    Equal amounts are equal however they were written.

    Attributes:
        micros: The amount in whole microseconds (what the calendar adds; compared and hashed).

    Examples:
        >>> WorkingTime(hours=1) == WorkingTime(minutes=60) == WorkingTime(timedelta(hours=1))
        True
        >>> WorkingTime(10) + WorkingTime(hours=2)
        WorkingTime(minutes=130)
        >>> str(WorkingTime(minutes=90)), WorkingTime(minutes=90).describe("id")
        ('1 hour 30 minutes', '1 jam 30 menit')
    """

    # One int field: a timedelta costs more to build than the whole object (`span` makes one).
    micros: int

    def __init__(self, minutes: int | timedelta = 0, *, hours: int = 0) -> None:
        # The common case (whole minutes) skips the general checks: it is on hot paths.
        if minutes.__class__ is int and not hours and 0 <= minutes <= _MAX_MINUTES:
            _set_micros(self, minutes * _MICROS_PER_MINUTE)
            return
        if isinstance(minutes, timedelta):
            span = minutes
            if span < timedelta(0):
                # Said as a person would ("-1 minute"), not as timedelta(days=-1, seconds=86340).
                raise InvalidValueError("WorkingTime", span, _NON_NEGATIVE, shown=_negative(-span))
        else:
            for name, value in (("minutes", minutes), ("hours", hours)):
                if not isinstance(value, int) or isinstance(value, bool):
                    raise InvalidTypeError(f"WorkingTime.{name}", value, int)
            total = hours * 60 + minutes
            if total > _MAX_MINUTES:
                raise InvalidValueError(
                    "WorkingTime",
                    total,
                    _AT_MOST_MINUTES,
                    shown=Phrase("calendar.error.minutes", minutes=total),
                )
            if total < 0:
                raise InvalidValueError(
                    "WorkingTime",
                    total,
                    _NON_NEGATIVE,
                    shown=Phrase(
                        "calendar.error.negative_time",
                        amount=Phrase(
                            f"calendar.error.minutes_{'one' if total == -1 else 'many'}", n=-total
                        ),
                    ),
                )
            span = _MINUTE * total
        _set_micros(self, span // _ONE_MICROSECOND)

    @property
    def span(self) -> timedelta:
        """The amount as a non-negative ``timedelta``.

        Examples:
            >>> WorkingTime(hours=2).span
            datetime.timedelta(seconds=7200)
        """
        return _ONE_MICROSECOND * self.micros

    def __repr__(self) -> str:
        whole, rest = divmod(self.micros, _MICROS_PER_MINUTE)
        return f"WorkingTime({self.span!r})" if rest else f"WorkingTime(minutes={whole})"

    def __add__(self, other: WorkingTime) -> WorkingTime:
        if not isinstance(other, WorkingTime):
            return NotImplemented
        return WorkingTime(self.span + other.span)

    @property
    def minutes(self) -> float:
        """The amount in minutes (fractional when it has seconds).

        Examples:
            >>> WorkingTime(timedelta(seconds=90)).minutes
            1.5
        """
        return self.span / _MINUTE

    def __str__(self) -> str:
        return _say_span(self.span)

    def _indonesian(self) -> str:
        hours, minutes, seconds = _parts(self.span)
        words = [
            f"{hours} jam" if hours else "",
            f"{minutes} menit" if minutes else "",
            f"{seconds} detik" if seconds else "",
        ]
        return " ".join(w for w in words if w) or "0 menit"


def _parts(span: timedelta) -> tuple[int, int, int]:
    """Whole hours, minutes and seconds of a non-negative span."""
    whole_minutes, rest = divmod(span, _MINUTE)
    hours, minutes = divmod(int(whole_minutes), 60)
    return hours, minutes, int(rest.total_seconds())


def _say_span(span: timedelta) -> str:
    """A non-negative span in English words: ``"1 hour 30 minutes"``."""
    hours, minutes, seconds = _parts(span)
    words = [
        _plural(hours, "hour", "hours") if hours else "",
        _plural(minutes, "minute", "minutes") if minutes else "",
        _plural(seconds, "second", "seconds") if seconds else "",
    ]
    return " ".join(w for w in words if w) or "0 minutes"


def _negative(span: timedelta) -> Phrase:
    """A negative amount of time as a person says it (``-1 minute``), for an error."""
    hours, minutes, seconds = _parts(span)
    units = (("hours", hours), ("minutes", minutes), ("seconds", seconds))
    parts = [
        Phrase(f"calendar.error.{unit}_{'one' if n == 1 else 'many'}", n=n)
        for unit, n in units
        if n
    ]
    amount = parts[-1]
    for part in reversed(parts[:-1]):  # "1 hour 30 minutes": each part then the rest
        amount = Phrase("calendar.error.then", first=part, rest=amount)
    return Phrase("calendar.error.negative_time", amount=amount)


# Sets the slot directly: faster than object.__setattr__ (the class is frozen).
_set_micros = WorkingTime.micros.__set__  # type: ignore[attr-defined]

_Count = TypeVar("_Count", bound="_WholeCount")


class _WholeCount(_Phrase):
    """Shared constructor and words of the whole-number durations: a checked ``n``, no attrs
    validators (they cost a microsecond per object; durations are built on hot paths).

    A subclass names its unit: singular and plural in English, the word of the documents.
    """

    __slots__ = ()
    _most = _MAX_DAYS
    _one: ClassVar[str]
    _many: ClassVar[str]
    _unit_id: ClassVar[str]
    n: int

    def __init__(self, n: int) -> None:
        if n.__class__ is not int or not 1 <= n <= self._most:
            name = f"{type(self).__name__}.n"
            if not isinstance(n, int) or isinstance(n, bool):
                raise InvalidTypeError(name, n, int)
            if n < 1:
                raise InvalidValueError(
                    name, n, Phrase("errors.allowed.whole_number_at_least", minimum=1)
                )
            raise InvalidValueError(
                name, n, Phrase("calendar.error.whole_number_at_most", most=self._most)
            )
        object.__setattr__(self, "n", n)

    def __str__(self) -> str:
        return _plural(self.n, self._one, self._many)

    def _indonesian(self) -> str:
        return f"{self.n} {self._unit_id}"


@attrs.frozen(init=False, order=True)
class WorkingDays(_WholeCount):
    """A number of whole working days (*hari kerja*); at least 1.

    A deadline of ``WorkingDays(n)`` falls at the close of the n-th working day
    after the day of receipt (the day of receipt never counts).

    Examples:
        >>> str(WorkingDays(3)), WorkingDays(3).describe("id")
        ('3 working days', '3 hari kerja')
        >>> WorkingDays(0)
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: WorkingDays.n: invalid value 0; allowed: ...
    """

    _one, _many, _unit_id = "working day", "working days", "hari kerja"
    n: int


def _settle(moment: datetime) -> datetime:
    # A wall time in a spring-forward gap does not exist: read with fold=0 (the offset
    # before the gap), then shown as the wall time that instant really has.
    if moment.tzinfo is timezone.utc:
        return moment
    return moment.astimezone(timezone.utc).astimezone(moment.tzinfo)


@attrs.frozen(init=False, order=True)
class CalendarDays(_WholeCount):
    """A number of calendar days (*hari*): the same wall-clock time n days later.

    Examples:
        >>> str(CalendarDays(7)), CalendarDays(7).describe("id")
        ('7 calendar days', '7 hari')
    """

    _one, _many, _unit_id = "calendar day", "calendar days", "hari"
    n: int

    def after(self, instant: datetime) -> datetime:
        """The same local wall-clock time ``n`` days after ``instant``, in ``instant``'s zone.

        The one home of calendar-day arithmetic (timers, billing codes, calendars).
        A wall time that does not exist (a spring-forward gap) moves forward by the
        gap; an ambiguous one (an autumn fold) is the earlier instant.

        Raises:
            NaiveDatetimeError: ``instant`` has no time zone.
            InvalidValueError: the answer would fall after the year 9999.

        Examples:
            >>> CalendarDays(7).after(datetime(2024, 1, 31, 12, tzinfo=timezone.utc)).isoformat()
            '2024-02-07T12:00:00+00:00'
        """
        moment = require_aware(instant, "instant")
        try:
            shifted = moment + timedelta(days=self.n)  # the sum has fold=0 (PEP 495)
        except OverflowError:
            raise InvalidValueError(
                "CalendarDays", self.n, Phrase("calendar.error.days_before_10000")
            ) from None
        return _settle(shifted)


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


@attrs.frozen(init=False, order=True)
class CalendarMonths(_WholeCount):
    """A number of calendar months (*bulan*), e.g. an invoice valid for 1 month.

    The same day of month n months later, clipped to the month's last day
    (Jan 31 + 1 month = Feb 28/29), as ``dateutil.relativedelta`` counts.

    Examples:
        >>> str(CalendarMonths(1)), CalendarMonths(1).describe("id")
        ('1 calendar month', '1 bulan')
    """

    _most = _MAX_MONTHS
    _one, _many, _unit_id = "calendar month", "calendar months", "bulan"
    n: int

    def after(self, instant: datetime) -> datetime:
        """The same local wall-clock time ``n`` months after ``instant``, in ``instant``'s zone.

        The one home of calendar-month arithmetic. Month-end rule: the same day of
        the month, clipped to the last day of a shorter month (31 January + 1 month
        is 28 or 29 February; 29 February + 12 months is 28 February). Gaps and
        folds as in `CalendarDays.after`.

        Raises:
            NaiveDatetimeError: ``instant`` has no time zone.
            InvalidValueError: the answer would fall after the year 9999.

        Examples:
            >>> CalendarMonths(1).after(datetime(2024, 1, 31, 12, tzinfo=timezone.utc)).date()
            datetime.date(2024, 2, 29)
        """
        moment = require_aware(instant, "instant")
        year, month = divmod(moment.year * 12 + moment.month - 1 + self.n, 12)
        if year > 9999:
            raise InvalidValueError(
                "CalendarMonths", self.n, Phrase("calendar.error.months_before_10000")
            )
        day = min(moment.day, _days_in_month(year, month + 1))
        return _settle(moment.replace(year=year, month=month + 1, day=day, fold=0))


Duration: TypeAlias = WorkingTime | WorkingDays | CalendarDays | CalendarMonths
"""Any duration a service standard can state."""

_ONES_ID = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
_ONES_EN = (
    "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
)  # fmt: skip
_TENS_EN = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def _indonesian_words(n: int) -> str:
    if n >= 100:
        hundreds = "seratus" if n // 100 == 1 else f"{_ONES_ID[n // 100]} ratus"
        return f"{hundreds} {_indonesian_words(n % 100)}".strip()
    if n >= 20:
        return f"{_ONES_ID[n // 10]} puluh {_ONES_ID[n % 10]}".strip()
    if n >= 12:
        return f"{_ONES_ID[n - 10]} belas"
    return {10: "sepuluh", 11: "sebelas", 0: ""}.get(n) or _ONES_ID[n]


def _english_words(n: int) -> str:
    if n >= 100:
        return f"{_ONES_EN[n // 100]} hundred {_english_words(n % 100)}".strip()
    if n >= 20:
        return f"{_TENS_EN[n // 10]} {_ONES_EN[n % 10]}".strip()
    return _ONES_EN[n]


@cache
def _number_words() -> Mapping[str, int]:
    """Every number from 1 to 999 in Indonesian and English words (``"dua puluh satu"``)."""
    words = {}
    for n in range(1, 1000):
        words[_indonesian_words(n)] = words[_english_words(n)] = n
    return MappingProxyType(words)


def _number_in_words(words: str) -> int | None:
    """``"tiga"`` -> 3, ``"twenty-one"`` -> 21; ``None`` when it is not a number in words."""
    return _number_words().get(" ".join(words.lower().replace("-", " ").split()))


# unit phrase -> what it counts; longer phrases first so "hari kerja" wins over "hari".
_Unit = Literal["working_days", "days", "weeks", "months", "hours", "minutes"]
_UNIT_PHRASES: tuple[tuple[str, _Unit], ...] = (
    (r"hari kerja|working days?|business days?|workdays?", "working_days"),
    (r"hari kalender|hari|calendar days?|days?", "days"),
    (r"minggu|pekan|calendar weeks?|weeks?", "weeks"),
    (r"bulan|calendar months?|months?", "months"),
    (r"jam kerja|jam|working hours?|hours?|hrs?|h", "hours"),
    (r"menit kerja|menit|mnt|working minutes?|minutes?|mins?|m", "minutes"),
)
_UNITS = tuple((re.compile(pattern, re.ASCII), unit) for pattern, unit in _UNIT_PHRASES)
# Every word a phrase may hold, for "did you mean" when one is not understood.
_VOCABULARY = (
    "hari", "kerja", "kalender", "minggu", "pekan", "bulan", "jam", "menit", "detik",
    "working", "business", "calendar", "day", "days", "workday", "workdays", "week", "weeks",
    "month", "months", "hour", "hours", "minute", "minutes", "second", "seconds", "mnt",
)  # fmt: skip
# ASCII only (``re.ASCII``): "３ hari kerja" is not a phrase of the documents; fullmatch
# keeps a trailing newline out.
_S = "[ \t]*"  # spaces and tabs only: a newline is not part of a phrase
_PATTERN = re.compile(
    rf"{_S}(?P<n>[0-9]+(?:,[0-9]+)?){_S}(?:\({_S}(?P<word>[a-z -]+?){_S}\))?{_S}"
    rf"(?P<unit>[a-z ]+?){_S}",
    re.IGNORECASE | re.ASCII,
)
_IN_WORDS = re.compile(rf"{_S}(?P<words>[a-z][a-z \t-]*?){_S}", re.IGNORECASE | re.ASCII)
_MAX_DIGITS = 12
_LONG_NUMBER = re.compile(f"[0-9]{{{_MAX_DIGITS + 1}}}", re.ASCII)
_DECIMAL_POINT = re.compile(r"[0-9]\.[0-9]", re.ASCII)

# "1 jam 30 menit", "1 hour 30 minutes": how WorkingTime labels itself.
_COMPOUND = re.compile(
    rf"{_S}(?:(?P<h>[0-9]+){_S}(?:jam|hours?){_S})?(?:(?P<m>[0-9]+){_S}(?:menit|minutes?){_S})?"
    rf"(?:(?P<s>[0-9]+){_S}(?:detik|seconds?))?{_S}",
    re.IGNORECASE | re.ASCII,
)

ACCEPTED_FORMS = (
    "'<n> menit' / '<n> minutes'",
    "'<n> jam' / '<n> hours' (also 'jam kerja', and '1,5 jam' in whole minutes)",
    "'<n> hari kerja' / '<n> working days'",
    "'<n> hari' / '<n> calendar days'",
    "'<n> minggu' / '<n> weeks' (7 calendar days each)",
    "'<n> bulan' / '<n> months'",
    "hours, minutes and seconds together: '1 jam 30 menit' / '1 hour 30 minutes'",
    "the number in words: 'tiga hari kerja', or both: '7 (tujuh) hari'",
)
"""The phrase shapes `parse_duration` accepts, in English (errors say them in the language
asked for, from the catalogue's ``calendar.accepted_forms``)."""


def _unit(words: str) -> _Unit | None:
    said = " ".join(words.lower().split())
    if len(said) == 1 and not words.strip().islower():
        return None  # "1 M": a month elsewhere (ISO 8601's P1M), never read as a minute
    for pattern, unit in _UNITS:
        if pattern.fullmatch(said):
            return unit
    return None


def _build(amount: Fraction, unit: _Unit, text: str) -> Duration:
    """The duration of ``amount`` ``unit``s; fractions only where they make whole minutes."""
    if unit in ("hours", "minutes"):
        minutes = amount * 60 if unit == "hours" else amount
        if minutes.denominator != 1:
            raise InvalidDurationError("duration", text, Phrase("calendar.error.whole_minutes"))
        whole = int(minutes)
        if whole > _MAX_MINUTES:
            raise InvalidDurationError("duration", text, _AT_MOST_MINUTES)
        return WorkingTime(whole)
    if amount.denominator != 1:
        raise InvalidDurationError("duration", text, Phrase("calendar.error.whole_days"))
    n = int(amount) * (7 if unit == "weeks" else 1)
    try:
        if unit == "working_days":
            return WorkingDays(n)
        if unit == "months":
            return CalendarMonths(n)
        return CalendarDays(n)
    except InvalidValueError as err:
        raise InvalidDurationError(
            "duration", text, Phrase("calendar.error.days_range", most=_MAX_DAYS)
        ) from err


def _parse(text: str) -> Duration | None:
    match = _PATTERN.fullmatch(text)
    if match is not None:
        unit = _unit(match["unit"])
        if unit is not None:
            whole, _, fraction = match["n"].partition(",")
            amount = Fraction(int(whole)) + (
                Fraction(int(fraction), 10 ** len(fraction)) if fraction else 0
            )
            word = match["word"]
            if word is not None and _number_in_words(word) != amount:
                raise InvalidDurationError(
                    "duration",
                    text,
                    Phrase("calendar.error.words_match", number=match["n"]),
                    problem=Phrase("calendar.error.problem_words_mismatch"),
                )
            return _build(amount, unit, text)
    compound = _COMPOUND.fullmatch(text)
    if compound is not None and any(compound.groups()):
        hours, minutes, seconds = (int(part or 0) for part in compound.groups())
        if hours * 3600 + minutes * 60 + seconds > _MAX_MINUTES * 60:
            raise InvalidDurationError("duration", text, _AT_MOST_MINUTES)
        return WorkingTime(timedelta(hours=hours, minutes=minutes, seconds=seconds))
    in_words = _IN_WORDS.fullmatch(text)
    if in_words is not None:
        tokens = in_words["words"].lower().split()
        for cut in range(len(tokens) - 1, 0, -1):
            n = _number_in_words(" ".join(tokens[:cut]))
            unit = _unit(" ".join(tokens[cut:]))
            if n is not None and unit is not None:
                return _build(Fraction(n), unit, text)
    return None


def _not_understood(text: str) -> InvalidDurationError:
    """The error for a phrase that does not parse: which word, and the nearest accepted form."""
    forms = Phrase("calendar.accepted_forms")
    if _DECIMAL_POINT.search(text):
        return InvalidDurationError(
            "duration",
            text,
            Phrase("calendar.error.decimal_comma", forms=forms),
            problem=Phrase("calendar.error.problem_decimal_point"),
        )
    known = set(_VOCABULARY) | {w for phrase in _number_words() for w in phrase.split()}
    tokens = re.findall(r"[A-Za-z]+", text)
    for token in tokens:
        if token.lower() in known:
            continue
        close = difflib.get_close_matches(token.lower(), sorted(known), n=3, cutoff=0.6)
        for word in close:
            candidate = " ".join(text.replace(token, word, 1).split())
            try:
                if _parse(candidate) is not None:
                    return InvalidDurationError(
                        "duration",
                        text,
                        Phrase(
                            "calendar.error.nearest_form", candidate=repr(candidate), forms=forms
                        ),
                        problem=Phrase("calendar.error.problem_word", word=repr(token)),
                    )
            except InvalidDurationError:
                continue
        return InvalidDurationError(
            "duration", text, forms, problem=Phrase("calendar.error.problem_word", word=repr(token))
        )
    return InvalidDurationError("duration", text, forms)


def parse_duration(text: str) -> Duration:
    """Parse a duration phrase of a service standard, in Indonesian or English.

    The number is written in digits, in words (``"tiga hari kerja"``, one to
    nine hundred ninety-nine), or in digits followed by the same number in
    words in parentheses, as the documents do (``"3 (tiga) hari kerja"``); a
    number in words that disagrees with the digits is an error. Hours and
    minutes take a decimal comma when the result is whole minutes (``"1,5 jam"``
    is 90 minutes); a decimal point is refused, as ``1.000`` means a thousand
    in Indonesian. ``"jam kerja"`` is open time like ``"jam"``; a week
    (``"minggu"``, ``"pekan"``) is 7 calendar days, as the standards write a
    week's wait ("7 (tujuh) hari").

    A phrase longer than 200 characters (``MAX_PHRASE_CHARACTERS``) is refused at
    once, before parsing; a one-letter unit in capitals (``"1 M"``: a month in ISO
    8601, ``"H"``: a day in ``H-1``) is refused as ambiguous, while ``"m"`` and
    ``"h"`` are minutes and hours.

    Raises:
        InvalidDurationError: for anything else, naming the word not understood and
            the nearest accepted form when there is one, then every accepted form.

    Examples:
        >>> parse_duration("10 Menit")
        WorkingTime(minutes=10)
        >>> parse_duration("2 jam kerja") == WorkingTime(hours=2)
        True
        >>> parse_duration("tiga hari kerja"), parse_duration("1 minggu")
        (WorkingDays(n=3), CalendarDays(n=7))
        >>> parse_duration("1,5 jam")
        WorkingTime(minutes=90)
        >>> parse_duration("3 hari kreja")
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidDurationError: ...'kreja' is not understood ...'3 hari kerja'...
    """
    if not isinstance(text, str):
        raise InvalidTypeError("duration", text, str)
    require_short(text, "duration", error=InvalidDurationError)
    require_ascii_digits(text, "duration", error=InvalidDurationError)
    too_long = _LONG_NUMBER.search(text)
    if too_long is not None:
        raise InvalidDurationError(
            "duration", text, Phrase("calendar.error.at_most_digits", digits=_MAX_DIGITS)
        )
    result = _parse(text)
    if result is None:
        raise _not_understood(text)
    return result
