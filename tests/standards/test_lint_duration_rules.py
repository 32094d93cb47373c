"""The linter's rules on durations: zero (PST006), ambiguous (PST007), unparseable (PST008), a
step's time against its note (PST013)."""

from __future__ import annotations

import attrs

from pst_core.calendar.durations import WorkingTime
from pst_core.standards import AppointmentRule, QualityStandard, lint
from tests.standards.helpers import Document, catalog_sop, catalog_standard


def _codes(document: Document) -> list[tuple[str, str]]:
    return [(f.code, f.location) for f in lint(document)]


def test_zero_completion_time_and_unparseable_header() -> None:
    standard = catalog_standard()
    assert _codes(attrs.evolve(standard, completion_header=" 0 ")) == [
        ("PST006", "completion_header")
    ]
    assert _codes(attrs.evolve(standard, completion_header="segera")) == [
        ("PST008", "completion_header")
    ]
    assert _codes(attrs.evolve(standard, completion_header=None)) == []
    zero = attrs.evolve(standard.completion_times[0], duration=WorkingTime(0))
    times = (zero, standard.completion_times[1])
    assert _codes(attrs.evolve(standard, completion_times=times)) == [
        ("PST006", "completion_times[0].duration")
    ]


def test_sop_duration_rules() -> None:
    sop = catalog_sop()
    steps = list(sop.steps)
    steps[0] = attrs.evolve(steps[0], quality=QualityStandard(time_text="secepatnya"))
    # A note that agrees with the time is no finding.
    steps[4] = attrs.evolve(steps[4], quality=QualityStandard(time_text="3 hari kerja"))
    clean = attrs.evolve(sop, steps=tuple(steps), appointment=AppointmentRule("x", "1 hari"))
    assert _codes(clean) == [("PST008", "steps[0].quality.time_text")]
    nonsense = attrs.evolve(sop, appointment=AppointmentRule("x", "seperlunya"))
    assert ("PST008", "appointment.lead_time_text") in _codes(nonsense)
    no_rule = attrs.evolve(sop, appointment=None)
    assert _codes(no_rule) == [("PST013", "steps[4].quality.time_text")]
