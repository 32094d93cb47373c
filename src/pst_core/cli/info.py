"""``pst-core info``: versions and which years have holiday and cuti bersama data."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TextIO

from pst_core._version import __version__
from pst_core.calendar.holidays import holidays_version, indonesian_holidays

NAME = "info"
HELP = "show versions and the years for which Indonesian holidays are known"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``info``."""
    this_year = date.today().year
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
    """Print the versions and one line per year."""
    out.write(f"pst_core {__version__}\n")
    out.write(f"holidays {holidays_version()}\n")
    out.write("Indonesian holidays (libur nasional) and cuti bersama per year:\n")
    out.write(f"{'year':>6} {'national':>9} {'cuti bersama':>13} {'estimated':>10}\n")
    for year in range(args.first, args.last + 1):
        table = indonesian_holidays(year)
        cuti = str(len(table.cuti_bersama)) if table.decreed else "no decree"
        out.write(f"{year:>6} {len(table.national):>9} {cuti:>13} {len(table.estimated):>10}\n")
        for holiday in table.estimated:
            out.write(f"{'':>8}estimated: {holiday.day.isoformat()} {holiday.name}\n")
    return 0
