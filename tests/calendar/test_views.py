"""Month views: golden texts in both languages, the day views, and the HTML grid's layout.

March 2026 has Nyepi and Idul Fitri with their collective leave, a month starting on a Sunday
and ending on a Tuesday, so the grid is padded on both sides.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from pst_core.calendar import WorkingCalendar
from pst_core.calendar.views import MonthView, month

_CELL = "text-align:right;padding:2px 6px"


@pytest.fixture(scope="module")
def march() -> MonthView:
    return month(WorkingCalendar.pst(), 2026, 3)


@pytest.mark.golden
def test_repr_counts_working_days_and_days_off(march: MonthView) -> None:
    assert repr(march) == "MonthView(2026-03, Asia/Jakarta, 17 working days, 7 days off)"


@pytest.mark.golden
def test_describe_indonesian_marks_today_and_lists_days_off(march: MonthView) -> None:
    assert march.describe("id", today=date(2026, 3, 17)) == (
        "Maret 2026 (Asia/Jakarta, WIB)\n"
        " Sn   Sl   Rb   Km   Jm   Sb   Mg\n"
        "                                1\n"
        "  2    3    4    5    6    7    8\n"
        "  9   10   11   12   13   14   15\n"
        " 16  >17<  18+  19*  20+  21*  22*\n"
        " 23+  24+  25   26   27   28   29\n"
        " 30   31\n"
        "* libur nasional  + cuti bersama  > < hari ini\n"
        "Hari tidak bekerja:\n"
        "  Rabu, 18 Maret 2026  + Cuti Bersama Hari Suci Nyepi\n"
        "  Kamis, 19 Maret 2026  * Hari Suci Nyepi\n"
        "  Jumat, 20 Maret 2026  + Cuti Bersama Hari Raya Idul Fitri\n"
        "  Sabtu, 21 Maret 2026  * Hari Raya Idul Fitri\n"
        "  Minggu, 22 Maret 2026  * Hari kedua dari Hari Raya Idul Fitri\n"
        "  Senin, 23 Maret 2026  + Cuti Bersama Hari Raya Idul Fitri\n"
        "  Selasa, 24 Maret 2026  + Cuti Bersama Hari Raya Idul Fitri\n"
        "Jam layanan: Sen–Kam 08.00-15.30; Jum 08.00-16.00; Sab–Min tutup"
    )


@pytest.mark.golden
def test_describe_english_without_today(march: MonthView) -> None:
    assert march.describe("en") == (
        "March 2026 (Asia/Jakarta, WIB)\n"
        " Mo   Tu   We   Th   Fr   Sa   Su\n"
        "                                1\n"
        "  2    3    4    5    6    7    8\n"
        "  9   10   11   12   13   14   15\n"
        " 16   17   18+  19*  20+  21*  22*\n"
        " 23+  24+  25   26   27   28   29\n"
        " 30   31\n"
        "* national holiday  + collective leave\n"
        "Days off:\n"
        "  Wednesday 18 March 2026  + Day of Silence Joint Holiday\n"
        "  Thursday 19 March 2026  * Day of Silence\n"
        "  Friday 20 March 2026  + Eid al-Fitr Joint Holiday\n"
        "  Saturday 21 March 2026  * Eid al-Fitr\n"
        "  Sunday 22 March 2026  * Eid al-Fitr Second Day\n"
        "  Monday 23 March 2026  + Eid al-Fitr Joint Holiday\n"
        "  Tuesday 24 March 2026  + Eid al-Fitr Joint Holiday\n"
        "Opening hours: Mon–Thu 08:00-15:30; Fri 08:00-16:00; Sat–Sun closed"
    )
    assert str(march) == march.describe("en")


@pytest.mark.golden
@pytest.mark.parametrize(
    ("index", "kind", "said_id", "said_en"),
    [
        (0, "weekend", "akhir pekan", "weekend"),
        (16, "working", "08:00-15:30", "08:00-15:30"),
        (17, "cuti_bersama", "Cuti Bersama Hari Suci Nyepi", "Day of Silence Joint Holiday"),
        (18, "national", "Hari Suci Nyepi", "Day of Silence"),
        (19, "cuti_bersama", "Cuti Bersama Hari Raya Idul Fitri", "Eid al-Fitr Joint Holiday"),
    ],
)
def test_day_views(march: MonthView, index: int, kind: str, said_id: str, said_en: str) -> None:
    view = march.days[index]
    assert view.day == date(2026, 3, index + 1)
    assert view.kind == kind
    assert bool(view.windows) == (kind == "working")
    assert view.describe("id") == said_id
    assert view.describe("en") == said_en
    assert view.describe() == said_en


@pytest.mark.golden
def test_html_grid(march: MonthView) -> None:
    page = march.html("en", today=date(2026, 3, 17))
    assert page.startswith(
        "<table><caption>March 2026 (Asia/Jakarta, WIB)</caption><tr><th>Mo</th><th>Tu</th>"
        "<th>We</th><th>Th</th><th>Fr</th><th>Sa</th><th>Su</th></tr>"
        "<tr><td></td><td></td><td></td><td></td><td></td><td></td>"
        f'<td title="weekend" style="background:#eeeeee;{_CELL}">1</td></tr>'
        f'<tr><td title="08:00-15:30" style="{_CELL}">2</td>'
    )
    assert page.endswith(
        f'<tr><td title="08:00-15:30" style="{_CELL}">30</td>'
        f'<td title="08:00-15:30" style="{_CELL}">31</td>'
        "<td></td><td></td><td></td><td></td><td></td></tr></table>"
    )
    rows = re.findall(r"<tr>(.*?)</tr>", page)
    assert len(rows) == 7  # header and six weeks
    assert all(row.count("<td") == 7 for row in rows[1:])
    assert f'<td title="08:00-16:00" style="{_CELL}">6</td>' in page
    assert (
        '<td title="08:00-15:30" style="font-weight:bold;outline:2px solid #333;'
        f'{_CELL}">17</td>' in page
    )
    assert f'<td title="Day of Silence" style="background:#f8d7da;{_CELL}">19</td>' in page
    assert (
        f'<td title="Eid al-Fitr Joint Holiday" style="background:#fde2c8;{_CELL}">20</td>' in page
    )
    assert page.count("outline") == 1
    assert "outline" not in march.html("en")


@pytest.mark.golden
def test_html_indonesian(march: MonthView) -> None:
    page = march.html("id")
    assert page.startswith(
        "<table><caption>Maret 2026 (Asia/Jakarta, WIB)</caption><tr><th>Sn</th><th>Sl</th>"
        "<th>Rb</th><th>Km</th><th>Jm</th><th>Sb</th><th>Mg</th></tr>"
    )
    assert f'<td title="akhir pekan" style="background:#eeeeee;{_CELL}">7</td>' in page
    assert (
        f'<td title="Hari kedua dari Hari Raya Idul Fitri" style="background:#f8d7da;{_CELL}">'
        "22</td>" in page
    )
