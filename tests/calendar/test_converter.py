"""The calendar's value types in data files: durations as phrases, hours as day tables, zones.

Every saved model whose fields hold them (standards, SOPs, workflows, calendar files)
reads and writes them through `pst_core.calendar.converter`; `_Office` here is such a
model, the smallest one.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given

from pst_core.calendar import Duration, WorkingDays, WorkingHours, WorkingTime
from pst_core.calendar.converter import DataModel, structure, unstructure
from pst_core.errors import DataFileError, InvalidValueError
from tests.strategies import durations


@attrs.frozen
class _Office(DataModel):
    hours: WorkingHours
    wait: Duration
    zone: ZoneInfo | None = None
    grace: Duration | None = None


def test_a_model_of_the_calendars_value_types_writes_them_as_people_do(tmp_path: Path) -> None:
    office = _Office(
        WorkingHours.ramadan(), WorkingDays(3), ZoneInfo("Asia/Makassar"), WorkingTime(90)
    )
    assert office.to_data() == {
        "hours": {"mon-thu": ["08:00-12:00", "12:30-15:00"], "fri": ["08:00-11:30", "12:30-15:30"]},
        "wait": "3 hari kerja",
        "zone": "Asia/Makassar",
        "grace": "90 menit",
    }
    assert _Office(WorkingHours.pst(), WorkingDays(1)).to_data() == {
        "hours": {"mon-thu": "08:00-15:30", "fri": "08:00-16:00"},  # one window: a string
        "wait": "1 hari kerja",
    }
    for fmt in ("toml", "json"):
        assert _Office.loads(office.dumps(fmt), format=fmt) == office
        office.dump(tmp_path / f"office.{fmt}")
        assert _Office.load(tmp_path / f"office.{fmt}") == office


def test_values_are_read_as_people_write_them() -> None:
    office = _Office.from_data(
        {"hours": {"senin-kamis": "08.00-15.30"}, "wait": "tiga hari kerja", "zone": "WITA"}
    )
    assert office.hours == WorkingHours.parse({"mon-thu": "08:00-15:30"})
    assert office.wait == WorkingDays(3)
    assert office.zone == ZoneInfo("Asia/Makassar")
    assert office.grace is None


def test_every_problem_names_its_field_and_what_is_allowed() -> None:
    with pytest.raises(DataFileError) as caught:
        _Office.from_data(
            {"hours": ["08:00-12:00"], "wait": 3, "zone": "Asia/Jakata", "grace": "3 hari kreja"},
            file="office.toml",
        )
    problems = {p.path: p for p in caught.value.problems}
    assert set(problems) == {"hours", "wait", "zone", "grace"}
    assert problems["hours"].allowed.startswith("a table of day names to windows")
    assert (problems["wait"].value, problems["wait"].allowed) == (
        3,
        "a duration phrase such as '3 hari kerja'",
    )
    assert problems["zone"].value == "Asia/Jakata"
    assert "'3 hari kerja' (the nearest accepted form)" in problems["grace"].allowed
    assert str(caught.value).startswith("office.toml: ")


def test_working_time_is_written_in_whole_minutes() -> None:
    with pytest.raises(InvalidValueError) as caught:
        _Office(WorkingHours.pst(), WorkingTime(timedelta(seconds=90))).to_data()
    assert caught.value.field == "duration"
    assert caught.value.allowed == "whole minutes when written to a file"


@pytest.mark.property
@given(durations)
def test_every_duration_is_written_as_a_phrase_that_reads_back(duration: Duration) -> None:
    @attrs.frozen
    class Holder:
        duration: Duration

    data = unstructure(Holder(duration))
    assert isinstance(data["duration"], str)
    assert structure(data, Holder) == Holder(duration)
