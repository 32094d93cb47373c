"""Indonesian national holidays and cuti bersama, one lazily built table per year.

The dates come from the ``holidays`` package (country ``ID``): national holidays
(*libur nasional*) are its ``public`` category, collective leave (*cuti bersama*,
set each year by a joint decree of three ministers) its ``government`` category.
The package is imported on first use only, so ``import pst_core`` stays cheap.

Examples:
    >>> from pst_core.calendar.holidays import indonesian_holidays
    >>> year = indonesian_holidays(2026)
    >>> [h.name for h in year.on(date(2026, 3, 18))]
    ['Day of Silence Joint Holiday']
    >>> year.decreed
    True
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Literal

import attrs

from pst_core._validation import instance_of, non_empty, one_of
from pst_core.errors import CalendarHorizonError

__all__ = [
    "HolidayKind",
    "HolidayYear",
    "PublicHoliday",
    "check_year",
    "holiday_horizon",
    "holidays_version",
    "indonesian_holidays",
]

HolidayKind = Literal["national", "cuti_bersama"]

# The package's own categories, named as the decrees name them.
_CATEGORY: dict[HolidayKind, str] = {"national": "public", "cuti_bersama": "government"}
_ESTIMATED_MARK_EN = "(estimated)"


@attrs.frozen(order=True)
class PublicHoliday:
    """One day off: a national holiday or a day of cuti bersama.

    Attributes:
        day: The date.
        name: English name from the ``holidays`` package (without the estimate mark).
        name_id: Indonesian name (*nama hari libur*).
        kind: ``"national"`` (libur nasional) or ``"cuti_bersama"`` (collective leave).
        estimated: True when the date is only computed (lunar calendars), not decreed.

    Examples:
        >>> h = PublicHoliday(date(2026, 8, 17), "Independence Day",
        ...                   "Hari Kemerdekaan Republik Indonesia", "national", False)
        >>> h.label
        'Independence Day (Hari Kemerdekaan Republik Indonesia)'
    """

    day: date = attrs.field(validator=instance_of(date))
    name: str = attrs.field(validator=[instance_of(str), non_empty])
    name_id: str = attrs.field(validator=[instance_of(str), non_empty])
    kind: HolidayKind = attrs.field(validator=one_of(_CATEGORY))
    estimated: bool = attrs.field(default=False, validator=instance_of(bool))

    @property
    def label(self) -> str:
        """English and Indonesian name together, with the estimate mark when estimated."""
        mark = " (estimated)" if self.estimated else ""
        return f"{self.name}{mark} ({self.name_id})"


@attrs.frozen
class HolidayYear:
    """The holidays of one year, sorted by date.

    Attributes:
        year: The year.
        holidays: Every national holiday and day of cuti bersama, by date.
        decreed: True when the data has the year's cuti bersama decree (SKB) —
            a year without any cuti bersama entry is taken as not yet decreed.

    Examples:
        >>> y = indonesian_holidays(2026)
        >>> len(y.national), len(y.cuti_bersama), len(y.estimated)
        (17, 8, 0)
    """

    year: int = attrs.field(validator=instance_of(int))
    holidays: tuple[PublicHoliday, ...] = attrs.field()
    decreed: bool = attrs.field(validator=instance_of(bool))

    @property
    def national(self) -> tuple[PublicHoliday, ...]:
        """The national holidays (libur nasional)."""
        return tuple(h for h in self.holidays if h.kind == "national")

    @property
    def cuti_bersama(self) -> tuple[PublicHoliday, ...]:
        """The days of collective leave (cuti bersama)."""
        return tuple(h for h in self.holidays if h.kind == "cuti_bersama")

    @property
    def estimated(self) -> tuple[PublicHoliday, ...]:
        """The holidays whose date is only estimated."""
        return tuple(h for h in self.holidays if h.estimated)

    def on(self, day: date) -> tuple[PublicHoliday, ...]:
        """The holidays falling on ``day`` (usually none or one)."""
        return tuple(h for h in self.holidays if h.day == day)


@lru_cache(maxsize=1)
def holidays_version() -> str:
    """The version of the ``holidays`` package in use."""
    from importlib.metadata import version

    return version("holidays")


@lru_cache(maxsize=1)
def holiday_horizon() -> tuple[int, int]:
    """First and last year the ``holidays`` package covers for Indonesia."""
    import holidays

    cls = holidays.country_holidays("ID").__class__
    return int(cls.start_year), int(cls.end_year)


def _table(year: int, kind: HolidayKind, language: str) -> dict[date, list[str]]:
    import holidays

    table = holidays.country_holidays(
        "ID", years=year, categories=(_CATEGORY[kind],), language=language
    )
    return {day: table.get_list(day) for day in sorted(table)}


# A pure function of (year, installed package): caching it is memoisation, not state.
@lru_cache(maxsize=256)
def indonesian_holidays(year: int) -> HolidayYear:
    """The national holidays and cuti bersama of ``year``, built on first use.

    Raises:
        CalendarHorizonError: when ``year`` is outside `holiday_horizon`.

    Examples:
        >>> [h.day.isoformat() for h in indonesian_holidays(2025).cuti_bersama][:3]
        ['2025-01-28', '2025-03-28', '2025-04-02']
    """
    check_year(year)
    entries: list[PublicHoliday] = []
    for kind in _CATEGORY:
        english = _table(year, kind, "en_US")
        indonesian = _table(year, kind, "id")
        for day, names in english.items():
            names_id = indonesian.get(day, names)
            for index, name in enumerate(names):
                estimated = name.endswith(_ESTIMATED_MARK_EN)
                entries.append(
                    PublicHoliday(
                        day=day,
                        name=name.removesuffix(_ESTIMATED_MARK_EN).strip(),
                        name_id=names_id[min(index, len(names_id) - 1)],
                        kind=kind,
                        estimated=estimated,
                    )
                )
    entries.sort()
    decreed = any(h.kind == "cuti_bersama" for h in entries)
    return HolidayYear(year=year, holidays=tuple(entries), decreed=decreed)


def check_year(year: int) -> int:
    """Return ``year`` when the holiday data covers it, else raise: the one horizon check.

    Raises:
        CalendarHorizonError: when ``year`` is outside `holiday_horizon`.
    """
    first, last = holiday_horizon()
    if not first <= year <= last:
        raise CalendarHorizonError(year, first, last)
    return year
