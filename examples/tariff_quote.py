"""Quote a request under the ILLUSTRATIVE schedule, then again for a Rp0 requester.

The amounts in examples/illustrative_schedule.toml are invented: pst_core ships
no official rupiah amounts. Supply the official schedule file to get real quotes.
"""

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from pst_core.tariffs import (
    BillingCode,
    Invoice,
    PayerCost,
    format_rupiah,
    load_schedule,
    quote,
)

schedule = load_schedule(Path(__file__).with_name("illustrative_schedule.toml"))
print(f"{schedule.title} — {schedule.legal_basis}")

lines = {"pub-print": 120, "microdata-record": 12345}
costs = [PayerCost("shipping", Decimal(30000)), PayerCost("bank_fee", Decimal(6500))]

paying = quote(lines, schedule, at=date(2026, 3, 17), payer_costs=costs)
for line in paying.lines:
    print(
        f"{line.code:<18} {line.quantity:>6} {line.unit.label:<7} {format_rupiah(line.amount):>12}"
    )
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
print("documents still required:", ", ".join(d.label for d in rp0.zero_rate.missing_documents))
granted = quote(
    lines,
    schedule,
    at=date(2026, 3, 17),
    requester="regional_government",
    purpose="government_duties",
    provided=[d.value for d in rp0.zero_rate.required_documents],
    payer_costs=costs,
)
print(f"PNBP once the documents are in (Rp0 granted): {format_rupiah(granted.pnbp_total)}")

wib = ZoneInfo("Asia/Jakarta")
invoice = Invoice(datetime(2026, 3, 17, 14, 0, tzinfo=wib))
code = BillingCode("820260317000001", issued=datetime(2026, 3, 18, 9, 0, tzinfo=wib))
print(f"invoice valid until {invoice.expires:%Y-%m-%d %H:%M %Z}")
print(f"billing code valid until {code.expires:%Y-%m-%d %H:%M %Z} (7-day default, unverified)")
