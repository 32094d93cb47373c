"""``pst-core quote``: the table, the Rp0 decision, payer costs apart, errors on one line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from pst_core import cli

EXAMPLE = str(Path(__file__).parent.parent.parent / "examples" / "illustrative_schedule.toml")


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = cli.main(["quote", "--schedule", EXAMPLE, "--at", "2026-03-17", *argv], out=out)
    return status, out.getvalue()


def _value(text: str, label: str) -> str:
    line = next(line for line in text.splitlines() if line.strip().startswith(label))
    return line.split()[-1]


def test_quote_table_with_payer_costs_apart() -> None:
    status, text = _run(
        "pub-print=120",
        "microdata-record=12345",
        "wilkerstat-map=3",
        "--shipping",
        "30000",
        "--bank-fee",
        "6500",
    )
    assert status == 0
    lines = text.splitlines()
    assert lines[0].startswith("ILLUSTRATIVE SCHEDULE")
    assert "legal basis: ILLUSTRATIVE" in text
    row = next(line for line in lines if line.startswith("microdata-record"))
    assert row.split()[-3:] == ["avg", "Rp46", "Rp573.450"]
    assert "    band 1001-10000: 9000 x Rp50 = Rp450.000" in lines
    assert _value(text, "subtotal (PNBP at tariff)") == "Rp768.450"
    assert _value(text, "PNBP total") == "Rp768.450"
    assert "Rp0: not asked" in text
    # Payer-borne costs come after the PNBP total, in their own section.
    section = text[text.index("payer-borne costs") :]
    assert _value(section, "shipping") == "Rp30.000"
    assert _value(section, "bank fee") == "Rp6.500"
    assert _value(section, "total payer-borne") == "Rp36.500"
    assert text.index("PNBP total") < text.index("payer-borne costs")


def test_rp0_eligible_lists_reasons_and_missing_documents() -> None:
    status, text = _run(
        "microdata-variable=12",
        "--requester",
        "domestic_educational_institution",
        "--purpose",
        "research",
        "--provided",
        "request_letter",
        "--bank-fee",
        "6500",
    )
    assert status == 0
    assert "Rp0: eligible" in text
    assert "  - requester: a domestic educational institution" in text
    assert "the tariff applies until these documents are provided:" in text
    assert "the SPPD (data-use agreement)" in text
    assert "formal request letter" not in text
    assert _value(text, "subtotal (PNBP at tariff)") == "Rp210.000"
    assert _value(text, "PNBP total") == "Rp210.000"  # eligible, but not granted yet
    assert _value(text, "total payer-borne") == "Rp6.500"


def test_rp0_with_all_documents() -> None:
    status, text = _run(
        "pub-pdf=3",
        "--requester",
        "central_government",
        "--purpose",
        "government_duties",
        "--provided",
        "request_letter",
        "--provided",
        "verified_account",
    )
    assert status == 0
    assert "all required documents provided" in text
    assert "  none given" in text


def test_refusal_says_why() -> None:
    status, text = _run("pub-pdf=3", "--requester", "individual", "--purpose", "commercial")
    assert status == 0
    assert "Rp0: not eligible" in text
    assert "individual (perorangan) is not one of the five Rp0 parties" in text
    assert "never qualifies" in text
    assert _value(text, "PNBP total") == "Rp1.500"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["pubpdf=3"], "unknown product code 'pubpdf'; did you mean: pub-pdf?"),
        (["pub-pdf3"], "PRODUCT=QTY: invalid value 'pub-pdf3'"),
        (["pub-pdf=0"], "pub-pdf: invalid value 0"),
        (["pub-pdf=1", "--shipping", "lots"], "--shipping: invalid value 'lots'"),
        (["pub-pdf=1", "--bank-fee", "6500.5"], "PayerCost.amount"),
        (["pub-pdf=1", "--requester", "individual"], "purpose"),
    ],
)
def test_errors_are_one_line_with_status_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _ = _run(*argv)
    assert status == 2
    err = capsys.readouterr().err
    assert err.startswith("pst-core quote: error: ")
    assert message in err
    assert err.count("\n") == 1


def test_no_schedule_in_force(capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    status = cli.main(["quote", "--schedule", EXAMPLE, "--at", "2025-03-17", "pub-pdf=1"], out=out)
    assert status == 2
    assert "no tariff schedule in force on 2025-03-17" in capsys.readouterr().err


def test_bad_date_and_choices_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    assert cli.main(["quote", "--schedule", EXAMPLE, "--at", "17/03/2026", "pub-pdf=1"], out=out)
    assert "not a date" in capsys.readouterr().err
    assert cli.main(["quote", "--schedule", EXAMPLE, "--purpose", "fun", "pub-pdf=1"], out=out)


def test_default_date_is_today_and_missing_file_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = io.StringIO()
    # The illustrative schedule is open-ended from 2026-01-01, so today is covered.
    assert cli.main(["quote", "--schedule", EXAMPLE, "pub-pdf=1"], out=out) == 0
    missing = str(tmp_path / "none.toml")
    assert cli.main(["quote", "--schedule", missing, "pub-pdf=1"], out=out) == 2
    assert "cannot read" in capsys.readouterr().err


def test_a_schedule_not_marked_illustrative_has_no_warning(tmp_path: Path) -> None:
    fixture = tmp_path / "fixture.toml"
    fixture.write_text(
        'title = "Test fixture"\n'
        'legal_basis = "test fixture for pst_core, not an official tariff"\n'
        "effective_from = 2026-01-01\n"
        "effective_until = 2026-12-31\n"
        '[[items]]\ncode = "x"\npnbp_type = "training"\nunit = "person"\nprice = 7\n',
        encoding="utf-8",
    )
    out = io.StringIO()
    assert (
        cli.main(["quote", "--schedule", str(fixture), "--at", "2026-06-01", "x=3"], out=out) == 0
    )
    text = out.getvalue()
    assert "ILLUSTRATIVE" not in text
    assert text.startswith("schedule:    Test fixture\n")
    assert "in force:    2026-01-01 to 2026-12-31" in text
    row = next(line for line in text.splitlines() if line.startswith("x "))
    assert row.split() == ["x", "f.", "training", "3", "person", "Rp7", "Rp21"]
    assert _value(text, "PNBP total") == "Rp21"
