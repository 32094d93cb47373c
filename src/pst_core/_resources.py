"""The data files shipped inside the package, read one way; TOML on every Python.

The bottom of the package: it imports nothing from pst_core, so every layer (the
message catalogue and the errors included) can read its data through it.
"""

from __future__ import annotations

import pkgutil
import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

__all__ = ["package_text", "tomllib"]


def package_text(package: str, resource: str) -> str:
    """The UTF-8 text of a data file shipped in ``package`` (``resource`` is "/"-separated).

    pkgutil reads it through the package's loader (plain files or a zip import) and costs a
    command-line answer less to import than importlib.resources.

    Examples:
        >>> "[weekday.mon]" in package_text("pst_core", "messages/common.toml")
        True
    """
    data = pkgutil.get_data(package, resource)
    assert data is not None  # pst_core's packages are imported from files or a zip: a loader
    return data.decode("utf-8")
