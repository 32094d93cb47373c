"""Rupiah helpers: the one rounding rule, whole-rupiah checks, Indonesian formatting."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pst_core.errors import InvalidTypeError
from pst_core.tariffs.money import format_rupiah, is_whole_rupiah, round_rupiah


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
        ("2.50", "Rp2,5"),
        ("-12500", "-Rp12.500"),
    ],
)
def test_format_rupiah(amount: str, text: str) -> None:
    assert format_rupiah(Decimal(amount)) == text


def test_whole_rupiah() -> None:
    assert is_whole_rupiah(Decimal("1E+3"))
    assert not is_whole_rupiah(Decimal("NaN"))
    assert not is_whole_rupiah(Decimal("Infinity"))
    assert not is_whole_rupiah(1000)


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
