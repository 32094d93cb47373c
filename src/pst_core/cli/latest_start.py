"""``pst-core latest-start DUE DURATION``: by when must it start, or be received, to be due
in time, and why."""

from __future__ import annotations

import argparse
from typing import TextIO

from pst_core._validation import parse_instant
from pst_core.calendar import WorkingDays, WorkingTime, parse_duration
from pst_core.cli._output import add_json_option, language_of, write_json
from pst_core.cli.calendar import add_calendar_options, calendar_from
from pst_core.errors import InvalidValueError, Phrase

NAME = "latest-start"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``latest-start``."""
    parser.add_argument(
        "due",
        metavar="DUE",
        help="the deadline, ISO 8601 (2026-03-27T16:00+07:00); without an offset it is read "
        "in the calendar's zone (Asia/Jakarta unless --calendar, --province or --zone says "
        "otherwise)",
    )
    parser.add_argument(
        "duration",
        metavar="DURATION",
        help="working time or working days, e.g. '1 jam', '90 menit', '3 hari kerja'",
    )
    add_calendar_options(parser)
    add_json_option(parser)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print `LatestStart.describe` in ``--lang``: latest start, calendar, rule, days off
    (``--json``: `LatestStart.to_data`)."""
    calendar = calendar_from(args)
    duration = parse_duration(args.duration)
    if not isinstance(duration, (WorkingTime, WorkingDays)):
        raise InvalidValueError("DURATION", args.duration, Phrase("cli.allowed.working_duration"))
    due = parse_instant(args.due, "DUE", zone=calendar.timezone)
    answer = calendar.latest_start(due, duration)
    if getattr(args, "json", False):
        write_json(out, answer.to_data())
        return 0
    out.write(answer.describe(language_of(args)) + "\n")
    return 0
