"""Tables in plain text, Markdown, HTML and CSV, shared by every report.

Private. A report builds its tables as ``(headers, rows, right)`` (``right``:
indexes of right-aligned columns) once and hands them to each format here; the
SLA report is meant to do the same.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from pst_core._display import html_section, html_text
from pst_core._optional import available
from pst_core.reports._messages import Language, number, text

if TYPE_CHECKING:
    from pst_core.reports.ikm import IkmGroup, IkmReport

__all__ = [
    "Table",
    "csv_text",
    "html_page",
    "html_table",
    "ikm_fragment",
    "ikm_html",
    "ikm_markdown",
    "ikm_text",
    "markdown_table",
    "plain_table",
]

Table = tuple[Sequence[str], Sequence[Sequence[str]], Collection[int]]


def plain_table(table: Table) -> str:
    """Columns aligned with two spaces between them (numbers right-aligned)."""
    headers, rows, right = table
    every = [list(headers), *map(list, rows)]
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
    """A GitHub-flavoured Markdown table (pipes in cells escaped)."""
    headers, rows, right = table

    def line(cells: Iterable[str]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

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


def html_page(title: str, body: str, language: Language) -> str:
    """A self-contained HTML page around ``body``."""
    return (
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def csv_text(columns: Sequence[str], rows: Iterable[Mapping[str, object]]) -> str:
    """CSV text with a header; ``None`` is an empty cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else str(row.get(c)) for c in columns])
    return buffer.getvalue()


def _summary(report: IkmReport, language: Language) -> Table:
    def say(key: str) -> str:
        return text(f"reports.column.{key}", language)

    headers = [*report.group_by, say("respondents"), say("ikm"), say("converted")]
    headers += [say("grade"), say("performance"), say("weakest")]
    with_sample = report.population is not None
    if with_sample:
        headers.append(say("minimum_sample"))
    rows = []
    for group in report.groups:
        row = [str(value) for _, value in group.key]
        row += [str(group.respondents), number(group.ikm, language)]
        row += [number(group.converted, language), group.grade]
        row += [text(f"reports.grade.{group.grade}", language), ", ".join(group.weakest)]
        if with_sample:
            mark = "" if group.sample_sufficient else " !"
            row.append(f"{group.minimum_sample}{mark}")
        rows.append(row)
    first = len(report.group_by)
    right = {first, first + 1, first + 2}
    if with_sample:
        right.add(len(headers) - 1)
    if not report.group_by:
        headers.insert(0, "")
        rows = [[text("reports.all", language), *row] for row in rows]
        right = {i + 1 for i in right}
    return headers, rows, right


def _elements(group: IkmGroup, language: Language) -> Table:
    def say(key: str) -> str:
        return text(f"reports.column.{key}", language)

    headers = [say("element"), "", say("nrr"), say("weighted"), say("converted"), say("grade")]
    rows = [
        [
            element.code,
            text(f"reports.element.{element.code}", language),
            number(element.nrr, language),
            number(element.weighted_nrr, language),
            number(element.converted, language),
            f"{element.grade} ({text(f'reports.grade.{element.grade}', language)})",
        ]
        for element in group.elements
    ]
    return headers, rows, {2, 3, 4}


def _heading(report: IkmReport, language: Language) -> str:
    return f"{text('reports.ikm.title', language)}"


def ikm_text(report: IkmReport, language: Language) -> str:
    """The report as aligned plain text."""
    parts = [
        _heading(report, language),
        text("reports.ikm.basis", language),
        "",
        plain_table(_summary(report, language)),
    ]
    for group in report.groups:
        parts += ["", f"{group.title(language)}:", plain_table(_elements(group, language))]
    parts += ["", *(f"- {note}" for note in report.notes(language))]
    return "\n".join(parts) + "\n"


def ikm_markdown(report: IkmReport, language: Language) -> str:
    """The report as Markdown."""
    parts = [
        f"# {_heading(report, language)}",
        "",
        text("reports.ikm.basis", language),
        "",
        markdown_table(_summary(report, language)),
    ]
    for group in report.groups:
        parts += ["", f"## {group.title(language)}", "", markdown_table(_elements(group, language))]
    parts += ["", *(f"- {note}" for note in report.notes(language))]
    return "\n".join(parts) + "\n"


def ikm_html(report: IkmReport, language: Language, *, charts: bool | None) -> str:
    """The report as one HTML page, with a chart per group when asked and possible."""
    draw = available("matplotlib") if charts is None else charts
    notes = list(report.notes(language))
    if charts is None and not draw:
        notes.append(text("reports.ikm.charts_missing", language))
    title = _heading(report, language)
    parts = [
        f"<h1>{html.escape(title)}</h1>",
        f"<p>{html.escape(text('reports.ikm.basis', language))}</p>",
        html_table(_summary(report, language)),
    ]
    for group in report.groups:
        parts.append(f"<h2>{html.escape(group.title(language))}</h2>")
        if draw:
            from pst_core.reports.charts import ikm_chart

            parts.append(f"<figure>{ikm_chart(group, language)}</figure>")
        parts.append(html_table(_elements(group, language)))
    items = "".join(f"<li>{html.escape(note, quote=False)}</li>" for note in notes)
    parts.append(f"<ul>{items}</ul>")
    return html_page(title, "\n".join(parts), language)


def ikm_fragment(report: IkmReport, language: Language) -> str:
    """The notebook display: the summary table and the notes (no page, no charts)."""
    return html_section(
        _heading(report, language),
        html_text([text("reports.ikm.basis", language)]),
        html_table(_summary(report, language)),
        html_text(report.notes(language)),
    )
