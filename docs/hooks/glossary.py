"""MkDocs hook: the glossary page, rendered from the catalogue's glossary.

The line ``<!-- glossary:terms -->`` becomes a table of every term of
``pst_core/messages/glossary.toml``: its Indonesian and English words, what it
names and why, and the variants no message uses. The page never holds a copy.
"""

from __future__ import annotations

import re
from typing import Any

from pst_core.i18n import Term, glossary

MARKER = re.compile(r"^<!-- glossary:terms -->$", re.MULTILINE)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _variants(term: Term) -> str:
    said = [f"*{v}*" for v in term.replaces] + [f"*{v}* (en)" for v in term.replaces_en]
    return ", ".join(said) or "—"


def terms_table() -> str:
    """Every term as a Markdown table row, in the glossary's order."""
    lines = [
        "| Bahasa Indonesia | English | Replaces | What it names, and why this word |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {term.id} | {term.en} | {_cell(_variants(term))} | {_cell(term.note)} |"
        for term in glossary().values()
    ]
    return "\n".join(lines)


def render(markdown: str) -> str:
    """``markdown`` with the marker replaced by the table."""
    return MARKER.sub(lambda _: terms_table(), markdown)


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """MkDocs event: called with each page's Markdown before it is rendered."""
    return render(markdown)
