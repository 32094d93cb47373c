"""Checklists: a channel's requirements, and what a user has shown against them.

Evidence is a plain mapping keyed by requirement id. Each value is one of:

* ``True`` — provided (for a document: provided, expiry not recorded);
* ``False`` — not provided (the same as leaving the key out);
* a ``date`` — a document provided that is valid through that date (only for
  requirements that :attr:`~pst_core.standards.Requirement.can_expire`);
* an :class:`Evidence` — the same, spelled out.

A key that is not a requirement of the checklist is an
:class:`~pst_core.errors.InvalidEvidenceError`, never ignored: a typo must not
pass as a missing document.

``at`` is the day of the check: a ``date``, or a timezone-aware ``datetime``
whose own local date is used (a naive datetime is an error). A document whose
expiry date is before that day is *expired*; on its expiry day it still counts.

Examples:
    >>> from datetime import date
    >>> from pst_core.standards.model import Requirement
    >>> checklist = Checklist("contoh", "offline", (
    ...     Requirement("identity-card", "Memiliki kartu identitas yang masih berlaku",
    ...                 "A valid identity card", ("offline",), "identity_document"),
    ...     Requirement("email", "Email yang masih aktif", "An active e-mail address",
    ...                 ("offline",), "contact"),
    ... ))
    >>> result = checklist.evaluate({"identity-card": date(2026, 1, 31), "email": True},
    ...                             at=date(2026, 3, 17))
    >>> result.complete, [e.id for e in result.expired]
    (False, ['identity-card'])
    >>> print(result.describe("en"))
    Requirements for offline (contoh) on 2026-03-17: incomplete
    [expired 2026-01-31] A valid identity card
    [satisfied] An active e-mail address
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, Literal

import attrs

from pst_core._validation import instance_of, non_empty, one_of, require_aware, tuple_of
from pst_core.errors import InvalidEvidenceError, InvalidTypeError, InvalidValueError
from pst_core.standards.model import Channel, Requirement

__all__ = ["Checklist", "ChecklistEntry", "ChecklistResult", "Evidence", "EvidenceValue", "Status"]

Status = Literal["satisfied", "missing", "expired"]
"""How one requirement stands."""

_STATUS_ID: dict[str, str] = {
    "satisfied": "terpenuhi",
    "missing": "belum ada",
    "expired": "kedaluwarsa",
}
_COMPLETE = {"en": ("complete", "incomplete"), "id": ("lengkap", "belum lengkap")}


def _plain_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
        raise InvalidTypeError(f"{type(instance).__name__}.{attribute.name}", value, "date")


@attrs.frozen
class Evidence:
    """What a user has shown for one requirement.

    Attributes:
        provided: Whether it was shown at all.
        expires: The last day a document is valid, when it has one.

    Examples:
        >>> Evidence(expires=date(2030, 1, 1)).provided
        True
    """

    provided: bool = attrs.field(default=True, validator=instance_of(bool))
    expires: date | None = attrs.field(default=None, validator=_plain_date)


EvidenceValue = bool | date | Evidence
"""One value of an evidence mapping."""


@attrs.frozen
class ChecklistEntry:
    """One requirement of a checklist and how it stands.

    Examples:
        >>> r = Requirement("email", "Email yang masih aktif", "An active e-mail", ("online",),
        ...                 "contact")
        >>> entry = ChecklistEntry(r, "missing")
        >>> entry.label("id"), entry.label("en"), entry.status_label("id")
        ('Email yang masih aktif', 'An active e-mail', 'belum ada')
    """

    requirement: Requirement = attrs.field(validator=instance_of(Requirement))
    status: Status = attrs.field(validator=one_of(tuple(_STATUS_ID)))
    expires: date | None = attrs.field(default=None, validator=_plain_date)

    @property
    def id(self) -> str:
        """The requirement's id.

        Examples:
            >>> r = Requirement("email", "Email yang masih aktif", "An active e-mail",
            ...                 ("online",), "contact")
            >>> ChecklistEntry(r, "satisfied").id
            'email'
        """
        return self.requirement.id

    def label(self, language: Literal["id", "en"] = "id") -> str:
        """The requirement in Indonesian (as published) or English.

        Examples:
            >>> r = Requirement("email", "Email yang masih aktif", "An active e-mail",
            ...                 ("online",), "contact")
            >>> ChecklistEntry(r, "missing").label("en")
            'An active e-mail'
        """
        return (
            self.requirement.text_id if _language(language) == "id" else self.requirement.label_en
        )

    def status_label(self, language: Literal["id", "en"] = "id") -> str:
        """The status in Indonesian (``"kedaluwarsa"``) or English (``"expired"``).

        Examples:
            >>> r = Requirement("ktp", "KTP yang masih berlaku", "A valid identity card",
            ...                 ("offline",), "identity_document")
            >>> entry = ChecklistEntry(r, "expired", date(2026, 1, 31))
            >>> entry.status_label("id"), entry.status_label("en")
            ('kedaluwarsa', 'expired')
        """
        return _STATUS_ID[self.status] if _language(language) == "id" else self.status


def _language(language: object) -> str:
    if language not in ("id", "en"):
        raise InvalidValueError("language", language, ("id", "en"))
    return str(language)


@attrs.frozen
class ChecklistResult:
    """The outcome of :meth:`Checklist.evaluate`.

    Attributes:
        checklist: The checklist evaluated.
        at: The day of the check.
        entries: One entry per requirement, in the checklist's order.

    Examples:
        >>> from pst_core.standards import catalog
        >>> checklist = catalog()["bengkulu-penjualan"].checklist("offline")
        >>> result = checklist.evaluate({"identity-card": date(2027, 1, 1)}, at=date(2026, 3, 17))
        >>> result.complete, [e.id for e in result.satisfied], [e.id for e in result.missing]
        (False, ['identity-card'], ['email'])
    """

    checklist: Checklist
    at: date
    entries: tuple[ChecklistEntry, ...] = attrs.field(validator=tuple_of(ChecklistEntry))

    def _with(self, status: Status) -> tuple[ChecklistEntry, ...]:
        return tuple(e for e in self.entries if e.status == status)

    @property
    def satisfied(self) -> tuple[ChecklistEntry, ...]:
        """Requirements met.

        Examples:
            >>> from pst_core.standards import catalog
            >>> checklist = catalog()["bengkulu-penjualan"].checklist("online")
            >>> result = checklist.evaluate({"email": True}, at=date(2026, 3, 17))
            >>> [e.label("en") for e in result.satisfied]
            ['An active e-mail address']
        """
        return self._with("satisfied")

    @property
    def missing(self) -> tuple[ChecklistEntry, ...]:
        """Requirements not shown.

        Examples:
            >>> from pst_core.standards import catalog
            >>> checklist = catalog()["sumsel-konsultasi"].checklist("online")
            >>> [e.id for e in checklist.evaluate({"account": True}, at=date(2026, 3, 17)).missing]
            ['request-online']
        """
        return self._with("missing")

    @property
    def expired(self) -> tuple[ChecklistEntry, ...]:
        """Documents shown whose expiry date is before :attr:`at`.

        Examples:
            >>> from pst_core.standards import catalog
            >>> checklist = catalog()["bengkulu-penjualan"].checklist("offline")
            >>> result = checklist.evaluate({"identity-card": date(2026, 3, 16), "email": True},
            ...                             at=date(2026, 3, 17))
            >>> [(e.id, e.expires) for e in result.expired]
            [('identity-card', datetime.date(2026, 3, 16))]
        """
        return self._with("expired")

    @property
    def complete(self) -> bool:
        """True when every requirement is satisfied.

        Examples:
            >>> from pst_core.standards import catalog
            >>> checklist = catalog()["bengkulu-penjualan"].checklist("offline")
            >>> checklist.evaluate({"identity-card": True, "email": True},
            ...                    at=date(2026, 3, 17)).complete
            True
        """
        return all(e.status == "satisfied" for e in self.entries)

    def describe(self, language: Literal["id", "en"] = "id") -> str:
        """A short report, one line per requirement, in Indonesian or English.

        Examples:
            >>> r = Requirement("email", "Email yang masih aktif", "An active e-mail",
            ...                 ("online",), "contact")
            >>> result = Checklist("x", "online", (r,)).evaluate({}, at=date(2026, 3, 17))
            >>> print(result.describe("id"))
            Persyaratan online (x) per 2026-03-17: belum lengkap
            [belum ada] Email yang masih aktif
        """
        lang = _language(language)
        verdict = _COMPLETE[lang][0 if self.complete else 1]
        checklist = self.checklist
        if lang == "id":
            channel = checklist.channel.label_id
            head = f"Persyaratan {channel} ({checklist.standard_id}) per {self.at}: {verdict}"
        else:
            channel = checklist.channel.value
            head = f"Requirements for {channel} ({checklist.standard_id}) on {self.at}: {verdict}"
        lines = [head]
        for entry in self.entries:
            status = entry.status_label(language)
            if entry.status == "expired":
                status += f" {entry.expires}"
            lines.append(f"[{status}] {entry.label(language)}")
        return "\n".join(lines)


def _day(at: object) -> date:
    if isinstance(at, datetime):
        return require_aware(at, "at").date()
    if isinstance(at, date):
        return at
    raise InvalidTypeError("at", at, "date or timezone-aware datetime")


def _channel(value: object) -> Channel:
    return Channel.coerce(value)


@attrs.frozen
class Checklist:
    """The requirements of one channel of a standard, ready to be checked off.

    Build it with :meth:`ServiceStandard.checklist <pst_core.standards.ServiceStandard.checklist>`.

    Attributes:
        standard_id: The standard it comes from.
        channel: The channel.
        items: The requirements, in published order.

    Examples:
        >>> from pst_core.standards import catalog
        >>> checklist = catalog()["bangka-selatan-konsultasi"].checklist("online")
        >>> checklist.channel, checklist.ids
        (<Channel.ONLINE: 'online'>, ('email-online', 'account', 'request-online'))
    """

    standard_id: str = attrs.field(validator=[instance_of(str), non_empty])
    channel: Channel = attrs.field(converter=_channel)
    items: tuple[Requirement, ...] = attrs.field(validator=tuple_of(Requirement))

    @property
    def ids(self) -> tuple[str, ...]:
        """The requirement ids, in order.

        Examples:
            >>> from pst_core.standards import catalog
            >>> catalog()["sumsel-konsultasi"].checklist("offline").ids
            ('visit', 'email', 'guest-book', 'request-at-desk')
        """
        return tuple(r.id for r in self.items)

    def evaluate(
        self, evidence: Mapping[str, EvidenceValue], *, at: date | datetime
    ) -> ChecklistResult:
        """Check ``evidence`` against the requirements on the day ``at``.

        Raises:
            InvalidEvidenceError: a key that is not a requirement of this checklist.
            InvalidTypeError: a value that is not ``bool``, ``date`` or :class:`Evidence`,
                or ``at`` that is neither a date nor a datetime.
            InvalidValueError: an expiry date for a requirement that cannot expire.
            NaiveDatetimeError: ``at`` is a naive datetime.

        Examples:
            >>> r = Requirement("email", "Email yang masih aktif", "An active e-mail",
            ...                 ("online",), "contact")
            >>> Checklist("x", "online", (r,)).evaluate({"e-mail": True}, at=date(2026, 3, 17))
            Traceback (most recent call last):
            ...
            pst_core.errors.InvalidEvidenceError: evidence names 'e-mail', which is not a ...
        """
        day = _day(at)
        if not isinstance(evidence, Mapping):
            raise InvalidTypeError("evidence", evidence, "a mapping of requirement id to evidence")
        by_id = {r.id: r for r in self.items}
        for key in evidence:
            if key not in by_id:
                close = difflib.get_close_matches(str(key), list(by_id), n=3)
                hint = f"; did you mean: {', '.join(close)}?" if close else ""
                raise InvalidEvidenceError(
                    f"evidence names {key!r}, which is not a requirement of the {self.channel} "
                    f"checklist of {self.standard_id}{hint} allowed: {', '.join(self.ids)}",
                    value=key,
                )
        return ChecklistResult(
            self, day, tuple(_entry(r, evidence.get(r.id, False), day) for r in self.items)
        )


def _entry(requirement: Requirement, value: object, day: date) -> ChecklistEntry:
    field = f"evidence[{requirement.id!r}]"
    if isinstance(value, bool):
        item = Evidence(provided=value)
    elif isinstance(value, datetime):
        raise InvalidTypeError(field, value, "True, False, a date or Evidence (not a datetime)")
    elif isinstance(value, date):
        item = Evidence(expires=value)
    elif isinstance(value, Evidence):
        item = value
    else:
        raise InvalidTypeError(field, value, "True, False, a date or Evidence")
    if item.expires is not None and not requirement.can_expire:
        raise InvalidValueError(
            field,
            item.expires,
            f"True or False: {requirement.kind} requirement {requirement.id!r} has no expiry date",
        )
    if not item.provided:
        return ChecklistEntry(requirement, "missing")
    if item.expires is not None and item.expires < day:
        return ChecklistEntry(requirement, "expired", item.expires)
    return ChecklistEntry(requirement, "satisfied", item.expires)
