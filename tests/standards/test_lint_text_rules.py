"""The linter's rules on published text: repeated texts (PST001, PST005), the decree (PST002,
PST003), another office named (PST004)."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

from pst_core.standards import Requirement, ServiceStandard, lint
from tests.standards.helpers import Document, catalog_sop, catalog_standard
from tests.strategies import service_standards


def _codes(document: Document) -> list[tuple[str, str]]:
    return [(f.code, f.location) for f in lint(document)]


@given(document=service_standards())
def test_repeating_a_requirement_text_is_always_found(document: ServiceStandard) -> None:
    extra = Requirement("zz-copy", "Memiliki  KARTU identitas", "Copy", ("offline",), "action")
    first = attrs.evolve(extra, id="zz-first", text="memiliki kartu identitas")
    requirements = (*document.requirements, first, extra)
    findings = lint(attrs.evolve(document, requirements=requirements))
    location = f"requirements[{len(requirements) - 1}].text"
    assert ("PST001", location) in [(f.code, f.location) for f in findings]


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
    assert _codes(attrs.evolve(catalog_standard(), decree=decree)) == expected


def test_truncated_and_incomplete_decrees_are_told_apart() -> None:
    cut = lint(attrs.evolve(catalog_standard(), decree="Nomor 65 Ta"))[0].describe()
    other = lint(attrs.evolve(catalog_standard(), decree="Keputusan Kepala BPS"))[0].describe()
    assert "cut off" in cut
    assert "does not end in 'Tahun YYYY'" in other


@pytest.mark.parametrize("decree", ["Nomor 65 Tahun \u0662\u0660\u0662\u0663", "Tahun ２０２３"])
def test_a_year_is_four_ascii_digits(decree: str) -> None:
    assert _codes(attrs.evolve(catalog_standard(), decree=decree)) == [("PST003", "decree")]


def test_other_office_named_anywhere_and_own_names_allowed() -> None:
    standard = catalog_standard("bangka-selatan-konsultasi")
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
    sop = catalog_sop()
    steps = (attrs.evolve(sop.steps[0], note="Rujuk ke BPS Kabupaten Kaur"), *sop.steps[1:])
    assert ("PST004", "steps[0].note") in _codes(attrs.evolve(sop, steps=steps))
