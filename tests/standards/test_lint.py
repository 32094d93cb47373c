"""The linter: golden findings on the catalog, and each rule on its own."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given

from pst_core.calendar.durations import WorkingTime
from pst_core.errors import InvalidTypeError, InvalidValueError
from pst_core.standards import (
    CATALOG_IDS,
    RULES,
    AppointmentRule,
    CompletionTime,
    Document,
    Finding,
    QualityStandard,
    Requirement,
    ServiceStandard,
    StandardOperatingProcedure,
    Unit,
    catalog,
    lint,
)
from tests.strategies import service_standards, standard_operating_procedures

GOLDEN = json.loads(
    (Path(__file__).parent.parent / "resources" / "standards" / "lint_golden.json").read_text()
)


@pytest.mark.parametrize("doc_id", CATALOG_IDS)
def test_catalog_findings_golden(doc_id: str) -> None:
    findings = lint(catalog()[doc_id])
    assert [[f.code, f.severity, f.location] for f in findings] == GOLDEN[doc_id]
    assert all(f.document == doc_id for f in findings)


def test_every_domain_defect_is_reported_with_the_published_text() -> None:
    messages = {f.code: str(f) for doc in catalog().values() for f in lint(doc)}
    assert "Pengguna layanan memiliki alamat email yang masih aktif" in messages["PST001"]
    assert "blank" in messages["PST002"]
    assert "'Peraturan Kepala Badan Pusat Statistik Nomor 65 Ta' ends in 'Ta'" in messages["PST003"]
    assert "'Indragiri Hulu'" in messages["PST004"]
    assert "'Tidak dipungut biaya' is published twice" in messages["PST005"]
    assert "'0'" in messages["PST006"]
    assert "'1 jam/hari' reads as 1 hour or 1 calendar day" in messages["PST007"]


def test_no_errors_in_the_catalog() -> None:
    assert [f for doc in catalog().values() for f in lint(doc) if f.severity == "error"] == []


def _standard(doc_id: str = "bengkulu-penjualan") -> ServiceStandard:
    document = catalog()[doc_id]
    assert isinstance(document, ServiceStandard)
    return document


def _sop() -> StandardOperatingProcedure:
    document = catalog()["bengkulu-sop-produk-berbayar"]
    assert isinstance(document, StandardOperatingProcedure)
    return document


def _codes(document: Document) -> list[tuple[str, str]]:
    return [(f.code, f.location) for f in lint(document)]


@pytest.mark.parametrize(
    ("decree", "expected"),
    [
        (None, [("PST002", "decree")]),
        ("   ", [("PST002", "decree")]),
        ("Nomor 65 Tah", [("PST003", "decree")]),
        ("Keputusan Kepala BPS", [("PST003", "decree")]),
        ("Nomor 65 Tahun 2023", []),
        ("12 tahun 2024.", []),
    ],
)
def test_decree_rules(decree: str | None, expected: list[tuple[str, str]]) -> None:
    assert _codes(attrs.evolve(_standard(), decree=decree)) == expected


def test_truncated_and_incomplete_decrees_are_told_apart() -> None:
    cut = lint(attrs.evolve(_standard(), decree="Nomor 65 Ta"))[0].message
    other = lint(attrs.evolve(_standard(), decree="Keputusan Kepala BPS"))[0].message
    assert "cut off" in cut
    assert "does not end in 'Tahun YYYY'" in other


def test_other_unit_named_anywhere_and_own_names_allowed() -> None:
    standard = _standard("bangka-selatan-konsultasi")
    assert _codes(standard) == [("PST001", "requirements[5].text_id")]
    # The unit's own regency and its province are its own names.
    products = (
        attrs.evolve(standard.products[0], text_id="Data Provinsi Kepulauan Bangka Belitung"),
    )
    assert _codes(attrs.evolve(standard, products=products)) == [
        ("PST001", "requirements[5].text_id")
    ]
    complaints = (attrs.evolve(standard.complaints[0], address="Kantor BPS Kota Pangkalpinang"),)
    assert ("PST004", "complaints[0].address") in _codes(
        attrs.evolve(standard, complaints=complaints)
    )
    # A lower-case word after the keyword is no name; "Kabupaten/Kota" is no name either.
    fee = attrs.evolve(standard.fee, texts_id=("Gratis untuk Provinsi dan Kabupaten/Kota",))
    assert _codes(attrs.evolve(standard, fee=fee)) == [("PST001", "requirements[5].text_id")]


def test_other_unit_named_in_an_sop() -> None:
    sop = _sop()
    steps = (attrs.evolve(sop.steps[0], note_id="Rujuk ke BPS Kabupaten Kaur"), *sop.steps[1:])
    assert ("PST004", "steps[0].note_id") in _codes(attrs.evolve(sop, steps=steps))


def test_zero_completion_time_and_unparseable_header() -> None:
    standard = _standard()
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


def test_channel_consistency_rules() -> None:
    standard = _standard()
    offline_only = attrs.evolve(standard, completion_times=standard.completion_times[:1])
    assert _codes(offline_only) == [("PST009", "procedures[1]")]
    assert lint(offline_only)[0].severity == "error"
    no_online_procedure = attrs.evolve(standard, procedures=standard.procedures[:1])
    assert _codes(no_online_procedure) == [("PST010", "completion_times[1]")]


def test_unused_requirement() -> None:
    standard = _standard()
    orphan = Requirement("fax", "Memiliki nomor faks", "A fax number", (), "contact")
    assert _codes(attrs.evolve(standard, requirements=(*standard.requirements, orphan))) == [
        ("PST011", "requirements[2].channels")
    ]
    offline = attrs.evolve(
        standard,
        procedures=standard.procedures[:1],
        completion_times=standard.completion_times[:1],
        requirements=(*standard.requirements, attrs.evolve(orphan, channels=("online",))),
    )
    findings = lint(offline)
    assert [(f.code, f.location) for f in findings] == [("PST011", "requirements[2].channels")]
    assert "applies to online, which the standard does not offer" in findings[0].message


def test_unknown_province() -> None:
    unit = Unit("BPS Provinsi Bengkulu", "province", "Bengkuluu")
    findings = lint(attrs.evolve(_standard(), unit=unit))
    assert [(f.code, f.severity) for f in findings] == [("PST012", "error")]
    assert "did you mean: Bengkulu" in findings[0].message
    sop = attrs.evolve(_sop(), unit=unit)
    assert ("PST012", "unit.province") in _codes(sop)


def test_sop_duration_rules() -> None:
    sop = _sop()
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


def test_finding_validates_and_prints() -> None:
    finding = Finding("PST001", "warning", "twice", "requirements[1].text_id", "x")
    assert str(finding) == "x: requirements[1].text_id: PST001 warning: twice"
    assert finding.rule.name == "duplicate-requirement"
    with pytest.raises(InvalidValueError, match="PST999"):
        Finding("PST999", "warning", "twice", "", "x")
    with pytest.raises(InvalidTypeError):
        lint("not a standard")  # type: ignore[arg-type]


def test_rule_codes_are_stable() -> None:
    assert {code: (rule.name, rule.severity) for code, rule in RULES.items()} == {
        "PST001": ("duplicate-requirement", "warning"),
        "PST002": ("missing-decree", "warning"),
        "PST003": ("truncated-decree", "warning"),
        "PST004": ("other-unit-named", "warning"),
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


@given(document=service_standards())
def test_findings_follow_their_rules(document: ServiceStandard) -> None:
    findings = lint(document)
    assert all(f.severity == RULES[f.code].severity for f in findings)
    assert [f.code for f in findings] == sorted(f.code for f in findings)
    with_time = {c.channel for c in document.completion_times}
    expected_pst009 = [p.channel for p in document.procedures if p.channel not in with_time]
    assert len([f for f in findings if f.code == "PST009"]) == len(expected_pst009)


@given(document=service_standards())
def test_repeating_a_requirement_text_is_always_found(document: ServiceStandard) -> None:
    extra = Requirement("zz-copy", "Memiliki  KARTU identitas", "Copy", ("offline",), "action")
    first = attrs.evolve(extra, id="zz-first", text_id="memiliki kartu identitas")
    requirements = (*document.requirements, first, extra)
    findings = lint(attrs.evolve(document, requirements=requirements))
    location = f"requirements[{len(requirements) - 1}].text_id"
    assert ("PST001", location) in [(f.code, f.location) for f in findings]


@given(document=standard_operating_procedures())
def test_sop_lint_never_fails(document: StandardOperatingProcedure) -> None:
    for finding in lint(document):
        assert finding.document == document.id
        assert finding.severity == RULES[finding.code].severity


def test_completion_time_defaults() -> None:
    completion = CompletionTime("online", WorkingTime(10), "not_stated")
    assert (completion.max_service, completion.inactivity, completion.text_id) == (None,) * 3
