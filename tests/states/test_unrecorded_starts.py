"""A service given without its start recorded is measured from the opening, and flagged.

Source (Bangka Selatan and Bengkalis, *Waktu Penyelesaian*, online): "Pengguna
layanan akan dilayani maksimal 3 (tiga) hari kerja setelah permintaan jelas dan
persyaratan pelayanan lengkap" — the clock starts on ``request-clear``, yet the
officer may reply straight from ``submitted`` ("Petugas memberikan informasi
berkaitan dengan materi yang dikonsultasikan pengguna layanan"). A late reply
must never read *not started*: the cycle is read from the opening (the library's
conservative choice) and flagged ``start_inferred``.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from pst_core.calendar.durations import WorkingTime
from pst_core.states import Clock, Event, State, Transaction, Transition, Workflow, replay
from pst_core.states.builtin import builtin_workflow

WIB = ZoneInfo("Asia/Jakarta")
OPENED = datetime(2026, 4, 6, 9, tzinfo=WIB)  # a Monday with no holiday in the next weeks
ONLINE = (
    "online-consultation:bangka-selatan-konsultasi",
    "online-consultation:bengkalis-konsultasi",
)


@pytest.mark.golden
@pytest.mark.parametrize("name", ONLINE)
def test_a_reply_ten_working_days_late_reads_breached_from_the_opening(name: str) -> None:
    # "dilayani maksimal 3 (tiga) hari kerja setelah permintaan jelas": replied from
    # ``submitted`` on Monday 20 April, ten working days after the opening; no request-clear.
    tx = Transaction.open(builtin_workflow(name), at=OPENED, actor="user")
    tx = tx.fire("reply", at=datetime(2026, 4, 20, 10, tzinfo=WIB), actor="officer")
    service = tx.clocks(datetime(2026, 4, 21, 9, tzinfo=WIB))["service"]
    assert service.status == "breached"
    assert service.start_inferred
    assert service.started == OPENED
    # Three working days after Monday 09:00 end on Thursday at closing time.
    assert service.due == datetime(2026, 4, 9, 15, 30, tzinfo=WIB)
    # Budget: Mon 6.5 h + Tue, Wed, Thu 7.5 h = 29 h; used to Mon 20 April 10:00: Mon 6.5 h,
    # Tue-Thu 22.5 h, Fri 8 h, Mon 13-Thu 16 30 h, Fri 17 8 h, Mon 20 2 h = 77 h.
    assert service.breached_by == timedelta(hours=48)
    assert "start not recorded" in service.describe("en")
    assert "mulai tidak tercatat" in service.describe("id")


@pytest.mark.parametrize("name", ONLINE)
def test_a_recorded_start_is_never_inferred(name: str) -> None:
    # "setelah permintaan jelas": the officer records request-clear, then replies.
    tx = Transaction.open(builtin_workflow(name), at=OPENED, actor="user")
    tx = tx.fire("request-clear", at=OPENED + timedelta(hours=1), actor="officer")
    tx = tx.fire("reply", at=OPENED + timedelta(hours=2), actor="officer")
    service = tx.clocks(OPENED + timedelta(hours=3))["service"]
    assert (service.status, service.start_inferred) == ("met", False)
    assert service.started == OPENED + timedelta(hours=1)


@pytest.mark.parametrize("name", ONLINE)
def test_no_service_given_stays_not_started(name: str) -> None:
    tx = Transaction.open(builtin_workflow(name), at=OPENED, actor="user")
    service = tx.clocks(OPENED + timedelta(days=30))["service"]
    assert (service.status, service.start_inferred) == ("not started", False)


def test_a_close_from_submitted_is_a_service_given_too() -> None:
    # "Petugas layanan menutup percakapan online jika layanan konsultasi telah selesai".
    tx = Transaction.open(builtin_workflow(ONLINE[0]), at=OPENED, actor="user")
    tx = tx.fire("close", at=OPENED + timedelta(hours=1), actor="officer")
    service = tx.clocks(OPENED + timedelta(hours=2))["service"]
    assert (service.status, service.start_inferred) == ("met", True)


def test_only_a_clock_that_asks_infers_its_start() -> None:
    def workflow(infer: bool) -> Workflow:
        return Workflow(
            "t",
            (State("a", initial=True), State("b", terminal=True)),
            (Transition("a", "go", "b"), Transition("a", "begin", "a")),
            clocks=(
                Clock(
                    "c", WorkingTime(30), starts_on=("begin",), stops_on=("b",), infer_start=infer
                ),
            ),
        )

    history = (Event("open", OPENED, "user"), Event("go", OPENED + timedelta(hours=1), "user"))
    later = OPENED + timedelta(hours=2)
    assert not replay(workflow(False), history).clock_cycles(later)["c"]
    (cycle,) = replay(workflow(True), history).clock_cycles(later)["c"]
    assert (cycle.status, cycle.start_inferred, cycle.elapsed) == (
        "breached",
        True,
        timedelta(hours=1),
    )
