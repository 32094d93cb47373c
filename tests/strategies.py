"""Hypothesis strategies shared by the test suite, one section per subpackage."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
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
    TariffItem,
    TariffSchedule,
    Unit,
)
from pst_core.tariffs.zero_rate import Purpose, RequesterCategory  # noqa: E402

# Printable text: control characters are not what schedule titles are made of.
_names = st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=30)

#: Whole rupiah, as a schedule holds them.
rupiahs = st.integers(min_value=0, max_value=10**9).map(Decimal)

#: Product codes the schedule accepts.
product_codes = st.from_regex(r"[a-z0-9][a-z0-9._/-]{0,15}", fullmatch=True)

#: PNBP types a schedule may price (type h is priced per contract).
schedule_types = st.sampled_from([t for t in PnbpType if t is not PnbpType.COOPERATION_CONTRACT])


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
        unit=draw(st.sampled_from(Unit)),
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


requester_categories = st.sampled_from(RequesterCategory)
purposes = st.sampled_from(Purpose)
