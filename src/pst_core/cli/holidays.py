"""``pst-core holidays YEAR``: the year's days off with kind and source, estimates marked."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from pst_core.calendar.holidays import holidays_version, indonesian_holidays
from pst_core.cli._output import add_json_option, language_of, write_json
from pst_core.cli.calendar import add_calendar_options, calendar_from
from pst_core.i18n import text

if TYPE_CHECKING:
    from pst_core.calendar import WorkingCalendar

NAME = "holidays"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``holidays``."""
    parser.add_argument("year", metavar="YEAR", type=int, help="the year, e.g. 2026")
    add_calendar_options(parser)
    add_json_option(parser)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print one line per day off in ``--lang``: date, kind, name and source."""
    language = language_of(args)

    def say(key: str, **fields: object) -> str:
        return text(f"calendar.{key}", language, **fields)

    calendar = calendar_from(args)
    table = calendar.holidays(args.year)
    if getattr(args, "json", False):
        write_json(out, table.to_data())
        return 0
    package = indonesian_holidays(args.year)
    version = f"holidays {holidays_version()}"
    own = calendar.source or say("view.calendar_file")
    where = f"{calendar.name}, " if calendar.name else ""
    out.write(say("view.holidays_title", year=args.year, where=where + calendar.timezone.key))
    out.write("\n")
    counted = {"national": calendar.national_holidays, "cuti_bersama": calendar.cuti_bersama}
    for holiday in table.holidays:
        name = holiday.name if language == "id" else holiday.name_en
        notes = []
        if holiday.estimated:
            notes.append(say("estimated"))
        if not counted[holiday.kind]:
            notes.append(say("view.not_counted"))
        if holiday.decree:
            source = f"{holiday.decree} ({own})"
            if any(h.kind == holiday.kind and not h.estimated for h in package.on(holiday.day)):
                notes.append(say("view.in_package"))
        elif holiday.estimated:
            source = say("view.source_estimated", package=version)
        else:
            source = say("view.source_decree", package=version)
        note = f"  [{'; '.join(notes)}]" if notes else ""
        kind = say(f"kind.{holiday.kind}")
        out.write(f"  {holiday.day:%Y-%m-%d}  {kind:<18}  {name}{note}  <- {source}\n")
    _write_removed(calendar, args.year, language, say, out)
    _write_closures(calendar, args.year, own, say, out)
    decree = say("view.decreed") if table.decreed else say("view.no_decree")
    cited = f": {', '.join(table.decrees)}" if table.decrees else f" ({version})"
    out.write(f"{decree}{cited}\n")
    return 0


def _write_removed(
    calendar: WorkingCalendar, year: int, language: str, say: Callable[..., str], out: TextIO
) -> None:
    """One line per holiday a decree in the calendar file removes in ``year``."""
    for decreed in calendar.decreed:
        if decreed.action == "remove" and decreed.day.year == year:
            name = decreed.name if language == "id" else decreed.name_en or decreed.name
            removed = say("view.removed")
            out.write(f"  {decreed.day:%Y-%m-%d}  {removed:<18}  {name}  <- {decreed.decree}\n")


def _write_closures(
    calendar: WorkingCalendar, year: int, own: str, say: Callable[..., str], out: TextIO
) -> None:
    """One line per office closure of the calendar file that touches ``year``."""
    for closure in calendar.closures:
        if closure.start.year <= year <= closure.end.year:
            span = f"{closure.start:%Y-%m-%d}"
            if closure.end != closure.start:
                span += f" – {closure.end:%Y-%m-%d}"
            out.write(f"  {span}  {say('kind.closure'):<18}  {closure.reason}  <- {own}\n")
