"""MkDocs hook: an interpreter session is highlighted as a session, not as Python.

The examples in these pages are ``>>>`` sessions in ```` ```python ```` fences (Sybil
runs them as doctests). Highlighted with the Python lexer, their printed output is
coloured as if it were code (``Due Friday ...`` as names and operators). Each such
fence is given Pygments' ``pycon`` lexer: prompts and code highlighted, output plain.
The Markdown source keeps ``python``, which is what Sybil collects.
"""

from __future__ import annotations

import re
from typing import Any

SESSION_FENCE = re.compile(r"^(?P<indent>[ \t]*)```python[ \t]*\n(?=(?P=indent)>>>)", re.MULTILINE)


def render(markdown: str) -> str:
    """``markdown`` with every ``python`` fence that opens on a ``>>>`` prompt as ``pycon``.

    Examples:
        >>> render("```python\\n>>> 1 + 1\\n2\\n```\\n")
        '```pycon\\n>>> 1 + 1\\n2\\n```\\n'
        >>> render("```python\\nx = 1\\n```\\n")
        '```python\\nx = 1\\n```\\n'
    """
    return SESSION_FENCE.sub(lambda match: f"{match['indent']}```pycon\n", markdown)


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """MkDocs event: called with each page's Markdown before it is rendered."""
    return render(markdown)
