"""Service standards and SOPs as TOML or JSON files.

A file holds one document. Its ``type`` key says which: ``"service_standard"``
(`ServiceStandard`) or ``"sop"`` (`StandardOperatingProcedure`); the other
keys are the model's fields, nested tables for nested parts. Durations are
phrases (``"3 (tiga) hari kerja"``), dates ISO dates, channels ``"offline"`` /
``"online"``. Unknown keys are rejected, and one `DataFileError` names the
file and, for every problem, the field path, the bad value and what is allowed.

Each model reads and writes its own files with the verbs of every saved
model in pst_core (`ServiceStandard.load`, `loads`, `from_data`, `dump`,
`dumps`, `to_data`). `read_document` is for a tool that takes either kind.

Examples:
    >>> import json, tempfile
    >>> from pathlib import Path
    >>> from pst_core.standards import ServiceStandard, catalog
    >>> folder = Path(tempfile.mkdtemp())
    >>> standard = catalog().standard("bengkulu-penjualan")
    >>> standard.dump(folder / "penjualan.toml")
    >>> ServiceStandard.load(folder / "penjualan.toml") == standard
    True
    >>> data = standard.to_data()
    >>> data["requirements"][1]["channels"] = ["offline", "onsite"]
    >>> _ = (folder / "bad.json").write_text(json.dumps(data))
    >>> ServiceStandard.load(folder / "bad.json")
    Traceback (most recent call last):
    ...
    pst_core.errors.DataFileError: ...[1]: invalid value 'onsite'; allowed: 'offline', 'online'
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pst_core._io import read_data
from pst_core.errors import DataFileError, Phrase
from pst_core.standards.sop import StandardOperatingProcedure
from pst_core.standards.standard import ServiceStandard

__all__ = ["read_document"]

_KINDS: tuple[type[ServiceStandard] | type[StandardOperatingProcedure], ...] = (
    ServiceStandard,
    StandardOperatingProcedure,
)


def document_from_data(
    data: Mapping[str, Any], file: str
) -> ServiceStandard | StandardOperatingProcedure:
    """A standard or an SOP, by the ``type`` key of ``data`` (private to the package)."""
    kind = data.get("type")
    for cls in _KINDS:
        if kind == cls.file_type:
            return cls.from_data(data, file=file)
    allowed = tuple(repr(cls.file_type) for cls in _KINDS)
    if "type" not in data:
        missing = Phrase("errors.problem.missing_field")
        raise DataFileError(file, "type", None, allowed, problem=missing, shown="")
    raise DataFileError(file, "type", kind, allowed)


def read_document(path: str | Path) -> ServiceStandard | StandardOperatingProcedure:
    """Read a service standard or an SOP, whichever the file's ``type`` says.

    The one reader of either kind, because the linter and ``pst-core standards
    lint|show|render`` take a file without knowing which it holds. Code that
    knows what it reads uses `ServiceStandard.load` or
    `StandardOperatingProcedure.load`, which type their result.

    Raises:
        DataFileError: the file cannot be read, is not valid TOML/JSON, has no
            known ``type``, or holds missing, unknown or invalid fields.

    Examples:
        >>> import tempfile
        >>> from pathlib import Path
        >>> from pst_core.standards import catalog
        >>> path = Path(tempfile.mkdtemp()) / "sop.toml"
        >>> catalog().sop("bengkulu-sop-produk-berbayar").dump(path)
        >>> type(read_document(path)).__name__
        'StandardOperatingProcedure'
        >>> _ = path.write_text('type = "leaflet"')
        >>> read_document(path)
        Traceback (most recent call last):
        ...
        pst_core.errors.DataFileError: .../sop.toml: type: invalid value 'leaflet'; allowed: ...
    """
    return document_from_data(read_data(path), str(path))
