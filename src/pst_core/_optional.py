"""Optional dependencies, imported on first use with an error that says how to install them.

Private: the public face is `pst_core.errors.MissingDependencyError`. pandas
(extra ``pandas``) reads survey tables and builds DataFrames; matplotlib (extra
``plot``) draws report charts. Nothing in pst_core imports either at module level.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from pst_core.errors import MissingDependencyError

__all__ = ["available", "require"]

#: import name -> the ``pst-core`` extra that installs it.
_EXTRAS = {"pandas": "pandas", "matplotlib": "plot"}


def require(package: str, purpose: str) -> ModuleType:
    """Import ``package`` (``pandas`` or ``matplotlib``) or raise naming the extra to install."""
    try:
        return importlib.import_module(package)
    except ImportError:
        raise MissingDependencyError(package, _EXTRAS[package], purpose) from None


def available(package: str) -> bool:
    """Whether ``package`` can be imported."""
    try:
        importlib.import_module(package)
    except ImportError:
        return False
    return True
