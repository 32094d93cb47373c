"""SLA compliance of the ILLUSTRATIVE export in examples/events.csv.

Forty made-up requests to BPS Provinsi Sumatera Selatan (visits and online
consultations on its published standard), read at 1 May 2026: how many met the
standard's times, by month and clock, and why the breached ones were late.
"""

from datetime import datetime, timezone
from pathlib import Path

from pst_core.reports import sla_report

events = Path(__file__).with_name("events.csv")
report = sla_report(events, now=datetime(2026, 5, 1, tzinfo=timezone.utc))
print(report.describe("en"))
print(report.describe("id"))

breaches = report.breaches()
for row in breaches.head(3).itertuples():
    print(
        f"{row.transaction} {row.clock}: over by {row.breached_by}; passed over: {row.explanation}"
    )

by_channel = report.summary(["channel"])
print(by_channel[["channel", "count", "met_pct", "breached_pct"]].to_string(index=False))
