"""Service standards: the catalog, completion times with deadlines, lint findings, a checklist.

Run: python examples/service_standards.py
"""

from __future__ import annotations

from datetime import date, datetime

from pst_core.calendar import WorkingCalendar
from pst_core.standards import catalog, lint


def main() -> None:
    start_day = (2026, 3, 17, 14, 0)  # Tuesday, the day before Nyepi's cuti bersama
    docs = catalog()
    for doc_id, standard in docs.standards.items():
        print(f"== {doc_id}: {standard.office.name}")
        calendar = WorkingCalendar.for_province(standard.office.province)
        start = datetime(*start_day, tzinfo=standard.timezone)
        for channel in standard.channels:
            completion = standard.completion(channel)
            due = standard.due(channel, start, calendar).due
            print(
                f"   {completion.describe('en')};"
                f" started {start:%a %d %b %H:%M} -> due {due:%a %d %b %H:%M}"
            )
        for finding in lint(standard):
            print(f"   {finding.code} {finding.severity}: {finding.describe('en')}")
    for doc_id, sop in docs.sops.items():
        print(f"== {doc_id}: {sop.office.name}")
        for finding in lint(sop):
            print(f"   {finding.code} {finding.severity}: {finding.describe('en')}")

    standard = docs.standard("bangka-selatan-konsultasi")
    result = standard.checklist("offline").evaluate(
        {"visit": True, "identity-card": date(2026, 1, 31), "email": True, "guest-book": True},
        at=date(2026, 3, 17),
    )
    print()
    print(result.describe("en"))


if __name__ == "__main__":
    main()
