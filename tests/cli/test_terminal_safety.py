"""Nothing reaches a terminal raw: what came from a file or a user is escaped visibly.

Constructors refuse control characters in text for people; the command line
escapes them again in everything it prints (results and error lines), as a belt
beside those braces.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from pst_core import cli
from pst_core.cli._output import TerminalSafe, terminal_safe

RAW = ("\x1b", "\u202e", "\u2028", "\x9b", "\r\x1b")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Libur\x1b[31m", "Libur\\x1b[31m"),
        ("rev\u202eesrever", "rev\\u202eesrever"),
        ("a\u2028Injected: due tomorrow", "a\\u2028Injected: due tomorrow"),
        ("csv,line\r\nnext", "csv,line\r\nnext"),
        ("over\rwrite", "over\\x0dwrite"),
        ("x\ud83d", "x\\ud83d"),
        ("tab\tand\nline", "tab\tand\nline"),
    ],
)
def test_terminal_safe_escapes_what_a_terminal_acts_on(text: str, shown: str) -> None:
    assert terminal_safe(text) == shown


def test_an_error_line_stays_one_line() -> None:
    assert terminal_safe("a\nInjected", one_line=True) == "a\\x0aInjected"


def test_every_write_of_a_command_goes_through_the_filter() -> None:
    inner = io.StringIO()
    TerminalSafe(inner).write("Kantor\x1b]0;owned\x07")
    assert inner.getvalue() == "Kantor\\x1b]0;owned\\x07"


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        status = cli.main(list(argv), out=out)
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("field", ["name", "reason"])
def test_a_hostile_calendar_file_prints_nothing_raw(tmp_path: Path, field: str) -> None:
    data = {
        "name": "Kantor\x1b[2J",
        "closures": [{"start": "2026-11-23", "reason": "Rapat\u202e\nInjected: due tomorrow"}],
    }
    if field == "name":
        data["closures"][0]["reason"] = "Rapat"  # type: ignore[index]
    else:
        data["name"] = "Kantor"
    path = tmp_path / "office.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    for command in (
        ["deadline", "2026-11-20T09:00+07:00", "3 hari kerja", "--calendar", str(path)],
        ["calendar", "2026-11", "--calendar", str(path)],
        ["holidays", "2026", "--calendar", str(path)],
    ):
        status, out, err = _run(*command)
        assert status == 1
        for raw in RAW:
            assert raw not in out + err
        assert err.count("\n") == 1


def test_a_file_name_from_the_user_is_escaped_in_the_error(tmp_path: Path) -> None:
    status, out, err = _run("workflow", "check", str(tmp_path / "x\x1b[31m.toml"))
    assert status != 0
    assert "\x1b" not in out + err
    assert "\\x1b[31m" in err
