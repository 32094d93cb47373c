"""``pst-core info``: versions and which years have holiday and cuti bersama data."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import TextIO
from zoneinfo import ZoneInfo

from pst_core._version import __version__
from pst_core.calendar.holidays import holidays_version, indonesian_holidays
from pst_core.cli._output import language_of
from pst_core.i18n import text

# The PST calendar's zone: "this year" is the year in Jakarta, not on the machine's clock.
_TODAY_ZONE = ZoneInfo("Asia/Jakarta")

NAME = "info"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``info``."""
    this_year = datetime.now(_TODAY_ZONE).year
    parser.add_argument(
        "--from",
        dest="first",
        type=int,
        default=this_year - 1,
        help="first year (default: last year)",
    )
    parser.add_argument(
        "--to", dest="last", type=int, default=this_year + 3, help="last year (default: in 3 years)"
    )


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print the versions and one line per year, in ``--lang``."""
    language = language_of(args)

    def say(key: str) -> str:
        return text(f"calendar.info.{key}", language)

    out.write(f"pst_core {__version__}\n")
    out.write(f"holidays {holidays_version()}\n")
    out.write(say("title") + "\n")
    heads = [say(k) for k in ("year", "national", "cuti_bersama", "estimated")]
    out.write(f"{heads[0]:>6} {heads[1]:>9} {heads[2]:>13} {heads[3]:>10}\n")
    for year in range(args.first, args.last + 1):
        table = indonesian_holidays(year)
        cuti = str(len(table.cuti_bersama)) if table.decreed else say("no_decree")
        out.write(f"{year:>6} {len(table.national):>9} {cuti:>13} {len(table.estimated):>10}\n")
        for holiday in table.estimated:
            name = holiday.name if language == "id" else holiday.name_en
            out.write(f"{'':>8}{say('estimated')}: {holiday.day.isoformat()} {name}\n")
    return 0
