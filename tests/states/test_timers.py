"""Timers: what the system must fire because time passed, once per arming, never early.

The built-in workflows serve as examples; the timers each of them has (and the
tariffs.billing rules the paid product's follow) are in their own test files.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings

from pst_core.calendar.durations import CalendarDays
from pst_core.errors import DataFileError, InvalidTransitionError
from pst_core.standards import ServiceStandard, catalog
from pst_core.states import Event, State, Timer, Transaction, Transition, Workflow, replay
from pst_core.states.builtin import online_consultation, paid_product, visit
from pst_core.tariffs.billing import Invoice
from tests.states.examples import invoiced_order
from tests.strategies import instants_2026

WIB = ZoneInfo("Asia/Jakarta")
SUMSEL = catalog().standard("sumsel-konsultasi")  # closed by the portal after 3 working days
assert isinstance(SUMSEL, ServiceStandard)


def test_nothing_is_due_early_and_each_timer_once() -> None:
    at = datetime(2026, 6, 1, 10, 0, tzinfo=WIB)
    tx = invoiced_order(at)
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
    tx = invoiced_order(at).fire("pay", at=at + timedelta(days=1), actor="user")
    assert tx.due_timers(at + timedelta(days=90)) == ()


def test_a_response_rearms_the_no_response_timer() -> None:
    at = datetime(2026, 6, 1, 10, 0, tzinfo=WIB)  # Monday
    tx = Transaction.open(online_consultation(SUMSEL, service_starts="open"), at=at, actor="user")
    tx = tx.fire("reply", at=at, actor="officer")
    tx = tx.fire("respond", at=at + timedelta(days=2), actor="user")
    assert tx.due_timers(at + timedelta(days=30)) == ()  # officer's turn: no timer
    tx = tx.fire("reply", at=at + timedelta(days=3), actor="officer")  # Thu Jun 4
    (timer,) = tx.due_timers(at + timedelta(days=30))
    assert timer.armed == at + timedelta(days=3)
    # 3 working days after Thu Jun 4: Fri 5, Mon 8, Tue 9 (no holiday that week)
    assert timer.due == datetime(2026, 6, 9, 15, 30, tzinfo=WIB)


def test_workflow_without_timers() -> None:
    tx = Transaction.open(visit(), at=datetime(2026, 6, 1, 10, tzinfo=WIB), actor="guest")
    assert tx.due_timers(datetime(2027, 1, 1, tzinfo=WIB)) == ()


# --- a timer's event happens when the timer is due, not before ---


def test_expire_invoice_is_refused_before_the_invoice_expires() -> None:
    at = datetime(2026, 3, 17, 10, 0, tzinfo=WIB)
    tx = invoiced_order(at)
    expires = Invoice(at).expires
    with pytest.raises(InvalidTransitionError) as caught:
        tx.fire("expire-invoice", at=at + timedelta(minutes=1), actor="system")
    message = str(caught.value)
    assert "timer 'invoice'" in message
    assert f"not due until {expires.isoformat()}" in message
    assert message.endswith("allowed now: pay")  # the billing code is not due either
    assert caught.value.allowed == ("pay",)
    with pytest.raises(InvalidTransitionError):
        tx.fire("expire-invoice", at=expires - timedelta(microseconds=1), actor="system")
    assert tx.fire("expire-invoice", at=expires, actor="system").state == "expired"
    assert tx.fire("expire-invoice", at=expires + timedelta(days=1), actor="s").state == "expired"


def test_close_no_response_is_refused_right_after_a_reply() -> None:
    at = datetime(2026, 6, 1, 10, 0, tzinfo=WIB)  # Monday, Hari Lahir Pancasila (holiday)
    tx = Transaction.open(online_consultation(SUMSEL, service_starts="open"), at=at, actor="user")
    tx = tx.fire("reply", at=at, actor="officer")
    due = datetime(2026, 6, 4, 15, 30, tzinfo=WIB)  # close of Thu Jun 4: Jun 2, 3, 4
    with pytest.raises(
        InvalidTransitionError, match=r"timer 'no-response'.*2026-06-04T15:30"
    ) as caught:
        tx.fire("close-no-response", at=at + timedelta(minutes=1), actor="system")
    assert caught.value.allowed == ("respond", "close")
    assert tx.fire("close-no-response", at=due, actor="system").state == "closed-no-response"


def test_queue_breached_once_at_its_due_instant() -> None:
    at = datetime(2026, 3, 17, 14, 0, tzinfo=WIB)
    tx = Transaction.open(paid_product(), at=at, actor="user")
    due = datetime(2026, 3, 27, 16, 0, tzinfo=WIB)  # 3 working days (calendar golden fact)
    with pytest.raises(InvalidTransitionError, match="not due until 2026-03-27T16:00:00"):
        tx.fire("queue-breached", at=at, actor="system")
    breached = tx.fire("queue-breached", at=due, actor="system")
    assert breached.state == "created"
    with pytest.raises(InvalidTransitionError, match="has fired already since it was last armed"):
        breached.fire("queue-breached", at=due + timedelta(days=30), actor="system")
    # Other events are untouched by the timer.
    assert breached.fire("start-verification", at=due, actor="officer").state == "verifying"


def test_replay_and_json_refuse_a_timer_event_fired_early() -> None:
    at = datetime(2026, 3, 17, 14, 0, tzinfo=WIB)
    tx = Transaction.open(paid_product(), at=at, actor="user")
    early = Event("queue-breached", at + timedelta(hours=1), "system")
    with pytest.raises(InvalidTransitionError, match="queue-wait"):
        replay(paid_product(), (*tx.history, early))
    data = tx.to_data()
    data["history"].append({"name": early.name, "at": early.at.isoformat(), "actor": "system"})
    with pytest.raises(DataFileError, match=r"history\[1\]"):
        Transaction.from_data(data)


@pytest.mark.property
@settings(max_examples=30)
@given(at=instants_2026)
def test_timer_events_are_refused_until_due_then_accepted(at: datetime) -> None:
    tx = Transaction.open(online_consultation(SUMSEL, service_starts="open"), at=at, actor="user")
    tx = tx.fire("reply", at=at, actor="officer")
    (timer,) = tx.due_timers(at + timedelta(days=60))
    with pytest.raises(InvalidTransitionError, match=re.escape(timer.due.isoformat())):
        tx.fire(timer.event, at=timer.due - timedelta(microseconds=1), actor=timer.actor)
    assert tx.fire(timer.event, at=timer.due, actor=timer.actor).state == "closed-no-response"


def test_an_event_a_timer_fires_is_free_where_the_timer_is_not_armed() -> None:
    # One mechanism for every workflow: only the states a timer is armed in are checked.
    wf = Workflow(
        "reminders",
        states=(State("open", initial=True), State("paused"), State("closed", terminal=True)),
        transitions=(
            Transition("open", "remind", "open"),
            Transition("open", "pause", "paused"),
            Transition("paused", "remind", "paused"),
            Transition("paused", "close", "closed"),
        ),
        timers=(Timer("nag", "remind", CalendarDays(1), in_states=("open",)),),
    )
    at = datetime(2026, 6, 2, 10, 0, tzinfo=WIB)
    tx = Transaction.open(wf, at=at, actor="user")
    with pytest.raises(InvalidTransitionError, match="timer 'nag'") as caught:
        tx.fire("remind", at=at + timedelta(hours=23), actor="system")
    assert caught.value.allowed == ("pause",)
    assert tx.fire("remind", at=at + timedelta(days=1), actor="system").state == "open"
    paused = tx.fire("pause", at=at, actor="user")
    assert paused.fire("remind", at=at, actor="user").state == "paused"
