"""Transaction state machines with SLA clocks: immutable, validated, replayable.

* :class:`Workflow` — a validated table of states and guarded transitions, with
  its :class:`Clock`\\ s and :class:`Timer`\\ s (:mod:`pst_core.states.workflow`);
* :class:`Transaction` — an immutable record moved by :meth:`Transaction.fire`,
  rebuilt by :func:`replay`, written to JSON and back;
* :mod:`pst_core.states.workflows` — the built-in ``visit``, ``online_consultation``
  and ``paid_product`` workflows;
* :func:`load_workflow` — a unit's own workflow from a TOML or JSON file.

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
from pst_core.states.clocks import Clock, ClockStatus, clock_cycles, pst_calendar
from pst_core.states.files import dump_workflow, load_workflow, workflow_from_data, workflow_to_data
from pst_core.states.timers import DueTimer, Timer
from pst_core.states.transaction import Event, Transaction, replay
from pst_core.states.workflow import OPEN, Guard, State, Transition, Workflow

__all__ = [
    "OPEN",
    "Clock",
    "ClockStatus",
    "DueTimer",
    "Event",
    "Guard",
    "State",
    "Timer",
    "Transaction",
    "Transition",
    "Workflow",
    "clock_cycles",
    "dump_workflow",
    "load_workflow",
    "pst_calendar",
    "replay",
    "workflow_from_data",
    "workflow_to_data",
    "workflows",
]
