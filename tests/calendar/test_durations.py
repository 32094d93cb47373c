"""Durations: the four kinds, the phrases of the standards (parse and say), their arithmetic.

Phrases in Indonesian and English, numbers in words at every boundary of the grammar, every
refusal word for word, calendar days and months across month ends, DST gaps and folds.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pst_core.calendar import (
    CalendarDays,
    CalendarMonths,
    WorkingDays,
    WorkingTime,
    parse_duration,
)
from pst_core.calendar import durations as duration_module
from pst_core.calendar.durations import ACCEPTED_FORMS, Duration
from pst_core.errors import (
    InvalidDurationError,
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
)
from tests.strategies import durations

# No date arithmetic goes past 0001-01-01 to 9999-12-31: the largest amounts a duration holds.
MAX_DAYS = (date.max - date.min).days

MAX_MINUTES = MAX_DAYS * 24 * 60

FORMS = "; ".join(ACCEPTED_FORMS)

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

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.golden
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10 menit", WorkingTime(minutes=10)),
        ("10 Menit", WorkingTime(minutes=10)),
        ("5 (lima) menit", WorkingTime(minutes=5)),
        ("2 jam", WorkingTime(hours=2)),
        ("1 jam", WorkingTime(minutes=60)),
        ("3 hari kerja", WorkingDays(3)),
        ("3 (tiga) hari kerja", WorkingDays(3)),
        ("10 hari kerja", WorkingDays(10)),
        ("7 (tujuh) hari", CalendarDays(7)),
        ("7 hari", CalendarDays(7)),
        ("1 bulan", CalendarMonths(1)),
        ("10 minutes", WorkingTime(minutes=10)),
        ("1 minute", WorkingTime(minutes=1)),
        ("2 hours", WorkingTime(hours=2)),
        ("3 working days", WorkingDays(3)),
        ("1 business day", WorkingDays(1)),
        ("7 days", CalendarDays(7)),
        ("7 calendar days", CalendarDays(7)),
        ("1 month", CalendarMonths(1)),
        ("  3   Hari   Kerja ", WorkingDays(3)),
        ("0 menit", WorkingTime(0)),
        ("3 (three) working days", WorkingDays(3)),
        # Issue 13: the forms people write.
        ("2 jam kerja", WorkingTime(hours=2)),
        ("1 minggu", CalendarDays(7)),  # a week is 7 calendar days ("7 (tujuh) hari")
        ("2 pekan", CalendarDays(14)),
        ("3 weeks", CalendarDays(21)),
        ("tiga hari kerja", WorkingDays(3)),
        ("sepuluh menit", WorkingTime(minutes=10)),
        ("dua puluh hari", CalendarDays(20)),
        ("Lima Belas Menit", WorkingTime(minutes=15)),
        ("sebelas hari kerja", WorkingDays(11)),
        ("twenty-one days", CalendarDays(21)),
        ("1,5 jam", WorkingTime(minutes=90)),
        ("0,25 jam", WorkingTime(minutes=15)),
        ("2,0 hari", CalendarDays(2)),
        ("10 mnt", WorkingTime(minutes=10)),
        ("12 (dua belas) bulan", CalendarMonths(12)),
    ],
)
def test_parse_duration_accepts_document_phrases(text: str, expected: Duration) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "0",
        "",
        "sebentar",
        "3",
        "hari kerja",
        "1,5 hari kerja",
        "0,5 menit",
        "3 minggu kerja",
        "-3 hari",
        "3.5 jam",
        "3 (empat) hari",
        "0 hari kerja",
    ],
)
def test_parse_duration_rejects_other_text_listing_accepted_forms(text: str) -> None:
    with pytest.raises(InvalidDurationError) as caught:
        parse_duration(text)
    assert isinstance(caught.value, ValueError)
    assert caught.value.value == text
    assert "allowed:" in str(caught.value)


def test_parse_duration_error_lists_every_form() -> None:
    with pytest.raises(InvalidDurationError) as caught:
        parse_duration("sebentar")
    for form in ACCEPTED_FORMS:
        assert form in str(caught.value)


@pytest.mark.parametrize(
    ("text", "word", "nearest"),
    [
        ("3 hari kreja", "kreja", "'3 hari kerja'"),
        ("3 hri kerja", "hri", "'3 hari kerja'"),
        ("10 menti", "menti", "'10 menit'"),
        ("tigaa hari", "tigaa", "'tiga hari'"),
    ],
)
def test_a_word_not_understood_is_named_with_the_nearest_form(
    text: str, word: str, nearest: str
) -> None:
    with pytest.raises(InvalidDurationError) as caught:
        parse_duration(text)
    message = str(caught.value)
    assert f"the word {word!r} is not understood" in message
    assert f"allowed: {nearest} (the nearest accepted form)" in message


def test_number_words_one_to_twenty() -> None:
    ones = ["satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]
    indonesian = [*ones, "sepuluh", "sebelas", *(f"{w} belas" for w in ones[1:]), "dua puluh"]
    for n, words in enumerate(indonesian, start=1):
        assert parse_duration(f"{words} hari kerja") == WorkingDays(n)
        assert parse_duration(f"{n} ({words}) hari kerja") == WorkingDays(n)


def test_a_decimal_point_is_refused_as_ambiguous() -> None:
    with pytest.raises(InvalidDurationError, match="decimal comma"):
        parse_duration("1.5 jam")


def test_parse_duration_rejects_non_text() -> None:
    with pytest.raises(InvalidTypeError):
        parse_duration(3)  # type: ignore[arg-type]


def test_working_time_forms_are_equal_and_hashable() -> None:
    forms = {
        WorkingTime(90),
        WorkingTime(minutes=90),
        WorkingTime(hours=1, minutes=30),
        WorkingTime(timedelta(minutes=90)),
    }
    assert len(forms) == 1
    assert WorkingTime(90).minutes == 90
    assert str(WorkingTime(0)) == "0 minutes"
    assert WorkingTime(0).describe("id") == "0 menit"
    assert str(WorkingTime(timedelta(seconds=61))) == "1 minute 1 second"
    assert WorkingTime(timedelta(seconds=61)).describe("id") == "1 menit 1 detik"
    assert str(WorkingTime(hours=2)) == "2 hours"


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"minutes": -1}, InvalidValueError),
        ({"minutes": "10"}, InvalidTypeError),
        ({"hours": 1.5}, InvalidTypeError),
        ({"minutes": True}, InvalidTypeError),
        ({"minutes": timedelta(seconds=-1)}, InvalidValueError),
    ],
)
def test_working_time_rejects_bad_values(kwargs: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        WorkingTime(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("given", "value", "said"),
    [
        ({"minutes": -1}, -1, "-1 minute"),
        ({"minutes": -90}, -90, "-90 minutes"),
        ({"minutes": 30, "hours": -1}, -30, "-30 minutes"),
        ({"minutes": timedelta(minutes=-1)}, timedelta(minutes=-1), "-1 minute"),
        (
            {"minutes": timedelta(seconds=-5401)},
            timedelta(seconds=-5401),
            "-1 hour 30 minutes 1 second",
        ),
        ({"minutes": timedelta.min}, timedelta.min, f"-{timedelta.max.days * 24} hours"),
    ],
)
def test_a_negative_amount_is_refused_and_said_as_a_person_would(
    given: dict[str, Any], value: object, said: str
) -> None:
    with pytest.raises(InvalidValueError) as caught:
        WorkingTime(**given)
    err = caught.value
    assert (err.field, err.value, err.allowed) == (
        "WorkingTime",
        value,
        "a non-negative amount of time",
    )
    assert f"invalid value {said};" in str(err)  # not a timedelta's repr


def test_working_time_adds_only_working_time() -> None:
    assert WorkingTime(1).__add__(WorkingDays(1)) is NotImplemented  # type: ignore[operator]


@pytest.mark.parametrize("cls", [WorkingDays, CalendarDays, CalendarMonths])
@pytest.mark.parametrize("n", [0, -1])
def test_day_counts_must_be_positive(cls: type, n: int) -> None:
    with pytest.raises(InvalidValueError, match=f"{cls.__name__}.n"):
        cls(n)


@pytest.mark.parametrize("cls", [WorkingDays, CalendarDays, CalendarMonths])
def test_day_counts_must_be_int(cls: type) -> None:
    with pytest.raises(InvalidTypeError):
        cls("3")
    with pytest.raises(InvalidTypeError):
        cls(True)


def test_labels() -> None:
    assert (str(WorkingDays(1)), WorkingDays(1).describe("id")) == ("1 working day", "1 hari kerja")
    assert str(CalendarMonths(2)) == "2 calendar months"
    assert str(CalendarDays(1)) == "1 calendar day"


@pytest.mark.property
@given(durations)
def test_indonesian_description_parses_back(duration: Duration) -> None:
    assert parse_duration(duration.describe("id")) == duration
    assert parse_duration(str(duration)) == duration


@pytest.mark.property
@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_working_time_addition(a: int, b: int) -> None:
    assert WorkingTime(a) + WorkingTime(b) == WorkingTime(a + b)


@pytest.mark.golden
@pytest.mark.parametrize(
    ("duration", "english", "indonesian"),
    [
        (WorkingTime(0), "0 minutes", "0 menit"),
        (WorkingTime(1), "1 minute", "1 menit"),
        (WorkingTime(2), "2 minutes", "2 menit"),
        (WorkingTime(hours=1), "1 hour", "1 jam"),
        (WorkingTime(hours=2), "2 hours", "2 jam"),
        (WorkingTime(61), "1 hour 1 minute", "1 jam 1 menit"),
        (WorkingTime(timedelta(seconds=1)), "1 second", "1 detik"),
        (WorkingTime(timedelta(seconds=2)), "2 seconds", "2 detik"),
        (WorkingTime(timedelta(hours=2, seconds=30)), "2 hours 30 seconds", "2 jam 30 detik"),
        (WorkingDays(1), "1 working day", "1 hari kerja"),
        (WorkingDays(2), "2 working days", "2 hari kerja"),
        (CalendarDays(1), "1 calendar day", "1 hari"),
        (CalendarDays(2), "2 calendar days", "2 hari"),
        (CalendarMonths(1), "1 calendar month", "1 bulan"),
        (CalendarMonths(2), "2 calendar months", "2 bulan"),
    ],
)
def test_durations_are_said_in_both_languages(
    duration: WorkingTime | WorkingDays | CalendarDays | CalendarMonths,
    english: str,
    indonesian: str,
) -> None:
    assert str(duration) == duration.describe() == duration.describe("en") == english
    assert duration.describe("id") == indonesian


@pytest.mark.golden
@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "1.5 jam",
            "duration: an ambiguous decimal point in '1.5 jam'; allowed: a decimal comma "
            f"('1,5 jam') or a whole number without separators; {FORMS}",
        ),
        (
            "3 hari kerjo",
            "duration: the word 'kerjo' is not understood in '3 hari kerjo'; allowed: "
            f"'3 hari kerja' (the nearest accepted form); {FORMS}",
        ),
        (
            "3 Hari Kerjo",
            "duration: the word 'Kerjo' is not understood in '3 Hari Kerjo'; allowed: "
            f"'3 Hari kerja' (the nearest accepted form); {FORMS}",
        ),
        (
            "7 hari xyz",
            f"duration: the word 'xyz' is not understood in '7 hari xyz'; allowed: {FORMS}",
        ),
        ("hari", f"duration: invalid value 'hari'; allowed: {FORMS}"),
        (
            "3 (empat) hari",
            "duration: mismatched number in '3 (empat) hari'; allowed: the number in words "
            "to match 3",
        ),
        (
            "1,25 menit",
            "duration: invalid value '1,25 menit'; allowed: a whole number of minutes "
            "('1,5 jam' is 90 minutes)",
        ),
        (
            "1,5 hari",
            "duration: invalid value '1,5 hari'; allowed: a whole number of days, weeks or "
            "months (fractions: hours, minutes)",
        ),
        (
            f"{MAX_MINUTES + 1} menit",
            f"duration: invalid value '{MAX_MINUTES + 1} menit'; allowed: at most "
            f"{MAX_MINUTES} minutes",
        ),
        (
            f"{MAX_DAYS + 1} hari",
            f"duration: invalid value '{MAX_DAYS + 1} hari'; allowed: a number from 1 to "
            f"{MAX_DAYS} days or its equal",
        ),
        (
            "1234567890123 jam",
            "duration: invalid value '1234567890123 jam'; allowed: a number of at most 12 digits",
        ),
        (
            f"{MAX_MINUTES // 60} jam {MAX_MINUTES % 60} menit 1 detik",
            f"duration: invalid value '{MAX_MINUTES // 60} jam {MAX_MINUTES % 60} menit "
            f"1 detik'; allowed: at most {MAX_MINUTES} minutes",
        ),
    ],
)
def test_each_refusal_says_what_and_what_is_allowed(text: str, message: str) -> None:
    with pytest.raises(InvalidDurationError) as caught:
        parse_duration(text)
    assert str(caught.value) == message
    assert caught.value.value == text


@pytest.mark.parametrize("value", [None, 3, b"3 hari"])
def test_only_text_is_parsed(value: object) -> None:
    with pytest.raises(InvalidTypeError) as caught:
        parse_duration(value)  # type: ignore[arg-type]
    assert str(caught.value) == f"duration: expected str, got {type(value).__name__} {value!r}"
    assert caught.value.value is value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{MAX_MINUTES} menit", WorkingTime(MAX_MINUTES)),
        (f"{MAX_MINUTES // 60} jam {MAX_MINUTES % 60} menit", WorkingTime(MAX_MINUTES)),
        ("1 jam 30 detik", WorkingTime(timedelta(hours=1, seconds=30))),
        ("2 jam 5 menit", WorkingTime(125)),
        ("TIGA HARI KERJA", WorkingDays(3)),
        ("Tiga Hari", CalendarDays(3)),
        (f"{MAX_DAYS} hari", CalendarDays(MAX_DAYS)),
    ],
)
def test_the_largest_amounts_and_any_case_are_read(
    text: str, expected: WorkingTime | WorkingDays | CalendarDays
) -> None:
    assert parse_duration(text) == expected


def test_calendar_days_refuse_a_naive_instant_or_an_end_past_9999() -> None:
    with pytest.raises(NaiveDatetimeError, match=r"^instant: naive datetime 2026-01-01 00:00:00"):
        CalendarDays(3).after(datetime(2026, 1, 1))
    with pytest.raises(InvalidValueError) as caught:
        CalendarDays(3_000_000).after(datetime(2026, 1, 1, tzinfo=timezone.utc))
    assert str(caught.value) == (
        "CalendarDays: invalid value 3000000; allowed: a number of days that ends by the year 9999"
    )
    assert caught.value.value == 3_000_000


def test_a_calendar_day_landing_in_an_autumn_fold_is_the_earlier_instant() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    later = CalendarDays(1).after(datetime(2026, 10, 24, 2, 30, tzinfo=berlin))
    assert (later.fold, later.utcoffset()) == (0, timedelta(hours=2))
    from_second_pass = CalendarDays(7).after(datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=berlin))
    assert (from_second_pass.isoformat(), from_second_pass.fold) == ("2026-11-01T02:30:00+01:00", 0)


@pytest.mark.parametrize("year", [1900, 2000, 2023, 2024, 2100])
@pytest.mark.parametrize("month", range(1, 13))
def test_a_month_later_is_clipped_to_the_month_s_last_day(year: int, month: int) -> None:
    last = calendar.monthrange(year, month)[1]  # the standard library's calendar
    # From a 31st: 31 January, or 31 December of the year before for January itself.
    start = datetime(year, 1, 31, 9, 15, tzinfo=timezone.utc)
    if month == 1:
        start, month_count = start.replace(year=year - 1, month=12), 1
    else:
        month_count = month - 1
    later = CalendarMonths(month_count).after(start)
    assert later == datetime(year, month, last, 9, 15, tzinfo=timezone.utc)


def test_whole_counts_name_their_field_when_refused() -> None:
    with pytest.raises(InvalidTypeError) as caught:
        WorkingDays("3")  # type: ignore[arg-type]
    assert str(caught.value) == "WorkingDays.n: expected int, got str '3'"
    assert caught.value.value == "3"
    with pytest.raises(InvalidTypeError, match=r"^CalendarMonths\.n: expected int, got bool True$"):
        CalendarMonths(True)


def test_calendar_months_refuse_a_naive_instant_or_an_end_past_9999() -> None:
    with pytest.raises(NaiveDatetimeError, match=r"^instant: naive datetime 2026-01-01 00:00:00"):
        CalendarMonths(1).after(datetime(2026, 1, 1))
    start = datetime(9999, 1, 15, 12, tzinfo=timezone.utc)
    assert CalendarMonths(11).after(start) == datetime(9999, 12, 15, 12, tzinfo=timezone.utc)
    with pytest.raises(InvalidValueError) as caught:
        CalendarMonths(12).after(start)
    assert str(caught.value) == (
        "CalendarMonths: invalid value 12; allowed: a number of months that ends by the year 9999"
    )
    assert caught.value.value == 12


def test_a_calendar_month_landing_in_an_autumn_fold_is_the_earlier_instant() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    # 26 October 2025 and 2031 are both the last Sunday of October: 02:30 happens twice.
    second_pass = datetime(2025, 10, 26, 2, 30, fold=1, tzinfo=berlin)
    later = CalendarMonths(72).after(second_pass)
    assert (later.isoformat(), later.fold) == ("2031-10-26T02:30:00+02:00", 0)
    first_pass = CalendarMonths(1).after(datetime(2026, 9, 25, 2, 30, tzinfo=berlin))
    assert (first_pass.isoformat(), first_pass.fold) == ("2026-10-25T02:30:00+02:00", 0)


@pytest.mark.parametrize(
    ("text", "accepted"),
    [
        (f"1 jam {MAX_MINUTES - 60} menit", True),
        (f"1 jam {MAX_MINUTES - 59} menit", False),
        (f"{MAX_MINUTES} menit 0 detik", True),
        (f"{MAX_MINUTES + 1} menit 0 detik", False),
        (f"{MAX_MINUTES - 1} menit 60 detik", True),
        (f"{MAX_MINUTES - 1} menit 61 detik", False),
    ],
)
def test_hours_minutes_and_seconds_together_are_bounded_exactly(text: str, accepted: bool) -> None:
    if accepted:
        assert parse_duration(text) == WorkingTime(MAX_MINUTES)
    else:
        with pytest.raises(InvalidDurationError, match=f"at most {MAX_MINUTES} minutes$"):
            parse_duration(text)


@pytest.mark.golden
@pytest.mark.parametrize(
    ("build", "error", "message"),
    [
        (
            lambda: WorkingTime("3"),  # type: ignore[arg-type]
            InvalidTypeError,
            "WorkingTime.minutes: expected int, got str '3'",
        ),
        (
            lambda: WorkingTime(hours=1.5),  # type: ignore[arg-type]
            InvalidTypeError,
            "WorkingTime.hours: expected int, got float 1.5",
        ),
        (
            lambda: WorkingTime(MAX_MINUTES - 59, hours=1),
            InvalidValueError,
            f"WorkingTime: invalid value '{MAX_MINUTES + 1} minutes'; "
            f"allowed: at most {MAX_MINUTES} minutes",
        ),
        (
            lambda: WorkingDays(0),
            InvalidValueError,
            "WorkingDays.n: invalid value 0; allowed: a whole number >= 1",
        ),
        (
            lambda: WorkingDays(MAX_DAYS + 1),
            InvalidValueError,
            f"WorkingDays.n: invalid value {MAX_DAYS + 1}; allowed: a whole number <= {MAX_DAYS}",
        ),
    ],
)
def test_building_a_duration_refuses_word_for_word(
    build: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as caught:
        build()
    assert str(caught.value) == message


def test_the_largest_and_smallest_amounts_are_built() -> None:
    assert WorkingTime(MAX_MINUTES - 60, hours=1) == WorkingTime(MAX_MINUTES)
    assert WorkingTime(timedelta(0)) == WorkingTime(0) == WorkingTime()
    assert WorkingDays(1).n == 1
    assert WorkingDays(2).n == 2
    assert WorkingDays(MAX_DAYS).n == MAX_DAYS
    refused = pytest.raises(InvalidValueError)
    with refused as caught:
        WorkingDays(-5)
    assert caught.value.value == -5


@pytest.mark.golden
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


@pytest.mark.parametrize(("n", "indonesian", "english"), NUMBERS)
def test_each_number_is_written_as_the_grammar_says(n: int, indonesian: str, english: str) -> None:
    assert duration_module._indonesian_words(n) == indonesian
    assert duration_module._english_words(n) == english


def test_the_words_table_is_built_from_the_grammar() -> None:
    # The table is memoised once per process: build it afresh so its builder is what runs.
    table = duration_module._number_words.__wrapped__()
    assert len(table) == 2 * 999
    assert sorted(set(table.values())) == list(range(1, 1000))
    for n, indonesian, english in NUMBERS[1:]:
        assert table[indonesian] == table[english] == n
    with pytest.raises(TypeError):
        table["seribu"] = 1000  # type: ignore[index]


@pytest.mark.hostile
def test_a_wall_time_in_a_gap_moves_forward_by_the_gap() -> None:
    # 2026-03-29 02:30 does not exist in Berlin; read with fold=0 it is 01:30 UTC.
    start = datetime(2026, 3, 28, 2, 30, tzinfo=BERLIN)
    due = CalendarDays(1).after(start)
    assert due.isoformat() == "2026-03-29T03:30:00+02:00"
    assert due.astimezone(timezone.utc) == datetime(2026, 3, 29, 1, 30, tzinfo=timezone.utc)


@pytest.mark.hostile
@pytest.mark.parametrize(
    "text",
    ["３ hari kerja", "3 hari kerja\n", "\n3 jam", "1 jam 30 menit\n", "٣ jam", "3 \u212aerja"],
)
def test_parse_duration_is_ascii_and_anchored(text: str) -> None:
    with pytest.raises(InvalidDurationError):
        parse_duration(text)


@pytest.mark.hostile
@pytest.mark.parametrize(
    "text", ["99999999999 jam", "99999999999 hari", "9" * 5000 + " menit", "99999999 bulan"]
)
def test_huge_numbers_are_a_pst_error(text: str) -> None:
    with pytest.raises(InvalidDurationError):
        parse_duration(text)
