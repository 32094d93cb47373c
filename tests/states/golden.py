"""Golden scenarios of the built-in workflows, read from the seed documents' answer files.

Each ``tests/resources/states/golden-*.toml`` holds the scenarios of one seed:
a workflow built from the document (``workflow`` = builder name, ``document`` =
catalog id), on a calendar (PST hours, plus the scenario's Ramadan period and
closures), a history of events, and at ``now`` the expected clocks (status, due
instant worked out by hand, elapsed/breached_by in minutes) and the exact list
of due timers.

Every due instant of a clock that was never paused is also checked against the
naive calendar reference of ``tests/calendar/reference.py`` (day by day, window
by window, straight from the ``holidays`` package), extended here with the
scenario's Ramadan hours and closures. A scenario may instead name an office
calendar file (``calendar = { file = ... }`` in ``tests/resources/states/``): the
workflow is built with ``calendar=WorkingCalendar.load(file)``, and the reference
reads the same file's hours, periods and closures by hand.

The test files of the built-in workflows (``test_builtin_*.py``) run the scenarios
of their workflow with `check_scenario`, `check_reference` and `check_due_timers`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from pst_core._io import read_data
from pst_core.calendar import WorkingCalendar, WorkingHours
from pst_core.calendar.durations import CalendarDays, CalendarMonths, WorkingDays, WorkingTime
from pst_core.standards import catalog
from pst_core.states import Event, Transaction, Workflow, builtin, replay
from tests.calendar.reference import ReferenceCalendar

RESOURCES = Path(__file__).parent.parent / "resources" / "states"
FILES = sorted(RESOURCES.glob("golden-*.toml"))
SCENARIOS: list[tuple[str, dict[str, Any]]] = [
    (path.stem, scenario) for path in FILES for scenario in read_data(path)["scenario"]
]


def _dates(pair: list[str]) -> tuple[date, date]:
    return date.fromisoformat(pair[0]), date.fromisoformat(pair[-1])


def _calendar(scenario: dict[str, Any], zone: str) -> WorkingCalendar:
    spec = scenario.get("calendar", {})
    if "file" in spec:  # an office's calendar file, as an app would read it
        loaded = WorkingCalendar.load(RESOURCES / spec["file"])
        assert loaded.timezone.key == zone
        return loaded
    cal = WorkingCalendar.pst(zone)
    if "ramadan" in spec:
        cal = cal.with_ramadan(*_dates(spec["ramadan"]))
    for closure in spec.get("closures", []):
        start, end = _dates(closure["days"])
        cal = cal.with_closure(start, end, reason=closure["reason"])
    return cal


_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _raw_hours(table: dict[str, Any]) -> dict[int, list[tuple[int, int]]]:
    """A calendar file's ``[hours]`` table read by hand: weekday -> windows in minutes."""
    week: dict[int, list[tuple[int, int]]] = {}
    for key, value in table.items():
        first, _, last = key.partition("-")
        days = range(_DAYS.index(first), _DAYS.index(last or first) + 1)
        windows = []
        for text in [value] if isinstance(value, str) else value:
            opens, closes = (int(t[:2]) * 60 + int(t[3:]) for t in text.split("-"))
            windows.append((opens, closes))
        for day in days:
            week[day] = windows
    return week


class _Reference(ReferenceCalendar):
    """The naive reference with a Ramadan period and closures.

    For a scenario on a calendar file, the hours, periods and closures are read
    from the file's raw TOML here, not through `WorkingCalendar.load`.
    """

    def __init__(self, scenario: dict[str, Any], zone: str) -> None:
        super().__init__(WorkingHours.pst(), zone)
        spec = scenario.get("calendar", {})
        self.week: dict[int, list[tuple[int, int]]] | None = None
        self.periods: list[tuple[date, date, dict[int, list[tuple[int, int]]]]] = []
        closures = [_dates(c["days"]) for c in spec.get("closures", [])]
        if "ramadan" in spec:
            ramadan = _raw_hours({"mon-thu": ["08:00-12:00", "12:30-15:00"]})
            ramadan |= _raw_hours({"fri": ["08:00-11:30", "12:30-15:30"]})
            self.periods.append((*_dates(spec["ramadan"]), ramadan))
        if "file" in spec:
            raw = read_data(RESOURCES / spec["file"])  # the TOML as data, no calendar code
            self.week = _raw_hours(raw["hours"])
            for period in raw.get("periods", []):
                self.periods.append((period["start"], period["end"], _raw_hours(period["hours"])))
            closures += [(c["start"], c.get("end", c["start"])) for c in raw.get("closures", [])]
        self.closed: set[date] = set()
        for first, end in closures:
            day = first
            while day <= end:
                self.closed.add(day)
                day += timedelta(days=1)

    def windows(self, day: date) -> list[tuple[datetime, datetime]]:
        if day in self.closed:
            return []
        week = next((w for start, end, w in self.periods if start <= day <= end), self.week)
        if week is None:
            return super().windows(day)
        if day in self.off:
            return []
        midnight = datetime(day.year, day.month, day.day, tzinfo=self.zone)
        return [
            (midnight + timedelta(minutes=opens), midnight + timedelta(minutes=closes))
            for opens, closes in week.get(day.weekday(), [])
        ]

    def due(self, start: datetime, goal: object) -> datetime:
        if isinstance(goal, WorkingTime):
            return self.add_working_time(start, goal.span)
        if isinstance(goal, WorkingDays):
            return self.add_working_days(start, goal.n)
        if isinstance(goal, CalendarDays):
            return start + timedelta(days=goal.n)
        assert isinstance(goal, CalendarMonths)
        raise AssertionError("no golden clock counts calendar months")


def _workflow(scenario: dict[str, Any]) -> tuple[Workflow, str]:
    documents = catalog()
    name = scenario.get("document")
    options = dict(scenario.get("options", {}))
    document: Any = None
    if name is not None and name in documents.sops:
        options["sop"] = sop = documents.sop(name)
        zone = sop.timezone.key
    elif name is not None:
        document = documents.standard(name)
        zone = document.timezone.key
    else:
        zone = "Asia/Jakarta"
    builder = getattr(builtin, scenario["workflow"])
    cal = _calendar(scenario, zone)
    if document is None:
        return builder(calendar=cal, **options), zone
    return builder(document, calendar=cal, **options), zone


def _run(scenario: dict[str, Any]) -> Transaction:
    workflow, _ = _workflow(scenario)
    history = [
        Event(
            e["name"],
            datetime.fromisoformat(e["at"]),
            e.get("actor", "user" if e["name"] == "open" else "officer"),
            e.get("data", {}),
        )
        for e in scenario["events"]
    ]
    return replay(workflow, history)


def of(workflow: str) -> dict[str, Any]:
    """``pytest.mark.parametrize`` arguments: the scenarios of ``workflow``, named by seed."""
    chosen = [(stem, s) for stem, s in SCENARIOS if s["workflow"] == workflow]
    assert chosen, f"no golden scenario of {workflow}"
    return {
        "argnames": "scenario",
        "argvalues": [s for _, s in chosen],
        "ids": [f"{stem[7:10]}: {s['name'][:60]}" for stem, s in chosen],
    }


def firing_due_timers(workflow: str) -> dict[str, Any]:
    """Like `of`, for the scenarios of ``workflow`` that fire their due timers."""
    chosen = [s for _, s in SCENARIOS if s["workflow"] == workflow and s.get("fire_due_timers")]
    return {"argnames": "scenario", "argvalues": chosen, "ids": [s["name"][:60] for s in chosen]}


def check_scenario(scenario: dict[str, Any]) -> None:
    """The scenario's history leads to its state, with its clocks and due timers at ``now``."""
    tx = _run(scenario)
    now = datetime.fromisoformat(scenario["now"])
    assert tx.state == scenario["state"]
    clocks = tx.clocks(now)
    assert set(scenario.get("clocks", {})) <= set(clocks)
    for name, expected in scenario.get("clocks", {}).items():
        status = clocks[name]
        assert status.status == expected["status"], name
        if "due" in expected:
            assert status.due == datetime.fromisoformat(expected["due"]), name
        if "started" in expected:
            assert status.started == datetime.fromisoformat(expected["started"]), name
        if "elapsed" in expected:
            assert status.elapsed == timedelta(minutes=expected["elapsed"]), name
        if "breached_by" in expected:
            assert status.breached_by == timedelta(minutes=expected["breached_by"]), name
    due = [
        {"timer": t.timer, "event": t.event, "due": t.due.isoformat(), "actor": t.actor}
        for t in tx.due_timers(now)
    ]
    assert due == scenario["timers"]


def check_reference(scenario: dict[str, Any]) -> None:
    """Every cycle of every clock that never paused is due where the naive reference says."""
    tx = _run(scenario)
    _, zone = _workflow(scenario)
    reference = _Reference(scenario, zone)
    now = datetime.fromisoformat(scenario["now"])
    states = tx.states_visited()
    for clock in tx.workflow.clocks:
        if set(clock.paused_in) & set(states):
            continue
        for status in tx.clock_cycles(now)[clock.name]:
            assert status.started is not None
            assert status.due == reference.due(status.started, clock.goal), clock.name
    for timer in tx.due_timers(now):
        goal = next(t.after for t in tx.workflow.timers if t.name == timer.timer)
        if not isinstance(goal, CalendarMonths):
            assert timer.due == reference.due(timer.armed, goal), timer.timer


def check_due_timers(scenario: dict[str, Any]) -> None:
    """Firing what ``due_timers`` lists moves the transaction on and clears the list."""
    tx = _run(scenario)
    now = datetime.fromisoformat(scenario["now"])
    assert tx.due_timers(now)
    for timer in tx.due_timers(now):
        tx = tx.fire(timer.event, at=max(timer.due, tx.last_at), actor=timer.actor)
    assert tx.state == scenario["after_timers"]
    assert tx.due_timers(now) == ()
