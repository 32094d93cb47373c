"""Describe the deadlines of the PST service standards for a request received now-ish."""

from datetime import datetime
from zoneinfo import ZoneInfo

from pst_core.calendar import WorkingCalendar, parse_duration

calendar = WorkingCalendar.for_province("Bengkulu")
received = datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))

for phrase in ("10 menit", "3 hari kerja", "10 hari kerja", "7 (tujuh) hari"):
    deadline = calendar.deadline(received, parse_duration(phrase))
    print(f"--- {phrase}")
    print(deadline.describe("id"))
