"""What a person reads of an SLA report is in the office's own zone: WIB, WITA or WIT.

A unit in Makassar reads its breaches' start and due in WITA, one in Jayapura in WIT,
in Indonesian and in English alike; the report's table keeps UTC instants (machine
columns), and the note says when the clocks were read in the offices' zones.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest

from pst_core.calendar import WorkingCalendar
from pst_core.reports import sla_report
from tests.reports.ticket import NOW, golden_frame, ticket

pd = pytest.importorskip("pandas")

ZONES = [("Asia/Jakarta", "WIB", 7), ("Asia/Makassar", "WITA", 8), ("Asia/Jayapura", "WIT", 9)]


def _report(zone: str) -> Any:
    calendar = attrs.evolve(WorkingCalendar.pst(), timezone=ZoneInfo(zone))
    workflow = attrs.evolve(ticket(), calendar=calendar)
    return sla_report(golden_frame(), now=NOW, workflows=[workflow])


@pytest.mark.parametrize(("zone", "name", "hours"), ZONES)
@pytest.mark.parametrize("language", ["id", "en"])
def test_breaches_and_the_reading_are_shown_in_the_offices_zone(
    zone: str, name: str, hours: int, language: Any
) -> None:
    report = _report(zone)
    first = report.breaches().iloc[0]
    started = first["started"].tz_convert(zone)
    markdown = report.to_markdown(language)
    assert f"| {started:%Y-%m-%d %H:%M} {name} |" in markdown
    assert " UTC" not in markdown
    assert " UTC" not in report.to_html(language, charts=False)
    assert f"{NOW.astimezone(ZoneInfo(zone)):%Y-%m-%d %H:%M} {name}" in report.notes(language)[0]
    assert str(report.table["started"].dt.tz) == "UTC"  # the machine columns stay UTC
