"""``next_due``: the one instant a service indexes, agreeing with the clocks and the timers.

A clock's `ClockStatus.breach_at` is the last instant it does not read breached
(overdue) if nothing else happens; a timer's due instant is the first at which it
is due. ``next_due`` is the earliest of them. Checked at and just after each
instant, over random histories of every built-in workflow (closing-time deadlines
and paused clocks included), and on the golden cases of a Friday closing.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pst_core.calendar.durations import CalendarDays, Duration, WorkingDays, WorkingTime
from pst_core.states import Transaction, Workflow
from pst_core.states.builtin import paid_product
from pst_core.states.events import utc
from tests.states.examples import every_builtin_name
from tests.states.test_clocks import ticket
from tests.strategies import instants_2026, transactions

_TICK = timedelta(microseconds=1)
WIB = ZoneInfo("Asia/Jakarta")


def _over(tx: Transaction, name: str, at: datetime) -> bool:
    return tx.clocks(at)[name].overdue


def _check(tx: Transaction) -> None:
    last = tx.last_at
    clocks = tx.clocks(last)
    instants: list[datetime] = []
    for name, status in clocks.items():
        if status.breach_at is None:
            # Not running unpaused: nothing will change if nothing happens.
            assert status.status in ("not started", "paused", "met", "cancelled") or (
                status.overdue and (status.paused or status.stopped or status.cancelled)
            )
            later = tx.clocks(last + timedelta(days=400))[name]
            assert later.overdue == status.overdue
            continue
        instants.append(status.breach_at)
        assert status.running
        assert not status.paused
        if utc(status.breach_at) >= utc(last):
            assert not _over(tx, name, status.breach_at), name
        else:
            assert status.overdue, name
        assert _over(tx, name, max(status.breach_at + _TICK, last, key=utc)), name
    armed = tx.armed_timers
    for timer in armed:
        instants.append(timer.due)
        assert timer in tx.due_timers(max(timer.due, last, key=utc))
        if utc(timer.due) - _TICK >= utc(last):
            assert timer not in tx.due_timers(timer.due - _TICK)
    expected = min(instants, key=utc, default=None)
    assert tx.next_due == expected
    for moment in (last, expected, None if expected is None else expected + _TICK):
        if moment is None or utc(moment) < utc(last):
            continue
        assert tx.due_timers(moment) == tuple(t for t in armed if utc(t.due) <= utc(moment))


@pytest.mark.property
@pytest.mark.parametrize("name", every_builtin_name())
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_next_due_agrees_with_the_clocks_and_timers(name: str, data: st.DataObject) -> None:
    _check(data.draw(transactions(max_events=10, workflow_name=name)))


def test_a_deadline_at_fridays_closing_breaches_at_the_next_opening() -> None:
    tx = Transaction.open(paid_product(), at=datetime(2026, 3, 17, 14, tzinfo=WIB), actor="user")
    queue = tx.clocks(tx.last_at)["queue"]
    assert queue.due == datetime(2026, 3, 27, 16, tzinfo=WIB)  # Friday's closing
    assert queue.breach_at == datetime(2026, 3, 30, 8, tzinfo=WIB)  # Monday's opening
    assert tx.clocks(datetime(2026, 3, 29, 12, tzinfo=WIB))["queue"].status == "running"
    assert tx.clocks(queue.breach_at)["queue"].status == "running"
    assert tx.clocks(queue.breach_at + _TICK)["queue"].status == "breached"
    _check(tx)


def test_a_paused_clock_has_no_breach_instant() -> None:
    at = datetime(2026, 3, 16, 9, tzinfo=WIB)
    tx = Transaction.open(ticket(WorkingTime(60)), at=at, actor="user")
    assert tx.clocks(at)["resolution"].breach_at == at + timedelta(hours=1)
    tx = tx.fire("ask", at=at + timedelta(minutes=20), actor="officer")
    status = tx.clocks(tx.last_at)["resolution"]
    assert (status.paused, status.breach_at, tx.next_due) == (True, None, None)
    tx = tx.fire("answer", at=datetime(2026, 3, 16, 15, 10, tzinfo=WIB), actor="user")
    # 40 minutes left from Monday 15:10: 20 on Monday until 15:30, 20 from Tuesday's opening
    assert tx.next_due == datetime(2026, 3, 17, 8, 20, tzinfo=WIB)
    _check(tx)


@st.composite
def _walks(draw: st.DrawFn, workflow: Workflow) -> Transaction:
    """A random history of a workflow without guards: events a minute to three days apart."""
    at = draw(instants_2026)
    tx = Transaction.open(workflow, at=at, actor="user")
    for _ in range(draw(st.integers(min_value=0, max_value=10))):
        at += timedelta(minutes=draw(st.integers(min_value=0, max_value=3 * 24 * 60)))
        events = tx.allowed_events(at=at)
        if not events:
            break
        tx = tx.fire(draw(st.sampled_from(events)), at=at, actor="user")
    return tx


@pytest.mark.property
@pytest.mark.parametrize("goal", [WorkingTime(60), WorkingDays(2), CalendarDays(1)], ids=str)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_next_due_agrees_over_paused_and_restarted_clocks(
    goal: Duration, data: st.DataObject
) -> None:
    _check(data.draw(_walks(ticket(goal))))
