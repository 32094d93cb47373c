"""``pst-core latest-start``: it prints `LatestStart.describe` in the chosen language,
and refuses a duration that is not working time or working days."""

from __future__ import annotations

import io
from datetime import datetime

import pytest

from pst_core import cli
from pst_core.calendar import WorkingCalendar, parse_duration
from pst_core.i18n import Language
from tests.english import assert_indonesian


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return cli.main(list(argv), out=out), out.getvalue()


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("duration", ["3 hari kerja", "90 menit"])
def test_the_command_prints_exactly_describe(language: Language, duration: str) -> None:
    status, text = run("--lang", language, "latest-start", "2026-03-27T16:00+07:00", duration)
    assert status == 0
    due = datetime.fromisoformat("2026-03-27T16:00+07:00")
    answer = WorkingCalendar.pst().latest_start(due, parse_duration(duration))  # type: ignore[arg-type]
    assert text == answer.describe(language) + "\n"


def test_golden_in_indonesian_with_a_wall_clock_due_in_the_calendars_zone() -> None:
    status, text = run("latest-start", "2026-11-30T09:00", "90 menit", "--lang", "id")
    assert status == 0
    assert text.splitlines()[0] == (
        "Mulai paling lambat Jumat, 27 November 2026 pukul 15.30 WIB: 1 jam 30 menit selesai "
        "paling lambat Senin, 30 November 2026 pukul 09.00 WIB."
    )
    assert_indonesian(text)
    status, text = run("latest-start", "2026-11-30T09:00", "1 jam", "--zone", "WITA")
    assert text.startswith("Start by Monday 30 November 2026, 08:00 WITA")


def test_calendar_durations_are_refused_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, text = run("--lang", "id", "latest-start", "2026-11-30T09:00", "7 hari")
    assert (status, text) == (1, "")
    err = capsys.readouterr().err
    assert err.startswith("pst-core latest-start: kesalahan: DURATION:")
    assert "'3 hari kerja'" in err
