"""Issue 10 reproducers: instants compare as instants, round trips are exact, objects
pickle, hand-built objects are checked, wrong types and trailing newlines are refused."""

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
    InvalidValueError,
    PstError,
)
from pst_core.states import (
    Event,
    EventData,
    Guard,
    State,
    Transaction,
    Transition,
    Workflow,
    replay,
)
from pst_core.states.builtin import BUILTIN, builtin_workflow, visit
from tests.strategies import transactions

BERLIN = ZoneInfo("Europe/Berlin")
# 2026-10-25: clocks go back from 03:00 CEST to 02:00 CET; 02:00-03:00 happens twice.
LATE_0210 = datetime(2026, 10, 25, 2, 10, tzinfo=BERLIN, fold=1)  # 01:10 UTC
EARLY_0230 = datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN, fold=0)  # 00:30 UTC


def test_fire_refuses_an_event_earlier_in_real_time_across_a_fold() -> None:
    tx = Transaction.open(visit(), at=LATE_0210, actor="guest")
    with pytest.raises(EventOrderError):
        tx.fire("take-number", at=EARLY_0230, actor="kiosk")


def test_events_in_the_repeated_hour_round_trip_exactly() -> None:
    tx = Transaction.open(visit(), at=EARLY_0230, actor="guest")
    tx = tx.fire("take-number", at=LATE_0210, actor="kiosk")
    assert tx.history[1].at.utcoffset() == timedelta(hours=1)
    assert tx.history[0].at.utcoffset() == timedelta(hours=2)
    again = Transaction.loads(tx.dumps(), format="json")
    assert again == tx
    assert [e.at.isoformat() for e in again.history] == [e.at.isoformat() for e in tx.history]
    assert Transaction.loads(tx.dumps(format="toml"), format="toml") == tx


def test_a_local_time_in_a_spring_forward_gap_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="clock-change gap"):
        Event("open", datetime(2026, 3, 29, 2, 30, tzinfo=BERLIN), "guest")


def test_clocks_are_read_in_absolute_time() -> None:
    tx = Transaction.open(visit(), at=LATE_0210, actor="guest")
    with pytest.raises(EventOrderError):
        tx.clocks(EARLY_0230)


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


@pytest.mark.parametrize("name", BUILTIN)
def test_guarded_builtin_workflows_pickle(name: str) -> None:
    wf = builtin_workflow(name)
    assert pickle.loads(pickle.dumps(wf)) == wf
    assert copy.deepcopy(wf) == wf


def test_event_data_is_read_only_and_hashable() -> None:
    data = EventData({"b": 1, "a": None})
    assert list(data) == ["a", "b"]
    assert hash(data) == hash(EventData({"a": None, "b": 1}))
    with pytest.raises(AttributeError):
        data._items = {}
    with pytest.raises(TypeError):
        data["c"] = 2  # type: ignore[index]


def test_a_comparison_guard_is_data_not_code() -> None:
    guard = Guard.data_equals("outcome", "complete")
    assert guard == Guard.parse('data.outcome == "complete"')
    assert guard.predicate is None
    assert Guard.data_not_equals("paid", True).holds({"paid": False})


def _order() -> Transaction:
    at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
    return Transaction.open(visit(), at=at, actor="guest").fire("take-number", at=at, actor="kiosk")


def test_evolved_transactions_are_checked_against_their_history() -> None:
    tx = _order()
    with pytest.raises(InvalidValueError, match=r"Transaction\.state"):
        attrs.evolve(tx, state="guest-book")
    with pytest.raises(InvalidValueError, match=r"Transaction\.state"):
        attrs.evolve(tx, history=tx.history[:1])
    late = attrs.evolve(tx.history[1], at=tx.history[0].at - timedelta(minutes=1))
    with pytest.raises(EventOrderError):
        attrs.evolve(tx, history=(tx.history[0], late))
    assert attrs.evolve(tx, id="V-2").id == "V-2"


@pytest.mark.parametrize(
    "call",
    [
        lambda: replay(visit(), None),  # type: ignore[arg-type]
        lambda: replay("visit", _order().history),  # type: ignore[arg-type]
        lambda: replay(visit(), ["open"]),  # type: ignore[list-item]
        lambda: replay(visit(), "open"),  # type: ignore[arg-type]
        lambda: Transaction.open(
            "visit",  # type: ignore[arg-type]
            at=datetime(2026, 3, 16, 2, tzinfo=timezone.utc),
            actor="guest",
        ),
        lambda: Transaction.open(visit(), at="2026-03-16", actor="guest"),  # type: ignore[arg-type]
        lambda: Transaction.open(
            visit(),
            at=datetime(2026, 3, 16, 2, tzinfo=timezone.utc),
            actor=None,  # type: ignore[arg-type]
        ),
        lambda: _order().fire(42, at=_order().last_at, actor="x"),  # type: ignore[arg-type]
        lambda: _order().apply("take-number"),  # type: ignore[arg-type]
        lambda: _order().clocks("now"),  # type: ignore[arg-type]
        lambda: _order().due_timers(None),  # type: ignore[arg-type]
        lambda: Transaction.loads(_order().dumps(), format="json", workflows=42),  # type: ignore[arg-type]
        lambda: Transaction.loads(_order().dumps(), format="yaml"),  # type: ignore[arg-type]
        lambda: Transaction.from_data(_order().to_data(), calendar_mismatch="ignore"),  # type: ignore[arg-type]
        lambda: Workflow.from_data({"name": "w"}, guards=[1]),  # type: ignore[arg-type]
        lambda: Workflow("w", (State("a", initial=True), State("b", terminal=True)), calendar="x"),  # type: ignore[arg-type]
        lambda: Transaction.from_data(None),  # type: ignore[arg-type]
        lambda: Event("open", datetime(2026, 3, 16, 2, tzinfo=timezone.utc), "x", [1]),
    ],
)
def test_wrong_types_raise_pst_errors(call: Any) -> None:
    with pytest.raises(PstError):
        call()


@pytest.mark.parametrize(
    "call",
    [
        lambda: State("a\n"),
        lambda: Transition("a", "go\n", "b"),
        lambda: Transition("a", "go", "b", roles=("officer\n",)),
        lambda: Workflow("w\n", (State("a", initial=True), State("b", terminal=True))),
        lambda: Guard.parse('data.x == "a"\n'),
        lambda: Guard("a\nb", len),
        lambda: Event("go\n", datetime(2026, 3, 16, 2, tzinfo=timezone.utc), "x"),
        lambda: Transaction.open(
            visit(), at=datetime(2026, 3, 16, 2, tzinfo=timezone.utc), actor="x", id="V-1\n"
        ),
    ],
)
def test_a_trailing_newline_is_refused(call: Any) -> None:
    with pytest.raises(InvalidValueError):
        call()


def test_a_transaction_of_an_unknown_workflow_says_how_to_pass_it() -> None:
    wf = Workflow(
        "loan",
        (State("out", initial=True), State("back", terminal=True)),
        (Transition("out", "return", "back"),),
    )
    data = Transaction.open(
        wf, at=datetime(2026, 3, 16, 2, tzinfo=timezone.utc), actor="reader"
    ).to_data()
    with pytest.raises(PstError, match=r"pass workflows=\.\.\."):
        Transaction.from_data(data)
    assert Transaction.from_data(data, workflows={"loan": wf}).workflow == wf


def test_a_transaction_computed_on_another_calendar_is_an_explicit_choice() -> None:
    tx = _order()
    other = attrs.evolve(
        tx.workflow,
        calendar=tx.workflow.calendar.with_closure(
            datetime(2026, 3, 30).date(), reason="office move"
        ),
    )
    with pytest.raises(PstError, match="calendar_mismatch='recompute'"):
        Transaction.from_data(tx.to_data(), workflows=other)
    again = Transaction.from_data(tx.to_data(), workflows=other, calendar_mismatch="recompute")
    assert again.history == tx.history
    assert again.workflow == other
    assert tx.to_data()["calendar"] == tx.workflow.calendar.fingerprint


def test_roles_strict_refuses_and_lenient_records() -> None:
    states = (State("a", initial=True), State("b", terminal=True))
    go = Transition("a", "go", "b", roles=("officer", "app"))
    at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
    lenient = Workflow("w", states, (go,))
    tx = Transaction.open(lenient, at=at, actor="user").fire("go", at=at, actor="user")
    assert [e.actor for e in tx.off_role_events()] == ["user"]
    strict = attrs.evolve(lenient, role_check="strict")
    with pytest.raises(InvalidTransitionError) as caught:
        Transaction.open(strict, at=at, actor="user").fire("go", at=at, actor="user")
    assert caught.value.allowed == ("officer", "app")
    ok = Transaction.open(strict, at=at, actor="user").fire("go", at=at, actor="app")
    assert ok.off_role_events() == ()
    # Replaying a lenient history on the strict table applies the strict rule.
    with pytest.raises(InvalidTransitionError):
        replay(strict, tx.history)
    assert Workflow.loads(strict.dumps("toml"), format="toml") == strict
