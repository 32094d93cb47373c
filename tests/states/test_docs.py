"""The reference page draws every built-in workflow from the code (the MkDocs hook)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from pst_core.states.builtin import BUILTIN, builtin_workflow

ROOT = Path(__file__).parent.parent.parent


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
