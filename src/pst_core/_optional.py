"""Optional dependencies, imported on first use with an error that says how to install them.

Private: the public face is `pst_core.errors.MissingDependencyError`. pandas
(extra ``pandas``, which brings numpy) reads survey tables, builds DataFrames
and runs the calendar's column arithmetic; matplotlib (extra ``plot``) draws
report charts; dask (extra ``dask``) spreads a report over partitions. Nothing in
pst_core imports any of them at module level.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from pst_core.errors import MissingDependencyError, Phrase

__all__ = ["available", "require"]

#: import name -> the ``pst-core`` extra that installs it.
_EXTRAS = {"pandas": "pandas", "numpy": "pandas", "matplotlib": "plot", "dask": "dask"}


def require(package: str, purpose: Phrase | str) -> ModuleType:
    """Import ``package`` (``pandas`` or ``matplotlib``) or raise naming the extra to install.

    ``purpose`` says what needs it, e.g. ``Phrase("errors.purpose.sla_report")``.
    """
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
