"""The SLA report's table as both engines fill it: one row per transaction, clock and cycle.

Private. Each engine measures a clock over many transactions at once and hands
`CycleRows.add` its columns (``row``, the transaction's number in the events
table, then `MEASURES`, times in microseconds); `CycleRows.frame` sorts them
into the report's tidy table (`TABLE_COLUMNS`), with each cycle's local month.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pst_core.reports._events import EventTable, pandas

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["MEASURES", "TABLE_COLUMNS", "CycleRows"]

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
    "start_inferred",
    "party",
)
"""The columns of `pst_core.reports.SlaReport.table`, in order."""

MEASURES: tuple[str, ...] = (
    "row",
    "cycle",
    "started",
    "due",
    "budget",
    "elapsed",
    "breached_by",
    "paused",
    "status",
    "start_inferred",
)
"""What an engine measures of every cycle (instants and spans in microseconds)."""

_TIMES = ("started", "due", "budget", "elapsed", "breached_by", "paused")


class CycleRows:
    """The report's rows as columns, filled by either engine.

    ``state`` maps each transaction's number to the state it ended in; only the
    clocks of ``parties`` (whose time they measure) are kept.
    """

    def __init__(self, parties: tuple[str, ...] = ("office",)) -> None:
        self.state: dict[int, str | None] = {}
        # The columns engine's final states: a code per transaction into ``state_names``
        # (-1: none), an array rather than a dict entry per transaction.
        self.final_states: Any = None
        self.state_names: tuple[str, ...] = ()
        self.parts: list[dict[str, Any]] = []
        self.parties = parties

    def add(self, clock: Any, index: int, calendar: Any, measured: dict[str, Any]) -> None:
        """Cycles of ``clock`` (the workflow's ``index``-th) and the rows where it never started."""
        import numpy as np

        if clock.party not in self.parties:
            return
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
                    "start_inferred": np.zeros(n, dtype=np.int64),
                    **{key: np.full(n, -1, dtype=np.int64) for key in _TIMES},
                }
            )
        for part in parts:
            n = len(part["row"])
            part["clock"] = np.full(n, clock.name, dtype=object)
            part["order"] = np.full(n, index, dtype=np.int64)
            part["goal"] = np.full(n, str(clock.goal), dtype=object)
            part["party"] = np.full(n, clock.party, dtype=object)
            part["zone"] = np.full(n, calendar.timezone.key, dtype=object)
            self.parts.append(part)

    def frame(self, table: EventTable) -> pd.DataFrame:
        """The tidy table, sorted by transaction, clock and cycle."""
        import numpy as np

        pd = pandas()
        if not self.parts:  # no cycle at all: the same columns, with their types
            instant = pd.Series([], dtype="datetime64[ns, UTC]")
            span = pd.Series([], dtype="timedelta64[ns]")
            kinds = {"started": instant, "due": instant, "cycle": pd.Series([], dtype="int64")}
            kinds.update({name: span for name in _TIMES if name not in kinds})
            return pd.DataFrame(
                {c: kinds.get(c, pd.Series([], dtype=object)) for c in TABLE_COLUMNS}
            )
        keys = (*MEASURES, "clock", "order", "goal", "zone", "party")
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
                "state": self._states(groups),
                "started": instants(columns["started"]),
                "due": instants(columns["due"]),
                "status": columns["status"],
                "elapsed": spans(columns["elapsed"]),
                "budget": spans(columns["budget"]),
                "breached_by": spans(columns["breached_by"]),
                "paused": spans(columns["paused"]),
                "start_inferred": columns["start_inferred"].astype(bool),
                "party": columns["party"],
            }
        )

    def _states(self, groups: Any) -> Any:
        """The state each of transactions ``groups`` ended in."""
        import numpy as np

        out = np.full(len(groups), None, dtype=object)
        if self.final_states is not None:
            codes = self.final_states[groups]
            named = codes >= 0
            out[named] = np.asarray(self.state_names, dtype=object)[codes[named]]
        else:
            named = np.zeros(len(groups), dtype=bool)
        others = np.flatnonzero(~named)
        if len(others):
            out[others] = [self.state[g] for g in groups[others].tolist()]
        return out


def _month(values: Any, zone: str) -> Any:
    """``YYYY-MM`` of each instant in ``zone`` (formatted once per distinct month)."""
    import numpy as np

    pd = pandas()
    local = pd.to_datetime(values, unit="us", utc=True).tz_convert(zone)
    keys = np.asarray(local.year * 100 + local.month)
    distinct, inverse = np.unique(keys, return_inverse=True)
    names = np.asarray([f"{k // 100:04d}-{k % 100:02d}" for k in distinct.tolist()], dtype=object)
    return names[inverse]
