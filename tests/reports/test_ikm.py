"""The satisfaction index (IKM, PermenPAN-RB 14/2017): golden survey, grade bounds, sample size,
invalid-score policies, properties, outputs and the ``pst-core report ikm`` command."""

from __future__ import annotations

import io
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pst_core import cli
from pst_core.errors import (
    InvalidTypeError,
    InvalidValueError,
    MissingDependencyError,
    PstError,
    SurveyDataError,
    UnknownNameError,
)
from pst_core.reports import (
    ELEMENTS,
    ElementScore,
    IkmGroup,
    grade,
    ikm_report,
    minimum_sample,
)

pd = pytest.importorskip("pandas")

EXAMPLES = Path(__file__).parent.parent.parent / "examples"
SURVEY = EXAMPLES / "survey.csv"


def row(scores: str, **groups: object) -> dict[str, object]:
    """A respondent from nine digits, e.g. row("443434433", period="2026")."""
    return {**groups, **{code: int(s) for code, s in zip(ELEMENTS, scores, strict=True)}}


# The golden survey: four respondents.
#            U1 U2 U3 U4 U5 U6 U7 U8 U9
#   R1        4  4  3  4  3  4  4  3  3
#   R2        3  3  3  4  3  3  4  2  3
#   R3        4  3  2  4  3  4  4  3  2
#   R4        3  3  3  4  4  3  4  3  3
#   total    14 13 11 16 13 14 16 11 11   (sum 119)
#   NRR     3.5 3.25 2.75 4 3.25 3.5 4 2.75 2.75
# Weight 1/9: weighted NRR U1 = 3.5/9 = 0.38888.. -> 0.3889; U2, U5 = 3.25/9 = 0.36111.. -> 0.3611;
#   U3, U8, U9 = 2.75/9 = 0.30555.. -> 0.3056; U4, U7 = 4/9 = 0.44444.. -> 0.4444;
#   IKM = 119 / (9 x 4) = 3.305555.. -> 3.3056;
#   converted = 25 x 119/36 = 82.6388.. -> 82.64: B (baik).
# Weight 0.111: weighted U1 = 3.5 x 0.111 = 0.3885; U3 = 2.75 x 0.111 = 0.30525 -> 0.3053 (half up);
#   IKM = 0.111 x 119/4 = 3.30225 -> 3.3023; converted = 82.55625 -> 82.56: B.
# The weakest elements are U3, U8 and U9 (2.75).
GOLDEN = [row("443434433"), row("333433423"), row("432434432"), row("333443433")]


def test_golden_survey_exact_weight() -> None:
    group = ikm_report(GOLDEN).groups[0]
    assert group.key == ()
    assert group.respondents == 4
    assert [e.total for e in group.elements] == [14, 13, 11, 16, 13, 14, 16, 11, 11]
    assert [str(e.nrr) for e in group.elements] == [
        "3.5000", "3.2500", "2.7500", "4.0000", "3.2500", "3.5000", "4.0000", "2.7500", "2.7500"
    ]  # fmt: skip
    assert [str(e.weighted_nrr) for e in group.elements] == [
        "0.3889", "0.3611", "0.3056", "0.4444", "0.3611", "0.3889", "0.4444", "0.3056", "0.3056"
    ]  # fmt: skip
    assert group.ikm_exact == Fraction(119, 36)
    assert group.ikm == Decimal("3.3056")
    assert group.converted == Decimal("82.64")
    assert (group.grade, group.grade_label, group.grade_label_en) == ("B", "baik", "good")
    assert group.weakest == ("U3", "U8", "U9")


def test_golden_survey_rounded_weight() -> None:
    group = ikm_report(GOLDEN, weight="0.111").groups[0]
    assert group.elements[0].weighted_nrr == Decimal("0.3885")
    assert group.elements[2].weighted_nrr == Decimal("0.3053")
    assert group.ikm_exact == Fraction(111, 1000) * Fraction(119, 4)
    assert group.ikm == Decimal("3.3023")
    assert group.converted == Decimal("82.56")
    assert group.grade == "B"
    assert (
        ikm_report(GOLDEN, weight="0.111").notes()[0] == "weight of each element rounded to 0.111"
    )


def test_rounded_weight_tops_out_below_100() -> None:
    group = ikm_report([row("444444444")], weight="0.111").groups[0]
    assert group.ikm == Decimal("3.9960")
    assert group.converted == Decimal("99.90")
    assert group.grade == "A"
    lowest = ikm_report([row("111111111")], weight="0.111").groups[0]
    assert lowest.converted == Decimal("24.98")  # below 25: only the rounded weight gets here
    assert lowest.grade == "D"


@pytest.mark.parametrize(
    ("converted", "expected"),
    [
        ("25.00", "D"),
        ("64.99", "D"),
        ("64.994", "D"),
        ("64.995", "C"),  # shows as 65.00
        ("65.00", "C"),
        ("76.60", "C"),
        ("76.604", "C"),
        ("76.605", "B"),  # shows as 76.61
        ("76.61", "B"),
        ("88.30", "B"),
        ("88.3049", "B"),
        ("88.305", "A"),  # shows as 88.31
        ("88.31", "A"),
        ("100.00", "A"),
        ("0", "D"),
    ],
)
def test_grade_boundaries(converted: str, expected: str) -> None:
    assert grade(Decimal(converted)) == expected


def test_grade_boundaries_on_the_1_to_4_scale() -> None:
    # DOMAIN §6 gives the same bounds on the 1-4 scale:
    # 2.5996 / 2.60, 3.064 / 3.0644, 3.532 / 3.5324.
    assert [grade(Decimal(v) * 25) for v in ("2.5996", "2.60", "3.064", "3.0644")] == list("DCCB")
    assert [grade(Decimal(v) * 25) for v in ("3.532", "3.5324", "1.00", "4.00")] == list("BADA")


def test_grade_refuses_floats_and_out_of_range() -> None:
    with pytest.raises(InvalidTypeError):
        grade(76.61)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        grade(True)
    with pytest.raises(InvalidValueError):
        grade(Decimal("100.01"))


def _group(n: int, grand_total: int) -> IkmGroup:
    """A group of n respondents whose nine element totals add up to grand_total."""
    base, extra = divmod(grand_total, 9)
    totals = [base + (1 if i < extra else 0) for i in range(9)]
    return IkmGroup(
        (), n, tuple(ElementScore(c, t, n) for c, t in zip(ELEMENTS, totals, strict=True))
    )


def test_a_survey_exactly_between_76_60_and_76_61() -> None:
    # converted = 25 T / (9 n); with n = 5000, T = 137889 gives exactly 76.605 -> 76.61, B;
    # T = 137888 gives 76.60444.. -> 76.60, C.
    on_half = _group(5000, 137889)
    assert on_half.converted_exact == Fraction(15321, 200)
    assert (on_half.converted, on_half.grade) == (Decimal("76.61"), "B")
    below = _group(5000, 137888)
    assert (below.converted, below.grade) == (Decimal("76.60"), "C")


def test_a_survey_exactly_at_65() -> None:
    # IKM 2.6 = T / (9 x 5) -> T = 117.
    assert (_group(5, 117).converted, _group(5, 117).grade) == (Decimal("65.00"), "C")
    assert _group(5, 116).grade == "D"


# The Krejcie-Morgan table as printed (N: s). The formula, rounded to the nearest whole
# respondent, gives every entry; at N = 100,000 the printed table says 384 where the formula
# gives 382.63 (383), so that entry is left out.
KREJCIE_MORGAN = {
    10: 10, 15: 14, 20: 19, 25: 24, 30: 28, 40: 36, 50: 44, 60: 52, 70: 59, 80: 66, 90: 73,
    100: 80, 150: 108, 200: 132, 250: 152, 300: 169, 400: 196, 500: 217, 600: 234, 700: 248,
    800: 260, 900: 269, 1000: 278, 1500: 306, 2000: 322, 3000: 341, 5000: 357, 10000: 370,
    20000: 377, 50000: 381, 75000: 382, 1000000: 384,
}  # fmt: skip


@pytest.mark.parametrize(("population", "sample"), KREJCIE_MORGAN.items())
def test_minimum_sample_matches_the_table(population: int, sample: int) -> None:
    assert minimum_sample(population) == sample


def test_minimum_sample_by_hand() -> None:
    # N = 100: 3.841 x 100 x 0.25 / (0.0025 x 99 + 3.841 x 0.25) = 96.025 / 1.20775 = 79.51 -> 80.
    # N = 1000: 960.25 / 3.45775 = 277.71 -> 278.  N = 1: 0.96025 / 0.96025 = 1.
    assert (minimum_sample(100), minimum_sample(1000), minimum_sample(1)) == (80, 278, 1)
    with pytest.raises(InvalidValueError):
        minimum_sample(0)
    with pytest.raises(InvalidTypeError):
        minimum_sample(10.0)  # type: ignore[arg-type]


@given(st.integers(min_value=1, max_value=10**7))
def test_minimum_sample_never_exceeds_the_population_or_385(population: int) -> None:
    assert 1 <= minimum_sample(population) <= min(population, 385)


def test_population_says_when_the_sample_is_too_small() -> None:
    report = ikm_report(GOLDEN, population=10)
    assert report.groups[0].minimum_sample == 10
    assert report.groups[0].sample_sufficient is False
    assert report.short_groups == report.groups
    assert "fewer than the minimum sample 10 for a population of 10" in report.notes()[1]
    assert "kurang dari sampel minimum 10" in report.notes("id")[1]
    enough = ikm_report(GOLDEN, population=4)
    assert enough.groups[0].sample_sufficient is True
    assert enough.notes()[-1].startswith("sample large enough")
    assert ikm_report(GOLDEN).groups[0].sample_sufficient is None


# Invalid scores --------------------------------------------------------------------------------


BAD = [
    row("444444444"),
    {**row("444444444"), "U4": 5},
    {**row("333333333"), "U1": None},
    row("3" * 9),
]


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


def test_invalid_scores_skipped_and_counted() -> None:
    report = ikm_report(BAD, invalid="skip")
    assert report.groups[0].respondents == 2
    assert report.skipped_rows == 2
    assert report.notes()[1] == "2 rows skipped for invalid scores (2 cells)"
    assert report.notes("id")[1] == "2 baris dilewati karena nilai tidak sah (2 sel)"


@pytest.mark.parametrize("value", [0, 5, 3.5, "x", "", " ", "4.0", True, None, float("nan")])
def test_every_kind_of_bad_score_is_caught(value: object) -> None:
    with pytest.raises(SurveyDataError):
        ikm_report([{**row("444444444"), "U9": value}])


@pytest.mark.parametrize("value", [4, 4.0, "4", " 4 ", Decimal(4)])
def test_whole_scores_in_any_plain_form_count(value: object) -> None:
    assert ikm_report([{**row("444444444"), "U9": value}]).groups[0].grade == "A"


def test_missing_group_value_is_a_problem_too() -> None:
    rows = [row("444444444", unit="a"), row("444444444", unit=None)]
    with pytest.raises(SurveyDataError, match="row 1, unit: missing value"):
        ikm_report(rows, group_by=["unit"])
    assert ikm_report(rows, group_by=["unit"], invalid="skip").skipped_rows == 1


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


def test_no_valid_row_left_is_an_error() -> None:
    with pytest.raises(InvalidValueError, match="at least one response"):
        ikm_report([{**row("444444444"), "U1": 9}], invalid="skip")


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
    with pytest.raises(InvalidTypeError):
        ikm_report(42)
    with pytest.raises(InvalidTypeError):
        ikm_report([["4"] * 9])
    with pytest.raises(InvalidValueError, match="existing CSV"):
        ikm_report("/no/such/survey.csv")


def test_models_check_their_shape() -> None:
    with pytest.raises(InvalidValueError):
        ElementScore("U1", total=17, respondents=4)
    with pytest.raises(InvalidValueError):
        ElementScore("U10", total=4, respondents=1)  # type: ignore[arg-type]
    scores = tuple(ElementScore(c, 4, 1) for c in ELEMENTS)
    with pytest.raises(InvalidValueError):
        IkmGroup((), 1, scores[:8])
    with pytest.raises(InvalidValueError):
        IkmGroup((), 2, scores)
    with pytest.raises(InvalidTypeError):
        IkmGroup((("unit",),), 1, scores)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        IkmGroup((), 1, scores, population=0)


# pandas ----------------------------------------------------------------------------------------


def test_dataframe_input_equals_rows_and_names_index_labels() -> None:
    frame = pd.DataFrame(GOLDEN, index=[10, 11, 12, 13])
    assert ikm_report(frame).groups == ikm_report(GOLDEN).groups
    broken = frame.astype({"U2": "float64"})
    broken.loc[12, "U2"] = float("nan")
    with pytest.raises(SurveyDataError) as caught:
        ikm_report(broken)
    assert [(p.row, p.column, p.missing) for p in caught.value.problems] == [(12, "U2", True)]


def test_frames_and_csv_outputs() -> None:
    report = ikm_report(SURVEY, group_by=["period"])
    frame = report.to_frame()
    assert list(frame["period"]) == ["2026-S1", "2026-S2"]
    assert list(frame["grade"]) == ["B", "A"]
    assert frame.loc[0, "converted"] == pytest.approx(79.51)
    long = report.elements_frame()
    assert len(long) == 18
    assert list(long.columns[:3]) == ["period", "element", "name"]
    text = report.to_csv()
    assert text.splitlines()[1].startswith("2026-S1,8,3.2500,")
    back = pd.read_csv(io.StringIO(text))
    assert list(back["converted"]) == [79.51, 91.67]


def test_without_pandas_a_frame_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    report = ikm_report(GOLDEN)
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingDependencyError, match=r'pip install "pst-core\[pandas\]"'):
        report.to_frame()
    assert report.to_csv()  # CSV, Markdown, HTML and reading a CSV file need no pandas
    assert ikm_report(SURVEY).groups[0].respondents == 16


# Markdown, text and HTML ------------------------------------------------------------------------


def test_markdown_and_text_in_both_languages() -> None:
    report = ikm_report(SURVEY, group_by=["period"])
    markdown = report.to_markdown()
    assert markdown.startswith("# Community Satisfaction Index (IKM)\n")
    assert "| 2026-S1 | 8 | 3.1806 | 79.51 | B | good | U3 |" in markdown
    indonesian = report.to_markdown("id")
    assert "| 2026-S1 | 8 | 3,1806 | 79,51 | B | baik | U3 |" in indonesian
    assert "penanganan pengaduan, saran dan masukan" in indonesian
    text = report.describe("id")
    assert "Indeks Kepuasan Masyarakat (IKM)" in text
    assert "PermenPAN-RB Nomor 14 Tahun 2017" in text


def test_html_with_charts() -> None:
    pytest.importorskip("matplotlib", reason="the chart needs the plot extra (matplotlib)")
    page = ikm_report(SURVEY, group_by=["period"]).to_html("id", charts=True)
    assert page.count("<svg") == 2
    assert "NRR per unsur: period=2026-S1" in page
    assert "matplotlib" not in page.split("<svg")[0]
    assert ikm_report(GOLDEN).to_html(charts=None).count("<svg") == 1


def test_html_without_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    report = ikm_report(SURVEY, group_by=["period"])
    page = report.to_html()
    assert "<svg" not in page
    assert 'charts need matplotlib: pip install "pst-core[plot]"' in page
    assert "<td>2026-S1</td>" in page
    assert "pst-core[plot]" not in report.to_html(charts=False)
    with pytest.raises(MissingDependencyError, match="plot"):
        report.to_html(charts=True)


# Properties ---------------------------------------------------------------------------------------

scores = st.tuples(*[st.integers(1, 4)] * 9)
respondents = st.builds(
    lambda unit, s: {"unit": unit, **dict(zip(ELEMENTS, s, strict=True))},
    st.sampled_from(["a", "b", "c"]),
    scores,
)
surveys = st.lists(respondents, min_size=1, max_size=40)
GRADE_ORDER = {"D": 0, "C": 1, "B": 2, "A": 3}


@given(surveys, st.sampled_from(["exact", "0.111"]))
def test_index_within_scale_and_converted_is_25_times(
    rows: list[dict[str, object]], w: str
) -> None:
    report = ikm_report(rows, group_by=["unit"], weight=w)  # type: ignore[arg-type]
    top = Fraction(4) if w == "exact" else Fraction(111, 1000) * 36
    low = Fraction(1) if w == "exact" else Fraction(111, 1000) * 9
    for group in report.groups:
        assert low <= group.ikm_exact <= top
        assert group.converted_exact == 25 * group.ikm_exact
        assert abs(group.converted - Decimal(25) * group.ikm) <= Decimal("0.00626")
        assert group.grade == grade(group.converted_exact)
        assert sum(g.respondents for g in report.groups) == len(rows)


@given(st.fractions(min_value=0, max_value=100), st.fractions(min_value=0, max_value=100))
def test_grade_is_monotone(a: Fraction, b: Fraction) -> None:
    low, high = sorted((a, b))
    assert GRADE_ORDER[grade(low)] <= GRADE_ORDER[grade(high)]


@given(st.data(), surveys)
def test_row_order_does_not_matter(data: st.DataObject, rows: list[dict[str, object]]) -> None:
    shuffled = data.draw(st.permutations(rows))
    assert (
        ikm_report(shuffled, group_by=["unit"]).groups == ikm_report(rows, group_by=["unit"]).groups
    )


@given(surveys)
def test_grouping_equals_filtering(rows: list[dict[str, object]]) -> None:
    for group in ikm_report(rows, group_by=["unit"]).groups:
        unit = dict(group.key)["unit"]
        alone = ikm_report([r for r in rows if r["unit"] == unit]).groups[0]
        assert (alone.respondents, alone.elements) == (group.respondents, group.elements)
        assert alone.ikm_exact == group.ikm_exact


# The command line --------------------------------------------------------------------------------


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = cli.main(["report", "ikm", *argv], out=out)
    return status, out.getvalue()


def test_cli_table_by_period() -> None:
    status, text = run(str(SURVEY), "--group-by", "period", "--population", "40")
    assert status == 0
    assert "2026-S1            8     3.1806      79.51  B      good" in text
    assert "fewer than the minimum sample 36 for a population of 40" in text


def test_cli_in_indonesian_by_period_and_unit() -> None:
    status, text = run(str(SURVEY), "--group-by", "period,unit", "--lang", "id")
    assert status == 0
    assert "period=2026-S2, unit=PST BPS Provinsi Bengkulu:" in text
    assert "sangat baik" in text


@pytest.mark.parametrize(
    ("fmt", "start"),
    [("csv", "period,respondents,"), ("markdown", "# Community"), ("html", "<!DOCTYPE html>")],
)
def test_cli_formats(fmt: str, start: str) -> None:
    status, text = run(str(SURVEY), "--group-by", "period", "--format", fmt)
    assert status == 0
    assert text.startswith(start)


def test_cli_rounded_weight_and_output_file(tmp_path: Path) -> None:
    target = tmp_path / "ikm.csv"
    status, text = run(str(SURVEY), "--weight", "0.111", "--format", "csv", "--output", str(target))
    assert status == 0
    assert text == f"report written to {target}\n"
    assert ",0.111," in target.read_text(encoding="utf-8")


def test_cli_invalid_scores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("period,U1,U2,U3,U4,U5,U6,U7,U8,U9\nx,4,4,4,4,4,4,4,4,4\nx,5,4,4,4,4,4,4,4,\n")
    status, text = run(str(path), "--lang", "id")
    assert (status, text) == (1, "")
    err = capsys.readouterr().err
    assert "pst-core report ikm: galat:" in err
    assert "2 sel tidak sah" in err
    assert "baris berkas 3, U1: nilai tidak sah '5'" in err
    status, text = run(str(path), "--invalid", "skip")
    assert status == 0
    assert "1 rows skipped for invalid scores (2 cells)" in text


def test_cli_lists_at_most_20_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("U1,U2,U3,U4,U5,U6,U7,U8,U9\n" + "0,4,4,4,4,4,4,4,4\n" * 25)
    assert run(str(path))[0] == 1
    err = capsys.readouterr().err
    assert "25 invalid cells" in err
    assert "(and 5 more)" in err


def test_cli_other_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(SURVEY), "--group-by", "periode")[0] == 1
    assert "did you mean: period" in capsys.readouterr().err
    assert run(str(SURVEY), "--population", "0")[0] == 2
    assert run(str(SURVEY), "--group-by", "period,,unit")[0] == 2
    assert cli.main(["report"], out=io.StringIO()) == 2


def test_every_ikm_error_is_a_pst_error() -> None:
    assert issubclass(SurveyDataError, PstError)
    assert issubclass(MissingDependencyError, ImportError)
