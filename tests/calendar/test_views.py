"""Month views: golden texts in both languages, the day views, and the HTML grid's layout.

March 2026 has Nyepi and Idul Fitri with their collective leave, a month starting on a Sunday
and ending on a Tuesday, so the grid is padded on both sides.
"""

from __future__ import annotations

from datetime import date

import pytest

from pst_core.calendar import WorkingCalendar
from pst_core.calendar.views import MonthView, month
from pst_core.errors import InvalidValueError
from tests.calendar.helpers import Cell, Table, fresh_pst, html_structure


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
        "Sen  Sel  Rab  Kam  Jum  Sab  Min\n"
        "                                1\n"
        "  2    3    4    5    6    7    8\n"
        "  9   10   11   12   13   14   15\n"
        " 16  >17<  18+  19*  20+  21*  22*\n"
        " 23+  24+  25   26   27   28   29\n"
        " 30   31\n"
        "* libur nasional  + cuti bersama  > < hari ini\n"
        "Hari libur:\n"
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
        "Mon  Tue  Wed  Thu  Fri  Sat  Sun\n"
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


def _day_cells(page: str) -> tuple[Table, list[Cell]]:
    """The grid and its day cells in order (the padding before the 1st and after the last
    day is left out, after checking it is empty)."""
    (grid,) = html_structure(page).tables
    cells = [cell for row in grid.rows for cell in row]
    days = [cell for cell in cells if cell.text]
    first = cells.index(days[0])
    assert all(not c.text and not c.attributes for c in cells[:first] + cells[first + len(days) :])
    return grid, days


@pytest.mark.golden
def test_html_grid(march: MonthView) -> None:
    grid, days = _day_cells(march.html("en", today=date(2026, 3, 17)))
    assert grid.caption == "March 2026 (Asia/Jakarta, WIB)"
    assert grid.headers == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    # Six weeks of seven cells, Monday first: 1 March 2026 is a Sunday, the 31st a Tuesday.
    assert [len(row) for row in grid.rows] == [7] * 6
    assert grid.texts[0] == [""] * 6 + ["1"]
    assert grid.texts[-1] == ["30", "31"] + [""] * 5
    # Each day's tooltip is its hours or why it is off.
    assert [cell.text for cell in days] == [str(n) for n in range(1, 32)]
    assert [cell.attributes["title"] for cell in days] == [v.describe("en") for v in march.days]
    assert days[5].attributes["title"] == "08:00-16:00"  # a Friday
    assert days[18].attributes["title"] == "Day of Silence"
    # Days off are coloured by their kind: one colour a kind, another for each kind.
    colours: dict[str, set[str | None]] = {}
    for view, cell in zip(march.days, days, strict=True):
        colours.setdefault(view.kind, set()).add(cell.style.get("background"))
    assert colours["working"] == {None}
    off = {kind: shades for kind, shades in colours.items() if kind != "working"}
    assert set(off) == {"weekend", "national", "cuti_bersama"}
    assert all(len(shades) == 1 and None not in shades for shades in off.values())
    assert len(set.union(*off.values())) == len(off)
    # Today, and only today, is marked.
    marked = [cell.text for cell in days if "outline" in cell.style]
    assert marked == ["17"]
    assert days[16].style["font-weight"] == "bold"
    _, plain = _day_cells(march.html("en"))
    assert not any("outline" in cell.style or "font-weight" in cell.style for cell in plain)


@pytest.mark.golden
def test_html_indonesian(march: MonthView) -> None:
    grid, days = _day_cells(march.html("id"))
    assert grid.caption == "Maret 2026 (Asia/Jakarta, WIB)"
    assert grid.headers == ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"]
    assert [cell.attributes["title"] for cell in days] == [v.describe("id") for v in march.days]
    assert days[6].attributes["title"] == "akhir pekan"
    assert days[21].attributes["title"] == "Hari kedua dari Hari Raya Idul Fitri"
    assert days[21].style["background"] == days[18].style["background"]  # both national


def test_a_month_with_an_office_s_own_days() -> None:
    cal = (
        fresh_pst()
        .with_ramadan(date(2026, 2, 18), date(2026, 3, 19), name="Ramadan 1447 H")
        .with_extra_working_day(date(2026, 3, 28), reason="Layanan Sabtu", windows=["08:00-12:00"])
        .with_closure(date(2026, 3, 30), reason="Pindah kantor")
    )
    view = cal.month(2026, 3)
    kinds = {v.day.day: v.kind for v in view.days}
    assert (kinds[2], kinds[19], kinds[25], kinds[28], kinds[30]) == (
        "period",
        "national",  # a holiday inside the period is a holiday
        "working",
        "extra",
        "closure",
    )
    assert view.days[1].describe() == "Ramadan 1447 H: 08:00-12:00, 12:30-15:00"
    assert view.days[27].describe("id") == "Layanan Sabtu: 08:00-12:00"
    assert view.days[29].describe() == "Pindah kantor"
    text = view.describe().splitlines()
    assert text[3] == "  2~   3~   4~   5~   6~   7    8"
    assert text[7] == " 30x  31"
    assert text[8] == (
        "* national holiday  + collective leave  x closed  ~ other hours  ! extra working day"
    )
    assert "  Monday 30 March 2026  x Pindah kantor" in text
    assert text[-1] == (
        "  ~ Ramadan 1447 H (2026-02-18 – 2026-03-19): Mon–Thu 08:00-12:00, 12:30-15:00; "
        "Fri 08:00-11:30, 12:30-15:30; Sat–Sun closed"
    )
    assert view.describe("id").splitlines()[8] == (
        "* libur nasional  + cuti bersama  x tutup  ~ jam khusus  ! hari kerja tambahan"
    )


def test_a_month_in_a_notebook_shows_its_grid_and_its_days_off() -> None:
    view = fresh_pst().with_closure(date(2026, 3, 30), reason="<b>Pindah</b>").month(2026, 3)
    page = view._repr_html_()
    assert "<b>Pindah" not in page
    shown = html_structure(page)
    # One title: the grid's caption, not a heading repeating it.
    assert shown.title == ""
    assert page.count("March 2026 (Asia/Jakarta, WIB)") == 1
    grid, days_off = shown.tables
    assert grid.caption == "March 2026 (Asia/Jakarta, WIB)"
    assert grid == html_structure(view.html()).tables[0]
    assert (days_off.caption, days_off.headers) == ("Days off", ["Date", "Reason", "Kind"])
    assert days_off.texts[0] == [
        "Wednesday 18 March 2026",
        "Day of Silence Joint Holiday",
        "collective leave",
    ]
    assert days_off.texts[-1] == ["Monday 30 March 2026", "<b>Pindah</b>", "closed"]
    assert len(days_off.rows) == 8
    # A legend names the colour of each kind of day the month has.
    legend = page[page.index('<p class="legend">') : page.index("</p>")]
    for kind in ("national holiday", "collective leave", "closed", "weekend"):
        assert kind in legend, kind
    assert "Opening hours: Mon–Thu 08:00-15:30; Fri 08:00-16:00; Sat–Sun closed" in page
    quiet = html_structure(WorkingCalendar(national_holidays=False).month(2026, 9)._repr_html_())
    assert len(quiet.tables) == 1  # no day off but weekends: the grid alone


@pytest.mark.parametrize("number", [0, 13, True, 3.0])
def test_a_month_is_a_number_from_1_to_12(number: object) -> None:
    with pytest.raises(InvalidValueError) as caught:
        fresh_pst().month(2026, number)  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.value) == ("month", number)
