"""Transaction state machines with SLA clocks: immutable, validated, replayable.

The package is one-way. The declarations come first: `pst_core.states.events`
(what happens: `Event`, `EventData`), `pst_core.states.guards` (the data
conditions on a transition: `Guard`), `pst_core.states.parts` (`State`,
`Transition`, `Clock`, `Timer`), `pst_core.states.workflow_file` (a workflow as
a TOML/JSON document) and `pst_core.states.workflow` (the `Workflow` table and
its checks); they import nothing else from the package. Then
`pst_core.states.sla` evaluates clocks and timers over ``(workflow, history)``;
`pst_core.states.builtin` builds the built-in workflows from the documents;
`pst_core.states.transaction` moves a `Transaction` through a workflow and
reads and writes it.

* `Workflow` — a validated table of states and guarded transitions, with its
  clocks, timers and calendar; `Workflow.load` reads a unit's own workflow file;
* `Transaction` — an immutable record moved by `Transaction.fire`, rebuilt by
  `replay`, saved with `Transaction.dump` and read back with `Transaction.load`;
* `pst_core.states.builtin` — the built-in workflows.

Example:
    >>> from datetime import datetime
    >>> from zoneinfo import ZoneInfo
    >>> from pst_core.states import Transaction, builtin
    >>> at = datetime(2026, 3, 17, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    >>> tx = Transaction.open(builtin.paid_product(), at=at, actor="user")
    >>> tx.allowed_events()  # at the opening; a timer's event only once it is due
    ('start-verification', 'cancel')
"""

from pst_core.states import builtin
from pst_core.states.builtin import AppointmentReading
from pst_core.states.events import OPEN, Event, EventData, utc
from pst_core.states.guards import Guard, GuardOp
from pst_core.states.parts import (
    CLOCK_PARTIES,
    Clock,
    ClockParty,
    ClockSeverity,
    RoleCheck,
    State,
    Timer,
    Transition,
)
from pst_core.states.records import RecordMismatch
from pst_core.states.sla import ClockPhase, ClockStatus, DueTimer
from pst_core.states.transaction import Transaction, replay
from pst_core.states.workflow import Workflow

__all__ = [
    "CLOCK_PARTIES",
    "OPEN",
    "AppointmentReading",
    "Clock",
    "ClockParty",
    "ClockPhase",
    "ClockSeverity",
    "ClockStatus",
    "DueTimer",
    "Event",
    "EventData",
    "Guard",
    "GuardOp",
    "RecordMismatch",
    "RoleCheck",
    "State",
    "Timer",
    "Transaction",
    "Transition",
    "Workflow",
    "builtin",
    "replay",
    "utc",
]
