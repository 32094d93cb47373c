"""``pst-core standards``: list, show, lint, render and dump service standards and SOPs.

* ``list``: the documents of the built-in catalog;
* ``show ID|FILE``: a summary of one document;
* ``lint [FILE...] [--fail-on error|warning|info]``: the linter's findings on
  files, or on the whole catalog; exit status 1 when a finding is at or above
  ``--fail-on`` (default ``warning``), 2 when a file cannot be read;
* ``render ID|FILE``: Markdown in the layout of the published document;
* ``dump ID FILE``: write a catalog document to a ``.toml`` or ``.json`` file,
  a starting point for an office's own standard.
"""

from __future__ import annotations

import argparse
import sys
import typing
from pathlib import Path
from typing import TextIO

from pst_core.cli._output import error_line, language_of
from pst_core.errors import DataFileError
from pst_core.i18n import Language, text
from pst_core.standards import (
    ServiceStandard,
    Severity,
    StandardOperatingProcedure,
    catalog,
    lint,
    read_document,
    term,
)

NAME = "standards"

_SEVERITIES: tuple[str, ...] = typing.get_args(Severity)

Document = ServiceStandard | StandardOperatingProcedure


def _action(
    actions: argparse._SubParsersAction[argparse.ArgumentParser], name: str, summary: str
) -> argparse.ArgumentParser:
    return actions.add_parser(
        name, help=summary, description=summary[0].upper() + summary[1:] + "."
    )


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the ``list``, ``show``, ``lint``, ``render`` and ``dump`` actions."""
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    _action(actions, "list", "list the documents of the built-in catalog")
    show = _action(actions, "show", "summarise one document")
    show.add_argument("document", metavar="ID|FILE", help="a catalog id or a .toml/.json file")
    check = _action(actions, "lint", "check documents for defects (default: the whole catalog)")
    check.add_argument("files", nargs="*", metavar="FILE", help=".toml or .json files")
    check.add_argument(
        "--fail-on",
        choices=_SEVERITIES,
        default="warning",
        help="exit with status 1 when a finding is at least this severe (default: warning)",
    )
    render = _action(actions, "render", "print a document as Markdown, in its published layout")
    render.add_argument("document", metavar="ID|FILE", help="a catalog id or a .toml/.json file")
    dump = _action(actions, "dump", "write a catalog document to a .toml or .json file")
    dump.add_argument("document", metavar="ID", help="a catalog id")
    dump.add_argument("file", metavar="FILE", help="the .toml or .json file to write")


def _from_catalog(name: str) -> Document:
    documents = catalog()
    if name in documents.sops:
        return documents.sop(name)
    return documents.standard(name)  # an unknown id: the error suggests close ids


def _document(name: str) -> Document:
    if Path(name).suffix.lower() in (".toml", ".json"):
        return read_document(name)
    return _from_catalog(name)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Run one action; see the module docstring for exit statuses."""
    language = language_of(args)
    if args.action == "list":
        return _list(language, out)
    if args.action == "show":
        _show(_document(args.document), language, out)
        return 0
    if args.action == "lint":
        return _lint(args.files, args.fail_on, language, out)
    if args.action == "dump":
        _from_catalog(args.document).dump(args.file)
        out.write(text("standards.cli.dumped", language, id=args.document, file=args.file) + "\n")
        return 0
    out.write(_document(args.document).describe(language))
    return 0


def _list(language: Language, out: TextIO) -> int:
    documents = catalog()
    kind = {k: text(f"cli.standards.kind.{k}", language) for k in ("standard", "sop")}
    for doc_id, standard in documents.standards.items():
        out.write(
            f"{doc_id:<30} {kind['standard']:<9} {standard.office.name}: {standard.service}\n"
        )
    for doc_id, sop in documents.sops.items():
        out.write(f"{doc_id:<30} {kind['sop']:<9} {sop.office.name}: {sop.name} ({sop.number})\n")
    return 0


def _show(document: Document, language: Language, out: TextIO) -> None:
    lines = [f"{document.id}: {document.office.describe(language)}"]
    if isinstance(document, StandardOperatingProcedure):
        lines += [f"SOP {document.number}: {document.name}", f"{document.approved}"]
        for step in document.steps:
            time = step.quality.time_text or "-"
            actor = term("actor", step.actor, language)
            lines.append(f"  {step.number}. [{actor}] ({time}) {step.text}")
        if document.hours is not None:
            lines.append(document.hours.describe(language))
        if document.appointment is not None:
            lines.append(document.appointment.text)
    else:
        lines += [document.service]
        if document.decree is not None:
            lines.append(f"{text('standards.leaflet.decree', language)} : {document.decree}")
        for channel in document.channels:
            name = term("channel", channel, language)
            required = "; ".join(r.describe(language) for r in document.requirements_for(channel))
            lines.append(f"{name}: {required or '-'}")
            for completion in document.completion_times:
                if completion.channel == channel:
                    lines.append(completion.describe(language))
        fee = document.fee
        basis = f" ({'; '.join(fee.legal_basis)})" if fee.legal_basis else ""
        lines.append(term("fee_kind", fee.kind, language) + basis)
        lines += [p.describe(language) for p in document.products]
        lines += [c.describe(language) for c in document.complaints]
    out.write("\n".join(lines) + "\n")


def _lint(files: list[str], fail_on: str, language: Language, out: TextIO) -> int:
    sources: list[tuple[str, Document]] = []
    unreadable = False
    if not files:
        documents = catalog()
        sources = [(doc_id, _from_catalog(doc_id)) for doc_id in documents.ids]
    for name in files:
        try:
            sources.append((name, read_document(name)))
        except DataFileError as err:
            said = err.describe(language)
            print(error_line("pst-core standards lint", said, language), file=sys.stderr)
            unreadable = True
    if unreadable:  # nothing is linted until every file reads: no partial verdict
        return 1
    counts = dict.fromkeys(_SEVERITIES, 0)
    for source, document in sources:
        for finding in lint(document):
            severity = text(f"standards.severity.{finding.severity}", language)
            out.write(f"{source}: {finding.location}: {finding.code} {severity}: ")
            out.write(f"{finding.describe(language)}\n")
            counts[finding.severity] += 1
    out.write(
        text(
            "standards.cli.lint_summary",
            language,
            documents=len(sources),
            errors=counts["error"],
            warnings=counts["warning"],
            infos=counts["info"],
        )
        + "\n"
    )
    failing = _SEVERITIES[: _SEVERITIES.index(fail_on) + 1]
    return 1 if any(counts[s] for s in failing) else 0
