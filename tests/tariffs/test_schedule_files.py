"""Schedule files: whatever loads dumps back equal; a bad file names each problem's field path."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pst_core._io import dumps_toml
from pst_core.errors import DataFileError
from pst_core.tariffs import TariffItem, TariffSchedule
from tests.strategies import tariff_schedules
from tests.tariffs.helpers import EXAMPLE, example_data


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


@pytest.mark.hostile
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
        (("items", 1, "code"), "pub-print", "items[1]", "each product code at most once"),
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
    data = copy.deepcopy(example_data())
    _set(path, value)(data)
    file = tmp_path / "bad.toml"
    file.write_text(dumps_toml(data), encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        TariffSchedule.load(file)
    assert info.value.file == str(file)
    assert info.value.path == where
    assert fragment in str(info.value)


@pytest.mark.hostile
def test_missing_field_and_syntax_errors(tmp_path: Path) -> None:
    data = example_data()
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
    data = example_data()
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
