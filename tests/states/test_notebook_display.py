"""What a workflow, a transaction and a clock show in a notebook: a short repr, structured HTML.

The rule, not the bytes: a section titled with the object's summary line; a
workflow's tables hold one row per state, per transition, per clock and per
timer, then its diagram drawn (inline SVG: boxes named by the states, arrows by
the events; never Mermaid source shown as text); a transaction's timeline one row
per event, then its clocks at the last event; the words in the display language
(``to_html(language)``; ``_repr_html_`` follows ``pst_core.options``); user text
escaped. Styling is free to change.
"""

from __future__ import annotations

from datetime import timedelta
from html.parser import HTMLParser

import attrs
import pytest

from pst_core.i18n import Language
from pst_core.states import Transaction
from pst_core.states.builtin import builtin_workflow, paid_product
from pst_core.states.sla import clock_table
from tests.states.examples import T0


@attrs.define
class _Table:
    caption: str = ""
    headers: list[str] = attrs.Factory(list)
    rows: list[list[str]] = attrs.Factory(list)


class _Page(HTMLParser):
    """The parts of a display: its title, tables (caption, headers, rows) and diagrams."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.titles: list[str] = []
        self.tables: list[_Table] = []
        self.diagrams: list[list[str]] = []  # the texts drawn in each SVG
        self._drawn: list[str] = []
        self.paragraphs: list[str] = []
        self._open: list[str] = []
        self._text = ""
        self.feed(markup)
        self.close()
        assert not self._open, f"left open: {self._open}"

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._text += "\n"
            return
        self._open.append(tag)
        self._text = ""
        if tag == "table":
            self.tables.append(_Table())
        elif tag == "tr" and self._inside("tbody"):
            self.tables[-1].rows.append([])

    def handle_endtag(self, tag: str) -> None:
        assert self._open, tag
        assert self._open[-1] == tag, (tag, self._open)
        self._open.pop()
        text = self._text
        if tag == "strong":
            self.titles.append(text)
        elif tag == "caption":
            self.tables[-1].caption = text
        elif tag == "th":
            self.tables[-1].headers.append(text)
        elif tag == "td":
            self.tables[-1].rows[-1].append(text)
        elif tag == "pre":
            raise AssertionError(f"source shown as text: {text[:60]!r}")
        elif tag == "text":
            self._drawn.append(text)
        elif tag == "svg":
            self.diagrams.append(self._drawn)
            self._drawn = []
        elif tag == "p":
            self.paragraphs.append(text)
        self._text = ""

    def handle_data(self, data: str) -> None:
        self._text += data

    def _inside(self, tag: str) -> bool:
        return tag in self._open


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_workflow_shows_its_states_transitions_and_diagram(language: Language) -> None:
    wf = paid_product()
    page = _Page(wf._html(language))
    assert page.titles == [wf.describe(language).splitlines()[0]]
    (about,) = page.paragraphs
    said = {"en": wf.description, "id": "Pesanan produk statistik berbayar"}[language]
    assert about.endswith(said)
    states, transitions, clocks, timers = page.tables
    assert [row[0] for row in states.rows] == list(wf.state_names)
    assert [row[1] for row in states.rows] == [s.describe(language) for s in wf.states]
    assert [row[3] for row in states.rows] == [", ".join(wf.events_from(s)) for s in wf.state_names]
    assert [(r[0], r[1], r[3]) for r in transitions.rows] == [
        (t.source, t.event, t.target) for t in wf.transitions
    ]
    assert [r[2] for r in transitions.rows] == [
        t.guard.name if t.guard else "" for t in wf.transitions
    ]
    assert [r[4] for r in transitions.rows] == [", ".join(t.roles) for t in wf.transitions]
    (drawn,) = page.diagrams
    assert set(wf.state_names) <= set(drawn)
    assert {t.event for t in wf.transitions} <= {e for label in drawn for e in label.split(", ")}
    assert len(states.headers) == 4
    assert len(transitions.headers) == 5
    assert [r[1] for r in clocks.rows] == [c.goal.describe(language) for c in wf.clocks]
    assert [r[2] for r in clocks.rows] == [", ".join(c.starts_on) for c in wf.clocks]
    assert clocks.rows[0][0] == ("antrean" if language == "id" else "queue")
    assert [(r[0], r[1], r[3]) for r in timers.rows] == [
        (t.name, t.event, ", ".join(t.in_states)) for t in wf.timers
    ]
    assert [r[2] for r in timers.rows] == [t.after.describe(language) for t in wf.timers]


def test_the_display_language_changes_the_words_not_the_facts() -> None:
    wf = builtin_workflow("visit")
    english, indonesian = _Page(wf._html("en")), _Page(wf._html("id"))
    assert english.tables[0].headers != indonesian.tables[0].headers
    assert english.tables[0].caption != indonesian.tables[0].caption
    assert [r[0] for r in english.tables[0].rows] == [r[0] for r in indonesian.tables[0].rows]
    assert english.diagrams == indonesian.diagrams
    assert wf._repr_html_() == wf.to_html()
    assert _Page(attrs.evolve(wf, description="")._repr_html_()).paragraphs == []


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_transaction_shows_its_timeline_and_its_clocks_at_the_last_event(
    language: Language,
) -> None:
    tx = Transaction.open(
        paid_product(), at=T0, actor="user", id="ST-<1>", data={"product": "microdata"}
    )
    tx = tx.fire("start-verification", at=T0 + timedelta(hours=1), actor="officer")
    page = _Page(tx._html(language))
    assert page.titles == [tx.describe(language)]  # the id is escaped, and read back whole
    assert "ST-&lt;1&gt;" in tx._html(language)
    timeline, clocks = page.tables
    assert [row[0] for row in timeline.rows] == ["1", "2"]
    assert [row[2] for row in timeline.rows] == ["open", "start-verification"]
    assert [row[3] for row in timeline.rows] == ["user", "officer"]
    assert timeline.rows[0][4] == "product=microdata"
    assert timeline.rows[1][5].endswith("(verifying)")  # label, then the state's name
    readings = tx.clocks(tx.last_at)
    assert [row[0] for row in clocks.rows] == list(readings)
    assert clocks.rows == [
        _Page(clock_table([r], language)).tables[0].rows[0] for r in readings.values()
    ]
    assert tx._repr_html_() == tx._html("en")


def test_a_transaction_without_clocks_shows_only_its_timeline() -> None:
    tx = Transaction.open(builtin_workflow("visit"), at=T0, actor="guest")
    (timeline,) = _Page(tx._repr_html_()).tables
    assert len(timeline.rows) == 1


def test_a_clock_reading_shows_one_row_with_only_what_applies() -> None:
    tx = Transaction.open(paid_product(), at=T0, actor="user")
    running = tx.clocks(T0 + timedelta(hours=1))["queue"]
    never = tx.clocks(T0 + timedelta(hours=1))["delivery"]
    page = _Page(running._repr_html_())
    assert page.titles == [running.describe("en")]
    (table,) = page.tables
    assert len(table.headers) == 9
    ((name, goal, status, cycle, started, due, used, left, over),) = table.rows
    assert (name, goal, status, cycle, over) == ("queue", "3 working days", "running", "1", "")
    assert started.startswith("Monday 2026-03-16 09:00")
    assert running.due is not None
    assert due.startswith(running.due.strftime("%A %Y-%m-%d %H:%M"))
    assert (running.elapsed, running.remaining) == (timedelta(hours=1), timedelta(hours=28))
    assert (used, left) == ("1 h 00 min", "28 h 00 min")
    (row,) = _Page(clock_table([never])).tables[0].rows
    assert row[2] == "not started"
    assert row[3:] == ["", "", "", "", "", ""]


def test_reprs_are_one_short_line_naming_the_facts() -> None:
    wf = paid_product()
    assert (
        repr(wf) == "Workflow(name='paid-product', states=16, transitions=30, clocks=3, timers=3)"
    )
    tx = Transaction.open(wf, at=T0, actor="user", id="ST-1")
    assert repr(tx) == (
        "Transaction(id='ST-1', workflow='paid-product', state='created', events=1, "
        "last=2026-03-16T09:00:00+07:00)"
    )
    queue = tx.clocks(T0)["queue"]
    assert repr(queue).startswith("ClockStatus(name='queue', status='running', cycle=1, due=2026-")
    assert "\n" not in repr(queue)
    long = Transaction.open(wf, at=T0, actor="user", id="x" * 200)
    assert len(repr(long)) < 160
