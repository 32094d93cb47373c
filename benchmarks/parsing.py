"""Phrase readers against input length: durations, rupiah amounts, instants (issue 24).

Run from the repository root as a module: ``PYTHONPATH=src python -m benchmarks.parsing``.
Each reader refuses text longer than ``MAX_PHRASE_CHARACTERS`` (200) before parsing, so
its time stays flat past the cap; below it, time grows with the length. Each line is
the time to read (or refuse) one phrase of that many characters, in microseconds.
"""

from __future__ import annotations

import contextlib
import timeit
from collections.abc import Callable

from pst_core._validation import MAX_PHRASE_CHARACTERS, parse_instant
from pst_core.calendar import parse_duration
from pst_core.errors import PstError
from pst_core.tariffs.money import parse_rupiah

LENGTHS = (20, 100, MAX_PHRASE_CHARACTERS, 1_000, 10_000, 100_000, 1_000_000)


def _phrases(length: int) -> dict[str, tuple[Callable[[str], object], str]]:
    """One hostile phrase per reader, about ``length`` characters long."""
    return {
        "duration 'tiga tiga ... hari'": (parse_duration, "tiga " * (length // 5) + "hari"),
        "duration '1 jam 1 jam ...'": (parse_duration, "1 jam " * (length // 6)),
        "rupiah 'Rp1.000.000...'": (parse_rupiah, "Rp1" + ".000" * (length // 4)),
        "instant '2026-03-17T...'": (
            lambda text: parse_instant(text, "at"),
            "2026-03-17T09:00" + "0" * length + "+07:00",
        ),
    }


def _time(read: Callable[[str], object], text: str) -> float:
    def once() -> None:
        with contextlib.suppress(PstError):
            read(text)

    runs = 3 if len(text) > 10_000 else 30
    return min(timeit.repeat(once, number=1, repeat=runs)) * 1e6


def main() -> None:
    """Print one table: reader and length against microseconds per phrase."""
    print(f"{'reader':<32} {'characters':>10} {'microseconds':>14}")
    for length in LENGTHS:
        for name, (read, text) in _phrases(length).items():
            print(f"{name:<32} {len(text):>10} {_time(read, text):>14.1f}")


if __name__ == "__main__":
    main()
