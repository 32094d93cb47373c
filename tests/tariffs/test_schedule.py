"""Tariff schedules: validation with field paths, TOML/JSON round trips, the schedule in force."""

from __future__ import annotations

import copy
import sys
import typing
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pst_core._io import dumps_toml
from pst_core.errors import (
    DataFileError,
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
    NoScheduleInForceError,
    UnknownNameError,
)
from pst_core.i18n import LANGUAGES, text
from pst_core.tariffs.schedule import (
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
from tests.strategies import regressive_bands, tariff_schedules

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found]

ROOT = Path(__file__).parent.parent.parent
EXAMPLE = ROOT / "examples" / "illustrative_schedule.toml"
PACKAGED = ROOT / "src" / "pst_core" / "tariffs" / "data" / "illustrative.toml"


def _load_schedules(paths: list[Path]) -> TariffSchedules:
    return TariffSchedules(tuple(TariffSchedule.load(path) for path in paths))


def _example_data() -> dict[str, Any]:
    data = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["effective_from"] = data["effective_from"].isoformat()  # our TOML writer has no dates
    return data  # type: ignore[no-any-return]


def _schedule(title: str, start: date, end: date | None = None) -> TariffSchedule:
    item = TariffItem(code="p", pnbp_type="printed_publication", unit="page", price=Decimal(1))
    return TariffSchedule(
        title=title,
        legal_basis="ILLUSTRATIVE",
        effective_from=start,
        effective_until=end,
        items=(item,),
    )


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


def _set(path: tuple[Any, ...], value: Any) -> Any:
    def mutate(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        if value is _DELETE:
            del target[path[-1]]
        else:
            target[path[-1]] = value

    return mutate


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value", "where", "fragment"),
    [
        (("items", 0, "price"), -5, "items[0].price", "whole, non-negative"),
        (("items", 0, "price"), "1.5", "items[0].price", "30.000"),
        (("items", 0, "price"), "30,000.50", "items[0].price", "30.000"),
        (("items", 0, "price"), 1.5, "items[0].price", "whole rupiah as an integer"),
        (("items", 0, "price"), True, "items[0].price", "whole rupiah as an integer"),
        (("items", 0, "price"), "abc", "items[0].price", "no fractions"),
        (("items", 0, "price"), "1E+999999999", "items[0].price", "no fractions"),
        (("items", 0, "price"), 10**24, "items[0].price", "at most 24 digits"),
        (("items", 0, "price"), "1" * 25, "items[0].price", "at most 24 digits"),
        (("items", 2, "bands", 1, "price"), "-1", "items[2].bands[1].price", "whole"),
        (("items", 2, "bands", 1, "price"), 0.5, "items[2].bands[1].price", "integer"),
        (("items", 2, "bands", 1, "first"), 1002, "items[2].bands", "must be 1001, not 1002"),
        (("items", 2, "bands", 0, "first"), 0, "items[2].bands[0].first", ">= 1"),
        (("items", 2, "bands", 1, "price"), 500, "items[2].bands", "non-increasing"),
        (("items", 2, "bands", 0, "last"), _DELETE, "items[2].bands", "only the last band"),
        (("items", 2, "bands", 1, "last"), 900, "items[2].bands[1].last", ">= first"),
        (("items", 0, "bands"), [{"first": 1, "price": 5}], "items[0].bands", "exactly one"),
        (("items", 0, "price"), _DELETE, "items[0].bands", "exactly one"),
        (("items", 0, "pnbp_type"), "cooperation_contract", "items[0].pnbp_type", "contract"),
        (("items", 0, "pnbp_type"), "book", "items[0].pnbp_type", "'microdata'"),
        (("items", 0, "unit"), "pages", "items[0].unit", "'map_sheet'"),
        (("items", 1, "code"), "pub-print", "items", "items[1] repeats items[0]"),
        (("items", 1, "code"), "pub print", "items[1].code", "letters, digits"),
        (("effective_until",), "2025-01-01", "effective_until", "on or after effective_from"),
        (("effective_from",), "next year", "effective_from", "ISO date"),
        (("items",), [], "items", "at least one item"),
        (("illustrative",), "yes", "illustrative", "true or false"),
        (("extra",), 1, "extra", "the fields"),
    ],
)
def test_invalid_files_name_the_field_path(
    tmp_path: Path, path: tuple[Any, ...], value: Any, where: str, fragment: str
) -> None:
    data = copy.deepcopy(_example_data())
    _set(path, value)(data)
    file = tmp_path / "bad.toml"
    file.write_text(dumps_toml(data), encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        TariffSchedule.load(file)
    assert info.value.file == str(file)
    assert info.value.path == where
    assert fragment in str(info.value)


def test_missing_field_and_syntax_errors(tmp_path: Path) -> None:
    data = _example_data()
    del data["legal_basis"]
    with pytest.raises(DataFileError, match="legal_basis: missing required field"):
        TariffSchedule.from_data(data, file="x.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("title = ", encoding="utf-8")
    with pytest.raises(DataFileError, match="syntax error"):
        TariffSchedule.load(broken)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(tariff_schedules(), st.sampled_from([".toml", ".json"]))
def test_file_round_trip(tmp_path: Path, schedule: TariffSchedule, suffix: str) -> None:
    target = tmp_path / f"schedule{suffix}"
    schedule.dump(target)
    assert TariffSchedule.load(target) == schedule


@given(tariff_schedules(), st.sampled_from(["toml", "json"]))
def test_text_and_data_round_trip(schedule: TariffSchedule, format: Any) -> None:
    assert TariffSchedule.loads(schedule.dumps(format), format=format) == schedule
    assert TariffSchedule.from_data(schedule.to_data()) == schedule


@given(st.integers(min_value=0, max_value=10**24 - 1), st.sampled_from(["toml", "json"]))
def test_any_bounded_price_round_trips_exactly(price: int, format: Any) -> None:
    item = TariffItem(code="p", pnbp_type="training", unit="day", price=Decimal(price))
    big = TariffSchedule(
        title="big", legal_basis="ILLUSTRATIVE", effective_from=date(2026, 1, 1), items=(item,)
    )
    again = TariffSchedule.loads(big.dumps(format), format=format)
    assert again == big
    assert again.items[0].price == price


def test_prices_written_as_indonesian_strings_are_read_exactly() -> None:
    data = _example_data()
    data["items"][0]["price"] = "Rp 1.500,-"
    data["items"][1]["price"] = "30.000"
    schedule = TariffSchedule.from_data(data)
    assert schedule.item("pub-print").price == Decimal(1500)
    assert schedule.item("pub-pdf").price == Decimal(30000)


def test_dumped_prices_are_toml_integers(tmp_path: Path) -> None:
    target = tmp_path / "copy.toml"
    TariffSchedule.load(EXAMPLE).dump(target)
    text = target.read_text(encoding="utf-8")
    assert "price = 1000\n" in text
    assert 'price = "' not in text


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
    old = _schedule("old", date(2020, 1, 1), date(2025, 12, 31))
    new = _schedule("new", date(2026, 1, 1))
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
    book = TariffSchedules((_schedule("only 2026", date(2026, 1, 1), date(2026, 12, 31)),))
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
        TariffSchedules((_schedule("A", *first), _schedule("B", *second)))
    assert "'A'" in str(info.value)
    assert "'B'" in str(info.value)


@given(
    st.lists(st.tuples(st.integers(0, 400), st.integers(0, 60)), min_size=1, max_size=5),
    st.integers(0, 800),
)
def test_schedule_at_agrees_with_in_force(spans: list[tuple[int, int]], probe: int) -> None:
    base = date(2024, 1, 1).toordinal()
    schedules = [
        _schedule(f"s{i}", date.fromordinal(base + start), date.fromordinal(base + start + n))
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
            items=_schedule("x", date(2026, 1, 1)).items,
        )
    with pytest.raises(InvalidTypeError, match="effective_until"):
        TariffSchedule(
            title="t",
            legal_basis="l",
            effective_from=date(2026, 1, 1),
            effective_until="2026-12-31",  # type: ignore[arg-type]
            items=_schedule("x", date(2026, 1, 1)).items,
        )
    with pytest.raises(InvalidTypeError, match="effective_from"):
        TariffSchedule(
            title="t",
            legal_basis="l",
            effective_from=datetime(2026, 1, 1, tzinfo=timezone.utc),
            items=_schedule("x", date(2026, 1, 1)).items,
        )


def test_load_schedules_reads_several_files(tmp_path: Path) -> None:
    later = tmp_path / "later.toml"
    data = _example_data()
    data["effective_from"] = "2027-01-01"
    later.write_text(dumps_toml(data), encoding="utf-8")
    overlapping = _load_schedules([EXAMPLE])  # a single file is fine
    assert len(overlapping.schedules) == 1
    with pytest.raises(InvalidValueError, match="overlapping"):
        _load_schedules([EXAMPLE, later])
