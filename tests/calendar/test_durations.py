"""Duration types and the phrase parser."""

from __future__ import annotations

from datetime import timedelta

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
from pst_core.calendar.converter import structure, unstructure
from pst_core.calendar.durations import ACCEPTED_FORMS, Duration
from pst_core.errors import InvalidDurationError, InvalidTypeError, InvalidValueError
from tests.strategies import durations


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


@given(durations)
def test_indonesian_description_parses_back(duration: Duration) -> None:
    assert parse_duration(duration.describe("id")) == duration
    assert parse_duration(str(duration)) == duration


@given(durations)
def test_file_round_trip(duration: Duration) -> None:
    import attrs

    @attrs.frozen
    class Holder:
        duration: Duration

    assert structure(unstructure(Holder(duration)), Holder) == Holder(duration)


@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_working_time_addition(a: int, b: int) -> None:
    assert WorkingTime(a) + WorkingTime(b) == WorkingTime(a + b)
