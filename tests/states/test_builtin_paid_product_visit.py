"""The paid product at the desk (``paid_product_visit``): steps 2–4 of SOP-1-101/17000/2025.

Golden scenarios come from ``tests/resources/states/golden-004*.toml``.
"""

from __future__ import annotations

from typing import Any

import pytest

from pst_core.calendar.durations import WorkingTime
from pst_core.errors import InvalidTypeError
from pst_core.standards import catalog
from pst_core.states.builtin import builtin_workflow, paid_product_visit
from tests.states import golden


@pytest.mark.golden
@pytest.mark.parametrize(**golden.of("paid_product_visit"))
def test_golden_scenario(scenario: dict[str, Any]) -> None:
    golden.check_scenario(scenario)


@pytest.mark.golden
@pytest.mark.parametrize(**golden.of("paid_product_visit"))
def test_due_instants_agree_with_the_naive_reference(scenario: dict[str, Any]) -> None:
    golden.check_reference(scenario)


def test_each_desk_step_has_its_time() -> None:
    clocks = {c.name: (c.goal, c.starts_on, c.stops_on) for c in paid_product_visit().clocks}
    assert clocks == {
        "reception": (WorkingTime(10), ("open",), ("registration",)),  # step 2, 10 menit
        "registration": (WorkingTime(10), ("registration",), ("waiting",)),  # step 3
        "explanation": (WorkingTime(60), ("explanation",), ("directed",)),  # step 4, 1 jam
    }
    assert {s.name for s in paid_product_visit().terminals} == {"directed", "online", "left"}


def test_the_sop_names_the_workflow_it_builds() -> None:
    sop = catalog().sop("bengkulu-sop-produk-berbayar")
    assert paid_product_visit().name == "paid-product-visit"
    assert paid_product_visit(sop).name == "paid-product-visit:bengkulu-sop-produk-berbayar"
    assert builtin_workflow("paid-product-visit:bengkulu-sop-produk-berbayar") == (
        paid_product_visit(sop)
    )


@pytest.mark.hostile
def test_only_an_sop_is_taken() -> None:
    standard = catalog().standard("bengkulu-penjualan")
    with pytest.raises(InvalidTypeError) as caught:
        paid_product_visit(standard)  # type: ignore[arg-type]
    assert caught.value.field == "paid_product_visit(sop)"
    with pytest.raises(InvalidTypeError) as calendar:
        paid_product_visit(calendar="Asia/Jakarta")  # type: ignore[arg-type]
    assert calendar.value.field == "paid_product_visit(calendar)"


@pytest.mark.golden
def test_choosing_the_online_route_cancels_the_reception_clock() -> None:
    # SOP step 2: "Pengguna layanan menentukan media layanan yang akan digunakan, apakah
    # layanan online atau tidak. Jika ya, maka pengguna layanan mengakses aplikasi layanan":
    # nobody is left at the desk to receive, so three hours later nothing is breached.
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from pst_core.states import Transaction

    at = datetime(2026, 4, 6, 9, tzinfo=ZoneInfo("Asia/Jakarta"))
    tx = Transaction.open(paid_product_visit(), at=at, actor="user")
    tx = tx.fire("go-online", at=at + timedelta(minutes=10), actor="user")
    reception = tx.clocks(at + timedelta(hours=3))["reception"]
    assert reception.status == "cancelled"
    assert reception.breached_by == timedelta(0)
