"""Clocks say whose time they measure; the SLA report counts the office's unless asked.

Source: SOP-1-101/17000/2025 step 8, "Pengguna layanan memberikan penilaian/rating
dan umpan balik terhadap kualitas pelayanan dan menutup transaksi / percakapan",
Waktu "5 menit" — the user's own time: an order delivered and never rated must not
read *breached* in the office's compliance.
"""

from __future__ import annotations

import io
import typing
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from pst_core.cli import main
from pst_core.errors import InvalidValueError
from pst_core.reports import sla_report
from pst_core.reports.sla import Engine
from pst_core.states import Transaction
from pst_core.states.builtin import paid_product
from tests.reports.ticket import frame_of, wib

ENGINES = typing.get_args(Engine)


def delivered_never_rated() -> Transaction:
    at = wib("2026-04-06T09:00")
    tx = Transaction.open(paid_product(), at=at, actor="user")
    tx = tx.fire("start-verification", at=at, actor="officer")
    data = {"outcome": "complete", "product": "printed_publication"}
    tx = tx.fire("verify", at=at, actor="officer", data=data)
    tx = tx.fire("issue-invoice", at=at, actor="officer")
    tx = tx.fire("pay", at=at + timedelta(hours=1), actor="user")
    return tx.fire("deliver", at=at + timedelta(hours=2), actor="officer")


def test_the_rating_clock_is_the_users_time() -> None:
    parties = {clock.name: clock.party for clock in paid_product().clocks}
    assert parties == {"queue": "office", "delivery": "office", "rating": "user"}


@pytest.mark.golden
@pytest.mark.parametrize("engine", ENGINES)
def test_the_office_compliance_leaves_the_users_rating_out(engine: Any) -> None:
    frame = frame_of([delivered_never_rated()])
    now = wib("2026-04-07T09:00")
    office = sla_report(frame, now=now, engine=engine)
    assert set(office.table["clock"]) == {"queue", "delivery"}
    assert "breached" not in set(office.table["status"])
    both = sla_report(frame, now=now, engine=engine, parties=("office", "user"))
    rating = both.table[both.table["clock"] == "rating"]
    assert list(rating["status"]) == ["breached"]
    assert list(rating["party"]) == ["user"]
    summary = both.summary()
    assert list(summary.columns[:3]) == ["party", "month", "clock"]
    assert set(summary.loc[summary["party"] == "user", "clock"]) == {"rating"}
    assert "whose time" in both.describe("en")
    indonesian = both.describe("id")
    assert "waktu milik" in indonesian
    assert "pengguna" in indonesian
    assert "kantor" in indonesian


def test_parties_are_checked() -> None:
    frame = frame_of([delivered_never_rated()])
    now = wib("2026-04-07T09:00")
    wrongs: tuple[tuple[Any, ...], ...] = (("office", "office"), ("staff",), ())
    for wrong in wrongs:
        with pytest.raises(InvalidValueError):
            sla_report(frame, now=now, parties=wrong)


def test_the_command_shows_the_users_clocks_on_request(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    frame_of([delivered_never_rated()]).to_csv(path, index=False)
    args = ["report", "sla", str(path), "--now", "2026-04-07T09:00+07:00", "--lang", "en"]
    out = io.StringIO()
    assert main(args, out=out) == 0
    assert "rating" not in out.getvalue()
    out = io.StringIO()
    assert main([*args, "--user-clocks"], out=out) == 0
    assert "rating" in out.getvalue()
    assert "user" in out.getvalue()
