"""The data converter of pst_core's saved models, with the calendar's value types.

`pst_core._io` reads and writes plain value types (text, numbers, dates,
instants, amounts) and sits below the calendar. This module teaches its
converter the calendar's own value types, each written as people write it:

* a duration as the phrase of a service standard (``"3 hari kerja"``;
  working time in whole minutes, ``"90 menit"``), read with `parse_duration`;
* weekly hours as a table of day names or ranges (``{"mon-thu": "08:00-15:30"}``),
  read with `WorkingHours.parse` and written with `WorkingHours.to_data`;
* a zone by its IANA name, or WIB, WITA, WIT (see `zone_info`).

Every saved model whose fields hold these (service standards, SOPs, workflows,
calendar files) reads and writes through `CONVERTER`: subclass `DataModel`, or
call `structure` and `unstructure`. Importing it imports cattrs, so the calendar
loads it only with a calendar file.

Examples:
    >>> import attrs
    >>> from pst_core.calendar import WorkingDays
    >>> @attrs.frozen
    ... class Office:
    ...     hours: WorkingHours
    ...     wait: Duration | None = None
    >>> structure({"hours": {"mon-fri": "08:00-16:00"}}, Office).hours.on(4)
    (Window(start=480, end=960),)
    >>> unstructure(Office(WorkingHours.pst(), WorkingDays(3)))
    {'hours': {'mon-thu': '08:00-15:30', 'fri': '08:00-16:00'}, 'wait': '3 hari kerja'}
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from pst_core import _io
from pst_core.calendar.durations import Duration, WorkingTime, parse_duration
from pst_core.calendar.hours import WorkingHours
from pst_core.calendar.zones import zone_info
from pst_core.errors import InvalidTypeError, InvalidValueError, Phrase

__all__ = ["CONVERTER", "DURATIONS", "HOURS", "ZONES", "DataModel", "structure", "unstructure"]

T = TypeVar("T")


def _read_duration(value: object) -> Duration:
    if not isinstance(value, str):
        raise InvalidTypeError("duration", value, Phrase("calendar.error.expected_duration"))
    return parse_duration(value)


def _write_duration(duration: Duration) -> str:
    if isinstance(duration, WorkingTime):
        minutes, rest = divmod(duration.micros, 60_000_000)
        if rest:
            raise InvalidValueError(
                "duration", duration, Phrase("calendar.error.whole_minutes_in_files")
            )
        return f"{minutes} menit"
    return duration.describe("id")


def _read_hours(value: object) -> WorkingHours:
    if not isinstance(value, Mapping):
        raise InvalidTypeError("hours", value, Phrase("calendar.error.expected_hours_table"))
    return WorkingHours.parse(value)


DURATIONS = _io.ValueHooks((*typing.get_args(Duration), Duration), _read_duration, _write_duration)
"""Durations as the phrases of the service standards."""

HOURS = _io.ValueHooks((WorkingHours,), _read_hours, WorkingHours.to_data)
"""Weekly hours as a table of days (or day ranges) to windows."""

ZONES = _io.ValueHooks((ZoneInfo,), zone_info, lambda zone: zone.key)
"""Time zones by IANA name (WIB, WITA and WIT read too)."""

CONVERTER = _io.make_converter(DURATIONS, HOURS, ZONES)
"""The converter every saved model with the calendar's value types reads and writes with."""


def structure(data: object, cls: type[T], *, file: str = "<data>") -> T:
    """Build ``cls`` from plain data with `CONVERTER`; `DataFileError` names every problem."""
    return _io.structure(data, cls, file=file, converter=CONVERTER)


def unstructure(model: object) -> dict[str, Any]:
    """Plain data for ``model`` with `CONVERTER` (absent optionals left out)."""
    return _io.unstructure(model, converter=CONVERTER)


class DataModel(_io.DataModel):
    """A saved model whose fields may hold durations, weekly hours or zones (see `CONVERTER`)."""

    __slots__ = ()

    _converter = CONVERTER
