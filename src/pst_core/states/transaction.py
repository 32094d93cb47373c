"""Transactions: immutable records that move through a workflow one event at a time.

`Transaction.fire` returns a new transaction and leaves the old one as it was;
the history of `Event` records is the single source of truth, so `replay` of a
history from scratch gives an equal transaction, a transaction built by hand
(or with `attrs.evolve`) is checked against its history like a loaded one, and
what `dumps` writes `loads` reads back equal. The workflow is written by name
(it may hold guard functions, which are code, not data) with the fingerprint of
its calendar, and looked up again when reading: the built-ins by default, or the
workflows passed in ``workflows=``.

Example:
    >>> from datetime import timezone
    >>> from zoneinfo import ZoneInfo
    >>> from pst_core.states.builtin import visit
    >>> wib = ZoneInfo("Asia/Jakarta")
    >>> tx = Transaction.open(visit(), at=datetime(2026, 3, 16, 9, 0, tzinfo=wib), actor="guest")
    >>> later = tx.fire("take-number", at=datetime(2026, 3, 16, 9, 2, tzinfo=wib), actor="kiosk")
    >>> later.state, tx.state
    ('waiting', 'guest-book')
    >>> replay(later.workflow, later.history) == later
    True
    >>> Transaction.loads(later.dumps(), format="json") == later
    True
"""

from __future__ import annotations

import hashlib
import json
import re
import typing
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import attrs

from pst_core import _io
from pst_core._display import html_section, html_table, short
from pst_core._files import write_text_atomic
from pst_core._validation import (
    instance_of,
    require_aware,
    require_instance,
    require_one_of,
    sequence_of,
    tuple_of,
)
from pst_core.calendar.converter import DataModel, structure
from pst_core.errors import (
    DataFileError,
    EventIdConflictError,
    EventOrderError,
    InvalidTransitionError,
    InvalidTypeError,
    InvalidValueError,
    Phrase,
    PstError,
    StaleTransactionError,
)
from pst_core.i18n import Language, check_language, display_language, text
from pst_core.states import records, sla
from pst_core.states._display import instant_text
from pst_core.states.events import OPEN, Event, EventData, utc
from pst_core.states.workflow import Workflow

__all__ = ["Transaction", "replay"]

# No control character, line separator, bidirectional override or lone surrogate.
_ID = re.compile(
    "[^\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]+"
)
_ID_RULE = Phrase("states.error.id_rule")


def _transaction_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    instance_of(str)(instance, attribute, value)
    text_ = typing.cast(str, value)
    if not _ID.fullmatch(text_) or text_.strip() != text_:
        raise InvalidValueError("Transaction.id", value, _ID_RULE)


def _default_id(workflow: Workflow, opening: Event) -> str:
    """A stable id from the opening event: the same opening always gets the same id."""
    source = json.dumps(
        [workflow.name, opening.at.isoformat(), opening.actor, dict(opening.data)], sort_keys=True
    )
    return "tx-" + hashlib.sha256(source.encode()).hexdigest()[:16]


@attrs.frozen
class Transaction(DataModel):
    """An immutable service transaction: its workflow, current state and full history.

    Build one with `Transaction.open` (or `replay`, `Transaction.load`); one built
    by hand is checked like a loaded one: its history must be a valid run of the
    workflow that ends in ``state``.

    Attributes:
        id: The transaction's id (yours, e.g. the Silastik number, or a stable default).
        workflow: The `Workflow` it follows.
        state: The current state's name.
        history: Every event, the opening first, in time order.

    Example:
        >>> from pst_core.states.builtin import visit
        >>> at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
        >>> tx = Transaction.open(visit(), at=at, actor="guest", id="V-1")
        >>> (tx.id, tx.state, len(tx.history), tx.opened_at == tx.last_at, tx.is_finished)
        ('V-1', 'guest-book', 1, True, False)
        >>> attrs.evolve(tx, state="done")
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: Transaction.state: invalid value 'done'; allowed: ...
    """

    id: str = attrs.field(validator=_transaction_id)
    workflow: Workflow = attrs.field(validator=instance_of(Workflow))
    state: str = attrs.field(validator=instance_of(str))
    history: tuple[Event, ...] = attrs.field(validator=tuple_of(Event))
    _states: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        states = sla.walk(self.workflow, self.history)
        if states[-1] != self.state:
            raise InvalidValueError(
                "Transaction.state",
                self.state,
                Phrase("states.record.allowed.state", state=repr(states[-1])),
            )
        object.__setattr__(self, "_states", states)

    @classmethod
    def _checked(
        cls, id: str, workflow: Workflow, history: tuple[Event, ...], states: tuple[str, ...]
    ) -> Transaction:
        """A transaction whose history was checked step by step already (no second walk)."""
        tx = object.__new__(cls)
        for name, value in (
            ("id", id),
            ("workflow", workflow),
            ("state", states[-1]),
            ("history", history),
            ("_states", states),
        ):
            object.__setattr__(tx, name, value)
        return tx

    @classmethod
    def open(
        cls,
        workflow: Workflow,
        *,
        at: datetime,
        actor: str,
        id: str | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> Transaction:
        """A new transaction in the workflow's initial state, with an ``open`` event.

        Without ``id`` the id is derived from the workflow and the opening event,
        so opening (or replaying) the same way gives the same id. ``data`` is the
        opening event's data (text keys to JSON scalars).

        Example:
            >>> from pst_core.states.builtin import paid_product
            >>> tx = Transaction.open(
            ...     paid_product(), at=datetime(2026, 3, 10, 2, tzinfo=timezone.utc),
            ...     actor="user", id="ST-2026-0001", data={"product": "microdata"})
            >>> tx.id, tx.state, tx.history[0].data["product"]
            ('ST-2026-0001', 'created', 'microdata')
        """
        require_aware(at, "at")
        return cls.from_opening(workflow, Event(OPEN, at, actor, EventData(data)), id=id)

    @classmethod
    def from_opening(
        cls, workflow: Workflow, opening: Event, *, id: str | None = None
    ) -> Transaction:
        """Like `Transaction.open`, with a ready-made ``open`` `Event` (data keys may be any text).

        Raises:
            InvalidTransitionError: if the event is not named ``"open"``.
        """
        workflow = require_instance(workflow, "workflow", Workflow)
        if not isinstance(opening, Event) or opening.name != OPEN:
            raise InvalidTransitionError(
                Phrase("states.error.opens_with", open=repr(OPEN)), value=opening, allowed=(OPEN,)
            )
        return cls(
            id=_default_id(workflow, opening) if id is None else id,
            workflow=workflow,
            state=workflow.initial.name,
            history=(opening,),
        )

    @property
    def revision(self) -> int:
        """How many events the history holds (1 once opened): what a stored copy is compared by.

        Every event fired adds one; a retry of an event already recorded (same
        ``event_id``) adds none. A service stores it beside the record and fires
        with ``expected_revision=`` the revision its user saw (see `Transaction.fire`).
        """
        return len(self.history)

    @property
    def opened_at(self) -> datetime:
        """When the transaction was opened."""
        return self.history[0].at

    @property
    def last_at(self) -> datetime:
        """When the last event happened."""
        return self.history[-1].at

    @property
    def is_finished(self) -> bool:
        """Whether the transaction is in a terminal state."""
        return self.workflow.is_terminal(self.state)

    def allowed_events(
        self, at: datetime | None = None, actor: str | None = None
    ) -> tuple[str, ...]:
        """The events that may happen at ``at`` (default: the last event's instant), in table order.

        An event with a transition out of the current state, except a timer's
        event before its timer is due at ``at`` (`Transaction.fire` would refuse
        it). With ``actor``, only the events of a transition whose ``roles``
        include that actor (or name none): what that person may do now. A guard
        may still refuse an event for its data. The table alone, whatever the
        time, is ``workflow.events_from(state)``.

        Raises:
            EventOrderError: if ``at`` is earlier than the last event.
            NaiveDatetimeError: if ``at`` has no time zone.

        Example:
            >>> from pst_core.states.builtin import paid_product
            >>> at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
            >>> tx = Transaction.open(paid_product(), at=at, actor="user")
            >>> "queue-breached" in tx.allowed_events()  # its timer is not due yet
            False
            >>> "queue-breached" in tx.allowed_events(at=at.replace(day=30))
            True
            >>> "start-verification" in tx.allowed_events(actor="user")
            False
        """
        moment = self.last_at if at is None else require_aware(at, "at")
        if utc(moment) < utc(self.last_at):
            raise EventOrderError(
                Phrase(
                    "states.error.allowed_before_last",
                    at=moment.isoformat(),
                    last=self.last_at.isoformat(),
                ),
                value=moment,
            )
        armed = {t.event for t in self.workflow.timers if self.state in t.in_states}
        waiting = armed - {t.event for t in self.due_timers(moment)}
        return tuple(
            event
            for event in self.workflow.events_from(self.state)
            if event not in waiting
            and (
                actor is None
                or any(t.allows(actor) for t in self.workflow.targets(self.state, event))
            )
        )

    def fire(
        self,
        event: str,
        *,
        at: datetime,
        actor: str,
        data: Mapping[str, Any] | None = None,
        expected_revision: int | None = None,
        event_id: str | None = None,
    ) -> Transaction:
        """A new transaction after ``event``; this one is unchanged.

        ``at`` is compared with the last event in absolute time. ``actor`` names
        the role firing the event; in a workflow with ``role_check="strict"`` it
        must be one of the transition's roles. ``data`` is the event's data (text
        keys to JSON scalars), which guards read. A timer's event
        (``queue-breached``, ``close-no-response``, ...) is the system clock's: in
        a state where the timer is armed it is accepted only once the timer is due
        at ``at``, and once per arming.

        Two guards let a service that stores transactions act safely:

        * ``expected_revision``: the `Transaction.revision` the caller acted on;
          if the transaction has moved past it, the event is refused
          (`StaleTransactionError`), so of two officers acting on one view only
          the first succeeds.
        * ``event_id``: the caller's id of this event (an idempotency key). If
          the history already holds an event with that id and the same content
          (name, instant, actor, data), the transaction is returned unchanged (a
          retried request does nothing twice), whatever ``expected_revision``
          says; with other content it is refused (`EventIdConflictError`).

        Raises:
            InvalidTransitionError: if ``event`` is not allowed now (or no guard
                holds, or the role may not fire it), or is a timer's event before
                that timer is due, listing what is allowed.
            EventOrderError: if ``at`` is earlier than the last event.
            NaiveDatetimeError: if ``at`` has no time zone.
            StaleTransactionError: if ``expected_revision`` is not the revision.
            EventIdConflictError: if ``event_id`` names a recorded event with
                other content.

        Example:
            >>> from pst_core.states.builtin import paid_product
            >>> at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
            >>> tx = Transaction.open(paid_product(), at=at, actor="user")
            >>> tx.fire("rate", at=at, actor="user")
            Traceback (most recent call last):
            ...
            pst_core.errors.InvalidTransitionError: event 'rate' is not allowed in ...
            >>> tx.fire("queue-breached", at=at.replace(hour=3), actor="system")
            Traceback (most recent call last):
            ...
            pst_core.errors.InvalidTransitionError: event 'queue-breached' is fired by timer ...
            >>> due = tx.due_timers(at.replace(day=30))[0].due
            >>> tx.fire("queue-breached", at=due, actor="system").history[-1].at == due
            True
        """
        require_aware(at, "at")
        return self.apply(
            Event(event, at, actor, EventData(data), id=event_id),
            expected_revision=expected_revision,
        )

    def apply(self, event: Event, *, expected_revision: int | None = None) -> Transaction:
        """Like `Transaction.fire`, with a ready-made `Event` (its ``id`` is the ``event_id``).

        Example:
            >>> from pst_core.states.builtin import visit
            >>> at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
            >>> tx = Transaction.open(visit(), at=at, actor="guest")
            >>> take = Event("take-number", at, "kiosk", id="req-1")
            >>> once = tx.apply(take, expected_revision=1)
            >>> once.apply(take, expected_revision=1) is once, once.revision
            (True, 2)
            >>> once.apply(Event("take-number", at, "kiosk"), expected_revision=1)
            Traceback (most recent call last):
            ...
            pst_core.errors.StaleTransactionError: transaction ... at revision 2, not the 1 ...
        """
        require_instance(event, "event", Event)
        if event.id is not None:
            for index, recorded in enumerate(self.history):
                if recorded.id == event.id:
                    if recorded == event:
                        return self
                    raise EventIdConflictError(
                        event.id, index=index, recorded=recorded.name, value=event.name
                    )
        if expected_revision is not None and type(expected_revision) is not int:
            raise InvalidTypeError("expected_revision", expected_revision, int)
        if expected_revision is not None and expected_revision != self.revision:
            raise StaleTransactionError(self.id, expected=expected_revision, revision=self.revision)
        state = sla.check_event(self.workflow, self.history, self._states, event)
        return Transaction._checked(
            self.id, self.workflow, (*self.history, event), (*self._states, state)
        )

    def states_visited(self) -> tuple[str, ...]:
        """The state after each event of the history (same length as ``history``)."""
        return self._states

    def off_role_events(self) -> tuple[Event, ...]:
        """Events fired by an actor outside the roles of the transition they took.

        A workflow with ``role_check="lenient"`` accepts them; this is their record.

        Examples:
            >>> from pst_core.states import State, Transition, Workflow
            >>> wf = Workflow("t", (State("a", initial=True), State("b", terminal=True)),
            ...               (Transition("a", "go", "b", roles=("officer",)),))
            >>> at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
            >>> tx = Transaction.open(wf, at=at, actor="user").fire("go", at=at, actor="user")
            >>> [(e.name, e.actor) for e in tx.off_role_events()]
            [('go', 'user')]
        """
        found = []
        for event, before in zip(self.history[1:], self._states[:-1], strict=True):
            transition = self.workflow.select(before, event.name, event.data)
            if not transition.allows(event.actor):
                found.append(event)
        return tuple(found)

    def clocks(self, now: datetime) -> Mapping[str, sla.ClockStatus]:
        """Each SLA clock of the workflow as it stands at ``now`` (latest cycle), by name.

        ``now`` may be any instant at or after the opening: before the last event
        the clocks are read as of then, from the events up to ``now``. See
        `pst_core.states.sla` for the semantics.

        Example:
            >>> from zoneinfo import ZoneInfo
            >>> from pst_core.states.builtin import paid_product
            >>> at = datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> tx = Transaction.open(paid_product(), at=at, actor="user")
            >>> tx.clocks(at)["queue"].due.isoformat()
            '2026-03-27T16:00:00+07:00'
        """
        return sla.clock_statuses(self.workflow, self.history, now, states=self._states)

    def clock_cycles(self, now: datetime) -> Mapping[str, tuple[sla.ClockStatus, ...]]:
        """Every cycle of every clock at ``now``, oldest first, by clock name."""
        return sla.clock_cycles(self.workflow, self.history, now, states=self._states)

    def due_timers(self, now: datetime) -> tuple[sla.DueTimer, ...]:
        """The events the system must fire because time passed, earliest first."""
        return sla.due_timers(self.workflow, self.history, now, states=self._states)

    @property
    def armed_timers(self) -> tuple[sla.DueTimer, ...]:
        """Every timer that will fire if nothing else happens, with its due instant, earliest first.

        `Transaction.due_timers` at an instant (at or after the last event) is
        those of them due by then.
        """
        return sla.armed_timers(self.workflow, self.history, states=self._states)

    @property
    def next_due(self) -> datetime | None:
        """The next instant something is due if nothing else happens, or ``None``.

        The earliest of every clock's `ClockStatus.breach_at` (as the clocks stand
        after the last event) and every armed timer's due instant: a service stores
        it in an indexed column, and "what is overdue at ``now``" is the records with
        ``next_due <= now`` (a clock reads breached only *after* its ``breach_at``;
        a timer is due *at* its instant). It is in the past once a clock has
        breached and keeps running.

        Example:
            >>> from zoneinfo import ZoneInfo
            >>> from pst_core.states.builtin import paid_product
            >>> at = datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> tx = Transaction.open(paid_product(), at=at, actor="user")
            >>> tx.clocks(at)["queue"].due.isoformat()  # Friday's closing
            '2026-03-27T16:00:00+07:00'
            >>> tx.next_due.isoformat()  # the timer fires then; the clock breaches Monday
            '2026-03-27T16:00:00+07:00'
            >>> tx.clocks(at)["queue"].breach_at.isoformat()
            '2026-03-30T08:00:00+07:00'
        """
        instants = [t.due for t in self.armed_timers]
        instants += [
            c.breach_at for c in self.clocks(self.last_at).values() if c.breach_at is not None
        ]
        return min(instants, key=utc, default=None)

    def describe(self, language: Language = "en") -> str:
        """One line for people: id, workflow, current state (its label) and since when.

        The instant is shown in the zone of the workflow's calendar.

        Example:
            >>> from pst_core.states.builtin import visit
            >>> at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
            >>> Transaction.open(visit(), at=at, actor="guest", id="V-1").describe("id")
            'V-1 (visit): Mengisi buku tamu, sejak Senin 2026-03-16 09:00 WIB; 1 peristiwa'
        """
        since = instant_text(self.last_at.astimezone(self.workflow.calendar.timezone), language)
        return text(
            "states.transaction.head",
            language,
            id=self.id,
            workflow=self.workflow.name,
            state=self.workflow.state(self.state).describe(language),
            since=since,
            events=len(self.history),
        )

    def __repr__(self) -> str:
        return (
            f"Transaction(id={short(self.id, 30)}, workflow={short(self.workflow.name, 24)}, "
            f"state={short(self.state, 24)}, events={len(self.history)}, "
            f"last={self.last_at.isoformat(timespec='seconds')})"
        )

    def _html(self, language: Language) -> str:
        """The summary line, the timeline of events, and the clocks at the last event."""
        zone = self.workflow.calendar.timezone

        def column(name: str) -> str:
            return text(f"states.display.column.{name}", language)

        def state(name: str) -> str:
            label = self.workflow.state(name).describe(language)
            return label if label == name else f"{label} ({name})"

        rows = [
            [
                str(number),
                instant_text(event.at.astimezone(zone), language),
                event.name,
                event.actor,
                ", ".join(f"{key}={value}" for key, value in event.data.items()),
                state(after),
            ]
            for number, (event, after) in enumerate(
                zip(self.history, self._states, strict=True), start=1
            )
        ]
        timeline = html_table(
            [column(c) for c in ("number", "at", "event", "actor", "data", "state")],
            rows,
            caption=text("states.display.timeline", language),
        )
        parts = [timeline]
        if self.workflow.clocks:
            last = instant_text(self.last_at.astimezone(zone), language)
            caption = text("states.display.clocks", language, at=last)
            parts.append(sla.clock_table(self.clocks(self.last_at).values(), language, caption))
        return html_section(self.describe(language), *parts)

    def to_html(self, language: Language | None = None) -> str:
        """What a notebook shows, as HTML in ``language`` (default: the display language,
        `pst_core.i18n.display_language`, set with ``pst_core.set_option``)."""
        return self._html(display_language() if language is None else check_language(language))

    def _repr_html_(self) -> str:
        return self.to_html()

    # --- files -------------------------------------------------------------------

    def events_not_allowed(self) -> tuple[Event, ...]:
        """The recorded events its workflow would not allow now, in history order.

        Always empty for a transaction built by firing, replaying or loading with
        ``mismatch="error"`` or ``"recompute"``; a record read with
        ``mismatch="keep-history"`` keeps events that happened under an older
        definition (a timer's event that a closure added since would make early, a
        role no longer allowed), and lists them here.

        Example:
            >>> from pst_core.states.builtin import visit
            >>> at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
            >>> Transaction.open(visit(), at=at, actor="guest").events_not_allowed()
            ()
        """
        found = []
        for index in range(1, len(self.history)):
            try:
                sla.check_event(
                    self.workflow,
                    self.history[:index],
                    self._states[:index],
                    self.history[index],
                )
            except PstError:
                found.append(self.history[index])
        return tuple(found)

    def _unstructure(self) -> dict[str, Any]:
        return {
            "format_version": records.FORMAT_VERSION,
            "id": self.id,
            "workflow": self.workflow.name,
            "workflow_fingerprint": self.workflow.fingerprint,
            "calendar": self.workflow.calendar.fingerprint,
            "state": self.state,
            # Not _io.unstructure: it drops None values, and event data may hold null.
            "history": [_event_record(e) for e in self.history],
        }

    def dumps(self, format: _io.Format = "json", *, indent: int | None = None) -> str:
        """The saved record as text: JSON on one line, no newline (a JSON Lines row), or TOML.

        ``indent`` spreads JSON over lines, indented by that many spaces.
        `Transaction.dump` writes the same text to a file.

        Example:
            >>> from pst_core.states.builtin import visit
            >>> at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
            >>> line = Transaction.open(visit(), at=at, actor="guest", id="V-1").dumps()
            >>> line[:60]
            '{"format_version":2,"id":"V-1","workflow":"visit","workflow_'
            >>> len(line.splitlines()), Transaction.loads(line).id
            (1, 'V-1')
        """
        if format == "json":
            data = self.to_data()
            if indent is None:
                return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            return (
                json.dumps(data, ensure_ascii=False, indent=require_instance(indent, "indent", int))
                + "\n"
            )
        return super().dumps(format)

    def dump(self, path: str | Path) -> None:
        """Write the record to ``path``: ``.json`` as `Transaction.dumps` gives it, or ``.toml``."""
        if isinstance(path, (str, Path)) and Path(path).suffix.lower() == ".json":
            write_text_atomic(path, self.dumps())
        else:
            super().dump(path)

    @classmethod
    def from_data(
        cls,
        data: Mapping[str, Any],
        *,
        workflows: records.Workflows = None,
        mismatch: records.RecordMismatch = "error",
        file: str = "<data>",
    ) -> Transaction:
        """Read `Transaction.to_data` output back, replaying the history through its workflow.

        Args:
            data: The plain data.
            workflows: The workflow to use, workflows by name, or several workflows
                (several versions of one included: the record picks the version
                whose fingerprint it carries); ``None`` looks the name up among the
                built-ins (`pst_core.states.builtin.builtin_workflow`).
            mismatch: What to do when no workflow given has the record's workflow
                and calendar fingerprints (see `pst_core.states.records`).
            file: Named in errors.

        Raises:
            DataFileError: naming the field path when the data is malformed, names
                a workflow not given, was saved under another version of the
                workflow or another calendar (saying which), or its history is not
                a valid run of the workflow.

        Example:
            >>> data = Transaction.open(
            ...     Workflow.from_data({"name": "loan", "states": [
            ...         {"name": "out", "initial": True}, {"name": "back", "terminal": True}],
            ...         "transitions": [{"source": "out", "event": "return", "target": "back"}]}),
            ...     at=datetime(2026, 3, 16, 2, tzinfo=timezone.utc), actor="reader").to_data()
            >>> Transaction.from_data(data, file="loan.json")
            Traceback (most recent call last):
            ...
            pst_core.errors.DataFileError: loan.json: workflow: invalid value 'loan'; ...
        """
        require_one_of(mismatch, "mismatch", records.RecordMismatch)
        body = cls._body(data, file)
        version = body.get("format_version", 1)
        if version not in (1, records.FORMAT_VERSION):
            raise DataFileError(file, "format_version", version, (1, records.FORMAT_VERSION))
        record = structure(body, records.Record, file=file)
        workflow = records.choose_workflow(record, workflows, mismatch, file)
        if not record.history or record.history[0].name != OPEN:
            raise DataFileError(file, "history[0].name", None, (OPEN,))
        if mismatch == "keep-history":
            states = records.trusted_states(workflow, record.history, file)
            tx = cls._checked(record.id, workflow, record.history, states)
        else:
            tx = cls.from_opening(workflow, record.history[0], id=record.id)
            for index, event in enumerate(record.history[1:], start=1):
                try:
                    tx = tx.apply(event)
                except PstError as err:
                    raise DataFileError(
                        file,
                        f"history[{index}]",
                        event.name,
                        Phrase("states.record.allowed.event", reason=err.phrase),
                    ) from err
        if tx.state != record.state:
            raise DataFileError(
                file, "state", record.state, Phrase("states.record.allowed.state", state=tx.state)
            )
        return tx

    @classmethod
    def load(
        cls,
        path: str | Path,
        *,
        workflows: records.Workflows = None,
        mismatch: records.RecordMismatch = "error",
    ) -> Transaction:
        """Read a transaction file (``.json`` or ``.toml``); see `Transaction.from_data`."""
        return cls.from_data(
            _io.read_data(path), workflows=workflows, mismatch=mismatch, file=str(path)
        )

    @classmethod
    def loads(
        cls,
        text: str,
        *,
        format: _io.Format | None = None,
        workflows: records.Workflows = None,
        mismatch: records.RecordMismatch = "error",
    ) -> Transaction:
        """Read a transaction from JSON or TOML text; see `Transaction.from_data`.

        Without ``format`` the text says which it is: JSON starts with ``{``, TOML never does.
        """
        if format is None:
            format = "json" if isinstance(text, str) and text.lstrip().startswith("{") else "toml"
        return cls.from_data(
            _io.parse_text(text, format),
            workflows=workflows,
            mismatch=mismatch,
            file=f"<{format} text>",
        )


def _event_record(event: Event) -> dict[str, Any]:
    record = {
        "name": event.name,
        "at": event.at.isoformat(),
        "actor": event.actor,
        "data": dict(event.data),
    }
    if event.id is not None:
        record["id"] = event.id
    return record


def replay(workflow: Workflow, history: Iterable[Event], *, id: str | None = None) -> Transaction:
    """Rebuild a transaction from its history by firing every event again.

    The first event must be the opening (``"open"``). Without ``id`` the
    transaction gets the same default id `Transaction.open` gives.

    Raises:
        InvalidTransitionError: if the history is empty, does not start with ``open``,
            or has an event the workflow does not allow at that point.
        EventOrderError: if the events are out of time order.
        InvalidTypeError: for a workflow or history of the wrong type.

    Example:
        >>> from pst_core.states.builtin import visit
        >>> at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
        >>> tx = Transaction.open(visit(), at=at, actor="guest")
        >>> replay(visit(), tx.history).state
        'guest-book'
        >>> replay(visit(), None)
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidTypeError: history: expected a sequence of Event, got NoneType None
    """
    workflow = require_instance(workflow, "workflow", Workflow)
    events = sequence_of(history, "history", Event)
    states = sla.walk(workflow, events)
    if id is None:
        id = _default_id(workflow, events[0])
    else:
        require_instance(id, "id", str)
    return Transaction(id=id, workflow=workflow, state=states[-1], history=events)
