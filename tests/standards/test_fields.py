"""Every field is checked: a bad value is a typed error naming the field and the value."""

from __future__ import annotations

import pickle
from collections.abc import Callable

import attrs
import pytest

from pst_core.calendar import WorkingCalendar
from pst_core.calendar.durations import WorkingDays
from pst_core.errors import InvalidTypeError, InvalidValueError, PstError
from pst_core.standards import (
    CompletionTime,
    Fee,
    Management,
    Office,
    Requirement,
    ServiceStandard,
    StandardOperatingProcedure,
    catalog,
)
from tests.standards.helpers import catalog_standard


def test_validation_names_field_and_value() -> None:
    standard = catalog_standard("bengkulu-penjualan")
    # A repeat is named by its index, with where the first one is.
    with pytest.raises(
        InvalidValueError,
        match=r"ServiceStandard\.requirements\[2\]: invalid value 'identity-card'; allowed: "
        r"each requirement id at most once \(already at ServiceStandard\.requirements\[0\]\)",
    ):
        attrs.evolve(standard, requirements=standard.requirements * 2)
    with pytest.raises(
        InvalidValueError,
        match=r"ServiceStandard\.completion_times\[1\]: invalid value 'offline'; "
        r"allowed: each channel at most once",
    ):
        attrs.evolve(standard, completion_times=standard.completion_times[:1] * 2)
    with pytest.raises(InvalidValueError, match=r"ServiceStandard\.procedures\[1\]: .*'online'"):
        attrs.evolve(standard, procedures=standard.procedures[1:] * 2)
    with pytest.raises(InvalidTypeError, match=r"ServiceStandard.procedures\[0\]"):
        attrs.evolve(standard, procedures=("offline",))  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"Office\.level: invalid value 'village'"):
        Office("BPS Desa", "village", "Bengkulu")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"Requirement\.id"):
        Requirement("Email", "x", "x", ("online",), "contact")
    with pytest.raises(InvalidTypeError, match=r"Requirement\.id"):
        Requirement(7, "x", "x", ("online",), "contact")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"Requirement\.channels"):
        Requirement("email", "x", "x", "online", "contact")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"Requirement\.channels"):
        Requirement("email", "x", "x", ["online"], "contact")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"Requirement.channels\[1\]"):
        Requirement("email", "x", "x", ("online", "web"), "contact")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"CompletionTime\.duration"):
        CompletionTime("online", "3 hari kerja", "not_stated")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"CompletionTime\.max_service"):
        CompletionTime("online", WorkingDays(3), "not_stated", max_service=3)  # type: ignore[arg-type]


@pytest.mark.hostile
def test_wrong_types_to_public_methods_raise_pst_errors() -> None:
    standard = catalog_standard("sumsel-konsultasi")
    sop = catalog().sop("bengkulu-sop-produk-berbayar")
    calls: list[Callable[[], object]] = [
        lambda: standard.describe("fr"),  # type: ignore[arg-type]
        lambda: standard.describe("en", level="1"),  # type: ignore[arg-type]
        lambda: standard.describe(None),  # type: ignore[arg-type]
        lambda: sop.describe("en", level=0),
        lambda: sop.step("7"),  # type: ignore[arg-type]
        lambda: sop.step(None),  # type: ignore[arg-type]
        lambda: standard.due("online", "2026-03-17", WorkingCalendar.pst()),  # type: ignore[arg-type]
        lambda: standard.completion("online").describe(1),  # type: ignore[arg-type]
        lambda: standard.requirements[0].describe("de"),  # type: ignore[arg-type]
        lambda: standard.office.describe(None),  # type: ignore[arg-type]
    ]
    for call in calls:
        with pytest.raises(PstError):
            call()


def test_saved_models_pickle_and_compare_equal() -> None:
    standard = catalog_standard("bengkalis-konsultasi")
    sop = catalog().sop("bengkulu-sop-produk-berbayar")
    assert pickle.loads(pickle.dumps(standard)) == standard
    assert pickle.loads(pickle.dumps(sop)) == sop
    assert ServiceStandard.file_type == "service_standard"
    assert StandardOperatingProcedure.file_type == "sop"


def test_management_components() -> None:
    management = Management(staffing=("2 orang",), facilities=("Ruang PST",))
    assert management.published == ("facilities", "staffing")
    with pytest.raises(InvalidTypeError, match=r"Management.legal_basis\[0\]"):
        Management(legal_basis=(1,))  # type: ignore[arg-type]


def test_fee() -> None:
    assert Fee("free").is_free
    assert not Fee("pnbp", legal_basis=("PP 7/2015",)).is_free
