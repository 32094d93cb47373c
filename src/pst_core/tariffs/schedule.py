"""Tariff schedules as data: PNBP types, units, flat prices and regressive bands.

BPS prices its paid products under PP 7/2015, whose appendix sets the rupiah
amounts. Those amounts are **not shipped with pst_core**: a schedule is data
that the user supplies, with its legal basis and the dates it is in force, in a
TOML (or JSON) file. pst_core ships the structure and the rules that make a
schedule well formed:

* every item has a product ``code``, one of the PNBP types of PP 7/2015 art. 1
  (:class:`PnbpType`, letters a–h) and a :class:`Unit`;
* an item is priced either flat (``price`` per unit) or by **regressive bands**
  (:class:`Band`, a marginal price per unit inside each band), as microdata is;
* prices are whole, non-negative rupiah as ``Decimal`` (never floats);
* bands start at 1, are contiguous, only the last may be open-ended, and their
  marginal prices never increase;
* two schedules in a :class:`TariffSchedules` may not be in force on the same day.

Examples:
    >>> from datetime import date
    >>> from decimal import Decimal
    >>> schedule = TariffSchedule(
    ...     title="Example schedule (ILLUSTRATIVE, not official amounts)",
    ...     legal_basis="ILLUSTRATIVE — not the PP 7/2015 appendix",
    ...     illustrative=True,
    ...     effective_from=date(2026, 1, 1),
    ...     items=(
    ...         TariffItem(code="pub-print", pnbp_type=PnbpType.PRINTED_PUBLICATION,
    ...                    unit=Unit.PAGE, price=Decimal(100)),
    ...         TariffItem(code="microdata", pnbp_type=PnbpType.MICRODATA, unit=Unit.RECORD,
    ...                    bands=(Band(1, Decimal(10), last=1000), Band(1001, Decimal(5)))),
    ...     ),
    ... )
    >>> schedule.item("microdata").pnbp_type.letter
    'c'
    >>> schedule.in_force(date(2025, 12, 31))
    False
"""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from pst_core._io import read_data, structure, unstructure, write_data
from pst_core._validation import (
    at_least,
    field_name,
    instance_of,
    non_empty,
    require_aware,
    tuple_of,
)
from pst_core.errors import (
    InvalidTypeError,
    InvalidValueError,
    NoScheduleInForceError,
    UnknownNameError,
)
from pst_core.tariffs.money import rupiah

__all__ = [
    "Band",
    "PnbpType",
    "TariffItem",
    "TariffSchedule",
    "TariffSchedules",
    "Unit",
    "dump_schedule",
    "load_schedule",
    "load_schedules",
]


class PnbpType(enum.Enum):
    """The types of PNBP (non-tax state revenue) at BPS, PP 7/2015 art. 1, letters a–h.

    Examples:
        >>> PnbpType.MICRODATA.letter, PnbpType.MICRODATA.label
        ('c', 'microdata')
        >>> PnbpType.from_letter("d")
        <PnbpType.WILKERSTAT_MAP: 'wilkerstat_map'>
        >>> [t.letter for t in PnbpType if t.payer_bears_shipping_and_bank_fees]
        ['a', 'b', 'c', 'd']
    """

    PRINTED_PUBLICATION = "printed_publication"
    ELECTRONIC_PUBLICATION = "electronic_publication"
    MICRODATA = "microdata"
    WILKERSTAT_MAP = "wilkerstat_map"
    STIS_EDUCATION = "stis_education"
    TRAINING = "training"
    FACILITY_USE = "facility_use"
    COOPERATION_CONTRACT = "cooperation_contract"

    @property
    def letter(self) -> str:
        """The letter of PP 7/2015 art. 1 (``"a"`` to ``"h"``).

        Examples:
            >>> PnbpType.PRINTED_PUBLICATION.letter, PnbpType.STIS_EDUCATION.letter
            ('a', 'e')
        """
        return "abcdefgh"[list(PnbpType).index(self)]

    @property
    def label(self) -> str:
        """A short English label.

        Examples:
            >>> PnbpType.WILKERSTAT_MAP.label
            'digital Wilkerstat map'
        """
        return _PNBP_LABELS[self]

    @property
    def payer_bears_shipping_and_bank_fees(self) -> bool:
        """True for a–d: their tariffs exclude shipping and bank fees, which the payer bears.

        Examples:
            >>> PnbpType.MICRODATA.payer_bears_shipping_and_bank_fees
            True
            >>> PnbpType.TRAINING.payer_bears_shipping_and_bank_fees
            False
        """
        return self.letter in "abcd"

    @classmethod
    def from_letter(cls, letter: str) -> PnbpType:
        """The type for a letter of PP 7/2015 art. 1.

        Raises:
            UnknownNameError: for anything but ``"a"`` to ``"h"``.

        Examples:
            >>> PnbpType.from_letter("c")
            <PnbpType.MICRODATA: 'microdata'>
            >>> PnbpType.from_letter("i")
            Traceback (most recent call last):
            ...
            pst_core.errors.UnknownNameError: unknown PNBP type letter 'i'; allowed: a, b, ...
        """
        for member in cls:
            if member.letter == letter:
                return member
        raise UnknownNameError("PNBP type letter", letter, allowed="a, b, c, d, e, f, g, h")


_PNBP_LABELS = {
    PnbpType.PRINTED_PUBLICATION: "printed publication",
    PnbpType.ELECTRONIC_PUBLICATION: "electronic publication",
    PnbpType.MICRODATA: "microdata",
    PnbpType.WILKERSTAT_MAP: "digital Wilkerstat map",
    PnbpType.STIS_EDUCATION: "STIS education",
    PnbpType.TRAINING: "training",
    PnbpType.FACILITY_USE: "use of facilities",
    PnbpType.COOPERATION_CONTRACT: "services under a cooperation contract",
}


class Unit(enum.Enum):
    """What one unit of a tariff item is: the thing a quantity counts.

    Examples:
        >>> Unit("map_sheet").label
        'map sheet'
    """

    PAGE = "page"
    TITLE = "title"
    FILE = "file"
    MAP_SHEET = "map_sheet"
    RECORD = "record"
    VARIABLE = "variable"
    REGION = "region"
    DATASET = "dataset"
    PERSON = "person"
    DAY = "day"
    HOUR = "hour"

    @property
    def label(self) -> str:
        """The unit in words (``"map sheet"``).

        Examples:
            >>> Unit.MAP_SHEET.label, Unit.RECORD.label
            ('map sheet', 'record')
        """
        return self.value.replace("_", " ")


_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]*")
_CODE_ALLOWED = "letters, digits and . _ / - (starting with a letter or digit), e.g. 'pub-print'"


def _product_code(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not _CODE.fullmatch(value):
        raise InvalidValueError(field_name(instance, attribute), value, _CODE_ALLOWED)


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
        >>> from decimal import Decimal
        >>> Band(1, Decimal(10), last=1000).size
        1000
        >>> Band(1001, Decimal(5)).size is None
        True
        >>> Band(10, Decimal(5), last=9)
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: Band.last: invalid value 9; allowed: ...
    """

    first: int = attrs.field(validator=[instance_of(int), at_least(1)])
    price: Decimal = attrs.field(validator=rupiah)
    last: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(instance_of(int))
    )

    @last.validator
    def _last_not_before_first(self, attribute: attrs.Attribute[Any], value: int | None) -> None:
        if value is not None and value < self.first:
            raise InvalidValueError(
                field_name(self, attribute), value, f"a unit number >= first ({self.first})"
            )

    @property
    def size(self) -> int | None:
        """How many units the band holds (``None`` when open-ended).

        Examples:
            >>> Band(1001, Decimal(50), last=10000).size
            9000
        """
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
                f"only the last band open-ended; bands[{index - 1}] has no 'last'",
                problem="bands continue after an open-ended band:",
            )
        if band.first != expected:
            raise InvalidValueError(
                field,
                bands,
                f"contiguous bands: {where}.first must be {expected}, not {band.first}",
                problem="bands not contiguous:",
            )
        if previous is not None and band.price > previous.price:
            raise InvalidValueError(
                field,
                bands,
                f"non-increasing marginal prices: {where}.price {band.price} "
                f"exceeds the previous band's {previous.price}",
                problem="bands not regressive:",
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
        >>> from decimal import Decimal
        >>> TariffItem(code="pub", pnbp_type=PnbpType.PRINTED_PUBLICATION, unit=Unit.PAGE,
        ...            price=Decimal("150.5"))
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: TariffItem.price: invalid value Decimal('150.5'); ...
    """

    code: str = attrs.field(validator=[instance_of(str), _product_code])
    pnbp_type: PnbpType = attrs.field(validator=instance_of(PnbpType))
    unit: Unit = attrs.field(validator=instance_of(Unit))
    name: str = attrs.field(default="", validator=instance_of(str))
    price: Decimal | None = attrs.field(default=None, validator=attrs.validators.optional(rupiah))
    bands: tuple[Band, ...] = attrs.field(default=(), validator=tuple_of(Band))

    @pnbp_type.validator
    def _not_a_contract(self, attribute: attrs.Attribute[Any], value: PnbpType) -> None:
        if value is PnbpType.COOPERATION_CONTRACT:
            raise InvalidValueError(
                field_name(self, attribute),
                value.value,
                "types a-g; type h is priced at each cooperation contract's value, "
                "not by a schedule",
            )

    @bands.validator
    def _one_pricing(self, attribute: attrs.Attribute[Any], value: tuple[Band, ...]) -> None:
        name = field_name(self, attribute)
        if (self.price is None) == (not value):
            raise InvalidValueError(
                name,
                value,
                "exactly one of 'price' (flat) and 'bands' (regressive)",
                problem="both or neither of price and bands:",
            )
        _check_bands(value, name)

    @property
    def banded(self) -> bool:
        """Whether the item is priced by regressive bands.

        Examples:
            >>> schedule = load_schedule("examples/illustrative_schedule.toml")
            >>> schedule.item("microdata-record").banded, schedule.item("pub-print").banded
            (True, False)
        """
        return bool(self.bands)

    @property
    def max_quantity(self) -> int | None:
        """The largest quantity the item can be quoted for (``None``: no limit).

        Examples:
            >>> bounded = TariffItem(code="md", pnbp_type=PnbpType.MICRODATA, unit=Unit.RECORD,
            ...                      bands=(Band(1, Decimal(10), last=500),))
            >>> bounded.max_quantity
            500
            >>> load_schedule("examples/illustrative_schedule.toml").item("pub-pdf").max_quantity
        """
        return self.bands[-1].last if self.bands else None


def _as_day(value: object, field: str) -> date:
    """A date; an aware datetime stands for its own local date; naive ones are refused."""
    if isinstance(value, datetime):
        return require_aware(value, field).date()
    if not isinstance(value, date):
        raise InvalidTypeError(field, value, "date")
    return value


def _unique_codes(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]
) -> None:
    seen: dict[str, int] = {}
    for index, item in enumerate(value):
        if item.code in seen:
            raise InvalidValueError(
                field_name(instance, attribute),
                item.code,
                f"each product code once per schedule; items[{index}] repeats "
                f"items[{seen[item.code]}]",
                problem="duplicate product code",
            )
        seen[item.code] = index
    if not value:
        raise InvalidValueError(field_name(instance, attribute), value, "at least one item")


@attrs.frozen(kw_only=True)
class TariffSchedule:
    """A tariff schedule: its legal basis, the dates it is in force, and its items.

    Attributes:
        title: A title; an illustrative schedule must say so.
        legal_basis: The regulation the amounts come from (e.g. the PP and its appendix).
        effective_from: First day in force.
        effective_until: Last day in force (inclusive), or ``None`` while open-ended.
        illustrative: ``True`` for example amounts that are not official.
        items: The products, each code once.

    Examples:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> TariffSchedule(title="t", legal_basis="ILLUSTRATIVE", effective_from=date(2026, 1, 1),
        ...                effective_until=date(2025, 1, 1), items=())
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: TariffSchedule.effective_until: invalid value ...
    """

    title: str = attrs.field(validator=[instance_of(str), non_empty])
    legal_basis: str = attrs.field(validator=[instance_of(str), non_empty])
    illustrative: bool = attrs.field(default=False, validator=instance_of(bool))
    effective_from: date = attrs.field(validator=instance_of(date))
    effective_until: date | None = attrs.field(
        default=None, validator=attrs.validators.optional(instance_of(date))
    )
    items: tuple[TariffItem, ...] = attrs.field(validator=[tuple_of(TariffItem), _unique_codes])

    @effective_from.validator
    def _a_date(self, attribute: attrs.Attribute[Any], value: date) -> None:
        if isinstance(value, datetime):
            raise InvalidTypeError(field_name(self, attribute), value, "date (not datetime)")

    @effective_until.validator
    def _until_after_from(self, attribute: attrs.Attribute[Any], value: date | None) -> None:
        if value is not None and value < self.effective_from:
            raise InvalidValueError(
                field_name(self, attribute),
                value,
                f"a date on or after effective_from ({self.effective_from.isoformat()})",
            )

    @property
    def period(self) -> str:
        """The period in force in words (``"2026-01-01 to 2026-12-31"``, ``"from 2026-01-01"``).

        Examples:
            >>> load_schedule("examples/illustrative_schedule.toml").period
            'from 2026-01-01'
        """
        start = self.effective_from.isoformat()
        if self.effective_until is None:
            return f"from {start}"
        return f"{start} to {self.effective_until.isoformat()}"

    def in_force(self, day: date) -> bool:
        """Whether the schedule is in force on ``day`` (an aware datetime counts by its date).

        Examples:
            >>> from zoneinfo import ZoneInfo
            >>> schedule = load_schedule("examples/illustrative_schedule.toml")  # from 2026-01-01
            >>> schedule.in_force(date(2026, 1, 1)), schedule.in_force(date(2025, 12, 31))
            (True, False)
            >>> schedule.in_force(datetime(2026, 1, 1, 6, tzinfo=ZoneInfo("Asia/Jayapura")))
            True
        """
        when = _as_day(day, "day")
        return self.effective_from <= when and (
            self.effective_until is None or when <= self.effective_until
        )

    @property
    def codes(self) -> tuple[str, ...]:
        """The product codes, in file order.

        Examples:
            >>> load_schedule("examples/illustrative_schedule.toml").codes
            ('pub-print', 'pub-pdf', 'microdata-record', 'microdata-variable', 'wilkerstat-map')
        """
        return tuple(item.code for item in self.items)

    def item(self, code: str) -> TariffItem:
        """The item with product code ``code``.

        Raises:
            UnknownNameError: no such code; close matches are suggested.

        Examples:
            >>> schedule = load_schedule("examples/illustrative_schedule.toml")
            >>> item = schedule.item("wilkerstat-map")
            >>> item.unit, item.price
            (<Unit.MAP_SHEET: 'map_sheet'>, Decimal('25000'))
            >>> schedule.item("pub-prnt")
            Traceback (most recent call last):
            ...
            pst_core.errors.UnknownNameError: unknown product code 'pub-prnt'; did you mean: ...
        """
        for item in self.items:
            if item.code == code:
                return item
        raise UnknownNameError(
            "product code",
            code,
            difflib.get_close_matches(str(code), self.codes, n=3),
            allowed=", ".join(self.codes),
        )


def _overlap(a: TariffSchedule, b: TariffSchedule) -> bool:
    a_end = a.effective_until or date.max
    b_end = b.effective_until or date.max
    return a.effective_from <= b_end and b.effective_from <= a_end


def _no_overlap(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[TariffSchedule, ...]
) -> None:
    for index, later in enumerate(value):
        for earlier in value[:index]:
            if _overlap(earlier, later):
                raise InvalidValueError(
                    field_name(instance, attribute),
                    (earlier.title, later.title),
                    "schedules whose periods do not overlap; "
                    f"{earlier.title!r} ({earlier.period}) and "
                    f"{later.title!r} ({later.period}) share days",
                    problem="overlapping schedules",
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

    Attributes:
        schedules: The schedules, sorted by ``effective_from`` when built.

    Examples:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> def make(title, start, end=None):
        ...     item = TariffItem(code="p", pnbp_type=PnbpType.PRINTED_PUBLICATION,
        ...                       unit=Unit.PAGE, price=Decimal(1))
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

        Examples:
            >>> book = load_schedules(["examples/illustrative_schedule.toml"])
            >>> book.schedule_at(date(2026, 3, 17)).illustrative
            True
        """
        when = _as_day(day, "day")
        for schedule in self.schedules:
            if schedule.in_force(when):
                return schedule
        covered = "; ".join(f"{s.title!r} {s.period}" for s in self.schedules) or "none"
        raise NoScheduleInForceError(
            f"no tariff schedule in force on {when.isoformat()}; schedules cover: {covered}",
            value=when,
        )


def load_schedule(path: str | Path) -> TariffSchedule:
    """Read a schedule from a ``.toml`` or ``.json`` file.

    Raises:
        DataFileError: naming the file, the field path (``items[2].price``),
            the value and what is allowed.

    Examples:
        >>> schedule = load_schedule("examples/illustrative_schedule.toml")
        >>> schedule.illustrative, "ILLUSTRATIVE" in schedule.legal_basis
        (True, True)
    """
    return structure(read_data(path), TariffSchedule, file=str(path))


def load_schedules(paths: Iterable[str | Path]) -> TariffSchedules:
    """Read several schedule files into a :class:`TariffSchedules` (overlaps refused).

    Examples:
        >>> book = load_schedules(["examples/illustrative_schedule.toml"])
        >>> len(book.schedules)
        1
    """
    return TariffSchedules(tuple(load_schedule(path) for path in paths))


def dump_schedule(schedule: TariffSchedule, path: str | Path) -> None:
    """Write ``schedule`` as ``.toml`` or ``.json`` (by suffix), readable by :func:`load_schedule`.

    Examples:
        >>> import tempfile, pathlib
        >>> schedule = load_schedule("examples/illustrative_schedule.toml")
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     target = pathlib.Path(tmp) / "copy.toml"
        ...     dump_schedule(schedule, target)
        ...     load_schedule(target) == schedule
        True
    """
    write_data(_whole_prices(unstructure(schedule)), path)


def _whole_prices(data: Any) -> Any:
    """Write whole-rupiah prices as TOML integers (``price = 1000``), as people write them."""
    if isinstance(data, dict):
        return {
            key: int(Decimal(value))
            if key == "price" and isinstance(value, str)
            else _whole_prices(value)
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [_whole_prices(value) for value in data]
    return data
