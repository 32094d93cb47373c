"""SLA clocks over long histories: time per reading, by history length (issue 15).

Run from the repository root as a module, so that ``benchmarks/calendar.py`` does
not shadow the standard library: ``PYTHONPATH=src python -m benchmarks.clocks``.
A ticket goes back and forth between the officer and the user (each hand-over
pauses or resumes the clock); the table prints the time to read every clock and
timer at the end and to replay the history, and the clock time per event, which
stays flat when the cost is linear.
"""

from __future__ import annotations

import functools
import timeit
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from pst_core.calendar.durations import WorkingDays, WorkingTime
from pst_core.states import Clock, State, Timer, Transaction, Transition, Workflow, replay

WIB = ZoneInfo("Asia/Jakarta")
LENGTHS = (64, 256, 1024)


def ticket() -> Workflow:
    """Work, wait on the user (paused), with a no-response timer while waiting."""
    return Workflow(
        "ticket",
        states=(
            State("working", initial=True),
            State("waiting"),
            State("closed", terminal=True),
        ),
        transitions=(
            Transition("working", "ask", "waiting"),
            Transition("waiting", "answer", "working"),
            Transition("waiting", "give-up", "closed"),
            Transition("working", "close", "closed"),
        ),
        clocks=(
            Clock(
                "resolution",
                WorkingDays(3),
                starts_on=("open",),
                stops_on=("closed",),
                paused_in=("waiting",),
            ),
            Clock("first-reply", WorkingTime(60), starts_on=("open",), stops_on=("ask",)),
        ),
        timers=(Timer("no-response", "give-up", WorkingDays(3), in_states=("waiting",)),),
    )


def history(events: int) -> Transaction:
    """A transaction of ``events`` events: open, then ask/answer every 7 minutes."""
    at = datetime(2026, 3, 2, 8, 0, tzinfo=WIB)
    tx = Transaction.open(ticket(), at=at, actor="user")
    for index in range(1, events):
        at += timedelta(minutes=7)
        tx = tx.fire("ask" if index % 2 else "answer", at=at, actor="officer")
    return tx


def _best(action: Callable[[], object], runs: int) -> float:
    """Microseconds per call, the best of five rounds."""
    return min(timeit.repeat(action, number=runs, repeat=5)) / runs * 1e6


def main() -> None:
    """Print the table."""
    print(f"{'events':>7} {'clocks µs':>11} {'µs/event':>9} {'timers µs':>10} {'replay µs':>10}")
    for length in LENGTHS:
        tx = history(length)
        runs = max(3, 2000 // length)
        clocks = _best(functools.partial(tx.clocks, tx.last_at), runs)
        timers = _best(functools.partial(tx.due_timers, tx.last_at), runs)
        again = _best(functools.partial(replay, tx.workflow, tx.history), runs)
        print(f"{length:>7} {clocks:>11.0f} {clocks / length:>9.2f} {timers:>10.0f} {again:>10.0f}")


if __name__ == "__main__":
    main()
