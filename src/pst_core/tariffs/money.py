"""Rupiah amounts: exact ``Decimal`` values in whole rupiah, one rounding rule, one format.

**The rounding rule.** Every price in a schedule and every payer-borne cost is a
whole, non-negative number of rupiah (a fraction is an error, never rounded
away), and every quantity is a whole number, so line amounts and totals are
exact without any rounding. The only division pst_core makes is the *average*
unit price of a line priced by regressive bands (amount / quantity); that value
is rounded **per line, half up (``ROUND_HALF_UP``), to whole rupiah** by
:func:`round_rupiah`, and is shown for information only: it never feeds a total.

Examples:
    >>> from decimal import Decimal
    >>> round_rupiah(Decimal("1250.5"))
    Decimal('1251')
    >>> format_rupiah(Decimal("1500000"))
    'Rp1.500.000'
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import attrs

from pst_core._validation import field_name
from pst_core.errors import InvalidTypeError, InvalidValueError

__all__ = ["ROUNDING", "ZERO", "format_rupiah", "is_whole_rupiah", "round_rupiah", "rupiah"]

ROUNDING = ROUND_HALF_UP
"""The rounding mode of :func:`round_rupiah`: halves go away from zero."""

ZERO = Decimal(0)
"""Rp0."""

_WHOLE_RUPIAH = "a whole, non-negative number of rupiah as an int or decimal string, e.g. 15000"


def round_rupiah(amount: Decimal) -> Decimal:
    """``amount`` rounded half up to whole rupiah (the one rounding pst_core does).

    Examples:
        >>> from decimal import Decimal
        >>> [round_rupiah(Decimal(x)) for x in ("2.5", "3.5", "2.49")]
        [Decimal('3'), Decimal('4'), Decimal('2')]
    """
    if not isinstance(amount, Decimal):
        raise InvalidTypeError("amount", amount, "Decimal")
    return amount.quantize(Decimal(1), rounding=ROUNDING)


def is_whole_rupiah(amount: object) -> bool:
    """Whether ``amount`` is a finite, non-negative ``Decimal`` with no fraction of a rupiah.

    Examples:
        >>> from decimal import Decimal
        >>> is_whole_rupiah(Decimal("1500")), is_whole_rupiah(Decimal("1500.00"))
        (True, True)
        >>> is_whole_rupiah(Decimal("0.5")), is_whole_rupiah(Decimal("-1")), is_whole_rupiah(1.0)
        (False, False, False)
    """
    return (
        isinstance(amount, Decimal)
        and amount.is_finite()
        and amount >= 0
        and amount == amount.to_integral_value()
    )


def rupiah(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: a whole, non-negative ``Decimal`` number of rupiah.

    Examples:
        >>> import attrs
        >>> from decimal import Decimal
        >>> @attrs.frozen
        ... class Fee:
        ...     amount: Decimal = attrs.field(validator=rupiah)
        >>> Fee(Decimal("-500"))
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: Fee.amount: invalid value Decimal('-500'); allowed: ...
    """
    name = field_name(instance, attribute)
    if not isinstance(value, Decimal):
        # Floats are refused: money must be exact.
        raise InvalidTypeError(name, value, "Decimal")
    if not is_whole_rupiah(value):
        raise InvalidValueError(name, value, _WHOLE_RUPIAH)


def format_rupiah(amount: Decimal) -> str:
    """Indonesian style: ``Rp`` and dots between thousands (``Rp1.500.000``).

    Fractions are shown after a comma, as Indonesian writes them; whole amounts
    have none.

    Examples:
        >>> from decimal import Decimal
        >>> [format_rupiah(Decimal(x)) for x in ("0", "12500", "2.5")]
        ['Rp0', 'Rp12.500', 'Rp2,5']
    """
    if not isinstance(amount, Decimal):
        raise InvalidTypeError("amount", amount, "Decimal")
    sign = "-" if amount < 0 else ""
    whole, _, fraction = f"{abs(amount):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    fraction = fraction.rstrip("0")
    return f"{sign}Rp{grouped}" + (f",{fraction}" if fraction else "")
