"""The minimum sample of a survey (Krejcie–Morgan, as PermenPAN-RB 14/2017 tabulates it).

s = χ²·N·P(1−P) / (d²(N−1) + χ²·P(1−P)) with χ² = 3.841, P = 0.5, d = 0.05, rounded
to the nearest respondent; a report given a population says which groups fall short.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pst_core.errors import InvalidTypeError, InvalidValueError
from pst_core.reports import ikm_report, minimum_sample
from tests.reports.responses import GOLDEN, row

# The Krejcie-Morgan table as printed (N: s). The formula, rounded to the nearest whole
# respondent, gives every entry; at N = 100,000 the printed table says 384 where the formula
# gives 382.63 (383), so that entry is left out.
KREJCIE_MORGAN = {
    10: 10, 15: 14, 20: 19, 25: 24, 30: 28, 40: 36, 50: 44, 60: 52, 70: 59, 80: 66, 90: 73,
    100: 80, 150: 108, 200: 132, 250: 152, 300: 169, 400: 196, 500: 217, 600: 234, 700: 248,
    800: 260, 900: 269, 1000: 278, 1500: 306, 2000: 322, 3000: 341, 5000: 357, 10000: 370,
    20000: 377, 50000: 381, 75000: 382, 1000000: 384,
}  # fmt: skip


@pytest.mark.golden
@pytest.mark.parametrize(("population", "sample"), KREJCIE_MORGAN.items())
def test_minimum_sample_matches_the_table(population: int, sample: int) -> None:
    assert minimum_sample(population) == sample


@pytest.mark.golden
def test_minimum_sample_by_hand() -> None:
    # N = 100: 3.841 x 100 x 0.25 / (0.0025 x 99 + 3.841 x 0.25) = 96.025 / 1.20775 = 79.51 -> 80.
    # N = 1000: 960.25 / 3.45775 = 277.71 -> 278.  N = 1: 0.96025 / 0.96025 = 1.
    assert (minimum_sample(100), minimum_sample(1000), minimum_sample(1)) == (80, 278, 1)


@pytest.mark.hostile
@pytest.mark.parametrize(
    ("population", "error"),
    [(0, InvalidValueError), (-5, InvalidValueError), (10.0, InvalidTypeError),
     (True, InvalidTypeError), ("100", InvalidTypeError)],
)  # fmt: skip
def test_a_population_is_a_whole_number_from_1(population: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        minimum_sample(population)  # type: ignore[arg-type]
    with pytest.raises(error):
        ikm_report(GOLDEN, population=population)  # type: ignore[arg-type]


@pytest.mark.property
@given(st.integers(min_value=1, max_value=10**7))
def test_minimum_sample_never_exceeds_the_population_or_385(population: int) -> None:
    assert 1 <= minimum_sample(population) <= min(population, 385)


@pytest.mark.property
@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_a_larger_population_never_needs_fewer_respondents(a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert minimum_sample(low) <= minimum_sample(high)


def test_population_says_when_the_sample_is_too_small() -> None:
    report = ikm_report(GOLDEN, population=10)
    assert report.groups[0].minimum_sample == 10
    assert report.groups[0].sample_sufficient is False
    assert report.short_groups == report.groups
    assert "fewer than the minimum sample 10 for a population of 10" in report.notes()[1]
    assert "kurang dari sampel minimum 10" in report.notes("id")[1]
    enough = ikm_report(GOLDEN, population=4)
    assert enough.groups[0].sample_sufficient is True
    assert enough.short_groups == ()
    assert enough.notes()[-1].startswith("sample large enough")
    assert ikm_report(GOLDEN).groups[0].sample_sufficient is None
    assert ikm_report(GOLDEN).groups[0].minimum_sample is None


def test_each_group_is_checked_against_the_population() -> None:
    rows = [row("444444444", unit="a")] * 4 + [row("333333333", unit="b")]
    report = ikm_report(rows, group_by=["unit"], population=4)
    assert [g.sample_sufficient for g in report.groups] == [True, False]
    assert [dict(g.key)["unit"] for g in report.short_groups] == ["b"]
    assert report.notes()[1].startswith("unit=b: 1 respondents, fewer than the minimum sample 4")
