"""A command the library refuses ends in one error line, in the language of the run.

``PROG: kesalahan: MESSAGE`` with ``--lang id`` (``error`` in English), where the
message is the error's own ``describe(language)``: Indonesian from the first word
to the last, names and values aside. Exit status 1, nothing on standard output.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from pst_core import cli
from tests.english import assert_indonesian

EXAMPLES = Path(__file__).parents[2] / "examples"
SCHEDULE = str(EXAMPLES / "illustrative_schedule.toml")


def _error_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    out = io.StringIO()
    assert cli.main(argv, out=out) == 1
    assert out.getvalue() == ""
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize(
    "argv",
    [
        ["standards", "show", "bengkulu-penjual"],
        ["standards", "dump", "no-such-id", "x.toml"],
        ["standards", "render", "missing.toml"],
        ["quote", "--schedule", SCHEDULE, "--at", "2026-03-17", "no-such-product=1"],
        ["quote", "--schedule", SCHEDULE, "--at", "2026-03-17", "pub-pdf"],
        ["quote", "--schedule", SCHEDULE, "--at", "2014-01-01", "pub-pdf=1"],
        ["quote", "--schedule", SCHEDULE, "--at", "2026-03-17", "pub-pdf=1", "--shipping", "3,5"],
        ["quote", "--schedule", "missing.toml", "pub-pdf=1"],
        [
            "quote",
            "--schedule",
            SCHEDULE,
            "--at",
            "2026-03-17",
            "--purpose",
            "research",
            "pub-pdf=1",
        ],
        ["calendar", "2026-13"],
        ["calendar", "2026-03", "--today", "17/03"],
        ["deadline", "17/03/2026", "3 hari kerja"],
    ],
    ids=lambda argv: " ".join(argv[:3]),
)
def test_a_refused_command_is_one_indonesian_line(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    line = _error_line(["--lang", "id", *argv], capsys)
    prog, _, message = line.partition(": kesalahan: ")
    assert prog == f"pst-core {argv[0]}"
    field = message.split(": ", 1)[0]  # an error names the field at fault first
    assert_indonesian(message, ignoring=[field, "missing.toml", "x.toml"])
    english = _error_line(["--lang", "en", *argv], capsys)
    assert english.startswith(f"pst-core {argv[0]}: error: ")
    assert english != line


def test_a_file_that_cannot_be_read_says_why_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "kantor.toml")
    line = _error_line(["--lang", "id", "standards", "lint", missing], capsys)
    assert line == (
        f"pst-core standards lint: kesalahan: {missing}: tidak dapat dibaca "
        f"(berkas atau folder tidak ada) '{missing}'; yang diizinkan: berkas yang dapat dibaca"
    )
    line = _error_line(["--lang", "en", "standards", "lint", missing], capsys)
    assert "cannot read (No such file or directory)" in line
