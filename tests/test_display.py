"""Notebook displays: a short ``repr`` and a well-formed, escaped ``_repr_html_`` for each
model people look at in Jupyter (the calendar's `Deadline` and month view are tested with
the calendar)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from html.parser import HTMLParser
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pandas as pd
import pytest

from pst_core.calendar import WorkingCalendar, WorkingDays, WorkingTime
from pst_core.reports import ikm_report, sla_report
from pst_core.standards import Requirement, catalog
from pst_core.states import Clock, State, Transaction, Transition, Workflow
from pst_core.states.builtin import paid_product
from pst_core.states.sla import ClockStatus
from pst_core.tariffs import PayerCost, illustrative_schedule, quote, zero_rate

WIB = ZoneInfo("Asia/Jakarta")
AT = datetime(2026, 3, 17, 14, 0, tzinfo=WIB)
HOSTILE = "<script>alert('x')</script> & co"
VOID = frozenset({"br", "hr", "img", "meta", "input", "col", "wbr"})


class _Balance(HTMLParser):
    """Records the start tags and checks that every element is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        opened = self.stack.pop()
        assert opened == tag, f"<{opened}> closed by </{tag}>"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(markup: str) -> _Balance:
    """The parsed HTML, asserting it is well-formed (tags balance, nothing left open)."""
    parser = _Balance()
    parser.feed(markup)
    parser.close()
    assert not parser.stack, f"left open: {parser.stack}"
    return parser


# --- the objects: each builder takes the user text to put where a person's words go -----------


def ticket(label: str = "Tiket baru", description: str = "") -> Workflow:
    return Workflow(
        "ticket",
        (
            State("new", initial=True, label=label, label_en=label),
            State("answered", terminal=True, label="Dijawab", label_en="Answered"),
        ),
        (Transition("new", "answer", "answered", roles=("officer",)),),
        clocks=(Clock("service", WorkingDays(3), starts_on=("open",), stops_on=("answered",)),),
        description=description,
        calendar=WorkingCalendar.pst(),
    )


def clock_status(name: str = "service") -> ClockStatus:
    return ClockStatus(
        name, WorkingDays(3), "breach", 1, AT, AT + timedelta(days=10), timedelta(hours=22),
        timedelta(hours=2), timedelta(hours=20), False, None, None, timedelta(0),
    )  # fmt: skip


def transaction(user: str = "T-1") -> Transaction:
    tx = Transaction.open(ticket(), at=AT, actor="user", id=user)
    return tx.fire("answer", at=AT + timedelta(hours=1), actor="officer", data={"note": user})


def workflow(user: str = "") -> Workflow:
    return ticket(label=user or "Tiket baru", description=user)


def checklist(user: str = "A valid identity card") -> Any:
    checklist = catalog().standard("bengkulu-penjualan").checklist("offline")
    card = Requirement("identity-card", "Kartu identitas", user, ("offline",), "identity_document")
    checklist = attrs.evolve(checklist, items=(card, *checklist.items[1:]))
    return checklist.evaluate({"identity-card": date(2026, 1, 31)}, at=date(2026, 3, 17))


def standard(user: str = "Penjualan") -> Any:
    return attrs.evolve(catalog().standard("bengkulu-penjualan"), service=user)


def a_quote(user: str = "") -> Any:
    return quote(
        [("wilkerstat-map", 4)], illustrative_schedule(), at=date(2026, 5, 4),
        requester="international_institution", purpose="international_commitment",
        payer_costs=[PayerCost("shipping", Decimal(30000), user)],
    )  # fmt: skip


def decision(user: str = "") -> Any:
    return zero_rate("regional_government", "research", provided=["request_letter"])


def an_sla_report(user: str = "bps-1771") -> Any:
    events = pd.DataFrame({
        "transaction": ["T1", "T1", "T2"],
        "workflow": "ticket",
        "event": ["open", "answer", "open"],
        "at": ["2026-03-17T14:00+07:00", "2026-03-30T10:00+07:00", "2026-04-01T09:00+07:00"],
        "actor": ["user", "officer", "user"],
        "data": "",
        "unit": user,
    })  # fmt: skip
    now = datetime(2026, 4, 13, 9, tzinfo=WIB)
    return sla_report(events, now=now, workflows=[ticket()], group_by=("unit", "clock"))


def an_ikm_report(user: str = "bps-1771") -> Any:
    rows = [{**{f"U{i}": 3 + (i % 2) for i in range(1, 10)}, "unit": user} for _ in range(4)]
    return ikm_report(rows, group_by=["unit"], population=10)


# (name, build, facts in the repr, facts in the HTML, whether user text reaches the display)
CASES: list[tuple[str, Callable[..., Any], tuple[str, ...], tuple[str, ...], bool]] = [
    ("ClockStatus", clock_status, ("'service'", "'running'", "2026-03-27"),
     ("service", "3 working days", "running", "Friday 2026-03-27 14:00 WIB"), True),
    ("Transaction", transaction, ("'T-1'", "'ticket'", "'answered'", "events=2"),
     ("T-1", "Answered", "answer", "officer", "Timeline", "Tuesday 2026-03-17 14:00 WIB", "met"),
     True),
    ("Workflow", workflow, ("'ticket'", "states=2", "transitions=1", "clocks=1"),
     ("new", "answered", "(initial)", "(final)", "officer", "<svg", ">answer</text>"), True),
    ("ChecklistResult", checklist, ("'bengkulu-penjualan'", "'offline'", "complete=False",
                                    "expired=1", "missing=1"),
     ("incomplete", "expired 2026-01-31", "A valid identity card", "missing"), True),
    ("ServiceStandard", standard, ("'bengkulu-penjualan'", "'BPS Provinsi Bengkulu'",
                                   "requirements=2"),
     ("BPS Provinsi Bengkulu", "Penjualan", "A valid identity card", "10 working days"), True),
    ("Quote", a_quote, ("2026-05-04", "Decimal('100000')", "zero_rated=False"),
     ("wilkerstat-map", "Rp25.000", "Rp100.000", "Rp0: eligible", "Rp30.000"), True),
    ("ZeroRateDecision", decision, ("'regional_government'", "'research'", "eligible=True",
                                    "granted=False", "missing=1"),
     ("Rp0: eligible", "an institutional account verified by the back office"), False),
    ("SlaReport", an_sla_report, ("cycles=2", "'unit'", "'clock'"),
     ("Service-time compliance (SLA)", "bps-1771", "service", "met %"), True),
    ("IkmReport", an_ikm_report, ("groups=1", "'unit'", "respondents=4", "'exact'"),
     ("IKM", "bps-1771", "respondents", "minimum sample"), True),
]  # fmt: skip
IDS = [case[0] for case in CASES]


@pytest.mark.parametrize(("name", "build", "in_repr", "in_html", "user_text"), CASES, ids=IDS)
def test_repr_is_short_and_names_the_facts(
    name: str, build: Callable[..., Any], in_repr: tuple[str, ...], in_html: Any, user_text: Any
) -> None:
    shown = repr(build())
    assert len(shown) < 200, shown
    assert shown.startswith(f"{name}("), shown
    for fact in in_repr:
        assert fact in shown, (fact, shown)


@pytest.mark.parametrize(("name", "build", "in_repr", "in_html", "user_text"), CASES, ids=IDS)
def test_html_is_well_formed_and_shows_the_facts(
    name: str, build: Callable[..., Any], in_repr: Any, in_html: tuple[str, ...], user_text: Any
) -> None:
    markup = build()._repr_html_()
    parsed = parse(markup)
    assert "table" in parsed.tags or "p" in parsed.tags
    for fact in in_html:
        assert fact in markup, (fact, markup[:400])


@pytest.mark.parametrize(("name", "build", "in_repr", "in_html", "user_text"), CASES, ids=IDS)
def test_html_escapes_user_text(
    name: str, build: Callable[..., Any], in_repr: Any, in_html: Any, user_text: bool
) -> None:
    if not user_text:
        pytest.skip(f"a {name} holds no user text: every word comes from the catalogue")
    markup = build(HOSTILE)._repr_html_()
    parsed = parse(markup)
    assert "script" not in parsed.tags
    assert "&lt;script&gt;" in markup
    assert "&amp; co" in markup
    assert HOSTILE in "".join(parsed.text)  # shown as text, exactly
    assert len(repr(build(HOSTILE * 5))) < 200


def test_html_follows_the_language() -> None:
    tx = transaction()
    assert "Riwayat peristiwa" in tx._html("id")
    assert "Timeline" in tx._repr_html_()
    assert "belum lengkap" in checklist()._html("id")
    assert "Rincian tarif per 2026-05-04" in a_quote()._html("id")
    assert "Peristiwa keluar" in workflow()._html("id")


def test_a_timer_clock_in_the_paid_product_workflow_reads_in_the_calendar_zone() -> None:
    tx = Transaction.open(paid_product(), at=AT, actor="user")
    markup = tx._repr_html_()
    parse(markup)
    assert "UTC+07:00" not in markup  # instants in the calendar's zone name, not an offset
    assert "Friday 2026-03-27 16:00 WIB" in markup


def test_working_time_repr() -> None:
    assert repr(WorkingTime(minutes=10)) == "WorkingTime(minutes=10)"
