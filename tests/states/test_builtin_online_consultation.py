"""The online consultation (``online_consultation``): the consultation standards' online times.

Golden scenarios come from ``tests/resources/states/golden-00[123]*.toml``; the
other tests check how a standard's data becomes the clock and the no-response timer.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from pst_core.calendar.durations import CalendarDays, WorkingDays
from pst_core.errors import InvalidValueError
from pst_core.standards import catalog
from pst_core.states.builtin import builtin_workflow, online_consultation
from tests.states import golden

SUMSEL = catalog().standard("sumsel-konsultasi")


@pytest.mark.golden
@pytest.mark.parametrize(**golden.of("online_consultation"))
def test_golden_scenario(scenario: dict[str, Any]) -> None:
    golden.check_scenario(scenario)


@pytest.mark.golden
@pytest.mark.parametrize(**golden.of("online_consultation"))
def test_due_instants_agree_with_the_naive_reference(scenario: dict[str, Any]) -> None:
    golden.check_reference(scenario)


@pytest.mark.golden
@pytest.mark.parametrize(**golden.firing_due_timers("online_consultation"))
def test_due_timers_can_be_fired_as_listed(scenario: dict[str, Any]) -> None:
    golden.check_due_timers(scenario)


def test_the_no_response_rule_is_each_standards() -> None:
    bangka = builtin_workflow("online-consultation:bangka-selatan-konsultasi").timers[0]
    assert (bangka.after, bangka.actor) == (CalendarDays(7), "officer")  # the officer closes
    sumsel = online_consultation(SUMSEL, service_starts="open").timers[0]
    assert (sumsel.after, sumsel.actor) == (WorkingDays(3), "app")  # the portal closes
    assert online_consultation().timers == ()  # no standard, no automatic closing


def test_the_service_clock_starts_where_the_standard_says() -> None:
    bangka = builtin_workflow("online-consultation:bangka-selatan-konsultasi")
    assert bangka.clocks[0].starts_on == ("request-clear",)  # "setelah permintaan jelas"
    assert "request-clear" in bangka.events_from("submitted")
    assert "request-clear" not in builtin_workflow("online-consultation").events


@pytest.mark.golden
def test_a_start_the_standard_does_not_state_is_the_callers_choice() -> None:
    # Sumatera Selatan, Waktu Penyelesaian 2) a.: "Pengguna layanan akan dilayani maksimal 3
    # (tiga) hari kerja" — no word on when the three days start (clock_start "not_stated").
    with pytest.raises(InvalidValueError, match="does not say when") as caught:
        online_consultation(SUMSEL)
    assert caught.value.field == "online_consultation(service_starts)"
    assert "tidak menyebut" in caught.value.describe("id")
    with pytest.raises(InvalidValueError):
        builtin_workflow("online-consultation:sumsel-konsultasi")
    opened = online_consultation(SUMSEL, service_starts="open").clocks[0]
    assert (opened.goal, opened.starts_on, opened.infer_start) == (WorkingDays(3), ("open",), False)
    clear = online_consultation(SUMSEL, service_starts="request-clear").clocks[0]
    assert (clear.starts_on, clear.infer_start) == (("request-clear",), True)
    # Bangka Selatan says it ("setelah permintaan jelas"): the option is refused there.
    with pytest.raises(InvalidValueError, match="says when"):
        online_consultation(catalog().standard("bangka-selatan-konsultasi"), service_starts="open")
    with pytest.raises(InvalidValueError):
        online_consultation(SUMSEL, service_starts="reply")  # type: ignore[arg-type]


def test_served_on_and_pausing_are_the_callers_choice() -> None:
    standard = catalog().standard("bengkalis-konsultasi")
    assert online_consultation(standard).clocks[0].stops_on[0] == "reply"
    assert "reply" not in online_consultation(standard, served_on="close").clocks[0].stops_on
    paused = online_consultation(standard, pause_while_waiting=True).clocks[0]
    assert paused.paused_in == ("waiting-for-user",)
    with pytest.raises(InvalidValueError) as caught:
        online_consultation(standard, served_on="answer")  # type: ignore[arg-type]
    assert caught.value.field == "online_consultation(served_on)"


def test_a_standard_without_an_online_time_is_refused_naming_the_component() -> None:
    standard = catalog().standard("sumsel-konsultasi")
    offline_only = attrs.evolve(
        standard,
        completion_times=tuple(c for c in standard.completion_times if c.channel == "offline"),
    )
    with pytest.raises(InvalidValueError, match="missing component in") as caught:
        online_consultation(offline_only)
    assert caught.value.field == "online_consultation(standard).completion_times"
    assert caught.value.value == "sumsel-konsultasi"
