"""Hypothesis strategies for states tests that must follow the timer rule.

``tests.strategies.transactions`` (shared file, not edited here) walks every
allowed event; since ``Transaction.fire`` refuses a timer's event before the
timer is due, this walk leaves such events out until they are due.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import strategies as st

from pst_core.states import OPEN, Event, Transaction
from pst_core.states.workflows import BUILTIN, builtin
from tests.strategies import event_data, instants_2026

__all__ = ["timer_events_not_due", "transactions"]


def timer_events_not_due(tx: Transaction, at: datetime) -> set[str]:
    """Events of the timers armed in ``tx``'s state that are not due at ``at``."""
    armed = {t.event for t in tx.workflow.timers if tx.state in t.in_states}
    return armed - {due.event for due in tx.due_timers(at)}


@st.composite
def transactions(draw: st.DrawFn, max_events: int = 12) -> Transaction:
    """A transaction of a built-in workflow, driven by a random walk of events it accepts.

    Guarded events get data that satisfies one of their guards; a timer's event
    is drawn only once its timer is due; times go forward by up to three days
    per event, from an instant in 2026.
    """
    workflow = builtin(draw(st.sampled_from(BUILTIN)))
    at = draw(instants_2026)
    actors = st.text(min_size=1, max_size=8).filter(str.strip)
    tx = Transaction.from_opening(workflow, Event(OPEN, at, draw(actors), draw(event_data)))
    for _ in range(draw(st.integers(min_value=0, max_value=max_events))):
        at = at + timedelta(minutes=draw(st.integers(min_value=0, max_value=3 * 24 * 60)))
        waiting = timer_events_not_due(tx, at)
        events = [e for e in tx.allowed_events() if e not in waiting]
        if not events:
            break
        event = draw(st.sampled_from(events))
        transition = draw(st.sampled_from(workflow.targets(tx.state, event)))
        data = dict(draw(event_data))
        if transition.guard is not None and transition.guard.comparison is not None:
            key, _, value = transition.guard.comparison
            data[key] = value
        tx = tx.apply(Event(event, at, draw(actors), data))
    return tx
