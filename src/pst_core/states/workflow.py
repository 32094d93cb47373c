"""Workflows: a validated table of states and guarded transitions, with clocks, timers and calendar.

This module only *declares*; `pst_core.states.sla` evaluates clocks and timers
over a history and `pst_core.states.transaction` moves transactions. It builds
on the parts (`pst_core.states.parts`), the guards (`pst_core.states.guards`)
and the events (`pst_core.states.events`), and reads and writes its file form
through `pst_core.states.workflow_file`.

A `Workflow` is a frozen table. Each `Transition` says "in state *source*, event
*event* leads to *target*", optionally only when its `Guard` (a named, pure
predicate on the event's data) holds, and optionally only for the `roles` it
names. The table is checked when it is built, and a bad one raises
`InvalidWorkflowError` naming the state or transition at fault:

* exactly one initial state and at least one terminal state;
* every state reachable from the initial one, and some terminal state reachable
  from every non-terminal one; no transition out of a terminal state;
* transitions are deterministic: for one ``(source, event)`` at most one is
  unguarded (the fallback), and any two guarded ones are *exclusive* (they
  compare one data field with different values, or one names the other in
  ``exclusive_with``);
* every trigger of a clock or timer is an event or state of the table, and a
  timer's event is allowed in every state the timer runs in.

Each state, clock and timer name appears once (an `InvalidValueError` naming
the field and both places otherwise). Names of states and events are
identifiers from two disjoint sets, because clocks and timers name either one
as a trigger; the event name ``open`` is reserved for the opening of a
transaction.

A workflow carries the `WorkingCalendar` every one of its clocks and timers
uses (``calendar=``, default the PST calendar in Asia/Jakarta).

Example:
    >>> from pst_core.calendar.durations import WorkingTime
    >>> wf = Workflow(
    ...     "ticket",
    ...     states=(State("new", initial=True), State("done", terminal=True)),
    ...     transitions=(Transition("new", "solve", "done", roles=("officer",)),),
    ...     clocks=(Clock("reply", WorkingTime(60), starts_on=("open",), stops_on=("done",)),),
    ... )
    >>> wf.events, wf.calendar.timezone.key
    (('solve',), 'Asia/Jakarta')
    >>> Workflow("broken", states=(State("a", initial=True), State("b", terminal=True)))
    Traceback (most recent call last):
    ...
    pst_core.errors.InvalidWorkflowError: workflow 'broken': state 'b' cannot be ...
"""

from __future__ import annotations

import hashlib
import json
import re
import typing
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from pst_core import _io
from pst_core._diagram import state_svg
from pst_core._display import html_section, html_table, html_text, short
from pst_core._validation import Validator, instance_of, one_of_literal, tuple_of, unique_by
from pst_core.calendar.calendar import WorkingCalendar
from pst_core.calendar.converter import DataModel
from pst_core.errors import (
    InvalidTransitionError,
    InvalidValueError,
    InvalidWorkflowError,
    Phrase,
    show_value,
)
from pst_core.i18n import (
    Language,
    catalogue,
    check_language,
    clock_name,
    display_language,
    text,
)
from pst_core.states import workflow_file
from pst_core.states.events import OPEN
from pst_core.states.guards import Guard
from pst_core.states.parts import Clock, RoleCheck, State, Timer, Transition

__all__ = ["Workflow"]

_WORKFLOW_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*(?::[A-Za-z0-9][A-Za-z0-9_-]*)?")
_WORKFLOW_NAME_RULE = (
    "an identifier of ASCII letters, digits, '-' and '_' starting with a letter, "
    "optionally ':' and a catalog document's id"
)


def _workflow_name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _WORKFLOW_NAME.fullmatch(value):
        raise InvalidValueError("Workflow.name", value, _WORKFLOW_NAME_RULE)


def _named(what: str) -> Validator:
    """Each item's ``name`` at most once."""
    return unique_by(lambda item: item.name, Phrase(f"states.table.unique.{what}"))


_NOT_FINGERPRINTED = ("description", "timezone", "calendar")


@attrs.frozen
class Workflow(DataModel):
    """A validated, immutable table of states and transitions, with its clocks, timers and calendar.

    Read and written with the verbs of every saved model: `Workflow.load(path,
    guards=..., calendar=...)`, `Workflow.loads(text, format=...)`,
    `Workflow.from_data(data)`, `workflow.dump(path)`, `workflow.dumps()`,
    `workflow.to_data()`. In a file, durations are phrases (``"3 hari kerja"``,
    ``"7 hari"``, ``"2 jam"``), guards are comparisons (``'data.outcome ==
    "complete"'``) or names of guards passed in ``guards=``, and the calendar is
    the PST one of the file's ``timezone``; a workflow saved with another
    calendar records its fingerprint and is read back only with ``calendar=``.

    Attributes:
        name: The workflow's name; transactions refer to their workflow by it in files.
        states: Every state, in display order.
        transitions: Every transition, in display order.
        clocks: SLA clocks measured over a transaction.
        timers: Events the system fires when time passes.
        description: One line saying what the workflow is.
        calendar: The working calendar of every clock and timer.
        role_check: ``"lenient"`` (default: an event by an actor outside the
            transition's roles is accepted and listed by
            ``Transaction.off_role_events``) or ``"strict"`` (refused). It is a
            property of the table, not of a call, so that replaying or loading a
            history applies the same rule as firing it did.

    Raises:
        InvalidWorkflowError: when the table breaks a rule (see the module docs), naming the fault.
        InvalidValueError: a field of the wrong value, such as a state named twice.

    Example:
        >>> wf = Workflow.from_data({
        ...     "name": "library-visit",
        ...     "states": [{"name": "reading", "initial": True},
        ...                {"name": "left", "terminal": True}],
        ...     "transitions": [{"source": "reading", "event": "leave", "target": "left"}],
        ...     "clocks": [{"name": "stay", "goal": "2 jam", "starts_on": ["open"],
        ...                 "stops_on": ["left"]}],
        ... })
        >>> wf.clocks[0].goal, Workflow.loads(wf.dumps(), format="json") == wf
        (WorkingTime(minutes=120), True)
    """

    name: str = attrs.field(validator=_workflow_name)
    states: tuple[State, ...] = attrs.field(validator=[tuple_of(State), _named("state")])
    transitions: tuple[Transition, ...] = attrs.field(default=(), validator=tuple_of(Transition))
    clocks: tuple[Clock, ...] = attrs.field(
        default=(), kw_only=True, validator=[tuple_of(Clock), _named("clock")]
    )
    timers: tuple[Timer, ...] = attrs.field(
        default=(), kw_only=True, validator=[tuple_of(Timer), _named("timer")]
    )
    description: str = attrs.field(default="", kw_only=True, validator=instance_of(str))
    calendar: WorkingCalendar = attrs.field(
        factory=WorkingCalendar.pst, kw_only=True, validator=instance_of(WorkingCalendar)
    )
    role_check: RoleCheck = attrs.field(
        default="lenient", kw_only=True, validator=one_of_literal(RoleCheck)
    )
    _fingerprint: list[str] = attrs.field(
        init=False, factory=list, eq=False, repr=False, hash=False
    )

    @property
    def fingerprint(self) -> str:
        """A short, stable digest of what transactions are computed with: the table itself.

        It hashes the canonical JSON form of `to_data` (keys sorted, no spaces) like
        `WorkingCalendar.fingerprint`, leaving out what changes no answer (the
        description and the states' labels) and the calendar, which a saved
        transaction records with its own fingerprint. A saved transaction records
        both, so that reading it back on another version of its workflow is a
        choice, never an accident. A function guard counts by its name only.

        Example:
            >>> from pst_core.states.builtin import paid_product
            >>> paid_product().fingerprint == paid_product().fingerprint
            True
            >>> paid_product(role_check="strict").fingerprint == paid_product().fingerprint
            False
        """
        if not self._fingerprint:
            data = {k: v for k, v in self.to_data().items() if k not in _NOT_FINGERPRINTED}
            data["states"] = [
                {k: v for k, v in state.items() if k not in ("label", "label_en")}
                for state in data.get("states", ())
            ]
            canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
            self._fingerprint.append(
                "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()[:16]
            )
        return self._fingerprint[0]

    def __attrs_post_init__(self) -> None:
        _check_table(self)
        for clock in self.clocks:
            _check_clock(self, clock)
        for timer in self.timers:
            _check_timer(self, timer)

    @property
    def initial(self) -> State:
        """The one initial state."""
        return next(s for s in self.states if s.initial)

    @property
    def terminals(self) -> tuple[State, ...]:
        """The terminal states, in table order."""
        return tuple(s for s in self.states if s.terminal)

    @property
    def state_names(self) -> tuple[str, ...]:
        """Names of every state, in table order."""
        return tuple(s.name for s in self.states)

    @property
    def events(self) -> tuple[str, ...]:
        """Names of every event, in order of first appearance in the table."""
        return tuple(dict.fromkeys(t.event for t in self.transitions))

    def state(self, name: str) -> State:
        """The state called ``name``.

        Raises:
            InvalidTransitionError: if the workflow has no such state.
        """
        for state in self.states:
            if state.name == name:
                return state
        raise InvalidTransitionError(
            Phrase("states.error.no_state", workflow=repr(self.name), state=repr(name)),
            value=name,
            allowed=self.state_names,
            events=(),
        )

    def is_terminal(self, state: str) -> bool:
        """Whether ``state`` is terminal."""
        return self.state(state).terminal

    def events_from(self, state: str) -> tuple[str, ...]:
        """Events with at least one transition out of ``state``, in table order.

        Example:
            >>> wf = Workflow("t", (State("a", initial=True), State("b", terminal=True)),
            ...               (Transition("a", "go", "b"), Transition("a", "quit", "b")))
            >>> wf.events_from("a"), wf.events_from("b")
            (('go', 'quit'), ())
        """
        self.state(state)
        return tuple(dict.fromkeys(t.event for t in self.transitions if t.source == state))

    def targets(self, state: str, event: str) -> tuple[Transition, ...]:
        """The transitions for ``(state, event)``, guarded ones first then the fallback."""
        found = [t for t in self.transitions if t.source == state and t.event == event]
        return tuple(sorted(found, key=lambda t: t.guard is None))

    def select(
        self, state: str, event: str, data: Mapping[str, Any], actor: str | None = None
    ) -> Transition:
        """The transition ``event`` takes from ``state`` with ``data``, fired by ``actor``.

        With ``role_check="strict"`` and an ``actor``, a transition whose ``roles``
        do not include the actor is refused.

        Raises:
            InvalidTransitionError: if no transition matches (listing the allowed
                events), or the actor may not fire it (listing the allowed roles).

        Example:
            >>> t = Transition("a", "go", "b", roles=("officer",))
            >>> wf = Workflow("t", (State("a", initial=True), State("b", terminal=True)), (t,),
            ...               role_check="strict")
            >>> wf.select("a", "go", {}, "officer").target
            'b'
            >>> wf.select("a", "go", {}, "user")
            Traceback (most recent call last):
            ...
            pst_core.errors.InvalidTransitionError: event 'go' in workflow 't', state 'a' ...
        """
        allowed = self.events_from(state)
        candidates = self.targets(state, event)
        where = Phrase("states.error.where", workflow=repr(self.name), state=repr(state))
        if not candidates:
            shown = ", ".join(allowed) if allowed else Phrase("states.error.none_terminal")
            raise InvalidTransitionError(
                Phrase("states.error.not_allowed", event=repr(event), where=where, allowed=shown),
                value=event,
                allowed=allowed,
                state=state,
            )
        for transition in candidates:
            if transition.guard is None or transition.guard.holds(data):
                strict = self.role_check == "strict" and actor is not None
                if strict and not transition.allows(typing.cast(str, actor)):
                    raise InvalidTransitionError(
                        Phrase(
                            "states.error.wrong_role",
                            event=repr(event),
                            where=where,
                            roles=", ".join(transition.roles),
                            actor=repr(actor),
                        ),
                        value=actor,
                        allowed=transition.roles,
                        events=allowed,
                        roles=transition.roles,
                        state=state,
                    )
                return transition
        guards = "; ".join(t.guard.name for t in candidates if t.guard is not None)
        raise InvalidTransitionError(
            Phrase(
                "states.error.no_guard",
                event=repr(event),
                where=where,
                data=show_value(dict(data)),
                guards=guards,
            ),
            value=event,
            allowed=allowed,
            state=state,
        )

    def to_mermaid(self) -> str:
        """A Mermaid ``stateDiagram-v2`` of the table (guards shown in brackets).

        Example:
            >>> wf = Workflow("t", (State("to-do", initial=True), State("done", terminal=True)),
            ...               (Transition("to-do", "finish", "done"),))
            >>> print(wf.to_mermaid())
            stateDiagram-v2
                state "to-do" as to_do
                [*] --> to_do
                to_do --> done: finish
                done --> [*]
        """
        ids = {s.name: s.name.replace("-", "_") for s in self.states}
        lines = ["stateDiagram-v2"]
        lines += [f'    state "{s.name}" as {ids[s.name]}' for s in self.states if "-" in s.name]
        lines.append(f"    [*] --> {ids[self.initial.name]}")
        for t in self.transitions:
            label = t.event if t.guard is None else f"{t.event} [{t.guard.name}]"
            label = label.replace('"', "'").replace(";", ",").replace("#", "")
            lines.append(f"    {ids[t.source]} --> {ids[t.target]}: {label}")
        lines += [f"    {ids[s.name]} --> [*]" for s in self.terminals]
        for clock in self.clocks:
            for name in clock.paused_in:
                lines.append(f"    note right of {ids[name]}: {clock.name} clock paused")
        return "\n".join(lines)

    def describe(self, language: Language = "en") -> str:
        """The workflow for people: its states (labels in ``language``) and their events.

        Example:
            >>> wf = Workflow("t", (State("new", initial=True, label="Baru", label_en="New"),
            ...                     State("done", terminal=True, label="Selesai")),
            ...               (Transition("new", "finish", "done"),))
            >>> print(wf.describe("id"))
            t: 2 status, 1 peristiwa
              new — Baru (awal): finish
              done — Selesai (akhir)
        """
        lines = [
            text(
                "states.workflow.head",
                language,
                name=self.name,
                states=len(self.states),
                events=len(self.events),
            )
        ]
        for state in self.states:
            mark = ""
            if state.initial:
                mark = " " + text("states.workflow.initial", language)
            elif state.terminal:
                mark = " " + text("states.workflow.terminal", language)
            events = ", ".join(self.events_from(state.name))
            lines.append(
                f"  {state.name} — {state.describe(language)}{mark}"
                + (f": {events}" if events else "")
            )
        return "\n".join(lines)

    def __repr__(self) -> str:
        return (
            f"Workflow(name={short(self.name)}, states={len(self.states)}, "
            f"transitions={len(self.transitions)}, clocks={len(self.clocks)}, "
            f"timers={len(self.timers)})"
        )

    def _html(self, language: Language) -> str:
        """States, transitions, clocks and timers as tables, then the diagram drawn (SVG)."""

        def column(name: str) -> str:
            return text(f"states.display.column.{name}", language)

        def kind(state: State) -> str:
            if state.initial:
                return text("states.workflow.initial", language)
            return text("states.workflow.terminal", language) if state.terminal else ""

        states = html_table(
            [column(c) for c in ("name", "label", "kind", "events")],
            [
                [s.name, s.describe(language), kind(s), ", ".join(self.events_from(s.name))]
                for s in self.states
            ],
            caption=text("states.display.states", language),
        )
        transitions = html_table(
            [column(c) for c in ("source", "event", "guard", "target", "roles")],
            [
                [t.source, t.event, t.guard.name if t.guard else "", t.target, ", ".join(t.roles)]
                for t in self.transitions
            ],
            caption=text("states.display.transitions", language),
        )
        # A built-in workflow's description is said in the language; a unit's own as written.
        builtin = catalogue().get(f"display.builtin.{self.name}")
        own = builtin is None or builtin["en"] != self.description
        description = self.description if own else builtin[language]  # type: ignore[index]
        about = (
            [text("states.display.description", language, description=description)]
            if description
            else []
        )
        head = self.describe(language).splitlines()[0]
        return html_section(
            head, html_text(about), states, transitions, *self._html_timing(language),
            self._html_diagram(language),
        )  # fmt: skip

    def _html_timing(self, language: Language) -> tuple[str, ...]:
        """The clocks and the timers as tables (none when the workflow has none)."""

        def say(key: str) -> str:
            return text(f"display.workflow.{key}", language)

        def names(values: tuple[str, ...]) -> str:
            return ", ".join(values)

        tables = []
        if self.clocks:
            columns = ("clock", "goal", "starts_on", "stops_on", "paused_in", "cancels_on")
            tables.append(
                html_table(
                    [say(f"column.{c}") for c in (*columns, "severity")],
                    [
                        [clock_name(c.name, language), c.goal.describe(language)]
                        + [names(getattr(c, f)) for f in columns[2:]]
                        + [say(f"severity.{c.severity}")]
                        for c in self.clocks
                    ],
                    caption=say("clocks"),
                )
            )
        if self.timers:
            tables.append(
                html_table(
                    [say(f"column.{c}") for c in ("timer", "event", "after", "in_states")],
                    [
                        [t.name, t.event, t.after.describe(language), names(t.in_states)]
                        for t in self.timers
                    ],
                    caption=say("timers"),
                )
            )
        return tuple(tables)

    def _html_diagram(self, language: Language) -> str:
        """The state diagram drawn (inline SVG), under its caption."""
        edges = tuple((t.source, t.target, t.event) for t in self.transitions)
        svg = state_svg(
            tuple(s.name for s in self.states),
            edges,
            initial=self.initial.name,
            terminals=tuple(s.name for s in self.terminals),
        )
        caption = text("display.workflow.diagram", language)
        return f'<figure class="workflow-diagram">{svg}<figcaption>{caption}</figcaption></figure>'

    def to_html(self, language: Language | None = None) -> str:
        """What a notebook shows, as HTML in ``language`` (default: the display language,
        `pst_core.i18n.display_language`, set with ``pst_core.set_option``)."""
        return self._html(display_language() if language is None else check_language(language))

    def _repr_html_(self) -> str:
        return self.to_html()

    # --- files -------------------------------------------------------------------

    @classmethod
    def from_data(
        cls,
        data: Mapping[str, Any],
        *,
        guards: Mapping[str, Guard] | None = None,
        calendar: WorkingCalendar | None = None,
        file: str = "<data>",
    ) -> Workflow:
        """Build and check a workflow from plain data (a parsed TOML or JSON file).

        Args:
            data: The file's content.
            guards: Named guards the file may refer to by name, beyond comparisons.
            calendar: The calendar to use instead of the PST calendar of the file's
                ``timezone`` (required when the file records another calendar's fingerprint).
            file: Named in errors.

        Raises:
            DataFileError: a malformed field, naming its path.
            InvalidWorkflowError: a table that breaks a rule, naming the state or transition.
        """
        return workflow_file.read_workflow(
            cls, cls._body(data, file), guards=guards, calendar=calendar, file=file
        )

    @classmethod
    def load(
        cls,
        path: str | Path,
        *,
        guards: Mapping[str, Guard] | None = None,
        calendar: WorkingCalendar | None = None,
    ) -> Workflow:
        """Read and check a workflow file (``.toml`` or ``.json``); see `Workflow.from_data`."""
        return cls.from_data(_io.read_data(path), guards=guards, calendar=calendar, file=str(path))

    @classmethod
    def loads(
        cls,
        text: str,
        *,
        format: _io.Format,
        guards: Mapping[str, Guard] | None = None,
        calendar: WorkingCalendar | None = None,
    ) -> Workflow:
        """Read and check a workflow from TOML or JSON text; see `Workflow.from_data`."""
        data = _io.parse_text(text, format)
        return cls.from_data(data, guards=guards, calendar=calendar, file=f"<{format} text>")

    def _unstructure(self) -> dict[str, Any]:
        return workflow_file.workflow_data(
            name=self.name,
            states=self.states,
            transitions=self.transitions,
            clocks=self.clocks,
            timers=self.timers,
            description=self.description,
            calendar=self.calendar,
            role_check=self.role_check,
        )


# --- checks -------------------------------------------------------------------------


def _fail(
    workflow: Workflow, key: str, value: object = None, **fields: object
) -> InvalidWorkflowError:
    """The error of a table breaking rule ``key`` (``states.table.KEY`` in the catalogue)."""
    problem = Phrase(f"states.table.{key}", **fields)
    return InvalidWorkflowError(
        Phrase("states.table.head", workflow=repr(workflow.name), problem=problem), value=value
    )


def _check_names(
    workflow: Workflow, owner: Phrase, role: str, names: Iterable[str], allowed: Iterable[str]
) -> None:
    known = set(allowed)
    for name in names:
        if name not in known:
            raise _fail(
                workflow,
                "unknown_name",
                name,
                owner=owner,
                role=Phrase(f"states.table.role.{role}"),
                name=repr(name),
                allowed=", ".join(sorted(known)),
            )


def _triggers(workflow: Workflow) -> frozenset[str]:
    return frozenset((*workflow.events, *workflow.state_names, OPEN))


def _check_clock(workflow: Workflow, clock: Clock) -> None:
    owner = Phrase("states.table.owner.clock", name=repr(clock.name))
    if not clock.starts_on:
        raise _fail(workflow, "no_start", owner=owner)
    triggers = _triggers(workflow)
    _check_names(workflow, owner, "start", clock.starts_on, triggers)
    _check_names(workflow, owner, "stop", clock.stops_on, triggers)
    _check_names(workflow, owner, "cancel", clock.cancels_on, triggers)
    _check_names(workflow, owner, "paused", clock.paused_in, workflow.state_names)


def _check_timer(workflow: Workflow, timer: Timer) -> None:
    owner = Phrase("states.table.owner.timer", name=repr(timer.name))
    if not timer.in_states:
        raise _fail(workflow, "no_state_to_run", owner=owner)
    _check_names(workflow, owner, "state", timer.in_states, workflow.state_names)
    _check_names(workflow, owner, "since", timer.since, _triggers(workflow))
    for state in timer.in_states:
        if timer.event not in workflow.events_from(state):
            raise _fail(
                workflow,
                "timer_event",
                timer.event,
                owner=owner,
                event=repr(timer.event),
                state=repr(state),
                allowed=", ".join(workflow.events_from(state)),
            )
        if workflow.role_check == "strict":
            for transition in workflow.targets(state, timer.event):
                if not transition.allows(timer.actor):
                    raise _fail(
                        workflow,
                        "timer_role",
                        timer.actor,
                        owner=owner,
                        event=repr(timer.event),
                        actor=repr(timer.actor),
                        transition=str(transition),
                        roles=", ".join(transition.roles),
                    )


def _reach(start: Iterable[str], edges: Mapping[str, set[str]]) -> set[str]:
    seen = set(start)
    todo = list(seen)
    while todo:
        for nxt in edges.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _check_table(wf: Workflow) -> None:
    initials = [s.name for s in wf.states if s.initial]
    if len(initials) != 1:
        raise _fail(wf, "initial", initials, count=len(initials), states=repr(initials))
    if not wf.terminals:
        raise _fail(wf, "terminal", wf.state_names)
    _check_transitions(wf)
    _check_deterministic(wf)
    _check_connected(wf)


def _check_transitions(wf: Workflow) -> None:
    """Every transition joins known states, leaves no terminal one, and has a free event name."""
    names = set(wf.state_names)
    for t in wf.transitions:
        for role, name in (("source", t.source), ("target", t.target)):
            if name not in names:
                raise _fail(
                    wf,
                    "unknown_state",
                    name,
                    transition=str(t),
                    role=Phrase(f"states.table.role.{role}"),
                    name=repr(name),
                )
        if wf.state(t.source).terminal:
            raise _fail(wf, "leaves_terminal", str(t), transition=str(t), state=repr(t.source))
        if t.event == OPEN:
            raise _fail(wf, "reserved", t.event, transition=str(t), event=repr(OPEN))
        if t.event in names:
            raise _fail(wf, "event_is_state", t.event, transition=str(t), event=repr(t.event))


def _check_connected(wf: Workflow) -> None:
    """Every state is reachable from the initial state and can reach a terminal one."""
    forward: dict[str, set[str]] = {}
    backward: dict[str, set[str]] = {}
    for t in wf.transitions:
        forward.setdefault(t.source, set()).add(t.target)
        backward.setdefault(t.target, set()).add(t.source)
    reachable = _reach([wf.initial.name], forward)
    for state in wf.states:
        if state.name not in reachable:
            raise _fail(wf, "unreachable", state.name, state=repr(state.name))
    finishing = _reach([s.name for s in wf.terminals], backward)
    for state in wf.states:
        if state.name not in finishing:
            raise _fail(wf, "dead_end", state.name, state=repr(state.name))


def _check_deterministic(wf: Workflow) -> None:
    groups: dict[tuple[str, str], list[Transition]] = {}
    for t in wf.transitions:
        groups.setdefault((t.source, t.event), []).append(t)
    for (source, event), group in groups.items():
        unguarded = [t for t in group if t.guard is None]
        if len(unguarded) > 1:
            raise _fail(
                wf,
                "two_unguarded",
                (source, event),
                first=str(unguarded[0]),
                second=str(unguarded[1]),
                state=repr(source),
                event=repr(event),
            )
        guarded = [(t, t.guard) for t in group if t.guard is not None]
        for i, (first, first_guard) in enumerate(guarded):
            for second, second_guard in guarded[i + 1 :]:
                if not first_guard.excludes(second_guard):
                    raise _fail(
                        wf, "not_exclusive", (source, event), first=str(first), second=str(second)
                    )
