"""Every refusal of the reports says itself in Indonesian and in English.

The reports' errors are built from phrases of the catalogue (``messages/reports.toml``),
so ``describe("id")`` is Indonesian, whatever the refusal: a bad option, a source that
is not a table, a file that cannot be read, an element total out of range.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from pst_core.errors import PstError
from pst_core.reports import (
    ElementScore,
    IkmGroup,
    grade,
    ikm_report,
    minimum_sample,
    read_events,
    sla_report,
)
from tests.english import assert_indonesian
from tests.reports.responses import row
from tests.reports.ticket import NOW, golden_frame, ticket

pd = pytest.importorskip("pandas")

NAMES = ["U1", "U9", "Decimal", "Fraction", "int", "str", "DataFrame", "pandas", "None", "dask"]
NAMES += ["ProgressBar", "diagnostics", "respondents", "weight", "exact", "JSON", "Lines", "UTF-8"]
NAMES += ["converted", "population", "group_by", "source", "columns", "total", "elements", "key"]
NAMES += ["ElementScore", "IkmGroup", "workflows", "now", "progress", "Fraction", "transaction"]
NAMES += ["workflow", "event", "at", "actor", "data", "unit", "ticket"]
NAMES += ["Workflow", "csv", "parquet", "Unicode", "CSV", "IsADirectoryError", "UnicodeDecodeError"]


def _cases(tmp_path: Path) -> list[Callable[[], Any]]:
    folder = tmp_path / "folder.jsonl"
    folder.mkdir()
    not_utf8 = tmp_path / "bad.csv"
    not_utf8.write_bytes(b"U1\n\xff\n")
    return [
        lambda: grade(Fraction(101)),
        lambda: grade(1.5),  # type: ignore[arg-type]
        lambda: minimum_sample(0),
        lambda: minimum_sample("9"),  # type: ignore[arg-type]
        lambda: ElementScore("U1", total=9, respondents=2),
        lambda: IkmGroup((("a", 1, 2),), 1, ()),  # type: ignore[arg-type]
        lambda: IkmGroup((), 1, ()),
        lambda: ikm_report([row("444444444")], group_by=["U1"]),
        lambda: ikm_report([row("444444444")], group_by=[1]),  # type: ignore[list-item]
        lambda: ikm_report(42),
        lambda: ikm_report([1]),
        lambda: ikm_report(tmp_path / "none.csv"),
        lambda: ikm_report(not_utf8),
        lambda: ikm_report([{"U1": 4}]),
        lambda: read_events(42),
        lambda: read_events(tmp_path / "events.txt"),
        lambda: read_events(pd.DataFrame({"transaction": ["t"]})),
        lambda: sla_report(folder, now=NOW),
        lambda: sla_report(golden_frame(), now=NOW, group_by=["unit", "unit"]),
        lambda: sla_report(golden_frame(), now=NOW, group_by=[1]),  # type: ignore[list-item]
        lambda: sla_report(golden_frame(), now=NOW, workflows={"x": ticket()}),
        lambda: sla_report(golden_frame(), now=NOW, workflows=[1]),  # type: ignore[list-item]
        lambda: sla_report(golden_frame(), now=datetime(2200, 1, 1, tzinfo=timezone.utc)),
    ]


def test_every_refusal_says_itself_in_both_languages(tmp_path: Path) -> None:
    for case in _cases(tmp_path):
        with pytest.raises(PstError) as caught:
            case()
        english, indonesian = caught.value.describe("en"), caught.value.describe("id")
        assert english != indonesian, english
        assert_indonesian(indonesian, ignoring=NAMES)


@pytest.mark.parametrize("engine", ["columns", "objects"])
def test_bad_rows_say_themselves_in_both_languages(engine: str) -> None:
    frame = golden_frame()
    frame.loc[3, "at"] = "2026-04-01 09:30"  # T2: an instant without its offset
    frame.loc[1, "at"] = "2026-05-01T09:00:00+07:00"  # T1: after the clocks are read
    report = sla_report(frame, now=NOW, workflows=[ticket()], invalid="skip", engine=engine)  # type: ignore[arg-type]
    described = [row.describe("id") for row in report.bad_rows]
    assert described[0].startswith("baris berkas ")
    assert any("dilewati: baris lain dari transaksi ini salah" in said for said in described)
    assert any("setelah saat baca" in said for said in described)
    for bad in report.bad_rows:
        assert bad.describe("en") == str(bad)  # the English words are the reason itself
        assert_indonesian(bad.describe("id"), ignoring=[*NAMES, "ISO", "T1", "T2", "T3"])
