"""The components a published service standard is made of, and the parts an SOP shares.

PermenPAN-RB 15/2014 gives a standard fourteen components. The six *service
delivery* components, the ones published to users, are structured here:
requirements (`Requirement`), procedure (a `Procedure` of numbered
steps, `ProcedureStep`), completion time (`CompletionTime`), fee (`Fee`),
products (`Product`) and complaint handling (`ComplaintChannel`). The eight
*management* components are kept as published text in `Management`; the
documents in the catalog do not publish them, so there they are empty rather
than invented. The publishing `Office` and the numbered `Step` with its
`Decision` are shared with the SOP (`pst_core.standards.sop`).

Text fields hold the published Indonesian text exactly as published, defects
included, so that the linter can see them (`text`, `question`, `label`...);
an English counterpart, where the model has one, is the same name with
``_en``. The closed vocabularies are in `pst_core.standards.vocabulary`.

Examples:
    >>> from pst_core.calendar.durations import WorkingDays
    >>> online = CompletionTime("online", WorkingDays(3), "not_stated",
    ...                         inactivity=InactivityRule(WorkingDays(3), "portal"))
    >>> str(online.duration), online.inactivity.closed_by
    ('3 working days', 'portal')
    >>> Requirement("account", "Memiliki akun pada portal pst.bps.go.id",
    ...             "An account on pst.bps.go.id", ("online",), "account").describe("id")
    'Memiliki akun pada portal pst.bps.go.id'
"""

from __future__ import annotations

from typing import Any

import attrs

from pst_core._validation import (
    at_least,
    field_name,
    instance_of,
    one_of_literal,
    tuple_of,
    tuple_of_literal,
)
from pst_core.calendar.durations import Duration
from pst_core.errors import InvalidValueError, Phrase
from pst_core.i18n import Language, check_language, text
from pst_core.standards._fields import (
    any_duration,
    at_least_one,
    identifier,
    non_blank_text,
    optional_duration,
    optional_text,
    text_tuple,
)
from pst_core.standards.vocabulary import (
    Actor,
    Channel,
    ClockStart,
    ClosedBy,
    ComplaintKind,
    FeeKind,
    OfficeLevel,
    RequirementKind,
    term,
)

__all__ = [
    "Branch",
    "ComplaintChannel",
    "CompletionTime",
    "Decision",
    "Fee",
    "InactivityRule",
    "Management",
    "Office",
    "Procedure",
    "ProcedureStep",
    "Product",
    "Requirement",
    "Step",
    "numbered_steps",
]


@attrs.frozen
class Office:
    """The BPS office that publishes a standard or an SOP.

    Attributes:
        name: As published, e.g. ``"BPS Provinsi Bengkulu"``.
        level: ``"province"``, ``"regency"`` or ``"city"`` (see `OfficeLevel`).
        province: The province it is in (gives the time zone), e.g. ``"Bengkulu"``.
        address: Postal address as published.
        phone: Phone number as published.
        email: E-mail address.
        website: Website as published.

    Examples:
        >>> office = Office("BPS Kabupaten Bengkalis", "regency", "Riau")
        >>> office.level, office.describe("id")
        ('regency', 'BPS Kabupaten Bengkalis (kabupaten, Riau)')
    """

    name: str = attrs.field(validator=non_blank_text)
    level: OfficeLevel = attrs.field(validator=one_of_literal(OfficeLevel))
    province: str = attrs.field(validator=non_blank_text)
    address: str | None = attrs.field(default=None, validator=optional_text)
    phone: str | None = attrs.field(default=None, validator=optional_text)
    email: str | None = attrs.field(default=None, validator=optional_text)
    website: str | None = attrs.field(default=None, validator=optional_text)

    def describe(self, language: Language = "en") -> str:
        """The office's name, level and province."""
        return f"{self.name} ({term('office_level', self.level, language)}, {self.province})"


@attrs.frozen
class Requirement:
    """One requirement (*persyaratan*) of a service.

    Attributes:
        id: Stable identifier within the standard, e.g. ``"identity-card"``.
        text: The Indonesian text as published.
        text_en: The same in English.
        channels: The channels it applies to.
        kind: What it asks for (see `RequirementKind`).

    Examples:
        >>> r = Requirement("email", "Email yang masih aktif", "An active e-mail address",
        ...                 ("offline", "online"), "contact")
        >>> r.channels, r.can_expire
        (('offline', 'online'), False)
        >>> r.describe("id"), r.describe("en")
        ('Email yang masih aktif', 'An active e-mail address')
    """

    id: str = attrs.field(validator=identifier)
    text: str = attrs.field(validator=non_blank_text)
    text_en: str = attrs.field(validator=non_blank_text)
    channels: tuple[Channel, ...] = attrs.field(validator=tuple_of_literal(Channel))
    kind: RequirementKind = attrs.field(validator=one_of_literal(RequirementKind))

    @property
    def can_expire(self) -> bool:
        """True for documents (an identity card, a letter) that carry an expiry date."""
        return self.kind in ("identity_document", "document", "letter")

    def describe(self, language: Language = "en") -> str:
        """The requirement as published (``"id"``) or in English (``"en"``)."""
        return self.text if check_language(language) == "id" else self.text_en


@attrs.frozen
class Branch:
    """One way out of a decision.

    Attributes:
        condition: The condition as published (``"ya"``, ``"informasi tidak diperoleh"``).
        outcome: What happens then, as published.
        goto: The number of the step it leads to, when the document says so.

    Examples:
        >>> Branch("belum lengkap", "petugas layanan meminta ... melengkapi ulang", goto=6).goto
        6
    """

    condition: str = attrs.field(validator=non_blank_text)
    outcome: str = attrs.field(validator=non_blank_text)
    goto: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(instance_of(int))
    )


@attrs.frozen
class Decision:
    """A decision inside a step: its branches and, when published, its question.

    Examples:
        >>> d = Decision((Branch("informasi tidak diperoleh", "membuat transaksi"),))
        >>> d.question is None, len(d.branches)
        (True, 1)
    """

    branches: tuple[Branch, ...] = attrs.field(validator=[tuple_of(Branch), at_least_one])
    question: str | None = attrs.field(default=None, validator=optional_text)


@attrs.frozen
class Step:
    """One numbered step of a published procedure: what every kind of step has.

    `ProcedureStep` (a standard's procedure) and `SopStep` (an SOP, which adds
    a quality standard and a note) are the kinds documents hold.

    Attributes:
        number: The number the document gives it.
        text: The text as published.
        actor: Who performs it (see `Actor`).
        decision: The decision in this step, where the document has one.
    """

    number: int = attrs.field(validator=[instance_of(int), at_least(1)])
    text: str = attrs.field(validator=non_blank_text)
    actor: Actor = attrs.field(validator=one_of_literal(Actor))
    decision: Decision | None = attrs.field(
        default=None, validator=attrs.validators.optional(instance_of(Decision))
    )


@attrs.frozen
class ProcedureStep(Step):
    """One numbered step of a standard's procedure (*sistem, mekanisme dan prosedur*).

    Its fields are those of every `Step`: number, text, actor and decision.

    Examples:
        >>> ProcedureStep(2, "Pengguna layanan mengisi buku tamu", "user").actor
        'user'
    """


def numbered_steps(kind: type[Step]) -> Any:
    """attrs validator: a tuple of ``kind`` numbered in increasing order, every branch
    going to one of its steps."""
    items = tuple_of(kind)

    def validate(instance: object, attribute: attrs.Attribute[Any], steps: Any) -> None:
        items(instance, attribute, steps)
        numbers = [step.number for step in steps]
        name = field_name(instance, attribute)
        if numbers != sorted(set(numbers)):
            raise InvalidValueError(name, numbers, Phrase("standards.error.step_order"))
        for index, step in enumerate(steps):
            for branch in step.decision.branches if step.decision else ():
                if branch.goto is not None and branch.goto not in numbers:
                    raise InvalidValueError(
                        f"{name}[{index}].decision.goto",
                        branch.goto,
                        Phrase("standards.error.step_number", numbers=numbers),
                    )

    return validate


@attrs.frozen
class Procedure:
    """The ordered steps of one channel.

    Examples:
        >>> step = ProcedureStep(1, "Pengguna layanan mengisi buku tamu", "user")
        >>> p = Procedure("offline", (step,))
        >>> p.channel, [s.number for s in p.steps]
        ('offline', [1])
    """

    channel: Channel = attrs.field(validator=one_of_literal(Channel))
    steps: tuple[ProcedureStep, ...] = attrs.field(validator=numbered_steps(ProcedureStep))


@attrs.frozen
class InactivityRule:
    """An online case is closed when the user does not respond for a while.

    Attributes:
        duration: How long without a response.
        closed_by: ``"portal"`` (automatic) or ``"officer"`` (see `ClosedBy`).
        text: The rule as published.

    Examples:
        >>> from pst_core.calendar.durations import CalendarDays
        >>> str(InactivityRule(CalendarDays(7), "officer").duration)
        '7 calendar days'
    """

    duration: Duration = attrs.field(validator=any_duration)
    closed_by: ClosedBy = attrs.field(validator=one_of_literal(ClosedBy))
    text: str | None = attrs.field(default=None, validator=optional_text)


@attrs.frozen
class CompletionTime:
    """The completion time (*jangka waktu penyelesaian*) of one channel.

    Attributes:
        channel: The channel.
        duration: The time allowed.
        clock_start: What starts the clock, as a key of `ClockStart`
            (``"not_stated"`` when the document does not say).
        clock_starts: The clause that says when the clock starts, as published.
        text: The whole sentence as published.
        max_service: The longest one service may last, when stated.
        max_service_text: The clause that states it, as published (it may say
            more than the duration: "Lama layanan maksimal 2 jam atau sesuai
            kebutuhan pengguna").
        inactivity: When an unanswered case is closed, when stated.

    `describe` in Indonesian says the document's own clauses (``clock_starts``,
    ``max_service_text``) where it has them; in English it translates the rule
    and quotes the published limit clause.

    Examples:
        >>> from pst_core.calendar.durations import WorkingTime
        >>> c = CompletionTime("offline", WorkingTime(10), "after_guest_book",
        ...                    clock_starts="sejak selesai mengisi buku tamu")
        >>> c.clock_start, str(c.duration)
        ('after_guest_book', '10 minutes')
        >>> c.describe("en")
        'direct visit: at most 10 minutes, counted from when the guest book is filled in'
    """

    channel: Channel = attrs.field(validator=one_of_literal(Channel))
    duration: Duration = attrs.field(validator=any_duration)
    clock_start: ClockStart = attrs.field(validator=one_of_literal(ClockStart))
    clock_starts: str | None = attrs.field(default=None, validator=optional_text)
    text: str | None = attrs.field(default=None, validator=optional_text)
    max_service: Duration | None = attrs.field(default=None, validator=optional_duration)
    inactivity: InactivityRule | None = attrs.field(
        default=None, validator=attrs.validators.optional(instance_of(InactivityRule))
    )
    max_service_text: str | None = attrs.field(default=None, validator=optional_text)

    def describe(self, language: Language = "en") -> str:
        """The channel, the time allowed, what starts the clock and the limits, in one line."""
        lang = check_language(language)
        own = lang == "id" and self.clock_starts is not None
        parts = [
            text(
                "standards.completion.describe",
                lang,
                channel=term("channel", self.channel, lang),
                duration=self.duration.describe(lang),
                start=self.clock_starts if own else term("clock_start", self.clock_start, lang),
            )
        ]
        if self.max_service is not None:
            duration = self.max_service.describe(lang)
            said = text("standards.completion.max_service", lang, duration=duration)
            if self.max_service_text is not None:
                said = (
                    self.max_service_text
                    if lang == "id"
                    else text(
                        "standards.completion.published",
                        lang,
                        said=said,
                        clause=self.max_service_text,
                    )
                )
            parts.append(said)
        if self.inactivity is not None:
            rule = self.inactivity
            parts.append(
                text(
                    "standards.completion.inactivity",
                    lang,
                    closed_by=term("closed_by", rule.closed_by, lang),
                    duration=rule.duration.describe(lang),
                )
            )
        return "; ".join(parts)


@attrs.frozen
class Fee:
    """The fee (*biaya/tarif*): free, or PNBP (non-tax state revenue) with its legal basis.

    Attributes:
        kind: ``"free"`` or ``"pnbp"`` (see `FeeKind`).
        texts: Every fee text as published, repeats included.
        legal_basis: The regulations cited.

    Examples:
        >>> Fee("free", ("Tidak dipungut biaya",)).is_free
        True
    """

    kind: FeeKind = attrs.field(validator=one_of_literal(FeeKind))
    texts: tuple[str, ...] = attrs.field(default=(), validator=text_tuple)
    legal_basis: tuple[str, ...] = attrs.field(default=(), validator=text_tuple)

    @property
    def is_free(self) -> bool:
        """True when the service costs nothing (*tidak dipungut biaya*)."""
        return self.kind == "free"


@attrs.frozen
class Product:
    """A service product (*produk pelayanan*) as published, with its English text.

    Examples:
        >>> Product("Konsultasi statistik", "Statistical consultation").describe("en")
        'Statistical consultation'
    """

    text: str = attrs.field(validator=non_blank_text)
    text_en: str = attrs.field(validator=non_blank_text)

    def describe(self, language: Language = "en") -> str:
        """The product as published (``"id"``) or in English (``"en"``)."""
        return self.text if check_language(language) == "id" else self.text_en


@attrs.frozen
class ComplaintChannel:
    """Where complaints, suggestions and feedback go (*pengaduan layanan*).

    Attributes:
        kind: ``"box"``, ``"website"``, ``"email"`` or ``"phone"`` (see `ComplaintKind`).
        address: The address, number or place as published.
        label: The label the document gives it (``"SMS / Whatsapp"``).

    Examples:
        >>> ComplaintChannel("email", "ppid1700@bps.go.id", "Email").kind
        'email'
    """

    kind: ComplaintKind = attrs.field(validator=one_of_literal(ComplaintKind))
    address: str = attrs.field(validator=non_blank_text)
    label: str | None = attrs.field(default=None, validator=optional_text)

    def describe(self, language: Language = "en") -> str:
        """The channel's kind and address; a phone says its medium in the document's words.

        Examples:
            >>> ComplaintChannel("phone", "0812-9990-1408", "HP/WhatsApp").describe("id")
            'telepon (HP/WhatsApp): 0812-9990-1408'
            >>> ComplaintChannel("email", "bps1408@bps.go.id", "Email").describe()
            'e-mail: bps1408@bps.go.id'
        """
        lang = check_language(language)
        kind = term("complaint_kind", self.kind, lang)
        if self.kind == "phone" and self.label is not None:
            kind = f"{kind} ({self.label})"
        return f"{kind}: {self.address}"


@attrs.frozen
class Management:
    """The eight management components of PermenPAN-RB 15/2014, as published text.

    Each is a tuple of the items the document lists; empty when it does not
    publish the component (the leaflets in the catalog publish none of them).

    Examples:
        >>> Management().published
        ()
        >>> Management(staffing=("2 orang",), legal_basis=("UU 16/1997",)).published
        ('legal_basis', 'staffing')
    """

    legal_basis: tuple[str, ...] = attrs.field(default=(), validator=text_tuple)
    """*Dasar hukum*."""
    facilities: tuple[str, ...] = attrs.field(default=(), validator=text_tuple)
    """*Sarana, prasarana dan/atau fasilitas*."""
    competence: tuple[str, ...] = attrs.field(default=(), validator=text_tuple)
    """*Kompetensi pelaksana*."""
    internal_supervision: tuple[str, ...] = attrs.field(default=(), validator=text_tuple)
    """*Pengawasan internal*."""
    staffing: tuple[str, ...] = attrs.field(default=(), validator=text_tuple)
    """*Jumlah pelaksana*."""
    service_guarantee: tuple[str, ...] = attrs.field(default=(), validator=text_tuple)
    """*Jaminan pelayanan*."""
    safety_guarantee: tuple[str, ...] = attrs.field(default=(), validator=text_tuple)
    """*Jaminan keamanan dan keselamatan pelayanan*."""
    performance_evaluation: tuple[str, ...] = attrs.field(default=(), validator=text_tuple)
    """*Evaluasi kinerja pelaksana*."""

    @property
    def published(self) -> tuple[str, ...]:
        """The names of the components that have text."""
        return tuple(a.name for a in attrs.fields(Management) if getattr(self, a.name))
