"""Invoice and billing-code validity: the clocks of a paid request after it is complete.

Two documents carry a deadline once a paid request is declared complete:

* the Silastik **invoice** (*invoice*), valid **1 month** from its creation
  (confirmed on an official BPS page);
* the SIMPONI **billing code** (*kode billing*), a string of exactly 15 digits,
  which expires **7 days** after issue by default. Both facts come from a
  secondary source only, so they are flagged ``verified=False`` in
  `BILLING_CODE_VALIDITY_SOURCE`, and the period can be changed per code.

Both validities are calendar durations added on the wall clock by `expiry`,
pst_core's one implementation of calendar-day and calendar-month arithmetic
(the same local time n days or months later; a month from Jan 31 is Feb 28/29).
Every instant must be timezone-aware. ``describe(language, at=...)`` says
whether a document is still valid, in Indonesian or English.

Examples:
    >>> wib = ZoneInfo("Asia/Jakarta")
    >>> invoice = Invoice(created=datetime(2026, 1, 31, 10, 0, tzinfo=wib))
    >>> invoice.expires
    datetime.datetime(2026, 2, 28, 10, 0, tzinfo=zoneinfo.ZoneInfo(key='Asia/Jakarta'))
    >>> code = BillingCode("820260131000123", issued=datetime(2026, 2, 2, 9, 0, tzinfo=wib))
    >>> code.expires.isoformat()
    '2026-02-09T09:00:00+07:00'
    >>> code.is_expired(datetime(2026, 2, 9, 9, 0, tzinfo=wib))
    True
    >>> print(code.describe("id", at=datetime(2026, 2, 3, 9, 0, tzinfo=wib)))
    Kode billing 820260131000123 terbit 2026-02-02 09:00 WIB, berlaku sampai 2026-02-09 09:00 WIB
    (masa berlaku dari sumber sekunder, belum dikonfirmasi)
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, TypeAlias
from zoneinfo import ZoneInfo

import attrs

from pst_core._validation import aware, field_name, instance_of, non_empty, require_aware
from pst_core.calendar.durations import CalendarDays, CalendarMonths
from pst_core.calendar.zones import PROVINCES
from pst_core.errors import InvalidBillingCodeError, InvalidTypeError, Phrase
from pst_core.i18n import Language, check_language, text

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
"""Source of `INVOICE_VALIDITY`."""

BILLING_CODE_VALIDITY_SOURCE = RuleSource(
    "secondary source: a SIMPONI billing code has 15 digits and was observed to expire "
    "7 days after issue; not confirmed in a regulation or an official page",
    verified=False,
)
"""Source of `BILLING_CODE_VALIDITY`; flagged unverified (DOMAIN.md §4)."""


def expiry(start: datetime, validity: CalendarValidity) -> datetime:
    """The instant ``validity`` after ``start``: the same wall-clock time, n days or months on.

    The arithmetic is the calendar's one implementation (`CalendarDays.after`,
    `CalendarMonths.after`): months clipped to the end of a shorter month, gaps
    and folds resolved as documented there, instants compared in absolute time.

    Raises:
        NaiveDatetimeError: ``start`` has no time zone.
        InvalidTypeError: ``validity`` is not `CalendarDays` or `CalendarMonths`.
        InvalidValueError: the result would fall after the year 9999.

    Examples:
        >>> expiry(datetime(2024, 1, 31, 12, tzinfo=timezone.utc), CalendarMonths(1)).date()
        datetime.date(2024, 2, 29)
    """
    require_aware(start, "start")
    if not isinstance(validity, (CalendarDays, CalendarMonths)):
        raise InvalidTypeError("validity", validity, (CalendarDays, CalendarMonths))
    return validity.after(start)


_ZONE_LABELS = {province.timezone: province.zone_label for province in PROVINCES.values()}


def _shown(instant: datetime) -> str:
    """``2026-03-17 14:00 WIB`` (the zone's Indonesian name, else its UTC offset)."""
    zone = instant.tzinfo
    label = _ZONE_LABELS.get(zone.key) if isinstance(zone, ZoneInfo) else None
    return instant.strftime("%Y-%m-%d %H:%M ") + (label or instant.strftime("UTC%z"))


_calendar_validity = instance_of(CalendarDays, CalendarMonths)


class _Validity:
    """What a document valid for a calendar period from its ``start`` knows of its expiry."""

    __slots__ = ()

    validity: CalendarValidity

    @property
    def start(self) -> datetime:
        raise NotImplementedError

    @property
    def expires(self) -> datetime:
        """The first instant at which it is no longer valid: ``validity`` after ``start``."""
        return expiry(self.start, self.validity)

    def is_expired(self, at: datetime) -> bool:
        """Whether it has expired at the aware instant ``at`` (its expiry included)."""
        # Absolute time: two instants sharing a tzinfo would otherwise compare by wall clock.
        moment = require_aware(at, "at").astimezone(timezone.utc)
        return moment >= self.expires.astimezone(timezone.utc)

    def _status(self, at: datetime | None, language: Language) -> str:
        """Until when it is valid or, when ``at`` is past its expiry, since when it has expired."""
        key = "expired" if at is not None and self.is_expired(at) else "valid_until"
        return text(f"tariffs.billing.{key}", language, expires=_shown(self.expires))


@attrs.frozen
class Invoice(_Validity):
    """A Silastik invoice for a paid request: valid 1 month from its creation.

    Attributes:
        created: When the invoice was created (timezone-aware).
        number: The invoice number, if known (free text).
        validity: How long it stays valid; 1 calendar month unless a rule says otherwise.

    Examples:
        >>> inv = Invoice(datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta")))
        >>> inv.expires.isoformat()
        '2026-04-17T14:00:00+07:00'
        >>> print(inv.describe(at=datetime(2026, 4, 18, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))))
        Invoice created 2026-03-17 14:00 WIB, expired since 2026-04-17 14:00 WIB
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
    def start(self) -> datetime:
        """When the invoice's validity starts: its creation."""
        return self.created

    def describe(self, language: Language = "en", *, at: datetime | None = None) -> str:
        """The invoice for a person: when it was created and until when it is valid.

        With ``at``, an invoice already past its expiry is said to have expired.
        """
        number = f"{self.number} " if self.number else ""
        head = text(
            "tariffs.billing.invoice",
            check_language(language),
            number=number,
            created=_shown(self.created),
        )
        return f"{head}, {self._status(at, language)}"


def _billing_code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    name = field_name(instance, attribute)
    if not isinstance(value, str):
        # An int would silently lose leading zeros.
        expected = Phrase("tariffs.error.billing_code_text", digits=BILLING_CODE_DIGITS)
        raise InvalidTypeError(name, value, expected)
    if len(value) != BILLING_CODE_DIGITS or not (value.isascii() and value.isdigit()):
        allowed = Phrase(
            "tariffs.error.billing_code_digits", digits=BILLING_CODE_DIGITS, length=len(value)
        )
        raise InvalidBillingCodeError(name, value, allowed)


@attrs.frozen
class BillingCode(_Validity):
    """A SIMPONI billing code (*kode billing*): 15 digits, valid 7 days by default.

    The 7-day default is from a secondary source (see
    `BILLING_CODE_VALIDITY_SOURCE`); pass ``validity`` when a unit's
    practice or a regulation says otherwise.

    Attributes:
        code: The 15 digits, as a string (leading zeros matter).
        issued: When the code was issued (timezone-aware).
        validity: How long the code can be paid with.

    Raises:
        InvalidBillingCodeError: ``code`` is not exactly 15 ASCII digits.

    Examples:
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
    def start(self) -> datetime:
        """When the code's validity starts: its issue."""
        return self.issued

    def describe(self, language: Language = "en", *, at: datetime | None = None) -> str:
        """The code for a person: when it was issued, until when it can be paid.

        With ``at``, a code already past its expiry is said to have expired; a
        validity from a secondary source says so on a second line.
        """
        head = text(
            "tariffs.billing.code",
            check_language(language),
            code=self.code,
            issued=_shown(self.issued),
        )
        out = f"{head}, {self._status(at, language)}"
        if self.validity == BILLING_CODE_VALIDITY and not BILLING_CODE_VALIDITY_SOURCE.verified:
            out += f"\n({text('tariffs.billing.unverified', language)})"
        return out
