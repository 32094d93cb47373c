"""A small ticket workflow of the SLA tests' own, and its history worked out by hand.

Two clocks (a 3-working-day service clock paused while the ticket waits on its
user, and a one-hour first-touch clock), four transactions in March and April 2026
around Nyepi, Idul Fitri, their cuti bersama and Good Friday, read at `NOW`.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd

from pst_core.calendar import WorkingCalendar, WorkingDays, WorkingTime
from pst_core.states import Clock, State, Transition, Workflow

WIB = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 4, 13, 9, 0, tzinfo=WIB)


def ticket() -> Workflow:
    """Two clocks, a pause, a cancel."""
    return Workflow(
        "ticket",
        states=(
            State("new", initial=True),
            State("waiting-user"),
            State("answered"),
            State("closed", terminal=True),
        ),
        transitions=(
            Transition("new", "reply", "waiting-user"),
            Transition("waiting-user", "respond", "new"),
            Transition("new", "answer", "answered"),
            Transition("new", "close", "closed"),
            Transition("waiting-user", "close", "closed"),
            Transition("answered", "close", "closed"),
        ),
        clocks=(
            Clock(
                "service",
                WorkingDays(3),
                starts_on=("open",),
                stops_on=("answered",),
                paused_in=("waiting-user",),
                cancels_on=("closed",),
            ),
            Clock(
                "first-touch",
                WorkingTime(60),
                starts_on=("open",),
                stops_on=("reply", "answer"),
                cancels_on=("closed",),
            ),
        ),
        calendar=WorkingCalendar.pst(),
    )


def wib(text: str) -> datetime:
    """A wall-clock time in WIB."""
    return datetime.fromisoformat(text).replace(tzinfo=WIB)


# (transaction, event, at in WIB); every actor is "officer" but the opening's.
GOLDEN_EVENTS = [
    # T1, opened Tue 17 March 14:00: the 3 working days skip Wed 18 (cuti bersama), Thu 19
    # (Nyepi), Fri 20 (cuti bersama), the weekend of Idul Fitri, Mon 23 and Tue 24 (cuti
    # bersama) and end on Fri 27 at 16:00. Budget: Tue 1.5 h + Wed 25 7.5 h + Thu 26 7.5 h
    # + Fri 27 8 h = 24.5 h. Answered Mon 30 at 10:00: elapsed 24.5 h + 2 h = 26.5 h,
    # breached by 2 h. First touch: due Tue 17 15:00, breached by 26.5 - 1 = 25.5 h.
    ("T1", "open", "2026-03-17T14:00"),
    ("T1", "answer", "2026-03-30T10:00"),
    # T2, opened Wed 1 April 09:00, replied 09:30 (service paused, first touch met after
    # 30 min), the user responds Mon 6 April 09:00 (Fri 3 is Good Friday) and it is answered
    # at 11:00. Service: elapsed 0.5 h + 2 h = 2.5 h of a budget of Wed 6.5 h + Thu 7.5 h +
    # Mon 7.5 h + Tue 7.5 h = 29 h (due Tue 7 at 15:30 had it never paused); met. Its due
    # instant is where the 26.5 h left would end from Mon 11:00: Mon 4.5 h, Tue 7.5 h,
    # Wed 7.5 h, then 7 h into Thu 9 April: 15:00. Paused: Wed 09:30-15:30 6 h, Thu 7.5 h
    # and Mon 08:00-09:00 1 h = 14.5 h of open time. First touch due 10:00 (met).
    ("T2", "open", "2026-04-01T09:00"),
    ("T2", "reply", "2026-04-01T09:30"),
    ("T2", "respond", "2026-04-06T09:00"),
    ("T2", "answer", "2026-04-06T11:00"),
    # T3, opened Fri 10 April 15:00, still open at now (Mon 13 April 09:00): service
    # running, elapsed Fri 1 h + Mon 1 h = 2 h of Fri 1 h + Mon, Tue, Wed 7.5 h = 23.5 h,
    # due Wed 15 April 15:30. First touch: due Fri 16:00, breached by 1 h.
    ("T3", "open", "2026-04-10T15:00"),
    # T4, opened Mon 13 April 08:00 and closed unanswered at 08:30: both clocks cancelled.
    ("T4", "open", "2026-04-13T08:00"),
    ("T4", "close", "2026-04-13T08:30"),
]

# transaction, clock -> status, due (WIB), elapsed hours, breached-by hours, paused hours
GOLDEN = {
    ("T1", "service"): ("breached", "2026-03-27T16:00", 26.5, 2.0, 0.0),
    ("T1", "first-touch"): ("breached", "2026-03-17T15:00", 26.5, 25.5, 0.0),
    ("T2", "service"): ("met", "2026-04-09T15:00", 2.5, 0.0, 14.5),
    ("T2", "first-touch"): ("met", "2026-04-01T10:00", 0.5, 0.0, 0.0),
    ("T3", "service"): ("running", "2026-04-15T15:30", 2.0, 0.0, 0.0),
    ("T3", "first-touch"): ("breached", "2026-04-10T16:00", 2.0, 1.0, 0.0),
    ("T4", "service"): ("cancelled", "2026-04-16T15:30", 0.5, 0.0, 0.0),
    ("T4", "first-touch"): ("cancelled", "2026-04-13T09:00", 0.5, 0.0, 0.0),
}


def golden_frame() -> pd.DataFrame:
    """`GOLDEN_EVENTS` as an events table (one unit, one channel)."""
    return pd.DataFrame(
        {
            "transaction": [t for t, _, _ in GOLDEN_EVENTS],
            "workflow": "ticket",
            "event": [e for _, e, _ in GOLDEN_EVENTS],
            "at": [wib(at).isoformat() for _, _, at in GOLDEN_EVENTS],
            "actor": ["user" if e == "open" else "officer" for _, e, _ in GOLDEN_EVENTS],
            "data": "",
            "unit": "BPS Provinsi Bengkulu",
            "channel": "online",
        }
    )


def frame_of(txs: list[Any]) -> pd.DataFrame:
    """Transactions (`pst_core.states.Transaction`) as an events table, T000, T001..."""
    rows = []
    for number, tx in enumerate(txs):
        for event in tx.history:
            rows.append(
                {
                    "transaction": f"T{number:03d}",
                    "workflow": tx.workflow.name,
                    "event": event.name,
                    "at": event.at.isoformat(),
                    "actor": event.actor,
                    "data": json.dumps(dict(event.data)) if event.data else "",
                }
            )
    return pd.DataFrame(rows)
