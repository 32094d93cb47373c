"""Transactions and names the states tests share: built-in workflows driven to a known point."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from pst_core.errors import PstError
from pst_core.standards import catalog
from pst_core.states import Transaction
from pst_core.states.builtin import BUILTIN, builtin_workflow, paid_product

WIB = ZoneInfo("Asia/Jakarta")
T0 = datetime(2026, 3, 16, 9, 0, tzinfo=WIB)  # a Monday


def every_builtin_name() -> list[str]:
    """Every built-in workflow: each base alone and built from each catalog document it takes."""
    names = []
    for base in BUILTIN:
        for document in ("", *catalog()):
            name = f"{base}:{document}" if document else base
            try:
                builtin_workflow(name)
            except PstError:  # a document this builder does not take
                continue
            names.append(name)
    return names


def incomplete_order() -> Transaction:
    """A paid-product order ``ST-1`` found incomplete two hours after it was made at `T0`."""
    tx = Transaction.open(paid_product(), at=T0, actor="user", id="ST-1")
    tx = tx.fire("start-verification", at=T0 + timedelta(hours=1), actor="officer")
    return tx.fire(
        "verify", at=T0 + timedelta(hours=2), actor="officer", data={"outcome": "incomplete"}
    )


def invoiced_order(at: datetime, product: str = "printed_publication") -> Transaction:
    """An order for ``product``: checked, agreed (SPPD) if needed, and invoiced at ``at``."""
    tx = Transaction.open(paid_product(), at=at, actor="user")
    tx = tx.fire("start-verification", at=at, actor="officer")
    tx = tx.fire("verify", at=at, actor="officer", data={"outcome": "complete", "product": product})
    if product in ("microdata", "wilkerstat_map"):
        tx = tx.fire("sign-agreement", at=at, actor="user")  # the SPPD before the invoice
    return tx.fire("issue-invoice", at=at, actor="officer")
