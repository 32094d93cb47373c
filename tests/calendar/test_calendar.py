"""WorkingCalendar construction, options, errors and value semantics."""

from __future__ import annotations

import pickle
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from pst_core.calendar import (
    PROVINCES,
    CalendarDays,
    CalendarMonths,
    Closure,
    ExtraWorkingDay,
    HoursPeriod,
    Window,
    WorkingCalendar,
    WorkingDays,
    WorkingHours,
    WorkingTime,
    province,
)
from pst_core.errors import (
    CalendarHorizonError,
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
    NoWorkingTimeError,
    UnknownNameError,
    UnknownProvinceError,
)
from tests.holidays_data import needs_2028_estimates

WIB = ZoneInfo("Asia/Jakarta")
PST = WorkingCalendar.pst()


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_value_semantics() -> None:
    a, b = WorkingCalendar.pst(), WorkingCalendar.pst("Asia/Jakarta")
    a.add(at("2026-03-17T14:00+07:00"), WorkingDays(3))  # builds a's cache only
    assert a == b
    assert hash(a) == hash(b)
    assert a != WorkingCalendar.pst("Asia/Makassar")
    assert isinstance(a.timezone, ZoneInfo)
    assert len({a, b}) == 1


def test_pickle_round_trip_keeps_value_and_drops_cache() -> None:
    cal = PST.with_closure(date(2026, 4, 20), reason="Office move").with_ramadan(
        date(2027, 2, 8), date(2027, 3, 9)
    )
    cal.add(at("2026-03-17T14:00+07:00"), WorkingDays(3))
    copy = pickle.loads(pickle.dumps(cal))
    assert copy == cal
    assert copy.add(at("2026-04-17T14:00+07:00"), WorkingDays(1)) == at("2026-04-21T15:30+07:00")


@pytest.mark.parametrize(
    "call",
    [
        lambda: PST.is_open(datetime(2026, 3, 17, 9)),
        lambda: PST.next_open(datetime(2026, 3, 17, 9)),
        lambda: PST.previous_close(datetime(2026, 3, 17, 9)),
        lambda: PST.add(datetime(2026, 3, 17, 9), WorkingTime(10)),
        lambda: PST.deadline(datetime(2026, 3, 17, 9), WorkingDays(1)),
        lambda: PST.working_time_between(datetime(2026, 3, 17, 9), at("2026-03-18T09:00+07:00")),
        lambda: PST.working_time_between(at("2026-03-17T09:00+07:00"), datetime(2026, 3, 18, 9)),
    ],
)
def test_naive_datetimes_are_errors(call: object) -> None:
    with pytest.raises(NaiveDatetimeError) as caught:
        call()  # type: ignore[operator]
    assert isinstance(caught.value, ValueError)
    assert "timezone-aware" in str(caught.value)


def test_non_datetime_arguments_are_type_errors() -> None:
    with pytest.raises(InvalidTypeError):
        PST.is_open("2026-03-17T09:00+07:00")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        PST.is_working_day(datetime(2026, 3, 17, tzinfo=WIB))
    with pytest.raises(InvalidTypeError):
        PST.windows_on("2026-03-17")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        PST.add(at("2026-03-17T09:00+07:00"), timedelta(hours=1))  # type: ignore[arg-type]


def test_between_rejects_reversed_interval() -> None:
    with pytest.raises(InvalidValueError, match="at or after start"):
        PST.working_time_between(at("2026-03-18T09:00+07:00"), at("2026-03-17T09:00+07:00"))


def test_half_open_windows() -> None:
    assert PST.is_open(at("2026-11-26T08:00+07:00"))
    assert not PST.is_open(at("2026-11-26T07:59:59+07:00"))
    assert not PST.is_open(at("2026-11-26T15:30+07:00"))
    assert PST.is_open(at("2026-11-27T15:30+07:00"))  # Friday closes at 16:00
    assert not PST.is_open(at("2026-11-28T10:00+07:00"))


def test_results_are_in_the_calendars_zone_whatever_the_input_zone() -> None:
    start = datetime(2026, 11, 26, 8, 25, tzinfo=timezone.utc)  # 15:25 WIB
    due = PST.add(start, WorkingTime(10))
    assert due.tzinfo == WIB
    assert due == at("2026-11-27T08:05+07:00")
    assert PST.add(start, WorkingTime(0)).tzinfo == WIB


def test_next_open_and_previous_close() -> None:
    assert PST.next_open(at("2026-11-26T08:00+07:00")) == at("2026-11-26T08:00+07:00")
    assert PST.next_open(at("2026-11-26T08:01+07:00")) == at("2026-11-27T08:00+07:00")
    assert PST.previous_close(at("2026-11-26T15:30+07:00")) == at("2026-11-26T15:30+07:00")
    assert PST.previous_close(at("2026-11-30T09:00+07:00")) == at("2026-11-27T16:00+07:00")
    assert PST.next_open(at("2026-12-31T16:00+07:00")) == at("2027-01-04T08:00+07:00")
    assert PST.previous_close(at("2027-01-01T09:00+07:00")) == at("2026-12-31T15:30+07:00")


def test_working_time_between_across_years() -> None:
    span = PST.working_time_between(at("2026-12-31T15:00+07:00"), at("2027-01-04T08:30+07:00"))
    assert span == timedelta(hours=1)


def test_province_calendars() -> None:
    assert len(PROVINCES) == 38
    assert WorkingCalendar.for_province("Kalimantan Barat").timezone.key == "Asia/Pontianak"
    assert WorkingCalendar.for_province("Central Kalimantan").timezone.key == "Asia/Pontianak"
    assert WorkingCalendar.for_province("Kalimantan Timur").timezone.key == "Asia/Makassar"
    assert WorkingCalendar.for_province("Papua Selatan").timezone.key == "Asia/Jayapura"
    assert WorkingCalendar.for_province("sumsel").timezone.key == "Asia/Jakarta"
    zones = {p.timezone for p in PROVINCES.values()}
    assert zones == {"Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"}
    counts = {z: sum(p.timezone == z for p in PROVINCES.values()) for z in zones}
    assert counts == {
        "Asia/Jakarta": 16,
        "Asia/Pontianak": 2,
        "Asia/Makassar": 12,
        "Asia/Jayapura": 8,
    }


def test_unknown_province_lists_close_matches() -> None:
    with pytest.raises(UnknownProvinceError) as caught:
        WorkingCalendar.for_province("Jawa Barta")
    assert isinstance(caught.value, LookupError)
    assert caught.value.suggestions[0] == "Jawa Barat"
    assert "did you mean: Jawa Barat" in str(caught.value)
    with pytest.raises(UnknownProvinceError):
        province(38)  # type: ignore[arg-type]


def test_zone_labels() -> None:
    assert province("Bali").zone_label == "WITA"
    assert province("Maluku").zone_label == "WIT"
    assert province("Kalimantan Barat").zone_label == "WIB"


def test_unknown_time_zone() -> None:
    with pytest.raises(UnknownNameError, match="Asia/Jakarta"):
        WorkingCalendar.pst("Asia/Jakata")
    with pytest.raises(InvalidTypeError):
        WorkingCalendar(timezone=7)


def test_no_working_time_is_refused() -> None:
    with pytest.raises(NoWorkingTimeError):
        WorkingCalendar(hours=WorkingHours(((),) * 7))
    only_extra = WorkingCalendar(
        hours=WorkingHours(((),) * 7),
        extra_working_days=(
            ExtraWorkingDay(date(2026, 9, 19), "Open day", (Window("08:00", "12:00"),)),
        ),
    )
    assert only_extra.add(at("2026-09-01T08:00+07:00"), WorkingDays(1)) == at(
        "2026-09-19T12:00+07:00"
    )


def test_horizon_errors_instead_of_endless_loops() -> None:
    only_extra = WorkingCalendar(
        hours=WorkingHours(((),) * 7),
        extra_working_days=(
            ExtraWorkingDay(date(2026, 9, 19), "Open day", (Window("08:00", "12:00"),)),
        ),
    )
    with pytest.raises(CalendarHorizonError) as caught:
        only_extra.add(at("2026-09-20T08:00+07:00"), WorkingDays(1))
    assert caught.value.year == 2101
    with pytest.raises(CalendarHorizonError):
        only_extra.add(at("2026-09-20T08:00+07:00"), WorkingTime(1))
    with pytest.raises(CalendarHorizonError):
        only_extra.next_open(at("2026-09-20T08:00+07:00"))
    with pytest.raises(CalendarHorizonError):
        only_extra.previous_close(at("2026-09-18T08:00+07:00"))
    with pytest.raises(CalendarHorizonError):
        PST.is_working_day(date(2101, 1, 3))
    with pytest.raises(CalendarHorizonError):
        PST.add(at("2100-12-20T08:00+07:00"), CalendarMonths(1))
    with pytest.raises(CalendarHorizonError):
        PST.add(at("2100-12-29T08:00+07:00"), WorkingDays(5))


def test_closures() -> None:
    cal = PST.with_closure(date(2026, 11, 23), date(2026, 11, 24), reason="Sensus training")
    assert not cal.is_working_day(date(2026, 11, 24))
    assert cal.windows_on(date(2026, 11, 24)) == ()
    reason = cal.closed_reason(date(2026, 11, 23))
    assert reason is not None
    assert (reason.kind, reason.reason) == ("closure", "Sensus training")
    assert cal.add(at("2026-11-20T10:00+07:00"), WorkingDays(1)) == at("2026-11-25T15:30+07:00")
    assert Closure.on(date(2026, 1, 2), "x").days == 1
    with pytest.raises(InvalidValueError, match=r"Closure\.end"):
        Closure(date(2026, 1, 2), date(2026, 1, 1), "x")
    with pytest.raises(InvalidTypeError):
        Closure(datetime(2026, 1, 2, tzinfo=WIB), date(2026, 1, 3), "x")
    with pytest.raises(InvalidValueError):
        Closure.on(date(2026, 1, 2), "  ")


def test_extra_working_days_override_weekends_and_holidays() -> None:
    cal = PST.with_extra_working_day(
        date(2026, 11, 28), reason="Saturday service", windows=["08:00-12:00"]
    )
    assert cal.windows_on(date(2026, 11, 28)) == (Window("08:00", "12:00"),)
    assert cal.add(at("2026-11-27T15:55+07:00"), WorkingTime(10)) == at("2026-11-28T08:05+07:00")
    holiday = PST.with_extra_working_day(date(2026, 3, 18), reason="Counter open on cuti bersama")
    assert holiday.windows_on(date(2026, 3, 18)) == (Window("08:00", "15:30"),)
    with pytest.raises(InvalidValueError, match="whose weekday has no opening hours"):
        PST.with_extra_working_day(date(2026, 11, 29), reason="Open day")  # a Sunday: no guess
    sunday = PST.with_extra_working_day(
        date(2026, 11, 29), reason="Open day", windows=["09:00-12:00"]
    )
    assert sunday.windows_on(date(2026, 11, 29)) == (Window("09:00", "12:00"),)
    with pytest.raises(InvalidValueError, match="each date at most once"):
        sunday.with_extra_working_day(date(2026, 11, 29), reason="again")
    with pytest.raises(InvalidValueError):
        ExtraWorkingDay(
            date(2026, 11, 29), "x", (Window("10:00", "12:00"), Window("08:00", "11:00"))
        )


def test_ramadan_period() -> None:
    cal = PST.with_ramadan(date(2026, 2, 18), date(2026, 3, 19))
    assert cal.windows_on(date(2026, 3, 2)) == WorkingHours.ramadan().on(0)
    assert not cal.is_open(at("2026-03-02T12:15+07:00"))
    assert PST.is_open(at("2026-03-02T12:15+07:00"))
    assert cal.add(at("2026-03-02T11:50+07:00"), WorkingTime(20)) == at("2026-03-02T12:40+07:00")
    assert cal.add(at("2026-03-02T10:00+07:00"), WorkingDays(1)) == at("2026-03-03T15:00+07:00")
    assert cal.windows_on(date(2026, 3, 25)) == PST.windows_on(date(2026, 3, 25))
    with pytest.raises(InvalidValueError, match="do not overlap"):
        cal.with_ramadan(date(2026, 3, 1), date(2026, 3, 30), name="Overlap")
    with pytest.raises(InvalidValueError):
        HoursPeriod(date(2026, 3, 2), date(2026, 3, 1), WorkingHours.ramadan(), "x")


def test_lists_are_frozen_into_tuples() -> None:
    cal = WorkingCalendar(closures=[Closure.on(date(2026, 1, 2), "x")])
    assert isinstance(cal.closures, tuple)
    hash(cal)
    with pytest.raises(InvalidTypeError):
        WorkingCalendar(closures=(date(2026, 1, 2),))


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


def test_deadline_for_calendar_durations() -> None:
    deadline = PST.deadline(at("2026-03-17T14:00+07:00"), CalendarDays(7))
    assert deadline.due == at("2026-03-24T14:00+07:00")
    assert deadline.skipped == ()
    assert "7 calendar days" in deadline.describe()
    assert deadline.closed_on_due is not None  # 24 March 2026 is cuti bersama
    assert PST.deadline(at("2026-04-07T14:00+07:00"), CalendarDays(7)).closed_on_due is None


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
    for word in ("Selasa", "WIB", "Cuti Bersama Hari Suci Nyepi", "tenggat", "Jatuh tempo"):
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
    assert "Tue 2026-04-21" in html
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
