"""The command line's own words (summaries, hints, kinds, progress) follow --lang.

The library's results say themselves (``describe(language)``); what the command
line adds around them comes from the catalogue (``cli.*``) too.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from pst_core import cli
from pst_core.cli.report import _progress

LOAN = Path(__file__).parents[1] / "resources" / "states" / "library-loan.toml"


def _run(*argv: str) -> str:
    out = io.StringIO()
    assert cli.main(list(argv), out=out) == 0
    return out.getvalue()


def test_workflow_check_summary_in_indonesian() -> None:
    lines = _run("--lang", "id", "workflow", "check", str(LOAN)).splitlines()
    assert lines[0] == f"{LOAN}: sah"
    assert lines[1].endswith("2 hitungan waktu, 1 pewaktu")
    assert "  hitungan waktu loan: 7 hari sejak on-loan" in lines
    assert "  pewaktu reminder: remind setelah 7 hari" in lines
    assert any(line.startswith("  kalender: Asia/Makassar (sha256:") for line in lines)


def test_workflow_list_hint_and_standards_kinds_in_indonesian() -> None:
    hint = _run("--lang", "id", "workflow", "list").splitlines()[-1]
    assert hint.startswith("tambahkan ':ID-STANDAR'")
    listed = _run("--lang", "id", "standards", "list").splitlines()
    assert listed[0].split()[1] == "standar"
    assert listed[-1].split()[1] == "SOP"
    assert _run("--lang", "en", "standards", "list").splitlines()[-1].split()[1] == "sop"


def test_provinces_in_indonesian_show_the_official_name_alone() -> None:
    line = _run("--lang", "id", "provinces", "Sumut").splitlines()[1]
    assert line.startswith("Sumatera Utara ")
    assert "North Sumatra" not in line
    assert "(North Sumatra)" in _run("--lang", "en", "provinces", "Sumut")


def test_report_progress_in_either_language() -> None:
    for language, said in (("id", "\r1.000/2.000 transaksi"), ("en", "\r1,000/2,000 transactions")):
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            _progress(language)(1000, 2000)  # type: ignore[arg-type]
        assert err.getvalue() == said
