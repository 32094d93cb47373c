"""A calendar file's warning reaches the command line's user in the language of --lang."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from pst_core import cli
from tests.english import assert_indonesian

IDLE_CLOSURE = """\
name = "Kantor contoh"
timezone = "Asia/Jakarta"

[[closures]]
start = 2026-03-21
end = 2026-03-22
reason = "Libur"
"""


def _run(language: str, calendar: Path) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        status = cli.main(
            [
                "--lang",
                language,
                "deadline",
                "2026-03-17T14:00+07:00",
                "3 hari kerja",
                "--calendar",
                str(calendar),
            ],
            out=io.StringIO(),
        )
    return status, err.getvalue()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("id", "pst-core deadline: peringatan: "),
        ("en", "pst-core deadline: warning: "),
    ],
)
def test_an_idle_closure_is_one_warning_line_in_the_language_asked(
    tmp_path: Path, language: str, expected: str
) -> None:
    calendar = tmp_path / "kantor.toml"
    calendar.write_text(IDLE_CLOSURE, encoding="utf-8")
    status, err = _run(language, calendar)
    assert status == 0
    (line,) = err.splitlines()
    assert line.startswith(expected)
    assert "closures[0] (Libur)" in line
    if language == "id":
        assert "tidak menutup satu pun hari kerja" in line
        assert_indonesian(line, ignoring={"closures", "Libur", str(calendar), "kantor.toml"})
