"""Quotes: what a request costs under a schedule, to the rupiah, with the Rp0 decision applied.

A quote prices each line (product code and quantity) with the schedule in
force on the quote's date: flat items at ``price × quantity``, banded items
band by band at each band's marginal price. Amounts are exact ``Decimal``
values in whole rupiah (see :mod:`pst_core.tariffs.money` for the one rounding
rule). The subtotal is the PNBP at tariff; when the requester and purpose
qualify for Rp0, the PNBP total is Rp0. Shipping and bank fees are borne by the
payer: they are listed apart and never enter the PNBP total.

Examples:
    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from pst_core.tariffs.schedule import load_schedule
    >>> schedule = load_schedule("examples/illustrative_schedule.toml")  # ILLUSTRATIVE amounts
    >>> q = quote({"pub-print": 120, "microdata-record": 1500}, schedule, at=date(2026, 3, 17),
    ...           payer_costs=[PayerCost("shipping", Decimal(25000))])
    >>> [(line.code, line.amount) for line in q.lines]
    [('pub-print', Decimal('120000')), ('microdata-record', Decimal('125000'))]
    >>> q.subtotal, q.pnbp_total, q.payer_costs_total
    (Decimal('245000'), Decimal('245000'), Decimal('25000'))
    >>> request = dict(requester="regional_government", purpose="government_duties")
    >>> pending = quote({"microdata-record": 1500}, schedule, at=date(2026, 3, 17), **request)
    >>> pending.pnbp_total, pending.zero_rated  # eligible, documents not in yet
    (Decimal('125000'), False)
    >>> documents = ["request_letter", "verified_account", "abstract", "data_use_agreement"]
    >>> rp0 = quote({"microdata-record": 1500}, schedule, at=date(2026, 3, 17),
    ...             provided=documents, **request)
    >>> rp0.subtotal, rp0.pnbp_total, rp0.zero_rated
    (Decimal('125000'), Decimal('0'), True)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Literal, get_args

import attrs

from pst_core._validation import at_least, instance_of, non_empty, one_of, tuple_of
from pst_core.errors import InvalidTypeError, InvalidValueError
from pst_core.tariffs.money import ZERO, round_rupiah, rupiah
from pst_core.tariffs.schedule import (
    PnbpType,
    TariffItem,
    TariffSchedule,
    TariffSchedules,
    Unit,
    _as_day,
)
from pst_core.tariffs.zero_rate import (
    Document,
    Purpose,
    RequesterCategory,
    ZeroRateDecision,
    zero_rate,
)

__all__ = ["BandCharge", "LineItem", "PayerCost", "PayerCostKind", "Quote", "price_line", "quote"]

PayerCostKind = Literal["shipping", "bank_fee", "other"]
"""Costs the payer bears outside the PNBP: shipping, bank fees, anything else named."""


@attrs.frozen
class PayerCost:
    """A cost borne by the payer and never part of the PNBP total (shipping, bank fees).

    Attributes:
        kind: ``"shipping"``, ``"bank_fee"`` or ``"other"``.
        amount: Whole rupiah.
        description: Optional words (courier, bank...).

    Examples:
        >>> from decimal import Decimal
        >>> PayerCost("bank_fee", Decimal(6500), "transfer fee").kind
        'bank_fee'
        >>> PayerCost("tax", Decimal(1))
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: PayerCost.kind: invalid value 'tax'; allowed: ...
    """

    kind: PayerCostKind = attrs.field(validator=one_of(get_args(PayerCostKind)))
    amount: Decimal = attrs.field(validator=rupiah)
    description: str = attrs.field(default="", validator=instance_of(str))


@attrs.frozen
class BandCharge:
    """The part of a banded line that falls in one band.

    Attributes:
        first: First unit of the band charged.
        last: Last unit charged in this band (``first + quantity - 1``).
        price: The band's marginal price per unit.
        quantity: Units charged in this band.
        amount: ``price × quantity``, exact.

    Examples:
        >>> from decimal import Decimal
        >>> BandCharge(first=1001, last=1500, price=Decimal(50), quantity=500).amount
        Decimal('25000')
    """

    first: int = attrs.field(validator=[instance_of(int), at_least(1)])
    last: int = attrs.field(validator=[instance_of(int), at_least(1)])
    price: Decimal = attrs.field(validator=rupiah)
    quantity: int = attrs.field(validator=[instance_of(int), at_least(1)])

    @property
    def amount(self) -> Decimal:
        """``price × quantity`` in whole rupiah (exact: both are whole).

        Examples:
            >>> BandCharge(first=1, last=1000, price=Decimal(100), quantity=1000).amount
            Decimal('100000')
        """
        return Decimal(int(self.price) * self.quantity)


@attrs.frozen(kw_only=True)
class LineItem:
    """One priced line of a quote.

    Attributes:
        code: Product code.
        name: Product name from the schedule.
        pnbp_type: PNBP type of PP 7/2015 art. 1.
        unit: What the quantity counts.
        quantity: Units asked for.
        amount: What the line costs at tariff, exact whole rupiah.
        unit_price: For flat items the schedule's price; for banded items the
            average ``amount / quantity`` rounded half up to whole rupiah (shown
            only; the amount is computed band by band, never from this).
        charges: Per-band breakdown of a banded line (empty for flat items).

    Examples:
        >>> from pst_core.tariffs.schedule import load_schedule
        >>> item = load_schedule("examples/illustrative_schedule.toml").item("microdata-record")
        >>> line = price_line(item, 1500)
        >>> line.amount, line.unit_price, [c.quantity for c in line.charges]
        (Decimal('125000'), Decimal('83'), [1000, 500])
    """

    code: str = attrs.field(validator=[instance_of(str), non_empty])
    name: str = attrs.field(validator=instance_of(str))
    pnbp_type: PnbpType = attrs.field(validator=instance_of(PnbpType))
    unit: Unit = attrs.field(validator=instance_of(Unit))
    quantity: int = attrs.field(validator=[instance_of(int), at_least(1)])
    unit_price: Decimal = attrs.field(validator=rupiah)
    amount: Decimal = attrs.field(validator=rupiah)
    charges: tuple[BandCharge, ...] = attrs.field(default=(), validator=tuple_of(BandCharge))


def _quantity(value: object, field: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidTypeError(field, value, "a whole number of units")
    if value < 1:
        raise InvalidValueError(field, value, "a whole number >= 1")
    return value


def price_line(item: TariffItem, quantity: int) -> LineItem:
    """Price ``quantity`` units of ``item``: flat, or band by band at marginal prices.

    Raises:
        InvalidValueError: quantity below 1, or above the last band of a bounded schedule.

    Examples:
        >>> from decimal import Decimal
        >>> from pst_core.tariffs.schedule import Band, TariffItem, PnbpType, Unit
        >>> item = TariffItem(code="md", pnbp_type=PnbpType.MICRODATA, unit=Unit.RECORD,
        ...                   bands=(Band(1, Decimal(10), last=100),))
        >>> price_line(item, 100).amount
        Decimal('1000')
        >>> price_line(item, 101)
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: md: invalid value 101; allowed: at most 100 ...
    """
    count = _quantity(quantity, item.code)
    common: dict[str, Any] = {
        "code": item.code,
        "name": item.name,
        "pnbp_type": item.pnbp_type,
        "unit": item.unit,
        "quantity": count,
    }
    if item.price is not None:
        # Whole rupiah times whole units: integer arithmetic is exact at any size.
        amount = Decimal(int(item.price) * count)
        return LineItem(**common, unit_price=item.price, amount=amount)
    limit = item.max_quantity
    if limit is not None and count > limit:
        raise InvalidValueError(
            item.code, count, f"at most {limit} {item.unit.label}s (the last band ends there)"
        )
    charges: list[BandCharge] = []
    for band in item.bands:
        if band.first > count:
            break
        last = count if band.last is None else min(count, band.last)
        charges.append(
            BandCharge(
                first=band.first, last=last, price=band.price, quantity=last - band.first + 1
            )
        )
    amount = sum((charge.amount for charge in charges), ZERO)
    return LineItem(
        **common,
        unit_price=round_rupiah(amount / count),
        amount=amount,
        charges=tuple(charges),
    )


@attrs.frozen(kw_only=True)
class Quote:
    """A priced request: lines, subtotal, the Rp0 decision, and payer-borne costs apart.

    Attributes:
        schedule: The schedule the prices come from (check ``schedule.illustrative``).
        at: The date the quote is for.
        lines: Priced lines, in request order.
        zero_rate: The Rp0 decision, or ``None`` when no requester/purpose was given.
        payer_costs: Shipping, bank fees and the like, borne by the payer.

    Examples:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from pst_core.tariffs.schedule import load_schedule
        >>> schedule = load_schedule("examples/illustrative_schedule.toml")
        >>> q = quote([("wilkerstat-map", 4)], schedule, at=date(2026, 5, 4),
        ...           requester="international_institution", purpose="international_commitment",
        ...           payer_costs=[PayerCost("bank_fee", Decimal(6500))])
        >>> q.subtotal, q.zero_rate_relief, q.pnbp_total, q.payer_costs_total
        (Decimal('100000'), Decimal('0'), Decimal('100000'), Decimal('6500'))
        >>> [d.value for d in q.zero_rate.missing_documents]
        ['request_letter', 'verified_account', 'abstract', 'data_use_agreement']
        >>> q.zero_rate.eligible, q.zero_rated  # Rp0 once those documents are in
        (True, False)
    """

    schedule: TariffSchedule = attrs.field(validator=instance_of(TariffSchedule))
    at: date = attrs.field(validator=instance_of(date))
    lines: tuple[LineItem, ...] = attrs.field(validator=tuple_of(LineItem))
    zero_rate: ZeroRateDecision | None = attrs.field(
        default=None, validator=attrs.validators.optional(instance_of(ZeroRateDecision))
    )
    payer_costs: tuple[PayerCost, ...] = attrs.field(default=(), validator=tuple_of(PayerCost))

    @property
    def subtotal(self) -> Decimal:
        """The PNBP at tariff: the sum of the line amounts.

        Examples:
            >>> from pst_core.tariffs.schedule import load_schedule
            >>> schedule = load_schedule("examples/illustrative_schedule.toml")  # ILLUSTRATIVE
            >>> q = quote({"pub-print": 3, "wilkerstat-map": 2}, schedule, at=date(2026, 3, 17))
            >>> q.subtotal  # 3 x 1000 + 2 x 25000
            Decimal('53000')
        """
        return sum((line.amount for line in self.lines), ZERO)

    @property
    def zero_rated(self) -> bool:
        """Whether the Rp0 rate applies: requester and purpose eligible *and* documents in.

        An eligible request whose letter, verified account (and, for microdata and
        maps, abstract and data-use agreement) are still missing pays the tariff
        until they are provided (Perban BPS 2/2019).

        Examples:
            >>> from pst_core.tariffs.schedule import load_schedule
            >>> schedule = load_schedule("examples/illustrative_schedule.toml")
            >>> ask = dict(requester="central_government", purpose="government_duties")
            >>> quote({"pub-pdf": 10}, schedule, at=date(2026, 3, 17), **ask).zero_rated
            False
            >>> quote({"pub-pdf": 10}, schedule, at=date(2026, 3, 17), **ask,
            ...       provided=["request_letter", "verified_account"]).zero_rated
            True
        """
        return self.zero_rate is not None and self.zero_rate.granted

    @property
    def pnbp_total(self) -> Decimal:
        """The PNBP to pay: Rp0 when zero-rated, else the subtotal. Never includes payer costs.

        Examples:
            >>> from pst_core.tariffs.schedule import load_schedule
            >>> schedule = load_schedule("examples/illustrative_schedule.toml")  # ILLUSTRATIVE
            >>> q = quote({"pub-pdf": 10}, schedule, at=date(2026, 3, 17),
            ...           payer_costs=[PayerCost("bank_fee", Decimal(6500))])
            >>> q.pnbp_total, q.payer_costs_total
            (Decimal('5000'), Decimal('6500'))
        """
        return ZERO if self.zero_rated else self.subtotal

    @property
    def zero_rate_relief(self) -> Decimal:
        """How much the Rp0 rate waives (``subtotal - pnbp_total``).

        Examples:
            >>> from pst_core.tariffs.schedule import load_schedule
            >>> schedule = load_schedule("examples/illustrative_schedule.toml")  # ILLUSTRATIVE
            >>> q = quote({"pub-print": 20}, schedule, at=date(2026, 3, 17),
            ...           requester="regional_government", purpose="community_empowerment",
            ...           provided=["request_letter", "verified_account"])
            >>> q.subtotal, q.zero_rate_relief, q.pnbp_total
            (Decimal('20000'), Decimal('20000'), Decimal('0'))
        """
        return self.subtotal - self.pnbp_total

    @property
    def payer_costs_total(self) -> Decimal:
        """The sum of payer-borne costs, outside the PNBP.

        Examples:
            >>> from pst_core.tariffs.schedule import load_schedule
            >>> schedule = load_schedule("examples/illustrative_schedule.toml")  # ILLUSTRATIVE
            >>> costs = [PayerCost("shipping", Decimal(25000)),
            ...          PayerCost("bank_fee", Decimal(6500))]
            >>> quote({"pub-print": 5}, schedule, at=date(2026, 3, 17),
            ...       payer_costs=costs).payer_costs_total
            Decimal('31500')
        """
        return sum((cost.amount for cost in self.payer_costs), ZERO)


def _lines(lines: Mapping[str, int] | Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    pairs = tuple(lines.items()) if isinstance(lines, Mapping) else tuple(lines)
    if not pairs:
        raise InvalidValueError("lines", pairs, "at least one product code and quantity")
    seen: set[str] = set()
    for index, pair in enumerate(pairs):
        if not (isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[0], str)):
            raise InvalidTypeError(f"lines[{index}]", pair, "a (product code, quantity) pair")
        if pair[0] in seen:
            raise InvalidValueError(
                f"lines[{index}]", pair[0], "each product code once per quote (add the quantities)"
            )
        seen.add(pair[0])
    return pairs


def quote(
    lines: Mapping[str, int] | Iterable[tuple[str, int]],
    schedule: TariffSchedule | TariffSchedules,
    *,
    at: date,
    requester: RequesterCategory | str | None = None,
    purpose: Purpose | str | None = None,
    provided: Iterable[Document | str] = (),
    payer_costs: Iterable[PayerCost] = (),
) -> Quote:
    """Price a request under the schedule in force on ``at``, applying Rp0 when it qualifies.

    Args:
        lines: Product codes and quantities (a mapping or ``(code, quantity)`` pairs).
        schedule: One schedule (it must be in force on ``at``) or several, of
            which the one in force on ``at`` is used.
        at: The date of the quote (an aware datetime counts by its date).
        requester: The requester's category; give it with ``purpose`` to decide Rp0.
        purpose: The purpose of the request.
        provided: Documents already handed in for a Rp0 request.
        payer_costs: Shipping, bank fees...: listed apart, never in the PNBP total.

    Raises:
        NoScheduleInForceError: no schedule is in force on ``at``.
        UnknownNameError: a product code not in the schedule (with suggestions).
        InvalidValueError: no lines, a repeated code, a quantity below 1 or past
            the last band, or only one of requester and purpose.

    Examples:
        >>> from datetime import date
        >>> from pst_core.tariffs.schedule import load_schedule
        >>> schedule = load_schedule("examples/illustrative_schedule.toml")
        >>> quote({"pub-print": 10}, schedule, at=date(2025, 6, 1))
        Traceback (most recent call last):
        ...
        pst_core.errors.NoScheduleInForceError: no tariff schedule in force on 2025-06-01; ...
    """
    day = _as_day(at, "at")
    book = schedule if isinstance(schedule, TariffSchedules) else TariffSchedules((schedule,))
    in_force = book.schedule_at(day)
    priced = tuple(price_line(in_force.item(code), quantity) for code, quantity in _lines(lines))
    if (requester is None) != (purpose is None):
        missing = "purpose" if purpose is None else "requester"
        raise InvalidValueError(
            missing, None, "both requester and purpose to decide Rp0, or neither"
        )
    decision = None
    if requester is not None and purpose is not None:
        decision = zero_rate(
            requester,
            purpose,
            pnbp_types=[line.pnbp_type for line in priced],
            provided=provided,
        )
    return Quote(
        schedule=in_force,
        at=day,
        lines=priced,
        zero_rate=decision,
        payer_costs=tuple(payer_costs),
    )
