"""The IKM report's inputs: survey responses as a CSV file, a DataFrame or plain rows.

Every cell is checked: a score is a whole number 1 to 4 in any plain form, a grouping
column has a value. A bad cell is a `ScoreProblem` naming its row (a file's line, or
the row's index label), column, value and what is allowed; ``invalid="raise"`` lists
every one in a `SurveyDataError`, ``"skip"`` leaves the rows out and counts them.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest

from pst_core.errors import (
    InvalidTypeError,
    InvalidValueError,
    PstError,
    SurveyDataError,
    UnknownNameError,
)
from pst_core.reports import ScoreProblem, ikm_report
from tests.reports.responses import GOLDEN, SURVEY, row

pd = pytest.importorskip("pandas")

BAD = [
    row("444444444"),
    {**row("444444444"), "U4": 5},
    {**row("333333333"), "U1": None},
    row("3" * 9),
]


@pytest.mark.hostile
def test_invalid_scores_raise_listing_every_row() -> None:
    with pytest.raises(SurveyDataError) as caught:
        ikm_report(BAD)
    err = caught.value
    assert [(p.row, p.column, p.value) for p in err.problems] == [(1, "U4", 5), (2, "U1", None)]
    assert (
        str(err) == "<data>: row 1, U4: invalid value 5; allowed: a whole score 1 to 4 (and 1 more)"
    )
    assert err.problems[1].missing
    assert isinstance(err, ValueError)
    assert issubclass(SurveyDataError, PstError)


@pytest.mark.hostile
def test_invalid_scores_skipped_and_counted() -> None:
    report = ikm_report(BAD, invalid="skip")
    assert report.groups[0].respondents == 2
    assert report.skipped_rows == 2
    assert [(p.row, p.column) for p in report.skipped] == [(1, "U4"), (2, "U1")]
    assert report.notes()[1] == "2 rows skipped for invalid scores (2 cells)"
    assert report.notes("id")[1] == "2 baris dilewati karena nilai tidak sah (2 sel)"


@pytest.mark.hostile
@pytest.mark.parametrize("value", [0, 5, 3.5, "x", "", " ", "4.0", True, None, float("nan")])
def test_every_kind_of_bad_score_is_caught(value: object) -> None:
    with pytest.raises(SurveyDataError):
        ikm_report([{**row("444444444"), "U9": value}])


@pytest.mark.parametrize("value", [4, 4.0, "4", " 4 ", Decimal(4)])
def test_whole_scores_in_any_plain_form_count(value: object) -> None:
    assert ikm_report([{**row("444444444"), "U9": value}]).groups[0].grade == "A"


@pytest.mark.hostile
def test_a_huge_bad_score_is_named_without_dumping_it() -> None:
    with pytest.raises(SurveyDataError) as caught:
        ikm_report([{**row("444444444"), "U9": 10**5000}])
    said = caught.value.problems[0].describe()
    assert "an integer of about 5001 digits" in said
    assert len(said) < 200


def test_a_problem_says_itself_in_both_languages() -> None:
    problem = ScoreProblem(3, "U1", "", "a whole score 1 to 4", where="line")
    assert (
        problem.describe("id")
        == "baris berkas 3, U1: nilai kosong; yang diizinkan: nilai bulat 1 sampai 4"
    )
    other = ScoreProblem(4, "U3", 5, "a score the unit allows")
    assert other.describe() == "row 4, U3: invalid value 5; allowed: a score the unit allows"
    with pytest.raises(InvalidValueError):
        ScoreProblem(4, "U3", 5, "x", where="page")  # type: ignore[arg-type]


@pytest.mark.hostile
def test_missing_group_value_is_a_problem_too() -> None:
    rows = [row("444444444", unit="a"), row("444444444", unit=None)]
    with pytest.raises(SurveyDataError, match="row 1, unit: missing value"):
        ikm_report(rows, group_by=["unit"])
    assert ikm_report(rows, group_by=["unit"], invalid="skip").skipped_rows == 1


@pytest.mark.hostile
def test_csv_problems_name_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("unit,U1,U2,U3,U4,U5,U6,U7,U8,U9\na,4,4,4,4,4,4,4,4,4\nb,4,4,4,,4,4,4,4,7\n")
    with pytest.raises(SurveyDataError) as caught:
        ikm_report(path)
    assert caught.value.file == str(path)
    assert [(p.row, p.column, p.where) for p in caught.value.problems] == [
        (3, "U4", "line"),
        (3, "U9", "line"),
    ]
    assert "line 3, U4: missing value" in str(caught.value)


def test_a_csv_file_is_read_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    report = ikm_report(SURVEY)
    assert report.groups[0].respondents == 16
    assert report.source == str(SURVEY)


@pytest.mark.hostile
def test_no_valid_row_left_is_an_empty_report_that_says_so() -> None:
    report = ikm_report([{**row("444444444"), "U1": 9}], invalid="skip")
    assert report.groups == ()
    assert report.skipped_rows == 1
    assert "this report is empty" in report.notes("en")[1]


@pytest.mark.hostile
def test_missing_columns_and_bad_options() -> None:
    with pytest.raises(UnknownNameError, match="did you mean: period"):
        ikm_report([row("444444444", period="x")], group_by=["periode"])
    no_u9 = {k: v for k, v in row("444444444").items() if k != "U9"}
    with pytest.raises(UnknownNameError, match="'U9'"):
        ikm_report([no_u9])
    with pytest.raises(InvalidValueError):
        ikm_report(GOLDEN, weight="1/9")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        ikm_report(GOLDEN, invalid="drop")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        ikm_report(GOLDEN, group_by="period")
    with pytest.raises(InvalidValueError):
        ikm_report(GOLDEN, group_by=["U1"])
    with pytest.raises(InvalidValueError, match="each column at most once") as caught:
        ikm_report([row("444444444", period="x")], group_by=["period", "period"])
    assert caught.value.field == "group_by[1]"
    with pytest.raises(InvalidTypeError):
        ikm_report(42)
    with pytest.raises(InvalidTypeError):
        ikm_report([["4"] * 9])
    with pytest.raises(InvalidValueError, match="existing CSV"):
        ikm_report("/no/such/survey.csv")


@pytest.mark.hostile
@pytest.mark.parametrize(
    ("source", "field"),
    [(42, "source"), ([row("444444444"), ["4"] * 9], "source[1]"), ({"U1": 4}, "source")],
)
def test_a_source_that_is_not_rows_names_itself(source: object, field: str) -> None:
    with pytest.raises(InvalidTypeError) as caught:
        ikm_report(source)
    assert caught.value.field == field


@pytest.mark.hostile
def test_a_file_that_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError, match="readable UTF-8 CSV file"):
        ikm_report(tmp_path)
    binary = tmp_path / "survey.csv"
    binary.write_bytes(b"U1,U2\n\xff\xfe\n")
    with pytest.raises(InvalidValueError, match="readable UTF-8 CSV file"):
        ikm_report(binary)


def test_dataframe_input_equals_rows_and_names_index_labels() -> None:
    frame = pd.DataFrame(GOLDEN, index=[10, 11, 12, 13])
    assert ikm_report(frame).groups == ikm_report(GOLDEN).groups
    broken = frame.astype({"U2": "float64"})
    broken.loc[12, "U2"] = float("nan")
    with pytest.raises(SurveyDataError) as caught:
        ikm_report(broken)
    assert [(p.row, p.column, p.missing) for p in caught.value.problems] == [(12, "U2", True)]


def test_group_values_of_any_kind_sort_and_print_plainly() -> None:
    frame = pd.DataFrame([row("444444444", year=2026), row("333333333", year=2025)])
    report = ikm_report(frame, group_by=["year"])
    assert [g.key for g in report.groups] == [(("year", 2025),), (("year", 2026),)]
    assert type(report.groups[0].key[0][1]) is int  # not a numpy integer
    mixed = ikm_report([row("444444444", unit=1), row("333333333", unit="a")], group_by=["unit"])
    assert [g.title() for g in mixed.groups] == [
        "unit=1",
        "unit=a",
    ]  # by the value's type (int before str), then by value


def test_a_dataframe_needs_no_other_column_than_asked() -> None:
    frame = pd.DataFrame([{**row("444444444"), "comment": "ok"}])
    assert ikm_report(frame).groups[0].respondents == 1
