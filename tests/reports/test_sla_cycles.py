"""The SLA report's cycles: every clock of every transaction, measured to the minute.

A clock's cycle starts, pauses, resumes, stops or is cancelled as the states package
says; its budget, elapsed, paused and breached-by times are counted time (open time
for working-time and working-day goals, wall-clock time for calendar days), and it
is due where its counted time reaches the budget. Both engines give the same table.
"""

from __future__ import annotations

import typing
from datetime import timedelta
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pst_core.calendar import CalendarDays, WorkingCalendar, WorkingHours
from pst_core.reports import Engine, sla_report
from pst_core.states import OPEN, Clock, Event, State, Transaction, Transition, Workflow
from pst_core.states.builtin import paid_product
from tests.calendar.reference import ReferenceCalendar
from tests.reports.ticket import GOLDEN, NOW, frame_of, golden_frame, ticket, wib
from tests.strategies import transactions

ENGINES = typing.get_args(Engine)
HOUR = timedelta(hours=1)


@pytest.mark.golden
@pytest.mark.parametrize("engine", ENGINES)
def test_golden_cycles(engine: Any) -> None:
    report = sla_report(golden_frame(), now=NOW, workflows=[ticket()], engine=engine)
    table = report.table
    assert len(table) == len(GOLDEN)
    for row in table.to_dict("records"):
        status, due, elapsed, breached_by, paused = GOLDEN[(row["transaction"], row["clock"])]
        assert row["status"] == status, row
        assert row["due"] == wib(due), row
        assert row["elapsed"] / HOUR == elapsed, row
        assert row["breached_by"] / HOUR == breached_by, row
        assert row["paused"] / HOUR == paused, row
        assert row["cycle"] == 1
        assert row["unit"] == "BPS Provinsi Bengkulu"
    assert set(table["month"]) == {"2026-03", "2026-04"}


@pytest.mark.golden
def test_golden_due_instants_match_the_naive_reference() -> None:
    """Every cycle that never paused is due where the day-by-day reference says."""
    reference = ReferenceCalendar(WorkingHours.pst())
    table = sla_report(golden_frame(), now=NOW, workflows=[ticket()]).table
    checked = 0
    for row in table[table["paused"] == timedelta(0)].to_dict("records"):
        start = row["started"].to_pydatetime()
        if row["clock"] == "service":
            expected = reference.add_working_days(start, 3)
        else:
            expected = reference.add_working_time(start, timedelta(minutes=60))
        assert row["due"].to_pydatetime() == expected
        checked += 1
    assert checked == 7


def permit() -> Workflow:
    """A clock of three calendar days (wall-clock time), paused while waiting on the user."""
    return Workflow(
        "permit",
        states=(
            State("new", initial=True),
            State("waiting"),
            State("answered", terminal=True),
        ),
        transitions=(
            Transition("new", "ask", "waiting"),
            Transition("waiting", "respond", "new"),
            Transition("new", "answer", "answered"),
        ),
        clocks=(
            Clock(
                "permit",
                CalendarDays(3),
                starts_on=("open",),
                stops_on=("answered",),
                paused_in=("waiting",),
            ),
        ),
        calendar=WorkingCalendar.pst(),
    )


@pytest.mark.golden
@pytest.mark.parametrize("engine", ENGINES)
def test_a_calendar_days_clock_counts_wall_clock_time(engine: Any) -> None:
    # Opened Thu 16 April 10:00, waiting on the user Fri 17 10:00 - Mon 20 10:00 (72 h,
    # a weekend included: calendar days count it, the pause does not), answered Mon 12:00.
    # Elapsed 24 h + 2 h = 26 h of a budget of 72 h: met; paused 98 h - 26 h = 72 h; due where
    # the 46 h left would end from the answer: Wed 22 April 10:00.
    times = ("2026-04-16T10:00", "2026-04-17T10:00", "2026-04-20T10:00", "2026-04-20T12:00")
    events = pd.DataFrame(
        {
            "transaction": "P1",
            "workflow": "permit",
            "event": ["open", "ask", "respond", "answer"],
            "at": [wib(at).isoformat() for at in times],
            "actor": "user",
            "data": "",
        }
    )
    report = sla_report(events, now=NOW + 30 * HOUR * 24, workflows=[permit()], engine=engine)
    cycle = report.table.iloc[0]
    assert cycle["status"] == "met"
    assert cycle["budget"] == 72 * HOUR
    assert cycle["elapsed"] == 26 * HOUR
    assert cycle["paused"] == 72 * HOUR
    assert cycle["breached_by"] == timedelta(0)
    assert cycle["due"] == wib("2026-04-22T10:00")
    assert cycle["state"] == "answered"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_clock_that_never_started_has_one_row(engine: Any) -> None:
    at = wib("2026-04-06T09:00")
    tx = Transaction.from_opening(paid_product(), Event(OPEN, at, "user", {}))
    report = sla_report(frame_of([tx]), now=at + HOUR, engine=engine, parties=("office", "user"))
    never = report.table[report.table["status"] == "not started"]
    assert list(never["clock"]) == ["delivery", "rating"]
    assert list(never["cycle"]) == [0, 0]
    assert never["due"].isna().all()
    assert never["elapsed"].isna().all()
    assert set(never["month"]) == {""}
    assert report.table.loc[report.table["clock"] == "queue", "status"].item() == "running"


def test_a_history_with_a_timer_event_equals_the_reference() -> None:
    """A timer's event (the queue waited 3 working days) is checked by the states package."""
    at = wib("2026-04-06T09:00")
    tx = Transaction.from_opening(paid_product(), Event(OPEN, at, "user", {}))
    due = tx.due_timers(at + 10 * 24 * HOUR)
    assert [timer.event for timer in due] == ["queue-breached"]
    tx = tx.fire("queue-breached", at=at + 10 * 24 * HOUR, actor="app")
    frame = frame_of([tx])
    now = at + 11 * 24 * HOUR
    columns = sla_report(frame, now=now)
    objects = sla_report(frame, now=now, engine="objects")
    pd.testing.assert_frame_equal(columns.table, objects.table)
    assert "breached" in set(columns.table["status"])


@pytest.mark.property
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], max_examples=40)
@given(st.lists(transactions(), min_size=1, max_size=6), st.integers(0, 30 * 24 * 60))
def test_columns_engine_equals_the_transaction_path(txs: list[Any], later: int) -> None:
    frame = frame_of(txs)
    now = max(tx.last_at for tx in txs) + timedelta(minutes=later)
    columns = sla_report(frame, now=now)
    objects = sla_report(frame, now=now, engine="objects")
    pd.testing.assert_frame_equal(columns.table, objects.table)
    assert columns.bad_rows == objects.bad_rows == ()


def test_the_table_is_a_copy_and_has_its_columns() -> None:
    report = sla_report(golden_frame(), now=NOW, workflows=[ticket()])
    frame = report.to_frame()
    assert list(frame.columns) == [
        "transaction", "workflow", "unit", "channel", "month", "clock", "goal", "cycle",
        "state", "started", "due", "status", "elapsed", "budget", "breached_by", "paused",
        "start_inferred", "party",
    ]  # fmt: skip
    frame.loc[0, "status"] = "changed"
    assert report.table.loc[0, "status"] != "changed"
    assert list(frame["goal"].unique()) == ["3 working days", "1 hour"]


def test_an_empty_report_has_the_table_columns() -> None:
    report = sla_report(golden_frame().iloc[:0], now=NOW, workflows=[ticket()])
    assert len(report.table) == 0
    assert "status" in report.table.columns


def test_the_progress_callback_counts_transactions() -> None:
    seen: list[tuple[int, int]] = []
    sla_report(golden_frame(), now=NOW, workflows=[ticket()], progress=lambda *a: seen.append(a))
    assert seen[0] == (0, 4)
    assert seen[-1] == (4, 4)
