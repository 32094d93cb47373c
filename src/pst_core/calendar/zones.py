"""Indonesia's 38 provinces and the time zone each keeps (Keppres 41/1987; IANA names).

WIB (UTC+7) is ``Asia/Jakarta`` for Sumatra and Java and ``Asia/Pontianak`` for
West and Central Kalimantan; WITA (UTC+8) is ``Asia/Makassar``; WIT (UTC+9) is
``Asia/Jayapura``.

Examples:
    >>> province("Kalimantan Barat").timezone
    'Asia/Pontianak'
    >>> province_timezone("bengkulu")
    zoneinfo.ZoneInfo(key='Asia/Jakarta')
    >>> len(PROVINCES)
    38
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from pst_core._validation import instance_of, non_empty, one_of, tuple_of
from pst_core.errors import InvalidTypeError, Phrase, UnknownNameError, UnknownProvinceError

__all__ = [
    "PROVINCES",
    "Province",
    "ZoneLabel",
    "province",
    "province_timezone",
    "zone_info",
    "zone_label",
]

ZoneLabel = Literal["WIB", "WITA", "WIT"]

_LABELS: dict[str, ZoneLabel] = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


@attrs.frozen
class Province:
    """A province (*provinsi*) with its official name, English name and time zone.

    Attributes:
        name: Official Indonesian name, e.g. ``"Sumatera Selatan"``.
        name_en: English name, e.g. ``"South Sumatra"``.
        timezone: IANA zone name.
        aliases: Other names people use (abbreviations such as ``"Sumsel"``).
        code: The province's two-digit BPS code, e.g. ``"16"`` (``""`` when not known).

    Examples:
        >>> p = province("South Sumatra")
        >>> p.name, p.zone_label, p.code
        ('Sumatera Selatan', 'WIB', '16')
    """

    name: str = attrs.field(validator=[instance_of(str), non_empty])
    name_en: str = attrs.field(validator=[instance_of(str), non_empty])
    timezone: str = attrs.field(validator=one_of(_LABELS))
    aliases: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    code: str = attrs.field(default="", validator=instance_of(str))

    def to_data(self) -> dict[str, object]:
        """The province as JSON-ready data (``pst-core provinces --json``).

        The shape is stable: ``code``, ``name``, ``name_en``, ``timezone``,
        ``zone_label`` and ``aliases`` (a list).

        Example:
            >>> province("17").to_data()["name"]
            'Bengkulu'
        """
        return {
            "code": self.code,
            "name": self.name,
            "name_en": self.name_en,
            "timezone": self.timezone,
            "zone_label": self.zone_label,
            "aliases": list(self.aliases),
        }

    @property
    def zone_label(self) -> ZoneLabel:
        """``"WIB"``, ``"WITA"`` or ``"WIT"``."""
        return _LABELS[self.timezone]

    @property
    def zone(self) -> ZoneInfo:
        """The province's time zone as a ``ZoneInfo``."""
        return ZoneInfo(self.timezone)


_JKT, _PNK, _MKS, _JYP = "Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"

# The other names people write for a province ("; " between two), beside its official name.
_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "Aceh": "Nanggroe Aceh Darussalam; NAD",
        "Sumatera Utara": "Sumut",
        "Sumatera Barat": "Sumbar",
        "Kepulauan Riau": "Kepri; Kep. Riau",
        "Sumatera Selatan": "Sumsel",
        "Kepulauan Bangka Belitung": "Bangka Belitung; Babel; Kep. Bangka Belitung; Kep Babel",
        "DKI Jakarta": "DKI; DKJ; Daerah Khusus Ibukota Jakarta; Daerah Khusus Jakarta",
        "Jawa Barat": "Jabar",
        "Jawa Tengah": "Jateng",
        "DI Yogyakarta": "Daerah Istimewa Yogyakarta; DIY; Yogyakarta; Jogja; Jogjakarta; Yogya",
        "Jawa Timur": "Jatim",
        "Kalimantan Barat": "Kalbar",
        "Kalimantan Tengah": "Kalteng",
        "Kalimantan Selatan": "Kalsel",
        "Kalimantan Timur": "Kaltim",
        "Kalimantan Utara": "Kaltara",
        "Nusa Tenggara Barat": "NTB; Nusra Barat",
        "Nusa Tenggara Timur": "NTT; Nusra Timur",
        "Sulawesi Utara": "Sulut",
        "Sulawesi Tengah": "Sulteng",
        "Sulawesi Barat": "Sulbar",
        "Sulawesi Selatan": "Sulsel",
        "Sulawesi Tenggara": "Sultra",
        "Maluku Utara": "Malut",
        "Papua Barat": "Pabar",
        "Papua Barat Daya": "PBD; South West Papua",
    }
)


def _p(code: str, name: str, name_en: str, zone: str) -> Province:
    """A row of the table: the province with the other names people write for it."""
    aliases = _ALIASES.get(name)
    return Province(name, name_en, zone, tuple(aliases.split("; ")) if aliases else (), code)


# BPS code, official name, English name and zone (Keppres 41/1987), west to east. The code
# is the province's two digits in BPS's area codes (Master File Desa), as in the unit code
# 1700 of BPS Provinsi Bengkulu.
_ALL = (
    # WIB: Sumatra and Java
    _p("11", "Aceh", "Aceh", _JKT),
    _p("12", "Sumatera Utara", "North Sumatra", _JKT),
    _p("13", "Sumatera Barat", "West Sumatra", _JKT),
    _p("14", "Riau", "Riau", _JKT),
    _p("21", "Kepulauan Riau", "Riau Islands", _JKT),
    _p("15", "Jambi", "Jambi", _JKT),
    _p("16", "Sumatera Selatan", "South Sumatra", _JKT),
    _p("19", "Kepulauan Bangka Belitung", "Bangka Belitung Islands", _JKT),
    _p("17", "Bengkulu", "Bengkulu", _JKT),
    _p("18", "Lampung", "Lampung", _JKT),
    _p("31", "DKI Jakarta", "Jakarta", _JKT),
    _p("32", "Jawa Barat", "West Java", _JKT),
    _p("36", "Banten", "Banten", _JKT),
    _p("33", "Jawa Tengah", "Central Java", _JKT),
    _p("34", "DI Yogyakarta", "Special Region of Yogyakarta", _JKT),
    _p("35", "Jawa Timur", "East Java", _JKT),
    # WIB: West and Central Kalimantan
    _p("61", "Kalimantan Barat", "West Kalimantan", _PNK),
    _p("62", "Kalimantan Tengah", "Central Kalimantan", _PNK),
    # WITA
    _p("63", "Kalimantan Selatan", "South Kalimantan", _MKS),
    _p("64", "Kalimantan Timur", "East Kalimantan", _MKS),
    _p("65", "Kalimantan Utara", "North Kalimantan", _MKS),
    _p("51", "Bali", "Bali", _MKS),
    _p("52", "Nusa Tenggara Barat", "West Nusa Tenggara", _MKS),
    _p("53", "Nusa Tenggara Timur", "East Nusa Tenggara", _MKS),
    _p("71", "Sulawesi Utara", "North Sulawesi", _MKS),
    _p("75", "Gorontalo", "Gorontalo", _MKS),
    _p("72", "Sulawesi Tengah", "Central Sulawesi", _MKS),
    _p("76", "Sulawesi Barat", "West Sulawesi", _MKS),
    _p("73", "Sulawesi Selatan", "South Sulawesi", _MKS),
    _p("74", "Sulawesi Tenggara", "Southeast Sulawesi", _MKS),
    # WIT
    _p("81", "Maluku", "Maluku", _JYP),
    _p("82", "Maluku Utara", "North Maluku", _JYP),
    _p("94", "Papua", "Papua", _JYP),
    _p("91", "Papua Barat", "West Papua", _JYP),
    _p("92", "Papua Barat Daya", "Southwest Papua", _JYP),
    _p("96", "Papua Tengah", "Central Papua", _JYP),
    _p("97", "Papua Pegunungan", "Highland Papua", _JYP),
    _p("95", "Papua Selatan", "South Papua", _JYP),
)

_PROVINCE = Phrase("errors.kind.province")

PROVINCES: MappingProxyType[str, Province] = MappingProxyType({p.name: p for p in _ALL})
"""The 38 provinces by official name (read-only)."""


def _key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).casefold().replace(".", " ").strip()
    text = re.sub(r"^(provinsi|province of|prov)\s+", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    text = re.sub(r"^d i ", "di ", text)  # "D.I. Yogyakarta"
    return re.sub(r"^kep ", "kepulauan ", text)  # "Kep. Riau", "Kep. Bangka Belitung"


_BY_KEY: MappingProxyType[str, Province] = MappingProxyType(
    {_key(alias): p for p in _ALL for alias in (p.name, p.name_en, *p.aliases, p.code)}
)


def province(name: str) -> Province:
    """Look a province up by its BPS code, Indonesian or English name or a common abbreviation.

    Case, spacing, dots and a leading "Provinsi" do not matter; the short forms
    people write work too (``DKI``, ``DIY``, ``Babel``, ``Kep. Riau``, ``NTB``...), and
    so does the two-digit BPS code (``"17"`` is Bengkulu).

    Raises:
        UnknownProvinceError: (a ``LookupError``) listing close matches.

    Examples:
        >>> province("Provinsi Jawa Timur").name_en
        'East Java'
        >>> province("Kep. Bangka Belitung").name, province("DIY").name, province("DKI").name
        ('Kepulauan Bangka Belitung', 'DI Yogyakarta', 'DKI Jakarta')
        >>> province("17") == province("Bengkulu")
        True
        >>> province("Sumatra Selatan")
        Traceback (most recent call last):
        ...
        pst_core.errors.UnknownProvinceError: unknown province 'Sumatra Selatan'; did you mean: ...
    """
    if not isinstance(name, str):
        raise UnknownProvinceError(_PROVINCE, name, known=len(PROVINCES))
    found = _BY_KEY.get(_key(name))
    if found is not None:
        return found
    close = difflib.get_close_matches(_key(name), list(_BY_KEY), n=5, cutoff=0.6)
    suggestions = dict.fromkeys(_BY_KEY[c].name for c in close)
    raise UnknownProvinceError(_PROVINCE, name, tuple(suggestions), known=len(PROVINCES))


def province_timezone(name: str) -> ZoneInfo:
    """The time zone of a province (see `province` for accepted names)."""
    return province(name).zone


def zone_label(zone: str) -> str:
    """``"WIB"``, ``"WITA"`` or ``"WIT"`` for an Indonesian IANA zone, else ``""``.

    Examples:
        >>> zone_label("Asia/Pontianak"), zone_label("UTC")
        ('WIB', '')
    """
    return _LABELS.get(zone, "")


_ZONE_OF_LABEL: MappingProxyType[str, str] = MappingProxyType(
    {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
)


_LONGEST_ZONE_NAME = 64  # the longest IANA name today has 32 characters


def zone_info(value: object, field: str = "timezone") -> ZoneInfo:
    """A ``ZoneInfo`` from itself, an IANA zone name or ``WIB``/``WITA``/``WIT``.

    The labels stand for ``Asia/Jakarta``, ``Asia/Makassar`` and ``Asia/Jayapura``
    (``Asia/Pontianak`` keeps the same offset as WIB). An unknown name lists close ones.

    Raises:
        UnknownNameError: a ``LookupError`` for a name tzdata does not know.
        InvalidTypeError: for anything but a ``ZoneInfo`` or a string.

    Examples:
        >>> zone_info("Asia/Makassar")
        zoneinfo.ZoneInfo(key='Asia/Makassar')
        >>> zone_info("WITA")
        zoneinfo.ZoneInfo(key='Asia/Makassar')
        >>> zone_info("Asia/Jakata")
        Traceback (most recent call last):
        ...
        pst_core.errors.UnknownNameError: unknown time zone 'Asia/Jakata'; did you mean: ...
    """
    if isinstance(value, ZoneInfo):
        return value
    if not isinstance(value, str):
        raise InvalidTypeError(field, value, Phrase("calendar.error.expected_zone_info"))
    label = _ZONE_OF_LABEL.get(value.strip().upper())
    if label is not None:
        return ZoneInfo(label)
    try:
        # IANA names are short; a long one would make zoneinfo import one package per "/"
        # or "." in it (a recursion) before it could say the zone is unknown.
        if len(value) > _LONGEST_ZONE_NAME:
            raise ValueError(value)
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # "Asia" is a folder; long names
        import zoneinfo

        close = (
            difflib.get_close_matches(value, sorted(zoneinfo.available_timezones()), n=3)
            if len(value) <= _LONGEST_ZONE_NAME
            else []
        )
        raise UnknownNameError(
            Phrase("calendar.error.kind_zone"),
            value,
            close,
            allowed=Phrase("calendar.error.allowed_zone_name"),
        ) from None
