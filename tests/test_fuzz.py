"""Hostile input, generated and mutated: nothing but a clean answer or a clean refusal (issue 10).

Two harnesses, each bounded so CI stays fast (``PST_CORE_FUZZ_EXAMPLES``, default 50
examples per target; raise it for a long local hunt, e.g. ``PST_CORE_FUZZ_EXAMPLES=20000``):

* **CLI**: every command is run in-process through `pst_core.cli.main` with argv
  built from working invocations (`CLI_SEEDS`) and then mutated (tokens dropped,
  repeated, swapped, replaced by hostile text; data files replaced by mutated
  copies). The run must end with status 0, 1 or 2, never print a traceback, and a
  usage error (2) must say so on standard error and print nothing on standard output.
* **Library**: each row of `ENTRY_POINTS` is a public callable and a strategy for its
  arguments; whatever is generated, only a `PstError` may escape. Adding an entry
  point is one line in that table.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import reprlib
import tempfile
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pst_core import cli, reports, standards, tariffs
from pst_core._files import Format
from pst_core._validation import parse_instant
from pst_core.calendar import (
    CalendarDays,
    CalendarMonths,
    WorkingCalendar,
    WorkingDays,
    WorkingHours,
    WorkingTime,
    parse_duration,
    zones,
)
from pst_core.errors import PstError
from pst_core.i18n import check_language, text
from pst_core.standards import ServiceStandard, StandardOperatingProcedure, catalog
from pst_core.states import Transaction, Workflow, replay
from pst_core.states.builtin import BUILTIN, GUARDS, builtin_workflow
from pst_core.tariffs import TariffSchedule, illustrative_schedule
from tests.strategies import (
    durations,
    instants,
    service_standards,
    standard_operating_procedures,
    tariff_schedules,
    transactions,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = int(os.environ.get("PST_CORE_FUZZ_EXAMPLES", "50"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# ------------------------------------------------------------------------ hostile values

#: Text a user, a file or an attacker may hand over: every Unicode category, lone
#: surrogates (argv on POSIX carries undecodable bytes as surrogates), control
#: characters, digits of other scripts, huge numbers and exponents.
#: Characters that would paint a terminal or forge a line: C0/C1 controls, DEL, the
#: line separators, the bidirectional marks and overrides.
CONTROL_TEXT = st.text(
    st.sampled_from(
        [chr(c) for c in range(0x20)]
        + [chr(c) for c in range(0x7F, 0xA0)]
        + list("\u2028\u2029\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2069")
    ),
    min_size=1,
    max_size=4,
).flatmap(lambda bad: st.sampled_from([bad, f"Rapat{bad}kerja", f"{bad}x", f"x{bad}"]))

#: Text holding a lone surrogate (no file can hold it), among ordinary characters.
SURROGATE_TEXT = st.tuples(
    st.text(max_size=5), st.characters(categories=["Cs"]), st.text(max_size=5)
).map("".join)

#: Whole numbers at and past what JSON and TOML writers take (64 bits, 4,300 digits).
#: Drawn as exponents: Hypothesis cannot print an integer past Python's 4,300-digit limit.
HUGE_INTS = st.one_of(
    st.sampled_from([2**63 - 1, 2**63, -(2**63), -(2**63) - 1]),
    st.sampled_from([4300, 5000]).map(lambda digits: 10**digits),
    st.sampled_from([4300, 5000]).map(lambda digits: -(10**digits)),
    st.integers(min_value=2**63, max_value=2**200),
)

#: Long phrases: what made the duration reader quadratic, and its cousins.
LONG_PHRASES = st.builds(
    lambda word, n, tail: word * n + tail,
    st.sampled_from(["tiga ", "1 jam ", "Rp1.000", ".000", "3 (tiga) ", "x", " ", "0"]),
    st.integers(1, 50_000),
    st.sampled_from(["hari", "hari kerja", "", "jam", "2026-03-17T09:00+07:00"]),
)

HOSTILE_TEXT = st.one_of(
    CONTROL_TEXT,
    SURROGATE_TEXT,
    LONG_PHRASES,
    st.text(max_size=40),
    st.text(st.characters(codec="utf-8"), max_size=20),
    st.sampled_from(
        [
            "",
            " ",
            "\n",
            "\x00",
            "\udcff",
            "３ hari kerja",
            "99999999999 jam",
            "1E+999999999",
            "9" * 5000,
            "-1",
            "0",
            "2026-02-30",
            "2026-03-17T14:00",
            "2026-03-17T14:00Z",
            "2026-10-25T02:30+02:00",
            "9999-12-31T23:59+14:00",
            "0001-01-01T00:00-12:00",
            "Asia",
            "Asia/" + "x" * 300,
            "../../../etc/passwd",
            "/",
            "/dev/null",
            "Rp 30.000,-",
            "30.5",
            "x=1",
            "=",
            "--",
            "-",
            "--lang",
            "--from",
            "--help",
        ]
    ),
)

# ------------------------------------------------------------------------------ the CLI

#: Data files the seeds refer to as ``{name}``; a mutated copy may stand in for each.
DATA_FILES = {
    "schedule": ROOT / "examples" / "illustrative_schedule.toml",
    "standard": ROOT / "examples" / "own_standard.toml",
    "workflow": ROOT / "tests" / "resources" / "states" / "library-loan.toml",
}

#: Working invocations of every command; the fuzzer starts from these.
CLI_SEEDS: tuple[tuple[str, ...], ...] = (
    ("--version",),
    ("info", "--from", "2025", "--to", "2027"),
    ("--lang", "id", "info", "--from", "2026", "--to", "2026"),
    ("deadline", "2026-03-17T14:00+07:00", "3 hari kerja"),
    ("deadline", "2026-03-17T14:00", "10 menit", "--province", "Bali"),
    ("deadline", "2026-03-17T14:00", "7 (tujuh) hari", "--zone", "Asia/Jayapura"),
    ("deadline", "2028-02-24T09:00+07:00", "1 bulan", "--no-cuti-bersama", "--lang", "id"),
    ("workflow", "list"),
    ("workflow", "show", "paid-product"),
    ("workflow", "check", "{workflow}"),
    ("quote", "--schedule", "{schedule}", "--at", "2026-03-17", "pub-print=120"),
    ("standards", "list"),
    ("standards", "show", "bengkulu-penjualan"),
    ("standards", "render", "{standard}"),
    ("standards", "lint", "{standard}"),
)


def _mutate_bytes(data: bytes, draw: st.DrawFn) -> bytes:
    """A copy of ``data`` with a few bytes flipped, cut, repeated or inserted."""
    buffer = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, max(len(buffer) - 1, 0)))
        action = draw(st.sampled_from(["flip", "cut", "repeat", "insert"]))
        if action == "flip" and buffer:
            buffer[where] ^= 1 << draw(st.integers(0, 7))
        elif action == "cut":
            del buffer[where : where + draw(st.integers(1, 200))]
        elif action == "repeat":
            piece = buffer[where : where + draw(st.integers(1, 200))]
            buffer[where:where] = piece * draw(st.integers(2, 50))
        else:
            buffer[where:where] = draw(HOSTILE_TEXT).encode("utf-8", "surrogatepass")
    return bytes(buffer)


def _mutate_argv(argv: list[str], draw: st.DrawFn) -> None:
    """Drop, repeat, swap, replace, append or edit a few tokens of ``argv`` in place."""
    for _ in range(draw(st.integers(0, 3))):
        if not argv:
            argv.append(draw(HOSTILE_TEXT))
            continue
        action = draw(st.sampled_from(["drop", "repeat", "swap", "replace", "append", "edit"]))
        where = draw(st.integers(0, len(argv) - 1))
        if action == "drop":
            del argv[where]
        elif action == "repeat":
            argv.insert(where, argv[where])
        elif action == "swap":
            other = draw(st.integers(0, len(argv) - 1))
            argv[where], argv[other] = argv[other], argv[where]
        elif action in ("replace", "append"):
            argv.insert(len(argv) if action == "append" else where, draw(HOSTILE_TEXT))
            if action == "replace":
                del argv[where + 1]
        else:
            cut = draw(st.integers(0, len(argv[where])))
            argv[where] = argv[where][:cut] + draw(HOSTILE_TEXT) + argv[where][cut:]


@st.composite
def cli_argv(
    draw: st.DrawFn, folder: Path, seeds: Sequence[tuple[str, ...]] = CLI_SEEDS
) -> list[str]:
    """One of ``seeds``, its files perhaps mutated, its tokens perhaps mutated."""
    argv = list(draw(st.sampled_from(seeds)))
    for index, token in enumerate(argv):
        if token.startswith("{"):
            source = DATA_FILES[token.strip("{}")]
            if draw(st.booleans()):
                mutated = folder / f"{draw(st.integers(0, 10**9))}{source.suffix}"
                mutated.write_bytes(_mutate_bytes(source.read_bytes(), draw))
                argv[index] = str(mutated)
            else:
                argv[index] = str(source)
    _mutate_argv(argv, draw)
    return argv


_SHORT = reprlib.Repr()  # keyword arguments only from Python 3.12
_SHORT.maxstring, _SHORT.maxlist, _SHORT.maxother = 120, 12, 300


def _short(value: object) -> str:
    return _SHORT.repr(value)


class CliRun(NamedTuple):
    status: int
    out: str
    err: str


def run_cli(argv: Sequence[str]) -> CliRun:
    """Run the command line in-process, capturing both streams."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        status = cli.main(list(argv), out=out)
    return CliRun(status, out.getvalue(), err.getvalue())


def check_cli_outcome(argv: Sequence[str], result: CliRun) -> None:
    """What every run of the command line promises, whatever its input."""
    shown = f"argv={_short(list(argv))}\nstatus={result.status}\nstderr={_short(result.err)}"
    assert result.status in (0, 1, 2), shown  # 70 would be a bug reported as one line
    assert "Traceback" not in result.err, shown
    assert "Traceback" not in result.out, shown
    if result.status == 2:
        assert result.err.strip(), shown
        assert "error" in result.err or "kesalahan" in result.err, shown
        assert result.out == "" or "usage:" in result.out, shown  # --help prints usage, exit 0


@pytest.mark.parametrize("command", sorted({seed[0] for seed in CLI_SEEDS}))
def test_cli_never_crashes(command: str, tmp_path: Path) -> None:
    seeds = [seed for seed in CLI_SEEDS if seed[0] == command]

    @FUZZ
    @given(argv=cli_argv(tmp_path, seeds).filter(bool))
    def check(argv: list[str]) -> None:
        check_cli_outcome(argv, run_cli(argv))

    assert seeds
    check()


@pytest.mark.parametrize("seed", CLI_SEEDS, ids=" ".join)
def test_cli_seeds_work(seed: tuple[str, ...]) -> None:
    """The starting points are real working invocations (else the fuzzer tests little)."""
    argv = [str(DATA_FILES[t.strip("{}")]) if t.startswith("{") else t for t in seed]
    result = run_cli(argv)
    check_cli_outcome(argv, result)
    assert result.status in (0, 1), result.err  # lint may find defects: status 1, no error
    assert result.out


# ------------------------------------------------------------------------ the library


class Entry(NamedTuple):
    """A public callable and a strategy for its positional arguments."""

    name: str
    call: Callable[..., object]
    arguments: st.SearchStrategy[tuple[Any, ...]]


#: Anything at all, for arguments whose type a caller may get wrong.
ANYTHING = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    HUGE_INTS,
    st.floats(),
    HOSTILE_TEXT,
    st.binary(max_size=20),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)

#: Duration phrases as people type them, and near misses (for ``parse_duration``).
PHRASES = st.one_of(
    HOSTILE_TEXT,
    st.builds(
        "{} {}".format,
        st.one_of(st.integers(-10, 10**15).map(str), HOSTILE_TEXT),
        st.sampled_from(["menit", "jam", "hari kerja", "hari", "bulan", "minggu", "jam kerja"]),
    ),
)

# ------------------------------------------------------------ mutated documents

#: A leaf replaced by a value of the wrong type, a huge number, a long string, a lone
#: surrogate, a deep nest; or a key removed.
MUTATIONS = ("wrong type", "huge number", "long string", "lone surrogate", "deep nest", "remove")


def _leaves(data: object, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into ``data`` (dict keys and list indices), the root excluded."""
    found: list[tuple[Any, ...]] = []
    if isinstance(data, dict):
        items: Any = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return found
    for key, value in items:
        found.append((*path, key))
        found.extend(_leaves(value, (*path, key)))
    return found


def _nest(depth: int) -> object:
    value: object = "x"
    for _ in range(depth):
        value = [value] if depth % 2 else {"a": value}
    return value


# Drawn by name: Hypothesis cannot print an integer past Python's 4,300-digit limit.
HUGE_NUMBERS: dict[str, object] = {
    "10**5000": 10**5000,
    "-(10**400)": -(10**400),
    "1e308": 1e308,
    "inf": float("inf"),
    "2**63": 2**63,
}


@st.composite
def mutated(draw: st.DrawFn, documents: st.SearchStrategy[dict[str, Any]]) -> dict[str, Any]:
    """A valid document's ``to_data()`` with one leaf mutated (or kept, now and then)."""
    data = copy.deepcopy(draw(documents))
    paths = _leaves(data)
    if not paths or draw(st.integers(0, 9)) == 0:
        return data
    path = draw(st.sampled_from(paths))
    parent: Any = data
    for key in path[:-1]:
        parent = parent[key]
    key, old = path[-1], parent[path[-1]]
    mutation = draw(st.sampled_from(MUTATIONS))
    if mutation == "remove":
        del parent[key]
    elif mutation == "wrong type":
        parent[key] = draw(ANYTHING.filter(lambda new: type(new) is not type(old)))
    elif mutation == "huge number":
        parent[key] = HUGE_NUMBERS[draw(st.sampled_from(sorted(HUGE_NUMBERS)))]
    elif mutation == "long string":
        parent[key] = (str(old) if isinstance(old, str) else "x") * draw(st.integers(1, 5000))
    elif mutation == "lone surrogate":
        parent[key] = (old if isinstance(old, str) else "") + "\udcff"
    else:
        parent[key] = _nest(draw(st.sampled_from([30, 200, 2000])))
    return data


def _as_json(data: object) -> str | None:
    """``data`` as JSON text, or ``None`` when ``json`` itself cannot write it (too deep)."""
    try:
        return json.dumps(data)
    except (RecursionError, TypeError, ValueError):
        return None


def _loads_texts(
    documents: st.SearchStrategy[dict[str, Any]],
) -> st.SearchStrategy[tuple[Any, ...]]:
    """Arguments for ``Model.loads``: mutated documents as JSON, hostile text, odd formats."""
    as_json = mutated(documents).map(_as_json).filter(lambda text: text is not None)
    return st.one_of(
        st.tuples(as_json, st.just("json")),
        st.tuples(
            st.one_of(HOSTILE_TEXT, st.just("[" * 100_000), st.just("a = " + "[" * 100_000)),
            st.sampled_from(["toml", "json"]),
        ),
        st.tuples(ANYTHING, ANYTHING),
    )


def _model_entries(
    name: str,
    model: Any,
    documents: st.SearchStrategy[dict[str, Any]],
    **context: Any,
) -> tuple[Entry, ...]:
    """``Model.from_data`` on mutated documents and ``Model.loads`` on mutated text."""
    return (
        Entry(
            f"{name}.from_data",
            lambda data: model.from_data(data, **context),
            st.tuples(st.one_of(mutated(documents), ANYTHING)),
        ),
        Entry(
            f"{name}.loads",
            lambda text, fmt: model.loads(text, format=fmt, **context),
            _loads_texts(documents),
        ),
    )


# ------------------------------------------------------------ valid starting points

PST = WorkingCalendar.pst()

#: Working calendars: PST, a province, a closure, an extra working day, Ramadan.
calendars = st.sampled_from(
    [
        PST,
        WorkingCalendar.for_province("Bali"),
        WorkingCalendar.pst("Asia/Jayapura").with_closure(
            date(2026, 3, 2), date(2026, 3, 6), reason="renovasi"
        ),
        PST.with_extra_working_day(date(2026, 3, 7), reason="pelayanan", windows=["08:00-12:00"]),
        PST.with_ramadan(date(2026, 2, 18), date(2026, 3, 19)),
    ]
)

#: Instants a caller may pass: aware, naive, near the ends of time, in a DST fold.
odd_instants = st.one_of(
    instants,
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)),
    st.datetimes(timezones=st.sampled_from([timezone.utc, ZoneInfo("Europe/Berlin")])),
    st.sampled_from(
        [
            datetime.min.replace(tzinfo=timezone.utc),
            datetime.max.replace(tzinfo=timezone.utc),
            datetime(2026, 10, 25, 2, 10, fold=1, tzinfo=ZoneInfo("Europe/Berlin")),
            datetime(2026, 3, 29, 2, 30, tzinfo=ZoneInfo("Europe/Berlin")),
        ]
    ),
    ANYTHING,
)

odd_durations = st.one_of(
    durations,
    st.sampled_from([WorkingDays(10**6), CalendarDays(3_652_058), CalendarMonths(10**5)]),
    st.sampled_from([WorkingTime(timedelta(days=10**5)), WorkingTime(timedelta(0))]),
    ANYTHING,
)

#: Columns ``add_column`` may be handed: instants, strings, mixed offsets, NaT, numbers.
odd_columns = st.one_of(
    st.lists(instants, max_size=5).map(lambda values: pd.Series(values, dtype=object)),
    st.lists(instants, max_size=5).map(
        lambda values: pd.Series(pd.to_datetime([v.astimezone(timezone.utc) for v in values]))
    ),
    st.lists(HOSTILE_TEXT, max_size=3).map(lambda values: pd.Series(values, dtype=object)),
    st.lists(st.integers(), max_size=3).map(pd.Series),
    st.just(pd.Series([pd.NaT, datetime(2026, 3, 17, 9, tzinfo=timezone.utc)])),
    st.just(pd.Series([], dtype="datetime64[ns, UTC]")),
    st.just(pd.Series(pd.to_datetime(["2026-03-17 09:00"]))),  # naive
    ANYTHING,
)

workflow_names = st.sampled_from(BUILTIN)
workflow_data = workflow_names.map(lambda name: builtin_workflow(name).to_data())
transaction_data = transactions(max_events=4).map(lambda tx: tx.to_data())
standard_data = st.one_of(
    st.sampled_from(list(catalog().standards.values())),
    service_standards(),
).map(lambda standard: standard.to_data())
sop_data = st.one_of(
    st.sampled_from(list(catalog().sops.values())), standard_operating_procedures()
).map(lambda sop: sop.to_data())
schedule_data = st.one_of(st.just(illustrative_schedule()), tariff_schedules()).map(
    lambda schedule: schedule.to_data()
)
calendar_data = calendars.map(lambda calendar: calendar.to_data())


def _checklists() -> list[Any]:
    found = []
    for standard in catalog().standards.values():
        for channel in ("offline", "online"):
            with contextlib.suppress(PstError):
                found.append(standard.checklist(channel))
    return found


checklists = st.sampled_from(_checklists())


def _fire(workflow: str, event: Any, at: Any, actor: Any, data: dict[str, Any]) -> object:
    opened = Transaction.open(
        builtin_workflow(workflow), at=datetime(2026, 3, 17, 9, tzinfo=timezone.utc), actor="user"
    )
    return opened.fire(event, at=at, actor=actor, data=data)


def _sla_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(rows, dtype=object)  # cells as given, whatever their type


#: Rows of an events table: good values, near misses and hostile text in every column.
event_rows = st.lists(
    st.fixed_dictionaries(
        {
            "transaction": st.one_of(st.sampled_from(["t1", "t2"]), ANYTHING),
            "workflow": st.one_of(workflow_names, ANYTHING),
            "event": st.one_of(st.sampled_from(["open", "reply", "close", "serve"]), ANYTHING),
            "at": st.one_of(
                st.sampled_from(["2026-03-17T09:00+07:00", "2026-03-18T10:00+07:00"]),
                odd_instants,
            ),
            "actor": st.one_of(st.just("user"), ANYTHING),
            "data": st.one_of(st.just(""), st.just('{"outcome": "complete"}'), ANYTHING),
        },
    ),
    max_size=4,
)

#: Rows of a satisfaction survey: scores 1-4, out of range, wrong types, missing.
survey_rows = st.lists(
    st.dictionaries(
        st.one_of(st.sampled_from([f"U{n}" for n in range(1, 10)] + ["unit"]), HOSTILE_TEXT),
        st.one_of(st.integers(0, 5), ANYTHING),
        max_size=11,
    ),
    max_size=4,
)

#: What breaks a reader that splits text carelessly: every line separator `str.splitlines`
#: knows, quotes, commas, a byte order mark, a NUL.
SEPARATORS = [
    "\n",
    "\r\n",
    "\r",
    "\u2028",
    "\u2029",
    "\x85",
    "\x0c",
    "\x0b",
    "\x1c",
    "\x1d",
    "\x1e",
]
SEPARATORS += ['"', ",", "\ufeff", "\x00", "=cmd", "|", "<script>"]
SURVEY_COLUMNS = [f"U{n}" for n in range(1, 10)] + ["unit"]


@st.composite
def survey_csv(draw: st.DrawFn) -> str:
    """A survey CSV: a header (columns repeated, missing or none), rows with separators."""
    header = draw(st.lists(st.sampled_from(SURVEY_COLUMNS), max_size=12))
    if draw(st.booleans()):
        header = [*SURVEY_COLUMNS, *header]  # every column, some twice
    cells = st.one_of(st.sampled_from(["1", "4", "5", "", '"a\nb"', '"x,y"']), HOSTILE_TEXT)
    rows = draw(st.lists(st.lists(cells, max_size=12), max_size=4))
    pieces = [",".join(header), *(",".join(row) for row in rows)]
    glue = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(pieces), max_size=len(pieces)))
    bom = "\ufeff" if draw(st.booleans()) else ""
    return bom + "".join(piece + sep for piece, sep in zip(pieces, glue, strict=True))


@st.composite
def events_csv(draw: st.DrawFn) -> str:
    """An events CSV: the columns (some twice, some missing, or a header only), odd cells."""
    columns = ["transaction", "workflow", "event", "at", "actor", "data", "unit"]
    header = draw(st.lists(st.sampled_from(columns), max_size=9)) or columns
    cells = st.one_of(
        st.sampled_from(["t1", "visit", "open", "2026-03-17T09:00+07:00", "user", ""]),
        st.sampled_from(SEPARATORS),
        HOSTILE_TEXT,
    )
    rows = draw(st.lists(st.lists(cells, max_size=9), max_size=4))
    bom = "\ufeff" if draw(st.booleans()) else ""
    return bom + "\n".join(",".join(row) for row in [header, *rows]) + "\n"


@st.composite
def transactions_jsonl(draw: st.DrawFn) -> str:
    """Saved transactions, one a line: valid ones repeated, broken lines, odd separators."""
    good = [json.dumps(tx.to_data(), ensure_ascii=False) for tx in _saved_transactions()]
    line = st.one_of(st.sampled_from(good), st.sampled_from(["", "{}", "[1]", "{"]), HOSTILE_TEXT)
    lines = draw(st.lists(line, max_size=5))
    glue = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(lines), max_size=len(lines)))
    bom = "\ufeff" if draw(st.booleans()) else ""
    return bom + "".join(text + sep for text, sep in zip(lines, glue, strict=True))


def _saved_transactions() -> list[Transaction]:
    at = datetime(2026, 3, 17, 9, tzinfo=timezone.utc)
    opened = Transaction.open(
        builtin_workflow("visit"), at=at, actor="user", data={"unit": "a\u2028b"}
    )
    return [opened, Transaction.open(builtin_workflow("visit"), at=at, actor="user", id="T 2")]


def _in_file(suffix: str, text: str, read: Callable[[Path], Any]) -> None:
    """Write ``text`` to a file with ``suffix``, read it, and write every output of the report."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_text(text, encoding="utf-8", errors="surrogatepass", newline="")
        report = read(path)
    for language in ("id", "en"):
        report.describe(language)
        report.to_markdown(language)
        report.to_html(language, charts=False)
    report.to_csv()


_NOW = datetime(2026, 6, 1, tzinfo=timezone.utc)

# One row per public entry point that takes outside input.
ENTRY_POINTS: tuple[Entry, ...] = (
    Entry("i18n.check_language", check_language, st.tuples(ANYTHING)),
    Entry("i18n.text", text, st.tuples(HOSTILE_TEXT, st.sampled_from(["id", "en"]))),
    Entry("i18n.text/odd", text, st.tuples(ANYTHING, ANYTHING)),
    Entry("calendar.parse_duration", parse_duration, st.tuples(st.one_of(PHRASES, ANYTHING))),
    Entry(
        "WorkingHours.parse",
        WorkingHours.parse,
        st.tuples(
            st.one_of(
                st.dictionaries(
                    st.one_of(
                        st.sampled_from(["senin", "monday", "mon-thu", "jumat", "sabtu"]),
                        HOSTILE_TEXT,
                    ),
                    st.one_of(
                        st.sampled_from(["08:00-15:30", "08.00-16.00", "24:00-25:00", "16-08"]),
                        HOSTILE_TEXT,
                        ANYTHING,
                    ),
                    max_size=4,
                ),
                ANYTHING,
            )
        ),
    ),
    Entry(
        "WorkingCalendar.add",
        lambda c, at, d: c.add(at, d),
        st.tuples(calendars, odd_instants, odd_durations),
    ),
    Entry(
        "WorkingCalendar.deadline",
        lambda c, at, d: c.deadline(at, d),
        st.tuples(calendars, odd_instants, odd_durations),
    ),
    Entry(
        "WorkingCalendar.latest_start",
        lambda c, at, d: c.latest_start(at, d),
        st.tuples(calendars, odd_instants, odd_durations),
    ),
    Entry(
        "WorkingCalendar.latest_start_column",
        lambda c, column, d: c.latest_start_column(column, d),
        st.tuples(calendars, odd_columns, odd_durations),
    ),
    Entry(
        "WorkingCalendar.working_time_between",
        lambda c, a, b: c.working_time_between(a, b),
        st.tuples(calendars, odd_instants, odd_instants),
    ),
    Entry(
        "WorkingCalendar.is_open", lambda c, at: c.is_open(at), st.tuples(calendars, odd_instants)
    ),
    Entry(
        "WorkingCalendar.next_open",
        lambda c, at: c.next_open(at),
        st.tuples(calendars, odd_instants),
    ),
    Entry(
        "WorkingCalendar.add_column",
        lambda c, column, d: c.add_column(column, d),
        st.tuples(calendars, odd_columns, odd_durations),
    ),
    Entry(
        "WorkingCalendar.with_closure",
        lambda c, day, reason: c.with_closure(day, reason=reason),
        st.tuples(calendars, st.one_of(st.dates(), ANYTHING), HOSTILE_TEXT),
    ),
    Entry(
        "WorkingCalendar.with_decreed_day",
        lambda c, day, kind, name, decree, action: c.with_decreed_day(
            day, kind, name, decree=decree, action=action
        ),
        st.tuples(
            calendars,
            st.one_of(st.dates(date(2020, 1, 1), date(2030, 12, 31)), ANYTHING),
            st.sampled_from(["national", "cuti_bersama", "x"]),
            st.one_of(st.just("Cuti Bersama"), HOSTILE_TEXT),
            st.one_of(st.just("SKB 1/2026"), HOSTILE_TEXT),
            st.sampled_from(["add", "remove"]),
        ),
    ),
    Entry(
        "WorkingCalendar(name=)",
        lambda name, reason: WorkingCalendar(name=name).with_extra_working_day(
            date(2026, 3, 7), reason=reason, windows=["08:00-12:00"]
        ),
        st.tuples(st.one_of(HOSTILE_TEXT, ANYTHING), HOSTILE_TEXT),
    ),
    Entry(
        "_validation.parse_instant",
        lambda text: parse_instant(text, "at"),
        st.tuples(st.one_of(HOSTILE_TEXT, ANYTHING)),
    ),
    Entry("zones.province", zones.province, st.tuples(st.one_of(HOSTILE_TEXT, ANYTHING))),
    Entry(
        "zones.zone_info",
        zones.zone_info,
        st.tuples(
            st.one_of(
                HOSTILE_TEXT,
                st.sampled_from(["Asia", "Asia/" + "x" * 5000, "x" * 5000, "UTC", "Etc/GMT+99"]),
                ANYTHING,
            )
        ),
    ),
    *_model_entries("WorkingCalendar", WorkingCalendar, calendar_data),
    *_model_entries("ServiceStandard", ServiceStandard, standard_data),
    *_model_entries("StandardOperatingProcedure", StandardOperatingProcedure, sop_data),
    Entry("standards.read_document", standards.read_document, st.tuples(ANYTHING)),
    Entry("catalog().standard", lambda i: catalog().standard(i), st.tuples(ANYTHING)),
    Entry("catalog().sop", lambda i: catalog().sop(i), st.tuples(ANYTHING)),
    Entry(
        "Checklist.evaluate",
        lambda checklist, evidence, at: checklist.evaluate(evidence, at=at),
        st.tuples(
            checklists,
            st.one_of(
                st.dictionaries(
                    st.one_of(st.sampled_from(["ktp", "surat-pengantar", "email"]), HOSTILE_TEXT),
                    st.one_of(st.booleans(), st.dates(), ANYTHING),
                    max_size=3,
                ),
                ANYTHING,
            ),
            st.one_of(st.dates(), odd_instants),
        ),
    ),
    *_model_entries("Workflow", Workflow, workflow_data),
    *_model_entries("Transaction", Transaction, transaction_data),
    Entry(
        "Transaction.open",
        lambda workflow, at, actor, identifier: Transaction.open(
            workflow, at=at, actor=actor, id=identifier
        ),
        st.tuples(
            st.one_of(workflow_names.map(builtin_workflow), ANYTHING),
            odd_instants,
            st.one_of(st.just("user"), ANYTHING),
            st.one_of(st.none(), ANYTHING),
        ),
    ),
    Entry(
        "Transaction.fire",
        _fire,
        st.tuples(
            workflow_names,
            st.one_of(st.sampled_from(["serve", "reply", "close", "cancel", "open"]), ANYTHING),
            odd_instants,
            st.one_of(st.just("officer"), ANYTHING),
            st.dictionaries(
                st.one_of(st.from_regex(r"[a-z]{1,8}", fullmatch=True), HOSTILE_TEXT),
                ANYTHING,
                max_size=2,
            ),
        ),
    ),
    Entry(
        "states.replay",
        replay,
        st.tuples(
            st.one_of(workflow_names.map(builtin_workflow), ANYTHING),
            st.one_of(transactions(max_events=3).map(lambda tx: tx.history), ANYTHING),
        ),
    ),
    *_model_entries("TariffSchedule", TariffSchedule, schedule_data),
    Entry(
        "tariffs.quote",
        lambda lines, at, requester, purpose: tariffs.quote(
            lines, illustrative_schedule(), at=at, requester=requester, purpose=purpose
        ),
        st.tuples(
            st.one_of(
                st.dictionaries(
                    st.one_of(st.sampled_from(["pub-print", "microdata-1"]), HOSTILE_TEXT),
                    st.one_of(st.integers(-5, 10**6), ANYTHING),
                    max_size=3,
                ),
                ANYTHING,
            ),
            st.one_of(st.dates(), odd_instants),
            st.one_of(st.none(), st.sampled_from(["student", "regional_government"]), ANYTHING),
            st.one_of(st.none(), st.sampled_from(["research", "commercial"]), ANYTHING),
        ),
    ),
    Entry(
        "tariffs.zero_rate",
        lambda requester, purpose, types: tariffs.zero_rate(requester, purpose, pnbp_types=types),
        st.tuples(
            st.one_of(st.sampled_from(["student", "Regional government"]), ANYTHING),
            st.one_of(st.sampled_from(["research", "commercial"]), ANYTHING),
            st.one_of(st.lists(st.sampled_from(["microdata", "wilkerstat_map"])), ANYTHING),
        ),
    ),
    Entry(
        "tariffs.parse_rupiah",
        tariffs.parse_rupiah,
        st.tuples(
            st.one_of(
                st.sampled_from(["Rp 30.000", "Rp30.000,00", "1E+999999999", "9" * 5000]),
                HOSTILE_TEXT,
                ANYTHING,
            )
        ),
    ),
    Entry(
        "reports.sla_report",
        lambda rows, invalid: reports.sla_report(
            _sla_frame(rows), now=datetime(2026, 6, 1, tzinfo=timezone.utc), invalid=invalid
        ),
        st.tuples(event_rows, st.sampled_from(["skip", "raise"])),
    ),
    Entry(
        "reports.ikm_report",
        lambda rows, invalid, group_by: reports.ikm_report(
            rows, invalid=invalid, group_by=group_by
        ),
        st.tuples(
            st.one_of(survey_rows, ANYTHING),
            st.sampled_from(["skip", "raise"]),
            st.sampled_from([(), ("unit",)]),
        ),
    ),
    Entry(
        "reports.ikm_report/csv",
        lambda text, invalid, group_by: _in_file(
            ".csv", text, lambda path: reports.ikm_report(path, invalid=invalid, group_by=group_by)
        ),
        st.tuples(
            survey_csv(), st.sampled_from(["skip", "raise"]), st.sampled_from([(), ("unit",)])
        ),
    ),
    Entry(
        "reports.sla_report/csv",
        lambda text, invalid: _in_file(
            ".csv", text, lambda path: reports.sla_report(path, now=_NOW, invalid=invalid)
        ),
        st.tuples(events_csv(), st.sampled_from(["skip", "raise"])),
    ),
    Entry(
        "reports.sla_report/jsonl",
        lambda text, invalid, group_by: _in_file(
            ".jsonl",
            text,
            lambda path: reports.sla_report(path, now=_NOW, invalid=invalid, group_by=group_by),
        ),
        st.tuples(
            transactions_jsonl(),
            st.sampled_from(["skip", "raise"]),
            st.sampled_from([("month", "clock"), ("unit", "channel")]),
        ),
    ),
)


@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=lambda entry: entry.name)
def test_only_pst_errors_escape(entry: Entry) -> None:
    @FUZZ
    @given(arguments=entry.arguments)
    def check(arguments: tuple[Any, ...]) -> None:
        with contextlib.suppress(PstError):
            entry.call(*arguments)

    check()


# ------------------------------------------------------------------ round trips


def _schedules() -> st.SearchStrategy[Any]:
    return st.one_of(st.just(illustrative_schedule()), tariff_schedules())


#: Every saved model and a strategy for instances of it.
SAVED_MODELS: tuple[tuple[str, Any, st.SearchStrategy[Any], dict[str, Any]], ...] = (
    ("ServiceStandard", ServiceStandard, standard_data.map(ServiceStandard.from_data), {}),
    (
        "StandardOperatingProcedure",
        StandardOperatingProcedure,
        sop_data.map(StandardOperatingProcedure.from_data),
        {},
    ),
    ("Workflow", Workflow, workflow_names.map(builtin_workflow), {"guards": GUARDS}),
    ("Transaction", Transaction, transactions(max_events=6), {}),
    ("TariffSchedule", TariffSchedule, _schedules(), {}),
    ("WorkingCalendar", WorkingCalendar, calendars, {}),
)


@pytest.mark.parametrize("fmt", ["json", "toml"])
@pytest.mark.parametrize(
    ("name", "model", "instances", "context"), SAVED_MODELS, ids=[m[0] for m in SAVED_MODELS]
)
def test_whatever_loads_dumps_back_equal(
    name: str, model: Any, instances: st.SearchStrategy[Any], context: dict[str, Any], fmt: str
) -> None:
    assert name

    @FUZZ
    @given(instance=instances)
    def check(instance: Any) -> None:
        # Constructors refuse what either format cannot hold (None, huge integers, lone
        # surrogates): whatever was built saves and loads back equal in both.
        assert model.loads(instance.dumps(fmt), format=fmt, **context) == instance

    check()


def _built(build: Callable[[], Any]) -> Any:
    """What ``build`` makes, or ``None`` when a constructor refuses (a clean `PstError`)."""
    try:
        return build()
    except PstError:
        return None


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_a_calendar_built_from_hostile_text_round_trips_when_accepted(fmt: Format) -> None:
    @FUZZ
    @given(name=HOSTILE_TEXT, reason=HOSTILE_TEXT, decree=HOSTILE_TEXT)
    def check(name: str, reason: str, decree: str) -> None:
        calendar = _built(
            lambda: (
                WorkingCalendar(name=name)
                .with_closure(date(2026, 11, 23), reason=reason)
                .with_decreed_day(date(2026, 8, 18), "cuti_bersama", reason, decree=decree)
            )
        )
        if calendar is not None:
            assert WorkingCalendar.loads(calendar.dumps(fmt), format=fmt) == calendar

    check()


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_a_transaction_built_from_hostile_input_round_trips_when_accepted(fmt: Format) -> None:
    at = datetime(2026, 3, 17, 9, tzinfo=timezone.utc)

    @FUZZ
    @given(actor=HOSTILE_TEXT, key=HOSTILE_TEXT, value=ANYTHING, identifier=HOSTILE_TEXT)
    def check(actor: str, key: str, value: Any, identifier: str) -> None:
        tx = _built(
            lambda: Transaction.open(
                builtin_workflow("visit"), at=at, actor=actor, id=identifier, data={key: value}
            )
        )
        if tx is not None:
            assert Transaction.loads(tx.dumps(fmt), format=fmt) == tx

    check()


@pytest.mark.parametrize(
    ("name", "model", "documents"),
    [
        ("WorkingCalendar", WorkingCalendar, calendar_data),
        ("ServiceStandard", ServiceStandard, standard_data),
        ("StandardOperatingProcedure", StandardOperatingProcedure, sop_data),
        ("Workflow", Workflow, workflow_data),
        ("Transaction", Transaction, transaction_data),
        ("TariffSchedule", TariffSchedule, schedule_data),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_whatever_a_mutated_document_loads_as_saves_and_loads_back(
    name: str, model: Any, documents: st.SearchStrategy[dict[str, Any]]
) -> None:
    """A mutated document is refused, or what it loads as survives its own round trip."""

    @FUZZ
    @given(data=mutated(documents))
    def check(data: dict[str, Any]) -> None:
        try:
            loaded = model.from_data(data)
        except PstError:
            return
        assert model.loads(loaded.dumps("json"), format="json") == loaded

    check()


# ------------------------------------------------------ regressions the fuzzer found


def test_a_huge_integer_in_a_document_is_named_not_a_second_error() -> None:
    data = WorkingCalendar.pst().to_data()
    data["timezone"] = 10**5000
    with pytest.raises(PstError, match="an integer of about 5001 digits"):
        WorkingCalendar.from_data(data)


def test_a_deep_nest_in_a_document_is_a_pst_error() -> None:
    data = builtin_workflow("visit").to_data()
    data["description"] = _nest(2000)
    with pytest.raises(PstError):
        Workflow.from_data(data)


def test_text_with_a_key_that_is_not_text() -> None:
    with pytest.raises(PstError, match=r"^key: expected str"):
        text(["cli.error"], "en")  # type: ignore[arg-type]


@pytest.mark.parametrize("path", ["", "\x00", "x" * 5000, "/"])
def test_ikm_report_on_a_path_that_cannot_be_read(path: str) -> None:
    with pytest.raises(PstError, match="source"):
        reports.ikm_report(path)


@pytest.mark.parametrize("cell", [b"\x80", "\udcff"])
def test_sla_report_on_a_cell_that_is_not_text(cell: object) -> None:
    row = {
        "transaction": "t1",
        "workflow": "visit",
        "event": "open",
        "at": "2026-03-17T09:00+07:00",
        "actor": cell,
        "data": "",
    }
    frame = pd.DataFrame([row], dtype=object)
    for invalid in ("skip", "raise"):
        with contextlib.suppress(PstError):
            reports.sla_report(
                frame, now=datetime(2026, 6, 1, tzinfo=timezone.utc), invalid=invalid
            )


@pytest.mark.parametrize(
    "duration", [WorkingDays(1), WorkingTime(timedelta(0)), CalendarDays(1)], ids=repr
)
def test_queries_at_the_last_instant_in_utc(duration: Any) -> None:
    end = datetime.max.replace(tzinfo=timezone.utc)
    with pytest.raises(PstError):
        PST.deadline(end, duration)


def test_a_zone_name_too_long_is_an_unknown_name_said_short() -> None:
    result = run_cli(["deadline", "2026-03-17T14:00", "3 hari kerja", "--zone", "x" * 5000])
    assert result.status == 1
    assert "unknown time zone" in result.err
    assert len(result.err) < 400


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-17T07:00Z", datetime(2026, 3, 17, 7, tzinfo=timezone.utc)),
        ("2026-03-17T07:00:00.000000Z", datetime(2026, 3, 17, 7, tzinfo=timezone.utc)),
    ],
)
def test_parse_instant_reads_a_trailing_z_on_every_python(text: str, expected: datetime) -> None:
    moment = parse_instant(text, "start")
    assert moment == expected
    assert moment.utcoffset() == timedelta(0)


def test_deadline_reads_its_start_with_parse_instant() -> None:
    z = run_cli(["deadline", "2026-03-17T07:00Z", "3 hari kerja"])
    offset = run_cli(["deadline", "2026-03-17T14:00+07:00", "3 hari kerja"])
    wall = run_cli(["deadline", "2026-03-17T14:00", "3 hari kerja"])
    assert z.status == offset.status == wall.status == 0, z.err
    assert z.out == offset.out == wall.out
    refused = run_cli(["deadline", "yesterday", "3 hari kerja"])
    assert refused.status == 1
    assert "START" in refused.err


def test_a_huge_integer_in_event_data_is_refused_at_load() -> None:
    """What loads can be saved: a 5000-digit number would break ``dumps``."""
    tx = Transaction.open(
        builtin_workflow("visit"), at=datetime(2026, 3, 17, 9, tzinfo=timezone.utc), actor="user"
    )
    data = tx.to_data()
    data["history"][0]["data"] = {"n": 10**5000}
    with pytest.raises(PstError, match="at most 4000 digits"):
        Transaction.from_data(data)


def test_a_long_zone_name_is_an_unknown_zone_not_a_recursion() -> None:
    """zoneinfo imports a package per '/' of a name: a long one must be refused first."""
    data = builtin_workflow("visit").to_data()
    data["timezone"] = "Asia/Jakarta" * 5000
    with pytest.raises(PstError, match="IANA zone name"):
        Workflow.from_data(data)
