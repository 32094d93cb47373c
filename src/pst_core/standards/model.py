"""A published service standard (*standar pelayanan*) as typed, immutable data.

PermenPAN-RB 15/2014 gives a standard fourteen components. The six *service
delivery* components, the ones published to users, are structured here:
requirements (:class:`Requirement`), procedure (:class:`Procedure`), completion
time (:class:`CompletionTime`), fee (:class:`Fee`), products (:class:`Product`)
and complaint handling (:class:`ComplaintChannel`). The eight *management*
components are kept as published text in :class:`Management`; the documents in
the catalog do not publish them, so there they are empty rather than invented.

Fields ending in ``_id`` (and ``text_id``) hold Indonesian text exactly as
published, defects included, so that :func:`pst_core.standards.lint` can see them.

Examples:
    >>> from pst_core.calendar.durations import WorkingDays
    >>> standard = ServiceStandard(
    ...     id="contoh-konsultasi",
    ...     unit=Unit("BPS Provinsi Bengkulu", "province", "Bengkulu"),
    ...     service="Pelayanan Konsultasi Statistik",
    ...     requirements=(Requirement("account", "Memiliki akun pada portal pst.bps.go.id",
    ...                               "An account on pst.bps.go.id", ("online",), "account"),),
    ...     procedures=(),
    ...     completion_times=(CompletionTime(
    ...         "online", WorkingDays(3), "not_stated",
    ...         inactivity=InactivityRule(WorkingDays(3), "portal")),),
    ...     fee=Fee("free", ("Tidak dipungut biaya",)),
    ... )
    >>> online = standard.completion(Channel.ONLINE)
    >>> str(online.duration), online.inactivity.closed_by
    ('3 working days', 'portal')
    >>> standard.timezone
    zoneinfo.ZoneInfo(key='Asia/Jakarta')
    >>> standard.completion("offline")
    Traceback (most recent call last):
    ...
    pst_core.errors.UnknownNameError: unknown completion time channel of contoh-konsultasi ...
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal
from zoneinfo import ZoneInfo

import attrs

from pst_core._validation import at_least, field_name, instance_of, non_empty, one_of, tuple_of
from pst_core.calendar.durations import (
    CalendarDays,
    CalendarMonths,
    Duration,
    WorkingDays,
    WorkingTime,
)
from pst_core.errors import InvalidTypeError, InvalidValueError, UnknownNameError

if TYPE_CHECKING:
    from pst_core.calendar.calendar import Deadline, WorkingCalendar
    from pst_core.standards.checklist import Checklist

__all__ = [
    "ACTORS",
    "CLOCK_STARTS",
    "COMPLAINT_KINDS",
    "REQUIREMENT_KINDS",
    "UNIT_LEVELS",
    "Actor",
    "Branch",
    "Channel",
    "ClockStart",
    "ComplaintChannel",
    "ComplaintKind",
    "CompletionTime",
    "Decision",
    "Fee",
    "InactivityRule",
    "Management",
    "Procedure",
    "ProcedureStep",
    "Product",
    "Requirement",
    "RequirementKind",
    "ServiceStandard",
    "Unit",
    "UnitLevel",
]

_DURATION_TYPES = (WorkingTime, WorkingDays, CalendarDays, CalendarMonths)
_DURATION_LABEL = "a Duration (WorkingTime, WorkingDays, CalendarDays or CalendarMonths)"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Channel(str, enum.Enum):
    """How the user reaches the service: a direct visit or online.

    A ``str`` enum: ``Channel.ONLINE == "online"``, and functions taking a
    channel accept either.

    Examples:
        >>> Channel("online") is Channel.ONLINE, str(Channel.OFFLINE)
        (True, 'offline')
        >>> Channel.OFFLINE.label_id
        'kunjungan langsung'
    """

    OFFLINE = "offline"
    ONLINE = "online"

    def __str__(self) -> str:
        return self.value

    @property
    def label_id(self) -> str:
        """The Indonesian name the documents use.

        Examples:
            >>> Channel.OFFLINE.label_id, Channel.ONLINE.label_id
            ('kunjungan langsung', 'online')
        """
        return "kunjungan langsung" if self is Channel.OFFLINE else "online"

    @classmethod
    def coerce(cls, value: object, field: str = "channel") -> Channel:
        """``value`` as a :class:`Channel`, or :class:`~pst_core.errors.InvalidValueError`.

        Examples:
            >>> Channel.coerce("offline")
            <Channel.OFFLINE: 'offline'>
            >>> Channel.coerce("onsite")
            Traceback (most recent call last):
            ...
            pst_core.errors.InvalidValueError: channel: invalid value 'onsite'; allowed: ...
        """
        if isinstance(value, Channel):
            return value
        if isinstance(value, str):
            try:
                return cls(value)
            except ValueError:
                pass
        raise InvalidValueError(field, value, [c.value for c in cls])


def _channels(value: object) -> tuple[Channel, ...]:
    # Converters do not know their class; the name is spelled out for error paths.
    field = "Requirement.channels"
    if not isinstance(value, (tuple, list)):
        raise InvalidTypeError(field, value, "a tuple of 'offline' / 'online'")
    return tuple(Channel.coerce(item, f"{field}[{index}]") for index, item in enumerate(value))


def _channel(value: object) -> Channel:
    return Channel.coerce(value, "channel.channel")


RequirementKind = Literal["identity_document", "document", "letter", "account", "contact", "action"]
"""What a requirement asks for; documents and letters may carry an expiry date."""
REQUIREMENT_KINDS: tuple[str, ...] = (
    "identity_document",
    "document",
    "letter",
    "account",
    "contact",
    "action",
)

Actor = Literal["user", "receptionist", "officer", "app"]
"""Who performs a step: the user (*pengguna layanan*), the receptionist (*resepsionis*),
the service officer (*petugas layanan*) or the service application (*aplikasi pelayanan*)."""
ACTORS: tuple[str, ...] = ("user", "receptionist", "officer", "app")

ClockStart = Literal[
    "after_previous_in_queue", "after_guest_book", "after_request_complete", "not_stated"
]
"""What starts a completion-time clock, as a short English key."""
CLOCK_STARTS: tuple[str, ...] = (
    "after_previous_in_queue",
    "after_guest_book",
    "after_request_complete",
    "not_stated",
)

ComplaintKind = Literal["box", "website", "email", "phone"]
"""A complaint channel: suggestion box, website, e-mail, or a phone number (SMS/WhatsApp)."""
COMPLAINT_KINDS: tuple[str, ...] = ("box", "website", "email", "phone")

UnitLevel = Literal["province", "regency", "city"]
"""A BPS office: provincial (*provinsi*), regency (*kabupaten*) or city (*kota*)."""
UNIT_LEVELS: tuple[str, ...] = ("province", "regency", "city")


_TEXT = [instance_of(str), non_empty]
_OPTIONAL_TEXT = attrs.validators.optional(instance_of(str))
_TEXTS = tuple_of(str)


def _check_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidTypeError(field_name(instance, attribute), value, "str")
    if not _ID.match(value):
        raise InvalidValueError(
            field_name(instance, attribute),
            value,
            "lower-case letters, digits and single hyphens, e.g. 'email-online'",
        )


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
class Unit:
    """The BPS office that publishes a standard.

    Attributes:
        name: As published, e.g. ``"BPS Provinsi Bengkulu"``.
        level: ``"province"``, ``"regency"`` or ``"city"``.
        province: The province it is in (gives the time zone), e.g. ``"Bengkulu"``.
        address: Postal address as published.
        phone: Phone number as published.
        email: E-mail address.
        website: Website as published.

    Examples:
        >>> Unit("BPS Kabupaten Bengkalis", "regency", "Riau").level
        'regency'
    """

    name: str = attrs.field(validator=_TEXT)
    level: UnitLevel = attrs.field(validator=one_of(UNIT_LEVELS))
    province: str = attrs.field(validator=_TEXT)
    address: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    phone: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    email: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    website: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)


@attrs.frozen
class Requirement:
    """One requirement (*persyaratan*) of a service.

    Attributes:
        id: Stable identifier within the standard, e.g. ``"identity-card"``.
        text_id: The Indonesian text as published.
        label_en: A short English label.
        channels: The channels it applies to.
        kind: What it asks for (see :data:`RequirementKind`).

    Examples:
        >>> r = Requirement("email", "Email yang masih aktif", "An active e-mail address",
        ...                 ("offline", "online"), "contact")
        >>> r.channels
        (<Channel.OFFLINE: 'offline'>, <Channel.ONLINE: 'online'>)
        >>> r.can_expire
        False
    """

    id: str = attrs.field(validator=_check_id)
    text_id: str = attrs.field(validator=_TEXT)
    label_en: str = attrs.field(validator=_TEXT)
    channels: tuple[Channel, ...] = attrs.field(converter=_channels)
    kind: RequirementKind = attrs.field(validator=one_of(REQUIREMENT_KINDS))

    @property
    def can_expire(self) -> bool:
        """True for documents (an identity card, a letter) that carry an expiry date.

        Examples:
            >>> from pst_core.standards import catalog
            >>> [(r.id, r.can_expire) for r in catalog()["bengkulu-penjualan"].requirements]
            [('identity-card', True), ('email', False)]
        """
        return self.kind in ("identity_document", "document", "letter")


@attrs.frozen
class Branch:
    """One way out of a decision.

    Attributes:
        condition_id: The condition as published (``"ya"``, ``"informasi tidak diperoleh"``).
        outcome_id: What happens then, as published.
        goto: The number of the step it leads to, when the document says so.

    Examples:
        >>> Branch("belum lengkap", "petugas layanan meminta ... melengkapi ulang", goto=6).goto
        6
    """

    condition_id: str = attrs.field(validator=_TEXT)
    outcome_id: str = attrs.field(validator=_TEXT)
    goto: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(instance_of(int))
    )


@attrs.frozen
class Decision:
    """A decision inside a step: an optional question and its branches.

    Examples:
        >>> d = Decision((Branch("informasi tidak diperoleh", "membuat transaksi"),))
        >>> d.question_id is None, len(d.branches)
        (True, 1)
    """

    branches: tuple[Branch, ...] = attrs.field(validator=[tuple_of(Branch), _at_least_one])
    question_id: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)


@attrs.frozen
class ProcedureStep:
    """One numbered step of a procedure (*sistem, mekanisme dan prosedur*).

    Attributes:
        number: The number the document gives it.
        text_id: The text as published.
        actor: Who performs it (see :data:`Actor`).
        decision: The decision in this step, where the document has one.

    Examples:
        >>> ProcedureStep(2, "Pengguna layanan mengisi buku tamu", "user").actor
        'user'
    """

    number: int = attrs.field(validator=[instance_of(int), at_least(1)])
    text_id: str = attrs.field(validator=_TEXT)
    actor: Actor = attrs.field(validator=one_of(ACTORS))
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
        (<Channel.OFFLINE: 'offline'>, [1])
    """

    channel: Channel = attrs.field(converter=_channel)
    steps: tuple[ProcedureStep, ...] = attrs.field(validator=_check_steps)


@attrs.frozen
class InactivityRule:
    """An online case is closed when the user does not respond for a while.

    Attributes:
        duration: How long without a response.
        closed_by: ``"portal"`` (automatic) or ``"officer"``.
        text_id: The rule as published.

    Examples:
        >>> from pst_core.calendar.durations import CalendarDays
        >>> str(InactivityRule(CalendarDays(7), "officer").duration)
        '7 calendar days'
    """

    duration: Duration = attrs.field(validator=_check_duration)
    closed_by: Literal["portal", "officer"] = attrs.field(validator=one_of(("portal", "officer")))
    text_id: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)


@attrs.frozen
class CompletionTime:
    """The completion time (*jangka waktu penyelesaian*) of one channel.

    Attributes:
        channel: The channel.
        duration: The time allowed.
        clock_starts: What starts the clock, as a key of :data:`ClockStart`
            (``"not_stated"`` when the document does not say).
        clock_starts_id: The clause that says so, as published.
        text_id: The whole sentence as published.
        max_service: The longest one service may last, when stated.
        inactivity: When an unanswered case is closed, when stated.

    Examples:
        >>> from pst_core.calendar.durations import WorkingTime
        >>> c = CompletionTime("offline", WorkingTime(10), "after_guest_book")
        >>> c.clock_starts, str(c.duration)
        ('after_guest_book', '10 minutes')
    """

    channel: Channel = attrs.field(converter=_channel)
    duration: Duration = attrs.field(validator=_check_duration)
    clock_starts: ClockStart = attrs.field(validator=one_of(CLOCK_STARTS))
    clock_starts_id: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    text_id: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    max_service: Duration | None = attrs.field(default=None, validator=_check_optional_duration)
    inactivity: InactivityRule | None = attrs.field(
        default=None, validator=attrs.validators.optional(instance_of(InactivityRule))
    )


@attrs.frozen
class Fee:
    """The fee (*biaya/tarif*): free, or PNBP (non-tax state revenue) with its legal basis.

    Attributes:
        kind: ``"free"`` or ``"pnbp"``.
        texts_id: Every fee text as published, repeats included.
        legal_basis: The regulations cited.

    Examples:
        >>> Fee("free", ("Tidak dipungut biaya",)).is_free
        True
    """

    kind: Literal["free", "pnbp"] = attrs.field(validator=one_of(("free", "pnbp")))
    texts_id: tuple[str, ...] = attrs.field(default=(), validator=_TEXTS)
    legal_basis: tuple[str, ...] = attrs.field(default=(), validator=_TEXTS)

    @property
    def is_free(self) -> bool:
        """True when the service costs nothing (*tidak dipungut biaya*).

        Examples:
            >>> Fee("free").is_free, Fee("pnbp", legal_basis=("PP 7/2015",)).is_free
            (True, False)
        """
        return self.kind == "free"


@attrs.frozen
class Product:
    """A service product (*produk pelayanan*) as published, with an English label.

    Examples:
        >>> Product("Konsultasi statistik", "Statistical consultation").label_en
        'Statistical consultation'
    """

    text_id: str = attrs.field(validator=_TEXT)
    label_en: str = attrs.field(validator=_TEXT)


@attrs.frozen
class ComplaintChannel:
    """Where complaints, suggestions and feedback go (*pengaduan layanan*).

    Attributes:
        kind: ``"box"``, ``"website"``, ``"email"`` or ``"phone"`` (SMS/WhatsApp).
        address: The address, number or place as published.
        label_id: The label the document gives it (``"SMS / Whatsapp"``).

    Examples:
        >>> ComplaintChannel("email", "ppid1700@bps.go.id", "Email").kind
        'email'
    """

    kind: ComplaintKind = attrs.field(validator=one_of(COMPLAINT_KINDS))
    address: str = attrs.field(validator=_TEXT)
    label_id: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)


@attrs.frozen
class Management:
    """The eight management components of PermenPAN-RB 15/2014, as published text.

    Each is a tuple of the items the document lists; empty when it does not
    publish the component (the leaflets in the catalog publish none of them).

    Examples:
        >>> Management().published
        ()
        >>> Management(legal_basis=("UU 16/1997 tentang Statistik",)).published
        ('legal_basis',)
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
        """The names of the components that have text.

        Examples:
            >>> Management(staffing=("2 orang",), legal_basis=("UU 16/1997",)).published
            ('legal_basis', 'staffing')
        """
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
        _unique(instance, attribute, (item.channel.value for item in value), "channel")

    return validate


@attrs.frozen
class ServiceStandard:
    """A unit's published service standard for one service.

    Attributes:
        id: Stable identifier, e.g. ``"bengkulu-penjualan"``.
        unit: The publishing office.
        service: The service name as published.
        decree: The decree number (*No. SK*) text as published; ``""`` when
            printed blank, ``None`` when the document has no such line.
        requirements: Requirements, in published order.
        procedures: One :class:`Procedure` per channel.
        completion_header: The figure printed under "Waktu Penyelesaian" before the
            per-channel times (``"10 Menit"``; ``"0"`` in two documents).
        completion_times: One :class:`CompletionTime` per channel.
        fee: The fee.
        products: Service products.
        complaints: Complaint channels.
        management: The eight management components (empty when not published).
        source: Where the document came from.

    Examples:
        >>> from pst_core.calendar.durations import WorkingTime
        >>> s = ServiceStandard(
        ...     "contoh-penjualan", Unit("BPS Kota Bengkulu", "city", "Bengkulu"), "Penjualan",
        ...     requirements=(Requirement("email", "Email yang masih aktif", "An active e-mail",
        ...                               ("offline", "online"), "contact"),),
        ...     procedures=(), completion_times=(
        ...         CompletionTime("offline", WorkingTime(10), "after_guest_book"),),
        ...     fee=Fee("free"))
        >>> [r.id for r in s.requirements_for("online")], s.channels
        (['email'], (<Channel.OFFLINE: 'offline'>,))
        >>> s.due("offline", datetime(2026, 3, 17, 14, tzinfo=s.timezone), None)
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidTypeError: calendar: expected WorkingCalendar, got NoneType None
    """

    id: str = attrs.field(validator=_check_id)
    unit: Unit = attrs.field(validator=instance_of(Unit))
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
        """The channels that have a procedure or a completion time, offline first.

        Examples:
            >>> from pst_core.standards import catalog
            >>> catalog()["sumsel-konsultasi"].channels
            (<Channel.OFFLINE: 'offline'>, <Channel.ONLINE: 'online'>)
        """
        used = {p.channel for p in self.procedures} | {c.channel for c in self.completion_times}
        return tuple(c for c in Channel if c in used)

    def requirements_for(self, channel: Channel | str) -> tuple[Requirement, ...]:
        """The requirements that apply to ``channel``, in published order.

        Examples:
            >>> from pst_core.standards import catalog
            >>> [r.id for r in catalog()["sumsel-konsultasi"].requirements_for("online")]
            ['account', 'request-online']
        """
        wanted = Channel.coerce(channel)
        return tuple(r for r in self.requirements if wanted in r.channels)

    def procedure(self, channel: Channel | str) -> Procedure:
        """The procedure of ``channel``.

        Raises:
            UnknownNameError: (a ``LookupError``) when the standard has none for it.

        Examples:
            >>> from pst_core.standards import catalog
            >>> procedure = catalog()["sumsel-konsultasi"].procedure("online")
            >>> procedure.channel, len(procedure.steps), procedure.steps[0].actor
            (<Channel.ONLINE: 'online'>, 4, 'user')
        """
        wanted = Channel.coerce(channel)
        for procedure in self.procedures:
            if procedure.channel is wanted:
                return procedure
        raise self._missing("procedure", wanted, [p.channel.value for p in self.procedures])

    def completion(self, channel: Channel | str) -> CompletionTime:
        """The completion time of ``channel``.

        Raises:
            UnknownNameError: (a ``LookupError``) when the standard states none for it.

        Examples:
            >>> from pst_core.calendar.durations import WorkingTime
            >>> c = CompletionTime("offline", WorkingTime(10), "after_guest_book",
            ...                    max_service=WorkingTime(hours=2))
            >>> s = ServiceStandard("x", Unit("BPS Kota Bengkulu", "city", "Bengkulu"), "Penjualan",
            ...                     (), (), (c,), Fee("free"))
            >>> str(s.completion("offline").duration), str(s.completion("offline").max_service)
            ('10 minutes', '2 hours')
        """
        wanted = Channel.coerce(channel)
        for completion in self.completion_times:
            if completion.channel is wanted:
                return completion
        raise self._missing(
            "completion time", wanted, [c.channel.value for c in self.completion_times]
        )

    def _missing(self, what: str, channel: Channel, present: list[str]) -> UnknownNameError:
        return UnknownNameError(
            f"{what} channel of {self.id}",
            channel.value,
            allowed=", ".join(present) or "none",
        )

    def due(self, channel: Channel | str, start: datetime, calendar: WorkingCalendar) -> Deadline:
        """When a request on ``channel`` that started at ``start`` is due.

        Returns ``calendar.deadline(start, self.completion(channel).duration)``.

        Examples:
            >>> from zoneinfo import ZoneInfo
            >>> from pst_core.calendar import WorkingCalendar
            >>> from pst_core.calendar.durations import WorkingDays
            >>> s = ServiceStandard("x", Unit("BPS Kabupaten Bengkalis", "regency", "Riau"),
            ...                     "Konsultasi", (), (),
            ...                     (CompletionTime("online", WorkingDays(3), "not_stated"),),
            ...                     Fee("free"))
            >>> start = datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> s.due("online", start, WorkingCalendar.pst()).due.isoformat()
            '2026-03-27T16:00:00+07:00'
        """
        if not callable(getattr(calendar, "deadline", None)):
            raise InvalidTypeError("calendar", calendar, "WorkingCalendar")
        return calendar.deadline(start, self.completion(channel).duration)

    @property
    def timezone(self) -> ZoneInfo:
        """The time zone of the unit's province.

        Raises:
            UnknownProvinceError: when the province is not one of the 38.

        Examples:
            >>> from pst_core.standards import catalog
            >>> catalog()["bangka-selatan-konsultasi"].timezone
            zoneinfo.ZoneInfo(key='Asia/Jakarta')
        """
        from pst_core.calendar.zones import province_timezone

        return province_timezone(self.unit.province)

    def checklist(self, channel: Channel | str) -> Checklist:
        """The requirements of ``channel`` as a :class:`~pst_core.standards.Checklist`.

        Examples:
            >>> from pst_core.standards import catalog
            >>> checklist = catalog()["bengkalis-konsultasi"].checklist("offline")
            >>> checklist.standard_id, checklist.ids
            ('bengkalis-konsultasi', ('visit', 'identity-card', 'email', 'guest-book'))
        """
        from pst_core.standards.checklist import Checklist

        wanted = Channel.coerce(channel)
        return Checklist(self.id, wanted, self.requirements_for(wanted))
