"""The SLA report's input: events of many transactions, read, checked and grouped.

Private (`read_events` and `EVENT_COLUMNS` are public as `pst_core.reports.read_events`
and `pst_core.reports.EVENT_COLUMNS`). An events table (CSV, Parquet, a DataFrame)
or a JSON Lines file of saved transactions becomes an `EventTable`: sorted numpy
columns with each transaction's bounds, which both engines read. A row that cannot
be used becomes a `pst_core.reports.BadRow`, and so do the other rows of its
transaction.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

import attrs

from pst_core._optional import require
from pst_core.calendar.index import to_micros
from pst_core.errors import InvalidTypeError, InvalidValueError, Phrase, PstError, show_value
from pst_core.reports.common import BadRow

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "EVENT_COLUMNS",
    "EventTable",
    "event_data",
    "pandas",
    "read_events",
    "table_from_frame",
    "table_from_jsonl",
]

EVENT_COLUMNS: tuple[str, ...] = ("transaction", "workflow", "event", "at", "actor", "data")
"""The columns an events table must have (``unit`` and ``channel`` may be added)."""


def pandas() -> Any:
    """The pandas module, or `MissingDependencyError` saying how to install it."""
    return require("pandas", "an SLA report")


def _read_file(source: str | PurePath) -> tuple[pd.DataFrame, int]:
    """The events of a ``.csv`` or ``.parquet`` file, and the file line of its first row."""
    pd = pandas()
    path = Path(source)
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            return pd.read_csv(path, dtype=str, keep_default_na=False), 2
        if suffix == ".parquet":
            return pd.read_parquet(path, columns=_parquet_columns(path)), 1
        raise InvalidValueError("source", str(source), Phrase("reports.allowed.events_suffix"))
    except FileNotFoundError:
        raise InvalidValueError(
            "source", str(source), Phrase("reports.allowed.existing_events")
        ) from None
    except (OSError, ValueError, ImportError) as err:
        if isinstance(err, PstError):
            raise
        # The kind of failure only: its own message is English (the OS's, pandas').
        allowed = Phrase("reports.allowed.readable_events", reason=type(err).__name__)
        raise InvalidValueError("source", str(source), allowed) from None


def _parquet_columns(path: Path) -> list[str] | None:
    """The columns of a Parquet file the report reads (the others stay on disk), or all."""
    try:
        import pyarrow.parquet as pq  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - another Parquet engine reads every column
        return None
    names = pq.read_schema(path).names
    wanted = [c for c in (*EVENT_COLUMNS, "unit", "channel") if c in names]
    return wanted if len(wanted) < len(names) else None


def read_events(source: object) -> pd.DataFrame:
    """An events table from a ``.csv`` or ``.parquet`` file, or a DataFrame, checked for columns.

    The result has every column of `EVENT_COLUMNS` as text (a missing
    ``actor`` or ``data`` column, or an empty cell, as ``""``), ``unit`` and
    ``channel`` when the source has them, and ``line``: the 1-based line of each
    row in the file (a CSV's header is line 1) or the 1-based row of a DataFrame.

    Raises:
        InvalidValueError: a required column is missing, or the file is neither
            ``.csv`` nor ``.parquet``.
        InvalidTypeError: ``source`` is neither a path nor a DataFrame.
    """
    pd = pandas()
    if isinstance(source, pd.DataFrame):
        frame = source.copy(deep=False)  # copy-on-write: the caller's columns stay as they are
        first_line = 1
    elif isinstance(source, (str, PurePath)):
        frame, first_line = _read_file(source)
    else:
        raise InvalidTypeError("source", source, Phrase("reports.expected.events_source"))
    required = ("transaction", "workflow", "event", "at")
    missing = [column for column in required if column not in frame.columns]
    if missing:
        allowed = Phrase(
            "reports.allowed.event_columns", columns=EVENT_COLUMNS, missing=tuple(missing)
        )
        raise InvalidValueError("columns", tuple(str(c) for c in frame.columns), allowed)
    for column in ("actor", "data"):
        if column not in frame.columns:
            frame[column] = ""
    keep = [c for c in (*EVENT_COLUMNS, "unit", "channel") if c in frame.columns]
    frame = frame[keep].reset_index(drop=True)
    for column in keep:
        if column == "at" and pd.api.types.is_datetime64_any_dtype(frame[column]):
            continue  # instants already: checked for a time zone when the table is built
        try:
            frame[column] = frame[column].fillna("").astype(str)
        # bytes that are not UTF-8, a lone surrogate; a number past Python's 4,300-digit limit
        # (older pandas fails converting it to float first: OverflowError)
        except (ValueError, OverflowError):
            raise InvalidValueError(
                f"column {column}",
                None,
                Phrase("reports.allowed.unicode_cells"),
                shown=Phrase("reports.shown.not_text"),
            ) from None
    frame["line"] = range(first_line, first_line + len(frame))
    return frame


def _parse_at(text: Any) -> tuple[Any, Any]:
    """UTC microseconds of every ``at`` cell and which cells are bad (unparsable, no offset)."""
    import numpy as np

    pd = pandas()
    if pd.api.types.is_datetime64_any_dtype(text):
        aware = getattr(text.dtype, "tz", None) is not None
        bad = text.isna().to_numpy() | (not aware)
        values = (text.dt.tz_convert("UTC").dt.tz_localize(None) if aware else text).dt.as_unit(
            "us"
        )
        return np.where(bad, 0, values.to_numpy().view(np.int64)), bad
    # An offset ends the text: "Z" or "+07:00" (vectorised string slices, no Python loop).
    sign = text.str.slice(-6, -5)
    with_offset = (text.str.endswith("Z") | sign.isin(("+", "-"))).to_numpy(dtype=bool)
    parsed = pd.to_datetime(text, utc=True, errors="coerce", format="ISO8601")
    bad = parsed.isna().to_numpy() | ~with_offset
    values = parsed.dt.tz_localize(None).dt.as_unit("us").to_numpy().view(np.int64)
    return np.where(bad, 0, values), bad


@attrs.frozen
class EventTable:
    """Every usable event, sorted by transaction, instant and line, with group bounds.

    ``starts[g]:ends[g]`` are the events of transaction ``g``.
    """

    ids: Any
    workflows: Any
    names: Any
    ats: Any
    actors: Any
    datas: Any
    lines: Any
    units: Any
    channels: Any
    starts: Any
    ends: Any

    @property
    def size(self) -> int:
        """How many transactions."""
        return len(self.starts)

    def bad_row(self, event: int, reason: str, said: Phrase | None = None) -> BadRow:
        """Event ``event`` (an index into the columns) as a bad row, and why."""
        return BadRow(int(self.lines[event]), str(self.ids[event]), reason, said=said)

    def skipped_row(self, event: int, why: str, said: Phrase | None = None) -> BadRow:
        """Event ``event`` as a row skipped along with a bad one, and which (`BadRow.skipped`)."""
        return BadRow.skipped(int(self.lines[event]), str(self.ids[event]), why, said=said)


_COLUMNS = ("ids", "workflows", "names", "ats", "actors", "datas", "lines", "units", "channels")
"""The columns of an `EventTable`, one value per event (its other fields bound transactions)."""


def _group(columns: dict[str, Any], order: Any, key: str = "ids") -> EventTable:
    import numpy as np

    sorted_columns = {name: columns.pop(name)[order] for name in list(columns)}
    ids = sorted_columns[key]
    n = len(ids)
    starts = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]]) if n else np.zeros(0, np.int64)
    ends = np.r_[starts[1:], n] if n else starts
    return EventTable(**sorted_columns, starts=starts, ends=ends)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _coded(cells: Any) -> tuple[Any, Any]:
    """A text column as integer codes into its distinct texts (an object array).

    An Arrow-backed column is factorized by Arrow, and each distinct text becomes
    one Python string, shared by every row that holds it: no string per row.
    """
    import numpy as np

    pd = pandas()
    codes, distinct = pd.factorize(cells, use_na_sentinel=False)
    # int32: half the memory of the codes (a table holds fewer than 2**31 distinct texts)
    return np.asarray(codes, dtype=np.int32), np.asarray(distinct, dtype=object)


def _one_line(texts: Any, *, strip: bool = False) -> Any:
    """Which distinct ``texts`` are what a `Transaction` accepts: blank-free text on one line.

    The rules of `pst_core.states` (an event's name and actor, a transaction's id with
    ``strip``): both engines refuse the same rows. An empty cell passes here (it has its
    own reason).
    """
    import numpy as np

    listed: list[str] = texts.tolist()
    # One search over all the texts finds whether any holds a control character (rarely).
    control = _CONTROL.search("".join(listed)) is not None
    return np.fromiter(
        (
            (not control or _CONTROL.search(text) is None)
            and (text == "" or (text.strip() == text if strip else bool(text.strip())))
            for text in listed
        ),
        dtype=bool,
        count=len(listed),
    )


def _sorted_codes(codes: Any, distinct: Any) -> Any:
    """``codes`` renumbered so that their order is the order of the ``distinct`` texts."""
    import numpy as np

    rank = np.empty(len(distinct), dtype=np.int64)
    rank[np.argsort(distinct, kind="stable")] = np.arange(len(distinct))
    return rank[codes]


def table_from_frame(frame: pd.DataFrame, bad: list[BadRow]) -> EventTable:
    """Check and sort an events table (from `read_events`); bad rows and their transactions go.

    Text columns are read as codes into their distinct texts: each distinct text is
    checked once, and the table's columns share one string per distinct text.
    """
    import numpy as np

    text = frame["at"]
    ats, bad_at = _parse_at(text)
    coded = {
        column: _coded(frame[column])
        for column in ("transaction", "workflow", "event", "actor", "data", "unit", "channel")
        if column in frame
    }
    id_codes, id_texts = coded["transaction"]
    ids = id_texts[id_codes]
    names = coded["event"][1][coded["event"][0]]
    actors = coded["actor"][1][coded["actor"][0]]
    lines = frame["line"].to_numpy(dtype=np.int64)

    def empty(column: str) -> Callable[[int], Phrase]:
        allowed = Phrase(f"reports.bad_row.allowed.{column}")
        return lambda _: Phrase("reports.bad_row.empty", column=column, allowed=allowed)

    def not_one_line(column: str, cells: Any, rule: str) -> Callable[[int], Phrase]:
        allowed = Phrase(f"reports.bad_row.allowed.{rule}")
        return lambda i: Phrase(
            "reports.bad_row.cell", column=column, value=show_value(cells[i]), allowed=allowed
        )

    def per_text(column: str, test: Any) -> Any:
        codes, texts = coded[column]
        return np.asarray(test(texts), dtype=bool)[codes]

    problems: list[tuple[Any, Callable[[int], Phrase]]] = [
        (per_text("transaction", lambda t: t == ""), empty("transaction")),
        (
            ~per_text("transaction", lambda t: _one_line(t, strip=True)),
            not_one_line("transaction", ids, "tx_id"),
        ),
        (per_text("event", lambda t: t == ""), empty("event")),
        (~per_text("event", _one_line), not_one_line("event", names, "one_line")),
        (bad_at, lambda i: Phrase("reports.bad_row.instant", value=show_value(text.iloc[i]))),
        (per_text("actor", lambda t: t == ""), empty("actor")),
        (~per_text("actor", _one_line), not_one_line("actor", actors, "one_line")),
    ]
    broken = np.zeros(len(ids), dtype=bool)
    for mask, reason in problems:
        for index in np.flatnonzero(mask & ~broken).tolist():
            said = reason(index)
            where = int(lines[index]), str(ids[index]) or None
            bad.append(BadRow(*where, said.say("en"), said=said))
        broken |= mask

    # A transaction with a bad row cannot be replayed: drop all its rows (the bad one is listed).
    dead = id_codes[broken]
    keep = ~np.isin(id_codes, dead) if len(dead) else np.ones(len(ids), dtype=bool)
    for index in np.flatnonzero(~keep & ~broken).tolist():
        bad.append(
            BadRow.skipped(
                int(lines[index]),
                str(ids[index]),
                "another row of this transaction is bad",
                said=Phrase("reports.bad_row.another_row"),
            )
        )
    kept = np.flatnonzero(keep)
    by_id = _sorted_codes(id_codes, id_texts)[kept]
    taken = kept[np.lexsort((lines[kept], ats[kept], by_id))]
    problems.clear()
    del ids, names, actors, keep, broken, by_id, kept

    def column(name: str) -> Any:
        """Column ``name`` of the kept rows, sorted: its texts shared, one per distinct text."""
        if name not in coded:
            return np.full(len(taken), "", dtype=object)
        codes, texts = coded.pop(name)
        return texts[codes[taken]]

    columns = {
        "ids": column("transaction"),
        "workflows": column("workflow"),
        "names": column("event"),
        "ats": ats[taken],
        "actors": column("actor"),
        "datas": column("data"),
        "lines": lines[taken],
        "units": column("unit"),
        "channels": column("channel"),
    }
    table = _group(columns, slice(None))  # sorted already: no copy
    return _one_workflow_each(table, bad)


def _one_workflow_each(table: EventTable, bad: list[BadRow]) -> EventTable:
    """Drop transactions whose rows name more than one workflow (each such row is listed)."""
    import numpy as np

    pd = pandas()
    if not table.size:
        return table
    codes, _ = pd.factorize(table.workflows)
    mixed = np.minimum.reduceat(codes, table.starts) != np.maximum.reduceat(codes, table.starts)
    if not mixed.any():
        return table
    keep = np.ones(len(table.ids), dtype=bool)
    for group in np.flatnonzero(mixed).tolist():
        start, end = int(table.starts[group]), int(table.ends[group])
        first = table.workflows[start]
        for index in range(start, end):
            keep[index] = False
            if table.workflows[index] != first:
                reason = (
                    f"workflow: {table.workflows[index]!r} differs from the transaction's "
                    f"{first!r}; allowed: one workflow per transaction"
                )
                bad.append(table.bad_row(index, reason))
            else:
                why = "another row of this transaction names another workflow"
                bad.append(table.skipped_row(index, why))
    columns = {key: getattr(table, key)[keep] for key in _COLUMNS}
    return _group(columns, np.arange(int(keep.sum())))


def table_from_jsonl(
    path: Path, load: Callable[[dict[str, Any], str], Any], bad: list[BadRow]
) -> EventTable:
    """Saved transactions, one JSON object a line, as an `EventTable`.

    ``load(data, file)`` turns one line's data into a `Transaction` (raising
    `PstError` for a bad one). The opening event's ``unit`` and ``channel``
    data, when present, fill those columns (event data holds no ``null``: such a line
    is a bad row).
    Lines end at ``\\n`` only (a U+2028 or a form feed inside a line is the
    line's own text); a UTF-8 byte order mark is skipped. A transaction id on
    more than one line is never counted twice: every such line after the first
    is a bad row, and the first is skipped along with it (which history is the
    right one is not the report's to guess).
    """
    text = read_text(path, "jsonl")
    read: list[tuple[int, Any]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            if not isinstance(data, dict):
                raise InvalidValueError("line", data, Phrase("reports.allowed.saved_transaction"))
            read.append((number, load(data, f"{path}:{number}")))
        except (ValueError, RecursionError) as err:
            said = err.phrase if isinstance(err, PstError) else None
            bad.append(BadRow(number, None, str(err), said=said))
    return table_from_transactions(read, bad)


def table_from_transactions(read: list[tuple[int, Any]], bad: list[BadRow]) -> EventTable:
    """Transactions, each with its line number, as an `EventTable` (their events in order).

    The opening event's ``unit`` and ``channel`` data, when present, fill those
    columns. A transaction id given more than once is never counted twice: every
    such transaction after the first is a bad row, and the first is skipped too.
    """
    import numpy as np

    repeated = _repeated(read, bad)
    columns: dict[str, list[Any]] = {key: [] for key in _COLUMNS}
    for number, tx in read:
        if tx.id in repeated:
            continue
        opening = tx.history[0].data
        for event in tx.history:
            columns["ids"].append(tx.id)
            columns["workflows"].append(tx.workflow.name)
            columns["names"].append(event.name)
            columns["ats"].append(to_micros(event.at))
            columns["actors"].append(event.actor)
            columns["datas"].append(json.dumps(dict(event.data)) if event.data else "")
            columns["lines"].append(number)
            columns["units"].append(_label(opening.get("unit")))
            columns["channels"].append(_label(opening.get("channel")))
    arrays = {
        key: np.asarray(value, dtype=np.int64 if key in ("ats", "lines") else object)
        for key, value in columns.items()
    }
    # Keep each transaction's own order: group by line (one transaction per line).
    return _group(arrays, np.arange(len(arrays["ids"])), key="lines")


def _repeated(read: list[tuple[int, Any]], bad: list[BadRow]) -> set[str]:
    """The ids of transactions on more than one line, each such line a bad row."""
    first_line: dict[str, int] = {}
    repeated: set[str] = set()
    for number, tx in read:
        if tx.id in first_line:
            repeated.add(tx.id)
            reason = (
                f"transaction: {tx.id!r} is already on line {first_line[tx.id]}; "
                "allowed: each transaction on one line"
            )
            phrase = Phrase(
                "reports.bad_row.repeated", id=show_value(tx.id), line=first_line[tx.id]
            )
            bad.append(BadRow(number, tx.id, reason, said=phrase))
        else:
            first_line[tx.id] = number
    for tx_id in sorted(repeated):
        said = Phrase("reports.bad_row.held_again")
        bad.append(
            BadRow.skipped(first_line[tx_id], tx_id, "a later line holds it again", said=said)
        )
    return repeated


def _label(value: object) -> str:
    """A unit or channel of an opening's data as text: ``None`` (JSON ``null``) is none."""
    return "" if value is None else str(value)


def read_text(path: Path, kind: str) -> str:
    """A UTF-8 text file (a byte order mark skipped), or `InvalidValueError`.

    ``kind`` names the file's kind in the catalogue: ``reports.allowed.readable_KIND``.
    """
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError, ValueError) as err:
        allowed = Phrase(f"reports.allowed.readable_{kind}", reason=type(err).__name__)
        raise InvalidValueError("source", str(path), allowed) from None


def _scalar(key: str, value: object) -> None:
    if value is not None and not isinstance(value, (str, int, float, bool)):
        raise ValueError(f"data[{key!r}] is not a JSON scalar")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"data[{key!r}] is not a finite number")


def event_data(text: str) -> dict[str, Any]:
    """An event's ``data`` cell: ``""`` or a JSON object of scalars.

    Raises:
        ValueError: for anything else (the caller turns it into a bad row).
    """
    if text in ("", "{}"):
        return {}
    value = json.loads(text)
    if not isinstance(value, dict):
        raise ValueError("not a JSON object")
    for key, item in value.items():
        _scalar(key, item)
    return value
