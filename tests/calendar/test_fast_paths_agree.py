"""The fast paths (scalar `add`, `deadline`, the column tables) agree with the general path.

Random calendars: breaks, Ramadan-like periods, closures, extra working days,
national holidays and cuti bersama on or off, in every IANA zone. The general path is
`_add`, exact integer arithmetic in any zone: the rule here is that both give one answer.
"""

from __future__ import annotations

import typing
import zoneinfo
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pst_core.calendar import (
    Window,
    WorkingCalendar,
    WorkingDays,
    WorkingHours,
    WorkingTime,
)
from pst_core.errors import (
    CalendarHorizonError,
    InvalidValueError,
    NoWorkingTimeError,
)
from tests.calendar.helpers import WIB, at, fresh_pst

ZONES = sorted(zoneinfo.available_timezones())


@st.composite
def day_windows(draw: st.DrawFn) -> tuple[Window, ...]:
    edges = sorted(draw(st.sets(st.integers(0, 24 * 4), max_size=4)))
    edges = edges[: len(edges) // 2 * 2]
    return tuple(
        Window(edges[i] * 15, edges[i + 1] * 15)
        for i in range(0, len(edges), 2)
        if edges[i] < edges[i + 1]
    )


hours = st.lists(day_windows(), min_size=7, max_size=7).map(lambda d: WorkingHours(tuple(d)))

days = st.dates(date(2025, 1, 1), date(2027, 12, 31))


@st.composite
def calendars(draw: st.DrawFn) -> WorkingCalendar:
    zone = draw(st.sampled_from(ZONES + ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] * 20))
    cal_hours = draw(st.one_of(st.just(WorkingHours.pst()), hours))
    try:
        cal = WorkingCalendar(
            hours=cal_hours,
            timezone=zone,
            national_holidays=draw(st.booleans()),
            cuti_bersama=draw(st.booleans()),
        )
        for _ in range(draw(st.integers(0, 2))):
            start = draw(days)
            end = start + timedelta(days=draw(st.integers(0, 40)))
            if all(p.end < start or end < p.start for p in cal.periods):
                cal = cal.with_period(start, end, draw(hours), name="Ramadan-like")
        for _ in range(draw(st.integers(0, 3))):
            start = draw(days)
            end = start + timedelta(days=draw(st.integers(0, 10)))
            cal = cal.with_closure(start, end, reason="Closure")
        for _ in range(draw(st.integers(0, 3))):
            day = draw(days)
            if all(e.day != day for e in cal.extra_working_days):
                windows = draw(st.one_of(st.just(()), day_windows()))
                cal = cal.with_extra_working_day(day, reason="Open day", windows=windows)
    except (NoWorkingTimeError, InvalidValueError):
        assume(False)
    return cal


@st.composite
def starts(draw: st.DrawFn) -> datetime:
    seconds = draw(st.integers(0, 3 * 365 * 86400))
    micro = draw(st.sampled_from([0, 0, 0, draw(st.integers(0, 999_999))]))
    moment = datetime(2025, 1, 1, tzinfo=timezone.utc) + timedelta(
        seconds=seconds, microseconds=micro
    )
    return in_any_tzinfo(draw, moment)


def in_any_tzinfo(draw: st.DrawFn, moment: datetime) -> datetime:
    """``moment`` as people pass it: in a ZoneInfo, UTC, a fixed offset (what
    ``datetime.fromisoformat("...+07:00")`` gives), a pandas Timestamp, or a subclass."""
    kind = draw(st.sampled_from(["zoneinfo", "utc", "fixed", "isoformat", "pandas", "subclass"]))
    if kind == "zoneinfo":
        return moment.astimezone(ZoneInfo(draw(st.sampled_from(ZONES))))
    if kind == "utc":
        return moment.astimezone(timezone.utc)
    if kind == "fixed":  # any whole-minute offset, or seconds as some old zones had
        seconds = draw(
            st.one_of(
                st.integers(-24 * 60 + 1, 24 * 60 - 1).map(lambda m: m * 60),
                st.integers(-86_399, 86_399),
            )
        )
        return moment.astimezone(timezone(timedelta(seconds=seconds)))
    if kind == "isoformat":  # the calendar's own offset or another, read back from text
        hours = draw(st.sampled_from([7, 8, 9, 0, -5]))
        return datetime.fromisoformat(
            moment.astimezone(timezone(timedelta(hours=hours))).isoformat()
        )
    if kind == "pandas":
        zone = draw(st.sampled_from(["Asia/Jakarta", "UTC", "+07:00", "America/New_York"]))
        return typing.cast(datetime, pd.Timestamp(moment).tz_convert(zone))
    return Moment.fromtimestamp(moment.timestamp(), ZoneInfo(draw(st.sampled_from(ZONES))))


class Moment(datetime):
    """A datetime subclass of a user's own."""


durations = st.one_of(
    st.integers(0, 60 * 24 * 30).map(WorkingTime),
    st.integers(1, 600).map(lambda m: WorkingTime(timedelta(seconds=m * 7))),
    st.integers(1, 40).map(WorkingDays),
)


@pytest.mark.parametrize(
    "zone", [WIB, timezone.utc, timezone(timedelta(hours=8)), ZoneInfo("Asia/Makassar")]
)
def test_the_fast_paths_at_the_end_of_a_kept_year(zone: timezone | ZoneInfo) -> None:
    """With 2026 indexed, a start read from the wall clock or one timestamp() call."""
    cal = fresh_pst()
    cal.year_index(2026)
    last = at("2026-12-31T15:00+07:00").astimezone(zone)
    before = at("2026-12-30T15:00+07:00").astimezone(zone)
    assert cal.add(last, WorkingDays(1)) == at("2027-01-04T15:30+07:00")
    assert cal.add(before, WorkingDays(1)) == at("2026-12-31T15:30+07:00")
    assert cal.add(last, WorkingTime(30)) == at("2026-12-31T15:30+07:00")
    assert cal.add(last, WorkingTime(31)) == at("2027-01-04T08:01+07:00")
    assert cal.add(before, WorkingTime(31)) == at("2026-12-31T08:01+07:00")
    assert cal.add(last, WorkingTime(0)) == last
    assert cal.add(last, WorkingTime(30)).tzinfo is cal.timezone
    # Inside a window the answer is the opening plus a wall-clock step.
    assert cal.add(at("2026-11-26T09:17+07:00").astimezone(zone), WorkingTime(13)) == at(
        "2026-11-26T09:30+07:00"
    )
    # Before the first opening of a day, and on a day off.
    assert cal.add(at("2026-11-26T06:00+07:00").astimezone(zone), WorkingTime(1)) == at(
        "2026-11-26T08:01+07:00"
    )
    assert cal.add(at("2026-11-28T10:00+07:00").astimezone(zone), WorkingTime(1)) == at(
        "2026-11-30T08:01+07:00"
    )
    assert cal.add(at("2026-01-01T10:00+07:00").astimezone(zone), WorkingDays(1)) == at(
        "2026-01-02T16:00+07:00"  # New Year's Day is off; Friday the 2nd closes at 16:00
    )
    # A start with seconds that runs off a whole minute takes the general path.
    odd = at("2026-11-26T09:17:30+07:00").astimezone(zone)
    assert cal.add(odd, WorkingTime(13)) == at("2026-11-26T09:30:30+07:00")


@pytest.mark.property
@settings(max_examples=100, deadline=None)
@given(calendars(), st.lists(starts(), min_size=1, max_size=8), durations)
def test_fast_paths_agree_with_the_general_path(
    cal: WorkingCalendar, moments: list[datetime], duration: WorkingTime | WorkingDays
) -> None:
    general = [cal._add(m, duration) for m in moments]
    fast = [cal.add(m, duration) for m in moments]
    assert fast == general
    assert [f.tzinfo for f in fast] == [cal.timezone] * len(fast)
    assert [f.utcoffset() for f in fast] == [g.utcoffset() for g in general]
    assert [cal.deadline(m, duration).due for m in moments] == general
    assert cal.add_column(moments, duration) == tuple(general)
    column = pd.Series(pd.DatetimeIndex([m.astimezone(timezone.utc) for m in moments]))
    assert [d.to_pydatetime() for d in cal.add_column(column, duration)] == general


@pytest.mark.property
@settings(max_examples=60, deadline=None)
@given(calendars(), starts(), st.integers(0, 90 * 24 * 60))
def test_wall_clock_reads_agree_with_utc_reads(
    cal: WorkingCalendar, moment: datetime, minutes: int
) -> None:
    local = moment.astimezone(cal.timezone)
    later = (moment + timedelta(minutes=minutes)).astimezone(cal.timezone)
    utc, utc_later = moment.astimezone(timezone.utc), later.astimezone(timezone.utc)
    assert cal.working_time_between(local, later) == cal.working_time_between(utc, utc_later)
    assert cal.is_open(local) == cal.is_open(utc)
    assert cal.next_open(local) == cal.next_open(utc)
    assert cal.previous_close(local) == cal.previous_close(utc)


def test_fast_paths_count_on_into_the_next_year(monkeypatch: pytest.MonkeyPatch) -> None:
    cal = WorkingCalendar.pst()
    wib = ZoneInfo("Asia/Jakarta")
    cases: list[tuple[datetime, WorkingTime | WorkingDays]] = [
        (datetime(2026, 12, 28, 10, 0, tzinfo=wib), WorkingDays(5)),
        (datetime(2026, 12, 31, 15, 0, tzinfo=wib), WorkingTime(hours=3)),
        (datetime(2026, 12, 28, 3, 0, tzinfo=timezone.utc), WorkingDays(5)),
        (datetime(2026, 12, 31, 8, 0, tzinfo=timezone.utc), WorkingTime(hours=3)),
    ]
    general = [cal._add(start, duration) for start, duration in cases]  # builds 2027 too
    assert [due.year for due in general] == [2027] * 4
    # With both years indexed the answer never leaves the fast path.
    monkeypatch.setattr(WorkingCalendar, "_add", lambda *_: pytest.fail("took the general path"))
    assert [cal.add(start, duration) for start, duration in cases] == general


def test_a_pandas_timestamp_answers_as_its_datetime() -> None:
    cal = WorkingCalendar.pst()
    for moment in ("2026-03-17 14:00", "2026-11-26 15:25"):
        stamp = pd.Timestamp(moment, tz="Asia/Jakarta")
        plain = stamp.to_pydatetime()
        for duration in (WorkingDays(3), WorkingTime(10)):
            assert cal.add(stamp, duration) == cal.add(plain, duration)
            assert cal.add(stamp, duration).tzinfo is cal.timezone


@pytest.mark.parametrize("zone", ["Asia/Jakarta", "UTC", "+07:00", "+08:00"])
def test_a_timestamps_nanoseconds_are_floored_as_on_the_general_path(zone: str) -> None:
    cal = WorkingCalendar.pst()
    cal.year_index(2026)
    for moment in ("2026-03-17 13:59:59.999999999", "2026-11-26 15:25:00.000000001"):
        stamp = pd.Timestamp(moment, tz="Asia/Jakarta").tz_convert(zone)
        for duration in (WorkingDays(3), WorkingTime(10), WorkingTime(timedelta(seconds=7))):
            assert cal.add(stamp, duration) == cal._add(stamp, duration)
        later = stamp + pd.Timedelta(days=2, nanoseconds=3)
        assert cal.working_time_between(stamp, later) == cal.working_time_between(
            stamp.to_pydatetime(warn=False), later.to_pydatetime(warn=False)
        )


def test_a_timestamp_past_the_nanosecond_range_gets_the_horizon_error() -> None:
    stamp = pd.Timestamp("2600-01-01 10:00", tz="Asia/Jakarta").as_unit("s")
    with pytest.raises(CalendarHorizonError):
        WorkingCalendar.pst().add(stamp, WorkingDays(1))
    with pytest.raises(CalendarHorizonError):
        WorkingCalendar.pst().working_time_between(stamp, stamp)
