"""The built-in workflows by name, and what every one of them shares.

``builtin_workflow("<base>[:<document id>]")`` builds a workflow from a catalog
document; every built-in takes its document and nothing else, labels its states
in both languages, names the actors of every transition, pickles, and has golden
scenarios worked out from the seeds.
"""

from __future__ import annotations

import copy
import pickle
from typing import Any

import pytest

from pst_core.calendar import WorkingCalendar
from pst_core.errors import InvalidTypeError, UnknownNameError
from pst_core.standards import catalog
from pst_core.states.builtin import (
    BUILTIN,
    GUARDS,
    builtin_workflow,
    online_consultation,
    paid_product,
    visit,
)
from tests.states import golden
from tests.states.examples import every_builtin_name


def test_the_names_and_their_workflows() -> None:
    assert BUILTIN == ("visit", "online-consultation", "paid-product-visit", "paid-product")
    for name in BUILTIN:
        assert builtin_workflow(name).name == name
    assert builtin_workflow("visit:sumsel-konsultasi").name == "visit:sumsel-konsultasi"
    assert builtin_workflow("paid-product") == paid_product()
    functions = {t.guard.name for t in paid_product().transitions if t.guard and t.guard.predicate}
    assert set(GUARDS) == functions  # the guards a saved copy cannot hold as data


def test_every_builder_takes_a_catalog_document() -> None:
    names = every_builtin_name()
    assert {n.partition(":")[0] for n in names} == set(BUILTIN)
    assert len(names) >= 12
    assert "paid-product-visit:sumsel-konsultasi" not in names  # an SOP's workflow


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("vist", "did you mean: visit"),
        ("visit:sumsel", "did you mean: sumsel-konsultasi"),
        ("visit:bengkulu-sop-produk-berbayar", "not an SOP"),
        ("paid-product-visit:sumsel-konsultasi", "an SOP's id"),
    ],
)
def test_unknown_builtin_names(name: str, message: str) -> None:
    with pytest.raises(UnknownNameError, match=message):
        builtin_workflow(name)


@pytest.mark.parametrize("build", [visit, online_consultation, paid_product])
@pytest.mark.parametrize(
    "standard", [catalog().sop("bengkulu-sop-produk-berbayar"), "bengkulu-penjualan", 3]
)
def test_builtins_take_only_a_service_standard(build: Any, standard: object) -> None:
    with pytest.raises(InvalidTypeError) as caught:
        build(standard)
    err = caught.value
    assert err.field == f"{build.__name__}(standard)"
    assert err.value is standard
    assert err.expected.startswith("a ServiceStandard or None")
    assert "paid_product(sop=...)" in err.expected  # where an SOP goes instead


@pytest.mark.parametrize("build", [visit, online_consultation, paid_product])
def test_builtins_take_a_service_standard_or_none(build: Any) -> None:
    standard = catalog().standard("bengkulu-penjualan")
    assert build(None) == build()
    assert build(standard).name.endswith(":bengkulu-penjualan")


_ACTORS = {"user", "receptionist", "officer", "app"}


@pytest.mark.parametrize("name", every_builtin_name())
def test_builtin_states_are_labelled_in_both_languages_and_transitions_name_actors(
    name: str,
) -> None:
    wf = builtin_workflow(name)
    for state in wf.states:
        assert state.label, state.name
        assert state.label_en, state.name
        assert state.describe("id") != state.describe("en"), state.name
    for transition in wf.transitions:
        assert transition.roles, str(transition)
        assert set(transition.roles) <= _ACTORS, str(transition)


@pytest.mark.parametrize("name", BUILTIN)
def test_guarded_builtin_workflows_pickle(name: str) -> None:
    wf = builtin_workflow(name)
    assert pickle.loads(pickle.dumps(wf)) == wf
    assert copy.deepcopy(wf) == wf


@pytest.mark.hostile
@pytest.mark.parametrize("build", [visit, online_consultation, paid_product])
def test_builtins_take_a_working_calendar(build: Any) -> None:
    makassar = WorkingCalendar.pst("Asia/Makassar")
    assert build(calendar=makassar).calendar == makassar
    with pytest.raises(InvalidTypeError) as caught:
        build(calendar="Asia/Makassar")
    assert caught.value.field == f"{build.__name__}(calendar)"


@pytest.mark.golden
def test_every_seed_and_every_builder_has_golden_scenarios() -> None:
    sources = {stem for stem, _ in golden.SCENARIOS}
    assert sources == {
        "golden-000-bengkulu-penjualan",
        "golden-001-sumsel-konsultasi",
        "golden-002-bangka-selatan-konsultasi",
        "golden-003-bengkalis-konsultasi",
        "golden-004-sop-produk-berbayar",
    }
    built = {s["workflow"] for _, s in golden.SCENARIOS}
    assert built == {"visit", "online_consultation", "paid_product_visit", "paid_product"}
    on_file = {s["workflow"] for _, s in golden.SCENARIOS if "file" in s.get("calendar", {})}
    assert on_file == built  # every built-in also on an office calendar file


@pytest.mark.golden
def test_the_golden_calendar_file_has_ramadan_hours_and_a_closure() -> None:
    scenarios = golden.SCENARIOS
    files = {s["calendar"]["file"] for _, s in scenarios if "file" in s.get("calendar", {})}
    assert files
    for name in files:
        cal = WorkingCalendar.load(golden.RESOURCES / name)
        assert cal.periods
        assert cal.closures
        assert any(p.hours != cal.hours for p in cal.periods)
