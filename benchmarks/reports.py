"""The SLA report at national scale: a synthetic year of every province's PST desks (issue 14).

Run from the repository root: ``PYTHONPATH=src python -m benchmarks.reports`` (add
``--transactions 100000`` for a quicker run). It builds the three built-in workflows
(visit and online consultation from the Sumatera Selatan standard, paid product from
the Bengkulu standard and SOP) on each of the 38 provinces' calendars, walks a few
thousand random histories through them, and spreads copies of those histories over a
year (1,000,000 transactions, about 7 events each, times as ISO 8601 text with an
offset, as a database export has them). It then prints:

* the report's CPU time on one core (the process's own, so that a shared machine's
  other work does not count), events per second and peak memory above the data itself;
* time per transaction at a tenth, a third and all of the rows (linear growth shows as
  a flat column), and time per event for longer histories;
* how many rows differ between the columns engine and the Transaction-by-Transaction
  engine on a sample, and between a Dask run (local scheduler) and the one-process run.

Nothing here is asserted: the numbers are for reading, and the closing note quotes them.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import attrs
import numpy as np
import pandas as pd
from benchmarks.clocks import ticket

from pst_core.calendar import PROVINCES, WorkingCalendar
from pst_core.errors import PstError
from pst_core.reports import sla_report
from pst_core.standards import catalog
from pst_core.states import Transaction, Workflow
from pst_core.states.builtin import online_consultation, paid_product, visit

YEAR_START = datetime(2026, 1, 2, 1, 0, tzinfo=timezone.utc)
NOW = datetime(2027, 1, 15, tzinfo=timezone.utc)
DATA = (
    {},
    {"outcome": "complete", "product": "microdata"},
    {"outcome": "complete", "product": "publication"},
    {"outcome": "incomplete"},
    {"outcome": "mismatch"},
)


def national_workflows() -> list[Workflow]:
    """The three built-in workflows on every province's calendar (114 workflows)."""
    documents = catalog()
    consultation = documents.standard("sumsel-konsultasi")
    sale = documents.standard("bengkulu-penjualan")
    sop = documents.sop("bengkulu-sop-produk-berbayar")
    out = []
    for number, province in enumerate(PROVINCES.values()):
        calendar = WorkingCalendar.for_province(province.name)
        for workflow in (
            visit(consultation, calendar=calendar),
            online_consultation(consultation, calendar=calendar, service_starts="open"),
            paid_product(sale, sop=sop, calendar=calendar),
        ):
            base, _, rest = workflow.name.partition(":")
            out.append(attrs.evolve(workflow, name=f"{base}-p{number:02d}:{rest or 'x'}"))
    return out


def walk(workflow: Workflow, rng: random.Random, steps: int, *, stay: bool = False) -> Transaction:
    """A random history: events the workflow accepts, timers' events left out.

    With ``stay``, only events that keep the transaction open (long histories).
    """
    at = YEAR_START
    tx = Transaction.open(workflow, at=at, actor="user")
    timer_events = {t.event for t in workflow.timers}
    for _ in range(steps):
        events = [
            e
            for e in tx.allowed_events()
            if e not in timer_events
            and not (
                stay and all(workflow.is_terminal(t.target) for t in workflow.targets(tx.state, e))
            )
        ]
        if not events:
            break
        at += timedelta(minutes=rng.choice((3, 10, 45, 90, 60 * 6, 60 * 30, 60 * 80)))
        event = rng.choice(events)
        for data in rng.sample(DATA, len(DATA)):
            try:
                tx = tx.fire(event, at=at, actor="officer", data=data)
                break
            except PstError:  # that data does not fit the event: try the next
                continue
    return tx


def _finish(tx: Transaction, rng: random.Random) -> Transaction:
    """One or two more events, ending the history where the workflow allows."""
    timer_events = {t.event for t in tx.workflow.timers}
    at = tx.last_at
    for _ in range(2):
        events = [e for e in tx.allowed_events() if e not in timer_events]
        if not events:
            break
        at += timedelta(minutes=rng.choice((10, 60, 60 * 20)))
        event = rng.choice(events)
        for data in rng.sample(DATA, len(DATA)):
            try:
                tx = tx.fire(event, at=at, actor="officer", data=data)
                break
            except PstError:
                continue
    return tx


def templates(
    workflows: list[Workflow], per_workflow: int, seed: int = 7, *, steps: int = 0
) -> list[Any]:
    """A few random histories per workflow, as (workflow name, events) with offsets in µs.

    ``steps``: that many events each, kept open (0: between 3 and 9, ending as they may).
    """
    rng = random.Random(seed)
    out = []
    for workflow in workflows:
        for _ in range(per_workflow):
            tx = walk(workflow, rng, steps or rng.randrange(6, 11), stay=True)
            if not steps:  # then finish it as it may end
                tx = _finish(tx, rng)
            base = tx.history[0].at
            out.append(
                (
                    workflow.name,
                    [e.name for e in tx.history],
                    [(e.at - base) // timedelta(microseconds=1) for e in tx.history],
                    [e.actor for e in tx.history],
                    [json.dumps(dict(e.data)) if e.data else "" for e in tx.history],
                )
            )
    return out


def events_table(shapes: list[Any], transactions: int, seed: int = 11) -> pd.DataFrame:
    """``transactions`` copies of the template histories spread over 2026, as an export."""
    rng = np.random.default_rng(seed)
    chosen = rng.integers(0, len(shapes), transactions)
    shifts = rng.integers(0, 340 * 24 * 60, transactions) * 60_000_000
    lengths = np.asarray([len(shapes[k][1]) for k in chosen])
    rows = int(lengths.sum())
    flat = {
        key: np.concatenate([np.asarray(shapes[k][i], dtype=object) for k in chosen])
        for i, key in ((1, "event"), (3, "actor"), (4, "data"))
    }
    offsets = np.concatenate([np.asarray(shapes[k][2], dtype=np.int64) for k in chosen])
    start = (YEAR_START - datetime(1970, 1, 1, tzinfo=timezone.utc)) // timedelta(microseconds=1)
    micros = np.repeat(shifts, lengths) + offsets + start
    at = np.datetime_as_string(micros.astype("datetime64[us]"), unit="s", timezone="UTC")
    ids = np.repeat(np.char.add("T", np.arange(transactions).astype(str)), lengths)
    names = np.repeat(np.asarray([shapes[k][0] for k in chosen], dtype=object), lengths)
    assert len(at) == rows
    return pd.DataFrame(
        {
            "transaction": ids.astype(object),
            "workflow": names,
            "event": flat["event"],
            "at": at.astype(object),
            "actor": flat["actor"],
            "data": flat["data"],
        }
    )


def reset_peak() -> None:
    """Start the peak over from now (Linux: else the peak also counts building the input)."""
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
    except OSError:  # not Linux: the peak is the process's whole life's
        pass


def peak_mib() -> float:
    """The peak resident memory since `reset_peak` (Linux), else the process's."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def timed(
    frame: pd.DataFrame, workflows: list[Workflow], now: datetime = NOW, **kwargs: Any
) -> tuple[float, Any]:
    # CPU time of this process: the report runs on one core, and on a shared machine the
    # wall clock also counts the other processes' turns.
    start = time.process_time()
    report = sla_report(frame, now=now, workflows=workflows, **kwargs)
    return time.process_time() - start, report


def differing(a: pd.DataFrame, b: pd.DataFrame) -> int:
    if a.shape != b.shape:
        return max(len(a), len(b))
    same = (a == b) | (a.isna() & b.isna())
    return int((~same.all(axis=1)).sum())


def lines(args: argparse.Namespace) -> Iterator[str]:
    workflows = national_workflows()
    shapes = templates(workflows, per_workflow=20)
    frame = events_table(shapes, args.transactions)
    yield (
        f"synthetic year: {args.transactions:,} transactions, {len(frame):,} events, "
        f"{len(workflows)} workflows (3 built-in x 38 provinces), "
        f"{len(frame) / args.transactions:.1f} events per transaction"
    )
    # The 38 calendars' yearly indexes are built on first use (a fixed cost): warm them up.
    warm, _ = timed(frame[frame["transaction"].isin([f"T{i}" for i in range(5_000)])], workflows)
    yield f"warm-up (5,000 transactions, building every calendar's yearly index): {warm:.1f} s"
    base = rss_mib()
    reset_peak()  # the peak above the table is the report's, not the input generator's
    seconds, report = timed(frame, workflows)
    yield (
        f"report: {seconds:.1f} s CPU, {len(frame) / seconds:,.0f} events/s, "
        f"{len(report.table):,} clock cycles, peak memory {peak_mib():,.0f} MiB "
        f"({peak_mib() - base:,.0f} MiB above the loaded table)"
    )
    yield "scaling (µs of CPU per transaction):"
    for share in (10, 3):
        part = frame[
            frame["transaction"].isin([f"T{i}" for i in range(args.transactions // share)])
        ]
        took, _ = timed(part, workflows)
        count = args.transactions // share
        yield f"  {count:>9,} transactions: {took / count * 1e6:6.1f}"
    yield f"  {args.transactions:>9,} transactions: {seconds / args.transactions * 1e6:6.1f}"
    yield "history length (a ticket asking and answering in turn; µs per event, 2^18 events):"
    loop = attrs.evolve(ticket(), timers=())  # no timer: every history is the columns engine's
    for length in (8, 32, 128, 512):
        shape = templates([loop], 1, steps=length)
        long_frame = events_table(shape, 2**18 // len(shape[0][1]))
        took, _ = timed(long_frame, [loop], now=NOW + timedelta(days=3 * 365))
        yield f"  {len(shape[0][1]):4d} events per transaction: {took / len(long_frame) * 1e6:6.2f}"
    sample = frame[frame["transaction"].isin([f"T{i}" for i in range(2_000)])]
    _, fast = timed(sample, workflows)
    _, slow = timed(sample, workflows, engine="objects")
    wrong = differing(fast.table, slow.table)
    yield f"engines: {wrong} differing rows of {len(fast.table):,} (2,000 transactions)"
    try:
        import dask.dataframe as dd
    except ImportError:
        yield "dask: not installed (pip install 'pst-core[dask]')"
    else:
        part = frame[frame["transaction"].isin([f"T{i}" for i in range(50_000)])]
        start = time.perf_counter()
        spread = sla_report(dd.from_pandas(part, npartitions=8), now=NOW, workflows=workflows)
        took = time.perf_counter() - start
        _, single = timed(part, workflows)
        yield (
            f"dask (local scheduler, 8 partitions, 50,000 transactions): {took:.1f} s wall, "
            f"{differing(spread.table, single.table)} differing rows of {len(single.table):,}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transactions", type=int, default=1_000_000)
    args = parser.parse_args()
    for line in lines(args):
        print(line, flush=True)


if __name__ == "__main__":
    sys.exit(main())
