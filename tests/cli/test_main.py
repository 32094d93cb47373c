"""The command-line entry points: --help, --version, python -m, --lang, errors and streams.

The promise (issue 10): no traceback ever reaches the user, errors go to standard
error and never to standard output, and the exit status says what happened
(0 done, 1 a pst_core error, 2 a usage error, 70 a bug, 130 Ctrl-C, 141 the
reader closed the pipe).
"""

from __future__ import annotations

import argparse
import io
import os
import runpy
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import TextIO

import pytest

import pst_core
from pst_core import cli
from pst_core.cli import _output
from pst_core.errors import InvalidValueError

PYTHON = [sys.executable, "-m", "pst_core"]


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = cli.main(list(argv), out=out)
    return status, out.getvalue()


def subprocess_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    src = os.path.join(os.path.dirname(pst_core.__file__), os.pardir)
    env["PYTHONPATH"] = os.pathsep.join([os.path.abspath(src), env.get("PYTHONPATH", "")])
    env.update(extra)
    return env


class FakeCommand:
    """A subcommand whose ``run`` is a test's function."""

    NAME = "fake"
    HELP = "a command of the tests"

    def __init__(self, action: Callable[[argparse.Namespace, TextIO], int]) -> None:
        self.action = action

    def configure(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--from", dest="first", type=int, default=2020)
        parser.add_argument("--to", dest="last", type=int, default=2021)

    def run(self, args: argparse.Namespace, out: TextIO) -> int:
        return self.action(args, out)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    def install(action: Callable[[argparse.Namespace, TextIO], int]) -> None:
        monkeypatch.setattr(cli, "COMMANDS", (FakeCommand(action),))

    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    return install


def test_version() -> None:
    assert run("--version") == (0, f"pst-core {pst_core.__version__}\n")


def test_no_command_prints_help() -> None:
    status, text = run()
    assert status == 0
    assert "usage: pst-core" in text
    for command in cli.COMMANDS:
        assert command.NAME in text


def test_bad_arguments_exit_2_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    status, text = run("no-such-command")
    assert status == 2
    assert text == ""
    assert "invalid choice" in capsys.readouterr().err


def test_pst_errors_become_one_line_and_status_1(
    fake: Callable[..., None], capsys: pytest.CaptureFixture[str]
) -> None:
    def failing(args: argparse.Namespace, out: TextIO) -> int:
        raise InvalidValueError("year", 1, "1946 to 2100")

    fake(failing)
    status, text = run("fake")
    assert (status, text) == (1, "")
    assert capsys.readouterr().err == (
        "pst-core fake: error: year: invalid value 1; allowed: 1946 to 2100\n"
    )
    status, _ = run("fake", "--lang", "id")
    assert capsys.readouterr().err.startswith("pst-core fake: kesalahan: year: ")


def test_a_bug_is_one_line_with_status_70_not_a_traceback(
    fake: Callable[..., None], capsys: pytest.CaptureFixture[str]
) -> None:
    def buggy(args: argparse.Namespace, out: TextIO) -> int:
        raise TypeError("boom")

    fake(buggy)
    assert run("fake") == (70, "")
    err = capsys.readouterr().err
    assert "internal error (TypeError: boom)" in err
    assert "Traceback" not in err
    assert err.count("\n") == 1

    def huge(args: argparse.Namespace, out: TextIO) -> int:
        raise OSError(36, "File name too long", "9" * 5000)

    fake(huge)
    assert run("fake")[0] == 70
    err = capsys.readouterr().err
    assert len(err) < 400
    assert "characters)" in err


def test_ctrl_c_exits_130(fake: Callable[..., None], capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted(args: argparse.Namespace, out: TextIO) -> int:
        raise KeyboardInterrupt

    fake(interrupted)
    assert run("fake") == (130, "")
    assert capsys.readouterr().err == "pst-core: error: interrupted\n"


def test_reversed_year_range_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("info", "--from", "2030", "--to", "2020") == (2, "")
    assert capsys.readouterr().err == (
        "pst-core info: error: --from 2030 is after --to 2020:"
        " the first year must not be after the last\n"
    )
    assert run("info", "--from", "2030", "--to", "2020", "--lang", "id")[0] == 2
    assert "tahun pertama tidak boleh sesudah" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "environ", "expected"),
    [
        ((), {}, "en"),
        ((), {"LANG": "id_ID.UTF-8"}, "id"),
        ((), {"LANG": "id_ID.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),
        ((), {"LC_MESSAGES": "id_ID"}, "id"),
        ((), {"LANG": "C.UTF-8"}, "en"),
        (("--lang", "en"), {"LANG": "id_ID.UTF-8"}, "en"),
        (("--lang", "id"), {}, "id"),
        (("--lang=id",), {}, "id"),
    ],
)
def test_language_from_option_then_locale(
    argv: tuple[str, ...],
    environ: dict[str, str],
    expected: str,
    fake: Callable[..., None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[str] = []

    def record(args: argparse.Namespace, out: TextIO) -> int:
        seen.append(args.language)
        return 0

    fake(record)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert run(*argv, "fake")[0] == 0  # before the subcommand
    assert run("fake", *argv)[0] == 0  # after it
    assert seen == [expected, expected]


def test_an_unknown_language_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--lang", "fr", "info")[0] == 2
    assert "invalid choice: 'fr'" in capsys.readouterr().err


def _parsers(
    parser: argparse.ArgumentParser, path: str = "pst-core"
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, f"{path} {name}")


def test_every_command_has_a_one_line_description() -> None:
    parsers = list(_parsers(cli.build_parser(io.StringIO())))
    assert len(parsers) > len(cli.COMMANDS)
    for path, parser in parsers:
        description = parser.description or ""
        assert description.strip(), f"{path} --help has no description"
        assert "\n" not in description.strip(), f"{path}: description is not one line"
        out = io.StringIO()
        parser.print_help(out)
        shown = " ".join(out.getvalue().split())  # help wraps long lines
        assert " ".join(description.split()) in shown
        assert "--lang" in shown, path


def test_locale_language() -> None:
    assert _output.locale_language({"LANG": "id"}) == "id"
    assert _output.locale_language({"LANG": "id_ID.UTF-8@euro"}) == "id"
    assert _output.locale_language({"LANG": "ind"}) == "en"


def test_text_the_terminal_cannot_show_is_replaced(
    fake: Callable[..., None], monkeypatch: pytest.MonkeyPatch
) -> None:
    def indonesian(args: argparse.Namespace, out: TextIO) -> int:
        out.write("Jl. Adam Malik · Bengkulu — 38225\n")
        return 0

    fake(indonesian)
    raw = io.BytesIO()
    ascii_stdout = io.TextIOWrapper(raw, encoding="ascii")
    monkeypatch.setattr(sys, "stdout", ascii_stdout)
    assert cli.main(["fake"]) == 0
    assert raw.getvalue() == b"Jl. Adam Malik ? Bengkulu ? 38225\n"


# -- the process as a user runs it -------------------------------------------------------


def test_python_dash_m_and_console_script_agree() -> None:
    result = subprocess.run(
        [*PYTHON, "--version"], capture_output=True, text=True, check=True, env=subprocess_env()
    )
    assert result.stdout == f"pst-core {pst_core.__version__}\n"


def test_a_closed_pipe_ends_quietly() -> None:
    """``pst-core standards list | head -0``: the reader is gone before the first write."""
    with subprocess.Popen(
        [*PYTHON, "standards", "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=subprocess_env(),
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.close()
        err = process.stderr.read().decode()
        status = process.wait()
    assert err == ""
    assert status == _output.BROKEN_PIPE


def test_head_reads_one_line() -> None:
    result = subprocess.run(
        ["bash", "-c", 'set -o pipefail; "$@" | head -1', "sh", *PYTHON, "info"],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        check=False,
    )
    assert result.stdout.startswith("pst_core ")
    assert result.stderr == ""
    assert result.returncode in (0, _output.BROKEN_PIPE)


def test_a_closed_stdout_is_one_line_on_stderr() -> None:
    result = subprocess.run(
        [*PYTHON, "info"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=subprocess_env(),
        preexec_fn=lambda: os.close(1),
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == "pst-core: error: cannot write the output: standard output is closed\n"


def test_a_full_disk_is_one_line_on_stderr() -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [*PYTHON, "standards", "list"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=subprocess_env(),
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr.startswith("pst-core: error: cannot write the output: ")
    assert "Traceback" not in result.stderr


def test_an_ascii_terminal_gets_no_traceback() -> None:
    result = subprocess.run(
        [*PYTHON, "standards", "render", "bengkulu-penjualan"],
        capture_output=True,
        env=subprocess_env(PYTHONIOENCODING="ascii"),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    result.stdout.decode("ascii")


def test_errors_follow_the_locale_in_a_real_process() -> None:
    result = subprocess.run(
        [*PYTHON, "info", "--from", "2030", "--to", "2020"],
        capture_output=True,
        text=True,
        env=subprocess_env(LANG="id_ID.UTF-8"),
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("pst-core info: kesalahan: --from 2030 sesudah --to 2020")


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
    monkeypatch.setattr(sys, "argv", ["pst_core", "--version"])
    with pytest.raises(SystemExit) as stop:
        runpy.run_module("pst_core", run_name="__main__", alter_sys=True)
    assert stop.value.code == 0


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["--lang", "id", "--help"], []])
def test_help_and_version_import_no_subcommand(argv: list[str]) -> None:
    # They list the subcommands by their help lines: none of their modules (the calendar,
    # standards, states, tariffs, reports behind them) is imported, so they answer faster
    # than any real command.
    code = (
        "import sys\n"
        "from pst_core import cli\n"
        f"status = cli.main({argv!r})\n"
        "loaded = [m for m in sys.modules if m.startswith('pst_core.')"
        " and m.split('.')[1] in ('calendar', 'standards', 'states', 'tariffs', 'reports')"
        " or m.startswith('pst_core.cli.') and not m.startswith('pst_core.cli._')]\n"
        "print(status, sorted(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines()[-1] == "0 []"
