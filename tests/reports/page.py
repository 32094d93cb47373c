"""A report's HTML page read back as structure: headings, tables, figures, notes.

Tests assert what a reader sees (the title, a table's headers and rows, how many
charts, the notes), not the page's bytes: markup and styles may change freely.
"""

from __future__ import annotations

from html.parser import HTMLParser

import attrs

VOID = frozenset({"br", "hr", "img", "meta", "input", "col", "wbr", "link"})
#: Elements whose text the page records: each starts a fresh text.
READ = frozenset({"title", "h1", "h2", "h3", "p", "th", "td", "li"})


@attrs.define
class Table:
    """One ``<table>``: the header cells, each body row's cells, the right-aligned columns."""

    headers: list[str] = attrs.Factory(list)
    rows: list[list[str]] = attrs.Factory(list)
    right: set[int] = attrs.Factory(set)


@attrs.define
class Page:
    """What a report page (or fragment) shows."""

    doctype: bool = False
    language: str | None = None
    title: str = ""
    headings: list[tuple[int, str]] = attrs.Factory(list)
    paragraphs: list[str] = attrs.Factory(list)
    tables: list[Table] = attrs.Factory(list)
    figures: int = 0
    charts: int = 0
    notes: list[str] = attrs.Factory(list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[str] = []
        self.text: list[str] = []
        self.in_chart = 0  # depth of <svg> elements: a chart's inside is not read

    def handle_decl(self, decl: str) -> None:
        self.page.doctype = decl.lower() == "doctype html"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append(tag)
        if tag == "svg":
            self.page.charts += not self.in_chart
            self.in_chart += 1
        if not self.in_chart:
            self._read_start(tag, dict(attrs))

    def _read_start(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag == "html":
            self.page.language = attrs.get("lang")
        elif tag == "figure":
            self.page.figures += 1
        elif tag == "table":
            self.page.tables.append(Table())
        elif tag == "tr" and "tbody" in self.stack:
            self.page.tables[-1].rows.append([])
        elif tag in ("td", "th") and attrs.get("class") == "num":
            table = self.page.tables[-1]
            table.right.add(len(table.rows[-1]) if tag == "td" else len(table.headers))
        elif tag == "br":
            self.text.append("\n")
        if tag in READ:
            self.text = []

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        opened = self.stack.pop()
        assert opened == tag, f"<{opened}> closed by </{tag}>"
        if tag == "svg":
            self.in_chart -= 1
        if self.in_chart:
            return
        said = "".join(self.text).strip()
        if tag == "title":
            self.page.title = said
        elif tag in ("h1", "h2", "h3"):
            self.page.headings.append((int(tag[1]), said))
        elif tag == "p":
            self.page.paragraphs.append(said)
        elif tag == "th":
            self.page.tables[-1].headers.append(said)
        elif tag == "td":
            self.page.tables[-1].rows[-1].append(said)
        elif tag == "li":
            self.page.notes.append(said)
        self.text = []

    def handle_data(self, data: str) -> None:
        if not self.in_chart:
            self.text.append(data)


def read_page(markup: str) -> Page:
    """The structure of ``markup``, asserting it is well-formed (every element closed in order)."""
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    assert not reader.stack, f"left open: {reader.stack}"
    return reader.page
