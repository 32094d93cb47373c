"""``pst-core deadline --calendar``, ``calendar``, ``holidays`` and ``provinces``."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from pst_core import cli
from pst_core.i18n import Language
from tests.holidays_data import needs_2028_estimates

ROOT = Path(__file__).resolve().parents[2]
RAMADAN = str(ROOT / "examples" / "calendar-ramadan-1447.toml")
CLOSURE = str(ROOT / "examples" / "calendar-closure.toml")
DECREED = str(ROOT / "examples" / "calendar-decreed-days.toml")


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return cli.main(list(argv), out=out), out.getvalue()


def run_in(language: Language, *argv: str) -> tuple[int, str]:
    """Run a subcommand with the global ``--lang`` option."""
    out = io.StringIO()
    return cli.main(["--lang", language, *argv], out=out), out.getvalue()


def test_ramadan_file_closes_at_15_00_not_15_30() -> None:
    status, plain = run("deadline", "2026-03-02T14:00+07:00", "3 hari kerja")
    assert plain.startswith("Due Thursday 5 March 2026, 15:30 WIB")
    status, text = run("deadline", "2026-03-02T14:00+07:00", "3 hari kerja", "--calendar", RAMADAN)
    assert status == 0
    assert text.startswith("Due Thursday 5 March 2026, 15:00 WIB")
    assert "Calendar: Contoh kantor / Example office, WIB," in text
    assert f"Sources: {RAMADAN}." in text


def test_closure_file_skips_and_names_the_closed_day() -> None:
    status, text = run("deadline", "2026-11-20T10:00", "2 hari kerja", "--calendar", CLOSURE)
    assert status == 0
    # A start without an offset is read in the file's zone (Bali: WITA).
    assert "from Friday 20 November 2026, 10:00 WITA." in text
    assert text.startswith("Due Thursday 26 November 2026, 15:30 WITA")
    assert "  - Monday 23 November 2026: Pindah kantor (contoh) / Office relocation" in text
    _, indonesian = run_in(
        "id", "deadline", "2026-11-20T10:00", "2 hari kerja", "--calendar", CLOSURE
    )
    assert "  - Senin, 23 November 2026: Pindah kantor (contoh) / Office" in indonesian


@needs_2028_estimates
def test_decreed_file_makes_the_year_not_provisional_and_cites_the_decree() -> None:
    _, plain = run("deadline", "2028-02-24T09:00+07:00", "3 hari kerja")
    assert "Provisional:" in plain
    status, text = run("deadline", "2028-02-24T09:00+07:00", "3 hari kerja", "--calendar", DECREED)
    assert status == 0
    assert "Final:" in text
    assert "SKB contoh 2028 (illustrative, not a real decree)." in text


def test_calendar_march_2026_shows_nyepi_idul_fitri_and_cuti_bersama() -> None:
    status, text = run_in("id", "calendar", "2026-03", "--today", "2026-03-17")
    assert status == 0
    lines = text.splitlines()
    assert lines[0] == "Maret 2026 (Asia/Jakarta, WIB)"
    assert " 16  >17<  18+  19*  20+  21*  22*" in lines
    assert "  Kamis, 19 Maret 2026  * Hari Suci Nyepi" in lines
    assert "  Sabtu, 21 Maret 2026  * Hari Raya Idul Fitri" in lines
    assert "  Rabu, 18 Maret 2026  + Cuti Bersama Hari Suci Nyepi" in lines
    assert sum("+ Cuti Bersama" in line for line in lines) == 4
    status, text = run("calendar", "2026-03", "--today", "2026-03-17")
    assert text.splitlines()[0] == "March 2026 (Asia/Jakarta, WIB)"
    assert "  Wednesday 18 March 2026  + Day of Silence Joint Holiday" in text.splitlines()


def test_calendar_with_a_ramadan_file_and_html() -> None:
    status, text = run("calendar", "2026-03", "--calendar", RAMADAN, "--today", "2026-03-02")
    assert status == 0
    assert text.startswith("Contoh kantor / Example office\n")
    assert "> 2~" in text
    assert "  ~ Ramadan 1447 H (2026-02-18 – 2026-03-19): Mon–Thu 08:00-12:00, 12:30-15:00" in text
    _, indonesian = run_in("id", "calendar", "2026-03", "--calendar", RAMADAN)
    assert "  ~ Ramadan 1447 H (2026-02-18 – 2026-03-19): Sen–Kam 08.00-12.00, 12.30-15.00" in (
        indonesian
    )
    status, html = run("calendar", "2026-11", "--calendar", CLOSURE, "--html")
    assert status == 0
    assert "<table>" in html
    assert "Pindah kantor" in html


def test_holidays_lists_kind_source_and_estimates() -> None:
    status, text = run_in("id", "holidays", "2028")
    assert status == 0
    assert "  libur nasional      Hari Raya Idul Fitri  [perkiraan]" in text
    assert text.rstrip().splitlines()[-1].startswith("SKB cuti bersama belum terbit")
    status, text = run("holidays", "2028")
    assert "  national holiday    Eid al-Fitr  [estimated]" in text
    assert "cuti_bersama" not in text
    status, text = run_in("id", "holidays", "2028", "--calendar", DECREED)
    assert "  2028-02-29  cuti bersama" in text
    assert "<- SKB contoh 2028" in text
    assert text.rstrip().splitlines()[-1].startswith("SKB cuti bersama sudah terbit")
    _, text = run("holidays", "2028", "--calendar", DECREED)
    assert "  2028-02-29  collective leave" in text


def test_holidays_lists_closures_from_the_file() -> None:
    status, text = run("holidays", "2026", "--calendar", CLOSURE)
    assert status == 0
    assert "2026-11-23 – 2026-11-24  closed" in text
    _, text = run_in("id", "holidays", "2026", "--calendar", CLOSURE)
    assert "2026-11-23 – 2026-11-24  tutup" in text


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("DKI", "DKI Jakarta (Jakarta)"),
        ("DIY", "DI Yogyakarta (Special Region of Yogyakarta)"),
        ("Yogyakarta", "DI Yogyakarta"),
        ("Babel", "Kepulauan Bangka Belitung"),
        ("Kep. Bangka Belitung", "Kepulauan Bangka Belitung"),
        ("NTB", "Nusa Tenggara Barat"),
        ("Papua Barat Daya", "Papua Barat Daya (Southwest Papua)"),
    ],
)
def test_provinces_found_as_people_write_them(name: str, expected: str) -> None:
    status, text = run("provinces", name)
    assert status == 0
    assert text.splitlines()[1].startswith(expected)


def test_provinces_lists_38_with_zone() -> None:
    status, text = run("provinces")
    assert status == 0
    lines = text.splitlines()[1:]
    assert len(lines) == 38
    assert sum(" WITA " in line for line in lines) == 12
    assert sum(" WIT " in line for line in lines) == 8


@pytest.mark.parametrize("zone", ["WIB", "WITA", "WIT"])
def test_zone_labels_on_the_command_line(zone: str) -> None:
    status, text = run("deadline", "2026-11-26T15:25", "10 menit", "--zone", zone)
    assert status == 0
    assert f"from Thursday 26 November 2026, 15:25 {zone}." in text


def test_a_bad_calendar_file_is_one_line_with_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[hours]\nmon = "15:00-08:00"\n', encoding="utf-8")
    status, _ = run("calendar", "2026-03", "--calendar", str(bad))
    assert status == 1
    err = capsys.readouterr().err
    assert err.startswith("pst-core calendar: error: ")
    assert "hours" in err


def test_bad_month() -> None:
    status, _ = run("calendar", "2026-13")
    assert status == 1
