"""``pst-core deadline START DURATION``: when is it due on a unit's calendar, and why."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import TextIO

from pst_core._validation import require_aware
from pst_core.calendar import WorkingCalendar, parse_duration
from pst_core.cli._output import language_of
from pst_core.cli.calendar import add_calendar_options, calendar_from
from pst_core.errors import InvalidValueError

NAME = "deadline"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``deadline``."""
    parser.add_argument(
        "start",
        help="when the clock starts, ISO 8601 (2026-03-17T14:00+07:00); without an offset "
        "it is read in the calendar's zone (Asia/Jakarta unless --calendar, --province "
        "or --zone says otherwise)",
    )
    parser.add_argument("duration", help="e.g. '3 hari kerja', '10 menit', '7 (tujuh) hari'")
    add_calendar_options(parser)


def _start(text: str, calendar: WorkingCalendar) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidValueError(
            "START", text, "an ISO 8601 date-time such as 2026-03-17T14:00+07:00"
        ) from None
    # A wall-clock time is read in the calendar's zone, which the output then shows.
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=calendar.timezone)
    return require_aware(moment, "START")


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print `Deadline.describe` in ``--lang``: due, calendar, counting rule, days off."""
    calendar = calendar_from(args)
    duration = parse_duration(args.duration)
    start = _start(args.start, calendar)
    out.write(calendar.deadline(start, duration).describe(language_of(args)) + "\n")
    return 0
