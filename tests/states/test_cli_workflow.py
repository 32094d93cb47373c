"""``pst-core workflow list|show|check``: the built-in workflows and a unit's own workflow file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from pst_core import cli
from pst_core.states.builtin import BUILTIN, builtin_workflow

RESOURCES = Path(__file__).parent.parent / "resources" / "states"


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return cli.main(["workflow", *argv], out=out), out.getvalue()


def test_list() -> None:
    status, text = _run("list")
    assert status == 0
    assert [line.split(":")[0] for line in text.splitlines()[:-1]] == list(BUILTIN)


@pytest.mark.parametrize("name", [*BUILTIN, "online-consultation:bangka-selatan-konsultasi"])
def test_show_prints_the_diagram(name: str) -> None:
    assert _run("show", name) == (0, builtin_workflow(name).to_mermaid() + "\n")
    _status, fenced = _run("show", "--fenced", name)
    assert fenced.startswith("```mermaid\nstateDiagram-v2\n")
    assert fenced.endswith("\n```\n")


def test_show_a_file() -> None:
    status, text = _run("show", str(RESOURCES / "library-loan.toml"))
    assert status == 0
    assert "requested --> on_loan: decide [data.approved == true]" in text


def test_check_a_valid_file() -> None:
    status, text = _run("check", str(RESOURCES / "library-loan.toml"))
    assert status == 0
    assert "library-loan.toml: valid" in text
    assert "clock loan: 7 calendar days from on-loan" in text
    assert "timer reminder: remind after 7 calendar days" in text


@pytest.mark.parametrize(
    ("file", "message"),
    [
        ("unreachable.json", "state 'lost' cannot be reached from the initial state"),
        ("bad-guard.toml", "transitions[0].guard: invalid value"),
        ("missing.toml", "cannot read"),
    ],
)
def test_check_an_invalid_file_fails_with_a_clear_message(
    file: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, text = _run("check", str(RESOURCES / file))
    assert status == 1
    assert text == ""
    err = capsys.readouterr().err
    assert err.startswith("pst-core workflow: error: ")
    assert message in err


def test_unknown_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("show", "vist")[0] == 1
    assert "did you mean: visit" in capsys.readouterr().err


def test_an_action_is_required() -> None:
    assert _run()[0] == 2
