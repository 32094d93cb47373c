"""A standard operating procedure (SOP) of a BPS unit, as typed data, and its sheet.

An SOP is an internal document: numbered steps with their actors (user,
receptionist, service officer, service application), decisions, and per step a
quality standard (*mutu baku*: what must be complete, the time, the output),
plus the header (number, dates, approver, legal basis, executor
qualifications, related SOPs, equipment, warnings). The SOP of BPS Provinsi
Bengkulu for paid statistical products (seed 004) also publishes the service
hours and an appointment rule for service outside them.

Published strings are kept as published; `QualityStandard.time` and
`AppointmentRule.lead_time` are parsed from them where they parse.
`StandardOperatingProcedure.describe` writes the SOP as Markdown: its header
table, its sections and its table of steps with the quality standards.

Examples:
    >>> rule = AppointmentRule(
    ...     "Untuk layanan diluar jam/hari kerja, tetap dilayani dengan membuat janji "
    ...     "terlebih dahulu minimal 1 jam/hari sebelumnya", "1 jam/hari")
    >>> rule.lead_time is None, [str(d) for d in rule.readings]
    (True, ['1 hour', '1 calendar day'])
    >>> QualityStandard(time_text="10 hari kerja").time
    WorkingDays(n=10)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar
from zoneinfo import ZoneInfo

import attrs

from pst_core._validation import instance_of, plain_date
from pst_core.calendar.converter import DataModel
from pst_core.calendar.durations import Duration, parse_duration
from pst_core.calendar.hours import WorkingHours
from pst_core.calendar.zones import province_timezone
from pst_core.errors import InvalidDurationError, InvalidTypeError, Phrase, UnknownNameError
from pst_core.i18n import Language, check_language, text
from pst_core.standards import _markdown
from pst_core.standards._fields import identifier, non_blank_text, optional_text, text_tuple
from pst_core.standards.components import Office, Step, numbered_steps
from pst_core.standards.vocabulary import term

__all__ = [
    "AppointmentRule",
    "Approver",
    "QualityStandard",
    "SopStep",
    "StandardOperatingProcedure",
]


def _try_parse(text: str | None) -> Duration | None:
    if text is None:
        return None
    try:
        return parse_duration(text)
    except InvalidDurationError:
        return None


@attrs.frozen
class Approver:
    """Who signed the SOP off (*disahkan oleh*).

    Examples:
        >>> Approver("Kepala BPS Provinsi Bengkulu", "Ir. Win Rizal, M.E.").nip is None
        True
    """

    position: str = attrs.field(validator=non_blank_text)
    name: str = attrs.field(validator=non_blank_text)
    nip: str | None = attrs.field(default=None, validator=optional_text)
    """Civil-servant number (*NIP*)."""


@attrs.frozen
class QualityStandard:
    """The quality standard (*mutu baku*) of one SOP step, as published.

    Attributes:
        completeness: What must be complete (*kelengkapan*), as published.
        time_text: The time (*waktu*) as printed, e.g. ``"10 menit"``.
        output: The output, as published.

    Examples:
        >>> QualityStandard("Biodata, email", "3 hari").time
        CalendarDays(n=3)
        >>> QualityStandard(time_text="sebentar").time is None
        True
    """

    completeness: str | None = attrs.field(default=None, validator=optional_text)
    time_text: str | None = attrs.field(default=None, validator=optional_text)
    output: str | None = attrs.field(default=None, validator=optional_text)

    @property
    def time(self) -> Duration | None:
        """The time as a duration; ``None`` when absent or when it does not parse."""
        return _try_parse(self.time_text)


@attrs.frozen
class SopStep(Step):
    """One numbered step of an SOP: a `Step` with its quality standard and remark.

    Attributes:
        number: The step's number.
        text: The step as published.
        actor: Who performs it (see `Actor`).
        decision: Its decision and branches, where it has one.
        quality: Its quality standard.
        note: The remark (*keterangan*) as published.

    Examples:
        >>> SopStep(6, "Pengguna layanan melengkapi persyaratan yang dibutuhkan", "user").actor
        'user'
    """

    quality: QualityStandard = attrs.field(
        factory=QualityStandard, validator=instance_of(QualityStandard)
    )
    note: str | None = attrs.field(default=None, validator=optional_text)


@attrs.frozen
class AppointmentRule:
    """Service outside the working hours, by appointment made ahead of time.

    Attributes:
        text: The rule as published.
        lead_time_text: The lead time as printed (``"1 jam/hari"`` in seed 004).

    Examples:
        >>> AppointmentRule("... minimal 1 hari sebelumnya", "1 hari").lead_time
        CalendarDays(n=1)
    """

    text: str = attrs.field(validator=non_blank_text)
    lead_time_text: str = attrs.field(validator=non_blank_text)

    @property
    def lead_time(self) -> Duration | None:
        """The lead time, or ``None`` when the text does not parse as one duration."""
        return _try_parse(self.lead_time_text)

    @property
    def readings(self) -> tuple[Duration, ...]:
        """Every duration the text can be read as: ``"1 jam/hari"`` is 1 hour or 1 day.

        Examples:
            >>> AppointmentRule("... minimal 1 jam/hari sebelumnya", "1 jam/hari").readings
            (WorkingTime(minutes=60), CalendarDays(n=1))
            >>> AppointmentRule("... minimal 1 hari sebelumnya", "1 hari").readings
            (CalendarDays(n=1),)
        """
        single = self.lead_time
        if single is not None:
            return (single,)
        number, _, units = self.lead_time_text.strip().partition(" ")
        found = (_try_parse(f"{number} {unit.strip()}") for unit in units.split("/"))
        return tuple(d for d in found if d is not None)


@attrs.frozen
class StandardOperatingProcedure(DataModel):
    """An office's standard operating procedure (SOP).

    A saved model: `StandardOperatingProcedure.load` reads a ``.toml``/``.json``
    file whose ``type`` is ``"sop"``, `dump` writes one.

    Attributes:
        id: Stable identifier, e.g. ``"bengkulu-sop-produk-berbayar"``.
        office: The office that issued it.
        number: The SOP number (*nomor SOP*).
        name: The SOP name (*nama SOP*).
        created: Date made (*tanggal pembuatan*).
        approved: Date approved (*tanggal pengesahan*).
        approver: Who approved it.
        steps: The steps.
        revised: Date revised (*tanggal revisi*); ``None`` when printed "-".
        team: The team that owns it.
        legal_basis: *Dasar hukum*.
        qualifications: *Kualifikasi pelaksana*.
        related: Related SOPs (*keterkaitan*).
        equipment: *Peralatan/perlengkapan*.
        warning_intro: The sentence before the warnings.
        warnings: *Peringatan*.
        records: *Pencatatan dan pendataan* (empty when blank).
        service_hours: Opening hours as published.
        hours: The opening hours, read from ``service_hours``.
        appointment: Service outside hours, when the SOP allows it.
        source: Where the document came from.

    Examples:
        >>> from pst_core.standards import catalog
        >>> sop = catalog().sop("bengkulu-sop-produk-berbayar")
        >>> sop.number, [s.actor for s in sop.steps][:4]
        ('SOP-1-101/17000/2025', ['user', 'user', 'receptionist', 'officer'])
        >>> sop.hours.describe()
        'Mon–Thu 08:00-15:30; Fri 08:00-16:00; Sat–Sun closed'
        >>> step = sop.step(7)
        >>> step.actor, step.quality.time_text
        ('officer', '10 hari kerja')
        >>> StandardOperatingProcedure.loads(sop.dumps(), format="json") == sop
        True
    """

    file_type: ClassVar[str | None] = "sop"

    id: str = attrs.field(validator=identifier)
    office: Office = attrs.field(validator=instance_of(Office))
    number: str = attrs.field(validator=non_blank_text)
    name: str = attrs.field(validator=non_blank_text)
    created: date = attrs.field(validator=plain_date)
    approved: date = attrs.field(validator=plain_date)
    approver: Approver = attrs.field(validator=instance_of(Approver))
    steps: tuple[SopStep, ...] = attrs.field(validator=numbered_steps(SopStep))
    revised: date | None = attrs.field(
        default=None, validator=attrs.validators.optional(plain_date)
    )
    team: str | None = attrs.field(default=None, validator=optional_text)
    legal_basis: tuple[str, ...] = attrs.field(default=(), validator=text_tuple)
    qualifications: tuple[str, ...] = attrs.field(default=(), validator=text_tuple)
    related: tuple[str, ...] = attrs.field(default=(), validator=text_tuple)
    equipment: tuple[str, ...] = attrs.field(default=(), validator=text_tuple)
    warning_intro: str | None = attrs.field(default=None, validator=optional_text)
    warnings: tuple[str, ...] = attrs.field(default=(), validator=text_tuple)
    records: tuple[str, ...] = attrs.field(default=(), validator=text_tuple)
    hours: WorkingHours | None = attrs.field(
        default=None, validator=attrs.validators.optional(instance_of(WorkingHours))
    )
    service_hours: str | None = attrs.field(default=None, validator=optional_text)
    appointment: AppointmentRule | None = attrs.field(
        default=None, validator=attrs.validators.optional(instance_of(AppointmentRule))
    )
    source: str | None = attrs.field(default=None, validator=optional_text)

    def step(self, number: int) -> SopStep:
        """The step numbered ``number``.

        Raises:
            UnknownNameError: when there is no such step.
            InvalidTypeError: when ``number`` is not an int.
        """
        if isinstance(number, bool) or not isinstance(number, int):
            raise InvalidTypeError("number", number, int)
        for step in self.steps:
            if step.number == number:
                return step
        raise UnknownNameError(
            Phrase("standards.kind.step", sop=self.id),
            number,
            allowed=tuple(str(s.number) for s in self.steps),
        )

    @property
    def timezone(self) -> ZoneInfo:
        """The time zone of the office's province."""
        return province_timezone(self.office.province)

    def describe(self, language: Language = "en", *, level: int = 1) -> str:
        """The SOP as Markdown: its header table and its table of steps.

        Headings and fixed words are in ``language``; the published text stays
        as published (Indonesian). The title is a heading of ``level`` (1-4).

        Raises:
            InvalidValueError: for a ``language`` other than ``"id"``/``"en"``, or a
                ``level`` outside 1-4.
        """
        return _sheet(self, check_language(language), level)


def _sheet(sop: StandardOperatingProcedure, lang: Language, level: int) -> str:
    """The Markdown of `StandardOperatingProcedure.describe`."""
    h1, h2 = _markdown.headings(level, 2)

    def say(key: str, **fields: object) -> str:
        return text(f"standards.sop.{key}", lang, **fields)

    lines = [f"{h1} {sop.name}", ""]
    lines += ["| | |", "|---|---|"]
    lines += [f"| {name} | {_markdown.cell(value)} |" for name, value in _header(sop, say)]
    lines.append("")
    sections = [
        ("legal_basis", sop.legal_basis),
        ("qualifications", sop.qualifications),
        ("related", sop.related),
        ("equipment", sop.equipment),
        ("warnings", sop.warnings),
        ("records", sop.records),
    ]
    for key, items in sections:
        lines += [f"{h2} {say(key)}", ""]
        if key == "warnings" and sop.warning_intro:
            lines += [sop.warning_intro, ""]
        lines += [f"{n}. {item}" for n, item in enumerate(items, start=1)] or ["-"]
        lines.append("")
    lines += [f"{h2} {say('steps')}", ""]
    columns = ("number", "step", "actor", "completeness", "time", "output", "note")
    lines += ["| " + " | ".join(say(f"column.{c}") for c in columns) + " |"]
    lines += ["|---:|---|---|---|---|---|---|"]
    lines += [_step_row(step, lang, say) for step in sop.steps]
    lines.append("")
    if sop.service_hours or sop.hours is not None:
        lines += [f"{h2} {say('service_hours')}", ""]
        if sop.service_hours:
            lines += [sop.service_hours, ""]
        if sop.hours is not None:
            lines += [f"({sop.hours.describe(lang)})", ""]
    if sop.appointment is not None:
        lines += [sop.appointment.text, ""]
    return _markdown.document(lines)


def _header(sop: StandardOperatingProcedure, say: Callable[..., str]) -> list[tuple[str, str]]:
    """The rows of the sheet's header table: office, number, dates, approver, name."""
    approver = sop.approver
    signed = f"{approver.position}, {approver.name}" + (
        f" (NIP {approver.nip})" if approver.nip else ""
    )
    return [
        (say("office"), sop.office.name + (f" — {sop.team}" if sop.team else "")),
        (say("number"), sop.number),
        (say("created"), sop.created.isoformat()),
        (say("revised"), sop.revised.isoformat() if sop.revised else "-"),
        (say("approved"), sop.approved.isoformat()),
        (say("approver"), signed),
        (say("name"), sop.name),
    ]


def _step_row(step: SopStep, lang: Language, say: Callable[..., str]) -> str:
    """One step of the SOP's table: number, text with where its branches lead, actor, quality."""
    description = _markdown.cell(step.text)
    # The branches are in the step's text already; only where they lead is added.
    for branch in step.decision.branches if step.decision else ():
        if branch.goto is not None:
            goto = say("goto", step=branch.goto)
            description += f"<br>*{_markdown.cell(branch.condition)}* → {goto}"
    quality = step.quality
    cells = [
        str(step.number),
        description,
        term("actor", step.actor, lang),
        _markdown.cell(quality.completeness),
        _markdown.cell(quality.time_text),
        _markdown.cell(quality.output),
        _markdown.cell(step.note),
    ]
    return "| " + " | ".join(cells) + " |"
