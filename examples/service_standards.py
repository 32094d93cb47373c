"""Service standards: the catalog, completion times with deadlines, lint findings, a checklist.

Run: python examples/service_standards.py
"""

from __future__ import annotations

from datetime import date, datetime

from pst_core.calendar import WorkingCalendar
from pst_core.standards import ServiceStandard, catalog, lint


def main() -> None:
    start_day = (2026, 3, 17, 14, 0)  # Tuesday, the day before Nyepi's cuti bersama
    for doc_id, document in catalog().items():
        print(f"== {doc_id}: {document.unit.name}")
        if isinstance(document, ServiceStandard):
            calendar = WorkingCalendar.for_province(document.unit.province)
            start = datetime(*start_day, tzinfo=document.timezone)
            for channel in document.channels:
                completion = document.completion(channel)
                due = document.due(channel, start, calendar).due
                print(
                    f"   {channel}: {completion.duration} ({completion.clock_starts});"
                    f" started {start:%a %d %b %H:%M} -> due {due:%a %d %b %H:%M}"
                )
        for finding in lint(document):
            print(f"   {finding.code} {finding.severity}: {finding.message}")

    standard = catalog()["bangka-selatan-konsultasi"]
    assert isinstance(standard, ServiceStandard)
    result = standard.checklist("offline").evaluate(
        {"visit": True, "identity-card": date(2026, 1, 31), "email": True, "guest-book": True},
        at=date(2026, 3, 17),
    )
    print()
    print(result.describe("en"))


if __name__ == "__main__":
    main()
