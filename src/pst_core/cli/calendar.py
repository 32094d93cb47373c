"""``pst-core calendar [YYYY-MM]``: a month of a unit's calendar as a grid, like ``cal``.

Without a month it shows the current one in the office's zone (``--today``, when
given, chooses it instead), as ``cal`` does.

Also home of the options every calendar-aware subcommand shares: ``--calendar FILE``,
``--province NAME`` and ``--zone ZONE``.
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from typing import TextIO

import attrs

from pst_core._validation import require_ascii_digits
from pst_core.calendar import WorkingCalendar
from pst_core.cli._output import add_json_option, language_of, write_json
from pst_core.errors import InvalidValueError, Phrase

NAME = "calendar"


def add_calendar_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--calendar FILE | --province NAME | --zone ZONE`` and ``--no-cuti-bersama``."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--calendar",
        metavar="FILE",
        help="the unit's calendar file (.toml or .json): zone, hours, Ramadan periods, "
        "closures, decreed days (default: the PST calendar)",
    )
    where.add_argument(
        "--province",
        help="province of the unit, e.g. 'Bengkulu', 'DKI', 'DIY', 'NTB' (sets the zone)",
    )
    where.add_argument("--zone", help="time zone of the unit: IANA name or WIB, WITA, WIT")
    parser.add_argument(
        "--no-cuti-bersama",
        action="store_true",
        help="count collective leave (cuti bersama) as working days",
    )


def calendar_from(args: argparse.Namespace) -> WorkingCalendar:
    """The calendar the options name (the PST calendar in WIB by default)."""
    # ``is not None``: an empty --zone "" (or --province, --calendar) is refused, not the default.
    if getattr(args, "calendar", None) is not None:
        calendar = WorkingCalendar.load(args.calendar)
    elif getattr(args, "province", None) is not None:
        calendar = WorkingCalendar.for_province(args.province)
    else:
        zone = getattr(args, "zone", None)
        calendar = WorkingCalendar.pst("Asia/Jakarta" if zone is None else zone)
    if getattr(args, "no_cuti_bersama", False):
        calendar = attrs.evolve(calendar, cuti_bersama=False)
    return calendar


def _month(text: str) -> tuple[int, int]:
    require_ascii_digits(text, "YYYY-MM")
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip(), re.ASCII)
    if match is None or not 1 <= int(match[2]) <= 12:
        raise InvalidValueError("YYYY-MM", text, Phrase("cli.allowed.month"))
    return int(match[1]), int(match[2])


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidValueError("--today", text, Phrase("cli.allowed.date")) from None


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``calendar``."""
    parser.add_argument(
        "month",
        metavar="YYYY-MM",
        nargs="?",
        help="the month, e.g. 2026-03 (default: this month in the unit's zone)",
    )
    add_calendar_options(parser)
    parser.add_argument(
        "--today", help="the day to mark as today (default: today's date in the unit's zone)"
    )
    parser.add_argument(
        "--html", action="store_true", help="print the month as an HTML table instead"
    )
    add_json_option(parser)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print the month grid with the month's days off and special hours."""
    from datetime import datetime

    calendar = calendar_from(args)
    today = _day(args.today) if args.today else datetime.now(calendar.timezone).date()
    year, month = _month(args.month) if args.month else (today.year, today.month)
    view = calendar.month(year, month)
    if getattr(args, "json", False):
        write_json(out, view.to_data())
        return 0
    if calendar.name:
        out.write(f"{calendar.name}\n")
    language = language_of(args)
    if args.html:
        out.write(view.html(language, today=today) + "\n")
    else:
        out.write(view.describe(language, today=today) + "\n")
    return 0
