"""SLA clocks and timers evaluated over a history: ``(workflow, history)`` in, readings out.

Everything here is a pure function of a `Workflow` (its table, clocks, timers
and calendar) and a history of `Event` records; `Transaction` methods call
these. One pass over the history gives the state after every event
(`walk`), and each clock folds that once, so the cost grows linearly with the
length of the history.

**Clocks** follow the service-desk model (Zendesk, Jira Service Management,
ServiceNow; DOMAIN.md §4): a clock **starts** on a trigger, **pauses** while
the transaction is in a state that waits on the user, **resumes** when it leaves
it, **stops** on a trigger (the goal is *met* if it was not over budget by then),
and can be **cancelled**. A start trigger while a cycle runs is ignored; after a
stop or a cancel the next start opens a **new cycle** (numbered from 1). A
trigger names an event (it fires when that event happens), a state (it fires
when an event leads into that state, a self-loop included) or ``"open"``.

**Counted time.** Goals in `WorkingTime` or `WorkingDays` count *open time* of
the workflow's calendar; goals in calendar days or months count wall-clock
time. Paused time is never counted.

**Budget and due instant.** The budget of a cycle is the counted time from its
start to ``calendar.add(start, goal)``. The due instant is the instant at which
the counted (unpaused) time reaches the budget; without pauses it is exactly
``calendar.add(start, goal)``, and every stretch of counted time spent paused
before it moves it later by as much. While a clock is paused or stopped short of
its budget, the due instant shown is the one it would have if it ran again from
that moment.

**Readings** at ``now``: ``elapsed`` (counted time so far; never decreases),
``remaining`` = ``max(budget - elapsed, 0)``, ``breached_by`` = ``elapsed -
budget`` when positive. Past its budget a clock of severity ``"breach"`` is
*breached*; one of severity ``"warn"`` (a target the user may extend) is
*overdue*. ``met`` is a stopped cycle within its budget. A cancelled cycle is
neither.

**A start never recorded.** A clock with ``infer_start=True`` whose first
trigger in the history is a stop (the service was given, its start never
recorded) is not left *not started*: that cycle is measured from the opening,
the earliest its start can have been (a conservative reading: the time it shows
is never less than the time the office had), and flagged
`ClockStatus.start_inferred`.

**Timers.** While the transaction is in one of a timer's ``in_states``, it is
*armed* from the last time one of its triggers happened, and falls due
``after`` that (``calendar.add``). It is due at most once per arming. Firing a
timer's event before it is due, in a state where it is armed, is refused, so a
history never holds an expiry that had not happened yet.

All instants are ordered in absolute time (UTC), never by wall clock.

Example:
    >>> from datetime import timezone
    >>> from zoneinfo import ZoneInfo
    >>> from pst_core.calendar.durations import WorkingDays
    >>> from pst_core.states import Clock, Event, State, Transition, Workflow
    >>> wib = ZoneInfo("Asia/Jakarta")
    >>> wf = Workflow(
    ...     "order",
    ...     (State("open", initial=True), State("done", terminal=True)),
    ...     (Transition("open", "deliver", "done"),),
    ...     clocks=(Clock("delivery", WorkingDays(10), starts_on=("open",),
    ...                   stops_on=("done",)),),
    ... )
    >>> history = (Event("open", datetime(2026, 3, 17, 10, tzinfo=wib), "user"),)
    >>> delivery = clock_statuses(wf, history, datetime(2026, 3, 17, 10, tzinfo=wib))["delivery"]
    >>> delivery.due.isoformat(), delivery.status
    ('2026-04-08T15:30:00+07:00', 'running')
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Literal

import attrs

from pst_core._display import html_section, html_table, short
from pst_core._validation import require_aware, require_instance, sequence_of
from pst_core.calendar.durations import Duration, WorkingTime
from pst_core.errors import EventOrderError, InvalidTransitionError, Phrase
from pst_core.i18n import Language, check_language, display_language, text
from pst_core.states._display import hours_text, instant_text
from pst_core.states.events import OPEN, Event, utc
from pst_core.states.parts import Clock, ClockSeverity, Timer
from pst_core.states.workflow import Workflow

__all__ = [
    "ClockPhase",
    "ClockStatus",
    "DueTimer",
    "armed_timers",
    "check_event",
    "clock_cycles",
    "clock_statuses",
    "clock_table",
    "due_timers",
    "start_unrecorded",
    "walk",
]

_ZERO = timedelta(0)

ClockPhase = Literal["not started", "running", "paused", "met", "breached", "overdue", "cancelled"]
"""Where a clock's cycle stands, in one word: the value of `ClockStatus.status`."""


# --- measuring -------------------------------------------------------------------------


def _measure(workflow: Workflow, clock: Clock, start: datetime, end: datetime) -> timedelta:
    if clock.counts_open_time:
        return workflow.calendar.working_time_between(start, end)
    return utc(end) - utc(start)


def _advance(workflow: Workflow, clock: Clock, start: datetime, amount: timedelta) -> datetime:
    if clock.counts_open_time:
        return workflow.calendar.add(start, WorkingTime(amount))
    return (utc(start) + amount).astimezone(workflow.calendar.timezone)


def _budget(workflow: Workflow, clock: Clock, start: datetime) -> timedelta:
    return _measure(workflow, clock, start, workflow.calendar.add(start, clock.goal))


# --- readings ---------------------------------------------------------------------------


@attrs.frozen
class ClockStatus:
    """One cycle of a clock as it stands at some instant.

    Attributes:
        name: The clock's name.
        goal: The clock's goal.
        severity: ``"breach"`` or ``"warn"`` (from the clock).
        cycle: 1 for the first cycle, 2 after a restart...; 0 if never started.
        started: When the cycle started (``None`` if never started).
        due: When the counted time reaches the budget (see the module docs).
        budget: The counted time the goal allows from this start.
        elapsed: Counted time used so far (paused time excluded).
        remaining: ``max(budget - elapsed, 0)``.
        paused: Whether the clock is paused now.
        stopped: When the cycle was stopped, if it was.
        cancelled: When the cycle was cancelled, if it was.
        breached_by: Counted time past the budget (zero within it; for a
            ``"warn"`` clock too, whose cycle is then overdue, not breached).
        start_inferred: The start was never recorded and is read as the
            opening (a clock with ``infer_start=True``; see the module docs).
        breach_at: The instant after which the cycle reads breached (overdue, for a
            ``"warn"`` clock) if nothing else happens: the first instant its counted
            time can pass the budget. That is ``due`` itself, unless ``due`` is a
            closing (a goal in working days always is) and the clock counts open
            time: then it is the next opening, since no time counts while the office
            is closed. ``None`` unless the cycle runs unpaused (stopped, cancelled,
            paused or never started); in the past once it is breached.

    Example:
        >>> from pst_core.calendar.durations import WorkingTime
        >>> at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
        >>> wait = ClockStatus("wait", WorkingTime(10), "breach", 1, at, at, timedelta(minutes=10),
        ...                    timedelta(minutes=25), timedelta(0), False, None, None,
        ...                    timedelta(minutes=15))
        >>> wait.status, wait.running, wait.met
        ('breached', True, False)
        >>> print(wait.describe("id"))
        wait (10 menit): terlampaui, tenggat Senin 2026-03-16 02:00 UTC,
        terpakai 0 jam 25 menit, lewat 0 jam 15 menit
    """

    name: str
    goal: Duration
    severity: ClockSeverity
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
    start_inferred: bool = False
    breach_at: datetime | None = None

    @property
    def running(self) -> bool:
        """Started and neither stopped nor cancelled (paused or not)."""
        return self.started is not None and self.stopped is None and self.cancelled is None

    @property
    def overdue(self) -> bool:
        """More counted time than the budget was used (a cancelled cycle never is)."""
        return self.breached_by > _ZERO

    @property
    def breached(self) -> bool:
        """Overdue, for a clock of severity ``"breach"``."""
        return self.overdue and self.severity == "breach"

    @property
    def met(self) -> bool:
        """Stopped within its budget."""
        return self.stopped is not None and not self.overdue

    @property
    def status(self) -> ClockPhase:
        """One word: not started, running, paused, met, breached, overdue or cancelled."""
        if self.started is None:
            return "not started"
        if self.cancelled is not None:
            return "cancelled"
        if self.overdue:
            return "breached" if self.severity == "breach" else "overdue"
        if self.stopped is not None:
            return "met"
        return "paused" if self.paused else "running"

    def describe(self, language: Language = "en") -> str:
        """One line for people: name, goal, status, due instant and time used.

        Example:
            >>> from pst_core.calendar.durations import WorkingDays
            >>> start = datetime(2026, 3, 17, 10, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> status = ClockStatus("delivery", WorkingDays(10), "breach", 1, start,
            ...                      start.replace(month=4, day=8, hour=15, minute=30),
            ...                      timedelta(hours=66), timedelta(hours=2), timedelta(hours=64),
            ...                      False, None, None, timedelta(0))
            >>> print(status.describe())
            delivery (10 working days): running, due Wednesday 2026-04-08 15:30 WIB,
            used 2 h 00 min, 64 h 00 min left
        """
        goal = self.goal.describe(language)
        head = text(
            "states.clock.head",
            language,
            name=self.name,
            goal=goal,
            status=text(f"states.clock.status.{self.status.replace(' ', '-')}", language),
        )
        if self.due is None or self.remaining is None:
            return head
        line = text(
            "states.clock.due",
            language,
            head=head,
            due=instant_text(self.due, language),
            used=hours_text(self.elapsed, language),
        )
        if self.start_inferred:
            line = text("states.clock.inferred", language, line=line)
        if self.overdue:
            return text(
                "states.clock.over",
                language,
                line=line,
                over=hours_text(self.breached_by, language),
            )
        if self.stopped is not None or self.cancelled is not None:
            return line
        return text(
            "states.clock.left", language, line=line, left=hours_text(self.remaining, language)
        )

    def __repr__(self) -> str:
        due = None if self.due is None else self.due.isoformat(timespec="seconds")
        return (
            f"ClockStatus(name={short(self.name)}, status={self.status!r}, cycle={self.cycle}, "
            f"due={due}, elapsed={self.elapsed})"
        )

    def _cells(self, language: Language) -> list[str]:
        """One row of `clock_table`: the reading in words of ``language``."""

        zone = None if self.due is None else self.due.tzinfo  # the calendar's zone

        def when(moment: datetime | None) -> str:
            return "" if moment is None else instant_text(moment.astimezone(zone), language)

        ended = self.stopped is not None or self.cancelled is not None
        return [
            self.name,
            self.goal.describe(language),
            text(f"states.clock.status.{self.status.replace(' ', '-')}", language),
            str(self.cycle) if self.cycle else "",
            when(self.started),
            when(self.due),
            "" if self.started is None else hours_text(self.elapsed, language),
            ""
            if self.remaining is None or ended or self.overdue
            else hours_text(self.remaining, language),
            hours_text(self.breached_by, language) if self.overdue else "",
        ]

    def to_html(self, language: Language | None = None) -> str:
        """What a notebook shows, as HTML in ``language`` (default: the display language,
        `pst_core.i18n.display_language`, set with ``pst_core.set_option``)."""
        said = display_language() if language is None else check_language(language)
        return html_section(self.describe(said), clock_table((self,), said))

    def _repr_html_(self) -> str:
        return self.to_html()


_CLOCK_COLUMNS = ("clock", "goal", "status", "cycle", "started", "due", "used", "left", "over")


def clock_table(
    statuses: Iterable[ClockStatus], language: Language = "en", caption: str = ""
) -> str:
    """An HTML table of clock readings, one row each, words in ``language``.

    Instants are shown in the zone of each cycle's due instant (the calendar's).

    Example:
        >>> from pst_core.calendar.durations import WorkingTime
        >>> at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
        >>> wait = ClockStatus("wait", WorkingTime(10), "breach", 0, None, None, None,
        ...                    timedelta(0), None, False, None, None, timedelta(0))
        >>> "<td>not started</td>" in clock_table([wait])
        True
    """
    headers = [text(f"states.display.column.{c}", language) for c in _CLOCK_COLUMNS]
    return html_table(headers, [s._cells(language) for s in statuses], caption=caption)


@attrs.frozen
class DueTimer:
    """A timer armed in the transaction's state, with when it falls due (or fell due).

    `due_timers` gives those whose time has come, `armed_timers` every one armed.

    Attributes:
        timer: Its name.
        event: The event to fire.
        due: When it fell due (fire it with ``at=due`` to keep the history exact).
        actor: The role that should fire it.
        armed: The reference instant it was counted from.

    Example:
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


# --- one pass over the history ---------------------------------------------------------------


def _arguments(workflow: object, history: object) -> tuple[Workflow, tuple[Event, ...]]:
    """The workflow and the history's events, their types checked."""
    return require_instance(workflow, "workflow", Workflow), sequence_of(history, "history", Event)


class _Timers:
    """The reference instant of every timer, updated event by event (scratch, never escapes)."""

    def __init__(self, workflow: Workflow) -> None:
        self.workflow = workflow
        self.reference: dict[str, datetime | None] = {t.name: None for t in workflow.timers}

    def record(self, event: Event, state: str) -> None:
        for timer in self.workflow.timers:
            if event.name in timer.triggers or state in timer.triggers:
                self.reference[timer.name] = event.at
            elif event.name == timer.event and self.reference[timer.name] is not None:
                self.reference[timer.name] = None  # fired already for this arming

    def armed(self, state: str) -> list[tuple[Timer, tuple[datetime, datetime] | None]]:
        """The timers of ``state``, each with (reference, due), or None once fired."""
        found: list[tuple[Timer, tuple[datetime, datetime] | None]] = []
        for timer in self.workflow.timers:
            if state not in timer.in_states:
                continue
            reference = self.reference[timer.name]
            span = (
                None
                if reference is None
                else (reference, self.workflow.calendar.add(reference, timer.after))
            )
            found.append((timer, span))
        return found

    def check(self, state: str, event: Event) -> None:
        if not any(t.event == event.name and state in t.in_states for t in self.workflow.timers):
            return
        at = utc(event.at)
        armed = self.armed(state)
        due_events = {t.event for t, span in armed if span is not None and utc(span[1]) <= at}
        if event.name in due_events:
            return
        waiting = {t.event for t, _ in armed} - due_events
        allowed = tuple(e for e in self.workflow.events_from(state) if e not in waiting)
        # The soonest of the timers that fire it; one already fired for this arming comes last.
        timer, span = min(
            ((t, s) for t, s in armed if t.event == event.name),
            key=lambda pair: (pair[1] is None, utc(pair[1][1]) if pair[1] else at, pair[0].name),
        )
        when = (
            Phrase("states.error.timer_not_due", due=span[1].isoformat(), armed=span[0].isoformat())
            if span is not None
            else Phrase("states.error.timer_fired", triggers=", ".join(timer.triggers))
        )
        raise InvalidTransitionError(
            Phrase(
                "states.error.timer_event",
                event=repr(event.name),
                timer=repr(timer.name),
                when=when,
                at=event.at.isoformat(),
                state=repr(state),
                allowed=", ".join(allowed) or Phrase("states.error.none"),
            ),
            value=event.name,
            allowed=allowed,
            roles=(timer.actor,),
            state=state,
            due_at=None if span is None else span[1],
        )


def _step(workflow: Workflow, state: str, last: Event, event: Event) -> str:
    """The state after ``event`` from ``state``; the order and the table are checked."""
    if event.name == OPEN:
        raise InvalidTransitionError(
            Phrase("states.error.open_only_opens", open=repr(OPEN)),
            value=event.name,
            allowed=workflow.events_from(state),
            state=state,
        )
    if utc(event.at) < utc(last.at):
        raise EventOrderError(
            Phrase(
                "states.error.event_earlier",
                event=repr(event.name),
                at=event.at.isoformat(),
                last=repr(last.name),
                last_at=last.at.isoformat(),
            ),
            value=event.at,
        )
    return workflow.select(state, event.name, event.data, event.actor).target


def walk(workflow: Workflow, history: Iterable[Event]) -> tuple[str, ...]:
    """The state after each event of ``history`` (same length), checking every step once.

    The first event must be the opening; each later one must be allowed by the
    table (guards, and roles when the workflow is strict), not earlier than the
    one before (in absolute time), and, if a timer fires it, due.

    Raises:
        InvalidTransitionError: an event the workflow does not allow at that point.
        EventOrderError: events out of time order.
        InvalidTypeError: ``workflow`` or ``history`` of the wrong type.

    Example:
        >>> from pst_core.states import State, Transition
        >>> wf = Workflow("t", (State("a", initial=True), State("b", terminal=True)),
        ...               (Transition("a", "go", "b"),))
        >>> at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
        >>> walk(wf, [Event("open", at, "user"), Event("go", at, "user")])
        ('a', 'b')
    """
    workflow, events = _arguments(workflow, history)
    if not events or events[0].name != OPEN:
        raise InvalidTransitionError(
            Phrase("states.error.history_opens", open=repr(OPEN)), value=events[:1], allowed=(OPEN,)
        )
    state = workflow.initial.name
    states = [state]
    timers = _Timers(workflow) if workflow.timers else None
    if timers is not None:
        timers.record(events[0], state)
    for last, event in itertools.pairwise(events):
        after = _step(workflow, state, last, event)
        if timers is not None:
            timers.check(state, event)
        state = after
        states.append(state)
        if timers is not None:
            timers.record(event, state)
    return tuple(states)


def check_event(
    workflow: Workflow, history: Sequence[Event], states: Sequence[str], event: Event
) -> str:
    """The state after ``event``, appended to a history already checked (with its ``states``).

    The same checks as `walk` makes for one more event; only a timer's event
    needs another pass over the history (to find when its timer was armed).

    Raises:
        InvalidTransitionError: as for `walk`.
        EventOrderError: as for `walk`.
    """
    state = states[-1]
    after = _step(workflow, state, history[-1], event)
    if workflow.timers and any(
        t.event == event.name and state in t.in_states for t in workflow.timers
    ):
        timers = _Timers(workflow)
        for past, reached in zip(history, states, strict=True):
            timers.record(past, reached)
        timers.check(state, event)
    return after


# --- clocks ----------------------------------------------------------------------------------


@attrs.define
class _Cycle:
    """Mutable scratch state of one cycle while folding a history (never escapes)."""

    started: datetime
    counting: list[tuple[datetime, datetime | None]]
    stopped: datetime | None = None
    cancelled: datetime | None = None
    inferred: bool = False

    @property
    def paused(self) -> bool:
        return self.counting[-1][1] is not None

    def pause(self, at: datetime) -> None:
        self.counting[-1] = (self.counting[-1][0], at)

    def resume(self, at: datetime) -> None:
        self.counting.append((at, None))

    def end(self) -> datetime | None:
        return self.stopped or self.cancelled


def start_unrecorded(clock: Clock, names: Sequence[str], states: Sequence[str]) -> bool:
    """Whether ``clock`` stops before it ever starts or is cancelled, after the opening.

    ``names`` and ``states`` are a history's event names and the state after each.
    Only a clock with ``infer_start=True`` reads it so: its first cycle then starts
    at the opening (see the module docs).
    """
    if not clock.infer_start:
        return False
    starts, stops, cancels = set(clock.starts_on), set(clock.stops_on), set(clock.cancels_on)
    for index, (name, state) in enumerate(zip(names, states, strict=True)):
        if name in starts or state in starts:
            return False
        if name in stops or state in stops:
            return index > 0
        if name in cancels or state in cancels:
            return False
    return False


def _inferred_cycle(clock: Clock, history: Sequence[Event], states: Sequence[str]) -> _Cycle | None:
    """The cycle read from the opening when the clock's start was never recorded, if so."""
    if not history or not start_unrecorded(clock, [e.name for e in history], states):
        return None
    cycle = _Cycle(history[0].at, [(history[0].at, None)], inferred=True)
    if states[0] in clock.paused_in:
        cycle.pause(history[0].at)
    return cycle


def _fold(clock: Clock, history: Sequence[Event], states: Sequence[str]) -> list[_Cycle]:
    current = _inferred_cycle(clock, history, states)
    cycles: list[_Cycle] = list(filter(None, (current,)))
    skip = len(cycles)  # an inferred cycle has folded the opening already
    starts, stops, cancels = set(clock.starts_on), set(clock.stops_on), set(clock.cancels_on)
    paused_in = set(clock.paused_in)
    for event, state in zip(history[skip:], states[skip:], strict=True):
        at = event.at
        if current is not None and (event.name in stops or state in stops):
            if not current.paused:
                current.pause(at)
            current.stopped, current = at, None
        elif current is not None and (event.name in cancels or state in cancels):
            if not current.paused:
                current.pause(at)
            current.cancelled, current = at, None
        if current is None and (event.name in starts or state in starts):
            current = _Cycle(at, [(at, None)])
            cycles.append(current)
        if current is not None:
            if state in paused_in and not current.paused:
                current.pause(at)
            elif state not in paused_in and current.paused:
                current.resume(at)
    return cycles


def _status(
    workflow: Workflow, clock: Clock, cycle: _Cycle, number: int, now: datetime
) -> ClockStatus:
    end = cycle.end() or now
    budget = _budget(workflow, clock, cycle.started)
    used = _ZERO
    due: datetime | None = None
    passing: tuple[datetime, timedelta] | None = None  # where the budget can be passed
    for start, stop in cycle.counting:
        span = _measure(workflow, clock, start, stop or end)
        if due is None and used + span >= budget:
            due = _advance(workflow, clock, start, budget - used)
        if passing is None and (stop is None or used + span > budget):
            passing = (start, budget - used)
        used += span
    if due is None:
        due = _advance(workflow, clock, end, budget - used)
    breach_at = None
    if passing is not None and cycle.end() is None and not cycle.paused:
        breach_at = _breach_instant(workflow, clock, *passing)
    return ClockStatus(
        name=clock.name,
        goal=clock.goal,
        severity=clock.severity,
        cycle=number,
        started=cycle.started,
        due=due,
        budget=budget,
        elapsed=used,
        remaining=max(budget - used, _ZERO),
        paused=cycle.paused and cycle.end() is None,
        stopped=cycle.stopped,
        cancelled=cycle.cancelled,
        breached_by=_ZERO if cycle.cancelled else max(used - budget, _ZERO),
        start_inferred=cycle.inferred,
        breach_at=breach_at,
    )


def _breach_instant(workflow: Workflow, clock: Clock, start: datetime, left: timedelta) -> datetime:
    """When counted time from ``start`` first exceeds ``left``: the last instant not past it.

    Open time stands still while the office is closed, so a budget that runs out at
    a closing (or a resumption in closed time) is passed only at the next opening.
    """
    reached = _advance(workflow, clock, start, left)
    if not clock.counts_open_time or workflow.calendar.is_open(reached):
        return reached
    return workflow.calendar.next_open(reached)


def _never_started(clock: Clock) -> ClockStatus:
    return ClockStatus(
        name=clock.name,
        goal=clock.goal,
        severity=clock.severity,
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


def _reading(
    workflow: object, history: object, now: object, states: Sequence[str] | None
) -> tuple[Workflow, tuple[Event, ...], datetime, tuple[str, ...]]:
    """The arguments of a reading at ``now``, checked, with the state after each event.

    ``states`` (the result of `walk` for this history) saves walking it again.
    """
    checked, events = _arguments(workflow, history)
    moment = require_aware(now, "now")
    visited = walk(checked, events) if states is None else tuple(states)
    if events and utc(moment) < utc(events[-1].at):
        if utc(moment) < utc(events[0].at):
            raise EventOrderError(
                Phrase(
                    "states.error.now_before_opening",
                    now=moment.isoformat(),
                    opening=events[0].at.isoformat(),
                ),
                value=moment,
            )
        # As of then: the events that had happened by ``now`` (the history is in time order).
        kept = bisect.bisect_right([utc(e.at) for e in events], utc(moment))
        events, visited = events[:kept], visited[:kept]
    return checked, events, moment, visited


def clock_cycles(
    workflow: Workflow,
    history: Iterable[Event],
    now: datetime,
    *,
    states: Sequence[str] | None = None,
) -> Mapping[str, tuple[ClockStatus, ...]]:
    """Every cycle of every clock at ``now``, oldest first, by clock name.

    ``states`` (the result of `walk` for this history) saves walking it again.

    Raises:
        EventOrderError: if ``now`` is earlier than the opening (earlier than the
            last event, the answer is as of then: from the events up to ``now``).
    """
    workflow, events, now, visited = _reading(workflow, history, now, states)
    return {
        clock.name: tuple(
            _status(workflow, clock, cycle, number, now)
            for number, cycle in enumerate(_fold(clock, events, visited), start=1)
        )
        for clock in workflow.clocks
    }


def clock_statuses(
    workflow: Workflow,
    history: Iterable[Event],
    now: datetime,
    *,
    states: Sequence[str] | None = None,
) -> Mapping[str, ClockStatus]:
    """The latest cycle of every clock at ``now``, by clock name (``Transaction.clocks``)."""
    by_clock = clock_cycles(workflow, history, now, states=states)
    return {
        clock.name: by_clock[clock.name][-1] if by_clock[clock.name] else _never_started(clock)
        for clock in workflow.clocks
    }


def due_timers(
    workflow: Workflow,
    history: Iterable[Event],
    now: datetime,
    *,
    states: Sequence[str] | None = None,
) -> tuple[DueTimer, ...]:
    """The timers due at ``now`` in the state the history leads to, earliest first.

    ``states`` (the result of `walk` for this history) saves walking it again.

    Raises:
        EventOrderError: if ``now`` is earlier than the opening (earlier than the
            last event, the answer is as of then: from the events up to ``now``).
    """
    workflow, events, now, visited = _reading(workflow, history, now, states)
    return tuple(t for t in _armed(workflow, events, visited) if utc(t.due) <= utc(now))


def armed_timers(
    workflow: Workflow, history: Iterable[Event], *, states: Sequence[str] | None = None
) -> tuple[DueTimer, ...]:
    """Every timer that will fire if nothing else happens, earliest due first.

    These are the timers of the state the history leads to that have not fired
    since they were last armed; `due_timers` at an instant is those of them due
    by then. ``states`` (the result of `walk` for this history) saves walking it again.

    Examples:
        >>> from pst_core.states.builtin import paid_product
        >>> at = datetime(2026, 3, 17, 7, tzinfo=timezone.utc)
        >>> [(t.actor, t.due.isoformat()) for t in armed_timers(
        ...     paid_product(), [Event("open", at, "user")])]
        [('app', '2026-03-27T16:00:00+07:00')]
    """
    workflow, events = _arguments(workflow, history)
    visited = walk(workflow, events) if states is None else tuple(states)
    return _armed(workflow, events, visited)


def _armed(
    workflow: Workflow, events: Sequence[Event], visited: Sequence[str]
) -> tuple[DueTimer, ...]:
    if not workflow.timers:
        return ()
    timers = _Timers(workflow)
    for event, state in zip(events, visited, strict=True):
        timers.record(event, state)
    found = [
        DueTimer(timer.name, timer.event, span[1], timer.actor, span[0])
        for timer, span in timers.armed(visited[-1])
        if span is not None
    ]
    return tuple(sorted(found, key=lambda t: (utc(t.due), t.timer)))
