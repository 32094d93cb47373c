"""Quote a request under the ILLUSTRATIVE schedule, then again for a Rp0 requester.

The amounts of the illustrative schedule are invented: pst_core ships no official
rupiah amounts. Supply the official schedule file (TariffSchedule.load) to get real quotes.
"""

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from pst_core.i18n import text
from pst_core.tariffs import (
    BillingCode,
    Invoice,
    PayerCost,
    TariffSchedule,
    format_rupiah,
    parse_rupiah,
    quote,
)

# The same file as pst_core.tariffs.illustrative_schedule(), read as a user's file would be.
schedule = TariffSchedule.load(Path(__file__).with_name("illustrative_schedule.toml"))
print(f"{schedule.title} — {schedule.legal_basis}")

lines = {"pub-print": 120, "microdata-record": 12345}
# Amounts typed by a person, the Indonesian way: "30.000" is thirty thousand rupiah.
costs = [
    PayerCost("shipping", parse_rupiah("Rp 30.000,-")),
    PayerCost("bank_fee", parse_rupiah("6.500")),
]

paying = quote(lines, schedule, at=date(2026, 3, 17), payer_costs=costs)
for line in paying.lines:
    unit = text(f"tariffs.unit.{line.unit}", "en")
    print(f"{line.code:<18} {line.quantity:>6} {unit:<7} {format_rupiah(line.amount):>12}")
print(f"PNBP total for a paying requester: {format_rupiah(paying.pnbp_total)}")
print(f"payer-borne costs, apart:          {format_rupiah(paying.payer_costs_total)}")

rp0 = quote(
    lines,
    schedule,
    at=date(2026, 3, 17),
    requester="regional_government",
    purpose="government_duties",
    payer_costs=costs,
)
assert rp0.zero_rate is not None
print(f"PNBP for a regional government, documents pending: {format_rupiah(rp0.pnbp_total)}")
print(rp0.zero_rate.describe("id"))
granted = quote(
    lines,
    schedule,
    at=date(2026, 3, 17),
    requester="regional_government",
    purpose="government_duties",
    provided=rp0.zero_rate.required_documents,
    payer_costs=costs,
)
print(f"PNBP once the documents are in (Rp0 granted): {format_rupiah(granted.pnbp_total)}")

wib = ZoneInfo("Asia/Jakarta")
invoice = Invoice(datetime(2026, 3, 17, 14, 0, tzinfo=wib))
code = BillingCode("820260317000001", issued=datetime(2026, 3, 18, 9, 0, tzinfo=wib))
print(invoice.describe("en"))
print(code.describe("id"))
