"""pst-core standards list | show | lint | render."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from pst_core.cli import main
from pst_core.standards import CATALOG_IDS, catalog, render_markdown, to_data


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(["standards", *argv], out=out)
    return status, out.getvalue()


def test_list() -> None:
    status, text = _run("list")
    assert status == 0
    assert [line.split()[0] for line in text.splitlines()] == list(CATALOG_IDS)
    assert "sop       BADAN PUSAT STATISTIK PROVINSI BENGKULU" in text


def test_show_standard_and_sop() -> None:
    status, text = _run("show", "bengkulu-penjualan")
    assert status == 0
    assert "offline: completion: 10 minutes (after_guest_book); one service at most 2 hours" in text
    assert "online: completion: 10 working days (after_request_complete)" in text
    assert "fee: free (PP Nomor 7 tahun 2015; Perban BPS Nomor 2 tahun 2019)" in text
    status, text = _run("show", "sumsel-konsultasi")
    assert "closed by the portal after 3 working days idle" in text
    status, text = _run("show", "bengkulu-sop-produk-berbayar")
    assert status == 0
    assert "  7. [officer] (10 hari kerja) Petugas layanan mengecek" in text
    assert "appointment lead time: '1 jam/hari'" in text


def test_show_unknown_id_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = _run("show", "bengkalis")
    assert status == 2
    assert "did you mean: bengkalis-konsultasi" in capsys.readouterr().err


def test_lint_catalog_has_warnings_only() -> None:
    status, text = _run("lint")
    assert status == 0
    assert text.splitlines()[-1] == "5 documents: 0 errors, 10 warnings"
    assert "bengkalis-konsultasi: decree: PST002 warning:" in text


def test_lint_files_exits_1_on_errors(tmp_path: Path) -> None:
    data = to_data(catalog()["bengkulu-penjualan"])
    data["unit"]["province"] = "Bengkuluu"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    good = tmp_path / "good.json"
    good.write_text(json.dumps(to_data(catalog()["bengkulu-penjualan"])), encoding="utf-8")
    status, text = _run("lint", str(good))
    assert (status, text) == (0, "1 documents: 0 errors, 0 warnings\n")
    status, text = _run("lint", str(good), str(bad))
    assert status == 1
    assert f"{bad}: unit.province: PST012 error: unknown province 'Bengkuluu'" in text


def test_lint_unreadable_file_exits_1(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("type = ", encoding="utf-8")
    status, text = _run("lint", str(broken))
    assert status == 1
    assert text.startswith(f"{broken}: syntax error")


def test_render_by_id_and_by_file(tmp_path: Path) -> None:
    status, text = _run("render", "bangka-selatan-konsultasi")
    assert (status, text) == (0, render_markdown(catalog()["bangka-selatan-konsultasi"]))
    file = tmp_path / "sop.toml"
    file.write_text("", encoding="utf-8")
    from pst_core.standards import dump

    dump(catalog()["bengkulu-sop-produk-berbayar"], file)
    status, text = _run("render", str(file))
    assert (status, text) == (0, render_markdown(catalog()["bengkulu-sop-produk-berbayar"]))


def test_an_action_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["standards"], out=io.StringIO()) == 2
    assert "ACTION" in capsys.readouterr().err
