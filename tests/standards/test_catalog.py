"""The built-in catalog: read-only, in source order, typed lookups that say what went wrong."""

from __future__ import annotations

import subprocess
import sys
from types import MappingProxyType

import pytest

from pst_core.errors import InvalidTypeError, UnknownNameError
from pst_core.standards import Catalog, ServiceStandard, StandardOperatingProcedure, catalog


def test_catalog_is_read_only_and_in_source_order() -> None:
    docs = catalog()
    assert isinstance(docs, Catalog)
    assert isinstance(docs.standards, MappingProxyType)
    assert isinstance(docs.sops, MappingProxyType)
    assert (
        docs.ids
        == tuple(docs)
        == (
            "bengkulu-penjualan",
            "sumsel-konsultasi",
            "bangka-selatan-konsultasi",
            "bengkalis-konsultasi",
            "bengkulu-sop-produk-berbayar",
        )
    )
    assert len(docs) == 5
    assert "sumsel-konsultasi" in docs
    assert "x" not in docs
    assert all(docs.standard(i).id == i for i in docs.standards)
    assert all(docs.sop(i).id == i for i in docs.sops)
    assert catalog() is docs  # read once
    with pytest.raises(TypeError):
        docs.standards["x"] = docs.standard("sumsel-konsultasi")  # type: ignore[index]
    with pytest.raises(AttributeError):
        docs.ids = ()  # type: ignore[misc]


def test_lookups_are_typed_and_suggest_close_ids() -> None:
    standard: ServiceStandard = catalog().standard("sumsel-konsultasi")
    sop: StandardOperatingProcedure = catalog().sop("bengkulu-sop-produk-berbayar")
    assert (standard.id, sop.id) == ("sumsel-konsultasi", "bengkulu-sop-produk-berbayar")
    with pytest.raises(UnknownNameError, match="did you mean: bengkalis-konsultasi") as caught:
        catalog().standard("bengkalis")
    assert isinstance(caught.value, LookupError)
    with pytest.raises(UnknownNameError, match="did you mean: bengkulu-sop-produk-berbayar"):
        catalog().sop("bengkulu-sop")


def test_the_other_kind_of_id_says_which_lookup_to_use() -> None:
    with pytest.raises(
        UnknownNameError, match=r"is an SOP: use catalog\(\)\.sop\('bengkulu-sop-produk-berbayar'\)"
    ):
        catalog().standard("bengkulu-sop-produk-berbayar")
    with pytest.raises(
        UnknownNameError, match=r"is a service standard: use catalog\(\)\.standard\('sumsel"
    ):
        catalog().sop("sumsel-konsultasi")


@pytest.mark.hostile
@pytest.mark.parametrize("bad", [None, 3, ("sumsel-konsultasi",), b"sumsel-konsultasi"])
def test_lookups_refuse_wrong_types(bad: object) -> None:
    with pytest.raises(InvalidTypeError):
        catalog().standard(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        catalog().sop(bad)  # type: ignore[arg-type]


def test_importing_standards_does_not_import_holidays() -> None:
    code = (
        "import sys, pst_core.standards; "
        "assert 'holidays' not in sys.modules, 'holidays imported'; "
        "pst_core.standards.catalog(); "
        "assert 'holidays' not in sys.modules, 'holidays imported by catalog()'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
