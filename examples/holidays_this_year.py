"""Print this year's national holidays and cuti bersama, marking estimated dates."""

from datetime import datetime
from zoneinfo import ZoneInfo

from pst_core.calendar.holidays import indonesian_holidays
from pst_core.i18n import text

year = indonesian_holidays(datetime.now(ZoneInfo("Asia/Jakarta")).year)
for holiday in year.holidays:
    kind = text(f"calendar.kind.{holiday.kind}", "id")
    print(f"{holiday.day:%a %d %b %Y}  {kind:<16}  {holiday.describe('id')} / {holiday.describe()}")
if not year.decreed:
    print(f"No cuti bersama decree for {year.year} in the data yet.")
