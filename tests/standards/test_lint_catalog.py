"""The linter on the catalog: the published defects, found with the published text (golden)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pst_core.standards import lint
from tests.standards.helpers import catalog_document, every_document

pytestmark = pytest.mark.golden


GOLDEN = json.loads(
    (Path(__file__).parent.parent / "resources" / "standards" / "lint_golden.json").read_text()
)


@pytest.mark.parametrize("doc_id", list(GOLDEN))
def test_catalog_findings_golden(doc_id: str) -> None:
    findings = lint(catalog_document(doc_id))
    assert [[f.code, f.severity, f.location] for f in findings] == GOLDEN[doc_id]
    assert all(f.document == doc_id for f in findings)


def test_every_domain_defect_is_reported_with_the_published_text() -> None:
    messages = {f.code: str(f) for doc in every_document() for f in lint(doc)}
    assert "Pengguna layanan memiliki alamat email yang masih aktif" in messages["PST001"]
    assert "blank" in messages["PST002"]
    assert "'Peraturan Kepala Badan Pusat Statistik Nomor 65 Ta' ends in 'Ta'" in messages["PST003"]
    assert "'Indragiri Hulu'" in messages["PST004"]
    assert "'Tidak dipungut biaya' is published twice" in messages["PST005"]
    assert "'0'" in messages["PST006"]
    assert "'1 jam/hari' reads as 1 hour or 1 calendar day" in messages["PST007"]


def test_every_domain_defect_is_reported_in_indonesian_too() -> None:
    messages = {f.code: f.describe("id") for doc in every_document() for f in lint(doc)}
    assert messages["PST002"] == "nomor SK kosong"
    assert "berakhir dengan 'Ta'" in messages["PST003"]
    assert messages["PST004"].startswith("menyebut kabupaten 'Indragiri Hulu'")
    assert "'Tidak dipungut biaya' dicantumkan dua kali" in messages["PST005"]
    assert "'1 jam/hari' dapat dibaca sebagai 1 jam atau 1 hari" in messages["PST007"]
    assert "(3 hari) tetapi keterangannya '3 hari kerja' (3 hari kerja)" in messages["PST013"]


def test_no_errors_in_the_catalog() -> None:
    assert [f for doc in every_document() for f in lint(doc) if f.severity == "error"] == []
