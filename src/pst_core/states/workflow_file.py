"""The workflow file form: a workflow as a TOML or JSON document, read, checked and written.

A workflow file holds the workflow's ``name``, ``description``, ``timezone``,
``role_check``, the fingerprint of its ``calendar`` when it is not the PST one of
its zone, and lists of ``states``, ``transitions``, ``clocks`` and ``timers``
with the fields of `State`, `Transition`, `Clock` and `Timer`. In a file,
durations are phrases (``"3 hari kerja"``, ``"7 hari"``, ``"2 jam"``), and a
guard is a comparison (``'data.outcome == "complete"'``) or the name of a guard
the reader passes in ``guards=``. Defaults are left out when writing, so that
files stay as short as people write them.

People use this through the verbs of `pst_core.states.workflow.Workflow`
(``Workflow.load``, ``loads``, ``from_data``, ``dump``, ``dumps``,
``to_data``). The module sits below the `Workflow` class: it builds the parts,
and is handed the class to build the whole, so that the model imports its file
form and not the other way round.

Example:
    >>> from pst_core.states.workflow import Workflow
    >>> data = {"name": "loan", "states": [{"name": "out", "initial": True},
    ...                                    {"name": "back", "terminal": True}],
    ...         "transitions": [{"source": "out", "event": "return", "target": "back"}]}
    >>> read_workflow(Workflow, data, guards=None, calendar=None, file="loan.toml").state_names
    ('out', 'back')
    >>> read_workflow(Workflow, {"name": "loan"}, guards=None, calendar=None, file="loan.toml")
    Traceback (most recent call last):
    ...
    pst_core.errors.DataFileError: loan.toml: states: missing required field; allowed: ...
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from pst_core._validation import require_instance
from pst_core.calendar.calendar import WorkingCalendar
from pst_core.calendar.converter import structure, unstructure
from pst_core.calendar.durations import Duration
from pst_core.errors import (
    DataFileError,
    InvalidTypeError,
    InvalidValueError,
    InvalidWorkflowError,
    Phrase,
    PstError,
)
from pst_core.states.guards import Guard
from pst_core.states.parts import (
    Clock,
    ClockParty,
    ClockSeverity,
    RoleCheck,
    State,
    Timer,
    Transition,
)

__all__ = ["read_workflow", "workflow_data"]

T = TypeVar("T")
W = TypeVar("W")


def _shown_as(name: str) -> Callable[[type[T]], type[T]]:
    """Name a file table's class as people know it: file errors name a table by its class."""

    def rename(cls: type[T]) -> type[T]:
        cls.__name__ = cls.__qualname__ = name
        return cls

    return rename


@_shown_as("State")
@attrs.frozen
class _StateSpec:
    name: str
    initial: bool = False
    terminal: bool = False
    label: str | None = None
    label_en: str | None = None


@_shown_as("Transition")
@attrs.frozen
class _TransitionSpec:
    source: str
    event: str
    target: str
    guard: str | None = None
    roles: tuple[str, ...] = ()


@_shown_as("Clock")
@attrs.frozen
class _ClockSpec:
    name: str
    goal: Duration
    starts_on: tuple[str, ...]
    stops_on: tuple[str, ...] = ()
    paused_in: tuple[str, ...] = ()
    cancels_on: tuple[str, ...] = ()
    severity: ClockSeverity = "breach"
    party: ClockParty = "office"
    infer_start: bool = False


@_shown_as("Timer")
@attrs.frozen
class _TimerSpec:
    name: str
    event: str
    after: Duration
    in_states: tuple[str, ...]
    since: tuple[str, ...] = ()
    actor: str = "system"


@_shown_as("Workflow")
@attrs.frozen
class _WorkflowSpec:
    name: str
    states: tuple[_StateSpec, ...]
    transitions: tuple[_TransitionSpec, ...]
    clocks: tuple[_ClockSpec, ...] = ()
    timers: tuple[_TimerSpec, ...] = ()
    description: str = ""
    timezone: str = "Asia/Jakarta"
    calendar: str | None = None
    role_check: RoleCheck = "lenient"


def _item(file: str, path: str, build: Callable[[], T]) -> T:
    """Build one part, turning a field error into a file error at the part's path."""
    try:
        return build()
    except InvalidValueError as err:
        attribute = err.field.rpartition(".")[2]
        where = f"{path}.{attribute}" if path else attribute
        raise DataFileError(file, where, err.value, err.allowed_phrase) from err


def _parts(file: str, table: str, specs: Iterable[Any], make: Callable[..., T]) -> tuple[T, ...]:
    """Each entry of the list ``table``, built by ``make`` from the entry's fields."""
    return tuple(
        _item(file, f"{table}[{i}]", functools.partial(make, **attrs.asdict(spec, recurse=False)))
        for i, spec in enumerate(specs)
    )


def _guard(text: str | None, guards: Mapping[str, Guard]) -> Guard | None:
    if text is None:
        return None
    if text in guards:
        return guards[text]
    try:
        return Guard.parse(text)
    except InvalidValueError as err:
        allowed = (
            Phrase("states.allowed.guard_or_named", guards=", ".join(sorted(guards)))
            if guards
            else Phrase("states.allowed.guard_file")
        )
        raise InvalidValueError("Transition.guard", text, allowed) from err


def _transition(guards: Mapping[str, Guard], *, guard: str | None, **fields: Any) -> Transition:
    return Transition(guard=_guard(guard, guards), **fields)


def _calendar(spec: _WorkflowSpec, calendar: WorkingCalendar | None, file: str) -> WorkingCalendar:
    """The calendar passed, checked against the file's zone and fingerprint, or the file's own."""
    if calendar is not None:
        require_instance(calendar, "calendar", WorkingCalendar)
        if calendar.timezone.key != spec.timezone:
            raise DataFileError(file, "timezone", spec.timezone, (calendar.timezone.key,))
        if spec.calendar is not None and calendar.fingerprint != spec.calendar:
            raise DataFileError(
                file,
                "calendar",
                spec.calendar,
                Phrase("states.allowed.passed_calendar", fingerprint=repr(calendar.fingerprint)),
            )
        return calendar
    try:
        default = WorkingCalendar.pst(spec.timezone)
    except PstError as err:
        raise DataFileError(
            file, "timezone", spec.timezone, Phrase("states.allowed.zone_name")
        ) from err
    if spec.calendar is not None and spec.calendar != default.fingerprint:
        raise DataFileError(
            file,
            "calendar",
            spec.calendar,
            Phrase("states.allowed.own_calendar"),
        )
    return default


def read_workflow(
    make: Callable[..., W],
    data: Mapping[str, Any],
    *,
    guards: Mapping[str, Guard] | None,
    calendar: WorkingCalendar | None,
    file: str,
) -> W:
    """Build a workflow with ``make`` (the `Workflow` class) from a file's plain data.

    Raises:
        DataFileError: a malformed field, naming its path (``transitions[2].guard``).
        InvalidWorkflowError: a table that breaks a rule, naming ``file`` and the fault.
    """
    if guards is not None and not isinstance(guards, Mapping):
        raise InvalidTypeError("guards", guards, Phrase("states.expected.guards"))
    spec = structure(data, _WorkflowSpec, file=file)
    chosen = _calendar(spec, calendar, file)
    build = functools.partial(
        make,
        spec.name,
        _parts(file, "states", spec.states, State),
        _parts(file, "transitions", spec.transitions, functools.partial(_transition, guards or {})),
        clocks=_parts(file, "clocks", spec.clocks, Clock),
        timers=_parts(file, "timers", spec.timers, Timer),
        description=spec.description,
        calendar=chosen,
        role_check=spec.role_check,
    )
    try:
        return _item(file, "", build)
    except InvalidWorkflowError as err:
        raise InvalidWorkflowError(
            Phrase("states.table.in_file", file=file, problem=err.phrase), value=err.value
        ) from err


def _spec(part: object, spec: type[Any], **changes: Any) -> Any:
    """The file table of ``part``: the part's fields that ``spec`` has, then ``changes``."""
    return spec(**{a.name: getattr(part, a.name) for a in attrs.fields(spec)} | changes)


def workflow_data(
    *,
    name: str,
    states: tuple[State, ...],
    transitions: tuple[Transition, ...],
    clocks: tuple[Clock, ...],
    timers: tuple[Timer, ...],
    description: str,
    calendar: WorkingCalendar,
    role_check: RoleCheck,
) -> dict[str, Any]:
    """A workflow's plain data as a file holds it, defaults left out.

    The calendar is written as its zone, plus its fingerprint when it is not the
    PST calendar of that zone (a reader must then pass it); a guard as its name.
    """
    zone = calendar.timezone.key
    own = calendar.fingerprint
    spec = _WorkflowSpec(
        name=name,
        description=description,
        timezone=zone,
        calendar=None if own == WorkingCalendar.pst(zone).fingerprint else own,
        role_check=role_check,
        states=tuple(_spec(s, _StateSpec) for s in states),
        transitions=tuple(
            _spec(t, _TransitionSpec, guard=None if t.guard is None else t.guard.name)
            for t in transitions
        ),
        clocks=tuple(_spec(c, _ClockSpec) for c in clocks),
        timers=tuple(_spec(t, _TimerSpec) for t in timers),
    )
    data = unstructure(spec)
    # Defaults are left out, so that files stay as short as people write them.
    for key, default in (("role_check", "lenient"), ("description", "")):
        if data.get(key) == default:
            del data[key]
    for table in ("states", "transitions", "clocks", "timers"):
        for item in data.get(table, ()):
            _drop_defaults(table, item)
    for table in ("clocks", "timers"):
        if not data.get(table):
            data.pop(table, None)
    return data


def _drop_defaults(table: str, item: dict[str, Any]) -> None:
    """Leave out of one part's data the fields at their default value."""
    for key in [k for k, v in item.items() if v in ((), [], False)]:
        del item[key]
    if item.get("severity") == "breach":
        del item["severity"]
    if table == "clocks" and item.get("party") == "office":
        del item["party"]
    if table == "timers" and item.get("actor") == "system":
        del item["actor"]
