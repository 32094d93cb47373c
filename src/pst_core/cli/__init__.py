"""The ``pst-core`` command-line tool.

Each subcommand is one small module in this package exposing ``NAME``,
``HELP``, ``configure(parser)`` and ``run(args, out) -> int``; adding a
subcommand means writing that module and listing it in :data:`COMMANDS`.

Examples:
    >>> import io
    >>> out = io.StringIO()
    >>> main(["--version"], out=out)
    0
    >>> out.getvalue().startswith("pst-core ")
    True
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Protocol, TextIO

from pst_core._version import __version__
from pst_core.cli import (
    calendar,
    deadline,
    holidays,
    info,
    provinces,
    quote,
    report,
    standards,
    workflow,
)
from pst_core.errors import PstError

__all__ = ["COMMANDS", "Command", "build_parser", "main"]


class Command(Protocol):
    """What a subcommand module provides."""

    NAME: str
    HELP: str

    def configure(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace, out: TextIO) -> int: ...


COMMANDS: tuple[Command, ...] = (
    info,
    deadline,
    workflow,
    quote,
    standards,
    calendar,
    holidays,
    provinces,
    report,
)


class _VersionAction(argparse.Action):
    """``--version`` that writes to the ``out`` stream given to :func:`main`."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        out: TextIO = parser.get_default("_out")
        out.write(f"pst-core {__version__}\n")
        parser.exit(0)


def build_parser(out: TextIO) -> argparse.ArgumentParser:
    """The argument parser with every subcommand of :data:`COMMANDS`."""
    parser = argparse.ArgumentParser(
        prog="pst-core",
        description="Domain rules of BPS integrated statistical services (PST).",
    )
    parser.set_defaults(_out=out)
    parser.add_argument("--version", action=_VersionAction)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        sub = subparsers.add_parser(command.NAME, help=command.HELP, description=command.HELP)
        command.configure(sub)
        sub.set_defaults(_run=command.run)
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line; returns the process exit status.

    Errors of pst_core (bad dates, unknown names, malformed files) are printed
    as one line on standard error with exit status 2, not as a traceback.
    """
    stream = out if out is not None else sys.stdout
    parser = build_parser(stream)
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    if args.command is None:
        parser.print_help(stream)
        return 0
    try:
        status: int = args._run(args, stream)
    except PstError as err:
        print(f"pst-core {args.command}: error: {err}", file=sys.stderr)
        return 2
    return status
