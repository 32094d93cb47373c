"""How the calendar says days, clock times, zones and instants: golden strings."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import pytest

from pst_core.calendar._words import say_clock, say_day, say_moment, say_zone
from tests.calendar.helpers import WIB

pytestmark = pytest.mark.golden  # every test here holds a text a person reads

MOMENT = datetime(2026, 3, 17, 8, 5, tzinfo=WIB)


class _Unnamed(tzinfo):
    """A zone that has an offset but no name."""

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(hours=7)

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str | None:
        return None


class _Hourly(tzinfo):
    """A zone whose name depends on the moment asked about."""

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(hours=7)

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return f"Z{dt.hour}" if dt is not None else "Z?"


@pytest.mark.parametrize(
    ("moment", "said_id", "said_en"),
    [
        (MOMENT, "08.05", "08:05"),
        (MOMENT.replace(hour=14, minute=0), "14.00", "14:00"),
        (MOMENT.replace(second=7), "08.05.07", "08:05:07"),
        (MOMENT.replace(microsecond=1), "08.05.00", "08:05:00"),
        (MOMENT.replace(hour=0, minute=0), "00.00", "00:00"),
    ],
)
def test_say_clock(moment: datetime, said_id: str, said_en: str) -> None:
    assert say_clock(moment, "id") == said_id
    assert say_clock(moment, "en") == said_en


def test_say_day() -> None:
    assert say_day(date(2026, 1, 4), "id") == "Minggu, 4 Januari 2026"
    assert say_day(date(2026, 1, 4), "en") == "Sunday 4 January 2026"
    assert say_day(date(2026, 12, 31), "id") == "Kamis, 31 Desember 2026"


@pytest.mark.parametrize(
    ("zone", "said"),
    [
        (ZoneInfo("Asia/Jakarta"), "WIB"),
        (ZoneInfo("Asia/Pontianak"), "WIB"),
        (ZoneInfo("Asia/Makassar"), "WITA"),
        (ZoneInfo("Asia/Jayapura"), "WIT"),
        (ZoneInfo("Europe/Amsterdam"), "Europe/Amsterdam"),
        (timezone.utc, "UTC"),
        (timezone(timedelta(hours=8), "WITA"), "WITA"),
        (timezone(timedelta(hours=7)), "UTC+07:00"),
        (None, ""),
        (_Unnamed(), ""),
    ],
)
def test_say_zone(zone: tzinfo | None, said: str) -> None:
    assert say_zone(zone) == said


def test_say_zone_asks_the_zone_about_the_moment() -> None:
    assert say_zone(_Hourly(), MOMENT) == "Z8"
    assert say_zone(_Hourly()) == "Z?"


def test_say_moment() -> None:
    assert say_moment(MOMENT, "id") == "Selasa, 17 Maret 2026 pukul 08.05 WIB"
    assert say_moment(MOMENT, "en") == "Tuesday 17 March 2026, 08:05 WIB"
    hourly = MOMENT.replace(tzinfo=_Hourly())
    assert say_moment(hourly, "en") == "Tuesday 17 March 2026, 08:05 Z8"
    # No zone name to say: nothing trails the clock.
    assert say_moment(MOMENT.replace(tzinfo=_Unnamed()), "en") == "Tuesday 17 March 2026, 08:05"
    assert say_moment(MOMENT.replace(tzinfo=_Unnamed()), "id") == (
        "Selasa, 17 Maret 2026 pukul 08.05"
    )
