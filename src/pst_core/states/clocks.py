"""SLA clocks: how much of a time goal a transaction has used, folded over its history.

A :class:`Clock` is declared on a workflow. It follows the service-desk model
(Zendesk, Jira Service Management, ServiceNow; DOMAIN.md §4):

* it **starts** on a trigger, **pauses** while the transaction is in a state
  that waits on the user, **resumes** when it leaves it, **stops** on a trigger
  (the goal is *met* if it was not breached by then), and can be **cancelled**;
* a start trigger while a cycle runs is ignored; after a stop or a cancel the
  next start opens a **new cycle** (numbered from 1).

A trigger names an event (it fires when that event happens), a state (it fires
when an event leads into that state, a self-loop included) or ``"open"`` (the
opening of the transaction, which also enters the initial state).

**Counted time.** Goals in :class:`~pst_core.calendar.durations.WorkingTime` or
:class:`~pst_core.calendar.durations.WorkingDays` count *open time* of the
clock's calendar; goals in calendar days or months count wall-clock time.
Paused time is never counted.

**Budget and due instant.** The budget of a cycle is the counted time from its
start to ``calendar.add(start, goal)``: exactly the goal for working time, the
open time up to the close of the n-th working day for working days, the wall
time for calendar days and months. The due instant is the instant at which the
counted (unpaused) time reaches the budget; without pauses it is exactly
``calendar.add(start, goal)``, and every stretch of counted time spent paused
before it moves it later by as much (open time for working goals: an hour paused
on a working day pushes a ``WorkingDays`` due from the close of the last day to
an hour into the next working day). While a clock is paused or stopped short of
its budget, the due instant shown is the one it would have if it ran again from
that moment.

**Derived values** at ``now``: ``elapsed`` (counted time so far; never
decreases), ``remaining`` = ``max(budget - elapsed, 0)``, ``breached`` when
``elapsed > budget`` (a due instant at a closing is not breached until the next
open minute passes), ``breached_by`` = ``elapsed - budget`` when positive, and
``met`` for a stopped cycle that was not breached. A cancelled cycle is neither
met nor breached.

Example:
    >>> from datetime import datetime
    >>> from zoneinfo import ZoneInfo
    >>> from pst_core.states import Transaction
    >>> from pst_core.states.workflows import paid_product
    >>> wib = ZoneInfo("Asia/Jakarta")
    >>> tx = Transaction.open(paid_product(), at=datetime(2026, 3, 16, 9, tzinfo=wib), actor="user")
    >>> tx = tx.fire("start-verification", at=datetime(2026, 3, 17, 9, tzinfo=wib), actor="officer")
    >>> tx = tx.fire("verify", at=datetime(2026, 3, 17, 10, tzinfo=wib), actor="officer",
    ...              outcome="complete")
    >>> delivery = tx.clocks(datetime(2026, 3, 17, 10, tzinfo=wib))["delivery"]
    >>> delivery.due.isoformat(), delivery.status
    ('2026-04-08T15:30:00+07:00', 'running')
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

import attrs

from pst_core._validation import instance_of, non_empty, require_aware, tuple_of
from pst_core.calendar.calendar import WorkingCalendar
from pst_core.calendar.durations import (
    CalendarDays,
    CalendarMonths,
    Duration,
    WorkingDays,
    WorkingTime,
)
from pst_core.errors import (
    EventOrderError,
    InvalidTypeError,
    InvalidValueError,
    InvalidWorkflowError,
)
from pst_core.states.workflow import OPEN

if TYPE_CHECKING:
    from pst_core.states.transaction import Event, Transaction
    from pst_core.states.workflow import Workflow

__all__ = ["Clock", "ClockStatus", "clock_cycles", "clock_statuses", "pst_calendar"]

_ZERO = timedelta(0)
_DURATIONS = (WorkingTime, WorkingDays, CalendarDays, CalendarMonths)


def pst_calendar(timezone: str = "Asia/Jakarta") -> WorkingCalendar:
    """The PST working calendar in ``timezone``, shared (it caches its yearly indexes).

    Example:
        >>> pst_calendar() is pst_calendar("Asia/Jakarta")
        True
    """
    return _pst_calendar(timezone)


@functools.lru_cache(maxsize=64)
def _pst_calendar(timezone: str) -> WorkingCalendar:
    return WorkingCalendar.pst(timezone=timezone)


def _goal(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, _DURATIONS):
        raise InvalidTypeError("Clock.goal", value, "a Duration")
    if isinstance(value, WorkingTime) and value.span <= _ZERO:
        raise InvalidValueError("Clock.goal", value, "a positive amount of time")


def triggers_of(workflow: Workflow) -> frozenset[str]:
    """Every name a clock or timer may use as a trigger: events, states and ``open``."""
    return frozenset((*workflow.events, *workflow.state_names, OPEN))


def check_names(
    workflow: Workflow, owner: str, role: str, names: Iterable[str], allowed: Iterable[str]
) -> None:
    """Raise :class:`InvalidWorkflowError` if a name in ``names`` is not in ``allowed``."""
    known = set(allowed)
    for name in names:
        if name not in known:
            raise InvalidWorkflowError(
                f"workflow {workflow.name!r}: {owner} {role} {name!r} is not an event or "
                f"state of the workflow; allowed: {', '.join(sorted(known))}",
                value=name,
            )


@attrs.frozen
class Clock:
    """An SLA clock declared on a workflow (see the module docs for the semantics).

    Attributes:
        name: Identifier, e.g. ``"delivery"``.
        goal: The time allowed, usually from the service standard.
        starts_on: Triggers (events, states or ``"open"``) that start a cycle.
        stops_on: Triggers that stop the running cycle (met unless breached).
        paused_in: States in which the clock is paused (waiting on the user).
        cancels_on: Triggers that cancel the running cycle.
        calendar: The working calendar (default: PST hours in WIB).

    Example:
        >>> c = Clock("delivery", WorkingDays(10), starts_on=("complete",), stops_on=("delivered",))
        >>> c.counts_open_time, c.calendar.timezone.key
        (True, 'Asia/Jakarta')
    """

    name: str = attrs.field(validator=[instance_of(str), non_empty])
    goal: Duration = attrs.field(validator=_goal)
    starts_on: tuple[str, ...] = attrs.field(kw_only=True, validator=tuple_of(str))
    stops_on: tuple[str, ...] = attrs.field(kw_only=True, validator=tuple_of(str))
    paused_in: tuple[str, ...] = attrs.field(default=(), kw_only=True, validator=tuple_of(str))
    cancels_on: tuple[str, ...] = attrs.field(default=(), kw_only=True, validator=tuple_of(str))
    calendar: WorkingCalendar = attrs.field(
        factory=pst_calendar, kw_only=True, validator=instance_of(WorkingCalendar)
    )

    @property
    def counts_open_time(self) -> bool:
        """True when the goal counts open time (working time or working days).

        Examples:
            >>> from pst_core.calendar.durations import CalendarDays, WorkingDays
            >>> ends = {"starts_on": ("open",), "stops_on": ("done",)}
            >>> Clock("delivery", WorkingDays(10), **ends).counts_open_time
            True
            >>> Clock("billing", CalendarDays(7), **ends).counts_open_time
            False
        """
        return isinstance(self.goal, (WorkingTime, WorkingDays))

    def check(self, workflow: Workflow) -> None:
        """Raise :class:`InvalidWorkflowError` if a trigger or state is unknown to ``workflow``.

        Example:
            >>> from pst_core.states.workflows import visit
            >>> Clock("c", WorkingTime(5), starts_on=("nap",), stops_on=()).check(visit())
            Traceback (most recent call last):
            ...
            pst_core.errors.InvalidWorkflowError: workflow 'visit': clock 'c' start trigger ...
        """
        owner = f"clock {self.name!r}"
        if not self.starts_on:
            raise InvalidWorkflowError(f"workflow {workflow.name!r}: {owner} has no start trigger")
        triggers = triggers_of(workflow)
        check_names(workflow, owner, "start trigger", self.starts_on, triggers)
        check_names(workflow, owner, "stop trigger", self.stops_on, triggers)
        check_names(workflow, owner, "cancel trigger", self.cancels_on, triggers)
        check_names(workflow, owner, "paused state", self.paused_in, workflow.state_names)

    def measure(self, start: datetime, end: datetime) -> timedelta:
        """Counted time in ``[start, end)``: open time or wall time, by the goal's kind.

        Example:
            >>> from datetime import datetime
            >>> from zoneinfo import ZoneInfo
            >>> fri = datetime(2026, 3, 13, 15, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> mon = fri.replace(day=16, hour=9)
            >>> Clock("c", WorkingDays(1), starts_on=("open",), stops_on=()).measure(fri, mon)
            datetime.timedelta(seconds=7200)
            >>> Clock("c", CalendarDays(1), starts_on=("open",), stops_on=()).measure(fri, mon)
            datetime.timedelta(days=2, seconds=64800)
        """
        if self.counts_open_time:
            return self.calendar.working_time_between(start, end)
        return end - start

    def advance(self, start: datetime, amount: timedelta) -> datetime:
        """The instant ``amount`` of counted time after ``start``, in the calendar's zone.

        Example:
            >>> from datetime import datetime, timedelta
            >>> from zoneinfo import ZoneInfo
            >>> fri = datetime(2026, 3, 13, 15, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> clock = Clock("c", WorkingTime(60), starts_on=("open",), stops_on=())
            >>> clock.advance(fri, timedelta(hours=2)).isoformat()
            '2026-03-16T09:00:00+07:00'
        """
        if self.counts_open_time:
            return self.calendar.add(start, WorkingTime(amount))
        return (start + amount).astimezone(self.calendar.timezone)

    def budget(self, start: datetime) -> timedelta:
        """Counted time from ``start`` to ``calendar.add(start, goal)``.

        Example:
            >>> from datetime import datetime
            >>> from zoneinfo import ZoneInfo
            >>> tue = datetime(2026, 3, 10, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> Clock("c", WorkingDays(1), starts_on=("open",), stops_on=()).budget(tue)
            datetime.timedelta(seconds=32400)
        """
        return self.measure(start, self.calendar.add(start, self.goal))


ClockState = Literal["not started", "running", "paused", "met", "breached", "cancelled"]


@attrs.frozen
class ClockStatus:
    """One cycle of a clock as it stands at some instant.

    Attributes:
        name: The clock's name.
        goal: The clock's goal.
        cycle: 1 for the first cycle, 2 after a restart...; 0 if never started.
        started: When the cycle started (``None`` if never started).
        due: When the counted time reaches the budget (see the module docs).
        budget: The counted time the goal allows from this start.
        elapsed: Counted time used so far (paused time excluded).
        remaining: ``max(budget - elapsed, 0)``.
        paused: Whether the clock is paused now.
        stopped: When the cycle was stopped (met or breached), if it was.
        cancelled: When the cycle was cancelled, if it was.
        breached_by: How much counted time past the budget (zero if not breached).

    Example:
        >>> from datetime import datetime
        >>> from zoneinfo import ZoneInfo
        >>> from pst_core.states import Transaction
        >>> from pst_core.states.workflows import visit
        >>> at = datetime(2026, 3, 16, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
        >>> tx = Transaction.open(visit(), at=at, actor="guest")
        >>> tx = tx.fire("take-number", at=at, actor="kiosk").fire("desk-free", at=at, actor="app")
        >>> wait = tx.clocks(at.replace(minute=25))["wait"]
        >>> wait.status, wait.breached_by, wait.running, wait.met
        ('breached', datetime.timedelta(seconds=900), True, False)
    """

    name: str
    goal: Duration
    cycle: int
    started: datetime | None
    due: datetime | None
    budget: timedelta | None
    elapsed: timedelta
    remaining: timedelta | None
    paused: bool
    stopped: datetime | None
    cancelled: datetime | None
    breached_by: timedelta

    @property
    def running(self) -> bool:
        """Started and neither stopped nor cancelled (paused or not).

        Examples:
            >>> from datetime import datetime
            >>> from zoneinfo import ZoneInfo
            >>> from pst_core.states import Transaction
            >>> from pst_core.states.workflows import online_consultation
            >>> at = datetime(2026, 3, 16, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> tx = Transaction.open(online_consultation(), at=at, actor="user")
            >>> tx.clocks(at)["service"].running
            True
            >>> tx.fire("close", at=at, actor="officer").clocks(at)["service"].running
            False
        """
        return self.started is not None and self.stopped is None and self.cancelled is None

    @property
    def breached(self) -> bool:
        """Whether more counted time than the budget was used (a cancelled cycle never is).

        Examples:
            >>> from datetime import datetime
            >>> from zoneinfo import ZoneInfo
            >>> from pst_core.states import Transaction
            >>> from pst_core.states.workflows import paid_product
            >>> at = datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> tx = Transaction.open(paid_product(), at=at, actor="user")
            >>> tx.clocks(at.replace(day=27))["queue"].breached
            False
            >>> tx.clocks(at.replace(day=30))["queue"].breached
            True
        """
        return self.breached_by > _ZERO

    @property
    def met(self) -> bool:
        """Stopped without having been breached.

        Examples:
            >>> from datetime import datetime
            >>> from zoneinfo import ZoneInfo
            >>> from pst_core.states import Transaction
            >>> from pst_core.states.workflows import paid_product
            >>> at = datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> tx = Transaction.open(paid_product(), at=at, actor="user")
            >>> tx.clocks(at)["queue"].met
            False
            >>> tx = tx.fire("start-verification", at=at.replace(day=18), actor="officer")
            >>> tx.clocks(at.replace(day=18))["queue"].met
            True
        """
        return self.stopped is not None and not self.breached

    def describe(self) -> str:
        """One line for people: name, goal, status, due instant and time used.

        Example:
            >>> from pst_core.states.workflows import visit
            >>> from pst_core.states import Transaction
            >>> from datetime import datetime
            >>> from zoneinfo import ZoneInfo
            >>> at = datetime(2026, 3, 16, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> tx = Transaction.open(visit(), at=at, actor="guest")
            >>> tx = tx.fire("take-number", at=at, actor="kiosk")
            >>> tx = tx.fire("desk-free", at=at, actor="queue app")
            >>> print(tx.clocks(at.replace(minute=4))["wait"].describe())  # doctest: +ELLIPSIS
            wait (10 minutes): running, due Mon 2026-03-16 09:10 WIB, used 0 h 04 min, 0 h 06 ...
        """
        head = f"{self.name} ({self.goal}): {self.status}"
        if self.due is None or self.remaining is None:
            return head
        text = f"{head}, due {_show(self.due)}, used {_hours(self.elapsed)}"
        if self.breached:
            return f"{text}, over by {_hours(self.breached_by)}"
        if self.stopped is not None or self.cancelled is not None:
            return text
        return f"{text}, {_hours(self.remaining)} left"

    @property
    def status(self) -> ClockState:
        """One word: not started, running, paused, met, breached or cancelled.

        Examples:
            >>> from datetime import datetime
            >>> from zoneinfo import ZoneInfo
            >>> from pst_core.states import Transaction
            >>> from pst_core.states.workflows import online_consultation
            >>> at = datetime(2026, 3, 16, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> tx = Transaction.open(online_consultation(), at=at, actor="user")
            >>> tx = tx.fire("reply", at=at, actor="officer")
            >>> tx.clocks(at)["service"].status
            'paused'
        """
        if self.started is None:
            return "not started"
        if self.cancelled is not None:
            return "cancelled"
        if self.breached:
            return "breached"
        if self.stopped is not None:
            return "met"
        return "paused" if self.paused else "running"


def _show(moment: datetime) -> str:
    return f"{moment:%a %Y-%m-%d %H:%M} {moment.tzname() or ''}".rstrip()


def _hours(span: timedelta) -> str:
    minutes = int(span.total_seconds() // 60)
    return f"{minutes // 60} h {minutes % 60:02d} min"


@attrs.define
class _Cycle:
    """Mutable scratch state of one cycle while folding a history (never escapes)."""

    started: datetime
    counting: list[tuple[datetime, datetime | None]]
    stopped: datetime | None = None
    cancelled: datetime | None = None

    @property
    def paused(self) -> bool:
        return self.counting[-1][1] is not None

    def pause(self, at: datetime) -> None:
        self.counting[-1] = (self.counting[-1][0], at)

    def resume(self, at: datetime) -> None:
        self.counting.append((at, None))

    def end(self) -> datetime | None:
        return self.stopped or self.cancelled


def _fold(clock: Clock, history: Iterable[Event], states: Iterable[str]) -> list[_Cycle]:
    cycles: list[_Cycle] = []
    current: _Cycle | None = None
    for event, state in zip(history, states, strict=True):

        def hit(names: tuple[str, ...], event: Event = event, state: str = state) -> bool:
            return event.name in names or state in names

        at = event.at
        if current is not None and hit(clock.stops_on):
            if not current.paused:
                current.pause(at)
            current.stopped, current = at, None
        elif current is not None and hit(clock.cancels_on):
            if not current.paused:
                current.pause(at)
            current.cancelled, current = at, None
        if current is None and hit(clock.starts_on):
            current = _Cycle(at, [(at, None)])
            cycles.append(current)
        if current is not None:
            if state in clock.paused_in and not current.paused:
                current.pause(at)
            elif state not in clock.paused_in and current.paused:
                current.resume(at)
    return cycles


def _status(clock: Clock, cycle: _Cycle, number: int, now: datetime) -> ClockStatus:
    end = cycle.end() or now
    budget = clock.budget(cycle.started)
    used = _ZERO
    due: datetime | None = None
    for start, stop in cycle.counting:
        span = clock.measure(start, stop or end)
        if due is None and used + span >= budget:
            due = clock.advance(start, budget - used)
        used += span
    paused = cycle.paused and cycle.end() is None
    if due is None:
        due = clock.advance(end, budget - used)
    return ClockStatus(
        name=clock.name,
        goal=clock.goal,
        cycle=number,
        started=cycle.started,
        due=due,
        budget=budget,
        elapsed=used,
        remaining=max(budget - used, _ZERO),
        paused=paused,
        stopped=cycle.stopped,
        cancelled=cycle.cancelled,
        breached_by=_ZERO if cycle.cancelled else max(used - budget, _ZERO),
    )


def _never_started(clock: Clock) -> ClockStatus:
    return ClockStatus(
        name=clock.name,
        goal=clock.goal,
        cycle=0,
        started=None,
        due=None,
        budget=None,
        elapsed=_ZERO,
        remaining=None,
        paused=False,
        stopped=None,
        cancelled=None,
        breached_by=_ZERO,
    )


def _checked_now(tx: Transaction, now: datetime) -> datetime:
    require_aware(now, "now")
    if now < tx.last_at:
        raise EventOrderError(
            f"now ({now.isoformat()}) is earlier than the last event {tx.history[-1].name!r} "
            f"at {tx.last_at.isoformat()}; clocks are read at or after the last event",
            value=now,
        )
    return now


def clock_cycles(tx: Transaction, now: datetime) -> Mapping[str, tuple[ClockStatus, ...]]:
    """Every cycle of every clock of ``tx``'s workflow at ``now``, oldest first, by clock name.

    Raises:
        EventOrderError: if ``now`` is earlier than the last event.

    Example:
        >>> from datetime import datetime
        >>> from zoneinfo import ZoneInfo
        >>> from pst_core.states import Transaction
        >>> from pst_core.states.workflows import visit
        >>> at = datetime(2026, 3, 16, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
        >>> tx = Transaction.open(visit(), at=at, actor="guest")
        >>> clock_cycles(tx, at)
        {'wait': (), 'service': ()}
    """
    _checked_now(tx, now)
    states = tx.states_visited()
    return {
        clock.name: tuple(
            _status(clock, cycle, number, now)
            for number, cycle in enumerate(_fold(clock, tx.history, states), start=1)
        )
        for clock in tx.workflow.clocks
    }


def clock_statuses(tx: Transaction, now: datetime) -> Mapping[str, ClockStatus]:
    """The latest cycle of every clock of ``tx``'s workflow at ``now``, by clock name.

    This is what :meth:`Transaction.clocks` returns.

    Example:
        >>> from datetime import datetime
        >>> from zoneinfo import ZoneInfo
        >>> from pst_core.states import Transaction
        >>> from pst_core.states.workflows import visit
        >>> at = datetime(2026, 3, 16, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
        >>> clock_statuses(Transaction.open(visit(), at=at, actor="guest"), at)["wait"].status
        'not started'
    """
    by_clock = clock_cycles(tx, now)
    return {
        clock.name: by_clock[clock.name][-1] if by_clock[clock.name] else _never_started(clock)
        for clock in tx.workflow.clocks
    }
