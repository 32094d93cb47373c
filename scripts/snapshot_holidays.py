"""Write src/pst_core/calendar/data/holidays-ID.json from the installed ``holidays`` release.

The snapshot lets a fresh process answer without importing ``holidays`` (which loads every
country); pst_core reads it only when the installed release is the one that wrote it
(see pst_core.calendar.holidays). Run it after raising the ``holidays`` version tested:

    python scripts/snapshot_holidays.py

tests/calendar/test_holiday_snapshot.py checks the file against the installed package.
"""

from __future__ import annotations

import json
from pathlib import Path

import holidays

from pst_core.calendar.holidays import package_holidays, package_horizon

YEARS = range(2015, 2036)  # the years deadlines are asked about; others ask the package
TARGET = Path(__file__).resolve().parent.parent / "src/pst_core/calendar/data/holidays-ID.json"


def main() -> None:
    years = {
        str(year): [
            [h.day.isoformat(), h.name, h.name_en, h.kind, h.estimated]
            for h in package_holidays(year)
        ]
        for year in YEARS
    }
    header = {
        "about": "Indonesian holidays (country ID) as the holidays package gives them; "
        "written by scripts/snapshot_holidays.py, read only with the same holidays release.",
        "holidays_version": holidays.__version__,
        "horizon": list(package_horizon()),
    }
    # One holiday per line: a new release's changes read as a small diff.
    lines = [json.dumps(header, ensure_ascii=False)[:-1] + ', "years": {']
    for n, (year, rows) in enumerate(years.items()):
        lines.append(f"{json.dumps(year)}: [")
        lines += [json.dumps(r, ensure_ascii=False) + "," for r in rows]
        lines[-1] = lines[-1].removesuffix(",")
        lines.append("]" + ("," if n < len(years) - 1 else ""))
    lines.append("}}")
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{TARGET}: holidays {holidays.__version__}, years {YEARS[0]}-{YEARS[-1]}")


if __name__ == "__main__":
    main()
