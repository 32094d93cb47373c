"""``pst-core provinces``: Indonesia's 38 provinces with their time zones and short names."""

from __future__ import annotations

import argparse
from typing import TextIO

from pst_core.calendar import PROVINCES, province
from pst_core.cli._output import language_of
from pst_core.i18n import text

NAME = "provinces"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``provinces``."""
    parser.add_argument(
        "name",
        metavar="NAME",
        nargs="?",
        help="show only the province this name finds (e.g. 'DKI', 'Babel')",
    )


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print one line per province: official and English name, zone label and IANA zone."""
    language = language_of(args)
    head = [text(f"calendar.provinces.{k}", language) for k in ("province", "zone", "also")]
    chosen = [province(args.name)] if args.name else list(PROVINCES.values())
    width = max(len(p.name) + len(p.name_en) + 3 for p in chosen)
    out.write(f"{head[0]:<{width}}  {head[1]:<20}  {head[2]}\n")
    for p in chosen:
        # The English name is a help to English readers, not a second Indonesian name.
        english = language == "en" and p.name != p.name_en
        names = f"{p.name} ({p.name_en})" if english else p.name
        zone = f"{p.zone_label} {p.timezone}"
        out.write(f"{names:<{width}}  {zone:<20}  {', '.join(p.aliases)}".rstrip() + "\n")
    return 0
