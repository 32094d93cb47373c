"""Service standards and SOPs as Markdown, in the layout of the published documents.

This is what `ServiceStandard.describe` and `StandardOperatingProcedure.describe`
return. A service standard reads as its leaflet: the office's header, then
*Persyaratan*; *Sistem, Mekanisme dan Prosedur*; *Waktu Penyelesaian*;
*Biaya / Tarif*; *Produk Pelayanan*; *Pengaduan Layanan*, with the text as
published. Procedure steps keep their published numbers (a table, since
Markdown renumbers lists) and show who performs each. An SOP reads as its
header table and its table of steps with the quality standards.

Headings and the fixed words come from the message catalogue in the language
asked for; the published text exists in Indonesian only, so it stays so in an
English rendering, except requirements and products, which carry an English text.

Examples:
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

from pst_core._display import html_section, html_table, html_text
from pst_core.errors import InvalidValueError
from pst_core.i18n import Language, check_language, text
from pst_core.standards.model import ServiceStandard, _say_duration, term
from pst_core.standards.sop import SopStep, StandardOperatingProcedure

__all__: list[str] = []


def _level(level: object) -> int:
    if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 4:
        raise InvalidValueError("level", level, "a heading level from 1 to 4")
    return level


def _cell(value: str | None) -> str:
    return " ".join((value or "").split()).replace("|", "\\|")


def _finish(lines: list[str]) -> str:
    return "\n".join(lines).rstrip() + "\n"


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
            lines.append(f"| {step.number} | {_cell(step.text)} | {actor} |")
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
        duration = _say_duration(completion.duration, lang)
        sentence = completion.text or say("at_most", duration=duration)
        lines.append(f"- **{term('channel_heading', completion.channel, lang)}**: {sentence}")
        if completion.inactivity is not None and completion.inactivity.text:
            lines.append(f"    - {completion.inactivity.text}")
    lines.append("")
    return lines


def leaflet(standard: ServiceStandard, language: Language, level: int) -> str:
    """The Markdown of `ServiceStandard.describe`."""
    lang = check_language(language)
    h1, h2, h3 = "#" * _level(level), "#" * (level + 1), "#" * (level + 2)

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
    fee_texts = standard.fee.texts or (term("fee_kind", standard.fee.kind, lang),)
    for fee_text in fee_texts:
        lines += [fee_text, ""]

    lines += [f"{h2} {say('products')}", ""]
    lines += [f"{n}. {p.describe(lang)}" for n, p in enumerate(standard.products, start=1)]
    lines.append("")

    lines += [f"{h2} {say('complaints')}", ""]
    for complaint in standard.complaints:
        label = f"{complaint.label} : " if complaint.label else ""
        lines.append(f"- {label}{complaint.address}")
    lines.append("")
    return _finish(lines)


def _step_row(step: SopStep, lang: Language, say: Callable[..., str]) -> str:
    """One step of the SOP's table: number, text with where its branches lead, actor, quality."""
    description = _cell(step.text)
    # The branches are in the step's text already; only where they lead is added.
    for branch in step.decision.branches if step.decision else ():
        if branch.goto is not None:
            goto = say("goto", step=branch.goto)
            description += f"<br>*{_cell(branch.condition)}* → {goto}"
    quality = step.quality
    cells = [
        str(step.number),
        description,
        term("actor", step.actor, lang),
        _cell(quality.completeness),
        _cell(quality.time_text),
        _cell(quality.output),
        _cell(step.note),
    ]
    return "| " + " | ".join(cells) + " |"


def sop_sheet(sop: StandardOperatingProcedure, language: Language, level: int) -> str:
    """The Markdown of `StandardOperatingProcedure.describe`."""
    lang = check_language(language)
    h1, h2 = "#" * _level(level), "#" * (level + 1)

    def say(key: str, **fields: object) -> str:
        return text(f"standards.sop.{key}", lang, **fields)

    approver = sop.approver
    signed = f"{approver.position}, {approver.name}" + (
        f" (NIP {approver.nip})" if approver.nip else ""
    )
    lines = [f"{h1} {sop.name}", ""]
    header = [
        (say("office"), sop.office.name + (f" — {sop.team}" if sop.team else "")),
        (say("number"), sop.number),
        (say("created"), sop.created.isoformat()),
        (say("revised"), sop.revised.isoformat() if sop.revised else "-"),
        (say("approved"), sop.approved.isoformat()),
        (say("approver"), signed),
        (say("name"), sop.name),
    ]
    lines += ["| | |", "|---|---|"]
    lines += [f"| {name} | {_cell(value)} |" for name, value in header]
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
            lines += [f"({sop.hours.describe()})", ""]
    if sop.appointment is not None:
        lines += [sop.appointment.text, ""]
    return _finish(lines)


def leaflet_html(standard: ServiceStandard, language: Language) -> str:
    """The notebook display of a standard: its title, service, requirements and times.

    A short HTML view of `leaflet` (the whole leaflet is ``describe``'s Markdown):
    a table of the requirements with their channels and one of the completion
    time of each channel, every text escaped.
    """
    lang = check_language(language)

    def say(key: str, **fields: object) -> str:
        return text(f"standards.{key}", lang, **fields)

    lines = [say("display.service", service=standard.service)]
    if standard.decree:
        lines.append(f"{say('leaflet.decree')} : {standard.decree}")
    fee_texts = standard.fee.texts or (term("fee_kind", standard.fee.kind, lang),)
    lines.append(f"{say('leaflet.fee')}: {' '.join(fee_texts)}")
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
