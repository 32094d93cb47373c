"""``pst-core deadline START DURATION``: when is it due on the PST calendar, and why."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import TextIO

import attrs

from pst_core._validation import require_aware
from pst_core.calendar import WorkingCalendar, parse_duration
from pst_core.errors import InvalidValueError

NAME = "deadline"
HELP = "compute a deadline on the PST working calendar and explain it"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``deadline``."""
    parser.add_argument(
        "start",
        help="when the clock starts, ISO 8601 with an offset (2026-03-17T14:00+07:00); "
        "without one only together with --zone or --province",
    )
    parser.add_argument("duration", help="e.g. '3 hari kerja', '10 menit', '7 (tujuh) hari'")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--zone", help="IANA time zone of the unit (default Asia/Jakarta)")
    where.add_argument("--province", help="province of the unit, e.g. 'Bengkulu' or 'Bali'")
    parser.add_argument(
        "--no-cuti-bersama",
        action="store_true",
        help="count collective leave (cuti bersama) as working days",
    )


def _calendar(args: argparse.Namespace) -> WorkingCalendar:
    if args.province:
        calendar = WorkingCalendar.for_province(args.province)
    else:
        calendar = WorkingCalendar.pst(args.zone or "Asia/Jakarta")
    if args.no_cuti_bersama:
        calendar = attrs.evolve(calendar, cuti_bersama=False)
    return calendar


def _start(text: str, calendar: WorkingCalendar, *, explicit_zone: bool) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidValueError(
            "START", text, "an ISO 8601 date-time such as 2026-03-17T14:00+07:00"
        ) from None
    # A wall-clock time is read in the unit's zone only when the user named that zone.
    if moment.tzinfo is None and explicit_zone:
        moment = moment.replace(tzinfo=calendar.timezone)
    return require_aware(moment, "START (add an offset such as +07:00, or --zone/--province)")


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print the due instant, whether it is provisional and why, and the skipped days."""
    calendar = _calendar(args)
    duration = parse_duration(args.duration)
    start = _start(args.start, calendar, explicit_zone=bool(args.zone or args.province))
    deadline = calendar.deadline(start, duration)
    out.write(f"start:       {deadline.start.isoformat()}\n")
    out.write(f"duration:    {duration} ({duration.label_id})\n")
    out.write(f"due:         {deadline.due.isoformat()}  ({deadline.due:%A})\n")
    out.write(f"provisional: {'yes' if deadline.provisional else 'no'}\n")
    for reason in deadline.reasons:
        out.write(f"  - {reason}\n")
    out.write(f"skipped:     {len(deadline.skipped)} non-working day(s)\n")
    for skipped in deadline.skipped:
        out.write(f"  {skipped.day:%a %Y-%m-%d}  {skipped.kind:<12}  {skipped.reason}")
        if skipped.reason_id and skipped.reason_id != skipped.reason:
            out.write(f" ({skipped.reason_id})")
        out.write("\n")
    return 0
