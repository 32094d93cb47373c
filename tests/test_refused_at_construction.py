"""What cannot be saved, or would paint a terminal, is refused when a model is built.

Text for people (names, reasons, decrees, actors) holds no control character, line
separator, bidirectional override or lone surrogate; event data holds only what both
JSON and TOML read back equal (no None, 64-bit whole numbers). A calendar file
holding such text is one `DataFileError` naming the field.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from pst_core.calendar import WorkingCalendar
from pst_core.errors import DataFileError, InvalidTypeError, InvalidValueError, PstError
from pst_core.states import Transaction
from pst_core.states.builtin import builtin_workflow

WIB = timezone(timedelta(hours=7))
T0 = datetime(2026, 3, 16, 9, 0, tzinfo=WIB)
DAY = date(2026, 11, 23)

UNSHOWABLE = [
    "x\ud83d",  # a lone surrogate: no file can hold it
    "Rapat\x1b[31m merah",  # ESC: paints the terminal
    "Libur\u202eesrever",  # right-to-left override: reverses what follows
    "Libur\nInjected: due tomorrow",  # a fake line
    "Libur\u2028baris",  # the line separator
    "a\x85b",  # C1 next line
]


@pytest.mark.parametrize("text", UNSHOWABLE)
def test_calendar_text_for_people_is_refused(text: str) -> None:
    pst = WorkingCalendar.pst()
    with pytest.raises(InvalidValueError):
        pst.with_closure(DAY, reason=text)
    with pytest.raises(InvalidValueError):
        WorkingCalendar(name=text)
    with pytest.raises(InvalidValueError):
        pst.with_decreed_day(DAY, "national", text, decree="Keppres 1/2026")
    with pytest.raises(InvalidValueError):
        pst.with_decreed_day(DAY, "national", "Hari baru", decree=text)


@pytest.mark.parametrize("text", UNSHOWABLE)
@pytest.mark.parametrize("field", ["name", "closures[0].reason"])
def test_a_calendar_file_with_such_text_is_one_file_error(text: str, field: str) -> None:
    data: dict[str, Any] = {
        "name": "Kantor",
        "closures": [{"start": "2026-11-23", "end": "2026-11-23", "reason": "Rapat"}],
    }
    if field == "name":
        data["name"] = text
    else:
        data["closures"][0]["reason"] = text
    # JSON escapes every one of them (a lone surrogate too): the file itself is valid.
    with pytest.raises(DataFileError, match=re.escape(field)):
        WorkingCalendar.loads(json.dumps(data), format="json")


@pytest.mark.parametrize("text", UNSHOWABLE)
def test_actors_are_refused(text: str) -> None:
    with pytest.raises(InvalidValueError):
        Transaction.open(builtin_workflow("visit"), at=T0, actor=text)


@pytest.mark.parametrize("text", ["T-1\ud83d", "T-\u202e1"])
def test_transaction_ids_are_refused(text: str) -> None:
    with pytest.raises(InvalidValueError):
        Transaction.open(builtin_workflow("visit"), at=T0, actor="guest", id=text)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"pages": None}, InvalidTypeError),
        ({"pages": 2**63}, InvalidValueError),
        ({"pages": -(2**63) - 1}, InvalidValueError),
        ({"pages": 10**5000}, InvalidValueError),
        ({"note": "x\ud83d"}, InvalidValueError),
    ],
)
def test_event_data_both_formats_cannot_hold_is_refused(
    data: dict[str, Any], error: type[Exception]
) -> None:
    with pytest.raises(error) as caught:
        Transaction.open(builtin_workflow("visit"), at=T0, actor="guest", data=data)
    assert isinstance(caught.value, PstError)
    assert caught.value.describe("id")  # said in Indonesian too, even for a huge integer


@pytest.mark.parametrize("value", [2**63 - 1, -(2**63), 0.5, True, "teks\tbiasa ✓"])
def test_event_data_at_the_limits_round_trips_in_both_formats(value: object) -> None:
    tx = Transaction.open(builtin_workflow("visit"), at=T0, actor="guest", data={"note": value})
    for fmt in ("json", "toml"):
        assert Transaction.loads(tx.dumps(fmt), format=fmt) == tx


def test_blank_texts_in_a_calendar_file_are_named_with_every_other_problem() -> None:
    data = {
        "closures": [{"start": "2026-11-23", "reason": " "}],
        "extra_working_days": [{"day": "2026-11-28", "reason": "", "windows": ["08:00-12:00"]}],
        "decreed": [
            {"day": "2026-12-24", "kind": "national", "name": "", "decree": "\t"},
        ],
        "periods": [
            {"name": "R", "start": "2026-03-19", "end": "2026-02-18", "hours": {"mon": "closed"}}
        ],
    }
    with pytest.raises(DataFileError) as caught:
        WorkingCalendar.loads(json.dumps(data), format="json")
    paths = [p.path for p in caught.value.problems]
    assert paths == [
        "periods[0].end",
        "closures[0].reason",
        "extra_working_days[0].reason",
        "decreed[0].name",
        "decreed[0].decree",
    ]
    assert caught.value.file == "<json text>"


def test_a_decree_that_removes_no_holiday_is_refused_naming_the_day() -> None:
    pst = WorkingCalendar.pst()
    with pytest.raises(InvalidValueError) as caught:
        pst.with_decreed_day(
            date(2028, 6, 6), "cuti_bersama", "Cuti", decree="SKB", action="remove"
        )
    assert "2028-06-06" in str(caught.value)
    assert "cuti bersama" in caught.value.describe("id")
    # A national holiday is not a cuti bersama day: the kind must match too.
    with pytest.raises(InvalidValueError):
        pst.with_decreed_day(
            date(2026, 1, 1), "cuti_bersama", "Tahun Baru", decree="SKB", action="remove"
        )


def test_a_removal_that_finds_its_day_still_counts_the_year_as_decreed() -> None:
    table = WorkingCalendar.pst().holidays(2026)
    cuti = table.cuti_bersama[0]
    removed = WorkingCalendar.pst().with_decreed_day(
        cuti.day, "cuti_bersama", cuti.name, decree="SKB", action="remove"
    )
    assert removed.holidays(2026).on(cuti.day) == tuple(
        h for h in table.on(cuti.day) if h.kind != "cuti_bersama"
    )


def test_a_calendar_file_with_such_a_removal_names_its_day_among_the_other_problems() -> None:
    data = {
        "closures": [{"start": "2026-11-23", "reason": ""}],
        "decreed": [
            {
                "day": "2028-06-06",
                "kind": "cuti_bersama",
                "name": "Cuti",
                "decree": "SKB",
                "action": "remove",
            }
        ],
    }
    with pytest.raises(DataFileError) as caught:
        WorkingCalendar.loads(json.dumps(data), format="json")
    assert [p.path for p in caught.value.problems] == ["closures[0].reason", "decreed[0].day"]
    assert "2028-06-06" in str(caught.value.problems[1])
