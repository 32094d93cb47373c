"""The SLA report's reference engine: each history as a `Transaction`, read by `pst_core.states`.

Private. Slow and plainly right: every transaction is replayed with
`Transaction.apply` and its clocks read with `Transaction.clock_cycles`, so the
answers are the states package's own. ``sla_report(..., engine="objects")`` uses it
for every transaction (the columns engine is tested against it); the columns
engine leaves it the histories that hold a timer's event, whose timing only the
states package checks.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from pst_core.calendar.index import from_micros, to_micros
from pst_core.errors import Phrase, PstError
from pst_core.reports._cycles import MEASURES, CycleRows
from pst_core.reports._events import EventTable, event_data

if TYPE_CHECKING:  # pragma: no cover
    from pst_core.states import Clock, ClockStatus, Transaction, Workflow

__all__ = ["read_clocks", "replay"]

_US = timedelta(microseconds=1)


def replay(
    workflow: Workflow, table: EventTable, start: int, end: int
) -> Transaction | tuple[int, str, Phrase | None]:
    """Transaction ``start:end`` of ``table`` as a `Transaction`, or the event at fault and why."""
    from pst_core.states import Event, Transaction

    events = []
    for index in range(start, end):
        try:
            data = event_data(table.datas[index])
            at = from_micros(int(table.ats[index]), timezone.utc)
            events.append(Event(table.names[index], at, table.actors[index], data))
        except (ValueError, PstError) as err:
            return index, f"data: {table.datas[index][:60]!r}: {err}", None
    try:
        tx = Transaction.from_opening(workflow, events[0], id=str(table.ids[start]))
    except PstError as err:
        return start, str(err), err.phrase
    for index, event in zip(range(start + 1, end), events[1:], strict=True):
        try:
            tx = tx.apply(event)
        except PstError as err:
            return index, str(err), err.phrase
    return tx


def read_clocks(tx: Transaction, row: int, now: datetime, out: CycleRows) -> None:
    """Every cycle of every clock of ``tx`` (transaction number ``row``) into ``out``."""
    import numpy as np

    workflow = tx.workflow
    out.state[row] = tx.state
    readings = tx.clock_cycles(now)
    for index, clock in enumerate(workflow.clocks):
        cycles = readings[clock.name]
        if not cycles:
            out.add(clock, index, workflow.calendar, {"never": np.asarray([row])})
            continue
        values = [[row, *_measure(workflow, clock, status, now)] for status in cycles]
        measured = {
            key: np.asarray(column, dtype=object if key == "status" else np.int64)
            for key, column in zip(MEASURES, zip(*values, strict=True), strict=True)
        }
        out.add(clock, index, workflow.calendar, measured)


def _measure(workflow: Workflow, clock: Clock, status: ClockStatus, now: datetime) -> list[Any]:
    """One cycle's `MEASURES` after ``row`` (microseconds; paused: counted span - elapsed)."""
    assert status.started is not None
    assert status.due is not None
    assert status.budget is not None
    end = status.stopped or status.cancelled or now
    whole = (
        workflow.calendar.working_time_between(status.started, end)
        if clock.counts_open_time
        else end - status.started
    )
    return [
        status.cycle,
        to_micros(status.started),
        to_micros(status.due),
        status.budget // _US,
        status.elapsed // _US,
        status.breached_by // _US,
        (whole - status.elapsed) // _US,
        status.status,
        int(status.start_inferred),
    ]
