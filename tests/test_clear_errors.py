"""The second hostile pass's unclear errors, each said in the user's terms (issue 24).

Each test is one finding: the message names the file, the field path, the value
and what is allowed, in the words of the thing the user touched (an option, a
file field), never a private class or a truncated value.
"""

from __future__ import annotations

import contextlib
import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from pst_core import cli
from pst_core.calendar import WorkingCalendar, parse_duration
from pst_core.errors import InvalidTypeError, NoWorkingTimeError, PstError
from pst_core.reports import ikm_report
from pst_core.states import Workflow

ROOT = Path(__file__).resolve().parents[1]
WIB = timezone(timedelta(hours=7))


def _run(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        status = cli.main(list(argv), out=io.StringIO())
    return status, err.getvalue()


def test_a_calendar_whose_only_working_time_is_past_says_no_working_time() -> None:
    data = {
        "hours": {"mon-sun": "closed"},
        "extra_working_days": [
            {"day": "2026-11-28", "reason": "Sabtu", "windows": ["08:00-12:00"]}
        ],
    }
    cal = WorkingCalendar.loads(json.dumps(data), format="json")
    assert cal.add(datetime(2026, 11, 27, 9, tzinfo=WIB), parse_duration("1 jam"))
    with pytest.raises(NoWorkingTimeError) as caught:
        cal.deadline(datetime(2026, 11, 29, 9, tzinfo=WIB), parse_duration("1 hari kerja"))
    assert "no working time after 2026-11-28" in str(caught.value)
    assert "horizon" not in str(caught.value)
    assert "tidak punya waktu kerja lagi setelah 2026-11-28" in caught.value.describe("id")


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_a_byte_order_mark_is_no_part_of_a_file(tmp_path: Path, suffix: str) -> None:
    source = ROOT / "examples" / "calendar-closure.toml"
    expected = WorkingCalendar.load(source)
    text = source.read_text(encoding="utf-8") if suffix == ".toml" else expected.dumps("json")
    path = tmp_path / f"office{suffix}"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert WorkingCalendar.load(path) == expected
    assert WorkingCalendar.loads("\ufeff" + text, format=suffix[1:]) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("option", ["--shipping", "--bank-fee"])
def test_a_negative_cost_is_said_in_the_option_s_terms(option: str) -> None:
    schedule = str(ROOT / "examples" / "illustrative_schedule.toml")
    status, err = _run("quote", "pub-pdf=3", "--schedule", schedule, f"{option}=-5")
    assert status == 1
    assert f"{option}: invalid value '-5'" in err
    assert "PayerCost" not in err
    assert "Decimal" not in err


def test_no_private_class_name_in_a_workflow_file_error() -> None:
    text = 'name = "w"\n[[states]]\nname = "a"\ninitial = true\n[[transitions]]\nsource = 1\n'
    with pytest.raises(PstError) as caught:
        Workflow.loads(text, format="toml")
    said = str(caught.value) + "".join(p.describe("en") for p in caught.value.problems)  # type: ignore[attr-defined]
    assert "_TransitionSpec" not in said
    assert "Spec" not in said


def test_group_by_as_one_name_is_refused_whole() -> None:
    with pytest.raises(InvalidTypeError) as caught:
        ikm_report(ROOT / "examples" / "survey.csv", group_by="unit")
    assert "'unit'" in str(caught.value)
    assert "'u'" not in str(caught.value)


@pytest.mark.parametrize(
    "argv", [("workflow", "check"), ("standards", "lint"), ("workflow", "show")]
)
def test_an_unreadable_file_exits_1_as_the_docs_say(tmp_path: Path, argv: tuple[str, ...]) -> None:
    missing = tmp_path / "missing.toml"
    status, err = _run(*argv, str(missing))
    assert status == 1
    assert err.count("\n") == 1
    assert "missing.toml" in err


def test_the_docs_say_status_1_for_an_unreadable_file() -> None:
    def said(page: str) -> str:
        return " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split())

    assert "cannot be read stops it before any verdict with status 1" in said("reference/lint.md")
    assert "unreadable file exits with status 1" in said("how-to/own-workflow.md")
    assert "or the reason when the file cannot be read" in said("reference/cli.md")
