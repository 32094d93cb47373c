"""Timers: what the system must fire because time passed, against tariffs.billing's rules."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings

from pst_core.states import Transaction
from pst_core.states.workflows import online_consultation, paid_product
from pst_core.tariffs.billing import BillingCode, Invoice
from tests.strategies import instants_2026

WIB = ZoneInfo("Asia/Jakarta")


def _invoiced(at: datetime) -> Transaction:
    tx = Transaction.open(paid_product(), at=at, actor="user")
    tx = tx.fire("start-verification", at=at, actor="officer")
    tx = tx.fire("verify", at=at, actor="officer", outcome="complete")
    return tx.fire("issue-invoice", at=at, actor="officer")


@settings(max_examples=30)
@given(at=instants_2026)
def test_invoice_and_billing_code_timers_follow_tariffs_billing(at: datetime) -> None:
    tx = _invoiced(at)
    later = at + timedelta(days=40)
    due = {t.timer: t.due for t in tx.due_timers(later)}
    assert due["billing-code"] == BillingCode("0" * 15, at).expires
    assert due["invoice"] == Invoice(at).expires


def test_nothing_is_due_early_and_each_timer_once() -> None:
    at = datetime(2026, 6, 1, 10, 0, tzinfo=WIB)
    tx = _invoiced(at)
    assert tx.due_timers(at + timedelta(days=6, hours=23)) == ()
    (code,) = tx.due_timers(at + timedelta(days=7))
    assert (code.timer, code.event, code.armed) == ("billing-code", "expire-billing-code", at)
    tx = tx.fire(code.event, at=code.due, actor=code.actor)
    assert tx.due_timers(at + timedelta(days=8)) == ()
    (invoice,) = tx.due_timers(datetime(2026, 7, 1, 10, 0, tzinfo=WIB))
    assert invoice.event == "expire-invoice"
    assert tx.fire(invoice.event, at=invoice.due, actor="system").state == "expired"


def test_paying_disarms_the_timers() -> None:
    at = datetime(2026, 6, 1, 10, 0, tzinfo=WIB)
    tx = _invoiced(at).fire("pay", at=at + timedelta(days=1), actor="user")
    assert tx.due_timers(at + timedelta(days=90)) == ()


def test_a_response_rearms_the_no_response_timer() -> None:
    at = datetime(2026, 6, 1, 10, 0, tzinfo=WIB)  # Monday
    tx = Transaction.open(online_consultation(), at=at, actor="user")
    tx = tx.fire("reply", at=at, actor="officer")
    tx = tx.fire("respond", at=at + timedelta(days=2), actor="user")
    assert tx.due_timers(at + timedelta(days=30)) == ()  # officer's turn: no timer
    tx = tx.fire("reply", at=at + timedelta(days=3), actor="officer")  # Thu Jun 4
    (timer,) = tx.due_timers(at + timedelta(days=30))
    assert timer.armed == at + timedelta(days=3)
    # 3 working days after Thu Jun 4: Fri 5, Mon 8, Tue 9 (no holiday that week)
    assert timer.due == datetime(2026, 6, 9, 15, 30, tzinfo=WIB)


def test_workflow_without_timers() -> None:
    from pst_core.states.workflows import visit

    tx = Transaction.open(visit(), at=datetime(2026, 6, 1, 10, tzinfo=WIB), actor="guest")
    assert tx.due_timers(datetime(2027, 1, 1, tzinfo=WIB)) == ()
