"""Opening hours: windows, weekday maps, how they are said, and every refusal.

Golden table of whole messages (a person reads them), plus the boundaries of a window's
minutes and of the day-name grammar.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time, timezone

import pytest
from hypothesis import given

from pst_core.calendar import Window, WorkingHours
from pst_core.errors import InvalidTypeError, InvalidValueError
from tests.strategies import working_hours

_CLOCK = "allowed: a clock time 'HH:MM' from 00:00 to 24:00"

_WHOLE = "allowed: a naive time in whole minutes"

ERRORS: list[tuple[Callable[[], object], type[Exception], str, str]] = [
    (
        lambda: Window(time(8, 0, 30), "09:00"),
        InvalidValueError,
        "Window.start",
        f"Window.start: invalid value datetime.time(8, 0, 30); {_WHOLE}",
    ),
    (
        lambda: Window("08:00", time(9, 0, 0, 1)),
        InvalidValueError,
        "Window.end",
        f"Window.end: invalid value datetime.time(9, 0, 0, 1); {_WHOLE}",
    ),
    (
        lambda: Window(time(8, tzinfo=timezone.utc), "09:00"),
        InvalidValueError,
        "Window.start",
        "Window.start: invalid value datetime.time(8, 0, tzinfo=datetime.timezone.utc); " + _WHOLE,
    ),
    (
        lambda: Window("08:00", "09:60"),
        InvalidValueError,
        "Window.end",
        f"Window.end: invalid value '09:60'; {_CLOCK}",
    ),
    (
        lambda: Window("08:00", "24:30"),
        InvalidValueError,
        "Window.end",
        f"Window.end: invalid value '24:30'; {_CLOCK}",
    ),
    (
        lambda: Window("08:00", "25:00"),
        InvalidValueError,
        "Window.end",
        f"Window.end: invalid value '25:00'; {_CLOCK}",
    ),
    (
        lambda: Window("8am", "09:00"),
        InvalidValueError,
        "Window.start",
        f"Window.start: invalid value '8am'; {_CLOCK}",
    ),
    (
        lambda: Window(8.0, 600),
        InvalidTypeError,
        "Window.start",
        "Window.start: expected time, 'HH:MM' string or minute of day, got float 8.0",
    ),
    (
        lambda: Window(480, True),
        InvalidTypeError,
        "Window.end",
        "Window.end: expected time, 'HH:MM' string or minute of day, got bool True",
    ),
    (
        lambda: Window(-1, 600),
        InvalidValueError,
        "Window.start",
        "Window.start: invalid value -1; allowed: a minute of the day from 0 to 1440",
    ),
    (
        lambda: Window(0, 1441),
        InvalidValueError,
        "Window.end",
        "Window.end: invalid value 1441; allowed: a minute of the day from 0 to 1440",
    ),
    (
        lambda: Window("12:00", "12:00"),
        InvalidValueError,
        "Window",
        "Window: invalid value '12:00-12:00'; allowed: start before end",
    ),
    (
        lambda: Window("24:00", "09:00"),
        InvalidValueError,
        "Window",
        "Window: invalid value '24:00-09:00'; allowed: start before end",
    ),
    (
        lambda: Window.parse(800),  # type: ignore[arg-type]
        InvalidTypeError,
        "Window",
        "Window: expected 'HH:MM-HH:MM' string, got int 800",
    ),
    (
        lambda: Window.parse("08:00-09:00-10:00"),
        InvalidValueError,
        "Window",
        "Window: invalid value '08:00-09:00-10:00'; allowed: 'HH:MM-HH:MM', e.g. '08:00-15:30'",
    ),
    (
        lambda: WorkingHours.parse([]),  # type: ignore[arg-type]
        InvalidTypeError,
        "WorkingHours",
        "WorkingHours: expected a mapping of day names to windows, got list []",
    ),
    (
        lambda: WorkingHours.parse({"mon-fri": "08:00-16:00", "fri": "08:00-11:00"}),
        InvalidValueError,
        "WorkingHours",
        "WorkingHours: invalid value 'fri'; allowed: each day once; Friday is repeated",
    ),
    (
        lambda: WorkingHours.parse({1: "08:00-16:00"}),  # type: ignore[dict-item]
        InvalidTypeError,
        "WorkingHours key",
        "WorkingHours key: expected a day name or range such as 'mon-thu', got int 1",
    ),
    (
        lambda: WorkingHours.parse({"monday-x": "08:00-16:00"}),
        InvalidValueError,
        "WorkingHours key",
        "WorkingHours key: invalid value 'monday-x'; allowed: day names such as 'mon', "
        "'friday', 'senin', 'jumat', or ranges like 'mon-thu'",
    ),
    (
        lambda: WorkingHours.parse({"fri-mon": "08:00-16:00"}),
        InvalidValueError,
        "WorkingHours key",
        "WorkingHours key: invalid value 'fri-mon'; "
        "allowed: a range from an earlier to a later day",
    ),
    (
        lambda: WorkingHours.parse({"mon": 8}),
        InvalidTypeError,
        "WorkingHours['mon']",
        "WorkingHours['mon']: expected 'HH:MM-HH:MM', a list of them, or 'closed', got int 8",
    ),
    (
        lambda: WorkingHours(()),
        InvalidValueError,
        "WorkingHours.days",
        "WorkingHours.days: invalid value (); allowed: a tuple of 7 tuples, Monday first",
    ),
    (
        lambda: WorkingHours(((),) * 6 + ([],)),  # type: ignore[arg-type]
        InvalidTypeError,
        "WorkingHours.days",
        "WorkingHours.days: expected tuple, got list []",
    ),
    (
        lambda: WorkingHours(((),) * 6 + (("x",),)),  # type: ignore[arg-type]
        InvalidTypeError,
        "WorkingHours.days[Sunday][0]",
        "WorkingHours.days[Sunday][0]: expected Window, got str 'x'",
    ),
    (
        lambda: WorkingHours.parse({"tue": ["08:00-12:00", "11:00-13:00"]}),
        InvalidValueError,
        "WorkingHours.days[Tuesday]",
        "WorkingHours.days[Tuesday]: invalid value '08:00-12:00, 11:00-13:00'; "
        "allowed: windows sorted by time and not overlapping",
    ),
]


@pytest.mark.golden
def test_pst_hours_follow_the_sop() -> None:
    hours = WorkingHours.pst()
    for weekday in range(4):
        assert hours.on(weekday) == (Window("08:00", "15:30"),)
    assert hours.on(4) == (Window("08:00", "16:00"),)
    assert hours.on(5) == hours.on(6) == ()
    assert hours.weekly_minutes == 4 * 450 + 480


@pytest.mark.golden
def test_ramadan_hours_follow_the_circular() -> None:
    hours = WorkingHours.ramadan()
    assert hours.on(2) == (Window("08:00", "12:00"), Window("12:30", "15:00"))
    assert hours.on(4) == (Window("08:00", "11:30"), Window("12:30", "15:30"))
    assert hours.on(6) == ()


def test_window_forms() -> None:
    assert Window(time(8), time(15, 30)) == Window("08:00", "15:30") == Window(480, 930)
    assert Window.parse("08.00 – 15.30") == Window("08:00", "15:30")
    assert str(Window("00:00", "24:00")) == "00:00-24:00"
    assert Window("00:00", "24:00").minutes == 1440


@pytest.mark.parametrize(
    ("start", "end", "error"),
    [
        ("15:30", "08:00", InvalidValueError),
        ("08:00", "08:00", InvalidValueError),
        ("8", "09:00", InvalidValueError),
        ("25:00", "26:00", InvalidValueError),
        ("08:60", "09:00", InvalidValueError),
        ("24:00", "24:30", InvalidValueError),
        (time(8, 0, 30), "09:00", InvalidValueError),
        (-1, 30, InvalidValueError),
        (8.5, 9, InvalidTypeError),
        (True, 9, InvalidTypeError),
    ],
)
def test_bad_windows(start: object, end: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        Window(start, end)


@pytest.mark.parametrize("text", ["08:00", "08:00-09:00-10:00", 800])
def test_bad_window_text(text: object) -> None:
    with pytest.raises((InvalidValueError, InvalidTypeError)):
        Window.parse(text)  # type: ignore[arg-type]


def test_parse_accepts_indonesian_and_english_names() -> None:
    english = WorkingHours.parse({"mon-thu": "08:00-15:30", "friday": "08:00-16:00"})
    indonesian = WorkingHours.parse({"senin-kamis": "08.00-15.30", "jumat": "08.00-16.00"})
    assert english == indonesian == WorkingHours.pst()
    saturday = WorkingHours.parse(
        {"Mon to Fri": "08:00-16:00", "sabtu": ["08:00-10:00", "10:30-12:00"], "sun": "closed"}
    )
    assert len(saturday.on(5)) == 2
    assert saturday.on(6) == ()
    assert WorkingHours.parse({"mon": Window("08:00", "09:00")}).on(0) == (
        Window("08:00", "09:00"),
    )


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ({"mon-thu": "08:00-15:30", "thu": "08:00-12:00"}, "Thursday is repeated"),
        ({"funday": "08:00-15:30"}, "day names"),
        ({"fri-mon": "08:00-15:30"}, "earlier to a later day"),
        ({"mon-tue-wed": "08:00-15:30"}, "earlier to a later day"),
        ({"mon": ["08:00-12:00", "11:00-15:00"]}, "not overlapping"),
        ({"mon": ["12:00-15:00", "08:00-11:00"]}, "sorted"),
    ],
)
def test_parse_errors_say_what_is_allowed(mapping: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidValueError, match=message):
        WorkingHours.parse(mapping)


@pytest.mark.parametrize("mapping", [["mon"], {1: "08:00-09:00"}, {"mon": 8}])
def test_parse_type_errors(mapping: object) -> None:
    with pytest.raises(InvalidTypeError):
        WorkingHours.parse(mapping)  # type: ignore[arg-type]


def test_days_validation() -> None:
    with pytest.raises(InvalidValueError, match="7 tuples"):
        WorkingHours(((),) * 6)
    with pytest.raises(InvalidTypeError):
        WorkingHours((("08:00-09:00",),) + ((),) * 6)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        WorkingHours(([Window(480, 540)],) + ((),) * 6)  # type: ignore[arg-type]


def test_describe() -> None:
    assert WorkingHours(((),) * 7).describe() == "Mon–Sun closed"
    assert WorkingHours.pst().describe() == "Mon–Thu 08:00-15:30; Fri 08:00-16:00; Sat–Sun closed"


@pytest.mark.golden
@pytest.mark.parametrize(("build", "error", "field", "message"), ERRORS)
def test_errors_name_field_value_and_allowed(
    build: Callable[[], object], error: type[Exception], field: str, message: str
) -> None:
    with pytest.raises(error) as caught:
        build()
    assert str(caught.value) == message
    assert getattr(caught.value, "field", None) == field


@pytest.mark.parametrize(
    ("start", "end", "minutes"),
    [
        ("00:00", "24:00", 1440),
        ("23:59", "24:00", 1),
        ("08:59", "09:00", 1),
        (0, 1440, 1440),
        (time(0), time(23, 59), 1439),
        ("7.05", "7.06", 1),
    ],
)
def test_window_edges_are_accepted(start: object, end: object, minutes: int) -> None:
    assert Window(start, end).minutes == minutes


def test_touching_windows_are_not_an_overlap() -> None:
    hours = WorkingHours.parse({"tue": ["08:00-12:00", "12:00-13:00"]})
    assert [str(w) for w in hours.on(1)] == ["08:00-12:00", "12:00-13:00"]
    assert hours.weekly_minutes == 300


@pytest.mark.parametrize(
    ("key", "weekdays"),
    [
        ("senin s/d kamis", [0, 1, 2, 3]),
        ("Sabtu sd Minggu", [5, 6]),
        ("mon to thu", [0, 1, 2, 3]),
        ("Mon – Thu", [0, 1, 2, 3]),
        ("mon-mon", [0]),
        ("jum'at", [4]),
        ("jum", [4]),
        ("ahad", [6]),
        ("Wednesday", [2]),
    ],
)
def test_day_keys(key: str, weekdays: list[int]) -> None:
    hours = WorkingHours.parse({key: "08:00-12:00"})
    assert [i for i, day in enumerate(hours.days) if day] == weekdays


def test_closed_days_in_both_languages() -> None:
    hours = WorkingHours.parse(
        {"tue": ["08:00-12:00", "12:30-13:00"], "wed": "closed", "thu": "tutup", "fri": None}
    )
    assert hours.describe("id") == "Sen tutup; Sel 08.00-12.00, 12.30-13.00; Rab–Min tutup"
    assert hours.describe("en") == "Mon closed; Tue 08:00-12:00, 12:30-13:00; Wed–Sun closed"
    assert hours.describe() == hours.describe("en")


@pytest.mark.golden
def test_published_hours() -> None:
    assert WorkingHours.pst().describe() == "Mon–Thu 08:00-15:30; Fri 08:00-16:00; Sat–Sun closed"
    assert WorkingHours.ramadan().describe("id") == (
        "Sen–Kam 08.00-12.00, 12.30-15.00; Jum 08.00-11.30, 12.30-15.30; Sab–Min tutup"
    )


def test_hours_are_written_as_people_write_them() -> None:
    assert WorkingHours.pst().to_data() == {"mon-thu": "08:00-15:30", "fri": "08:00-16:00"}
    split = WorkingHours.parse(
        {"mon": "08:00-12:00", "tue-wed": "08:00-12:00", "thu": "closed", "sat-sun": "09:00-10:00"}
    )
    assert split.to_data() == {"mon-wed": "08:00-12:00", "sat-sun": "09:00-10:00"}
    assert WorkingHours.ramadan().to_data()["mon-thu"] == ["08:00-12:00", "12:30-15:00"]
    assert WorkingHours(((),) * 7).to_data() == {}


@pytest.mark.property
@given(working_hours())
def test_the_written_form_reads_back_equal(hours: WorkingHours) -> None:
    assert WorkingHours.parse(hours.to_data()) == hours
