"""``pst-core provinces``: Indonesia's 38 provinces with their time zones and short names."""

from __future__ import annotations

import argparse
from typing import TextIO

from pst_core.calendar import PROVINCES, province

NAME = "provinces"
HELP = "list the 38 provinces with their time zone (WIB, WITA, WIT) and the names accepted"

_HEAD = ("Provinsi / Province", "Zona / Zone", "Juga / Also")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``provinces``."""
    parser.add_argument(
        "name", nargs="?", help="show only the province this name finds (e.g. 'DKI', 'Babel')"
    )


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print one line per province: official and English name, zone label and IANA zone."""
    chosen = [province(args.name)] if args.name else list(PROVINCES.values())
    width = max(len(p.name) + len(p.name_en) + 3 for p in chosen)
    out.write(f"{_HEAD[0]:<{width}}  {_HEAD[1]:<20}  {_HEAD[2]}\n")
    for p in chosen:
        names = p.name if p.name == p.name_en else f"{p.name} ({p.name_en})"
        zone = f"{p.zone_label} {p.timezone}"
        out.write(f"{names:<{width}}  {zone:<20}  {', '.join(p.aliases)}".rstrip() + "\n")
    return 0
