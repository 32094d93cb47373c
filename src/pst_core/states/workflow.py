"""Workflow tables: states, events and guarded transitions, validated when built.

A :class:`Workflow` is a frozen table. Each :class:`Transition` says "in state
*source*, event *event* leads to *target*", optionally only when its
:class:`Guard` (a named, pure predicate on the transaction and the event's data)
holds. The table is checked when it is built, and a bad one raises
:class:`~pst_core.errors.InvalidWorkflowError` naming the state or transition at
fault:

* exactly one initial state and at least one terminal state;
* every state reachable from the initial one;
* no transition out of a terminal state;
* from every non-terminal state some terminal state can be reached;
* transitions are deterministic: for one ``(source, event)`` at most one
  transition is unguarded (it is the fallback, taken when no guard holds), and
  any two guarded ones are *exclusive* — both compare the same data field with
  values that cannot both hold (``data.outcome == "complete"`` and
  ``data.outcome == "incomplete"``), or one guard names the other in
  ``exclusive_with``.

Event names and state names are identifiers (letters, digits, ``-`` and ``_``)
from two disjoint sets, because clocks and timers name either one as a trigger;
the event name ``open`` is reserved for the opening of a transaction.

Example:
    >>> wf = Workflow(
    ...     "ticket",
    ...     states=(State("new", initial=True), State("done", terminal=True)),
    ...     transitions=(Transition("new", "solve", "done"),),
    ... )
    >>> wf.events
    ('solve',)
    >>> Workflow("broken", states=(State("a", initial=True), State("b", terminal=True)))
    Traceback (most recent call last):
    ...
    pst_core.errors.InvalidWorkflowError: workflow 'broken': state 'b' cannot be ...
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal

import attrs

from pst_core._validation import instance_of, non_empty, tuple_of
from pst_core.errors import InvalidTransitionError, InvalidValueError, InvalidWorkflowError

if TYPE_CHECKING:
    from pst_core.states.clocks import Clock
    from pst_core.states.timers import Timer
    from pst_core.states.transaction import Transaction

__all__ = ["OPEN", "Guard", "State", "Transition", "Workflow"]

OPEN = "open"
"""The name of the first event of every transaction: its opening."""

_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_NAME_RULE = "an identifier of letters, digits, '-' and '_' starting with a letter"


def _identifier(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not _NAME.match(value):
        raise InvalidValueError(f"{type(instance).__name__}.{attribute.name}", value, _NAME_RULE)


_WORKFLOW_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*(?::[A-Za-z0-9][A-Za-z0-9_-]*)?$")


def _workflow_name(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not _WORKFLOW_NAME.match(value):
        raise InvalidValueError(
            "Workflow.name", value, _NAME_RULE + ", optionally ':' and a standard's id"
        )


Predicate = Callable[["Transaction", Mapping[str, Any]], bool]
"""A pure function of the transaction (before the event) and the event's data."""

_COMPARISON = re.compile(
    r"^\s*data\.(?P<key>[A-Za-z_][A-Za-z0-9_]*)\s*(?P<op>==|!=)\s*(?P<value>.+?)\s*$"
)
_LITERAL_RULE = 'a JSON literal: true, false, null, a number or a "string"'


def _literal(text: str) -> Any:
    if len(text) >= 2 and text[0] == text[-1] == "'":
        text = json.dumps(text[1:-1])
    try:
        value = json.loads(text)
    except ValueError:
        raise InvalidValueError("Guard.value", text, _LITERAL_RULE) from None
    if isinstance(value, (list, dict)) or (isinstance(value, float) and not math.isfinite(value)):
        raise InvalidValueError("Guard.value", text, _LITERAL_RULE)
    return value


@attrs.frozen
class Guard:
    """A named, pure predicate that must hold for a transition to be taken.

    Guards written in files are comparisons of one event-data field with a
    literal, ``data.KEY == VALUE`` or ``data.KEY != VALUE`` (see :meth:`parse`):
    no code is evaluated. In Python a guard may wrap any pure function of the
    transaction and the event data; it is compared by name only.

    Attributes:
        name: How the guard is shown and referred to.
        predicate: ``predicate(tx, data) -> bool``; ``tx`` is the transaction before the event.
        exclusive_with: Names of guards this one can never hold together with.
        comparison: ``(key, op, value)`` for a parsed comparison, else ``None``.

    Example:
        >>> g = Guard.parse('data.outcome == "complete"')
        >>> g.name, g.holds(None, {"outcome": "complete"}), g.holds(None, {})
        ('data.outcome == "complete"', True, False)
        >>> g.excludes(Guard.parse("data.outcome == 'incomplete'"))
        True
        >>> big = Guard("big order", lambda tx, data: data.get("pages", 0) > 100)
        >>> big.holds(None, {"pages": 250})
        True
    """

    name: str = attrs.field(validator=[instance_of(str), non_empty])
    predicate: Predicate = attrs.field(eq=False, repr=False)
    exclusive_with: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    comparison: tuple[str, Literal["==", "!="], Any] | None = attrs.field(default=None, eq=False)

    @classmethod
    def parse(cls, text: str) -> Guard:
        """Build a guard from ``data.KEY == VALUE`` or ``data.KEY != VALUE``.

        ``VALUE`` is a JSON literal (``true``, ``false``, ``null``, a number or a
        string in double or single quotes). A missing key compares as ``null``.

        Raises:
            InvalidValueError: for anything else.

        Example:
            >>> Guard.parse("data.paid != true").holds(None, {"paid": False})
            True
            >>> Guard.parse("len(data) > 2")
            Traceback (most recent call last):
            ...
            pst_core.errors.InvalidValueError: Guard: invalid value 'len(data) > 2'; allowed: ...
        """
        match = _COMPARISON.match(text) if isinstance(text, str) else None
        if match is None:
            raise InvalidValueError("Guard", text, "'data.KEY == VALUE' or 'data.KEY != VALUE'")
        key, value = match["key"], _literal(match["value"])
        name = f"data.{key} {match['op']} {json.dumps(value, ensure_ascii=False)}"
        if match["op"] == "==":
            return cls(
                name, lambda _tx, data: _same(data.get(key), value), comparison=(key, "==", value)
            )
        return cls(
            name, lambda _tx, data: not _same(data.get(key), value), comparison=(key, "!=", value)
        )

    def holds(self, tx: Transaction | None, data: Mapping[str, Any]) -> bool:
        """Whether the guard holds for ``tx`` (before the event) and the event's ``data``.

        Example:
            >>> Guard.parse("data.paid == true").holds(None, {"paid": True})
            True
        """
        return bool(self.predicate(tx, data))  # type: ignore[arg-type]

    def excludes(self, other: Guard) -> bool:
        """Whether this guard and ``other`` can never both hold (declared, or provable).

        Example:
            >>> a = Guard("a", lambda tx, data: True, exclusive_with=("b",))
            >>> a.excludes(Guard("b", lambda tx, data: False)), a.excludes(Guard("c", print))
            (True, False)
        """
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


def _same(a: object, b: object) -> bool:
    # JSON semantics: true is not 1.
    return type(a) is type(b) and a == b if isinstance(a, bool) or isinstance(b, bool) else a == b


@attrs.frozen
class State:
    """One state of a workflow.

    Attributes:
        name: Identifier, e.g. ``"waiting-for-user"``.
        initial: Whether transactions start here (exactly one state is initial).
        terminal: Whether the transaction ends here (no transition leaves it).
        label: Optional human label, e.g. the Indonesian term users know.

    Example:
        >>> State("verifying", label="Pemeriksaan kelengkapan")
        State(name='verifying', initial=False, terminal=False, label='Pemeriksaan kelengkapan')
    """

    name: str = attrs.field(validator=_identifier)
    initial: bool = attrs.field(default=False, kw_only=True, validator=instance_of(bool))
    terminal: bool = attrs.field(default=False, kw_only=True, validator=instance_of(bool))
    label: str | None = attrs.field(
        default=None, kw_only=True, validator=attrs.validators.optional(instance_of(str))
    )


@attrs.frozen
class Transition:
    """``(source, event) -> target``, taken only when ``guard`` (if any) holds.

    Example:
        >>> complete = Guard.parse('data.outcome == "complete"')
        >>> t = Transition("verifying", "verify", "complete", complete)
        >>> str(t)
        'verifying --verify [data.outcome == "complete"]--> complete'
    """

    source: str = attrs.field(validator=_identifier)
    event: str = attrs.field(validator=_identifier)
    target: str = attrs.field(validator=_identifier)
    guard: Guard | None = attrs.field(
        default=None, validator=attrs.validators.optional(instance_of(Guard))
    )

    @property
    def label(self) -> str:
        """The event, with the guard's name in brackets when there is one.

        Examples:
            >>> Transition("created", "cancel", "cancelled").label
            'cancel'
            >>> Transition("verifying", "verify", "incomplete",
            ...            Guard.parse('data.outcome == "incomplete"')).label
            'verify [data.outcome == "incomplete"]'
        """
        return self.event if self.guard is None else f"{self.event} [{self.guard.name}]"

    def __str__(self) -> str:
        return f"{self.source} --{self.label}--> {self.target}"


def _clock_type() -> Any:
    from pst_core.states.clocks import Clock

    return Clock


def _timer_type() -> Any:
    from pst_core.states.timers import Timer

    return Timer


def _tuple_of_lazy(kind: Callable[[], Any], label: str) -> Any:
    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        tuple_of(kind(), label=label)(instance, attribute, value)

    return validate


@attrs.frozen
class Workflow:
    """A validated, immutable table of states and transitions, with its SLA clocks and timers.

    Attributes:
        name: The workflow's name; transactions refer to their workflow by it in files.
        states: Every state, in display order.
        transitions: Every transition, in display order.
        clocks: SLA clocks (:class:`~pst_core.states.clocks.Clock`) measured over a transaction.
        timers: Events the system fires when time passes (:class:`~pst_core.states.timers.Timer`).
        description: One line saying what the workflow is.

    Raises:
        InvalidWorkflowError: when the table breaks a rule (see the module docs), naming the fault.

    Example:
        >>> from pst_core.states.workflows import paid_product
        >>> wf = paid_product()
        >>> wf.initial.name, [s.name for s in wf.terminals]
        ('created', ['cancelled', 'expired', 'closed'])
        >>> wf.events_from("verifying")
        ('verify', 'cancel')
    """

    name: str = attrs.field(validator=_workflow_name)
    states: tuple[State, ...] = attrs.field(validator=tuple_of(State))
    transitions: tuple[Transition, ...] = attrs.field(default=(), validator=tuple_of(Transition))
    clocks: tuple[Clock, ...] = attrs.field(
        default=(), kw_only=True, validator=_tuple_of_lazy(_clock_type, "Clock")
    )
    timers: tuple[Timer, ...] = attrs.field(
        default=(), kw_only=True, validator=_tuple_of_lazy(_timer_type, "Timer")
    )
    description: str = attrs.field(default="", kw_only=True, validator=instance_of(str))

    def __attrs_post_init__(self) -> None:
        _check_table(self)
        for clock in self.clocks:
            clock.check(self)
        for timer in self.timers:
            timer.check(self)
        _check_unique(self, "clock", [c.name for c in self.clocks])
        _check_unique(self, "timer", [t.name for t in self.timers])

    @property
    def initial(self) -> State:
        """The one initial state.

        Examples:
            >>> from pst_core.states.workflows import visit
            >>> visit().initial.name
            'guest-book'
        """
        return next(s for s in self.states if s.initial)

    @property
    def terminals(self) -> tuple[State, ...]:
        """The terminal states, in table order.

        Examples:
            >>> from pst_core.states.workflows import visit
            >>> [s.name for s in visit().terminals]
            ['done', 'left']
        """
        return tuple(s for s in self.states if s.terminal)

    @property
    def state_names(self) -> tuple[str, ...]:
        """Names of every state, in table order.

        Examples:
            >>> from pst_core.states.workflows import online_consultation
            >>> online_consultation().state_names[:3]
            ('submitted', 'in-conversation', 'waiting-for-user')
        """
        return tuple(s.name for s in self.states)

    @property
    def events(self) -> tuple[str, ...]:
        """Names of every event, in order of first appearance in the table.

        Examples:
            >>> from pst_core.states.workflows import visit
            >>> visit().events
            ('take-number', 'leave', 'desk-free', 'call', 'finish', 'rate', 'close')
        """
        return tuple(dict.fromkeys(t.event for t in self.transitions))

    def state(self, name: str) -> State:
        """The state called ``name``.

        Raises:
            InvalidTransitionError: if the workflow has no such state.

        Example:
            >>> from pst_core.states.workflows import visit
            >>> visit().state("waiting").label
            'Menunggu panggilan sesuai nomor antrian'
        """
        for state in self.states:
            if state.name == name:
                return state
        raise InvalidTransitionError(
            f"workflow {self.name!r} has no state {name!r}", value=name, allowed=self.state_names
        )

    def is_terminal(self, state: str) -> bool:
        """Whether ``state`` is terminal.

        Example:
            >>> from pst_core.states.workflows import visit
            >>> visit().is_terminal("done"), visit().is_terminal("waiting")
            (True, False)
        """
        return self.state(state).terminal

    def events_from(self, state: str) -> tuple[str, ...]:
        """Events with at least one transition out of ``state``, in table order.

        Example:
            >>> from pst_core.states.workflows import online_consultation
            >>> online_consultation().events_from("waiting-for-user")
            ('respond', 'close', 'close-no-response')
        """
        self.state(state)
        return tuple(dict.fromkeys(t.event for t in self.transitions if t.source == state))

    def targets(self, state: str, event: str) -> tuple[Transition, ...]:
        """The transitions for ``(state, event)``, guarded ones first then the fallback.

        Example:
            >>> from pst_core.states.workflows import paid_product
            >>> len(paid_product().targets("verifying", "verify"))
            3
        """
        found = [t for t in self.transitions if t.source == state and t.event == event]
        return tuple(sorted(found, key=lambda t: t.guard is None))

    def select(self, tx: Transaction, event: str, data: Mapping[str, Any]) -> Transition:
        """The transition ``event`` takes from ``tx.state`` with ``data``.

        Raises:
            InvalidTransitionError: if no transition matches, listing the allowed events.

        Example:
            >>> from datetime import datetime, timezone
            >>> from pst_core.states import Transaction
            >>> from pst_core.states.workflows import paid_product
            >>> wf = paid_product()
            >>> at = datetime(2026, 3, 2, 2, tzinfo=timezone.utc)
            >>> tx = Transaction.open(wf, at=at, actor="u")
            >>> wf.select(tx, "start-verification", {}).target
            'verifying'
        """
        allowed = self.events_from(tx.state)
        candidates = self.targets(tx.state, event)
        where = f"workflow {self.name!r}, state {tx.state!r}"
        if not candidates:
            shown = ", ".join(allowed) if allowed else "none (terminal state)"
            raise InvalidTransitionError(
                f"event {event!r} is not allowed in {where}; allowed: {shown}",
                value=event,
                allowed=allowed,
            )
        for transition in candidates:
            if transition.guard is None or transition.guard.holds(tx, data):
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
            >>> from pst_core.states.workflows import visit
            >>> print(visit().to_mermaid())  # doctest: +ELLIPSIS
            stateDiagram-v2
                state "guest-book" as guest_book
                [*] --> guest_book
                guest_book --> waiting: take-number
                ...
                done --> [*]
                left --> [*]
        """
        ids = {s.name: s.name.replace("-", "_") for s in self.states}
        lines = ["stateDiagram-v2"]
        lines += [f'    state "{s.name}" as {ids[s.name]}' for s in self.states if "-" in s.name]
        lines.append(f"    [*] --> {ids[self.initial.name]}")
        for t in self.transitions:
            label = t.label.replace('"', "'").replace(";", ",").replace("#", "")
            lines.append(f"    {ids[t.source]} --> {ids[t.target]}: {label}")
        lines += [f"    {ids[s.name]} --> [*]" for s in self.terminals]
        for clock in self.clocks:
            for name in clock.paused_in:
                lines.append(f"    note right of {ids[name]}: {clock.name} clock paused")
        return "\n".join(lines)


def _fail(workflow: Workflow, message: str, value: object) -> InvalidWorkflowError:
    return InvalidWorkflowError(f"workflow {workflow.name!r}: {message}", value=value)


def _check_unique(workflow: Workflow, kind: str, names: Iterable[str]) -> None:
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise _fail(workflow, f"{kind} {name!r} is defined twice", name)
        seen.add(name)


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
    _check_deterministic(wf)
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
