"""The ``pst-core`` command-line tool.

Each subcommand is one small module in this package exposing ``NAME``,
``HELP`` (a one-line description, shown in ``--help``), ``configure(parser)``
and ``run(args, out) -> int``; adding a subcommand means writing that module
and listing it in `COMMANDS`.

What every subcommand can rely on:

* ``args.language`` is the `Language` of results and errors: ``--lang id|en``
  (accepted before or after the subcommand), else Indonesian when the locale is
  Indonesian (``LC_ALL``, ``LC_MESSAGES`` or ``LANG`` = ``id_*``), else English.
  The language is read from the command line before argparse parses it, so
  argparse's own usage errors are said in it too. Help texts stay English.
* Results go to ``out``; errors never do. A `PstError` escaping ``run`` is
  printed as one line on standard error, ``pst-core COMMAND: error: ...``
  (``kesalahan`` in Indonesian) with the error's `~pst_core.errors.PstError.describe`
  in the language, and the exit status is 1; a usage error (unknown option, bad
  value, ``--from`` after ``--to``) exits with 2.
* No traceback reaches the user: a reader that closes the pipe
  (``pst-core info | head -1``) ends the run quietly with status 141, a closed
  standard output or a failed write is one line on standard error with status 1,
  text the terminal's encoding cannot show is replaced, Ctrl-C exits with 130,
  and an unexpected exception (a bug) is reported in one line with status 70
  (set ``PST_CORE_TRACEBACK=1`` to see the traceback).

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
import importlib
import os
import sys
import typing
import warnings
from collections.abc import Mapping, Sequence
from typing import Any, NoReturn, Protocol, TextIO

import attrs

from pst_core._version import __version__
from pst_core.cli import _output
from pst_core.cli._usage import say_usage_error
from pst_core.errors import PstError
from pst_core.i18n import LANGUAGES, Language, text

__all__ = ["COMMANDS", "Command", "build_parser", "main"]

PROG = "pst-core"

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70  # EX_SOFTWARE of sysexits.h: a bug in pst_core, not in the input
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports Ctrl-C
_SHOWN = 200  # characters of an unexpected exception's message shown in its one line

_LANG_HELP = (
    "language of results and errors: id (Bahasa Indonesia) or en (English); "
    "default: id when the locale is Indonesian (LANG=id_ID...), else en"
)


class Command(Protocol):
    """What a subcommand provides: its name, its help line, its options and its run."""

    @property
    def NAME(self) -> str: ...  # noqa: N802 - the subcommand modules' constant

    @property
    def HELP(self) -> str: ...  # noqa: N802 - the subcommand modules' constant

    def configure(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace, out: TextIO) -> int: ...


@attrs.frozen
class _Lazy:
    """A subcommand whose module is imported only when it is configured or run.

    ``pst-core deadline`` then imports the calendar, not the standards, tariffs,
    states and reports behind the other subcommands: a first answer stays fast.
    """

    NAME: str
    HELP: str
    module: str

    def _module(self) -> Any:
        return importlib.import_module(f"pst_core.cli.{self.module}")

    def configure(self, parser: argparse.ArgumentParser) -> None:
        """Add the subcommand's options (importing its module)."""
        self._module().configure(parser)

    def run(self, args: argparse.Namespace, out: TextIO) -> int:
        """Run the subcommand (importing its module)."""
        status: int = self._module().run(args, out)
        return status


COMMANDS: tuple[Command, ...] = (
    _Lazy("info", "show versions and the years for which Indonesian holidays are known", "info"),
    _Lazy(
        "deadline",
        "compute a deadline on the PST working calendar (or a unit's calendar file) and "
        "describe it",
        "deadline",
    ),
    _Lazy(
        "latest-start",
        "by when must it start (working time) or be received (working days) to be due by "
        "DUE, and why",
        "latest_start",
    ),
    _Lazy(
        "workflow", "list, show (as a Mermaid diagram) and check transaction workflows", "workflow"
    ),
    _Lazy("quote", "price products under a PNBP tariff schedule file and decide Rp0", "quote"),
    _Lazy(
        "standards",
        "list, show, lint, render and dump service standards (standar pelayanan) and SOPs",
        "standards",
    ),
    _Lazy(
        "calendar",
        "show a month of the working calendar: holidays, cuti bersama, closures, special hours",
        "calendar",
    ),
    _Lazy(
        "holidays",
        "list a year's national holidays, cuti bersama and closures, with their source",
        "holidays",
    ),
    _Lazy(
        "provinces",
        "list the 38 provinces with their time zone (WIB, WITA, WIT) and the names accepted",
        "provinces",
    ),
    _Lazy(
        "report",
        "reports over many transactions or survey responses: sla (compliance), ikm (satisfaction)",
        "report",
    ),
)


class _SubParsers(argparse._SubParsersAction):  # type: ignore[type-arg]
    """Subcommands showing their one-line help as description, and taking ``--lang``."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        if "help" in kwargs:
            kwargs.setdefault("description", kwargs["help"])
        parser: argparse.ArgumentParser = super().add_parser(name, **kwargs)
        # ``--lang`` after the subcommand too; SUPPRESS keeps an earlier value when absent.
        parser.add_argument(
            "--lang", dest="language", choices=LANGUAGES, default=argparse.SUPPRESS, help=_LANG_HELP
        )
        return parser


class _Parser(argparse.ArgumentParser):
    """An argument parser writing help to ``stdout`` and errors to ``stderr`` of one run."""

    stdout: TextIO
    stderr: TextIO | None
    language: Language

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("action", _SubParsers)
        return super().add_subparsers(**kwargs)

    def print_help(self, file: Any = None) -> None:
        super().print_help(self.stdout if file is None else file)

    def print_usage(self, file: Any = None) -> None:
        super().print_usage(self.stdout if file is None else file)

    def format_usage(self) -> str:
        # argparse's own, with the "usage: " prefix in the language of the run.
        formatter = self._get_formatter()
        prefix = text("cli.main.usage", self.language)
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups, prefix)
        return formatter.format_help()

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            _output.write_error(self.stderr, message.rstrip("\n"))
        raise SystemExit(status)

    def error(self, message: str) -> NoReturn:
        if self.stderr is not None:
            self.print_usage(self.stderr)
        # argparse reports from inside its ``except``: a ``type=`` function's PstError is the
        # context of the ArgumentError it handles, and says itself better than argparse can.
        handled = sys.exc_info()[1]
        said = say_usage_error(message, self.language, getattr(handled, "__context__", None))
        self.exit(EXIT_USAGE, _output.error_line(self.prog, said, self.language))


class _VersionAction(argparse.Action):
    """``--version`` that writes to the ``out`` stream given to `main`."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        out: TextIO = getattr(parser, "stdout", sys.stdout)
        out.write(f"{PROG} {__version__}\n")
        parser.exit(0)


def build_parser(
    out: TextIO,
    err: TextIO | None = None,
    *,
    language: Language = "en",
    only: str | None = None,
) -> argparse.ArgumentParser:
    """The argument parser with every subcommand of `COMMANDS`.

    Help and ``--version`` are written to ``out``, usage errors to ``err``
    (default: standard error) in ``language``. With ``only``, just that
    subcommand gets its options (the others are listed with their help line; with
    ``only=""`` none does).
    """

    class Parser(_Parser):
        stdout = out
        stderr = sys.stderr if err is None else err

    Parser.language = language
    parser = Parser(
        prog=PROG,
        description="Domain rules of BPS integrated statistical services (PST).",
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument("--lang", dest="language", choices=LANGUAGES, help=_LANG_HELP)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        sub = subparsers.add_parser(command.NAME, help=command.HELP, description=command.HELP)
        if only is None or only == command.NAME:
            command.configure(sub)
        sub.set_defaults(_run=command.run)
    return parser


def _chosen(argv: Sequence[str]) -> str | None:
    """The subcommand named on the command line, before parsing it (``--lang X`` skipped)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def _language_hint(argv: Sequence[str], environ: Mapping[str, str]) -> Language:
    """The language asked for on the command line, before (or without) parsing it."""
    for index, arg in enumerate(argv):
        value = None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGUAGES:
            return "id" if value == "id" else "en"
    return _output.locale_language(environ)


def _year_range_problem(args: argparse.Namespace) -> str | None:
    """A reversed ``--from``/``--to`` pair (``first``/``last``, as ``info`` names them)."""
    first, last = getattr(args, "first", None), getattr(args, "last", None)
    if isinstance(first, int) and isinstance(last, int) and first > last:
        return text("cli.main.year_range", args.language, first=first, last=last)
    return None


def _run(argv: Sequence[str], stream: TextIO, err: TextIO | None, language: Language) -> int:
    # Everything a command prints goes through one filter (`_output.terminal_safe`). Only the
    # subcommand named gets its options (and imports its module): with none named (``--help``,
    # ``--version``), none does, and the answer imports nothing it does not say.
    out = typing.cast(TextIO, _output.TerminalSafe(stream))
    parser = build_parser(out, err, language=language, only=_chosen(argv) or "")
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    if args.language is None:
        args.language = language
    if args.command is None:
        parser.print_help(out)
        return EXIT_OK
    prog = f"{PROG} {args.command}"
    problem = _year_range_problem(args)
    if problem is not None:
        _output.write_error(err, _output.error_line(prog, problem, args.language))
        return EXIT_USAGE
    # A warning of pst_core's own (it says itself: a calendar file's) is one line in the
    # language asked for; any other is shown as Python would have shown it.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UserWarning)  # each file's warning, every time
        try:
            status: int = args._run(args, out)
        except PstError as error:
            said = error.describe(args.language)
            _output.write_error(err, _output.error_line(prog, said, args.language))
            status = EXIT_FAILURE
    for warning in caught:
        describe = getattr(warning.message, "describe", None)
        if callable(describe):
            said = describe(args.language)
            _output.write_error(err, _output.warning_line(prog, said, args.language))
        else:
            warnings.showwarning(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    return status


def _fail(status: int, language: Language, key: str, **fields: object) -> int:
    """Say the message ``key`` as one error line on standard error; return ``status``."""
    message = text(key, language, **fields)
    _output.write_error(sys.stderr, _output.error_line(PROG, message, language))
    return status


def _unexpected(bug: Exception, language: Language, *, owned: bool) -> int:
    """An exception no command meant to raise: a failed write (1) or a bug (70), one line."""
    if isinstance(bug, OSError) and bug.filename is None and owned:
        # A write to standard output failed (a full disk, a revoked descriptor).
        return _fail(EXIT_FAILURE, language, "cli.main.write_failed", reason=bug.strerror or bug)
    message = str(bug)
    if len(message) > _SHOWN:
        message = f"{message[: _SHOWN - 20]}... ({len(message)} characters)"
    kind = type(bug).__name__
    return _fail(EXIT_INTERNAL, language, "cli.main.internal", kind=kind, message=message)


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line; returns the process exit status.

    ``out`` receives the results (default: standard output, made safe for a
    terminal that cannot show every character). Errors go to standard error
    as one line, never to ``out``; see the module documentation for the exit
    statuses.
    """
    owned = out is None
    stream: TextIO | None = sys.stdout if out is None else out
    arguments = list(sys.argv[1:] if argv is None else argv)
    language = _language_hint(arguments, os.environ)
    if owned:
        _output.prepare(stream, sys.stderr)
    if stream is None:  # the shell closed it: pst-core ... >&-
        return _fail(EXIT_FAILURE, language, "cli.main.stdout_closed")
    try:
        status = _run(arguments, stream, sys.stderr, language)
        stream.flush()
    except BrokenPipeError:
        if owned:
            _output.silence_stdout()
        return _output.BROKEN_PIPE
    except KeyboardInterrupt:
        return _fail(EXIT_INTERRUPTED, language, "cli.main.interrupted")
    except Exception as bug:
        if os.environ.get("PST_CORE_TRACEBACK"):
            raise
        return _unexpected(bug, language, owned=owned)
    return status
