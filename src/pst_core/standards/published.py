"""The published documents pst_core ships: five BPS documents, in the built-in catalog.

Four service standards (*standar pelayanan*) and one SOP, transcribed from the
published documents into TOML files shipped inside the package
(``pst_core/standards/data/``), defects included so the linter can show them.
`catalog` returns a read-only `Catalog` with typed lookups: `Catalog.standard`
gives a `ServiceStandard`, `Catalog.sop` a `StandardOperatingProcedure`.

Examples:
    >>> docs = catalog()
    >>> docs.ids
    ('bengkulu-penjualan', 'sumsel-konsultasi', 'bangka-selatan-konsultasi',
     'bengkalis-konsultasi', 'bengkulu-sop-produk-berbayar')
    >>> docs.standard("sumsel-konsultasi").office.name
    'BPS Provinsi Sumatera Selatan'
    >>> list(docs.sops)
    ['bengkulu-sop-produk-berbayar']
    >>> docs.standard("sumsel")
    Traceback (most recent call last):
    ...
    pst_core.errors.UnknownNameError: unknown service standard 'sumsel'; did you mean: ...
    >>> docs.standard("bengkulu-sop-produk-berbayar")
    Traceback (most recent call last):
    ...
    pst_core.errors.UnknownNameError: unknown service standard 'bengkulu-sop-produk-berbayar';
    allowed: the id of a service standard ('bengkulu-sop-produk-berbayar' is an SOP:
    use catalog().sop('bengkulu-sop-produk-berbayar'))
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from functools import cache
from types import MappingProxyType
from typing import Literal, TypeVar

import attrs

from pst_core._files import parse_text
from pst_core._resources import package_text
from pst_core.errors import InvalidTypeError, Phrase, UnknownNameError, show_value
from pst_core.standards.io import document_from_data
from pst_core.standards.sop import StandardOperatingProcedure
from pst_core.standards.standard import ServiceStandard

__all__ = ["Catalog", "catalog"]

_FILES: tuple[str, ...] = (
    "bengkulu-penjualan",
    "sumsel-konsultasi",
    "bangka-selatan-konsultasi",
    "bengkalis-konsultasi",
    "bengkulu-sop-produk-berbayar",
)

_Document = TypeVar("_Document", ServiceStandard, StandardOperatingProcedure)


@attrs.frozen(repr=False)
class Catalog:
    """The built-in documents, read-only, with a typed lookup for each kind.

    Attributes:
        standards: The service standards by id (a read-only mapping).
        sops: The SOPs by id (a read-only mapping).

    Examples:
        >>> cat = catalog()
        >>> cat
        Catalog(4 standards, 1 SOP)
        >>> "bengkalis-konsultasi" in cat, len(cat)
        (True, 5)
        >>> cat.sop("bengkulu-sop-produk-berbayar").number
        'SOP-1-101/17000/2025'
    """

    standards: Mapping[str, ServiceStandard]
    sops: Mapping[str, StandardOperatingProcedure]
    ids: tuple[str, ...]
    """Every id, in the order of the sources."""

    def standard(self, id: str) -> ServiceStandard:
        """The service standard ``id``.

        Raises:
            UnknownNameError: for an id that is no standard of the catalog, with close
                matches, or saying so when ``id`` is an SOP's.
        """
        return self._find(self.standards, id, "standard")

    def sop(self, id: str) -> StandardOperatingProcedure:
        """The SOP ``id``.

        Raises:
            UnknownNameError: for an id that is no SOP of the catalog, with close
                matches, or saying so when ``id`` is a standard's.
        """
        return self._find(self.sops, id, "sop")

    def _find(
        self, found: Mapping[str, _Document], id: object, kind: Literal["standard", "sop"]
    ) -> _Document:
        if not isinstance(id, str):
            raise InvalidTypeError("id", id, str)
        document = found.get(id)
        if document is not None:
            return document
        said = Phrase("standards.kind.sop" if kind == "sop" else "standards.kind.service_standard")
        if id in self.ids:  # the other kind's: say which method finds it
            other = Phrase(f"standards.error.wrong_kind.{kind}", id=show_value(id))
            raise UnknownNameError(said, id, allowed=other)
        close = difflib.get_close_matches(id, list(found), n=3, cutoff=0.4)
        raise UnknownNameError(said, id, close, allowed=tuple(found), known=len(found))

    def __contains__(self, id: object) -> bool:
        return id in self.standards or id in self.sops

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __repr__(self) -> str:
        sops = len(self.sops)
        return f"Catalog({len(self.standards)} standards, {sops} SOP{'s' if sops != 1 else ''})"


def _read(name: str) -> ServiceStandard | StandardOperatingProcedure:
    file = f"pst_core/standards/data/{name}.toml"
    data = parse_text(package_text("pst_core.standards", f"data/{name}.toml"), "toml", file=file)
    return document_from_data(data, file)


@cache
def catalog() -> Catalog:
    """The built-in documents (read once, on the first call).

    Examples:
        >>> catalog().standard("bengkalis-konsultasi").office.province
        'Riau'
    """
    documents = [_read(name) for name in _FILES]
    return Catalog(
        MappingProxyType({d.id: d for d in documents if isinstance(d, ServiceStandard)}),
        MappingProxyType({d.id: d for d in documents if isinstance(d, StandardOperatingProcedure)}),
        tuple(d.id for d in documents),
    )
