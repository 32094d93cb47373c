"""pst_core: the domain rules of BPS integrated statistical services (PST).

Subpackages:

* `pst_core.calendar` — working hours, holidays and deadline arithmetic;
* `pst_core.standards` — service standards (*standar pelayanan*) as typed data;
* `pst_core.states` — transaction state machines with SLA clocks;
* `pst_core.tariffs` — PNBP tariff schedules, quotes and Rp0 decisions;
* `pst_core.reports` — SLA compliance over many transactions and the satisfaction
  index (IKM);
* `pst_core.i18n` — every text said to a person, in Indonesian and English;
* ``pst_core.options`` — the language of notebook displays, set as in pandas:
  ``pst_core.set_option("display.language", "id")`` or
  ``pst_core.options.display.language = "id"``.

Importing `pst_core` is cheap: holiday tables are built on first use, and the
options when first named.

Examples:
    >>> import pst_core
    >>> pst_core.__version__ == pst_core._version.__version__
    True
"""

from typing import Any

from pst_core._version import __version__

__all__ = [
    "__version__",
    "get_option",
    "option_context",
    "options",
    "reset_option",
    "set_option",
]

_OPTIONS = ("get_option", "option_context", "options", "reset_option", "set_option")


def __getattr__(name: str) -> Any:
    """The options' names, imported when first used (``import pst_core`` stays cheap)."""
    if name in _OPTIONS:
        import importlib

        return getattr(importlib.import_module("pst_core._config"), name)
    raise AttributeError(f"module 'pst_core' has no attribute {name!r}")
