"""The calendar as a value: its defaults, the checks on its fields, its copies.

`WorkingCalendar` is frozen, hashable, compared by value and picklable (its caches are
never part of the value); every refused field names itself, the value and what is allowed;
each ``with_*`` builder returns a new calendar.
"""

from __future__ import annotations

import pickle
from datetime import date
from zoneinfo import ZoneInfo

import pytest

from pst_core.calendar import (
    Closure,
    ExtraWorkingDay,
    HoursPeriod,
    Window,
    WorkingCalendar,
    WorkingDays,
    WorkingHours,
)
from pst_core.errors import (
    InvalidTypeError,
    NoWorkingTimeError,
    UnknownNameError,
)
from tests.calendar.helpers import WIB, at, fresh_pst

PST = WorkingCalendar.pst()


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


def test_lists_are_frozen_into_tuples() -> None:
    cal = WorkingCalendar(closures=[Closure.on(date(2026, 1, 2), "x")])
    assert isinstance(cal.closures, tuple)
    hash(cal)
    with pytest.raises(InvalidTypeError):
        WorkingCalendar(closures=(date(2026, 1, 2),))


def test_timezone_errors_name_the_calendar_field() -> None:
    with pytest.raises(InvalidTypeError) as caught:
        WorkingCalendar(timezone=5)
    assert str(caught.value) == (
        "WorkingCalendar.timezone: expected ZoneInfo or IANA zone name, got int 5"
    )
    with pytest.raises(UnknownNameError) as unknown:
        WorkingCalendar(timezone="Asia/Jakata")
    assert unknown.value.suggestions[0] == "Asia/Jakarta"
    assert WorkingCalendar(timezone="WITA").timezone == ZoneInfo("Asia/Makassar")


def test_defaults_are_the_pst_calendar_in_wib() -> None:
    cal = WorkingCalendar()
    assert cal.hours == WorkingHours.pst()
    assert cal.timezone == WIB
    assert cal.national_holidays is True
    assert cal.cuti_bersama is True
    assert (cal.closures, cal.extra_working_days, cal.periods, cal.decreed) == ((), (), (), ())
    assert (cal.name, cal.source) == ("", "")
    assert WorkingCalendar.pst() == cal
    assert fresh_pst().timezone == WIB


def test_no_working_time_message_and_what_rescues_a_closed_week() -> None:
    closed = WorkingHours(((),) * 7)
    with pytest.raises(NoWorkingTimeError) as caught:
        WorkingCalendar(hours=closed)
    assert str(caught.value) == (
        "WorkingCalendar has no working time: its hours have no open window on any weekday "
        "and it has no extra working days; allowed: hours with at least one window"
    )
    assert isinstance(caught.value, ValueError)
    period = HoursPeriod(date(2026, 3, 2), date(2026, 3, 6), WorkingHours.pst(), "Week")
    with_period = WorkingCalendar(hours=closed, periods=(period,))
    assert with_period.working_days(date(2026, 3, 1), date(2026, 3, 9)) == (
        date(2026, 3, 2),
        date(2026, 3, 3),
        date(2026, 3, 4),
        date(2026, 3, 5),
        date(2026, 3, 6),
    )
    empty_period = HoursPeriod(date(2026, 3, 2), date(2026, 3, 6), closed, "Nothing")
    with pytest.raises(NoWorkingTimeError):
        WorkingCalendar(hours=closed, periods=(empty_period,))


def test_pickle_drops_every_cache() -> None:
    cal = fresh_pst().with_closure(date(2026, 4, 20), reason="Move")
    cal.add_column([at("2026-04-17T14:00+07:00")], WorkingDays(1))
    cal.is_open(at("2026-04-17T14:00+07:00"))
    assert cal.column_cache
    copy = pickle.loads(pickle.dumps(cal))
    assert copy == cal
    assert copy.column_cache == {}
    assert copy._years == {}
    assert copy._recent is None
    state = cal.__getstate__()
    assert set(state) == {
        "hours",
        "timezone",
        "national_holidays",
        "cuti_bersama",
        "closures",
        "extra_working_days",
        "periods",
        "decreed",
        "name",
        "source",
    }
    assert copy.add(at("2026-04-17T14:00+07:00"), WorkingDays(1)) == at("2026-04-21T15:30+07:00")


def test_copies_and_their_defaults() -> None:
    base = fresh_pst()
    one = base.with_closure(date(2026, 4, 20), reason="Move")
    assert one.closures == (Closure(date(2026, 4, 20), date(2026, 4, 20), "Move"),)
    two = one.with_closure(date(2026, 5, 4), date(2026, 5, 6), reason="Audit")
    assert two.closures[1] == Closure(date(2026, 5, 4), date(2026, 5, 6), "Audit")
    assert base.closures == ()
    ramadan = base.with_ramadan(date(2026, 2, 18), date(2026, 3, 19))
    assert ramadan.periods == (
        HoursPeriod(date(2026, 2, 18), date(2026, 3, 19), WorkingHours.ramadan(), "Ramadan"),
    )
    decreed = base.with_decreed_day(date(2026, 8, 18), "cuti_bersama", "Cuti", decree="SKB")
    (entry,) = decreed.decreed
    assert (entry.action, entry.name_en, entry.decree) == ("add", "", "SKB")
    extra = base.with_extra_working_day(
        date(2026, 9, 26), reason="Open", windows=[Window("08:00", "10:00"), "13:00-14:00"]
    )
    assert extra.extra_working_days[0].windows == (
        Window("08:00", "10:00"),
        Window("13:00", "14:00"),
    )


def test_only_lists_are_frozen_into_tuples() -> None:
    """A set has no order and an iterator is read once: neither is silently frozen."""
    closure = Closure.on(date(2026, 1, 2), "x")
    assert WorkingCalendar(closures=[closure]).closures == (closure,)
    for given, kind in (({closure}, "set"), (iter([closure]), "list_iterator")):
        with pytest.raises(InvalidTypeError) as caught:
            WorkingCalendar(closures=given)
        assert str(caught.value).startswith(
            f"WorkingCalendar.closures: expected tuple of Closure, got {kind} "
        )
