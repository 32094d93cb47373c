"""The closed vocabularies: Literal types whose every value a person can read, in both languages."""

from __future__ import annotations

import typing

import pytest

from pst_core.errors import InvalidValueError, UnknownNameError
from pst_core.i18n import LANGUAGES, text
from pst_core.standards import (
    Actor,
    Channel,
    ClockStart,
    ClosedBy,
    ComplaintKind,
    FeeKind,
    OfficeLevel,
    RequirementKind,
    term,
)

VOCABULARIES = {
    "channel": Channel,
    "actor": Actor,
    "clock_start": ClockStart,
    "requirement_kind": RequirementKind,
    "complaint_kind": ComplaintKind,
    "office_level": OfficeLevel,
    "fee_kind": FeeKind,
    "closed_by": ClosedBy,
}


def test_vocabularies_are_literals_with_both_languages() -> None:
    assert typing.get_args(Channel) == ("offline", "online")
    for name, kind in VOCABULARIES.items():
        for value in typing.get_args(kind):
            for language in LANGUAGES:
                assert term(name, value, language) == text(f"standards.{name}.{value}", language)
                assert term(name, value, language)
    assert term("channel", "offline", "id") == "kunjungan langsung"
    assert term("channel", "offline") == "direct visit"  # English unless asked
    assert term("channel_heading", "online", "id") == "Layanan dengan cara online"


def test_term_refuses_an_unknown_value_or_language() -> None:
    with pytest.raises(UnknownNameError, match=r"standards\.channel\.walk_in"):
        term("channel", "walk_in", "en")
    with pytest.raises(InvalidValueError, match="language"):
        term("channel", "online", "fr")  # type: ignore[arg-type]
