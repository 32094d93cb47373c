"""``pst-core report`` refuses what it cannot do with a typed error in the user's language.

Never an internal error (status 70): an output path that is a folder or lies in a
missing folder, a group named twice, clocks read outside the calendar's years, a
workflow registered under another name: each is a `PstError` said in Indonesian or
English, with status 1 (2 for a usage error).
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import attrs
import pytest

from pst_core import cli
from pst_core.errors import InvalidTypeError, InvalidValueError
from pst_core.reports import sla_report
from tests.reports.responses import SURVEY
from tests.reports.test_command import EVENTS, NOW
from tests.reports.ticket import NOW as TICKET_NOW
from tests.reports.ticket import golden_frame, ticket


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        status = cli.main(list(argv), out=out)
    return status, out.getvalue(), err.getvalue()


def _output_cases(tmp_path: Path) -> list[str]:
    return [str(tmp_path), str(tmp_path / "missing" / "report.md")]  # a folder; none


@pytest.mark.hostile
@pytest.mark.parametrize("case", [0, 1])
@pytest.mark.parametrize("kind", ["sla", "ikm"])
def test_an_output_path_that_cannot_be_written_is_a_typed_error(
    tmp_path: Path, case: int, kind: str
) -> None:
    output = _output_cases(tmp_path)[case]
    source = [str(EVENTS), *NOW] if kind == "sla" else [str(SURVEY)]
    status, _, err = _run("--lang", "id", "report", kind, *source, "--output", output)
    assert status == 1
    assert "internal error" not in err
    assert "kesalahan" in err
    assert "berkas yang dapat ditulis" in err


@pytest.mark.hostile
@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (("--group-by", "unit,unit"), "setiap dimensi paling banyak sekali"),
        (("--now", "9999-12-31T23:59:59+00:00"), "9999"),
        (("--now", "0001-01-01T00:00:00+14:00"), "1"),
    ],
)
def test_sla_options_out_of_reach_are_typed_errors(argv: tuple[str, ...], said: str) -> None:
    status, _, err = _run("--lang", "id", "report", "sla", str(EVENTS), *NOW, *argv)
    assert status in (1, 2), err
    assert "internal error" not in err
    assert said in err


@pytest.mark.hostile
def test_a_survey_group_named_twice_is_a_typed_error() -> None:
    status, _, err = _run("--lang", "id", "report", "ikm", str(SURVEY), "--group-by", "unit,unit")
    assert status == 1
    assert "setiap kolom paling banyak sekali" in err


@pytest.mark.hostile
def test_a_workflows_mapping_key_must_be_the_workflows_name() -> None:
    with pytest.raises(InvalidValueError, match="the workflow's own name, 'ticket'") as caught:
        sla_report(golden_frame(), now=TICKET_NOW, workflows={"other": ticket()})
    assert caught.value.field == "workflows['other']"
    assert "nama alur kerja itu sendiri" in caught.value.describe("id")
    with pytest.raises(InvalidTypeError):
        sla_report(golden_frame(), now=TICKET_NOW, workflows={"ticket": "ticket"})  # type: ignore[arg-type]
    renamed = attrs.evolve(ticket(), name="renamed")
    assert sla_report(
        golden_frame(), now=TICKET_NOW, workflows={"renamed": renamed}, invalid="skip"
    ).bad_rows


@pytest.mark.hostile
def test_unhashable_unit_values_group_as_text() -> None:
    frame = golden_frame().assign(unit=[[1]] * len(golden_frame()))
    report = sla_report(frame, now=TICKET_NOW, workflows=[ticket()], group_by=["unit"])
    assert list(report.summary()["unit"]) == ["[1]"]
    assert report.to_csv().startswith("unit,count")
