"""``sla_report`` over the transactions a program holds: the same report as their saved lines."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pst_core.reports import sla_report
from pst_core.states import Transaction
from pst_core.states.builtin import paid_product

pytest.importorskip("pandas")

WIB = ZoneInfo("Asia/Jakarta")
T0 = datetime(2026, 3, 17, 14, tzinfo=WIB)


def _held() -> list[Transaction]:
    held = []
    for i in range(4):
        tx = Transaction.open(paid_product(), at=T0 + timedelta(days=i), actor="user", id=f"T{i}")
        if i % 2:
            tx = tx.fire("start-verification", at=tx.last_at + timedelta(hours=3), actor="officer")
        held.append(tx)
    return held


@pytest.mark.parametrize("engine", ["columns", "objects"])
def test_a_report_over_held_transactions_is_the_report_over_their_saved_lines(
    engine: str, tmp_path: Path
) -> None:
    now = T0 + timedelta(days=30)
    lines = tmp_path / "saved.jsonl"
    lines.write_text("".join(tx.dumps() + "\n" for tx in _held()), encoding="utf-8")
    saved = sla_report(lines, now=now, engine=engine)  # type: ignore[arg-type]
    held = sla_report(iter(_held()), now=now, engine=engine)  # type: ignore[arg-type]
    assert held.to_frame().equals(saved.to_frame())
    assert held.summary().equals(saved.summary())
