"""Calendar files: loading, checks, the built-in file, and round trips (Hypothesis)."""

from __future__ import annotations

import warnings
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import attrs
import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pst_core._files import package_text
from pst_core.calendar import (
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
from pst_core.errors import CalendarFileWarning, DataFileError, PstError
from tests.calendar.reference import ReferenceCalendar
from tests.holidays_data import needs_2028_estimates
from tests.strategies import INDONESIAN_ZONES, instants, working_days, working_hours

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
RESOURCES = ROOT / "tests" / "resources" / "calendar"

# -- loading and checks --------------------------------------------------------------


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


def _error(path: Path | str, **kwargs: Any) -> PstError:
    def read() -> WorkingCalendar:
        if isinstance(path, Path):
            return WorkingCalendar.load(path)
        return WorkingCalendar.loads(path, format=kwargs.get("format", "toml"))

    with pytest.raises(PstError) as info:
        read()
    assert isinstance(info.value, ValueError)
    return info.value


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


def test_json_and_toml_agree() -> None:
    cal = WorkingCalendar.load(EXAMPLES / "calendar-closure.toml")
    assert WorkingCalendar.loads(cal.dumps("json"), format="json") == cal
    assert WorkingCalendar.from_data(cal.to_data()) == cal


def test_dump_to_files(tmp_path: Path) -> None:
    cal = WorkingCalendar.load(EXAMPLES / "calendar-decreed-days.toml")
    for suffix in (".toml", ".json"):
        cal.dump(tmp_path / f"office{suffix}")
        assert WorkingCalendar.load(tmp_path / f"office{suffix}") == cal


# -- decreed days --------------------------------------------------------------------


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


def test_a_date_and_kind_are_decreed_once() -> None:
    twice = (DecreedDay(date(2026, 8, 18), "national", "A", "D"),) * 2
    with pytest.raises(ValueError, match="each date and kind at most once"):
        WorkingCalendar(decreed=twice)


# -- properties ----------------------------------------------------------------------

_days_2024_2027 = st.dates(date(2024, 1, 1), date(2027, 12, 31))
_texts = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=12).filter(
    str.strip
)
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
    keys = draw(
        st.sets(
            st.tuples(_days_2024_2027, st.sampled_from(["national", "cuti_bersama"])), max_size=3
        )
    )
    return tuple(
        DecreedDay(
            day,
            kind,  # type: ignore[arg-type]
            draw(_texts),
            draw(_texts),
            draw(st.sampled_from(["add", "remove"])),
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
        name=draw(st.sampled_from(["", "BPS Provinsi Bengkulu", 'Kantor "Uji" \\ ✓'])),
    )


def _quietly(text: str, fmt: Any) -> WorkingCalendar:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CalendarFileWarning)
        return WorkingCalendar.loads(text, format=fmt)


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


# -- the fingerprint a saved transaction records -------------------------------------

# Changing this string is a deliberate event: every saved transaction records the
# fingerprint of its calendar, so a new value must be announced in CHANGELOG.md.
PST_FINGERPRINT = "sha256:c1018d5348b90da0"


def test_the_builtin_calendars_fingerprint_is_fixed() -> None:
    assert WorkingCalendar.pst().fingerprint == PST_FINGERPRINT


def test_the_fingerprint_ignores_the_units_name_and_source() -> None:
    named = attrs.evolve(WorkingCalendar.pst(), name="BPS Provinsi Bengkulu", source="x.toml")
    assert named.fingerprint == PST_FINGERPRINT


@pytest.mark.parametrize(
    "changed",
    [
        WorkingCalendar.pst("Asia/Makassar"),
        WorkingCalendar.pst().with_closure(date(2026, 3, 30), reason="office move"),
        attrs.evolve(WorkingCalendar.pst(), cuti_bersama=False),
    ],
    ids=["zone", "closure", "cuti-bersama-switch"],
)
def test_whatever_changes_an_answer_changes_the_fingerprint(changed: WorkingCalendar) -> None:
    assert changed.fingerprint != PST_FINGERPRINT


@settings(max_examples=25)
@given(hours=working_hours().filter(lambda hours: hours.weekly_minutes > 0))
def test_the_fingerprint_is_the_fingerprint_of_the_loaded_file(hours: WorkingHours) -> None:
    calendar = WorkingCalendar(hours=hours)
    assert WorkingCalendar.loads(calendar.dumps("toml"), format="toml").fingerprint == (
        calendar.fingerprint
    )
