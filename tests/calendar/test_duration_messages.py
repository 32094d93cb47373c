"""Durations said and refused word for word: names, plurals and every error message."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from pst_core.calendar import CalendarDays, CalendarMonths, WorkingDays, WorkingTime
from pst_core.calendar.durations import _MAX_DAYS, _MAX_MINUTES, ACCEPTED_FORMS, parse_duration
from pst_core.errors import (
    InvalidDurationError,
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
)

FORMS = "; ".join(ACCEPTED_FORMS)


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
            f"{_MAX_MINUTES + 1} menit",
            f"duration: invalid value '{_MAX_MINUTES + 1} menit'; allowed: at most "
            f"{_MAX_MINUTES} minutes",
        ),
        (
            f"{_MAX_DAYS + 1} hari",
            f"duration: invalid value '{_MAX_DAYS + 1} hari'; allowed: a number from 1 to "
            f"{_MAX_DAYS} days or its equal",
        ),
        (
            "1234567890123 jam",
            "duration: invalid value '1234567890123 jam'; allowed: a number of at most 12 digits",
        ),
        (
            f"{_MAX_MINUTES // 60} jam {_MAX_MINUTES % 60} menit 1 detik",
            f"duration: invalid value '{_MAX_MINUTES // 60} jam {_MAX_MINUTES % 60} menit "
            f"1 detik'; allowed: at most {_MAX_MINUTES} minutes",
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
        (f"{_MAX_MINUTES} menit", WorkingTime(_MAX_MINUTES)),
        (f"{_MAX_MINUTES // 60} jam {_MAX_MINUTES % 60} menit", WorkingTime(_MAX_MINUTES)),
        ("1 jam 30 detik", WorkingTime(timedelta(hours=1, seconds=30))),
        ("2 jam 5 menit", WorkingTime(125)),
        ("TIGA HARI KERJA", WorkingDays(3)),
        ("Tiga Hari", CalendarDays(3)),
        (f"{_MAX_DAYS} hari", CalendarDays(_MAX_DAYS)),
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
        (f"1 jam {_MAX_MINUTES - 60} menit", True),
        (f"1 jam {_MAX_MINUTES - 59} menit", False),
        (f"{_MAX_MINUTES} menit 0 detik", True),
        (f"{_MAX_MINUTES + 1} menit 0 detik", False),
        (f"{_MAX_MINUTES - 1} menit 60 detik", True),
        (f"{_MAX_MINUTES - 1} menit 61 detik", False),
    ],
)
def test_hours_minutes_and_seconds_together_are_bounded_exactly(text: str, accepted: bool) -> None:
    if accepted:
        assert parse_duration(text) == WorkingTime(_MAX_MINUTES)
    else:
        with pytest.raises(InvalidDurationError, match=f"at most {_MAX_MINUTES} minutes$"):
            parse_duration(text)


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
            lambda: WorkingTime(-1),
            InvalidValueError,
            "WorkingTime: invalid value -1 minute; allowed: a non-negative amount of time",
        ),
        (
            lambda: WorkingTime(_MAX_MINUTES - 59, hours=1),
            InvalidValueError,
            f"WorkingTime: invalid value '{_MAX_MINUTES + 1} minutes'; "
            f"allowed: at most {_MAX_MINUTES} minutes",
        ),
        (
            lambda: WorkingDays(0),
            InvalidValueError,
            "WorkingDays.n: invalid value 0; allowed: a whole number >= 1",
        ),
        (
            lambda: WorkingDays(_MAX_DAYS + 1),
            InvalidValueError,
            f"WorkingDays.n: invalid value {_MAX_DAYS + 1}; allowed: a whole number <= {_MAX_DAYS}",
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
    assert WorkingTime(_MAX_MINUTES - 60, hours=1) == WorkingTime(_MAX_MINUTES)
    assert WorkingTime(timedelta(0)) == WorkingTime(0) == WorkingTime()
    assert WorkingDays(1).n == 1
    assert WorkingDays(2).n == 2
    assert WorkingDays(_MAX_DAYS).n == _MAX_DAYS
    refused = pytest.raises(InvalidValueError)
    with refused as caught:
        WorkingDays(-5)
    assert caught.value.value == -5
