"""The SLA report's layout: its summary and breaches tables as text, Markdown and HTML.

Private: `pst_core.reports.SlaReport` hands its summary, breaches and notes here
as a `Page` (``describe``, ``to_markdown``, ``to_html``, the notebook display).
Times show as hours and minutes, instants in each office's zone (WIB, WITA, WIT),
shares with the language's decimal mark; the tables are written in each format by
`pst_core.reports._render`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from decimal import Decimal
from typing import Any

import attrs

from pst_core._display import html_section, html_text
from pst_core._optional import require
from pst_core.reports import _render
from pst_core.reports._messages import Language, clock_name, number
from pst_core.reports._messages import text as say

__all__ = ["BREACHES_SHOWN", "Page", "fragment", "html", "local_time", "markdown", "text"]

BREACHES_SHOWN = 50
"""How many breaches the Markdown and HTML reports list (the first, by transaction)."""

_SUMMARY: tuple[str, ...] = ("count", "met_pct", "breached_pct", "overdue", "running")
_SUMMARY += ("cancelled", "start_inferred", "median_elapsed", "p90_elapsed")
_BREACHES = ("transaction", "clock", "started", "due", "breached_by", "explanation")


@attrs.frozen
class Page:
    """What the SLA layout shows: the summary (a DataFrame), its groups, and the notes."""

    summary: Any
    group_by: tuple[str, ...]
    notes: Sequence[str]
    language: Language

    @property
    def title(self) -> str:
        """The report's heading."""
        return say("reports.sla.title", self.language)


def _table(
    frame: Any, columns: Sequence[str], right: set[int], language: Language
) -> _render.Table:
    headers = [say(f"reports.sla.column.{c}", language) for c in columns]
    rows = [[_shown(c, row[c], language) for c in columns] for row in frame.to_dict("records")]
    return headers, rows, right


def _shown(column: str, value: object, language: Language) -> str:
    """A cell of ``column``: a clock's name and a party in words of ``language``."""
    if column == "clock":
        return clock_name(str(value), language)
    if column == "party" and value in ("office", "user"):
        return say(f"reports.sla.party.{value}", language)
    return _cell(value, language)


def _summary(page: Page) -> _render.Table:
    columns = [*page.group_by, *_SUMMARY]
    right = set(range(len(page.group_by), len(columns)))
    return _table(page.summary, columns, right, page.language)


def _breaches(breaches: Any, language: Language) -> _render.Table:
    return _table(breaches.head(BREACHES_SHOWN), _BREACHES, {4}, language)


def local_time(moment: datetime, zone: tzinfo) -> str:
    """An instant as the office reads it: its wall clock in ``zone`` and the zone's name.

    Examples:
        >>> at = datetime(2026, 3, 25, 6, 40, tzinfo=timezone.utc)
        >>> local_time(at, ZoneInfo("Asia/Makassar")), local_time(at, ZoneInfo("Asia/Jayapura"))
        ('2026-03-25 14:40 WITA', '2026-03-25 15:40 WIT')
    """
    local = moment.astimezone(zone)
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()}"


def _cell(value: object, language: Language) -> str:
    """A summary or breach cell as a person reads it (an empty cell for a missing value)."""
    pd = require("pandas", "an SLA report")
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timedelta):
        minutes = int(value.total_seconds() // 60)
        return say(
            "reports.sla.hours", language, hours=minutes // 60, minutes=f"{minutes % 60:02d}"
        )
    if isinstance(value, pd.Timestamp):
        return str(value.strftime("%Y-%m-%d %H:%M UTC"))
    if isinstance(value, float):
        return number(Decimal(str(value)), language)
    return str(value)


def text(page: Page) -> str:
    """The summary as aligned plain text (what ``pst-core report sla`` prints)."""
    return _render.text_document([page.title, "", _render.plain_table(_summary(page))], page.notes)


def markdown(page: Page, breaches: Any) -> str:
    """The summary, the first breaches with their explanation, and the notes, as Markdown."""
    parts = [f"# {page.title}", "", _render.markdown_table(_summary(page)), ""]
    parts += [f"## {say('reports.sla.breaches', page.language)}", ""]
    table = _breaches(breaches, page.language)
    parts.append(
        _render.markdown_table(table) if table[1] else say("reports.sla.no_breaches", page.language)
    )
    return _render.markdown_document(parts, page.notes)


def html(page: Page, breaches: Any, charts: Sequence[str]) -> str:
    """One HTML page: the summary, the charts (SVG), the first breaches, the notes."""
    parts = [_render.html_heading(1, page.title), _render.html_table(_summary(page))]
    parts += [_render.html_figure(svg) for svg in charts]
    parts.append(_render.html_heading(2, say("reports.sla.breaches", page.language)))
    table = _breaches(breaches, page.language)
    parts.append(
        _render.html_table(table)
        if table[1]
        else _render.html_paragraph(say("reports.sla.no_breaches", page.language))
    )
    return _render.html_page(page.title, parts, page.notes, page.language)


def fragment(page: Page) -> str:
    """The notebook display: the summary table and the notes (no page, no charts)."""
    return html_section(page.title, _render.html_table(_summary(page)), html_text(page.notes))
