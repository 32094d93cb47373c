"""Nothing in a report's input is counted twice, and no column is read twice.

A transaction on two lines of a JSON Lines file is refused (which history is
right is not the report's to guess): the later line is at fault, the first is
skipped with it. A survey that names a column it reads twice is refused naming
the column (it would silently use the last). Rows skipped from a DataFrame count
once each even when two share an index label.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pst_core.errors import BadRowsError, InvalidValueError
from pst_core.reports import ikm_report, sla_report
from tests.reports.responses import row
from tests.reports.test_reader_line_breaks import _jsonl
from tests.reports.test_sla_inputs import _saved
from tests.reports.ticket import NOW, golden_frame, ticket

pd = pytest.importorskip("pandas")


@pytest.mark.hostile
@pytest.mark.parametrize("engine", ["columns", "objects"])
def test_a_transaction_twice_in_json_lines_is_refused_not_counted_twice(
    tmp_path: Path, engine: str
) -> None:
    lines = _saved(golden_frame())
    path = _jsonl(tmp_path, [*lines, lines[0]])  # T1 again on line 5
    with pytest.raises(BadRowsError, match="'T1' is already on line 1"):
        sla_report(path, now=NOW, workflows=[ticket()], engine=engine)  # type: ignore[arg-type]
    report = sla_report(path, now=NOW, workflows=[ticket()], invalid="skip", engine=engine)  # type: ignore[arg-type]
    assert [(r.line, r.transaction, r.at_fault) for r in report.bad_rows] == [
        (5, "T1", True),
        (1, "T1", False),
    ]
    assert set(report.table["transaction"]) == {"T2", "T3", "T4"}


@pytest.mark.hostile
@pytest.mark.parametrize("column", ["U1", "U9", "unit"])
def test_a_survey_column_named_twice_is_refused_naming_it(tmp_path: Path, column: str) -> None:
    header = ["unit", *(f"U{i}" for i in range(1, 10))]
    path = tmp_path / "survey.csv"
    path.write_text(",".join([*header, column]) + "\n" + "a," + "4," * 9 + "1\n")
    with pytest.raises(InvalidValueError, match=f"'{column}'") as caught:
        ikm_report(path, group_by=["unit"])
    assert caught.value.field == "columns"
    assert "once" in caught.value.describe("en")
    frame = pd.read_csv(path, dtype=str)
    frame.columns = [*header, column]  # pandas would rename it U1.1: a DataFrame keeps it
    with pytest.raises(InvalidValueError, match=f"'{column}'"):
        ikm_report(frame, group_by=["unit"])


def test_a_column_the_report_does_not_read_may_repeat(tmp_path: Path) -> None:
    path = tmp_path / "survey.csv"
    path.write_text("note,U1,U2,U3,U4,U5,U6,U7,U8,U9,note\nx,4,4,4,4,4,4,4,4,4,y\n")
    assert ikm_report(path).groups[0].respondents == 1


@pytest.mark.hostile
def test_skipped_rows_counts_rows_not_index_labels() -> None:
    bad = {**row("444444444"), "U1": 9}
    frame = pd.DataFrame([row("444444444"), bad, bad, bad], index=[0, 1, 1, 1])
    report = ikm_report(frame, invalid="skip")
    assert report.skipped_rows == 3
    assert report.groups[0].respondents == 1
    assert "3" in report.notes("en")[1]
