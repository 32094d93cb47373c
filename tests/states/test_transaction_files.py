"""Transaction records: saved with their workflow's name and calendar, read back by replaying.

``dumps`` then ``loads`` gives an equal transaction; reading checks the workflow
it is given, the calendar the transaction was computed on, and every event of the
history again, and names the field at fault.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pst_core.errors import DataFileError, InvalidTypeError, InvalidValueError, PstError
from pst_core.states import State, Transaction, Transition, Workflow, replay
from pst_core.states.builtin import builtin_workflow, visit
from tests.states.examples import T0, incomplete_order
from tests.strategies import transactions


@pytest.mark.property
@settings(max_examples=60)
@given(tx=transactions())
def test_json_round_trip(tx: Transaction) -> None:
    text = tx.dumps()
    assert Transaction.loads(text, format="json") == tx
    assert Transaction.loads(text, format="json", workflows=tx.workflow) == tx
    assert Transaction.loads(text, format="json", workflows={tx.workflow.name: tx.workflow}) == tx
    assert replay(tx.workflow, tx.history, id=tx.id) == tx
    assert json.loads(text)["workflow"] == tx.workflow.name


@pytest.mark.property
@settings(max_examples=60)
@given(tx=transactions(), format=st.sampled_from(["toml", "json"]))
def test_any_transaction_round_trips_in_both_formats(tx: Transaction, format: Any) -> None:
    """Whatever the constructors accept (actors, ids, any event data) both formats hold."""
    assert Transaction.loads(tx.dumps(format), format=format) == tx


def test_a_workflow_from_a_standard_is_found_again_by_name() -> None:
    wf = builtin_workflow("online-consultation:bangka-selatan-konsultasi")
    tx = Transaction.open(wf, at=T0, actor="user").fire("reply", at=T0, actor="officer")
    assert Transaction.loads(tx.dumps(), format="json").workflow == wf


def _data(**changes: Any) -> dict[str, Any]:
    data = incomplete_order().to_data()
    data.update(changes)
    return data


@pytest.mark.hostile
@pytest.mark.parametrize(
    ("data", "path"),
    [
        (_data(workflow="nope"), "workflow"),
        (_data(state="closed"), "state"),
        (_data(history=[]), "history[0].name"),
        (_data(id=7), "id"),
        (_data(extra=1), "extra"),
        (_data(history=incomplete_order().to_data()["history"][1:]), "history[0].name"),
        (
            _data(
                history=[
                    *incomplete_order().to_data()["history"],
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
    text = incomplete_order().dumps()
    with pytest.raises(
        DataFileError,
        match=r"'paid-product'; allowed: one of the workflows given \(visit\)",
    ):
        Transaction.loads(text, format="json", workflows=visit())
    with pytest.raises(DataFileError, match=r"given \(visit\); pass workflows="):
        Transaction.loads(text, format="json", workflows={"visit": visit()})
    with pytest.raises(DataFileError, match="syntax error"):
        Transaction.loads("{", format="json")


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
    with pytest.raises(InvalidTypeError, match=r"workflows\['loan'\]"):
        Transaction.from_data(data, workflows={"loan": "loan"})  # type: ignore[arg-type]


def test_a_transaction_computed_on_another_calendar_is_an_explicit_choice() -> None:
    tx = Transaction.open(visit(), at=T0, actor="guest").fire("take-number", at=T0, actor="kiosk")
    other = attrs.evolve(
        tx.workflow,
        calendar=tx.workflow.calendar.with_closure(
            datetime(2026, 3, 30).date(), reason="office move"
        ),
    )
    with pytest.raises(PstError, match="mismatch='recompute'"):
        Transaction.from_data(tx.to_data(), workflows=other)
    again = Transaction.from_data(tx.to_data(), workflows=other, mismatch="recompute")
    assert again.history == tx.history
    assert again.workflow == other
    assert tx.to_data()["calendar"] == tx.workflow.calendar.fingerprint


@pytest.mark.hostile
@pytest.mark.parametrize(
    ("call", "error"),
    [
        (
            lambda: Transaction.loads(incomplete_order().dumps(), format="json", workflows=42),  # type: ignore[arg-type]
            InvalidTypeError,
        ),
        (lambda: Transaction.loads(incomplete_order().dumps(), format="yaml"), PstError),  # type: ignore[arg-type]
        (
            lambda: Transaction.from_data(incomplete_order().to_data(), mismatch="ignore"),  # type: ignore[arg-type]
            InvalidValueError,
        ),
        (lambda: Transaction.from_data(None), DataFileError),  # type: ignore[arg-type]
    ],
)
def test_wrong_arguments_to_the_readers_raise_pst_errors(call: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        call()


def test_a_saved_transaction_reads_back_from_a_file(tmp_path: Any) -> None:
    tx = incomplete_order()
    for name in ("tx.json", "tx.toml"):
        tx.dump(tmp_path / name)
        assert Transaction.load(tmp_path / name) == tx
    assert json.loads((tmp_path / "tx.json").read_text(encoding="utf-8"))["state"] == "incomplete"
    assert replay(tx.workflow, tx.history, id=tx.id) == tx
