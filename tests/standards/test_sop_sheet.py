"""The SOP sheet: `StandardOperatingProcedure.describe`, its header, sections and steps table."""

from __future__ import annotations

from pst_core.standards import catalog
from tests.standards.helpers import flat


def test_sop_layout_and_content() -> None:
    sop = catalog().sop("bengkulu-sop-produk-berbayar")
    text = sop.describe("id", level=2)
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
    flattened = flat(text)
    for step in sop.steps:
        assert flat(step.text) in flattened
        assert step.note is None or flat(step.note) in flattened
    assert "*belum lengkap* → ke langkah 6" in text
    assert "(Sen–Kam 08.00-15.30; Jum 08.00-16.00; Sab–Min tutup)" in text
    assert "(Mon–Thu 08:00-15:30; Fri 08:00-16:00; Sat–Sun closed)" in sop.describe("en")
