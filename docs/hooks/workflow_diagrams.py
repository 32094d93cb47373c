"""MkDocs hook: draw the built-in workflows from the code, never from pasted text.

A page line ``<!-- workflow-diagram: NAME -->`` is replaced by a ``mermaid``
fence holding ``pst_core.states.builtin.builtin_workflow(NAME).to_mermaid()``,
so the reference always shows the tables the library really validates.
"""

from __future__ import annotations

import re
from typing import Any

from pst_core.states.builtin import builtin_workflow

PLACEHOLDER = re.compile(r"^<!-- workflow-diagram: (?P<name>[A-Za-z0-9:_-]+) -->$", re.MULTILINE)


def render(markdown: str) -> str:
    """``markdown`` with every placeholder replaced by its workflow's diagram."""
    return PLACEHOLDER.sub(
        lambda match: f"```mermaid\n{builtin_workflow(match['name']).to_mermaid()}\n```", markdown
    )


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """MkDocs event: called with each page's Markdown before it is rendered."""
    return render(markdown)
