"""Tariff schedules: PNBP types and units, flat and regressive items, the schedule in force."""

from __future__ import annotations

import typing
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pst_core._io import dumps_toml
from pst_core.errors import (
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
    NoScheduleInForceError,
    UnknownNameError,
)
from pst_core.i18n import LANGUAGES, text
from pst_core.tariffs import (
    PAYER_BEARS_SHIPPING_AND_BANK_FEES,
    PNBP_LETTERS,
    PNBP_TYPES_BY_LETTER,
    Band,
    PnbpType,
    PricingUnit,
    TariffItem,
    TariffSchedule,
    TariffSchedules,
    illustrative_schedule,
)
from tests.strategies import regressive_bands
from tests.tariffs.helpers import EXAMPLE, ROOT, example_data, one_item_schedule

PACKAGED = ROOT / "src" / "pst_core" / "tariffs" / "data" / "illustrative.toml"


def test_the_example_schedule_says_it_is_illustrative() -> None:
    schedule = TariffSchedule.load(EXAMPLE)
    assert schedule.illustrative
    assert "ILLUSTRATIVE" in schedule.legal_basis
    assert "NOT OFFICIAL" in schedule.title
    assert schedule.codes == (
        "pub-print",
        "pub-pdf",
        "microdata-record",
        "microdata-variable",
        "wilkerstat-map",
    )
    microdata = schedule.item("microdata-record")
    assert microdata.banded
    assert microdata.max_quantity is None
    assert [b.price for b in microdata.bands] == [Decimal(100), Decimal(50), Decimal(10)]
    assert schedule.item("pub-print").price == Decimal(1000)
    assert schedule.period == "from 2026-01-01"


def test_the_packaged_schedule_is_the_example_file() -> None:
    assert PACKAGED.read_bytes() == EXAMPLE.read_bytes()
    assert illustrative_schedule() == TariffSchedule.load(EXAMPLE)


def test_pnbp_types_follow_pp_7_2015_article_1() -> None:
    types = typing.get_args(PnbpType)
    assert [PNBP_LETTERS[t] for t in types] == list("abcdefgh")
    assert PNBP_TYPES_BY_LETTER["c"] == "microdata"
    assert PNBP_TYPES_BY_LETTER["h"] == "cooperation_contract"
    assert [t for t in types if PAYER_BEARS_SHIPPING_AND_BANK_FEES[t]] == list(types[:4])


@pytest.mark.parametrize(
    "table", [PNBP_LETTERS, PNBP_TYPES_BY_LETTER, PAYER_BEARS_SHIPPING_AND_BANK_FEES]
)
def test_tables_are_read_only(table: Any) -> None:
    with pytest.raises(TypeError):
        table["microdata"] = "z"


@pytest.mark.parametrize(("kind", "vocabulary"), [("pnbp_type", PnbpType), ("unit", PricingUnit)])
def test_every_member_has_a_name_in_both_languages(kind: str, vocabulary: Any) -> None:
    for member in typing.get_args(vocabulary):
        for language in LANGUAGES:
            assert text(f"tariffs.{kind}.{member}", language)
    assert text("tariffs.unit.map_sheet", "en") == "map sheet"


@given(regressive_bands())
def test_generated_bands_are_accepted_and_reversed_ones_are_not(bands: tuple[Band, ...]) -> None:
    item = TariffItem(code="md", pnbp_type="microdata", unit="record", bands=bands)
    assert item.bands == bands
    prices = [b.price for b in bands]
    if len(set(prices)) > 1:
        increasing = tuple(
            Band(b.first, p, last=b.last) for b, p in zip(bands, sorted(prices), strict=True)
        )
        with pytest.raises(InvalidValueError, match="non-increasing"):
            TariffItem(code="md", pnbp_type="microdata", unit="record", bands=increasing)


def test_band_and_item_validation_in_code() -> None:
    with pytest.raises(InvalidTypeError, match=r"Band\.price"):
        Band(1, 10.0)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"Band\.price"):
        Band(1, Decimal("0.5"))
    with pytest.raises(InvalidValueError, match="contiguous"):
        TariffItem(
            code="md",
            pnbp_type="microdata",
            unit="record",
            bands=(Band(2, Decimal(5)),),
        )
    with pytest.raises(InvalidValueError, match="exactly one"):
        TariffItem(
            code="md",
            pnbp_type="microdata",
            unit="record",
            price=Decimal(1),
            bands=(Band(1, Decimal(5)),),
        )
    assert Band(1, Decimal(5), last=10).size == 10


def test_unknown_code_suggests_close_ones() -> None:
    schedule = TariffSchedule.load(EXAMPLE)
    with pytest.raises(UnknownNameError) as info:
        schedule.item("microdata-records")
    assert info.value.suggestions[0] == "microdata-record"
    assert "allowed: pub-print, pub-pdf" in str(info.value)


def test_schedule_at_picks_the_schedule_in_force() -> None:
    old = one_item_schedule("old", date(2020, 1, 1), date(2025, 12, 31))
    new = one_item_schedule("new", date(2026, 1, 1))
    book = TariffSchedules((new, old))
    assert book.schedules == (old, new)  # sorted by start
    assert book.schedule_at(date(2025, 12, 31)) is old
    assert book.schedule_at(date(2026, 1, 1)) is new
    assert book.schedule_at(date(2099, 1, 1)) is new
    # An aware datetime counts by its own local date.
    wib = datetime(2026, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=7)))
    assert book.schedule_at(wib) is new
    assert book.schedule_at(wib.astimezone(timezone.utc)) is old
    with pytest.raises(NaiveDatetimeError):
        book.schedule_at(datetime(2026, 1, 1))
    with pytest.raises(InvalidTypeError):
        book.schedule_at("2026-01-01")  # type: ignore[arg-type]


def test_no_schedule_in_force_is_a_clear_error() -> None:
    book = TariffSchedules((one_item_schedule("only 2026", date(2026, 1, 1), date(2026, 12, 31)),))
    with pytest.raises(NoScheduleInForceError) as info:
        book.schedule_at(date(2027, 1, 1))
    assert str(info.value) == (
        "no tariff schedule in force on 2027-01-01; "
        "schedules cover: 'only 2026' 2026-01-01 to 2026-12-31"
    )
    assert info.value.value == date(2027, 1, 1)
    assert isinstance(info.value, LookupError)
    with pytest.raises(NoScheduleInForceError, match="schedules cover: none"):
        TariffSchedules(()).schedule_at(date(2026, 1, 1))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ((date(2020, 1, 1), None), (date(2026, 1, 1), None)),
        ((date(2020, 1, 1), date(2026, 1, 1)), (date(2026, 1, 1), None)),
        ((date(2020, 1, 1), date(2030, 1, 1)), (date(2024, 1, 1), date(2025, 1, 1))),
    ],
)
def test_overlapping_schedules_are_refused(
    first: tuple[date, date | None], second: tuple[date, date | None]
) -> None:
    with pytest.raises(InvalidValueError, match="overlapping schedules") as info:
        TariffSchedules((one_item_schedule("A", *first), one_item_schedule("B", *second)))
    assert "'A'" in str(info.value)
    assert "'B'" in str(info.value)


@given(
    st.lists(st.tuples(st.integers(0, 400), st.integers(0, 60)), min_size=1, max_size=5),
    st.integers(0, 800),
)
def test_schedule_at_agrees_with_in_force(spans: list[tuple[int, int]], probe: int) -> None:
    base = date(2024, 1, 1).toordinal()
    schedules = [
        one_item_schedule(
            f"s{i}", date.fromordinal(base + start), date.fromordinal(base + start + n)
        )
        for i, (start, n) in enumerate(spans)
    ]
    try:
        book = TariffSchedules(tuple(schedules))
    except InvalidValueError:
        # Refused exactly when two periods share a day.
        days = [set(range(s, s + n + 1)) for s, n in spans]
        assert any(a & b for i, a in enumerate(days) for b in days[i + 1 :])
        return
    day = date.fromordinal(base + probe)
    covering = [s for s in schedules if s.in_force(day)]
    assert len(covering) <= 1
    if covering:
        assert book.schedule_at(day) is covering[0]
    else:
        with pytest.raises(NoScheduleInForceError):
            book.schedule_at(day)


def test_schedules_must_be_schedules() -> None:
    with pytest.raises(InvalidTypeError):
        TariffSchedules(("not a schedule",))
    with pytest.raises(InvalidTypeError, match="effective_until"):
        TariffSchedule(
            title="t",
            legal_basis="l",
            effective_from=date(2026, 1, 1),
            effective_until=datetime(2026, 12, 31, tzinfo=timezone.utc),
            items=one_item_schedule("x", date(2026, 1, 1)).items,
        )
    with pytest.raises(InvalidTypeError, match="effective_until"):
        TariffSchedule(
            title="t",
            legal_basis="l",
            effective_from=date(2026, 1, 1),
            effective_until="2026-12-31",  # type: ignore[arg-type]
            items=one_item_schedule("x", date(2026, 1, 1)).items,
        )
    with pytest.raises(InvalidTypeError, match="effective_from"):
        TariffSchedule(
            title="t",
            legal_basis="l",
            effective_from=datetime(2026, 1, 1, tzinfo=timezone.utc),
            items=one_item_schedule("x", date(2026, 1, 1)).items,
        )


def _load_schedules(paths: list[Path]) -> TariffSchedules:
    return TariffSchedules(tuple(TariffSchedule.load(path) for path in paths))


def test_load_schedules_reads_several_files(tmp_path: Path) -> None:
    later = tmp_path / "later.toml"
    data = example_data()
    data["effective_from"] = "2027-01-01"
    later.write_text(dumps_toml(data), encoding="utf-8")
    overlapping = _load_schedules([EXAMPLE])  # a single file is fine
    assert len(overlapping.schedules) == 1
    with pytest.raises(InvalidValueError, match="overlapping"):
        _load_schedules([EXAMPLE, later])


@pytest.mark.hostile
@pytest.mark.parametrize("text", ["Tarif\x1b[31m", "Tarif\u202e", "two\nlines", "x\ud83d"])
def test_a_schedules_text_for_people_refuses_what_would_paint_a_terminal(text: str) -> None:
    """A title, legal basis or item name is read by people: no control characters."""
    with pytest.raises(InvalidValueError, match="title"):
        one_item_schedule(text, date(2026, 1, 1))
    with pytest.raises(InvalidValueError, match=r"TariffItem\.name"):
        TariffItem(code="p", pnbp_type="printed_publication", unit="page", name=text)
