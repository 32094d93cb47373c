"""Workflow tables: every structural rule, guards and their exclusivity, Mermaid output."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pst_core.calendar.durations import CalendarDays, WorkingDays, WorkingTime
from pst_core.errors import (
    InvalidTransitionError,
    InvalidTypeError,
    InvalidValueError,
    InvalidWorkflowError,
    PstError,
)
from pst_core.standards import catalog
from pst_core.states import Clock, Guard, State, Timer, Transition, Workflow
from pst_core.states.builtin import (
    BUILTIN,
    builtin_workflow,
    online_consultation,
    paid_product,
    visit,
)
from tests.strategies import json_scalars

A, B, C = State("a", initial=True), State("b"), State("c", terminal=True)


_GO = (Transition("a", "go", "b"), Transition("b", "end", "c"))
_CLOCK = Clock("c", WorkingDays(1), starts_on=("open",), stops_on=("end",))
_TIMER = Timer("t", "end", CalendarDays(1), in_states=("b",))


def _wf(*transitions: Transition, states: tuple[State, ...] = (A, B, C), **kw: Any) -> Workflow:
    return Workflow("w", states=states, transitions=transitions, **kw)


def test_a_valid_table() -> None:
    wf = _wf(Transition("a", "go", "b"), Transition("b", "end", "c"))
    assert wf.initial == A
    assert wf.terminals == (C,)
    assert wf.events == ("go", "end")
    assert wf.events_from("a") == ("go",)
    assert wf.events_from("c") == ()
    assert wf.is_terminal("c")
    assert not wf.is_terminal("b")


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
        ({"clocks": (_CLOCK, _CLOCK)}, "Workflow.clocks[1]", "clock name"),
        ({"timers": (_TIMER, _TIMER)}, "Workflow.timers[1]", "timer name"),
    ],
)
def test_each_state_clock_and_timer_is_named_once(
    fields: dict[str, Any], field: str, what: str
) -> None:
    table: dict[str, Any] = {"states": (A, B, C), "transitions": _GO} | fields
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


@pytest.mark.parametrize(
    ("first", "second", "exclusive"),
    [
        ("data.x == 1", "data.x == 2", True),
        ("data.x == 1", "data.x != 1", True),
        ("data.x != 1", "data.x == 1", True),
        ("data.x == 1", "data.x == 1", False),
        ("data.x != 1", "data.x != 2", False),
        ("data.x == 1", "data.y == 2", False),
        ("data.x == true", "data.x == 1", True),  # JSON: true is not 1
        ("data.x == 'a'", 'data.x == "a"', False),
    ],
)
def test_guard_exclusivity(first: str, second: str, exclusive: bool) -> None:
    assert Guard.parse(first).excludes(Guard.parse(second)) is exclusive
    assert Guard.parse(second).excludes(Guard.parse(first)) is exclusive


@given(key=st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True), value=json_scalars)
def test_parsed_guards_compare_one_field_with_a_json_literal(key: str, value: object) -> None:
    import json

    equal = Guard.parse(f"data.{key} == {json.dumps(value)}")
    different = Guard.parse(f"data.{key} != {json.dumps(value)}")
    assert equal.holds({key: value})
    assert not different.holds({key: value})
    assert equal.excludes(different)
    assert Guard.parse(equal.name) == equal  # the name is the canonical text


@pytest.mark.parametrize(
    "text",
    [
        "len(data) > 2",
        "data.x > 1",
        "data.x == [1]",
        "data.x == {}",
        "data.x == nope",
        "x == 1",
        "data.x == NaN",
        "__import__('os') == 1",
    ],
)
def test_guard_text_outside_the_grammar_is_refused(text: str) -> None:
    with pytest.raises(InvalidValueError):
        Guard.parse(text)


def test_a_missing_field_compares_as_null() -> None:
    assert Guard.parse("data.x == null").holds({})
    assert Guard.parse("data.x != null").holds({"x": 0})


@pytest.mark.parametrize(
    ("build", "error"),
    [
        (lambda: State("has space"), InvalidValueError),
        (lambda: State("1st"), InvalidValueError),
        (lambda: State("a", initial="yes"), InvalidTypeError),  # type: ignore[arg-type]
        (lambda: Transition("a", "go", "b", guard="data.x == 1"), InvalidTypeError),  # type: ignore[arg-type]
        (lambda: Workflow("bad name", states=(A, C)), InvalidValueError),
        (lambda: Workflow("w", states=[A, C]), InvalidTypeError),  # type: ignore[arg-type]
        (lambda: Workflow("w", states=(A, C), clocks=("c",)), InvalidTypeError),  # type: ignore[arg-type]
        (lambda: Guard("", lambda d: True), InvalidValueError),
    ],
)
def test_field_validation(build: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        build()


def test_clocks_and_timers_are_checked_against_the_table() -> None:
    go = (Transition("a", "go", "b"), Transition("b", "end", "c"))
    ok = Clock("c", WorkingDays(1), starts_on=("open",), stops_on=("end",), paused_in=("b",))
    assert _wf(*go, clocks=(ok,)).clocks == (ok,)
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
            _wf(*go, **extra)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="positive"):
        Clock("c", WorkingTime(0), starts_on=("open",), stops_on=())
    with pytest.raises(InvalidTypeError):
        Timer("t", "end", "3 hari kerja", in_states=("b",))  # type: ignore[arg-type]


def test_unknown_state_lookup() -> None:
    with pytest.raises(InvalidTransitionError, match="has no state 'x'"):
        visit().state("x")


def _label(t: Transition) -> str:
    return t.event if t.guard is None else f"{t.event} [{t.guard.name}]"


@pytest.mark.parametrize("name", BUILTIN)
def test_mermaid_lists_every_transition_and_terminal(name: str) -> None:
    wf = builtin_workflow(name)
    text = wf.to_mermaid()
    lines = text.splitlines()
    assert lines[0] == "stateDiagram-v2"
    arrows = [line.strip() for line in lines if "-->" in line]
    ident = {s.name: s.name.replace("-", "_") for s in wf.states}
    assert f"[*] --> {ident[wf.initial.name]}" in arrows
    for t in wf.transitions:
        assert (
            f"{ident[t.source]} --> {ident[t.target]}: {_label(t).replace(chr(34), chr(39))}"
            in arrows
        )
    for s in wf.terminals:
        assert f"{ident[s.name]} --> [*]" in arrows
    assert len(arrows) == len(wf.transitions) + len(wf.terminals) + 1
    # Mermaid state ids must be plain identifiers.
    for line in arrows:
        for part in re.split(r" --> |: ", line)[:2]:
            assert re.fullmatch(r"\[\*\]|[A-Za-z][A-Za-z0-9_]*", part), line


def test_mermaid_notes_paused_states() -> None:
    standard = catalog().standard("sumsel-konsultasi")
    assert (
        "note right of waiting_for_user: service clock paused"
        in online_consultation(standard, pause_while_waiting=True).to_mermaid()
    )
    assert "paused" not in online_consultation(standard).to_mermaid()


def test_builtins_from_standards_differ_only_where_the_standards_do() -> None:
    assert builtin_workflow("visit:bangka-selatan-konsultasi").clocks[0].goal == WorkingTime(5)
    assert builtin_workflow("visit:bengkulu-penjualan").clocks[0].starts_on == ("take-number",)
    assert builtin_workflow("visit:sumsel-konsultasi").clocks[0].starts_on == ("next-in-line",)
    assert visit().clocks == ()  # without a standard there is no time to keep
    bangka = builtin_workflow("online-consultation:bangka-selatan-konsultasi").timers[0]
    assert (bangka.after, bangka.actor) == (CalendarDays(7), "officer")
    sumsel = builtin_workflow("online-consultation:sumsel-konsultasi").timers[0]
    assert (sumsel.after, sumsel.actor) == (WorkingDays(3), "app")
    assert builtin_workflow("paid-product:bengkulu-penjualan").clocks[1].goal == WorkingDays(10)
    # The Bengkulu standard's fee is "Tidak dipungut biaya": the same table without payment.
    payment = {"invoiced", "billing-code-expired", "expired", "paid", "zero-rated"}
    free = builtin_workflow("paid-product:bengkulu-penjualan").state_names
    assert free == tuple(s for s in paid_product().state_names if s not in payment)
    assert builtin_workflow("paid-product:bengkulu-sop-produk-berbayar").state_names == (
        paid_product().state_names
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("vist", "did you mean: visit"),
        ("visit:sumsel", "did you mean: sumsel-konsultasi"),
        ("visit:bengkulu-sop-produk-berbayar", "not an SOP"),
        ("paid-product-visit:sumsel-konsultasi", "an SOP's id"),
    ],
)
def test_unknown_builtin_names(name: str, message: str) -> None:
    with pytest.raises(LookupError, match=message):
        builtin_workflow(name)


@pytest.mark.parametrize("build", [visit, online_consultation, paid_product])
@pytest.mark.parametrize(
    "standard", [catalog().sop("bengkulu-sop-produk-berbayar"), "bengkulu-penjualan", 3]
)
def test_builtins_take_only_a_service_standard(build: Any, standard: object) -> None:
    with pytest.raises(InvalidTypeError) as caught:
        build(standard)
    err = caught.value
    assert err.field == f"{build.__name__}(standard)"
    assert err.value is standard
    assert err.expected.startswith("a ServiceStandard or None")
    assert "paid_product(sop=...)" in err.expected  # where an SOP goes instead


@pytest.mark.parametrize("build", [visit, online_consultation, paid_product])
def test_builtins_take_a_service_standard_or_none(build: Any) -> None:
    standard = catalog().standard("bengkulu-penjualan")
    assert build(None) == build()
    assert build(standard).name.endswith(":bengkulu-penjualan")


_ACTORS = {"user", "receptionist", "officer", "app"}


def _every_builtin() -> list[Workflow]:
    built = []
    for base in BUILTIN:
        for document in ("", *catalog()):
            try:
                built.append(builtin_workflow(f"{base}:{document}" if document else base))
            except PstError:  # a document this builder does not take
                continue
    return built


@pytest.mark.parametrize("wf", _every_builtin(), ids=lambda wf: wf.name)
def test_builtin_states_are_labelled_in_both_languages_and_transitions_name_actors(
    wf: Workflow,
) -> None:
    for state in wf.states:
        assert state.label, state.name
        assert state.label_en, state.name
        assert state.describe("id") != state.describe("en"), state.name
    for transition in wf.transitions:
        assert transition.roles, str(transition)
        assert set(transition.roles) <= _ACTORS, str(transition)


def test_the_visits_service_time_warns_unless_the_caller_makes_it_a_limit() -> None:
    standard = catalog().standard("bengkulu-penjualan")
    target = {c.name: c for c in visit(standard).clocks}["service"]
    limit = {c.name: c for c in visit(standard, service="limit").clocks}["service"]
    assert (target.goal, target.severity, limit.severity) == (WorkingTime(120), "warn", "breach")
    assert visit(standard).timers == ()
    # Standards that state no maximum service time have no service clock.
    assert [c.name for c in visit(catalog().standard("sumsel-konsultasi")).clocks] == ["wait"]
    with pytest.raises(InvalidValueError, match="visit"):
        visit(standard, service="soft")  # type: ignore[arg-type]


def test_an_order_awaiting_the_sppd_cannot_be_cancelled() -> None:
    """The documents cancel only a mismatched abstract, at verify: nothing after complete."""
    wf = paid_product()
    cancels = {t.source for t in wf.transitions if t.target == "cancelled"}
    assert cancels == {"created", "verifying", "incomplete"}
    assert wf.events_from("awaiting-agreement") == ("sign-agreement",)
