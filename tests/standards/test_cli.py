"""pst-core standards list | show | lint | render | dump."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from pst_core.cli import main
from pst_core.cli import standards as command
from pst_core.standards import ServiceStandard, catalog, read_document


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(["standards", *argv], out=out)
    return status, out.getvalue()


def test_list() -> None:
    status, text = _run("list")
    assert status == 0
    assert [line.split()[0] for line in text.splitlines()] == list(catalog().ids)
    assert "sop       BADAN PUSAT STATISTIK PROVINSI BENGKULU" in text


def test_show_standard_and_sop() -> None:
    status, text = _run("show", "bengkulu-penjualan")
    assert status == 0
    assert (
        "direct visit: at most 10 minutes, counted from when the guest book is filled in; "
        "one service lasts at most 2 hours"
    ) in text
    assert "online: at most 10 working days, counted from when the request is clear" in text
    assert "Free of charge (PP Nomor 7 tahun 2015; Perban BPS Nomor 2 tahun 2019)" in text
    status, text = _run("show", "sumsel-konsultasi")
    assert "closed by the portal after 3 working days without a response" in text
    status, text = _run("show", "bengkulu-sop-produk-berbayar")
    assert status == 0
    assert "  7. [Service officer] (10 hari kerja) Petugas layanan mengecek" in text
    assert "minimal 1 jam/hari sebelumnya" in text


def test_show_speaks_indonesian_when_asked() -> None:
    args = argparse.Namespace(action="show", document="bengkulu-penjualan", language="id")
    out = io.StringIO()
    assert command.run(args, out) == 0
    assert (
        "kunjungan langsung: maksimal 10 menit, sejak selesai mengisi buku tamu" in out.getvalue()
    )
    # Bengkulu "Penjualan", Waktu Penyelesaian 1: "Lama layanan maksimal 2 jam atau sesuai
    # kebutuhan pengguna"; Pengaduan Layanan: "SMS / Whatsapp : 0851 7447 1700".
    assert "Lama layanan maksimal 2 jam atau sesuai kebutuhan pengguna" in out.getvalue()
    assert "telepon (SMS / Whatsapp): 0851 7447 1700" in out.getvalue()


@pytest.mark.golden
def test_show_says_each_documents_own_clauses() -> None:
    # Bengkalis, Waktu Penyelesaian 2: "setelah permintaan jelas dan persyaratan pelayanan
    # lengkap"; Pengaduan Layanan: "HP/WhatsApp : 0812-9990-1408".
    status, text = _run("show", "bengkalis-konsultasi", "--lang", "id")
    assert status == 0, text
    assert "setelah permintaan jelas dan persyaratan pelayanan lengkap" in text
    assert "persyaratan dilengkapi" not in text
    assert "telepon (HP/WhatsApp): 0812-9990-1408" in text


def test_show_unknown_id_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = _run("show", "bengkalis")
    assert status == 1
    assert "did you mean: bengkalis-konsultasi" in capsys.readouterr().err


def test_lint_catalog_fails_on_its_published_warnings() -> None:
    status, text = _run("lint")
    assert status == 1
    assert text.splitlines()[-1] == "5 documents: 0 errors, 10 warnings, 0 info"
    assert "bengkalis-konsultasi: decree: PST002 warning:" in text
    assert _run("lint", "--fail-on", "warning")[0] == 1
    assert _run("lint", "--fail-on", "info")[0] == 1
    assert _run("lint", "--fail-on", "error")[0] == 0


def test_lint_fail_on_choices(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("lint", "--fail-on", "fatal")[0] == 2
    assert "invalid choice: 'fatal'" in capsys.readouterr().err


def test_lint_files_exits_1_on_errors(tmp_path: Path) -> None:
    standard = catalog().standard("bengkulu-penjualan")
    data = standard.to_data()
    data["office"]["province"] = "Bengkuluu"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    good = tmp_path / "good.json"
    standard.dump(good)
    status, text = _run("lint", str(good))
    assert (status, text) == (0, "1 documents: 0 errors, 0 warnings, 0 info\n")
    status, text = _run("lint", "--fail-on", "error", str(good), str(bad))
    assert status == 1
    assert f"{bad}: office.province: PST012 error: province 'Bengkuluu'" in text


def test_lint_findings_in_indonesian() -> None:
    args = argparse.Namespace(action="lint", files=[], fail_on="error", language="id")
    out = io.StringIO()
    assert command.run(args, out) == 0
    text = out.getvalue()
    assert "bengkalis-konsultasi: decree: PST002 peringatan: nomor SK kosong" in text
    assert text.splitlines()[-1] == "5 dokumen: 0 kesalahan, 10 peringatan, 0 info"


def test_lint_unreadable_file_exits_1_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("type = ", encoding="utf-8")
    status, text = _run("lint", str(broken))
    assert status == 1
    assert text == ""  # no partial verdict: nothing is linted until every file reads
    assert f"{broken}: syntax error" in capsys.readouterr().err


def test_render_by_id_and_by_file(tmp_path: Path) -> None:
    standard = catalog().standard("bangka-selatan-konsultasi")
    status, text = _run("render", "bangka-selatan-konsultasi")
    assert (status, text) == (0, standard.describe("en"))
    file = tmp_path / "sop.toml"
    sop = catalog().sop("bengkulu-sop-produk-berbayar")
    sop.dump(file)
    status, text = _run("render", str(file))
    assert (status, text) == (0, sop.describe("en"))


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_dump_writes_a_catalog_document(suffix: str, tmp_path: Path) -> None:
    file = tmp_path / f"mine{suffix}"
    status, text = _run("dump", "sumsel-konsultasi", str(file))
    assert (status, text) == (0, f"wrote sumsel-konsultasi to {file}\n")
    assert ServiceStandard.load(file) == catalog().standard("sumsel-konsultasi")
    status, _ = _run("dump", "bengkulu-sop-produk-berbayar", str(file))
    assert read_document(file) == catalog().sop("bengkulu-sop-produk-berbayar")


def test_dump_errors_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("dump", "sumsel", str(tmp_path / "x.toml"))[0] == 1
    assert "did you mean: sumsel-konsultasi" in capsys.readouterr().err
    assert _run("dump", "sumsel-konsultasi", str(tmp_path / "x.yaml"))[0] == 1
    assert "a .toml or .json file" in capsys.readouterr().err
    assert _run("dump", "sumsel-konsultasi", str(tmp_path / "absent" / "x.toml"))[0] == 1
    assert "cannot write" in capsys.readouterr().err


@pytest.mark.parametrize("action", ["list", "show", "lint", "render", "dump"])
def test_every_action_has_a_one_line_help(action: str) -> None:
    out = io.StringIO()
    assert main(["standards", action, "--help"], out=out) == 0
    help_text = out.getvalue()
    description = help_text.split("\n\n")[1]
    assert description.strip(), help_text
    assert "\n" not in description.strip(), help_text
    out = io.StringIO()
    main(["standards", "--help"], out=out)
    listing = out.getvalue()
    assert any(
        line.split()[:1] == [action] and len(line.split()) > 1 for line in listing.splitlines()
    )


def test_an_action_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["standards"], out=io.StringIO()) == 2
    assert "ACTION" in capsys.readouterr().err
