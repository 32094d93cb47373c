"""Transaction state machines with SLA clocks: immutable, validated, replayable.

The package is one-way: `pst_core.states.workflow` declares the tables
(`Workflow`, `State`, `Transition`, `Guard`, `Clock`, `Timer`, `Event`) and
imports nothing else from the package; `pst_core.states.sla` evaluates clocks
and timers over ``(workflow, history)``; `pst_core.states.workflows` builds the
built-in workflows; `pst_core.states.transaction` moves a `Transaction` through
a workflow and reads and writes it.

* `Workflow` — a validated table of states and guarded transitions, with its
  clocks, timers and calendar; `Workflow.load` reads a unit's own workflow file;
* `Transaction` — an immutable record moved by `Transaction.fire`, rebuilt by
  `replay`, saved with `Transaction.dump` and read back with `Transaction.load`;
* `pst_core.states.workflows` — the built-in workflows.

Example:
    >>> from datetime import datetime
    >>> from zoneinfo import ZoneInfo
    >>> from pst_core.states import Transaction, workflows
    >>> at = datetime(2026, 3, 17, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    >>> tx = Transaction.open(workflows.paid_product(), at=at, actor="user")
    >>> tx.allowed_events()
    ('start-verification', 'queue-breached', 'cancel')
"""

from pst_core.states import workflows
from pst_core.states.sla import ClockState, ClockStatus, DueTimer
from pst_core.states.transaction import CalendarMismatch, Transaction, replay
from pst_core.states.workflow import (
    OPEN,
    Clock,
    ClockSeverity,
    Event,
    EventData,
    Guard,
    RoleCheck,
    State,
    Timer,
    Transition,
    Workflow,
)

__all__ = [
    "OPEN",
    "CalendarMismatch",
    "Clock",
    "ClockSeverity",
    "ClockState",
    "ClockStatus",
    "DueTimer",
    "Event",
    "EventData",
    "Guard",
    "RoleCheck",
    "State",
    "Timer",
    "Transaction",
    "Transition",
    "Workflow",
    "replay",
    "workflows",
]
