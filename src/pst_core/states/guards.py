"""Guards: the data conditions on a transition, and the comparison language files write them in.

A `Guard` is a named, pure predicate on an event's data. Written in a file, it
is a comparison of one data field with a JSON literal, ``data.KEY == VALUE`` or
``data.KEY != VALUE``: nothing is evaluated, and the guard is data. In Python it
may instead wrap a function of the data. Two guards on the same ``(state,
event)`` must be *exclusive* (`Guard.excludes`): they compare one field with
different values, or one names the other in ``exclusive_with``.

Example:
    >>> complete = Guard.parse('data.outcome == "complete"')
    >>> complete.holds({"outcome": "complete"}), complete.excludes(
    ...     Guard.data_equals("outcome", "incomplete"))
    (True, True)
"""

from __future__ import annotations

import json
import math
import re
import typing
from collections.abc import Callable, Mapping
from typing import Any, Literal

import attrs

from pst_core._validation import NOT_FOR_PEOPLE, literal_values, one_line_text, tuple_of
from pst_core.errors import InvalidTypeError, InvalidValueError, Phrase
from pst_core.states.events import EventData

__all__ = ["Guard", "GuardOp"]

GuardOp = Literal["==", "!="]
"""The comparisons a guard written in a file may make."""

_COMPARISON = re.compile(
    r"[ \t]*data\.(?P<key>[A-Za-z_][A-Za-z0-9_]*)[ \t]*(?P<op>==|!=)[ \t]*(?P<value>[^\n]+?)[ \t]*"
)
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LITERAL_RULE = Phrase("states.allowed.json_literal")


def _literal(source: str) -> Any:
    if len(source) >= 2 and source[0] == source[-1] == "'":
        source = json.dumps(source[1:-1])
    try:
        value = json.loads(source)
    except ValueError:
        raise InvalidValueError("Guard.value", source, _LITERAL_RULE) from None
    if isinstance(value, (list, dict)) or (isinstance(value, float) and not math.isfinite(value)):
        raise InvalidValueError("Guard.value", source, _LITERAL_RULE)
    return value


def _same(a: object, b: object) -> bool:
    # JSON semantics: true is not 1.
    return type(a) is type(b) and a == b if isinstance(a, bool) or isinstance(b, bool) else a == b


def _comparison(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if (
        not isinstance(value, tuple)
        or len(value) != 3
        or not isinstance(value[0], str)
        or value[1] not in literal_values(GuardOp)
    ):
        raise InvalidValueError("Guard.comparison", value, Phrase("states.allowed.comparison"))
    if value[2] is not None:  # null compares with a missing field (event data holds no null)
        EventData({value[0]: value[2]})  # the value must be a JSON scalar


@attrs.frozen
class Guard:
    """A named, pure predicate on an event's data that must hold for a transition.

    Guards written in files are comparisons of one event-data field with a
    literal, ``data.KEY == VALUE`` or ``data.KEY != VALUE`` (`Guard.parse`,
    `Guard.data_equals`, `Guard.data_not_equals`): no code is evaluated, and the
    guard pickles. In Python a guard may instead wrap a function of the data,
    ``predicate(data) -> bool``; it is compared by name only, and it pickles when
    the function does (a module-level function, not a lambda).

    Attributes:
        name: How the guard is shown and referred to.
        predicate: ``predicate(data) -> bool``, or ``None`` for a comparison.
        exclusive_with: Names of guards this one can never hold together with.
        comparison: ``(key, op, value)`` for a comparison, else ``None``.

    Example:
        >>> g = Guard.data_equals("outcome", "complete")
        >>> g.name, g.holds({"outcome": "complete"}), g.holds({})
        ('data.outcome == "complete"', True, False)
        >>> g.excludes(Guard.parse("data.outcome == 'incomplete'"))
        True
        >>> import operator
        >>> Guard("big order", operator.methodcaller("get", "big")).holds({"big": True})
        True
    """

    name: str = attrs.field(validator=one_line_text)
    predicate: Callable[[Mapping[str, Any]], object] | None = attrs.field(
        default=None, eq=False, repr=False
    )
    exclusive_with: tuple[str, ...] = attrs.field(default=(), kw_only=True, validator=tuple_of(str))
    comparison: tuple[str, GuardOp, Any] | None = attrs.field(
        default=None, kw_only=True, validator=_comparison
    )

    def __attrs_post_init__(self) -> None:
        if (self.predicate is None) == (self.comparison is None):
            raise InvalidValueError(
                "Guard.predicate", self.predicate, Phrase("states.allowed.predicate")
            )
        if self.predicate is not None and not callable(self.predicate):
            raise InvalidTypeError(
                "Guard.predicate", self.predicate, Phrase("states.expected.callable")
            )

    @classmethod
    def data_equals(cls, key: str, value: Any) -> Guard:
        """Holds when ``data[key] == value`` (a missing key is ``None``)."""
        return cls._compare(key, "==", value)

    @classmethod
    def data_not_equals(cls, key: str, value: Any) -> Guard:
        """Holds when ``data[key] != value`` (a missing key is ``None``)."""
        return cls._compare(key, "!=", value)

    @classmethod
    def _compare(cls, key: str, op: GuardOp, value: Any) -> Guard:
        if not isinstance(key, str) or not _KEY.fullmatch(key):
            raise InvalidValueError("Guard.key", key, Phrase("states.allowed.identifier"))
        # Written as JSON escapes where a person's text may not hold the character itself.
        literal = NOT_FOR_PEOPLE.sub(
            lambda m: f"\\u{ord(m[0]):04x}", json.dumps(value, ensure_ascii=False)
        )
        name = f"data.{key} {op} {literal}"
        return cls(name, comparison=(key, op, value))

    @classmethod
    def parse(cls, source: str) -> Guard:
        """A guard from ``data.KEY == VALUE`` or ``data.KEY != VALUE``, VALUE a JSON literal.

        Raises:
            InvalidValueError: for anything else.

        Example:
            >>> Guard.parse("data.paid != true").holds({"paid": False})
            True
            >>> Guard.parse("len(data) > 2")
            Traceback (most recent call last):
            ...
            pst_core.errors.InvalidValueError: Guard: invalid value 'len(data) > 2'; allowed: ...
        """
        match = _COMPARISON.fullmatch(source) if isinstance(source, str) else None
        if match is None:
            raise InvalidValueError("Guard", source, Phrase("states.allowed.guard_text"))
        op = typing.cast(GuardOp, match["op"])
        return cls._compare(match["key"], op, _literal(match["value"]))

    def holds(self, data: Mapping[str, Any]) -> bool:
        """Whether the guard holds for an event's ``data``."""
        if self.comparison is not None:
            key, op, value = self.comparison
            return _same(data.get(key), value) == (op == "==")
        assert self.predicate is not None
        return bool(self.predicate(data))

    def excludes(self, other: Guard) -> bool:
        """Whether this guard and ``other`` can never both hold (declared, or provable)."""
        if other.name in self.exclusive_with or self.name in other.exclusive_with:
            return True
        if self.comparison is None or other.comparison is None:
            return False
        (key, op, value), (other_key, other_op, other_value) = self.comparison, other.comparison
        if key != other_key:
            return False
        if op == other_op == "==":
            return not _same(value, other_value)
        return op != other_op and _same(value, other_value)
