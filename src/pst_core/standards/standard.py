"""A published service standard (*standar pelayanan*) and its leaflet.

`ServiceStandard` holds an office's standard for one service, built of the
components in `pst_core.standards.components`; its `describe` writes it as
Markdown in the layout of the published leaflet: the office's header, then
*Persyaratan*; *Sistem, Mekanisme dan Prosedur*; *Waktu Penyelesaian*;
*Biaya / Tarif*; *Produk Pelayanan*; *Pengaduan Layanan*, with the text as
published. Procedure steps keep their published numbers (a table, since
Markdown renumbers lists) and show who performs each.

Headings and the fixed words come from the message catalogue in the language
asked for; the published text exists in Indonesian only, so it stays so in an
English rendering, except requirements and products, which carry an English text.

Examples:
    >>> from pst_core.calendar.durations import WorkingDays
    >>> standard = ServiceStandard(
    ...     id="contoh-konsultasi",
    ...     office=Office("BPS Provinsi Bengkulu", "province", "Bengkulu"),
    ...     service="Pelayanan Konsultasi Statistik",
    ...     requirements=(Requirement("account", "Memiliki akun pada portal pst.bps.go.id",
    ...                               "An account on pst.bps.go.id", ("online",), "account"),),
    ...     procedures=(),
    ...     completion_times=(CompletionTime("online", WorkingDays(3), "not_stated"),),
    ...     fee=Fee("free", ("Tidak dipungut biaya",)),
    ... )
    >>> str(standard.completion("online").duration), standard.channels
    ('3 working days', ('online',))
    >>> standard.timezone
    zoneinfo.ZoneInfo(key='Asia/Jakarta')
    >>> standard.completion("offline")
    Traceback (most recent call last):
    ...
    pst_core.errors.UnknownNameError: unknown completion time channel of contoh-konsultasi ...
    >>> from pst_core.standards import catalog
    >>> text = catalog().standard("bangka-selatan-konsultasi").describe("id")
    >>> [line for line in text.splitlines() if line.startswith("## ")]
    ['## Persyaratan', '## Sistem, Mekanisme dan Prosedur', '## Waktu Penyelesaian',
     '## Biaya / Tarif', '## Produk Pelayanan', '## Pengaduan Layanan']
    >>> english = catalog().standard("bangka-selatan-konsultasi").describe("en", level=2)
    >>> [line for line in english.splitlines() if line.startswith("#")][:3]
    ['## Integrated Statistical Services, BPS Kabupaten Bangka Selatan', '### Requirements',
     '### System, mechanism and procedure']
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, TypeVar
from zoneinfo import ZoneInfo

import attrs

from pst_core._display import html_section, html_table, html_text, short
from pst_core._validation import Validator, instance_of, tuple_of, unique_by
from pst_core.calendar.converter import DataModel
from pst_core.calendar.zones import province_timezone
from pst_core.errors import InvalidTypeError, Phrase, UnknownNameError
from pst_core.i18n import Language, check_language, display_language, text
from pst_core.standards import _markdown
from pst_core.standards._fields import (
    CHANNELS,
    identifier,
    non_blank_text,
    optional_text,
    require_channel,
)
from pst_core.standards.checklist import Checklist
from pst_core.standards.components import (
    ComplaintChannel,
    CompletionTime,
    Fee,
    Management,
    Office,
    Procedure,
    Product,
    Requirement,
)
from pst_core.standards.vocabulary import Channel, term

if TYPE_CHECKING:
    from pst_core.calendar import Deadline, WorkingCalendar

__all__ = ["ServiceStandard"]

# Either per-channel part of a standard: looked up by its channel.
_PerChannel = TypeVar("_PerChannel", Procedure, CompletionTime)


def _one_per_channel(kind: type) -> list[Validator]:
    return [tuple_of(kind), unique_by(lambda item: item.channel, Phrase("standards.kind.channel"))]


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

    id: str = attrs.field(validator=identifier)
    office: Office = attrs.field(validator=instance_of(Office))
    service: str = attrs.field(validator=non_blank_text)
    requirements: tuple[Requirement, ...] = attrs.field(
        validator=[
            tuple_of(Requirement),
            unique_by(lambda r: r.id, Phrase("standards.kind.requirement_id")),
        ]
    )
    procedures: tuple[Procedure, ...] = attrs.field(validator=_one_per_channel(Procedure))
    completion_times: tuple[CompletionTime, ...] = attrs.field(
        validator=_one_per_channel(CompletionTime)
    )
    fee: Fee = attrs.field(validator=instance_of(Fee))
    products: tuple[Product, ...] = attrs.field(default=(), validator=tuple_of(Product))
    complaints: tuple[ComplaintChannel, ...] = attrs.field(
        default=(), validator=tuple_of(ComplaintChannel)
    )
    decree: str | None = attrs.field(default=None, validator=optional_text)
    completion_header: str | None = attrs.field(default=None, validator=optional_text)
    management: Management = attrs.field(factory=Management, validator=instance_of(Management))
    source: str | None = attrs.field(default=None, validator=optional_text)

    @property
    def channels(self) -> tuple[Channel, ...]:
        """The channels that have a procedure or a completion time, offline first."""
        used = {p.channel for p in self.procedures} | {c.channel for c in self.completion_times}
        return tuple(c for c in CHANNELS if c in used)

    def requirements_for(self, channel: Channel) -> tuple[Requirement, ...]:
        """The requirements that apply to ``channel``, in published order."""
        wanted = require_channel(channel)
        return tuple(r for r in self.requirements if wanted in r.channels)

    def procedure(self, channel: Channel) -> Procedure:
        """The procedure of ``channel``.

        Raises:
            UnknownNameError: (a ``LookupError``) when the standard has none for it.
        """
        return self._of_channel(self.procedures, channel, "procedure")

    def completion(self, channel: Channel) -> CompletionTime:
        """The completion time of ``channel``.

        Raises:
            UnknownNameError: (a ``LookupError``) when the standard states none for it.
        """
        return self._of_channel(self.completion_times, channel, "completion_time")

    def _of_channel(
        self, parts: tuple[_PerChannel, ...], channel: object, what: str
    ) -> _PerChannel:
        wanted = require_channel(channel)
        for part in parts:
            if part.channel == wanted:
                return part
        present = tuple(part.channel for part in parts) or Phrase("standards.error.none")
        kind = Phrase(
            "standards.kind.channel_of", what=Phrase(f"standards.kind.{what}"), standard=self.id
        )
        raise UnknownNameError(kind, wanted, allowed=present)

    def due(self, channel: Channel, start: datetime, calendar: WorkingCalendar) -> Deadline:
        """When a request on ``channel`` that started at ``start`` is due.

        Returns ``calendar.deadline(start, self.completion(channel).duration)``.
        """
        if not callable(getattr(calendar, "deadline", None)):
            from pst_core.calendar.calendar import WorkingCalendar

            raise InvalidTypeError("calendar", calendar, WorkingCalendar)
        return calendar.deadline(start, self.completion(channel).duration)

    @property
    def timezone(self) -> ZoneInfo:
        """The time zone of the office's province.

        Raises:
            UnknownProvinceError: when the province is not one of the 38.
        """
        return province_timezone(self.office.province)

    def checklist(self, channel: Channel) -> Checklist:
        """The requirements of ``channel`` as a `Checklist` to check evidence against.

        Examples:
            >>> from pst_core.standards import catalog
            >>> checklist = catalog().standard("bengkalis-konsultasi").checklist("offline")
            >>> checklist.standard_id, checklist.ids
            ('bengkalis-konsultasi', ('visit', 'identity-card', 'email', 'guest-book'))
        """
        wanted = require_channel(channel)
        return Checklist(self.id, wanted, self.requirements_for(wanted))

    def describe(self, language: Language = "en", *, level: int = 1) -> str:
        """The standard as Markdown, in the layout of the published leaflet.

        Headings and fixed words are in ``language``; the published text stays
        as published (Indonesian), except requirements and products, which
        have an English text. The title is a heading of ``level`` (1-4), the
        sections one deeper.

        Raises:
            InvalidValueError: for a ``language`` other than ``"id"``/``"en"``, or a
                ``level`` outside 1-4.
        """
        return _leaflet(self, check_language(language), level)

    def __repr__(self) -> str:
        return (
            f"ServiceStandard(id={short(self.id, 32)}, office={short(self.office.name, 32)}, "
            f"channels={self.channels!r}, requirements={len(self.requirements)})"
        )

    def _html(self, language: Language) -> str:
        """The notebook display: its title, service, requirements and times."""
        return _leaflet_html(self, check_language(language))

    def to_html(self, language: Language | None = None) -> str:
        """What a notebook shows, as HTML in ``language`` (default: the display language,
        `pst_core.i18n.display_language`, set with ``pst_core.set_option``)."""
        return self._html(display_language() if language is None else check_language(language))

    def _repr_html_(self) -> str:
        return self.to_html()


def _leaflet(standard: ServiceStandard, lang: Language, level: int) -> str:
    """The Markdown of `ServiceStandard.describe`: the published leaflet's layout."""
    h1, h2, h3 = _markdown.headings(level, 3)

    def say(key: str, **fields: object) -> str:
        return text(f"standards.leaflet.{key}", lang, **fields)

    office = standard.office
    contacts = [
        part for part in (office.address, office.phone, office.email, office.website) if part
    ]
    lines = [f"{h1} {say('title', office=office.name)}", ""]
    if contacts:
        lines += [" · ".join(contacts), ""]
    lines += [f"**{standard.service}**", ""]
    if standard.decree is not None:
        lines += [f"{say('decree')} : {standard.decree}".rstrip(), ""]

    lines += [f"{h2} {say('requirements')}", ""]
    for number, requirement in enumerate(standard.requirements, start=1):
        channels = ", ".join(term("channel", c, lang) for c in requirement.channels)
        lines.append(f"{number}. {requirement.describe(lang)} *({channels})*")
    lines.append("")

    lines += [f"{h2} {say('procedure')}", ""]
    lines += _procedure_tables(standard, lang, say, h3)

    lines += [f"{h2} {say('completion')}", ""]
    lines += _completion_times(standard, lang, say)

    lines += [f"{h2} {say('fee')}", ""]
    for fee_text in _fee_texts(standard, lang):
        lines += [fee_text, ""]

    lines += [f"{h2} {say('products')}", ""]
    lines += [f"{n}. {p.describe(lang)}" for n, p in enumerate(standard.products, start=1)]
    lines.append("")

    lines += [f"{h2} {say('complaints')}", ""]
    for complaint in standard.complaints:
        label = f"{complaint.label} : " if complaint.label else ""
        lines.append(f"- {label}{complaint.address}")
    lines.append("")
    return _markdown.document(lines)


def _procedure_tables(
    standard: ServiceStandard, lang: Language, say: Callable[..., str], h3: str
) -> list[str]:
    """The leaflet's procedure: one table of steps per channel, each under its heading."""
    lines: list[str] = []
    for procedure in standard.procedures:
        lines += [f"{h3} {term('channel_heading', procedure.channel, lang)}", ""]
        lines += [f"| {say('number')} | {say('step')} | {say('actor')} |", "|---:|---|---|"]
        for step in procedure.steps:
            actor = term("actor", step.actor, lang)
            lines.append(f"| {step.number} | {_markdown.cell(step.text)} | {actor} |")
        lines.append("")
    return lines


def _completion_times(
    standard: ServiceStandard, lang: Language, say: Callable[..., str]
) -> list[str]:
    """The leaflet's completion times: one bullet per channel, with its inactivity rule."""
    lines: list[str] = []
    if standard.completion_header is not None:
        lines += [f"**{standard.completion_header}**", ""]
    for completion in standard.completion_times:
        duration = completion.duration.describe(lang)
        sentence = completion.text or say("at_most", duration=duration)
        lines.append(f"- **{term('channel_heading', completion.channel, lang)}**: {sentence}")
        if completion.inactivity is not None and completion.inactivity.text:
            lines.append(f"    - {completion.inactivity.text}")
    lines.append("")
    return lines


def _fee_texts(standard: ServiceStandard, lang: Language) -> tuple[str, ...]:
    """The fee as published, or in words when the document prints no fee text."""
    return standard.fee.texts or (term("fee_kind", standard.fee.kind, lang),)


def _leaflet_html(standard: ServiceStandard, lang: Language) -> str:
    """The notebook display of a standard: its title, service, requirements and times.

    A short HTML view of the leaflet (the whole leaflet is `describe`'s
    Markdown): a table of the requirements with their channels and one of the
    completion time of each channel, every text escaped.
    """

    def say(key: str, **fields: object) -> str:
        return text(f"standards.{key}", lang, **fields)

    lines = [say("display.service", service=standard.service)]
    if standard.decree:
        lines.append(f"{say('leaflet.decree')} : {standard.decree}")
    lines.append(f"{say('leaflet.fee')}: {' '.join(_fee_texts(standard, lang))}")
    requirements = html_table(
        [say("leaflet.number"), say("display.requirement"), say("display.channels")],
        [
            [str(n), r.describe(lang), ", ".join(term("channel", c, lang) for c in r.channels)]
            for n, r in enumerate(standard.requirements, start=1)
        ],
        caption=say("leaflet.requirements"),
    )
    completion = html_table(
        [say("display.channel"), say("leaflet.completion")],
        [[term("channel", c.channel, lang), c.describe(lang)] for c in standard.completion_times],
        caption=say("leaflet.completion"),
    )
    title = say("leaflet.title", office=standard.office.name)
    return html_section(title, html_text(lines), requirements, completion)
