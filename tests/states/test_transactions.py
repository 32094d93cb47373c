"""Transactions: fire gives a new one, only allowed events in time order, replay rebuilds it equal.

How a transaction is saved and read back is in ``test_transaction_files.py``.
"""

from __future__ import annotations

import copy
import pickle
from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings

from pst_core.errors import (
    EventOrderError,
    InvalidTransitionError,
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
    PstError,
)
from pst_core.states import OPEN, Event, State, Transaction, Transition, Workflow, replay
from pst_core.states.builtin import online_consultation, visit
from tests.states.examples import T0, incomplete_order
from tests.strategies import transactions


def _seen(tx: Transaction) -> tuple[object, ...]:
    """Everything a caller can read of a transaction."""
    return (tx.id, tx.workflow, tx.state, tx.history, tx.states_visited(), tx.allowed_events())


def test_fire_returns_a_new_transaction_and_leaves_the_old_one() -> None:
    tx = incomplete_order()
    snapshot = _seen(tx)
    later = tx.fire(
        "resubmit", at=T0 + timedelta(days=1), actor="user", data={"note": "KTP attached"}
    )
    assert _seen(tx) == snapshot
    assert (tx.state, later.state) == ("incomplete", "verifying")
    assert later.history[:-1] == tx.history
    assert later.history[-1] == Event(
        "resubmit", T0 + timedelta(days=1), "user", {"note": "KTP attached"}
    )
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        tx.state = "closed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        later.history[-1].data["note"] = "changed"  # type: ignore[index]


def test_a_refused_event_lists_the_allowed_ones() -> None:
    tx = incomplete_order()
    with pytest.raises(InvalidTransitionError) as caught:
        tx.fire("pay", at=T0 + timedelta(days=1), actor="user")
    assert caught.value.allowed == tx.allowed_events() == ("resubmit", "cancel")
    assert "allowed: resubmit, cancel" in str(caught.value)
    assert caught.value.value == "pay"


def test_nothing_leaves_a_terminal_state() -> None:
    tx = Transaction.open(visit(), at=T0, actor="guest").fire("leave", at=T0, actor="guest")
    assert tx.is_finished
    assert tx.allowed_events() == ()
    with pytest.raises(InvalidTransitionError, match=r"none \(terminal state\)"):
        tx.fire("take-number", at=T0, actor="kiosk")


def test_open_cannot_be_fired() -> None:
    with pytest.raises(InvalidTransitionError, match="only opens"):
        incomplete_order().fire(OPEN, at=T0 + timedelta(days=1), actor="user")


def test_fire_refuses_an_event_earlier_in_real_time_across_a_fold() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    # 2026-10-25: 02:10 on the second pass (01:10 UTC) is later than 02:30 on the first.
    late = datetime(2026, 10, 25, 2, 10, tzinfo=berlin, fold=1)
    early = datetime(2026, 10, 25, 2, 30, tzinfo=berlin, fold=0)
    tx = Transaction.open(visit(), at=late, actor="guest")
    with pytest.raises(EventOrderError):
        tx.fire("take-number", at=early, actor="kiosk")


def test_events_must_not_go_back_in_time() -> None:
    tx = incomplete_order()
    with pytest.raises(EventOrderError, match="earlier than the last event 'verify'"):
        tx.fire("resubmit", at=T0 + timedelta(hours=1), actor="user")
    # the same instant is fine, and another zone for the same instant too
    same = (T0 + timedelta(hours=2)).astimezone(timezone.utc)
    assert tx.fire("resubmit", at=same, actor="user").state == "verifying"


def test_naive_times_are_refused() -> None:
    with pytest.raises(NaiveDatetimeError):
        Transaction.open(visit(), at=datetime(2026, 3, 16, 9), actor="guest")
    with pytest.raises(NaiveDatetimeError):
        incomplete_order().fire("resubmit", at=datetime(2026, 3, 17, 9), actor="user")


@pytest.mark.hostile
@pytest.mark.parametrize("id", ["V-1\n", " V-1", "", "V\t1"])
def test_an_id_is_text_on_one_line_without_surrounding_spaces(id: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        Transaction.open(visit(), at=T0, actor="x", id=id)
    assert caught.value.field == "Transaction.id"


def test_blank_actor_is_refused() -> None:
    with pytest.raises(InvalidValueError):
        Transaction.open(visit(), at=T0, actor=" ")


def test_default_ids_are_stable_and_differ_by_opening() -> None:
    a = Transaction.open(visit(), at=T0, actor="guest")
    assert a.id == Transaction.open(visit(), at=T0, actor="guest").id
    assert a.id != Transaction.open(visit(), at=T0, actor="guest", data={"name": "Ani"}).id
    assert a.id != Transaction.open(online_consultation(), at=T0, actor="guest").id
    assert a.id.startswith("tx-")


def test_replay_rebuilds_an_equal_transaction() -> None:
    tx = incomplete_order()
    assert replay(tx.workflow, tx.history, id="ST-1") == tx
    assert replay(tx.workflow, tx.history).id != "ST-1"
    with pytest.raises(InvalidTransitionError, match="starts with the 'open' event"):
        replay(tx.workflow, tx.history[1:])
    with pytest.raises(InvalidTransitionError):
        replay(tx.workflow, ())
    with pytest.raises(InvalidTransitionError, match="opens with an 'open' event"):
        Transaction.from_opening(tx.workflow, tx.history[1])
    swapped = (tx.history[0], tx.history[2], tx.history[1])
    with pytest.raises(InvalidTransitionError):
        replay(tx.workflow, swapped)


def test_states_visited_follow_the_history() -> None:
    tx = incomplete_order()
    assert tx.states_visited() == ("created", "verifying", "incomplete")
    assert (tx.opened_at, tx.last_at) == (T0, T0 + timedelta(hours=2))
    assert not tx.is_finished


def test_a_transaction_built_by_hand_keeps_its_shape() -> None:
    tx = incomplete_order()
    with pytest.raises(InvalidTransitionError, match="starts with the 'open' event"):
        Transaction("x", tx.workflow, "created", ())
    with pytest.raises(InvalidTransitionError, match="starts with the 'open' event"):
        Transaction("x", tx.workflow, "created", tx.history[1:])
    with pytest.raises(InvalidValueError, match=r"Transaction\.state"):
        Transaction("x", tx.workflow, "nowhere", tx.history)
    with pytest.raises(InvalidTypeError):
        Transaction("x", tx.workflow, "created", list(tx.history))  # type: ignore[arg-type]


def test_evolved_transactions_are_checked_against_their_history() -> None:
    tx = Transaction.open(visit(), at=T0, actor="guest").fire("take-number", at=T0, actor="kiosk")
    with pytest.raises(InvalidValueError, match=r"Transaction\.state"):
        attrs.evolve(tx, state="guest-book")
    with pytest.raises(InvalidValueError, match=r"Transaction\.state"):
        attrs.evolve(tx, history=tx.history[:1])
    late = attrs.evolve(tx.history[1], at=tx.history[0].at - timedelta(minutes=1))
    with pytest.raises(EventOrderError):
        attrs.evolve(tx, history=(tx.history[0], late))
    assert attrs.evolve(tx, id="V-2").id == "V-2"


@pytest.mark.property
@given(transactions())
@settings(max_examples=30)
def test_pickle_and_deepcopy_give_equal_objects(tx: Transaction) -> None:
    for copied in (pickle.loads(pickle.dumps(tx)), copy.deepcopy(tx)):
        assert copied == tx
        assert copied.history == tx.history
        assert copied.workflow == tx.workflow
        assert copied.states_visited() == tx.states_visited()
    for event in tx.history:
        assert pickle.loads(pickle.dumps(event)) == event
        assert copy.deepcopy(event) == event


def test_roles_strict_refuses_and_lenient_records() -> None:
    states = (State("a", initial=True), State("b", terminal=True))
    go = Transition("a", "go", "b", roles=("officer", "app"))
    lenient = Workflow("w", states, (go,))
    tx = Transaction.open(lenient, at=T0, actor="user").fire("go", at=T0, actor="user")
    assert [e.actor for e in tx.off_role_events()] == ["user"]
    strict = attrs.evolve(lenient, role_check="strict")
    with pytest.raises(InvalidTransitionError) as caught:
        Transaction.open(strict, at=T0, actor="user").fire("go", at=T0, actor="user")
    assert caught.value.allowed == ("officer", "app")
    ok = Transaction.open(strict, at=T0, actor="user").fire("go", at=T0, actor="app")
    assert ok.off_role_events() == ()
    # Replaying a lenient history on the strict table applies the strict rule.
    with pytest.raises(InvalidTransitionError):
        replay(strict, tx.history)


def _visited() -> Transaction:
    return Transaction.open(visit(), at=T0, actor="guest").fire("take-number", at=T0, actor="kiosk")


@pytest.mark.hostile
@pytest.mark.parametrize(
    "call",
    [
        lambda: replay(visit(), None),  # type: ignore[arg-type]
        lambda: replay("visit", _visited().history),  # type: ignore[arg-type]
        lambda: replay(visit(), ["open"]),  # type: ignore[list-item]
        lambda: replay(visit(), "open"),  # type: ignore[arg-type]
        lambda: replay(visit(), _visited().history, id=7),  # type: ignore[arg-type]
        lambda: Transaction.open("visit", at=T0, actor="guest"),  # type: ignore[arg-type]
        lambda: Transaction.open(visit(), at="2026-03-16", actor="guest"),  # type: ignore[arg-type]
        lambda: Transaction.open(visit(), at=T0, actor=None),  # type: ignore[arg-type]
        lambda: Transaction.from_opening(visit(), "open"),  # type: ignore[arg-type]
        lambda: _visited().fire(42, at=_visited().last_at, actor="x"),  # type: ignore[arg-type]
        lambda: _visited().apply("take-number"),  # type: ignore[arg-type]
        lambda: _visited().clocks("now"),  # type: ignore[arg-type]
        lambda: _visited().due_timers(None),  # type: ignore[arg-type]
    ],
)
def test_wrong_types_raise_pst_errors(call: Any) -> None:
    with pytest.raises(PstError):
        call()
