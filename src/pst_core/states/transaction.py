"""Transactions: immutable records that move through a workflow one event at a time.

:meth:`Transaction.fire` returns a new transaction and leaves the old one as it
was; the history of :class:`Event` records is the single source of truth, so
:func:`replay` of a history from scratch gives an equal transaction, and a
transaction written with :meth:`Transaction.to_json` reads back equal with
:meth:`Transaction.from_json`. The workflow is written by name (it holds guard
functions, which are code, not data) and looked up again when reading.

Example:
    >>> from datetime import datetime
    >>> from zoneinfo import ZoneInfo
    >>> from pst_core.states.workflows import visit
    >>> wib = ZoneInfo("Asia/Jakarta")
    >>> tx = Transaction.open(visit(), at=datetime(2026, 3, 16, 9, 0, tzinfo=wib), actor="guest")
    >>> tx.state, tx.allowed_events()
    ('guest-book', ('take-number', 'leave'))
    >>> later = tx.fire("take-number", at=datetime(2026, 3, 16, 9, 2, tzinfo=wib), actor="kiosk")
    >>> later.state, tx.state
    ('waiting', 'guest-book')
    >>> replay(later.workflow, later.history) == later
    True
    >>> Transaction.from_json(later.to_json()) == later
    True
"""

from __future__ import annotations

import hashlib
import json
import math
import types
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

import attrs

from pst_core import _io
from pst_core._validation import aware, instance_of, non_empty, require_aware, tuple_of
from pst_core.errors import (
    DataFileError,
    EventOrderError,
    InvalidTransitionError,
    InvalidTypeError,
    InvalidValueError,
    PstError,
    UnknownNameError,
)
from pst_core.states.workflow import OPEN, Workflow

if TYPE_CHECKING:
    from pst_core.states.clocks import ClockStatus
    from pst_core.states.timers import DueTimer

__all__ = ["Event", "Transaction", "replay"]

_SCALARS = "str, int, float, bool or None"


def _freeze_data(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """Event data: a read-only mapping of text keys to JSON scalars (so it round-trips)."""
    if not isinstance(data, Mapping):
        raise InvalidTypeError("Event.data", data, "a mapping of names to values")
    for key, value in data.items():
        if not isinstance(key, str):
            raise InvalidTypeError("Event.data key", key, "str")
        if value is not None and not isinstance(value, (str, int, float, bool)):
            raise InvalidTypeError(f"Event.data[{key!r}]", value, _SCALARS)
        if isinstance(value, float) and not math.isfinite(value):
            raise InvalidValueError(f"Event.data[{key!r}]", value, "a finite number")
    return types.MappingProxyType(dict(sorted(data.items())))


@attrs.frozen
class Event:
    """One entry of a transaction's history.

    Attributes:
        name: The event's name (``"open"`` for the opening).
        at: When it happened (timezone-aware).
        actor: Who made it happen (a user, an officer, ``"system"`` for timers).
        data: Read-only mapping of JSON scalars that came with the event.

    Example:
        >>> from datetime import datetime, timezone
        >>> at = datetime(2026, 3, 17, 7, tzinfo=timezone.utc)
        >>> e = Event("verify", at, "officer", {"outcome": "complete"})
        >>> e.data["outcome"]
        'complete'
        >>> Event("verify", datetime(2026, 3, 17, 7), "officer")
        Traceback (most recent call last):
        ...
        pst_core.errors.NaiveDatetimeError: Event.at: naive datetime 2026-03-17 07:00:00 has no ...
    """

    name: str = attrs.field(validator=[instance_of(str), non_empty])
    at: datetime = attrs.field(validator=aware)
    actor: str = attrs.field(validator=[instance_of(str), non_empty])
    data: Mapping[str, Any] = attrs.field(
        factory=dict, converter=_freeze_data, hash=False, repr=lambda d: repr(dict(d))
    )


def _default_id(workflow: Workflow, opening: Event) -> str:
    """A stable id from the opening event: the same opening always gets the same id."""
    text = json.dumps(
        [workflow.name, opening.at.isoformat(), opening.actor, dict(opening.data)], sort_keys=True
    )
    return "tx-" + hashlib.sha256(text.encode()).hexdigest()[:16]


@attrs.frozen
class Transaction:
    """An immutable service transaction: its workflow, current state and full history.

    Build one with :meth:`open` (or :func:`replay` / :meth:`from_json`), never by hand.

    Attributes:
        id: The transaction's id (yours, e.g. the Silastik number, or a stable default).
        workflow: The :class:`~pst_core.states.workflow.Workflow` it follows.
        state: The current state's name.
        history: Every event, the opening first, in time order.

    Example:
        >>> from datetime import datetime, timezone
        >>> from pst_core.states.workflows import visit
        >>> at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
        >>> tx = Transaction.open(visit(), at=at, actor="guest", id="V-1")
        >>> (tx.id, tx.state, len(tx.history), tx.opened_at == tx.last_at, tx.is_finished)
        ('V-1', 'guest-book', 1, True, False)
    """

    id: str = attrs.field(validator=[instance_of(str), non_empty])
    workflow: Workflow = attrs.field(validator=instance_of(Workflow))
    state: str = attrs.field(validator=instance_of(str))
    history: tuple[Event, ...] = attrs.field(validator=tuple_of(Event))

    def __attrs_post_init__(self) -> None:
        # Cheap shape checks only; open/fire/replay keep state and history consistent.
        if not self.history or self.history[0].name != OPEN:
            raise InvalidValueError(
                "Transaction.history", self.history[:1], f"events starting with {OPEN!r}"
            )
        if self.state not in self.workflow.state_names:
            raise InvalidValueError("Transaction.state", self.state, self.workflow.state_names)

    @classmethod
    def open(
        cls,
        workflow: Workflow,
        *,
        at: datetime,
        actor: str,
        id: str | None = None,
        **data: Any,
    ) -> Transaction:
        """A new transaction in the workflow's initial state, with an ``open`` event.

        Without ``id`` the id is derived from the workflow and the opening event,
        so opening (or replaying) the same way gives the same id.

        Example:
            >>> from datetime import datetime, timezone
            >>> from pst_core.states.workflows import paid_product
            >>> tx = Transaction.open(
            ...     paid_product(), at=datetime(2026, 3, 10, 2, tzinfo=timezone.utc),
            ...     actor="user", id="ST-2026-0001", product="microdata")
            >>> tx.id, tx.state, tx.history[0].name, tx.history[0].data["product"]
            ('ST-2026-0001', 'created', 'open', 'microdata')
        """
        require_aware(at, "at")
        return cls.from_opening(workflow, Event(OPEN, at, actor, data), id=id)

    @classmethod
    def from_opening(
        cls,
        workflow: Workflow,
        opening: Event,
        *,
        id: str | None = None,
    ) -> Transaction:
        """Like :meth:`open`, with a ready-made ``open`` :class:`Event` (data keys may be any text).

        Raises:
            InvalidTransitionError: if the event is not named ``"open"``.

        Example:
            >>> from datetime import datetime, timezone
            >>> from pst_core.states.workflows import visit
            >>> opening = Event("open", datetime(2026, 3, 16, 2, tzinfo=timezone.utc), "guest",
            ...                 {"at": "the kiosk"})
            >>> Transaction.from_opening(visit(), opening).history[0].data["at"]
            'the kiosk'
        """
        if not isinstance(opening, Event) or opening.name != OPEN:
            raise InvalidTransitionError(
                f"a transaction opens with an {OPEN!r} event", value=opening, allowed=(OPEN,)
            )
        return cls(
            id=_default_id(workflow, opening) if id is None else id,
            workflow=workflow,
            state=workflow.initial.name,
            history=(opening,),
        )

    @property
    def opened_at(self) -> datetime:
        """When the transaction was opened.

        Examples:
            >>> from datetime import datetime, timezone
            >>> from pst_core.states.workflows import visit
            >>> at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
            >>> tx = Transaction.open(visit(), at=at, actor="guest")
            >>> tx.fire("take-number", at=at.replace(hour=3), actor="kiosk").opened_at.isoformat()
            '2026-03-16T02:00:00+00:00'
        """
        return self.history[0].at

    @property
    def last_at(self) -> datetime:
        """When the last event happened.

        Examples:
            >>> from datetime import datetime, timezone
            >>> from pst_core.states.workflows import visit
            >>> at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
            >>> tx = Transaction.open(visit(), at=at, actor="guest")
            >>> tx.fire("take-number", at=at.replace(hour=3), actor="kiosk").last_at.isoformat()
            '2026-03-16T03:00:00+00:00'
        """
        return self.history[-1].at

    @property
    def is_finished(self) -> bool:
        """Whether the transaction is in a terminal state.

        Examples:
            >>> from datetime import datetime, timezone
            >>> from pst_core.states.workflows import visit
            >>> at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
            >>> tx = Transaction.open(visit(), at=at, actor="guest")
            >>> tx.is_finished, tx.fire("leave", at=at, actor="guest").is_finished
            (False, True)
        """
        return self.workflow.is_terminal(self.state)

    def allowed_events(self) -> tuple[str, ...]:
        """Events with a transition out of the current state (guards may still refuse one).

        Example:
            >>> from datetime import datetime, timezone
            >>> from pst_core.states.workflows import online_consultation
            >>> at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
            >>> Transaction.open(online_consultation(), at=at, actor="u").allowed_events()
            ('reply', 'close')
        """
        return self.workflow.events_from(self.state)

    def fire(self, event: str, *, at: datetime, actor: str, **data: Any) -> Transaction:
        """A new transaction after ``event``; this one is unchanged.

        A timer's event (``queue-breached``, ``close-no-response``, ...) is the
        system clock's: in a state where the timer is armed it is accepted only
        once the timer is due at ``at`` (as :meth:`due_timers` computes it), and
        once per arming.

        Raises:
            InvalidTransitionError: if ``event`` is not allowed now (or no guard holds),
                or is a timer's event before that timer is due, listing the
                allowed events.
            EventOrderError: if ``at`` is earlier than the last event.
            NaiveDatetimeError: if ``at`` has no time zone.

        Example:
            >>> from datetime import datetime, timezone
            >>> from pst_core.states.workflows import visit
            >>> at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
            >>> tx = Transaction.open(visit(), at=at, actor="guest")
            >>> tx.fire("rate", at=at, actor="guest")
            Traceback (most recent call last):
            ...
            pst_core.errors.InvalidTransitionError: event 'rate' is not allowed in ...
            >>> tx.fire("take-number", at=at.replace(hour=1), actor="kiosk")
            Traceback (most recent call last):
            ...
            pst_core.errors.EventOrderError: event 'take-number' at 2026-03-16T01:00:00+00:00 is ...
            >>> from pst_core.states.workflows import paid_product
            >>> tx = Transaction.open(paid_product(), at=at, actor="user")
            >>> tx.fire("queue-breached", at=at.replace(hour=3), actor="system")
            Traceback (most recent call last):
            ...
            pst_core.errors.InvalidTransitionError: event 'queue-breached' is fired by timer ...
            >>> due = tx.due_timers(at.replace(day=30))[0].due
            >>> tx.fire("queue-breached", at=due, actor="system").history[-1].at == due
            True
        """
        require_aware(at, "at")
        return self.apply(Event(event, at, actor, data))

    def apply(self, event: Event) -> Transaction:
        """Like :meth:`fire`, with a ready-made :class:`Event` (data keys may be any text).

        The same checks apply, timers included (so :func:`replay` refuses a
        history with a timer's event fired early).

        Example:
            >>> from datetime import datetime, timezone
            >>> from pst_core.states.workflows import visit
            >>> at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
            >>> tx = Transaction.open(visit(), at=at, actor="guest")
            >>> tx.apply(Event("take-number", at, "kiosk", {"event": "walk-in"})).state
            'waiting'
        """
        moved = self._step(event)
        if self.workflow.timers:
            from pst_core.states.timers import check_timer_event

            check_timer_event(self, event.name, event.at)
        return moved

    def _step(self, event: Event) -> Transaction:
        """The move itself, without the timer check (which needs the states visited)."""
        if event.name == OPEN:
            raise InvalidTransitionError(
                f"{OPEN!r} only opens a transaction; use Transaction.open",
                value=event.name,
                allowed=self.allowed_events(),
            )
        if event.at < self.last_at:
            raise EventOrderError(
                f"event {event.name!r} at {event.at.isoformat()} is earlier than the last event "
                f"{self.history[-1].name!r} at {self.last_at.isoformat()}",
                value=event.at,
            )
        transition = self.workflow.select(self, event.name, event.data)
        return attrs.evolve(self, state=transition.target, history=(*self.history, event))

    def states_visited(self) -> tuple[str, ...]:
        """The state after each event of the history (same length as ``history``).

        Example:
            >>> from datetime import datetime, timezone
            >>> from pst_core.states.workflows import visit
            >>> at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
            >>> tx = Transaction.open(visit(), at=at, actor="guest")
            >>> tx.fire("take-number", at=at, actor="kiosk").states_visited()
            ('guest-book', 'waiting')
        """
        tx = Transaction.from_opening(self.workflow, self.history[0], id=self.id)
        states = [tx.state]
        for event in self.history[1:]:
            tx = tx._step(event)  # the history was checked when it was made
            states.append(tx.state)
        return tuple(states)

    def clocks(self, now: datetime) -> Mapping[str, ClockStatus]:
        """Each SLA clock of the workflow as it stands at ``now`` (latest cycle), by name.

        See :mod:`pst_core.states.clocks` for the semantics.

        Example:
            >>> from datetime import datetime
            >>> from zoneinfo import ZoneInfo
            >>> from pst_core.states.workflows import paid_product
            >>> at = datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> tx = Transaction.open(paid_product(), at=at, actor="user")
            >>> tx.clocks(at)["queue"].due.isoformat()
            '2026-03-27T16:00:00+07:00'
        """
        from pst_core.states.clocks import clock_statuses

        return clock_statuses(self, now)

    def due_timers(self, now: datetime) -> tuple[DueTimer, ...]:
        """The events the system must fire because time passed, earliest first.

        See :mod:`pst_core.states.timers`.

        Example:
            >>> from datetime import datetime
            >>> from zoneinfo import ZoneInfo
            >>> from pst_core.states.workflows import paid_product
            >>> at = datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> tx = Transaction.open(paid_product(), at=at, actor="user")
            >>> due = tx.due_timers(at.replace(day=30))
            >>> due[0].event, due[0].due.isoformat()
            ('queue-breached', '2026-03-27T16:00:00+07:00')
        """
        from pst_core.states.timers import due_timers

        return due_timers(self, now)

    def to_data(self) -> dict[str, Any]:
        """Plain data: ``id``, ``workflow`` (its name), ``state`` and ``history``.

        Example:
            >>> from datetime import datetime, timezone
            >>> from pst_core.states.workflows import visit
            >>> at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
            >>> data = Transaction.open(visit(), at=at, actor="guest", id="V-1").to_data()
            >>> opening = data["history"].pop()
            >>> data["workflow"], opening["at"]
            ('visit', '2026-03-16T02:00:00+00:00')
            >>> data["history"].append(opening)
            >>> Transaction.from_data(data).id
            'V-1'
        """
        return {
            "id": self.id,
            "workflow": self.workflow.name,
            "state": self.state,
            # Not _io.unstructure: it drops None values, and event data may hold null.
            "history": [
                {"name": e.name, "at": e.at.isoformat(), "actor": e.actor, "data": dict(e.data)}
                for e in self.history
            ],
        }

    def to_json(self) -> str:
        """The transaction as JSON text (see :meth:`to_data`).

        Example:
            >>> from datetime import datetime, timezone
            >>> from pst_core.states.workflows import visit
            >>> at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
            >>> print(Transaction.open(visit(), at=at, actor="guest", id="V-1").to_json()[:40])
            {
              "id": "V-1",
              "workflow": "visit",
        """
        return json.dumps(self.to_data(), ensure_ascii=False, indent=2)

    @classmethod
    def from_data(
        cls,
        data: Mapping[str, Any],
        workflows: Workflow | Mapping[str, Workflow] | None = None,
        *,
        file: str = "<data>",
    ) -> Transaction:
        """Read :meth:`to_data` output back, replaying the history through the workflow.

        Args:
            data: The plain data.
            workflows: The workflow to use, or workflows by name; ``None`` looks the
                name up among the built-ins (:func:`pst_core.states.workflows.builtin`).
            file: Named in errors.

        Raises:
            DataFileError: naming the field path when the data is malformed, names
                another workflow, or its history is not a valid run of the workflow.

        Examples:
            >>> data = {"id": "V-1", "workflow": "visit", "state": "waiting", "history": [
            ...     {"name": "open", "at": "2026-03-16T09:00:00+07:00", "actor": "guest"},
            ...     {"name": "take-number", "at": "2026-03-16T09:01:00+07:00", "actor": "kiosk"}]}
            >>> Transaction.from_data(data).state
            'waiting'
            >>> data["state"] = "done"
            >>> Transaction.from_data(data, file="v1.json")
            Traceback (most recent call last):
            ...
            pst_core.errors.DataFileError: v1.json: state: invalid value 'done'; ...
        """
        record = _io.structure(data, _Record, file=file)
        workflow = _resolve(record.workflow, workflows, file)
        if not record.history or record.history[0].name != OPEN:
            raise DataFileError(file, "history[0].name", None, f"an {OPEN!r} event first")
        tx = cls.from_opening(workflow, record.history[0], id=record.id)
        for index, event in enumerate(record.history[1:], start=1):
            try:
                tx = tx.apply(event)
            except PstError as err:
                raise DataFileError(
                    file, f"history[{index}]", event.name, f"an event the workflow allows ({err})"
                ) from err
        if tx.state != record.state:
            raise DataFileError(
                file, "state", record.state, f"{tx.state!r}, the state the history leads to"
            )
        return tx

    @classmethod
    def from_json(
        cls,
        text: str,
        workflows: Workflow | Mapping[str, Workflow] | None = None,
        *,
        file: str = "<json>",
    ) -> Transaction:
        """Read :meth:`to_json` output back (see :meth:`from_data`).

        Example:
            >>> Transaction.from_json('{"id": "V-1", "workflow": "visit", "state": "done", '
            ...                       '"history": []}', file="v1.json")
            Traceback (most recent call last):
            ...
            pst_core.errors.DataFileError: v1.json: history[0].name: invalid value None; ...
        """
        try:
            data = json.loads(text)
        except ValueError as err:
            raise DataFileError(file, "", str(err), "valid JSON", problem="syntax error") from err
        return cls.from_data(data, workflows, file=file)


@attrs.frozen
class _Record:
    id: str
    workflow: str
    state: str
    history: tuple[Event, ...]


def _resolve(name: str, workflows: Workflow | Mapping[str, Workflow] | None, file: str) -> Workflow:
    if isinstance(workflows, Workflow):
        if workflows.name != name:
            raise DataFileError(file, "workflow", name, repr(workflows.name))
        return workflows
    if workflows is None:
        from pst_core.states.workflows import builtin

        try:
            return builtin(name)
        except UnknownNameError as err:
            raise DataFileError(file, "workflow", name, str(err)) from err
    if name not in workflows:
        raise DataFileError(file, "workflow", name, ", ".join(sorted(workflows)))
    return workflows[name]


def replay(workflow: Workflow, history: Iterable[Event], *, id: str | None = None) -> Transaction:
    """Rebuild a transaction from its history by firing every event again.

    The first event must be the opening (``"open"``). Without ``id`` the
    transaction gets the same default id :meth:`Transaction.open` gives.

    Raises:
        InvalidTransitionError: if the history is empty, does not start with ``open``,
            or has an event the workflow does not allow at that point.
        EventOrderError: if the events are out of time order.

    Example:
        >>> from datetime import datetime, timezone
        >>> from pst_core.states.workflows import visit
        >>> at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
        >>> tx = Transaction.open(visit(), at=at, actor="guest")
        >>> replay(visit(), tx.history).state
        'guest-book'
    """
    events = tuple(history)
    if not events or events[0].name != OPEN:
        raise InvalidTransitionError(
            f"a history starts with the {OPEN!r} event", value=events[:1], allowed=(OPEN,)
        )
    tx = Transaction.from_opening(workflow, events[0], id=id)
    for event in events[1:]:
        tx = tx.apply(event)
    return tx
