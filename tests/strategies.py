"""Hypothesis strategies shared by the test suite, one section per subpackage."""

from __future__ import annotations

import typing
from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from pst_core.calendar.durations import CalendarDays, CalendarMonths, WorkingDays, WorkingTime

# --- calendar ---------------------------------------------------------------

INDONESIAN_ZONES = ("Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura")

#: Aware instants, minute-aligned, in 2024-2027, in any Indonesian zone or UTC.
instants = st.builds(
    lambda minutes, zone: (
        datetime(2024, 1, 1, tzinfo=timezone.utc) + timedelta(minutes=minutes)
    ).astimezone(zone),
    st.integers(min_value=0, max_value=4 * 366 * 24 * 60 - 1),
    st.sampled_from([ZoneInfo(z) for z in INDONESIAN_ZONES] + [timezone.utc]),
)

working_times = st.integers(min_value=0, max_value=60 * 7 * 40).map(WorkingTime)
working_days = st.integers(min_value=1, max_value=60).map(WorkingDays)
calendar_days = st.integers(min_value=1, max_value=60).map(CalendarDays)
calendar_months = st.integers(min_value=1, max_value=12).map(CalendarMonths)
durations = st.one_of(working_times, working_days, calendar_days, calendar_months)

# --- tariffs -----------------------------------------------------------------
# Imported here, not at the top, so this section stays self-contained.
from datetime import date  # noqa: E402
from decimal import Decimal  # noqa: E402

from pst_core.tariffs.schedule import (  # noqa: E402
    Band,
    PnbpType,
    PricingUnit,
    TariffItem,
    TariffSchedule,
)
from pst_core.tariffs.zero_rating import Purpose, RequesterCategory, ZeroRateDocument  # noqa: E402

# Printable text: control characters are not what schedule titles are made of.
_names = st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=30)

#: Whole rupiah, as a schedule holds them.
rupiahs = st.integers(min_value=0, max_value=10**9).map(Decimal)

#: Product codes the schedule accepts.
product_codes = st.from_regex(r"[a-z0-9][a-z0-9._/-]{0,15}", fullmatch=True)

#: PNBP types a schedule may price (type h is priced per contract).
schedule_types = st.sampled_from(
    [t for t in typing.get_args(PnbpType) if t != "cooperation_contract"]
)


@st.composite
def regressive_bands(draw: st.DrawFn, *, open_ended: bool | None = None) -> tuple[Band, ...]:
    """1-4 contiguous bands from unit 1, marginal prices non-increasing."""
    sizes = draw(st.lists(st.integers(min_value=1, max_value=500), min_size=1, max_size=4))
    prices = sorted(draw(st.lists(rupiahs, min_size=len(sizes), max_size=len(sizes))), reverse=True)
    last_open = draw(st.booleans()) if open_ended is None else open_ended
    bands = []
    first = 1
    for index, (size, price) in enumerate(zip(sizes, prices, strict=True)):
        final = index == len(sizes) - 1
        last = None if final and last_open else first + size - 1
        bands.append(Band(first, price, last=last))
        first += size
    return tuple(bands)


@st.composite
def tariff_items(draw: st.DrawFn, *, code: str | None = None) -> TariffItem:
    """A flat or banded item of any schedule type and unit."""
    banded = draw(st.booleans())
    return TariffItem(
        code=draw(product_codes) if code is None else code,
        pnbp_type=draw(schedule_types),
        unit=draw(st.sampled_from(typing.get_args(PricingUnit))),
        name=draw(_names),
        price=None if banded else draw(rupiahs),
        bands=draw(regressive_bands()) if banded else (),
    )


@st.composite
def tariff_schedules(draw: st.DrawFn) -> TariffSchedule:
    """A valid schedule with 1-4 items of distinct codes."""
    codes = draw(st.lists(product_codes, min_size=1, max_size=4, unique=True))
    start = draw(st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31)))
    length = draw(st.none() | st.integers(min_value=0, max_value=3000))
    return TariffSchedule(
        title=draw(_names.filter(str.strip)),
        legal_basis=draw(_names.filter(str.strip)),
        illustrative=draw(st.booleans()),
        effective_from=start,
        effective_until=None if length is None else date.fromordinal(start.toordinal() + length),
        items=tuple(draw(tariff_items(code=code)) for code in codes),
    )


requester_categories = st.sampled_from(typing.get_args(RequesterCategory))
purposes = st.sampled_from(typing.get_args(Purpose))
zero_rate_documents = st.sampled_from(typing.get_args(ZeroRateDocument))

# --- states ------------------------------------------------------------------

#: The bidirectional marks and overrides text for people may not hold (U+202E reverses it).
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

#: Any non-blank text meant for people that constructors accept: every character but
#: controls, lone surrogates, line separators and bidirectional controls.
people_texts = st.text(
    st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp"), exclude_characters=BIDI_CONTROLS),
    min_size=1,
    max_size=12,
).filter(str.strip)

#: Scalars both JSON and TOML hold and read back equal: no None (TOML has no null),
#: 64-bit whole numbers, finite floats, text without lone surrogates.
json_scalars = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
)

#: Aware instants in 2026 (minute-aligned, WIB): the year whose holidays the goldens use.
instants_2026 = st.integers(min_value=0, max_value=365 * 24 * 60 - 1).map(
    lambda minutes: (
        datetime(2026, 1, 1, tzinfo=ZoneInfo("Asia/Jakarta")) + timedelta(minutes=minutes)
    )
)

#: The PNBP products an order names when it is declared complete (microdata and maps need an SPPD).
_PNBP_PRODUCTS = ("printed_publication", "electronic_publication", "microdata", "wilkerstat_map")

#: Event data: a small mapping of text keys to JSON scalars.
event_data = st.dictionaries(st.text(min_size=1, max_size=10), json_scalars, max_size=4)


def timer_events_not_due(tx: Any, at: datetime) -> set[str]:
    """Events of the timers armed in ``tx``'s state that are not due at ``at``."""
    armed = {t.event for t in tx.workflow.timers if tx.state in t.in_states}
    return armed - {due.event for due in tx.due_timers(at)}


@st.composite
def transactions(
    draw: st.DrawFn, max_events: int = 12, workflow_name: str | None = None
) -> Any:  # a Transaction
    """A transaction of a built-in workflow, driven by a random walk of events it accepts.

    ``workflow_name`` picks the workflow (any name `builtin_workflow` takes); by
    default one of the built-ins is drawn.

    Guarded events get data that satisfies one of their guards; a timer's event
    is drawn only once its timer is due (``Transaction.fire`` refuses it before);
    times go forward by up to three days per event, from an instant in 2026.
    """
    from pst_core.states import OPEN, Event, Transaction
    from pst_core.states.builtin import BUILTIN, builtin_workflow

    workflow = builtin_workflow(
        draw(st.sampled_from(BUILTIN)) if workflow_name is None else workflow_name
    )
    at = draw(instants_2026)
    # An actor is a role on one line: no control or format characters, no line separators.
    actors = st.text(
        st.characters(exclude_categories=("Cc", "Cs", "Cf", "Zl", "Zp")), min_size=1, max_size=8
    ).filter(str.strip)
    tx = Transaction.from_opening(workflow, Event(OPEN, at, draw(actors), draw(event_data)))
    for _ in range(draw(st.integers(min_value=0, max_value=max_events))):
        at = at + timedelta(minutes=draw(st.integers(min_value=0, max_value=3 * 24 * 60)))
        events = list(tx.allowed_events(at=at))
        if not events:
            break
        event = draw(st.sampled_from(events))
        transition = draw(st.sampled_from(workflow.targets(tx.state, event)))
        data = dict(draw(event_data))
        if transition.guard is not None and transition.guard.comparison is not None:
            key, _, value = transition.guard.comparison
            data[key] = value
        elif transition.guard is not None:  # a function guard: paid_product's SPPD choice
            data.update(outcome="complete", product=draw(st.sampled_from(_PNBP_PRODUCTS)))
            if not transition.guard.holds(data):
                continue
        tx = tx.apply(Event(event, at, draw(actors), data))
    return tx


# --- standards ----------------------------------------------------------------


def standards_texts(max_size: int = 30) -> st.SearchStrategy[str]:
    """Non-blank text of any script: no control characters (newlines and tabs aside: published
    texts have lines), line separators, bidirectional controls or lone surrogates."""
    return st.text(
        st.one_of(
            st.characters(
                exclude_categories=("Cc", "Cs", "Zl", "Zp"), exclude_characters=BIDI_CONTROLS
            ),
            st.sampled_from("\n\t"),
        ),
        min_size=1,
        max_size=max_size,
    ).filter(str.strip)


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


#: Identifiers as the standards use them: "email-online", "visit".
standard_ids = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)


@st.composite
def standard_offices(draw: st.DrawFn) -> Any:  # an Office
    """An office with any name and province (the linter, not the model, checks provinces)."""
    from pst_core.standards import Office, OfficeLevel

    text = standards_texts()
    return Office(
        draw(text),
        draw(st.sampled_from(typing.get_args(OfficeLevel))),
        draw(text),
        *(draw(_optional(text)) for _ in range(4)),
    )


@st.composite
def _numbered_steps(draw: st.DrawFn, build: Any) -> tuple[Any, ...]:
    from pst_core.standards import Branch, Decision

    numbers = sorted(draw(st.sets(st.integers(1, 40), min_size=1, max_size=6)))
    text = standards_texts()
    steps = []
    for number in numbers:
        decision = None
        if draw(st.booleans()):
            branches = st.builds(Branch, text, text, _optional(st.sampled_from(numbers)))
            decision = Decision(
                tuple(draw(st.lists(branches, min_size=1, max_size=3))), draw(_optional(text))
            )
        steps.append(build(number, draw(text), decision))
    return tuple(steps)


@st.composite
def service_standards(draw: st.DrawFn) -> Any:  # a ServiceStandard
    """Valid service standards: unique requirement ids, one procedure/time per channel."""
    from pst_core.standards import (
        Actor,
        Channel,
        ClockStart,
        ComplaintChannel,
        ComplaintKind,
        CompletionTime,
        Fee,
        InactivityRule,
        Management,
        Procedure,
        ProcedureStep,
        Product,
        Requirement,
        RequirementKind,
        ServiceStandard,
    )

    text = standards_texts()
    texts = st.lists(text, max_size=3).map(tuple)
    channel_sets = st.lists(st.sampled_from(typing.get_args(Channel)), unique=True, max_size=2).map(
        tuple
    )
    requirements = st.lists(
        st.builds(
            Requirement,
            standard_ids,
            text,
            text,
            channel_sets,
            st.sampled_from(typing.get_args(RequirementKind)),
        ),
        unique_by=lambda r: r.id,
        max_size=5,
    )
    procedures = tuple(
        Procedure(
            channel,
            draw(
                _numbered_steps(
                    lambda n, t, d: ProcedureStep(
                        n, t, draw(st.sampled_from(typing.get_args(Actor))), d
                    )
                )
            ),
        )
        for channel in draw(channel_sets)
    )
    completions = tuple(
        CompletionTime(
            channel,
            draw(durations),
            draw(st.sampled_from(typing.get_args(ClockStart))),
            draw(_optional(text)),
            draw(_optional(text)),
            draw(_optional(durations)),
            draw(
                _optional(
                    st.builds(
                        InactivityRule,
                        durations,
                        st.sampled_from(("portal", "officer")),
                        _optional(text),
                    )
                )
            ),
        )
        for channel in draw(channel_sets)
    )
    return ServiceStandard(
        id=draw(standard_ids),
        office=draw(standard_offices()),
        service=draw(text),
        requirements=tuple(draw(requirements)),
        procedures=procedures,
        completion_times=completions,
        fee=Fee(draw(st.sampled_from(("free", "pnbp"))), draw(texts), draw(texts)),
        products=tuple(draw(st.lists(st.builds(Product, text, text), max_size=3))),
        complaints=tuple(
            draw(
                st.lists(
                    st.builds(
                        ComplaintChannel,
                        st.sampled_from(typing.get_args(ComplaintKind)),
                        text,
                        _optional(text),
                    ),
                    max_size=3,
                )
            )
        ),
        decree=draw(_optional(st.just("") | text)),
        completion_header=draw(_optional(text)),
        management=Management(*(draw(texts) for _ in range(8))),
        source=draw(_optional(text)),
    )


@st.composite
def working_hours(draw: st.DrawFn) -> Any:  # a WorkingHours
    """Opening hours with zero, one or two windows per weekday, whole minutes."""
    from pst_core.calendar.hours import Window, WorkingHours

    days = []
    for _ in range(7):
        count = draw(st.sampled_from((0, 2, 4)))
        edges = sorted(draw(st.sets(st.integers(0, 24 * 60), min_size=count, max_size=count)))
        days.append(tuple(Window(a, b) for a, b in zip(edges[::2], edges[1::2], strict=True)))
    return WorkingHours(tuple(days))


@st.composite
def standard_operating_procedures(draw: st.DrawFn) -> Any:  # a StandardOperatingProcedure
    """Valid SOPs with any text, steps numbered in increasing order."""
    from pst_core.standards import (
        Actor,
        AppointmentRule,
        Approver,
        QualityStandard,
        SopStep,
        StandardOperatingProcedure,
    )

    text = standards_texts()
    texts = st.lists(text, max_size=3).map(tuple)
    maybe = _optional(text)

    def step(number: int, body: str, decision: Any) -> Any:
        quality = QualityStandard(draw(maybe), draw(maybe), draw(maybe))
        actor = draw(st.sampled_from(typing.get_args(Actor)))
        return SopStep(number, body, actor, decision, quality, draw(maybe))

    return StandardOperatingProcedure(
        id=draw(standard_ids),
        office=draw(standard_offices()),
        number=draw(text),
        name=draw(text),
        created=draw(st.dates()),
        approved=draw(st.dates()),
        approver=Approver(draw(text), draw(text), draw(maybe)),
        steps=draw(_numbered_steps(step)),
        revised=draw(_optional(st.dates())),
        team=draw(maybe),
        legal_basis=draw(texts),
        qualifications=draw(texts),
        related=draw(texts),
        equipment=draw(texts),
        warning_intro=draw(maybe),
        warnings=draw(texts),
        records=draw(texts),
        hours=draw(_optional(working_hours())),
        service_hours=draw(maybe),
        appointment=draw(_optional(st.builds(AppointmentRule, text, text))),
        source=draw(maybe),
    )
