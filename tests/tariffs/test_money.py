"""Rupiah helpers: the one rounding rule, whole-rupiah checks, Indonesian formatting."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pst_core.errors import InvalidTypeError, InvalidValueError, PstError
from pst_core.tariffs.money import (
    ACCEPTED_RUPIAH_FORMS,
    MAX_DIGITS,
    format_rupiah,
    is_whole_rupiah,
    parse_rupiah,
    round_rupiah,
)


@pytest.mark.parametrize(
    ("amount", "rounded"),
    [("0.5", "1"), ("1.5", "2"), ("2.5", "3"), ("2.4999", "2"), ("-2.5", "-3"), ("7", "7")],
)
def test_round_half_up(amount: str, rounded: str) -> None:
    assert round_rupiah(Decimal(amount)) == Decimal(rounded)


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=3))
def test_rounding_is_within_half_a_rupiah(amount: Decimal) -> None:
    rounded = round_rupiah(amount)
    assert rounded == rounded.to_integral_value()
    assert abs(rounded - amount) <= Decimal("0.5")
    if abs(rounded - amount) == Decimal("0.5"):
        assert abs(rounded) > abs(amount)  # halves go away from zero


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        ("0", "Rp0"),
        ("999", "Rp999"),
        ("1000", "Rp1.000"),
        ("1500000", "Rp1.500.000"),
        ("1E+3", "Rp1.000"),
        ("-12500", "-Rp12.500"),
    ],
)
def test_format_rupiah(amount: str, text: str) -> None:
    assert format_rupiah(Decimal(amount)) == text


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("30.000", 30000),
        ("Rp30.000", 30000),
        ("Rp 30.000,-", 30000),
        ("Rp. 30.000,00", 30000),
        ("rp30.000", 30000),
        ("30000", 30000),
        ("0", 0),
        ("Rp0", 0),
        ("1.500.000", 1500000),
        ("999", 999),
        (" 30.000 ", 30000),
        ("-Rp7.000", -7000),
    ],
)
def test_parse_rupiah_reads_the_indonesian_forms(written: str, amount: int) -> None:
    assert parse_rupiah(written) == Decimal(amount)


@pytest.mark.hostile
@pytest.mark.parametrize(
    "written",
    [
        "30.5",
        "1.5",
        "30,000.50",
        "30,000",
        "30.00",
        "1.5000",
        "0.500",
        "30.000.5",
        "Rp",
        "",
        "30 000",
        "３０",  # full-width digits
        "٣٠",  # Arabic-Indic digits
        "1E+3",
        "1_000",
        "30.000,5",
        "NaN",
        "1" * (MAX_DIGITS + 1),
    ],
)
def test_parse_rupiah_refuses_the_ambiguous(written: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        parse_rupiah(written, "--shipping")
    assert info.value.field == "--shipping"
    assert isinstance(info.value, ValueError)
    if not written.isascii():  # other digits: the one message of every reader of numbers
        assert "0-9" in str(info.value)
    elif len(written) <= MAX_DIGITS:
        assert ACCEPTED_RUPIAH_FORMS.say("en") in str(info.value)
        assert ACCEPTED_RUPIAH_FORMS.say("id") in info.value.describe("id")


def test_parse_rupiah_refuses_non_text() -> None:
    with pytest.raises(InvalidTypeError):
        parse_rupiah(30000)  # type: ignore[arg-type]


@given(st.integers(min_value=-(10**MAX_DIGITS) + 1, max_value=10**MAX_DIGITS - 1))
def test_what_format_rupiah_writes_parse_rupiah_reads_back(amount: int) -> None:
    written = format_rupiah(Decimal(amount))
    assert parse_rupiah(written) == amount
    assert format_rupiah(amount) == written


@pytest.mark.hostile
@given(st.text(max_size=20))
def test_parse_rupiah_accepts_or_refuses_with_a_pst_error(written: str) -> None:
    try:
        amount = parse_rupiah(written)
    except PstError:
        return
    assert amount == amount.to_integral_value()
    assert format_rupiah(amount).replace(".", "").lstrip("-Rp") == str(abs(int(amount)))


def test_format_rupiah_writes_whole_rupiah_only() -> None:
    with pytest.raises(InvalidValueError, match="round it first"):
        format_rupiah(Decimal("2.5"))
    with pytest.raises(InvalidValueError, match="24 digits"):
        format_rupiah(Decimal("1E+999999999"))
    with pytest.raises(InvalidValueError):
        round_rupiah(Decimal("NaN"))
    assert round_rupiah(Decimal("1E-999999999")) == 0


def test_whole_rupiah() -> None:
    assert is_whole_rupiah(Decimal("1E+3"))
    assert not is_whole_rupiah(Decimal("NaN"))
    assert not is_whole_rupiah(Decimal("Infinity"))
    assert not is_whole_rupiah(1000)
    assert not is_whole_rupiah(Decimal(10**MAX_DIGITS))
    assert is_whole_rupiah(Decimal(10**MAX_DIGITS - 1))


def test_floats_are_refused() -> None:
    with pytest.raises(InvalidTypeError):
        round_rupiah(2.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        format_rupiah(1000.0)  # type: ignore[arg-type]


def test_importing_tariffs_does_not_import_holidays() -> None:
    code = "import sys, pst_core.tariffs; print('holidays' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
