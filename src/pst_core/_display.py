"""Small HTML builders for notebook displays (``_repr_html_``), escaped and dependency-free.

Private: the public face is each model's ``_repr_html_``, which Jupyter calls.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

__all__ = ["html_block", "html_table"]

_STYLE = "border-collapse:collapse;text-align:left"


def html_table(
    headers: Sequence[str], rows: Iterable[Sequence[object]], *, caption: str = ""
) -> str:
    """An HTML table of ``rows`` under ``headers``; every cell is escaped.

    Examples:
        >>> html = html_table(["day", "why"], [["Tue", "<Nyepi>"]])
        >>> html[html.index("<tbody>"):]
        '<tbody><tr><td>Tue</td><td>&lt;Nyepi&gt;</td></tr></tbody></table>'
    """
    head = "".join(f"<th>{escape(str(h))}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(cell))}</td>" for cell in row) + "</tr>" for row in rows
    )
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return (
        f'<table style="{_STYLE}">{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )


def html_block(title: str, lines: Iterable[str] = (), *tables: str) -> str:
    """A titled block: a bold title, escaped lines, then ready-made HTML tables.

    Examples:
        >>> html_block("Deadline", ["due Fri 27 Mar 2026 16:00 WIB"])
        '<div><strong>Deadline</strong><br>due Fri 27 Mar 2026 16:00 WIB</div>'
    """
    text = "<br>".join(escape(line) for line in lines)
    parts = [f"<strong>{escape(title)}</strong>"]
    if text:
        parts.append(f"<br>{text}")
    return "<div>" + "".join(parts) + "".join(tables) + "</div>"
