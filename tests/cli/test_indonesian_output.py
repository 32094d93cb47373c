"""With ``--lang id`` no English word reaches standard output or standard error.

Every command runs here, on its success paths and its error paths, in Indonesian;
what it prints is checked against an English word list (`tests.english`). Help
texts may stay English and are not run; names and values (ids, file paths,
quoted values, codes) are not words and are left out by the checker.

A new subcommand or option that prints something belongs in `RUNS`:
`test_every_command_runs_here` fails until it is listed.
"""

from __future__ import annotations

import contextlib
import io
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest

from pst_core import cli
from pst_core.standards import ServiceStandard
from pst_core.states.builtin import BUILTIN, builtin_workflow
from pst_core.states.workflow import Workflow
from pst_core.tariffs.schedule import TariffSchedule
from tests.english import assert_indonesian

ROOT = Path(__file__).parents[2]
EXAMPLES = ROOT / "examples"
RESOURCES = ROOT / "tests" / "resources"
SCHEDULE = str(EXAMPLES / "illustrative_schedule.toml")
EVENTS = str(EXAMPLES / "events.csv")
SURVEY = str(EXAMPLES / "survey.csv")
LOAN = str(RESOURCES / "states" / "library-loan.toml")
CLOSURE = str(EXAMPLES / "calendar-closure.toml")
NOW = "2026-07-01T00:00+07:00"


def _names(workflow: Workflow) -> set[str]:
    """A workflow's own names (states, events, clocks, timers): identifiers, not words."""
    return {
        *(s.name for s in workflow.states),
        *workflow.events,
        *(c.name for c in workflow.clocks),
        *(name for c in workflow.clocks for name in (*c.starts_on, *c.stops_on, *c.cancels_on)),
        *(t.name for t in workflow.timers),
    }


# Names a result shows as names: the workflows' ids and the names inside them.
IDENTIFIERS = frozenset(
    {*BUILTIN, "library-loan"}
    | _names(Workflow.load(LOAN))
    | {name for base in BUILTIN for name in _names(builtin_workflow(base))}
    | {"source"}  # the reports' parameter an error names (sla_report(source=...))
)

# What a user's own file says, in the words its author chose: a tariff schedule's title
# and legal basis, a calendar's name, a published standard's own text ("Website").
_SCHEDULE = TariffSchedule.load(SCHEDULE)
DATA = {
    "quote": (_SCHEDULE.title, _SCHEDULE.legal_basis),
    "calendar": ("Contoh kantor / Example office",),
    "standards": ("Website", *(f.name for f in attrs.fields(ServiceStandard))),
    "report": ("source",),  # the reports' argument, named as the library names it
}


@attrs.frozen
class Run:
    """One command line: its arguments, exit status, and the area raising its error."""

    argv: tuple[str, ...]
    status: int = 0
    area: str = ""

    def __str__(self) -> str:
        return " ".join(Path(a).name if "/" in a else a for a in self.argv)[:70]


def _runs(*runs: tuple[object, ...]) -> tuple[Run, ...]:
    return tuple(Run(*r) if isinstance(r[0], tuple) else Run(r) for r in runs)  # type: ignore[arg-type]


RUNS = _runs(
    ("info",),
    (("info", "--from", "2026", "--to", "2025"), 2),
    ("deadline", "2026-03-17T14:00+07:00", "3 hari kerja"),
    ("deadline", "2026-03-17T14:00+07:00", "3 hari kerja", "--json"),
    ("deadline", "2026-03-17", "3 hari kerja"),
    ("deadline", "2026-03-17", "2 jam", "--zone", "WITA"),
    ("deadline", "2027-03-08T09:00+07:00", "5 hari kerja", "--province", "17"),
    ("deadline", "2028-02-25T09:00+07:00", "5 hari kerja"),
    (("deadline", "2026-03-17T14:00+07:00", "3 hari kerjaa"), 1),
    (("deadline", "17/03/2026", "3 hari kerja"), 1),
    (("deadline",), 2),
    ("latest-start", "2026-03-27T16:00+07:00", "3 hari kerja"),
    ("latest-start", "2026-11-30T09:00", "90 menit", "--province", "Bali"),
    (("latest-start", "2026-11-30T09:00", "7 hari"), 1),
    (("latest-start",), 2),
    ("latest-start", "2026-03-27T16:00+07:00", "90 menit", "--province", "17"),
    ("latest-start", "2026-03-27T16:00+07:00", "3 hari kerja", "--json"),
    (("latest-start", "2026-03-27T16:00+07:00", "7 hari"), 1),
    ("workflow", "list"),
    ("workflow", "check", LOAN),
    (("workflow", "show", "x"), 1),
    (("workflow", "check", str(RESOURCES / "states" / "unreachable.json")), 1, "states"),
    (("workflow", "check", "missing.toml"), 1),
    ("quote", "--schedule", SCHEDULE, "--at", "2026-03-17", "pub-pdf=1"),
    (
        "quote",
        "--schedule",
        SCHEDULE,
        "--at",
        "2026-03-17",
        "--requester",
        "domestic_educational_institution",
        "--purpose",
        "research",
        "--provided",
        "request_letter",
        "pub-print=120",
        "--shipping",
        "30000",
    ),
    (("quote", "--schedule", SCHEDULE, "--at", "2026-03-17", "no-such-product=1"), 1),
    (("quote", "--schedule", SCHEDULE, "pub-pdf"), 1),
    ("standards", "list"),
    ("standards", "show", "bengkulu-penjualan"),
    ("standards", "show", "bengkulu-sop-produk-berbayar"),
    ("standards", "render", "sumsel-konsultasi"),
    ("standards", "render", "bengkulu-sop-produk-berbayar"),
    (("standards", "lint"), 1),
    (("standards", "show", "bengkulu-penjual"), 1),
    ("calendar", "2026-03"),
    ("calendar", "2026-03", "--json"),
    ("calendar", "--province", "17"),
    ("calendar", "2026-03", "--calendar", CLOSURE),
    (("calendar", "2026-13"), 1),
    ("holidays", "2026"),
    ("holidays", "2028"),
    ("holidays", "2026", "--json"),
    (("holidays", "20x6"), 2),
    ("provinces",),
    ("provinces", "17"),
    ("provinces", "--json"),
    ("report", "sla", EVENTS, "--now", NOW),
    ("report", "sla", EVENTS, "--now", NOW, "--format", "markdown"),
    ("report", "sla", EVENTS, "--now", NOW, "--format", "csv"),
    (("report", "sla", "missing.csv"), 1),
    ("report", "ikm", SURVEY),
    ("report", "ikm", SURVEY, "--format", "markdown"),
    ("report", "ikm", SURVEY, "--format", "html"),
    ("report", "sla", EVENTS, "--now", NOW, "--format", "html"),
    ("calendar", "2026-03", "--html"),
    (("report", "ikm", "missing.csv"), 1),
)


class _Text(HTMLParser):
    """The words of an HTML page a person reads (styles, scripts and drawings left out)."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0
        self.feed(markup)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._hidden += tag in ("style", "script", "svg")

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("style", "script", "svg")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def _read(out: str, argv: tuple[str, ...]) -> str:
    """What a person reads of ``out``: an HTML page's text, else the output itself."""
    if "--html" in argv or "html" in argv:
        return "\n".join(_Text(out).parts)
    return out


def _run(argv: tuple[str, ...]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        status = cli.main(["--lang", "id", *argv], out=out)
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("run", RUNS, ids=str)
def test_every_word_printed_is_indonesian(run: Run) -> None:
    got, out, err = _run(run.argv)
    assert got == run.status, (out, err)
    assert out or err
    ignoring = IDENTIFIERS | set(DATA.get(run.argv[0], ()))
    assert_indonesian(_read(out, run.argv), ignoring=ignoring)
    assert_indonesian(err, ignoring=ignoring)


def test_the_workflow_diagram_is_mermaid_source_and_nothing_else() -> None:
    """``workflow show`` prints a diagram's source (code, not words): no prose around it."""
    got, out, err = _run(("workflow", "show", "visit"))
    assert (got, err) == (0, "")
    assert out.startswith("stateDiagram-v2\n")


def test_every_command_runs_here() -> None:
    ran = {run.argv[0] for run in RUNS}
    assert ran == {command.NAME for command in cli.COMMANDS}
