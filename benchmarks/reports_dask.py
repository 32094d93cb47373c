"""The SLA report of a partitioned Parquet events table on a local Dask cluster (issue 25).

Run from the repository root: ``PYTHONPATH=src python -m benchmarks.reports_dask
--transactions 1000000`` (needs the ``dask`` extra and ``distributed``). It writes the
synthetic year of `benchmarks.reports` as Parquet files of ``--per-file`` transactions
each (written a file at a time, so the generator never holds the whole input), reads
them back with ``dask.dataframe.read_parquet``, reports them on a local cluster of
``--workers`` single-threaded worker processes, and prints the wall time, each
worker's peak memory, and (with ``--compare``) how many rows differ from the report
of the same files in one process.

Nothing here is asserted: the numbers are for reading, and the closing note quotes them.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
from benchmarks.reports import NOW, differing, events_table, national_workflows, templates

from pst_core.reports import sla_report


def _worker_peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_parts(folder: Path, transactions: int, per_file: int) -> int:
    """The synthetic year as Parquet files of ``per_file`` transactions; returns the events."""
    workflows = national_workflows()
    shapes = templates(workflows, per_workflow=20)
    events = 0
    for number, first in enumerate(range(0, transactions, per_file)):
        count = min(per_file, transactions - first)
        part = events_table(shapes, count, seed=11 + number)
        part["transaction"] = "P" + str(number).zfill(4) + "-" + part["transaction"]
        part.index = pd.RangeIndex(events, events + len(part))
        part.to_parquet(folder / f"part-{number:04d}.parquet")
        events += len(part)
    return events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transactions", type=int, default=1_000_000)
    parser.add_argument("--per-file", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--compare", action="store_true")
    args = parser.parse_args()
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    workflows = national_workflows()
    with tempfile.TemporaryDirectory() as folder:
        events = write_parts(Path(folder), args.transactions, args.per_file)
        print(
            f"input: {args.transactions:,} transactions, {events:,} events, "
            f"{len(list(Path(folder).glob('*.parquet')))} Parquet files",
            flush=True,
        )
        with (
            LocalCluster(
                n_workers=args.workers, threads_per_worker=1, processes=True, memory_limit=0
            ) as cluster,
            Client(cluster) as client,
        ):
            start = time.perf_counter()
            report = sla_report(dd.read_parquet(folder), now=NOW, workflows=workflows)
            took = time.perf_counter() - start
            peaks = client.run(_worker_peak_mib)
        print(
            f"dask ({args.workers} worker processes, 1 thread each): {took:.1f} s wall, "
            f"{len(report.table):,} rows, {took / args.transactions * 1e6:.1f} µs per "
            "transaction (wall)",
            flush=True,
        )
        for worker, peak in sorted(peaks.items()):
            print(f"  worker {worker}: peak {peak:,.0f} MiB", flush=True)
        if args.compare:
            start = time.process_time()
            single = sla_report(folder_frame(Path(folder)), now=NOW, workflows=workflows)
            took = time.process_time() - start
            print(
                f"one process: {took:.1f} s CPU; "
                f"{differing(report.table, single.table)} differing rows of {len(single.table):,}",
                flush=True,
            )


def folder_frame(folder: Path) -> pd.DataFrame:
    """Every Parquet file of ``folder`` as one events table (in file order)."""
    return pd.concat(
        [pd.read_parquet(path) for path in sorted(folder.glob("*.parquet"))], ignore_index=True
    )


if __name__ == "__main__":
    sys.exit(main())
