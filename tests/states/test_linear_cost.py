"""Reading a transaction costs time linear in the length of its history (issue 15).

Not timed: the test counts the Python function calls one reading makes (a
profiler hook), which grow in proportion to the history when the evaluation
folds it once, and in its square when it replays it per event.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

from benchmarks.clocks import history


def _calls(action: Callable[[], object]) -> int:
    count = 0

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        action()
    finally:
        sys.setprofile(None)
    return count


def test_reading_clocks_and_timers_is_linear_in_the_history() -> None:
    short, long = history(64), history(256)  # four times as many events
    for read in (
        lambda tx: tx.clocks(tx.last_at),
        lambda tx: tx.clock_cycles(tx.last_at),
        lambda tx: tx.due_timers(tx.last_at),
        lambda tx: type(tx).loads(tx.dumps(), format="json", workflows=tx.workflow),
    ):
        _calls(functools.partial(read, short))  # warm the calendar's yearly indexes
        ratio = _calls(functools.partial(read, long)) / _calls(functools.partial(read, short))
        assert ratio < 4 * 1.25, ratio  # quadratic would be about 16


def test_firing_one_more_event_does_not_replay_the_history() -> None:
    short, long = history(64), history(256)
    at = long.last_at
    fire_short = _calls(
        lambda: short.fire(
            "close" if short.state == "working" else "answer", at=at, actor="officer"
        )
    )
    fire_long = _calls(
        lambda: long.fire("close" if long.state == "working" else "answer", at=at, actor="officer")
    )
    assert fire_long <= fire_short * 1.25
