"""The direct visit (``visit``): the four standards' offline completion times, golden and built.

Golden scenarios come from ``tests/resources/states/golden-00*.toml`` (the seeds'
sentences, worked out by hand); the other tests check how a standard's data
becomes the table's clocks.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from pst_core.calendar.durations import WorkingTime
from pst_core.errors import InvalidValueError
from pst_core.standards import ServiceStandard, catalog
from pst_core.states.builtin import builtin_workflow, visit
from tests.states import golden


@pytest.mark.golden
@pytest.mark.parametrize(**golden.of("visit"))
def test_golden_scenario(scenario: dict[str, Any]) -> None:
    golden.check_scenario(scenario)


@pytest.mark.golden
@pytest.mark.parametrize(**golden.of("visit"))
def test_due_instants_agree_with_the_naive_reference(scenario: dict[str, Any]) -> None:
    golden.check_reference(scenario)


def test_the_wait_clock_keeps_each_standards_time_and_start() -> None:
    assert builtin_workflow("visit:bangka-selatan-konsultasi").clocks[0].goal == WorkingTime(5)
    assert builtin_workflow("visit:bengkalis-konsultasi").clocks[0].goal == WorkingTime(10)
    # "sejak selesai mengisi buku tamu" (Bengkulu) vs "setelah ... antrian sebelumnya selesai"
    assert builtin_workflow("visit:bengkulu-penjualan").clocks[0].starts_on == ("take-number",)
    assert builtin_workflow("visit:sumsel-konsultasi").clocks[0].starts_on == ("next-in-line",)
    assert visit().clocks == ()  # without a standard there is no time to keep


def test_counted_from_the_guest_book_a_visitor_is_called_from_the_queue() -> None:
    from_book = builtin_workflow("visit:bengkulu-penjualan")
    from_desk = builtin_workflow("visit:sumsel-konsultasi")
    assert "call" in from_book.events_from("waiting")
    assert "call" not in from_desk.events_from("waiting")


def test_the_visits_service_time_warns_unless_the_caller_makes_it_a_limit() -> None:
    standard = catalog().standard("bengkulu-penjualan")
    target = {c.name: c for c in visit(standard).clocks}["service"]
    limit = {c.name: c for c in visit(standard, service="limit").clocks}["service"]
    assert (target.goal, target.severity, limit.severity) == (WorkingTime(120), "warn", "breach")
    assert visit(standard).timers == ()
    # Standards that state no maximum service time have no service clock.
    assert [c.name for c in visit(catalog().standard("sumsel-konsultasi")).clocks] == ["wait"]
    with pytest.raises(InvalidValueError, match="visit"):
        visit(standard, service="soft")  # type: ignore[arg-type]


def _silent_on_the_wait() -> ServiceStandard:
    """The Sumatera Selatan standard, had it not said when the wait starts."""
    standard = catalog().standard("sumsel-konsultasi")
    return attrs.evolve(
        standard,
        completion_times=tuple(
            attrs.evolve(c, clock_start="not_stated") for c in standard.completion_times
        ),
    )


def test_a_standard_silent_on_the_wait_needs_the_caller_to_say() -> None:
    silent = _silent_on_the_wait()
    with pytest.raises(InvalidValueError, match="does not say when the wait starts") as caught:
        visit(silent)
    assert caught.value.field == "visit(wait_starts)"
    for start in ("take-number", "next-in-line"):
        assert visit(silent, wait_starts=start).clocks[0].starts_on == (start,)


def test_a_standard_that_says_when_the_wait_starts_is_not_overridden() -> None:
    standard = catalog().standard("sumsel-konsultasi")
    assert visit(standard, wait_starts="next-in-line") == visit(standard)
    with pytest.raises(InvalidValueError, match="says when the wait starts") as caught:
        visit(standard, wait_starts="take-number")
    assert caught.value.value == "take-number"
