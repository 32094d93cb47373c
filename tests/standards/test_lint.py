"""The linter: golden findings on the catalog, and each rule on its own."""

from __future__ import annotations

import importlib
import json
import typing
from pathlib import Path

import attrs
import pytest
from hypothesis import given

from pst_core.calendar.durations import WorkingTime
from pst_core.errors import InvalidTypeError, InvalidValueError
from pst_core.standards import (
    RULES,
    AppointmentRule,
    CompletionTime,
    Finding,
    Office,
    QualityStandard,
    Requirement,
    ServiceStandard,
    StandardOperatingProcedure,
    catalog,
    lint,
)
from tests.strategies import service_standards, standard_operating_procedures

lint_module = importlib.import_module("pst_core.standards.lint")
Document = ServiceStandard | StandardOperatingProcedure
GOLDEN = json.loads(
    (Path(__file__).parent.parent / "resources" / "standards" / "lint_golden.json").read_text()
)


def _document(doc_id: str) -> Document:
    docs = catalog()
    return docs.sop(doc_id) if doc_id in docs.sops else docs.standard(doc_id)


def _all() -> list[Document]:
    return [_document(doc_id) for doc_id in catalog().ids]


@pytest.mark.parametrize("doc_id", list(GOLDEN))
def test_catalog_findings_golden(doc_id: str) -> None:
    findings = lint(_document(doc_id))
    assert [[f.code, f.severity, f.location] for f in findings] == GOLDEN[doc_id]
    assert all(f.document == doc_id for f in findings)


def test_every_domain_defect_is_reported_with_the_published_text() -> None:
    messages = {f.code: str(f) for doc in _all() for f in lint(doc)}
    assert "Pengguna layanan memiliki alamat email yang masih aktif" in messages["PST001"]
    assert "blank" in messages["PST002"]
    assert "'Peraturan Kepala Badan Pusat Statistik Nomor 65 Ta' ends in 'Ta'" in messages["PST003"]
    assert "'Indragiri Hulu'" in messages["PST004"]
    assert "'Tidak dipungut biaya' is published twice" in messages["PST005"]
    assert "'0'" in messages["PST006"]
    assert "'1 jam/hari' reads as 1 hour or 1 calendar day" in messages["PST007"]


def test_every_domain_defect_is_reported_in_indonesian_too() -> None:
    messages = {f.code: f.describe("id") for doc in _all() for f in lint(doc)}
    assert messages["PST002"] == "nomor SK kosong"
    assert "berakhir dengan 'Ta'" in messages["PST003"]
    assert messages["PST004"].startswith("menyebut kabupaten 'Indragiri Hulu'")
    assert "'Tidak dipungut biaya' dicantumkan dua kali" in messages["PST005"]
    assert "'1 jam/hari' dapat dibaca sebagai 1 jam atau 1 hari" in messages["PST007"]
    assert "(3 hari) tetapi keterangannya '3 hari kerja' (3 hari kerja)" in messages["PST013"]


def test_no_errors_in_the_catalog() -> None:
    assert [f for doc in _all() for f in lint(doc) if f.severity == "error"] == []


def _standard(doc_id: str = "bengkulu-penjualan") -> ServiceStandard:
    return catalog().standard(doc_id)


def _sop() -> StandardOperatingProcedure:
    return catalog().sop("bengkulu-sop-produk-berbayar")


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
    cut = lint(attrs.evolve(_standard(), decree="Nomor 65 Ta"))[0].describe()
    other = lint(attrs.evolve(_standard(), decree="Keputusan Kepala BPS"))[0].describe()
    assert "cut off" in cut
    assert "does not end in 'Tahun YYYY'" in other


@pytest.mark.parametrize("decree", ["Nomor 65 Tahun \u0662\u0660\u0662\u0663", "Tahun ２０２３"])
def test_a_year_is_four_ascii_digits(decree: str) -> None:
    assert _codes(attrs.evolve(_standard(), decree=decree)) == [("PST003", "decree")]


def test_other_office_named_anywhere_and_own_names_allowed() -> None:
    standard = _standard("bangka-selatan-konsultasi")
    assert _codes(standard) == [("PST001", "requirements[5].text")]
    # The unit's own regency and its province are its own names.
    products = (attrs.evolve(standard.products[0], text="Data Provinsi Kepulauan Bangka Belitung"),)
    assert _codes(attrs.evolve(standard, products=products)) == [("PST001", "requirements[5].text")]
    complaints = (attrs.evolve(standard.complaints[0], address="Kantor BPS Kota Pangkalpinang"),)
    assert ("PST004", "complaints[0].address") in _codes(
        attrs.evolve(standard, complaints=complaints)
    )
    # A lower-case word after the keyword is no name; "Kabupaten/Kota" is no name either.
    fee = attrs.evolve(standard.fee, texts=("Gratis untuk Provinsi dan Kabupaten/Kota",))
    assert _codes(attrs.evolve(standard, fee=fee)) == [("PST001", "requirements[5].text")]


def test_other_office_named_in_an_sop() -> None:
    sop = _sop()
    steps = (attrs.evolve(sop.steps[0], note="Rujuk ke BPS Kabupaten Kaur"), *sop.steps[1:])
    assert ("PST004", "steps[0].note") in _codes(attrs.evolve(sop, steps=steps))


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
    assert "applies to online, which the standard does not offer" in findings[0].describe()
    assert "berlaku untuk online, yang tidak" in findings[0].describe("id")
    no_channel = attrs.evolve(standard, requirements=(*standard.requirements, orphan))
    assert "applies to no channel" in lint(no_channel)[0].describe("en")


def test_unknown_province() -> None:
    office = Office("BPS Provinsi Bengkulu", "province", "Bengkuluu")
    findings = lint(attrs.evolve(_standard(), office=office))
    assert [(f.code, f.severity) for f in findings] == [("PST012", "error")]
    assert "did you mean: Bengkulu" in findings[0].describe()
    assert "maksudnya: Bengkulu" in findings[0].describe("id")
    sop = attrs.evolve(_sop(), office=office)
    assert ("PST012", "office.province") in _codes(sop)
    nowhere = attrs.evolve(office, province="Xyzzy")
    assert lint(attrs.evolve(_standard(), office=nowhere))[0].describe() == (
        "province 'Xyzzy' is not one of Indonesia's 38"
    )


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
    before = [lint(doc) for doc in _all()]
    with pytest.raises(TypeError):
        RULES["PST001"] = RULES["PST008"]  # type: ignore[index]
    with pytest.raises(AttributeError):
        RULES["PST001"].severity = "error"  # type: ignore[misc]
    monkeypatch.setattr(lint_module, "RULES", {"PST001": RULES["PST008"]})
    assert [lint(doc) for doc in _all()] == before
    assert lint(_document("bangka-selatan-konsultasi"))[0].severity == "warning"


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
    first = attrs.evolve(extra, id="zz-first", text="memiliki kartu identitas")
    requirements = (*document.requirements, first, extra)
    findings = lint(attrs.evolve(document, requirements=requirements))
    location = f"requirements[{len(requirements) - 1}].text"
    assert ("PST001", location) in [(f.code, f.location) for f in findings]


@given(document=standard_operating_procedures())
def test_sop_lint_never_fails(document: StandardOperatingProcedure) -> None:
    for finding in lint(document):
        assert finding.document == document.id
        assert finding.severity == RULES[finding.code].severity


def test_completion_time_defaults() -> None:
    completion = CompletionTime("online", WorkingTime(10), "not_stated")
    assert (completion.max_service, completion.inactivity, completion.text) == (None,) * 3
