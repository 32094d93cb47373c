"""A year of holidays behaves as a container of dates, like the ``holidays`` package:
``day in year``, ``len(year)``, iteration over the dates, ``year[day]`` for the names."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pst_core.calendar import WorkingCalendar
from pst_core.calendar.holidays import indonesian_holidays


@pytest.mark.golden
def test_2026_as_a_container() -> None:
    year = WorkingCalendar.pst().holidays(2026)
    assert date(2026, 3, 19) in year
    assert date(2026, 3, 18) in year  # cuti bersama counts as a day off
    assert date(2026, 3, 17) not in year
    assert len(year) == 25
    assert list(year)[:3] == [date(2026, 1, 1), date(2026, 1, 16), date(2026, 2, 16)]
    assert year[date(2026, 8, 17)] == "Hari Kemerdekaan Republik Indonesia"


def test_a_datetime_or_text_is_not_a_day_of_the_year() -> None:
    year = indonesian_holidays(2026)
    assert datetime(2026, 3, 19, 9) not in year
    assert "2026-03-19" not in year
    with pytest.raises(KeyError):
        year[date(2026, 3, 17)]


@given(st.integers(min_value=2024, max_value=2028), st.integers(min_value=0, max_value=365))
def test_membership_agrees_with_the_entries(number: int, offset: int) -> None:
    year = indonesian_holidays(number)
    day = date(number, 1, 1) + timedelta(days=offset)
    assert (day in year) == bool(year.on(day))
    assert len(year) == len(set(year)) == len({h.day for h in year.holidays})
    assert list(year) == sorted(year)
