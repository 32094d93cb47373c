"""Every SLA summary row adds up, and no cycle whose service was given is left out.

``count`` = ``met`` + ``breached`` + ``overdue`` + ``running`` + ``cancelled``; a
cycle whose start was never recorded is counted, and counted again (of those) in
``start_inferred``; both engines agree.
"""

from __future__ import annotations

import typing
from datetime import timedelta
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pst_core.reports import sla_report
from pst_core.reports.sla import Engine
from pst_core.standards import catalog
from pst_core.states import ClockParty, Transaction
from pst_core.states.builtin import builtin_workflow, visit
from pst_core.states.sla import walk
from tests.reports.ticket import frame_of, wib
from tests.states.examples import every_builtin_name
from tests.strategies import transactions

ENGINES = typing.get_args(Engine)
EVERY_BUILTIN = tuple(every_builtin_name())
SUMMED = ("met", "breached", "overdue", "running", "cancelled")


def assert_rows_add_up(summary: Any) -> None:
    for row in summary.to_dict("records"):
        assert row["count"] == sum(row[column] for column in SUMMED), row
        assert 0 <= row["start_inferred"] <= row["count"], row


@pytest.mark.golden
@pytest.mark.parametrize("engine", ENGINES)
def test_a_late_reply_without_request_clear_is_in_the_summary(engine: Any) -> None:
    # Bangka Selatan, online: "dilayani maksimal 3 (tiga) hari kerja setelah permintaan jelas
    # dan persyaratan pelayanan lengkap"; the officer replied from submitted, ten working days
    # after the opening, without recording request-clear.
    opened = wib("2026-04-06T09:00")
    workflow = builtin_workflow("online-consultation:bangka-selatan-konsultasi")
    late = Transaction.open(workflow, at=opened, actor="user")
    late = late.fire("reply", at=wib("2026-04-20T10:00"), actor="officer")
    clear = Transaction.open(workflow, at=opened, actor="user")
    clear = clear.fire("request-clear", at=opened + timedelta(hours=1), actor="officer")
    clear = clear.fire("reply", at=opened + timedelta(hours=2), actor="officer")
    report = sla_report(frame_of([late, clear]), now=wib("2026-04-21T09:00"), engine=engine)
    table = report.table.set_index("transaction")
    assert table.loc["T000", "status"] == "breached"
    assert bool(table.loc["T000", "start_inferred"])
    assert table.loc["T000", "started"] == opened
    assert not bool(table.loc["T001", "start_inferred"])
    (row,) = report.summary(group_by=()).to_dict("records")
    assert (row["count"], row["met"], row["breached"], row["start_inferred"]) == (2, 1, 1, 1)
    assert_rows_add_up(report.summary())
    assert "start not recorded" in report.describe("en")
    assert "mulai tidak tercatat" in report.describe("id")


@pytest.mark.golden
@pytest.mark.parametrize("engine", ENGINES)
def test_an_overdue_target_has_its_own_column(engine: Any) -> None:
    # Bengkulu, "Penjualan": "Lama layanan maksimal 2 jam atau sesuai kebutuhan pengguna" —
    # a target (warn) clock: past two hours it is overdue, not breached, and still counted.
    workflow = visit(catalog().standard("bengkulu-penjualan"))
    at = wib("2026-04-06T09:00")
    tx = Transaction.open(workflow, at=at, actor="user")
    tx = tx.fire("take-number", at=at, actor="receptionist")
    tx = tx.fire("call", at=at + timedelta(minutes=5), actor="officer")
    report = sla_report(
        frame_of([tx]),
        now=at + timedelta(hours=3),
        workflows=[workflow],
        engine=engine,
        group_by=("clock",),
    )
    summary = report.summary().set_index("clock")
    assert summary.loc["service", "overdue"] == 1
    assert summary.loc["service", "count"] == 1
    assert summary.loc["service", "breached"] == 0
    assert_rows_add_up(report.summary())
    assert "overdue" in report.describe("en")
    assert "lewat target" in report.describe("id")


def test_the_summary_adds_up_over_every_status() -> None:
    workflow = visit(catalog().standard("bengkulu-penjualan"))
    start = wib("2026-04-06T09:00")
    served = Transaction.open(workflow, at=start, actor="user")
    served = served.fire("take-number", at=start, actor="receptionist")
    left = served.fire("leave", at=start + timedelta(minutes=1), actor="user")
    served = served.fire("call", at=start + timedelta(minutes=2), actor="officer")
    over = served
    served = served.fire("finish", at=start + timedelta(minutes=30), actor="officer")
    report = sla_report(
        frame_of([served, left, over]), now=start + timedelta(hours=4), workflows=[workflow]
    )
    assert_rows_add_up(report.summary())
    assert_rows_add_up(report.summary(group_by=()))


def services_given(tx: Transaction) -> set[str]:
    """The clocks of ``tx`` that a stop trigger reached after the opening: a service given."""
    states = walk(tx.workflow, tx.history)
    given_to: set[str] = set()
    for clock in tx.workflow.clocks:
        stops = set(clock.stops_on)
        steps = zip(tx.history[1:], states[1:], strict=True)
        if any(event.name in stops or state in stops for event, state in steps):
            given_to.add(clock.name)
    return given_to


@pytest.mark.property
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], max_examples=60)
@given(
    st.lists(
        st.sampled_from(EVERY_BUILTIN).flatmap(lambda name: transactions(workflow_name=name)),
        min_size=1,
        max_size=5,
    ),
    st.integers(0, 30 * 24 * 60),
)
def test_every_row_adds_up_and_no_service_given_is_missing(txs: list[Any], later: int) -> None:
    """Random histories of every built-in workflow (each base, and each built from a document).

    Issue 22: "Every summary row must add up"; "Never drop a cycle silently: when the
    history shows the service was given but its start was not recorded, measure it ...
    and flag it". Both engines give the same table.
    """
    frame = frame_of(txs)
    now = max(tx.last_at for tx in txs) + timedelta(minutes=later)
    parties: tuple[ClockParty, ...] = ("office", "user")
    columns = sla_report(frame, now=now, parties=parties)
    objects = sla_report(frame, now=now, parties=parties, engine="objects")
    pd.testing.assert_frame_equal(columns.table, objects.table)
    for group_by in ((), ("clock",), ("month", "clock"), ("workflow", "party", "clock")):
        assert_rows_add_up(columns.summary(group_by))
    table = columns.table
    for number, tx in enumerate(txs):
        rows = table[table["transaction"] == f"T{number:03d}"]
        for clock in services_given(tx):
            cycles = rows[(rows["clock"] == clock) & (rows["cycle"] > 0)]
            assert len(cycles), (tx.workflow.name, clock, [e.name for e in tx.history])
            assert set(cycles["status"]) - {"not started"}
