"""``pst-core deadline``."""

from __future__ import annotations

import io

import pytest

from pst_core import cli


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return cli.main(list(argv), out=out), out.getvalue()


def test_golden_deadline_with_skipped_days() -> None:
    status, text = run("deadline", "2026-03-17T14:00+07:00", "3 hari kerja")
    assert status == 0
    lines = text.splitlines()
    assert lines[0] == "start:       2026-03-17T14:00:00+07:00"
    assert lines[1] == "duration:    3 working days (3 hari kerja)"
    assert lines[2] == "due:         2026-03-27T16:00:00+07:00  (Friday)"
    assert lines[3] == "provisional: no"
    assert lines[4] == "skipped:     7 non-working day(s)"
    assert lines[6] == "  Thu 2026-03-19  national      Day of Silence (Hari Suci Nyepi)"


def test_province_zone_and_provisional_reasons() -> None:
    status, text = run("deadline", "2028-02-24T09:00", "3 working days", "--province", "Bali")
    assert status == 0
    assert "due:         2028-03-01T15:30:00+08:00  (Wednesday)" in text
    assert "provisional: yes" in text
    assert "  - no cuti bersama decree for 2028 in the holidays data" in text


def test_zone_option_and_minutes() -> None:
    status, text = run("deadline", "2026-11-26T15:25", "10 menit", "--zone", "Asia/Jayapura")
    assert status == 0
    assert "due:         2026-11-27T08:05:00+09:00  (Friday)" in text
    assert "skipped:     0 non-working day(s)" in text


def test_a_start_without_offset_is_read_in_the_calendars_zone(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, text = run("deadline", "2026-03-17T14:00", "3 hari kerja")
    assert status == 0
    assert "start:       2026-03-17T14:00:00+07:00" in text
    status, shown = run("deadline", "--help")
    assert status == 0
    assert "read in the calendar's zone" in " ".join(shown.split())


def test_without_cuti_bersama() -> None:
    status, text = run("deadline", "2026-03-17T14:00+07:00", "3 hari kerja", "--no-cuti-bersama")
    assert status == 0
    assert "due:         2026-03-23T15:30:00+07:00  (Monday)" in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("yesterday", "3 hari kerja"), "ISO 8601"),
        (("2026-03-17T14:00+07:00", "sebentar"), "allowed: '<n> menit'"),
        (("2026-03-17T14:00", "3 hari kerja", "--province", "Atlantis"), "unknown province"),
    ],
)
def test_errors_are_one_line_with_status_1(
    argv: tuple[str, ...], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _ = run("deadline", *argv)
    assert status == 1
    err = capsys.readouterr().err
    assert err.startswith("pst-core deadline: error: ")
    assert message in err
    assert err.count("\n") == 1
