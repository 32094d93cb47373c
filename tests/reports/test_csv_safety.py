"""What a report writes cannot be turned against the person who opens it.

Every text field a user's data reaches (the SLA report's transaction, unit and
channel; the IKM report's grouping columns and their values) is fed hostile text:

* **CSV**: a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return gets a single quote in front (OWASP's advice against CSV injection), so a
  spreadsheet shows it instead of running it; numbers stay numbers.
* **Markdown**: a cell or heading cannot end its table, start a heading or carry
  HTML: pipes and Markdown punctuation are escaped, ``<``/``>`` are entities, line
  breaks are ``<br>``.
* **HTML**: every text is escaped; **text**: each row stays one line.

Workflow and clock names cannot carry such text: their own rules refuse it.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pst_core.reports import ikm_report, sla_report
from pst_core.reports._render import markdown_text, safe_cell
from pst_core.reports._render import one_line as text_line
from tests.reports.responses import row
from tests.reports.ticket import NOW, golden_frame, ticket

pd = pytest.importorskip("pandas")

HOSTILE = [
    '=HYPERLINK("http://evil.example","x")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1)",
    "\tfrom a tab",
    "\rfrom a carriage return",
    "unit | end\n# Heading\n<script>alert(1)</script>",
    "**bold** [link](javascript:alert(1)) `code` \u2028 next",
]
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _sla(value: str, field: str) -> Any:
    frame = golden_frame()
    if field == "transaction":
        frame["transaction"] = frame["transaction"].map(lambda t: f"{t} {one_line(value)}")
    else:
        frame[field] = value
    return sla_report(frame, now=NOW, workflows=[ticket()], group_by=("unit", "channel", "clock"))


def one_line(value: str) -> str:
    """A transaction id is one line of text (its own rule): the hostile text made so."""
    return " ".join(value.split()) or "x"


def _ikm(value: str, column: str) -> Any:
    rows = [row("444444444", **{column: value}), row("333333333", **{column: "plain"})]
    return ikm_report(rows, group_by=[column])


def _check_csv(text: str) -> None:
    for cells in csv.reader(io.StringIO(text, newline="")):
        for cell in cells:
            assert not cell.startswith(FORMULA), cell


def _tables(text: str) -> list[list[str]]:
    """The Markdown tables of ``text``: runs of lines that begin with a pipe."""
    tables: list[list[str]] = []
    previous = False
    for line in text.splitlines():
        if line.startswith("|"):
            if not previous:
                tables.append([])
            tables[-1].append(line)
        previous = line.startswith("|")
    return tables


def _check_markdown(text: str, headings: int, tables: int) -> None:
    assert "<script" not in text
    assert "](" not in text.replace("\\](", "")  # no link (its brackets are escaped)
    assert len(re.findall(r"^#", text, flags=re.MULTILINE)) == headings
    found = _tables(text)
    assert len(found) == tables
    for table in found:  # every row has the head's cells: no cell ended the table
        assert len({len(re.findall(r"(?<!\\)\|", line)) for line in table}) == 1, table


def _check_html(text: str, value: str) -> None:
    assert "<script" not in text
    if "<script>" in value:
        assert "&lt;script&gt;" in text


def _check_text(text: str) -> None:
    assert "\r" not in text
    assert "\u2028" not in text
    assert not any(line.startswith("#") for line in text.splitlines())  # one line a row


@pytest.mark.hostile
@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("field", ["transaction", "unit", "channel"])
def test_every_text_field_of_the_sla_report_is_defused(value: str, field: str) -> None:
    report = _sla(value, field)
    _check_csv(report.to_csv())
    for language in ("id", "en"):
        _check_markdown(report.to_markdown(language), headings=2, tables=2)
        _check_html(report.to_html(language, charts=False), value)
        _check_text(report.describe(language))


@pytest.mark.hostile
@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("column", ["unit", "=cmd", "a|b\n# x"])
def test_every_text_field_of_the_ikm_report_is_defused(value: str, column: str) -> None:
    report = _ikm(value, column)
    _check_csv(report.to_csv())
    for language in ("id", "en"):
        groups = len(report.groups)
        _check_markdown(report.to_markdown(language), headings=1 + groups, tables=1 + groups)
        _check_html(report.to_html(language, charts=False), value)
        _check_text(report.describe(language))


def test_a_defused_cell_keeps_its_text_after_the_quote() -> None:
    report = _ikm("=1+1", "unit")
    cells = list(csv.reader(io.StringIO(report.to_csv())))
    assert cells[1][0] == "'=1+1"
    assert cells[2][0] == "plain"
    assert cells[1][1] == "1"  # numbers are numbers: respondents
    assert not any(cell.startswith("'") for cell in cells[1][1:])


def test_negative_numbers_are_not_text_and_stay_as_they_are() -> None:
    report = ikm_report([row("444444444", unit=-1)], group_by=["unit"])
    assert list(csv.reader(io.StringIO(report.to_csv())))[1][0] == "-1"


@pytest.mark.hostile
def test_charts_draw_a_dollar_and_a_line_break_as_text() -> None:
    pytest.importorskip("matplotlib")
    report = _ikm("US$ 5 and $x^2$ or $unbalanced\n<script>", "unit")
    html = report.to_html("en", charts=True)
    assert html.count("<svg") == len(report.groups)
    assert "<script" not in html


@given(st.text())
def test_any_text_becomes_one_safe_markdown_cell(said: str) -> None:
    cell = markdown_text(said).replace("<br>", "")  # its own line breaks, and only those
    assert not re.search(r"[\r\n\u2028\u2029\x85<>]", cell)
    assert not re.search(r"(?<!\\)\|", cell.replace("\\\\", ""))  # every pipe escaped
    assert not cell.startswith("#")


@given(st.text())
def test_any_text_becomes_a_csv_cell_no_spreadsheet_runs(said: str) -> None:
    cell = safe_cell(said)
    assert isinstance(cell, str)
    assert not cell.startswith(FORMULA)
    assert cell.endswith(said)  # the text itself is kept, after at most one quote
    assert len(cell) - len(said) in (0, 1)


@given(st.text())
def test_any_text_becomes_one_line_of_a_text_table(said: str) -> None:
    assert not re.search(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", text_line(said))
