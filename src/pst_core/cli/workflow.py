"""``pst-core workflow``: list, show and check transaction workflows.

* ``pst-core workflow list`` — the built-in workflows;
* ``pst-core workflow show NAME`` — a Mermaid state diagram of a built-in workflow
  (``visit``, ``online-consultation:sumsel-konsultasi``...) or of a workflow file;
* ``pst-core workflow check FILE`` — validate a unit's own workflow file (TOML or
  JSON); exits 0 and prints a summary when it is valid, 2 with the error otherwise.

Example:
    >>> import io
    >>> from pst_core.cli import main
    >>> out = io.StringIO()
    >>> main(["workflow", "show", "visit"], out=out)
    0
    >>> print(out.getvalue())  # doctest: +ELLIPSIS
    stateDiagram-v2
    ...
        waiting --> next_in_line: desk-free
    ...
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from pst_core.cli._output import language_of
from pst_core.i18n import Language, text
from pst_core.states.builtin import BUILTIN, builtin_workflow
from pst_core.states.workflow import Workflow

NAME = "workflow"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the ``list``, ``show`` and ``check`` sub-subcommands.

    Example:
        >>> parser = argparse.ArgumentParser(prog="workflow")
        >>> configure(parser)
        >>> parser.parse_args(["check", "unit.toml"]).file
        PosixPath('unit.toml')
    """
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="list the built-in workflows")
    show = actions.add_parser("show", help="print a workflow's Mermaid state diagram")
    show.add_argument(
        "name",
        metavar="NAME",
        help="a built-in name (optionally NAME:STANDARD-ID) or a .toml/.json workflow file",
    )
    show.add_argument(
        "--fenced", action="store_true", help="wrap the diagram in a ```mermaid fence"
    )
    check = actions.add_parser("check", help="validate a workflow file (.toml or .json)")
    check.add_argument("file", metavar="FILE", type=Path, help="the workflow file")


def _workflow(name: str) -> Workflow:
    if Path(name).suffix.lower() in (".toml", ".json"):
        return Workflow.load(name)
    return builtin_workflow(name)


def _summary(workflow: Workflow, language: Language) -> str:
    def say(key: str, **fields: object) -> str:
        return text(f"cli.workflow.{key}", language, **fields)

    lines = [
        say(
            "summary",
            name=workflow.name,
            states=len(workflow.states),
            events=len(workflow.events),
            transitions=len(workflow.transitions),
            clocks=len(workflow.clocks),
            timers=len(workflow.timers),
        ),
        say("initial", state=workflow.initial.name),
        say("terminal", states=", ".join(s.name for s in workflow.terminals)),
        say(
            "calendar",
            zone=workflow.calendar.timezone.key,
            fingerprint=workflow.calendar.fingerprint,
            role_check=say(f"role_check.{workflow.role_check}"),
        ),
    ]
    lines += [
        say("clock", name=c.name, goal=c.goal.describe(language), starts=", ".join(c.starts_on))
        for c in workflow.clocks
    ]
    lines += [
        say("timer", name=t.name, event=t.event, after=t.after.describe(language))
        for t in workflow.timers
    ]
    return "\n".join(lines)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Run the chosen action; library errors propagate to `pst_core.cli.main` (exit 1).

    Example:
        >>> import io
        >>> out = io.StringIO()
        >>> run(argparse.Namespace(action="list"), out)
        0
        >>> out.getvalue().splitlines()[0]
        'visit: Direct visit (kunjungan langsung) to the PST desk'
        >>> run(argparse.Namespace(action="list", language="id"), out)
        0
        >>> out.getvalue().splitlines()[-5]
        'visit: Kunjungan langsung ke meja PST'
    """
    language = language_of(args)
    if args.action == "list":
        for name in BUILTIN:
            out.write(f"{name}: {text(f'display.builtin.{name}', language)}\n")
        out.write(text("cli.workflow.standard_hint", language) + "\n")
        return 0
    if args.action == "show":
        diagram = _workflow(args.name).to_mermaid()
        out.write(f"```mermaid\n{diagram}\n```\n" if args.fenced else f"{diagram}\n")
        return 0
    workflow = Workflow.load(args.file)
    out.write(text("cli.workflow.valid", language, file=args.file) + "\n")
    out.write(_summary(workflow, language) + "\n")
    return 0
