"""pst_core: the domain rules of BPS integrated statistical services (PST).

Subpackages:

* `pst_core.calendar` — working hours, holidays and deadline arithmetic;
* `pst_core.standards` — service standards (*standar pelayanan*) as typed data;
* `pst_core.states` — transaction state machines with SLA clocks;
* `pst_core.tariffs` — PNBP tariff schedules, quotes and Rp0 decisions;
* `pst_core.reports` — SLA compliance over many transactions and the satisfaction
  index (IKM);
* `pst_core.i18n` — every text said to a person, in Indonesian and English.

Importing `pst_core` is cheap: holiday tables are built on first use.

Examples:
    >>> import pst_core
    >>> pst_core.__version__ == pst_core._version.__version__
    True
"""

from pst_core._version import __version__

__all__ = ["__version__"]
