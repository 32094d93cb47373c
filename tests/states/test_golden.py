"""Golden scenarios from the seeds, with due instants worked out by hand on the 2026 calendar."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from pst_core._io import read_data
from pst_core.states import Event, Transaction, replay
from pst_core.states.workflows import builtin

GOLDEN = Path(__file__).parent.parent / "resources" / "states" / "golden.toml"
SCENARIOS: list[dict[str, Any]] = read_data(GOLDEN)["scenario"]


def _run(scenario: dict[str, Any]) -> Transaction:
    history = [
        Event(
            e["name"],
            datetime.fromisoformat(e["at"]),
            e.get("actor", "user" if e["name"] == "open" else "officer"),
            e.get("data", {}),
        )
        for e in scenario["events"]
    ]
    return replay(builtin(scenario["workflow"]), history)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["name"][:60] for s in SCENARIOS])
def test_golden_scenario(scenario: dict[str, Any]) -> None:
    tx = _run(scenario)
    now = datetime.fromisoformat(scenario["now"])
    clocks = tx.clocks(now)
    for name, expected in scenario.get("clocks", {}).items():
        status = clocks[name]
        assert status.status == expected["status"], name
        if "due" in expected:
            assert status.due == datetime.fromisoformat(expected["due"]), name
        if "started" in expected:
            assert status.started == datetime.fromisoformat(expected["started"]), name
        if "elapsed" in expected:
            assert status.elapsed == timedelta(minutes=expected["elapsed"]), name
        if "breached_by" in expected:
            assert status.breached_by == timedelta(minutes=expected["breached_by"]), name
    due = [
        {"timer": t.timer, "event": t.event, "due": t.due.isoformat(), "actor": t.actor}
        for t in tx.due_timers(now)
    ]
    assert due == scenario["timers"]


def test_due_timers_can_be_fired_as_listed() -> None:
    """Firing what due_timers lists moves the transaction on and clears the list."""
    scenario = next(s for s in SCENARIOS if s["workflow"].startswith("online-consultation:sumsel"))
    tx = _run(scenario)
    now = datetime.fromisoformat(scenario["now"])
    for timer in tx.due_timers(now):
        tx = tx.fire(timer.event, at=max(timer.due, tx.last_at), actor=timer.actor)
    assert tx.state == "closed-no-response"
    assert tx.due_timers(now) == ()
    assert tx.clocks(now)["service"].status == "met"
