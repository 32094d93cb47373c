"""SLA compliance over many transactions: which clocks met the standard's times, and by how much.

Input is what a PST app's database exports: either saved transactions (JSON
Lines, one transaction per line, in the format of `Transaction.dumps`) or an
events table (CSV, Parquet, a pandas or a dask DataFrame) with the columns
``transaction``, ``workflow``, ``event``, ``at`` (ISO 8601 with offset),
``actor`` and ``data`` (a JSON object, may be empty), and optionally ``unit``
and ``channel``. Each transaction's events are replayed through its workflow
and every clock is read at ``now``: `sla_report` returns an `SlaReport`, one row
per transaction, clock and cycle, with its summaries and breaches.

Rows that cannot be used are never dropped silently: each becomes a `BadRow`
naming its line and the reason, and the ``invalid`` policy says whether the
first one stops the report (``"raise"``, the default: `BadRowsError`) or they
are skipped, counted and listed (``"skip"``). A transaction on two lines of a
JSON Lines file is refused (its later line at fault, its first skipped with it),
never counted twice; an event outside the calendar's years is its transaction's
bad row. A report with nothing to count writes every output, with a note saying so.

Two engines give the same answers: ``"objects"`` builds a `Transaction` per
history and reads its clocks (the reference), ``"columns"`` (the default)
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
    pst_core.errors.BadRowsError: <events>: line 1 (V-1): at: '2026-03-16 09:00' is not ...
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, Literal

import attrs

from pst_core._validation import (
    aware,
    literal_values,
    require_aware,
    require_instance,
    require_one_of,
    require_unique,
    sequence_of,
    tuple_of,
)
from pst_core.calendar.holidays import holiday_horizon
from pst_core.calendar.index import from_micros, to_micros
from pst_core.errors import (
    BadRowsError,
    CalendarHorizonError,
    InvalidValueError,
    Phrase,
    UnknownNameError,
    show_value,
)
from pst_core.i18n import display_language
from pst_core.reports import _columns, _reference, _sla_page
from pst_core.reports._cycles import CycleRows
from pst_core.reports._events import (
    EventTable,
    pandas,
    read_events,
    table_from_frame,
    table_from_jsonl,
    table_from_transactions,
)
from pst_core.reports._messages import Language, text
from pst_core.reports._render import charts_choice, safe_cell
from pst_core.reports.charts import sla_charts
from pst_core.reports.common import BadRow, InvalidPolicy, fault_first
from pst_core.states.parts import CLOCK_PARTIES, ClockParty

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from pst_core.calendar import Skipped
    from pst_core.states import Workflow

__all__ = ["SLA_DIMENSIONS", "Engine", "SlaDimension", "SlaReport", "sla_report"]

SlaDimension = Literal["month", "unit", "workflow", "clock", "channel", "party"]
"""What an SLA summary can group cycles by (``month``: the local month a cycle started in;
``party``: whose time the clock measures, the office's or the user's)."""

SLA_DIMENSIONS: tuple[SlaDimension, ...] = literal_values(SlaDimension)
"""Every `SlaDimension`, in order."""

Engine = Literal["columns", "objects"]
"""``"columns"``: the vectorised engine; ``"objects"``: a `Transaction` per history (reference)."""


def _dimensions(group_by: object, field: str = "group_by") -> tuple[SlaDimension, ...]:
    """``group_by`` checked: a sequence of `SlaDimension` values, each at most once."""
    label = Phrase("reports.expected.dimension_names")
    chosen: tuple[SlaDimension, ...] = sequence_of(group_by, field, str, label=label)
    for index, dimension in enumerate(chosen):
        require_one_of(dimension, f"{field}[{index}]", SlaDimension)
    require_unique(chosen, field, lambda dimension: dimension, Phrase("reports.kind.dimension"))
    return chosen


def _dimensions_validator(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _dimensions(value, f"{type(instance).__name__}.{attribute.name}")


def _parties(parties: object, field: str = "parties") -> tuple[ClockParty, ...]:
    """``parties`` checked: a sequence of `ClockParty` values, each at most once, not empty."""
    label = Phrase("reports.expected.clock_parties")
    chosen: tuple[ClockParty, ...] = sequence_of(parties, field, str, label=label)
    for index, party in enumerate(chosen):
        require_one_of(party, f"{field}[{index}]", ClockParty)
    require_unique(chosen, field, lambda party: party, Phrase("reports.kind.party"))
    if not chosen:
        raise InvalidValueError(field, chosen, CLOCK_PARTIES)
    return chosen


def _parties_validator(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _parties(value, f"{type(instance).__name__}.{attribute.name}")


@attrs.frozen
class SlaReport:
    """Every clock cycle of many transactions at one instant, and what adds them up.

    Attributes:
        now: The instant the clocks were read at.
        table: One row per transaction, clock and cycle (a clock that never
            started has one row, cycle 0, status ``"not started"``): transaction,
            workflow, unit, channel, month (local month the cycle started),
            clock, goal, cycle, state (the transaction's), started, due (UTC),
            status (running, paused, met, breached, overdue, cancelled, not
            started), elapsed, budget, breached_by and paused (counted time, as
            Timedelta), start_inferred (the start was never recorded and is
            read as the opening; see `pst_core.states.Clock.infer_start`) and
            party (whose time the clock measures).
        bad_rows: Rows that were skipped, with their line and reason.
        group_by: How `summary` and the text, Markdown, CSV and HTML outputs group.
        workflows: The workflows the transactions followed, by name.
        parties: Whose clocks the table holds (see `sla_report`); with more than
            one, the summary groups by ``party`` first, so that the user's own
            time never mixes with the office's.
    """

    now: datetime = attrs.field(validator=aware)
    table: Any = attrs.field(eq=False, repr=False)
    bad_rows: tuple[BadRow, ...] = attrs.field(default=(), validator=tuple_of(BadRow))
    group_by: tuple[SlaDimension, ...] = attrs.field(
        default=("month", "clock"), validator=_dimensions_validator
    )
    workflows: Mapping[str, Workflow] = attrs.field(factory=dict, eq=False, repr=False)
    parties: tuple[ClockParty, ...] = attrs.field(default=("office",), validator=_parties_validator)

    def __repr__(self) -> str:
        return (
            f"SlaReport(now={self.now.isoformat()}, cycles={len(self.table)}, "
            f"bad_rows={len(self.bad_rows)}, group_by={self.group_by!r})"
        )

    def to_frame(self) -> pd.DataFrame:
        """The tidy table (a copy): one row per transaction, clock and cycle."""
        return self.table.copy()

    def summary(self, group_by: Sequence[SlaDimension] | None = None) -> pd.DataFrame:
        """Cycles grouped by ``group_by`` (default: the report's): counts, shares, elapsed time.

        Columns: the groups, ``count`` (cycles that started), ``met``, ``breached``,
        ``overdue`` (a target clock past its time), ``running`` (running or
        paused), ``cancelled`` — every row adds up: ``count`` = ``met`` +
        ``breached`` + ``overdue`` + ``running`` + ``cancelled`` —, then
        ``start_inferred`` (of ``count``, the cycles whose start was never
        recorded and is read as the opening), ``met_pct`` and ``breached_pct``
        (of ``count``, one decimal), and ``median_elapsed`` and ``p90_elapsed``
        (counted time, to the second). With more than one of `parties`, the
        groups start with ``party``.
        """
        pd = pandas()
        groups = list(self.group_by if group_by is None else _dimensions(group_by))
        if len(self.parties) > 1 and "party" not in groups:
            groups.insert(0, "party")
        started = self.table[self.table["status"] != "not started"]
        status = started["status"]
        frame = started.assign(
            met=status == "met",
            breached=status == "breached",
            overdue=status == "overdue",
            running=status.isin(("running", "paused")),
            cancelled=status == "cancelled",
            inferred=started["start_inferred"].astype(bool),
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
                overdue=("overdue", "sum"),
                running=("running", "sum"),
                cancelled=("cancelled", "sum"),
                start_inferred=("inferred", "sum"),
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

    def notes(self, language: Language = "en") -> tuple[str, ...]:
        """What a reader must know: when the clocks were read, how many rows were skipped."""
        zones = sorted(
            {w.calendar.timezone.key: w.calendar.timezone for w in self.workflows.values()}.items()
        )
        shown = " / ".join(_sla_page.local_time(self.now, zone) for _, zone in zones)
        said = [text("reports.sla.read_at", language, now=shown or self.now.isoformat())]
        if not (self.table["status"] != "not started").any():
            said.append(text("reports.sla.empty", language))
        if self.bad_rows:
            said.append(text("reports.sla.skipped", language, count=len(self.bad_rows)))
        return tuple(said)

    def describe(self, language: Language = "en") -> str:
        """The summary as aligned plain text (what ``pst-core report sla`` prints)."""
        return _sla_page.text(self._page(language))

    def to_csv(self) -> str:
        """The summary as CSV text (elapsed times in seconds; text defused as `safe_cell` says)."""
        summary = self.summary()
        for name in ("median_elapsed", "p90_elapsed"):
            summary[name] = summary[name].dt.total_seconds()
        for name in self.group_by:
            summary[name] = summary[name].map(safe_cell)
        return str(summary.to_csv(index=False, lineterminator="\n"))

    def to_markdown(self, language: Language = "en") -> str:
        """A Markdown report: the summary, the first breaches with their explanation, notes."""
        return _sla_page.markdown(self._page(language), self._shown_breaches(language))

    def to_html(self, language: Language = "en", *, charts: bool | None = None) -> str:
        """A self-contained HTML page: summary, charts (``plot`` extra), breaches, notes.

        The charts are the monthly compliance of each clock and the distribution
        of elapsed time against each clock's budget. ``charts=None`` draws them
        when matplotlib is installed and otherwise says how to install it.
        """
        draw, notes = charts_choice(charts, self.notes(language), language)
        drawn = sla_charts(self, language) if draw else []
        return _sla_page.html(self._page(language, notes), self._shown_breaches(language), drawn)

    def _shown_breaches(self, language: Language) -> pd.DataFrame:
        """`breaches` as a person reads them: started and due in each office's own zone."""
        rows = self.breaches(language)
        zones = [self.workflows[name].calendar.timezone for name in rows["workflow"]]
        for column in ("started", "due"):
            rows[column] = [
                _sla_page.local_time(moment.to_pydatetime(), zone)
                for moment, zone in zip(rows[column], zones, strict=True)
            ]
        return rows

    def _repr_html_(self) -> str:
        """The summary table and the notes in the display language
        (`pst_core.i18n.display_language`; `to_html` makes a whole page)."""
        return _sla_page.fragment(self._page(display_language()))

    def _page(self, language: Language, notes: Sequence[str] | None = None) -> _sla_page.Page:
        said = self.notes(language) if notes is None else notes
        groups = self.group_by
        if len(self.parties) > 1 and "party" not in groups:
            groups = ("party", *groups)
        return _sla_page.Page(self.summary(), groups, said, language)


def _why(skipped: Skipped, language: Language) -> str:
    """Why a day was off, in ``language`` (a closure's reason has one text only)."""
    return skipped.reason if language == "id" else skipped.reason_en or skipped.reason


# --- the report ----------------------------------------------------------------------------


def _transactions(source: object) -> tuple[Any, ...] | None:
    """``source`` as a tuple of `Transaction` when it is an iterable of them, else ``None``."""
    from pst_core.states import Transaction

    if isinstance(source, Transaction):
        return (source,)
    if isinstance(source, (str, bytes, PurePath, Mapping)) or hasattr(source, "columns"):
        return None
    if not isinstance(source, Iterable):
        return None
    items = tuple(source)
    return items if all(isinstance(item, Transaction) for item in items) else None


def sla_report(
    source: object,
    *,
    now: datetime,
    workflows: Mapping[str, Workflow] | Iterable[Workflow] | None = None,
    group_by: Sequence[SlaDimension] = ("month", "clock"),
    invalid: InvalidPolicy = "raise",
    engine: Engine = "columns",
    progress: Callable[[int, int], None] | None = None,
    parties: Sequence[ClockParty] = ("office",),
) -> SlaReport:
    """Every clock cycle of every transaction in ``source``, read at ``now``.

    Args:
        source: An events table (a pandas DataFrame, or a ``.csv``/``.parquet``
            file; see `read_events`), a ``.jsonl`` file of saved transactions,
            an iterable of `Transaction` objects the caller holds (each read on
            its own workflow unless ``workflows`` names one; a bad row's ``line``
            is its position, from 1), or a ``dask.dataframe`` events table (the
            ``dask`` extra): it is shuffled so that every transaction's rows share a partition, each
            partition is reported where Dask runs it (threads, processes or a
            ``distributed`` cluster) and the parts are joined in transaction
            order, equal to the report of the same rows in one process (a bad
            row's ``line`` is its index label plus one).
        now: The instant the clocks are read at (timezone-aware); a transaction
            with an event after it is a bad row.
        workflows: The workflows by name (or a list of them); ``None`` uses the
            built-in ones (`pst_core.states.builtin.builtin_workflow`).
        group_by: How the summary and the outputs group (see `SLA_DIMENSIONS`).
        invalid: ``"raise"`` (stop at the first bad row) or ``"skip"`` (list
            and count them in ``bad_rows``).
        engine: ``"columns"`` (fast) or ``"objects"`` (the reference).
        progress: Called as ``progress(done, total)`` transactions while the
            histories are replayed (a progress bar for long runs), or ``None``;
            a dask table shows its progress with Dask's own tools instead.
        parties: Whose clocks to report (`pst_core.states.Clock.party`): the
            office's (default: the compliance a unit files), or
            ``("office", "user")`` to show the user's own time too, apart
            (the summary then groups by ``party`` first).

    Raises:
        BadRowsError: a row cannot be used and ``invalid`` is ``"raise"``.
        MissingDependencyError: a dask table without dask installed.
    """
    require_aware(now, "now")
    _in_horizon(now)
    require_one_of(invalid, "invalid", InvalidPolicy)
    dimensions = _dimensions(group_by)
    require_one_of(engine, "engine", Engine)
    chosen = _parties(parties)
    held = _transactions(source)
    if held is not None and workflows is None:
        workflows = {tx.workflow.name: tx.workflow for tx in held}
    resolve = _Resolver(workflows)
    if _is_dask(source):
        if progress is not None:
            raise InvalidValueError("progress", progress, Phrase("reports.allowed.dask_progress"))
        parts = _dask_parts(source, now, workflows, engine, chosen)
        return _joined(parts, now, dimensions, invalid, chosen)
    bad: list[BadRow] = []
    if held is not None:
        table = table_from_transactions(list(enumerate(held, start=1)), bad)
        name = "<transactions>"
    elif isinstance(source, (str, PurePath)) and Path(source).suffix.lower() == ".jsonl":
        table = table_from_jsonl(Path(source), resolve.transaction, bad)
        name = str(source)
    else:
        table = table_from_frame(read_events(source), bad)
        name = str(source) if isinstance(source, (str, PurePath)) else "<events>"
    plans = _plans(table, resolve, now, bad)
    if engine == "columns":
        replayed = _columns.replay_states(table, plans, bad, progress)
    else:
        replayed = _columns.Replayed.none(table, plans)
    rows = CycleRows(chosen)
    for group in replayed.deferred.nonzero()[0].tolist():
        p = plans[group]
        assert p is not None
        start, end = int(table.starts[group]), int(table.ends[group])
        tx = _reference.replay(p.workflow, table, start, end)
        if isinstance(tx, tuple):
            bad.append(table.bad_row(*tx))
            continue
        _reference.read_clocks(tx, group, now, rows)
    if bad and invalid == "raise":
        raise BadRowsError(name, fault_first(bad))
    _columns.measure_replayed(table, plans, replayed, to_micros(now), rows)
    return SlaReport(
        now=now,
        table=rows.frame(table),
        bad_rows=fault_first(bad),
        group_by=dimensions,
        workflows={key: plan.workflow for key, plan in resolve.plans.items()},
        parties=chosen,
    )


def _in_horizon(now: datetime) -> None:
    """``now`` in the years the calendars know (`CalendarHorizonError` otherwise)."""
    first, last = holiday_horizon()
    if not first <= now.year <= last:
        raise CalendarHorizonError(now.year, first, last)


def _horizon_micros(workflow: Workflow) -> tuple[int, int]:
    """The instants the workflow's calendar can measure: its horizon's years in its zone."""
    first, last = holiday_horizon()
    zone = workflow.calendar.timezone
    low = to_micros(datetime(first, 1, 1, tzinfo=zone))
    return low, to_micros(datetime(last, 12, 31, 23, 59, 59, tzinfo=zone))


class _Resolver:
    """Workflows by name: the caller's, else the built-ins (each built once)."""

    def __init__(self, workflows: Mapping[str, Workflow] | Iterable[Workflow] | None) -> None:
        from pst_core.states import Workflow

        if workflows is None:
            given: dict[str, Workflow] = {}
        elif isinstance(workflows, Mapping):
            given = dict(workflows)
            for key, workflow in given.items():
                field = f"workflows[{show_value(key)}]"
                require_instance(
                    workflow, field, Workflow, label=Phrase("reports.expected.workflow")
                )
                if key != workflow.name:
                    allowed = Phrase("reports.allowed.workflow_key", name=show_value(workflow.name))
                    raise InvalidValueError(field, key, allowed)
        else:
            label = Phrase("reports.expected.workflow")
            listed = sequence_of(workflows, "workflows", Workflow, label=label)
            given = {workflow.name: workflow for workflow in listed}
        self.given = given
        self.use_builtins = workflows is None
        self.cache: dict[str, Workflow | str] = {}
        self.plans: dict[str, _columns.Plan] = {}

    def plan(self, workflow: Workflow) -> _columns.Plan:
        """The workflow's table as plain lookups, built once per report."""
        if workflow.name not in self.plans:
            self.plans[workflow.name] = _columns.plan(workflow)
        return self.plans[workflow.name]

    def transaction(self, data: dict[str, Any], file: str) -> Any:
        """A saved transaction (one JSON Lines line), its workflow found by name."""
        from pst_core.states import Transaction

        name = data.get("workflow")
        if not isinstance(name, str):
            missing = Phrase("errors.problem.missing_field") if name is None else None
            allowed = Phrase("reports.allowed.workflow_name")
            raise InvalidValueError("workflow", name, allowed, problem=missing)
        found = self(name)
        if isinstance(found, str):
            known = tuple(sorted(self.given)) or "-"
            allowed = Phrase("reports.allowed.known_workflow", known=known)
            raise InvalidValueError("workflow", name, allowed)
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
        from pst_core.states.builtin import builtin_workflow

        try:
            return builtin_workflow(name)
        except UnknownNameError as err:
            return f"workflow: {err}; pass workflows=... for a workflow of your own"


def _plans(
    table: EventTable, resolve: _Resolver, now: datetime, bad: list[BadRow]
) -> list[_columns.Plan | None]:
    """Each transaction's workflow plan, or ``None`` (with a bad row) when it has none."""
    import numpy as np

    pd = pandas()
    first = table.starts
    last = table.ends - 1
    codes, names = pd.factorize(table.workflows[first])
    found = [resolve(str(name)) for name in names]
    by_code = [None if isinstance(f, str) else resolve.plan(f) for f in found]
    late = table.ats[last] > to_micros(now)
    bounds = np.asarray(
        [(0, 0) if p is None else _horizon_micros(p.workflow) for p in by_code], dtype=np.int64
    ).reshape(-1, 2)
    early = table.ats[first] < bounds[codes, 0] if len(codes) else late
    plans = [by_code[code] for code in codes.tolist()]
    for group in np.flatnonzero(
        late | early | np.isin(codes, [i for i, p in enumerate(by_code) if p is None])
    ).tolist():
        reason = found[codes[group]]
        if isinstance(reason, str):
            bad.append(table.bad_row(int(first[group]), reason))
        elif early[group]:
            moment = from_micros(int(table.ats[first[group]]), timezone.utc)
            low, high = holiday_horizon()
            outside = (
                f"at: {moment.isoformat()} is outside the calendar's horizon; "
                f"allowed: {low} to {high}"
            )
            said = Phrase(
                "reports.bad_row.outside_horizon", at=moment.isoformat(), first=low, last=high
            )
            bad.append(table.bad_row(int(first[group]), outside, said))
        else:
            moment = from_micros(int(table.ats[last[group]]), timezone.utc)
            late_by = (
                f"at: {moment.isoformat()} is after now ({now.isoformat()}); "
                "clocks are read at or after the last event"
            )
            said = Phrase("reports.bad_row.after_now", at=moment.isoformat(), now=now.isoformat())
            bad.append(table.bad_row(int(last[group]), late_by, said))
        plans[group] = None
    return plans


# --- a dask table ----------------------------------------------------------------------------


def _is_dask(source: object) -> bool:
    """Whether ``source`` is a ``dask.dataframe`` (told apart without importing dask)."""
    return type(source).__module__.startswith(("dask.", "dask_expr")) and hasattr(
        source, "to_delayed"
    )


def _dask_parts(
    events: Any,
    now: datetime,
    workflows: Mapping[str, Workflow] | Iterable[Workflow] | None,
    engine: Engine,
    parties: tuple[ClockParty, ...],
) -> tuple[SlaReport, ...]:
    """One report per partition of a dask table shuffled by transaction, bad rows skipped."""
    from pst_core._optional import require

    require("dask", "a report on a dask DataFrame")
    from dask.base import compute
    from dask.delayed import delayed

    shuffled = events.map_partitions(_with_line).shuffle(on="transaction")
    parts = [
        delayed(_dask_part)(part, now, workflows, engine, parties) for part in shuffled.to_delayed()
    ]
    reports: tuple[SlaReport, ...] = compute(*parts)  # type: ignore[no-untyped-call]
    return reports


def _joined(
    parts: Sequence[SlaReport],
    now: datetime,
    group_by: tuple[SlaDimension, ...],
    invalid: InvalidPolicy,
    parties: tuple[ClockParty, ...],
) -> SlaReport:
    """The reports of a dask table's partitions as one, in transaction order."""
    bad = fault_first(row for part in parts for row in part.bad_rows)
    if bad and invalid == "raise":
        raise BadRowsError("<dask events>", bad)
    pd = pandas()
    tables = [part.table for part in parts if len(part.table)]
    table = (
        pd.concat(tables, ignore_index=True).sort_values("transaction", kind="stable")
        if tables
        else parts[0].table
    )
    workflows_used: dict[str, Workflow] = {}
    for part in parts:
        workflows_used.update(part.workflows)
    return SlaReport(
        now=now,
        table=table.reset_index(drop=True),
        bad_rows=bad,
        group_by=group_by,
        workflows=workflows_used,
        parties=parties,
    )


def _with_line(frame: Any) -> Any:
    return frame.assign(line=frame.index + 1)


def _dask_part(
    frame: Any, now: datetime, workflows: Any, engine: Engine, parties: tuple[ClockParty, ...]
) -> SlaReport:
    lines = frame.pop("line").to_numpy()
    frame = frame.reset_index(drop=True)
    report = sla_report(
        frame, now=now, workflows=workflows, invalid="skip", engine=engine, parties=parties
    )
    # Bad rows name the part's own row numbers: give back the source's lines.
    fixed = tuple(attrs.evolve(row, line=int(lines[row.line - 1])) for row in report.bad_rows)
    return attrs.evolve(report, bad_rows=fixed)
