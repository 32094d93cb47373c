"""Timers: events the system itself must fire because time passed.

A :class:`Timer` is declared on a workflow: while the transaction is in one of
``in_states``, it is *armed* from the last time one of its ``since`` triggers
happened (an event, a state entered, or ``"open"``; by default entering one of
``in_states``), and it falls due ``after`` that, added with the clock's calendar
(``calendar.add``: open time, close of the n-th working day, or the same
wall-clock time n days or months later). A timer is due at most once per
arming: once its event has happened after the reference instant it is not
listed again.

:func:`due_timers` only lists what is due; the app fires each one with
``tx.fire(timer.event, at=timer.due, actor=timer.actor)`` (or ``at=now``).
Firing a timer's event earlier, in a state where the timer is armed, raises
:class:`~pst_core.errors.InvalidTransitionError` (:func:`check_timer_event`, the same
computation), so a history never holds an expiry that had not happened yet.

Example:
    >>> from datetime import datetime
    >>> from zoneinfo import ZoneInfo
    >>> from pst_core.states import Transaction
    >>> from pst_core.states.workflows import online_consultation
    >>> wib = ZoneInfo("Asia/Jakarta")
    >>> opened = datetime(2026, 3, 16, 9, tzinfo=wib)
    >>> tx = Transaction.open(online_consultation(), at=opened, actor="user")
    >>> tx = tx.fire("reply", at=datetime(2026, 3, 16, 10, tzinfo=wib), actor="officer")
    >>> due = tx.due_timers(datetime(2026, 4, 1, tzinfo=wib))
    >>> due[0].event, due[0].due.isoformat()
    ('close-no-response', '2026-03-26T15:30:00+07:00')
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import attrs

from pst_core._validation import instance_of, non_empty, tuple_of
from pst_core.calendar.calendar import WorkingCalendar
from pst_core.calendar.durations import Duration, WorkingTime
from pst_core.errors import (
    InvalidTransitionError,
    InvalidTypeError,
    InvalidValueError,
    InvalidWorkflowError,
)
from pst_core.states.clocks import _DURATIONS, _checked_now, check_names, pst_calendar, triggers_of

if TYPE_CHECKING:
    from pst_core.states.transaction import Transaction
    from pst_core.states.workflow import Workflow

__all__ = ["DueTimer", "Timer", "check_timer_event", "due_timers"]


def _after(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, _DURATIONS):
        raise InvalidTypeError("Timer.after", value, "a Duration")
    if isinstance(value, WorkingTime) and not value.span:
        raise InvalidValueError("Timer.after", value, "a positive amount of time")


@attrs.frozen
class Timer:
    """An event the system fires once a duration has passed in some states.

    Attributes:
        name: Identifier, e.g. ``"no-response"``.
        event: The event to fire; it must be allowed from every state of ``in_states``.
        after: How long after the reference instant.
        in_states: States in which the timer is armed.
        since: Triggers whose last occurrence is the reference instant (default:
            entering one of ``in_states``).
        actor: Who fires it (``"system"``, or ``"officer"`` when a person must act).
        calendar: The working calendar (default: PST hours in WIB).

    Example:
        >>> from pst_core.calendar.durations import CalendarDays
        >>> t = Timer("billing", "expire-billing-code", CalendarDays(7), in_states=("invoiced",))
        >>> t.triggers
        ('invoiced',)
    """

    name: str = attrs.field(validator=[instance_of(str), non_empty])
    event: str = attrs.field(validator=[instance_of(str), non_empty])
    after: Duration = attrs.field(validator=_after)
    in_states: tuple[str, ...] = attrs.field(kw_only=True, validator=tuple_of(str))
    since: tuple[str, ...] = attrs.field(default=(), kw_only=True, validator=tuple_of(str))
    actor: str = attrs.field(
        default="system", kw_only=True, validator=[instance_of(str), non_empty]
    )
    calendar: WorkingCalendar = attrs.field(
        factory=pst_calendar, kw_only=True, validator=instance_of(WorkingCalendar)
    )

    @property
    def triggers(self) -> tuple[str, ...]:
        """What sets the reference instant: ``since``, or else ``in_states``.

        Examples:
            >>> from pst_core.calendar.durations import CalendarMonths
            >>> invoice = Timer("invoice", "expire-invoice", CalendarMonths(1),
            ...                 in_states=("invoiced", "billing-code-expired"),
            ...                 since=("issue-invoice",))
            >>> invoice.triggers
            ('issue-invoice',)
        """
        return self.since or self.in_states

    def check(self, workflow: Workflow) -> None:
        """Raise :class:`InvalidWorkflowError` if the timer does not fit ``workflow``.

        Example:
            >>> from pst_core.calendar.durations import CalendarDays
            >>> from pst_core.states.workflows import visit
            >>> Timer("t", "call", CalendarDays(1), in_states=("served",)).check(visit())
            Traceback (most recent call last):
            ...
            pst_core.errors.InvalidWorkflowError: workflow 'visit': timer 't' fires ...
        """
        owner = f"timer {self.name!r}"
        if not self.in_states:
            raise InvalidWorkflowError(
                f"workflow {workflow.name!r}: {owner} has no state to run in"
            )
        check_names(workflow, owner, "state", self.in_states, workflow.state_names)
        check_names(workflow, owner, "trigger", self.since, triggers_of(workflow))
        for state in self.in_states:
            if self.event not in workflow.events_from(state):
                allowed = ", ".join(workflow.events_from(state))
                raise InvalidWorkflowError(
                    f"workflow {workflow.name!r}: {owner} fires {self.event!r}, which is not "
                    f"allowed in state {state!r}; allowed: {allowed}",
                    value=self.event,
                )


@attrs.frozen
class DueTimer:
    """A timer whose time has come.

    Attributes:
        timer: Its name.
        event: The event to fire.
        due: When it fell due (fire it with ``at=due`` to keep the history exact).
        actor: Who should fire it.
        armed: The reference instant it was counted from.

    Example:
        >>> from datetime import datetime, timezone
        >>> t = DueTimer("invoice", "expire-invoice", datetime(2026, 4, 17, 7, tzinfo=timezone.utc),
        ...              "system", datetime(2026, 3, 17, 7, tzinfo=timezone.utc))
        >>> t.event, t.due - t.armed
        ('expire-invoice', datetime.timedelta(days=31))
    """

    timer: str
    event: str
    due: datetime
    actor: str
    armed: datetime


def _reference(timer: Timer, tx: Transaction, states: Iterable[str]) -> datetime | None:
    reference: datetime | None = None
    for event, state in zip(tx.history, states, strict=True):
        if event.name in timer.triggers or state in timer.triggers:
            reference = event.at
        elif event.name == timer.event and reference is not None and event.at >= reference:
            reference = None  # fired already for this arming
    return reference


# A timer of the current state with (reference instant, due), or None once fired for this arming.
_Armed = tuple[Timer, tuple[datetime, datetime] | None]


def _armed(tx: Transaction, states: Iterable[str]) -> list[_Armed]:
    """The timers of ``tx``'s state, each with when it was armed and falls due."""
    states = tuple(states)
    armed: list[_Armed] = []
    for timer in tx.workflow.timers:
        if tx.state not in timer.in_states:
            continue
        reference = _reference(timer, tx, states)
        span = (
            None if reference is None else (reference, timer.calendar.add(reference, timer.after))
        )
        armed.append((timer, span))
    return armed


def due_timers(tx: Transaction, now: datetime) -> tuple[DueTimer, ...]:
    """The timers of ``tx``'s workflow that are due at ``now``, earliest first.

    Raises:
        EventOrderError: if ``now`` is earlier than the last event.

    Example:
        >>> from datetime import datetime
        >>> from zoneinfo import ZoneInfo
        >>> from pst_core.states import Transaction
        >>> from pst_core.states.workflows import paid_product
        >>> at = datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
        >>> tx = Transaction.open(paid_product(), at=at, actor="user")
        >>> due_timers(tx, at), due_timers(tx, at.replace(day=28))[0].timer
        ((), 'queue-wait')
    """
    _checked_now(tx, now)
    if not tx.workflow.timers:
        return ()
    found = [
        DueTimer(timer.name, timer.event, span[1], timer.actor, span[0])
        for timer, span in _armed(tx, tx.states_visited())
        if span is not None and span[1] <= now
    ]
    return tuple(sorted(found, key=lambda t: (t.due, t.timer)))


def check_timer_event(tx: Transaction, event: str, at: datetime) -> None:
    """Refuse a timer's event while no timer that fires it is due at ``at``.

    An event that a timer armed in the current state fires belongs to the system
    clock: it may happen only once one of those timers is due (:func:`due_timers`
    at ``at`` lists it). Events that no armed timer fires are not checked.

    Raises:
        InvalidTransitionError: naming the timer, when it falls due (or that it fired
            already for this arming), and the events allowed at ``at``.

    Example:
        >>> from datetime import datetime
        >>> from zoneinfo import ZoneInfo
        >>> from pst_core.states import Transaction
        >>> from pst_core.states.workflows import paid_product
        >>> at = datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
        >>> tx = Transaction.open(paid_product(), at=at, actor="user")
        >>> check_timer_event(tx, "queue-breached", at.replace(day=27, hour=16))
        >>> check_timer_event(tx, "queue-breached", at.replace(hour=15))
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidTransitionError: event 'queue-breached' is fired by ...
    """
    if not any(t.event == event and tx.state in t.in_states for t in tx.workflow.timers):
        return
    armed = _armed(tx, tx.states_visited())
    due_events = {timer.event for timer, span in armed if span is not None and span[1] <= at}
    if event in due_events:
        return
    waiting = {timer.event for timer, _ in armed} - due_events
    allowed = tuple(e for e in tx.workflow.events_from(tx.state) if e not in waiting)
    # The soonest of the timers that fire it; one already fired for this arming comes last.
    timer, span = min(
        ((t, s) for t, s in armed if t.event == event),
        key=lambda pair: (pair[1] is None, pair[1][1] if pair[1] else at, pair[0].name),
    )
    when = (
        f"is not due until {span[1].isoformat()} (armed at {span[0].isoformat()})"
        if span is not None
        else "has fired already since it was last armed (by " + ", ".join(timer.triggers) + ")"
    )
    raise InvalidTransitionError(
        f"event {event!r} is fired by timer {timer.name!r}, which {when}; "
        f"it cannot happen at {at.isoformat()} in state {tx.state!r}; "
        f"allowed now: {', '.join(allowed) or 'none'}",
        value=event,
        allowed=allowed,
    )
