"""Provinces and time zones: the whole table, the spellings people write, whole error messages.

Zones per DOMAIN.md section 3 (Keppres 41/1987): WIB for Sumatra and Java (``Asia/Jakarta``)
and West and Central Kalimantan (``Asia/Pontianak``), WITA (``Asia/Makassar``), WIT
(``Asia/Jayapura``); 38 provinces.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from pst_core.calendar import (
    PROVINCES,
    WorkingCalendar,
    province,
)
from pst_core.calendar.zones import Province, _p, province_timezone, zone_info, zone_label
from pst_core.errors import (
    InvalidTypeError,
    UnknownNameError,
    UnknownProvinceError,
)

_JKT, _PNK, _MKS, _JYP = "Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"


# name: (English name, zone, aliases), in the table's order (west to east).
GOLDEN: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "Aceh": ("Aceh", _JKT, ("Nanggroe Aceh Darussalam", "NAD")),
    "Sumatera Utara": ("North Sumatra", _JKT, ("Sumut",)),
    "Sumatera Barat": ("West Sumatra", _JKT, ("Sumbar",)),
    "Riau": ("Riau", _JKT, ()),
    "Kepulauan Riau": ("Riau Islands", _JKT, ("Kepri", "Kep. Riau")),
    "Jambi": ("Jambi", _JKT, ()),
    "Sumatera Selatan": ("South Sumatra", _JKT, ("Sumsel",)),
    "Kepulauan Bangka Belitung": (
        "Bangka Belitung Islands",
        _JKT,
        ("Bangka Belitung", "Babel", "Kep. Bangka Belitung", "Kep Babel"),
    ),
    "Bengkulu": ("Bengkulu", _JKT, ()),
    "Lampung": ("Lampung", _JKT, ()),
    "DKI Jakarta": (
        "Jakarta",
        _JKT,
        ("DKI", "DKJ", "Daerah Khusus Ibukota Jakarta", "Daerah Khusus Jakarta"),
    ),
    "Jawa Barat": ("West Java", _JKT, ("Jabar",)),
    "Banten": ("Banten", _JKT, ()),
    "Jawa Tengah": ("Central Java", _JKT, ("Jateng",)),
    "DI Yogyakarta": (
        "Special Region of Yogyakarta",
        _JKT,
        ("Daerah Istimewa Yogyakarta", "DIY", "Yogyakarta", "Jogja", "Jogjakarta", "Yogya"),
    ),
    "Jawa Timur": ("East Java", _JKT, ("Jatim",)),
    "Kalimantan Barat": ("West Kalimantan", _PNK, ("Kalbar",)),
    "Kalimantan Tengah": ("Central Kalimantan", _PNK, ("Kalteng",)),
    "Kalimantan Selatan": ("South Kalimantan", _MKS, ("Kalsel",)),
    "Kalimantan Timur": ("East Kalimantan", _MKS, ("Kaltim",)),
    "Kalimantan Utara": ("North Kalimantan", _MKS, ("Kaltara",)),
    "Bali": ("Bali", _MKS, ()),
    "Nusa Tenggara Barat": ("West Nusa Tenggara", _MKS, ("NTB", "Nusra Barat")),
    "Nusa Tenggara Timur": ("East Nusa Tenggara", _MKS, ("NTT", "Nusra Timur")),
    "Sulawesi Utara": ("North Sulawesi", _MKS, ("Sulut",)),
    "Gorontalo": ("Gorontalo", _MKS, ()),
    "Sulawesi Tengah": ("Central Sulawesi", _MKS, ("Sulteng",)),
    "Sulawesi Barat": ("West Sulawesi", _MKS, ("Sulbar",)),
    "Sulawesi Selatan": ("South Sulawesi", _MKS, ("Sulsel",)),
    "Sulawesi Tenggara": ("Southeast Sulawesi", _MKS, ("Sultra",)),
    "Maluku": ("Maluku", _JYP, ()),
    "Maluku Utara": ("North Maluku", _JYP, ("Malut",)),
    "Papua": ("Papua", _JYP, ()),
    "Papua Barat": ("West Papua", _JYP, ("Pabar",)),
    "Papua Barat Daya": ("Southwest Papua", _JYP, ("PBD", "South West Papua")),
    "Papua Tengah": ("Central Papua", _JYP, ()),
    "Papua Pegunungan": ("Highland Papua", _JYP, ()),
    "Papua Selatan": ("South Papua", _JYP, ()),
}

_LABEL = {_JKT: "WIB", _PNK: "WIB", _MKS: "WITA", _JYP: "WIT"}


# BPS's two-digit province codes (as in unit codes: BPS Provinsi Bengkulu is 1700).
CODES = {
    "Aceh": "11", "Sumatera Utara": "12", "Sumatera Barat": "13", "Riau": "14", "Jambi": "15",
    "Sumatera Selatan": "16", "Bengkulu": "17", "Lampung": "18",
    "Kepulauan Bangka Belitung": "19", "Kepulauan Riau": "21", "DKI Jakarta": "31",
    "Jawa Barat": "32", "Jawa Tengah": "33", "DI Yogyakarta": "34", "Jawa Timur": "35",
    "Banten": "36", "Bali": "51", "Nusa Tenggara Barat": "52", "Nusa Tenggara Timur": "53",
    "Kalimantan Barat": "61", "Kalimantan Tengah": "62", "Kalimantan Selatan": "63",
    "Kalimantan Timur": "64", "Kalimantan Utara": "65", "Sulawesi Utara": "71",
    "Sulawesi Tengah": "72", "Sulawesi Selatan": "73", "Sulawesi Tenggara": "74",
    "Gorontalo": "75", "Sulawesi Barat": "76", "Maluku": "81", "Maluku Utara": "82",
    "Papua Barat": "91", "Papua Barat Daya": "92", "Papua": "94", "Papua Selatan": "95",
    "Papua Tengah": "96", "Papua Pegunungan": "97",
}  # fmt: skip


@pytest.mark.golden
def test_the_whole_province_table() -> None:
    assert list(PROVINCES) == list(GOLDEN)
    for name, (name_en, zone, aliases) in GOLDEN.items():
        found = PROVINCES[name]
        assert found == Province(name, name_en, zone, aliases, CODES[name])
        assert province(CODES[name]) is found
        assert found.zone_label == _LABEL[zone]
        assert found.zone == ZoneInfo(zone)
        assert province_timezone(name) == ZoneInfo(zone)


@pytest.mark.parametrize("name", list(GOLDEN))
def test_every_name_english_name_and_alias_finds_its_province(name: str) -> None:
    name_en, _, aliases = GOLDEN[name]
    for spelling in (name, name_en, *aliases):
        assert province(spelling) is PROVINCES[name]
        assert province(spelling.upper()) is PROVINCES[name]
        assert province(f"  {spelling.lower()} ") is PROVINCES[name]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Provinsi Jawa Timur", "Jawa Timur"),
        ("PROVINSI   jawa timur", "Jawa Timur"),
        ("Province of Bali", "Bali"),
        ("Prov. Bali", "Bali"),
        ("prov bali", "Bali"),
        ("D.I. Yogyakarta", "DI Yogyakarta"),
        ("D. I. Yogyakarta", "DI Yogyakarta"),
        ("Kep. Riau", "Kepulauan Riau"),
        ("kep riau", "Kepulauan Riau"),
        ("Kep.Riau", "Kepulauan Riau"),
        ("Kep Bangka Belitung", "Kepulauan Bangka Belitung"),
        ("Jawa-Barat", "Jawa Barat"),
        ("jawa_barat", "Jawa Barat"),
        ("Ｂａｌｉ", "Bali"),  # fullwidth letters: NFKD makes them ASCII
        ("Sulawesi\tSelatan", "Sulawesi Selatan"),
    ],
)
def test_spellings_people_write(written: str, name: str) -> None:
    assert province(written) is PROVINCES[name]


@pytest.mark.parametrize(
    "written",
    [
        "Kepulauan",  # "kep " is only rewritten as a prefix word
        "Provinsi",  # nothing left after the prefix: no province
        "Jawa Barat Provinsi",
        "Bali Prov",
        "xProv Bali",
        "Riaux",
    ],
)
def test_near_spellings_are_not_provinces(written: str) -> None:
    with pytest.raises(UnknownProvinceError):
        province(written)


@pytest.mark.golden
@pytest.mark.parametrize(
    ("written", "message", "suggestions"),
    [
        (
            "Sumatra Selatan",
            "unknown province 'Sumatra Selatan'; did you mean: Sumatera Selatan, Kalimantan"
            " Selatan, Papua Selatan, Sulawesi Selatan, Sumatera Utara? (38 known)",
            (
                "Sumatera Selatan",
                "Kalimantan Selatan",
                "Papua Selatan",
                "Sulawesi Selatan",
                "Sumatera Utara",
            ),
        ),
        (
            "Papua Bara",
            "unknown province 'Papua Bara'; did you mean: Papua Barat, Papua Barat Daya,"
            " Jawa Barat, Papua Selatan, Papua? (38 known)",
            ("Papua Barat", "Papua Barat Daya", "Jawa Barat", "Papua Selatan", "Papua"),
        ),
        (
            "Sulawesi",
            "unknown province 'Sulawesi'; did you mean: Sulawesi Barat, Sulawesi Utara,"
            " Sulawesi Selatan? (38 known)",
            ("Sulawesi Barat", "Sulawesi Utara", "Sulawesi Selatan"),
        ),
        ("zzz", "unknown province 'zzz' (38 known)", ()),
    ],
)
def test_unknown_province_messages(
    written: str, message: str, suggestions: tuple[str, ...]
) -> None:
    with pytest.raises(UnknownProvinceError) as caught:
        province(written)
    assert str(caught.value) == message
    assert caught.value.suggestions == suggestions
    assert caught.value.kind == "province"
    assert caught.value.value == written


def test_a_province_name_must_be_a_string() -> None:
    with pytest.raises(UnknownProvinceError) as caught:
        province(38)  # type: ignore[arg-type]
    assert str(caught.value) == "unknown province 38 (38 known)"
    assert caught.value.suggestions == ()


@pytest.mark.parametrize(
    ("zone", "label"),
    [(_JKT, "WIB"), (_PNK, "WIB"), (_MKS, "WITA"), (_JYP, "WIT"), ("UTC", ""), ("WIB", "")],
)
def test_zone_label(zone: str, label: str) -> None:
    assert zone_label(zone) == label


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("WIB", _JKT),
        ("WITA", _MKS),
        ("WIT", _JYP),
        ("wita", _MKS),
        (" wit ", _JYP),
        ("Wib", _JKT),
        (_PNK, _PNK),
        ("UTC", "UTC"),
        ("Europe/Amsterdam", "Europe/Amsterdam"),
    ],
)
def test_zone_info_reads_names_and_labels(value: str, key: str) -> None:
    assert zone_info(value) == ZoneInfo(key)


def test_zone_info_keeps_a_zoneinfo() -> None:
    zone = ZoneInfo("Asia/Makassar")
    assert zone_info(zone) is zone


def test_zone_info_wrong_type_names_the_field() -> None:
    with pytest.raises(InvalidTypeError) as caught:
        zone_info(7)
    assert str(caught.value) == "timezone: expected ZoneInfo or IANA zone name, got int 7"
    assert caught.value.field == "timezone"
    with pytest.raises(InvalidTypeError) as caught:
        zone_info(None, "Calendar.zone")
    assert (
        str(caught.value) == "Calendar.zone: expected ZoneInfo or IANA zone name, got NoneType None"
    )


def test_zone_info_unknown_name_lists_close_names() -> None:
    with pytest.raises(UnknownNameError) as caught:
        zone_info("Asia/Jakata")
    err = caught.value
    assert not isinstance(err, UnknownProvinceError)
    assert err.kind == "time zone"
    assert len(err.suggestions) == 3
    assert err.suggestions[0] == "Asia/Jakarta"
    assert str(err) == (
        f"unknown time zone 'Asia/Jakata'; did you mean: {', '.join(err.suggestions)}?;"
        " allowed: an IANA name such as 'Asia/Jakarta'"
    )
    assert err.__cause__ is None
    assert err.__suppress_context__


@pytest.mark.parametrize("name", ["WITAA", "W I B", "Jakarta"])
def test_zone_info_labels_are_whole_words(name: str) -> None:
    with pytest.raises(UnknownNameError):
        zone_info(name)


def test_the_table_row_helper_keeps_every_field() -> None:
    """``_p`` builds the table at import time (before any mutant runs): pin it directly."""
    row = _p("21", "Kepulauan Riau", "Riau Islands", _JKT)
    assert row == Province("Kepulauan Riau", "Riau Islands", _JKT, ("Kepri", "Kep. Riau"), "21")
    assert row.aliases == ("Kepri", "Kep. Riau")
    assert _p("51", "Bali", "Bali", _MKS).aliases == ()


def test_province_calendars() -> None:
    assert len(PROVINCES) == 38
    assert WorkingCalendar.for_province("Kalimantan Barat").timezone.key == "Asia/Pontianak"
    assert WorkingCalendar.for_province("Central Kalimantan").timezone.key == "Asia/Pontianak"
    assert WorkingCalendar.for_province("Kalimantan Timur").timezone.key == "Asia/Makassar"
    assert WorkingCalendar.for_province("Papua Selatan").timezone.key == "Asia/Jayapura"
    assert WorkingCalendar.for_province("sumsel").timezone.key == "Asia/Jakarta"
    zones = {p.timezone for p in PROVINCES.values()}
    assert zones == {"Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"}
    counts = {z: sum(p.timezone == z for p in PROVINCES.values()) for z in zones}
    assert counts == {
        "Asia/Jakarta": 16,
        "Asia/Pontianak": 2,
        "Asia/Makassar": 12,
        "Asia/Jayapura": 8,
    }


def test_unknown_province_lists_close_matches() -> None:
    with pytest.raises(UnknownProvinceError) as caught:
        WorkingCalendar.for_province("Jawa Barta")
    assert isinstance(caught.value, LookupError)
    assert caught.value.suggestions[0] == "Jawa Barat"
    assert "did you mean: Jawa Barat" in str(caught.value)
    with pytest.raises(UnknownProvinceError):
        province(38)  # type: ignore[arg-type]


def test_zone_labels() -> None:
    assert province("Bali").zone_label == "WITA"
    assert province("Maluku").zone_label == "WIT"
    assert province("Kalimantan Barat").zone_label == "WIB"


@pytest.mark.hostile
@pytest.mark.parametrize("name", ["Asia", "Asia/" + "x" * 300, "x" * 300, "../etc", "", "a\0b"])
def test_zone_names_that_are_not_zones(name: str) -> None:
    with pytest.raises(UnknownNameError):
        zone_info(name)
    with pytest.raises(UnknownNameError):
        WorkingCalendar.pst(name)
