"""PNBP tariffs: schedules as data, exact quotes, Rp0 eligibility, invoice and billing validity.

pst_core ships the structure of a tariff schedule and the rules (PP 7/2015,
Peraturan BPS 2/2019) but **no official rupiah amounts**: the amounts of the
PP 7/2015 appendix are supplied as a schedule file with its legal basis and
dates, read with `TariffSchedule.load`. The schedule used in the documentation,
`illustrative_schedule()`, is illustrative and says so.

* `pst_core.tariffs.schedule`: `TariffSchedule` (items, bands, the dates in force);
* `pst_core.tariffs.money`: whole rupiah, the one rounding rule, the written form;
* `pst_core.tariffs.pricing`: `quote`, a `Quote` priced line by line;
* `pst_core.tariffs.zero_rating`: `zero_rate`, the Rp0 rules of Perban BPS 2/2019;
* `pst_core.tariffs.billing`: the validity of an `Invoice` and a `BillingCode`.

Closed vocabularies (`PnbpType`, `PricingUnit`, `RequesterCategory`, `Purpose`,
`ZeroRateDocument`, `PayerCostKind`) are ``Literal`` types: their values are
``typing.get_args(...)``, their names for a person are in the message
catalogue (``tariffs.pnbp_type.microdata`` and so on). Quotes, Rp0 decisions,
invoices and billing codes say themselves with ``describe(language)``.

Examples:
    >>> from datetime import date
    >>> from pst_core.tariffs import illustrative_schedule, quote
    >>> schedule = illustrative_schedule()
    >>> schedule.illustrative
    True
    >>> q = quote({"pub-pdf": 40}, schedule, at=date(2026, 3, 17),
    ...           requester="individual", purpose="research")
    >>> q.zero_rated, q.pnbp_total
    (False, Decimal('20000'))
"""

from pst_core.tariffs.billing import (
    BILLING_CODE_DIGITS,
    BILLING_CODE_VALIDITY,
    BILLING_CODE_VALIDITY_SOURCE,
    INVOICE_VALIDITY,
    INVOICE_VALIDITY_SOURCE,
    BillingCode,
    CalendarValidity,
    Invoice,
    RuleSource,
    expiry,
)
from pst_core.tariffs.money import format_rupiah, parse_rupiah, round_rupiah
from pst_core.tariffs.pricing import (
    BandCharge,
    LineItem,
    PayerCost,
    PayerCostKind,
    Quote,
    price_line,
    quote,
)
from pst_core.tariffs.schedule import (
    PAYER_BEARS_SHIPPING_AND_BANK_FEES,
    PNBP_LETTERS,
    PNBP_TYPES_BY_LETTER,
    Band,
    PnbpType,
    PricingUnit,
    TariffItem,
    TariffSchedule,
    TariffSchedules,
    illustrative_schedule,
)
from pst_core.tariffs.zero_rating import (
    NON_COMMERCIAL_PURPOSES,
    ZERO_RATE_PARTIES,
    ZERO_RATE_SOURCE,
    Purpose,
    RequesterCategory,
    ZeroRateDecision,
    ZeroRateDocument,
    zero_rate,
)

__all__ = [
    "BILLING_CODE_DIGITS",
    "BILLING_CODE_VALIDITY",
    "BILLING_CODE_VALIDITY_SOURCE",
    "INVOICE_VALIDITY",
    "INVOICE_VALIDITY_SOURCE",
    "NON_COMMERCIAL_PURPOSES",
    "PAYER_BEARS_SHIPPING_AND_BANK_FEES",
    "PNBP_LETTERS",
    "PNBP_TYPES_BY_LETTER",
    "ZERO_RATE_PARTIES",
    "ZERO_RATE_SOURCE",
    "Band",
    "BandCharge",
    "BillingCode",
    "CalendarValidity",
    "Invoice",
    "LineItem",
    "PayerCost",
    "PayerCostKind",
    "PnbpType",
    "PricingUnit",
    "Purpose",
    "Quote",
    "RequesterCategory",
    "RuleSource",
    "TariffItem",
    "TariffSchedule",
    "TariffSchedules",
    "ZeroRateDecision",
    "ZeroRateDocument",
    "expiry",
    "format_rupiah",
    "illustrative_schedule",
    "parse_rupiah",
    "price_line",
    "quote",
    "round_rupiah",
    "zero_rate",
]
