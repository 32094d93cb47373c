"""The IKM report's layout: its summary and element tables as text, Markdown and HTML.

Private: `pst_core.reports.IkmReport` hands its groups and notes here as a `Page`
(``describe``, ``to_markdown``, ``to_html``, the notebook display), and its charts
(`pst_core.reports.charts`) already drawn. The tables are built once as
``(headers, rows, right)`` and written in each format by `pst_core.reports._render`.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from pst_core._display import html_section, html_text
from pst_core.reports import _render
from pst_core.reports._messages import Language, number
from pst_core.reports._messages import text as say
from pst_core.reports.ikm import IkmGroup, element_name

__all__ = ["Page", "fragment", "html", "markdown", "text"]


@attrs.frozen
class Page:
    """What the IKM layout shows: the groups, how they were formed, and the notes.

    ``with_sample``: whether a population was given (a minimum-sample column).
    """

    groups: tuple[IkmGroup, ...]
    group_by: tuple[str, ...]
    with_sample: bool
    notes: Sequence[str]
    language: Language

    @property
    def title(self) -> str:
        """The report's heading."""
        return say("reports.ikm.title", self.language)

    @property
    def basis(self) -> str:
        """The regulation the index follows."""
        return say("reports.ikm.basis", self.language)


def _column(key: str, language: Language) -> str:
    return say(f"reports.column.{key}", language)


def _summary(page: Page) -> _render.Table:
    """One row per group: respondents, IKM, converted value, grade, weakest, sample."""
    language = page.language
    headers = [*page.group_by]
    headers += [_column(key, language) for key in ("respondents", "ikm", "converted", "grade")]
    headers += [_column("performance", language), _column("weakest", language)]
    if page.with_sample:
        headers.append(_column("minimum_sample", language))
    rows = []
    for group in page.groups:
        row = [str(value) for _, value in group.key]
        row += [str(group.respondents), number(group.ikm, language)]
        row += [number(group.converted, language), group.grade]
        row += [group.grade_label_in(language), ", ".join(group.weakest)]
        if page.with_sample:
            mark = "" if group.sample_sufficient else " !"
            row.append(f"{group.minimum_sample}{mark}")
        rows.append(row)
    first = len(page.group_by)
    right = {first, first + 1, first + 2}
    if page.with_sample:
        right.add(len(headers) - 1)
    if not page.group_by:
        headers.insert(0, "")
        rows = [[say("reports.all", language), *row] for row in rows]
        right = {i + 1 for i in right}
    return headers, rows, right


def _elements(group: IkmGroup, language: Language) -> _render.Table:
    """One row per element of ``group``: NRR, weighted NRR, converted value, grade."""
    headers = [_column("element", language), ""]
    headers += [_column(key, language) for key in ("nrr", "weighted", "converted", "grade")]
    rows = [
        [
            element.code,
            element_name(element.code, language),
            number(element.nrr, language),
            number(element.weighted_nrr, language),
            number(element.converted, language),
            f"{element.grade} ({element.grade_label_in(language)})",
        ]
        for element in group.elements
    ]
    return headers, rows, {2, 3, 4}


def text(page: Page) -> str:
    """The report as aligned plain text."""
    parts = [page.title, page.basis, "", _render.plain_table(_summary(page))]
    for group in page.groups:
        elements = _render.plain_table(_elements(group, page.language))
        parts += ["", f"{_render.one_line(group.title(page.language))}:", elements]
    return _render.text_document(parts, page.notes)


def markdown(page: Page) -> str:
    """The report as Markdown."""
    parts = [f"# {page.title}", "", page.basis, "", _render.markdown_table(_summary(page))]
    for group in page.groups:
        elements = _render.markdown_table(_elements(group, page.language))
        parts += ["", f"## {_render.markdown_text(group.title(page.language))}", "", elements]
    return _render.markdown_document(parts, page.notes)


def html(page: Page, charts: Sequence[str]) -> str:
    """The report as one HTML page; ``charts``: one SVG per group, or none."""
    parts = [_render.html_heading(1, page.title), _render.html_paragraph(page.basis)]
    parts.append(_render.html_table(_summary(page)))
    for index, group in enumerate(page.groups):
        parts.append(_render.html_heading(2, group.title(page.language)))
        if charts:
            parts.append(_render.html_figure(charts[index]))
        parts.append(_render.html_table(_elements(group, page.language)))
    return _render.html_page(page.title, parts, page.notes, page.language)


def fragment(page: Page) -> str:
    """The notebook display: the summary table and the notes (no page, no charts)."""
    return html_section(
        page.title,
        html_text([page.basis]),
        _render.html_table(_summary(page)),
        html_text(page.notes),
    )
