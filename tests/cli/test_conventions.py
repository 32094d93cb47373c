"""Conventions users already know: ``cal`` without a month, provinces by BPS code, a
date-only start said out loud, the known workflows named on a typo."""

from __future__ import annotations

import contextlib
import io
from datetime import datetime

import pytest

from pst_core import cli
from pst_core.calendar import PROVINCES, WorkingCalendar, province


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        status = cli.main(list(argv), out=out)
    return status, out.getvalue(), err.getvalue()


def test_calendar_alone_shows_this_month_in_the_offices_zone() -> None:
    status, out, _ = _run("--lang", "en", "calendar", "--zone", "WIT")
    assert status == 0
    today = datetime.now(WorkingCalendar.pst("Asia/Jayapura").timezone).date()
    first = out.splitlines()[0]
    # The month shown is the current one in Asia/Jayapura (checked again after the run,
    # should the month have turned in between).
    later = datetime.now(WorkingCalendar.pst("Asia/Jayapura").timezone).date()
    assert any(f"{d:%B %Y} (Asia/Jayapura, WIT)" == first for d in (today, later))


def test_calendar_with_today_and_no_month_shows_todays_month() -> None:
    _, out, _ = _run("--lang", "id", "calendar", "--today", "2026-03-17")
    assert out.splitlines()[0] == "Maret 2026 (Asia/Jakarta, WIB)"
    assert ">17<" in out


@pytest.mark.parametrize("command", ["deadline", "calendar", "holidays"])
def test_province_by_bps_code_equals_province_by_name(command: str) -> None:
    args = {
        "deadline": ("2026-03-17T14:00+07:00", "3 hari kerja"),
        "calendar": ("2026-03",),
        "holidays": ("2026",),
    }[command]
    by_code = _run(command, *args, "--province", "17")
    assert by_code == _run(command, *args, "--province", "Bengkulu")
    assert by_code[0] == 0


def test_every_province_has_a_distinct_two_digit_code() -> None:
    codes = [p.code for p in PROVINCES.values()]
    assert len(set(codes)) == 38
    assert all(len(c) == 2 and c.isdigit() for c in codes)
    assert province("17").name == "Bengkulu"
    assert province("31").name == "DKI Jakarta"


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_date_only_start_says_which_rule_it_applies(language: str) -> None:
    status, out, err = _run("--lang", language, "deadline", "2026-03-17", "2 jam")
    assert (status, err) == (0, "")
    first, second = out.splitlines()[:2]
    assert "2026-03-17" in first
    assert ("00.00" if language == "id" else "00:00") in first
    assert "START" in first
    assert second.startswith("Tenggat" if language == "id" else "Due")


def test_a_start_with_a_time_says_nothing_more() -> None:
    _, out, _ = _run("--lang", "en", "deadline", "2026-03-17T14:00+07:00", "2 jam")
    assert out.startswith("Due ")


@pytest.mark.parametrize("language", ["id", "en"])
def test_an_unknown_workflow_lists_the_known_ones(language: str) -> None:
    status, out, err = _run("--lang", language, "workflow", "show", "x")
    assert (status, out) == (1, "")
    for name in ("visit", "online-consultation", "paid-product-visit", "paid-product"):
        assert name in err
    assert ("alur kerja" if language == "id" else "workflow 'x'") in err


def test_workflow_list_in_indonesian() -> None:
    _, out, _ = _run("--lang", "id", "workflow", "list")
    assert out.splitlines()[0] == "visit: Kunjungan langsung ke meja PST"
    assert "paid-product: Pesanan produk statistik berbayar" in out


def test_holidays_cite_the_decree_staff_expect() -> None:
    _, out, _ = _run("--lang", "id", "holidays", "2026")
    line = next(x for x in out.splitlines() if x.startswith("  2026-03-19"))
    assert line.endswith("<- SKB 3 Menteri (data holidays " + line.rsplit(" ", 1)[1])
    _, out, _ = _run("--lang", "id", "holidays", "2028")
    estimated = next(x for x in out.splitlines() if "[perkiraan]" in x)
    assert "belum ada SKB" in estimated
