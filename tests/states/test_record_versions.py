"""Saved records carry their workflow's and calendar's fingerprints and a format version.

Reading one against a changed definition is refused by default, saying what changed;
``recompute`` re-checks the history, ``keep-history`` trusts it; several versions of a
workflow can be given and the record picks its own.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings

from pst_core.calendar import WorkingCalendar
from pst_core.calendar.durations import WorkingDays
from pst_core.errors import DataFileError
from pst_core.standards import catalog
from pst_core.states import Transaction, Workflow
from pst_core.states.builtin import online_consultation, paid_product, visit
from pst_core.states.records import FORMAT_VERSION
from tests.english import assert_indonesian
from tests.strategies import transactions

WIB = ZoneInfo("Asia/Jakarta")
MON = datetime(2026, 3, 16, 9, tzinfo=WIB)


def _consultation(calendar: WorkingCalendar | None = None) -> Workflow:
    return online_consultation(
        catalog().standard("sumsel-konsultasi"), calendar=calendar, service_starts="open"
    )


def _closed_for_no_response(workflow: Workflow) -> Transaction:
    """Asked, answered with a question, then closed by the timer when the user never came back."""
    tx = Transaction.open(workflow, at=MON, actor="user", id="K-1")
    tx = tx.fire("reply", at=MON + timedelta(hours=1), actor="officer")
    (timer,) = tx.armed_timers
    return tx.fire(timer.event, at=timer.due, actor=timer.actor)


def test_a_record_is_one_line_of_json_with_its_format_and_fingerprints() -> None:
    tx = _closed_for_no_response(_consultation())
    line = tx.dumps()
    assert "\n" not in line
    data = json.loads(line)
    assert data["format_version"] == FORMAT_VERSION
    assert data["workflow_fingerprint"] == tx.workflow.fingerprint
    assert data["calendar"] == tx.workflow.calendar.fingerprint
    assert tx.dumps(indent=2).count("\n") > 10
    assert Transaction.loads(tx.dumps(indent=2), workflows=tx.workflow) == tx


@pytest.mark.property
@settings(max_examples=40, deadline=None)
@given(tx=transactions(max_events=8))
def test_loads_tells_json_from_toml(tx: Transaction) -> None:
    assert Transaction.loads(tx.dumps()) == tx
    if all(v is not None for e in tx.history for v in e.data.values()):  # TOML has no null
        assert Transaction.loads(tx.dumps("toml")) == tx
    assert Transaction.loads("\n  " + tx.dumps()) == tx


def test_the_workflow_fingerprint_follows_the_table_not_its_words() -> None:
    wf = paid_product()
    relabelled = attrs.evolve(
        wf,
        description="other words",
        states=tuple(attrs.evolve(s, label="lain") for s in wf.states),
    )
    assert relabelled.fingerprint == wf.fingerprint
    longer = attrs.evolve(
        wf, clocks=(attrs.evolve(wf.clocks[0], goal=WorkingDays(5)), *wf.clocks[1:])
    )
    assert longer.fingerprint != wf.fingerprint


def test_a_record_saved_under_another_workflow_version_is_refused_saying_so() -> None:
    wf = paid_product()
    tx = Transaction.open(wf, at=MON, actor="user")
    longer = attrs.evolve(
        wf, clocks=(attrs.evolve(wf.clocks[0], goal=WorkingDays(5)), *wf.clocks[1:])
    )
    with pytest.raises(DataFileError) as caught:
        Transaction.loads(tx.dumps(), workflows=longer)
    assert caught.value.path == "workflow_fingerprint"
    assert "the workflow has changed" in str(caught.value)
    assert_indonesian(
        caught.value.describe("id"),
        ignoring=["<json text>", "paid-product", "mismatch", "recompute", "keep-history"],
    )
    recomputed = Transaction.loads(tx.dumps(), workflows=longer, mismatch="recompute")
    assert recomputed.workflow is longer
    longer_due, shorter_due = recomputed.clocks(MON)["queue"].due, tx.clocks(MON)["queue"].due
    assert longer_due is not None
    assert shorter_due is not None
    assert longer_due > shorter_due


def test_a_record_picks_its_own_version_among_several() -> None:
    old = paid_product()
    new = attrs.evolve(
        old, clocks=(attrs.evolve(old.clocks[0], goal=WorkingDays(5)), *old.clocks[1:])
    )
    before = Transaction.open(old, at=MON, actor="user")
    after = Transaction.open(new, at=MON, actor="user")
    assert Transaction.loads(before.dumps(), workflows=[new, old]).workflow is old
    assert Transaction.loads(after.dumps(), workflows=(old, new)).workflow is new


def test_a_record_saved_on_another_calendar_is_refused_saying_so() -> None:
    tx = Transaction.open(visit(), at=MON, actor="guest")
    moved = visit(calendar=WorkingCalendar.pst().with_closure(date(2026, 3, 18), reason="banjir"))
    with pytest.raises(DataFileError) as caught:
        Transaction.loads(tx.dumps(), workflows=moved)
    assert caught.value.path == "calendar"
    assert "the calendar has changed" in str(caught.value)


def test_a_record_from_before_a_past_closure_loads_keeping_its_history() -> None:
    tx = _closed_for_no_response(_consultation())
    assert tx.state == "closed-no-response"
    flood = tx.history[1].at.date() + timedelta(days=1)
    flooded = _consultation(WorkingCalendar.pst().with_closure(flood, reason="banjir"))
    with pytest.raises(DataFileError):
        Transaction.loads(tx.dumps(), workflows=flooded, mismatch="recompute")
    kept = Transaction.loads(tx.dumps(), workflows=flooded, mismatch="keep-history")
    assert (kept.state, kept.history) == (tx.state, tx.history)
    assert kept.workflow is flooded
    assert kept.events_not_allowed() == (tx.history[-1],)
    assert tx.events_not_allowed() == ()
    # Saved again, it keeps an event its workflow would refuse: read it the same way.
    again = kept.dumps()
    assert Transaction.loads(again, workflows=flooded, mismatch="keep-history") == kept
    with pytest.raises(DataFileError):
        Transaction.loads(again, workflows=flooded)


def test_keep_history_refuses_an_event_with_no_transition() -> None:
    tx = Transaction.open(visit(), at=MON, actor="guest").fire("take-number", at=MON, actor="k")
    data = tx.to_data()
    data["history"][1]["name"] = "fly"
    with pytest.raises(DataFileError) as caught:
        Transaction.from_data(data, mismatch="keep-history")
    assert caught.value.path == "history[1]"


def test_a_record_of_format_version_one_is_read_by_name() -> None:
    tx = Transaction.open(visit(), at=MON, actor="guest")
    data = tx.to_data()
    del data["format_version"], data["workflow_fingerprint"]
    assert Transaction.from_data(data) == tx
    data["format_version"] = FORMAT_VERSION + 1
    with pytest.raises(DataFileError) as caught:
        Transaction.from_data(data)
    assert caught.value.path == "format_version"
