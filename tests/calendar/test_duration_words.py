"""Durations written with the number in words, at every boundary of the number grammar."""

from __future__ import annotations

import pytest

from pst_core.calendar.durations import CalendarDays, WorkingDays, parse_duration


@pytest.mark.parametrize(
    ("words", "n"),
    [
        ("satu", 1),
        ("sembilan", 9),
        ("sepuluh", 10),
        ("sebelas", 11),
        ("dua belas", 12),
        ("sembilan belas", 19),
        ("dua puluh", 20),
        ("dua puluh satu", 21),
        ("sembilan puluh sembilan", 99),
        ("seratus", 100),
        ("seratus satu", 101),
        ("seratus sebelas", 111),
        ("dua ratus", 200),
        ("dua ratus dua belas", 212),
        ("sembilan ratus sembilan puluh sembilan", 999),
        ("one", 1),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("thirteen", 13),
        ("nineteen", 19),
        ("twenty", 20),
        ("twenty-one", 21),
        ("ninety nine", 99),
        ("one hundred", 100),
        ("one hundred one", 101),
        ("two hundred twelve", 212),
        ("three hundred sixty five", 365),
        ("nine hundred ninety-nine", 999),
    ],
)
def test_numbers_in_words(words: str, n: int) -> None:
    assert parse_duration(f"{words} hari") == CalendarDays(n)
    assert parse_duration(f"{words} hari kerja") == WorkingDays(n)
    assert parse_duration(f"{words.upper()} working days") == WorkingDays(n)
