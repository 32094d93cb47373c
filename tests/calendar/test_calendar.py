"""The calendar as a value: its defaults, the checks on its fields, its copies.

`WorkingCalendar` is frozen, hashable, compared by value and picklable (its caches are
never part of the value); every refused field names itself, the value and what is allowed;
each ``with_*`` builder returns a new calendar.
"""

from __future__ import annotations

import pickle
from datetime import date
from zoneinfo import ZoneInfo

import attrs
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


# -- a value -----------------------------------------------------------------------------


def test_defaults_are_the_pst_calendar_in_wib() -> None:
    cal = WorkingCalendar()
    assert cal.hours == WorkingHours.pst()
    assert cal.timezone == WIB
    assert cal.national_holidays is True
    assert cal.cuti_bersama is True
    assert (cal.closures, cal.extra_working_days, cal.periods, cal.decreed) == ((), (), (), ())
    assert (cal.name, cal.source) == ("", "")
    assert WorkingCalendar.pst() == cal
    assert WorkingCalendar.pst().timezone == WIB


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


def test_a_pickle_holds_the_value_never_the_caches() -> None:
    cal = attrs.evolve(fresh_pst(), name="Kantor", source="office.toml").with_closure(
        date(2026, 4, 20), reason="Move"
    )
    unused = pickle.dumps(cal)
    cal.add_column([at("2026-04-17T14:00+07:00")], WorkingDays(1))
    cal.is_open(at("2026-04-17T14:00+07:00"))
    assert cal.column_cache
    # The yearly indexes and column tables built since are not shipped: the same bytes.
    assert pickle.dumps(cal) == unused
    copy = pickle.loads(unused)
    assert copy == cal
    assert (copy.name, copy.source) == ("Kantor", "office.toml")
    assert copy.column_cache == {}
    assert copy.year_index(2026) is not cal.year_index(2026)  # rebuilt, not shared
    assert copy.year_index(2026) == cal.year_index(2026)
    assert copy.add(at("2026-04-17T14:00+07:00"), WorkingDays(1)) == at("2026-04-21T15:30+07:00")


def test_the_pst_calendar_is_shared_per_zone_but_not_with_a_subclass() -> None:
    assert WorkingCalendar.pst(ZoneInfo("Asia/Makassar")) is WorkingCalendar.pst("Asia/Makassar")
    assert WorkingCalendar.pst("WITA") == WorkingCalendar.pst("Asia/Makassar")

    class Office(WorkingCalendar):
        pass

    office = Office.pst("Asia/Makassar")
    assert type(office) is Office
    assert office is not Office.pst("Asia/Makassar")
    assert office == Office(timezone="Asia/Makassar")
    with pytest.raises(InvalidTypeError) as caught:
        WorkingCalendar.pst(7)  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.value) == ("timezone", 7)


# -- what the fields accept ----------------------------------------------------------------


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


def test_lists_are_frozen_into_tuples() -> None:
    cal = WorkingCalendar(closures=[Closure.on(date(2026, 1, 2), "x")])
    assert isinstance(cal.closures, tuple)
    hash(cal)
    with pytest.raises(InvalidTypeError):
        WorkingCalendar(closures=(date(2026, 1, 2),))


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


# -- copies ------------------------------------------------------------------------------


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


# -- what the package exports ------------------------------------------------------------


def test_the_types_the_api_returns_are_exported() -> None:
    import pst_core.calendar as package

    cal = fresh_pst()
    deadline = cal.deadline(at("2028-02-24T09:00+07:00"), WorkingDays(3))
    month = cal.month(2026, 3)
    returned = [
        deadline,
        deadline.skipped[0],
        deadline.reasons[-1],  # the year without a decree
        cal.holidays(2026),
        cal.holidays(2026).holidays[0],
        cal.year_index(2026),
        month,
        month.days[0],
        cal.hours,
        cal.hours.on(0)[0],
    ]
    for value in returned:
        name = type(value).__name__
        assert getattr(package, name) is type(value), name
        assert name in package.__all__
    assert issubclass(package.CalendarFileWarning, UserWarning)  # what loading a file warns with
    assert "CalendarFileWarning" in package.__all__
