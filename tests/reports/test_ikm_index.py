"""The satisfaction index (IKM, PermenPAN-RB 14/2017): NRR, weights, the index and its grade.

Per element NRR is the mean score; the IKM is the weighted sum of the nine NRRs (1/9
each, or 0.111); the converted value IKM × 25 is graded A to D from its value rounded
half up to two decimals. An element's own converted value is graded the same way.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pst_core.errors import InvalidTypeError, InvalidValueError
from pst_core.reports import (
    ELEMENTS,
    GRADE_INTERVALS,
    ElementScore,
    IkmGroup,
    element_name,
    grade,
    ikm_report,
)
from tests.reports.responses import GOLDEN, group_of, row, surveys

GRADE_ORDER = {"D": 0, "C": 1, "B": 2, "A": 3}


@pytest.mark.golden
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


@pytest.mark.golden
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


@pytest.mark.golden
def test_rounded_weight_tops_out_below_100() -> None:
    group = ikm_report([row("444444444")], weight="0.111").groups[0]
    assert group.ikm == Decimal("3.9960")
    assert group.converted == Decimal("99.90")
    assert group.grade == "A"
    lowest = ikm_report([row("111111111")], weight="0.111").groups[0]
    assert lowest.converted == Decimal("24.98")  # below 25: only the rounded weight gets here
    assert lowest.grade == "D"


@pytest.mark.golden
def test_an_element_is_graded_like_the_index() -> None:
    # U3 of the golden survey: NRR 2.75, converted 68.75: C (kurang baik).
    element = ikm_report(GOLDEN).groups[0].elements[2]
    assert (element.code, element.converted_exact, element.converted) == (
        "U3", Fraction(275, 4), Decimal("68.75")
    )  # fmt: skip
    assert (element.grade, element.grade_label, element.grade_label_en) == (
        "C", "kurang baik", "less than good"
    )  # fmt: skip
    assert (element.name, element.name_en) == ("waktu penyelesaian", "completion time")
    assert [element_name(code, "en") for code in ELEMENTS][7] == (
        "handling of complaints, suggestions and feedback"
    )
    assert element.describe("en") == "U3 completion time: NRR 2.7500 (C, less than good)"


@pytest.mark.golden
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


@pytest.mark.golden
def test_grade_boundaries_on_the_1_to_4_scale() -> None:
    # The regulation gives the same bounds on the 1-4 scale:
    # 2.5996 / 2.60, 3.064 / 3.0644, 3.532 / 3.5324.
    assert [grade(Decimal(v) * 25) for v in ("2.5996", "2.60", "3.064", "3.0644")] == list("DCCB")
    assert [grade(Decimal(v) * 25) for v in ("3.532", "3.5324", "1.00", "4.00")] == list("BADA")


def test_the_intervals_are_the_regulations_table() -> None:
    assert {g: (str(low), str(high)) for g, (low, high) in GRADE_INTERVALS.items()} == {
        "A": ("88.31", "100.00"),
        "B": ("76.61", "88.30"),
        "C": ("65.00", "76.60"),
        "D": ("25.00", "64.99"),
    }
    for letter, (low, high) in GRADE_INTERVALS.items():
        assert grade(low) == grade(high) == letter


@pytest.mark.hostile
def test_grade_refuses_floats_and_out_of_range() -> None:
    with pytest.raises(InvalidTypeError):
        grade(76.61)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        grade(True)
    with pytest.raises(InvalidValueError):
        grade(Decimal("100.01"))


@pytest.mark.golden
def test_a_survey_exactly_between_76_60_and_76_61() -> None:
    # converted = 25 T / (9 n); with n = 5000, T = 137889 gives exactly 76.605 -> 76.61, B;
    # T = 137888 gives 76.60444.. -> 76.60, C.
    on_half = group_of(5000, 137889)
    assert on_half.converted_exact == Fraction(15321, 200)
    assert (on_half.converted, on_half.grade) == (Decimal("76.61"), "B")
    below = group_of(5000, 137888)
    assert (below.converted, below.grade) == (Decimal("76.60"), "C")


@pytest.mark.golden
def test_a_survey_exactly_at_65() -> None:
    # IKM 2.6 = T / (9 x 5) -> T = 117.
    assert (group_of(5, 117).converted, group_of(5, 117).grade) == (Decimal("65.00"), "C")
    assert group_of(5, 116).grade == "D"


@pytest.mark.golden
def test_a_group_describes_itself() -> None:
    group = ikm_report([row("443434433", period="2026-S1")], group_by=["period"]).groups[0]
    said = group.describe("id").splitlines()
    assert (
        said[0] == "period=2026-S1: 1 responden, IKM 3,5556, nilai konversi 88,89, A (sangat baik)"
    )
    assert said[1] == "  U1 persyaratan: NRR 4,0000 (A, sangat baik)"
    assert said[-1] == "  unsur terendah: U3, U5, U8, U9"
    assert len(said) == 11
    assert group.title() == "period=2026-S1"
    assert ikm_report(GOLDEN).groups[0].title("id") == "semua"


@pytest.mark.hostile
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
    with pytest.raises(InvalidTypeError):
        IkmGroup((), 1, scores, population=1.5)  # type: ignore[arg-type]
    rounded = tuple(ElementScore(c, 4, 1, weight="0.111") for c in ELEMENTS)
    with pytest.raises(InvalidValueError, match="weight='exact'"):
        IkmGroup((), 1, rounded)


@pytest.mark.property
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


@pytest.mark.property
@given(st.fractions(min_value=0, max_value=100), st.fractions(min_value=0, max_value=100))
def test_grade_is_monotone(a: Fraction, b: Fraction) -> None:
    low, high = sorted((a, b))
    assert GRADE_ORDER[grade(low)] <= GRADE_ORDER[grade(high)]


@pytest.mark.property
@given(st.data(), surveys)
def test_row_order_does_not_matter(data: st.DataObject, rows: list[dict[str, object]]) -> None:
    shuffled = data.draw(st.permutations(rows))
    assert (
        ikm_report(shuffled, group_by=["unit"]).groups == ikm_report(rows, group_by=["unit"]).groups
    )


@pytest.mark.property
@given(surveys)
def test_grouping_equals_filtering(rows: list[dict[str, object]]) -> None:
    for group in ikm_report(rows, group_by=["unit"]).groups:
        unit = dict(group.key)["unit"]
        alone = ikm_report([r for r in rows if r["unit"] == unit]).groups[0]
        assert (alone.respondents, alone.elements) == (group.respondents, group.elements)
        assert alone.ikm_exact == group.ikm_exact
