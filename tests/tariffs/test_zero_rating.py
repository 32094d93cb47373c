"""Zero-rating (Rp0): who and what qualifies (a golden matrix), and the documents it needs."""

from __future__ import annotations

import sys
import typing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pst_core.errors import InvalidTypeError, InvalidValueError, UnknownNameError
from pst_core.i18n import LANGUAGES, text
from pst_core.tariffs import (
    NON_COMMERCIAL_PURPOSES,
    ZERO_RATE_PARTIES,
    PnbpType,
    Purpose,
    RequesterCategory,
    ZeroRateDecision,
    ZeroRateDocument,
    zero_rate,
)
from tests.strategies import purposes, requester_categories, schedule_types, zero_rate_documents

CATEGORIES = typing.get_args(RequesterCategory)
PURPOSES = typing.get_args(Purpose)
DOCUMENTS = typing.get_args(ZeroRateDocument)

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
    assert {(r, p) for r, p, _ in CASES} == {(r, p) for r in CATEGORIES for p in PURPOSES}
    assert len(CASES) == len(CATEGORIES) * len(PURPOSES)


@pytest.mark.golden
@pytest.mark.parametrize(("requester", "purpose", "failing"), CASES)
def test_rp0_matrix(
    requester: RequesterCategory, purpose: Purpose, failing: tuple[str, ...]
) -> None:
    decision = zero_rate(requester, purpose)
    assert decision.eligible is (not failing)
    verdict, requester_reason, purpose_reason, *_ = decision.describe().splitlines()
    assert verdict == ("Rp0: not eligible" if failing else "Rp0: eligible")
    assert requester_reason.startswith("  - requester: ")
    assert purpose_reason.startswith("  - purpose: ")
    assert ("not one of the five Rp0 parties" in requester_reason) is ("requester" in failing)
    assert ("never qualifies" in purpose_reason) is ("purpose" in failing)
    # Every reason cites its source, in both languages.
    for language in LANGUAGES:
        reasons = decision.describe(language).splitlines()[1:3]
        assert all("Perban BPS 2/2019" in r or "Peraturan BPS 2/2019" in r for r in reasons)
    if failing:
        assert decision.required_documents == ()
        assert decision.missing_documents == ()
        assert not decision.granted
    else:
        assert decision.required_documents == ("request_letter", "verified_account")


@pytest.mark.golden
@pytest.mark.parametrize(("pnbp_type", "documents"), sorted(GOLDEN["documents"].items()))
def test_documents_by_product_type(pnbp_type: PnbpType, documents: list[ZeroRateDocument]) -> None:
    decision = zero_rate("regional_government", "government_duties", pnbp_types=[pnbp_type])
    assert list(decision.required_documents) == documents
    assert decision.missing_documents == decision.required_documents
    provided = documents[:-1]
    partial = zero_rate(
        "regional_government", "government_duties", pnbp_types=[pnbp_type], provided=provided
    )
    assert list(partial.missing_documents) == documents[-1:]
    assert not partial.granted
    complete = zero_rate(
        "regional_government", "government_duties", pnbp_types=[pnbp_type], provided=documents
    )
    assert complete.missing_documents == ()
    assert complete.granted


def test_commercial_and_individual_refusals_say_why() -> None:
    commercial = zero_rate("central_government", "commercial")
    assert not commercial.eligible
    assert "non-commercial purposes only" in commercial.describe()
    assert "hanya untuk tujuan nonkomersial" in commercial.describe("id")
    individual = zero_rate("individual", "research")
    assert not individual.eligible
    assert "an individual is not one of the five Rp0 parties" in individual.describe("en")
    assert "perorangan tidak termasuk" in individual.describe("id")
    assert "the tariff applies" in individual.describe()


def test_describe_lists_missing_documents_in_both_languages() -> None:
    decision = zero_rate("regional_government", "research", pnbp_types=["microdata"])
    assert decision.describe("en").endswith(
        "  the tariff applies until these documents are provided:\n"
        "    - a formal request letter\n"
        "    - an institutional account verified by the back office\n"
        "    - the data-use abstract\n"
        "    - the SPPD (data-use agreement)"
    )
    assert "    - SPPD (surat perjanjian penggunaan data)" in decision.describe("id")
    with pytest.raises(InvalidValueError, match="language"):
        decision.describe("fr")  # type: ignore[arg-type]


@given(requester_categories, purposes, st.sets(schedule_types), st.sets(zero_rate_documents))
def test_decision_invariants(
    requester: RequesterCategory,
    purpose: Purpose,
    types: set[PnbpType],
    provided: set[ZeroRateDocument],
) -> None:
    decision = zero_rate(requester, purpose, pnbp_types=types, provided=provided)
    assert isinstance(decision, ZeroRateDecision)
    assert decision.eligible == (ZERO_RATE_PARTIES[requester] and NON_COMMERCIAL_PURPOSES[purpose])
    assert set(decision.missing_documents) == set(decision.required_documents) - provided
    needs_paperwork = bool(types & {"microdata", "wilkerstat_map"})
    assert ("data_use_agreement" in decision.required_documents) == (
        decision.eligible and needs_paperwork
    )
    assert decision.granted == (decision.eligible and set(decision.required_documents) <= provided)
    # Names written as people write them give the same decision.
    assert decision == zero_rate(
        requester.upper(),  # type: ignore[arg-type]
        purpose.replace("_", " "),  # type: ignore[arg-type]
        pnbp_types=[t.replace("_", "-") for t in types],  # type: ignore[misc]
        provided=sorted(provided),
    )


def test_names_are_forgiving_about_case_spaces_and_dashes() -> None:
    assert zero_rate("Regional Government", "international-commitment").eligible  # type: ignore[arg-type]


@pytest.mark.hostile
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


@pytest.mark.hostile
@pytest.mark.parametrize(
    "kwargs",
    [
        {"requester": 3, "purpose": "research"},
        {"requester": "individual", "purpose": None},
        {"requester": "individual", "purpose": "research", "provided": "request_letter"},
        {"requester": "individual", "purpose": "research", "provided": None},
        {"requester": "individual", "purpose": "research", "pnbp_types": 5},
        {"requester": "individual", "purpose": "research", "provided": {"abstract": True}},
    ],
)
def test_wrong_types_are_pst_errors(kwargs: dict[str, Any]) -> None:
    with pytest.raises(InvalidTypeError):
        zero_rate(**kwargs)


def test_a_name_that_is_not_text_is_named_by_its_index() -> None:
    with pytest.raises(InvalidTypeError, match=r"provided\[1\]: expected str, got int 7"):
        zero_rate("individual", "research", provided=["abstract", 7])  # type: ignore[list-item]
    with pytest.raises(InvalidTypeError, match=r"pnbp_types\[0\]"):
        zero_rate("individual", "research", pnbp_types=[None])  # type: ignore[list-item]


def test_decision_fields_are_validated() -> None:
    fields: dict[str, Any] = {
        "requester": "individual",
        "purpose": "research",
        "eligible": False,
        "required_documents": (),
        "missing_documents": (),
    }
    ZeroRateDecision(**fields)
    with pytest.raises(InvalidValueError):
        ZeroRateDecision(**{**fields, "requester": "someone"})
    with pytest.raises(InvalidTypeError):
        ZeroRateDecision(**{**fields, "eligible": "no"})
    with pytest.raises(InvalidValueError):
        ZeroRateDecision(**{**fields, "missing_documents": ("sppd",)})
    with pytest.raises(InvalidTypeError):
        ZeroRateDecision(**{**fields, "missing_documents": ["abstract"]})


@pytest.mark.parametrize(
    ("kind", "vocabulary"),
    [("requester", RequesterCategory), ("purpose", Purpose), ("document", ZeroRateDocument)],
)
def test_names_exist_for_every_member_in_both_languages(kind: str, vocabulary: Any) -> None:
    for member in typing.get_args(vocabulary):
        for language in LANGUAGES:
            assert text(f"tariffs.{kind}.{member}", language)


def test_tables_are_read_only_and_complete() -> None:
    assert set(ZERO_RATE_PARTIES) == set(CATEGORIES)
    assert set(NON_COMMERCIAL_PURPOSES) == set(PURPOSES)
    assert sum(ZERO_RATE_PARTIES.values()) == 5
    assert sum(NON_COMMERCIAL_PURPOSES.values()) == 4
    with pytest.raises(TypeError):
        ZERO_RATE_PARTIES["individual"] = True  # type: ignore[index]
