"""Helpers shared by the calendar tests: instants, a calendar of one's own, HTML as structure.

`fresh_pst` matters for mutation testing: `WorkingCalendar.pst()` is shared and keeps
the yearly indexes it built, and a query answered from a kept index never plans a day
again. A test of how days are planned builds its own calendar.

`html_structure` reads a notebook display (``_repr_html_``, `MonthView.html`) as what a
person sees (titles, lines, tables, cells with their tooltip and style), so the tests
assert the content and the rules of the layout, not the bytes of its inline CSS.
"""

from __future__ import annotations

from datetime import datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import attrs

from pst_core.calendar import WorkingCalendar

WIB = ZoneInfo("Asia/Jakarta")


def at(text: str) -> datetime:
    """An aware instant from ISO text with its offset: ``at("2026-03-17T14:00+07:00")``."""
    moment = datetime.fromisoformat(text)
    assert moment.tzinfo is not None, f"{text!r} has no offset"
    return moment


def fresh_pst(timezone: str = "Asia/Jakarta") -> WorkingCalendar:
    """The PST calendar, equal to `WorkingCalendar.pst` but unshared: its indexes are its own."""
    return WorkingCalendar(timezone=timezone)


def is_closing(cal: WorkingCalendar, moment: datetime) -> bool:
    """Whether ``moment`` is the end of one of ``cal``'s windows."""
    return cal.previous_close(moment) == moment


@attrs.frozen
class Cell:
    """One table cell: its text, its attributes and its inline style as a mapping."""

    text: str
    attributes: dict[str, str]
    style: dict[str, str]


@attrs.frozen
class Table:
    """One HTML table: caption, header cells and body rows (each a list of cells)."""

    caption: str
    headers: list[str]
    rows: list[list[Cell]]

    @property
    def texts(self) -> list[list[str]]:
        """The text of every body cell, row by row."""
        return [[cell.text for cell in row] for row in self.rows]


@attrs.frozen
class Html:
    """A notebook display as a person reads it: the bold title, the lines, the tables."""

    title: str
    lines: list[str]
    tables: list[Table]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.lines: list[str] = [""]
        self.tables: list[Table] = []
        self.stack: list[str] = []
        self.cell: tuple[str, dict[str, str], list[str]] | None = None
        self.row: list[tuple[str, Cell]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            if not self.tables and self.cell is None:
                self.lines.append("")
            return
        self.stack.append(tag)
        if tag == "table":
            self.tables.append(Table("", [], []))
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell = (tag, {k: v or "" for k, v in attrs}, [])

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1]}>"
        self.stack.pop()
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            kind, given, parts = self.cell
            self.row.append((kind, Cell("".join(parts), given, _style(given.get("style", "")))))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            table = self.tables[-1]
            if self.row and all(kind == "th" for kind, _ in self.row):
                table.headers.extend(cell.text for _, cell in self.row)
            else:
                table.rows.append([cell for _, cell in self.row])
            self.row = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell[2].append(data)
        elif "caption" in self.stack:
            self.tables[-1] = attrs.evolve(self.tables[-1], caption=self.tables[-1].caption + data)
        elif "strong" in self.stack:
            self.title += data
        elif not self.tables:
            self.lines[-1] += data


def _style(text: str) -> dict[str, str]:
    pairs = (part.split(":", 1) for part in text.split(";") if part.strip())
    return {key.strip(): value.strip() for key, value in pairs}


def html_structure(text: str) -> Html:
    """Read an HTML display; every tag must be closed in order (well-formed output)."""
    reader = _Reader()
    reader.feed(text)
    reader.close()
    assert not reader.stack, f"unclosed tags: {reader.stack}"
    return Html(reader.title, [line for line in reader.lines if line], reader.tables)
