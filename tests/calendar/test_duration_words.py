"""Durations written with the number in words, at every boundary of the number grammar."""

from __future__ import annotations

import pytest

from pst_core.calendar import durations
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


NUMBERS = [
    (0, "", ""),
    (1, "satu", "one"),
    (9, "sembilan", "nine"),
    (10, "sepuluh", "ten"),
    (11, "sebelas", "eleven"),
    (12, "dua belas", "twelve"),
    (19, "sembilan belas", "nineteen"),
    (20, "dua puluh", "twenty"),
    (21, "dua puluh satu", "twenty one"),
    (99, "sembilan puluh sembilan", "ninety nine"),
    (100, "seratus", "one hundred"),
    (101, "seratus satu", "one hundred one"),
    (111, "seratus sebelas", "one hundred eleven"),
    (200, "dua ratus", "two hundred"),
    (212, "dua ratus dua belas", "two hundred twelve"),
    (365, "tiga ratus enam puluh lima", "three hundred sixty five"),
    (999, "sembilan ratus sembilan puluh sembilan", "nine hundred ninety nine"),
]


@pytest.mark.parametrize(("n", "indonesian", "english"), NUMBERS)
def test_each_number_is_written_as_the_grammar_says(n: int, indonesian: str, english: str) -> None:
    assert durations._indonesian_words(n) == indonesian
    assert durations._english_words(n) == english


def test_the_words_table_is_built_from_the_grammar() -> None:
    # The table is memoised once per process: build it afresh so its builder is what runs.
    table = durations._number_words.__wrapped__()
    assert len(table) == 2 * 999
    assert sorted(set(table.values())) == list(range(1, 1000))
    for n, indonesian, english in NUMBERS[1:]:
        assert table[indonesian] == table[english] == n
    with pytest.raises(TypeError):
        table["seribu"] = 1000  # type: ignore[index]
