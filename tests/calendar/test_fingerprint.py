"""The fingerprint a saved transaction records of its calendar.

Fixed for the built-in calendar (a change is a deliberate, changelogged event), blind to the
unit's name and the file it came from, changed by whatever changes an answer.
"""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import given, settings

from pst_core.calendar import (
    WorkingCalendar,
    WorkingHours,
)
from tests.strategies import working_hours

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


@pytest.mark.property
@settings(max_examples=25)
@given(hours=working_hours().filter(lambda hours: hours.weekly_minutes > 0))
def test_the_fingerprint_is_the_fingerprint_of_the_loaded_file(hours: WorkingHours) -> None:
    calendar = WorkingCalendar(hours=hours)
    assert WorkingCalendar.loads(calendar.dumps("toml"), format="toml").fingerprint == (
        calendar.fingerprint
    )
