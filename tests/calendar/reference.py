"""A deliberately naive reference implementation of the PST calendar rules.

It walks day by day and window by window, straight from the ``holidays``
package and the weekly hours, with none of the index or bisect machinery of
``pst_core.calendar``. The property tests check that both always agree, on the
calendars of `CALENDARS`: each is drawn with its own reference.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import holidays
from hypothesis import strategies as st

from pst_core.calendar import WorkingCalendar, WorkingHours


class ReferenceCalendar:
    def __init__(
        self, hours: WorkingHours, zone: str = "Asia/Jakarta", *, cuti_bersama: bool = True
    ) -> None:
        self.hours = hours
        self.zone = ZoneInfo(zone)
        categories = ("public", "government") if cuti_bersama else ("public",)
        self.off = holidays.country_holidays("ID", years=range(2023, 2031), categories=categories)

    def windows(self, day: date) -> list[tuple[datetime, datetime]]:
        if day in self.off:
            return []
        midnight = datetime(day.year, day.month, day.day, tzinfo=self.zone)
        return [
            (midnight + timedelta(minutes=w.start), midnight + timedelta(minutes=w.end))
            for w in self.hours.on(day.weekday())
        ]

    def add_working_time(self, start: datetime, amount: timedelta) -> datetime:
        at = start.astimezone(self.zone)
        if amount == timedelta(0):
            return at
        day = at.date()
        left = amount
        while True:
            for opens, closes in self.windows(day):
                begin = max(opens, at)
                if begin >= closes:
                    continue
                if closes - begin >= left:
                    return begin + left
                left -= closes - begin
            day += timedelta(days=1)

    def add_working_days(self, start: datetime, n: int) -> datetime:
        day = start.astimezone(self.zone).date()
        while True:
            day += timedelta(days=1)
            windows = self.windows(day)
            if windows:
                n -= 1
                if n == 0:
                    return windows[-1][1]

    def latest_start(self, due: datetime, amount: timedelta) -> datetime:
        """Walk back from ``due`` window by window until ``amount`` of open time is used."""
        at = due.astimezone(self.zone)
        if amount == timedelta(0):
            return at
        day = at.date()
        left = amount
        while True:
            for opens, closes in reversed(self.windows(day)):
                end = min(closes, at)
                if end <= opens:
                    continue
                if end - opens >= left:
                    return end - left
                left -= end - opens
            day -= timedelta(days=1)

    def latest_receipt(self, due: datetime, n: int) -> datetime:
        """The last instant of the last day whose ``n``-th working day after closes by ``due``."""
        at = due.astimezone(self.zone)
        day = at.date()
        while not (self.windows(day) and self.windows(day)[-1][1] <= at):
            day -= timedelta(days=1)
        for _ in range(n - 1):
            day -= timedelta(days=1)
            while not self.windows(day):
                day -= timedelta(days=1)
        return datetime(day.year, day.month, day.day, tzinfo=self.zone) - timedelta(microseconds=1)

    def between(self, start: datetime, end: datetime) -> timedelta:
        a, b = start.astimezone(self.zone), end.astimezone(self.zone)
        total = timedelta(0)
        day = a.date()
        while day <= b.date():
            for opens, closes in self.windows(day):
                total += max(timedelta(0), min(closes, b) - max(opens, a))
            day += timedelta(days=1)
        return total


# The shared PST calendar, and one with a Friday break in WITA, each with its reference.
PST = WorkingCalendar.pst()
SPLIT = WorkingCalendar(
    hours=WorkingHours.parse({"mon-thu": "08:00-15:30", "fri": ["08:00-11:30", "13:00-16:00"]}),
    timezone="Asia/Makassar",
)
CALENDARS = st.sampled_from(
    [
        (PST, ReferenceCalendar(WorkingHours.pst())),
        (SPLIT, ReferenceCalendar(SPLIT.hours, "Asia/Makassar")),
    ]
)
"""Pairs of a calendar and its naive reference, for the property tests."""
