"""Rp0 decisions against the golden matrix of DOMAIN.md §5, plus the documents rule."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pst_core.errors import InvalidTypeError, UnknownNameError
from pst_core.tariffs.schedule import PnbpType
from pst_core.tariffs.zero_rate import (
    Document,
    Purpose,
    RequesterCategory,
    ZeroRateDecision,
    zero_rate,
)
from tests.strategies import purposes, requester_categories, schedule_types

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found]

GOLDEN = tomllib.loads(
    (Path(__file__).parent.parent / "resources" / "tariffs" / "zero_rate_matrix.toml").read_text(
        encoding="utf-8"
    )
)
CASES = [
    (requester, purpose, tuple(failing))
    for requester, row in GOLDEN["matrix"].items()
    for purpose, failing in row.items()
]


def test_the_golden_matrix_covers_every_category_and_purpose() -> None:
    assert {(r, p) for r, p, _ in CASES} == {
        (r.value, p.value) for r in RequesterCategory for p in Purpose
    }
    assert len(CASES) == len(RequesterCategory) * len(Purpose)


@pytest.mark.parametrize(("requester", "purpose", "failing"), CASES)
def test_rp0_matrix(requester: str, purpose: str, failing: tuple[str, ...]) -> None:
    decision = zero_rate(requester, purpose)
    assert decision.eligible is (not failing)
    requester_reason, purpose_reason = decision.reasons
    assert requester_reason.startswith("requester: ")
    assert purpose_reason.startswith("purpose: ")
    assert ("not one of the five Rp0 parties" in requester_reason) is ("requester" in failing)
    assert ("never qualifies" in purpose_reason) is ("purpose" in failing)
    # Every reason cites its source.
    assert all("Perban BPS 2/2019" in r or "Peraturan BPS 2/2019" in r for r in decision.reasons)
    if failing:
        assert decision.required_documents == ()
        assert decision.missing_documents == ()
        assert not decision.granted
    else:
        assert decision.required_documents == (Document.REQUEST_LETTER, Document.VERIFIED_ACCOUNT)


@pytest.mark.parametrize(("pnbp_type", "documents"), sorted(GOLDEN["documents"].items()))
def test_documents_by_product_type(pnbp_type: str, documents: list[str]) -> None:
    decision = zero_rate("regional_government", "government_duties", pnbp_types=[pnbp_type])
    assert [d.value for d in decision.required_documents] == documents
    assert decision.missing_documents == decision.required_documents
    provided = documents[:-1]
    partial = zero_rate(
        "regional_government", "government_duties", pnbp_types=[pnbp_type], provided=provided
    )
    assert [d.value for d in partial.missing_documents] == documents[-1:]
    assert not partial.granted
    complete = zero_rate(
        "regional_government", "government_duties", pnbp_types=[pnbp_type], provided=documents
    )
    assert complete.missing_documents == ()
    assert complete.granted


def test_commercial_and_individual_refusals_say_why() -> None:
    commercial = zero_rate(RequesterCategory.CENTRAL_GOVERNMENT, Purpose.COMMERCIAL)
    assert not commercial.eligible
    assert "commercial" in commercial.reasons[1]
    assert "non-commercial purposes only" in commercial.reasons[1]
    individual = zero_rate(RequesterCategory.INDIVIDUAL, Purpose.RESEARCH)
    assert not individual.eligible
    assert "individual (perorangan)" in individual.reasons[0]
    assert "the tariff applies" in individual.reasons[0]


@given(requester_categories, purposes, st.sets(schedule_types), st.sets(st.sampled_from(Document)))
def test_decision_invariants(
    requester: RequesterCategory,
    purpose: Purpose,
    types: set[PnbpType],
    provided: set[Document],
) -> None:
    decision = zero_rate(requester, purpose, pnbp_types=types, provided=provided)
    assert isinstance(decision, ZeroRateDecision)
    assert decision.eligible == (requester.zero_rate_party and purpose.non_commercial)
    assert set(decision.missing_documents) == set(decision.required_documents) - provided
    needs_paperwork = bool(types & {PnbpType.MICRODATA, PnbpType.WILKERSTAT_MAP})
    assert (Document.DATA_USE_AGREEMENT in decision.required_documents) == (
        decision.eligible and needs_paperwork
    )
    assert decision.granted == (decision.eligible and set(decision.required_documents) <= provided)
    # Strings and members give the same decision.
    assert decision == zero_rate(
        requester.value,
        purpose.value,
        pnbp_types=[t.value for t in types],
        provided=[d.value for d in provided],
    )


def test_names_are_forgiving_about_case_spaces_and_dashes() -> None:
    assert zero_rate("Regional Government", "international-commitment").eligible


@pytest.mark.parametrize(
    ("kwargs", "kind", "suggestion"),
    [
        (
            {"requester": "regional_goverment", "purpose": "research"},
            "requester category",
            "regional_government",
        ),
        ({"requester": "individual", "purpose": "reseach"}, "purpose", "research"),
        (
            {"requester": "individual", "purpose": "research", "provided": ["sppd"]},
            "document",
            None,
        ),
        ({"requester": 3, "purpose": "research"}, "requester category", None),
        (
            {"requester": "individual", "purpose": "research", "pnbp_types": ["maps"]},
            "PNBP type",
            None,
        ),
    ],
)
def test_unknown_names_are_refused_with_suggestions(
    kwargs: dict[str, object], kind: str, suggestion: str | None
) -> None:
    with pytest.raises(UnknownNameError) as info:
        zero_rate(**kwargs)  # type: ignore[arg-type]
    assert info.value.kind == kind
    assert "allowed:" in str(info.value)
    if suggestion is not None:
        assert suggestion in info.value.suggestions


def test_decision_fields_are_validated() -> None:
    with pytest.raises(InvalidTypeError):
        ZeroRateDecision(
            requester="individual",  # type: ignore[arg-type]
            purpose=Purpose.RESEARCH,
            eligible=False,
            reasons=(),
            required_documents=(),
            missing_documents=(),
        )


def test_labels_exist_for_every_member() -> None:
    for member in (*RequesterCategory, *Purpose, *Document):
        assert member.label
