"""A deadline said to a person: `Deadline.describe` in both languages, its repr and its HTML.

Whole texts (a person reads them), and the HTML's content and structure (not its inline CSS).
"""

from __future__ import annotations

from datetime import date

import pytest

from pst_core.calendar import (
    CalendarDays,
    CalendarMonths,
    Skipped,
    WorkingCalendar,
    WorkingDays,
    WorkingTime,
)
from pst_core.calendar.holidays import holidays_version
from tests.calendar.helpers import at, html_structure
from tests.holidays_data import needs_2028_estimates

PST = WorkingCalendar.pst()


def _named() -> WorkingCalendar:
    return WorkingCalendar(name="BPS Kota X", source="office.toml").with_decreed_day(
        date(2026, 11, 27), "cuti_bersama", "Cuti contoh", decree="SKB contoh"
    )


_CALENDAR_EN = (
    "Calendar: BPS Kota X, WIB, 38 hours a week "
    "(Mon–Thu 08:00-15:30; Fri 08:00-16:00; Sat–Sun closed)."
)


@pytest.mark.golden
@needs_2028_estimates
def test_describe_lists_everything() -> None:
    text = PST.deadline(at("2028-02-24T09:00+07:00"), WorkingDays(3)).describe()
    assert text.splitlines()[0] == (
        "Due Wednesday 1 March 2028, 15:30 WIB: 3 working days from Thursday 24 February 2028, "
        "09:00 WIB."
    )
    assert "  - Eid al-Fitr on Sunday 27 February 2028 is an estimated date" in text
    assert "  - Sunday 27 February 2028: Eid al-Fitr (estimated) (national holiday)" in text


def test_describe_in_indonesian_is_all_indonesian() -> None:
    text = PST.deadline(at("2026-03-17T14:00+07:00"), WorkingDays(3)).describe("id")
    for word in ("Selasa", "WIB", "Cuti Bersama Hari Suci Nyepi", "tenggat", "Tenggat"):
        assert word in text
    assert "hari penerimaan tidak dihitung" in text.lower()
    for english in ("Due", "working", "holiday", "Tuesday", "March", "+07:00", "cuti_bersama"):
        assert english not in text


def test_seven_days_on_a_closed_day_says_so_without_moving() -> None:
    deadline = PST.deadline(at("2026-03-13T10:00+07:00"), CalendarDays(7))
    assert deadline.due == at("2026-03-20T10:00+07:00")
    assert deadline.closed_on_due is not None
    assert deadline.closed_on_due.kind == "cuti_bersama"
    assert "a day the office is closed; it is not moved" in deadline.describe()
    assert "hari kantor tutup; tenggat tidak digeser" in deadline.describe("id")
    sunday = PST.deadline(at("2026-03-22T10:00+07:00"), CalendarDays(7))
    assert "falls on Sunday 29 March 2026: weekend" in sunday.describe()


def test_deadline_repr_is_short_and_html_is_escaped() -> None:
    cal = PST.with_closure(date(2026, 4, 21), reason="<b>Pindah</b> kantor")
    deadline = cal.deadline(at("2026-04-20T14:00+07:00"), WorkingDays(2))
    assert len(repr(deadline)) < 200
    assert repr(deadline).startswith("Deadline(due='2026-04-23T15:30:00+07:00', duration=")
    html = deadline._repr_html_()
    assert "<b>Pindah</b>" not in html
    assert "&lt;b&gt;Pindah&lt;/b&gt; kantor" in html
    assert "<table" in html
    assert "Tuesday 21 April 2026" in html
    view = cal.month(2026, 4)
    assert len(repr(view)) < 200
    assert "&lt;b&gt;Pindah" in view._repr_html_()
    assert "<b>Pindah" not in view._repr_html_()


def test_other_zones_label_and_arithmetic() -> None:
    cal = WorkingCalendar.for_province("Papua")
    deadline = cal.deadline(at("2026-11-26T15:25+09:00"), WorkingTime(10))
    assert deadline.due == at("2026-11-27T08:05+09:00")
    assert "WIT" in deadline.describe()
    assert "+09:00" not in deadline.describe("id")


@pytest.mark.golden
def test_deadline_said_in_full_in_both_languages() -> None:
    deadline = _named().deadline(at("2026-11-26T09:00+07:00"), WorkingDays(1))
    assert repr(deadline) == (
        "Deadline(due='2026-11-30T15:30:00+07:00', duration=WorkingDays(n=1), "
        "provisional=False, skipped=3)"
    )
    assert deadline.closed_on_due is None
    assert deadline.describe("id") == "\n".join(
        [
            "Tenggat Senin, 30 November 2026 pukul 15.30 WIB: 1 hari kerja sejak Kamis, "
            "26 November 2026 pukul 09.00 WIB.",
            "Kalender: BPS Kota X, WIB, 38 jam per minggu "
            "(Sen–Kam 08.00-15.30; Jum 08.00-16.00; Sab–Min tutup).",
            "Hari penerimaan tidak dihitung: tenggat pada akhir jam layanan hari kerja ke-1 "
            "sesudahnya.",
            "Pasti: tidak bergantung pada tanggal perkiraan atau keputusan yang belum ada.",
            "Hari libur yang dilewati (3):",
            "  - Jumat, 27 November 2026: Cuti contoh (cuti bersama)",
            "  - Sabtu, 28 November 2026: akhir pekan",
            "  - Minggu, 29 November 2026: akhir pekan",
            "Sumber: office.toml; SKB contoh.",
        ]
    )
    assert deadline.describe() == "\n".join(
        [
            "Due Monday 30 November 2026, 15:30 WIB: 1 working day from Thursday "
            "26 November 2026, 09:00 WIB.",
            _CALENDAR_EN,
            "The day of receipt does not count: due at the close of working day 1 after it.",
            "Final: no estimated holiday or missing decree affects it.",
            "Days off passed over (3):",
            "  - Friday 27 November 2026: Cuti contoh (collective leave)",
            "  - Saturday 28 November 2026: weekend",
            "  - Sunday 29 November 2026: weekend",
            "Sources: office.toml; SKB contoh.",
        ]
    )


@pytest.mark.golden
def test_deadline_said_for_working_time_and_calendar_durations() -> None:
    cal = _named()
    minutes = cal.deadline(at("2026-11-26T09:00+07:00"), WorkingTime(10))
    assert minutes.describe() == "\n".join(
        [
            "Due Thursday 26 November 2026, 09:10 WIB: 10 minutes from Thursday "
            "26 November 2026, 09:00 WIB.",
            _CALENDAR_EN,
            "Open time counts from receipt (from the next opening when the office is closed).",
            "Final: no estimated holiday or missing decree affects it.",
            "No day off passed over.",
            "Sources: office.toml; SKB contoh.",
        ]
    )
    week = cal.deadline(at("2026-03-13T10:00+07:00"), CalendarDays(7))
    assert week.closed_on_due == Skipped(
        date(2026, 3, 20),
        "Cuti Bersama Hari Raya Idul Fitri",
        "cuti_bersama",
        "Eid al-Fitr Joint Holiday",
    )
    assert week.describe() == "\n".join(
        [
            "Due Friday 20 March 2026, 10:00 WIB: 7 calendar days from Friday 13 March 2026, "
            "10:00 WIB.",
            _CALENDAR_EN,
            "Calendar time counts by the date, open or closed; the day of receipt does not count.",
            "The deadline falls on Friday 20 March 2026: Eid al-Fitr Joint Holiday "
            "(collective leave), a day the office is closed; it is not moved.",
            "Final: no estimated holiday or missing decree affects it.",
        ]
    )
    month = cal.deadline(at("2026-03-13T10:00+07:00"), CalendarMonths(1))
    assert month.closed_on_due is None
    assert month.sources == ()
    assert month.describe().splitlines()[-1] == (
        "Final: no estimated holiday or missing decree affects it."
    )
    on_closed = cal.deadline(at("2026-03-17T10:00+07:00"), CalendarMonths(1))
    assert on_closed.due == at("2026-04-17T10:00+07:00")
    assert on_closed.closed_on_due is None  # a Friday, open
    saturday = cal.deadline(at("2026-03-18T10:00+07:00"), CalendarMonths(1))
    assert saturday.closed_on_due == Skipped(date(2026, 4, 18), "akhir pekan", "weekend", "weekend")
    unnamed = WorkingCalendar().deadline(at("2026-11-26T09:00+07:00"), WorkingTime(10))
    assert unnamed.describe().splitlines()[1].startswith("Calendar: WIB, 38 hours a week")
    assert unnamed.describe().splitlines()[-1] == "No day off passed over."


def test_deadline_html_in_full() -> None:
    cal = _named().with_closure(date(2026, 11, 30), reason="Pindah kantor")
    deadline = cal.deadline(at("2026-11-26T09:00+07:00"), WorkingDays(1))
    assert deadline.due == at("2026-12-01T15:30+07:00")
    shown = html_structure(deadline._repr_html_())
    # The title, the first four lines of the English text, then the days off and the sources.
    assert shown.title == "Deadline"
    assert shown.lines == deadline.describe().splitlines()[:4]
    days_off, sources = shown.tables
    assert days_off.caption == "Days off passed over (4)"
    assert days_off.headers == ["Date", "Reason", "Kind"]
    assert days_off.texts == [
        ["Friday 27 November 2026", "Cuti contoh", "collective leave"],
        ["Saturday 28 November 2026", "weekend", "weekend"],
        ["Sunday 29 November 2026", "weekend", "weekend"],
        ["Monday 30 November 2026", "Pindah kantor", "closed"],
    ]
    indonesian = html_structure(deadline.to_html("id"))
    assert indonesian.title == "Tenggat"
    assert indonesian.lines == deadline.describe("id").splitlines()[:4]
    first = indonesian.tables[0].texts[0]
    assert first == ["Jumat, 27 November 2026", "Cuti contoh", "cuti bersama"]
    assert (sources.caption, sources.headers) == ("", ["Source"])
    assert sources.texts == [["office.toml"], ["SKB contoh"]]
    plain = WorkingCalendar().deadline(at("2026-11-26T09:00+07:00"), WorkingTime(1))
    alone = html_structure(plain._repr_html_())
    assert (alone.title, alone.tables) == ("Deadline", [])
    assert alone.lines == plain.describe().splitlines()[:4]


@pytest.mark.golden
def test_every_line_of_a_deadline_is_said_in_indonesian() -> None:
    cal = WorkingCalendar()
    calendar_id = (
        "Kalender: WIB, 38 jam per minggu (Sen–Kam 08.00-15.30; Jum 08.00-16.00; Sab–Min tutup)."
    )
    final_id = "Pasti: tidak bergantung pada tanggal perkiraan atau keputusan yang belum ada."
    minutes = cal.deadline(at("2026-11-26T09:00+07:00"), WorkingTime(10))
    assert minutes.describe("id") == "\n".join(
        [
            "Tenggat Kamis, 26 November 2026 pukul 09.10 WIB: 10 menit sejak Kamis, "
            "26 November 2026 pukul 09.00 WIB.",
            calendar_id,
            "Waktu kerja dihitung sejak diterima (sejak buka berikutnya bila kantor tutup).",
            final_id,
            "Tidak ada hari libur yang dilewati.",
        ]
    )
    week = cal.deadline(at("2026-03-13T10:00+07:00"), CalendarDays(7))
    assert week.describe("id") == "\n".join(
        [
            "Tenggat Jumat, 20 Maret 2026 pukul 10.00 WIB: 7 hari sejak Jumat, "
            "13 Maret 2026 pukul 10.00 WIB.",
            calendar_id,
            "Hari kalender dihitung menurut tanggal, kantor buka atau tutup; "
            "hari penerimaan tidak dihitung.",
            "Tenggat jatuh pada Jumat, 20 Maret 2026: Cuti Bersama Hari Raya Idul Fitri, "
            "hari kantor tutup; tenggat tidak digeser.",
            final_id,
        ]
    )
    # No decree will ever be in the data for 2100.
    late = cal.deadline(at("2100-03-01T10:00+07:00"), WorkingDays(1))
    version = holidays_version()
    assert late.describe("id").splitlines()[3:] == [
        "Sementara: tenggat masih dapat bergeser, karena:",
        f"  - SKB cuti bersama 2100 belum ada dalam data hari libur (holidays {version})",
        "Tidak ada hari libur yang dilewati.",
    ]
    assert late.describe().splitlines()[3:] == [
        "Provisional: it may still move, because:",
        f"  - no cuti bersama decree for 2100 in the holidays data (holidays {version})",
        "No day off passed over.",
    ]
