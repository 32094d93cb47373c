"""SLA compliance over many transactions: a hand-computed golden, bad rows, both engines equal,
JSON Lines and Dask inputs, summaries and outputs."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pst_core.calendar import WorkingCalendar, WorkingDays, WorkingHours, WorkingTime
from pst_core.errors import InvalidTypeError, InvalidValueError
from pst_core.reports.sla import BadRowsError, read_events, sla_report
from pst_core.states import Clock, State, Transition, Workflow
from tests.calendar.reference import ReferenceCalendar
from tests.strategies import transactions

WIB = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 4, 13, 9, 0, tzinfo=WIB)


def ticket() -> Workflow:
    """A small workflow of this test's own: two clocks, a pause, a cancel."""
    return Workflow(
        "ticket",
        states=(
            State("new", initial=True),
            State("waiting-user"),
            State("answered"),
            State("closed", terminal=True),
        ),
        transitions=(
            Transition("new", "reply", "waiting-user"),
            Transition("waiting-user", "respond", "new"),
            Transition("new", "answer", "answered"),
            Transition("new", "close", "closed"),
            Transition("waiting-user", "close", "closed"),
            Transition("answered", "close", "closed"),
        ),
        clocks=(
            Clock(
                "service",
                WorkingDays(3),
                starts_on=("open",),
                stops_on=("answered",),
                paused_in=("waiting-user",),
                cancels_on=("closed",),
            ),
            Clock(
                "first-touch",
                WorkingTime(60),
                starts_on=("open",),
                stops_on=("reply", "answer"),
                cancels_on=("closed",),
            ),
        ),
        calendar=WorkingCalendar.pst(),
    )


def _wib(text: str) -> str:
    return datetime.fromisoformat(text).replace(tzinfo=WIB).isoformat()


# (transaction, event, at in WIB); every actor is "officer" but the opening's.
GOLDEN_EVENTS = [
    # T1, opened Tue 17 March 14:00: the 3 working days skip Wed 18 (cuti bersama), Thu 19
    # (Nyepi), Fri 20 (cuti bersama), the weekend of Idul Fitri, Mon 23 and Tue 24 (cuti
    # bersama) and end on Fri 27 at 16:00. Budget: Tue 1.5 h + Wed 25 7.5 h + Thu 26 7.5 h
    # + Fri 27 8 h = 24.5 h. Answered Mon 30 at 10:00: elapsed 24.5 h + 2 h = 26.5 h,
    # breached by 2 h. First touch: due Tue 17 15:00, breached by 26.5 - 1 = 25.5 h.
    ("T1", "open", "2026-03-17T14:00"),
    ("T1", "answer", "2026-03-30T10:00"),
    # T2, opened Wed 1 April 09:00, replied 09:30 (service paused, first touch met after
    # 30 min), the user responds Mon 6 April 09:00 (Fri 3 is Good Friday) and it is answered
    # at 11:00. Service: elapsed 0.5 h + 2 h = 2.5 h of a budget of Wed 6.5 h + Thu 7.5 h +
    # Mon 7.5 h + Tue 7.5 h = 29 h (due Tue 7 at 15:30 had it never paused); met. Its due
    # instant is where the 26.5 h left would end from Mon 11:00: Mon 4.5 h, Tue 7.5 h,
    # Wed 7.5 h, then 7 h into Thu 9 April: 15:00. Paused: Wed 09:30-15:30 6 h, Thu 7.5 h
    # and Mon 08:00-09:00 1 h = 14.5 h of open time. First touch due 10:00 (met).
    ("T2", "open", "2026-04-01T09:00"),
    ("T2", "reply", "2026-04-01T09:30"),
    ("T2", "respond", "2026-04-06T09:00"),
    ("T2", "answer", "2026-04-06T11:00"),
    # T3, opened Fri 10 April 15:00, still open at now (Mon 13 April 09:00): service
    # running, elapsed Fri 1 h + Mon 1 h = 2 h of Fri 1 h + Mon, Tue, Wed 7.5 h = 23.5 h,
    # due Wed 15 April 15:30. First touch: due Fri 16:00, breached by 1 h.
    ("T3", "open", "2026-04-10T15:00"),
    # T4, opened Mon 13 April 08:00 and closed unanswered at 08:30: both clocks cancelled.
    ("T4", "open", "2026-04-13T08:00"),
    ("T4", "close", "2026-04-13T08:30"),
]

# transaction, clock -> status, due (WIB), elapsed hours, breached-by hours, paused hours
GOLDEN = {
    ("T1", "service"): ("breached", "2026-03-27T16:00", 26.5, 2.0, 0.0),
    ("T1", "first-touch"): ("breached", "2026-03-17T15:00", 26.5, 25.5, 0.0),
    ("T2", "service"): ("met", "2026-04-09T15:00", 2.5, 0.0, 14.5),
    ("T2", "first-touch"): ("met", "2026-04-01T10:00", 0.5, 0.0, 0.0),
    ("T3", "service"): ("running", "2026-04-15T15:30", 2.0, 0.0, 0.0),
    ("T3", "first-touch"): ("breached", "2026-04-10T16:00", 2.0, 1.0, 0.0),
    ("T4", "service"): ("cancelled", "2026-04-16T15:30", 0.5, 0.0, 0.0),
    ("T4", "first-touch"): ("cancelled", "2026-04-13T09:00", 0.5, 0.0, 0.0),
}


def golden_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "transaction": [t for t, _, _ in GOLDEN_EVENTS],
            "workflow": "ticket",
            "event": [e for _, e, _ in GOLDEN_EVENTS],
            "at": [_wib(at) for _, _, at in GOLDEN_EVENTS],
            "actor": ["user" if e == "open" else "officer" for _, e, _ in GOLDEN_EVENTS],
            "data": "",
            "unit": "BPS Provinsi Bengkulu",
            "channel": "online",
        }
    )


@pytest.mark.parametrize("engine", ["columns", "objects"])
def test_golden_events_table(engine: Any) -> None:
    report = sla_report(golden_frame(), now=NOW, workflows=[ticket()], engine=engine)
    table = report.table
    assert len(table) == len(GOLDEN)
    hour = timedelta(hours=1)
    for row in table.to_dict("records"):
        status, due, elapsed, breached_by, paused = GOLDEN[(row["transaction"], row["clock"])]
        assert row["status"] == status, row
        assert row["due"] == datetime.fromisoformat(due).replace(tzinfo=WIB), row
        assert row["elapsed"] / hour == elapsed, row
        assert row["breached_by"] / hour == breached_by, row
        assert row["paused"] / hour == paused, row
        assert row["cycle"] == 1
        assert row["unit"] == "BPS Provinsi Bengkulu"
    assert set(table["month"]) == {"2026-03", "2026-04"}


def test_golden_due_instants_match_the_naive_reference() -> None:
    """Every cycle that never paused is due where the day-by-day reference says."""
    reference = ReferenceCalendar(WorkingHours.pst())
    table = sla_report(golden_frame(), now=NOW, workflows=[ticket()]).table
    checked = 0
    for row in table[table["paused"] == timedelta(0)].to_dict("records"):
        start = row["started"].to_pydatetime()
        if row["clock"] == "service":
            expected = reference.add_working_days(start, 3)
        else:
            expected = reference.add_working_time(start, timedelta(minutes=60))
        assert row["due"].to_pydatetime() == expected
        checked += 1
    assert checked == 7


def test_golden_summary_and_breaches() -> None:
    report = sla_report(golden_frame(), now=NOW, workflows=[ticket()], group_by=("clock",))
    summary = report.summary().set_index("clock")
    assert summary.loc["service", "count"] == 4
    assert summary.loc["service", "met"] == 1
    assert summary.loc["service", "breached"] == 1
    assert summary.loc["service", "met_pct"] == 25.0
    assert summary.loc["first-touch", "breached_pct"] == 50.0
    assert summary.loc["first-touch", "median_elapsed"] == timedelta(hours=1.25)
    breaches = report.breaches()
    assert list(breaches["transaction"]) == ["T1", "T1", "T3"]
    # T1's service deadline passed over Nyepi, Idul Fitri and the cuti bersama days.
    explanation = breaches.loc[breaches["clock"] == "service", "explanation"].iloc[0]
    for day in ("2026-03-18", "2026-03-19", "2026-03-20", "2026-03-23", "2026-03-24"):
        assert day in explanation


def test_jsonl_of_saved_transactions_equals_the_events_table(tmp_path: Path) -> None:
    from pst_core.states import Event, replay

    frame = golden_frame()
    lines = []
    for tx_id, rows in frame.groupby("transaction", sort=True):
        history = [
            Event(r.event, datetime.fromisoformat(r.at), r.actor, {}) for r in rows.itertuples()
        ]
        lines.append(json.dumps(replay(ticket(), history, id=str(tx_id)).to_data()))
    path = tmp_path / "transactions.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    from_jsonl = sla_report(path, now=NOW, workflows=[ticket()]).table
    from_table = sla_report(frame, now=NOW, workflows=[ticket()]).table
    columns = ["transaction", "clock", "cycle", "status", "started", "due", "elapsed"]
    pd.testing.assert_frame_equal(from_jsonl[columns], from_table[columns])


def _bad(frame: pd.DataFrame, **kwargs: Any) -> list[tuple[int, str | None]]:
    report = sla_report(frame, now=NOW, workflows=[ticket()], invalid="skip", **kwargs)
    return [(row.line, row.transaction) for row in report.bad_rows]


@pytest.mark.parametrize(
    ("row", "column", "value", "reason"),
    [
        (1, "at", "2026-04-01 09:30", "offset"),  # no offset: never guessed
        (1, "at", "yesterday", "ISO 8601"),
        (1, "actor", "", "actor"),
        (1, "event", "fly", "not allowed"),
        (1, "data", "[1, 2]", "JSON object"),
        (1, "data", '{"a": {"b": 1}}', "JSON object"),
        (0, "transaction", "", "transaction"),
        (1, "workflow", "other", "one workflow"),
        (3, "at", "2026-04-14T09:00:00+07:00", "after now"),
    ],
)
def test_bad_rows_are_named_with_their_line(row: int, column: str, value: str, reason: str) -> None:
    frame = golden_frame().iloc[2:6].reset_index(drop=True)  # T2's four events
    frame.loc[row, column] = value
    with pytest.raises(BadRowsError, match=reason) as caught:
        sla_report(frame, now=NOW, workflows=[ticket()])
    assert caught.value.rows[0].line in (row + 1, 1)
    skipped = _bad(frame)
    assert skipped, "a bad row is never dropped silently"
    report = sla_report(frame, now=NOW, workflows=[ticket()], invalid="skip")
    assert "T2" not in set(report.table["transaction"])


def test_a_csv_names_file_lines(tmp_path: Path) -> None:
    frame = golden_frame()
    frame.loc[3, "at"] = "2026-04-01T09:30"
    path = tmp_path / "events.csv"
    frame.to_csv(path, index=False)
    with pytest.raises(BadRowsError, match=r"events\.csv: line 5 \(T2\)"):
        sla_report(path, now=NOW, workflows=[ticket()])


def test_an_unknown_workflow_says_how_to_pass_one() -> None:
    with pytest.raises(BadRowsError, match="pass workflows="):
        sla_report(golden_frame(), now=NOW)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"now": datetime(2026, 4, 13)}, InvalidValueError),
        ({"now": NOW, "invalid": "ignore"}, InvalidValueError),
        ({"now": NOW, "engine": "fast"}, InvalidValueError),
        ({"now": NOW, "group_by": ("province",)}, InvalidValueError),
        ({"now": NOW, "workflows": ["ticket"]}, InvalidTypeError),
    ],
)
def test_arguments_are_checked(kwargs: dict[str, Any], error: type[Exception]) -> None:
    with pytest.raises(error):
        sla_report(golden_frame(), **kwargs)


def test_read_events_checks_columns_and_files(tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError, match="missing: at"):
        read_events(golden_frame().drop(columns=["at"]))
    with pytest.raises(InvalidValueError, match=r"\.csv or \.parquet"):
        read_events(tmp_path / "events.xlsx")
    with pytest.raises(InvalidTypeError):
        read_events(42)
    with pytest.raises(InvalidValueError, match="readable"):
        read_events(tmp_path / "missing.csv")


def _frame_of(txs: list[Any]) -> pd.DataFrame:
    rows = []
    for number, tx in enumerate(txs):
        for event in tx.history:
            rows.append(
                {
                    "transaction": f"T{number:03d}",
                    "workflow": tx.workflow.name,
                    "event": event.name,
                    "at": event.at.isoformat(),
                    "actor": event.actor,
                    "data": json.dumps(dict(event.data)) if event.data else "",
                }
            )
    return pd.DataFrame(rows)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], max_examples=40)
@given(st.lists(transactions(), min_size=1, max_size=6), st.integers(0, 30 * 24 * 60))
def test_columns_engine_equals_the_transaction_path(txs: list[Any], later: int) -> None:
    frame = _frame_of(txs)
    now = max(tx.last_at for tx in txs) + timedelta(minutes=later)
    columns = sla_report(frame, now=now)
    objects = sla_report(frame, now=now, engine="objects")
    pd.testing.assert_frame_equal(columns.table, objects.table)
    assert columns.bad_rows == objects.bad_rows == ()


def test_dask_partitions_give_the_same_report() -> None:
    dd = pytest.importorskip("dask.dataframe")
    frame = pd.concat([golden_frame().assign(transaction=lambda f, k=k: f.transaction + f"-{k}")
                       for k in range(5)], ignore_index=True)  # fmt: skip
    single = sla_report(frame, now=NOW, workflows=[ticket()])
    from pst_core.reports.sla import sla_report_dask

    dask = sla_report_dask(dd.from_pandas(frame, npartitions=3), now=NOW, workflows=[ticket()])
    pd.testing.assert_frame_equal(dask.table, single.table)


@pytest.mark.parametrize("language", ["id", "en"])
def test_outputs_in_both_languages(language: Any) -> None:
    report = sla_report(golden_frame(), now=NOW, workflows=[ticket()])
    text = report.describe(language)
    markdown = report.to_markdown(language)
    page = report.to_html(language, charts=False)
    assert ("tepat waktu" if language == "id" else "met %") in text
    assert "2026-03-27" in markdown  # T1's service due date in the breaches table
    assert page.startswith("<!DOCTYPE html>")
    assert report.to_csv().splitlines()[0].startswith("month,clock,count")
    assert len(repr(report)) < 200


def test_html_charts_when_matplotlib_is_installed() -> None:
    pytest.importorskip("matplotlib")
    page = sla_report(golden_frame(), now=NOW, workflows=[ticket()]).to_html("en", charts=True)
    assert page.count("<svg") == 4  # two clocks: monthly compliance and elapsed vs budget


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


# The command line --------------------------------------------------------------------------------

EVENTS = Path(__file__).parent.parent.parent / "examples" / "events.csv"


def run_cli(*argv: str) -> tuple[int, str]:
    from pst_core import cli

    out = io.StringIO()
    status = cli.main(["report", "sla", *argv], out=out)
    return status, out.getvalue()


def test_cli_on_the_example_export() -> None:
    status, text = run_cli(str(EVENTS), "--now", "2026-05-01T07:00+07:00")
    assert status == 0
    assert text.startswith("Service-time compliance (SLA)")
    assert "2026-03  service" in text


def test_cli_groups_formats_and_languages(tmp_path: Path) -> None:
    now = ("--now", "2026-05-01T07:00+07:00")
    status, text = run_cli(str(EVENTS), *now, "--group-by", "month,clock", "--lang", "id")
    assert status == 0
    assert "tepat waktu %" in text
    status, text = run_cli(str(EVENTS), *now, "--group-by", "channel", "--format", "csv")
    assert text.splitlines()[0].startswith("channel,count,met,breached")
    target = tmp_path / "sla.html"
    status, text = run_cli(str(EVENTS), *now, "--format", "html", "--output", str(target))
    assert status == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_workflow_files_and_bad_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flow = tmp_path / "ticket.toml"
    ticket().dump(flow)
    frame = golden_frame()
    frame.loc[3, "at"] = "2026-04-01T09:30"
    events = tmp_path / "events.csv"
    frame.to_csv(events, index=False)
    now = ("--now", "2026-04-13T09:00+07:00")
    status, _ = run_cli(str(events), *now, "--workflow", str(flow))
    assert status == 1
    err = capsys.readouterr().err
    assert "line 5 (T2): at: '2026-04-01T09:30'" in err
    status, text = run_cli(str(events), *now, "--workflow", str(flow), "--invalid", "skip")
    assert status == 0
    assert "4 rows skipped" in text


def test_cli_refuses_an_instant_without_offset(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(str(EVENTS), "--now", "2026-05-01T07:00")[0] == 2
    assert "an ISO 8601 instant with its offset" in capsys.readouterr().err
