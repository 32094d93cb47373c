"""Small composable attrs validators whose errors name the field, what is allowed and what came.

Private: the public face of these is the error they raise (see `pst_core.errors`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, tzinfo
from typing import Any, TypeVar

import attrs

from pst_core.errors import InvalidTypeError, InvalidValueError, NaiveDatetimeError

T = TypeVar("T")

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def field_name(instance: object, attribute: attrs.Attribute[Any]) -> str:
    """``ClassName.attribute``: how an error names the field at fault."""
    return f"{type(instance).__name__}.{attribute.name}"


def instance_of(*types: type, label: str | None = None) -> Validator:
    """Reject values that are not instances of ``types`` (bool is not an int here)."""
    expected = label or " or ".join(t.__name__ for t in types)

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise InvalidTypeError(field_name(instance, attribute), value, expected)

    return validate


def tuple_of(*types: type, label: str | None = None) -> Validator:
    """Require a tuple (never a list: models are immutable) whose items are ``types``."""
    inner = label or " or ".join(t.__name__ for t in types)

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        name = field_name(instance, attribute)
        if not isinstance(value, tuple):
            raise InvalidTypeError(name, value, f"tuple of {inner}")
        for index, item in enumerate(value):
            if not isinstance(item, types) or (isinstance(item, bool) and bool not in types):
                raise InvalidTypeError(f"{name}[{index}]", item, inner)

    return validate


def non_empty(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """Reject empty or blank strings."""
    if not value.strip():
        raise InvalidValueError(field_name(instance, attribute), value, "a non-blank string")


def at_least(minimum: int) -> Validator:
    """Reject numbers below ``minimum``."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
        if value < minimum:
            raise InvalidValueError(
                field_name(instance, attribute), value, f"a whole number >= {minimum}"
            )

    return validate


def one_of(allowed: Iterable[object]) -> Validator:
    """Reject values outside ``allowed``."""
    choices = tuple(allowed)

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in choices:
            raise InvalidValueError(field_name(instance, attribute), value, choices)

    return validate


def aware(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a timezone-aware datetime."""
    require_aware(value, field_name(instance, attribute))


def require_aware(value: object, field: str) -> datetime:
    """Return ``value`` if it is a timezone-aware datetime, else raise naming ``field``."""
    if not isinstance(value, datetime):
        raise InvalidTypeError(field, value, "timezone-aware datetime")
    if value.tzinfo is None or value.utcoffset() is None:
        raise NaiveDatetimeError(field, value)
    return value


def require_date(value: object, field: str) -> date:
    """Return ``value`` if it is a plain ``date``, else raise naming ``field``.

    A ``datetime`` is a ``date`` subclass, but a day given as an instant is a
    mistake, not a day: it is refused too.
    """
    if isinstance(value, datetime) or not isinstance(value, date):
        raise InvalidTypeError(field, value, "date")
    return value


def plain_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: require a plain ``date`` (see `require_date`)."""
    require_date(value, field_name(instance, attribute))


_INSTANT_EXAMPLE = "an ISO 8601 instant with its offset, e.g. 2026-03-17T14:00:00+07:00"


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
        raise InvalidTypeError(field, text, "text: " + _INSTANT_EXAMPLE)
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
