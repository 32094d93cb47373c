"""A paid-product order through its workflow, with its SLA clocks and the system's timers.

Run: python examples/paid_product_order.py
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from pst_core.states import Transaction
from pst_core.states.workflows import paid_product

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
    steps = [
        ("start-verification", at(3, 16, 9), {}),
        ("verify", at(3, 16, 9, 30), {"outcome": "incomplete"}),
        ("resubmit", at(3, 17, 8, 15), {}),
        ("verify", at(3, 17, 9), {"outcome": "complete"}),
        ("issue-invoice", at(3, 17, 10), {}),
    ]
    for event, when, data in steps:
        order = order.fire(event, at=when, actor="officer", **data)
        show(order, when)
    now = at(3, 25, 9)
    show(order, now)
    for timer in order.due_timers(now):
        order = order.fire(timer.event, at=timer.due, actor=timer.actor)
    for event, when in [
        ("reissue-billing-code", at(3, 25, 9)),
        ("pay", at(3, 25, 11)),
        ("sign-agreement", at(3, 26, 9)),
        ("deliver", at(4, 7, 14)),
        ("close", at(4, 7, 14, 30)),
    ]:
        order = order.fire(event, at=when, actor="officer")
    show(order, at(4, 7, 14, 30))
    print(
        f"history: {len(order.history)} events, JSON round trip equal: "
        f"{Transaction.loads(order.dumps(), format='json') == order}"
    )


if __name__ == "__main__":
    main()
