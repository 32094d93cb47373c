"""The command-line entry points: --help, --version, python -m, error handling."""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
from typing import TextIO

import pytest

import pst_core
from pst_core import cli
from pst_core.errors import InvalidValueError


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = cli.main(list(argv), out=out)
    return status, out.getvalue()


def test_version() -> None:
    assert run("--version") == (0, f"pst-core {pst_core.__version__}\n")


def test_no_command_prints_help() -> None:
    status, text = run()
    assert status == 0
    assert "usage: pst-core" in text
    for command in cli.COMMANDS:
        assert command.NAME in text


def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run("no-such-command")
    assert status == 2
    assert "invalid choice" in capsys.readouterr().err


def test_pst_errors_become_one_line_and_status_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def failing(args: argparse.Namespace, out: TextIO) -> int:
        raise InvalidValueError("year", 1, "1946 to 2100")

    monkeypatch.setattr(cli.info, "run", failing)
    monkeypatch.setattr(cli, "COMMANDS", (cli.info,))
    status, _ = run("info")
    assert status == 2
    assert (
        capsys.readouterr().err
        == "pst-core info: error: year: invalid value 1; allowed: 1946 to 2100\n"
    )


def test_python_dash_m_and_console_script_agree() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pst_core", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout == f"pst-core {pst_core.__version__}\n"


def test_import_does_not_import_holidays() -> None:
    code = (
        "import sys, pst_core, pst_core.calendar, pst_core.standards, pst_core.states,"
        " pst_core.tariffs, pst_core.cli; print('holidays' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_dunder_main_runs_the_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    import runpy

    monkeypatch.setattr(sys, "argv", ["pst_core", "--version"])
    with pytest.raises(SystemExit) as stop:
        runpy.run_module("pst_core", run_name="__main__", alter_sys=True)
    assert stop.value.code == 0
