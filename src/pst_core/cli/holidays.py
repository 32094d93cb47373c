"""``pst-core holidays YEAR``: the year's days off with kind and source, estimates marked."""

from __future__ import annotations

import argparse
from typing import TextIO

from pst_core.calendar.holidays import holidays_version, indonesian_holidays
from pst_core.calendar.views import label
from pst_core.cli.calendar import add_calendar_options, calendar_from

NAME = "holidays"
HELP = "list a year's national holidays, cuti bersama and closures, with their source"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``holidays``."""
    parser.add_argument("year", type=int, help="the year, e.g. 2026")
    add_calendar_options(parser)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print one line per day off: date, kind, name (Indonesian / English) and source."""
    calendar = calendar_from(args)
    table = calendar.holidays(args.year)
    package = indonesian_holidays(args.year)
    version = f"holidays {holidays_version()}"
    where = f"{calendar.name}, " if calendar.name else ""
    out.write(f"{label('holidays_title')} {args.year} ({where}{calendar.timezone.key})\n")
    counted = {"national": calendar.national_holidays, "cuti_bersama": calendar.cuti_bersama}
    for holiday in table.holidays:
        name = holiday.name_id
        if holiday.name != holiday.name_id:
            name += f" / {holiday.name}"
        notes = []
        if holiday.estimated:
            notes.append(label("estimated"))
        if not counted[holiday.kind]:
            notes.append(label("not_counted"))
        if holiday.decree:
            source = f"{holiday.decree} ({calendar.source or 'calendar'})"
            if any(h.kind == holiday.kind and not h.estimated for h in package.on(holiday.day)):
                notes.append(label("in_package"))
        else:
            source = version
        note = f"  [{'; '.join(notes)}]" if notes else ""
        out.write(f"  {holiday.day:%Y-%m-%d %a}  {label(holiday.kind):<34}  {name}{note}")
        out.write(f"  <- {source}\n")
    for decreed in calendar.decreed:
        if decreed.action == "remove" and decreed.day.year == args.year:
            out.write(
                f"  {decreed.day:%Y-%m-%d %a}  {label('removed'):<34}  {decreed.name}"
                f"  <- {decreed.decree}\n"
            )
    for closure in calendar.closures:
        if closure.start.year <= args.year <= closure.end.year:
            span = f"{closure.start:%Y-%m-%d %a}"
            if closure.end != closure.start:
                span += f" – {closure.end:%Y-%m-%d %a}"
            out.write(f"  {span}  {label('closure'):<34}  {closure.reason}")
            out.write(f"  <- {calendar.source or 'calendar'}\n")
    decree = label("decreed") if table.decreed else label("no_decree")
    cited = f": {', '.join(table.decrees)}" if table.decrees else f" ({version})"
    out.write(f"{decree}{cited}\n")
    return 0
