"""``pst-core deadline START DURATION``: when is it due on a unit's calendar, and why."""

from __future__ import annotations

import argparse
import re
from typing import TextIO

from pst_core._validation import parse_instant
from pst_core.calendar import parse_duration
from pst_core.cli._output import add_json_option, language_of, write_json
from pst_core.cli.calendar import add_calendar_options, calendar_from
from pst_core.i18n import text

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
    add_json_option(parser)


_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print `Deadline.describe` in ``--lang``: due, calendar, counting rule, days off.

    A START without a time of day (``2026-03-17``) is read as the start of that day
    in the calendar's zone, and the answer says so first: counting then begins when
    the office opens that day (the day of receipt itself is never a working day
    counted by ``hari kerja``). ``--json`` prints `Deadline.to_data` instead.
    """
    calendar = calendar_from(args)
    language = language_of(args)
    duration = parse_duration(args.duration)
    # A wall-clock time is read in the calendar's zone, which the output then shows.
    start = parse_instant(args.start, "START", zone=calendar.timezone)
    deadline = calendar.deadline(start, duration)
    if getattr(args, "json", False):
        write_json(out, deadline.to_data())
        return 0
    if _DATE_ONLY.fullmatch(args.start.strip()):
        said = text("cli.deadline.day_start", language, day=args.start.strip())
        out.write(text("cli.deadline.date_only", language, start=said) + "\n")
    out.write(deadline.describe(language) + "\n")
    return 0
