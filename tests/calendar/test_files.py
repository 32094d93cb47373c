"""Calendar files: reading, every problem's path, value and allowed text, warnings, writing.

Each calendar is read from plain data or text inside its test, so the problems, warnings
and defaults below are those of that very read. Round trips and the answers of a loaded
file are Hypothesis properties, checked against a naive reference as well.
"""

from __future__ import annotations

import warnings
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pst_core._resources import package_text
from pst_core.calendar import (
    CalendarFileWarning,
    Closure,
    DecreedDay,
    ExtraWorkingDay,
    HoursPeriod,
    Window,
    WorkingCalendar,
    WorkingDays,
    WorkingHours,
    WorkingTime,
)
from pst_core.calendar.holidays import indonesian_holidays
from pst_core.errors import (
    DataFileError,
    PstError,
)
from tests.calendar.reference import ReferenceCalendar
from tests.holidays_data import needs_2028_estimates
from tests.strategies import (
    INDONESIAN_ZONES,
    instants,
    people_texts,
    working_days,
    working_hours,
)

ROOT = Path(__file__).resolve().parents[2]

EXAMPLES = ROOT / "examples"

RESOURCES = ROOT / "tests" / "resources" / "calendar"


def _error(path: Path | str, **kwargs: Any) -> PstError:
    def read() -> WorkingCalendar:
        if isinstance(path, Path):
            return WorkingCalendar.load(path)
        return WorkingCalendar.loads(path, format=kwargs.get("format", "toml"))

    with pytest.raises(PstError) as info:
        read()
    assert isinstance(info.value, ValueError)
    return info.value


MON = {"mon": "08:00-12:00"}


# -- reading ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["calendar-ramadan-1447.toml", "calendar-closure.toml", "calendar-decreed-days.toml"]
)
def test_examples_load_without_warnings(name: str) -> None:
    cal = WorkingCalendar.load(EXAMPLES / name)
    assert cal.source == str(EXAMPLES / name)
    assert WorkingCalendar.loads(cal.dumps("toml"), format="toml") == cal


def test_the_shipped_file_is_the_pst_calendar() -> None:
    text = package_text("pst_core.calendar", "data/pst.toml")
    shipped = WorkingCalendar.loads(text, format="toml")
    assert shipped == WorkingCalendar(hours=WorkingHours.pst())
    assert WorkingCalendar.pst() == shipped
    assert WorkingCalendar.pst("WITA") == WorkingCalendar.for_province("Bali")


def test_ramadan_file_hours_and_source() -> None:
    cal = WorkingCalendar.load(EXAMPLES / "calendar-ramadan-1447.toml")
    (period,) = cal.periods
    assert period.hours == WorkingHours.ramadan()
    assert "illustrative" in period.source
    assert [str(w) for w in cal.windows_on(date(2026, 3, 2))] == ["08:00-12:00", "12:30-15:00"]


def test_empty_file_is_pst_and_zone_labels_work() -> None:
    assert WorkingCalendar.loads("", format="toml") == WorkingCalendar.pst()
    assert WorkingCalendar.loads('timezone = "WIT"', format="toml").timezone.key == "Asia/Jayapura"
    assert WorkingCalendar.loads(
        'province = "Kep. Bangka Belitung"', format="toml"
    ).timezone.key == ("Asia/Jakarta")


def test_defaults_of_an_empty_file() -> None:
    cal = WorkingCalendar.from_data({})
    assert cal == WorkingCalendar.pst()
    assert (cal.name, cal.source) == ("", "")
    assert WorkingCalendar.from_data({"name": "Kantor"}, file="office.toml").source == "office.toml"
    assert WorkingCalendar.from_data({"name": "Kantor"}, file="office.toml").name == "Kantor"
    assert WorkingCalendar.loads('name = "Kantor"', format="toml").source == ""
    assert WorkingCalendar.from_data({}, file="<json text>").source == ""


def test_from_data_names_its_file() -> None:
    assert WorkingCalendar.from_data({}).source == ""
    assert WorkingCalendar.from_data({}, file="office.toml").source == "office.toml"
    with pytest.raises(DataFileError) as caught:
        WorkingCalendar.from_data({"province": "zzzz"})
    assert str(caught.value).startswith("<data>: province: ")
    with pytest.raises(DataFileError) as caught:
        WorkingCalendar.from_data({"province": "zzzz"}, file="office.toml")
    assert str(caught.value).startswith("office.toml: province: ")


def test_the_entries_read() -> None:
    cal = WorkingCalendar.from_data(
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


@needs_2028_estimates
def test_decreed_year_is_not_provisional_and_cites_the_decree() -> None:
    start = datetime.fromisoformat("2028-02-24T09:00+07:00")
    plain = WorkingCalendar.pst().deadline(start, WorkingDays(3))
    assert plain.provisional
    cal = WorkingCalendar.load(EXAMPLES / "calendar-decreed-days.toml")
    deadline = cal.deadline(start, WorkingDays(3))
    assert not deadline.provisional
    assert deadline.reasons == ()
    assert any("SKB contoh 2028" in source for source in deadline.sources)
    assert any("calendar-decreed-days.toml" in source for source in deadline.sources)
    assert [s.kind for s in deadline.skipped].count("cuti_bersama") == 2


def test_removing_a_day_by_decree() -> None:
    cal = WorkingCalendar.pst().with_decreed_day(
        date(2026, 3, 18), "cuti_bersama", "Dibatalkan", decree="contoh", action="remove"
    )
    assert cal.is_working_day(date(2026, 3, 18))
    assert not WorkingCalendar.pst().is_working_day(date(2026, 3, 18))


def test_json_and_toml_agree() -> None:
    cal = WorkingCalendar.load(EXAMPLES / "calendar-closure.toml")
    assert WorkingCalendar.loads(cal.dumps("json"), format="json") == cal
    assert WorkingCalendar.from_data(cal.to_data()) == cal


# -- problems: every one with its path, value and what is allowed ---------------------------


def problems(data: dict[str, Any], file: str = "<data>") -> list[tuple[str, object, str]]:
    with pytest.raises(DataFileError) as caught:
        WorkingCalendar.from_data(data, file=file)
    found = [(p.path, p.value, p.allowed) for p in caught.value.problems]
    assert str(caught.value).startswith(f"{file}: {found[0][0]}: ")
    return found


def test_overlapping_periods_name_both() -> None:
    message = str(_error(RESOURCES / "overlap.toml"))
    assert "periods[1]" in message
    assert "does not overlap periods[0] (Ramadan" in message


def test_hours_that_end_before_they_start() -> None:
    message = str(_error(RESOURCES / "reversed-hours.toml"))
    assert "hours" in message
    assert "15:30-08:00" in message
    assert "start before end" in message


def test_period_outside_the_horizon() -> None:
    message = str(_error(RESOURCES / "outside-horizon.toml"))
    assert "closures[0]" in message
    assert "1900-01-02" in message


def test_every_problem_is_counted() -> None:
    message = str(_error(RESOURCES / "many-problems.json"))
    assert "province" in message
    assert "Atlantis" in message
    assert "(and 2 more problems)" in message
    with pytest.raises(DataFileError) as info:
        WorkingCalendar.load(RESOURCES / "many-problems.json")
    assert [p.path for p in info.value.problems] == [
        "province",
        "closures[0].end",
        "decreed[1].day",
    ]


def test_province_and_timezone_must_agree() -> None:
    message = str(_error('province = "Bali"\ntimezone = "Asia/Jakarta"'))
    assert "Asia/Makassar" in message


def test_unknown_key_and_syntax_error() -> None:
    assert "holidays" in str(_error("holidays = true"))
    assert "syntax error" in str(_error("{", format="json"))


def test_a_date_and_kind_are_decreed_once() -> None:
    twice = (DecreedDay(date(2026, 8, 18), "national", "A", "D"),) * 2
    with pytest.raises(ValueError, match="each date and kind at most once"):
        WorkingCalendar(decreed=twice)


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
    agreed = WorkingCalendar.from_data({"province": "Bali", "timezone": "Asia/Makassar"})
    assert agreed.timezone.key == "Asia/Makassar"
    assert WorkingCalendar.from_data({"province": "Kalbar"}).timezone.key == "Asia/Pontianak"
    assert WorkingCalendar.from_data({"timezone": "Asia/Jayapura"}).timezone.key == "Asia/Jayapura"


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
    edges = WorkingCalendar.from_data(
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
    cal = WorkingCalendar.from_data(
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


def test_a_calendar_with_no_working_time_is_a_file_problem() -> None:
    ((path, value, allowed),) = problems({"hours": {"mon-sun": []}})
    assert (path, value) == ("hours", {"mon-sun": []})
    assert allowed == "hours with an open window on some weekday, or extra working days"
    with pytest.raises(DataFileError) as caught:
        WorkingCalendar.from_data({"hours": {"mon-sun": []}})
    assert str(caught.value).count("allowed") == 1


def test_an_extra_day_without_hours_to_borrow_is_blamed_on_its_windows() -> None:
    ((path, value, allowed),) = problems(
        {"extra_working_days": [{"day": "2026-11-28", "reason": "Open Saturday"}]}
    )
    assert (path, value) == ("extra_working_days[0].windows", [])
    assert allowed == ("windows for Sat 2026-11-28, whose weekday has no opening hours to lend it")


# -- warnings: closures that close no working day ------------------------------------------


def test_closure_on_days_off_warns_but_loads() -> None:
    with pytest.warns(
        CalendarFileWarning, match=r"closes no working day: Saturday 21 November 2026"
    ):
        cal = WorkingCalendar.load(RESOURCES / "closure-on-weekend.toml")
    assert cal.closures == (
        Closure(date(2026, 11, 21), date(2026, 11, 22), cal.closures[0].reason),
    )


def test_a_closure_over_a_weekend_and_working_days_does_not_warn() -> None:
    text = '[[closures]]\nstart = 2026-11-20\nend = 2026-11-23\nreason = "Long weekend"\n'
    assert WorkingCalendar.loads(text, format="toml").closures[0].days == 4


def test_idle_closures_warn_with_their_days() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cal = WorkingCalendar.from_data(
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
        WorkingCalendar.from_data(
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


# -- writing ---------------------------------------------------------------------------


def test_dump_to_files(tmp_path: Path) -> None:
    cal = WorkingCalendar.load(EXAMPLES / "calendar-decreed-days.toml")
    for suffix in (".toml", ".json"):
        cal.dump(tmp_path / f"office{suffix}")
        assert WorkingCalendar.load(tmp_path / f"office{suffix}") == cal


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
    assert WorkingCalendar.from_data(cal.to_data()) == cal
    assert WorkingCalendar.loads(cal.dumps(), format="json") == cal
    assert WorkingCalendar.loads(cal.dumps("toml"), format="toml") == cal
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


# -- round trips: any calendar an office could build -----------------------------------------


_days_2024_2027 = st.dates(date(2024, 1, 1), date(2027, 12, 31))

_texts = people_texts

_hours = st.one_of(
    st.sampled_from([WorkingHours.pst(), WorkingHours.ramadan()]),
    working_hours().filter(lambda h: h.weekly_minutes >= 20 * 60),
)


@st.composite
def _periods(draw: st.DrawFn) -> tuple[HoursPeriod, ...]:
    edges = sorted(draw(st.sets(_days_2024_2027, max_size=4)))
    if len(edges) % 2:
        edges = edges[:-1]
    return tuple(
        HoursPeriod(a, b, draw(_hours), draw(_texts), draw(st.sampled_from(["", "SE 6/2023"])))
        for a, b in zip(edges[::2], edges[1::2], strict=True)
    )


@st.composite
def _closures(draw: st.DrawFn) -> tuple[Closure, ...]:
    starts = draw(st.lists(_days_2024_2027, max_size=3))
    return tuple(
        Closure(s, s + timedelta(days=draw(st.integers(0, 4))), draw(_texts)) for s in starts
    )


@st.composite
def _extra_days(draw: st.DrawFn) -> tuple[ExtraWorkingDay, ...]:
    days = draw(st.sets(_days_2024_2027, max_size=2))
    # Explicit windows: a day borrowing its weekday's hours is tested on its own.
    windows = st.sampled_from([(Window("08:00", "12:00"),), (Window(0, 1440),)])
    return tuple(ExtraWorkingDay(d, draw(_texts), draw(windows)) for d in sorted(days))


@st.composite
def _decreed(draw: st.DrawFn) -> tuple[DecreedDay, ...]:
    held = [(h.day, h.kind) for y in range(2024, 2028) for h in indonesian_holidays(y).holidays]
    keys = draw(
        st.sets(
            st.one_of(
                st.tuples(_days_2024_2027, st.sampled_from(["national", "cuti_bersama"])),
                st.sampled_from(held),
            ),
            max_size=3,
        )
    )

    # A removal must find its day off: only a day the holiday data holds can be removed.
    def action(day: date, kind: str) -> str:
        held = any(h.kind == kind for h in indonesian_holidays(day.year).on(day))
        return draw(st.sampled_from(["add", "remove"])) if held else "add"

    return tuple(
        DecreedDay(
            day,
            kind,  # type: ignore[arg-type]
            draw(_texts),
            draw(_texts),
            action(day, kind),  # type: ignore[arg-type]
            draw(st.sampled_from(["", "Example"])),
        )
        for day, kind in sorted(keys)
    )


@st.composite
def calendars(draw: st.DrawFn) -> WorkingCalendar:
    """Any calendar an office could build in Python, with every kind of entry."""
    return WorkingCalendar(
        hours=draw(_hours),
        timezone=draw(st.sampled_from(INDONESIAN_ZONES)),
        national_holidays=draw(st.booleans()),
        cuti_bersama=draw(st.booleans()),
        closures=draw(_closures()),
        extra_working_days=draw(_extra_days()),
        periods=draw(_periods()),
        decreed=draw(_decreed()),
        name=draw(st.one_of(st.sampled_from(["", 'Kantor "Uji" \\ ✓']), people_texts)),
    )


def _quietly(text: str, fmt: Any) -> WorkingCalendar:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CalendarFileWarning)
        return WorkingCalendar.loads(text, format=fmt)


@pytest.mark.property
@given(calendars(), st.sampled_from(["toml", "json"]))
def test_dump_then_load_gives_the_same_calendar(cal: WorkingCalendar, fmt: Any) -> None:
    again = _quietly(cal.dumps(fmt), fmt)
    assert again == cal
    assert hash(again) == hash(cal)
    assert again.to_data() == cal.to_data()


class FileReference(ReferenceCalendar):
    """The naive reference, extended day by day with a calendar's own entries."""

    def __init__(self, cal: WorkingCalendar) -> None:
        super().__init__(cal.hours, cal.timezone.key)
        self.cal = cal
        years = range(2023, 2031)
        self.public = holidays.country_holidays("ID", years=years, categories=("public",))
        self.government = holidays.country_holidays("ID", years=years, categories=("government",))

    def _holiday(self, day: date) -> bool:
        kinds = set()
        if day in self.public:
            kinds.add("national")
        if day in self.government:
            kinds.add("cuti_bersama")
        for decreed in self.cal.decreed:
            if decreed.day == day:
                (kinds.add if decreed.action == "add" else kinds.discard)(decreed.kind)
        return (self.cal.national_holidays and "national" in kinds) or (
            self.cal.cuti_bersama and "cuti_bersama" in kinds
        )

    def windows(self, day: date) -> list[tuple[datetime, datetime]]:
        hours = next((p.hours for p in self.cal.periods if p.start <= day <= p.end), self.cal.hours)
        extra = next((e for e in self.cal.extra_working_days if e.day == day), None)
        if extra is not None:
            windows = extra.windows or hours.on(day.weekday()) or hours.on(0)
        elif any(c.start <= day <= c.end for c in self.cal.closures) or self._holiday(day):
            return []
        else:
            windows = hours.on(day.weekday())
        midnight = datetime(day.year, day.month, day.day, tzinfo=self.zone)
        return [
            (midnight + timedelta(minutes=w.start), midnight + timedelta(minutes=w.end))
            for w in windows
        ]


@pytest.mark.property
@settings(max_examples=60)
@given(
    calendars(),
    st.sampled_from(["toml", "json"]),
    st.lists(st.tuples(instants, st.integers(0, 60 * 60), working_days), min_size=1, max_size=3),
)
def test_a_calendar_from_a_file_answers_as_in_python_and_as_the_reference(
    cal: WorkingCalendar, fmt: Any, queries: list[tuple[datetime, int, WorkingDays]]
) -> None:
    loaded = _quietly(cal.dumps(fmt), fmt)
    reference = FileReference(cal)
    for start, minutes, days in queries:
        amount = WorkingTime(minutes)
        expected = reference.add_working_time(start, amount.span)
        assert loaded.add(start, amount) == cal.add(start, amount) == expected
        expected = reference.add_working_days(start, days.n)
        assert loaded.add(start, days) == cal.add(start, days) == expected
