"""Golden deadlines and holiday facts from DOMAIN.md section 3."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest

from pst_core._validation import parse_instant
from pst_core.calendar import WorkingCalendar, parse_duration
from pst_core.calendar.holidays import indonesian_holidays
from tests.holidays_data import needs_2027_decree

RESOURCES = Path(__file__).parent.parent / "resources" / "calendar"


def _rows() -> list[list[str]]:
    with (RESOURCES / "pst_jakarta.csv").open(encoding="utf-8") as handle:
        return [row for row in csv.reader(handle) if row and not row[0].startswith("#")]


@pytest.mark.parametrize("row", _rows(), ids=lambda row: row[3])
def test_golden_deadline(row: list[str]) -> None:
    start, phrase, due, _ = row
    cal = WorkingCalendar.pst()
    result = cal.add(parse_instant(start, "start"), parse_duration(phrase))
    assert result == parse_instant(due, "due")
    assert result.isoformat() == parse_instant(due, "due").isoformat()  # in the calendar's zone


def test_golden_deadline_explains_skipped_days() -> None:
    cal = WorkingCalendar.pst()
    deadline = cal.deadline(
        datetime.fromisoformat("2026-03-17T14:00+07:00"), parse_duration("3 hari kerja")
    )
    assert [(s.day.isoformat(), s.kind) for s in deadline.skipped] == [
        ("2026-03-18", "cuti_bersama"),
        ("2026-03-19", "national"),
        ("2026-03-20", "cuti_bersama"),
        ("2026-03-21", "national"),
        ("2026-03-22", "national"),
        ("2026-03-23", "cuti_bersama"),
        ("2026-03-24", "cuti_bersama"),
    ]
    assert deadline.skipped[1].reason_en == "Day of Silence"
    assert deadline.skipped[1].reason == "Hari Suci Nyepi"
    assert not deadline.provisional
    assert deadline.reasons == ()


# DOMAIN.md section 3 reference dates.
CUTI_BERSAMA_2025 = [
    "01-28",
    "03-28",
    "04-02",
    "04-03",
    "04-04",
    "04-07",
    "05-13",
    "05-30",
    "06-09",
    "08-18",
    "12-26",
]
NATIONAL_2026 = [
    "01-01",
    "01-16",
    "02-17",
    "03-19",
    "03-21",
    "03-22",
    "04-03",
    "04-05",
    "05-01",
    "05-14",
    "05-27",
    "05-31",
    "06-01",
    "06-16",
    "08-17",
    "08-25",
    "12-25",
]
CUTI_BERSAMA_2026 = ["02-16", "03-18", "03-20", "03-23", "03-24", "05-15", "05-28", "12-24"]


@pytest.mark.parametrize(
    ("year", "kind", "days"),
    [
        (2025, "cuti_bersama", CUTI_BERSAMA_2025),
        (2026, "national", NATIONAL_2026),
        (2026, "cuti_bersama", CUTI_BERSAMA_2026),
    ],
)
def test_reference_holiday_dates(year: int, kind: str, days: list[str]) -> None:
    table = indonesian_holidays(year)
    found = table.national if kind == "national" else table.cuti_bersama
    assert sorted({h.day for h in found}) == [date.fromisoformat(f"{year}-{d}") for d in days]
    cal = WorkingCalendar.pst()
    for d in days:
        day = date.fromisoformat(f"{year}-{d}")
        assert not cal.is_working_day(day)
        reason = cal.closed_reason(day)
        assert reason is not None
        assert reason.kind in (kind, "weekend") or reason.kind == "national"


def test_without_cuti_bersama_those_days_open() -> None:
    cal = WorkingCalendar(cuti_bersama=False)
    assert cal.is_working_day(date(2026, 3, 18))
    assert not cal.is_working_day(date(2026, 3, 19))
    assert cal.add(
        datetime.fromisoformat("2026-03-17T14:00+07:00"), parse_duration("3 hari kerja")
    ) == (datetime.fromisoformat("2026-03-23T15:30+07:00"))


def test_without_any_holidays_only_weekends_close() -> None:
    cal = WorkingCalendar(national_holidays=False, cuti_bersama=False)
    assert cal.is_working_day(date(2026, 3, 19))
    deadline = cal.deadline(
        datetime.fromisoformat("2028-02-24T09:00+07:00"), parse_duration("3 hari kerja")
    )
    assert not deadline.provisional


@needs_2027_decree
def test_provisional_when_estimated_or_undecreed() -> None:
    cal = WorkingCalendar.pst()
    deadline = cal.deadline(
        datetime.fromisoformat("2027-03-08T09:00+07:00"), parse_duration("3 hari kerja")
    )
    assert deadline.provisional
    assert any(
        r.kind == "estimated" and r.day == date(2027, 3, 10) and "estimated" in str(r)
        for r in deadline.reasons
    )
    assert not any(
        "decree" in str(reason) for reason in deadline.reasons
    )  # 2027's decree is in the data
    later = cal.deadline(
        datetime.fromisoformat("2028-07-03T09:00+07:00"), parse_duration("1 hari kerja")
    )
    assert later.provisional
    assert later.reasons == (later.reasons[0],)
    assert "no cuti bersama decree for 2028" in later.reasons[0].describe()
    calendar_days = cal.deadline(
        datetime.fromisoformat("2028-07-03T09:00+07:00"), parse_duration("7 hari")
    )
    assert not calendar_days.provisional
    assert calendar_days.skipped == ()
