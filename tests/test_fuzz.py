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
import io
import os
import reprlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pst_core import cli
from pst_core.errors import PstError
from pst_core.i18n import check_language, text

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
HOSTILE_TEXT = st.one_of(
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

# One row per public entry point. The lead adds the rest once the APIs settle, e.g.
#   Entry("calendar.parse_duration", parse_duration, st.tuples(PHRASES)),
ENTRY_POINTS: tuple[Entry, ...] = (
    Entry("i18n.check_language", check_language, st.tuples(ANYTHING)),
    Entry("i18n.text", text, st.tuples(HOSTILE_TEXT, st.sampled_from(["id", "en"]))),
)


@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=lambda entry: entry.name)
def test_only_pst_errors_escape(entry: Entry) -> None:
    @FUZZ
    @given(arguments=entry.arguments)
    def check(arguments: tuple[Any, ...]) -> None:
        with contextlib.suppress(PstError):
            entry.call(*arguments)

    check()
