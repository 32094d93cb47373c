"""allowed_events(at, actor): what may happen at an instant, by whom; timers only once due."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pst_core.errors import EventOrderError, InvalidTransitionError
from pst_core.states import Transaction
from pst_core.states.builtin import paid_product
from tests.strategies import transactions

WIB = ZoneInfo("Asia/Jakarta")
T0 = datetime(2026, 3, 17, 14, tzinfo=WIB)


def test_a_timers_event_is_allowed_only_once_its_timer_is_due() -> None:
    tx = Transaction.open(paid_product(), at=T0, actor="user")
    (timer,) = tx.armed_timers
    assert timer.event not in tx.allowed_events()
    assert timer.event not in tx.allowed_events(at=timer.due - timedelta(minutes=1))
    assert timer.event in tx.allowed_events(at=timer.due)
    assert tx.allowed_events(at=timer.due, actor=timer.actor) == (timer.event,)


def test_an_actor_is_offered_only_the_events_of_its_roles() -> None:
    tx = Transaction.open(paid_product(role_check="strict"), at=T0, actor="user")
    assert tx.allowed_events(actor="user") == ("cancel",)
    assert "start-verification" in tx.allowed_events(actor="officer")
    assert tx.allowed_events(actor="nobody") == ()
    with pytest.raises(InvalidTransitionError):
        tx.fire("start-verification", at=T0, actor="user")


def test_no_event_can_happen_before_the_last_one() -> None:
    tx = Transaction.open(paid_product(), at=T0, actor="user")
    with pytest.raises(EventOrderError) as caught:
        tx.allowed_events(at=T0 - timedelta(minutes=1))
    assert "lebih awal" in caught.value.describe("id")


@pytest.mark.property
@settings(max_examples=60, deadline=None)
@given(tx=transactions(max_events=8), wait=st.integers(min_value=0, max_value=40 * 24 * 60))
def test_what_is_allowed_is_what_fire_accepts_for_timers_and_roles(
    tx: Transaction, wait: int
) -> None:
    at = tx.last_at + timedelta(minutes=wait)
    allowed = tx.allowed_events(at=at)
    timers = {t.event for t in tx.workflow.timers if tx.state in t.in_states}
    for event in timers & set(tx.workflow.events_from(tx.state)):
        if event in allowed:
            due = next(t for t in tx.due_timers(at) if t.event == event)
            assert tx.fire(event, at=at, actor=due.actor).history[-1].name == event
        else:
            with pytest.raises(InvalidTransitionError):
                tx.fire(event, at=at, actor="system")
    for actor in ("user", "officer", "app", "system"):
        mine = tx.allowed_events(at=at, actor=actor)
        assert set(mine) <= set(allowed)
        for event in mine:
            assert any(t.allows(actor) for t in tx.workflow.targets(tx.state, event))
