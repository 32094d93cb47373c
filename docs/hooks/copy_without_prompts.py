"""MkDocs hook: the copy button of a ``>>>`` session copies only the code.

The examples in these pages are interpreter sessions (Sybil runs them as tests):
``>>> `` and ``... `` prompts, then the expected output. Pasting that into a
Python file or a notebook fails, so every ``<pre>`` block whose text has a
``>>>`` prompt gets a ``data-copy`` attribute holding the code alone, without
prompts and without output. Material for MkDocs' copy button copies
``data-copy`` when an enclosing element has it, and the page text otherwise.
Done at build time: no script of our own runs in the reader's browser.
"""

from __future__ import annotations

import html
import re
from typing import Any

_PRE = re.compile(r"<pre\b(?P<attributes>[^>]*)>(?P<body>.*?)</pre>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def code_of_session(text: str) -> str | None:
    """The code typed in the interpreter session ``text``, or None when it has no prompt.

    Examples:
        >>> code_of_session(">>> x = 1\\n>>> for i in (1, 2):\\n...     x += i\\n>>> x\\n4\\n")
        'x = 1\\nfor i in (1, 2):\\n    x += i\\nx'
        >>> code_of_session("print(1)\\n") is None
        True
    """
    lines = text.splitlines()
    if not any(line == ">>>" or line.startswith(">>> ") for line in lines):
        return None
    code = []
    for line in lines:
        if line.startswith((">>> ", "... ")):
            code.append(line[4:])
        elif line in (">>>", "..."):
            code.append("")
    return "\n".join(code).rstrip()


def add_copy_text(page_html: str) -> str:
    """``page_html`` with a ``data-copy`` attribute on every block that is a session."""

    def one(match: re.Match[str]) -> str:
        if "data-copy=" in match["attributes"]:
            return match[0]
        code = code_of_session(html.unescape(_TAG.sub("", match["body"])))
        if code is None:
            return match[0]
        copy = html.escape(code, quote=True).replace("\n", "&#10;")
        return f'<pre{match["attributes"]} data-copy="{copy}">{match["body"]}</pre>'

    return _PRE.sub(one, page_html)


def on_page_content(html: str, **kwargs: Any) -> str:
    """MkDocs event: called with each page's HTML after the Markdown is rendered."""
    return add_copy_text(html)
