"""Both SLA engines refuse the same rows: ids, events and actors follow `Transaction`'s rules.

The objects engine builds a `Transaction`, whose id is non-blank text without control
characters or surrounding spaces and whose events' names and actors are one line of
non-blank text; the columns engine checks the same before replaying, so an id with
spaces inside passes both and an actor with a newline fails both, on the same line.
"""

from __future__ import annotations

from typing import Any

import pytest

from pst_core.errors import BadRowsError
from pst_core.reports import sla_report
from tests.reports.ticket import NOW, golden_frame, ticket

pd = pytest.importorskip("pandas")


def _both(frame: Any) -> list[Any]:
    return [
        sla_report(frame, now=NOW, workflows=[ticket()], invalid="skip", engine=engine)
        for engine in ("columns", "objects")
    ]


def test_ids_with_spaces_inside_are_ids_in_both_engines() -> None:
    frame = golden_frame()
    frame["transaction"] = frame["transaction"].str.replace("T", "BPS 17 / T")
    columns, objects = _both(frame)
    assert not columns.bad_rows
    assert not objects.bad_rows
    pd.testing.assert_frame_equal(columns.table, objects.table)
    assert "BPS 17 / T1" in set(columns.table["transaction"])


@pytest.mark.hostile
@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("actor", "off\nicer"),
        ("actor", "officer\r"),
        ("actor", "   "),
        ("actor", "a\x00b"),
        ("event", "re\nply"),
        ("transaction", " T2"),
        ("transaction", "T2 "),
        ("transaction", "T\n2"),
        ("transaction", "T\u00852"),
    ],
)
def test_both_engines_refuse_the_same_row(column: str, value: str) -> None:
    frame = golden_frame()
    rows = frame.index[frame["transaction"] == "T2"]
    frame.loc[rows[1] if column != "transaction" else rows, column] = value
    columns, objects = _both(frame)
    assert columns.bad_rows == objects.bad_rows
    assert columns.bad_rows[0].line == rows[1] + 1 or column == "transaction"
    assert columns.bad_rows[0].at_fault
    pd.testing.assert_frame_equal(columns.table, objects.table)
    assert "T2" not in set(columns.table["transaction"])
    with pytest.raises(BadRowsError):
        sla_report(frame, now=NOW, workflows=[ticket()])
