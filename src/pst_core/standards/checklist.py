"""Checklists: a channel's requirements, and what a user has shown against them.

Evidence is a plain mapping keyed by requirement id. Each value is one of:

* ``True``: provided (for a document: provided, expiry not recorded);
* ``False``: not provided (the same as leaving the key out);
* a ``date``: a document provided that is valid through that date (only for
  requirements that `Requirement.can_expire`);
* an `Evidence`: the same, spelled out.

A key that is not a requirement of the checklist is an `InvalidEvidenceError`,
never ignored: a typo must not pass as a missing document.

``at`` is the day of the check: a ``date``, or a timezone-aware ``datetime``
whose own local date is used (a naive datetime is an error). A document whose
expiry date is before that day is *expired*; on its expiry day it still counts.

Examples:
    >>> from datetime import date
    >>> from pst_core.standards import Requirement
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
    Requirements for direct visit (contoh) on 2026-03-17: incomplete
    [expired 2026-01-31] A valid identity card
    [satisfied] An active e-mail address
    >>> print(result.describe("id"))
    Persyaratan kunjungan langsung (contoh) per 2026-03-17: belum lengkap
    [kedaluwarsa 2026-01-31] Memiliki kartu identitas yang masih berlaku
    [terpenuhi] Email yang masih aktif
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from datetime import date, datetime
from typing import Literal

import attrs

from pst_core._display import html_section, html_table, short
from pst_core._validation import (
    instance_of,
    non_empty,
    one_of_literal,
    plain_date,
    require_day,
    tuple_of,
)
from pst_core.errors import (
    InvalidEvidenceError,
    InvalidTypeError,
    InvalidValueError,
    Phrase,
    show_value,
)
from pst_core.i18n import Language, check_language, display_language, text
from pst_core.standards.components import Requirement
from pst_core.standards.vocabulary import Channel, term

__all__ = [
    "Checklist",
    "ChecklistEntry",
    "ChecklistResult",
    "Evidence",
    "EvidenceValue",
    "RequirementStatus",
]

RequirementStatus = Literal["satisfied", "missing", "expired"]
"""How one requirement of a checklist stands: satisfied, missing, or shown but expired."""

_optional_day = attrs.validators.optional(plain_date)


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
    expires: date | None = attrs.field(default=None, validator=_optional_day)


EvidenceValue = bool | date | Evidence
"""One value of an evidence mapping."""


@attrs.frozen
class ChecklistEntry:
    """One requirement of a checklist and how it stands.

    Examples:
        >>> r = Requirement("ktp", "KTP yang masih berlaku", "A valid identity card",
        ...                 ("offline",), "identity_document")
        >>> entry = ChecklistEntry(r, "expired", date(2026, 1, 31))
        >>> entry.id, entry.describe("id"), entry.describe("en")
        ('ktp', '[kedaluwarsa 2026-01-31] KTP yang masih berlaku',
         '[expired 2026-01-31] A valid identity card')
    """

    requirement: Requirement = attrs.field(validator=instance_of(Requirement))
    status: RequirementStatus = attrs.field(validator=one_of_literal(RequirementStatus))
    expires: date | None = attrs.field(default=None, validator=_optional_day)

    @property
    def id(self) -> str:
        """The requirement's id."""
        return self.requirement.id

    def _status_text(self, language: Language) -> str:
        if self.status == "expired":
            return text("standards.status.expired_on", language, day=self.expires)
        return text(f"standards.status.{self.status}", language)

    def describe(self, language: Language = "en") -> str:
        """The status and the requirement, in ``language``."""
        lang = check_language(language)
        return text(
            "standards.checklist.entry",
            lang,
            status=self._status_text(lang),
            requirement=self.requirement.describe(lang),
        )


@attrs.frozen
class ChecklistResult:
    """The outcome of `Checklist.evaluate`.

    Attributes:
        checklist: The checklist evaluated.
        at: The day of the check.
        entries: One entry per requirement, in the checklist's order.

    Examples:
        >>> from pst_core.standards import catalog
        >>> checklist = catalog().standard("bengkulu-penjualan").checklist("offline")
        >>> result = checklist.evaluate({"identity-card": date(2027, 1, 1)}, at=date(2026, 3, 17))
        >>> result.complete, [e.id for e in result.satisfied], [e.id for e in result.missing]
        (False, ['identity-card'], ['email'])
    """

    checklist: Checklist
    at: date
    entries: tuple[ChecklistEntry, ...] = attrs.field(validator=tuple_of(ChecklistEntry))

    def _with(self, status: RequirementStatus) -> tuple[ChecklistEntry, ...]:
        return tuple(e for e in self.entries if e.status == status)

    @property
    def satisfied(self) -> tuple[ChecklistEntry, ...]:
        """Requirements met."""
        return self._with("satisfied")

    @property
    def missing(self) -> tuple[ChecklistEntry, ...]:
        """Requirements not shown."""
        return self._with("missing")

    @property
    def expired(self) -> tuple[ChecklistEntry, ...]:
        """Documents shown whose expiry date is before `at`."""
        return self._with("expired")

    @property
    def complete(self) -> bool:
        """True when every requirement is satisfied."""
        return all(e.status == "satisfied" for e in self.entries)

    def describe(self, language: Language = "en") -> str:
        """A short report, one line per requirement, in ``language``."""
        lang = check_language(language)
        checklist = self.checklist
        head = text(
            "standards.checklist.head",
            lang,
            channel=term("channel", checklist.channel, lang),
            standard=checklist.standard_id,
            day=self.at,
            verdict=text(
                f"standards.checklist.{'complete' if self.complete else 'incomplete'}", lang
            ),
        )
        return "\n".join([head, *(entry.describe(lang) for entry in self.entries)])

    def __repr__(self) -> str:
        return (
            f"ChecklistResult(standard={short(self.checklist.standard_id)}, "
            f"channel={self.checklist.channel!r}, at={self.at.isoformat()}, "
            f"complete={self.complete}, satisfied={len(self.satisfied)}, "
            f"missing={len(self.missing)}, expired={len(self.expired)})"
        )

    def _html(self, language: Language) -> str:
        """The verdict line, then a table of each requirement and how it stands."""
        lang = check_language(language)
        head = self.describe(lang).splitlines()[0]
        table = html_table(
            [text("standards.display.status", lang), text("standards.display.requirement", lang)],
            [[e._status_text(lang), e.requirement.describe(lang)] for e in self.entries],
        )
        return html_section(head, table)

    def to_html(self, language: Language | None = None) -> str:
        """What a notebook shows, as HTML in ``language`` (default: the display language,
        `pst_core.i18n.display_language`, set with ``pst_core.set_option``)."""
        return self._html(display_language() if language is None else check_language(language))

    def _repr_html_(self) -> str:
        return self.to_html()


@attrs.frozen
class Checklist:
    """The requirements of one channel of a standard, ready to be checked off.

    Build it with `ServiceStandard.checklist`.

    Attributes:
        standard_id: The standard it comes from.
        channel: The channel.
        items: The requirements, in published order.

    Examples:
        >>> from pst_core.standards import catalog
        >>> checklist = catalog().standard("bangka-selatan-konsultasi").checklist("online")
        >>> checklist.channel, checklist.ids
        ('online', ('email-online', 'account', 'request-online'))
    """

    standard_id: str = attrs.field(validator=[instance_of(str), non_empty])
    channel: Channel = attrs.field(validator=one_of_literal(Channel))
    items: tuple[Requirement, ...] = attrs.field(validator=tuple_of(Requirement))

    @property
    def ids(self) -> tuple[str, ...]:
        """The requirement ids, in order."""
        return tuple(r.id for r in self.items)

    def evaluate(
        self, evidence: Mapping[str, EvidenceValue], *, at: date | datetime
    ) -> ChecklistResult:
        """Check ``evidence`` against the requirements on the day ``at``.

        Raises:
            InvalidEvidenceError: a key that is not a requirement of this checklist.
            InvalidTypeError: a value that is not ``bool``, ``date`` or `Evidence`,
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
        day = require_day(at, "at")
        if not isinstance(evidence, Mapping):
            raise InvalidTypeError("evidence", evidence, Phrase("standards.error.evidence_mapping"))
        by_id = {r.id: r for r in self.items}
        for key in evidence:
            if key not in by_id:
                close = tuple(difflib.get_close_matches(str(key), list(by_id), n=3))
                message = Phrase(
                    "standards.error.unknown_evidence",
                    key=show_value(key),
                    channel=self.channel,
                    standard=self.standard_id,
                    suggestions=Phrase("errors.unknown_name_suggestions", names=close)
                    if close
                    else "",
                    allowed=self.ids,
                )
                raise InvalidEvidenceError(message, value=key)
        return ChecklistResult(
            self, day, tuple(_entry(r, evidence.get(r.id, False), day) for r in self.items)
        )


def _entry(requirement: Requirement, value: object, day: date) -> ChecklistEntry:
    field = f"evidence[{requirement.id!r}]"
    if isinstance(value, bool):
        item = Evidence(provided=value)
    elif isinstance(value, datetime):
        raise InvalidTypeError(field, value, Phrase("standards.error.evidence_not_datetime"))
    elif isinstance(value, date):
        item = Evidence(expires=value)
    elif isinstance(value, Evidence):
        item = value
    else:
        raise InvalidTypeError(field, value, Phrase("standards.error.evidence_value"))
    if item.expires is not None and not requirement.can_expire:
        raise InvalidValueError(
            field,
            item.expires,
            Phrase(
                "standards.error.no_expiry",
                kind=Phrase(f"standards.requirement_kind.{requirement.kind}"),
                id=show_value(requirement.id),
            ),
        )
    if not item.provided:
        return ChecklistEntry(requirement, "missing")
    if item.expires is not None and item.expires < day:
        return ChecklistEntry(requirement, "expired", item.expires)
    return ChecklistEntry(requirement, "satisfied", item.expires)
