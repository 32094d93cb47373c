"""Events: what happens to a transaction, when, by whom, and with what data.

An `Event` is one entry of a transaction's history; its `EventData` is a
read-only mapping of text keys to JSON scalars; `OPEN` is the name of the first
event of every transaction. Instants are kept with the fixed UTC offset they had
(so an instant in a daylight-saving fold stays that instant) and compared in UTC
(`utc`), never by wall clock.

Example:
    >>> from zoneinfo import ZoneInfo
    >>> at = datetime(2026, 3, 17, 14, tzinfo=ZoneInfo("Asia/Jakarta"))
    >>> event = Event(OPEN, at, "user", {"product": "microdata"})
    >>> event.name, utc(event.at).isoformat(), dict(event.data)
    ('open', '2026-03-17T07:00:00+00:00', {'product': 'microdata'})
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime, timezone
from typing import Any

import attrs

from pst_core._validation import (
    aware,
    one_line_text,
    require_saveable_scalar,
    require_saveable_text,
)
from pst_core.errors import InvalidTypeError, InvalidValueError, Phrase

__all__ = ["OPEN", "Event", "EventData", "utc"]

OPEN = "open"
"""The name of the first event of every transaction: its opening."""


class EventData(Mapping[str, Any]):
    """The read-only data of an event: text keys to scalars, kept in key order.

    A value is text, a whole number (64-bit), a finite float or a bool: what both
    JSON and TOML files hold and read back equal (``None`` is refused: TOML has no null).

    Unlike a `types.MappingProxyType` it can be pickled, deep-copied and hashed.

    Example:
        >>> data = EventData({"outcome": "complete", "pages": 12})
        >>> dict(data), data == {"pages": 12, "outcome": "complete"}
        ({'outcome': 'complete', 'pages': 12}, True)
        >>> EventData({"when": datetime(2026, 3, 17)})
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidTypeError: Event.data['when']: expected text, a whole number, ...
    """

    __slots__ = ("_items",)
    _items: dict[str, Any]

    def __init__(self, data: Mapping[str, Any] | None = None) -> None:
        data = {} if data is None else data
        if not isinstance(data, Mapping):
            raise InvalidTypeError("Event.data", data, Phrase("states.expected.data"))
        for key, value in data.items():
            if not isinstance(key, str):
                raise InvalidTypeError("Event.data key", key, str)
            # What both JSON and TOML hold and read back equal: no None, no huge integer.
            require_saveable_text(key, "Event.data key")
            require_saveable_scalar(value, f"Event.data[{key!r}]")
        object.__setattr__(self, "_items", dict(sorted(data.items())))

    def __getitem__(self, key: str) -> Any:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(tuple(self._items.items()))

    def __repr__(self) -> str:
        return repr(self._items)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("EventData is read-only")

    def __reduce__(self) -> tuple[Any, ...]:
        return (EventData, (self._items,))


def _event_data(value: object) -> EventData:
    return value if isinstance(value, EventData) else EventData(value)  # type: ignore[arg-type]


def _instant(value: object) -> datetime:
    """An aware datetime with a fixed UTC offset: the one it has at that instant.

    ``datetime`` compares two values of one ``tzinfo`` by wall clock and ignores
    ``fold``; with the offset fixed, comparisons and round trips are absolute.
    A local time that does not exist (in a spring-forward gap) is refused.
    """
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
        return value  # type: ignore[return-value]  # the validator names the problem
    offset = value.utcoffset()
    assert offset is not None
    back = value.astimezone(timezone.utc).astimezone(value.tzinfo)
    if back.replace(tzinfo=None, fold=0) != value.replace(tzinfo=None, fold=0):
        raise InvalidValueError("Event.at", value, Phrase("states.allowed.existing_local_time"))
    return value.replace(tzinfo=timezone(offset), fold=0)


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        one_line_text(instance, attribute, value)


@attrs.frozen
class Event:
    """One entry of a transaction's history.

    Attributes:
        name: The event's name (``"open"`` for the opening).
        at: When it happened: aware, kept with the fixed UTC offset it had then
            (so an instant in a daylight-saving fold stays that instant).
        actor: The role that made it happen (``"user"``, ``"officer"``,
            ``"system"`` for timers); a transition's ``roles`` are checked against it.
        data: Read-only `EventData` of JSON scalars that came with the event.
        id: The caller's id for this event (an idempotency key, e.g. a request id),
            or ``None``: firing again with an id already in the history is a retry
            (see `pst_core.states.Transaction.fire`).

    Example:
        >>> from zoneinfo import ZoneInfo
        >>> at = datetime(2026, 3, 17, 14, tzinfo=ZoneInfo("Asia/Jakarta"))
        >>> e = Event("verify", at, "officer", {"outcome": "complete"})
        >>> e.data["outcome"], e.at.isoformat(), e.at == at
        ('complete', '2026-03-17T14:00:00+07:00', True)
        >>> Event("verify", datetime(2026, 3, 17, 7), "officer")
        Traceback (most recent call last):
        ...
        pst_core.errors.NaiveDatetimeError: Event.at: naive datetime ...
    """

    name: str = attrs.field(validator=one_line_text)
    at: datetime = attrs.field(converter=_instant, validator=aware)
    actor: str = attrs.field(validator=one_line_text)
    data: Mapping[str, Any] = attrs.field(factory=EventData, converter=_event_data)
    id: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)


def utc(moment: datetime) -> datetime:
    """``moment`` in UTC: how instants are ordered everywhere in this package.

    Example:
        >>> from zoneinfo import ZoneInfo
        >>> utc(datetime(2026, 3, 17, 14, tzinfo=ZoneInfo("Asia/Jakarta"))).isoformat()
        '2026-03-17T07:00:00+00:00'
    """
    return moment.astimezone(timezone.utc)
