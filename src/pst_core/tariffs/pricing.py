"""Pricing a request: quotes to the rupiah under a schedule, with the Rp0 decision applied.

A quote prices each line (product code and quantity) with the schedule in
force on the quote's date: flat items at ``price × quantity``, banded items
band by band at each band's marginal price. Amounts are exact whole rupiah,
computed with integers (see `pst_core.tariffs.money` for the one rounding rule
and the size bound). The subtotal is the PNBP at tariff; when the requester and
purpose qualify for Rp0 and the documents are in, the PNBP total is Rp0.
Shipping and bank fees are borne by the payer: they are listed apart and never
enter the PNBP total. ``describe(language)`` writes the quote for a person.

Examples:
    >>> from pst_core.tariffs import illustrative_schedule
    >>> schedule = illustrative_schedule()  # ILLUSTRATIVE amounts
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

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Literal

import attrs

from pst_core._display import html_section, html_table, html_text
from pst_core._validation import (
    at_least,
    instance_of,
    non_empty,
    one_of_literal,
    require_day,
    require_unique,
    sequence_of,
    tuple_of,
)
from pst_core.errors import InvalidTypeError, InvalidValueError, Phrase
from pst_core.i18n import Language, check_language, display_language, text
from pst_core.tariffs.money import (
    MAX_DIGITS,
    average_rupiah,
    format_rupiah,
    rupiah,
    whole_rupiah,
)
from pst_core.tariffs.schedule import (
    PNBP_LETTERS,
    PnbpType,
    PricingUnit,
    TariffItem,
    TariffSchedule,
    TariffSchedules,
)
from pst_core.tariffs.zero_rating import (
    Purpose,
    RequesterCategory,
    ZeroRateDecision,
    ZeroRateDocument,
    zero_rate,
)

__all__ = ["BandCharge", "LineItem", "PayerCost", "PayerCostKind", "Quote", "price_line", "quote"]

PayerCostKind = Literal["shipping", "bank_fee", "other"]
"""Costs the payer bears outside the PNBP: shipping, bank fees, anything else named.

Their names for a person are the catalogue's ``tariffs.payer_cost.<kind>`` messages.
"""

_LIMIT = 10**MAX_DIGITS

# The columns of a quote's table of lines (their headings are ``tariffs.quote.<column>``).
_COLUMNS = ("product", "pnbp_type", "quantity", "unit", "unit_price", "amount")


def _count(instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if value >= _LIMIT:
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name}",
            value,
            Phrase("tariffs.error.whole_number_digits", digits=MAX_DIGITS),
        )


@attrs.frozen
class PayerCost:
    """A cost borne by the payer and never part of the PNBP total (shipping, bank fees).

    Attributes:
        kind: ``"shipping"``, ``"bank_fee"`` or ``"other"``.
        amount: Whole rupiah.
        description: Optional words (courier, bank...).

    Examples:
        >>> PayerCost("tax", Decimal(1))
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: PayerCost.kind: invalid value 'tax'; allowed: ...
    """

    kind: PayerCostKind = attrs.field(validator=one_of_literal(PayerCostKind))
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
    """

    first: int = attrs.field(validator=[instance_of(int), at_least(1), _count])
    last: int = attrs.field(validator=[instance_of(int), at_least(1), _count])
    price: Decimal = attrs.field(validator=rupiah)
    quantity: int = attrs.field(validator=[instance_of(int), at_least(1), _count])

    @property
    def amount(self) -> Decimal:
        """``price × quantity`` in whole rupiah, exact (integer arithmetic)."""
        return Decimal(whole_rupiah(self.price) * self.quantity)


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
        >>> from pst_core.tariffs import illustrative_schedule
        >>> line = price_line(illustrative_schedule().item("microdata-record"), 1500)
        >>> line.amount, line.unit_price, [c.quantity for c in line.charges]
        (Decimal('125000'), Decimal('83'), [1000, 500])
    """

    code: str = attrs.field(validator=[instance_of(str), non_empty])
    name: str = attrs.field(validator=instance_of(str))
    pnbp_type: PnbpType = attrs.field(validator=one_of_literal(PnbpType))
    unit: PricingUnit = attrs.field(validator=one_of_literal(PricingUnit))
    quantity: int = attrs.field(validator=[instance_of(int), at_least(1), _count])
    unit_price: Decimal = attrs.field(validator=rupiah)
    amount: Decimal = attrs.field(validator=rupiah)
    charges: tuple[BandCharge, ...] = attrs.field(default=(), validator=tuple_of(BandCharge))


def _quantity(value: object, field: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidTypeError(field, value, Phrase("tariffs.error.whole_units"))
    if not 1 <= value < _LIMIT:
        raise InvalidValueError(field, value, Phrase("tariffs.error.quantity", digits=MAX_DIGITS))
    return value


def _bounded_amount(amount: int, code: str, quantity: int) -> Decimal:
    if amount >= _LIMIT:
        raise InvalidValueError(
            code,
            quantity,
            Phrase("tariffs.error.amount_bound", digits=MAX_DIGITS),
        )
    return Decimal(amount)


def price_line(item: TariffItem, quantity: int) -> LineItem:
    """Price ``quantity`` units of ``item``: flat, or band by band at marginal prices.

    Raises:
        InvalidValueError: quantity below 1, above the last band of a bounded
            schedule, or an amount past the bound of `pst_core.tariffs.money`.

    Examples:
        >>> from pst_core.tariffs.schedule import Band
        >>> item = TariffItem(code="md", pnbp_type="microdata", unit="record",
        ...                   bands=(Band(1, Decimal(10), last=100),))
        >>> price_line(item, 101)
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: md: invalid value 101; allowed: at most 100 ...
    """
    if not isinstance(item, TariffItem):
        raise InvalidTypeError("item", item, TariffItem)
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
        amount = _bounded_amount(whole_rupiah(item.price) * count, item.code, count)
        return LineItem(**common, unit_price=item.price, amount=amount)
    limit = item.max_quantity
    if limit is not None and count > limit:
        raise InvalidValueError(
            item.code,
            count,
            Phrase(
                "tariffs.error.last_band", limit=limit, unit=Phrase(f"tariffs.unit.{item.unit}")
            ),
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
    total = sum(whole_rupiah(charge.price) * charge.quantity for charge in charges)
    return LineItem(
        **common,
        unit_price=average_rupiah(total, count),
        amount=_bounded_amount(total, item.code, count),
        charges=tuple(charges),
    )


def _sum(amounts: Iterable[Decimal]) -> Decimal:
    """Exact at any size: integers, never the decimal context's 28 digits."""
    return Decimal(sum(int(amount) for amount in amounts))


@attrs.frozen(kw_only=True)
class Quote:
    """A priced request: lines, subtotal, the Rp0 decision, and payer-borne costs apart.

    Totals are exact whole rupiah at any size (sums of integers).

    Attributes:
        schedule: The schedule the prices come from (check ``schedule.illustrative``).
        at: The date the quote is for.
        lines: Priced lines, in request order.
        zero_rate: The Rp0 decision, or ``None`` when no requester/purpose was given.
        payer_costs: Shipping, bank fees and the like, borne by the payer.

    Examples:
        >>> from pst_core.tariffs import illustrative_schedule
        >>> q = quote([("wilkerstat-map", 4)], illustrative_schedule(), at=date(2026, 5, 4),
        ...           requester="international_institution", purpose="international_commitment",
        ...           payer_costs=[PayerCost("bank_fee", Decimal(6500))])
        >>> q.subtotal, q.zero_rate_relief, q.pnbp_total, q.payer_costs_total
        (Decimal('100000'), Decimal('0'), Decimal('100000'), Decimal('6500'))
        >>> q.zero_rate.eligible, q.zero_rated  # Rp0 once the documents are in
        (True, False)
        >>> print(q.describe("id"))
        TARIF ILUSTRASI: nominal ini hanya contoh, bukan tarif resmi
        daftar tarif: Illustrative PST tariff schedule (NOT OFFICIAL)
        ...
        produk          jenis PNBP                 jumlah  satuan       harga satuan     nilai
        wilkerstat-map  d. peta digital Wilkerstat      4  lembar peta      Rp25.000  Rp100.000
        subtotal (PNBP sesuai tarif)                                               Rp100.000
        Rp0: memenuhi syarat
        ...
        total PNBP                                                                 Rp100.000
        <BLANKLINE>
        biaya yang ditanggung pemohon (bukan PNBP):
          biaya bank                                                                 Rp6.500
          total biaya pemohon                                                        Rp6.500
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
        """The PNBP at tariff: the sum of the line amounts."""
        return _sum(line.amount for line in self.lines)

    @property
    def zero_rated(self) -> bool:
        """Whether the Rp0 rate applies: requester and purpose eligible *and* documents in.

        An eligible request whose letter, verified account (and, for microdata and
        maps, abstract and data-use agreement) are still missing pays the tariff
        until they are provided (Perban BPS 2/2019).
        """
        return self.zero_rate is not None and self.zero_rate.granted

    @property
    def pnbp_total(self) -> Decimal:
        """The PNBP to pay: Rp0 when zero-rated, else the subtotal. Never includes payer costs."""
        return Decimal(0) if self.zero_rated else self.subtotal

    @property
    def zero_rate_relief(self) -> Decimal:
        """How much the Rp0 rate waives (``subtotal - pnbp_total``)."""
        return self.subtotal if self.zero_rated else Decimal(0)

    @property
    def payer_costs_total(self) -> Decimal:
        """The sum of payer-borne costs, outside the PNBP."""
        return _sum(cost.amount for cost in self.payer_costs)

    def describe(self, language: Language = "en") -> str:
        """The quote for a person: schedule, a table of lines, the Rp0 decision, payer costs apart.

        Every amount is written by `format_rupiah` (``Rp1.500``), which `parse_rupiah`
        reads back; every word comes from the message catalogue in ``language``.
        """
        return _written(self, check_language(language))

    def __repr__(self) -> str:
        return (
            f"Quote(at={self.at.isoformat()}, lines={len(self.lines)}, "
            f"subtotal={self.subtotal!r}, zero_rated={self.zero_rated}, "
            f"pnbp_total={self.pnbp_total!r}, payer_costs_total={self.payer_costs_total!r})"
        )

    def _html(self, language: Language) -> str:
        """The schedule, a table of the lines, the Rp0 decision and the totals."""
        return _html_view(self, check_language(language))

    def to_html(self, language: Language | None = None) -> str:
        """What a notebook shows, as HTML in ``language`` (default: the display language,
        `pst_core.i18n.display_language`, set with ``pst_core.set_option``)."""
        return self._html(display_language() if language is None else check_language(language))

    def _repr_html_(self) -> str:
        return self.to_html()


def _pairs(lines: object) -> tuple[tuple[str, int], ...]:
    pairs: tuple[Any, ...]
    if isinstance(lines, Mapping):
        pairs = tuple(lines.items())
    else:
        pairs = sequence_of(lines, "lines", tuple, label=Phrase("tariffs.error.pair"))
    if not pairs:
        raise InvalidValueError("lines", pairs, Phrase("tariffs.error.at_least_one_line"))
    for index, pair in enumerate(pairs):
        if not (len(pair) == 2 and isinstance(pair[0], str)):
            raise InvalidTypeError(f"lines[{index}]", pair, Phrase("tariffs.error.a_pair"))
    require_unique(pairs, "lines", lambda pair: pair[0], Phrase("tariffs.kind.product_code"))
    return pairs


def quote(
    lines: Mapping[str, int] | Iterable[tuple[str, int]],
    schedule: TariffSchedule | TariffSchedules,
    *,
    at: date,
    requester: RequesterCategory | None = None,
    purpose: Purpose | None = None,
    provided: Iterable[ZeroRateDocument] = (),
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
        InvalidTypeError: an argument of the wrong type.
    """
    day = require_day(at, "at")
    if isinstance(schedule, TariffSchedules):
        book = schedule
    elif isinstance(schedule, TariffSchedule):
        book = TariffSchedules((schedule,))
    else:
        raise InvalidTypeError("schedule", schedule, (TariffSchedule, TariffSchedules))
    pairs = _pairs(lines)
    costs = sequence_of(payer_costs, "payer_costs", PayerCost)
    in_force = book.schedule_at(day)
    priced = tuple(price_line(in_force.item(code), quantity) for code, quantity in pairs)
    if (requester is None) != (purpose is None):
        missing = "purpose" if purpose is None else "requester"
        raise InvalidValueError(missing, None, Phrase("tariffs.error.requester_and_purpose"))
    decision = None
    if requester is not None and purpose is not None:
        decision = zero_rate(
            requester,
            purpose,
            pnbp_types=[line.pnbp_type for line in priced],
            provided=provided,
        )
    return Quote(schedule=in_force, at=day, lines=priced, zero_rate=decision, payer_costs=costs)


def _written(priced: Quote, lang: Language) -> str:
    """The text of `Quote.describe`: a head, a table of lines, the totals, payer costs apart."""

    def say(key: str, **fields: object) -> str:
        return text(f"tariffs.{key}", lang, **fields)

    out = _schedule_head(priced, say, lang)
    rows = _line_rows(priced, say)
    widths = [max(len(row[i]) for row in rows) for i in range(6)]
    total_width = sum(widths) + 2 * 5
    for index, row in enumerate(rows):
        cells = [
            cell.rjust(widths[i]) if i in (2, 4, 5) else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        out.append("  ".join(cells).rstrip())
        if index:
            out += [_band(charge, say) for charge in priced.lines[index - 1].charges]

    def total(label: str, amount: Decimal) -> str:
        written = format_rupiah(amount)
        return label + " " * max(2, total_width - len(label) - len(written)) + written

    out.append(total(say("quote.subtotal"), priced.subtotal))
    if priced.zero_rate is None:
        out.append(say("zero_rate.not_asked"))
    else:
        out.append(priced.zero_rate.describe(lang))
    out.append(total(say("quote.total"), priced.pnbp_total))
    out.append("")
    out.append(say("quote.payer_costs"))
    if not priced.payer_costs:
        out.append(say("quote.no_payer_costs"))
    for cost in priced.payer_costs:
        out.append(total(f"  {_cost_label(cost, say)}", cost.amount))
    if priced.payer_costs:
        out.append(total(say("quote.payer_costs_total"), priced.payer_costs_total))
    return "\n".join(out)


def _schedule_head(priced: Quote, say: Callable[..., str], lang: Language) -> list[str]:
    """The head of `Quote.describe`: the schedule, its legal basis and period, the date."""
    schedule = priced.schedule
    out: list[str] = []
    if schedule.illustrative:
        out.append(say("quote.illustrative"))
    period = schedule.describe_period(lang)
    heads = [(say(f"quote.{k}") + ":") for k in ("schedule", "legal_basis", "in_force", "date")]
    width = max(len(h) for h in heads) + 1
    for head, value in zip(
        heads, (schedule.title, schedule.legal_basis, period, priced.at.isoformat()), strict=True
    ):
        out.append(head.ljust(width) + value)
    out.append("")
    return out


def _line_rows(priced: Quote, say: Callable[..., str]) -> list[tuple[str, ...]]:
    """The cells of `Quote.describe`'s table: its header, then one row per line of the quote."""
    rows = [tuple(say(f"quote.{c}") for c in _COLUMNS)]
    rows += [_line_cells(line, say) for line in priced.lines]
    return rows


def _html_view(priced: Quote, lang: Language) -> str:
    """The notebook view of a quote: its schedule, a table of lines, the Rp0 decision, totals."""

    def say(key: str, **fields: object) -> str:
        return text(f"tariffs.{key}", lang, **fields)

    schedule = priced.schedule
    head = [say("quote.illustrative")] if schedule.illustrative else []
    head += [
        f"{say('quote.schedule')}: {schedule.title}",
        f"{say('quote.legal_basis')}: {schedule.legal_basis}",
        f"{say('quote.in_force')}: {schedule.describe_period(lang)}",
    ]
    rows: list[list[str]] = []
    for line in priced.lines:
        rows.append(list(_line_cells(line, say)))
        rows += [["", _band(charge, say).strip(), "", "", "", ""] for charge in line.charges]
    table = html_table([say(f"quote.{c}") for c in _COLUMNS], rows)
    totals = [f"{say('quote.subtotal')}: {format_rupiah(priced.subtotal)}"]
    if priced.zero_rate is None:
        totals.append(say("zero_rate.not_asked"))
    else:
        totals += [line.strip() for line in priced.zero_rate.describe(lang).splitlines()]
    totals.append(f"{say('quote.total')}: {format_rupiah(priced.pnbp_total)}")
    costs = [say("quote.payer_costs")]
    for cost in priced.payer_costs:
        costs.append(f"{_cost_label(cost, say)}: {format_rupiah(cost.amount)}")
    if priced.payer_costs:
        total = say("quote.payer_costs_total").strip()
        costs.append(f"{total}: {format_rupiah(priced.payer_costs_total)}")
    else:
        costs.append(say("quote.no_payer_costs").strip())
    title = say("display.quote", date=priced.at.isoformat())
    return html_section(title, html_text(head), table, html_text(totals), html_text(costs))


def _line_cells(line: LineItem, say: Callable[..., str]) -> tuple[str, ...]:
    """One line of a quote as table cells: product, PNBP type, quantity, unit, price, amount."""
    price = format_rupiah(line.unit_price)
    return (
        line.code,
        f"{PNBP_LETTERS[line.pnbp_type]}. {say(f'pnbp_type.{line.pnbp_type}')}",
        str(line.quantity),
        say(f"unit.{line.unit}"),
        say("quote.average", price=price) if line.charges else price,
        format_rupiah(line.amount),
    )


def _band(charge: BandCharge, say: Callable[..., str]) -> str:
    """The line of a banded charge: its units, their count, the band's price and the amount."""
    return say(
        "quote.band",
        first=charge.first,
        last=charge.last,
        quantity=charge.quantity,
        price=format_rupiah(charge.price),
        amount=format_rupiah(charge.amount),
    )


def _cost_label(cost: PayerCost, say: Callable[..., str]) -> str:
    """What a payer-borne cost is, with its description when it has one."""
    label = say(f"payer_cost.{cost.kind}")
    return label + (f" ({cost.description})" if cost.description else "")
