"""``pst-core provinces``: Indonesia's 38 provinces with their time zones and short names."""

from __future__ import annotations

import argparse
from typing import TextIO

from pst_core.calendar import PROVINCES, province
from pst_core.cli._output import add_json_option, language_of, write_json
from pst_core.i18n import text

NAME = "provinces"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``provinces``."""
    parser.add_argument(
        "name",
        metavar="NAME",
        nargs="?",
        help="show only the province this name or BPS code finds (e.g. 'DKI', 'Babel', '17')",
    )
    add_json_option(parser)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print one line per province: official (and English) name, zone, BPS code, other names.

    ``--json`` prints a list of `Province.to_data`.
    """
    language = language_of(args)
    chosen = [province(args.name)] if args.name else list(PROVINCES.values())
    if getattr(args, "json", False):
        write_json(out, [p.to_data() for p in chosen])
        return 0
    head = [text(f"calendar.provinces.{k}", language) for k in ("province", "zone", "also")]
    code = text("cli.provinces.code", language)
    width = max(len(p.name) + len(p.name_en) + 3 for p in chosen)
    out.write(f"{head[0]:<{width}}  {head[1]:<20}  {code:<4}  {head[2]}\n")
    for p in chosen:
        # The English name is a help to English readers, not a second Indonesian name.
        english = language == "en" and p.name != p.name_en
        names = f"{p.name} ({p.name_en})" if english else p.name
        zone = f"{p.zone_label} {p.timezone}"
        line = f"{names:<{width}}  {zone:<20}  {p.code:<4}  {', '.join(p.aliases)}"
        out.write(line.rstrip() + "\n")
    return 0
