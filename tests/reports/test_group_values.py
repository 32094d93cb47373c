"""A group is its value as written: values of different types never merge, and a
missing value is never a group named "None".

``1``, ``1.0`` and ``True`` are equal in Python and would share one dictionary key;
the survey keeps them apart (three groups), and a group value that cannot name a
group (a list) is a bad cell. In the SLA report a unit or channel is text: a JSON
``null`` is refused with its transaction (saved event data holds no null), never the
text "None".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pst_core.errors import BadRowsError, SurveyDataError
from pst_core.reports import ikm_report, sla_report
from tests.reports.responses import row
from tests.reports.test_reader_line_breaks import _jsonl
from tests.reports.test_sla_inputs import _saved
from tests.reports.ticket import NOW, golden_frame, ticket


@pytest.mark.hostile
def test_one_one_point_zero_and_true_are_three_groups() -> None:
    rows = [row("444444444", g=1), row("333333333", g=1.0), row("222222222", g=True)]
    report = ikm_report(rows, group_by=["g"])
    assert sorted((type(g.key[0][1]).__name__, g.respondents) for g in report.groups) == [
        ("bool", 1),
        ("float", 1),
        ("int", 1),
    ]
    assert sorted(g.title() for g in report.groups) == ["g=1", "g=1.0", "g=True"]


@pytest.mark.hostile
@pytest.mark.parametrize("value", [None, float("nan"), "", " "])
def test_a_missing_group_value_is_a_bad_cell_never_a_group(value: object) -> None:
    with pytest.raises(SurveyDataError, match="missing value"):
        ikm_report([row("444444444", g=value)], group_by=["g"])
    report = ikm_report(
        [row("444444444", g=value), row("333333333", g="a")], group_by=["g"], invalid="skip"
    )
    assert [g.title() for g in report.groups] == ["g=a"]


@pytest.mark.hostile
@pytest.mark.parametrize("value", [[1], {"a": 1}, {1}])
def test_an_unhashable_group_value_is_a_bad_cell(value: object) -> None:
    with pytest.raises(SurveyDataError, match="one group value") as caught:
        ikm_report([row("444444444", g=value)], group_by=["g"])
    assert "satu nilai kelompok" in caught.value.problems[0].describe("id")
    report = ikm_report([row("444444444", g=value)], group_by=["g"], invalid="skip")
    assert report.groups == ()
    assert report.skipped_rows == 1


@pytest.mark.hostile
def test_a_null_unit_in_json_lines_is_refused_never_a_group_named_none(tmp_path: Path) -> None:
    lines = _saved(golden_frame())
    data = json.loads(lines[0])
    data["history"][0]["data"] = {"unit": None, "channel": None}
    lines[0] = json.dumps(data)
    path = _jsonl(tmp_path, lines)
    with pytest.raises(BadRowsError, match=r"data\['unit'\]"):
        sla_report(path, now=NOW, workflows=[ticket()])
    report = sla_report(path, now=NOW, workflows=[ticket()], invalid="skip")
    assert "T1" not in set(report.table["transaction"])
    assert "None" not in set(report.summary(["unit"])["unit"])
