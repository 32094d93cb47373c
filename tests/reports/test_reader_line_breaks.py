"""A record ends at a line break, never at a character that only looks like one.

`str.splitlines` also breaks at U+2028, U+2029, U+0085, a form feed and more: a
unit name or a comment that holds one would split a JSON Lines transaction in two
or shift a survey's cells. The JSON Lines reader breaks at ``\\n`` only; the survey
CSV reader is the `csv` module's, which also keeps a quoted cell's own line breaks.
A UTF-8 byte order mark (what a spreadsheet writes first) is skipped.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pst_core.reports import ikm_report, sla_report
from tests.reports.test_sla_inputs import _saved
from tests.reports.ticket import NOW, golden_frame, ticket

pd = pytest.importorskip("pandas")

HEADER = "unit,U1,U2,U3,U4,U5,U6,U7,U8,U9"
SEPARATORS = ["\u2028", "\u2029", "\u0085", "\x0c", "\x0b", "\x1c", "\x1d", "\x1e"]


@pytest.mark.hostile
@pytest.mark.parametrize("separator", SEPARATORS)
def test_a_survey_cell_keeps_a_character_splitlines_would_break_at(
    tmp_path: Path, separator: str
) -> None:
    path = tmp_path / "survey.csv"
    body = f"{HEADER}\na{separator}b,4,4,4,4,4,4,4,4,4\nc,3,3,3,3,3,3,3,3,3\n"
    path.write_text(body, encoding="utf-8", newline="")
    report = ikm_report(path, group_by=["unit"])
    assert [(g.key, g.respondents) for g in report.groups] == [
        ((("unit", f"a{separator}b"),), 1),
        ((("unit", "c"),), 1),
    ]


@pytest.mark.hostile
def test_a_quoted_survey_cell_keeps_its_line_break_and_rows_keep_their_first_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "survey.csv"
    body = f'{HEADER}\r\n"two\r\nlines",4,4,4,4,4,4,4,4,4\r\nb,4,4,4,4,4,4,4,4,9\r\n'
    path.write_text(body, encoding="utf-8", newline="")
    report = ikm_report(path, group_by=["unit"], invalid="skip")
    assert [g.key for g in report.groups] == [(("unit", "two\r\nlines"),)]
    assert [(p.row, p.column) for p in report.skipped] == [(4, "U9")]  # its own first line


@pytest.mark.hostile
def test_a_byte_order_mark_is_skipped_in_a_survey(tmp_path: Path) -> None:
    path = tmp_path / "survey.csv"
    path.write_text(f"{HEADER}\na,4,4,4,4,4,4,4,4,4\n", encoding="utf-8-sig")
    assert ikm_report(path, group_by=["unit"]).groups[0].key == (("unit", "a"),)


def _jsonl(tmp_path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path = tmp_path / "transactions.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding=encoding, newline="")
    return path


def _with_unit(line: str, unit: str) -> str:
    data = json.loads(line)
    data["history"][0]["data"] = {"unit": unit}
    return json.dumps(data, ensure_ascii=False)  # the separator stays a raw character


@pytest.mark.hostile
@pytest.mark.parametrize("separator", SEPARATORS)
def test_a_json_lines_transaction_keeps_a_character_splitlines_would_break_at(
    tmp_path: Path, separator: str
) -> None:
    lines = _saved(golden_frame())
    lines[0] = _with_unit(lines[0], f"BPS{separator}Bengkulu")
    path = _jsonl(tmp_path, lines)
    report = sla_report(path, now=NOW, workflows=[ticket()])
    assert not report.bad_rows
    assert set(report.table["transaction"]) == {"T1", "T2", "T3", "T4"}
    assert f"BPS{separator}Bengkulu" in set(report.table["unit"])


@pytest.mark.hostile
def test_a_byte_order_mark_and_crlf_are_read_in_json_lines(tmp_path: Path) -> None:
    lines = [line + "\r" for line in _saved(golden_frame())]
    path = _jsonl(tmp_path, lines, encoding="utf-8-sig")
    report = sla_report(path, now=NOW, workflows=[ticket()])
    assert not report.bad_rows
    assert len(set(report.table["transaction"])) == 4


@pytest.mark.hostile
def test_a_byte_order_mark_is_skipped_in_an_events_csv(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    golden_frame().to_csv(path, index=False, encoding="utf-8-sig")
    report = sla_report(path, now=NOW, workflows=[ticket()])
    assert not report.bad_rows
    assert len(set(report.table["transaction"])) == 4
