"""PNBP tariffs: schedules as data, exact quotes, Rp0 eligibility, invoice and billing validity.

pst_core ships the structure of a tariff schedule and the rules (PP 7/2015,
Peraturan BPS 2/2019) but **no rupiah amounts**: the amounts of the PP 7/2015
appendix are supplied as a schedule file with its legal basis and dates. The
file used in the documentation, ``examples/illustrative_schedule.toml``, is
illustrative and says so.

Examples:
    >>> from datetime import date
    >>> from pst_core.tariffs import load_schedule, quote
    >>> schedule = load_schedule("examples/illustrative_schedule.toml")
    >>> schedule.illustrative
    True
    >>> q = quote({"pub-pdf": 40}, schedule, at=date(2026, 3, 17),
    ...           requester="individual", purpose="research")
    >>> q.zero_rated, q.pnbp_total
    (False, Decimal('20000'))
"""

from pst_core.tariffs.billing import (
    BILLING_CODE_VALIDITY,
    BILLING_CODE_VALIDITY_SOURCE,
    INVOICE_VALIDITY,
    INVOICE_VALIDITY_SOURCE,
    BillingCode,
    Invoice,
    RuleSource,
    expiry,
)
from pst_core.tariffs.money import format_rupiah, round_rupiah
from pst_core.tariffs.quote import BandCharge, LineItem, PayerCost, Quote, price_line, quote
from pst_core.tariffs.schedule import (
    Band,
    PnbpType,
    TariffItem,
    TariffSchedule,
    TariffSchedules,
    Unit,
    dump_schedule,
    load_schedule,
    load_schedules,
)
from pst_core.tariffs.zero_rate import (
    Document,
    Purpose,
    RequesterCategory,
    ZeroRateDecision,
    zero_rate,
)

__all__ = [
    "BILLING_CODE_VALIDITY",
    "BILLING_CODE_VALIDITY_SOURCE",
    "INVOICE_VALIDITY",
    "INVOICE_VALIDITY_SOURCE",
    "Band",
    "BandCharge",
    "BillingCode",
    "Document",
    "Invoice",
    "LineItem",
    "PayerCost",
    "PnbpType",
    "Purpose",
    "Quote",
    "RequesterCategory",
    "RuleSource",
    "TariffItem",
    "TariffSchedule",
    "TariffSchedules",
    "Unit",
    "ZeroRateDecision",
    "dump_schedule",
    "expiry",
    "format_rupiah",
    "load_schedule",
    "load_schedules",
    "price_line",
    "quote",
    "round_rupiah",
    "zero_rate",
]
