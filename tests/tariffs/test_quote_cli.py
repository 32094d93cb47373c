"""``pst-core quote``: the table, the Rp0 decision, payer costs apart, errors on one line."""

from __future__ import annotations

import argparse
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pst_core import cli
from pst_core.cli.quote import render
from pst_core.tariffs import PayerCost, illustrative_schedule, parse_rupiah, quote

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
    assert "an individual is not one of the five Rp0 parties" in text
    assert "never qualifies" in text
    assert _value(text, "PNBP total") == "Rp1.500"


@pytest.mark.hostile
@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["pubpdf=3"], "unknown product code 'pubpdf'; did you mean: pub-pdf?"),
        (["pub-pdf3"], "PRODUCT=QTY: invalid value 'pub-pdf3'"),
        (["pub-pdf=0"], "pub-pdf: invalid value 0"),
        (["pub-pdf=1", "--shipping", "lots"], "--shipping: invalid value 'lots'"),
        (["pub-pdf=1", "--bank-fee", "6500.5"], "--bank-fee: invalid value '6500.5'"),
        (["pub-pdf=1", "--shipping", "30.5"], "30.000, Rp30.000 or Rp 30.000,-"),
        (["pub-pdf=1", "--shipping", "30,000.50"], "--shipping: invalid value"),
        (["pub-pdf=1", "--shipping", "1.5"], "--shipping: invalid value"),
        (
            ["pub-pdf=1", "--shipping", "-5.000"],
            "--shipping: invalid value '-5.000'; allowed: a whole rupiah amount of 0 or more",
        ),
        (["pub-pdf=1" + "0" * 30], "at most 24 digits"),
        (["pub-pdf=1", "--requester", "individual"], "purpose"),
    ],
)
def test_errors_are_one_line_with_status_1(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _ = _run(*argv)
    assert status == 1
    err = capsys.readouterr().err
    assert err.startswith("pst-core quote: error: ")
    assert message in err
    assert err.count("\n") == 1


def test_no_schedule_in_force(capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    status = cli.main(["quote", "--schedule", EXAMPLE, "--at", "2025-03-17", "pub-pdf=1"], out=out)
    assert status == 1
    assert "no tariff schedule in force on 2025-03-17" in capsys.readouterr().err


def test_bad_date_and_choices_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    assert cli.main(["quote", "--schedule", EXAMPLE, "--at", "17/03/2026", "pub-pdf=1"], out=out)
    assert "--at: invalid value '17/03/2026'; allowed: a date YYYY-MM-DD" in capsys.readouterr().err
    assert cli.main(["quote", "--schedule", EXAMPLE, "--purpose", "fun", "pub-pdf=1"], out=out)


def test_default_date_is_today_and_missing_file_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = io.StringIO()
    # The illustrative schedule is open-ended from 2026-01-01, so today is covered.
    assert cli.main(["quote", "--schedule", EXAMPLE, "pub-pdf=1"], out=out) == 0
    missing = str(tmp_path / "none.toml")
    assert cli.main(["quote", "--schedule", missing, "pub-pdf=1"], out=out) == 1
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


@pytest.mark.parametrize("written", ["30.000", "Rp30.000", "Rp 30.000,-", "30000", "Rp. 30.000,00"])
def test_shipping_typed_the_indonesian_way_is_thirty_thousand(written: str) -> None:
    status, text = _run("pub-pdf=3", "--shipping", written)
    assert status == 0
    section = text[text.index("payer-borne costs") :]
    assert _value(section, "shipping") == "Rp30.000"


@given(st.integers(min_value=0, max_value=10**15))
def test_every_amount_the_cli_prints_reads_back(amount: int) -> None:
    status, text = _run("microdata-record=1234", "--shipping", str(amount))
    assert status == 0
    section = text[text.index("payer-borne costs") :]
    printed = _value(section, "shipping")
    assert parse_rupiah(printed) == amount
    # Fed back to the command line, a printed amount gives the same quote.
    assert _run("microdata-record=1234", "--shipping", printed)[1] == text
    for line in text.splitlines():
        for word in line.split():
            if word.startswith("Rp") and word != "Rp0:":
                parse_rupiah(word)


def test_output_in_indonesian() -> None:
    result = quote(
        {"pub-pdf": 3},
        illustrative_schedule(),
        at=date(2026, 3, 17),
        payer_costs=[PayerCost("shipping", Decimal(30000))],
    )
    text = render(result, "id")
    assert text.startswith("TARIF ILUSTRASI")
    assert "b. publikasi elektronik" in text
    assert "ongkos kirim" in text
    assert _value(text, "total PNBP") == "Rp1.500"
    # The command line passes its --lang through args.language.
    out = io.StringIO()
    args = argparse.Namespace(
        lines=["pub-pdf=3"],
        schedule=[EXAMPLE],
        requester=None,
        purpose=None,
        provided=[],
        at=date(2026, 3, 17),
        shipping="30.000",
        bank_fee=None,
        language="id",
    )
    assert cli.quote.run(args, out) == 0
    assert out.getvalue() == text
