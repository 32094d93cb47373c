"""The leaflet: `ServiceStandard.describe` in the published layout, every published string in it."""

from __future__ import annotations

import pytest
from hypothesis import given

from pst_core.errors import InvalidValueError
from pst_core.standards import ServiceStandard, catalog
from tests.standards.helpers import flat
from tests.strategies import service_standards

SECTIONS = [
    "Persyaratan",
    "Sistem, Mekanisme dan Prosedur",
    "Waktu Penyelesaian",
    "Biaya / Tarif",
    "Produk Pelayanan",
    "Pengaduan Layanan",
]


SECTIONS_EN = [
    "Requirements",
    "System, mechanism and procedure",
    "Completion time",
    "Fee",
    "Service products",
    "Complaints",
]


@pytest.mark.parametrize("doc_id", list(catalog().standards))
def test_standard_leaflet_layout_and_content(doc_id: str) -> None:
    standard = catalog().standard(doc_id)
    text = standard.describe("id")
    assert [line[3:] for line in text.splitlines() if line.startswith("## ")] == SECTIONS
    flattened = flat(text)
    published = [r.text for r in standard.requirements]
    published += [s.text for p in standard.procedures for s in p.steps]
    published += [c.text or "" for c in standard.completion_times]
    published += [*standard.fee.texts, *(p.text for p in standard.products)]
    published += [c.address for c in standard.complaints]
    for item in published:
        assert flat(item) in flattened, item
    for step in (s for p in standard.procedures for s in p.steps):
        assert f"| {step.number} | " in text
    assert text.endswith("\n")
    assert not text.endswith("\n\n")


@given(standard=service_standards())
def test_any_standard_renders_every_section(standard: ServiceStandard) -> None:
    text = standard.describe("id", level=3)
    assert [line[5:] for line in text.splitlines() if line.startswith("#### ")] == SECTIONS
    for requirement in standard.requirements:
        assert flat(requirement.text) in flat(text)
    english = standard.describe("en", level=3)
    assert [line[5:] for line in english.splitlines() if line.startswith("#### ")] == SECTIONS_EN
    for requirement in standard.requirements:
        assert flat(requirement.text_en) in flat(english)


def test_english_leaflet_says_the_fixed_words_in_english() -> None:
    text = catalog().standard("bengkulu-penjualan").describe()
    assert text.startswith("# Integrated Statistical Services, BPS Provinsi Bengkulu\n")
    assert "1. A valid identity card *(direct visit, online)*" in text
    assert "| 1 | Melakukan Registrasi" in text  # the steps exist in Indonesian only
    assert "| Service user |" in text
    sop = catalog().sop("bengkulu-sop-produk-berbayar").describe("en")
    assert "| No. | Step | Performed by | Completeness | Time | Output | Note |" in sop
    assert "*belum lengkap* → go to step 6" in sop


@pytest.mark.hostile
@pytest.mark.parametrize("level", [0, 5, "1", True, None, 1.0])
def test_bad_arguments(level: object) -> None:
    with pytest.raises(InvalidValueError, match="level"):
        catalog().standard("sumsel-konsultasi").describe("id", level=level)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="level"):
        catalog().sop("bengkulu-sop-produk-berbayar").describe(level=level)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="language"):
        catalog().standard("sumsel-konsultasi").describe("ms")  # type: ignore[arg-type]
