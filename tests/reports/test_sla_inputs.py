"""The SLA report's inputs: events tables (CSV, Parquet, DataFrames), JSON Lines, dask tables.

Every row that cannot be used is a `BadRow` naming its line and why; the rows of its
transaction go with it. ``invalid="raise"`` stops at the first (`BadRowsError`),
``"skip"`` lists them all. Instants need an offset; any offset gives the same report.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import attrs
import pandas as pd
import pytest

from pst_core.errors import (
    BadRowsError,
    InvalidTypeError,
    InvalidValueError,
    PstError,
)
from pst_core.reports import EVENT_COLUMNS, BadRow, read_events, sla_report
from pst_core.reports.common import fault_first
from pst_core.states import Event, replay
from tests.reports.ticket import NOW, golden_frame, ticket


def _bad(frame: pd.DataFrame, **kwargs: Any) -> list[tuple[int, str | None]]:
    report = sla_report(frame, now=NOW, workflows=[ticket()], invalid="skip", **kwargs)
    return [(row.line, row.transaction) for row in report.bad_rows]


@pytest.mark.hostile
@pytest.mark.parametrize(
    ("row", "column", "value", "reason"),
    [
        (1, "at", "2026-04-01 09:30", "offset"),  # no offset: never guessed
        (1, "at", "yesterday", "ISO 8601"),
        (1, "actor", "", "actor"),
        (1, "event", "", "event: empty"),
        (1, "event", "fly", "not allowed"),
        (0, "event", "reply", "'open'"),
        (1, "data", "[1, 2]", "JSON object"),
        (1, "data", '{"a": {"b": 1}}', "JSON (object|scalar)"),
        (1, "data", '{"a": NaN}', "finite"),
        (0, "transaction", "", "transaction"),
        (1, "workflow", "other", "one workflow"),
        (3, "at", "2026-04-14T09:00:00+07:00", "after now"),
    ],
)
@pytest.mark.parametrize("engine", ["columns", "objects"])
def test_bad_rows_are_named_with_their_line(
    row: int, column: str, value: str, reason: str, engine: Any
) -> None:
    frame = golden_frame().iloc[2:6].reset_index(drop=True)  # T2's four events
    frame.loc[row, column] = value
    with pytest.raises(BadRowsError, match=reason) as caught:
        sla_report(frame, now=NOW, workflows=[ticket()], engine=engine)
    assert caught.value.rows[0].line in (row + 1, 1)
    assert caught.value.rows[0].at_fault
    assert caught.value.source == "<events>"
    skipped = _bad(frame, engine=engine)
    assert skipped, "a bad row is never dropped silently"
    report = sla_report(frame, now=NOW, workflows=[ticket()], invalid="skip", engine=engine)
    assert "T2" not in set(report.table["transaction"])


@pytest.mark.hostile
def test_the_other_rows_of_a_bad_transaction_are_listed_as_skipped() -> None:
    frame = golden_frame()
    frame.loc[3, "at"] = "2026-04-01 09:30"  # T2's reply has no offset
    report = sla_report(frame, now=NOW, workflows=[ticket()], invalid="skip")
    assert [(row.line, row.at_fault) for row in report.bad_rows] == [
        (4, True), (3, False), (5, False), (6, False)
    ]  # fmt: skip
    assert str(report.bad_rows[1]) == "line 3 (T2): skipped: another row of this transaction is bad"
    assert set(report.table["transaction"]) == {"T1", "T3", "T4"}


def test_bad_rows_are_listed_at_fault_first() -> None:
    rows = [
        BadRow.skipped(2, "T", "another row of this transaction is bad"),
        BadRow(5, "T", "actor: empty"),
        BadRow(4, "U", "event: empty"),
    ]
    assert [row.line for row in fault_first(rows)] == [4, 5, 2]
    error = BadRowsError("events.csv", fault_first(rows))
    assert str(error).startswith("events.csv: line 4 (U): event: empty; pass invalid='skip'")
    assert error.value == rows[2]
    assert isinstance(error, PstError)
    assert isinstance(error, ValueError)
    assert str(BadRowsError("x", [])).startswith("x: no bad rows")


def test_a_csv_names_file_lines(tmp_path: Path) -> None:
    frame = golden_frame()
    frame.loc[3, "at"] = "2026-04-01T09:30"
    path = tmp_path / "events.csv"
    frame.to_csv(path, index=False)
    with pytest.raises(BadRowsError, match=r"events\.csv: line 5 \(T2\)") as caught:
        sla_report(path, now=NOW, workflows=[ticket()])
    assert caught.value.source == str(path)


def test_a_parquet_file_equals_the_table(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    path = tmp_path / "events.parquet"
    golden_frame().to_parquet(path)
    from_file = sla_report(path, now=NOW, workflows=[ticket()]).table
    pd.testing.assert_frame_equal(
        from_file, sla_report(golden_frame(), now=NOW, workflows=[ticket()]).table
    )
    bad = golden_frame()
    bad.loc[3, "actor"] = ""
    bad.to_parquet(path)
    with pytest.raises(BadRowsError, match=r"events\.parquet: line 4 \(T2\)"):
        sla_report(path, now=NOW, workflows=[ticket()])


def test_a_parquet_file_is_read_by_the_columns_the_report_uses(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    path = tmp_path / "events.parquet"
    wide = golden_frame().assign(notes="a long remark the report never reads", unit="Bengkulu")
    wide.to_parquet(path)
    read = read_events(path)
    assert "notes" not in read.columns
    assert read["unit"].tolist() == ["Bengkulu"] * len(wide)
    pd.testing.assert_frame_equal(
        sla_report(path, now=NOW, workflows=[ticket()]).table,
        sla_report(wide, now=NOW, workflows=[ticket()]).table,
    )


def _jsonl(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "transactions.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _saved(frame: pd.DataFrame) -> list[str]:
    lines = []
    for tx_id, rows in frame.groupby("transaction", sort=True):
        history = [
            Event(r.event, datetime.fromisoformat(r.at), r.actor, {}) for r in rows.itertuples()
        ]
        lines.append(json.dumps(replay(ticket(), history, id=str(tx_id)).to_data()))
    return lines


def test_jsonl_of_saved_transactions_equals_the_events_table(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, _saved(golden_frame()))
    from_jsonl = sla_report(path, now=NOW, workflows=[ticket()]).table
    from_table = sla_report(golden_frame(), now=NOW, workflows=[ticket()]).table
    columns = ["transaction", "clock", "cycle", "status", "started", "due", "elapsed"]
    pd.testing.assert_frame_equal(from_jsonl[columns], from_table[columns])


@pytest.mark.hostile
def test_jsonl_lines_that_are_not_transactions_are_bad_rows(tmp_path: Path) -> None:
    good = _saved(golden_frame())
    lines = [good[0], "", "[1, 2]", "{not json", json.dumps({"id": "X"}), good[1]]
    path = _jsonl(tmp_path, lines)
    with pytest.raises(BadRowsError, match=r"line 3: line: invalid value \[1, 2\]"):
        sla_report(path, now=NOW, workflows=[ticket()])
    report = sla_report(path, now=NOW, workflows=[ticket()], invalid="skip")
    assert [(row.line, row.transaction) for row in report.bad_rows] == [
        (3, None), (4, None), (5, None)
    ]  # fmt: skip
    assert "workflow: missing" in report.bad_rows[2].reason
    assert set(report.table["transaction"]) == {"T1", "T2"}


@pytest.mark.hostile
def test_a_jsonl_file_that_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_bytes(b"\xff\xfe")
    with pytest.raises(InvalidValueError, match="readable UTF-8 JSON Lines"):
        sla_report(path, now=NOW, workflows=[ticket()])


def test_an_unknown_workflow_says_how_to_pass_one() -> None:
    with pytest.raises(BadRowsError, match="pass workflows="):
        sla_report(golden_frame(), now=NOW)
    other = attrs.evolve(ticket(), name="other")
    with pytest.raises(BadRowsError, match="unknown 'ticket'; known: other"):
        sla_report(golden_frame(), now=NOW, workflows={"other": other})


@pytest.mark.hostile
@pytest.mark.parametrize(
    ("kwargs", "error", "field"),
    [
        ({"now": datetime(2026, 4, 13)}, InvalidValueError, "now"),
        ({"now": NOW, "invalid": "ignore"}, InvalidValueError, "invalid"),
        ({"now": NOW, "engine": "fast"}, InvalidValueError, "engine"),
        ({"now": NOW, "group_by": ("province",)}, InvalidValueError, "group_by[0]"),
        ({"now": NOW, "workflows": ["ticket"]}, InvalidTypeError, "workflows[0]"),
    ],
)
def test_arguments_are_checked(kwargs: dict[str, Any], error: type[Exception], field: str) -> None:
    with pytest.raises(error) as caught:
        sla_report(golden_frame(), **kwargs)
    assert getattr(caught.value, "field", None) == field


@pytest.mark.hostile
def test_read_events_checks_columns_and_files(tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError, match="missing: at"):
        read_events(golden_frame().drop(columns=["at"]))
    with pytest.raises(InvalidValueError, match=r"\.csv or \.parquet"):
        read_events(tmp_path / "events.xlsx")
    with pytest.raises(InvalidTypeError):
        read_events(42)
    with pytest.raises(InvalidValueError, match="an existing events file"):
        read_events(tmp_path / "missing.csv")


def test_reading_an_events_table_leaves_the_callers_frame_as_it_was() -> None:
    frame = golden_frame().drop(columns=["actor"])
    frame.loc[0, "data"] = None
    before = frame.copy()
    read_events(frame)
    sla_report(frame, now=NOW, workflows=[ticket()], invalid="skip")
    pd.testing.assert_frame_equal(frame, before)


def test_read_events_fills_optional_columns_and_numbers_lines(tmp_path: Path) -> None:
    frame = golden_frame().drop(columns=["actor", "data", "unit", "channel"])
    read = read_events(frame)
    assert list(read.columns) == [*EVENT_COLUMNS, "line"]
    assert set(read["actor"]) == set(read["data"]) == {""}
    assert list(read["line"]) == list(range(1, len(frame) + 1))
    path = tmp_path / "events.csv"
    golden_frame().to_csv(path, index=False)
    assert list(read_events(path)["line"])[:2] == [2, 3]  # the header is line 1


def test_times_are_utc_and_exact_whatever_the_input_offset() -> None:
    frame = golden_frame()
    frame["at"] = [
        datetime.fromisoformat(at).astimezone(timezone.utc).isoformat().replace("+00:00", "Z")
        for at in frame["at"]
    ]
    a = sla_report(frame, now=NOW, workflows=[ticket()]).table
    b = sla_report(golden_frame(), now=NOW, workflows=[ticket()]).table
    pd.testing.assert_frame_equal(a, b)
    frame["at"] = pd.to_datetime(frame["at"], utc=True)  # an aware datetime column works too
    c = sla_report(frame, now=NOW, workflows=[ticket()]).table
    pd.testing.assert_frame_equal(c, b)


@pytest.mark.hostile
def test_a_datetime_column_without_a_zone_is_bad() -> None:
    frame = golden_frame()
    frame["at"] = pd.to_datetime(frame["at"], utc=True).dt.tz_localize(None)
    with pytest.raises(BadRowsError, match="line 1 \\(T1\\): at:"):
        sla_report(frame, now=NOW, workflows=[ticket()])


def test_events_of_a_transaction_may_come_in_any_order() -> None:
    frame = golden_frame()
    shuffled = frame.iloc[::-1].reset_index(drop=True)
    pd.testing.assert_frame_equal(
        sla_report(shuffled, now=NOW, workflows=[ticket()]).table,
        sla_report(frame, now=NOW, workflows=[ticket()]).table,
    )


# A dask table ------------------------------------------------------------------------------


def _five_copies() -> pd.DataFrame:
    return pd.concat([golden_frame().assign(transaction=lambda f, k=k: f.transaction + f"-{k}")
                      for k in range(5)], ignore_index=True)  # fmt: skip


def test_dask_partitions_give_the_same_report() -> None:
    dd = pytest.importorskip("dask.dataframe")
    frame = _five_copies()
    single = sla_report(frame, now=NOW, workflows=[ticket()])
    spread = sla_report(dd.from_pandas(frame, npartitions=3), now=NOW, workflows=[ticket()])
    pd.testing.assert_frame_equal(spread.table, single.table)
    assert spread.group_by == single.group_by
    assert spread.workflows.keys() == single.workflows.keys()


@pytest.mark.hostile
def test_dask_bad_rows_name_the_source_lines() -> None:
    dd = pytest.importorskip("dask.dataframe")
    frame = _five_copies()
    frame.loc[10, "actor"] = ""  # T1-1's answer
    table = dd.from_pandas(frame, npartitions=3)
    with pytest.raises(BadRowsError, match=r"<dask events>: line 11 \(T1-1\): actor: empty"):
        sla_report(table, now=NOW, workflows=[ticket()])
    skipped = sla_report(table, now=NOW, workflows=[ticket()], invalid="skip", engine="objects")
    # Row 10 is T1-1's answer (the golden history has nine events): its opening, line 10, goes too.
    assert [(row.line, row.at_fault) for row in skipped.bad_rows] == [(11, True), (10, False)]
    assert "T1-1" not in set(skipped.table["transaction"])
    with pytest.raises(InvalidValueError, match="progress"):
        sla_report(table, now=NOW, workflows=[ticket()], progress=print)
    with pytest.raises(InvalidValueError, match="group_by"):
        sla_report(table, now=NOW, workflows=[ticket()], group_by=["province"])  # type: ignore[list-item]
