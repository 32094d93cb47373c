"""The SLA report's summaries and breaches: cycles counted, shared out and explained.

A summary groups the cycles that started by any of the `SLA_DIMENSIONS`: counts,
met and breached shares (of the started cycles, one decimal), running and cancelled
counts, median and 90th-percentile elapsed time. Every breach lists the non-working
days its deadline passed over.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from pst_core.errors import InvalidTypeError, InvalidValueError
from pst_core.reports import SLA_DIMENSIONS, SlaReport, sla_report
from tests.reports.ticket import NOW, golden_frame, ticket


def golden(**options: Any) -> SlaReport:
    return sla_report(golden_frame(), now=NOW, workflows=[ticket()], **options)


@pytest.mark.golden
def test_golden_summary_by_clock() -> None:
    summary = golden(group_by=("clock",)).summary().set_index("clock")
    assert summary.loc["service", "count"] == 4
    assert summary.loc["service", "met"] == 1
    assert summary.loc["service", "breached"] == 1
    assert summary.loc["service", "running"] == 1
    assert summary.loc["service", "cancelled"] == 1
    assert summary.loc["service", "met_pct"] == 25.0
    assert summary.loc["first-touch", "breached_pct"] == 50.0
    # first touch elapsed 26.5 h, 0.5 h, 2 h and 0.5 h: median 1.25 h.
    assert summary.loc["first-touch", "median_elapsed"] == timedelta(hours=1.25)


@pytest.mark.golden
def test_golden_breaches_explain_the_days_passed_over() -> None:
    breaches = golden().breaches()
    assert list(breaches["transaction"]) == ["T1", "T1", "T3"]
    # T1's service deadline passed over Nyepi, Idul Fitri and the cuti bersama days.
    explanation = breaches.loc[breaches["clock"] == "service", "explanation"].iloc[0]
    for day in ("2026-03-18", "2026-03-19", "2026-03-20", "2026-03-23", "2026-03-24"):
        assert day in explanation
    assert "Day of Silence" in explanation
    indonesian = golden().breaches("id")
    said = indonesian.loc[indonesian["clock"] == "service", "explanation"].iloc[0]
    assert "Hari Suci Nyepi" in said


def test_the_report_groups_by_month_and_clock_unless_told() -> None:
    report = golden()
    assert report.group_by == ("month", "clock")
    assert list(report.summary().columns[:2]) == ["month", "clock"]
    by_channel = report.summary(["channel"])
    assert list(by_channel["channel"]) == ["online"]
    assert by_channel["count"].item() == 8


def test_a_summary_of_no_dimension_is_one_row() -> None:
    whole = golden().summary(())
    assert len(whole) == 1
    assert whole["count"].item() == 8
    assert "all" not in whole.columns


@pytest.mark.parametrize("dimension", SLA_DIMENSIONS)
def test_every_dimension_groups(dimension: Any) -> None:
    summary = golden().summary([dimension])
    assert list(summary.columns[:1]) == [dimension]
    assert summary["count"].sum() == 8


@pytest.mark.hostile
@pytest.mark.parametrize(
    ("group_by", "error", "field"),
    [
        (("province",), InvalidValueError, "group_by[0]"),
        (("clock", "clock"), InvalidValueError, "group_by[1]"),
        ("month", InvalidTypeError, "group_by"),
        ((1,), InvalidTypeError, "group_by[0]"),
    ],
)
def test_a_summary_groups_only_by_dimensions(
    group_by: Any, error: type[Exception], field: str
) -> None:
    report = golden()
    with pytest.raises(error) as caught:
        report.summary(group_by)
    assert getattr(caught.value, "field", None) == field
    with pytest.raises(error):
        golden(group_by=group_by)


def test_notes_say_when_the_clocks_were_read_and_what_was_skipped() -> None:
    assert golden().notes() == ("clocks read at 2026-04-13 09:00 WIB",)
    frame = golden_frame()
    frame.loc[0, "actor"] = ""
    skipped = sla_report(frame, now=NOW, workflows=[ticket()], invalid="skip")
    assert skipped.notes("id")[1].startswith("2 baris dilewati")
