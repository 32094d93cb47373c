"""Small HTML builders for notebook displays (``_repr_html_``), escaped and dependency-free.

Private: the public face is each model's ``_repr_html_``, which Jupyter calls.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

__all__ = ["html_block", "html_mermaid", "html_section", "html_table", "html_text", "short"]

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


def html_text(lines: Iterable[str]) -> str:
    """Escaped lines as one paragraph (``""`` when there are none).

    Examples:
        >>> html_text(["Rp0: eligible", "a <b> & c"])
        '<p>Rp0: eligible<br>a &lt;b&gt; &amp; c</p>'
    """
    shown = [escape(line) for line in lines]
    return f"<p>{'<br>'.join(shown)}</p>" if shown else ""


def html_section(title: str, *parts: str) -> str:
    """A titled block of ready-made HTML parts (tables, paragraphs), the title escaped.

    Examples:
        >>> html_section("Quote <1>", html_text(["total Rp0"]))
        '<div><strong>Quote &lt;1&gt;</strong><p>total Rp0</p></div>'
    """
    return f"<div><strong>{escape(title)}</strong>" + "".join(parts) + "</div>"


def html_mermaid(source: str) -> str:
    """A Mermaid diagram block: notebooks and pages that load Mermaid draw it, others show it.

    The source is escaped (the browser gives Mermaid the text back unescaped).

    Examples:
        >>> html_mermaid("stateDiagram-v2; a --> b")
        '<pre class="mermaid">stateDiagram-v2; a --&gt; b</pre>'
    """
    return f'<pre class="mermaid">{escape(source)}</pre>'


def short(value: object, limit: int = 40) -> str:
    """``repr(value)`` of a text cut to ``limit`` characters (with "…"), for short reprs.

    Examples:
        >>> short("bengkulu-penjualan"), short("x" * 50, 10)
        ("'bengkulu-penjualan'", "'xxxxxxxxx…'")
    """
    text = str(value)
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
