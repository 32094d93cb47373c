"""The field checks the standards' models share: published text, ids, durations, a channel.

Private: the public face of these checks is the error each raises (see
`pst_core.errors`); the names here are the package's internal API.
"""

from __future__ import annotations

import re
import typing
from typing import Any

import attrs

from pst_core._validation import (
    field_name,
    instance_of,
    literal_values,
    require_one_of,
    require_people_text,
    tuple_of,
)
from pst_core.calendar.durations import CalendarDays, CalendarMonths, WorkingDays, WorkingTime
from pst_core.errors import InvalidTypeError, InvalidValueError, Phrase
from pst_core.standards.vocabulary import Channel

CHANNELS: tuple[Channel, ...] = literal_values(Channel)
"""Every channel, offline first."""


def non_blank_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A published text that is there: non-blank, lines and tabs allowed, no other control
    character, bidirectional override or lone surrogate (see `require_people_text`)."""
    require_people_text(value, field_name(instance, attribute), multiline=True)


def optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A published text (as `non_blank_text`, possibly blank), or ``None`` where there is none."""
    if value is not None:
        require_people_text(value, field_name(instance, attribute), blank=True, multiline=True)


def text_tuple(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Published texts, a tuple of strings (possibly empty), each as `optional_text` says."""
    tuple_of(str)(instance, attribute, value)
    name = field_name(instance, attribute)
    for index, item in enumerate(typing.cast(tuple[str, ...], value)):
        require_people_text(item, f"{name}[{index}]", blank=True, multiline=True)


_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ID_RULE = Phrase("standards.error.id_rule")


def identifier(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A stable id: lower-case ASCII letters and digits in words joined by single hyphens."""
    if not isinstance(value, str):
        raise InvalidTypeError(field_name(instance, attribute), value, str)
    if not _ID.fullmatch(value):
        raise InvalidValueError(field_name(instance, attribute), value, _ID_RULE)


any_duration = instance_of(
    WorkingTime,
    WorkingDays,
    CalendarDays,
    CalendarMonths,
    label=Phrase("standards.error.duration"),
)
"""Any of pst_core's durations."""

optional_duration = attrs.validators.optional(any_duration)
"""A duration, or ``None`` where the document states none."""


def at_least_one(instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    """A tuple with at least one item."""
    if not value:
        raise InvalidValueError(
            field_name(instance, attribute), value, Phrase("errors.allowed.at_least_one_item")
        )


def require_channel(value: object, field: str = "channel") -> Channel:
    """``value`` if it is a `Channel`, else an `InvalidValueError` naming ``field``."""
    channel: Channel = require_one_of(value, field, Channel)
    return channel
