"""Diagrams: a workflow draws itself as a Mermaid state diagram, and the docs draw the built-ins.

Every transition is an arrow labelled with its event (and guard), the initial
and terminal states hang off ``[*]``, paused states carry a note, and state ids
are plain identifiers. The reference page's diagrams come from the code (the
MkDocs hook), never from pasted text.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

from pst_core.standards import catalog
from pst_core.states import Guard, State, Transition, Workflow
from pst_core.states.builtin import BUILTIN, builtin_workflow, online_consultation

ROOT = Path(__file__).parent.parent.parent


def _label(t: Transition) -> str:
    return t.event if t.guard is None else f"{t.event} [{t.guard.name}]"


@pytest.mark.parametrize("name", BUILTIN)
def test_mermaid_lists_every_transition_and_terminal(name: str) -> None:
    wf = builtin_workflow(name)
    text = wf.to_mermaid()
    lines = text.splitlines()
    assert lines[0] == "stateDiagram-v2"
    arrows = [line.strip() for line in lines if "-->" in line]
    ident = {s.name: s.name.replace("-", "_") for s in wf.states}
    assert f"[*] --> {ident[wf.initial.name]}" in arrows
    for t in wf.transitions:
        assert (
            f"{ident[t.source]} --> {ident[t.target]}: {_label(t).replace(chr(34), chr(39))}"
            in arrows
        )
    for s in wf.terminals:
        assert f"{ident[s.name]} --> [*]" in arrows
    assert len(arrows) == len(wf.transitions) + len(wf.terminals) + 1
    # Mermaid state ids must be plain identifiers.
    for line in arrows:
        for part in re.split(r" --> |: ", line)[:2]:
            assert re.fullmatch(r"\[\*\]|[A-Za-z][A-Za-z0-9_]*", part), line


def test_mermaid_notes_paused_states() -> None:
    standard = catalog().standard("sumsel-konsultasi")
    assert (
        "note right of waiting_for_user: service clock paused"
        in online_consultation(
            standard, pause_while_waiting=True, service_starts="open"
        ).to_mermaid()
    )
    assert "paused" not in online_consultation(standard, service_starts="open").to_mermaid()


@pytest.mark.hostile
def test_labels_cannot_break_the_diagram() -> None:
    guard = Guard('weird "name"; # x', lambda data: True)
    wf = Workflow(
        "w",
        (State("to-do", initial=True), State("done", terminal=True)),
        (Transition("to-do", "go", "done", guard),),
    )
    (arrow,) = [line for line in wf.to_mermaid().splitlines() if "to_do --> done" in line]
    label = arrow.partition(": ")[2]
    assert label.startswith("go [weird 'name',")
    assert not set(label) & set('";#')  # a quote, ';' or '#' would end or break the line


def _hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "workflow_diagrams", ROOT / "docs" / "hooks" / "workflow_diagrams.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_reference_page_shows_every_builtin_workflow() -> None:
    page = (ROOT / "docs" / "reference" / "states.md").read_text(encoding="utf-8")
    rendered = _hook().on_page_markdown(page, page=None, config=None, files=None)
    assert "workflow-diagram:" not in rendered
    for name in BUILTIN:
        assert f"```mermaid\n{builtin_workflow(name).to_mermaid()}\n```" in rendered


def test_the_hook_leaves_other_pages_alone() -> None:
    text = "# Title\n\n<!-- a comment -->\n"
    assert _hook().render(text) == text
