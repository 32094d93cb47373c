"""Saved transactions: the record's format, its fingerprints, reading it on a changed definition.

A record names its workflow and carries two fingerprints: the workflow's
(`Workflow.fingerprint`, its table) and the calendar's
(`WorkingCalendar.fingerprint`), with the ``format_version`` of the record
itself. Reading it back picks, among the workflows given, the version of that
name whose fingerprint is the record's; when none is, or the calendar differs,
`RecordMismatch` says what to do:

* ``"error"`` (default): refuse, saying what changed (the workflow, the calendar, or both);
* ``"recompute"``: re-check the history on the new definition, event by event (a
  history it would not allow is refused), and compute the clocks on it;
* ``"keep-history"``: trust the recorded events — they happened, under the rules
  of their day — and compute the clocks on the new definition;
  ``Transaction.events_not_allowed()`` then says which events the new definition
  would not have allowed. Only an event with no transition at all from its state
  is refused: there is no state to follow it into.

Records written before format version 2 carry no workflow fingerprint: their
workflow is taken by name, and only the calendar is compared.

Example:
    >>> from pst_core.states.builtin import visit
    >>> record = Record("V-1", "visit", visit().calendar.fingerprint, "guest-book", (),
    ...                 workflow_fingerprint="sha256:0")
    >>> choose_workflow(record, (visit(),), "error", "v.json")
    Traceback (most recent call last):
    ...
    pst_core.errors.DataFileError: v.json: workflow_fingerprint: the workflow has changed ...
"""

from __future__ import annotations

import typing
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

import attrs

from pst_core._validation import literal_values, require_instance
from pst_core.errors import DataFileError, FileProblem, InvalidTypeError, Phrase, PstError
from pst_core.states.builtin.registry import BUILTIN, builtin_workflow
from pst_core.states.events import OPEN, Event
from pst_core.states.workflow import Workflow

__all__ = [
    "FORMAT_VERSION",
    "RECORD_MISMATCHES",
    "Record",
    "RecordMismatch",
    "choose_workflow",
    "trusted_states",
]

FORMAT_VERSION = 2
"""The saved transaction format this release writes (and the newest it reads)."""

RecordMismatch = Literal["error", "recompute", "keep-history"]
"""What reading a saved transaction does when its workflow or calendar fingerprint is not
the one given: ``"error"`` (a `DataFileError` saying what changed), ``"recompute"``
(re-check the history on the new definition) or ``"keep-history"`` (trust the recorded
events, compute the clocks on the new definition)."""

RECORD_MISMATCHES: tuple[RecordMismatch, ...] = literal_values(RecordMismatch)
"""Every `RecordMismatch`."""

Workflows = Workflow | Mapping[str, Workflow] | Iterable[Workflow] | None
"""What ``workflows=`` takes: one workflow, workflows by name, or several (versions included)."""


@attrs.frozen
class Record:
    """A saved transaction as read, before its history is replayed (format version 1 or 2).

    Attributes:
        id: The transaction's id.
        workflow: The workflow's name.
        calendar: The calendar's fingerprint.
        state: The state the history leads to.
        history: The events.
        format_version: The record's format version (1 when it has none).
        workflow_fingerprint: The workflow's fingerprint (``None`` before version 2).
    """

    id: str
    workflow: str
    calendar: str
    state: str
    history: tuple[Event, ...]
    format_version: int = 1
    workflow_fingerprint: str | None = None


def _candidates(name: str, workflows: object, file: str) -> list[Workflow]:
    """The workflows given under ``name``, oldest given first."""
    if workflows is None:
        try:
            return [builtin_workflow(name)]
        except PstError as err:
            raise DataFileError(
                file,
                "workflow",
                name,
                Phrase("states.record.allowed.builtin", names=", ".join(BUILTIN)),
            ) from err
    if isinstance(workflows, Workflow):
        given: Sequence[object] = (workflows,)
    elif isinstance(workflows, Mapping):
        given = (
            [require_instance(workflows[name], f"workflows[{name!r}]", Workflow)]
            if name in workflows
            else []
        )
    elif isinstance(workflows, Iterable) and not isinstance(workflows, (str, bytes)):
        given = tuple(workflows)
    else:
        raise InvalidTypeError("workflows", workflows, Phrase("states.record.expected.workflows"))
    found = [
        require_instance(w, "workflows", Workflow)
        for w in given
        if require_instance(w, "workflows", Workflow).name == name
    ]
    if not found:
        names = (
            sorted(map(str, workflows))
            if isinstance(workflows, Mapping)
            else sorted({typing.cast(Workflow, w).name for w in given})
        )
        raise DataFileError(
            file,
            "workflow",
            name,
            Phrase("states.record.allowed.given", names=", ".join(names) or "-"),
        )
    return found


def choose_workflow(
    record: Record, workflows: Workflows, mismatch: RecordMismatch, file: str
) -> Workflow:
    """The workflow a record follows: the version given whose fingerprints are the record's.

    With no version matching both, ``"error"`` refuses (naming what changed);
    otherwise the version whose table matches is preferred, else the last given.

    Raises:
        DataFileError: the workflow is not given, or (under ``"error"``) has
            changed, or its calendar has.
    """
    name, fingerprint, calendar = record.workflow, record.workflow_fingerprint, record.calendar
    found = _candidates(name, workflows, file)
    for workflow in found:
        if (
            fingerprint in (None, workflow.fingerprint)
            and workflow.calendar.fingerprint == calendar
        ):
            return workflow
    same_table = [w for w in found if fingerprint in (None, w.fingerprint)]
    chosen = same_table[-1] if same_table else found[-1]
    if mismatch != "error":
        return chosen
    problems = []
    if not same_table:
        problems.append(
            FileProblem(
                "workflow_fingerprint",
                fingerprint,
                Phrase(
                    "states.record.allowed.fingerprints",
                    fingerprints=", ".join(w.fingerprint for w in found),
                    name=name,
                ),
                problem=Phrase("states.record.problem.workflow_changed"),
            )
        )
    if chosen.calendar.fingerprint != calendar:
        problems.append(
            FileProblem(
                "calendar",
                calendar,
                Phrase(
                    "states.record.allowed.calendar",
                    fingerprint=chosen.calendar.fingerprint,
                    name=name,
                ),
                problem=Phrase("states.record.problem.calendar_changed"),
            )
        )
    raise DataFileError.of(file, problems)


def trusted_states(workflow: Workflow, history: Sequence[Event], file: str) -> tuple[str, ...]:
    """The state after each recorded event, following the table and trusting the rest.

    Timers, roles and the order of instants are not checked again: the events
    happened. Guards still choose between transitions, from the recorded data.

    Raises:
        DataFileError: an event with no transition from its state (or whose data
            no guard accepts), naming it.
    """
    state = workflow.initial.name
    states = [state]
    for index, event in enumerate(history[1:], start=1):
        target = None
        if event.name != OPEN:  # never a transition: it only opens a transaction
            try:
                target = workflow.select(state, event.name, event.data).target
            except PstError:
                target = None
        if target is None:
            raise DataFileError(
                file,
                f"history[{index}]",
                event.name,
                Phrase("states.record.allowed.in_table", state=state),
                problem=Phrase("states.record.problem.no_transition"),
            )
        state = target
        states.append(state)
    return tuple(states)
