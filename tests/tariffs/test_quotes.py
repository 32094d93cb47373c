"""Quotes: exact totals, the Rp0 decision applied, payer-borne costs kept out of the PNBP."""

from __future__ import annotations

import decimal
import typing
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from pst_core.errors import (
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
    NoScheduleInForceError,
    UnknownNameError,
)
from pst_core.tariffs import (
    NON_COMMERCIAL_PURPOSES,
    ZERO_RATE_PARTIES,
    BandCharge,
    PayerCost,
    Purpose,
    Quote,
    RequesterCategory,
    TariffItem,
    TariffSchedule,
    TariffSchedules,
    ZeroRateDocument,
    format_rupiah,
    illustrative_schedule,
    parse_rupiah,
    price_line,
    quote,
)
from tests.strategies import purposes, requester_categories, rupiahs, tariff_schedules
from tests.tariffs.helpers import room

DAY = date(2026, 3, 17)


payer_costs = st.lists(
    st.builds(PayerCost, st.sampled_from(["shipping", "bank_fee", "other"]), rupiahs), max_size=3
)


@given(tariff_schedules(), st.data(), payer_costs)
def test_quote_total_is_non_decreasing_in_quantity(
    schedule: TariffSchedule, data: st.DataObject, costs: list[PayerCost]
) -> None:
    lines = {item.code: data.draw(st.integers(1, min(room(item), 200))) for item in schedule.items}
    grow = data.draw(st.sampled_from(schedule.items))
    assume(lines[grow.code] < room(grow))
    bigger = {**lines, grow.code: data.draw(st.integers(lines[grow.code] + 1, room(grow)))}
    day = schedule.effective_from
    before = quote(lines, schedule, at=day, payer_costs=costs)
    after = quote(bigger, schedule, at=day, payer_costs=costs)
    assert before.subtotal <= after.subtotal
    assert before.pnbp_total <= after.pnbp_total
    assert before.subtotal == sum((line.amount for line in before.lines), Decimal(0))


@given(tariff_schedules(), st.data(), requester_categories, purposes, payer_costs)
def test_rp0_zeroes_the_pnbp_and_keeps_payer_costs(
    schedule: TariffSchedule,
    data: st.DataObject,
    requester: RequesterCategory,
    purpose: Purpose,
    costs: list[PayerCost],
) -> None:
    lines = [
        (item.code, data.draw(st.integers(1, min(room(item), 200)))) for item in schedule.items
    ]
    day = schedule.effective_from
    paying = quote(lines, schedule, at=day, payer_costs=costs)
    decided = quote(
        lines,
        schedule,
        at=day,
        requester=requester,
        purpose=purpose,
        provided=list(typing.get_args(ZeroRateDocument)),
        payer_costs=costs,
    )
    eligible = ZERO_RATE_PARTIES[requester] and NON_COMMERCIAL_PURPOSES[purpose]
    assert decided.zero_rated is eligible
    # Without its documents an eligible request still pays the tariff.
    pending = quote(lines, schedule, at=day, requester=requester, purpose=purpose)
    assert pending.zero_rated is False
    assert pending.pnbp_total == paying.subtotal
    assert decided.subtotal == paying.subtotal
    assert decided.lines == paying.lines
    assert decided.pnbp_total == (Decimal(0) if eligible else paying.subtotal)
    assert decided.zero_rate_relief == (paying.subtotal if eligible else Decimal(0))
    # Payer-borne costs are listed apart and are the same either way.
    assert decided.payer_costs == paying.payer_costs == tuple(costs)
    assert decided.payer_costs_total == sum((c.amount for c in costs), Decimal(0))
    assert paying.pnbp_total == paying.subtotal
    assert paying.zero_rate is None


@given(tariff_schedules(), payer_costs, payer_costs)
def test_payer_costs_never_enter_the_pnbp_total(
    schedule: TariffSchedule, some: list[PayerCost], other: list[PayerCost]
) -> None:
    lines = {item.code: 1 for item in schedule.items}
    a = quote(lines, schedule, at=schedule.effective_from, payer_costs=some)
    b = quote(lines, schedule, at=schedule.effective_from, payer_costs=other)
    assert a.pnbp_total == b.pnbp_total


@pytest.mark.golden
def test_example_quote_golden() -> None:
    schedule = illustrative_schedule()
    q = quote(
        [("pub-print", 120), ("microdata-record", 12345), ("wilkerstat-map", 3)],
        schedule,
        at=DAY,
        payer_costs=[PayerCost("shipping", Decimal(30000)), PayerCost("bank_fee", Decimal(6500))],
    )
    # 120 x 1000; 1000 x 100 + 9000 x 50 + 2345 x 10; 3 x 25000 (illustrative amounts).
    assert [line.amount for line in q.lines] == [
        Decimal(120000),
        Decimal(100000 + 450000 + 23450),
        Decimal(75000),
    ]
    md = q.lines[1]
    assert md.charges == (
        BandCharge(first=1, last=1000, price=Decimal(100), quantity=1000),
        BandCharge(first=1001, last=10000, price=Decimal(50), quantity=9000),
        BandCharge(first=10001, last=12345, price=Decimal(10), quantity=2345),
    )
    assert md.unit_price == Decimal(46)  # 573450 / 12345 = 46.45... -> 46
    assert q.subtotal == Decimal(768450)
    assert q.pnbp_total == Decimal(768450)
    assert q.payer_costs_total == Decimal(36500)
    assert q.schedule is schedule
    assert q.at == DAY


def test_amounts_are_exact_whatever_the_decimal_context() -> None:
    big = TariffItem(
        code="p", pnbp_type="printed_publication", unit="page", price=Decimal(999999999)
    )
    other = TariffItem(code="q", pnbp_type="training", unit="day", price=Decimal(10**23 + 1))
    schedule = TariffSchedule(
        title="t", legal_basis="ILLUSTRATIVE", effective_from=DAY, items=(big, other)
    )
    quantity = 10**14 + 7
    with decimal.localcontext(decimal.Context(prec=3)):
        q = quote(
            {"p": quantity, "q": 9},
            schedule,
            at=DAY,
            payer_costs=[PayerCost("shipping", Decimal(10**23 + 3))] * 3,
        )
        assert q.subtotal == Decimal(999999999 * quantity + 9 * (10**23 + 1))
        assert q.payer_costs_total == Decimal(3 * (10**23 + 3))
        assert parse_rupiah(format_rupiah(q.subtotal)) == q.subtotal


def test_rp0_quote_lists_documents_and_keeps_costs() -> None:
    q = quote(
        {"microdata-variable": 12},
        illustrative_schedule(),
        at=datetime(2026, 3, 17, 9, tzinfo=timezone.utc),
        requester="domestic_educational_institution",
        purpose="research",
        provided=["request_letter"],
        payer_costs=[PayerCost("bank_fee", Decimal(6500))],
    )
    assert q.at == DAY
    assert q.subtotal == Decimal(10 * 20000 + 2 * 5000)
    assert q.pnbp_total == q.subtotal  # eligible, but documents are still missing
    assert not q.zero_rated
    assert q.payer_costs_total == Decimal(6500)
    assert q.zero_rate is not None
    assert q.zero_rate.eligible
    assert list(q.zero_rate.missing_documents) == [
        "verified_account",
        "abstract",
        "data_use_agreement",
    ]


def test_several_schedules_pick_the_one_in_force() -> None:
    schedule = illustrative_schedule()
    book = TariffSchedules((schedule,))
    assert quote({"pub-pdf": 2}, book, at=DAY).schedule is schedule
    with pytest.raises(NoScheduleInForceError):
        quote({"pub-pdf": 2}, book, at=date(2025, 12, 31))


@pytest.mark.hostile
@pytest.mark.parametrize(
    ("lines", "schedule", "kwargs"),
    [
        (False, None, {}),
        (None, None, {}),
        (3, None, {}),
        ({"pub-pdf": 1}, "schedule.toml", {}),
        ({"pub-pdf": 1}, None, {"at": "2026-03-17"}),
        ({"pub-pdf": 1}, None, {"payer_costs": 5}),
        ({"pub-pdf": 1}, None, {"payer_costs": [("shipping", 1)]}),
        ({"pub-pdf": 1}, None, {"payer_costs": {"shipping": PayerCost("shipping", Decimal(1))}}),
        ({"pub-pdf": 1}, None, {"requester": 1, "purpose": "research"}),
        ({"pub-pdf": 1}, None, {"requester": "individual", "purpose": "research", "provided": 1}),
    ],
)
def test_wrong_types_are_pst_errors(
    lines: object, schedule: object, kwargs: dict[str, object]
) -> None:
    options: dict[str, object] = {"at": DAY, **kwargs}
    with pytest.raises(InvalidTypeError):
        quote(lines, schedule or illustrative_schedule(), **options)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        price_line("pub-pdf", 1)  # type: ignore[arg-type]


@pytest.mark.hostile
@pytest.mark.parametrize(
    ("lines", "kwargs", "error", "fragment"),
    [
        ({}, {}, InvalidValueError, "at least one product"),
        (
            [("pub-pdf", 1), ("pub-pdf", 2)],
            {},
            InvalidValueError,
            "lines[1]: invalid value 'pub-pdf'; allowed: each product code at most once "
            "(already at lines[0])",
        ),
        ([("pub-pdf",)], {}, InvalidTypeError, "(product code, quantity) pair"),
        ({"pub-pdf": 0}, {}, InvalidValueError, "pub-pdf: invalid value 0"),
        ({"pub-pdf": True}, {}, InvalidTypeError, "whole number of units"),
        ({"pub-pdf": 1.5}, {}, InvalidTypeError, "whole number of units"),
        ({"pub-pfd": 1}, {}, UnknownNameError, "did you mean: pub-pdf"),
        ({"pub-pdf": 1}, {"requester": "individual"}, InvalidValueError, "purpose"),
        ({"pub-pdf": 1}, {"purpose": "research"}, InvalidValueError, "requester"),
        ({"pub-pdf": 1}, {"at": datetime(2026, 3, 17)}, NaiveDatetimeError, "at"),
        ({"pub-pdf": 1}, {"at": date(2025, 1, 1)}, NoScheduleInForceError, "2025-01-01"),
    ],
)
def test_bad_requests_are_refused(
    lines: object, kwargs: dict[str, object], error: type[Exception], fragment: str
) -> None:
    options: dict[str, object] = {"at": DAY, **kwargs}
    with pytest.raises(error) as info:
        quote(lines, illustrative_schedule(), **options)  # type: ignore[arg-type]
    assert fragment in str(info.value)


def test_a_bad_item_is_named_by_its_index() -> None:
    cost = PayerCost("shipping", Decimal(1))
    with pytest.raises(InvalidTypeError, match=r"payer_costs\[1\]: expected PayerCost"):
        quote({"pub-pdf": 1}, illustrative_schedule(), at=DAY, payer_costs=[cost, 5])  # type: ignore[list-item]
    with pytest.raises(InvalidTypeError, match=r"lines\[1\]: expected \(product code, quantity\)"):
        quote([("pub-pdf", 1), ["pub-print", 2]], illustrative_schedule(), at=DAY)  # type: ignore[list-item]
    with pytest.raises(
        InvalidTypeError, match=r"lines\[0\]: expected a \(product code, quantity\)"
    ):
        quote([("pub-pdf", 1, 2)], illustrative_schedule(), at=DAY)  # type: ignore[list-item]


def test_payer_cost_validation() -> None:
    with pytest.raises(InvalidValueError, match="kind"):
        PayerCost("tax", Decimal(1))  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="amount"):
        PayerCost("shipping", Decimal("10.5"))
    with pytest.raises(InvalidTypeError, match="amount"):
        PayerCost("shipping", 10)  # type: ignore[arg-type]


def test_quote_fields_are_validated() -> None:
    with pytest.raises(InvalidTypeError):
        Quote(schedule="x", at=DAY, lines=())  # type: ignore[arg-type]
