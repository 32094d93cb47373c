"""Reading and writing service standards and SOPs as TOML or JSON files.

A file holds one document. Its ``type`` key says which: ``"service_standard"``
(:class:`~pst_core.standards.ServiceStandard`) or ``"sop"``
(:class:`~pst_core.standards.StandardOperatingProcedure`); the other keys are
the model's fields, nested tables for nested parts. Durations are phrases
(``"3 (tiga) hari kerja"``), dates ISO dates, channels ``"offline"`` /
``"online"``. Unknown keys are rejected, and every error names the file, the
field path, the bad value and what is allowed.

Examples:
    >>> import json, tempfile, pathlib
    >>> from pst_core.standards import catalog
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> standard = catalog()["bengkulu-penjualan"]
    >>> dump(standard, folder / "penjualan.toml")
    >>> load(folder / "penjualan.toml") == standard
    True
    >>> data = to_data(standard)
    >>> data["requirements"][1]["channels"] = ["offline", "onsite"]
    >>> _ = (folder / "bad.json").write_text(json.dumps(data))
    >>> load(folder / "bad.json")
    Traceback (most recent call last):
    ...
    pst_core.errors.DataFileError: .../bad.json: requirements[1].channels[1]:
    invalid value 'onsite'; allowed: offline, online
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeAlias

from pst_core._io import read_data, structure, unstructure, write_data
from pst_core.errors import DataFileError, InvalidTypeError
from pst_core.standards.model import ServiceStandard
from pst_core.standards.sop import StandardOperatingProcedure

__all__ = ["DOCUMENT_TYPES", "Document", "dump", "from_data", "load", "to_data"]

Document: TypeAlias = ServiceStandard | StandardOperatingProcedure
"""Anything a standards file can hold."""

DOCUMENT_TYPES: Mapping[str, type[ServiceStandard] | type[StandardOperatingProcedure]] = {
    "service_standard": ServiceStandard,
    "sop": StandardOperatingProcedure,
}
"""The values of a file's ``type`` key and the model each one reads into."""

_TYPE_NAMES = {cls: name for name, cls in DOCUMENT_TYPES.items()}


def from_data(data: Mapping[str, Any], *, file: str = "<data>") -> Document:
    """Build a document from plain data (as read from TOML or JSON).

    Raises:
        DataFileError: naming ``file``, the field path, the value and what is allowed.

    Examples:
        >>> from_data({"type": "leaflet"})
        Traceback (most recent call last):
        ...
        pst_core.errors.DataFileError: <data>: type: invalid value 'leaflet'; allowed: ...
    """
    if not isinstance(data, Mapping):
        raise DataFileError(file, "", data, "a table with a 'type' key")
    allowed = ", ".join(repr(name) for name in DOCUMENT_TYPES)
    if "type" not in data:
        raise DataFileError(file, "type", None, allowed, problem="missing required field", shown="")
    kind = data["type"]
    cls = DOCUMENT_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise DataFileError(file, "type", kind, allowed)
    body = {key: value for key, value in data.items() if key != "type"}
    return structure(body, cls, file=file)


def to_data(document: Document) -> dict[str, Any]:
    """Plain data for ``document``, ``type`` first; absent optional fields left out.

    Examples:
        >>> from pst_core.standards import catalog
        >>> list(to_data(catalog()["sumsel-konsultasi"]))[:3]
        ['type', 'id', 'unit']
    """
    name = _TYPE_NAMES.get(type(document))
    if name is None:
        raise InvalidTypeError(
            "document", document, "ServiceStandard or StandardOperatingProcedure"
        )
    return {"type": name, **unstructure(document)}


def load(path: str | Path) -> Document:
    """Read a service standard or SOP from a ``.toml`` or ``.json`` file.

    Raises:
        DataFileError: the file cannot be read, is not valid TOML/JSON, or a
            field is missing, unknown or invalid.

    Examples:
        >>> import json, pathlib, tempfile
        >>> from pst_core.standards import catalog
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp) / "sop.toml"
        ...     dump(catalog()["bengkulu-sop-produk-berbayar"], path)
        ...     sop = load(path)
        >>> type(sop).__name__, sop.number
        ('StandardOperatingProcedure', 'SOP-1-101/17000/2025')
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp) / "unit.json"
        ...     _ = path.write_text(json.dumps({"type": "service_standard", "id": "x"}))
        ...     load(path)
        Traceback (most recent call last):
        ...
        pst_core.errors.DataFileError: .../unit.json: unit: missing required field ...
    """
    return from_data(read_data(path), file=str(path))


def dump(document: Document, path: str | Path) -> None:
    """Write ``document`` to ``path`` as TOML or JSON, by the file's suffix.

    Examples:
        >>> import json, pathlib, tempfile
        >>> from pst_core.standards import catalog
        >>> standard = catalog()["sumsel-konsultasi"]
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp) / "sumsel.json"
        ...     dump(standard, path)
        ...     data = json.loads(path.read_text())
        ...     same = load(path) == standard
        >>> data["type"], data["id"], same
        ('service_standard', 'sumsel-konsultasi', True)
    """
    write_data(to_data(document), path)
