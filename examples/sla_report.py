"""SLA compliance of the ILLUSTRATIVE export in examples/events.csv.

Forty made-up requests: visits to BPS Provinsi Sumatera Selatan and online
consultations with BPS Kabupaten Bangka Selatan, each on its published standard,
read at 1 May 2026: how many met the standard's times, by month and clock, and
why the breached ones were late. The workflows are built with strict role
checks, so every event of the export is fired by a role the documents name
(the user takes the number, rates and responds; the officer replies and closes).
Bangka Selatan's clock starts "setelah permintaan jelas": a consultation closed
without the officer recording ``request-clear`` is counted from its opening and
shown in the "start not recorded" column.
"""

from datetime import datetime, timezone
from pathlib import Path

from pst_core.reports import sla_report
from pst_core.standards import catalog
from pst_core.states.builtin import online_consultation, visit

documents = catalog()
workflows = [
    visit(documents.standard("sumsel-konsultasi"), role_check="strict"),
    online_consultation(documents.standard("bangka-selatan-konsultasi"), role_check="strict"),
]
events = Path(__file__).with_name("events.csv")
report = sla_report(events, now=datetime(2026, 5, 1, tzinfo=timezone.utc), workflows=workflows)
print(report.describe("en"))
print(report.describe("id"))

breaches = report.breaches()
for row in breaches.head(3).itertuples():
    print(
        f"{row.transaction} {row.clock}: over by {row.breached_by}; passed over: {row.explanation}"
    )

by_channel = report.summary(["channel"])
print(by_channel[["channel", "count", "met_pct", "breached_pct"]].to_string(index=False))
