"""Findings and rules: stable codes, a message key and its text in both languages, fixed rules."""

from __future__ import annotations

import importlib
import typing

import pytest
from hypothesis import given

from pst_core.errors import InvalidTypeError, InvalidValueError, UnknownNameError
from pst_core.i18n import text
from pst_core.standards import RULES, Finding, StandardOperatingProcedure, catalog, lint
from tests.standards.helpers import catalog_document, catalog_standard, every_document
from tests.strategies import standard_operating_procedures

linter = importlib.import_module("pst_core.standards.linter")


def test_finding_validates_and_prints() -> None:
    fields = (("text", "'Email'"), ("first", "requirements[0].text"))
    finding = Finding("PST001", "requirements[1].text", "x", "duplicate_requirement", fields)
    assert str(finding) == (
        "x: requirements[1].text: PST001 warning: "
        "requirement 'Email' is published twice (first at requirements[0].text)"
    )
    assert finding.rule.name == "duplicate-requirement"
    assert finding.severity == "warning"
    with pytest.raises(InvalidValueError, match="PST999"):
        Finding("PST999", "", "x", "duplicate_requirement")
    for bad in ("not a standard", None, 3, catalog()):
        with pytest.raises(InvalidTypeError):
            lint(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="language"):
        finding.describe("fr")  # type: ignore[arg-type]


def test_a_finding_carries_its_message_key_and_says_its_text() -> None:
    finding = lint(catalog_standard("bengkalis-konsultasi"))[1]
    assert (finding.code, finding.message_key, finding.fields) == ("PST002", "decree_blank", ())
    assert (
        finding.describe("id") == text("standards.finding.decree_blank", "id") == "nomor SK kosong"
    )
    assert finding.describe() == "the decree number (No. SK) is blank"
    assert str(finding).endswith(f"PST002 warning: {finding.describe('en')}")
    quoted = Finding("PST012", "office.province", "x", "unknown_province", (("province", "'X'"),))
    assert quoted.message_key == "unknown_province"
    assert quoted.describe() == "province 'X' is not one of Indonesia's 38"
    with pytest.raises(UnknownNameError, match=r"standards\.finding\.no_such_message"):
        Finding("PST002", "decree", "x", "no_such_message").describe()


def test_every_rule_and_finding_message_exists_in_both_languages() -> None:
    from pst_core.i18n import catalogue

    for rule in RULES.values():
        assert rule.describe("id")
        assert rule.describe("en")
    keys = [k for k in catalogue() if k.startswith("standards.finding.")]
    assert len(keys) >= 20
    assert all(set(catalogue()[k]) == {"id", "en"} for k in keys)


def test_rules_are_read_only_and_changing_them_changes_nobody_s_lint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = [lint(doc) for doc in every_document()]
    with pytest.raises(TypeError):
        RULES["PST001"] = RULES["PST008"]  # type: ignore[index]
    with pytest.raises(AttributeError):
        RULES["PST001"].severity = "error"  # type: ignore[misc]
    monkeypatch.setattr(linter, "RULES", {"PST001": RULES["PST008"]})
    assert [lint(doc) for doc in every_document()] == before
    assert lint(catalog_document("bangka-selatan-konsultasi"))[0].severity == "warning"


def test_severities_are_a_literal_most_severe_first() -> None:
    from pst_core.standards import Severity

    assert typing.get_args(Severity) == ("error", "warning", "info")


def test_rule_codes_are_stable() -> None:
    assert {code: (rule.name, rule.severity) for code, rule in RULES.items()} == {
        "PST001": ("duplicate-requirement", "warning"),
        "PST002": ("missing-decree", "warning"),
        "PST003": ("truncated-decree", "warning"),
        "PST004": ("other-office-named", "warning"),
        "PST005": ("duplicate-fee-text", "warning"),
        "PST006": ("zero-completion-time", "warning"),
        "PST007": ("ambiguous-duration", "warning"),
        "PST008": ("unparseable-duration", "error"),
        "PST009": ("procedure-without-completion-time", "error"),
        "PST010": ("completion-time-without-procedure", "warning"),
        "PST011": ("unused-requirement", "warning"),
        "PST012": ("unknown-province", "error"),
        "PST013": ("time-contradicts-note", "warning"),
    }


@given(document=standard_operating_procedures())
def test_sop_lint_never_fails(document: StandardOperatingProcedure) -> None:
    for finding in lint(document):
        assert finding.document == document.id
        assert finding.severity == RULES[finding.code].severity
