"""Invoice and billing-code validity: the clocks of a paid request after it is complete.

Two documents carry a deadline once a paid request is declared complete:

* the Silastik **invoice** (*invoice*), valid **1 month** from its creation
  (confirmed on an official BPS page);
* the SIMPONI **billing code** (*kode billing*), a string of exactly 15 digits,
  which expires **7 days** after issue by default. Both facts come from a
  secondary source only, so they are flagged ``verified=False`` in
  :data:`BILLING_CODE_VALIDITY_SOURCE`, and the period can be changed per code.

Both validities are calendar durations added on the wall clock with
``dateutil.relativedelta`` (the same local time n days or months later; a
month from Jan 31 is Feb 28/29). Every instant must be timezone-aware.

Examples:
    >>> from datetime import datetime
    >>> from zoneinfo import ZoneInfo
    >>> wib = ZoneInfo("Asia/Jakarta")
    >>> invoice = Invoice(created=datetime(2026, 1, 31, 10, 0, tzinfo=wib))
    >>> invoice.expires
    datetime.datetime(2026, 2, 28, 10, 0, tzinfo=zoneinfo.ZoneInfo(key='Asia/Jakarta'))
    >>> code = BillingCode("820260131000123", issued=datetime(2026, 2, 2, 9, 0, tzinfo=wib))
    >>> code.expires.isoformat()
    '2026-02-09T09:00:00+07:00'
    >>> code.is_expired(datetime(2026, 2, 9, 9, 0, tzinfo=wib))
    True
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeAlias

import attrs
from dateutil.relativedelta import relativedelta

from pst_core._validation import aware, field_name, instance_of, non_empty, require_aware
from pst_core.calendar.durations import CalendarDays, CalendarMonths
from pst_core.errors import InvalidBillingCodeError, InvalidTypeError

__all__ = [
    "BILLING_CODE_DIGITS",
    "BILLING_CODE_VALIDITY",
    "BILLING_CODE_VALIDITY_SOURCE",
    "INVOICE_VALIDITY",
    "INVOICE_VALIDITY_SOURCE",
    "BillingCode",
    "CalendarValidity",
    "Invoice",
    "RuleSource",
    "expiry",
]

CalendarValidity: TypeAlias = CalendarDays | CalendarMonths
"""A validity counted on the wall calendar: days or months, never working time."""

BILLING_CODE_DIGITS = 15
"""A SIMPONI billing code has exactly this many decimal digits."""

INVOICE_VALIDITY = CalendarMonths(1)
"""How long a Silastik invoice stays valid after its creation."""

BILLING_CODE_VALIDITY = CalendarDays(7)
"""Default life of a SIMPONI billing code after issue (secondary source, unverified)."""


@attrs.frozen
class RuleSource:
    """Where a rule comes from and whether it was confirmed in a regulation or official page.

    Attributes:
        citation: The source, in words.
        verified: ``True`` when confirmed in law or on an official page; ``False``
            when taken from a secondary source and still to be confirmed.

    Examples:
        >>> BILLING_CODE_VALIDITY_SOURCE.verified
        False
    """

    citation: str = attrs.field(validator=[instance_of(str), non_empty])
    verified: bool = attrs.field(validator=instance_of(bool))


INVOICE_VALIDITY_SOURCE = RuleSource(
    "official BPS page on the online service (Silastik): the invoice is valid 1 month "
    "from creation",
    verified=True,
)
"""Source of :data:`INVOICE_VALIDITY`."""

BILLING_CODE_VALIDITY_SOURCE = RuleSource(
    "secondary source: a SIMPONI billing code has 15 digits and was observed to expire "
    "7 days after issue; not confirmed in a regulation or an official page",
    verified=False,
)
"""Source of :data:`BILLING_CODE_VALIDITY`; flagged unverified (DOMAIN.md §4)."""


def expiry(start: datetime, validity: CalendarValidity) -> datetime:
    """The instant ``validity`` after ``start``: same local wall-clock time, later date.

    Months are added as ``dateutil.relativedelta`` adds them (clipped to the end
    of a shorter month). The result keeps ``start``'s time zone.

    Raises:
        NaiveDatetimeError: ``start`` has no time zone.
        InvalidTypeError: ``validity`` is not :class:`CalendarDays` or :class:`CalendarMonths`.

    Examples:
        >>> from datetime import datetime, timezone
        >>> expiry(datetime(2024, 1, 31, 12, tzinfo=timezone.utc), CalendarMonths(1)).date()
        datetime.date(2024, 2, 29)
        >>> expiry(datetime(2024, 1, 31, 12, tzinfo=timezone.utc), CalendarDays(7)).date()
        datetime.date(2024, 2, 7)
    """
    require_aware(start, "start")
    if isinstance(validity, CalendarMonths):
        step = relativedelta(months=validity.n)
    elif isinstance(validity, CalendarDays):
        step = relativedelta(days=validity.n)
    else:
        raise InvalidTypeError("validity", validity, "CalendarDays or CalendarMonths")
    # Python adds to an aware datetime on its wall clock, keeping the zone: what we want.
    result: datetime = start + step
    return result


_calendar_validity = instance_of(
    CalendarDays, CalendarMonths, label="CalendarDays or CalendarMonths"
)


def _is_expired(expires: datetime, at: datetime) -> bool:
    return require_aware(at, "at") >= expires


@attrs.frozen
class Invoice:
    """A Silastik invoice for a paid request: valid 1 month from its creation.

    Attributes:
        created: When the invoice was created (timezone-aware).
        number: The invoice number, if known (free text).
        validity: How long it stays valid; 1 calendar month unless a rule says otherwise.

    Examples:
        >>> from datetime import datetime
        >>> from zoneinfo import ZoneInfo
        >>> inv = Invoice(datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta")))
        >>> inv.expires.isoformat()
        '2026-04-17T14:00:00+07:00'
        >>> inv.is_expired(datetime(2026, 4, 17, 13, 59, tzinfo=ZoneInfo("Asia/Jakarta")))
        False
        >>> Invoice(datetime(2026, 3, 17, 14, 0))
        Traceback (most recent call last):
        ...
        pst_core.errors.NaiveDatetimeError: Invoice.created: naive datetime ...
    """

    created: datetime = attrs.field(validator=aware)
    number: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(instance_of(str)), kw_only=True
    )
    validity: CalendarValidity = attrs.field(default=INVOICE_VALIDITY, validator=_calendar_validity)

    @property
    def expires(self) -> datetime:
        """The first instant at which the invoice is no longer valid.

        Examples:
            >>> from zoneinfo import ZoneInfo
            >>> created = datetime(2026, 3, 31, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))
            >>> Invoice(created).expires.isoformat()  # no April 31: clipped to April 30
            '2026-04-30T09:00:00+08:00'
        """
        return expiry(self.created, self.validity)

    def is_expired(self, at: datetime) -> bool:
        """Whether the invoice has expired at the aware instant ``at`` (expiry included).

        Examples:
            >>> from zoneinfo import ZoneInfo
            >>> wib = ZoneInfo("Asia/Jakarta")
            >>> invoice = Invoice(datetime(2026, 3, 17, 14, 0, tzinfo=wib))
            >>> invoice.is_expired(datetime(2026, 4, 17, 14, 0, tzinfo=wib))
            True
            >>> invoice.is_expired(datetime(2026, 4, 17, 13, 59, tzinfo=wib))
            False
        """
        return _is_expired(self.expires, at)


def _billing_code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    name = field_name(instance, attribute)
    if not isinstance(value, str):
        # An int would silently lose leading zeros.
        raise InvalidTypeError(name, value, f"a string of {BILLING_CODE_DIGITS} digits")
    if len(value) != BILLING_CODE_DIGITS or not (value.isascii() and value.isdigit()):
        raise InvalidBillingCodeError(
            name, value, f"exactly {BILLING_CODE_DIGITS} digits 0-9 (got {len(value)} characters)"
        )


@attrs.frozen
class BillingCode:
    """A SIMPONI billing code (*kode billing*): 15 digits, valid 7 days by default.

    The 7-day default is from a secondary source (see
    :data:`BILLING_CODE_VALIDITY_SOURCE`); pass ``validity`` when a unit's
    practice or a regulation says otherwise.

    Attributes:
        code: The 15 digits, as a string (leading zeros matter).
        issued: When the code was issued (timezone-aware).
        validity: How long the code can be paid with.

    Raises:
        InvalidBillingCodeError: ``code`` is not exactly 15 ASCII digits.

    Examples:
        >>> from datetime import datetime, timezone
        >>> issued = datetime(2026, 3, 2, 2, 0, tzinfo=timezone.utc)
        >>> BillingCode("012345678901234", issued, validity=CalendarDays(3)).expires.day
        5
        >>> BillingCode("12345", issued)
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidBillingCodeError: BillingCode.code: invalid value '12345'; ...
    """

    code: str = attrs.field(validator=_billing_code)
    issued: datetime = attrs.field(validator=aware)
    validity: CalendarValidity = attrs.field(
        default=BILLING_CODE_VALIDITY, validator=_calendar_validity
    )

    @property
    def expires(self) -> datetime:
        """The first instant at which the code can no longer be paid.

        Examples:
            >>> from zoneinfo import ZoneInfo
            >>> issued = datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> BillingCode("820260317000042", issued).expires.isoformat()
            '2026-03-24T14:00:00+07:00'
        """
        return expiry(self.issued, self.validity)

    def is_expired(self, at: datetime) -> bool:
        """Whether the code has expired at the aware instant ``at`` (expiry included).

        Examples:
            >>> from datetime import timezone
            >>> code = BillingCode("820260317000042", datetime(2026, 3, 17, 7, tzinfo=timezone.utc))
            >>> code.is_expired(datetime(2026, 3, 24, 6, 59, tzinfo=timezone.utc))
            False
            >>> code.is_expired(datetime(2026, 3, 24, 7, 0, tzinfo=timezone.utc))
            True
        """
        return _is_expired(self.expires, at)
