"""Survey responses for the IKM tests: a golden survey worked out by hand, and strategies.

`examples/survey.csv` (16 made-up respondents, two periods, two units) is `SURVEY`.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

from pst_core.reports import ELEMENTS, ElementScore, IkmGroup

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


def group_of(n: int, grand_total: int) -> IkmGroup:
    """A group of n respondents whose nine element totals add up to grand_total."""
    base, extra = divmod(grand_total, 9)
    totals = [base + (1 if i < extra else 0) for i in range(9)]
    return IkmGroup(
        (), n, tuple(ElementScore(c, t, n) for c, t in zip(ELEMENTS, totals, strict=True))
    )


scores = st.tuples(*[st.integers(1, 4)] * 9)
respondents = st.builds(
    lambda unit, s: {"unit": unit, **dict(zip(ELEMENTS, s, strict=True))},
    st.sampled_from(["a", "b", "c"]),
    scores,
)
#: 1 to 40 respondents in units "a", "b" and "c".
surveys = st.lists(respondents, min_size=1, max_size=40)
