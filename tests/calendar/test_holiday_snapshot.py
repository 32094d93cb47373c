"""The shipped snapshot of Indonesian holidays answers exactly as the ``holidays`` package.

pst_core reads ``data/holidays-ID.json`` instead of importing ``holidays`` only when the
installed release wrote it; these tests hold it to the package's own answers.
"""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
from datetime import date

import pytest

from pst_core._resources import package_text
from pst_core.calendar import holidays as source
from tests.holidays_data import needs_2028_estimates

SNAPSHOT = json.loads(package_text("pst_core.calendar", "data/holidays-ID.json"))

INSTALLED = importlib.metadata.version("holidays")

same_release = pytest.mark.skipif(
    SNAPSHOT["holidays_version"] != INSTALLED,
    reason=f"holidays {INSTALLED} is installed, the snapshot is of "
    f"{SNAPSHOT['holidays_version']}: pst_core asks the package itself",
)


def test_the_release_is_read_without_importing_holidays() -> None:
    assert source._installed_release() == INSTALLED
    assert source.holidays_version() == INSTALLED


@same_release
@pytest.mark.parametrize("year", sorted(SNAPSHOT["years"]))
def test_each_year_of_the_snapshot_is_the_package_s(year: str) -> None:
    assert source._snapshot() is not None
    from_snapshot = source.indonesian_holidays(int(year))
    assert from_snapshot.holidays == source.package_holidays(int(year))
    assert from_snapshot.decreed == any(
        h.kind == "cuti_bersama" for h in source.package_holidays(int(year))
    )


@same_release
def test_the_horizon_is_the_package_s() -> None:
    assert source.holiday_horizon() == source.package_horizon()


def test_another_release_asks_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "_installed_release", lambda: "0.0-not-the-snapshot")
    source._snapshot.cache_clear()
    try:
        assert source._snapshot() is None
    finally:
        source._snapshot.cache_clear()


def test_an_unknown_release_asks_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "_installed_release", lambda: None)
    source._snapshot.cache_clear()
    try:
        assert source._snapshot() is None
    finally:
        source._snapshot.cache_clear()


def test_a_year_outside_the_snapshot_asks_the_package() -> None:
    year = int(max(SNAPSHOT["years"])) + 1
    assert source.indonesian_holidays(year).holidays == source.package_holidays(year)


@same_release
def test_a_first_deadline_does_not_import_holidays() -> None:
    code = (
        "import sys\n"
        "from datetime import datetime\n"
        "from zoneinfo import ZoneInfo\n"
        "from pst_core.calendar import WorkingCalendar, WorkingDays\n"
        "start = datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo('Asia/Jakarta'))\n"
        "due = WorkingCalendar.pst().deadline(start, WorkingDays(3)).due\n"
        "print(due.isoformat(), 'holidays' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["2026-03-27T16:00:00+07:00", "False"]


def test_two_holidays_on_one_day_keep_their_own_english_names() -> None:
    # The package sorts each language's names on its own: Idul Fitri and Ascension Day
    # fell together on 13 May 2021, and "Hari Raya..." sorts first while "Ascension..." does.
    expected = {
        ("Hari Raya Idul Fitri", "Eid al-Fitr"),
        ("Kenaikan Yesus Kristus", "Ascension Day"),
    }
    for table in (source.package_holidays(2021), source.indonesian_holidays(2021).holidays):
        assert {(h.name, h.name_en) for h in table if h.day.isoformat() == "2021-05-13"} == expected


def test_a_name_the_catalogue_does_not_know_pairs_in_order() -> None:
    assert source._pairs(["Hari Baru", "Hari Lain"], ["New Day", "Other Day"]) == [
        ("Hari Baru", "New Day"),
        ("Hari Lain", "Other Day"),
    ]
    assert source._pairs(["Hari Baru"], []) == [("Hari Baru", "Hari Baru")]


@needs_2028_estimates
def test_the_package_is_asked_in_both_languages_with_its_estimates() -> None:
    table = source.package_holidays(2028)
    imlek = next(h for h in table if h.day == date(2028, 1, 26))
    assert (imlek.name, imlek.name_en, imlek.estimated) == (
        "Tahun Baru Imlek",
        "Lunar New Year",
        True,
    )
    assert all(h.name != h.name_en for h in table if h.kind == "national")
