"""``pst-core report KIND``: the reports on the command line (ikm, sla).

Every kind reads a file, takes ``--group-by``, ``--invalid``, ``--format`` and
``--output``, writes the report in the language of ``--lang``, and says what went
wrong on standard error with status 1 (2 for a usage error).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from pst_core import cli
from tests.reports.page import read_page
from tests.reports.responses import SURVEY
from tests.reports.ticket import golden_frame, ticket

EVENTS = Path(__file__).parent.parent.parent / "examples" / "events.csv"
NOW = ("--now", "2026-05-01T07:00+07:00")


def run(kind: str, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = cli.main(["report", kind, *argv], out=out)
    return status, out.getvalue()


def test_a_kind_must_be_named() -> None:
    assert cli.main(["report"], out=io.StringIO()) == 2


# ikm ------------------------------------------------------------------------------------------


def test_ikm_table_by_period() -> None:
    status, text = run("ikm", str(SURVEY), "--group-by", "period", "--population", "40")
    assert status == 0
    assert "2026-S1            8     3.1806      79.51  B      good" in text
    assert "fewer than the minimum sample 36 for a population of 40" in text


def test_ikm_in_indonesian_by_period_and_unit() -> None:
    status, text = run("ikm", str(SURVEY), "--group-by", "period,unit", "--lang", "id")
    assert status == 0
    assert "period=2026-S2, unit=PST BPS Provinsi Bengkulu:" in text
    assert "sangat baik" in text


@pytest.mark.parametrize(
    ("fmt", "start"),
    [("csv", "period,respondents,"), ("markdown", "# Community"), ("html", "<!DOCTYPE html>")],
)
def test_ikm_formats(fmt: str, start: str) -> None:
    status, text = run("ikm", str(SURVEY), "--group-by", "period", "--format", fmt)
    assert status == 0
    assert text.startswith(start)


def test_ikm_rounded_weight_and_output_file(tmp_path: Path) -> None:
    target = tmp_path / "ikm.csv"
    status, text = run(
        "ikm", str(SURVEY), "--weight", "0.111", "--format", "csv", "--output", str(target)
    )
    assert status == 0
    assert text == f"report written to {target}\n"
    assert ",0.111," in target.read_text(encoding="utf-8")


@pytest.mark.hostile
def test_ikm_invalid_scores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("period,U1,U2,U3,U4,U5,U6,U7,U8,U9\nx,4,4,4,4,4,4,4,4,4\nx,5,4,4,4,4,4,4,4,\n")
    status, text = run("ikm", str(path), "--lang", "id")
    assert (status, text) == (1, "")
    err = capsys.readouterr().err
    assert "pst-core report ikm: kesalahan:" in err
    assert "2 sel tidak sah" in err
    assert "baris berkas 3, U1: nilai tidak sah '5'" in err
    status, text = run("ikm", str(path), "--invalid", "skip")
    assert status == 0
    assert "1 rows skipped for invalid scores (2 cells)" in text


@pytest.mark.hostile
def test_ikm_lists_at_most_20_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("U1,U2,U3,U4,U5,U6,U7,U8,U9\n" + "0,4,4,4,4,4,4,4,4\n" * 25)
    assert run("ikm", str(path))[0] == 1
    err = capsys.readouterr().err
    assert "25 invalid cells" in err
    assert "(and 5 more)" in err
    assert err.count("\n  line ") == 20


@pytest.mark.hostile
def test_ikm_other_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("ikm", str(SURVEY), "--group-by", "periode")[0] == 1
    assert "did you mean: period" in capsys.readouterr().err
    assert run("ikm", str(SURVEY), "--population", "0")[0] == 2
    assert run("ikm", str(SURVEY), "--group-by", "period,,unit")[0] == 2


# sla ------------------------------------------------------------------------------------------


def test_sla_on_the_example_export() -> None:
    status, text = run("sla", str(EVENTS), *NOW)
    assert status == 0
    assert text.startswith("Service-time compliance (SLA)")
    assert "2026-03  service" in text


def test_sla_groups_formats_and_languages(tmp_path: Path) -> None:
    status, text = run("sla", str(EVENTS), *NOW, "--group-by", "month,clock", "--lang", "id")
    assert status == 0
    assert "tepat waktu %" in text
    status, text = run("sla", str(EVENTS), *NOW, "--group-by", "channel", "--format", "csv")
    assert text.splitlines()[0].startswith("channel,count,met,breached")
    status, text = run("sla", str(EVENTS), *NOW, "--format", "markdown")
    assert text.startswith("# Service-time compliance (SLA)\n")
    target = tmp_path / "sla.html"
    status, text = run("sla", str(EVENTS), *NOW, "--format", "html", "--output", str(target))
    assert status == 0
    page = read_page(target.read_text(encoding="utf-8"))
    assert page.doctype
    assert page.title == "Service-time compliance (SLA)"


@pytest.mark.hostile
def test_sla_workflow_files_and_bad_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flow = tmp_path / "ticket.toml"
    ticket().dump(flow)
    frame = golden_frame()
    frame.loc[3, "at"] = "2026-04-01T09:30"
    events = tmp_path / "events.csv"
    frame.to_csv(events, index=False)
    now = ("--now", "2026-04-13T09:00+07:00")
    status, _ = run("sla", str(events), *now, "--workflow", str(flow))
    assert status == 1
    err = capsys.readouterr().err
    assert "line 5 (T2): at: '2026-04-01T09:30'" in err
    assert "  line 4 (T2): skipped: another row of this transaction is bad" in err
    status, text = run("sla", str(events), *now, "--workflow", str(flow), "--invalid", "skip")
    assert status == 0
    assert "4 rows skipped" in text


@pytest.mark.hostile
def test_sla_other_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("sla", str(tmp_path / "events.xlsx"), *NOW)[0] == 1
    assert ".csv or .parquet" in capsys.readouterr().err
    assert run("sla", str(EVENTS), *NOW, "--group-by", "province")[0] == 1
    assert "allowed: month, unit, workflow, clock, channel" in capsys.readouterr().err


@pytest.mark.hostile
def test_sla_refuses_an_instant_without_offset(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("sla", str(EVENTS), "--now", "2026-05-01T07:00")[0] == 2
    assert "an ISO 8601 instant with its offset" in capsys.readouterr().err


def test_sla_shows_progress_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert run("sla", str(EVENTS), *NOW)[0] == 0
    err = capsys.readouterr().err
    assert err.startswith("\r0/40 transactions")
    assert err.endswith("\r40/40 transactions\n")
