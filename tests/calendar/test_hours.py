"""Working hours: windows, weekday maps and their validation."""

from __future__ import annotations

from datetime import time

import pytest

from pst_core.calendar import Window, WorkingHours
from pst_core.errors import InvalidTypeError, InvalidValueError


def test_pst_hours_follow_the_sop() -> None:
    hours = WorkingHours.pst()
    for weekday in range(4):
        assert hours.on(weekday) == (Window("08:00", "15:30"),)
    assert hours.on(4) == (Window("08:00", "16:00"),)
    assert hours.on(5) == hours.on(6) == ()
    assert hours.weekly_minutes == 4 * 450 + 480


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
