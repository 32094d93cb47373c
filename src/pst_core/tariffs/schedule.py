"""Tariff schedules as data: PNBP types, pricing units, flat prices and regressive bands.

BPS prices its paid products under PP 7/2015, whose appendix sets the rupiah
amounts. Those amounts are **not shipped with pst_core**: a schedule is data
that the user supplies, with its legal basis and the dates it is in force, in a
TOML (or JSON) file read with `TariffSchedule.load`. pst_core ships the
structure and the rules that make a schedule well formed:

* every item has a product ``code``, one of the PNBP types of PP 7/2015 art. 1
  (`PnbpType`, letters a–h in `PNBP_LETTERS`) and a `PricingUnit`;
* an item is priced either flat (``price`` per unit) or by **regressive bands**
  (`Band`, a marginal price per unit inside each band), as microdata is;
* prices are whole, non-negative rupiah (``Decimal`` in Python, never floats;
  an integer or an Indonesian amount such as ``"25.000"`` in a file);
* bands start at 1, are contiguous, only the last may be open-ended, and their
  marginal prices never increase;
* two schedules in a `TariffSchedules` may not be in force on the same day.

`illustrative_schedule` returns the schedule used throughout the
documentation; its amounts are invented and it says so.

Examples:
    >>> schedule = TariffSchedule(
    ...     title="Example schedule (ILLUSTRATIVE, not official amounts)",
    ...     legal_basis="ILLUSTRATIVE — not the PP 7/2015 appendix",
    ...     illustrative=True,
    ...     effective_from=date(2026, 1, 1),
    ...     items=(
    ...         TariffItem(code="pub-print", pnbp_type="printed_publication",
    ...                    unit="page", price=Decimal(100)),
    ...         TariffItem(code="microdata", pnbp_type="microdata", unit="record",
    ...                    bands=(Band(1, Decimal(10), last=1000), Band(1001, Decimal(5)))),
    ...     ),
    ... )
    >>> PNBP_LETTERS[schedule.item("microdata").pnbp_type]
    'c'
    >>> schedule.in_force(date(2025, 12, 31))
    False
    >>> TariffSchedule.loads(schedule.dumps("toml"), format="toml") == schedule
    True
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from types import MappingProxyType
from typing import Any, Literal

import attrs
from cattrs.errors import BaseValidationError

from pst_core._io import DataModel, file_error, make_converter, parse_text
from pst_core._resources import package_text
from pst_core._validation import (
    at_least,
    field_name,
    instance_of,
    literal_values,
    one_line_text,
    one_of_literal,
    people_text,
    require_day,
    tuple_of,
    unique_by,
)
from pst_core.errors import (
    InvalidTypeError,
    InvalidValueError,
    NoScheduleInForceError,
    Phrase,
    PstError,
    UnknownNameError,
    show_value,
)
from pst_core.i18n import Language, check_language
from pst_core.tariffs.money import MAX_DIGITS, parse_rupiah, rupiah

__all__ = [
    "PAYER_BEARS_SHIPPING_AND_BANK_FEES",
    "PNBP_LETTERS",
    "PNBP_TYPES_BY_LETTER",
    "Band",
    "PnbpType",
    "PricingUnit",
    "TariffItem",
    "TariffSchedule",
    "TariffSchedules",
    "illustrative_schedule",
]

PnbpType = Literal[
    "printed_publication",
    "electronic_publication",
    "microdata",
    "wilkerstat_map",
    "stis_education",
    "training",
    "facility_use",
    "cooperation_contract",
]
"""The types of PNBP (non-tax state revenue) at BPS, PP 7/2015 art. 1, in the order a–h.

Their names for a person are the catalogue's ``tariffs.pnbp_type.<type>`` messages.

Examples:
    >>> import typing
    >>> from pst_core.i18n import text
    >>> typing.get_args(PnbpType)[2], text("tariffs.pnbp_type.microdata", "id")
    ('microdata', 'data mikro')
"""

PNBP_LETTERS: Mapping[PnbpType, str] = MappingProxyType(
    dict(zip(literal_values(PnbpType), "abcdefgh", strict=True))
)
"""The letter of each PNBP type in PP 7/2015 art. 1 (read-only).

Examples:
    >>> PNBP_LETTERS["microdata"], PNBP_LETTERS["cooperation_contract"]
    ('c', 'h')
"""

PNBP_TYPES_BY_LETTER: Mapping[str, PnbpType] = MappingProxyType(
    {letter: kind for kind, letter in PNBP_LETTERS.items()}
)
"""The PNBP type of each letter ``"a"`` to ``"h"`` of PP 7/2015 art. 1 (read-only).

Examples:
    >>> PNBP_TYPES_BY_LETTER["d"]
    'wilkerstat_map'
"""

PAYER_BEARS_SHIPPING_AND_BANK_FEES: Mapping[PnbpType, bool] = MappingProxyType(
    {kind: letter in "abcd" for kind, letter in PNBP_LETTERS.items()}
)
"""Per PNBP type, whether shipping and bank fees are outside its tariff (types a–d, read-only).

Examples:
    >>> [PNBP_LETTERS[t] for t, bears in PAYER_BEARS_SHIPPING_AND_BANK_FEES.items() if bears]
    ['a', 'b', 'c', 'd']
"""

PricingUnit = Literal[
    "page",
    "title",
    "file",
    "map_sheet",
    "record",
    "variable",
    "region",
    "dataset",
    "person",
    "day",
    "hour",
]
"""What one unit of a tariff item is: the thing a quantity counts.

Its name for a person is the catalogue's ``tariffs.unit.<unit>`` message.

Examples:
    >>> from pst_core.i18n import text
    >>> text("tariffs.unit.map_sheet", "en"), text("tariffs.unit.map_sheet", "id")
    ('map sheet', 'lembar peta')
"""

_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]*")
_CODE_ALLOWED = Phrase("tariffs.error.product_code_rule")


def _product_code(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not _CODE.fullmatch(value):
        raise InvalidValueError(field_name(instance, attribute), value, _CODE_ALLOWED)


def _bounded(instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if value >= 10**MAX_DIGITS:
        raise InvalidValueError(
            field_name(instance, attribute),
            value,
            Phrase("tariffs.error.unit_number_digits", digits=MAX_DIGITS),
        )


@attrs.frozen
class Band:
    """One band of a regressive tariff: units ``first`` to ``last`` cost ``price`` each.

    The price is *marginal*: a quantity of 1500 under bands 1–1000 at Rp10 and
    1001– at Rp5 costs 1000 × 10 + 500 × 5.

    Attributes:
        first: The first unit of the band (1 for the first band).
        price: Marginal price per unit inside the band, whole rupiah.
        last: The last unit of the band, or ``None`` for an open-ended last band.

    Examples:
        >>> Band(1, Decimal(10), last=1000).size
        1000
        >>> Band(1001, Decimal(5)).size is None
        True
        >>> Band(10, Decimal(5), last=9)
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: Band.last: invalid value 9; allowed: ...
    """

    first: int = attrs.field(validator=[instance_of(int), at_least(1), _bounded])
    price: Decimal = attrs.field(validator=rupiah)
    last: int | None = attrs.field(
        default=None, validator=attrs.validators.optional([instance_of(int), _bounded])
    )

    @last.validator
    def _last_not_before_first(self, attribute: attrs.Attribute[Any], value: int | None) -> None:
        if value is not None and value < self.first:
            raise InvalidValueError(
                field_name(self, attribute),
                value,
                Phrase("tariffs.error.unit_number_after_first", first=self.first),
            )

    @property
    def size(self) -> int | None:
        """How many units the band holds (``None`` when open-ended)."""
        return None if self.last is None else self.last - self.first + 1


def _check_bands(bands: tuple[Band, ...], field: str) -> None:
    previous: Band | None = None
    for index, band in enumerate(bands):
        where = f"bands[{index}]"
        expected = 1 if previous is None else (previous.last or 0) + 1
        if previous is not None and previous.last is None:
            raise InvalidValueError(
                field,
                bands,
                Phrase("tariffs.error.only_last_open", index=index - 1),
                problem=Phrase("tariffs.error.bands_after_open"),
            )
        if band.first != expected:
            raise InvalidValueError(
                field,
                bands,
                Phrase(
                    "tariffs.error.contiguous", where=where, expected=expected, first=band.first
                ),
                problem=Phrase("tariffs.error.bands_not_contiguous"),
            )
        if previous is not None and band.price > previous.price:
            raise InvalidValueError(
                field,
                bands,
                Phrase(
                    "tariffs.error.regressive",
                    where=where,
                    price=band.price,
                    previous=previous.price,
                ),
                problem=Phrase("tariffs.error.bands_not_regressive"),
            )
        previous = band


@attrs.frozen(kw_only=True)
class TariffItem:
    """One product of a schedule: a code, its PNBP type, its unit and its price.

    Exactly one of ``price`` (flat, per unit) and ``bands`` (regressive) is given.
    Type h (services under a cooperation contract) is not a schedule item: its
    tariff is the value of each contract.

    Attributes:
        code: The product code used in quotes and on the command line.
        pnbp_type: The PNBP type of PP 7/2015 art. 1.
        unit: What a quantity of this item counts.
        name: A human name for the product.
        price: Flat price per unit, whole rupiah.
        bands: Regressive bands with marginal prices, whole rupiah.

    Examples:
        >>> TariffItem(code="pub", pnbp_type="printed_publication", unit="page",
        ...            price=Decimal("150.5"))
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: TariffItem.price: invalid value Decimal('150.5'); ...
    """

    code: str = attrs.field(validator=[instance_of(str), _product_code])
    pnbp_type: PnbpType = attrs.field(validator=one_of_literal(PnbpType))
    unit: PricingUnit = attrs.field(validator=one_of_literal(PricingUnit))
    name: str = attrs.field(default="", validator=people_text)
    price: Decimal | None = attrs.field(default=None, validator=attrs.validators.optional(rupiah))
    bands: tuple[Band, ...] = attrs.field(default=(), validator=tuple_of(Band))

    @pnbp_type.validator
    def _not_a_contract(self, attribute: attrs.Attribute[Any], value: PnbpType) -> None:
        if value == "cooperation_contract":
            raise InvalidValueError(
                field_name(self, attribute),
                value,
                Phrase("tariffs.error.not_a_contract"),
            )

    @bands.validator
    def _one_pricing(self, attribute: attrs.Attribute[Any], value: tuple[Band, ...]) -> None:
        name = field_name(self, attribute)
        if (self.price is None) == (not value):
            raise InvalidValueError(
                name,
                value,
                Phrase("tariffs.error.one_pricing"),
                problem=Phrase("tariffs.error.price_or_bands"),
            )
        _check_bands(value, name)

    @property
    def banded(self) -> bool:
        """Whether the item is priced by regressive bands."""
        return bool(self.bands)

    @property
    def max_quantity(self) -> int | None:
        """The largest quantity the item can be quoted for (``None``: no limit).

        Examples:
            >>> bounded = TariffItem(code="md", pnbp_type="microdata", unit="record",
            ...                      bands=(Band(1, Decimal(10), last=500),))
            >>> bounded.max_quantity
            500
        """
        return self.bands[-1].last if self.bands else None


def _at_least_one(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]
) -> None:
    if not value:
        raise InvalidValueError(
            field_name(instance, attribute), value, Phrase("errors.allowed.at_least_one_item")
        )


def _plain_day(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, datetime):
        raise InvalidTypeError(
            field_name(instance, attribute), value, Phrase("tariffs.error.date_not_datetime")
        )


def _structure_price(value: object, _: object) -> Decimal:
    """A price in a file: an integer, or an amount written the Indonesian way ("25.000")."""
    if isinstance(value, str):
        return parse_rupiah(value, "price")
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError("price", value, Phrase("tariffs.error.price_type"))
    if not 0 <= value < 10**MAX_DIGITS:
        raise InvalidValueError(
            "price", value, Phrase("tariffs.error.price_value", digits=MAX_DIGITS)
        )
    return Decimal(value)


def _converter() -> Any:
    converter = make_converter()
    converter.register_structure_hook(Decimal, _structure_price)
    converter.register_unstructure_hook(Decimal, int)  # whole rupiah: written as integers
    return converter


_CONVERTER = _converter()


@attrs.frozen(kw_only=True)
class TariffSchedule(DataModel):
    """A tariff schedule: its legal basis, the dates it is in force, and its items.

    Read and written with the verbs of every saved model: `load` (a ``.toml`` or
    ``.json`` file), `loads` (text), `from_data`, `dump`, `dumps`, `to_data`.
    Prices are written as whole-rupiah integers; whatever loads dumps back equal.

    Attributes:
        title: A title; an illustrative schedule must say so.
        legal_basis: The regulation the amounts come from (e.g. the PP and its appendix).
        effective_from: First day in force.
        effective_until: Last day in force (inclusive), or ``None`` while open-ended.
        illustrative: ``True`` for example amounts that are not official.
        items: The products, each code once.

    Examples:
        >>> schedule = illustrative_schedule()  # ILLUSTRATIVE amounts
        >>> schedule.codes
        ('pub-print', 'pub-pdf', 'microdata-record', 'microdata-variable', 'wilkerstat-map')
        >>> schedule.item("wilkerstat-map").price
        Decimal('25000')
        >>> TariffSchedule.loads('''
        ... title = "t"
        ... legal_basis = "ILLUSTRATIVE"
        ... effective_from = 2026-01-01
        ... [[items]]
        ... code = "pub"
        ... pnbp_type = "printed_publication"
        ... unit = "page"
        ... price = "1.5"
        ... ''', format="toml")
        Traceback (most recent call last):
        ...
        pst_core.errors.DataFileError: <toml text>: items[0].price: invalid value '1.5'; ...
    """

    title: str = attrs.field(validator=one_line_text)
    legal_basis: str = attrs.field(validator=one_line_text)
    illustrative: bool = attrs.field(default=False, validator=instance_of(bool))
    effective_from: date = attrs.field(validator=[instance_of(date), _plain_day])
    effective_until: date | None = attrs.field(
        default=None, validator=attrs.validators.optional([instance_of(date), _plain_day])
    )
    items: tuple[TariffItem, ...] = attrs.field(
        validator=[
            tuple_of(TariffItem),
            _at_least_one,
            unique_by(lambda item: item.code, Phrase("tariffs.kind.product_code")),
        ]
    )

    @effective_until.validator
    def _until_after_from(self, attribute: attrs.Attribute[Any], value: date | None) -> None:
        if value is not None and value < self.effective_from:
            raise InvalidValueError(
                field_name(self, attribute),
                value,
                Phrase("tariffs.error.until_after_from", start=self.effective_from.isoformat()),
            )

    @classmethod
    def _structure(cls, data: Mapping[str, Any], file: str) -> TariffSchedule:
        try:
            schedule: TariffSchedule = _CONVERTER.structure(data, cls)
        except (BaseValidationError, PstError, ValueError, TypeError, KeyError) as exc:
            raise file_error(exc, data, file) from None
        return schedule

    def _unstructure(self) -> dict[str, Any]:
        data: dict[str, Any] = _CONVERTER.unstructure(self)
        if self.effective_until is None:
            del data["effective_until"]
        for item in data["items"]:
            for key in ("price", "bands") if item["price"] is None else ("bands",):
                if item[key] in (None, []):
                    del item[key]
            for band in item.get("bands", ()):
                if band["last"] is None:
                    del band["last"]
        return data

    @property
    def period(self) -> str:
        """The period in force (``"2026-01-01 to 2026-12-31"``, ``"from 2026-01-01"``)."""
        return self.describe_period("en")

    def describe_period(self, language: Language = "en") -> str:
        """The period in force, in ``language``.

        Examples:
            >>> illustrative_schedule().describe_period("id")
            'sejak 2026-01-01'
        """
        return _period(self).say(check_language(language))

    def in_force(self, day: date) -> bool:
        """Whether the schedule is in force on ``day`` (an aware datetime counts by its date).

        Examples:
            >>> schedule = illustrative_schedule()  # from 2026-01-01
            >>> schedule.in_force(date(2026, 1, 1)), schedule.in_force(date(2025, 12, 31))
            (True, False)
        """
        when = require_day(day, "day")
        return self.effective_from <= when and (
            self.effective_until is None or when <= self.effective_until
        )

    @property
    def codes(self) -> tuple[str, ...]:
        """The product codes, in file order."""
        return tuple(item.code for item in self.items)

    def item(self, code: str) -> TariffItem:
        """The item with product code ``code``.

        Raises:
            UnknownNameError: no such code; close matches are suggested.

        Examples:
            >>> illustrative_schedule().item("pub-prnt")
            Traceback (most recent call last):
            ...
            pst_core.errors.UnknownNameError: unknown product code 'pub-prnt'; did you mean: ...
        """
        for item in self.items:
            if item.code == code:
                return item
        raise UnknownNameError(
            Phrase("tariffs.kind.product_code"),
            code,
            difflib.get_close_matches(str(code), self.codes, n=3),
            allowed=self.codes,
        )


@cache
def illustrative_schedule() -> TariffSchedule:
    """The ILLUSTRATIVE schedule shipped for documentation and examples (amounts invented).

    Its amounts are **not** those of the PP 7/2015 appendix: ``illustrative`` is
    ``True`` and its title and legal basis say so. It is the package file
    ``pst_core/tariffs/data/illustrative.toml`` (the same as
    ``examples/illustrative_schedule.toml``), so examples never depend on the
    current directory.

    Examples:
        >>> schedule = illustrative_schedule()
        >>> schedule.illustrative, "ILLUSTRATIVE" in schedule.legal_basis
        (True, True)
    """
    file = "pst_core/tariffs/data/illustrative.toml"
    text = package_text("pst_core.tariffs", "data/illustrative.toml")
    return TariffSchedule.from_data(parse_text(text, "toml", file=file), file=file)


def _overlap(a: TariffSchedule, b: TariffSchedule) -> bool:
    a_end = a.effective_until or date.max
    b_end = b.effective_until or date.max
    return a.effective_from <= b_end and b.effective_from <= a_end


def _period(schedule: TariffSchedule) -> Phrase:
    """The period ``schedule`` is in force, not yet said in a language."""
    start = schedule.effective_from.isoformat()
    if schedule.effective_until is None:
        return Phrase("tariffs.quote.period_from", start=start)
    end = schedule.effective_until.isoformat()
    return Phrase("tariffs.quote.period_between", start=start, end=end)


def _no_overlap(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[TariffSchedule, ...]
) -> None:
    # Sorted by start (the converter sorts): if any two share a day, two neighbours do.
    for earlier, later in itertools.pairwise(value):
        if _overlap(earlier, later):
            raise InvalidValueError(
                field_name(instance, attribute),
                (earlier.title, later.title),
                Phrase(
                    "tariffs.error.no_overlap",
                    earlier=show_value(earlier.title),
                    earlier_period=_period(earlier),
                    later=show_value(later.title),
                    later_period=_period(later),
                ),
                problem=Phrase("tariffs.error.overlapping"),
            )


def _by_start(schedules: Any) -> Any:
    if isinstance(schedules, (tuple, list)) and all(
        isinstance(s, TariffSchedule) for s in schedules
    ):
        return tuple(sorted(schedules, key=lambda s: s.effective_from))
    return schedules  # the validator names what is wrong


@attrs.frozen
class TariffSchedules:
    """Several schedules over time, at most one in force on any day.

    Build it from loaded schedules: ``TariffSchedules((TariffSchedule.load(a),
    TariffSchedule.load(b)))``.

    Attributes:
        schedules: The schedules, sorted by ``effective_from`` when built.

    Examples:
        >>> def make(title, start, end=None):
        ...     item = TariffItem(code="p", pnbp_type="printed_publication",
        ...                       unit="page", price=Decimal(1))
        ...     return TariffSchedule(title=title, legal_basis="ILLUSTRATIVE",
        ...                           effective_from=start, effective_until=end, items=(item,))
        >>> book = TariffSchedules((make("new", date(2026, 1, 1)),
        ...                         make("old", date(2020, 1, 1), date(2025, 12, 31))))
        >>> book.schedule_at(date(2026, 3, 17)).title, book.schedule_at(date(2025, 3, 17)).title
        ('new', 'old')
        >>> book.schedule_at(date(2019, 12, 31))
        Traceback (most recent call last):
        ...
        pst_core.errors.NoScheduleInForceError: no tariff schedule in force on 2019-12-31; ...
    """

    schedules: tuple[TariffSchedule, ...] = attrs.field(
        converter=_by_start,
        validator=[tuple_of(TariffSchedule), _no_overlap],
    )

    def schedule_at(self, day: date) -> TariffSchedule:
        """The schedule in force on ``day`` (an aware datetime counts by its local date).

        Raises:
            NoScheduleInForceError: no schedule covers ``day``; the message lists
                the periods that are covered.
        """
        when = require_day(day, "day")
        for schedule in self.schedules:
            if schedule.in_force(when):
                return schedule
        covered = tuple(
            Phrase("tariffs.error.covered", title=show_value(s.title), period=_period(s))
            for s in self.schedules
        )
        message = Phrase(
            "tariffs.error.no_schedule",
            day=when.isoformat(),
            covered=covered or Phrase("tariffs.error.none"),
        )
        raise NoScheduleInForceError(message, value=when)
