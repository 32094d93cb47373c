"""Workflow tables: parts check their fields, the table how they fit; selection is determined."""

from __future__ import annotations

from typing import Any

import pytest

from pst_core.calendar.durations import CalendarDays, WorkingDays, WorkingTime
from pst_core.errors import (
    InvalidTransitionError,
    InvalidTypeError,
    InvalidValueError,
    InvalidWorkflowError,
    PstError,
)
from pst_core.states import Clock, Guard, State, Timer, Transition, Workflow

A, B, C = State("a", initial=True), State("b"), State("c", terminal=True)
GO = (Transition("a", "go", "b"), Transition("b", "end", "c"))
CLOCK = Clock("c", WorkingDays(1), starts_on=("open",), stops_on=("end",))
TIMER = Timer("t", "end", CalendarDays(1), in_states=("b",))


def _wf(*transitions: Transition, states: tuple[State, ...] = (A, B, C), **kw: Any) -> Workflow:
    return Workflow("w", states=states, transitions=transitions, **kw)


def test_a_valid_table() -> None:
    wf = _wf(*GO)
    assert wf.initial == A
    assert wf.terminals == (C,)
    assert wf.state_names == ("a", "b", "c")
    assert wf.events == ("go", "end")
    assert wf.events_from("a") == ("go",)
    assert wf.events_from("c") == ()
    assert wf.is_terminal("c")
    assert not wf.is_terminal("b")
    assert wf.state("b") == B


@pytest.mark.parametrize(
    ("states", "transitions", "message"),
    [
        ((State("a"), C), (Transition("a", "go", "c"),), "exactly one initial state, has 0"),
        (
            (A, State("b", initial=True), C),
            (Transition("a", "go", "c"),),
            r"exactly one initial state, has 2: \['a', 'b'\]",
        ),
        ((A, B), (Transition("a", "go", "b"),), "at least one terminal state"),
        ((A, C), (Transition("a", "go", "x"),), "a --go--> x: unknown target state 'x'"),
        ((A, C), (Transition("x", "go", "c"),), "x --go--> c: unknown source state 'x'"),
        (
            (A, B, C),
            (Transition("a", "go", "c"), Transition("c", "back", "b"), Transition("b", "x", "c")),
            "c --back--> b leaves terminal state 'c'",
        ),
        ((A, B, C), (Transition("a", "go", "c"),), "state 'b' cannot be reached"),
        (
            (A, B, C),
            (Transition("a", "go", "b"), Transition("b", "loop", "b"), Transition("a", "end", "c")),
            "state 'b' cannot reach any terminal state",
        ),
        ((A, C), (Transition("a", "open", "c"),), "the event name 'open' is reserved"),
        ((A, B, C), (Transition("a", "b", "b"), Transition("b", "c", "c")), "event 'b' is also"),
        (
            (A, C),
            (Transition("a", "go", "c"), Transition("a", "go", "c")),
            "two unguarded transitions for state 'a' and event 'go'",
        ),
        (
            (A, B, C),
            (
                Transition("a", "go", "b", Guard.parse("data.x == 1")),
                Transition("a", "go", "c", Guard.parse("data.y == 1")),
                Transition("b", "end", "c"),
            ),
            "guards are not exclusive",
        ),
    ],
)
def test_bad_tables_are_refused_naming_the_fault(
    states: tuple[State, ...], transitions: tuple[Transition, ...], message: str
) -> None:
    with pytest.raises(InvalidWorkflowError, match=message):
        Workflow("w", states=states, transitions=transitions)


@pytest.mark.parametrize(
    ("fields", "field", "what"),
    [
        ({"states": (A, C, State("a"))}, "Workflow.states[2]", "state name"),
        ({"clocks": (CLOCK, CLOCK)}, "Workflow.clocks[1]", "clock name"),
        ({"timers": (TIMER, TIMER)}, "Workflow.timers[1]", "timer name"),
    ],
)
def test_each_state_clock_and_timer_is_named_once(
    fields: dict[str, Any], field: str, what: str
) -> None:
    table: dict[str, Any] = {"states": (A, B, C), "transitions": GO} | fields
    with pytest.raises(InvalidValueError) as caught:
        Workflow("w", **table)
    assert caught.value.field == field
    assert caught.value.value in ("a", "c", "t")
    assert f"each {what} at most once" in str(caught.value.allowed)


def test_exclusive_guards_and_one_fallback_are_deterministic() -> None:
    big = Guard("big", lambda data: data.get("pages", 0) > 100, exclusive_with=("small",))
    small = Guard("small", lambda data: data.get("pages", 0) <= 100)
    wf = _wf(
        Transition("a", "go", "b", big),
        Transition("a", "go", "c", small),
        Transition("a", "skip", "b", Guard.parse('data.kind == "x"')),
        Transition("a", "skip", "c", Guard.parse('data.kind != "x"')),
        Transition("b", "end", "c", Guard.parse("data.ok == true")),
        Transition("b", "end", "c"),
    )
    assert [t.target for t in wf.targets("a", "go")] == ["b", "c"]
    assert wf.targets("b", "end")[-1].guard is None  # the fallback comes last
    assert wf.select("a", "go", {"pages": 101}).target == "b"
    assert wf.select("a", "go", {"pages": 3}).target == "c"
    assert wf.select("b", "end", {"ok": False}).guard is None  # no guard holds: the fallback


def test_select_names_what_is_allowed() -> None:
    wf = _wf(Transition("a", "go", "b", Guard.parse("data.x == 1")), GO[1])
    with pytest.raises(InvalidTransitionError, match="no guard holds") as caught:
        wf.select("a", "go", {"x": 2})
    assert caught.value.allowed == ("go",)
    with pytest.raises(InvalidTransitionError, match="allowed: go") as refused:
        wf.select("a", "end", {})
    assert refused.value.value == "end"
    with pytest.raises(InvalidTransitionError, match=r"none \(terminal state\)"):
        wf.select("c", "go", {})


def test_strict_roles_refuse_an_actor_outside_them_and_lenient_ones_accept_it() -> None:
    go = Transition("a", "go", "c", roles=("officer", "app"))
    lenient = _wf(go, states=(A, C))
    strict = _wf(go, states=(A, C), role_check="strict")
    assert lenient.select("a", "go", {}, "user") == go
    assert strict.select("a", "go", {}, "app") == go
    assert strict.select("a", "go", {}) == go  # no actor named: nothing to check
    with pytest.raises(InvalidTransitionError) as caught:
        strict.select("a", "go", {}, "user")
    assert caught.value.allowed == ("officer", "app")
    assert caught.value.value == "user"


@pytest.mark.hostile
@pytest.mark.parametrize(
    ("build", "error"),
    [
        (lambda: State("has space"), InvalidValueError),
        (lambda: State("1st"), InvalidValueError),
        (lambda: State("a\n"), InvalidValueError),
        (lambda: State("a", label="two\nlines"), InvalidValueError),
        (lambda: State("a", initial="yes"), InvalidTypeError),  # type: ignore[arg-type]
        (lambda: Transition("a", "go\n", "b"), InvalidValueError),
        (lambda: Transition("a", "go", "b", roles=("officer\n",)), InvalidValueError),
        (lambda: Transition("a", "go", "b", roles=["officer"]), InvalidTypeError),  # type: ignore[arg-type]
        (lambda: Transition("a", "go", "b", guard="data.x == 1"), InvalidTypeError),  # type: ignore[arg-type]
        (lambda: Workflow("bad name", states=(A, C)), InvalidValueError),
        (lambda: Workflow("w\n", (A, C)), InvalidValueError),
        (lambda: Workflow("w", states=[A, C]), InvalidTypeError),  # type: ignore[arg-type]
        (lambda: Workflow("w", states=(A, C), clocks=("c",)), InvalidTypeError),  # type: ignore[arg-type]
        (lambda: Workflow("w", (A, C), calendar="x"), InvalidTypeError),  # type: ignore[arg-type]
        (lambda: Workflow("w", (A, C), role_check="loose"), InvalidValueError),  # type: ignore[arg-type]
        (lambda: Clock("c", WorkingDays(1), starts_on=(), stops_on=(), severity="x"), PstError),  # type: ignore[arg-type]
    ],
)
def test_field_validation(build: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        build()


def test_a_workflow_name_may_carry_a_documents_id() -> None:
    assert _wf(*GO).name == "w"
    assert Workflow("visit:bengkulu-penjualan", (A, C), (Transition("a", "go", "c"),)).name
    with pytest.raises(InvalidValueError) as caught:
        Workflow("visit:", (A, C), (Transition("a", "go", "c"),))
    assert caught.value.field == "Workflow.name"


def test_clocks_and_timers_are_checked_against_the_table() -> None:
    ok = Clock("c", WorkingDays(1), starts_on=("open",), stops_on=("end",), paused_in=("b",))
    assert _wf(*GO, clocks=(ok,)).clocks == (ok,)
    cases = [
        ({"clocks": (Clock("c", WorkingDays(1), starts_on=(), stops_on=()),)}, "no start trigger"),
        ({"clocks": (Clock("c", WorkingDays(1), starts_on=("nope",), stops_on=()),)}, "'nope'"),
        (
            {
                "clocks": (
                    Clock(
                        "c", WorkingDays(1), starts_on=("a",), stops_on=("c",), paused_in=("go",)
                    ),
                )
            },
            "paused state 'go'",
        ),
        ({"timers": (Timer("t", "end", CalendarDays(1), in_states=()),)}, "no state to run in"),
        (
            {"timers": (Timer("t", "end", CalendarDays(1), in_states=("a",)),)},
            "not allowed in state 'a'",
        ),
        ({"timers": (Timer("t", "end", CalendarDays(1), in_states=("b",), since=("x",)),)}, "'x'"),
    ]
    for extra, message in cases:
        with pytest.raises(InvalidWorkflowError, match=message):
            _wf(*GO, **extra)  # type: ignore[arg-type]


def test_a_strict_table_checks_the_role_its_timers_fire_as() -> None:
    end = Transition("b", "end", "c", roles=("officer",))
    timer = Timer("t", "end", CalendarDays(1), in_states=("b",))
    assert _wf(GO[0], end, timers=(timer,)).timers == (timer,)  # lenient: recorded, not refused
    with pytest.raises(InvalidWorkflowError, match="fires 'end' as 'system'"):
        _wf(GO[0], end, timers=(timer,), role_check="strict")
    officer = Timer("t", "end", CalendarDays(1), in_states=("b",), actor="officer")
    assert _wf(GO[0], end, timers=(officer,), role_check="strict").timers == (officer,)


def test_goals_and_timer_durations_must_be_positive_durations() -> None:
    with pytest.raises(InvalidTypeError, match=r"Clock\.goal"):
        Clock("c", "3 hari kerja", starts_on=("open",), stops_on=())  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="positive"):
        Clock("c", WorkingTime(0), starts_on=("open",), stops_on=())
    with pytest.raises(InvalidValueError, match=r"Timer\.after"):
        Timer("t", "e", WorkingTime(0), in_states=("a",))
    with pytest.raises(InvalidTypeError):
        Timer("t", "end", "3 hari kerja", in_states=("b",))  # type: ignore[arg-type]


def test_unknown_state_lookup() -> None:
    with pytest.raises(InvalidTransitionError, match="has no state 'x'") as caught:
        _wf(*GO).state("x")
    assert caught.value.allowed == ("a", "b", "c")
    with pytest.raises(InvalidTransitionError):
        _wf(*GO).events_from("x")
