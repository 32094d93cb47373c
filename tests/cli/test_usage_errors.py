"""A usage error is said in the language of the run, argparse's own messages included.

argparse words its errors in English; with ``--lang id`` (or an Indonesian locale)
the command line says them from the catalogue, in one error line with the one
prefix word of the glossary: ``pst-core deadline: kesalahan: ...``. Help texts may
stay English; the usage line's prefix does not.
"""

from __future__ import annotations

import io

import pytest

from pst_core import cli
from pst_core._catalogue import field_names
from pst_core.cli._usage import say_usage_error
from pst_core.i18n import Language, catalogue, text
from tests.english import assert_indonesian


def _usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    """The usage line and the error line of a run that must end in a usage error."""
    out = io.StringIO()
    assert cli.main(argv, out=out) == 2
    assert out.getvalue() == ""
    lines = capsys.readouterr().err.splitlines()
    return lines[0], lines[-1]


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (
            ["deadline"],
            "pst-core deadline: kesalahan: argumen berikut wajib diisi: START, DURATION",
        ),
        (["nope"], "pst-core: kesalahan: argumen COMMAND: pilihan tidak sah: 'nope' (pilih dari "),
        (
            ["info", "--from", "x"],
            "pst-core info: kesalahan: argumen --from: nilai int tidak sah: 'x'",
        ),
        (["deadline", "--calendar"], "argumen --calendar: harus diikuti satu nilai"),
        (["info", "--bogus"], "pst-core: kesalahan: argumen tidak dikenal: --bogus"),
        (
            ["deadline", "x", "y", "--zone", "WIB", "--province", "Bali"],
            "argumen --province: tidak boleh dipakai bersama argumen --zone",
        ),
        (["--lang", "fr", "info"], "argumen --lang: pilihan tidak sah: 'fr' (pilih dari "),
        (
            ["quote", "--schedule", "x.toml", "--at", "17/03/2026", "pub-pdf=1"],
            "pst-core quote: kesalahan: --at: nilai tidak sah '17/03/2026'; yang diizinkan: "
            "tanggal YYYY-MM-DD, mis. 2026-03-17",
        ),
        (["report", "ikm", "f.csv", "--population", "0"], "--population: nilai tidak sah '0'"),
        (["report", "sla", "f.csv", "--group-by", "month,"], "--group-by: nilai tidak sah"),
        (["report", "sla", "f.csv", "--now", "17/3"], "--now: nilai tidak sah '17/3'"),
        (["report"], "argumen berikut wajib diisi: REPORT"),
    ],
)
def test_argparse_errors_are_indonesian_with_lang_id(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    usage, error = _usage_error(["--lang", "id", *argv], capsys)
    assert usage.startswith("penggunaan: pst-core")
    assert said in error
    prog, _, message = error.partition(": kesalahan: ")
    assert prog.startswith("pst-core")
    assert ": kesalahan: " not in message
    assert_indonesian(message)


def test_the_language_is_known_before_argparse_reports(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    # --lang after the subcommand, where argparse has not read it yet when it fails.
    _, error = _usage_error(["deadline", "--lang", "id"], capsys)
    assert "kesalahan: argumen berikut wajib diisi" in error
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    usage, error = _usage_error(["deadline"], capsys)
    assert (usage.split()[0], "wajib diisi" in error) == ("penggunaan:", True)
    usage, error = _usage_error(["deadline", "--lang", "en"], capsys)
    assert usage.startswith("usage: ")
    assert error.endswith("error: the following arguments are required: START, DURATION")


def test_english_keeps_argparse_own_words(capsys: pytest.CaptureFixture[str]) -> None:
    usage, error = _usage_error(["--lang", "en", "info", "--from", "x"], capsys)
    assert usage.startswith("usage: pst-core info")
    assert error == "pst-core info: error: argument --from: invalid int value: 'x'"
    _, error = _usage_error(["--lang", "en", "report", "ikm", "f.csv", "--population", "x"], capsys)
    assert error == (
        "pst-core report ikm: error: --population: invalid value 'x'; allowed: a whole number >= 1"
    )


def test_a_message_argparse_words_otherwise_is_kept() -> None:
    assert say_usage_error("something new", "id") == "something new"
    assert say_usage_error("argument -x: something new", "id") == "argumen -x: something new"
    assert say_usage_error("expected 2 arguments", "en") == "expected 2 arguments"


def test_every_argparse_message_of_the_catalogue_is_recognised() -> None:
    from pst_core.cli import _usage

    def said(key: str, language: Language) -> str:
        template = catalogue()[f"cli.argparse.{key}"][language]
        return text(f"cli.argparse.{key}", language, **dict.fromkeys(field_names(template), "2"))

    keys = {key for key in catalogue() if key.startswith("cli.argparse.")}
    patterns = [key for _, key in (*_usage._MESSAGES, *_usage._PROBLEMS)]
    assert keys == {f"cli.argparse.{key}" for key in patterns}
    for _, key in _usage._MESSAGES:
        if key != "argument":
            assert say_usage_error(said(key, "en"), "id") == said(key, "id"), key
    for _, key in _usage._PROBLEMS:
        english = f"argument --x: {said(key, 'en')}"
        assert say_usage_error(english, "id") == f"argumen --x: {said(key, 'id')}", key
