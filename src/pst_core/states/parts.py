"""The parts a workflow is built from: `State`, `Transition`, `Clock` and `Timer`.

Each part checks its own fields when it is built (names are identifiers, goals
are durations, roles are identifiers); how the parts fit together — one initial
state, every state reachable, triggers that exist — is checked by the
`pst_core.states.workflow.Workflow` that holds them.

Names of states, events, clocks and timers are identifiers: ASCII letters,
digits, ``-`` and ``_``, starting with a letter, and nothing after the last
character (not even a newline).

Example:
    >>> Transition("verifying", "verify", "complete", roles=("officer",)).allows("user")
    False
    >>> Clock("queue", WorkingDays(3), starts_on=("open",), stops_on=("verifying",)).severity
    'breach'
"""

from __future__ import annotations

import re
import typing
from datetime import timedelta
from typing import Any, Literal

import attrs

from pst_core._validation import (
    instance_of,
    literal_values,
    one_line_text,
    one_of_literal,
    tuple_of,
)
from pst_core.calendar.durations import (
    CalendarDays,
    CalendarMonths,
    Duration,
    WorkingDays,
    WorkingTime,
)
from pst_core.errors import InvalidTypeError, InvalidValueError, Phrase
from pst_core.i18n import Language, check_language
from pst_core.states.guards import Guard

__all__ = [
    "CLOCK_PARTIES",
    "ROLE_CHECKS",
    "Clock",
    "ClockParty",
    "ClockSeverity",
    "RoleCheck",
    "State",
    "Timer",
    "Transition",
]

RoleCheck = Literal["strict", "lenient"]
"""How a workflow treats an event fired by an actor outside the transition's ``roles``:
``"strict"`` refuses it (`InvalidTransitionError` listing the allowed roles),
``"lenient"`` accepts it and the transaction lists it in ``off_role_events()``."""

ROLE_CHECKS: tuple[RoleCheck, ...] = literal_values(RoleCheck)
"""Every `RoleCheck`."""

ClockSeverity = Literal["breach", "warn"]
"""What a clock past its budget means: ``"breach"`` (a broken service promise) or
``"warn"`` (a target the user may extend: the clock is *overdue*, never breached)."""

ClockParty = Literal["office", "user"]
"""Whose time a clock measures: the ``"office"``'s (a promise of the service standard or
the SOP to the user) or the ``"user"``'s own (e.g. the SOP's 5 minutes to rate the
service). Reports count the office's clocks unless asked for the user's."""

CLOCK_PARTIES: tuple[ClockParty, ...] = literal_values(ClockParty)
"""Every `ClockParty`."""

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_NAME_RULE = Phrase("states.allowed.name")
_DURATIONS = (WorkingTime, WorkingDays, CalendarDays, CalendarMonths)


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


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        one_line_text(instance, attribute, value)


def _goal(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    name = f"{type(instance).__name__}.{attribute.name}"
    if not isinstance(value, _DURATIONS):
        raise InvalidTypeError(name, value, Phrase("states.expected.duration"))
    if isinstance(value, WorkingTime) and value.span <= timedelta(0):
        raise InvalidValueError(name, value, Phrase("states.allowed.positive_time"))


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
        party: Whose time it measures, a `ClockParty`: ``"office"`` (default) or
            ``"user"`` (the user's own time, e.g. to rate the service).
        infer_start: When a stop trigger comes before any start or cancel
            trigger, the service was given but its start was never recorded:
            with ``True`` that cycle is measured from the opening (the earliest
            the start can have been, so the reading never flatters the office)
            and flagged `ClockStatus.start_inferred`; with ``False`` (default)
            the clock reads *not started*. A choice of the library for workflows
            in which the service may be given without its start being recorded.

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
        default="breach", kw_only=True, validator=one_of_literal(ClockSeverity)
    )
    party: ClockParty = attrs.field(
        default="office", kw_only=True, validator=one_of_literal(ClockParty)
    )
    infer_start: bool = attrs.field(default=False, kw_only=True, validator=instance_of(bool))

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
    actor: str = attrs.field(default="system", kw_only=True, validator=one_line_text)

    @property
    def triggers(self) -> tuple[str, ...]:
        """What sets the reference instant: ``since``, or else ``in_states``."""
        return self.since or self.in_states
