"""Transactions: immutability, allowed events, ordering, replay and the JSON round trip."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings

from pst_core.errors import (
    DataFileError,
    EventOrderError,
    InvalidTransitionError,
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
)
from pst_core.states import OPEN, Event, Transaction, replay
from pst_core.states.builtin import online_consultation, paid_product, visit
from tests.strategies import transactions

WIB = ZoneInfo("Asia/Jakarta")
T0 = datetime(2026, 3, 16, 9, 0, tzinfo=WIB)


def _order() -> Transaction:
    tx = Transaction.open(paid_product(), at=T0, actor="user", id="ST-1")
    tx = tx.fire("start-verification", at=T0 + timedelta(hours=1), actor="officer")
    return tx.fire("verify", at=T0 + timedelta(hours=2), actor="officer", outcome="incomplete")


def test_fire_returns_a_new_transaction_and_leaves_the_old_one() -> None:
    tx = _order()
    snapshot = attrs.asdict(tx, recurse=False)
    later = tx.fire("resubmit", at=T0 + timedelta(days=1), actor="user", note="KTP attached")
    assert attrs.asdict(tx, recurse=False) == snapshot
    assert (tx.state, later.state) == ("incomplete", "verifying")
    assert later.history[:-1] == tx.history
    assert later.history[-1] == Event(
        "resubmit", T0 + timedelta(days=1), "user", {"note": "KTP attached"}
    )
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        tx.state = "closed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        later.history[-1].data["note"] = "changed"  # type: ignore[index]


def test_guards_pick_the_transition() -> None:
    tx = Transaction.open(paid_product(), at=T0, actor="user")
    tx = tx.fire("start-verification", at=T0, actor="officer")
    outcomes = {
        ("complete", "printed_publication"): "complete",
        ("complete", "electronic_publication"): "complete",
        ("complete", "microdata"): "awaiting-agreement",  # the SPPD first
        ("complete", "wilkerstat_map"): "awaiting-agreement",
        ("incomplete", None): "incomplete",
        ("abstract-mismatch", None): "cancelled",
    }
    for (outcome, product), state in outcomes.items():
        fired = tx.fire("verify", at=T0, actor="officer", outcome=outcome, product=product)
        assert fired.state == state
    for data in (
        {"outcome": "maybe"},
        {"outcome": "complete"},
        {"outcome": "complete", "product": "x"},
    ):
        with pytest.raises(InvalidTransitionError, match="no guard holds") as caught:
            tx.fire("verify", at=T0, actor="officer", **data)
        assert caught.value.allowed == ("verify", "cancel")


def test_a_refused_event_lists_the_allowed_ones() -> None:
    tx = _order()
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
        _order().fire(OPEN, at=T0 + timedelta(days=1), actor="user")


def test_events_must_not_go_back_in_time() -> None:
    tx = _order()
    with pytest.raises(EventOrderError, match="earlier than the last event 'verify'"):
        tx.fire("resubmit", at=T0 + timedelta(hours=1), actor="user")
    # the same instant is fine, and another zone for the same instant too
    same = (T0 + timedelta(hours=2)).astimezone(timezone.utc)
    assert tx.fire("resubmit", at=same, actor="user").state == "verifying"


def test_naive_times_are_refused() -> None:
    with pytest.raises(NaiveDatetimeError):
        Transaction.open(visit(), at=datetime(2026, 3, 16, 9), actor="guest")
    with pytest.raises(NaiveDatetimeError):
        _order().fire("resubmit", at=datetime(2026, 3, 17, 9), actor="user")


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"x": [1]}, InvalidTypeError),
        ({"x": float("nan")}, InvalidValueError),
        ({1: "x"}, InvalidTypeError),
        ("x=1", InvalidTypeError),
    ],
)
def test_event_data_must_be_json_scalars(data: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        Event("e", T0, "a", data)


def test_blank_actor_is_refused() -> None:
    with pytest.raises(InvalidValueError):
        Transaction.open(visit(), at=T0, actor=" ")


def test_default_ids_are_stable_and_differ_by_opening() -> None:
    a = Transaction.open(visit(), at=T0, actor="guest")
    assert a.id == Transaction.open(visit(), at=T0, actor="guest").id
    assert a.id != Transaction.open(visit(), at=T0, actor="guest", name="Ani").id
    assert a.id != Transaction.open(online_consultation(), at=T0, actor="guest").id
    assert a.id.startswith("tx-")


def test_replay_rebuilds_an_equal_transaction() -> None:
    tx = _order()
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
    assert _order().states_visited() == ("created", "verifying", "incomplete")


@settings(max_examples=60)
@given(tx=transactions())
def test_json_round_trip(tx: Transaction) -> None:
    text = tx.dumps()
    assert Transaction.loads(text, format="json") == tx
    assert Transaction.loads(text, format="json", workflows=tx.workflow) == tx
    assert Transaction.loads(text, format="json", workflows={tx.workflow.name: tx.workflow}) == tx
    assert replay(tx.workflow, tx.history, id=tx.id) == tx
    assert json.loads(text)["workflow"] == tx.workflow.name


def test_a_workflow_from_a_standard_is_found_again_by_name() -> None:
    from pst_core.states.builtin import builtin_workflow

    wf = builtin_workflow("online-consultation:bangka-selatan-konsultasi")
    tx = Transaction.open(wf, at=T0, actor="user").fire("reply", at=T0, actor="officer")
    assert Transaction.loads(tx.dumps(), format="json").workflow == wf


def _data(**changes: Any) -> dict[str, Any]:
    data = _order().to_data()
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("data", "path"),
    [
        (_data(workflow="nope"), "workflow"),
        (_data(state="closed"), "state"),
        (_data(history=[]), "history[0].name"),
        (_data(id=7), "id"),
        (_data(extra=1), "extra"),
        (_data(history=_order().to_data()["history"][1:]), "history[0].name"),
        (
            _data(
                history=[
                    *_order().to_data()["history"],
                    {"name": "pay", "at": "2026-03-20T09:00:00+07:00", "actor": "u", "data": {}},
                ]
            ),
            "history[3]",
        ),
        (
            _data(
                history=[{"name": "open", "at": "2026-03-16T09:00:00", "actor": "u", "data": {}}]
            ),
            "history[0].at",
        ),
    ],
)
def test_bad_data_names_the_field(data: dict[str, Any], path: str) -> None:
    with pytest.raises(DataFileError) as caught:
        Transaction.from_data(data, file="tx.json")
    assert caught.value.path == path
    assert str(caught.value).startswith(f"tx.json: {path}")


def test_loads_checks_the_workflow_it_is_given() -> None:
    text = _order().dumps()
    with pytest.raises(
        DataFileError, match="workflow: invalid value 'paid-product'; allowed: 'visit'"
    ):
        Transaction.loads(text, format="json", workflows=visit())
    with pytest.raises(DataFileError, match="allowed: one of visit; pass workflows="):
        Transaction.loads(text, format="json", workflows={"visit": visit()})
    with pytest.raises(DataFileError, match="syntax error"):
        Transaction.loads("{", format="json")


def test_a_transaction_built_by_hand_keeps_its_shape() -> None:
    tx = _order()
    with pytest.raises(InvalidTransitionError, match="starts with the 'open' event"):
        Transaction("x", tx.workflow, "created", ())
    with pytest.raises(InvalidTransitionError, match="starts with the 'open' event"):
        Transaction("x", tx.workflow, "created", tx.history[1:])
    with pytest.raises(InvalidValueError, match=r"Transaction\.state"):
        Transaction("x", tx.workflow, "nowhere", tx.history)
    with pytest.raises(InvalidTypeError):
        Transaction("x", tx.workflow, "created", list(tx.history))  # type: ignore[arg-type]
