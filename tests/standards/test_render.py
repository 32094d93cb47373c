"""render_markdown: the leaflet layout, with every published string in it."""

from __future__ import annotations

import pytest
from hypothesis import given

from pst_core.errors import InvalidTypeError, InvalidValueError
from pst_core.standards import (
    CATALOG_IDS,
    ServiceStandard,
    StandardOperatingProcedure,
    catalog,
    render_markdown,
)
from tests.strategies import service_standards

SECTIONS = [
    "Persyaratan",
    "Sistem, Mekanisme dan Prosedur",
    "Waktu Penyelesaian",
    "Biaya / Tarif",
    "Produk Pelayanan",
    "Pengaduan Layanan",
]


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("doc_id", CATALOG_IDS[:4])
def test_standard_leaflet_layout_and_content(doc_id: str) -> None:
    standard = catalog()[doc_id]
    assert isinstance(standard, ServiceStandard)
    text = render_markdown(standard)
    assert [line[3:] for line in text.splitlines() if line.startswith("## ")] == SECTIONS
    flat = _flat(text)
    published = [r.text_id for r in standard.requirements]
    published += [s.text_id for p in standard.procedures for s in p.steps]
    published += [c.text_id or "" for c in standard.completion_times]
    published += [*standard.fee.texts_id, *(p.text_id for p in standard.products)]
    published += [c.address for c in standard.complaints]
    for item in published:
        assert _flat(item) in flat, item
    for step in (s for p in standard.procedures for s in p.steps):
        assert f"| {step.number} | " in text
    assert text.endswith("\n")
    assert not text.endswith("\n\n")


def test_sop_layout_and_content() -> None:
    sop = catalog()["bengkulu-sop-produk-berbayar"]
    assert isinstance(sop, StandardOperatingProcedure)
    text = render_markdown(sop, level=2)
    assert text.startswith("## Layanan Produk Statistik Berbayar\n")
    headings = [line[4:] for line in text.splitlines() if line.startswith("### ")]
    assert headings == [
        "Dasar Hukum",
        "Kualifikasi Pelaksana",
        "Keterkaitan",
        "Peralatan/Perlengkapan",
        "Peringatan",
        "Pencatatan dan Pendataan",
        "Uraian Prosedur",
        "Waktu Layanan",
    ]
    flat = _flat(text)
    for step in sop.steps:
        assert _flat(step.text_id) in flat
        assert step.note_id is None or _flat(step.note_id) in flat
    assert "*belum lengkap* → ke langkah 6" in text
    assert "(Mon–Thu 08:00-15:30; Fri 08:00-16:00; Sat–Sun closed)" in text


@given(standard=service_standards())
def test_any_standard_renders_every_section(standard: ServiceStandard) -> None:
    text = render_markdown(standard, level=3)
    assert [line[5:] for line in text.splitlines() if line.startswith("#### ")] == SECTIONS
    for requirement in standard.requirements:
        assert _flat(requirement.text_id) in _flat(text)


def test_bad_arguments() -> None:
    with pytest.raises(InvalidValueError, match="level"):
        render_markdown(catalog()["sumsel-konsultasi"], level=5)
    with pytest.raises(InvalidTypeError, match="document"):
        render_markdown({"id": "x"})  # type: ignore[arg-type]
