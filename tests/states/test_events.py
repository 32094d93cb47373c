"""Events: an instant that stays that instant, one-line names, and read-only JSON-scalar data."""

from __future__ import annotations

import copy
import pickle
from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from pst_core.errors import InvalidTypeError, InvalidValueError, NaiveDatetimeError
from pst_core.states import OPEN, Event, EventData, Transaction, utc
from pst_core.states.builtin import visit

WIB = ZoneInfo("Asia/Jakarta")
BERLIN = ZoneInfo("Europe/Berlin")
# 2026-10-25: clocks go back from 03:00 CEST to 02:00 CET; 02:00-03:00 happens twice.
LATE_0210 = datetime(2026, 10, 25, 2, 10, tzinfo=BERLIN, fold=1)  # 01:10 UTC
EARLY_0230 = datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN, fold=0)  # 00:30 UTC
T0 = datetime(2026, 3, 16, 9, 0, tzinfo=WIB)


def test_an_event_keeps_the_utc_offset_of_its_instant() -> None:
    event = Event(OPEN, LATE_0210, "guest")
    # (Python never finds an instant of a repeated hour equal to one of another zone.)
    assert utc(event.at) == utc(LATE_0210)
    assert event.at.utcoffset() == timedelta(hours=1)
    assert utc(event.at) == datetime(2026, 10, 25, 1, 10, tzinfo=timezone.utc)
    assert Event(OPEN, EARLY_0230, "guest").at < event.at  # compared as instants


def test_events_in_the_repeated_hour_round_trip_exactly() -> None:
    tx = Transaction.open(visit(), at=EARLY_0230, actor="guest")
    tx = tx.fire("take-number", at=LATE_0210, actor="kiosk")
    assert tx.history[1].at.utcoffset() == timedelta(hours=1)
    assert tx.history[0].at.utcoffset() == timedelta(hours=2)
    again = Transaction.loads(tx.dumps(), format="json")
    assert again == tx
    assert [e.at.isoformat() for e in again.history] == [e.at.isoformat() for e in tx.history]
    assert Transaction.loads(tx.dumps(format="toml"), format="toml") == tx


@pytest.mark.hostile
def test_a_local_time_in_a_spring_forward_gap_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="clock-change gap"):
        Event("open", datetime(2026, 3, 29, 2, 30, tzinfo=BERLIN), "guest")


@pytest.mark.hostile
def test_a_naive_instant_is_refused() -> None:
    with pytest.raises(NaiveDatetimeError):
        Event("open", datetime(2026, 3, 16, 9), "guest")


@pytest.mark.hostile
@pytest.mark.parametrize("field", ["name", "actor"])
@pytest.mark.parametrize("text", ["go\n", "a\tb", " ", ""])
def test_names_and_actors_are_text_on_one_line(field: str, text: str) -> None:
    fields: dict[str, Any] = {"name": "go", "at": T0, "actor": "officer", field: text}
    with pytest.raises(InvalidValueError) as caught:
        Event(**fields)
    assert caught.value.field == f"Event.{field}"
    assert caught.value.value == text


@pytest.mark.hostile
@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"x": [1]}, InvalidTypeError),
        ({"x": float("nan")}, InvalidValueError),
        ({"x": None}, InvalidTypeError),  # TOML has no null
        ({"x": 2**63}, InvalidValueError),  # TOML's integers are 64-bit
        ({"x": 10**5000}, InvalidValueError),  # past Python's own digit limit for text
        ({"x": "a\ud83d"}, InvalidValueError),  # no file holds a lone surrogate
        ({"a\udc00": 1}, InvalidValueError),
        ({1: "x"}, InvalidTypeError),
        ("x=1", InvalidTypeError),
        ([1], InvalidTypeError),
    ],
)
def test_event_data_must_be_json_scalars(data: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        Event("e", T0, "a", data)


def test_event_data_is_read_only_hashable_and_kept_in_key_order() -> None:
    data = EventData({"b": 1, "a": "x"})
    assert list(data) == ["a", "b"]
    assert hash(data) == hash(EventData({"a": "x", "b": 1}))
    assert data == {"a": "x", "b": 1}
    with pytest.raises(AttributeError):
        data.extra = {}
    with pytest.raises(TypeError):
        data["c"] = 2  # type: ignore[index]
    assert dict(data) == {"a": "x", "b": 1}


def test_events_pickle_and_deepcopy_equal() -> None:
    event = Event("verify", T0, "officer", {"outcome": "complete", "pages": 3})
    for copied in (pickle.loads(pickle.dumps(event)), copy.deepcopy(event)):
        assert copied == event
        assert copied.at.utcoffset() == event.at.utcoffset()
        assert isinstance(copied.data, EventData)
