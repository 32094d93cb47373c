"""The built-in catalog: five published BPS documents as data.

Four service standards (*standar pelayanan*) and one SOP, transcribed from the
published documents into TOML files shipped inside the package
(``pst_core/standards/data/``), defects included so the linter can show them.

Examples:
    >>> docs = catalog()
    >>> list(docs)
    ['bengkulu-penjualan', 'sumsel-konsultasi', 'bangka-selatan-konsultasi',
     'bengkalis-konsultasi', 'bengkulu-sop-produk-berbayar']
    >>> docs["sumsel-konsultasi"].unit.name
    'BPS Provinsi Sumatera Selatan'
    >>> docs["nope"] = None
    Traceback (most recent call last):
    ...
    TypeError: 'mappingproxy' object does not support item assignment
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType

from pst_core.errors import DataFileError, UnknownNameError
from pst_core.standards.io import Document, from_data

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

__all__ = ["CATALOG_IDS", "catalog", "get"]

CATALOG_IDS: tuple[str, ...] = (
    "bengkulu-penjualan",
    "sumsel-konsultasi",
    "bangka-selatan-konsultasi",
    "bengkalis-konsultasi",
    "bengkulu-sop-produk-berbayar",
)
"""The ids of the built-in documents, in the order of their sources."""


def _read(name: str) -> Document:
    resource = resources.files("pst_core.standards").joinpath("data").joinpath(f"{name}.toml")
    file = f"pst_core/standards/data/{name}.toml"
    try:
        data = tomllib.loads(resource.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:  # pragma: no cover - the shipped files are valid
        raise DataFileError(file, "", str(err), "valid TOML", problem="syntax error") from err
    return from_data(data, file=file)


@cache
def catalog() -> Mapping[str, Document]:
    """The five built-in documents by id, as a read-only mapping (read once, on first call).

    Examples:
        >>> catalog()["bengkalis-konsultasi"].unit.province
        'Riau'
        >>> catalog() is catalog()
        True
    """
    return MappingProxyType({name: _read(name) for name in CATALOG_IDS})


def get(document_id: str) -> Document:
    """One catalog document by id.

    Raises:
        UnknownNameError: for an id not in the catalog, with close matches.

    Examples:
        >>> get("sumsel").id
        Traceback (most recent call last):
        ...
        pst_core.errors.UnknownNameError: unknown catalog id 'sumsel'; did you mean: ...
    """
    import difflib

    docs = catalog()
    if document_id in docs:
        return docs[document_id]
    close = difflib.get_close_matches(str(document_id), list(docs), n=3, cutoff=0.4)
    raise UnknownNameError(
        "catalog id", document_id, close, allowed=", ".join(docs), known=len(docs)
    )
