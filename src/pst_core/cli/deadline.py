"""``pst-core deadline START DURATION``: when is it due on a unit's calendar, and why."""

from __future__ import annotations

import argparse
from typing import TextIO

from pst_core._validation import parse_instant
from pst_core.calendar import parse_duration
from pst_core.cli._output import language_of
from pst_core.cli.calendar import add_calendar_options, calendar_from

NAME = "deadline"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``deadline``."""
    parser.add_argument(
        "start",
        metavar="START",
        help="when the clock starts, ISO 8601 (2026-03-17T14:00+07:00); without an offset "
        "it is read in the calendar's zone (Asia/Jakarta unless --calendar, --province "
        "or --zone says otherwise)",
    )
    parser.add_argument(
        "duration", metavar="DURATION", help="e.g. '3 hari kerja', '10 menit', '7 (tujuh) hari'"
    )
    add_calendar_options(parser)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print `Deadline.describe` in ``--lang``: due, calendar, counting rule, days off."""
    calendar = calendar_from(args)
    duration = parse_duration(args.duration)
    # A wall-clock time is read in the calendar's zone, which the output then shows.
    start = parse_instant(args.start, "START", zone=calendar.timezone)
    out.write(calendar.deadline(start, duration).describe(language_of(args)) + "\n")
    return 0
