"""``pst-core report KIND ...``: reports over many requests or survey responses.

Each kind of report is one `ReportKind` in `KINDS` (a name, a help line,
``configure(parser)`` and ``run(args, out) -> int``): today ``ikm``, the
satisfaction index of PermenPAN-RB 14/2017, and ``sla``, SLA compliance over
many transactions (a progress line on a terminal's standard error, none when piped).

Results go to standard output (or ``--output``), errors to standard error with
exit status 1 (2 for a usage error), both in the language of ``--lang``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from typing import NamedTuple, TextIO

from pst_core._files import write_text_atomic
from pst_core._validation import literal_values, parse_instant, require_ascii_digits
from pst_core.cli._output import error_line
from pst_core.errors import BadRowsError, InvalidValueError, Phrase, PstError, SurveyDataError
from pst_core.i18n import Language, number, text
from pst_core.reports import (
    SLA_DIMENSIONS,
    InvalidPolicy,
    Report,
    Weight,
    ikm_report,
    sla_report,
)

__all__ = ["KINDS", "NAME", "ReportKind", "configure", "run"]

NAME = "report"

FORMATS = ("table", "csv", "markdown", "html")
_SHOWN_PROBLEMS = 20


class ReportKind(NamedTuple):
    """One kind of report: ``pst-core report NAME ...``."""

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, TextIO], int]


# The ``type=`` functions below raise a PstError: argparse reports it as a usage error
# (status 2) and the command line says it in the language of --lang.


def _columns(value: str) -> tuple[str, ...]:
    columns = tuple(part.strip() for part in value.split(","))
    if not all(columns):
        raise InvalidValueError("--group-by", value, Phrase("cli.allowed.columns"))
    return columns


def _population(value: str) -> int:
    require_ascii_digits(value, "--population")
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        allowed = Phrase("errors.allowed.whole_number_at_least", minimum=1)
        raise InvalidValueError("--population", value, allowed)
    return int(value)


def _instant(value: str) -> datetime:
    return parse_instant(value, "--now")


def _add_group_by(
    parser: argparse.ArgumentParser, default: tuple[str, ...], metavar: str, said: str
) -> None:
    parser.add_argument("--group-by", type=_columns, default=default, metavar=metavar, help=said)


def _add_bad_input_and_output(parser: argparse.ArgumentParser, invalid: str) -> None:
    """What every kind has last: ``--invalid``, ``--format`` and ``--output``.

    The language is ``--lang``, an option of ``pst-core`` itself.
    """
    parser.add_argument(
        "--invalid", choices=literal_values(InvalidPolicy), default="raise", help=invalid
    )
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (table)")
    parser.add_argument("--output", metavar="FILE", help="write the report to FILE")


def _configure_ikm(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="survey CSV: columns U1..U9 scored 1-4")
    said = "comma-separated grouping columns, e.g. period,unit (none: the whole survey)"
    _add_group_by(parser, (), "COLUMNS", said)
    parser.add_argument(
        "--population",
        type=_population,
        metavar="N",
        help="service users the survey stands for: checks the Krejcie-Morgan minimum sample",
    )
    parser.add_argument(
        "--weight",
        choices=literal_values(Weight),
        default="exact",
        help="weight of each element: exact 1/9 (default) or the rounded 0.111",
    )
    _add_bad_input_and_output(
        parser, "missing or out-of-range scores: stop and list them (raise), or skip and count"
    )


def _configure_sla(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        metavar="FILE",
        help="events table (.csv or .parquet: transaction, workflow, event, at, actor, data) "
        "or saved transactions (.jsonl)",
    )
    parser.add_argument(
        "--now",
        type=_instant,
        metavar="INSTANT",
        help="read the clocks at this instant (ISO 8601 with offset; default: the current time)",
    )
    said = f"comma-separated: {', '.join(SLA_DIMENSIONS)} (default month,clock)"
    _add_group_by(parser, ("month", "clock"), "GROUPS", said)
    parser.add_argument(
        "--workflow",
        action="append",
        default=[],
        metavar="FILE",
        help="a workflow file the transactions follow (repeatable; default: the built-in ones)",
    )
    parser.add_argument(
        "--user-clocks",
        action="store_true",
        help="also report the clocks of the user's own time (e.g. the SOP's 5 minutes to rate), "
        "apart from the office's (the summary groups by party first)",
    )
    _add_bad_input_and_output(
        parser, "rows that cannot be used: stop and name them (raise), or skip, count and list"
    )


def _fail(args: argparse.Namespace, message: str, details: Sequence[str] = ()) -> int:
    """Print an error (and its details) on standard error; exit status 1."""
    print(error_line(f"pst-core {NAME} {args.report}", message, args.language), file=sys.stderr)
    for line in details[:_SHOWN_PROBLEMS]:
        print(f"  {line}", file=sys.stderr)
    if len(details) > _SHOWN_PROBLEMS:
        more = text("reports.problem.more", args.language, count=len(details) - _SHOWN_PROBLEMS)
        print(f"  {more}", file=sys.stderr)
    return 1


def _emit(args: argparse.Namespace, out: TextIO, report: Report) -> int:
    """Write ``report`` in the format asked for, to ``--output`` or ``out``."""
    language: Language = args.language
    if args.format == "csv":
        content = report.to_csv()
    elif args.format == "markdown":
        content = report.to_markdown(language)
    elif args.format == "html":
        content = report.to_html(language)
    else:
        content = report.describe(language)
    if args.output is None:
        out.write(content)
        return 0
    try:
        write_text_atomic(args.output, content)
    except PstError as err:  # a folder, a missing folder, no permission
        return _fail(args, err.describe(language))
    out.write(text("reports.written", args.language, path=args.output) + "\n")
    return 0


def _run_ikm(args: argparse.Namespace, out: TextIO) -> int:
    language: Language = args.language
    try:
        report = ikm_report(
            args.file,
            group_by=args.group_by,
            weight=args.weight,
            invalid=args.invalid,
            population=args.population,
        )
    except SurveyDataError as err:
        message = text("reports.error.survey", language, file=err.file, count=len(err.problems))
        return _fail(args, message, [p.describe(language) for p in err.problems])
    except PstError as err:
        return _fail(args, err.describe(language))
    return _emit(args, out, report)


def _progress(language: Language) -> Callable[[int, int], None]:
    """A progress line on standard error: transactions read so far, of how many."""

    def count(value: int) -> str:  # thousands grouped as each language writes them
        return number(value, language)

    def show(done: int, total: int) -> None:
        said = text("cli.report.progress", language, done=count(done), total=count(total))
        sys.stderr.write(f"\r{said}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def _run_sla(args: argparse.Namespace, out: TextIO) -> int:
    from pst_core.states import Workflow

    language: Language = args.language
    now = args.now or datetime.now(timezone.utc)
    try:
        workflows = [Workflow.load(path) for path in args.workflow] or None
        report = sla_report(
            args.file,
            now=now,
            workflows=workflows,
            group_by=args.group_by,
            invalid=args.invalid,
            progress=_progress(language) if sys.stderr.isatty() else None,
            parties=("office", "user") if args.user_clocks else ("office",),
        )
    except BadRowsError as err:
        rows = [row.describe(language) for row in err.rows[1:]]
        return _fail(args, err.describe(language), rows)
    except PstError as err:
        return _fail(args, err.describe(language))
    return _emit(args, out, report)


KINDS: tuple[ReportKind, ...] = (
    ReportKind(
        "ikm",
        "satisfaction index (IKM) of PermenPAN-RB 14/2017 from a survey CSV",
        _configure_ikm,
        _run_ikm,
    ),
    ReportKind(
        "sla",
        "SLA compliance: every clock of many transactions, met or breached, by month and clock",
        _configure_sla,
        _run_sla,
    ),
)


def configure(parser: argparse.ArgumentParser) -> None:
    """Add one sub-command per kind of report."""
    kinds = parser.add_subparsers(dest="report", metavar="REPORT", required=True)
    for kind in KINDS:
        sub = kinds.add_parser(kind.name, help=kind.help, description=kind.help)
        kind.configure(sub)
        sub.set_defaults(_report=kind.run)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Run the report kind chosen on the command line."""
    status: int = args._report(args, out)
    return status
