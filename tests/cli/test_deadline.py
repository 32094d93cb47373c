"""``pst-core deadline``: it prints `Deadline.describe` in the chosen language, nothing else."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import datetime

import pytest

from pst_core import cli
from pst_core.calendar import WorkingCalendar, parse_duration
from pst_core.i18n import Language
from tests.holidays_data import needs_2028_estimates


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return cli.main(list(argv), out=out), out.getvalue()


def run_in(language: Language, *argv: str) -> tuple[int, str]:
    """Run a subcommand with the global ``--lang`` option."""
    out = io.StringIO()
    return cli.main(["--lang", language, *argv], out=out), out.getvalue()


def test_acceptance_all_indonesian() -> None:
    status, text = run_in("id", "deadline", "2026-03-17T14:00+07:00", "3 hari kerja")
    assert status == 0
    for word in ("Selasa", "WIB", "Cuti Bersama Hari Suci Nyepi", "Tenggat", "tenggat"):
        assert word in text
    assert "Hari penerimaan tidak dihitung" in text
    assert text.splitlines()[0] == (
        "Tenggat Jumat, 27 Maret 2026 pukul 16.00 WIB: 3 hari kerja sejak "
        "Selasa, 17 Maret 2026 pukul 14.00 WIB."
    )
    for english in ("Due", "working", "holiday", "March", "Tuesday", "+07:00", "cuti_bersama"):
        assert english not in text


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_command_prints_exactly_describe(language: Language) -> None:
    _, text = run_in(language, "deadline", "2026-03-17T14:00+07:00", "3 hari kerja")
    start = datetime.fromisoformat("2026-03-17T14:00+07:00")
    deadline = WorkingCalendar.pst().deadline(start, parse_duration("3 hari kerja"))
    assert text == deadline.describe(language) + "\n"


def test_golden_deadline_with_skipped_days() -> None:
    status, text = run("deadline", "2026-03-17T14:00+07:00", "3 hari kerja")
    assert status == 0
    lines = text.splitlines()
    assert lines[0] == (
        "Due Friday 27 March 2026, 16:00 WIB: 3 working days from Tuesday 17 March 2026, 14:00 WIB."
    )
    assert lines[1] == (
        "Calendar: WIB, 38 hours a week (Mon–Thu 08:00-15:30; Fri 08:00-16:00; Sat–Sun closed)."
    )
    assert lines[2] == (
        "The day of receipt does not count: due at the close of working day 3 after it."
    )
    assert lines[3] == "Final: no estimated holiday or missing decree affects it."
    assert lines[4] == "Days off passed over (7):"
    assert lines[6] == "  - Thursday 19 March 2026: Day of Silence (national holiday)"


@needs_2028_estimates
def test_province_zone_and_provisional_reasons() -> None:
    status, text = run("deadline", "2028-02-24T09:00", "3 working days", "--province", "Bali")
    assert status == 0
    assert text.startswith("Due Wednesday 1 March 2028, 15:30 WITA:")
    assert "Provisional: it may still move, because:" in text
    assert "  - no cuti bersama decree for 2028 in the holidays data" in text


def test_zone_option_and_minutes() -> None:
    status, text = run("deadline", "2026-11-26T15:25", "10 menit", "--zone", "Asia/Jayapura")
    assert status == 0
    assert text.startswith("Due Friday 27 November 2026, 08:05 WIT: 10 minutes from")
    assert "No day off passed over." in text
    assert "Open time counts from receipt" in text


def test_seven_days_on_a_closed_day() -> None:
    status, text = run_in("id", "deadline", "2026-03-22T10:00", "7 hari")
    assert status == 0
    assert "Tenggat jatuh pada Minggu, 29 Maret 2026: akhir pekan, hari kantor tutup" in text


def test_a_start_without_offset_is_read_in_the_calendars_zone(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, text = run("deadline", "2026-03-17T14:00", "3 hari kerja")
    assert status == 0
    assert "from Tuesday 17 March 2026, 14:00 WIB." in text
    status, shown = run("deadline", "--help")
    assert status == 0
    assert "read in the calendar's zone" in " ".join(shown.split())


def test_without_cuti_bersama() -> None:
    status, text = run("deadline", "2026-03-17T14:00+07:00", "3 hari kerja", "--no-cuti-bersama")
    assert status == 0
    assert text.startswith("Due Monday 23 March 2026, 15:30 WIB")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("yesterday", "3 hari kerja"), "ISO 8601"),
        (("2026-03-17T14:00+07:00", "sebentar"), "allowed: '<n> menit'"),
        (("2026-03-17T14:00+07:00", "3 hari kreja"), "'3 hari kerja' (the nearest accepted form)"),
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


def test_the_builtin_calendar_answers_without_the_file_loader() -> None:
    # A command-line answer pays for what it uses: cattrs and the calendar-file loader are
    # for --calendar FILE only (issue 15's cold-start goal).
    code = (
        "import sys\n"
        "from pst_core import cli\n"
        "status = cli.main(['deadline', '2026-03-17T14:00+07:00', '3 hari kerja'])\n"
        "print(status, 'cattrs' in sys.modules, 'pst_core.calendar.files' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.splitlines()[-1].split() == ["0", "False", "False"]
