"""Numbered steps: one definition for both kinds, numbered in order, branches to real steps."""

from __future__ import annotations

import attrs
import pytest

from pst_core.errors import InvalidTypeError, InvalidValueError
from pst_core.standards import (
    Branch,
    Decision,
    Procedure,
    ProcedureStep,
    QualityStandard,
    SopStep,
    StandardOperatingProcedure,
    Step,
)
from tests.standards.helpers import catalog_sop


def test_steps_in_order_and_branches_to_existing_steps() -> None:
    step = ProcedureStep(1, "Mulai", "user")
    jump = ProcedureStep(2, "Cek", "officer", Decision((Branch("belum", "ulang", goto=1),)))
    assert Procedure("online", (step, jump)).steps[1].decision is not None
    with pytest.raises(InvalidValueError, match="increasing order"):
        Procedure("online", (jump, step))
    with pytest.raises(InvalidValueError, match=r"Procedure.steps\[1\].decision.goto: .* 7"):
        Procedure("online", (step, attrs.evolve(jump, decision=Decision((Branch("a", "b", 7),)))))


def test_an_sop_s_steps_follow_the_same_rule() -> None:
    sop = catalog_sop()
    backwards = tuple(reversed(sop.steps))
    with pytest.raises(InvalidValueError, match="increasing order"):
        attrs.evolve(sop, steps=backwards)
    seven = sop.step(7)
    assert seven.decision is not None
    nowhere = Decision((Branch("belum lengkap", "ulang", goto=99),))
    steps = tuple(attrs.evolve(s, decision=nowhere) if s is seven else s for s in sop.steps)
    with pytest.raises(InvalidValueError, match=r"StandardOperatingProcedure.steps\[6\]"):
        attrs.evolve(sop, steps=steps)


def test_both_kinds_of_step_are_steps_with_the_same_first_fields() -> None:
    common = ("number", "text", "actor", "decision")
    assert tuple(a.name for a in attrs.fields(Step)) == common
    assert tuple(a.name for a in attrs.fields(ProcedureStep)) == common
    assert tuple(a.name for a in attrs.fields(SopStep)) == (*common, "quality", "note")
    procedure_step = ProcedureStep(3, "Petugas layanan memeriksa", "officer")
    sop_step = SopStep(3, "Petugas layanan memeriksa", "officer", quality=QualityStandard())
    assert isinstance(procedure_step, Step)
    assert isinstance(sop_step, Step)
    # The same fields, but not the same kind: neither stands in for the other.
    assert procedure_step != sop_step  # type: ignore[comparison-overlap]
    with pytest.raises(InvalidTypeError, match=r"Procedure\.steps\[0\]"):
        Procedure("offline", (sop_step,))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"StandardOperatingProcedure\.steps\[0\]"):
        attrs.evolve(catalog_sop(), steps=(procedure_step,))  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", [ProcedureStep, SopStep])
def test_every_step_field_is_checked(kind: type[Step]) -> None:
    with pytest.raises(InvalidValueError, match=rf"{kind.__name__}\.number"):
        kind(0, "Mulai", "user")
    with pytest.raises(InvalidTypeError, match=rf"{kind.__name__}\.number"):
        kind(True, "Mulai", "user")
    with pytest.raises(InvalidValueError, match=rf"{kind.__name__}\.text"):
        kind(1, "  ", "user")
    with pytest.raises(InvalidValueError, match=rf"{kind.__name__}\.actor: invalid value 'boss'"):
        kind(1, "Mulai", "boss")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=rf"{kind.__name__}\.decision"):
        kind(1, "Mulai", "user", "ya")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"Decision\.branches"):
        Decision(())


def test_an_sop_is_found_by_its_step_numbers() -> None:
    sop: StandardOperatingProcedure = catalog_sop()
    assert [sop.step(s.number) for s in sop.steps] == list(sop.steps)
