"""A workflow's notebook display draws its diagram (inline SVG), never shows its source:
one box per state, one arrow per pair of states a transition joins, each labelled with its
events; well-formed and escaped."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from pst_core._diagram import state_svg
from pst_core.states.builtin import BUILTIN, builtin_workflow


class _Svg(HTMLParser):
    def __init__(self, markup: str) -> None:
        super().__init__()
        self.open: list[str] = []
        self.counts: dict[str, int] = {}
        self.texts: list[str] = []
        self.feed(markup)
        self.close()
        assert not self.open, self.open

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.counts[tag] = self.counts.get(tag, 0) + 1
        self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.counts[tag] = self.counts.get(tag, 0) + 1

    def handle_endtag(self, tag: str) -> None:
        assert self.open.pop() == tag

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1] == "text":
            self.texts.append(data)


@pytest.mark.parametrize("name", BUILTIN)
def test_every_state_is_a_box_and_every_transition_an_arrow(name: str) -> None:
    workflow = builtin_workflow(name)
    html = workflow.to_html("en")
    assert "mermaid" not in html
    drawn = _Svg(html[html.index("<svg") : html.index("</svg>") + 6])
    pairs = {(t.source, t.target) for t in workflow.transitions}
    terminals = len(workflow.terminals)
    assert drawn.counts["rect"] == len(workflow.states) + terminals  # a final box is double
    assert drawn.counts["path"] == len(pairs) + 1  # the arrowhead marker's own path
    labels = drawn.texts[: len(pairs)]
    assert sorted(drawn.texts[len(pairs) :]) == sorted(workflow.state_names)
    events = {event for label in labels for event in label.split(", ")}
    assert events == {t.event for t in workflow.transitions}


def test_text_is_escaped_and_the_same_input_draws_the_same_svg() -> None:
    svg = state_svg(("<a>", "b"), (("<a>", "b", "x & y"),), initial="<a>")
    assert "&lt;a&gt;" in svg
    assert "x &amp; y" in svg
    assert "<a>" not in svg
    assert svg == state_svg(("<a>", "b"), (("<a>", "b", "x & y"),), initial="<a>")


def test_a_state_no_transition_reaches_is_drawn_last() -> None:
    svg = state_svg(("a", "b", "lost"), (("a", "b", "go"),), initial="a")
    drawn = _Svg(svg)
    assert drawn.texts == ["go", "a", "b", "lost"]
    x = {}
    for name in ("a", "b", "lost"):
        start = svg.index(f">{name}</text>")
        x[name] = float(svg[svg.rindex('x="', 0, start) + 3 :].split('"')[0])
    assert x["a"] < x["b"] < x["lost"]
