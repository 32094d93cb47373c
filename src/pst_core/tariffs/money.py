"""Rupiah amounts: exact whole rupiah, one rounding rule, one written form that reads back.

**Exact at any size.** Every price in a schedule and every payer-borne cost is a
whole, non-negative number of rupiah (a fraction is an error, never rounded
away), and every quantity is a whole number. Line amounts and totals are
computed with Python integers, never in a decimal context, so they are exact
however large they grow. Each single amount (a price, a cost, a line amount)
and each quantity has at most `MAX_DIGITS` (24) digits: that bound, far above
any real tariff, is checked when an amount is built or read, so a file holding
``1E+999999999`` is refused at once instead of hanging a computation.

**The rounding rule.** The only division pst_core makes is the *average* unit
price of a line priced by regressive bands (amount / quantity); that value is
rounded **per line, half up, to whole rupiah** (`round_rupiah`) and is shown
for information only: it never feeds a total.

**Written amounts.** `format_rupiah` writes the Indonesian form (``Rp1.500.000``:
a dot groups thousands) and `parse_rupiah` reads what people type: ``30000``,
``30.000``, ``Rp30.000``, ``Rp 30.000,-``, ``Rp. 30.000,00``. A dot followed by
anything but groups of three digits (``30.5``, ``1.5``) and English forms
(``30,000.50``) are ambiguous and refused. Whatever `format_rupiah` writes,
`parse_rupiah` reads back as the same amount.

Examples:
    >>> parse_rupiah("Rp 30.000,-"), parse_rupiah("30000")
    (Decimal('30000'), Decimal('30000'))
    >>> format_rupiah(Decimal("1500000"))
    'Rp1.500.000'
    >>> parse_rupiah("30.5")
    Traceback (most recent call last):
    ...
    pst_core.errors.InvalidValueError: amount: invalid value '30.5'; allowed: whole rupiah ...
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any

import attrs

from pst_core._validation import field_name, require_ascii_digits, require_short
from pst_core.errors import InvalidTypeError, InvalidValueError, Phrase

__all__ = [
    "ACCEPTED_RUPIAH_FORMS",
    "MAX_DIGITS",
    "ROUNDING",
    "ZERO",
    "average_rupiah",
    "format_rupiah",
    "is_whole_rupiah",
    "parse_rupiah",
    "round_rupiah",
    "rupiah",
    "whole_rupiah",
]

ZERO = Decimal(0)
"""Rp0."""

ROUNDING = ROUND_HALF_UP
"""The rounding mode of `round_rupiah`: halves go away from zero."""

MAX_DIGITS = 24
"""The most digits an amount or a quantity may have (amounts below 10^24 rupiah)."""

_CONTEXT = Context(prec=MAX_DIGITS + 2)

ACCEPTED_RUPIAH_FORMS = Phrase("tariffs.error.rupiah_forms")
"""What `parse_rupiah` accepts, in words (shown in its errors; ``.say(language)`` says it).

Examples:
    >>> print(ACCEPTED_RUPIAH_FORMS.say("id"))
    rupiah bulat yang ditulis 30000, 30.000, Rp30.000 atau Rp 30.000,- (titik ...
"""

_WHOLE_RUPIAH = Phrase("tariffs.error.whole_rupiah", digits=MAX_DIGITS)
_FINITE = Phrase("tariffs.error.finite_amount", digits=MAX_DIGITS)

# ASCII digits only ([0-9], never \d: "３０" is not an amount), anchored by fullmatch.
_RUPIAH = re.compile(
    r"(?P<sign>-?)\s*(?:rp\.?\s*)?"
    r"(?P<digits>[0-9]+|[1-9][0-9]{0,2}(?:\.[0-9]{3})+)"
    r"(?:,-|,00)?",
    re.IGNORECASE,
)


def _whole(amount: object, field: str) -> int:
    """``amount`` as an int if it is a whole ``Decimal`` within the bound."""
    if not isinstance(amount, Decimal):
        raise InvalidTypeError(field, amount, Decimal)
    # Bounded before any arithmetic: Decimal("1E+999999999") would take minutes to expand.
    if not amount.is_finite() or amount.adjusted() >= MAX_DIGITS:
        raise InvalidValueError(field, amount, _FINITE)
    if amount != amount.to_integral_value():
        raise InvalidValueError(field, amount, Phrase("tariffs.error.round_first"))
    return int(amount)


def whole_rupiah(amount: Decimal, field: str = "amount") -> int:
    """``amount`` as an exact ``int`` of rupiah, for integer arithmetic.

    Raises:
        InvalidTypeError: ``amount`` is not a ``Decimal``.
        InvalidValueError: a fraction of a rupiah, or more than `MAX_DIGITS` digits.
    """
    return _whole(amount, field)


def round_rupiah(amount: Decimal) -> Decimal:
    """``amount`` rounded half up to whole rupiah (the one rounding pst_core does).

    Examples:
        >>> [round_rupiah(Decimal(x)) for x in ("2.5", "3.5", "2.49", "-2.5")]
        [Decimal('3'), Decimal('4'), Decimal('2'), Decimal('-3')]
    """
    if not isinstance(amount, Decimal):
        raise InvalidTypeError("amount", amount, Decimal)
    if not amount.is_finite() or amount.adjusted() >= MAX_DIGITS:
        raise InvalidValueError("amount", amount, _FINITE)
    # A local context wide enough for any bounded amount: exact whatever the caller's context.
    return amount.quantize(Decimal(1), rounding=ROUNDING, context=_CONTEXT)


def average_rupiah(amount: int, quantity: int) -> Decimal:
    """``amount / quantity`` rounded half up to whole rupiah, computed exactly with integers.

    Examples:
        >>> average_rupiah(125000, 1500)
        Decimal('83')
    """
    if quantity < 1:
        raise InvalidValueError(
            "quantity", quantity, Phrase("errors.allowed.whole_number_at_least", minimum=1)
        )
    return Decimal((2 * amount + quantity) // (2 * quantity))


def is_whole_rupiah(amount: object) -> bool:
    """Whether ``amount`` is a finite, non-negative ``Decimal`` with no fraction of a rupiah.

    Amounts of more than `MAX_DIGITS` digits are not whole rupiah for pst_core.

    Examples:
        >>> is_whole_rupiah(Decimal("1500")), is_whole_rupiah(Decimal("1500.00"))
        (True, True)
        >>> is_whole_rupiah(Decimal("0.5")), is_whole_rupiah(Decimal("-1")), is_whole_rupiah(1.0)
        (False, False, False)
    """
    return (
        isinstance(amount, Decimal)
        and amount.is_finite()
        and amount.adjusted() < MAX_DIGITS
        and amount >= 0
        and amount == amount.to_integral_value()
    )


def rupiah(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: a whole, non-negative ``Decimal`` number of rupiah within `MAX_DIGITS`.

    Examples:
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
        raise InvalidTypeError(name, value, Decimal)
    if not is_whole_rupiah(value):
        raise InvalidValueError(name, value, _WHOLE_RUPIAH)


def format_rupiah(amount: Decimal | int) -> str:
    """Indonesian style: ``Rp`` and dots between thousands (``Rp1.500.000``).

    Only whole rupiah are written (round a fraction first with `round_rupiah`),
    so that `parse_rupiah` reads every result back as the same amount.

    Examples:
        >>> [format_rupiah(Decimal(x)) for x in ("0", "12500", "-7000")]
        ['Rp0', 'Rp12.500', '-Rp7.000']
    """
    if isinstance(amount, bool) or not isinstance(amount, (Decimal, int)):
        raise InvalidTypeError("amount", amount, Decimal)
    value = _whole(Decimal(amount) if isinstance(amount, int) else amount, "amount")
    digits = str(abs(value))
    groups = []
    while digits:
        groups.append(digits[-3:])
        digits = digits[:-3]
    return ("-" if value < 0 else "") + "Rp" + ".".join(reversed(groups))


def parse_rupiah(text: str, field: str = "amount") -> Decimal:
    """Read an amount typed by a person, in the Indonesian way, exactly.

    Accepted: digits (``30000``), digits with a dot between every group of three
    (``30.000``), either one after ``Rp``/``Rp.`` with or without a space, and
    an optional ``,-`` or ``,00`` ending (``Rp 30.000,-``). Anything else is
    refused rather than guessed: ``30.5``, ``1.5``, ``30,000.50``, ``30,000``. Text
    longer than 200 characters is refused at once, before it is read.

    Raises:
        InvalidTypeError: ``text`` is not a string.
        InvalidValueError: not one of the accepted forms (the message lists
            them), or more than `MAX_DIGITS` digits; the error names ``field``.

    Examples:
        >>> [parse_rupiah(t) for t in ("30.000", "Rp30.000", "rp. 1.500.000,00")]
        [Decimal('30000'), Decimal('30000'), Decimal('1500000')]
        >>> parse_rupiah("30,000.50", "--shipping")
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: --shipping: invalid value '30,000.50'; allowed: ...
    """
    if not isinstance(text, str):
        raise InvalidTypeError(field, text, Phrase("tariffs.error.rupiah_text"))
    require_short(text, field)
    require_ascii_digits(text, field)
    match = _RUPIAH.fullmatch(text.strip())
    if match is None:
        raise InvalidValueError(field, text, ACCEPTED_RUPIAH_FORMS)
    digits = match["digits"].replace(".", "")
    if len(digits.lstrip("0")) > MAX_DIGITS:
        raise InvalidValueError(
            field, text, Phrase("tariffs.error.at_most_digits", digits=MAX_DIGITS)
        )
    value = int(digits)
    return Decimal(-value if match["sign"] else value)
