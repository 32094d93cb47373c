"""Invoice and SIMPONI billing-code validity."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pst_core.calendar.durations import CalendarDays, CalendarMonths, WorkingDays
from pst_core.errors import InvalidBillingCodeError, InvalidTypeError, NaiveDatetimeError
from pst_core.tariffs.billing import (
    BILLING_CODE_VALIDITY,
    BILLING_CODE_VALIDITY_SOURCE,
    INVOICE_VALIDITY,
    INVOICE_VALIDITY_SOURCE,
    BillingCode,
    Invoice,
    expiry,
)
from tests.strategies import instants

WIB = ZoneInfo("Asia/Jakarta")


def test_defaults_and_their_sources() -> None:
    assert CalendarMonths(1) == INVOICE_VALIDITY
    assert CalendarDays(7) == BILLING_CODE_VALIDITY
    assert INVOICE_VALIDITY_SOURCE.verified is True
    assert BILLING_CODE_VALIDITY_SOURCE.verified is False
    assert "secondary" in BILLING_CODE_VALIDITY_SOURCE.citation


@pytest.mark.parametrize(
    ("created", "expires"),
    [
        (datetime(2026, 3, 17, 14, 0, tzinfo=WIB), datetime(2026, 4, 17, 14, 0, tzinfo=WIB)),
        (datetime(2026, 1, 31, 9, 0, tzinfo=WIB), datetime(2026, 2, 28, 9, 0, tzinfo=WIB)),
        (datetime(2024, 1, 31, 9, 0, tzinfo=WIB), datetime(2024, 2, 29, 9, 0, tzinfo=WIB)),
        (datetime(2026, 12, 15, 23, 59, tzinfo=WIB), datetime(2027, 1, 15, 23, 59, tzinfo=WIB)),
    ],
)
def test_invoice_is_valid_one_calendar_month(created: datetime, expires: datetime) -> None:
    invoice = Invoice(created, number="INV-1")
    assert invoice.expires == expires
    assert invoice.expires.tzinfo is WIB
    assert not invoice.is_expired(expires - timedelta(seconds=1))
    assert invoice.is_expired(expires)


def test_billing_code_expires_seven_days_later_by_default() -> None:
    code = BillingCode("820260317000001", datetime(2026, 3, 17, 14, 0, tzinfo=WIB))
    assert code.expires == datetime(2026, 3, 24, 14, 0, tzinfo=WIB)
    # The comparison is between instants, whatever zone `at` is written in.
    assert not code.is_expired(datetime(2026, 3, 24, 6, 59, tzinfo=timezone.utc))
    assert code.is_expired(datetime(2026, 3, 24, 7, 0, tzinfo=timezone.utc))


def test_validity_runs_from_creation_or_issue() -> None:
    created = datetime(2026, 3, 17, 14, 0, tzinfo=WIB)
    invoice = Invoice(created, validity=CalendarDays(10))
    code = BillingCode("820260317000001", created + timedelta(days=1), CalendarMonths(1))
    assert (invoice.start, code.start) == (invoice.created, code.issued)
    assert invoice.expires == expiry(invoice.start, invoice.validity) == created + timedelta(10)
    assert code.expires == datetime(2026, 4, 18, 14, 0, tzinfo=WIB)


def test_billing_code_validity_is_configurable() -> None:
    code = BillingCode("000000000000000", datetime(2026, 3, 17, tzinfo=WIB), CalendarDays(2))
    assert code.expires.date() == date(2026, 3, 19)
    monthly = BillingCode("000000000000000", datetime(2026, 3, 17, tzinfo=WIB), CalendarMonths(1))
    assert monthly.expires.date() == date(2026, 4, 17)


@pytest.mark.hostile
@pytest.mark.parametrize(
    "bad",
    ["", "12345678901234", "1234567890123456", "12345678901234a", "１２３４５６７８９０１２３４５"],
)
def test_billing_code_must_be_fifteen_ascii_digits(bad: str) -> None:
    with pytest.raises(InvalidBillingCodeError) as info:
        BillingCode(bad, datetime(2026, 3, 17, tzinfo=WIB))
    assert info.value.field == "BillingCode.code"
    assert info.value.value == bad
    assert "15 digits" in str(info.value)


def test_billing_code_as_int_is_a_type_error() -> None:
    with pytest.raises(InvalidTypeError, match=r"BillingCode\.code"):
        BillingCode(123456789012345, datetime(2026, 3, 17, tzinfo=WIB))  # type: ignore[arg-type]


def test_naive_datetimes_are_refused() -> None:
    naive = datetime(2026, 3, 17, 14, 0)
    with pytest.raises(NaiveDatetimeError, match=r"Invoice\.created"):
        Invoice(naive)
    with pytest.raises(NaiveDatetimeError, match=r"BillingCode\.issued"):
        BillingCode("1" * 15, naive)
    with pytest.raises(NaiveDatetimeError, match="at"):
        Invoice(datetime(2026, 3, 17, tzinfo=WIB)).is_expired(naive)
    with pytest.raises(NaiveDatetimeError, match="start"):
        expiry(naive, CalendarDays(1))


def test_working_time_validities_are_refused() -> None:
    with pytest.raises(InvalidTypeError, match=r"Invoice\.validity"):
        Invoice(datetime(2026, 3, 17, tzinfo=WIB), validity=WorkingDays(3))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="validity"):
        expiry(datetime(2026, 3, 17, tzinfo=WIB), WorkingDays(3))  # type: ignore[arg-type]


@given(instants, st.integers(min_value=1, max_value=60))
def test_expiry_keeps_the_local_wall_clock(start: datetime, n: int) -> None:
    end = expiry(start, CalendarDays(n))
    assert end.tzinfo is start.tzinfo
    assert end.time() == start.time()
    assert (end.date() - start.date()).days == n


@given(instants, st.integers(min_value=1, max_value=24))
def test_month_expiry_is_after_start_and_clipped(start: datetime, n: int) -> None:
    end = expiry(start, CalendarMonths(n))
    assert end > start
    assert end.time() == start.time()
    months = (end.year - start.year) * 12 + end.month - start.month
    assert months == n
    assert end.day == start.day or end.day < start.day  # clipped to a shorter month
    invoice = Invoice(start, validity=CalendarMonths(n))
    assert invoice.is_expired(end)
    assert not invoice.is_expired(start)


def test_describe_an_invoice_and_a_billing_code_in_both_languages() -> None:
    wita = ZoneInfo("Asia/Makassar")
    invoice = Invoice(datetime(2026, 3, 31, 9, 0, tzinfo=wita), number="INV-7")
    assert invoice.describe() == (
        "Invoice INV-7 created 2026-03-31 09:00 WITA, valid until 2026-04-30 09:00 WITA"
    )
    late = datetime(2026, 5, 1, tzinfo=wita)
    assert invoice.describe("id", at=late) == (
        "Invoice INV-7 dibuat 2026-03-31 09:00 WITA, kedaluwarsa sejak 2026-04-30 09:00 WITA"
    )
    code = BillingCode("820260317000042", datetime(2026, 3, 17, 7, tzinfo=timezone.utc))
    assert code.describe().splitlines() == [
        "Billing code 820260317000042 issued 2026-03-17 07:00 UTC+0000, "
        "valid until 2026-03-24 07:00 UTC+0000",
        "(validity from a secondary source, not yet confirmed)",
    ]
    with pytest.raises(NaiveDatetimeError):
        code.describe(at=datetime(2026, 3, 18))


def test_expiry_far_in_the_future_is_a_pst_error() -> None:
    from pst_core.errors import InvalidValueError
    from pst_core.tariffs.billing import expiry

    start = datetime(9999, 12, 1, tzinfo=timezone.utc)
    with pytest.raises(InvalidValueError, match="9999"):
        expiry(start, CalendarMonths(1))
    with pytest.raises(InvalidValueError, match="9999"):
        expiry(start, CalendarDays(100))


def test_expiry_compares_instants_not_wall_clocks() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    # 02:30 on 2026-10-25 happens twice in Berlin; fold=1 is the later instant.
    code = BillingCode("820260317000042", datetime(2026, 10, 18, 2, 30, tzinfo=berlin))
    assert code.expires == datetime(2026, 10, 25, 2, 30, tzinfo=berlin)
    later = datetime(2026, 10, 25, 2, 10, fold=1, tzinfo=berlin)  # after the first 02:30
    assert code.is_expired(later)
