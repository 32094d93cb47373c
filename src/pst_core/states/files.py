"""A unit's own workflow as a TOML or JSON file: read, checked, written back.

The file lists ``states``, ``transitions``, and optionally ``clocks`` and
``timers``; durations are phrases (``"3 hari kerja"``, ``"7 hari"``, ``"2 jam"``).
A guard is written as a comparison of one event-data field with a literal —
``'data.outcome == "complete"'`` or ``"data.paid != true"`` — or as the name of
a guard passed in ``guards=`` from Python; nothing in a file is evaluated as
code. The calendar is the PST one in the file's ``timezone`` (default
``Asia/Jakarta``).

Example:
    >>> wf = workflow_from_data({
    ...     "name": "library-visit",
    ...     "states": [{"name": "reading", "initial": True}, {"name": "left", "terminal": True}],
    ...     "transitions": [{"source": "reading", "event": "leave", "target": "left"}],
    ...     "clocks": [
    ...         {"name": "stay", "goal": "2 jam", "starts_on": ["open"], "stops_on": ["left"]}
    ...     ],
    ... })
    >>> wf.clocks[0].goal
    WorkingTime(span=datetime.timedelta(seconds=7200))
    >>> workflow_from_data(workflow_to_data(wf)) == wf
    True
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import attrs

from pst_core import _io
from pst_core.calendar.durations import Duration
from pst_core.errors import DataFileError, InvalidValueError, InvalidWorkflowError, PstError
from pst_core.states.clocks import Clock, pst_calendar
from pst_core.states.timers import Timer
from pst_core.states.workflow import Guard, State, Transition, Workflow

T = TypeVar("T")

__all__ = ["dump_workflow", "load_workflow", "workflow_from_data", "workflow_to_data"]


@attrs.frozen
class StateSpec:
    """A state as written in a workflow file."""

    name: str
    initial: bool = False
    terminal: bool = False
    label: str | None = None


@attrs.frozen
class TransitionSpec:
    """A transition as written in a workflow file (``guard``: a comparison or a guard's name)."""

    source: str
    event: str
    target: str
    guard: str | None = None


@attrs.frozen
class ClockSpec:
    """An SLA clock as written in a workflow file."""

    name: str
    goal: Duration
    starts_on: tuple[str, ...]
    stops_on: tuple[str, ...] = ()
    paused_in: tuple[str, ...] = ()
    cancels_on: tuple[str, ...] = ()


@attrs.frozen
class TimerSpec:
    """A timer as written in a workflow file."""

    name: str
    event: str
    after: Duration
    in_states: tuple[str, ...]
    since: tuple[str, ...] = ()
    actor: str = "system"


@attrs.frozen
class WorkflowSpec:
    """A whole workflow file, before it is checked as a :class:`Workflow`."""

    name: str
    states: tuple[StateSpec, ...]
    transitions: tuple[TransitionSpec, ...]
    clocks: tuple[ClockSpec, ...] = ()
    timers: tuple[TimerSpec, ...] = ()
    description: str = ""
    timezone: str = "Asia/Jakarta"


def _guard(
    spec: TransitionSpec, index: int, guards: Mapping[str, Guard], file: str
) -> Guard | None:
    if spec.guard is None:
        return None
    if spec.guard in guards:
        return guards[spec.guard]
    try:
        return Guard.parse(spec.guard)
    except InvalidValueError as err:
        allowed = "'data.KEY == VALUE', 'data.KEY != VALUE' (VALUE a JSON literal)"
        if guards:
            allowed += " or one of the guards " + ", ".join(sorted(guards))
        raise DataFileError(file, f"transitions[{index}].guard", spec.guard, allowed) from err


def _item(file: str, path: str, build: Callable[[], T]) -> T:
    """Build one part, turning a field error into a file error with the part's path."""
    try:
        return build()
    except InvalidValueError as err:
        attribute = err.field.rpartition(".")[2]
        raise DataFileError(file, f"{path}.{attribute}", err.value, err.allowed) from err


def _build(spec: WorkflowSpec, guards: Mapping[str, Guard], file: str) -> Workflow:
    try:
        calendar = pst_calendar(spec.timezone)
    except PstError as err:
        raise DataFileError(
            file, "timezone", spec.timezone, "an IANA zone name such as 'Asia/Makassar'"
        ) from err
    states = tuple(
        _item(
            file,
            f"states[{i}]",
            functools.partial(State, s.name, initial=s.initial, terminal=s.terminal, label=s.label),
        )
        for i, s in enumerate(spec.states)
    )
    transitions = tuple(
        _item(
            file,
            f"transitions[{i}]",
            functools.partial(Transition, t.source, t.event, t.target, _guard(t, i, guards, file)),
        )
        for i, t in enumerate(spec.transitions)
    )
    clocks = tuple(
        _item(
            file,
            f"clocks[{i}]",
            functools.partial(
                Clock,
                c.name,
                c.goal,
                starts_on=c.starts_on,
                stops_on=c.stops_on,
                paused_in=c.paused_in,
                cancels_on=c.cancels_on,
                calendar=calendar,
            ),
        )
        for i, c in enumerate(spec.clocks)
    )
    timers = tuple(
        _item(
            file,
            f"timers[{i}]",
            functools.partial(
                Timer,
                t.name,
                t.event,
                t.after,
                in_states=t.in_states,
                since=t.since,
                actor=t.actor,
                calendar=calendar,
            ),
        )
        for i, t in enumerate(spec.timers)
    )
    try:
        return _item(
            file,
            "workflow",
            functools.partial(
                Workflow,
                spec.name,
                states,
                transitions,
                clocks=clocks,
                timers=timers,
                description=spec.description,
            ),
        )
    except InvalidWorkflowError as err:
        raise InvalidWorkflowError(f"{file}: {err}", value=err.value) from err


def workflow_from_data(
    data: Mapping[str, Any], *, guards: Mapping[str, Guard] | None = None, file: str = "<data>"
) -> Workflow:
    """Build and check a workflow from plain data (a parsed TOML or JSON file).

    Args:
        data: The file's content.
        guards: Named guards the file may refer to by name, beyond comparisons.
        file: Named in errors.

    Raises:
        DataFileError: a malformed field, naming its path.
        InvalidWorkflowError: a table that breaks a rule, naming the state or transition.

    Example:
        >>> workflow_from_data({"name": "w", "states": [{"name": "a", "initial": True}],
        ...                     "transitions": []}, file="w.toml")
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidWorkflowError: w.toml: workflow 'w': needs at least one ...
    """
    spec = _io.structure(data, WorkflowSpec, file=file)
    return _build(spec, guards or {}, file)


def load_workflow(path: str | Path, *, guards: Mapping[str, Guard] | None = None) -> Workflow:
    """Read and check a workflow file (``.toml`` or ``.json``); see :func:`workflow_from_data`.

    Example:
        >>> import tempfile, pathlib
        >>> from pst_core.states.workflows import online_consultation
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> dump_workflow(online_consultation(), folder / "konsultasi.toml")
        >>> load_workflow(folder / "konsultasi.toml") == online_consultation()
        True
    """
    return workflow_from_data(_io.read_data(path), guards=guards, file=str(path))


def workflow_to_data(workflow: Workflow) -> dict[str, Any]:
    """Plain data for ``workflow``, the shape :func:`workflow_from_data` reads.

    Guards are written by name. The calendar is written as its time zone, so
    every clock and timer must use the PST calendar of one zone.

    Raises:
        InvalidValueError: when a clock or timer has another calendar.

    Example:
        >>> from pst_core.states.workflows import visit
        >>> data = workflow_to_data(visit())
        >>> wait = data["clocks"].pop(0)
        >>> data["name"], data["timezone"], wait["goal"]
        ('visit', 'Asia/Jakarta', '10 menit')
    """
    calendars = {c.calendar for c in workflow.clocks} | {t.calendar for t in workflow.timers}
    zone = next(iter(calendars)).timezone.key if calendars else "Asia/Jakarta"
    if calendars - {pst_calendar(zone)}:
        raise InvalidValueError(
            "Workflow.calendar", workflow.name, "clocks and timers on one PST calendar"
        )
    spec = WorkflowSpec(
        name=workflow.name,
        description=workflow.description,
        timezone=zone,
        states=tuple(StateSpec(s.name, s.initial, s.terminal, s.label) for s in workflow.states),
        transitions=tuple(
            TransitionSpec(t.source, t.event, t.target, None if t.guard is None else t.guard.name)
            for t in workflow.transitions
        ),
        clocks=tuple(
            ClockSpec(c.name, c.goal, c.starts_on, c.stops_on, c.paused_in, c.cancels_on)
            for c in workflow.clocks
        ),
        timers=tuple(
            TimerSpec(t.name, t.event, t.after, t.in_states, t.since, t.actor)
            for t in workflow.timers
        ),
    )
    return _io.unstructure(spec)


def dump_workflow(workflow: Workflow, path: str | Path) -> None:
    """Write ``workflow`` as ``.toml`` or ``.json`` (see :func:`workflow_to_data`).

    Example:
        >>> import tempfile, pathlib
        >>> from pst_core.states.workflows import visit
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "visit.json"
        >>> dump_workflow(visit(), path)
        >>> path.read_text(encoding="utf-8").splitlines()[1]
        '  "name": "visit",'
    """
    _io.write_data(workflow_to_data(workflow), path)
