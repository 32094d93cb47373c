"""SLA clock semantics: start, pause, resume, stop, cancel, new cycles, due instants, readings."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pst_core.calendar import WorkingCalendar
from pst_core.calendar.durations import CalendarDays, Duration, WorkingDays, WorkingTime
from pst_core.errors import (
    EventOrderError,
    InvalidTransitionError,
    InvalidTypeError,
    NaiveDatetimeError,
)
from pst_core.states import (
    Clock,
    State,
    Transaction,
    Transition,
    Workflow,
    sla,
)
from tests.strategies import durations, instants_2026

WIB = ZoneInfo("Asia/Jakarta")
MON = datetime(2026, 3, 9, 8, 0, tzinfo=WIB)  # an ordinary week: Mar 9-13, 2026


def ticket(goal: Duration, calendar: WorkingCalendar | None = None) -> Workflow:
    """A service-desk ticket: work, wait on the customer, solve, reopen, close or cancel."""
    clock = Clock(
        "resolution",
        goal,
        starts_on=("open", "reopen"),
        stops_on=("solved",),
        paused_in=("waiting",),
        cancels_on=("cancel",),
    )
    return Workflow(
        "ticket",
        states=(
            State("working", initial=True),
            State("waiting"),
            State("solved"),
            State("closed", terminal=True),
        ),
        transitions=(
            Transition("working", "ask", "waiting"),
            Transition("waiting", "answer", "working"),
            Transition("working", "solve", "solved"),
            Transition("solved", "reopen", "working"),
            Transition("solved", "close", "closed"),
            Transition("working", "cancel", "closed"),
            Transition("waiting", "cancel", "closed"),
        ),
        clocks=(clock,),
        calendar=calendar or WorkingCalendar.pst(),
    )


def _at(days: int = 0, hours: float = 0) -> datetime:
    return MON + timedelta(days=days, hours=hours)


def test_running_clock_counts_open_time_only() -> None:
    tx = Transaction.open(ticket(WorkingTime(hours=4)), at=_at(hours=6), actor="u")  # Mon 14:00
    status = tx.clocks(_at(days=1, hours=1))["resolution"]  # Tue 09:00
    assert status.status == "running"
    assert status.cycle == 1
    assert status.elapsed == timedelta(hours=2, minutes=30)  # 14:00-15:30 + 08:00-09:00
    assert status.remaining == timedelta(hours=1, minutes=30)
    assert status.due == _at(days=1, hours=2.5)  # Tue 10:30
    assert status.budget == timedelta(hours=4)
    assert not (status.met)
    assert not (status.breached)
    assert not (status.paused)


def test_pause_moves_the_due_instant_by_the_open_time_paused() -> None:
    tx = Transaction.open(ticket(WorkingTime(hours=4)), at=_at(), actor="u")  # Mon 08:00
    tx = tx.fire("ask", at=_at(hours=1), actor="agent")  # paused at 09:00
    paused = tx.clocks(_at(hours=3))["resolution"]
    assert paused.status == "paused"
    assert paused.paused
    assert paused.elapsed == timedelta(hours=1)
    assert paused.due == _at(hours=6)  # 3 h left from 11:00 if it ran again now
    tx = tx.fire("answer", at=_at(hours=3), actor="u")  # resumed 11:00: 2 h paused
    resumed = tx.clocks(_at(hours=3))["resolution"]
    assert resumed.due == _at(hours=6)  # 08:00 + 4 h + 2 h paused = 14:00
    assert resumed.status == "running"
    late = tx.clocks(_at(days=1, hours=1))["resolution"]  # Tue 09:00, still unsolved
    assert late.due == _at(hours=6)  # the instant the budget ran out does not move
    assert late.breached_by == timedelta(hours=2, minutes=30)  # 14:00-15:30, 08:00-09:00
    tx = tx.fire("solve", at=_at(hours=5), actor="agent")
    done = tx.clocks(_at(days=3))["resolution"]
    assert done.status == "met"
    assert done.met
    assert done.elapsed == timedelta(hours=3)
    assert done.stopped == _at(hours=5)


def test_breach_is_measured_in_counted_time() -> None:
    tx = Transaction.open(ticket(WorkingTime(hours=1)), at=_at(hours=7), actor="u")  # Mon 15:00
    at_close = tx.clocks(_at(days=1, hours=-8))["resolution"]  # Mon 24:00
    assert at_close.elapsed == timedelta(minutes=30)
    assert not at_close.breached
    status = tx.clocks(_at(days=1, hours=1))["resolution"]  # Tue 09:00
    assert status.due == _at(days=1, hours=0.5)
    assert status.breached
    assert status.breached_by == timedelta(minutes=30)
    assert status.remaining == timedelta(0)
    late = tx.fire("solve", at=_at(days=1, hours=1), actor="agent").clocks(_at(days=4))[
        "resolution"
    ]
    assert late.status == "breached"
    assert not late.met


def test_cancelled_clock_is_neither_met_nor_breached() -> None:
    tx = Transaction.open(ticket(WorkingTime(minutes=10)), at=_at(), actor="u")
    tx = tx.fire("cancel", at=_at(hours=2), actor="u")
    status = tx.clocks(_at(days=1))["resolution"]
    assert status.status == "cancelled"
    assert status.cancelled == _at(hours=2)
    assert not status.met
    assert not status.breached
    assert not status.running


def test_a_new_start_opens_a_new_cycle() -> None:
    tx = Transaction.open(ticket(WorkingDays(1)), at=_at(hours=1), actor="u")
    tx = tx.fire("solve", at=_at(hours=2), actor="agent")
    tx = tx.fire("reopen", at=_at(days=2, hours=1), actor="u")  # Wed 09:00
    cycles = tx.clock_cycles(_at(days=2, hours=2))["resolution"]
    assert [c.cycle for c in cycles] == [1, 2]
    assert cycles[0].status == "met"
    assert cycles[1].status == "running"
    assert cycles[1].started == _at(days=2, hours=1)
    assert cycles[1].due == datetime(2026, 3, 12, 15, 30, tzinfo=WIB)  # close of Thursday
    assert tx.clocks(_at(days=2, hours=2))["resolution"] == cycles[1]


def test_a_start_while_running_is_ignored() -> None:
    base = ticket(WorkingDays(1))
    clock = Clock("c", WorkingDays(1), starts_on=("working",), stops_on=("solved",))
    wf = Workflow("w", states=base.states, transitions=base.transitions, clocks=(clock,))
    tx = Transaction.open(wf, at=_at(), actor="u")
    # "answer" enters "working" again while the clock runs: no new cycle, same start.
    tx = tx.fire("ask", at=_at(hours=1), actor="a").fire("answer", at=_at(hours=2), actor="u")
    cycles = tx.clock_cycles(_at(hours=3))["c"]
    assert [(c.cycle, c.started) for c in cycles] == [(1, _at())]


@pytest.mark.parametrize("end", ["stop", "cancel"])
def test_a_cycle_ended_while_paused_counts_no_more_time(end: str) -> None:
    clock = Clock(
        "c",
        WorkingTime(hours=4),
        starts_on=("open",),
        stops_on=("stop",),
        cancels_on=("cancel",),
        paused_in=("waiting",),
    )
    wf = Workflow(
        "w",
        states=(State("working", initial=True), State("waiting"), State("done", terminal=True)),
        transitions=(
            Transition("working", "ask", "waiting"),
            Transition("waiting", "stop", "done"),
            Transition("waiting", "cancel", "done"),
        ),
        clocks=(clock,),
    )
    tx = Transaction.open(wf, at=_at(), actor="u").fire("ask", at=_at(hours=1), actor="a")
    tx = tx.fire(end, at=_at(hours=3), actor="a")
    status = tx.clocks(_at(days=1))["c"]
    assert status.elapsed == timedelta(hours=1)  # the two paused hours never counted
    assert not status.paused
    assert (status.stopped, status.cancelled) == (
        (_at(hours=3), None) if end == "stop" else (None, _at(hours=3))
    )
    assert status.status == ("met" if end == "stop" else "cancelled")


def test_never_started_clock() -> None:
    wf = Workflow(
        "w",
        states=(State("a", initial=True), State("b", terminal=True)),
        transitions=(Transition("a", "go", "b"),),
        clocks=(Clock("c", WorkingTime(10), starts_on=("go",), stops_on=("b",)),),
    )
    status = Transaction.open(wf, at=_at(), actor="u").clocks(_at(hours=1))["c"]
    assert status.status == "not started"
    assert status.cycle == 0
    assert status.due is None
    assert status.remaining is None
    assert not status.running


def test_calendar_day_goals_count_wall_time_and_pauses_shift_by_wall_time() -> None:
    tx = Transaction.open(ticket(CalendarDays(7)), at=_at(hours=1), actor="u")  # Mon 09:00
    assert tx.clocks(_at(hours=1))["resolution"].due == _at(days=7, hours=1)
    tx = tx.fire("ask", at=_at(days=1, hours=1), actor="a")  # paused a whole day
    tx = tx.fire("answer", at=_at(days=2, hours=1), actor="u")
    status = tx.clocks(_at(days=3, hours=1))["resolution"]
    assert status.elapsed == timedelta(days=2)
    assert status.due == _at(days=8, hours=1)
    assert status.budget == timedelta(days=7)


def test_working_day_goals_pause_by_open_time() -> None:
    # 1 working day from Mon 09:00: close of Tuesday (15:30). Paused one open hour on Monday.
    tx = Transaction.open(ticket(WorkingDays(1)), at=_at(hours=1), actor="u")
    assert tx.clocks(_at(hours=1))["resolution"].due == _at(days=1, hours=7.5)
    tx = tx.fire("ask", at=_at(hours=2), actor="a").fire("answer", at=_at(hours=3), actor="u")
    assert tx.clocks(_at(hours=3))["resolution"].due == _at(days=2, hours=1)  # Wed 09:00


def test_clocks_use_their_calendar_zone() -> None:
    makassar = WorkingCalendar.pst("Asia/Makassar")
    tx = Transaction.open(ticket(WorkingTime(60), makassar), at=_at(), actor="u")  # 09:00 WITA
    status = tx.clocks(_at(hours=2))["resolution"]
    assert status.due is not None
    assert status.due.utcoffset() == timedelta(hours=8)
    assert status.due == datetime(2026, 3, 9, 10, 0, tzinfo=ZoneInfo("Asia/Makassar"))


def test_clocks_are_read_in_absolute_time() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    # 2026-10-25: 02:10 on the second pass (01:10 UTC) is later than 02:30 on the first.
    late = datetime(2026, 10, 25, 2, 10, tzinfo=berlin, fold=1)
    early = datetime(2026, 10, 25, 2, 30, tzinfo=berlin, fold=0)
    tx = Transaction.open(ticket(WorkingTime(60)), at=late, actor="guest")
    with pytest.raises(EventOrderError):
        tx.clocks(early)


def test_clocks_before_the_last_event_are_read_as_of_then() -> None:
    opened = Transaction.open(ticket(WorkingTime(60)), at=_at(), actor="u")
    answered = opened.fire("ask", at=_at(hours=2), actor="officer")
    for hours in (0, 1):
        assert answered.clocks(_at(hours=hours)) == opened.clocks(_at(hours=hours))
        assert answered.due_timers(_at(hours=hours)) == opened.due_timers(_at(hours=hours))
    assert answered.clocks(_at(hours=2)) != opened.clocks(_at(hours=2))


def test_now_must_be_aware_and_not_before_the_opening() -> None:
    tx = Transaction.open(ticket(WorkingTime(60)), at=_at(hours=1), actor="u")
    with pytest.raises(EventOrderError, match="clocks are read at or after"):
        tx.clocks(_at())
    with pytest.raises(NaiveDatetimeError):
        tx.clocks(datetime(2026, 3, 9, 10))
    with pytest.raises(EventOrderError):
        tx.due_timers(_at())


@pytest.mark.property
@settings(max_examples=40)
@given(start=instants_2026, goal=durations)
def test_without_pauses_the_due_instant_is_the_calendar_deadline(
    start: datetime, goal: Duration
) -> None:
    if isinstance(goal, WorkingTime) and not goal.span:
        goal = WorkingTime(1)
    tx = Transaction.open(ticket(goal), at=start, actor="u")
    status = tx.clocks(start)["resolution"]
    assert status.due == WorkingCalendar.pst().add(start, goal)
    at_due = tx.clocks(status.due)["resolution"]
    assert at_due.remaining == timedelta(0)
    assert not at_due.breached
    assert at_due.elapsed == at_due.budget


@pytest.mark.property
@settings(max_examples=40)
@given(
    start=instants_2026,
    hours=st.integers(min_value=1, max_value=60),
    pauses=st.lists(st.integers(min_value=1, max_value=3 * 24 * 60), min_size=2, max_size=6),
)
def test_at_the_due_instant_exactly_the_budget_is_used(
    start: datetime, hours: int, pauses: list[int]
) -> None:
    tx = Transaction.open(ticket(WorkingTime(hours=hours)), at=start, actor="u")
    at = start
    for index, minutes in enumerate(pauses):
        at += timedelta(minutes=minutes)
        tx = tx.fire("ask" if index % 2 == 0 else "answer", at=at, actor="x")
    if tx.state == "waiting":
        tx = tx.fire("answer", at=at, actor="u")
    status = tx.clocks(at)["resolution"]
    assert status.due is not None
    if status.breached:
        assert status.due < at
        assert status.breached_by == status.elapsed - timedelta(hours=hours)
    else:
        # (the budget may have run out exactly at a closing before the last event)
        at_due = tx.clocks(max(status.due, at))["resolution"]
        assert at_due.elapsed == timedelta(hours=hours)
        assert not at_due.breached
        assert at_due.due == status.due


def test_describe_says_what_a_person_needs() -> None:
    tx = Transaction.open(ticket(WorkingTime(hours=1)), at=_at(hours=7), actor="u")  # Mon 15:00
    assert tx.clocks(_at(days=1, hours=1))["resolution"].describe() == (
        "resolution (1 hour): breached, due Tuesday 2026-03-10 08:30 WIB, used 1 h 30 min, "
        "over by 0 h 30 min"
    )
    wf = Workflow(
        "w",
        states=(State("a", initial=True), State("b", terminal=True)),
        transitions=(Transition("a", "go", "b"),),
        clocks=(Clock("c", WorkingTime(10), starts_on=("go",), stops_on=("b",)),),
    )
    assert Transaction.open(wf, at=_at(), actor="u").clocks(_at())["c"].describe() == (
        "c (10 minutes): not started"
    )


def test_describe_leaves_out_the_time_left_once_a_cycle_ended() -> None:
    tx = Transaction.open(ticket(WorkingTime(hours=4)), at=_at(), actor="u")
    met = tx.fire("solve", at=_at(hours=1), actor="a").clocks(_at(hours=2))["resolution"]
    assert met.describe() == (
        "resolution (4 hours): met, due Monday 2026-03-09 12:00 WIB, used 1 h 00 min"
    )
    cancelled = tx.fire("cancel", at=_at(hours=1), actor="a").clocks(_at(hours=2))["resolution"]
    assert cancelled.describe().startswith("resolution (4 hours): cancelled, due ")
    assert "left" not in cancelled.describe()
    assert "terpakai 1 jam 00 menit" in met.describe("id")


@pytest.mark.hostile
@pytest.mark.parametrize("read", [sla.clock_cycles, sla.clock_statuses, sla.due_timers])
def test_readings_check_their_arguments(read: Any) -> None:
    wf = ticket(WorkingTime(60))
    history = Transaction.open(wf, at=_at(), actor="u").history
    with pytest.raises(InvalidTypeError, match="workflow"):
        read("ticket", history, _at())
    with pytest.raises(InvalidTypeError, match="history"):
        read(wf, "open", _at())
    with pytest.raises(InvalidTypeError, match=r"history\[0\]"):
        read(wf, ["open"], _at())
    with pytest.raises(NaiveDatetimeError):
        read(wf, history, datetime(2026, 3, 9, 10))
    with pytest.raises(InvalidTransitionError, match="starts with the 'open' event"):
        read(wf, (), _at())
