"""The per-year index: exact instants, wall-clock edges across DST, steadiness, reasons said."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from pst_core.calendar.deadline import Provisional, Skipped
from pst_core.calendar.hours import Window
from pst_core.calendar.index import (
    MICROS_PER_MINUTE,
    DayPlan,
    build_year,
    from_micros,
    local_micros,
    to_micros,
)
from tests.calendar.helpers import WIB

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

HOUR = 60 * MICROS_PER_MINUTE


def _plan_mondays(day: date) -> DayPlan:
    if day.weekday() == 0:
        return DayPlan(day, (Window("08:00", "10:00"), Window("13:00", "14:00")))
    return DayPlan(day, (), Skipped(day, "tutup", "no_hours", "closed"))


def test_micros_are_exact_and_round_trip() -> None:
    moment = datetime(2026, 1, 2, 0, 0, 0, 1, tzinfo=WIB)
    assert to_micros(moment) == 1_767_286_800_000_001
    assert to_micros(datetime(1970, 1, 1, tzinfo=timezone.utc)) == 0
    assert to_micros(datetime(1969, 12, 31, 23, 59, 59, 999_999, tzinfo=timezone.utc)) == -1
    back = from_micros(1_767_286_800_000_001, WIB)
    assert back == moment
    assert back.tzinfo is WIB
    assert from_micros(-1, timezone.utc) == datetime(
        1969, 12, 31, 23, 59, 59, 999_999, tzinfo=timezone.utc
    )


def test_local_micros_reads_the_wall_clock() -> None:
    assert local_micros(date(2026, 1, 1), 0, WIB) == to_micros(datetime(2026, 1, 1, tzinfo=WIB))
    assert local_micros(date(2026, 1, 1), 8 * 60 + 5, WIB) == to_micros(
        datetime(2026, 1, 1, 8, 5, tzinfo=WIB)
    )
    # Minute 1440 is the next local midnight.
    assert local_micros(date(2026, 1, 1), 1440, WIB) == to_micros(datetime(2026, 1, 2, tzinfo=WIB))
    # A DST day is 23 or 25 hours of wall clock.
    spring, autumn = date(2026, 3, 29), date(2026, 10, 25)
    assert local_micros(spring, 1440, AMSTERDAM) - local_micros(spring, 0, AMSTERDAM) == 23 * HOUR
    assert local_micros(autumn, 1440, AMSTERDAM) - local_micros(autumn, 0, AMSTERDAM) == 25 * HOUR
    # 02:30 does not exist on the spring day: read with the offset before the gap (03:30 CEST).
    gap = local_micros(spring, 150, AMSTERDAM)
    assert from_micros(gap, AMSTERDAM) == datetime(2026, 3, 29, 3, 30, tzinfo=AMSTERDAM)
    assert local_micros(spring, 12 * 60, AMSTERDAM) == to_micros(
        datetime(2026, 3, 29, 12, tzinfo=AMSTERDAM)
    )


def test_a_small_index_in_full() -> None:
    index = build_year(2026, _plan_mondays, WIB)
    year = range(date(2026, 1, 1).toordinal(), date(2027, 1, 1).toordinal())
    mondays = [d for d in year if date.fromordinal(d).weekday() == 0]
    assert index.year == 2026
    assert index.zone is WIB
    assert index.begins == to_micros(datetime(2026, 1, 1, tzinfo=WIB))
    assert index.ends == to_micros(datetime(2027, 1, 1, tzinfo=WIB))
    assert index.day_ordinals == tuple(mondays)
    assert len(index.opens) == len(index.closes) == 2 * len(mondays)
    first = date.fromordinal(mondays[0])
    assert first == date(2026, 1, 5)
    assert index.opens[:2] == (
        to_micros(datetime(2026, 1, 5, 8, tzinfo=WIB)),
        to_micros(datetime(2026, 1, 5, 13, tzinfo=WIB)),
    )
    assert index.closes[:2] == (
        to_micros(datetime(2026, 1, 5, 10, tzinfo=WIB)),
        to_micros(datetime(2026, 1, 5, 14, tzinfo=WIB)),
    )
    assert index.cumulative[:4] == (0, 2 * HOUR, 3 * HOUR, 5 * HOUR)
    assert index.total == 3 * HOUR * len(mondays)
    assert index.open_times[0] == datetime(2026, 1, 5, 8, tzinfo=WIB)
    assert index.day_closes[0] == index.closes[1]
    assert index.day_close_times[0] == datetime(2026, 1, 5, 14, tzinfo=WIB)
    assert index.day_midnights[0] == to_micros(datetime(2026, 1, 5, tzinfo=WIB))
    assert len(index.off_days) == 365 - len(mondays)
    assert index.off_days[0] == Skipped(date(2026, 1, 1), "tutup", "no_hours", "closed")
    assert index.off_ordinals == tuple(off.day.toordinal() for off in index.off_days)
    assert index.steady
    assert index.offset == 7 * 3600
    assert index.estimated == ()
    assert index.undecreed is None


def test_elapsed_before_inside_and_after_windows() -> None:
    index = build_year(2026, _plan_mondays, WIB)
    monday = datetime(2026, 1, 5, tzinfo=WIB)
    assert index.elapsed(to_micros(monday)) == 0
    assert index.elapsed(to_micros(monday.replace(hour=8))) == 0
    assert index.elapsed(to_micros(monday.replace(hour=9))) == HOUR
    assert index.elapsed(to_micros(monday.replace(hour=10))) == 2 * HOUR
    assert index.elapsed(to_micros(monday.replace(hour=12))) == 2 * HOUR
    assert index.elapsed(to_micros(monday.replace(hour=13, minute=30))) == 2 * HOUR + HOUR // 2
    assert index.elapsed(to_micros(monday.replace(hour=23))) == 3 * HOUR
    assert index.elapsed(index.ends) == index.total


def test_reasons_are_passed_through() -> None:
    reason = Provisional("undecreed", 2026, version="x")
    estimated = ((date(2026, 3, 2).toordinal(), Provisional("estimated", 2026, date(2026, 3, 2))),)
    index = build_year(2026, _plan_mondays, WIB, estimated=estimated, undecreed=reason)
    assert index.estimated == estimated
    assert index.undecreed is reason


def test_steadiness() -> None:
    assert not build_year(2026, _plan_mondays, AMSTERDAM).steady
    assert build_year(2026, _plan_mondays, AMSTERDAM).offset is None
    assert build_year(2026, _plan_mondays, ZoneInfo("Asia/Makassar")).offset == 8 * 3600
    odd = timezone(timedelta(hours=7, microseconds=1))  # not whole seconds: never steady
    index = build_year(2026, _plan_mondays, odd)
    assert (index.steady, index.offset) == (False, None)
    seconds = timezone(timedelta(hours=7, seconds=13))
    assert build_year(2026, _plan_mondays, seconds).offset == 7 * 3600 + 13


def test_a_zone_that_changes_offset_once_is_not_steady() -> None:
    # Asia/Pyongyang moved from UTC+8:30 to UTC+9 on 2018-05-05 (tzdata).
    pyongyang = ZoneInfo("Asia/Pyongyang")
    assert not build_year(2018, _plan_mondays, pyongyang).steady
    assert build_year(2019, _plan_mondays, pyongyang).steady

    # A year with no working day still checks its own ends.
    def closed(day: date) -> DayPlan:
        return DayPlan(day, (), Skipped(day, "tutup", "closure"))

    assert not build_year(2018, closed, pyongyang).steady
    assert build_year(2019, closed, pyongyang).offset == 9 * 3600


def test_a_planned_day_without_windows_or_reason_is_a_bug() -> None:
    with pytest.raises(AssertionError, match="working day 2026-01-01 without windows"):
        build_year(2026, lambda day: DayPlan(day, ()), WIB)


@pytest.mark.parametrize(
    ("skipped", "said_id", "said_en"),
    [
        (
            Skipped(date(2026, 3, 21), "akhir pekan", "weekend", "weekend"),
            "Sabtu, 21 Maret 2026: akhir pekan",
            "Saturday 21 March 2026: weekend",
        ),
        (
            Skipped(date(2026, 3, 21), "Pindah kantor", "closure"),
            "Sabtu, 21 Maret 2026: Pindah kantor (tutup)",
            "Saturday 21 March 2026: Pindah kantor (closed)",
        ),
        (
            Skipped(date(2026, 3, 18), "Cuti Nyepi", "cuti_bersama", "Nyepi COLLECTIVE LEAVE"),
            "Rabu, 18 Maret 2026: Cuti Nyepi (cuti bersama)",
            "Wednesday 18 March 2026: Nyepi COLLECTIVE LEAVE",
        ),
    ],
)
def test_skipped_is_said_with_its_kind_once(skipped: Skipped, said_id: str, said_en: str) -> None:
    assert skipped.describe("id") == said_id
    assert skipped.describe("en") == said_en
    assert skipped.describe() == said_en
    assert str(skipped) == said_en


def test_provisional_is_said() -> None:
    lunar = Provisional("estimated", 2028, date(2028, 1, 26), "Tahun Baru Imlek", "Lunar New Year")
    assert lunar.describe() == "Lunar New Year on Wednesday 26 January 2028 is an estimated date"
    assert str(lunar) == lunar.describe("en")
    assert lunar.describe("id").startswith("Tahun Baru Imlek pada Rabu, 26 Januari 2028")
    only_id = Provisional("estimated", 2028, date(2028, 1, 26), "Tahun Baru Imlek")
    assert only_id.describe("en").startswith("Tahun Baru Imlek on Wednesday")
    no_day = Provisional("estimated", 2028, None, "Imlek", "Lunar New Year", version="1.0")
    assert no_day.describe("en") == (
        "no cuti bersama decree for 2028 in the holidays data (holidays 1.0)"
    )
    undecreed = Provisional("undecreed", 2028, date(2028, 1, 26), version="0.1")
    assert undecreed.describe("id") == (
        "SKB cuti bersama 2028 belum ada dalam data hari libur (holidays 0.1)"
    )


def test_a_window_swallowed_by_a_dst_gap_holds_no_time() -> None:
    """Amsterdam skips 02:00-03:00 on 29 March 2026: 02:30-03:00 read with fold=0 is empty."""

    def early(day: date) -> DayPlan:
        return DayPlan(day, (Window("02:30", "03:00"),))

    index = build_year(2026, early, AMSTERDAM)
    assert len(index.day_ordinals) == 364
    assert index.off_days == (
        Skipped(date(2026, 3, 29), "tidak buka", "no_hours", "no opening hours"),
    )
    assert date(2026, 3, 29).toordinal() not in index.day_ordinals
    # On 25 October 02:30 is read in summer time and 03:00 in winter time: 90 minutes.
    assert index.total == (363 * 30 + 90) * MICROS_PER_MINUTE

    def also_later(day: date) -> DayPlan:
        return DayPlan(day, (Window("02:30", "03:00"), Window("09:00", "10:00")))

    # 02:00-03:00 is the gap itself: both ends are the same instant.
    def the_gap(day: date) -> DayPlan:
        return DayPlan(day, (Window("02:00", "03:00"),))

    gap = build_year(2026, the_gap, AMSTERDAM)
    assert [off.day for off in gap.off_days] == [date(2026, 3, 29)]
    assert len(gap.opens) == 364

    both = build_year(2026, also_later, AMSTERDAM)
    assert both.off_days == ()
    spring = both.day_ordinals.index(date(2026, 3, 29).toordinal())
    assert both.day_closes[spring] == local_micros(date(2026, 3, 29), 600, AMSTERDAM)
