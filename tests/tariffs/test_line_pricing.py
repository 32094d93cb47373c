"""Pricing a line: flat items at price x quantity, banded ones band by band at marginal prices."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from pst_core.errors import InvalidValueError
from pst_core.tariffs import Band, PayerCost, TariffItem, price_line
from tests.strategies import regressive_bands, tariff_items
from tests.tariffs.helpers import room


def _reference_amount(item: TariffItem, quantity: int) -> Decimal:
    """Unit by unit: the k-th unit costs the marginal price of the band holding k."""
    if item.price is not None:
        return sum((item.price for _ in range(quantity)), Decimal(0))
    total = Decimal(0)
    for k in range(1, quantity + 1):
        band = next(b for b in item.bands if b.first <= k and (b.last is None or k <= b.last))
        total += band.price
    return total


@given(tariff_items(), st.data())
def test_line_amount_matches_a_unit_by_unit_reference(
    item: TariffItem, data: st.DataObject
) -> None:
    quantity = data.draw(st.integers(min_value=1, max_value=min(room(item), 1500)))
    line = price_line(item, quantity)
    assert line.amount == _reference_amount(item, quantity)
    assert line.amount == line.amount.to_integral_value()
    if item.banded:
        assert sum(c.quantity for c in line.charges) == quantity
        assert sum((c.amount for c in line.charges), Decimal(0)) == line.amount
        assert line.charges[0].first == 1
        assert line.charges[-1].last == quantity
    else:
        assert line.charges == ()
        assert line.unit_price == item.price


@given(tariff_items(), st.data())
def test_amount_is_non_decreasing_in_quantity(item: TariffItem, data: st.DataObject) -> None:
    top = room(item)
    assume(top >= 2)
    small = data.draw(st.integers(min_value=1, max_value=top - 1))
    large = data.draw(st.integers(min_value=small + 1, max_value=top))
    assert price_line(item, small).amount <= price_line(item, large).amount


@given(regressive_bands(), st.data())
def test_average_unit_price_is_non_increasing_under_regressive_bands(
    bands: tuple[Band, ...], data: st.DataObject
) -> None:
    item = TariffItem(code="md", pnbp_type="microdata", unit="record", bands=bands)
    top = room(item)
    assume(top >= 2)
    small = data.draw(st.integers(min_value=1, max_value=top - 1))
    large = data.draw(st.integers(min_value=small + 1, max_value=top))
    # Exact comparison of the averages, no division.
    a, b = price_line(item, small), price_line(item, large)
    assert Fraction(int(a.amount), small) >= Fraction(int(b.amount), large)
    assert a.unit_price >= b.unit_price  # rounding half up keeps the order


def test_average_unit_price_rounds_half_up_per_line() -> None:
    item = TariffItem(
        code="md",
        pnbp_type="microdata",
        unit="record",
        bands=(Band(1, Decimal(3), last=1), Band(2, Decimal(2))),
    )
    line = price_line(item, 2)  # 3 + 2 = 5 over 2 units: 2.5
    assert line.amount == Decimal(5)
    assert line.unit_price == Decimal(3)  # half up, not the banker's 2
    assert Decimal("2.5").quantize(Decimal(1), rounding=ROUND_HALF_EVEN) == Decimal(2)
    # The amount is never recomputed from the rounded unit price.
    assert line.unit_price * line.quantity != line.amount


def test_quantity_past_a_bounded_last_band() -> None:
    item = TariffItem(
        code="md",
        pnbp_type="microdata",
        unit="variable",
        bands=(Band(1, Decimal(10), last=5), Band(6, Decimal(5), last=8)),
    )
    assert price_line(item, 8).amount == Decimal(65)
    with pytest.raises(InvalidValueError, match="at most 8 units"):
        price_line(item, 9)


def test_amounts_past_the_bound_are_refused() -> None:
    item = TariffItem(code="p", pnbp_type="printed_publication", unit="page", price=Decimal(10**9))
    with pytest.raises(InvalidValueError, match="at most 24 digits"):
        price_line(item, 10**15)
    with pytest.raises(InvalidValueError, match="at most 24 digits"):
        price_line(item, 10**30)
    with pytest.raises(InvalidValueError, match="24 digits"):
        PayerCost("shipping", Decimal("1E+999999999"))
    with pytest.raises(InvalidValueError, match="24 digits"):
        Band(1, Decimal(10**24))
