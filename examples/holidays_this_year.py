"""Print this year's national holidays and cuti bersama, marking estimated dates."""

from datetime import date

from pst_core.calendar.holidays import indonesian_holidays

year = indonesian_holidays(date.today().year)
for holiday in year.holidays:
    kind = "cuti bersama" if holiday.kind == "cuti_bersama" else "national"
    print(f"{holiday.day:%a %d %b %Y}  {kind:<12}  {holiday.label}")
if not year.decreed:
    print(f"No cuti bersama decree for {year.year} in the data yet.")
