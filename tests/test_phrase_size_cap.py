"""Phrase readers refuse text past `MAX_PHRASE_CHARACTERS` at once, before parsing.

A duration, a rupiah amount or an instant is a short phrase; a longer text is
refused with the limit said, in both languages (so no reader can be made to run
for seconds: ``benchmarks/parsing.py`` prints the times).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pst_core._validation import MAX_PHRASE_CHARACTERS, parse_instant
from pst_core.calendar import parse_duration
from pst_core.errors import InvalidDurationError, InvalidValueError
from pst_core.tariffs.money import parse_rupiah

READERS: dict[str, tuple[Callable[[str], object], Callable[[int], str]]] = {
    "duration": (parse_duration, lambda n: ("tiga " * n)[: n - 4] + "hari"),
    "rupiah": (parse_rupiah, lambda n: "1" + ".000" * ((n - 1) // 4) + "0" * ((n - 1) % 4)),
    "instant": (lambda t: parse_instant(t, "at"), "2026-03-17T09:00+07:00".rjust),
}


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize("length", [MAX_PHRASE_CHARACTERS + 1, 1_000_000])
def test_a_phrase_past_the_cap_is_refused_with_the_limit(reader: str, length: int) -> None:
    read, make = READERS[reader]
    text = make(length)
    assert len(text) == length
    with pytest.raises(InvalidValueError) as caught:
        read(text)
    assert f"at most {MAX_PHRASE_CHARACTERS} characters" in str(caught.value)
    assert f"paling panjang {MAX_PHRASE_CHARACTERS} karakter" in caught.value.describe("id")


def test_a_duration_past_the_cap_is_a_duration_error() -> None:
    with pytest.raises(InvalidDurationError):
        parse_duration("tiga " * 100_000 + "hari")


def test_a_phrase_at_the_cap_is_still_read() -> None:
    phrase = "3 hari kerja".rjust(MAX_PHRASE_CHARACTERS)
    assert parse_duration(phrase) == parse_duration("3 hari kerja")


@pytest.mark.parametrize("phrase", ["1 M", "1 H", "5 M"])
def test_a_one_letter_capital_unit_is_ambiguous_and_refused(phrase: str) -> None:
    """ "M" is a month in ISO 8601 (P1M), "H" a day in "H-1": neither is guessed."""
    with pytest.raises(InvalidDurationError, match="not understood"):
        parse_duration(phrase)


def test_lowercase_one_letter_units_stay() -> None:
    assert str(parse_duration("90 m")) == str(parse_duration("90 menit"))
    assert parse_duration("2 h") == parse_duration("2 jam")
