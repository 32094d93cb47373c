"""An instant outside the calendar's years is one transaction's problem, or the caller's.

The calendar knows the years of its holiday data. An event outside them is a bad row
of its transaction (``invalid="skip"`` leaves that transaction out and reports the
rest); clocks read at an instant outside them is a `CalendarHorizonError`, never an
internal error.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from pst_core.calendar.holidays import holiday_horizon
from pst_core.errors import BadRowsError, CalendarHorizonError
from pst_core.reports import sla_report
from tests.reports.ticket import NOW, golden_frame, ticket


@pytest.mark.hostile
@pytest.mark.parametrize("engine", ["columns", "objects"])
def test_one_event_outside_the_horizon_skips_its_transaction_only(engine: str) -> None:
    first, _ = holiday_horizon()
    frame = golden_frame()
    frame.loc[2, "at"] = f"{first - 1}-06-01T09:00:00+07:00"  # T2's opening
    with pytest.raises(BadRowsError, match="outside the calendar's horizon"):
        sla_report(frame, now=NOW, workflows=[ticket()], engine=engine)  # type: ignore[arg-type]
    report = sla_report(frame, now=NOW, workflows=[ticket()], invalid="skip", engine=engine)  # type: ignore[arg-type]
    assert report.bad_rows[0].transaction == "T2"
    assert report.bad_rows[0].at_fault
    assert set(report.table["transaction"]) == {"T1", "T3", "T4"}


@pytest.mark.hostile
@pytest.mark.parametrize(
    "now",
    [
        datetime(9999, 12, 31, 23, 59, 59, tzinfo=timezone.utc),
        datetime(9999, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=-12))),
        datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14))),
    ],
)
def test_clocks_read_outside_the_horizon_is_a_typed_error(now: datetime) -> None:
    with pytest.raises(CalendarHorizonError) as caught:
        sla_report(golden_frame(), now=now, workflows=[ticket()])
    assert caught.value.describe("id") != caught.value.describe("en")
