"""The linter's rules on channels and offices: procedure and completion time per channel (PST009,
PST010), requirements of no offered channel (PST011), the province (PST012)."""

from __future__ import annotations

import attrs
from hypothesis import given

from pst_core.standards import RULES, Office, Requirement, ServiceStandard, lint
from tests.standards.helpers import Document, catalog_sop, catalog_standard
from tests.strategies import service_standards


def _codes(document: Document) -> list[tuple[str, str]]:
    return [(f.code, f.location) for f in lint(document)]


def test_channel_consistency_rules() -> None:
    standard = catalog_standard()
    offline_only = attrs.evolve(standard, completion_times=standard.completion_times[:1])
    assert _codes(offline_only) == [("PST009", "procedures[1]")]
    assert lint(offline_only)[0].severity == "error"
    no_online_procedure = attrs.evolve(standard, procedures=standard.procedures[:1])
    assert _codes(no_online_procedure) == [("PST010", "completion_times[1]")]


def test_unused_requirement() -> None:
    standard = catalog_standard()
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
    findings = lint(attrs.evolve(catalog_standard(), office=office))
    assert [(f.code, f.severity) for f in findings] == [("PST012", "error")]
    assert "did you mean: Bengkulu" in findings[0].describe()
    assert "maksudnya: Bengkulu" in findings[0].describe("id")
    sop = attrs.evolve(catalog_sop(), office=office)
    assert ("PST012", "office.province") in _codes(sop)
    nowhere = attrs.evolve(office, province="Xyzzy")
    assert lint(attrs.evolve(catalog_standard(), office=nowhere))[0].describe() == (
        "province 'Xyzzy' is not one of Indonesia's 38"
    )


@given(document=service_standards())
def test_findings_follow_their_rules(document: ServiceStandard) -> None:
    findings = lint(document)
    assert all(f.severity == RULES[f.code].severity for f in findings)
    assert [f.code for f in findings] == sorted(f.code for f in findings)
    with_time = {c.channel for c in document.completion_times}
    expected_pst009 = [p.channel for p in document.procedures if p.channel not in with_time]
    assert len([f for f in findings if f.code == "PST009"]) == len(expected_pst009)
