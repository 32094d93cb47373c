"""Workflow files: a unit's own workflow in TOML or JSON, read, checked and written back.

What a file holds is the table's own fields; errors name the field's path in the
file and never a class of the implementation; defaults are left out when written.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest

from pst_core.calendar import WorkingCalendar
from pst_core.calendar.durations import CalendarDays, WorkingTime
from pst_core.errors import DataFileError, InvalidTypeError, InvalidWorkflowError
from pst_core.states import Guard, Transaction, Workflow
from pst_core.states.builtin import BUILTIN, GUARDS, builtin_workflow

RESOURCES = Path(__file__).parent.parent / "resources" / "states"
WITA = ZoneInfo("Asia/Makassar")


def test_a_unit_workflow_file_works_end_to_end() -> None:
    wf = Workflow.load(RESOURCES / "library-loan.toml")
    assert wf.name == "library-loan"
    assert wf.state("on-loan").label == "Dipinjam"
    assert {c.name: c.goal for c in wf.clocks} == {
        "decision": WorkingTime(60),
        "loan": CalendarDays(7),
    }
    assert wf.calendar.timezone.key == "Asia/Makassar"
    start = datetime(2026, 5, 4, 9, 0, tzinfo=WITA)
    tx = Transaction.open(wf, at=start, actor="reader")
    assert (
        tx.fire("decide", at=start, actor="librarian", data={"approved": False}).state == "refused"
    )
    tx = tx.fire(
        "decide", at=start + timedelta(minutes=20), actor="librarian", data={"approved": True}
    )
    assert tx.clocks(start + timedelta(minutes=20))["decision"].met
    (timer,) = tx.due_timers(start + timedelta(days=8))
    assert timer.due == start + timedelta(days=7, minutes=20)
    tx = tx.fire("remind", at=timer.due, actor=timer.actor)
    assert tx.due_timers(start + timedelta(days=30)) == ()
    assert Transaction.loads(tx.dumps(), format="json", workflows=wf) == tx


@pytest.mark.parametrize("name", BUILTIN)
@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_builtins_round_trip_through_files(name: str, suffix: str, tmp_path: Path) -> None:
    wf = builtin_workflow(name)
    wf.dump(tmp_path / f"wf{suffix}")
    # paid-product's SPPD guards are functions: a saved copy names them, the reader passes them.
    assert Workflow.load(tmp_path / f"wf{suffix}", guards=GUARDS) == wf


def test_a_saved_paid_product_names_its_function_guards(tmp_path: Path) -> None:
    wf = builtin_workflow("paid-product")
    wf.dump(tmp_path / "wf.toml")
    with pytest.raises(DataFileError, match=r"transitions\[\d+\]\.guard: .*microdata"):
        Workflow.load(tmp_path / "wf.toml")


def test_guards_by_name_from_python() -> None:
    big = Guard("big order", lambda data: data.get("pages", 0) > 100)
    data = builtin_workflow("visit").to_data()
    data["transitions"][0]["guard"] = "big order"
    wf = Workflow.from_data(data, guards={"big order": big})
    assert wf.transitions[0].guard == big
    with pytest.raises(
        DataFileError, match=r"transitions\[0\].guard: .* or one of the guards other"
    ):
        Workflow.from_data(data, guards={"other": big})


def test_an_unreachable_state_is_named() -> None:
    with pytest.raises(
        InvalidWorkflowError,
        match=r"unreachable.json: workflow 'broken': state 'lost' cannot be reached",
    ):
        Workflow.load(RESOURCES / "unreachable.json")


@pytest.mark.hostile
def test_code_in_a_guard_is_refused_not_run() -> None:
    with pytest.raises(
        DataFileError, match=r"bad-guard.toml: transitions\[0\].guard: invalid value"
    ):
        Workflow.load(RESOURCES / "bad-guard.toml")


def _visit(**changes: Any) -> dict[str, Any]:
    data = builtin_workflow("visit").to_data()
    data.update(changes)
    return data


@pytest.mark.hostile
@pytest.mark.parametrize(
    ("data", "path"),
    [
        (_visit(timezone="Mars/Olympus"), "timezone"),
        (_visit(colour="red"), "colour"),
        (_visit(states=[{"name": "has space", "initial": True}]), "states[0].name"),
        (
            _visit(transitions=[{"source": "a", "event": "b c", "target": "d"}]),
            "transitions[0].event",
        ),
        (
            _visit(clocks=[{"name": "c", "goal": "sebentar", "starts_on": ["open"]}]),
            "clocks[0].goal",
        ),
        (
            _visit(clocks=[{"name": "c", "goal": "0 menit", "starts_on": ["open"]}]),
            "clocks[0].goal",
        ),
        (
            _visit(
                timers=[{"name": "t", "event": "", "after": "1 hari", "in_states": ["waiting"]}]
            ),
            "timers[0].event",
        ),
        (_visit(name="no spaces please"), "name"),
        (_visit(states=[{"name": "a", "initial": True}, {"name": "a"}]), "states[1]"),
    ],
)
def test_file_errors_name_the_field(data: dict[str, Any], path: str) -> None:
    with pytest.raises(DataFileError) as caught:
        Workflow.from_data(data, file="unit.toml")
    assert caught.value.path == path


def test_a_workflow_on_its_own_calendar_is_read_back_only_with_that_calendar(
    tmp_path: Path,
) -> None:
    wf = builtin_workflow("visit")
    closed = WorkingCalendar.pst().with_closure(date(2026, 3, 30), reason="office move")
    own = attrs.evolve(wf, calendar=closed)
    own.dump(tmp_path / "wf.toml")
    assert Workflow.load(tmp_path / "wf.toml", calendar=closed) == own
    with pytest.raises(DataFileError, match="pass calendar="):
        Workflow.load(tmp_path / "wf.toml")
    with pytest.raises(DataFileError, match="calendar"):
        Workflow.load(tmp_path / "wf.toml", calendar=WorkingCalendar.pst())
    with pytest.raises(DataFileError) as zone:
        Workflow.load(tmp_path / "wf.toml", calendar=WorkingCalendar.pst("Asia/Makassar"))
    assert zone.value.path == "timezone"
    assert "calendar" not in wf.to_data()
    assert wf.to_data()["timezone"] == "Asia/Jakarta"


@pytest.mark.hostile
@pytest.mark.parametrize(
    ("data", "path", "allowed"),
    [
        ({"name": "w"}, "states", "a list of State tables"),
        (_visit(states=["a"]), "states[0]", "State"),
        (_visit(transitions=[3]), "transitions[0]", "Transition"),
        (_visit(clocks=[1]), "clocks[0]", "Clock"),
        (_visit(timers=[True]), "timers[0]", "Timer"),
    ],
)
def test_file_errors_name_the_tables_as_people_know_them(
    data: dict[str, Any], path: str, allowed: str
) -> None:
    with pytest.raises(DataFileError) as caught:
        Workflow.from_data(data, file="unit.toml")
    problem = next(p for p in caught.value.problems if p.path == path)
    assert allowed in problem.allowed
    assert "Spec" not in str(caught.value)


def test_defaults_are_left_out_when_written() -> None:
    data = Workflow.load(RESOURCES / "library-loan.toml").to_data()
    assert "role_check" not in data
    assert "calendar" not in data  # the PST calendar of the file's zone
    assert all("initial" not in s for s in data["states"][1:])
    assert all("roles" not in t for t in data["transitions"])
    assert all("severity" not in c and "paused_in" not in c for c in data["clocks"])
    assert all("actor" not in t for t in data["timers"])
    assert Workflow.from_data(data) == Workflow.load(RESOURCES / "library-loan.toml")
    strict = attrs.evolve(builtin_workflow("visit"), role_check="strict")
    assert strict.to_data()["role_check"] == "strict"
    assert Workflow.loads(strict.dumps("toml"), format="toml") == strict


@pytest.mark.hostile
def test_guards_must_be_a_mapping() -> None:
    with pytest.raises(InvalidTypeError):
        Workflow.from_data(builtin_workflow("visit").to_data(), guards=[1])  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        Workflow.from_data(builtin_workflow("visit").to_data(), calendar="Asia/Jakarta")  # type: ignore[arg-type]
