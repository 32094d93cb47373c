"""Which days are off and why: weekends, weekdays without hours, national holidays, cuti bersama.

Each kind of holiday can be switched off; every day off carries its reason in both
languages (the holiday's names from the ``holidays`` package).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pst_core.calendar import (
    Skipped,
    Window,
    WorkingCalendar,
    WorkingHours,
    parse_duration,
)
from tests.calendar.helpers import fresh_pst

PST = WorkingCalendar.pst()


def kinds(cal: WorkingCalendar, first: date, last: date) -> list[tuple[str, str]]:
    return [(off.day.isoformat(), off.kind) for off in cal.days_off(first, last)]


def test_weekday_without_hours_is_named() -> None:
    cal = WorkingCalendar(hours=WorkingHours.parse({"mon": "08:00-12:00", "wed": "08:00-12:00"}))
    reason = cal.closed_reason(date(2026, 11, 24))
    assert reason is not None
    assert (reason.kind, reason.reason_en) == ("no_hours", "no opening hours on Tuesdays")
    assert reason.reason == "tidak ada jam layanan hari Selasa"
    assert cal.closed_reason(date(2026, 11, 23)) is None
    weekend = PST.closed_reason(date(2026, 11, 28))
    assert weekend is not None
    assert (weekend.reason_en, weekend.reason) == ("weekend", "akhir pekan")


def test_days_off_with_their_reasons_in_both_languages() -> None:
    cal = fresh_pst()
    assert cal.days_off(date(2026, 3, 14), date(2026, 3, 19)) == (
        Skipped(date(2026, 3, 14), "akhir pekan", "weekend", "weekend"),
        Skipped(date(2026, 3, 15), "akhir pekan", "weekend", "weekend"),
        Skipped(
            date(2026, 3, 18),
            "Cuti Bersama Hari Suci Nyepi",
            "cuti_bersama",
            "Day of Silence Joint Holiday",
        ),
        Skipped(date(2026, 3, 19), "Hari Suci Nyepi", "national", "Day of Silence"),
    )


def test_each_kind_of_day_off_can_be_switched_off() -> None:
    first, last = date(2026, 3, 16), date(2026, 3, 24)
    no_national = WorkingCalendar(national_holidays=False)
    assert kinds(no_national, first, last) == [
        ("2026-03-18", "cuti_bersama"),
        ("2026-03-20", "cuti_bersama"),
        ("2026-03-21", "weekend"),
        ("2026-03-22", "weekend"),
        ("2026-03-23", "cuti_bersama"),
        ("2026-03-24", "cuti_bersama"),
    ]
    no_cuti = WorkingCalendar(cuti_bersama=False)
    assert kinds(no_cuti, first, last) == [
        ("2026-03-19", "national"),
        ("2026-03-21", "national"),
        ("2026-03-22", "national"),
    ]
    neither = WorkingCalendar(cuti_bersama=False, national_holidays=False)
    assert kinds(neither, first, last) == [("2026-03-21", "weekend"), ("2026-03-22", "weekend")]
    assert neither.is_working_day(date(2026, 3, 19))
    assert not no_cuti.is_working_day(date(2026, 3, 19))
    assert no_cuti.is_working_day(date(2026, 3, 18))


def test_weekend_and_weekday_without_hours() -> None:
    hours = WorkingHours.parse(
        {"mon": "08:00-12:00", "wed-fri": "08:00-12:00", "sun": "08:00-09:00"}
    )
    cal = WorkingCalendar(hours=hours, national_holidays=False, cuti_bersama=False)
    assert cal.days_off(date(2026, 11, 23), date(2026, 11, 29)) == (
        Skipped(
            date(2026, 11, 24),
            "tidak ada jam layanan hari Selasa",
            "no_hours",
            "no opening hours on Tuesdays",
        ),
        Skipped(date(2026, 11, 28), "akhir pekan", "weekend", "weekend"),
    )
    assert cal.is_working_day(date(2026, 11, 29))  # a Sunday with hours is a working day
    assert cal.windows_on(date(2026, 11, 24)) == ()
    assert cal.windows_on(date(2026, 11, 28)) == ()
    assert cal.windows_on(date(2026, 11, 29)) == (Window("08:00", "09:00"),)
    assert fresh_pst().windows_on(date(2026, 3, 19)) == ()  # a national holiday


def test_first_and_last_day_of_a_year() -> None:
    cal = WorkingCalendar(national_holidays=False, cuti_bersama=False)
    assert cal.is_working_day(date(2026, 1, 1))  # a Thursday
    assert cal.is_working_day(date(2026, 12, 31))  # a Thursday
    assert not cal.is_working_day(date(2027, 1, 2))  # a Saturday
    pst = fresh_pst()
    assert not pst.is_working_day(date(2026, 1, 1))
    assert (
        pst.closed_reason(date(2026, 1, 1)) == pst.days_off(date(2026, 1, 1), date(2026, 1, 1))[0]
    )


@pytest.mark.golden
def test_without_cuti_bersama_those_days_open() -> None:
    cal = WorkingCalendar(cuti_bersama=False)
    assert cal.is_working_day(date(2026, 3, 18))
    assert not cal.is_working_day(date(2026, 3, 19))
    assert cal.add(
        datetime.fromisoformat("2026-03-17T14:00+07:00"), parse_duration("3 hari kerja")
    ) == (datetime.fromisoformat("2026-03-23T15:30+07:00"))
