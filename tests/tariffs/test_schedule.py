"""Tariff schedules: validation with field paths, TOML/JSON round trips, the schedule in force."""

from __future__ import annotations

import copy
import sys
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pst_core._io import dumps_toml, structure, unstructure
from pst_core.errors import (
    DataFileError,
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
    NoScheduleInForceError,
    UnknownNameError,
)
from pst_core.tariffs.schedule import (
    Band,
    PnbpType,
    TariffItem,
    TariffSchedule,
    TariffSchedules,
    Unit,
    dump_schedule,
    load_schedule,
    load_schedules,
)
from tests.strategies import regressive_bands, tariff_schedules

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found]

EXAMPLE = Path(__file__).parent.parent.parent / "examples" / "illustrative_schedule.toml"


def _example_data() -> dict[str, Any]:
    data = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["effective_from"] = data["effective_from"].isoformat()  # our TOML writer has no dates
    return data  # type: ignore[no-any-return]


def _schedule(title: str, start: date, end: date | None = None) -> TariffSchedule:
    item = TariffItem(
        code="p", pnbp_type=PnbpType.PRINTED_PUBLICATION, unit=Unit.PAGE, price=Decimal(1)
    )
    return TariffSchedule(
        title=title,
        legal_basis="ILLUSTRATIVE",
        effective_from=start,
        effective_until=end,
        items=(item,),
    )


def test_the_example_schedule_says_it_is_illustrative() -> None:
    schedule = load_schedule(EXAMPLE)
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


def test_pnbp_types_follow_pp_7_2015_article_1() -> None:
    assert [t.letter for t in PnbpType] == list("abcdefgh")
    assert PnbpType.from_letter("c") is PnbpType.MICRODATA
    assert PnbpType.from_letter("h") is PnbpType.COOPERATION_CONTRACT
    assert all(t.label for t in PnbpType)
    with pytest.raises(UnknownNameError, match="PNBP type letter"):
        PnbpType.from_letter("i")
    assert Unit.MAP_SHEET.label == "map sheet"


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
        (("items", 0, "price"), "1.5", "items[0].price", "whole, non-negative"),
        (("items", 0, "price"), 1.5, "items[0].price", "decimal string"),
        (("items", 0, "price"), "abc", "items[0].price", "decimal number"),
        (("items", 2, "bands", 1, "price"), "-1", "items[2].bands[1].price", "whole"),
        (("items", 2, "bands", 1, "price"), 0.5, "items[2].bands[1].price", "decimal string"),
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
        load_schedule(file)
    assert info.value.file == str(file)
    assert info.value.path == where
    assert fragment in str(info.value)


def test_missing_field_and_syntax_errors(tmp_path: Path) -> None:
    data = _example_data()
    del data["legal_basis"]
    with pytest.raises(DataFileError, match="legal_basis: missing required field"):
        structure(data, TariffSchedule, file="x.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("title = ", encoding="utf-8")
    with pytest.raises(DataFileError, match="syntax error"):
        load_schedule(broken)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(tariff_schedules(), st.sampled_from([".toml", ".json"]))
def test_file_round_trip(tmp_path: Path, schedule: TariffSchedule, suffix: str) -> None:
    target = tmp_path / f"schedule{suffix}"
    dump_schedule(schedule, target)
    assert load_schedule(target) == schedule


@given(tariff_schedules())
def test_data_round_trip(schedule: TariffSchedule) -> None:
    text = dumps_toml(unstructure(schedule))
    assert structure(tomllib.loads(text), TariffSchedule) == schedule


def test_dumped_prices_are_toml_integers(tmp_path: Path) -> None:
    target = tmp_path / "copy.toml"
    dump_schedule(load_schedule(EXAMPLE), target)
    text = target.read_text(encoding="utf-8")
    assert "price = 1000\n" in text
    assert 'price = "' not in text


@given(regressive_bands())
def test_generated_bands_are_accepted_and_reversed_ones_are_not(bands: tuple[Band, ...]) -> None:
    item = TariffItem(code="md", pnbp_type=PnbpType.MICRODATA, unit=Unit.RECORD, bands=bands)
    assert item.bands == bands
    prices = [b.price for b in bands]
    if len(set(prices)) > 1:
        increasing = tuple(
            Band(b.first, p, last=b.last) for b, p in zip(bands, sorted(prices), strict=True)
        )
        with pytest.raises(InvalidValueError, match="non-increasing"):
            TariffItem(code="md", pnbp_type=PnbpType.MICRODATA, unit=Unit.RECORD, bands=increasing)


def test_band_and_item_validation_in_code() -> None:
    with pytest.raises(InvalidTypeError, match=r"Band\.price"):
        Band(1, 10.0)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"Band\.price"):
        Band(1, Decimal("0.5"))
    with pytest.raises(InvalidValueError, match="contiguous"):
        TariffItem(
            code="md",
            pnbp_type=PnbpType.MICRODATA,
            unit=Unit.RECORD,
            bands=(Band(2, Decimal(5)),),
        )
    with pytest.raises(InvalidValueError, match="exactly one"):
        TariffItem(
            code="md",
            pnbp_type=PnbpType.MICRODATA,
            unit=Unit.RECORD,
            price=Decimal(1),
            bands=(Band(1, Decimal(5)),),
        )
    assert Band(1, Decimal(5), last=10).size == 10


def test_unknown_code_suggests_close_ones() -> None:
    schedule = load_schedule(EXAMPLE)
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
    overlapping = load_schedules([EXAMPLE])  # a single file is fine
    assert len(overlapping.schedules) == 1
    with pytest.raises(InvalidValueError, match="overlapping"):
        load_schedules([EXAMPLE, later])
