"""The holiday tables: the ``holidays`` package read per kind and language, decrees applied.

Dates from DOMAIN.md section 3 (2025 cuti bersama; 2026 national holidays and cuti
bersama); names as the ``holidays`` package writes them. ``indonesian_holidays`` is
memoised, so the table builder is also called unwrapped: a test must not read a
table another test built.
"""

from __future__ import annotations

from datetime import date

import pytest

from pst_core.calendar import WorkingCalendar
from pst_core.calendar.holidays import (
    DecreedDay,
    HolidayYear,
    PublicHoliday,
    _table,
    check_year,
    decreed_holidays,
    holiday_horizon,
    indonesian_holidays,
    with_decrees,
)
from pst_core.errors import CalendarHorizonError
from tests.holidays_data import needs_2028_estimates

NATIONAL_2026 = [
    date(2026, 1, 1),
    date(2026, 1, 16),
    date(2026, 2, 17),
    date(2026, 3, 19),
    date(2026, 3, 21),
    date(2026, 3, 22),
    date(2026, 4, 3),
    date(2026, 4, 5),
    date(2026, 5, 1),
    date(2026, 5, 14),
    date(2026, 5, 27),
    date(2026, 5, 31),
    date(2026, 6, 1),
    date(2026, 6, 16),
    date(2026, 8, 17),
    date(2026, 8, 25),
    date(2026, 12, 25),
]

CUTI_2026 = [
    date(2026, 2, 16),
    date(2026, 3, 18),
    date(2026, 3, 20),
    date(2026, 3, 23),
    date(2026, 3, 24),
    date(2026, 5, 15),
    date(2026, 5, 28),
    date(2026, 12, 24),
]

CUTI_2025 = [
    date(2025, 1, 28),
    date(2025, 3, 28),
    date(2025, 4, 2),
    date(2025, 4, 3),
    date(2025, 4, 4),
    date(2025, 4, 7),
    date(2025, 5, 13),
    date(2025, 5, 30),
    date(2025, 6, 9),
    date(2025, 8, 18),
    date(2025, 12, 26),
]


@pytest.mark.golden
def test_the_package_table_of_one_kind_one_year_one_language() -> None:
    national = _table(2026, "national", "en_US")
    assert list(national) == NATIONAL_2026  # sorted by date, that year only
    assert national[date(2026, 3, 19)] == ["Day of Silence"]
    national_id = _table(2026, "national", "id")
    assert list(national_id) == NATIONAL_2026
    assert national_id[date(2026, 3, 19)] == ["Hari Suci Nyepi"]
    cuti = _table(2026, "cuti_bersama", "id")
    assert list(cuti) == CUTI_2026
    assert cuti[date(2026, 3, 18)] == ["Cuti Bersama Hari Suci Nyepi"]
    assert list(_table(2025, "cuti_bersama", "en_US")) == CUTI_2025


@pytest.mark.golden
def test_a_fresh_build_equals_the_memoised_one() -> None:
    fresh = indonesian_holidays.__wrapped__(2026)
    assert fresh == indonesian_holidays(2026)
    assert fresh.year == 2026
    assert fresh.decreed
    assert [h.day for h in fresh.national] == NATIONAL_2026
    assert [h.day for h in fresh.cuti_bersama] == CUTI_2026
    assert fresh.estimated == ()
    assert fresh.decrees == ()
    assert list(fresh.holidays) == sorted(fresh.holidays)
    (nyepi,) = fresh.on(date(2026, 3, 19))
    assert nyepi == PublicHoliday(
        date(2026, 3, 19), "Hari Suci Nyepi", "Day of Silence", "national"
    )
    (cuti,) = fresh.on(date(2026, 3, 18))
    assert cuti == PublicHoliday(
        date(2026, 3, 18),
        "Cuti Bersama Hari Suci Nyepi",
        "Day of Silence Joint Holiday",
        "cuti_bersama",
    )


@needs_2028_estimates
def test_estimated_dates_lose_the_mark_and_keep_the_flag() -> None:
    fresh = indonesian_holidays.__wrapped__(2028)
    assert fresh == indonesian_holidays(2028)
    lunar = fresh.on(date(2028, 1, 26))
    assert lunar == (
        PublicHoliday(
            date(2028, 1, 26), "Tahun Baru Imlek", "Lunar New Year", "national", estimated=True
        ),
    )
    assert lunar[0].describe("id") == "Tahun Baru Imlek (perkiraan)"
    assert lunar[0].describe("en") == "Lunar New Year (estimated)"
    assert lunar[0].describe() == "Lunar New Year (estimated)"
    (new_year,) = fresh.on(date(2028, 1, 1))
    assert not new_year.estimated
    assert new_year.describe("id") == "Tahun Baru Masehi"
    for holiday in fresh.holidays:
        assert "(" not in holiday.name
        assert "(" not in holiday.name_en


def test_a_year_without_cuti_bersama_is_not_decreed() -> None:
    fresh = indonesian_holidays.__wrapped__(2100)
    assert fresh.cuti_bersama == ()
    assert not fresh.decreed
    assert fresh.national


@pytest.mark.parametrize("year", [1945, 2101, 0, -1])
def test_years_outside_the_horizon(year: int) -> None:
    first, last = holiday_horizon()
    with pytest.raises(CalendarHorizonError) as caught:
        check_year(year)
    assert str(caught.value) == (
        f"year {year} is outside the calendar's horizon; allowed: {first} to {last}"
    )
    with pytest.raises(CalendarHorizonError):
        indonesian_holidays.__wrapped__(year)


def test_the_horizon_ends_are_inside() -> None:
    assert holiday_horizon() == (1946, 2100)
    assert check_year(1946) == 1946
    assert check_year(2100) == 2100


def test_a_decreed_day_as_a_holiday() -> None:
    day = DecreedDay(date(2026, 8, 18), "cuti_bersama", "Cuti Bersama", "SKB 1/2026")
    assert day.action == "add"
    assert day.name_en == ""
    assert day.holiday == PublicHoliday(
        date(2026, 8, 18), "Cuti Bersama", "Cuti Bersama", "cuti_bersama", decree="SKB 1/2026"
    )
    named = DecreedDay(date(2026, 8, 18), "national", "Libur", "K", name_en="Day off")
    assert named.holiday.name_en == "Day off"
    assert named.holiday.kind == "national"
    assert not named.holiday.estimated


def test_with_decrees_adds_replaces_and_removes() -> None:
    table = indonesian_holidays(2026)
    add = DecreedDay(date(2026, 8, 18), "cuti_bersama", "Cuti A", "SKB A")
    replace = DecreedDay(date(2026, 3, 18), "cuti_bersama", "Cuti B", "SKB B")
    remove = DecreedDay(date(2026, 3, 20), "cuti_bersama", "Cuti C", "SKB A", "remove")
    other_kind = DecreedDay(date(2026, 3, 19), "cuti_bersama", "Cuti D", "SKB B")
    other_year = DecreedDay(date(2027, 1, 4), "cuti_bersama", "Cuti E", "SKB E")
    result = with_decrees(table, (add, replace, remove, other_kind, other_year))
    assert result.year == 2026
    assert result.decrees == ("SKB A", "SKB B")
    assert result.on(date(2026, 8, 18)) == (add.holiday,)
    assert result.on(date(2026, 3, 18)) == (replace.holiday,)
    assert result.on(date(2026, 3, 20)) == ()
    assert sorted(h.kind for h in result.on(date(2026, 3, 19))) == ["cuti_bersama", "national"]
    assert list(result.holidays) == sorted(result.holidays)
    assert len(result.holidays) == len(table.holidays) + 1  # +A +D -C, B replaces one
    assert with_decrees(table, (other_year,)) is table
    assert with_decrees(table, ()) is table


def test_decrees_make_a_year_decreed_only_with_cuti_bersama() -> None:
    bare = HolidayYear(2100, (), decreed=False)
    national = DecreedDay(date(2100, 8, 18), "national", "Libur", "K")
    cuti = DecreedDay(date(2100, 8, 19), "cuti_bersama", "Cuti", "SKB")
    assert not with_decrees(bare, (national,)).decreed
    assert with_decrees(bare, (national, cuti)).decreed
    assert with_decrees(HolidayYear(2100, (), decreed=True), (national,)).decreed
    assert decreed_holidays(2100, (cuti,)).decreed
    assert decreed_holidays(2026) == indonesian_holidays(2026)


@needs_2028_estimates
def test_a_decree_on_an_estimated_day_clears_the_estimate() -> None:
    table = indonesian_holidays(2028)
    (lunar,) = table.on(date(2028, 1, 26))
    assert lunar.estimated
    cuti = DecreedDay(date(2028, 1, 26), "cuti_bersama", "Cuti Imlek", "SKB")
    result = with_decrees(table, (cuti,))
    assert sorted((h.kind, h.estimated) for h in result.on(date(2028, 1, 26))) == [
        ("cuti_bersama", False),
        ("national", False),
    ]
    # Another day's estimate stays.
    assert all(h.estimated for h in result.on(date(2028, 2, 27)))
    confirmed = with_decrees(
        table, (DecreedDay(date(2028, 1, 26), "national", "Tahun Baru Imlek", "Keppres"),)
    )
    (only,) = confirmed.on(date(2028, 1, 26))
    assert (only.estimated, only.decree) == (False, "Keppres")


@pytest.mark.golden
# DOMAIN.md section 3 reference dates.
@pytest.mark.parametrize(
    ("year", "kind", "days"),
    [
        (2025, "cuti_bersama", CUTI_2025),
        (2026, "national", NATIONAL_2026),
        (2026, "cuti_bersama", CUTI_2026),
    ],
)
def test_reference_holiday_dates(year: int, kind: str, days: list[date]) -> None:
    table = indonesian_holidays(year)
    found = table.national if kind == "national" else table.cuti_bersama
    assert sorted({h.day for h in found}) == days
    cal = WorkingCalendar.pst()
    for day in days:
        assert not cal.is_working_day(day)
        reason = cal.closed_reason(day)
        assert reason is not None
        assert reason.kind in (kind, "weekend") or reason.kind == "national"
