"""The SLA report's columns engine: state machines in one loop, clocks as numpy folds.

Private. The answers are those of `Transaction` and `pst_core.states` clocks (the
reference engine, `pst_core.reports._reference`); the report's property tests
compare both on random histories.

1. **States.** One plain loop over every event replays each transaction's
   workflow table (dictionary lookups, guards only where a transition has one).
   A history holding a timer's event goes to the reference engine, which checks
   when the timer fell due.
2. **Clocks.** For one clock, whether it runs after each event depends only on
   the last event, at or before it, that starts or ends it: a running maximum of
   indices finds that event for every row at once. New cycles, ends, pauses and
   the counted pieces ``[event, next event)`` follow as boolean arrays.
3. **Time.** Every piece is measured at once over the calendar's open-time
   arrays (`pst_core.calendar.columns`); a cycle's due instant lies in the first
   piece in which its counted time reaches the budget.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from datetime import timezone
from typing import TYPE_CHECKING, Any

import attrs

from pst_core.calendar.columns import (
    add_working_days_micros,
    add_working_time_micros,
    working_time_between_micros,
)
from pst_core.calendar.index import from_micros, to_micros
from pst_core.errors import Phrase, PstError
from pst_core.reports._cycles import CycleRows
from pst_core.reports._events import EventTable, event_data, pandas
from pst_core.reports.common import BadRow

if TYPE_CHECKING:  # pragma: no cover
    from pst_core.states import Workflow

__all__ = ["Plan", "Replayed", "measure_replayed", "plan", "replay_states"]

_MEASURE_EVERY = 25_000
"""Transactions measured at once (the clocks' arrays are a few times their events)."""
_TIMER = object()  # a move that fires a timer's event: the reference engine checks its timing


@attrs.frozen
class Plan:
    """A workflow's table as plain lookups.

    ``simple`` maps ``(state, event)`` to the target when one unguarded
    transition is all there is (or to a marker for a timer's event); any other
    move goes through `Workflow.select`.
    """

    workflow: Workflow
    initial: str
    simple: Mapping[tuple[str, str], object]
    strict: bool


def plan(workflow: Workflow) -> Plan:
    """The lookups the state loop needs for ``workflow``.

    A move with one unguarded transition that no role check can refuse is a plain
    lookup; any other goes through `Workflow.select`, the states package's own rule.
    """
    timers = {t.event for t in workflow.timers}
    strict = workflow.role_check == "strict"
    simple: dict[tuple[str, str], object] = {}
    for state in workflow.state_names:
        for event in workflow.events_from(state):
            found = workflow.targets(state, event)
            if event in timers:
                simple[(state, event)] = _TIMER
            elif len(found) == 1 and found[0].guard is None and not (strict and found[0].roles):
                simple[(state, event)] = found[0].target
    return Plan(workflow=workflow, initial=workflow.initial.name, simple=simple, strict=strict)


def _event_datas(table: EventTable, bad: list[BadRow]) -> tuple[Any, list[dict[str, Any]], Any]:
    """Every ``data`` cell parsed once per distinct text, and which transactions hold a bad one.

    Returns each event's code into the list of parsed values (``-1`` for an empty
    cell), that list, and a boolean array of the transactions with a bad cell.
    """
    import numpy as np

    pd = pandas()
    codes, texts = pd.factorize(table.datas)
    values: list[dict[str, Any]] = []
    failures: dict[int, Phrase] = {}
    for code, text in enumerate(texts.tolist()):
        try:
            values.append(event_data(text))
        except ValueError as err:
            values.append({})
            failures[code] = Phrase(
                "reports.bad_row.data_not_object", text=repr(text[:60]), problem=str(err)
            )
    broken = np.zeros(table.size, dtype=bool)
    if failures:
        for index in np.flatnonzero(np.isin(codes, list(failures))).tolist():
            group = int(np.searchsorted(table.starts, index, side="right")) - 1
            broken[group] = True
            said = failures[int(codes[index])]
            bad.append(table.bad_row(index, said.say("en"), said=said))
    return codes, values, broken


_DECIDE, _TIMER_CODE, _REFUSED = -1, -2, -3
"""Codes of a move in the step table: decided by `Workflow.select`, a timer's, refused."""


class _Decider:
    """Guarded moves, decided by `Workflow.select` once per distinct combination.

    A guarded move depends on the state, the event, the data and (strict role checks)
    the actor only.
    """

    def __init__(
        self, table: EventTable, codes: Any, values: list[dict[str, Any]], name_codes: Any
    ) -> None:
        self.table = table
        self.data_codes = codes
        self.name_codes = name_codes
        self.values = values
        self.decided: dict[tuple[Any, ...], str | PstError] = {}
        self.strict = False
        self._actor_codes: Any = None

    def actor_codes(self) -> Any:
        """Each event's actor as an integer code (computed once, when a role check needs it)."""
        if self._actor_codes is None:
            self._actor_codes = pandas().factorize(self.table.actors, use_na_sentinel=False)[0]
        return self._actor_codes

    def decide(self, p: Plan, state: str, index: int) -> str | PstError:
        """The target of event ``index`` from ``state`` (or the error refusing it)."""
        event, actor = str(self.table.names[index]), str(self.table.actors[index])
        code = int(self.data_codes[index])
        key = (p.workflow.name, state, event, code, actor if p.strict else None)
        found = self.decided.get(key)
        if found is None:
            data = self.values[code] if code >= 0 else {}
            try:
                found = p.workflow.select(state, event, data, actor).target
            except PstError as err:
                found = err
            self.decided[key] = found
        return found


@attrs.frozen
class Replayed:
    """What the state loop made of an events table.

    Attributes:
        states: Integer array: the state after every event, as a code into
            ``names`` (``-1`` for events of transactions not replayed here).
        names: The states' names by code.
        done: Boolean array: the transactions replayed here.
        deferred: Boolean array: the transactions left to the reference engine.
    """

    states: Any
    names: tuple[str, ...]
    done: Any
    deferred: Any

    @classmethod
    def none(cls, table: EventTable, plans: list[Plan | None]) -> Replayed:
        """Nothing replayed here: every transaction with a plan goes to the reference engine."""
        import numpy as np

        deferred = np.asarray([p is not None for p in plans], dtype=bool)
        states = np.full(len(table.ids), -1, dtype=np.int64)
        return cls(states, (), np.zeros(table.size, dtype=bool), deferred)


@attrs.frozen
class _Steps:
    """Every plan's moves as one integer table: ``moves[plan, state, event]``.

    A value is the target state's code, or `_DECIDE`, `_TIMER_CODE`.
    """

    plans: list[Plan]
    plan_of: Any
    states: list[str]
    state_code: dict[str, int]
    initial: Any
    moves: Any

    @classmethod
    def of(cls, plans: list[Plan | None], event_code: Mapping[str, int]) -> _Steps:
        import numpy as np

        distinct: dict[int, int] = {}
        chosen: list[Plan] = []
        plan_of = np.full(len(plans), -1, dtype=np.int64)
        for group, p in enumerate(plans):
            if p is None:
                continue
            number = distinct.get(id(p))
            if number is None:
                number = distinct[id(p)] = len(chosen)
                chosen.append(p)
            plan_of[group] = number
        states: list[str] = []
        state_code: dict[str, int] = {}
        for p in chosen:
            for name in p.workflow.state_names:
                if name not in state_code:
                    state_code[name] = len(states)
                    states.append(name)
        moves = np.full((len(chosen), len(states), max(len(event_code), 1)), _DECIDE, np.int64)
        for number, p in enumerate(chosen):
            for (state, event), target in p.simple.items():
                if event in event_code:
                    move = _TIMER_CODE if target is _TIMER else state_code[str(target)]
                    moves[number, state_code[state], event_code[event]] = move
        initial = np.asarray([state_code[p.initial] for p in chosen], dtype=np.int64)
        return cls(chosen, plan_of, states, state_code, initial, moves)


def _decided(
    decider: _Decider,
    steps: _Steps,
    groups: Any,
    current: Any,
    index: Any,
    *,
    refused: list[tuple[int, BadRow]],
) -> Any:
    """The targets of guarded moves (events ``index`` of transactions ``groups``).

    Each distinct (plan, state, event, data, actor) is decided once; a refused
    move is `_REFUSED` and its transaction a bad row.
    """
    import numpy as np

    plan = steps.plan_of[groups]
    parts = (
        plan,
        current[groups],
        decider.name_codes[index],
        decider.data_codes[index] + 1,  # -1: an empty cell
        decider.actor_codes()[index] if decider.strict else np.zeros_like(plan),
    )
    # One integer per combination (mixed radix) when it fits, else rows compared whole.
    sizes = [int(part.max()) + 1 if len(part) else 1 for part in parts]
    if math.prod(sizes) < 2**62:
        keys = np.zeros(len(plan), dtype=np.int64)
        for part, size in zip(parts, sizes, strict=True):
            keys = keys * size + part
        _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    else:  # pragma: no cover - more combinations than an integer holds
        rows = np.stack(parts, axis=1)
        _, first, inverse = np.unique(rows, axis=0, return_index=True, return_inverse=True)
    found: list[int] = []
    for j in first.tolist():
        p = steps.plans[int(plan[j])]
        target = decider.decide(p, steps.states[int(current[groups[j]])], int(index[j]))
        found.append(_REFUSED if isinstance(target, PstError) else steps.state_code[target])
    targets = np.asarray(found, dtype=np.int64)[inverse.reshape(-1)]
    for j in np.flatnonzero(targets == _REFUSED).tolist():
        at = int(index[j])
        p = steps.plans[int(plan[j])]
        error = decider.decide(p, steps.states[int(current[groups[j]])], at)
        assert isinstance(error, PstError)
        refused.append((int(groups[j]), decider.table.bad_row(at, str(error), error.phrase)))
    return targets


def _opened(
    table: EventTable, alive: Any, name_codes: Any, opening: int, refused: list[tuple[int, BadRow]]
) -> Any:
    """The ``alive`` transactions whose first event is 'open' (each other one is refused)."""
    import numpy as np

    if not table.size:
        return np.flatnonzero(alive)
    wrong = alive & (name_codes[table.starts] != opening)
    for group in np.flatnonzero(wrong).tolist():
        name = table.names[table.starts[group]]
        why = f"the first event is 'open', not {name!r}"
        refused.append((group, table.bad_row(int(table.starts[group]), why)))
    return np.flatnonzero(alive & ~wrong)


def replay_states(
    table: EventTable,
    plans: list[Plan | None],
    bad: list[BadRow],
    progress: Callable[[int, int], None] | None = None,
) -> Replayed:
    """The state after every event; which transactions replayed; which need the reference.

    ``plans[g]`` is transaction ``g``'s plan, or ``None`` when it has none (its
    bad row is already listed). A transaction whose history a move refuses
    becomes a bad row.

    Every transaction moves one event at a time together: step ``k`` looks up
    the ``k``-th event of every transaction still going in one integer table
    (numpy, no Python loop per event); only guarded moves go to `Workflow.select`,
    once per distinct combination.
    """
    import numpy as np

    pd = pandas()
    total = table.size
    if progress is not None:
        progress(0, total)
    codes, values, broken = _event_datas(table, bad)
    name_codes, name_list = pd.factorize(table.names, use_na_sentinel=False)
    event_code = {name: code for code, name in enumerate(np.asarray(name_list).tolist())}
    steps = _Steps.of(plans, event_code)
    decider = _Decider(table, codes, values, name_codes)
    decider.strict = any(p.strict for p in steps.plans)
    starts, lengths = table.starts, table.ends - table.starts
    states = np.full(len(table.ids), -1, dtype=np.int64)
    done = np.zeros(total, dtype=bool)
    deferred = np.zeros(total, dtype=bool)
    refused: list[tuple[int, BadRow]] = []
    alive = (steps.plan_of >= 0) & ~broken
    active = _opened(table, alive, name_codes, event_code.get("open", -1), refused)
    current = np.full(total, -1, dtype=np.int64)
    current[active] = steps.initial[steps.plan_of[active]]
    states[starts[active]] = current[active]
    step = 1
    while active.size:
        going = lengths[active] > step
        done[active[~going]] = True
        active = active[going]
        if not active.size:
            break
        index = starts[active] + step
        target = steps.moves[steps.plan_of[active], current[active], name_codes[index]]
        slow = np.flatnonzero(target == _DECIDE)
        if slow.size:
            target[slow] = _decided(
                decider, steps, active[slow], current, index[slow], refused=refused
            )
        deferred[active[target == _TIMER_CODE]] = True
        going = target >= 0
        active, index, target = active[going], index[going], target[going]
        current[active] = target
        states[index] = target
        step += 1
        if progress is not None:
            progress(int(done.sum() + deferred.sum()), total)
    bad.extend(row for _, row in sorted(refused, key=lambda pair: pair[0]))
    if progress is not None:
        progress(total, total)
    return Replayed(states, tuple(steps.states), done, deferred)


def measure_replayed(
    table: EventTable, plans: list[Plan | None], replayed: Replayed, now: int, rows: CycleRows
) -> None:
    """Every clock of every transaction replayed here, one workflow and clock at a time."""
    import numpy as np

    if not replayed.done.any():
        return
    pd = pandas()
    state_codes = replayed.states
    # Names and states as integer codes: the clocks' trigger tests are integer lookups.
    name_codes, name_list = pd.factorize(table.names, use_na_sentinel=False)
    codes = (
        {name: code for code, name in enumerate(np.asarray(name_list).tolist())},
        {state: code for code, state in enumerate(replayed.names)},
    )
    # Workflows with the same clocks (one per province, say) are measured together: each
    # transaction's calendar is looked up where time is measured.
    by_clocks: dict[tuple[Any, ...], list[int]] = {}
    calendars: dict[Any, int] = {}
    calendar_of = np.full(table.size, -1, dtype=np.int64)
    replayed_groups = np.flatnonzero(replayed.done)
    seen: dict[int, tuple[list[int], int]] = {}  # by plan (hashing a workflow's parts is slow)
    for group in replayed_groups.tolist():
        p = plans[group]
        assert p is not None
        found = seen.get(id(p))
        if found is None:
            listing = by_clocks.setdefault(p.workflow.clocks, [])
            number = calendars.setdefault(p.workflow.calendar, len(calendars))
            found = seen[id(p)] = (listing, number)
        found[0].append(group)
        calendar_of[group] = found[1]
    for listing in by_clocks.values():
        listing.sort()
    rows.final_states = np.full(table.size, -1, dtype=np.int32)
    rows.final_states[replayed_groups] = state_codes[table.ends[replayed_groups] - 1]
    rows.state_names = replayed.names
    measuring = _Measuring(
        table, replayed, name_codes, codes, now, rows, calendar_of, tuple(calendars)
    )
    for clocks, listing in by_clocks.items():
        # A bounded number of transactions at a time: the clocks' arrays stay small.
        for first in range(0, len(listing), _MEASURE_EVERY):
            groups = np.asarray(listing[first : first + _MEASURE_EVERY], dtype=np.int64)
            measuring.measure(clocks, groups)


@attrs.frozen
class _Measuring:
    """What measuring some replayed transactions' clocks reads (see `measure_replayed`)."""

    table: EventTable
    replayed: Replayed
    name_codes: Any
    codes: tuple[Mapping[str, int], Mapping[str, int]]
    now: int
    rows: CycleRows
    calendar_of: Any
    listed: tuple[Any, ...]

    def measure(self, clocks: tuple[Any, ...], groups: Any) -> None:
        """The clocks of transactions ``groups`` (ascending), which share ``clocks``."""
        histories = Histories.of(self.table, groups)
        names = self.name_codes[histories.events]
        visited = self.replayed.states[histories.events]
        on = _Calendars(self.listed, self.calendar_of[histories.groups])
        for index, clock in enumerate(clocks):
            triggers = clock_triggers(clock, names, visited, self.codes)
            measured = measure_clock(clock, on, histories, triggers, self.now)
            never = measured.pop("never")
            for number, calendar in enumerate(self.listed):
                mine = self.calendar_of[measured["row"]] == number
                missed = never[self.calendar_of[never] == number]
                if mine.any() or len(missed):
                    part = {key: value[mine] for key, value in measured.items()}
                    self.rows.add(clock, index, calendar, {**part, "never": missed})


@attrs.frozen
class _Calendars:
    """The calendars of some transactions: ``listed[which[t]]`` is transaction ``t``'s."""

    listed: tuple[Any, ...]
    which: Any

    def apply(self, function: Callable[..., Any], which: Any, *arrays: Any) -> Any:
        """``function(calendar, *arrays)`` on the elements of each calendar (``which`` of each)."""
        import numpy as np

        if len(self.listed) == 1:
            return function(self.listed[0], *arrays)
        out = np.zeros(len(which), dtype=np.int64)
        for number, calendar in enumerate(self.listed):
            mine = which == number
            if mine.any():
                out[mine] = function(calendar, *(a[mine] if np.ndim(a) else a for a in arrays))
        return out


@attrs.frozen
class Histories:
    """The events of some transactions of an events table, one after another.

    Attributes:
        groups: The transactions' numbers in the table.
        events: Each event's index in the table.
        starts: Where each transaction's events start in ``events``.
        ends: Where they end.
        ats: Each event's instant (UTC microseconds).
    """

    groups: Any
    events: Any
    starts: Any
    ends: Any
    ats: Any

    @classmethod
    def of(cls, table: EventTable, groups: Any) -> Histories:
        """Transactions ``groups`` (an integer array, not empty) of ``table``."""
        import numpy as np

        lengths = table.ends[groups] - table.starts[groups]
        ends = np.cumsum(lengths)
        starts = ends - lengths
        events = np.arange(int(ends[-1])) + np.repeat(table.starts[groups] - starts, lengths)
        return cls(groups, events, starts, ends, table.ats[events])


@attrs.frozen
class Triggers:
    """What a clock reacts to, as boolean arrays over the events."""

    starts: Any
    stops: Any
    cancels: Any
    paused: Any


def clock_triggers(
    clock: Any, names: Any, states: Any, codes: tuple[Mapping[str, int], Mapping[str, int]]
) -> Triggers:
    """Which events start, stop or cancel ``clock``, and after which it is in a paused state.

    ``names`` and ``states`` are integer codes of the events' names and the states
    after them; ``codes`` maps each name and each state to its code.
    """
    import numpy as np

    name_code, state_code = codes

    def among(values: Any, wanted: tuple[str, ...], code: Mapping[str, int]) -> Any:
        found = [code[w] for w in wanted if w in code]
        return np.isin(values, found) if found else np.zeros(len(values), dtype=bool)

    def hit(triggers: tuple[str, ...]) -> Any:
        return among(names, triggers, name_code) | among(states, triggers, state_code)

    return Triggers(
        starts=hit(clock.starts_on),
        stops=hit(clock.stops_on),
        cancels=hit(clock.cancels_on),
        paused=among(states, clock.paused_in, state_code),
    )


def measure_clock(
    clock: Any, calendars: _Calendars, histories: Histories, triggers: Triggers, now: int
) -> dict[str, Any]:
    """Every cycle of ``clock`` in ``histories``, measured at ``now``.

    Returns columns: ``row`` (the transaction's number), ``cycle``, ``started``,
    ``due``, ``budget``, ``elapsed``, ``breached_by``, ``paused`` (counted time
    not counted while paused) and ``status``, plus ``never``: the numbers of the
    transactions in which the clock never started.
    """
    import numpy as np

    groups, starts, ends, ats = histories.groups, histories.starts, histories.ends, histories.ats
    n = len(ats)
    position = np.arange(n)
    tx_of = np.repeat(np.arange(len(starts)), ends - starts)
    first_of_tx = starts[tx_of]
    triggers, inferred = _unrecorded_starts(clock, triggers, starts, position)
    end_trigger = triggers.stops | triggers.cancels
    # Running after event i: the last event at or before i (same transaction) that starts or
    # ends the clock is a start (a start ends any running cycle's predecessor first).
    decisive = triggers.starts | end_trigger
    last = np.maximum.accumulate(np.where(decisive, position, -1))
    running_after = (last >= first_of_tx) & triggers.starts[np.maximum(last, 0)]
    running_before = np.r_[False, running_after[:-1]] & (position != first_of_tx)
    new_cycle = triggers.starts & (~running_before | end_trigger)
    ended = running_before & end_trigger
    counting = running_after & ~triggers.paused
    next_at = np.r_[ats[1:], now]
    last_of_tx = np.zeros(n, dtype=bool)
    last_of_tx[ends - 1] = True
    next_at = np.where(last_of_tx, now, next_at)

    cycle_id = np.cumsum(new_cycle) - 1
    cycles = int(new_cycle.sum())
    cycle_pos = np.flatnonzero(new_cycle)
    cycle_tx = tx_of[cycle_pos]
    before_tx = (np.cumsum(new_cycle) - new_cycle)[starts]
    number = cycle_id[cycle_pos] - before_tx[cycle_tx] + 1
    started = ats[cycle_pos]
    end = np.full(cycles, now, dtype=np.int64)
    stopped = np.zeros(cycles, dtype=bool)
    cancelled = np.zeros(cycles, dtype=bool)
    ended_pos = np.flatnonzero(ended)
    ended_cycle = cycle_id[ended_pos] - new_cycle[ended_pos]
    end[ended_cycle] = ats[ended_pos]
    stopped[ended_cycle] = triggers.stops[ended_pos]
    cancelled[ended_cycle] = ~triggers.stops[ended_pos]
    still = ~(stopped | cancelled)
    paused_now = np.zeros(cycles, dtype=bool)
    last_pos = ends - 1
    open_at_end = running_after[last_pos]
    paused_now[cycle_id[last_pos[open_at_end]]] = triggers.paused[last_pos[open_at_end]]
    paused_now &= still

    pieces = np.flatnonzero(counting)
    owner = cycle_id[pieces]
    a = ats[pieces]
    b = next_at[pieces]
    measured = _time(
        clock,
        calendars,
        calendars.which[cycle_tx],
        owner=owner,
        a=a,
        b=b,
        started=started,
        end=end,
    )
    breached_by = np.where(cancelled, 0, np.maximum(measured["elapsed"] - measured["budget"], 0))
    over = "breached" if clock.severity == "breach" else "overdue"
    status = np.where(
        cancelled,
        "cancelled",
        np.where(
            breached_by > 0,
            over,
            np.where(stopped, "met", np.where(paused_now, "paused", "running")),
        ),
    ).astype(object)
    never_tx = np.add.reduceat(new_cycle.astype(np.int64), starts) == 0 if n else starts
    return {
        "row": groups[cycle_tx],
        "cycle": number,
        "started": started,
        "status": status,
        "breached_by": breached_by,
        "start_inferred": inferred[cycle_pos].astype(np.int64),
        **measured,
        "never": groups[never_tx],
    }


def _unrecorded_starts(
    clock: Any, triggers: Triggers, starts: Any, position: Any
) -> tuple[Triggers, Any]:
    """The triggers with a start at each opening read as one, and those openings.

    The rule of `pst_core.states.sla.start_unrecorded`, for every transaction at
    once: with ``infer_start``, a transaction whose first trigger of the clock
    (after its opening) is a stop, not a start, starts a cycle at its opening.
    """
    import numpy as np

    n = len(position)
    found = np.zeros(n, dtype=bool)
    if not clock.infer_start or not n:
        return triggers, found
    any_trigger = triggers.starts | triggers.stops | triggers.cancels
    first = np.minimum.reduceat(np.where(any_trigger, position, n), starts)
    where = np.minimum(first, n - 1)
    unrecorded = (first < n) & (first > starts) & triggers.stops[where] & ~triggers.starts[where]
    found[starts[unrecorded]] = True
    return attrs.evolve(triggers, starts=triggers.starts | found), found


def _time(
    clock: Any,
    calendars: _Calendars,
    which: Any,
    *,
    owner: Any,
    a: Any,
    b: Any,
    started: Any,
    end: Any,
) -> dict[str, Any]:
    """Budget, elapsed, due and paused time of every cycle from its counted pieces.

    ``which`` is each cycle's calendar (a number into ``calendars.listed``).
    """
    import numpy as np

    from pst_core.calendar import WorkingDays, WorkingTime

    cycles = len(started)
    if cycles == 0:
        empty = np.zeros(0, dtype=np.int64)
        return {"due": empty, "budget": empty, "elapsed": empty, "paused": empty}
    on = calendars.apply
    if clock.counts_open_time:
        goal = clock.goal
        if isinstance(goal, WorkingTime):
            due0 = on(add_working_time_micros, which, started, goal.micros)
        else:
            assert isinstance(goal, WorkingDays)
            due0 = on(add_working_days_micros, which, started, goal.n)
        budget = on(working_time_between_micros, which, started, due0)
        spans = on(working_time_between_micros, which[owner], a, b)
        whole = on(working_time_between_micros, which, started, end)

        def advance(x: Any, amounts: Any, cycle: Any) -> Any:
            return on(add_working_time_micros, which[cycle], x, amounts)
    else:
        due0 = np.asarray(
            [
                to_micros(calendars.listed[c].add(from_micros(s, timezone.utc), clock.goal))
                for s, c in zip(started.tolist(), which.tolist(), strict=True)
            ],
            dtype=np.int64,
        )
        budget = due0 - started
        spans = b - a
        whole = end - started

        def advance(x: Any, amounts: Any, cycle: Any) -> Any:
            return x + amounts

    elapsed = np.zeros(cycles, dtype=np.int64)
    np.add.at(elapsed, owner, spans)
    # Pieces are in event order, so each cycle's pieces are consecutive and in time order.
    running_total = np.cumsum(spans)
    first_piece = np.r_[True, owner[1:] != owner[:-1]] if len(owner) else np.zeros(0, bool)
    offsets = np.maximum.accumulate(np.where(first_piece, running_total - spans, 0))
    used_before = running_total - spans - offsets
    reaches = used_before + spans >= budget[owner]
    hit_cycles, first_hit = np.unique(owner[reaches], return_index=True)
    hit_pieces = np.flatnonzero(reaches)[first_hit]
    # Cycles whose counted time reached the budget get their due from that piece below.
    due = advance(end, np.maximum(budget - elapsed, 0), np.arange(cycles))
    if len(hit_cycles):
        due[hit_cycles] = advance(
            a[hit_pieces], budget[hit_cycles] - used_before[hit_pieces], hit_cycles
        )
    return {"due": due, "budget": budget, "elapsed": elapsed, "paused": whole - elapsed}
