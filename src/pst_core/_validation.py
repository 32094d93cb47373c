"""Small composable attrs validators whose errors name the field, what is allowed and what came.

Every error says what was expected in the words of the catalogue: a ``label`` or
``what`` given by a caller is a `Phrase` (text is still taken, as it is, while
every area moves to phrases); without one, the types themselves are named.

Private: the public face of these is the error they raise (see `pst_core.errors`).
"""

from __future__ import annotations

import math
import re
import typing
from collections.abc import Callable, Hashable, Iterable, Mapping
from datetime import date, datetime, tzinfo
from typing import Any, TypeVar

import attrs

from pst_core.errors import InvalidTypeError, InvalidValueError, NaiveDatetimeError, Phrase

T = TypeVar("T")

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def field_name(instance: object, attribute: attrs.Attribute[Any]) -> str:
    """``ClassName.attribute``: how an error names the field at fault."""
    return f"{type(instance).__name__}.{attribute.name}"


def instance_of(*types: type, label: Phrase | str | None = None) -> Validator:
    """Reject values that are not instances of ``types`` (bool is not an int here)."""
    expected = label or types

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise InvalidTypeError(field_name(instance, attribute), value, expected)

    return validate


def tuple_of(*types: type, label: Phrase | str | None = None) -> Validator:
    """Require a tuple (never a list: models are immutable) whose items are ``types``."""
    inner = label or types

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        name = field_name(instance, attribute)
        if not isinstance(value, tuple):
            raise InvalidTypeError(name, value, Phrase("errors.expected.tuple_of", items=inner))
        for index, item in enumerate(value):
            if not isinstance(item, types) or (isinstance(item, bool) and bool not in types):
                raise InvalidTypeError(f"{name}[{index}]", item, inner)

    return validate


def non_empty(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """Reject empty or blank strings."""
    if not value.strip():
        raise InvalidValueError(
            field_name(instance, attribute), value, Phrase("errors.allowed.non_blank_text")
        )


# What text meant for people may not hold: C0/C1 controls and DEL (ESC paints a
# terminal), the line and paragraph separators (fake lines), the bidirectional
# marks and overrides (U+202E shows text reversed) and lone surrogates (no file
# can hold them). Multi-line text may hold tabs and newlines.
NOT_FOR_PEOPLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""What text for people may not hold: control characters, line separators, bidirectional
overrides and marks, lone surrogates (see `require_people_text`)."""
_NOT_FOR_PEOPLE_MULTILINE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")

SAVED_INT_MIN = -(2**63)
"""The smallest whole number a saved model may hold: TOML's integers are 64-bit."""
SAVED_INT_MAX = 2**63 - 1
"""The largest whole number a saved model may hold: TOML's integers are 64-bit."""


def require_saveable_text(value: object, field: str) -> str:
    """Return ``value`` if it is text both JSON and TOML files can hold (no lone surrogate).

    Examples:
        >>> require_saveable_text("tenggat", "note")
        'tenggat'
        >>> require_saveable_text("x\\ud83d", "note")
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: note: invalid value 'x\\ud83d'; allowed: text ...
    """
    text = require_instance(value, field, str)
    if _SURROGATE.search(text):
        raise InvalidValueError(field, text, Phrase("errors.allowed.no_surrogates"))
    return text


def require_people_text(
    value: object, field: str, *, blank: bool = False, multiline: bool = False
) -> str:
    """Return ``value`` if it is text meant for people that any file and terminal can show.

    Refused: control characters (tabs and newlines too unless ``multiline``), the
    line separators, bidirectional overrides and marks, lone surrogates, and blank
    text unless ``blank``.

    Examples:
        >>> require_people_text("Rapat kerja", "reason")
        'Rapat kerja'
        >>> require_people_text("Rapat\\x1b[31m", "reason")
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: reason: invalid value 'Rapat\\x1b[31m'; allowed: ...
    """
    text = require_instance(value, field, str)
    if not blank and not text.strip():
        raise InvalidValueError(field, text, Phrase("errors.allowed.non_blank_text"))
    if (_NOT_FOR_PEOPLE_MULTILINE if multiline else NOT_FOR_PEOPLE).search(text):
        key = "people_text_lines" if multiline else "one_line_text"
        raise InvalidValueError(field, text, Phrase(f"errors.allowed.{key}"))
    return text


def people_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: text for people on one line, possibly empty (see `require_people_text`)."""
    require_people_text(value, field_name(instance, attribute), blank=True)


def saveable_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: text any file can hold (see `require_saveable_text`)."""
    require_saveable_text(value, field_name(instance, attribute))


def one_line_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: non-blank text on one line, without control characters.

    A newline or another control character would break the diagrams, tables and
    files the text is written into, or paint a terminal (see `require_people_text`).

    Examples:
        >>> @attrs.frozen
        ... class Note:
        ...     text: str = attrs.field(validator=one_line_text)
        >>> Note("ok").text
        'ok'
        >>> Note("two\\nlines")
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: Note.text: invalid value 'two\\nlines'; allowed: ...
    """
    require_people_text(value, field_name(instance, attribute))


def require_saveable_int(value: object, field: str) -> int:
    """Return ``value`` if it is a whole number a TOML file can hold (64-bit), else raise.

    Examples:
        >>> require_saveable_int(2**63, "pages")
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: pages: invalid value 9223372036854775808; allowed: ...
    """
    number = require_instance(value, field, int)
    if not SAVED_INT_MIN <= number <= SAVED_INT_MAX:
        raise InvalidValueError(field, number, _SAVED_RANGE)
    return number


_SAVED_RANGE = Phrase("errors.allowed.saved_range", low=SAVED_INT_MIN, high=SAVED_INT_MAX)
_SAVED_SCALAR = Phrase("errors.expected.saved_scalar")


def require_saveable_scalar(value: object, field: str) -> str | int | float | bool:
    """Return ``value`` if both JSON and TOML files hold it and read it back equal.

    Text (no lone surrogate), a bool, a 64-bit whole number or a finite float;
    ``None`` is refused (TOML has no null), and so is anything else.

    Examples:
        >>> require_saveable_scalar(12, "pages")
        12
        >>> require_saveable_scalar(None, "pages")
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidTypeError: pages: expected text, a whole number, ...
    """
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return require_saveable_text(value, field)
    if isinstance(value, int):
        return require_saveable_int(value, field)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidValueError(field, value, Phrase("errors.allowed.finite_number"))
        return value
    raise InvalidTypeError(field, value, _SAVED_SCALAR)


def require_instance(
    value: object, field: str, kind: type[T], *, label: Phrase | str | None = None
) -> T:
    """Return ``value`` if it is an instance of ``kind`` (a bool is not an int here), else raise.

    Examples:
        >>> require_instance(3, "count", int)
        3
        >>> require_instance("3", "count", int, label=Phrase("errors.expected.whole_number"))
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidTypeError: count: expected a whole number, got str '3'
    """
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise InvalidTypeError(field, value, label or kind)
    return value


def at_least(minimum: int) -> Validator:
    """Reject numbers below ``minimum``."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
        if value < minimum:
            raise InvalidValueError(
                field_name(instance, attribute),
                value,
                Phrase("errors.allowed.whole_number_at_least", minimum=minimum),
            )

    return validate


def one_of(allowed: Iterable[object]) -> Validator:
    """Reject values outside ``allowed``."""
    choices = tuple(allowed)

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in choices:
            raise InvalidValueError(field_name(instance, attribute), value, choices)

    return validate


def literal_values(kind: object) -> tuple[Any, ...]:
    """The values of a ``Literal`` type, in the order it declares them.

    Examples:
        >>> from typing import Literal
        >>> literal_values(Literal["toml", "json"])
        ('toml', 'json')
    """
    values = typing.get_args(kind)
    if not values:
        raise TypeError(f"not a Literal type: {kind!r}")  # a programming error, not input
    return values


def one_of_literal(kind: object) -> Validator:
    """attrs validator: the value is one of a ``Literal`` type's values (see `one_of`)."""
    return one_of(literal_values(kind))


def tuple_of_literal(kind: object) -> Validator:
    """attrs validator: a tuple (never a list) whose every item is one of ``kind``'s values.

    An item that is not is named by its index (see `require_one_of`).
    """
    expected = Phrase(
        "errors.expected.tuple_of_values", values=" / ".join(repr(v) for v in literal_values(kind))
    )

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        name = field_name(instance, attribute)
        if not isinstance(value, tuple):
            raise InvalidTypeError(name, value, expected)
        for index, item in enumerate(value):
            require_one_of(item, f"{name}[{index}]", kind)

    return validate


def require_one_of(value: object, field: str, kind: object) -> Any:
    """Return ``value`` if it is one of the ``Literal`` type ``kind``'s values, else raise.

    Examples:
        >>> from typing import Literal
        >>> require_one_of("json", "format", Literal["toml", "json"])
        'json'
        >>> require_one_of("yaml", "format", Literal["toml", "json"])
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: format: invalid value 'yaml'; allowed: toml, json
    """
    allowed = literal_values(kind)
    # ``True in (1,)`` holds in Python: a bool is only a bool here.
    if not any(value == a and type(value) is type(a) for a in allowed):
        raise InvalidValueError(field, value, allowed)
    return value


def sequence_of(
    value: object, field: str, *types: type, label: Phrase | str | None = None
) -> tuple[Any, ...]:
    """The items of a sequence argument as a tuple, each an instance of ``types``.

    Any iterable is accepted (a list, a tuple, a generator), except text, bytes
    and mappings: ``"abc"`` is one value, not three, and a mapping's keys are
    rarely what was meant. Errors name the item by its index.

    Examples:
        >>> sequence_of([1, 2], "counts", int)
        (1, 2)
        >>> sequence_of("ab", "names", str)
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidTypeError: names: expected a sequence of str, got str 'ab'
        >>> sequence_of([1, "2"], "counts", int)
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidTypeError: counts[1]: expected int, got str '2'
    """
    inner = label or types
    if isinstance(value, (str, bytes, bytearray, Mapping)) or not isinstance(value, Iterable):
        raise InvalidTypeError(field, value, Phrase("errors.expected.sequence_of", items=inner))
    items = tuple(value)
    for index, item in enumerate(items):
        if not isinstance(item, types) or (isinstance(item, bool) and bool not in types):
            raise InvalidTypeError(f"{field}[{index}]", item, inner)
    return items


def require_unique(
    items: Iterable[T], field: str, key: Callable[[T], Hashable], what: Phrase | str
) -> None:
    """Raise if two of ``items`` share a ``key``: "each ``what`` at most once" (linear time).

    The error names the later item by its index and says the first one's.

    Examples:
        >>> require_unique(["a", "b", "a"], "names", lambda n: n, Phrase("errors.kind.name"))
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: names[2]: invalid value 'a'; allowed: each name ...
    """
    first: dict[Hashable, int] = {}
    for index, item in enumerate(items):
        k = key(item)
        if k in first:
            raise InvalidValueError(
                f"{field}[{index}]",
                k,
                Phrase("errors.allowed.unique", what=what, first=f"{field}[{first[k]}]"),
            )
        first[k] = index


def unique_by(key: Callable[[Any], Hashable], what: Phrase | str) -> Validator:
    """attrs validator over a tuple: no two items share ``key(item)`` (see `require_unique`)."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: Iterable[Any]) -> None:
        require_unique(value, field_name(instance, attribute), key, what)

    return validate


def aware(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a timezone-aware datetime."""
    require_aware(value, field_name(instance, attribute))


def require_aware(value: object, field: str) -> datetime:
    """Return ``value`` if it is a timezone-aware datetime, else raise naming ``field``."""
    if not isinstance(value, datetime):
        raise InvalidTypeError(field, value, Phrase("errors.expected.aware_datetime"))
    if value.tzinfo is None or value.utcoffset() is None:
        raise NaiveDatetimeError(field, value)
    return value


def require_date(value: object, field: str) -> date:
    """Return ``value`` if it is a plain ``date``, else raise naming ``field``.

    A ``datetime`` is a ``date`` subclass, but a day given as an instant is a
    mistake, not a day: it is refused too.
    """
    if isinstance(value, datetime) or not isinstance(value, date):
        raise InvalidTypeError(field, value, date)
    return value


def plain_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: require a plain ``date`` (see `require_date`)."""
    require_date(value, field_name(instance, attribute))


def require_day(value: object, field: str) -> date:
    """The day ``value`` stands for: a plain ``date``, or an aware datetime's own local date.

    A naive datetime is refused: it names no day anywhere in particular.

    Examples:
        >>> from datetime import timedelta, timezone
        >>> late = datetime(2026, 3, 17, 23, 30, tzinfo=timezone.utc)
        >>> tokyo = late.astimezone(timezone(timedelta(hours=9)))
        >>> require_day(late, "at"), require_day(tokyo, "at")
        (datetime.date(2026, 3, 17), datetime.date(2026, 3, 18))
        >>> require_day("2026-03-17", "at")
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidTypeError: at: expected date or timezone-aware datetime, got ...
    """
    if isinstance(value, datetime):
        return require_aware(value, field).date()
    if not isinstance(value, date):
        raise InvalidTypeError(field, value, Phrase("errors.expected.day"))
    return value


def require_ascii_digits(
    text: str, field: str, *, error: type[InvalidValueError] = InvalidValueError
) -> str:
    """Return ``text`` unless it holds a digit other than ASCII ``0``-``9``, else raise ``error``.

    Fullwidth (``３``), Arabic-Indic and other digits are refused the same way by
    every reader of numbers (durations, money, clock times, months, counts), with
    this one message, rather than read by some and refused by others.

    Examples:
        >>> require_ascii_digits("08:00", "start")
        '08:00'
        >>> require_ascii_digits("０８:00", "start")
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: start: invalid value '０８:00'; allowed: ... 0-9 ...
    """
    if not text.isascii() and any(c.isdigit() and not c.isascii() for c in text):
        raise error(field, text, Phrase("errors.allowed.ascii_digits"))
    return text


MAX_PHRASE_CHARACTERS = 200
"""The longest text the phrase readers take (durations, rupiah amounts, dates, instants).

Anything longer is refused at once, before any parsing: no phrase a person types
or a document holds comes near it, and parsing time stays bounded for any input."""


def require_short(
    text: str, field: str, *, error: type[InvalidValueError] = InvalidValueError
) -> str:
    """Return ``text`` if it has at most `MAX_PHRASE_CHARACTERS` characters, else raise ``error``.

    Examples:
        >>> require_short("3 hari kerja", "duration")
        '3 hari kerja'
        >>> require_short("tiga " * 100_000 + "hari", "duration")
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: duration: ... allowed: text of at most 200 characters
    """
    if len(text) > MAX_PHRASE_CHARACTERS:
        allowed = Phrase("errors.allowed.at_most_characters", limit=MAX_PHRASE_CHARACTERS)
        raise error(field, text, allowed)
    return text


_INSTANT_EXAMPLE = Phrase("errors.allowed.instant")


def parse_instant(text: object, field: str, *, zone: tzinfo | None = None) -> datetime:
    """An aware datetime from ISO 8601 text: the one reader of instants people type or files hold.

    A text without an offset is refused, unless ``zone`` is given: then it is that
    zone's wall-clock time (what the CLI does with a calendar's zone). A trailing ``Z``
    means UTC (``+00:00``) on every Python, 3.10 included.

    Examples:
        >>> parse_instant("2026-03-17T14:00+07:00", "start").isoformat()
        '2026-03-17T14:00:00+07:00'
        >>> parse_instant("2026-03-17T07:00Z", "start").isoformat()
        '2026-03-17T07:00:00+00:00'
        >>> parse_instant("2026-03-17 14:00", "start")
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: start: invalid value '2026-03-17 14:00'; allowed: ...
    """
    if not isinstance(text, str):
        raise InvalidTypeError(
            field, text, Phrase("errors.expected.instant_text", instant=_INSTANT_EXAMPLE)
        )
    require_short(text, field)
    # Python 3.10's reader knows only ``isoformat()``'s own output: spell ``Z`` for it.
    spelled = text[:-1] + "+00:00" if text.endswith("Z") else text
    try:
        moment = datetime.fromisoformat(spelled)
    except ValueError:
        raise InvalidValueError(field, text, _INSTANT_EXAMPLE) from None
    if moment.tzinfo is None:
        if zone is None:
            raise InvalidValueError(field, text, _INSTANT_EXAMPLE)
        moment = moment.replace(tzinfo=zone)
    return moment
