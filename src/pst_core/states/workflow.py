"""Workflow tables: states, events, guarded transitions, clocks and timers, validated when built.

This module only *declares*; `pst_core.states.sla` evaluates clocks and timers
over a history and `pst_core.states.transaction` moves transactions. It imports
nothing else from `pst_core.states`.

A `Workflow` is a frozen table. Each `Transition` says "in state *source*, event
*event* leads to *target*", optionally only when its `Guard` (a named, pure
predicate on the event's data) holds, and optionally only for the `roles` it
names. The table is checked when it is built, and a bad one raises
`InvalidWorkflowError` naming the state or transition at fault:

* exactly one initial state and at least one terminal state;
* every state reachable from the initial one, and some terminal state reachable
  from every non-terminal one; no transition out of a terminal state;
* transitions are deterministic: for one ``(source, event)`` at most one is
  unguarded (the fallback), and any two guarded ones are *exclusive* (they
  compare one data field with different values, or one names the other in
  ``exclusive_with``).

Names of states and events are identifiers (ASCII letters, digits, ``-`` and
``_``, starting with a letter; nothing after the last character, not even a
newline) from two disjoint sets, because clocks and timers name either one as a
trigger; the event name ``open`` is reserved for the opening of a transaction.

A workflow carries the `WorkingCalendar` every one of its clocks and timers
uses (``calendar=``, default the PST calendar in Asia/Jakarta).

Example:
    >>> wf = Workflow(
    ...     "ticket",
    ...     states=(State("new", initial=True), State("done", terminal=True)),
    ...     transitions=(Transition("new", "solve", "done", roles=("officer",)),),
    ...     clocks=(Clock("reply", WorkingTime(60), starts_on=("open",), stops_on=("done",)),),
    ... )
    >>> wf.events, wf.calendar.timezone.key
    (('solve',), 'Asia/Jakarta')
    >>> Workflow("broken", states=(State("a", initial=True), State("b", terminal=True)))
    Traceback (most recent call last):
    ...
    pst_core.errors.InvalidWorkflowError: workflow 'broken': state 'b' cannot be ...
"""

from __future__ import annotations

import functools
import json
import math
import re
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Literal

import attrs

from pst_core import _io
from pst_core._display import html_mermaid, html_section, html_table, html_text, short
from pst_core._validation import aware, instance_of, non_empty, tuple_of
from pst_core.calendar.calendar import WorkingCalendar
from pst_core.calendar.converter import structure, unstructure
from pst_core.calendar.durations import (
    CalendarDays,
    CalendarMonths,
    Duration,
    WorkingDays,
    WorkingTime,
)
from pst_core.errors import (
    DataFileError,
    InvalidTransitionError,
    InvalidTypeError,
    InvalidValueError,
    InvalidWorkflowError,
    PstError,
)
from pst_core.i18n import Language, check_language, text

__all__ = [
    "OPEN",
    "ROLE_CHECKS",
    "Clock",
    "ClockSeverity",
    "Event",
    "EventData",
    "Guard",
    "RoleCheck",
    "State",
    "Timer",
    "Transition",
    "Workflow",
    "utc",
]

OPEN = "open"
"""The name of the first event of every transaction: its opening."""

RoleCheck = Literal["strict", "lenient"]
"""How a workflow treats an event fired by an actor outside the transition's ``roles``:
``"strict"`` refuses it (`InvalidTransitionError` listing the allowed roles),
``"lenient"`` accepts it and the transaction lists it in ``off_role_events()``."""

ROLE_CHECKS: tuple[RoleCheck, ...] = typing.get_args(RoleCheck)
"""Every `RoleCheck`."""

ClockSeverity = Literal["breach", "warn"]
"""What a clock past its budget means: ``"breach"`` (a broken service promise) or
``"warn"`` (a target the user may extend: the clock is *overdue*, never breached)."""

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_NAME_RULE = "an identifier of ASCII letters, digits, '-' and '_' starting with a letter"
_WORKFLOW_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*(?::[A-Za-z0-9][A-Za-z0-9_-]*)?")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_DURATIONS = (WorkingTime, WorkingDays, CalendarDays, CalendarMonths)
_ZERO = timedelta(0)


def _identifier(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _NAME.fullmatch(value):
        raise InvalidValueError(f"{type(instance).__name__}.{attribute.name}", value, _NAME_RULE)


def _identifiers(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    tuple_of(str)(instance, attribute, value)
    for index, item in enumerate(typing.cast(tuple[str, ...], value)):
        if not _NAME.fullmatch(item):
            raise InvalidValueError(
                f"{type(instance).__name__}.{attribute.name}[{index}]", item, _NAME_RULE
            )


def _workflow_name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _WORKFLOW_NAME.fullmatch(value):
        raise InvalidValueError(
            "Workflow.name", value, _NAME_RULE + ", optionally ':' and a standard's id"
        )


def _plain_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Non-blank text on one line: no control characters (they would break diagrams)."""
    instance_of(str)(instance, attribute, value)
    non_empty(instance, attribute, typing.cast(str, value))
    if _CONTROL.search(typing.cast(str, value)):
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name}", value, "text without control characters"
        )


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _plain_text(instance, attribute, value)


# --- events ------------------------------------------------------------------------

_SCALARS = "str, int, float, bool or None"


class EventData(Mapping[str, Any]):
    """The read-only data of an event: text keys to JSON scalars, kept in key order.

    Unlike a `types.MappingProxyType` it can be pickled, deep-copied and hashed.

    Example:
        >>> data = EventData({"outcome": "complete", "pages": 12})
        >>> dict(data), data == {"pages": 12, "outcome": "complete"}
        ({'outcome': 'complete', 'pages': 12}, True)
        >>> EventData({"when": datetime(2026, 3, 17)})
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidTypeError: Event.data['when']: expected str, int, float, bool ...
    """

    __slots__ = ("_items",)
    _items: dict[str, Any]

    def __init__(self, data: Mapping[str, Any] | None = None) -> None:
        data = {} if data is None else data
        if not isinstance(data, Mapping):
            raise InvalidTypeError("Event.data", data, "a mapping of names to values")
        for key, value in data.items():
            if not isinstance(key, str):
                raise InvalidTypeError("Event.data key", key, "str")
            if value is not None and not isinstance(value, (str, int, float, bool)):
                raise InvalidTypeError(f"Event.data[{key!r}]", value, _SCALARS)
            if isinstance(value, float) and not math.isfinite(value):
                raise InvalidValueError(f"Event.data[{key!r}]", value, "a finite number")
        object.__setattr__(self, "_items", dict(sorted(data.items())))

    def __getitem__(self, key: str) -> Any:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(tuple(self._items.items()))

    def __repr__(self) -> str:
        return repr(self._items)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("EventData is read-only")

    def __reduce__(self) -> tuple[Any, ...]:
        return (EventData, (self._items,))


def _event_data(value: object) -> EventData:
    return value if isinstance(value, EventData) else EventData(value)  # type: ignore[arg-type]


def _instant(value: object) -> datetime:
    """An aware datetime with a fixed UTC offset: the one it has at that instant.

    ``datetime`` compares two values of one ``tzinfo`` by wall clock and ignores
    ``fold``; with the offset fixed, comparisons and round trips are absolute.
    A local time that does not exist (in a spring-forward gap) is refused.
    """
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
        return value  # type: ignore[return-value]  # the validator names the problem
    offset = value.utcoffset()
    assert offset is not None
    utc = value.astimezone(timezone.utc)
    back = utc.astimezone(value.tzinfo)
    if back.replace(tzinfo=None, fold=0) != value.replace(tzinfo=None, fold=0):
        raise InvalidValueError(
            "Event.at", value, "a local time that exists in its zone (not in a clock-change gap)"
        )
    return value.replace(tzinfo=timezone(offset), fold=0)


@attrs.frozen
class Event:
    """One entry of a transaction's history.

    Attributes:
        name: The event's name (``"open"`` for the opening).
        at: When it happened: aware, kept with the fixed UTC offset it had then
            (so an instant in a daylight-saving fold stays that instant).
        actor: The role that made it happen (``"user"``, ``"officer"``,
            ``"system"`` for timers); a transition's ``roles`` are checked against it.
        data: Read-only `EventData` of JSON scalars that came with the event.

    Example:
        >>> from zoneinfo import ZoneInfo
        >>> at = datetime(2026, 3, 17, 14, tzinfo=ZoneInfo("Asia/Jakarta"))
        >>> e = Event("verify", at, "officer", {"outcome": "complete"})
        >>> e.data["outcome"], e.at.isoformat(), e.at == at
        ('complete', '2026-03-17T14:00:00+07:00', True)
        >>> Event("verify", datetime(2026, 3, 17, 7), "officer")
        Traceback (most recent call last):
        ...
        pst_core.errors.NaiveDatetimeError: Event.at: naive datetime ...
    """

    name: str = attrs.field(validator=_plain_text)
    at: datetime = attrs.field(converter=_instant, validator=aware)
    actor: str = attrs.field(validator=_plain_text)
    data: Mapping[str, Any] = attrs.field(factory=EventData, converter=_event_data)


def utc(moment: datetime) -> datetime:
    """``moment`` in UTC: how instants are ordered everywhere in this package.

    Example:
        >>> from zoneinfo import ZoneInfo
        >>> utc(datetime(2026, 3, 17, 14, tzinfo=ZoneInfo("Asia/Jakarta"))).isoformat()
        '2026-03-17T07:00:00+00:00'
    """
    return moment.astimezone(timezone.utc)


# --- guards ----------------------------------------------------------------------

GuardOp = Literal["==", "!="]
"""The comparisons a guard written in a file may make."""

_COMPARISON = re.compile(
    r"[ \t]*data\.(?P<key>[A-Za-z_][A-Za-z0-9_]*)[ \t]*(?P<op>==|!=)[ \t]*(?P<value>[^\n]+?)[ \t]*"
)
_LITERAL_RULE = 'a JSON literal: true, false, null, a number or a "string"'


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
        or value[1] not in typing.get_args(GuardOp)
    ):
        raise InvalidValueError("Guard.comparison", value, "(key, '==' or '!=', JSON scalar)")
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

    name: str = attrs.field(validator=_plain_text)
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
                "Guard.predicate", self.predicate, "a function of the data, or a comparison"
            )
        if self.predicate is not None and not callable(self.predicate):
            raise InvalidTypeError("Guard.predicate", self.predicate, "a callable")

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
        if not isinstance(key, str) or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
            raise InvalidValueError("Guard.key", key, "an identifier")
        literal = re.sub(
            "[\x7f-\x9f]",
            lambda m: f"\\u{ord(m[0]):04x}",
            json.dumps(value, ensure_ascii=False),
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
            raise InvalidValueError("Guard", source, "'data.KEY == VALUE' or 'data.KEY != VALUE'")
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


# --- the table ---------------------------------------------------------------------


@attrs.frozen
class State:
    """One state of a workflow.

    Attributes:
        name: Identifier, e.g. ``"waiting-for-user"``.
        initial: Whether transactions start here (exactly one state is initial).
        terminal: Whether the transaction ends here (no transition leaves it).
        label: The Indonesian label people know, e.g. ``"Pemeriksaan kelengkapan"``.
        label_en: The English label.

    Example:
        >>> s = State("verifying", label="Pemeriksaan kelengkapan", label_en="Checking the request")
        >>> s.describe("id"), s.describe(), State("queued").describe()
        ('Pemeriksaan kelengkapan', 'Checking the request', 'queued')
    """

    name: str = attrs.field(validator=_identifier)
    initial: bool = attrs.field(default=False, kw_only=True, validator=instance_of(bool))
    terminal: bool = attrs.field(default=False, kw_only=True, validator=instance_of(bool))
    label: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)
    label_en: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)

    def describe(self, language: Language = "en") -> str:
        """The state's label in ``language``, else the other language's, else its name."""
        first, second = (
            (self.label, self.label_en)
            if check_language(language) == "id"
            else (self.label_en, self.label)
        )
        return first or second or self.name


@attrs.frozen
class Transition:
    """``(source, event) -> target``, taken when ``guard`` (if any) holds, by ``roles`` (if any).

    Example:
        >>> t = Transition("verifying", "verify", "complete",
        ...                Guard.data_equals("outcome", "complete"), roles=("officer",))
        >>> str(t)
        'verifying --verify [data.outcome == "complete"]--> complete'
    """

    source: str = attrs.field(validator=_identifier)
    event: str = attrs.field(validator=_identifier)
    target: str = attrs.field(validator=_identifier)
    guard: Guard | None = attrs.field(
        default=None, validator=attrs.validators.optional(instance_of(Guard))
    )
    roles: tuple[str, ...] = attrs.field(default=(), kw_only=True, validator=_identifiers)

    def allows(self, actor: str) -> bool:
        """Whether ``actor`` may fire it: any actor when ``roles`` is empty."""
        return not self.roles or actor in self.roles

    def __str__(self) -> str:
        guard = "" if self.guard is None else f" [{self.guard.name}]"
        return f"{self.source} --{self.event}{guard}--> {self.target}"


def _goal(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    name = f"{type(instance).__name__}.{attribute.name}"
    if not isinstance(value, _DURATIONS):
        raise InvalidTypeError(name, value, "a Duration")
    if isinstance(value, WorkingTime) and value.span <= _ZERO:
        raise InvalidValueError(name, value, "a positive amount of time")


@attrs.frozen
class Clock:
    """An SLA clock declared on a workflow (`pst_core.states.sla` gives the semantics).

    Attributes:
        name: Identifier, e.g. ``"delivery"``.
        goal: The time allowed, usually from the service standard.
        starts_on: Triggers (events, states or ``"open"``) that start a cycle.
        stops_on: Triggers that stop the running cycle (met unless over budget).
        paused_in: States in which the clock is paused (waiting on the user).
        cancels_on: Triggers that cancel the running cycle.
        severity: ``"breach"`` (default) or ``"warn"`` for a target the user may
            extend (past its budget it is *overdue*, not breached).

    Example:
        >>> c = Clock("delivery", WorkingDays(10), starts_on=("complete",), stops_on=("delivered",))
        >>> c.counts_open_time, c.severity
        (True, 'breach')
    """

    name: str = attrs.field(validator=_identifier)
    goal: Duration = attrs.field(validator=_goal)
    starts_on: tuple[str, ...] = attrs.field(kw_only=True, validator=_identifiers)
    stops_on: tuple[str, ...] = attrs.field(kw_only=True, validator=_identifiers)
    paused_in: tuple[str, ...] = attrs.field(default=(), kw_only=True, validator=_identifiers)
    cancels_on: tuple[str, ...] = attrs.field(default=(), kw_only=True, validator=_identifiers)
    severity: ClockSeverity = attrs.field(
        default="breach", kw_only=True, validator=attrs.validators.in_(("breach", "warn"))
    )

    @property
    def counts_open_time(self) -> bool:
        """True when the goal counts open time (working time or working days)."""
        return isinstance(self.goal, (WorkingTime, WorkingDays))


@attrs.frozen
class Timer:
    """An event the system fires once a duration has passed in some states.

    Attributes:
        name: Identifier, e.g. ``"no-response"``.
        event: The event to fire; it must be allowed from every state of ``in_states``.
        after: How long after the reference instant, added on the workflow's calendar.
        in_states: States in which the timer is armed.
        since: Triggers whose last occurrence is the reference instant (default:
            entering one of ``in_states``).
        actor: The role that fires it (``"system"``, or ``"officer"`` when a person must act).

    Example:
        >>> t = Timer("billing", "expire-billing-code", CalendarDays(7), in_states=("invoiced",))
        >>> t.triggers
        ('invoiced',)
    """

    name: str = attrs.field(validator=_identifier)
    event: str = attrs.field(validator=_identifier)
    after: Duration = attrs.field(validator=_goal)
    in_states: tuple[str, ...] = attrs.field(kw_only=True, validator=_identifiers)
    since: tuple[str, ...] = attrs.field(default=(), kw_only=True, validator=_identifiers)
    actor: str = attrs.field(default="system", kw_only=True, validator=_plain_text)

    @property
    def triggers(self) -> tuple[str, ...]:
        """What sets the reference instant: ``since``, or else ``in_states``."""
        return self.since or self.in_states


# --- the file form -------------------------------------------------------------------


@attrs.frozen
class _StateSpec:
    name: str
    initial: bool = False
    terminal: bool = False
    label: str | None = None
    label_en: str | None = None


@attrs.frozen
class _TransitionSpec:
    source: str
    event: str
    target: str
    guard: str | None = None
    roles: tuple[str, ...] = ()


@attrs.frozen
class _ClockSpec:
    name: str
    goal: Duration
    starts_on: tuple[str, ...]
    stops_on: tuple[str, ...] = ()
    paused_in: tuple[str, ...] = ()
    cancels_on: tuple[str, ...] = ()
    severity: ClockSeverity = "breach"


@attrs.frozen
class _TimerSpec:
    name: str
    event: str
    after: Duration
    in_states: tuple[str, ...]
    since: tuple[str, ...] = ()
    actor: str = "system"


@attrs.frozen
class _WorkflowSpec:
    name: str
    states: tuple[_StateSpec, ...]
    transitions: tuple[_TransitionSpec, ...]
    clocks: tuple[_ClockSpec, ...] = ()
    timers: tuple[_TimerSpec, ...] = ()
    description: str = ""
    timezone: str = "Asia/Jakarta"
    calendar: str | None = None
    role_check: RoleCheck = "lenient"


def _item(file: str, path: str, build: Callable[[], Any]) -> Any:
    """Build one part, turning a field error into a file error with the part's path."""
    try:
        return build()
    except InvalidValueError as err:
        attribute = err.field.rpartition(".")[2]
        raise DataFileError(file, f"{path}.{attribute}", err.value, err.allowed) from err


def _guard(
    spec: _TransitionSpec, index: int, guards: Mapping[str, Guard], file: str
) -> Guard | None:
    if spec.guard is None:
        return None
    if spec.guard in guards:
        return guards[spec.guard]
    try:
        return Guard.parse(spec.guard)
    except InvalidValueError as err:
        allowed = "'data.KEY == VALUE', 'data.KEY != VALUE' (VALUE a JSON literal)"
        if guards:
            allowed += " or one of the guards " + ", ".join(sorted(guards))
        raise DataFileError(file, f"transitions[{index}].guard", spec.guard, allowed) from err


def _file_calendar(spec: _WorkflowSpec, calendar: WorkingCalendar | None, file: str) -> Any:
    if calendar is not None:
        if not isinstance(calendar, WorkingCalendar):
            raise InvalidTypeError("calendar", calendar, "a WorkingCalendar")
        wanted = spec.calendar or WorkingCalendar.pst(spec.timezone).fingerprint
        if calendar.timezone.key != spec.timezone:
            raise DataFileError(file, "timezone", spec.timezone, repr(calendar.timezone.key))
        if spec.calendar is not None and calendar.fingerprint != wanted:
            raise DataFileError(
                file,
                "calendar",
                spec.calendar,
                f"{calendar.fingerprint!r}, the fingerprint of the calendar passed",
            )
        return calendar
    try:
        default = WorkingCalendar.pst(spec.timezone)
    except PstError as err:
        raise DataFileError(
            file, "timezone", spec.timezone, "an IANA zone name such as 'Asia/Makassar'"
        ) from err
    if spec.calendar is not None and spec.calendar != default.fingerprint:
        raise DataFileError(
            file,
            "calendar",
            spec.calendar,
            "the fingerprint of the PST calendar of the file's zone, or pass calendar= "
            "(the workflow was saved with its own calendar)",
        )
    return default


def _check_calendar(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    instance_of(WorkingCalendar)(instance, attribute, value)


@attrs.frozen
class Workflow(_io.DataModel):
    """A validated, immutable table of states and transitions, with its clocks, timers and calendar.

    Read and written with the verbs of every saved model: `Workflow.load(path,
    guards=..., calendar=...)`, `Workflow.loads(text, format=...)`,
    `Workflow.from_data(data)`, `workflow.dump(path)`, `workflow.dumps()`,
    `workflow.to_data()`. In a file, durations are phrases (``"3 hari kerja"``,
    ``"7 hari"``, ``"2 jam"``), guards are comparisons (``'data.outcome ==
    "complete"'``) or names of guards passed in ``guards=``, and the calendar is
    the PST one of the file's ``timezone``; a workflow saved with another
    calendar records its fingerprint and is read back only with ``calendar=``.

    Attributes:
        name: The workflow's name; transactions refer to their workflow by it in files.
        states: Every state, in display order.
        transitions: Every transition, in display order.
        clocks: SLA clocks measured over a transaction.
        timers: Events the system fires when time passes.
        description: One line saying what the workflow is.
        calendar: The working calendar of every clock and timer.
        role_check: ``"lenient"`` (default: an event by an actor outside the
            transition's roles is accepted and listed by
            ``Transaction.off_role_events``) or ``"strict"`` (refused). It is a
            property of the table, not of a call, so that replaying or loading a
            history applies the same rule as firing it did.

    Raises:
        InvalidWorkflowError: when the table breaks a rule (see the module docs), naming the fault.

    Example:
        >>> wf = Workflow.from_data({
        ...     "name": "library-visit",
        ...     "states": [{"name": "reading", "initial": True},
        ...                {"name": "left", "terminal": True}],
        ...     "transitions": [{"source": "reading", "event": "leave", "target": "left"}],
        ...     "clocks": [{"name": "stay", "goal": "2 jam", "starts_on": ["open"],
        ...                 "stops_on": ["left"]}],
        ... })
        >>> wf.clocks[0].goal, Workflow.loads(wf.dumps(), format="json") == wf
        (WorkingTime(minutes=120), True)
    """

    name: str = attrs.field(validator=_workflow_name)
    states: tuple[State, ...] = attrs.field(validator=tuple_of(State))
    transitions: tuple[Transition, ...] = attrs.field(default=(), validator=tuple_of(Transition))
    clocks: tuple[Clock, ...] = attrs.field(default=(), kw_only=True, validator=tuple_of(Clock))
    timers: tuple[Timer, ...] = attrs.field(default=(), kw_only=True, validator=tuple_of(Timer))
    description: str = attrs.field(default="", kw_only=True, validator=instance_of(str))
    calendar: WorkingCalendar = attrs.field(
        factory=WorkingCalendar.pst, kw_only=True, validator=_check_calendar
    )
    role_check: RoleCheck = attrs.field(
        default="lenient", kw_only=True, validator=attrs.validators.in_(ROLE_CHECKS)
    )

    def __attrs_post_init__(self) -> None:
        _check_table(self)
        _check_unique(self, "clock", [c.name for c in self.clocks])
        _check_unique(self, "timer", [t.name for t in self.timers])
        for clock in self.clocks:
            _check_clock(self, clock)
        for timer in self.timers:
            _check_timer(self, timer)

    @property
    def initial(self) -> State:
        """The one initial state."""
        return next(s for s in self.states if s.initial)

    @property
    def terminals(self) -> tuple[State, ...]:
        """The terminal states, in table order."""
        return tuple(s for s in self.states if s.terminal)

    @property
    def state_names(self) -> tuple[str, ...]:
        """Names of every state, in table order."""
        return tuple(s.name for s in self.states)

    @property
    def events(self) -> tuple[str, ...]:
        """Names of every event, in order of first appearance in the table."""
        return tuple(dict.fromkeys(t.event for t in self.transitions))

    def state(self, name: str) -> State:
        """The state called ``name``.

        Raises:
            InvalidTransitionError: if the workflow has no such state.
        """
        for state in self.states:
            if state.name == name:
                return state
        raise InvalidTransitionError(
            f"workflow {self.name!r} has no state {name!r}", value=name, allowed=self.state_names
        )

    def is_terminal(self, state: str) -> bool:
        """Whether ``state`` is terminal."""
        return self.state(state).terminal

    def events_from(self, state: str) -> tuple[str, ...]:
        """Events with at least one transition out of ``state``, in table order.

        Example:
            >>> wf = Workflow("t", (State("a", initial=True), State("b", terminal=True)),
            ...               (Transition("a", "go", "b"), Transition("a", "quit", "b")))
            >>> wf.events_from("a"), wf.events_from("b")
            (('go', 'quit'), ())
        """
        self.state(state)
        return tuple(dict.fromkeys(t.event for t in self.transitions if t.source == state))

    def targets(self, state: str, event: str) -> tuple[Transition, ...]:
        """The transitions for ``(state, event)``, guarded ones first then the fallback."""
        found = [t for t in self.transitions if t.source == state and t.event == event]
        return tuple(sorted(found, key=lambda t: t.guard is None))

    def select(
        self, state: str, event: str, data: Mapping[str, Any], actor: str | None = None
    ) -> Transition:
        """The transition ``event`` takes from ``state`` with ``data``, fired by ``actor``.

        With ``role_check="strict"`` and an ``actor``, a transition whose ``roles``
        do not include the actor is refused.

        Raises:
            InvalidTransitionError: if no transition matches (listing the allowed
                events), or the actor may not fire it (listing the allowed roles).

        Example:
            >>> t = Transition("a", "go", "b", roles=("officer",))
            >>> wf = Workflow("t", (State("a", initial=True), State("b", terminal=True)), (t,),
            ...               role_check="strict")
            >>> wf.select("a", "go", {}, "officer").target
            'b'
            >>> wf.select("a", "go", {}, "user")
            Traceback (most recent call last):
            ...
            pst_core.errors.InvalidTransitionError: event 'go' in workflow 't', state 'a' ...
        """
        allowed = self.events_from(state)
        candidates = self.targets(state, event)
        where = f"workflow {self.name!r}, state {state!r}"
        if not candidates:
            shown = ", ".join(allowed) if allowed else "none (terminal state)"
            raise InvalidTransitionError(
                f"event {event!r} is not allowed in {where}; allowed: {shown}",
                value=event,
                allowed=allowed,
            )
        for transition in candidates:
            if transition.guard is None or transition.guard.holds(data):
                strict = self.role_check == "strict" and actor is not None
                if strict and not transition.allows(typing.cast(str, actor)):
                    raise InvalidTransitionError(
                        f"event {event!r} in {where} is fired by "
                        f"{', '.join(transition.roles)}, not by {actor!r}",
                        value=actor,
                        allowed=transition.roles,
                    )
                return transition
        guards = "; ".join(t.guard.name for t in candidates if t.guard is not None)
        raise InvalidTransitionError(
            f"event {event!r} in {where}: no guard holds for data {dict(data)!r}; "
            f"one of these must: {guards}",
            value=event,
            allowed=allowed,
        )

    def to_mermaid(self) -> str:
        """A Mermaid ``stateDiagram-v2`` of the table (guards shown in brackets).

        Example:
            >>> wf = Workflow("t", (State("to-do", initial=True), State("done", terminal=True)),
            ...               (Transition("to-do", "finish", "done"),))
            >>> print(wf.to_mermaid())
            stateDiagram-v2
                state "to-do" as to_do
                [*] --> to_do
                to_do --> done: finish
                done --> [*]
        """
        ids = {s.name: s.name.replace("-", "_") for s in self.states}
        lines = ["stateDiagram-v2"]
        lines += [f'    state "{s.name}" as {ids[s.name]}' for s in self.states if "-" in s.name]
        lines.append(f"    [*] --> {ids[self.initial.name]}")
        for t in self.transitions:
            label = t.event if t.guard is None else f"{t.event} [{t.guard.name}]"
            label = label.replace('"', "'").replace(";", ",").replace("#", "")
            lines.append(f"    {ids[t.source]} --> {ids[t.target]}: {label}")
        lines += [f"    {ids[s.name]} --> [*]" for s in self.terminals]
        for clock in self.clocks:
            for name in clock.paused_in:
                lines.append(f"    note right of {ids[name]}: {clock.name} clock paused")
        return "\n".join(lines)

    def describe(self, language: Language = "en") -> str:
        """The workflow for people: its states (labels in ``language``) and their events.

        Example:
            >>> wf = Workflow("t", (State("new", initial=True, label="Baru", label_en="New"),
            ...                     State("done", terminal=True, label="Selesai")),
            ...               (Transition("new", "finish", "done"),))
            >>> print(wf.describe("id"))
            t: 2 status, 1 peristiwa
              new — Baru (awal): finish
              done — Selesai (akhir)
        """
        lines = [
            text(
                "states.workflow.head",
                language,
                name=self.name,
                states=len(self.states),
                events=len(self.events),
            )
        ]
        for state in self.states:
            mark = ""
            if state.initial:
                mark = " " + text("states.workflow.initial", language)
            elif state.terminal:
                mark = " " + text("states.workflow.terminal", language)
            events = ", ".join(self.events_from(state.name))
            lines.append(
                f"  {state.name} — {state.describe(language)}{mark}"
                + (f": {events}" if events else "")
            )
        return "\n".join(lines)

    def __repr__(self) -> str:
        return (
            f"Workflow(name={short(self.name)}, states={len(self.states)}, "
            f"transitions={len(self.transitions)}, clocks={len(self.clocks)}, "
            f"timers={len(self.timers)})"
        )

    def _html(self, language: Language) -> str:
        """States and transitions as tables, then the Mermaid diagram (drawn where Mermaid runs)."""

        def column(name: str) -> str:
            return text(f"states.display.column.{name}", language)

        def kind(state: State) -> str:
            if state.initial:
                return text("states.workflow.initial", language)
            return text("states.workflow.terminal", language) if state.terminal else ""

        states = html_table(
            [column(c) for c in ("name", "label", "kind", "events")],
            [
                [s.name, s.describe(language), kind(s), ", ".join(self.events_from(s.name))]
                for s in self.states
            ],
            caption=text("states.display.states", language),
        )
        transitions = html_table(
            [column(c) for c in ("source", "event", "guard", "target", "roles")],
            [
                [t.source, t.event, t.guard.name if t.guard else "", t.target, ", ".join(t.roles)]
                for t in self.transitions
            ],
            caption=text("states.display.transitions", language),
        )
        about = (
            [text("states.display.description", language, description=self.description)]
            if self.description
            else []
        )
        head = self.describe(language).splitlines()[0]
        return html_section(
            head, html_text(about), states, transitions, html_mermaid(self.to_mermaid())
        )

    def _repr_html_(self) -> str:
        return self._html("en")

    # --- files -------------------------------------------------------------------

    @classmethod
    def from_data(
        cls,
        data: Mapping[str, Any],
        *,
        guards: Mapping[str, Guard] | None = None,
        calendar: WorkingCalendar | None = None,
        file: str = "<data>",
    ) -> Workflow:
        """Build and check a workflow from plain data (a parsed TOML or JSON file).

        Args:
            data: The file's content.
            guards: Named guards the file may refer to by name, beyond comparisons.
            calendar: The calendar to use instead of the PST calendar of the file's
                ``timezone`` (required when the file records another calendar's fingerprint).
            file: Named in errors.

        Raises:
            DataFileError: a malformed field, naming its path.
            InvalidWorkflowError: a table that breaks a rule, naming the state or transition.
        """
        if guards is not None and not isinstance(guards, Mapping):
            raise InvalidTypeError("guards", guards, "a mapping of names to Guard")
        spec = structure(cls._body(data, file), _WorkflowSpec, file=file)
        return _build(spec, guards or {}, calendar, file)

    @classmethod
    def load(
        cls,
        path: str | Path,
        *,
        guards: Mapping[str, Guard] | None = None,
        calendar: WorkingCalendar | None = None,
    ) -> Workflow:
        """Read and check a workflow file (``.toml`` or ``.json``); see `Workflow.from_data`."""
        return cls.from_data(_io.read_data(path), guards=guards, calendar=calendar, file=str(path))

    @classmethod
    def loads(
        cls,
        text: str,
        *,
        format: _io.Format,
        guards: Mapping[str, Guard] | None = None,
        calendar: WorkingCalendar | None = None,
    ) -> Workflow:
        """Read and check a workflow from TOML or JSON text; see `Workflow.from_data`."""
        data = _io.parse_text(text, format)
        return cls.from_data(data, guards=guards, calendar=calendar, file=f"<{format} text>")

    def _unstructure(self) -> dict[str, Any]:
        zone = self.calendar.timezone.key
        own = self.calendar.fingerprint
        spec = _WorkflowSpec(
            name=self.name,
            description=self.description,
            timezone=zone,
            calendar=None if own == WorkingCalendar.pst(zone).fingerprint else own,
            role_check=self.role_check,
            states=tuple(
                _StateSpec(s.name, s.initial, s.terminal, s.label, s.label_en) for s in self.states
            ),
            transitions=tuple(
                _TransitionSpec(
                    t.source, t.event, t.target, None if t.guard is None else t.guard.name, t.roles
                )
                for t in self.transitions
            ),
            clocks=tuple(
                _ClockSpec(
                    c.name, c.goal, c.starts_on, c.stops_on, c.paused_in, c.cancels_on, c.severity
                )
                for c in self.clocks
            ),
            timers=tuple(
                _TimerSpec(t.name, t.event, t.after, t.in_states, t.since, t.actor)
                for t in self.timers
            ),
        )
        data = unstructure(spec)
        # Defaults are left out, so that files stay as short as people write them.
        for key, default in (("role_check", "lenient"), ("description", "")):
            if data.get(key) == default:
                del data[key]
        for name in ("states", "transitions", "clocks", "timers"):
            for item in data.get(name, ()):
                for key in [k for k, v in item.items() if v in ((), [], False)]:
                    del item[key]
                if item.get("severity") == "breach":
                    del item["severity"]
                if item.get("actor") == "system" and name == "timers":
                    del item["actor"]
        for name in ("clocks", "timers"):
            if not data.get(name):
                data.pop(name, None)
        return data


def _build(
    spec: _WorkflowSpec,
    guards: Mapping[str, Guard],
    calendar: WorkingCalendar | None,
    file: str,
) -> Workflow:
    chosen = _file_calendar(spec, calendar, file)
    states = tuple(
        _item(
            file,
            f"states[{i}]",
            functools.partial(
                State,
                s.name,
                initial=s.initial,
                terminal=s.terminal,
                label=s.label,
                label_en=s.label_en,
            ),
        )
        for i, s in enumerate(spec.states)
    )
    transitions = tuple(
        _item(
            file,
            f"transitions[{i}]",
            functools.partial(
                Transition,
                t.source,
                t.event,
                t.target,
                _guard(t, i, guards, file),
                roles=t.roles,
            ),
        )
        for i, t in enumerate(spec.transitions)
    )
    clocks = tuple(
        _item(
            file,
            f"clocks[{i}]",
            functools.partial(
                Clock,
                c.name,
                c.goal,
                starts_on=c.starts_on,
                stops_on=c.stops_on,
                paused_in=c.paused_in,
                cancels_on=c.cancels_on,
                severity=c.severity,
            ),
        )
        for i, c in enumerate(spec.clocks)
    )
    timers = tuple(
        _item(
            file,
            f"timers[{i}]",
            functools.partial(
                Timer,
                t.name,
                t.event,
                t.after,
                in_states=t.in_states,
                since=t.since,
                actor=t.actor,
            ),
        )
        for i, t in enumerate(spec.timers)
    )
    try:
        workflow: Workflow = _item(
            file,
            "workflow",
            functools.partial(
                Workflow,
                spec.name,
                states,
                transitions,
                clocks=clocks,
                timers=timers,
                description=spec.description,
                calendar=chosen,
                role_check=spec.role_check,
            ),
        )
    except InvalidWorkflowError as err:
        raise InvalidWorkflowError(f"{file}: {err}", value=err.value) from err
    return workflow


# --- checks -------------------------------------------------------------------------


def _fail(workflow: Workflow, message: str, value: object = None) -> InvalidWorkflowError:
    return InvalidWorkflowError(f"workflow {workflow.name!r}: {message}", value=value)


def _check_unique(workflow: Workflow, kind: str, names: Iterable[str]) -> None:
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise _fail(workflow, f"{kind} {name!r} is defined twice", name)
        seen.add(name)


def _check_names(
    workflow: Workflow, owner: str, role: str, names: Iterable[str], allowed: Iterable[str]
) -> None:
    known = set(allowed)
    for name in names:
        if name not in known:
            raise _fail(
                workflow,
                f"{owner} {role} {name!r} is not an event or state of the workflow; "
                f"allowed: {', '.join(sorted(known))}",
                name,
            )


def _triggers(workflow: Workflow) -> frozenset[str]:
    return frozenset((*workflow.events, *workflow.state_names, OPEN))


def _check_clock(workflow: Workflow, clock: Clock) -> None:
    owner = f"clock {clock.name!r}"
    if not clock.starts_on:
        raise _fail(workflow, f"{owner} has no start trigger")
    triggers = _triggers(workflow)
    _check_names(workflow, owner, "start trigger", clock.starts_on, triggers)
    _check_names(workflow, owner, "stop trigger", clock.stops_on, triggers)
    _check_names(workflow, owner, "cancel trigger", clock.cancels_on, triggers)
    _check_names(workflow, owner, "paused state", clock.paused_in, workflow.state_names)


def _check_timer(workflow: Workflow, timer: Timer) -> None:
    owner = f"timer {timer.name!r}"
    if not timer.in_states:
        raise _fail(workflow, f"{owner} has no state to run in")
    _check_names(workflow, owner, "state", timer.in_states, workflow.state_names)
    _check_names(workflow, owner, "trigger", timer.since, _triggers(workflow))
    for state in timer.in_states:
        if timer.event not in workflow.events_from(state):
            allowed = ", ".join(workflow.events_from(state))
            raise _fail(
                workflow,
                f"{owner} fires {timer.event!r}, which is not allowed in state {state!r}; "
                f"allowed: {allowed}",
                timer.event,
            )
        if workflow.role_check == "strict":
            for transition in workflow.targets(state, timer.event):
                if not transition.allows(timer.actor):
                    raise _fail(
                        workflow,
                        f"{owner} fires {timer.event!r} as {timer.actor!r}, but transition "
                        f"{transition} allows only {', '.join(transition.roles)}",
                        timer.actor,
                    )


def _reach(start: Iterable[str], edges: Mapping[str, set[str]]) -> set[str]:
    seen = set(start)
    todo = list(seen)
    while todo:
        for nxt in edges.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _check_table(wf: Workflow) -> None:
    _check_unique(wf, "state", [s.name for s in wf.states])
    initials = [s.name for s in wf.states if s.initial]
    if len(initials) != 1:
        raise _fail(
            wf, f"needs exactly one initial state, has {len(initials)}: {initials}", initials
        )
    if not wf.terminals:
        raise _fail(wf, "needs at least one terminal state", wf.state_names)
    _check_transitions(wf)
    _check_deterministic(wf)
    _check_connected(wf)


def _check_transitions(wf: Workflow) -> None:
    """Every transition joins known states, leaves no terminal one, and has a free event name."""
    names = set(wf.state_names)
    for t in wf.transitions:
        for role, name in (("source", t.source), ("target", t.target)):
            if name not in names:
                raise _fail(wf, f"transition {t}: unknown {role} state {name!r}", name)
        if wf.state(t.source).terminal:
            raise _fail(wf, f"transition {t} leaves terminal state {t.source!r}", str(t))
        if t.event == OPEN:
            raise _fail(wf, f"transition {t}: the event name {OPEN!r} is reserved", t.event)
        if t.event in names:
            raise _fail(wf, f"transition {t}: event {t.event!r} is also a state's name", t.event)


def _check_connected(wf: Workflow) -> None:
    """Every state is reachable from the initial state and can reach a terminal one."""
    forward: dict[str, set[str]] = {}
    backward: dict[str, set[str]] = {}
    for t in wf.transitions:
        forward.setdefault(t.source, set()).add(t.target)
        backward.setdefault(t.target, set()).add(t.source)
    reachable = _reach([wf.initial.name], forward)
    for state in wf.states:
        if state.name not in reachable:
            raise _fail(
                wf, f"state {state.name!r} cannot be reached from the initial state", state.name
            )
    finishing = _reach([s.name for s in wf.terminals], backward)
    for state in wf.states:
        if state.name not in finishing:
            raise _fail(wf, f"state {state.name!r} cannot reach any terminal state", state.name)


def _check_deterministic(wf: Workflow) -> None:
    groups: dict[tuple[str, str], list[Transition]] = {}
    for t in wf.transitions:
        groups.setdefault((t.source, t.event), []).append(t)
    for (source, event), group in groups.items():
        unguarded = [t for t in group if t.guard is None]
        if len(unguarded) > 1:
            raise _fail(
                wf,
                f"transitions {unguarded[0]} and {unguarded[1]}: two unguarded transitions "
                f"for state {source!r} and event {event!r}",
                (source, event),
            )
        guarded = [(t, t.guard) for t in group if t.guard is not None]
        for i, (first, first_guard) in enumerate(guarded):
            for second, second_guard in guarded[i + 1 :]:
                if not first_guard.excludes(second_guard):
                    raise _fail(
                        wf,
                        f"transitions {first} and {second}: guards are not exclusive; compare "
                        "the same data field with different values, or declare exclusive_with",
                        (source, event),
                    )
