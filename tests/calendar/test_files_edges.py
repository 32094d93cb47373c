"""Calendar files at their edges: every problem's path, value and allowed text; the data written.

Each calendar is read from plain data inside its test (`from_data`), so the
problems, warnings and defaults below are those of this very read.
"""

from __future__ import annotations

import warnings
from datetime import date
from typing import Any

import pytest

from pst_core.calendar import (
    Closure,
    DecreedDay,
    ExtraWorkingDay,
    HoursPeriod,
    Window,
    WorkingCalendar,
    WorkingHours,
)
from pst_core.errors import CalendarFileWarning, DataFileError

from_data = WorkingCalendar.from_data
loads = WorkingCalendar.loads

MON = {"mon": "08:00-12:00"}


def problems(data: dict[str, Any], file: str = "<data>") -> list[tuple[str, object, str]]:
    with pytest.raises(DataFileError) as caught:
        from_data(data, file=file)
    found = [(p.path, p.value, p.allowed) for p in caught.value.problems]
    assert str(caught.value).startswith(f"{file}: {found[0][0]}: ")
    return found


def test_defaults_of_an_empty_file() -> None:
    cal = from_data({})
    assert cal == WorkingCalendar.pst()
    assert (cal.name, cal.source) == ("", "")
    assert from_data({"name": "Kantor"}, file="office.toml").source == "office.toml"
    assert from_data({"name": "Kantor"}, file="office.toml").name == "Kantor"
    assert loads('name = "Kantor"', format="toml").source == ""
    assert from_data({}, file="<json text>").source == ""


def test_province_problems() -> None:
    assert problems({"province": "Jawa Barta"}) == [
        ("province", "Jawa Barta", "Jawa Barat, DKI Jakarta, Papua Barat, Jawa Tengah")
    ]
    assert problems({"province": "zzzz"}) == [
        ("province", "zzzz", "one of the 38 provinces (pst-core provinces)")
    ]
    assert problems({"province": "Bali", "timezone": "Asia/Jakarta"}) == [
        ("timezone", "Asia/Jakarta", "Asia/Makassar, the zone of Bali")
    ]
    agreed = from_data({"province": "Bali", "timezone": "Asia/Makassar"})
    assert agreed.timezone.key == "Asia/Makassar"
    assert from_data({"province": "Kalbar"}).timezone.key == "Asia/Pontianak"
    assert from_data({"timezone": "Asia/Jayapura"}).timezone.key == "Asia/Jayapura"


def test_dates_outside_the_horizon_and_reversed() -> None:
    allowed = "a date in the years 1946 to 2100"
    assert problems({"closures": [{"start": "1900-01-06", "reason": "x"}]}) == [
        ("closures[0].start", "1900-01-06", allowed)
    ]
    assert problems(
        {"closures": [{"start": "2026-01-06", "end": "2200-01-01", "reason": "x"}]}
    ) == [("closures[0].end", "2200-01-01", allowed)]
    assert problems(
        {"closures": [{"start": "1945-12-31", "end": "2200-01-01", "reason": "x"}]}
    ) == [("closures[0].start", "1945-12-31", allowed)]
    assert problems(
        {"closures": [{"start": "2026-01-06", "end": "2026-01-05", "reason": "x"}]}
    ) == [("closures[0].end", "2026-01-05", "a date on or after start (2026-01-06)")]
    # The horizon's own years are inside.
    edges = from_data(
        {
            "closures": [
                {"start": "1946-01-02", "reason": "a"},
                {"start": "2100-12-31", "reason": "b"},
            ]
        }
    )
    assert edges.closures == (
        Closure(date(1946, 1, 2), date(1946, 1, 2), "a"),
        Closure(date(2100, 12, 31), date(2100, 12, 31), "b"),
    )
    (extra,) = problems(
        {"extra_working_days": [{"day": "1900-01-06", "reason": "x", "windows": ["08:00-12:00"]}]}
    )
    assert extra == ("extra_working_days[0].day", "1900-01-06", allowed)
    (decreed,) = problems(
        {"decreed": [{"day": "2101-01-06", "kind": "national", "name": "x", "decree": "d"}]}
    )
    assert decreed == ("decreed[0].day", "2101-01-06", allowed)


def test_period_problems_name_both_periods() -> None:
    found = problems(
        {
            "periods": [
                {"name": "A", "start": "2026-03-01", "end": "2026-03-10", "hours": MON},
                {"name": "B", "start": "2026-02-01", "end": "2026-03-01", "hours": MON},
                {"name": "C", "start": "2026-03-10", "end": "2026-03-01", "hours": MON},
            ]
        }
    )
    assert found == [
        ("periods[2].end", "2026-03-01", "a date on or after start (2026-03-10)"),
        (
            "periods[0]",
            "A (2026-03-01 to 2026-03-10)",
            "a period that does not overlap periods[1] (B, 2026-02-01 to 2026-03-01)",
        ),
    ]
    # Back to back is fine, and the periods keep the file's order and their sources.
    cal = from_data(
        {
            "periods": [
                {"name": "B", "start": "2026-03-11", "end": "2026-03-12", "hours": MON},
                {
                    "name": "A",
                    "start": "2026-03-01",
                    "end": "2026-03-10",
                    "hours": MON,
                    "source": "SE 1",
                },
            ]
        }
    )
    hours = WorkingHours.parse(MON)
    assert cal.periods == (
        HoursPeriod(date(2026, 3, 11), date(2026, 3, 12), hours, "B", ""),
        HoursPeriod(date(2026, 3, 1), date(2026, 3, 10), hours, "A", "SE 1"),
    )


def test_extra_day_and_decreed_problems() -> None:
    found = problems(
        {
            "extra_working_days": [
                {"day": "2026-09-26", "reason": "x", "windows": ["08:00-12:00"]},
                {"day": "2026-09-27", "reason": "y", "windows": ["08:00-12:00"]},
                {"day": "2026-09-26", "reason": "z", "windows": ["08:00-25:00"]},
            ]
        }
    )
    assert found == [
        ("extra_working_days[2].day", "2026-09-26", "a date not already in extra_working_days[0]"),
        (
            "extra_working_days[2].windows",
            ["08:00-25:00"],
            "a clock time 'HH:MM' from 00:00 to 24:00",
        ),
    ]
    entry = {"day": "2026-09-26", "kind": "national", "name": "x", "decree": "d"}
    found = problems({"decreed": [entry, {**entry, "kind": "cuti_bersama"}, entry]})
    assert found == [
        ("decreed[2].day", "2026-09-26", "a date not already decreed as national in decreed[0]")
    ]


def test_the_entries_read() -> None:
    cal = from_data(
        {
            "closures": [{"start": "2026-11-23", "reason": "Pindah"}],
            "extra_working_days": [
                {"day": "2026-09-26", "reason": "Sabtu", "windows": ["08:00-12:00"]},
                {"day": "2026-11-20", "reason": "Jumat"},
            ],
            "decreed": [
                {"day": "2026-08-18", "kind": "cuti_bersama", "name": "Cuti", "decree": "SKB"},
                {
                    "day": "2026-08-17",
                    "kind": "national",
                    "name": "HUT RI",
                    "decree": "K",
                    "action": "remove",
                    "name_en": "Independence Day",
                },
            ],
        }
    )
    assert cal.closures == (Closure(date(2026, 11, 23), date(2026, 11, 23), "Pindah"),)
    assert cal.extra_working_days == (
        ExtraWorkingDay(date(2026, 9, 26), "Sabtu", (Window("08:00", "12:00"),)),
        ExtraWorkingDay(date(2026, 11, 20), "Jumat"),
    )
    assert cal.decreed == (
        DecreedDay(date(2026, 8, 18), "cuti_bersama", "Cuti", "SKB", "add", ""),
        DecreedDay(date(2026, 8, 17), "national", "HUT RI", "K", "remove", "Independence Day"),
    )


def test_a_calendar_with_no_working_time_is_a_file_problem() -> None:
    ((path, value, allowed),) = problems({"hours": {"mon-sun": []}})
    assert (path, value) == ("hours", {"mon-sun": []})
    assert allowed == "hours with an open window on some weekday, or extra working days"
    with pytest.raises(DataFileError) as caught:
        from_data({"hours": {"mon-sun": []}})
    assert str(caught.value).count("allowed") == 1


def test_an_extra_day_without_hours_to_borrow_is_blamed_on_its_windows() -> None:
    ((path, value, allowed),) = problems(
        {"extra_working_days": [{"day": "2026-11-28", "reason": "Open Saturday"}]}
    )
    assert (path, value) == ("extra_working_days[0].windows", [])
    assert allowed == ("windows for Sat 2026-11-28, whose weekday has no opening hours to lend it")


def test_idle_closures_warn_with_their_days() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cal = from_data(
            {
                "closures": [
                    {"start": "2026-03-21", "end": "2026-03-22", "reason": "Libur"},
                    {"start": "2026-03-23", "reason": "Rapat"},
                    {"start": "2026-03-25", "end": "2026-03-28", "reason": "Pindah"},
                ]
            },
            file="f.toml",
        )
    assert len(cal.closures) == 3
    assert [(w.category, str(w.message)) for w in caught] == [
        (
            CalendarFileWarning,
            "f.toml: closures[0] (Libur) closes no working day: Saturday 21 March 2026: "
            "Eid al-Fitr (national holiday); Sunday 22 March 2026: Eid al-Fitr Second Day "
            "(national holiday)",
        ),
        (
            CalendarFileWarning,
            "f.toml: closures[1] (Rapat) closes no working day: Monday 23 March 2026: "
            "Eid al-Fitr Joint Holiday (collective leave)",
        ),
    ]


def test_a_closure_covered_only_by_another_closure_warns() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        from_data(
            {
                "closures": [
                    {"start": "2026-11-23", "end": "2026-11-24", "reason": "A"},
                    {"start": "2026-11-24", "reason": "B"},
                ]
            }
        )
    assert [str(w.message) for w in caught] == [
        "<data>: closures[1] (B) closes no working day: Tuesday 24 November 2026: A (closed)"
    ]


def test_the_data_written() -> None:
    hours = WorkingHours.parse(
        {
            "mon": "08:00-12:00",
            "tue": "09:00-12:00",
            "wed": "08:00-12:00",
            "fri": ["08:00-11:30", "13:00-16:00"],
        }
    )
    cal = (
        WorkingCalendar(hours=hours, name="Kantor", national_holidays=False)
        .with_period(date(2026, 3, 1), date(2026, 3, 10), WorkingHours.ramadan(), name="R")
        .with_closure(date(2026, 11, 23), reason="Pindah")
        .with_closure(date(2026, 11, 25), date(2026, 11, 26), reason="Rapat")
        .with_extra_working_day(date(2026, 9, 26), reason="Sabtu", windows=["08:00-12:00"])
        .with_extra_working_day(date(2026, 9, 21), reason="Senin")
        .with_decreed_day(date(2026, 8, 18), "cuti_bersama", "Cuti", decree="SKB")
        .with_decreed_day(
            date(2026, 8, 17), "national", "HUT", decree="K", action="remove", name_en="Day"
        )
    )
    assert cal.to_data() == {
        "name": "Kantor",
        "timezone": "Asia/Jakarta",
        "national_holidays": False,
        "cuti_bersama": True,
        "hours": {
            "mon": "08:00-12:00",
            "tue": "09:00-12:00",
            "wed": "08:00-12:00",
            "fri": ["08:00-11:30", "13:00-16:00"],
        },
        "periods": [
            {
                "name": "R",
                "start": "2026-03-01",
                "end": "2026-03-10",
                "hours": {
                    "mon-thu": ["08:00-12:00", "12:30-15:00"],
                    "fri": ["08:00-11:30", "12:30-15:30"],
                },
            }
        ],
        "closures": [
            {"start": "2026-11-23", "reason": "Pindah"},
            {"start": "2026-11-25", "end": "2026-11-26", "reason": "Rapat"},
        ],
        "extra_working_days": [
            {"day": "2026-09-26", "reason": "Sabtu", "windows": ["08:00-12:00"]},
            {"day": "2026-09-21", "reason": "Senin"},
        ],
        "decreed": [
            {
                "day": "2026-08-18",
                "kind": "cuti_bersama",
                "name": "Cuti",
                "decree": "SKB",
                "action": "add",
            },
            {
                "day": "2026-08-17",
                "kind": "national",
                "name": "HUT",
                "name_en": "Day",
                "decree": "K",
                "action": "remove",
            },
        ],
    }
    assert from_data(cal.to_data()) == cal
    assert loads(cal.dumps(), format="json") == cal
    assert loads(cal.dumps("toml"), format="toml") == cal
    ramadan = HoursPeriod(
        date(2026, 3, 1), date(2026, 3, 10), WorkingHours.ramadan(), "R", "SE 6/2023"
    )
    sourced = WorkingCalendar(periods=(ramadan,))
    assert sourced.to_data()["periods"][0]["source"] == "SE 6/2023"
    assert "name" not in WorkingCalendar.pst().to_data()
    assert list(WorkingCalendar.pst().to_data()) == [
        "timezone",
        "national_holidays",
        "cuti_bersama",
        "hours",
    ]


def test_the_calendar_methods_write_and_read_the_same_text() -> None:
    cal = WorkingCalendar(name="Kantor").with_closure(date(2026, 11, 23), reason="Pindah")
    text = cal.dumps()
    assert text == cal.dumps("json")
    assert text.startswith('{\n  "name": "Kantor",\n  "timezone": "Asia/Jakarta",')
    toml = cal.dumps("toml")
    assert toml.startswith('name = "Kantor"\ntimezone = "Asia/Jakarta"\n')
    assert WorkingCalendar.loads(text, format="json") == cal
    assert WorkingCalendar.loads(toml, format="toml") == cal
