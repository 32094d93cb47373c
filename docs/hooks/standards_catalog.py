"""MkDocs hook: render the built-in standards and their lint findings from the code.

Page lines replaced at build time, so the docs show what the library holds and
never a pasted copy:

* ``<!-- catalog:render ID -->`` — the document's ``describe("id", level=3)``;
* ``<!-- lint:rules -->`` — a table of the linter's rules;
* ``<!-- lint:catalog -->`` — a table of the findings on the five documents.
"""

from __future__ import annotations

import re
from typing import Any

from pst_core.standards import (
    RULES,
    ServiceStandard,
    StandardOperatingProcedure,
    catalog,
    lint,
)

RENDER = re.compile(r"^<!-- catalog:render (?P<id>[a-z0-9-]+) -->$", re.MULTILINE)
RULES_TABLE = re.compile(r"^<!-- lint:rules -->$", re.MULTILINE)
FINDINGS_TABLE = re.compile(r"^<!-- lint:catalog -->$", re.MULTILINE)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def rules_table() -> str:
    """The rules as a Markdown table."""
    lines = ["| Code | Name | Severity | Checks |", "|---|---|---|---|"]
    lines += [
        f"| `{r.code}` | `{r.name}` | {r.severity} | {_cell(r.describe('en'))} |"
        for r in RULES.values()
    ]
    return "\n".join(lines)


def findings_table() -> str:
    """Every finding on the catalog as a Markdown table."""
    lines = ["| Document | Location | Code | Severity | Message |", "|---|---|---|---|---|"]
    for doc_id in catalog().ids:
        for f in lint(_document(doc_id)):
            message = _cell(f.describe("en"))
            lines.append(f"| `{doc_id}` | `{f.location}` | `{f.code}` | {f.severity} | {message} |")
    return "\n".join(lines)


def _document(doc_id: str) -> ServiceStandard | StandardOperatingProcedure:
    docs = catalog()
    return docs.sop(doc_id) if doc_id in docs.sops else docs.standard(doc_id)


def render(markdown: str) -> str:
    """``markdown`` with every marker replaced."""
    markdown = RENDER.sub(lambda m: _document(m["id"]).describe("id", level=3), markdown)
    markdown = RULES_TABLE.sub(lambda _: rules_table(), markdown)
    return FINDINGS_TABLE.sub(lambda _: findings_table(), markdown)


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """MkDocs event: called with each page's Markdown before it is rendered."""
    return render(markdown)
