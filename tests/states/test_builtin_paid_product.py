"""The paid product (``paid_product``): steps 5–8 of SOP-1-101/17000/2025, the order itself.

Golden scenarios come from ``tests/resources/states/golden-000*.toml`` (a free
standard's order) and ``golden-004*.toml`` (the SOP); the other tests check the
guards on ``verify``, the SPPD, the invoice and billing-code timers against
``tariffs.billing``, the Rp0 path and its event data (`zero_rate_grant`).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings

from pst_core.calendar.durations import WorkingDays
from pst_core.errors import InvalidTransitionError, InvalidTypeError, InvalidValueError
from pst_core.standards import catalog
from pst_core.states import Transaction
from pst_core.states.builtin import builtin_workflow, paid_product, zero_rate_grant
from pst_core.tariffs import zero_rate
from pst_core.tariffs.billing import BillingCode, Invoice
from tests.states import golden
from tests.states.examples import invoiced_order
from tests.strategies import instants_2026

WIB = ZoneInfo("Asia/Jakarta")
T0 = datetime(2026, 3, 16, 9, 0, tzinfo=WIB)
PAYMENT = {"invoiced", "billing-code-expired", "expired", "paid", "zero-rated"}
PAYMENT |= {"invoiced-awaiting-agreement", "billing-code-expired-awaiting-agreement"}


@pytest.mark.golden
@pytest.mark.parametrize(**golden.of("paid_product"))
def test_golden_scenario(scenario: dict[str, Any]) -> None:
    golden.check_scenario(scenario)


@pytest.mark.golden
@pytest.mark.parametrize(**golden.of("paid_product"))
def test_due_instants_agree_with_the_naive_reference(scenario: dict[str, Any]) -> None:
    golden.check_reference(scenario)


@pytest.mark.golden
@pytest.mark.parametrize(**golden.firing_due_timers("paid_product"))
def test_due_timers_can_be_fired_as_listed(scenario: dict[str, Any]) -> None:
    golden.check_due_timers(scenario)


def test_the_sops_step_times_and_a_standards_delivery_time() -> None:
    clocks = {c.name: c.goal for c in paid_product().clocks}
    assert clocks["queue"] == WorkingDays(3)  # step 5, "3 hari kerja"
    assert clocks["delivery"] == WorkingDays(10)  # step 7
    assert builtin_workflow("paid-product:bengkulu-penjualan").clocks[1].goal == WorkingDays(10)


def test_a_free_standard_has_the_same_table_without_payment() -> None:
    # The Bengkulu standard's fee is "Tidak dipungut biaya": the same table without payment.
    free = builtin_workflow("paid-product:bengkulu-penjualan").state_names
    assert free == tuple(s for s in paid_product().state_names if s not in PAYMENT)
    assert builtin_workflow("paid-product:bengkulu-sop-produk-berbayar").state_names == (
        paid_product().state_names
    )


def test_a_standard_that_sells_no_product_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="missing component in") as caught:
        paid_product(catalog().standard("sumsel-konsultasi"))
    assert caught.value.field == "paid_product(standard).products"
    assert caught.value.value == "sumsel-konsultasi"


def test_an_sop_step_without_its_time_is_refused() -> None:
    sop = catalog().sop("bengkulu-sop-produk-berbayar")
    untimed = attrs.evolve(
        sop,
        steps=tuple(
            attrs.evolve(s, quality=attrs.evolve(s.quality, time_text="sebentar"))
            if s.number == 7
            else s
            for s in sop.steps
        ),
    )
    with pytest.raises(InvalidValueError) as caught:
        paid_product(sop=untimed)
    assert caught.value.field == "paid_product(sop).steps[7].quality.time"
    assert caught.value.value == "sebentar"


def test_guards_pick_the_transition() -> None:
    tx = Transaction.open(paid_product(), at=T0, actor="user")
    tx = tx.fire("start-verification", at=T0, actor="officer")
    outcomes = {
        ("complete", "printed_publication"): "complete",
        ("complete", "electronic_publication"): "complete",
        ("complete", "microdata"): "awaiting-agreement",  # the SPPD first
        ("complete", "wilkerstat_map"): "awaiting-agreement",
        ("incomplete", None): "incomplete",
        ("abstract-mismatch", None): "cancelled",
    }
    for (outcome, product), state in outcomes.items():
        data = {"outcome": outcome} if product is None else {"outcome": outcome, "product": product}
        fired = tx.fire("verify", at=T0, actor="officer", data=data)
        assert fired.state == state
    for data in (
        {"outcome": "maybe"},
        {"outcome": "complete"},
        {"outcome": "complete", "product": "x"},
    ):
        with pytest.raises(InvalidTransitionError, match="no guard holds") as caught:
            tx.fire("verify", at=T0, actor="officer", data=data)
        assert caught.value.allowed == ("verify", "cancel")


def test_an_order_awaiting_the_sppd_cannot_be_cancelled() -> None:
    """The documents cancel only a mismatched abstract, at verify: nothing after complete."""
    wf = paid_product()
    cancels = {t.source for t in wf.transitions if t.target == "cancelled"}
    assert cancels == {"created", "verifying", "incomplete"}
    assert set(wf.events_from("awaiting-agreement")) == {"sign-agreement", "issue-invoice"}


@pytest.mark.golden
@pytest.mark.parametrize("product", ["microdata", "wilkerstat_map"])
def test_the_sppd_comes_before_payment_not_before_the_invoice(product: str) -> None:
    """DOMAIN §4: "complete → invoice, billing code and data-use agreement (SPPD) → payment".

    Neither the Bengkulu standard ("ikuti seluruh proses hingga selesai termasuk
    pembayaran dan tanda tangan surat perjanjian penggunaan data") nor the online
    microdata service puts the SPPD before the invoice: the invoice may come first,
    and payment waits for the signed SPPD.
    """
    at = datetime(2026, 6, 1, 10, 0, tzinfo=WIB)
    tx = Transaction.open(paid_product(), at=at, actor="user")
    tx = tx.fire("start-verification", at=at, actor="officer")
    tx = tx.fire("verify", at=at, actor="officer", data={"outcome": "complete", "product": product})
    tx = tx.fire("issue-invoice", at=at, actor="officer")
    assert tx.state == "invoiced-awaiting-agreement"
    with pytest.raises(InvalidTransitionError):
        tx.fire("pay", at=at + timedelta(hours=1), actor="user")
    signed = tx.fire("sign-agreement", at=at + timedelta(hours=1), actor="user")
    assert signed.state == "invoiced"
    # Signing does not renew the billing code: it still runs from the invoice.
    due = {t.timer: t.due for t in signed.due_timers(at + timedelta(days=40))}
    assert due == {
        "billing-code": BillingCode("0" * 15, at).expires,
        "invoice": Invoice(at).expires,
    }
    paid = signed.fire("pay", at=at + timedelta(hours=2), actor="user")
    assert paid.state == "paid"


def test_a_billing_code_that_expires_before_the_sppd_is_reissued_after_it() -> None:
    at = datetime(2026, 6, 1, 10, 0, tzinfo=WIB)
    tx = Transaction.open(paid_product(), at=at, actor="user")
    tx = tx.fire("start-verification", at=at, actor="officer")
    data = {"outcome": "complete", "product": "microdata"}
    tx = tx.fire("verify", at=at, actor="officer", data=data)
    tx = tx.fire("issue-invoice", at=at, actor="officer")
    (expiry,) = [t for t in tx.due_timers(at + timedelta(days=8)) if t.timer == "billing-code"]
    tx = tx.fire(expiry.event, at=expiry.due, actor="app")
    assert tx.state == "billing-code-expired-awaiting-agreement"
    with pytest.raises(InvalidTransitionError):
        tx.fire("pay", at=expiry.due, actor="user")
    tx = tx.fire("sign-agreement", at=expiry.due, actor="user")
    tx = tx.fire("reissue-billing-code", at=expiry.due, actor="app")
    assert tx.fire("pay", at=expiry.due, actor="user").state == "paid"


def test_microdata_is_invoiced_after_the_agreement_with_the_same_timers() -> None:
    at = datetime(2026, 6, 1, 10, 0, tzinfo=WIB)
    tx = invoiced_order(at, "microdata")
    assert [e.name for e in tx.history][-3:] == ["verify", "sign-agreement", "issue-invoice"]
    due = {t.timer: t.due for t in tx.due_timers(at + timedelta(days=40))}
    assert due == {
        "billing-code": BillingCode("0" * 15, at).expires,
        "invoice": Invoice(at).expires,
    }


@pytest.mark.property
@settings(max_examples=30)
@given(at=instants_2026)
def test_invoice_and_billing_code_timers_follow_tariffs_billing(at: datetime) -> None:
    tx = invoiced_order(at)
    later = at + timedelta(days=40)
    due = {t.timer: t.due for t in tx.due_timers(later)}
    assert due["billing-code"] == BillingCode("0" * 15, at).expires
    assert due["invoice"] == Invoice(at).expires


def test_the_rp0_path_has_no_invoice_billing_code_or_payment_timer() -> None:
    """A granted Rp0 order goes from complete to delivery; its grant and reasons are recorded."""
    wf = builtin_workflow("paid-product")
    at = datetime.fromisoformat("2026-04-06T09:00:00+07:00")
    tx = Transaction.open(wf, at=at, actor="user")
    tx = tx.fire("start-verification", at=at, actor="officer")
    tx = tx.fire(
        "verify", at=at, actor="officer", data={"outcome": "complete", "product": "microdata"}
    )
    with pytest.raises(InvalidTransitionError):  # microdata: the SPPD comes first
        tx.fire("grant-zero-rate", at=at, actor="officer", data={"granted": True})
    tx = tx.fire("sign-agreement", at=at, actor="user")
    decision = zero_rate(
        "domestic_educational_institution",
        "research",
        pnbp_types=["microdata"],
        provided=["request_letter", "verified_account", "abstract", "data_use_agreement"],
    )
    tx = tx.fire("grant-zero-rate", at=at, actor="officer", data=zero_rate_grant(decision))
    assert tx.state == "zero-rated"
    grant = tx.history[-1].data
    assert grant["granted"] is True
    assert "pemohon:" in grant["reasons"]  # Indonesian plain, English in reasons_en
    assert "requester:" in grant["reasons_en"]
    later = at + timedelta(days=60)
    assert tx.due_timers(later) == ()
    tx = tx.fire("deliver", at=later, actor="officer")
    states = set(tx.states_visited())
    assert not states & {"invoiced", "paid", "billing-code-expired", "expired"}
    assert "awaiting-agreement" in states
    assert tx.clocks(later)["delivery"].breached


def test_zero_rate_grant_takes_only_a_granted_decision() -> None:
    refused = zero_rate("individual", "research")
    with pytest.raises(InvalidValueError, match="not granted") as caught:
        zero_rate_grant(refused)
    assert caught.value.field == "zero_rate_grant(decision)"
    missing = zero_rate("regional_government", "research", provided=["request_letter"])
    with pytest.raises(InvalidValueError, match="missing: verified_account"):
        zero_rate_grant(missing)
    with pytest.raises(InvalidTypeError):
        zero_rate_grant({"granted": True})  # type: ignore[arg-type]
