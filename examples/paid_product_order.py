"""A paid-product order through its workflow, with its SLA clocks and the system's timers.

The clocks are those of SOP-1-101/17000/2025 "Layanan Produk Statistik Berbayar"
(BPS Provinsi Bengkulu): queue 3 working days (step 5), delivery 10 working days
from "complete" (step 7), rating 5 minutes (step 8). The data-use agreement
(SPPD, for microdata and maps only), the invoice, the billing code and the
payment come from BPS's official online service, not from the SOP.

Run: python examples/paid_product_order.py
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from pst_core.states import Transaction
from pst_core.states.builtin import paid_product

WIB = ZoneInfo("Asia/Jakarta")


def at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=WIB)


def show(order: Transaction, now: datetime) -> None:
    print(f"{now:%a %Y-%m-%d %H:%M}  state: {order.state}")
    for status in order.clocks(now).values():
        print(f"    {status.describe()}")
    for timer in order.due_timers(now):
        print(f"    due timer: {timer.event} (since {timer.due:%a %Y-%m-%d %H:%M})")


def main() -> None:
    order = Transaction.open(paid_product(), at=at(3, 13, 10), actor="user", id="ST-2026-0042")
    show(order, at(3, 13, 10))
    steps: list[tuple[str, datetime, str, dict[str, Any]]] = [
        ("start-verification", at(3, 16, 9), "officer", {}),
        ("verify", at(3, 16, 9, 30), "officer", {"outcome": "incomplete"}),
        ("resubmit", at(3, 17, 8, 15), "user", {}),
        # Microdata: the SPPD comes before the invoice.
        ("verify", at(3, 17, 9), "officer", {"outcome": "complete", "product": "microdata"}),
        ("sign-agreement", at(3, 17, 9, 40), "user", {}),
        ("issue-invoice", at(3, 17, 10), "officer", {}),
    ]
    for event, when, actor, data in steps:
        order = order.fire(event, at=when, actor=actor, data=data)
        show(order, when)
    now = at(3, 25, 9)
    show(order, now)
    for timer in order.due_timers(now):
        order = order.fire(timer.event, at=timer.due, actor=timer.actor)
    for event, when, actor in [
        ("reissue-billing-code", at(3, 25, 9), "officer"),
        ("pay", at(3, 25, 11), "user"),
        ("deliver", at(4, 7, 14), "officer"),
        ("rate", at(4, 7, 14, 3), "user"),
        ("close", at(4, 7, 14, 4), "user"),
    ]:
        order = order.fire(event, at=when, actor=actor)
    show(order, at(4, 7, 14, 4))
    print(
        f"history: {len(order.history)} events, JSON round trip equal: "
        f"{Transaction.loads(order.dumps(), format='json') == order}"
    )


if __name__ == "__main__":
    main()
