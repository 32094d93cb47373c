"""Indonesian national holidays and cuti bersama, one lazily built table per year.

The dates come from the ``holidays`` package (country ``ID``): national holidays
(*libur nasional*) are its ``public`` category, collective leave (*cuti bersama*,
set each year by a joint decree of three ministers) its ``government`` category.
The package is imported on first use only, so ``import pst_core`` stays cheap.

Examples:
    >>> from pst_core.calendar.holidays import indonesian_holidays
    >>> year = indonesian_holidays(2026)
    >>> [(h.name, h.name_en) for h in year.on(date(2026, 3, 18))]
    [('Cuti Bersama Hari Suci Nyepi', 'Day of Silence Joint Holiday')]
    >>> year.decreed
    True
"""

from __future__ import annotations

import gettext
import glob
import importlib.util
import json
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Literal

import attrs

from pst_core._validation import instance_of, one_line_text, one_of, people_text
from pst_core.errors import CalendarHorizonError, InvalidValueError, Phrase
from pst_core.i18n import Language, check_language, text

__all__ = [
    "DecreeAction",
    "DecreedDay",
    "HolidayKind",
    "HolidayYear",
    "PublicHoliday",
    "check_removal",
    "check_year",
    "decreed_holidays",
    "holiday_horizon",
    "holidays_version",
    "indonesian_holidays",
    "package_holidays",
    "package_horizon",
    "with_decrees",
]

HolidayKind = Literal["national", "cuti_bersama"]
DecreeAction = Literal["add", "remove"]

# The package's own categories, named as the decrees name them.
_CATEGORY: dict[HolidayKind, str] = {"national": "public", "cuti_bersama": "government"}
_ESTIMATED_MARK_EN = "(estimated)"
_ESTIMATED_MARK_ID = "(perkiraan)"


@attrs.frozen(order=True)
class PublicHoliday:
    """One day off: a national holiday or a day of cuti bersama.

    Attributes:
        day: The date.
        name: Indonesian name (*nama hari libur*) from the ``holidays`` package's
            Indonesian localisation (without the estimate mark).
        name_en: English name from the ``holidays`` package (without the estimate mark).
        kind: ``"national"`` (libur nasional) or ``"cuti_bersama"`` (collective leave).
        estimated: True when the date is only computed (lunar calendars), not decreed.
        decree: The decree that set the day when it came from a calendar file's
            decreed days (empty for the ``holidays`` package's own entries).

    Examples:
        >>> h = PublicHoliday(date(2026, 8, 17), "Hari Kemerdekaan Republik Indonesia",
        ...                   "Independence Day", "national", estimated=True)
        >>> h.describe("id"), h.describe("en")
        ('Hari Kemerdekaan Republik Indonesia (perkiraan)', 'Independence Day (estimated)')
    """

    day: date = attrs.field(validator=instance_of(date))
    name: str = attrs.field(validator=one_line_text)
    name_en: str = attrs.field(validator=one_line_text)
    kind: HolidayKind = attrs.field(validator=one_of(_CATEGORY))
    estimated: bool = attrs.field(default=False, validator=instance_of(bool))
    decree: str = attrs.field(default="", validator=people_text)

    def describe(self, language: Language = "en") -> str:
        """The name in ``language``, with the estimate mark when the date is estimated."""
        name = self.name if check_language(language) == "id" else self.name_en
        if self.estimated:
            name += f" ({text('calendar.estimated', language)})"
        return name

    def to_data(self) -> dict[str, object]:
        """The day as JSON-ready data: ``day`` (ISO date), ``name``, ``name_en``, ``kind``,
        ``estimated`` and ``decree``."""
        return {
            "day": self.day.isoformat(),
            "name": self.name,
            "name_en": self.name_en,
            "kind": self.kind,
            "estimated": self.estimated,
            "decree": self.decree,
        }


@attrs.frozen
class HolidayYear:
    """The holidays of one year, sorted by date; a container of their dates.

    As with the ``holidays`` package, a day is ``in`` the year when something
    falls on it, ``len`` counts the days (a day with two entries counts once),
    iteration gives the dates in order and ``year[day]`` the day's names.

    Attributes:
        year: The year.
        holidays: Every national holiday and day of cuti bersama, by date.
        decreed: True when the data has the year's cuti bersama decree (SKB) —
            a year without any cuti bersama entry is taken as not yet decreed —
            or when a calendar file's decreed days cover the year's cuti bersama.
        decrees: The decrees of a calendar file's decreed days applied to the year.

    Examples:
        >>> y = indonesian_holidays(2026)
        >>> len(y.national), len(y.cuti_bersama), len(y.estimated)
        (17, 8, 0)
        >>> date(2026, 3, 19) in y, date(2026, 3, 17) in y, len(y)
        (True, False, 25)
        >>> next(iter(y)), y[date(2026, 3, 19)]
        (datetime.date(2026, 1, 1), 'Hari Suci Nyepi')
    """

    year: int = attrs.field(validator=instance_of(int))
    holidays: tuple[PublicHoliday, ...] = attrs.field()
    decreed: bool = attrs.field(validator=instance_of(bool))
    decrees: tuple[str, ...] = attrs.field(default=())

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

    def _days(self) -> tuple[date, ...]:
        return tuple(dict.fromkeys(h.day for h in self.holidays))

    def __contains__(self, day: object) -> bool:
        """Whether a holiday falls on ``day`` (a ``date``; a datetime is not a day)."""
        if not isinstance(day, date) or isinstance(day, datetime):
            return False
        return any(h.day == day for h in self.holidays)

    def __len__(self) -> int:
        return len(self._days())

    def __iter__(self) -> Iterator[date]:
        return iter(self._days())

    def __getitem__(self, day: date) -> str:
        """The Indonesian names of the holidays on ``day``, ``"; "`` between two.

        Raises:
            KeyError: when no holiday falls on ``day``.
        """
        found = self.on(day) if day in self else ()
        if not found:
            raise KeyError(day)
        return "; ".join(h.name for h in found)

    def to_data(self) -> dict[str, object]:
        """The year as JSON-ready data (what ``pst-core holidays --json`` prints).

        A stable shape: ``year``, ``decreed`` (bool), ``decrees`` (strings) and
        ``holidays`` (`PublicHoliday.to_data` each, by date).
        """
        return {
            "year": self.year,
            "decreed": self.decreed,
            "decrees": list(self.decrees),
            "holidays": [h.to_data() for h in self.holidays],
        }


# -- where the dates come from ----------------------------------------------------------
#
# The ``holidays`` package is the source. Importing it loads every country it knows, which
# costs more than the rest of a first deadline together, so the package ships a snapshot
# of its Indonesian tables for the years people ask about (data/holidays-ID.json, written
# by scripts/snapshot_holidays.py from one ``holidays`` release). The snapshot is read only
# when that same release is installed: the answers are the package's, without the import.
# Any other release, or a year outside the snapshot, asks the package itself.

_SNAPSHOT = "holidays-ID.json"


@lru_cache(maxsize=1)
def _installed_release() -> str | None:
    """The installed ``holidays`` version, read without importing it (``None`` when unsure).

    Its ``<name>-<version>.dist-info`` folder sits next to the package (PEP 627 layout).
    """
    module = sys.modules.get("holidays")
    if module is not None:
        return str(module.__version__)
    spec = importlib.util.find_spec("holidays")
    if spec is None or spec.origin is None:
        return None
    found = glob.glob(
        os.path.join(os.path.dirname(os.path.dirname(spec.origin)), "holidays-*.dist-info")
    )
    if len(found) != 1:
        return None
    return os.path.basename(found[0]).removeprefix("holidays-").removesuffix(".dist-info")


@lru_cache(maxsize=1)
def _snapshot() -> Mapping[str, Any] | None:
    """The shipped snapshot when it was made with the installed ``holidays``, else ``None``."""
    release = _installed_release()
    if release is None:
        return None
    from pst_core._resources import package_text  # late: importing the calendar stays cheap

    data = json.loads(package_text("pst_core.calendar", f"data/{_SNAPSHOT}"))
    return data if data["holidays_version"] == release else None


@lru_cache(maxsize=1)
def holidays_version() -> str:
    """The version of the ``holidays`` package in use."""
    release = _installed_release()
    if release is not None:
        return release
    from importlib.metadata import version

    return version("holidays")


@lru_cache(maxsize=1)
def holiday_horizon() -> tuple[int, int]:
    """First and last year the ``holidays`` package covers for Indonesia."""
    snapshot = _snapshot()
    if snapshot is not None:
        first, last = snapshot["horizon"]
        return int(first), int(last)
    return package_horizon()


def package_horizon() -> tuple[int, int]:
    """`holiday_horizon` asked of the ``holidays`` package itself (imports it)."""
    import holidays

    cls = holidays.country_holidays("ID").__class__
    return int(cls.start_year), int(cls.end_year)


def _table(year: int, kind: HolidayKind, language: str) -> dict[date, list[str]]:
    import holidays

    table = holidays.country_holidays(
        "ID", years=year, categories=(_CATEGORY[kind],), language=language
    )
    return {day: table.get_list(day) for day in sorted(table)}


@lru_cache(maxsize=1)
def _english() -> Callable[[str], str]:
    """The ``holidays`` package's own Indonesian-to-English catalogue (its ``ID.mo``)."""
    import holidays

    folder = os.path.join(os.path.dirname(holidays.__file__), "locale")
    return gettext.translation("ID", localedir=folder, languages=["en_US"], fallback=True).gettext


def _pairs(indonesian: list[str], english: list[str]) -> list[tuple[str, str]]:
    """Each Indonesian name of one day with its English name.

    The package sorts a day's names in each language on its own, so the lists are not
    parallel (13 May 2021: Idul Fitri and Ascension Day): each Indonesian name is
    translated with the package's catalogue and matched; what is left pairs in order.
    """
    english_left = list(english)
    pairs: list[tuple[str, str] | None] = []
    for name in indonesian:
        said = _english()(name.removesuffix(_ESTIMATED_MARK_ID).strip())
        match = next(
            (e for e in english_left if e.removesuffix(_ESTIMATED_MARK_EN).strip() == said), None
        )
        if match is not None:
            english_left.remove(match)
        pairs.append(None if match is None else (name, match))
    rest = iter(english_left)
    return [
        pair if pair is not None else (name, next(rest, name))
        for pair, name in zip(pairs, indonesian, strict=True)
    ]


def package_holidays(year: int) -> tuple[PublicHoliday, ...]:
    """The holidays of ``year`` asked of the ``holidays`` package itself, sorted (imports it)."""
    entries: list[PublicHoliday] = []
    for kind in _CATEGORY:
        english = _table(year, kind, "en_US")
        indonesian = _table(year, kind, "id")
        for day, names_id in indonesian.items():
            for name, name_en in _pairs(names_id, english.get(day, names_id)):
                entries.append(
                    PublicHoliday(
                        day=day,
                        name=name.removesuffix(_ESTIMATED_MARK_ID).strip(),
                        name_en=name_en.removesuffix(_ESTIMATED_MARK_EN).strip(),
                        kind=kind,
                        estimated=name.endswith(_ESTIMATED_MARK_ID)
                        or name_en.endswith(_ESTIMATED_MARK_EN),
                    )
                )
    return tuple(sorted(entries))


def _snapshot_holidays(rows: list[list[Any]]) -> tuple[PublicHoliday, ...]:
    return tuple(
        PublicHoliday(date.fromisoformat(day), name, name_en, kind, estimated)
        for day, name, name_en, kind, estimated in rows
    )


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
    snapshot = _snapshot()
    rows = None if snapshot is None else snapshot["years"].get(str(year))
    entries = package_holidays(year) if rows is None else _snapshot_holidays(rows)
    decreed = any(h.kind == "cuti_bersama" for h in entries)
    return HolidayYear(year=year, holidays=entries, decreed=decreed)


@attrs.frozen
class DecreedDay:
    """A day off added or removed by a decree the ``holidays`` package does not have yet.

    When a new cuti bersama decree (SKB) or a change of a national holiday comes
    out mid-year, an office writes the days in its calendar file instead of
    waiting for a ``holidays`` release. ``"add"`` makes the day a day off of
    ``kind``; ``"remove"`` takes the package's entries of that kind off the day.
    A year with a decreed cuti bersama day is no longer provisional for want of
    a decree, and a decreed day confirms (or removes) an estimated date.

    Attributes:
        day: The date.
        kind: ``"national"`` (libur nasional) or ``"cuti_bersama"``.
        name: The day's name as the decree writes it (Indonesian).
        decree: The decree's number, e.g. ``"SKB 3 Menteri No. 1/2025"``.
        action: ``"add"`` (the default) or ``"remove"``.
        name_en: The English name (the Indonesian one when left empty).

    Examples:
        >>> extra = DecreedDay(date(2025, 8, 18), "cuti_bersama",
        ...                    "Cuti Bersama Hari Kemerdekaan", "Keputusan Bersama 2025 (example)")
        >>> table = with_decrees(indonesian_holidays(2025), (extra,))
        >>> [h.decree for h in table.on(date(2025, 8, 18))]
        ['Keputusan Bersama 2025 (example)']
    """

    day: date = attrs.field(validator=instance_of(date))
    kind: HolidayKind = attrs.field(validator=one_of(_CATEGORY))
    name: str = attrs.field(validator=one_line_text)
    decree: str = attrs.field(validator=one_line_text)
    action: DecreeAction = attrs.field(default="add", validator=one_of(("add", "remove")))
    name_en: str = attrs.field(default="", validator=people_text)

    @property
    def holiday(self) -> PublicHoliday:
        """The day as a holiday entry citing the decree.

        Examples:
            >>> DecreedDay(date(2025, 8, 18), "national", "Libur", "Keppres 1/2025").holiday.name_en
            'Libur'
        """
        return PublicHoliday(
            day=self.day,
            name=self.name,
            name_en=self.name_en or self.name,
            kind=self.kind,
            decree=self.decree,
        )


def check_removal(decreed: DecreedDay, field: str) -> DecreedDay:
    """Return ``decreed`` unless it removes a day the ``holidays`` data does not hold.

    A removal that finds nothing would still mark its year as decreed, and every
    deadline of that year would lose its "no cuti bersama decree yet" warning: it
    is refused, naming the day and what the data holds on it.

    Raises:
        InvalidValueError: naming ``field``, the day and its kind.
        CalendarHorizonError: the day's year is outside the holiday data.

    Examples:
        >>> no_holiday = DecreedDay(date(2028, 6, 6), "cuti_bersama", "Cuti", "SKB", "remove")
        >>> check_removal(no_holiday, "decreed[0]")
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: decreed[0]: a decreed removal finds no day off on ...
    """
    if decreed.action != "remove":
        return decreed
    table = indonesian_holidays(check_year(decreed.day.year))
    if not any(h.kind == decreed.kind for h in table.on(decreed.day)):
        raise InvalidValueError(
            field,
            decreed.day,
            Phrase(
                "calendar.error.removal_finds_a_holiday",
                kind=Phrase(f"calendar.kind.{decreed.kind}"),
            ),
            problem=Phrase("calendar.error.removal_finds_nothing"),
            shown=decreed.day.isoformat(),
        )
    return decreed


def with_decrees(table: HolidayYear, decreed: tuple[DecreedDay, ...]) -> HolidayYear:
    """``table`` with the decreed days of its year applied (others are ignored).

    A removal takes the entries of its kind off its day; an addition replaces
    the entries of its kind on its day (so a decreed date confirms an estimated
    one). Any day of either kind on an estimated holiday's date clears the
    estimate: the decree has spoken for that day.

    Examples:
        >>> gone = DecreedDay(date(2026, 3, 18), "cuti_bersama", "Cuti Bersama Nyepi",
        ...                   "example decree", "remove")
        >>> table = with_decrees(indonesian_holidays(2026), (gone,))
        >>> table.on(date(2026, 3, 18)), table.decrees
        ((), ('example decree',))
    """
    mine = [d for d in decreed if d.day.year == table.year]
    if not mine:
        return table
    touched = {(d.day, d.kind) for d in mine}
    days = {d.day for d in mine}
    kept = [
        attrs.evolve(h, estimated=False) if h.estimated and h.day in days else h
        for h in table.holidays
        if (h.day, h.kind) not in touched
    ]
    kept += [d.holiday for d in mine if d.action == "add"]
    decreed_year = table.decreed or any(d.kind == "cuti_bersama" for d in mine)
    return HolidayYear(
        year=table.year,
        holidays=tuple(sorted(kept)),
        decreed=decreed_year,
        decrees=tuple(dict.fromkeys(d.decree for d in mine)),
    )


@lru_cache(maxsize=256)
def decreed_holidays(year: int, decreed: tuple[DecreedDay, ...] = ()) -> HolidayYear:
    """`indonesian_holidays` of ``year`` with ``decreed`` applied (memoised).

    Examples:
        >>> decreed_holidays(2026) == indonesian_holidays(2026)
        True
    """
    return with_decrees(indonesian_holidays(year), decreed)


def check_year(year: int) -> int:
    """Return ``year`` when the holiday data covers it, else raise: the one horizon check.

    Raises:
        CalendarHorizonError: when ``year`` is outside `holiday_horizon`.
    """
    first, last = holiday_horizon()
    if not first <= year <= last:
        raise CalendarHorizonError(year, first, last)
    return year
