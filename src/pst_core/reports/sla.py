"""SLA compliance over many transactions: which clocks met the standard's times, and by how much.

Input is what a PST app's database exports: either saved transactions (JSON
Lines, one transaction per line, in the format of `Transaction.dumps`) or an
events table (CSV, Parquet or a pandas DataFrame) with the columns
``transaction``, ``workflow``, ``event``, ``at`` (ISO 8601 with offset),
``actor`` and ``data`` (a JSON object, may be empty), and optionally ``unit``
and ``channel``. Each transaction's events are replayed through its workflow
and every clock is read at ``now``.

Rows that cannot be used are never dropped silently: each becomes a `BadRow`
naming its line and the reason, and the ``bad_rows`` policy says whether the
first one stops the report (``"raise"``, the default) or they are skipped,
counted and listed (``"skip"``).

Two engines give the same answers: ``"objects"`` builds a `Transaction` per
row group and reads its clocks (the reference), ``"columns"`` (the default)
folds each history once in plain Python and measures every clock interval at
once over the calendar's yearly index with numpy: one national year (a million
transactions) in well under a minute on one core (see ``benchmarks/reports.py``).

Examples:
    >>> from datetime import datetime, timezone
    >>> import pandas as pd
    >>> events = pd.DataFrame({
    ...     "transaction": ["V-1"], "workflow": ["visit"], "event": ["open"],
    ...     "at": ["2026-03-16 09:00"], "actor": ["guest"], "data": [""]})
    >>> sla_report(events, now=datetime(2026, 3, 16, 3, tzinfo=timezone.utc))
    Traceback (most recent call last):
    ...
    pst_core.reports.sla.BadRowsError: <events>: line 1 (V-1): at: '2026-03-16 09:00' is not ...
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, Literal

import attrs

from pst_core._display import html_section, html_text
from pst_core._optional import available
from pst_core._validation import require_aware
from pst_core.errors import InvalidTypeError, InvalidValueError, PstError, UnknownNameError
from pst_core.reports._columns import Plan, clock_triggers, measure_clock, plan, replay_states
from pst_core.reports._events import (
    EVENT_COLUMNS,
    BadRow,
    EventTable,
    event_data,
    instant,
    micros,
    pandas,
    read_events,
    table_from_frame,
    table_from_jsonl,
)
from pst_core.reports._messages import Language, number, text
from pst_core.reports._render import Table, html_page, html_table, markdown_table, plain_table
from pst_core.reports.ikm import InvalidPolicy

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from pst_core.calendar import Skipped
    from pst_core.states.workflow import Workflow

__all__ = [
    "EVENT_COLUMNS",
    "GROUPS",
    "BadRow",
    "BadRowsError",
    "Engine",
    "Group",
    "SlaReport",
    "read_events",
    "sla_report",
    "sla_report_dask",
]

Group = Literal["month", "unit", "workflow", "clock", "channel"]
"""What a summary can be grouped by (``month`` is the local month the clock started in)."""

GROUPS: tuple[Group, ...] = ("month", "unit", "workflow", "clock", "channel")

Engine = Literal["columns", "objects"]
"""``"columns"``: the vectorised engine; ``"objects"``: a `Transaction` per history (reference)."""

TABLE_COLUMNS: tuple[str, ...] = (
    "transaction",
    "workflow",
    "unit",
    "channel",
    "month",
    "clock",
    "goal",
    "cycle",
    "state",
    "started",
    "due",
    "status",
    "elapsed",
    "budget",
    "breached_by",
    "paused",
)


class BadRowsError(PstError, ValueError):
    """Rows of a report's input that cannot be used (with ``invalid="raise"``).

    Attributes:
        rows: The bad rows found (the first one stops the report).
    """

    def __init__(self, source: str, rows: Sequence[BadRow]) -> None:
        self.rows = _fault_first(rows)
        first = self.rows[0]
        super().__init__(
            f"{source}: {first}; pass invalid='skip' to list and skip such rows", value=first
        )


def _fault_first(rows: Iterable[BadRow]) -> tuple[BadRow, ...]:
    """The rows at fault, by line, then the rows skipped along with them."""
    return tuple(sorted(rows, key=lambda r: (r.reason.startswith("skipped:"), r.line)))


# --- the reference engine: a Transaction per history -------------------------------------------


def _replay(workflow: Workflow, table: EventTable, start: int, end: int) -> Any:
    """Transaction ``start:end`` of ``table`` as a `Transaction`, or the row at fault and why."""
    from pst_core.states import Event, Transaction

    events = []
    for index in range(start, end):
        try:
            data = event_data(table.datas[index])
            events.append(
                Event(table.names[index], instant(int(table.ats[index])), table.actors[index], data)
            )
        except (ValueError, PstError) as err:
            return index, f"data: {table.datas[index][:60]!r}: {err}"
    try:
        tx = Transaction.from_opening(workflow, events[0], id=str(table.ids[start]))
    except PstError as err:
        return start, str(err)
    for index, event in zip(range(start + 1, end), events[1:], strict=True):
        try:
            tx = tx.apply(event)
        except PstError as err:
            return index, str(err)
    return tx


def _objects(workflow: Workflow, tx: Any, row: int, now: datetime, out: _Rows) -> None:
    """Every cycle of every clock of ``tx``, read with the states package itself."""
    import numpy as np

    out.state[row] = tx.state
    calendar = workflow.calendar
    readings = tx.clock_cycles(now)
    for index, clock in enumerate(workflow.clocks):
        cycles = readings[clock.name]
        if not cycles:
            out.add(clock, index, calendar, {"never": np.asarray([row])})
            continue
        columns: dict[str, list[Any]] = {key: [] for key in _MEASURES}
        for status in cycles:
            assert status.started is not None
            assert status.due is not None
            assert status.budget is not None
            end = status.stopped or status.cancelled or now
            columns["row"].append(row)
            columns["cycle"].append(status.cycle)
            columns["started"].append(micros(status.started))
            columns["due"].append(micros(status.due))
            columns["budget"].append(status.budget // _US)
            columns["elapsed"].append(status.elapsed // _US)
            columns["breached_by"].append(status.breached_by // _US)
            whole = (
                calendar.working_time_between(status.started, end)
                if clock.counts_open_time
                else end - status.started
            )
            columns["paused"].append((whole - status.elapsed) // _US)
            columns["status"].append(status.status)
        out.add(
            clock,
            index,
            calendar,
            {
                key: np.asarray(value, dtype=object if key == "status" else np.int64)
                for key, value in columns.items()
            },
        )


_US = timedelta(microseconds=1)
_MEASURES = (
    "row",
    "cycle",
    "started",
    "due",
    "budget",
    "elapsed",
    "breached_by",
    "paused",
    "status",
)


# --- the report ----------------------------------------------------------------------------


class _Resolver:
    """Workflows by name: the caller's, else the built-ins (each built once)."""

    def __init__(self, workflows: Mapping[str, Workflow] | Iterable[Workflow] | None) -> None:
        from pst_core.states.workflow import Workflow

        if workflows is None:
            given: dict[str, Workflow] = {}
        elif isinstance(workflows, Mapping):
            given = dict(workflows)
        else:
            given = {}
            for workflow in workflows:
                if not isinstance(workflow, Workflow):
                    raise InvalidTypeError("workflows", workflow, "Workflow objects")
                given[workflow.name] = workflow
        self.given = given
        self.use_builtins = workflows is None
        self.cache: dict[str, Workflow | str] = {}
        self.plans: dict[str, Plan] = {}

    def plan(self, workflow: Workflow) -> Plan:
        """The workflow's table as plain lookups, built once per report."""
        if workflow.name not in self.plans:
            self.plans[workflow.name] = plan(workflow)
        return self.plans[workflow.name]

    def transaction(self, data: dict[str, Any], file: str) -> Any:
        """A saved transaction (one JSON Lines line), its workflow found by name."""
        from pst_core.states.transaction import Transaction

        name = data.get("workflow")
        found = self(name) if isinstance(name, str) else "workflow: missing; allowed: a name"
        if isinstance(found, str):
            raise InvalidValueError("workflow", name, found)
        return Transaction.from_data(data, workflows=found, file=file)

    def __call__(self, name: str) -> Workflow | str:
        """The workflow, or why there is none."""
        if name not in self.cache:
            self.cache[name] = self._find(name)
        return self.cache[name]

    def _find(self, name: str) -> Workflow | str:
        if name in self.given:
            return self.given[name]
        if not self.use_builtins:
            known = ", ".join(sorted(self.given)) or "none"
            return f"workflow: unknown {name!r}; known: {known}"
        from pst_core.states.workflows import builtin

        try:
            return builtin(name)
        except UnknownNameError as err:
            return f"workflow: {err}; pass workflows=... for a workflow of your own"


def _month(values: Any, zone: str) -> Any:
    """``YYYY-MM`` of each instant in ``zone`` (formatted once per distinct month)."""
    import numpy as np

    pd = pandas()
    local = pd.to_datetime(values, unit="us", utc=True).tz_convert(zone)
    keys = np.asarray(local.year * 100 + local.month)
    distinct, inverse = np.unique(keys, return_inverse=True)
    names = np.asarray([f"{k // 100:04d}-{k % 100:02d}" for k in distinct.tolist()], dtype=object)
    return names[inverse]


def sla_report(
    source: object,
    *,
    now: datetime,
    workflows: Mapping[str, Workflow] | Iterable[Workflow] | None = None,
    group_by: Sequence[Group] = ("month", "clock"),
    invalid: InvalidPolicy = "raise",
    engine: Engine = "columns",
    progress: Callable[[int, int], None] | None = None,
) -> SlaReport:
    """Every clock cycle of every transaction in ``source``, read at ``now``.

    Args:
        source: An events table (a DataFrame, or a ``.csv``/``.parquet`` file;
            see `read_events`) or a ``.jsonl`` file of saved transactions.
        now: The instant the clocks are read at (timezone-aware); a transaction
            with an event after it is a bad row.
        workflows: The workflows by name (or a list of them); ``None`` uses the
            built-in ones (`pst_core.states.workflows.builtin`).
        group_by: How the summary and the outputs group (see `GROUPS`).
        invalid: ``"raise"`` (stop at the first bad row) or ``"skip"`` (list
            and count them in ``bad_rows``).
        engine: ``"columns"`` (fast) or ``"objects"`` (the reference).
        progress: Called as ``progress(done, total)`` transactions while the
            histories are replayed (a progress bar for long runs), or ``None``.

    Raises:
        BadRowsError: a row cannot be used and ``invalid`` is ``"raise"``.
    """
    import numpy as np

    require_aware(now, "now")
    if invalid not in ("raise", "skip"):
        raise InvalidValueError("invalid", invalid, ("raise", "skip"))
    for group in group_by:
        if group not in GROUPS:
            raise InvalidValueError("group_by", group, GROUPS)
    if engine not in ("columns", "objects"):
        raise InvalidValueError("engine", engine, ("columns", "objects"))
    resolve = _Resolver(workflows)
    bad: list[BadRow] = []
    if isinstance(source, (str, PurePath)) and Path(source).suffix.lower() == ".jsonl":
        table = table_from_jsonl(Path(source), resolve.transaction, bad)
        name = str(source)
    else:
        table = table_from_frame(read_events(source), bad)
        name = str(source) if isinstance(source, (str, PurePath)) else "<events>"
    now_us = micros(now)
    plans = _plans(table, resolve, now, bad)
    rows = _Rows()
    if engine == "columns":
        states, done, deferred = replay_states(table, plans, bad, progress)
    else:
        states = [None] * len(table.ids)
        done = np.zeros(table.size, dtype=bool)
        deferred = np.asarray([p is not None for p in plans], dtype=bool)
    for group in np.flatnonzero(deferred).tolist():
        p = plans[group]
        assert p is not None
        start, end = int(table.starts[group]), int(table.ends[group])
        replayed = _replay(p.workflow, table, start, end)
        if isinstance(replayed, tuple):
            index, reason = replayed
            bad.append(BadRow(int(table.lines[index]), str(table.ids[start]), reason))
            continue
        _objects(p.workflow, replayed, group, now, rows)
    if bad and invalid == "raise":
        raise BadRowsError(name, bad)
    _columns(table, plans, states, done, now=now_us, rows=rows)
    return SlaReport(
        now=now,
        table=rows.frame(table),
        bad_rows=_fault_first(bad),
        group_by=tuple(group_by),
        workflows={name: p.workflow for name, p in resolve.plans.items()},
    )


def _plans(
    table: EventTable, resolve: _Resolver, now: datetime, bad: list[BadRow]
) -> list[Plan | None]:
    """Each transaction's workflow plan, or ``None`` (with a bad row) when it has none."""
    import numpy as np

    pd = pandas()
    first = table.starts
    last = table.ends - 1
    codes, names = pd.factorize(table.workflows[first])
    found = [resolve(str(name)) for name in names]
    by_code: list[Plan | None] = [None if isinstance(f, str) else resolve.plan(f) for f in found]
    late = table.ats[last] > micros(now)
    plans = [by_code[code] for code in codes.tolist()]
    for group in np.flatnonzero(
        late | np.isin(codes, [i for i, p in enumerate(by_code) if p is None])
    ).tolist():
        reason = found[codes[group]]
        if isinstance(reason, str):
            bad.append(BadRow(int(table.lines[first[group]]), str(table.ids[first[group]]), reason))
        else:
            bad.append(
                BadRow(
                    int(table.lines[last[group]]),
                    str(table.ids[first[group]]),
                    f"at: {instant(int(table.ats[last[group]])).isoformat()} is after now "
                    f"({now.isoformat()}); clocks are read at or after the last event",
                )
            )
        plans[group] = None
    return plans


def _columns(
    table: EventTable,
    plans: list[Plan | None],
    states: list[str | None],
    done: Any,
    *,
    now: int,
    rows: _Rows,
) -> None:
    """The columns engine over every transaction it replayed, one workflow and clock at a time."""
    import numpy as np

    if not done.any():
        return
    pd = pandas()
    # Names and states as integer codes: the clocks' trigger tests are integer lookups.
    name_codes, name_list = pd.factorize(table.names)
    state_codes, state_list = pd.factorize(np.asarray(states, dtype=object))
    codes = (
        {name: code for code, name in enumerate(name_list.tolist())},
        {state: code for code, state in enumerate(state_list.tolist())},
    )
    by_workflow: dict[str, list[int]] = {}
    for group in np.flatnonzero(done).tolist():
        p = plans[group]
        assert p is not None
        by_workflow.setdefault(p.workflow.name, []).append(group)
        rows.state[group] = states[int(table.ends[group]) - 1]
    for groups in by_workflow.values():
        workflow = plans[groups[0]].workflow  # type: ignore[union-attr]
        chosen = np.asarray(groups, dtype=np.int64)
        lengths = table.ends[chosen] - table.starts[chosen]
        ends = np.cumsum(lengths)
        starts = ends - lengths
        events = np.arange(int(ends[-1])) + np.repeat(table.starts[chosen] - starts, lengths)
        names = name_codes[events]
        visited = state_codes[events]
        ats = table.ats[events]
        for index, clock in enumerate(workflow.clocks):
            triggers = clock_triggers(clock, names, visited, codes)
            measured = measure_clock(
                clock,
                workflow.calendar,
                groups=chosen,
                starts=starts,
                ends=ends,
                ats=ats,
                triggers=triggers,
                now=now,
            )
            rows.add(clock, index, workflow.calendar, measured)


class _Rows:
    """The report's rows as columns, filled by either engine."""

    def __init__(self) -> None:
        self.state: dict[int, str | None] = {}
        self.parts: list[dict[str, Any]] = []

    def add(self, clock: Any, index: int, calendar: Any, measured: dict[str, Any]) -> None:
        """Cycles of ``clock`` (the workflow's ``index``-th) and the rows where it never started."""
        import numpy as np

        never = measured.get("never")
        cycles = {key: value for key, value in measured.items() if key != "never"}
        parts = []
        if cycles and len(cycles["row"]):
            parts.append(cycles)
        if never is not None and len(never):
            n = len(never)
            parts.append(
                {
                    "row": never,
                    "cycle": np.zeros(n, dtype=np.int64),
                    "status": np.full(n, "not started", dtype=object),
                    **{
                        key: np.full(n, -1, dtype=np.int64)
                        for key in ("started", "due", "budget", "elapsed", "breached_by", "paused")
                    },
                }
            )
        for part in parts:
            n = len(part["row"])
            part["clock"] = np.full(n, clock.name, dtype=object)
            part["order"] = np.full(n, index, dtype=np.int64)
            part["goal"] = np.full(n, str(clock.goal), dtype=object)
            part["zone"] = np.full(n, calendar.timezone.key, dtype=object)
            self.parts.append(part)

    def frame(self, table: EventTable) -> pd.DataFrame:
        """The tidy table, sorted by transaction, clock and cycle."""
        import numpy as np

        pd = pandas()
        if not self.parts:
            return pd.DataFrame({column: [] for column in TABLE_COLUMNS})
        keys = (*_MEASURES, "clock", "order", "goal", "zone")
        columns = {key: np.concatenate([part[key] for part in self.parts]) for key in keys}
        # Transactions are numbered in id order already: sort by number, clock, cycle.
        order = np.lexsort((columns["cycle"], columns["order"], columns["row"]))
        columns = {key: value[order] for key, value in columns.items()}
        groups = columns["row"]
        first = table.starts[groups]
        never = columns["cycle"] == 0
        month = np.full(len(groups), "", dtype=object)
        for zone in np.unique(columns["zone"]).tolist():
            where = (columns["zone"] == zone) & ~never
            if where.any():
                month[where] = _month(columns["started"][where], zone)

        def instants(values: Any) -> Any:
            return pd.Series(pd.to_datetime(np.where(never, 0, values), unit="us", utc=True)).where(
                ~never
            )

        def spans(values: Any) -> Any:
            return pd.Series(pd.to_timedelta(np.where(never, 0, values), unit="us")).where(~never)

        return pd.DataFrame(
            {
                "transaction": table.ids[first],
                "workflow": table.workflows[first],
                "unit": table.units[first],
                "channel": table.channels[first],
                "month": month,
                "clock": columns["clock"],
                "goal": columns["goal"],
                "cycle": columns["cycle"],
                "state": np.asarray([self.state[g] for g in groups.tolist()], dtype=object),
                "started": instants(columns["started"]),
                "due": instants(columns["due"]),
                "status": columns["status"],
                "elapsed": spans(columns["elapsed"]),
                "budget": spans(columns["budget"]),
                "breached_by": spans(columns["breached_by"]),
                "paused": spans(columns["paused"]),
            }
        )


_MINUTE = timedelta(minutes=1)


@attrs.frozen
class SlaReport:
    """Every clock cycle of many transactions at one instant, and what adds them up.

    Attributes:
        now: The instant the clocks were read at.
        table: One row per transaction, clock and cycle (a clock that never
            started has one row, cycle 0, status ``"not started"``): transaction,
            workflow, unit, channel, month (local month the cycle started),
            clock, goal, cycle, state (the transaction's), started, due (UTC),
            status (running, paused, met, breached, cancelled, not started),
            elapsed, budget, breached_by and paused (counted time, as Timedelta).
        bad_rows: Rows that were skipped, with their line and reason.
        group_by: How `summary` and the text, Markdown, CSV and HTML outputs group.
        workflows: The workflows the transactions followed, by name.
    """

    now: datetime
    table: Any = attrs.field(eq=False, repr=False)
    bad_rows: tuple[BadRow, ...] = ()
    group_by: tuple[Group, ...] = ("month", "clock")
    workflows: Mapping[str, Workflow] = attrs.field(factory=dict, eq=False, repr=False)

    def __repr__(self) -> str:
        return (
            f"SlaReport(now={self.now.isoformat()}, cycles={len(self.table)}, "
            f"bad_rows={len(self.bad_rows)}, group_by={self.group_by!r})"
        )

    def to_frame(self) -> pd.DataFrame:
        """The tidy table (a copy): one row per transaction, clock and cycle."""
        return self.table.copy()

    def summary(self, group_by: Sequence[Group] | None = None) -> pd.DataFrame:
        """Cycles grouped by ``group_by`` (default: the report's): counts, shares, elapsed time.

        Columns: the groups, ``count`` (cycles that started), ``met``, ``breached``,
        ``running`` (running or paused), ``cancelled``, ``met_pct`` and
        ``breached_pct`` (of ``count``, one decimal), and ``median_elapsed`` and
        ``p90_elapsed`` (counted time, to the second).
        """
        pd = pandas()
        groups = list(self.group_by if group_by is None else group_by)
        for group in groups:
            if group not in GROUPS:
                raise InvalidValueError("group_by", group, GROUPS)
        started = self.table[self.table["status"] != "not started"]
        status = started["status"]
        frame = started.assign(
            met=status == "met",
            breached=status == "breached",
            running=status.isin(("running", "paused")),
            cancelled=status == "cancelled",
            seconds=started["elapsed"].dt.total_seconds(),
            all="all",
        )
        keys: list[str] = list(groups) or ["all"]
        out = (
            frame.groupby(keys, sort=True, dropna=False)
            .agg(
                count=("status", "size"),
                met=("met", "sum"),
                breached=("breached", "sum"),
                running=("running", "sum"),
                cancelled=("cancelled", "sum"),
                median_seconds=("seconds", "median"),
                p90_seconds=("seconds", lambda m: m.quantile(0.9)),
            )
            .reset_index()
        )
        if not groups:
            out = out.drop(columns=["all"])
        count = out["count"].where(out["count"] > 0)
        out["met_pct"] = (100 * out["met"] / count).round(1)
        out["breached_pct"] = (100 * out["breached"] / count).round(1)
        for name in ("median", "p90"):
            seconds = out.pop(f"{name}_seconds")
            out[f"{name}_elapsed"] = pd.to_timedelta(seconds, unit="s").dt.round("s")
        return out

    def breaches(self, language: Language = "en") -> pd.DataFrame:
        """The breached cycles, each with the non-working days between its start and due.

        The ``explanation`` column lists the days the deadline passed over (from
        `WorkingCalendar.deadline`, each with its reason in ``language``), so a
        reader sees why the due instant fell where it did.
        """
        rows = self.table[self.table["status"] == "breached"].reset_index(drop=True)
        explanations = []
        for name, clock_name, started in zip(
            rows["workflow"], rows["clock"], rows["started"], strict=True
        ):
            workflow = self.workflows[name]
            clock = next(c for c in workflow.clocks if c.name == clock_name)
            deadline = workflow.calendar.deadline(started.to_pydatetime(), clock.goal)
            explanations.append(
                "; ".join(f"{s.day.isoformat()} {_why(s, language)}" for s in deadline.skipped)
            )
        return rows.assign(explanation=explanations)

    def _summary_table(self, language: Language) -> Table:
        summary = self.summary()
        groups = list(self.group_by)
        columns = [*groups, "count", "met_pct", "breached_pct", "running", "cancelled"]
        columns += ["median_elapsed", "p90_elapsed"]
        headers = [text(f"reports.sla.column.{c}", language) for c in columns]
        rows = [[_cell(row[c], language) for c in columns] for row in summary.to_dict("records")]
        return headers, rows, set(range(len(groups), len(columns)))

    def _breach_table(self, language: Language, limit: int = 50) -> Table:
        breaches = self.breaches(language).head(limit)
        columns = ["transaction", "clock", "started", "due", "breached_by", "explanation"]
        headers = [text(f"reports.sla.column.{c}", language) for c in columns]
        rows = [[_cell(row[c], language) for c in columns] for row in breaches.to_dict("records")]
        return headers, rows, {4}

    def _notes(self, language: Language) -> list[str]:
        notes = [text("reports.sla.read_at", language, now=self.now.isoformat())]
        if self.bad_rows:
            notes.append(text("reports.sla.skipped", language, count=len(self.bad_rows)))
        return notes

    def describe(self, language: Language = "en") -> str:
        """The summary as aligned plain text (what ``pst-core report sla`` prints)."""
        parts = [
            text("reports.sla.title", language),
            "",
            plain_table(self._summary_table(language)),
        ]
        parts += ["", *(f"- {note}" for note in self._notes(language))]
        return "\n".join(parts) + "\n"

    def to_csv(self) -> str:
        """The summary as CSV text (elapsed times in seconds)."""
        summary = self.summary()
        for name in ("median_elapsed", "p90_elapsed"):
            summary[name] = summary[name].dt.total_seconds()
        return str(summary.to_csv(index=False, lineterminator="\n"))

    def to_markdown(self, language: Language = "en") -> str:
        """A Markdown report: the summary, the first breaches with their explanation, notes."""
        parts = [f"# {text('reports.sla.title', language)}", ""]
        parts += [markdown_table(self._summary_table(language)), ""]
        parts += [f"## {text('reports.sla.breaches', language)}", ""]
        breaches = self._breach_table(language)
        parts.append(
            markdown_table(breaches) if breaches[1] else text("reports.sla.no_breaches", language)
        )
        parts += ["", *(f"- {note}" for note in self._notes(language))]
        return "\n".join(parts) + "\n"

    def to_html(self, language: Language = "en", *, charts: bool | None = None) -> str:
        """A self-contained HTML page: summary, charts (``plot`` extra), breaches, notes.

        The charts are the monthly compliance of each clock and the distribution
        of elapsed time against each clock's budget. ``charts=None`` draws them
        when matplotlib is installed and otherwise says how to install it.
        """
        draw = available("matplotlib") if charts is None else charts
        notes = self._notes(language)
        if charts is None and not draw:
            notes.append(text("reports.sla.charts_missing", language))
        title = text("reports.sla.title", language)
        parts = [f"<h1>{html.escape(title)}</h1>", html_table(self._summary_table(language))]
        if draw:
            from pst_core.reports.charts import sla_charts

            parts += [f"<figure>{svg}</figure>" for svg in sla_charts(self, language)]
        parts.append(f"<h2>{html.escape(text('reports.sla.breaches', language))}</h2>")
        breaches = self._breach_table(language)
        parts.append(
            html_table(breaches)
            if breaches[1]
            else f"<p>{html.escape(text('reports.sla.no_breaches', language))}</p>"
        )
        items = "".join(f"<li>{html.escape(note, quote=False)}</li>" for note in notes)
        parts.append(f"<ul>{items}</ul>")
        return html_page(title, "\n".join(parts), language)

    def _repr_html_(self) -> str:
        """The summary table and the notes, in English (`to_html` makes a whole page)."""
        title = text("reports.sla.title", "en")
        return html_section(
            title, html_table(self._summary_table("en")), html_text(self._notes("en"))
        )


def _cell(value: object, language: Language) -> str:
    pd = pandas()
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timedelta):
        minutes = int(value.total_seconds() // 60)
        return text(
            "reports.sla.hours", language, hours=minutes // 60, minutes=f"{minutes % 60:02d}"
        )
    if isinstance(value, pd.Timestamp):
        return str(value.strftime("%Y-%m-%d %H:%M UTC"))
    if isinstance(value, float):
        return number(Decimal(str(value)), language)
    return str(value)


def sla_report_dask(
    events: Any,
    *,
    now: datetime,
    workflows: Mapping[str, Workflow] | Iterable[Workflow] | None = None,
    group_by: Sequence[Group] = ("month", "clock"),
    invalid: InvalidPolicy = "raise",
) -> SlaReport:
    """`sla_report` over a ``dask.dataframe`` events table, one partition per worker task.

    The table is shuffled so that every transaction's rows share a partition,
    each partition is reported by the columns engine (on whichever scheduler is
    active: threads, processes or a ``distributed`` cluster), and the parts are
    joined in transaction order: the result equals `sla_report` on the same rows.
    A row's ``line`` in bad rows is its index label plus one.

    Raises:
        MissingDependencyError: dask is not installed (``pip install "pst-core[dask]"``).
        BadRowsError: a row cannot be used and ``invalid`` is ``"raise"``.
    """
    from pst_core._optional import require

    require("dask", "a report on a dask DataFrame")
    from dask.base import compute
    from dask.delayed import delayed

    require_aware(now, "now")
    frame = events.map_partitions(_with_line)
    shuffled = frame.shuffle(on="transaction")
    parts = [delayed(_dask_part)(part, now, workflows) for part in shuffled.to_delayed()]
    reports = compute(*parts)  # type: ignore[no-untyped-call]
    bad = _fault_first(row for r in reports for row in r.bad_rows)
    if bad and invalid == "raise":
        raise BadRowsError("<dask events>", bad)
    pd = pandas()
    tables = [r.table for r in reports if len(r.table)]
    table = (
        pd.concat(tables, ignore_index=True).sort_values("transaction", kind="stable")
        if tables
        else reports[0].table
    )
    workflows_used: dict[str, Workflow] = {}
    for report in reports:
        workflows_used.update(report.workflows)
    return SlaReport(
        now=now,
        table=table.reset_index(drop=True),
        bad_rows=tuple(bad),
        group_by=tuple(group_by),
        workflows=workflows_used,
    )


def _with_line(frame: Any) -> Any:
    return frame.assign(line=frame.index + 1)


def _dask_part(frame: Any, now: datetime, workflows: Any) -> SlaReport:
    lines = frame.pop("line").to_numpy()
    frame = frame.reset_index(drop=True)
    report = sla_report(frame, now=now, workflows=workflows, invalid="skip")
    # Bad rows name the part's own row numbers: give back the source's lines.
    fixed = tuple(attrs.evolve(row, line=int(lines[row.line - 1])) for row in report.bad_rows)
    return attrs.evolve(report, bad_rows=fixed)


def _why(skipped: Skipped, language: Language) -> str:
    """Why a day was off, in ``language`` (a closure's reason has one text only)."""
    return skipped.reason if language == "id" else skipped.reason_en or skipped.reason
