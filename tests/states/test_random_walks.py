"""Random event sequences through every built-in workflow (Hypothesis stateful testing).

The machine fires allowed events (with data that satisfies a guard), fires the
timers that fall due, tries events that are not allowed, and lets time pass; a
timer's event picked while its timer is not due must be refused (the walk then
moves on without it), one picked once it is due must be accepted. After every
step it checks that the transaction never leaves its table, that its history
replays and round-trips through JSON equal, and the clock invariants: elapsed
never decreases within a cycle, elapsed + remaining equals the budget while a
clock runs unpaused and within its budget (neither breached nor overdue), and the
due instant is never earlier than the start.
"""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta
from typing import Any, ClassVar

import attrs
import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from pst_core.calendar.durations import WorkingTime
from pst_core.errors import InvalidTransitionError
from pst_core.states import Clock, Transaction, Workflow, replay
from pst_core.states.builtin import builtin_workflow
from tests.states.examples import every_builtin_name
from tests.strategies import event_data, instants_2026, timer_events_not_due


def _advance(workflow: Workflow, clock: Clock, start: datetime, amount: timedelta) -> datetime:
    """``amount`` of the clock's counted time after ``start``."""
    if clock.counts_open_time:
        return workflow.calendar.add(start, WorkingTime(amount))
    return start + amount


_PRODUCTS = st.sampled_from(
    ["microdata", "wilkerstat_map", "printed_publication", "electronic_publication"]
)
_ACTORS = ("user", "receptionist", "officer", "app")

_STEPS = st.integers(min_value=0, max_value=4 * 24 * 60).map(lambda m: timedelta(minutes=m))
# Long waits too, so that every timer (up to the invoice's month) falls due in some walks.
_WAITS = _STEPS | st.integers(min_value=1, max_value=40).map(lambda d: timedelta(days=d))
_MOVE = st.tuples(_STEPS, st.integers(min_value=0, max_value=99), event_data)
# Short walks, so that the machine spends its steps in the middle states too, not only the ends.
_WALKS = st.lists(_MOVE, min_size=1, max_size=3)
_FIRST_WALKS = st.lists(_MOVE, max_size=6)


class WorkflowMachine(RuleBasedStateMachine):
    """Drives one transaction of ``workflow`` at random."""

    workflow: ClassVar[Workflow]
    strict: ClassVar[bool]

    def __init__(self) -> None:
        super().__init__()
        self.tx: Transaction
        self.now: datetime
        self.elapsed: dict[tuple[str, int], timedelta] = {}

    def actor(self, transition: Any, pick: int) -> str:
        """Strict walks fire as one of the roles the transition names; lenient ones as anyone."""
        roles = tuple(getattr(transition, "roles", ()) or ())
        if self.strict and roles:
            return str(roles[pick % len(roles)])
        return _ACTORS[pick % len(_ACTORS)]

    @initialize(at=instants_2026, walk=_FIRST_WALKS, product=_PRODUCTS)
    def open(
        self, at: datetime, walk: list[tuple[timedelta, int, dict[str, Any]]], product: str
    ) -> None:
        self.product = product
        self.tx = Transaction.open(self.workflow, at=at, actor="user")
        self.now = at
        self.fire_allowed(walk)

    @rule(walk=_WALKS)
    def fire_allowed(self, walk: list[tuple[timedelta, int, dict[str, Any]]]) -> None:
        for step, pick, given in walk:
            events = self.workflow.events_from(self.tx.state)
            if not events:
                assert self.tx.is_finished
                return
            extra = {k: v for k, v in given.items() if k not in ("at", "actor", "event")}
            options = []
            for e in events:
                for t in self.workflow.targets(self.tx.state, e):
                    data = dict(extra)
                    if t.guard is not None and t.guard.comparison is not None:
                        key, _, value = t.guard.comparison
                        data[key] = value
                    elif t.guard is not None:
                        data.update(outcome="complete", product=self.product)
                    siblings = self.workflow.targets(self.tx.state, e)
                    shadowed = t.guard is None and any(
                        o.guard is not None and o.guard.holds(data) for o in siblings
                    )
                    if (t.guard is None or t.guard.holds(data)) and not shadowed:
                        options.append((t, data))
            onward = [o for o in options if not self.workflow.is_terminal(o[0].target)]
            # Mostly move on, sometimes end: random walks should reach the late states too.
            pool = onward if onward and pick < 85 else options
            transition, data = pool[pick % len(pool)]
            before = self.tx
            self.now += step
            waiting = timer_events_not_due(self.tx, self.now)
            if transition.event in waiting:
                # Fired by a role allowed to fire it: what refuses it is the timer.
                early = transition.roles[0] if transition.roles else "system"
                with pytest.raises(InvalidTransitionError) as caught:
                    before.fire(transition.event, at=self.now, actor=early, data=data)
                assert caught.value.allowed == tuple(e for e in events if e not in waiting)
                assert caught.value.allowed == before.allowed_events(at=self.now)
                continue
            actor = self.actor(transition, pick)
            outsider = next((a for a in _ACTORS if a not in transition.roles), None)
            if self.strict and transition.roles and outsider is not None:
                with pytest.raises(InvalidTransitionError) as refused:
                    before.fire(transition.event, at=self.now, actor=outsider, data=data)
                assert refused.value.allowed == transition.roles
            after = before.fire(transition.event, at=self.now, actor=actor, data=data)
            assert before.history == after.history[:-1]  # the old transaction is untouched
            assert (after.state, after.history[-1].name) == (transition.target, transition.event)
            self.tx = after

    @rule()
    def fire_due_timers(self) -> None:
        for due in self.tx.due_timers(self.now):
            assert due.due <= self.now
            assert due.event in self.tx.allowed_events(at=self.now, actor=due.actor)
            at = max(due.due, self.tx.last_at)
            self.tx = self.tx.fire(due.event, at=at, actor=due.actor)
            if at < self.now:
                # A backdated event rewrites the past the clocks were read against: elapsed
                # is monotone in `now` for one history, so earlier readings no longer bind.
                self.elapsed.clear()
            break  # one at a time: the next may no longer apply

    @rule(pick=st.integers(min_value=0, max_value=99))
    def wait_for_a_timer(self, pick: int) -> None:
        armed = [t for t in self.workflow.timers if self.tx.state in t.in_states]
        if not armed:
            return
        timer = armed[pick % len(armed)]
        # Armed at or before the last event, so due by then unless it fired for this arming.
        self.now = self.workflow.calendar.add(self.now, timer.after)
        if timer.event in timer_events_not_due(self.tx, self.now):
            assert any(e.name == timer.event for e in self.tx.history)
        else:
            self.tx = self.tx.fire(timer.event, at=self.now, actor=timer.actor)

    @rule(pick=st.integers(min_value=0, max_value=99))
    def fire_not_allowed(self, pick: int) -> None:
        allowed = self.workflow.events_from(self.tx.state)
        refused = [e for e in self.workflow.events if e not in allowed]
        if not refused:
            return
        with pytest.raises(InvalidTransitionError) as caught:
            self.tx.fire(refused[pick % len(refused)], at=self.now, actor="officer")
        assert caught.value.allowed == allowed

    @rule(step=_WAITS)
    def time_passes(self, step: timedelta) -> None:
        self.now += step

    @invariant()
    def stays_in_its_table(self) -> None:
        assert self.tx.state in self.workflow.state_names
        states = self.tx.states_visited()
        for (before, after), event in zip(
            itertools.pairwise(states), self.tx.history[1:], strict=True
        ):
            assert any(t.target == after for t in self.workflow.targets(before, event.name))

    @invariant()
    def replays_equal(self) -> None:
        assert replay(self.workflow, self.tx.history) == self.tx
        assert Transaction.loads(self.tx.dumps(), format="json", workflows=self.workflow) == self.tx

    @invariant()
    def clock_invariants(self) -> None:
        clocks = {clock.name: clock for clock in self.workflow.clocks}
        for name, cycles in self.tx.clock_cycles(self.now).items():
            for status in cycles:
                assert status.started is not None
                assert status.due is not None
                assert status.budget is not None
                assert status.remaining is not None
                assert status.due >= status.started
                key = (name, status.cycle)
                assert status.elapsed >= self.elapsed.get(key, timedelta(0))
                self.elapsed[key] = status.elapsed
                if status.running and not status.paused and not status.overdue:
                    assert status.elapsed + status.remaining == status.budget
                    if status.remaining:  # the rest of the budget, counted from now, ends at due
                        assert (
                            _advance(self.workflow, clocks[name], self.now, status.remaining)
                            == status.due
                        )
                if isinstance(status.goal, WorkingTime):
                    assert status.budget == status.goal.span
                assert not (status.met and status.breached)


_SETTINGS = settings(max_examples=25, stateful_step_count=40, deadline=None)


BUILTIN_NAMES = every_builtin_name()


@pytest.mark.property
@pytest.mark.parametrize("strict", [True, False], ids=["strict", "lenient"])
@pytest.mark.parametrize("name", BUILTIN_NAMES)
def test_random_event_sequences(name: str, strict: bool) -> None:
    workflow = attrs.evolve(builtin_workflow(name), role_check="strict" if strict else "lenient")
    attributes = {"workflow": workflow, "strict": strict}
    machine: Any = type(f"Machine_{name}", (WorkflowMachine,), attributes)
    machine.TestCase.settings = _SETTINGS
    machine.TestCase().runTest()
