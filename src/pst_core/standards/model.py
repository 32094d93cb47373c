"""A published service standard (*standar pelayanan*) as typed, immutable data.

PermenPAN-RB 15/2014 gives a standard fourteen components. The six *service
delivery* components, the ones published to users, are structured here:
requirements (`Requirement`), procedure (`Procedure`), completion time
(`CompletionTime`), fee (`Fee`), products (`Product`) and complaint handling
(`ComplaintChannel`). The eight *management* components are kept as published
text in `Management`; the documents in the catalog do not publish them, so
there they are empty rather than invented.

Text fields hold the published Indonesian text exactly as published, defects
included, so that the linter can see them (`text`, `question`, `label`...);
an English counterpart, where the model has one, is the same name with
``_en``. Closed vocabularies (`Channel`, `Actor`, `ClockStart`...) are
`Literal` types: their values are `typing.get_args(Channel)`, and what each
value means for a person is in the message catalogue (``standards.channel.online``).

Examples:
    >>> from pst_core.calendar.durations import WorkingDays
    >>> standard = ServiceStandard(
    ...     id="contoh-konsultasi",
    ...     office=Office("BPS Provinsi Bengkulu", "province", "Bengkulu"),
    ...     service="Pelayanan Konsultasi Statistik",
    ...     requirements=(Requirement("account", "Memiliki akun pada portal pst.bps.go.id",
    ...                               "An account on pst.bps.go.id", ("online",), "account"),),
    ...     procedures=(),
    ...     completion_times=(CompletionTime(
    ...         "online", WorkingDays(3), "not_stated",
    ...         inactivity=InactivityRule(WorkingDays(3), "portal")),),
    ...     fee=Fee("free", ("Tidak dipungut biaya",)),
    ... )
    >>> online = standard.completion("online")
    >>> str(online.duration), online.inactivity.closed_by
    ('3 working days', 'portal')
    >>> standard.timezone
    zoneinfo.ZoneInfo(key='Asia/Jakarta')
    >>> standard.completion("offline")
    Traceback (most recent call last):
    ...
    pst_core.errors.UnknownNameError: unknown completion time channel of contoh-konsultasi ...
    >>> import typing
    >>> typing.get_args(Channel)
    ('offline', 'online')
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, Literal
from zoneinfo import ZoneInfo

import attrs

from pst_core._display import short
from pst_core._validation import at_least, field_name, instance_of, non_empty, one_of, tuple_of
from pst_core.calendar.converter import DataModel
from pst_core.calendar.durations import (
    CalendarDays,
    CalendarMonths,
    Duration,
    WorkingDays,
    WorkingTime,
)
from pst_core.errors import InvalidTypeError, InvalidValueError, UnknownNameError
from pst_core.i18n import Language, check_language, text

if TYPE_CHECKING:
    from pst_core.calendar import Deadline, WorkingCalendar
    from pst_core.standards.checklist import Checklist

__all__ = [
    "Actor",
    "Branch",
    "Channel",
    "ClockStart",
    "ClosedBy",
    "ComplaintChannel",
    "ComplaintKind",
    "CompletionTime",
    "Decision",
    "Fee",
    "FeeKind",
    "InactivityRule",
    "Management",
    "Office",
    "OfficeLevel",
    "Procedure",
    "ProcedureStep",
    "Product",
    "Requirement",
    "RequirementKind",
    "ServiceStandard",
]

Channel = Literal["offline", "online"]
"""How the user reaches the service: a direct visit (*kunjungan langsung*) or online."""

RequirementKind = Literal["identity_document", "document", "letter", "account", "contact", "action"]
"""What a requirement asks for; documents and letters may carry an expiry date."""

Actor = Literal["user", "receptionist", "officer", "app"]
"""Who performs a step: the user (*pengguna layanan*), the receptionist (*resepsionis*),
the service officer (*petugas layanan*) or the service application (*aplikasi pelayanan*)."""

ClockStart = Literal[
    "after_previous_in_queue", "after_guest_book", "after_request_complete", "not_stated"
]
"""What starts a completion-time clock, as a short English key."""

ComplaintKind = Literal["box", "website", "email", "phone"]
"""A complaint channel: suggestion box, website, e-mail, or a phone number (SMS/WhatsApp)."""

OfficeLevel = Literal["province", "regency", "city"]
"""A BPS office: provincial (*provinsi*), regency (*kabupaten*) or city (*kota*)."""

FeeKind = Literal["free", "pnbp"]
"""Free of charge, or PNBP (*penerimaan negara bukan pajak*, non-tax state revenue)."""

ClosedBy = Literal["portal", "officer"]
"""Who closes an unanswered online case: the portal (automatically) or the officer."""

_CHANNELS: tuple[Channel, ...] = typing.get_args(Channel)
_DURATION_TYPES = (WorkingTime, WorkingDays, CalendarDays, CalendarMonths)
_DURATION_LABEL = "a Duration (WorkingTime, WorkingDays, CalendarDays or CalendarMonths)"
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ID_RULE = "lower-case ASCII letters, digits and single hyphens, e.g. 'email-online'"


def term(vocabulary: str, value: str, language: Language) -> str:
    """What ``value`` of a vocabulary (``"channel"``, ``"actor"``...) means for a person.

    Private to the package (the catalogue key is ``standards.<vocabulary>.<value>``).
    """
    return text(f"standards.{vocabulary}.{value}", check_language(language))


def check_channel(value: object, field: str = "channel") -> Channel:
    """``value`` if it is a `Channel`, else an `InvalidValueError` naming ``field``."""
    for channel in _CHANNELS:
        if value == channel:
            return channel
    raise InvalidValueError(field, value, _CHANNELS)


def _check_channels(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    name = field_name(instance, attribute)
    if not isinstance(value, tuple):
        raise InvalidTypeError(name, value, "a tuple of 'offline' / 'online'")
    for index, item in enumerate(value):
        check_channel(item, f"{name}[{index}]")


def _check_one_channel(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_channel(value, field_name(instance, attribute))


def _vocabulary(kind: object) -> Any:
    """A validator accepting the values of the `Literal` type ``kind``."""
    return one_of(typing.get_args(kind))


_TEXT = [instance_of(str), non_empty]
_OPTIONAL_TEXT = attrs.validators.optional(instance_of(str))
_TEXTS = tuple_of(str)


def _check_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidTypeError(field_name(instance, attribute), value, "str")
    if not _ID.fullmatch(value):
        raise InvalidValueError(field_name(instance, attribute), value, _ID_RULE)


def _check_duration(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, _DURATION_TYPES):
        raise InvalidTypeError(field_name(instance, attribute), value, _DURATION_LABEL)


def _check_optional_duration(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None:
        _check_duration(instance, attribute, value)


def _at_least_one(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]
) -> None:
    if not value:
        raise InvalidValueError(field_name(instance, attribute), value, "at least one item")


def _unique(
    instance: object, attribute: attrs.Attribute[Any], keys: Iterable[object], what: str
) -> None:
    seen: set[object] = set()
    for key in keys:
        if key in seen:
            raise InvalidValueError(
                field_name(instance, attribute), str(key), f"each {what} at most once"
            )
        seen.add(key)


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

    name: str = attrs.field(validator=_TEXT)
    level: OfficeLevel = attrs.field(validator=_vocabulary(OfficeLevel))
    province: str = attrs.field(validator=_TEXT)
    address: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    phone: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    email: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    website: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)

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

    id: str = attrs.field(validator=_check_id)
    text: str = attrs.field(validator=_TEXT)
    text_en: str = attrs.field(validator=_TEXT)
    channels: tuple[Channel, ...] = attrs.field(validator=_check_channels)
    kind: RequirementKind = attrs.field(validator=_vocabulary(RequirementKind))

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

    condition: str = attrs.field(validator=_TEXT)
    outcome: str = attrs.field(validator=_TEXT)
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

    branches: tuple[Branch, ...] = attrs.field(validator=[tuple_of(Branch), _at_least_one])
    question: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)


@attrs.frozen
class ProcedureStep:
    """One numbered step of a procedure (*sistem, mekanisme dan prosedur*).

    Attributes:
        number: The number the document gives it.
        text: The text as published.
        actor: Who performs it (see `Actor`).
        decision: The decision in this step, where the document has one.

    Examples:
        >>> ProcedureStep(2, "Pengguna layanan mengisi buku tamu", "user").actor
        'user'
    """

    number: int = attrs.field(validator=[instance_of(int), at_least(1)])
    text: str = attrs.field(validator=_TEXT)
    actor: Actor = attrs.field(validator=_vocabulary(Actor))
    decision: Decision | None = attrs.field(
        default=None, validator=attrs.validators.optional(instance_of(Decision))
    )


def _check_numbered(
    instance: object, attribute: attrs.Attribute[Any], steps: object, cls: type
) -> None:
    """Steps of ``cls`` numbered in increasing order, every branch going to an existing step."""
    tuple_of(cls)(instance, attribute, steps)
    assert isinstance(steps, tuple)
    numbers = [step.number for step in steps]
    name = field_name(instance, attribute)
    if numbers != sorted(set(numbers)):
        raise InvalidValueError(name, numbers, "step numbers in increasing order")
    for index, step in enumerate(steps):
        for branch in step.decision.branches if step.decision else ():
            if branch.goto is not None and branch.goto not in numbers:
                raise InvalidValueError(
                    f"{name}[{index}].decision.goto", branch.goto, f"a step number: {numbers}"
                )


def _check_steps(instance: object, attribute: attrs.Attribute[Any], steps: object) -> None:
    _check_numbered(instance, attribute, steps, ProcedureStep)


@attrs.frozen
class Procedure:
    """The ordered steps of one channel.

    Examples:
        >>> step = ProcedureStep(1, "Pengguna layanan mengisi buku tamu", "user")
        >>> p = Procedure("offline", (step,))
        >>> p.channel, [s.number for s in p.steps]
        ('offline', [1])
    """

    channel: Channel = attrs.field(validator=_check_one_channel)
    steps: tuple[ProcedureStep, ...] = attrs.field(validator=_check_steps)


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

    duration: Duration = attrs.field(validator=_check_duration)
    closed_by: ClosedBy = attrs.field(validator=_vocabulary(ClosedBy))
    text: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)


def _say_duration(duration: Duration, language: Language) -> str:
    return duration.describe(language)


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
        inactivity: When an unanswered case is closed, when stated.

    Examples:
        >>> from pst_core.calendar.durations import WorkingTime
        >>> c = CompletionTime("offline", WorkingTime(10), "after_guest_book",
        ...                    clock_starts="sejak selesai mengisi buku tamu")
        >>> c.clock_start, str(c.duration)
        ('after_guest_book', '10 minutes')
        >>> c.describe("en")
        'direct visit: at most 10 minutes, counted from when the guest book is filled in'
    """

    channel: Channel = attrs.field(validator=_check_one_channel)
    duration: Duration = attrs.field(validator=_check_duration)
    clock_start: ClockStart = attrs.field(validator=_vocabulary(ClockStart))
    clock_starts: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    text: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    max_service: Duration | None = attrs.field(default=None, validator=_check_optional_duration)
    inactivity: InactivityRule | None = attrs.field(
        default=None, validator=attrs.validators.optional(instance_of(InactivityRule))
    )

    def describe(self, language: Language = "en") -> str:
        """The channel, the time allowed, what starts the clock and the limits, in one line."""
        lang = check_language(language)
        parts = [
            text(
                "standards.completion.describe",
                lang,
                channel=term("channel", self.channel, lang),
                duration=_say_duration(self.duration, lang),
                start=term("clock_start", self.clock_start, lang),
            )
        ]
        if self.max_service is not None:
            duration = _say_duration(self.max_service, lang)
            parts.append(text("standards.completion.max_service", lang, duration=duration))
        if self.inactivity is not None:
            rule = self.inactivity
            parts.append(
                text(
                    "standards.completion.inactivity",
                    lang,
                    closed_by=term("closed_by", rule.closed_by, lang),
                    duration=_say_duration(rule.duration, lang),
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

    kind: FeeKind = attrs.field(validator=_vocabulary(FeeKind))
    texts: tuple[str, ...] = attrs.field(default=(), validator=_TEXTS)
    legal_basis: tuple[str, ...] = attrs.field(default=(), validator=_TEXTS)

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

    text: str = attrs.field(validator=_TEXT)
    text_en: str = attrs.field(validator=_TEXT)

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

    kind: ComplaintKind = attrs.field(validator=_vocabulary(ComplaintKind))
    address: str = attrs.field(validator=_TEXT)
    label: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)


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

    legal_basis: tuple[str, ...] = attrs.field(default=(), validator=_TEXTS)
    """*Dasar hukum*."""
    facilities: tuple[str, ...] = attrs.field(default=(), validator=_TEXTS)
    """*Sarana, prasarana dan/atau fasilitas*."""
    competence: tuple[str, ...] = attrs.field(default=(), validator=_TEXTS)
    """*Kompetensi pelaksana*."""
    internal_supervision: tuple[str, ...] = attrs.field(default=(), validator=_TEXTS)
    """*Pengawasan internal*."""
    staffing: tuple[str, ...] = attrs.field(default=(), validator=_TEXTS)
    """*Jumlah pelaksana*."""
    service_guarantee: tuple[str, ...] = attrs.field(default=(), validator=_TEXTS)
    """*Jaminan pelayanan*."""
    safety_guarantee: tuple[str, ...] = attrs.field(default=(), validator=_TEXTS)
    """*Jaminan keamanan dan keselamatan pelayanan*."""
    performance_evaluation: tuple[str, ...] = attrs.field(default=(), validator=_TEXTS)
    """*Evaluasi kinerja pelaksana*."""

    @property
    def published(self) -> tuple[str, ...]:
        """The names of the components that have text."""
        return tuple(a.name for a in attrs.fields(Management) if getattr(self, a.name))


def _unique_requirement_ids(
    instance: ServiceStandard, attribute: attrs.Attribute[Any], value: object
) -> None:
    tuple_of(Requirement)(instance, attribute, value)
    _unique(instance, attribute, (r.id for r in instance.requirements), "requirement id")


def _one_per_channel(cls: type) -> Any:
    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        tuple_of(cls)(instance, attribute, value)
        assert isinstance(value, tuple)
        _unique(instance, attribute, (item.channel for item in value), "channel")

    return validate


@attrs.frozen
class ServiceStandard(DataModel):
    """An office's published service standard for one service.

    A saved model: `ServiceStandard.load` reads a ``.toml``/``.json`` file
    whose ``type`` is ``"service_standard"``, `dump` writes one (see
    [the file format][pst_core.standards.io]).

    Attributes:
        id: Stable identifier, e.g. ``"bengkulu-penjualan"``.
        office: The publishing office.
        service: The service name as published.
        decree: The decree number (*No. SK*) text as published; ``""`` when
            printed blank, ``None`` when the document has no such line.
        requirements: Requirements, in published order.
        procedures: One `Procedure` per channel.
        completion_header: The figure printed under "Waktu Penyelesaian" before the
            per-channel times (``"10 Menit"``; ``"0"`` in two documents).
        completion_times: One `CompletionTime` per channel.
        fee: The fee.
        products: Service products.
        complaints: Complaint channels.
        management: The eight management components (empty when not published).
        source: Where the document came from.

    Examples:
        >>> from pst_core.calendar import WorkingCalendar
        >>> from pst_core.standards import catalog
        >>> standard = catalog().standard("bengkulu-penjualan")
        >>> standard.channels, [r.id for r in standard.requirements_for("online")]
        (('offline', 'online'), ['identity-card', 'email'])
        >>> start = datetime(2026, 3, 17, 14, tzinfo=standard.timezone)
        >>> standard.due("online", start, WorkingCalendar.pst()).due.isoformat()
        '2026-04-08T15:30:00+07:00'
        >>> ServiceStandard.loads(standard.dumps("toml"), format="toml") == standard
        True
        >>> print(standard.describe("id").splitlines()[0])
        # Pelayanan Statistik Terpadu BPS Provinsi Bengkulu
    """

    file_type: ClassVar[str | None] = "service_standard"

    id: str = attrs.field(validator=_check_id)
    office: Office = attrs.field(validator=instance_of(Office))
    service: str = attrs.field(validator=_TEXT)
    requirements: tuple[Requirement, ...] = attrs.field(validator=_unique_requirement_ids)
    procedures: tuple[Procedure, ...] = attrs.field(validator=_one_per_channel(Procedure))
    completion_times: tuple[CompletionTime, ...] = attrs.field(
        validator=_one_per_channel(CompletionTime)
    )
    fee: Fee = attrs.field(validator=instance_of(Fee))
    products: tuple[Product, ...] = attrs.field(default=(), validator=tuple_of(Product))
    complaints: tuple[ComplaintChannel, ...] = attrs.field(
        default=(), validator=tuple_of(ComplaintChannel)
    )
    decree: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    completion_header: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    management: Management = attrs.field(factory=Management, validator=instance_of(Management))
    source: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)

    @property
    def channels(self) -> tuple[Channel, ...]:
        """The channels that have a procedure or a completion time, offline first."""
        used = {p.channel for p in self.procedures} | {c.channel for c in self.completion_times}
        return tuple(c for c in _CHANNELS if c in used)

    def requirements_for(self, channel: Channel) -> tuple[Requirement, ...]:
        """The requirements that apply to ``channel``, in published order."""
        wanted = check_channel(channel)
        return tuple(r for r in self.requirements if wanted in r.channels)

    def procedure(self, channel: Channel) -> Procedure:
        """The procedure of ``channel``.

        Raises:
            UnknownNameError: (a ``LookupError``) when the standard has none for it.
        """
        wanted = check_channel(channel)
        for procedure in self.procedures:
            if procedure.channel == wanted:
                return procedure
        raise self._missing("procedure", wanted, [p.channel for p in self.procedures])

    def completion(self, channel: Channel) -> CompletionTime:
        """The completion time of ``channel``.

        Raises:
            UnknownNameError: (a ``LookupError``) when the standard states none for it.
        """
        wanted = check_channel(channel)
        for completion in self.completion_times:
            if completion.channel == wanted:
                return completion
        raise self._missing("completion time", wanted, [c.channel for c in self.completion_times])

    def _missing(self, what: str, channel: str, present: list[str]) -> UnknownNameError:
        return UnknownNameError(
            f"{what} channel of {self.id}", channel, allowed=", ".join(present) or "none"
        )

    def due(self, channel: Channel, start: datetime, calendar: WorkingCalendar) -> Deadline:
        """When a request on ``channel`` that started at ``start`` is due.

        Returns ``calendar.deadline(start, self.completion(channel).duration)``.
        """
        if not callable(getattr(calendar, "deadline", None)):
            raise InvalidTypeError("calendar", calendar, "WorkingCalendar")
        return calendar.deadline(start, self.completion(channel).duration)

    @property
    def timezone(self) -> ZoneInfo:
        """The time zone of the office's province.

        Raises:
            UnknownProvinceError: when the province is not one of the 38.
        """
        from pst_core.calendar.zones import province_timezone

        return province_timezone(self.office.province)

    def checklist(self, channel: Channel) -> Checklist:
        """The requirements of ``channel`` as a `Checklist` to check evidence against.

        Examples:
            >>> from pst_core.standards import catalog
            >>> checklist = catalog().standard("bengkalis-konsultasi").checklist("offline")
            >>> checklist.standard_id, checklist.ids
            ('bengkalis-konsultasi', ('visit', 'identity-card', 'email', 'guest-book'))
        """
        from pst_core.standards.checklist import Checklist

        wanted = check_channel(channel)
        return Checklist(self.id, wanted, self.requirements_for(wanted))

    def describe(self, language: Language = "en", *, level: int = 1) -> str:
        """The standard as Markdown, in the layout of the published leaflet.

        Headings and fixed words are in ``language``; the published text stays
        as published (Indonesian), except requirements and products, which
        have an English text. The title is a heading of ``level`` (1-4), the
        sections one deeper. See [render][pst_core.standards.render].

        Raises:
            InvalidValueError: for a ``language`` other than ``"id"``/``"en"``, or a
                ``level`` outside 1-4.
        """
        from pst_core.standards.render import leaflet

        return leaflet(self, language, level)

    def __repr__(self) -> str:
        return (
            f"ServiceStandard(id={short(self.id, 32)}, office={short(self.office.name, 32)}, "
            f"channels={self.channels!r}, requirements={len(self.requirements)})"
        )

    def _repr_html_(self) -> str:
        from pst_core.standards.render import leaflet_html

        return leaflet_html(self, "en")
