"""How every report is written: tables, documents and pages in text, Markdown, HTML and CSV.

Private, and knows no report: a report's layout (`pst_core.reports._ikm_page`,
`pst_core.reports._sla_page`) builds its tables as ``(headers, rows, right)``
(``right``: indexes of right-aligned columns) once and hands them to each format
here, with the notes a reader must see.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Collection, Iterable, Mapping, Sequence

from pst_core._optional import available
from pst_core.reports._messages import Language, text

__all__ = [
    "Table",
    "charts_choice",
    "csv_text",
    "html_figure",
    "html_heading",
    "html_page",
    "html_paragraph",
    "html_table",
    "markdown_document",
    "markdown_table",
    "markdown_text",
    "one_line",
    "plain_table",
    "safe_cell",
    "text_document",
]

Table = tuple[Sequence[str], Sequence[Sequence[str]], Collection[int]]


_BREAKS = re.compile(r"\r\n|[\n\r\u2028\u2029\x85]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|#!~])")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def one_line(cell: str) -> str:
    r"""``cell`` on one line: each line break a space, other control characters dropped.

    Examples:
        >>> one_line("BPS\nProvinsi\x07 Bengkulu")
        'BPS Provinsi Bengkulu'
    """
    return _CONTROL.sub("", _BREAKS.sub(" ", cell))


def markdown_text(said: str) -> str:
    r"""Text as Markdown shows it and nothing more: no table break, no heading, no HTML.

    Line breaks become ``<br>``, ``<``, ``>`` and ``&`` HTML entities, and Markdown's
    punctuation (pipes, emphasis, links, headings, code) is escaped with a backslash.

    Examples:
        >>> markdown_text("a|b\n# <script>")
        'a\\|b<br>\\# &lt;script&gt;'
    """
    lines = (html.escape(_CONTROL.sub("", line), quote=False) for line in _BREAKS.split(said))
    return "<br>".join(_MARKDOWN_SPECIAL.sub(r"\\\1", line) for line in lines)


def safe_cell(value: object) -> object:
    """A CSV cell that no spreadsheet runs as a formula (OWASP's CSV injection advice).

    Text that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
    single quote in front; numbers and other text are left as they are.

    Examples:
        >>> safe_cell("=SUM(1)"), safe_cell("-1"), safe_cell(-1), safe_cell("a-1")
        ("'=SUM(1)", "'-1", -1, 'a-1')
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def plain_table(table: Table) -> str:
    """Columns aligned with two spaces between them (numbers right-aligned), one line a row."""
    headers, rows, right = table
    every = [[one_line(cell) for cell in row] for row in [headers, *rows]]
    widths = [max(len(row[i]) for row in every) for i in range(len(headers))]
    lines = []
    for row in every:
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def markdown_table(table: Table) -> str:
    """A GitHub-flavoured Markdown table, every cell escaped (`markdown_text`)."""
    headers, rows, right = table

    def line(cells: Iterable[str]) -> str:
        return "| " + " | ".join(markdown_text(cell) for cell in cells) + " |"

    rule = ["---:" if i in right else "---" for i in range(len(headers))]
    return "\n".join([line(headers), "|" + "|".join(rule) + "|", *map(line, rows)])


def html_table(table: Table) -> str:
    """An HTML ``<table>`` (cells escaped; numbers right-aligned)."""
    headers, rows, right = table

    def cell(tag: str, index: int, value: str) -> str:
        style = ' class="num"' if index in right else ""
        return f"<{tag}{style}>{html.escape(value, quote=False)}</{tag}>"

    head = "".join(cell("th", i, h) for i, h in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(cell("td", i, v) for i, v in enumerate(row)) + "</tr>\n" for row in rows
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>"


_STYLE = (
    "body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}"
    "table{border-collapse:collapse;margin:1rem 0}"
    "th,td{border:1px solid #bbb;padding:.25rem .5rem}.num{text-align:right}"
    "th{background:#eee}figure{margin:1rem 0}"
)


def html_heading(level: int, title: str) -> str:
    """``<h1>``...``<h6>`` around ``title`` (escaped)."""
    return f"<h{level}>{html.escape(title)}</h{level}>"


def html_paragraph(said: str) -> str:
    """A ``<p>`` of text (escaped)."""
    return f"<p>{html.escape(said)}</p>"


def html_figure(svg: str) -> str:
    """A chart (SVG markup, drawn by `pst_core.reports.charts`) as a ``<figure>``."""
    return f"<figure>{svg}</figure>"


def html_page(title: str, parts: Iterable[str], notes: Iterable[str], language: Language) -> str:
    """A self-contained HTML page: ``parts`` one after another, then the notes as a list."""
    items = "".join(f"<li>{html.escape(note, quote=False)}</li>" for note in notes)
    body = "\n".join([*parts, f"<ul>{items}</ul>"])
    return (
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def text_document(parts: Iterable[str], notes: Iterable[str]) -> str:
    """Lines of text, then a blank line and the notes (each on one line) as a bulleted list."""
    return "\n".join([*parts, "", *(f"- {one_line(note)}" for note in notes)]) + "\n"


def markdown_document(parts: Iterable[str], notes: Iterable[str]) -> str:
    """Markdown blocks, then a blank line and the notes (escaped) as a bulleted list."""
    return "\n".join([*parts, "", *(f"- {markdown_text(note)}" for note in notes)]) + "\n"


def charts_choice(
    charts: bool | None, notes: Sequence[str], language: Language
) -> tuple[bool, tuple[str, ...]]:
    """Whether a page draws its charts, and its notes.

    ``charts=None`` draws them when matplotlib is installed and otherwise adds a
    note saying how to install it; ``True`` draws them (raising
    `MissingDependencyError` without matplotlib); ``False`` never draws.
    """
    if charts is not None:
        return charts, tuple(notes)
    if available("matplotlib"):
        return True, tuple(notes)
    return False, (*notes, text("reports.charts_missing", language))


def csv_text(columns: Sequence[str], rows: Iterable[Mapping[str, object]]) -> str:
    """CSV text with a header; ``None`` is an empty cell, text is defused (`safe_cell`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([safe_cell(column) for column in columns])
    for row in rows:
        writer.writerow(["" if row.get(c) is None else str(safe_cell(row.get(c))) for c in columns])
    return buffer.getvalue()
