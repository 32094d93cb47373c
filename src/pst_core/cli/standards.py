"""``pst-core standards``: list, show, lint and render service standards and SOPs.

* ``list`` — the documents of the built-in catalog;
* ``show ID|FILE`` — a summary of one document;
* ``lint [FILE...]`` — the linter's findings on files, or on the whole catalog;
  exit status 1 when there is an error-severity finding or a file cannot be read;
* ``render ID|FILE`` — Markdown in the layout of the published document.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from pst_core.errors import DataFileError
from pst_core.standards import (
    Channel,
    Document,
    ServiceStandard,
    StandardOperatingProcedure,
    catalog,
    get,
    lint,
    load,
    render_markdown,
)

NAME = "standards"
HELP = "list, show, lint and render service standards (standar pelayanan) and SOPs"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the ``list``, ``show``, ``lint`` and ``render`` actions."""
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="list the built-in catalog")
    show = actions.add_parser("show", help="summarise one document")
    show.add_argument("document", metavar="ID|FILE", help="a catalog id or a .toml/.json file")
    check = actions.add_parser("lint", help="check documents for defects (default: the catalog)")
    check.add_argument("files", nargs="*", metavar="FILE", help=".toml or .json files")
    render = actions.add_parser("render", help="print a document as Markdown")
    render.add_argument("document", metavar="ID|FILE", help="a catalog id or a .toml/.json file")


def _document(name: str) -> Document:
    if Path(name).suffix.lower() in (".toml", ".json"):
        return load(name)
    return get(name)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Run one action; see the module docstring for exit statuses."""
    if args.action == "list":
        return _list(out)
    if args.action == "show":
        _show(_document(args.document), out)
        return 0
    if args.action == "lint":
        return _lint(args.files, out)
    out.write(render_markdown(_document(args.document)))
    return 0


def _list(out: TextIO) -> int:
    for doc_id, document in catalog().items():
        if isinstance(document, ServiceStandard):
            kind, title = "standard", document.service
        else:
            kind, title = "sop", f"{document.name} ({document.number})"
        out.write(f"{doc_id:<30} {kind:<9} {document.unit.name}: {title}\n")
    return 0


def _show(document: Document, out: TextIO) -> None:
    unit = document.unit
    lines = [f"{document.id}: {unit.name} ({unit.level}, {unit.province})"]
    if isinstance(document, StandardOperatingProcedure):
        lines += [f"SOP {document.number}: {document.name}", f"approved {document.approved}"]
        for step in document.steps:
            time = step.quality.time_text or "-"
            lines.append(f"  {step.number}. [{step.actor}] ({time}) {step.text_id}")
        if document.service_hours is not None:
            lines.append(f"service hours: {document.service_hours.describe()}")
        if document.appointment is not None:
            lines.append(f"appointment lead time: {document.appointment.lead_time_text!r}")
    else:
        lines += [f"service: {document.service}", f"decree: {document.decree!r}"]
        for channel in Channel:
            required = ", ".join(r.id for r in document.requirements_for(channel)) or "-"
            lines.append(f"{channel}: requirements: {required}")
            for completion in document.completion_times:
                if completion.channel is channel:
                    text = (
                        f"{channel}: completion: {completion.duration} ({completion.clock_starts})"
                    )
                    if completion.max_service is not None:
                        text += f"; one service at most {completion.max_service}"
                    if completion.inactivity is not None:
                        rule = completion.inactivity
                        text += f"; closed by the {rule.closed_by} after {rule.duration} idle"
                    lines.append(text)
            for procedure in document.procedures:
                if procedure.channel is channel:
                    lines.append(f"{channel}: procedure: {len(procedure.steps)} steps")
        fee = document.fee
        lines.append(
            f"fee: {fee.kind}" + (f" ({'; '.join(fee.legal_basis)})" if fee.legal_basis else "")
        )
        lines += [f"product: {p.text_id}" for p in document.products]
        lines += [f"complaints ({c.kind}): {c.address}" for c in document.complaints]
    out.write("\n".join(lines) + "\n")


def _lint(files: list[str], out: TextIO) -> int:
    sources: list[tuple[str, Document]] = []
    status = 0
    if not files:
        sources = list(catalog().items())
    for name in files:
        try:
            sources.append((name, load(name)))
        except DataFileError as err:
            out.write(f"{err}\n")
            status = 1
    errors = warnings = 0
    for source, document in sources:
        for finding in lint(document):
            out.write(f"{source}: {finding.location}: {finding.code} {finding.severity}: ")
            out.write(f"{finding.message}\n")
            errors += finding.severity == "error"
            warnings += finding.severity == "warning"
    out.write(f"{len(sources)} documents: {errors} errors, {warnings} warnings\n")
    return 1 if errors or status else 0
