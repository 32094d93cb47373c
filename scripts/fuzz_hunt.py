"""A long randomized fuzz hunt over every entry point and command: counts, not a test.

``PYTHONPATH=src python -m scripts.fuzz_hunt`` (or with ``PST_CORE_HUNT_CASES=100000``,
the default) spreads that many generated cases evenly over the library entry points of
``tests/test_fuzz.py``'s ``ENTRY_POINTS`` and its command-line seeds, with a fresh random
seed, and never stops at an escape: it counts every case and every exception that is not
a ``PstError`` (for the command line: every run ending other than 0, 1 or 2, or printing
a traceback), then prints the counts and the first escapes of each target. Not run in
CI: it takes long. Interrupt it (Ctrl-C) to print the counts so far.
"""

from __future__ import annotations

import collections
import contextlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from tests.test_fuzz import CLI_SEEDS, ENTRY_POINTS, cli_argv, run_cli

from pst_core.errors import PstError

TOTAL = int(os.environ.get("PST_CORE_HUNT_CASES", "100000"))
cases: collections.Counter[str] = collections.Counter()
escapes: collections.Counter[str] = collections.Counter()
examples: dict[str, list[str]] = collections.defaultdict(list)


def _hunt(name: str, strategy: Any, run: Any, per_target: int) -> None:
    @settings(
        max_examples=per_target,
        deadline=None,
        database=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
    )
    @given(arguments=strategy)
    def check(arguments: Any) -> None:
        cases[name] += 1
        problem = run(arguments)
        if problem is not None:
            escapes[name] += 1
            if len(examples[name]) < 3:
                examples[name].append(problem[:300])

    try:
        check()
    except Exception as harness:  # a strategy that cannot draw: reported, not fatal
        escapes[f"{name} (harness)"] += 1
        examples[f"{name} (harness)"].append(f"{type(harness).__name__}: {str(harness)[:200]}")


def _library(entry: Any) -> Any:
    def run(arguments: tuple[Any, ...]) -> str | None:
        try:
            entry.call(*arguments)
        except PstError:
            return None
        except Exception as bug:
            return f"{type(bug).__name__}: {str(bug)[:200]}"
        return None

    return run


def _command(arguments: list[str]) -> str | None:
    result = run_cli(arguments)
    if result.status not in (0, 1, 2) or "Traceback" in result.err + result.out:
        return f"status {result.status}: {result.err[:200]}"
    return None


def main() -> None:
    """Hunt, then print the counts as JSON."""
    commands = sorted({seed[0] for seed in CLI_SEEDS})
    targets = len(ENTRY_POINTS) + len(commands)
    per_target = max(1, TOTAL // targets)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder, contextlib.suppress(KeyboardInterrupt):
        for entry in ENTRY_POINTS:
            _hunt(entry.name, entry.arguments, _library(entry), per_target)
            print(
                f"{entry.name}: {cases[entry.name]} cases, {escapes[entry.name]} escapes",
                file=sys.stderr,
                flush=True,
            )
        for command in commands:
            seeds = [seed for seed in CLI_SEEDS if seed[0] == command]
            name = f"cli {command}"
            _hunt(name, cli_argv(Path(folder), seeds).filter(bool), _command, per_target)
            print(
                f"{name}: {cases[name]} cases, {escapes[name]} escapes", file=sys.stderr, flush=True
            )
    summary = {
        "cases": sum(cases.values()),
        "escapes": sum(escapes.values()),
        "targets": targets,
        "seconds": round(time.perf_counter() - started),
        "by_target": {name: [cases[name], escapes[name]] for name in cases},
        "examples": examples,
    }
    print(json.dumps(summary, indent=1, ensure_ascii=True))


if __name__ == "__main__":
    main()
