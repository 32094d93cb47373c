"""A report with nothing to count is a report: every output is written, and says it is empty.

A header-only file, a table in which no clock started, a survey whose every row is
skipped, a workflow without clocks: each gives valid CSV (the header), Markdown (the
table's head), HTML (a whole page) and text, with a note saying the report is empty,
and ``pst-core report`` exits 0.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import attrs
import pytest

from pst_core import cli
from pst_core.reports import Report, ikm_report, sla_report
from tests.reports.responses import row
from tests.reports.ticket import NOW, golden_frame, ticket

pd = pytest.importorskip("pandas")

SLA_HEADER = "transaction,workflow,event,at,actor,data\n"
IKM_HEADER = "U1,U2,U3,U4,U5,U6,U7,U8,U9\n"


def _empty_sla(kind: str, tmp_path: Path) -> Any:
    if kind == "header-only file":
        path = tmp_path / "events.csv"
        path.write_text(SLA_HEADER)
        return sla_report(path, now=NOW)
    if kind == "no clock started":  # a workflow whose clocks start on an event never fired
        workflow = ticket()
        clocks = tuple(attrs.evolve(c, starts_on=("answered",)) for c in workflow.clocks)
        frame = golden_frame()
        frame = frame[frame["event"] != "answer"]
        return sla_report(frame, now=NOW, workflows=[attrs.evolve(workflow, clocks=clocks)])
    if kind == "every row skipped":
        frame = golden_frame().assign(actor="")
        return sla_report(frame, now=NOW, workflows=[ticket()], invalid="skip")
    assert kind == "a workflow without clocks"
    return sla_report(golden_frame(), now=NOW, workflows=[attrs.evolve(ticket(), clocks=())])


def _empty_ikm(kind: str, tmp_path: Path) -> Any:
    if kind == "header-only file":
        path = tmp_path / "survey.csv"
        path.write_text(IKM_HEADER)
        return ikm_report(path)
    assert kind == "every row skipped"
    return ikm_report([{**row("444444444"), "U3": 0}], invalid="skip")


def _check_outputs(report: Report, header: str, empty_note: str) -> None:
    for language in ("id", "en"):
        assert report.to_csv().splitlines() == [header]
        markdown = report.to_markdown(language)
        assert markdown.startswith("# ")
        assert "|---" in markdown
        html = report.to_html(language, charts=False)
        assert html.startswith("<!DOCTYPE html>")
        assert html.rstrip().endswith("</html>")
        described = report.describe(language)
        assert described.strip()
    assert empty_note in report.describe("en")


@pytest.mark.hostile
@pytest.mark.parametrize(
    "kind",
    ["header-only file", "no clock started", "every row skipped", "a workflow without clocks"],
)
def test_an_empty_sla_report_writes_every_output(kind: str, tmp_path: Path) -> None:
    report = _empty_sla(kind, tmp_path)
    assert report.summary().empty
    header = sla_report(golden_frame(), now=NOW, workflows=[ticket()]).to_csv().splitlines()[0]
    _check_outputs(report, header, "this report is empty")
    assert "laporan ini kosong" in report.describe("id")


@pytest.mark.hostile
@pytest.mark.parametrize("kind", ["header-only file", "every row skipped"])
def test_an_empty_ikm_report_writes_every_output(kind: str, tmp_path: Path) -> None:
    report = _empty_ikm(kind, tmp_path)
    assert report.groups == ()
    header = ikm_report([row("444444444")]).to_csv().splitlines()[0]
    _check_outputs(report, header, "this report is empty")


@pytest.mark.hostile
def test_empty_reports_draw_no_chart_and_fail_nowhere(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    assert "<svg" not in _empty_sla("header-only file", tmp_path).to_html(charts=True)
    assert "<svg" not in _empty_ikm("header-only file", tmp_path).to_html(charts=True)


@pytest.mark.hostile
@pytest.mark.parametrize("fmt", ["table", "csv", "markdown", "html"])
@pytest.mark.parametrize(("kind", "header"), [("sla", SLA_HEADER), ("ikm", IKM_HEADER)])
def test_the_command_writes_an_empty_report_and_exits_0(
    kind: str, header: str, fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "input.csv"
    path.write_text(header)
    now = ["--now", "2026-05-01T07:00+07:00"] if kind == "sla" else []
    out = io.StringIO()
    status = cli.main(["report", kind, str(path), *now, "--format", fmt], out=out)
    assert status == 0, capsys.readouterr().err
    if fmt != "csv":
        assert "this report is empty" in out.getvalue()
