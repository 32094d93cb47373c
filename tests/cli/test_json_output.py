"""``--json`` prints the library's ``to_data()``: one documented, stable shape per command.

``deadline``, ``calendar``, ``holidays`` and ``provinces`` take ``--json``; what
they print is exactly the ``to_data()`` of the object the text describes, in any
language (data has no language: both names are in it).
"""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from pst_core import cli
from pst_core.calendar import WorkingCalendar, WorkingDays, province


def _json(*argv: str) -> Any:
    out = io.StringIO()
    assert cli.main([*argv, "--json"], out=out) == 0
    return json.loads(out.getvalue())


@pytest.mark.golden
def test_deadline_json_has_the_due_instant_the_flag_and_the_skipped_days() -> None:
    data = _json("deadline", "2026-03-17T14:00+07:00", "3 hari kerja")
    assert data["due"] == "2026-03-27T16:00:00+07:00"
    assert data["start"] == "2026-03-17T14:00:00+07:00"
    assert data["provisional"] is False
    assert data["reasons"] == []
    assert [d["day"] for d in data["skipped"]] == [
        "2026-03-18", "2026-03-19", "2026-03-20", "2026-03-21",
        "2026-03-22", "2026-03-23", "2026-03-24",
    ]  # fmt: skip
    assert data["skipped"][1] == {
        "day": "2026-03-19",
        "kind": "national",
        "reason": "Hari Suci Nyepi",
        "reason_en": "Day of Silence",
    }
    assert data["duration"] == {
        "kind": "working_days",
        "text": "3 working days",
        "text_id": "3 hari kerja",
    }
    assert data["timezone"] == "Asia/Jakarta"
    assert set(data) == {
        "start", "due", "timezone", "duration", "provisional", "reasons", "skipped", "sources",
    }  # fmt: skip


def test_a_provisional_deadline_says_why_in_data() -> None:
    data = _json("deadline", "2028-02-25T09:00+07:00", "5 hari kerja")
    assert data["provisional"] is True
    kinds = [reason["kind"] for reason in data["reasons"]]
    assert "undecreed" in kinds
    assert "estimated" in kinds
    estimated = next(r for r in data["reasons"] if r["kind"] == "estimated")
    assert set(estimated) == {"kind", "year", "day", "name", "name_en", "version"}


def test_json_is_the_same_in_either_language() -> None:
    argv = ("deadline", "2026-03-17T14:00+07:00", "3 hari kerja")
    assert _json("--lang", "id", *argv) == _json("--lang", "en", *argv)


def test_deadline_json_is_the_library_to_data() -> None:
    start = datetime(2026, 3, 17, 14, tzinfo=ZoneInfo("Asia/Jakarta"))
    expected = WorkingCalendar.pst().deadline(start, WorkingDays(3)).to_data()
    assert _json("deadline", "2026-03-17T14:00+07:00", "3 hari kerja") == expected


def test_latest_start_json_has_the_shape_of_a_deadline() -> None:
    data = _json("latest-start", "2026-03-27T16:00+07:00", "3 hari kerja")
    assert data["latest"] == "2026-03-24T23:59:59.999999+07:00"
    assert data["due"] == "2026-03-27T16:00:00+07:00"
    assert data["provisional"] is False
    assert [d["day"] for d in data["skipped"]] == ["2026-03-24"]
    deadline = _json("deadline", "2026-03-17T14:00+07:00", "3 hari kerja")
    assert set(data) == set(deadline) - {"start"} | {"latest"}


def test_calendar_json_is_the_month_view() -> None:
    data = _json("calendar", "2026-03")
    assert (data["year"], data["month"], data["timezone"], data["zone_label"]) == (
        2026, 3, "Asia/Jakarta", "WIB",
    )  # fmt: skip
    assert len(data["days"]) == 31
    assert data["days"][16] == {
        "day": "2026-03-17",
        "kind": "working",
        "working": True,
        "windows": ["08:00-15:30"],
        "reason": "",
        "reason_en": "",
    }
    assert data["days"][18]["kind"] == "national"
    assert data["hours"] == {"mon-thu": "08:00-15:30", "fri": "08:00-16:00"}
    assert data == WorkingCalendar.pst().month(2026, 3).to_data()


def test_holidays_json_is_the_year() -> None:
    data = _json("holidays", "2026")
    assert (data["year"], data["decreed"], data["decrees"]) == (2026, True, [])
    assert len(data["holidays"]) == 25
    assert data["holidays"][0] == {
        "day": "2026-01-01",
        "name": "Tahun Baru Masehi",
        "name_en": "New Year's Day",
        "kind": "national",
        "estimated": False,
        "decree": "",
    }


def test_provinces_json_lists_every_province_with_its_code() -> None:
    data = _json("provinces")
    assert len(data) == 38
    assert {p["code"] for p in data} == {province(p["name"]).code for p in data}
    assert _json("provinces", "17") == [
        {
            "code": "17",
            "name": "Bengkulu",
            "name_en": "Bengkulu",
            "timezone": "Asia/Jakarta",
            "zone_label": "WIB",
            "aliases": [],
        }
    ]


def test_the_month_of_a_json_calendar_defaults_to_today() -> None:
    data = _json("calendar", "--today", "2026-03-17")
    assert (data["year"], data["month"]) == (2026, 3)
    assert date.fromisoformat(data["days"][0]["day"]) == date(2026, 3, 1)
