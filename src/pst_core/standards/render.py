"""Render a service standard or SOP as Markdown, in the layout of the published documents.

A service standard renders as its leaflet: the unit's header, then
*Persyaratan*; *Sistem, Mekanisme dan Prosedur*; *Waktu Penyelesaian*;
*Biaya / Tarif*; *Produk Pelayanan*; *Pengaduan Layanan* — with the text as
published. Procedure steps keep their published numbers (a table, since
Markdown renumbers lists) and show who performs each. An SOP renders as its
header table and its table of steps with the quality standards.

Examples:
    >>> from pst_core.standards import catalog
    >>> text = render_markdown(catalog()["bangka-selatan-konsultasi"])
    >>> [line for line in text.splitlines() if line.startswith("## ")]
    ['## Persyaratan', '## Sistem, Mekanisme dan Prosedur', '## Waktu Penyelesaian',
     '## Biaya / Tarif', '## Produk Pelayanan', '## Pengaduan Layanan']
    >>> print(text.splitlines()[0])
    # Pelayanan Statistik Terpadu BPS Kabupaten Bangka Selatan
"""

from __future__ import annotations

from pst_core.errors import InvalidTypeError, InvalidValueError
from pst_core.standards.model import Channel, ServiceStandard
from pst_core.standards.sop import StandardOperatingProcedure

__all__ = ["ACTOR_LABELS_ID", "render_markdown"]

ACTOR_LABELS_ID: dict[str, str] = {
    "user": "Pengguna Layanan",
    "receptionist": "Resepsionis",
    "officer": "Petugas Layanan",
    "app": "Aplikasi Pelayanan",
}
"""The Indonesian column names of the actors, as the SOP prints them."""

_CHANNEL_HEADINGS = {
    Channel.OFFLINE: "Layanan dengan cara kunjungan langsung",
    Channel.ONLINE: "Layanan dengan cara online",
}


def render_markdown(
    document: ServiceStandard | StandardOperatingProcedure, *, level: int = 1
) -> str:
    """Markdown for ``document``; its title is a heading of ``level`` (1-4), sections one deeper.

    Raises:
        InvalidTypeError: for anything but a ServiceStandard or SOP.
        InvalidValueError: for a ``level`` outside 1-4.

    Examples:
        >>> from pst_core.standards import catalog
        >>> print(render_markdown(catalog()["sumsel-konsultasi"], level=3).splitlines()[0])
        ### Pelayanan Statistik Terpadu BPS Provinsi Sumatera Selatan
    """
    if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 4:
        raise InvalidValueError("level", level, "a heading level from 1 to 4")
    if isinstance(document, ServiceStandard):
        lines = _standard(document, level)
    elif isinstance(document, StandardOperatingProcedure):
        lines = _sop(document, level)
    else:
        raise InvalidTypeError(
            "document", document, "ServiceStandard or StandardOperatingProcedure"
        )
    return "\n".join(lines).rstrip() + "\n"


def _cell(text: str | None) -> str:
    return " ".join((text or "").split()).replace("|", "\\|")


def _standard(standard: ServiceStandard, level: int) -> list[str]:
    h1, h2, h3 = "#" * level, "#" * (level + 1), "#" * (level + 2)
    unit = standard.unit
    contacts = [part for part in (unit.address, unit.phone, unit.email, unit.website) if part]
    lines = [f"{h1} Pelayanan Statistik Terpadu {unit.name}", ""]
    if contacts:
        lines += [" · ".join(contacts), ""]
    lines += [f"**{standard.service}**", ""]
    if standard.decree is not None:
        lines += [f"No. SK : {standard.decree}".rstrip(), ""]

    lines += [f"{h2} Persyaratan", ""]
    for number, requirement in enumerate(standard.requirements, start=1):
        channels = ", ".join(c.label_id for c in requirement.channels)
        lines.append(f"{number}. {requirement.text_id} *({channels})*")
    lines.append("")

    lines += [f"{h2} Sistem, Mekanisme dan Prosedur", ""]
    for procedure in standard.procedures:
        lines += [f"{h3} {_CHANNEL_HEADINGS[procedure.channel]}", ""]
        lines += ["| No. | Uraian | Pelaksana |", "|---:|---|---|"]
        for step in procedure.steps:
            lines.append(
                f"| {step.number} | {_cell(step.text_id)} | {ACTOR_LABELS_ID[step.actor]} |"
            )
        lines.append("")

    lines += [f"{h2} Waktu Penyelesaian", ""]
    if standard.completion_header is not None:
        lines += [f"**{standard.completion_header}**", ""]
    for completion in standard.completion_times:
        text = completion.text_id or f"maksimal {completion.duration.label_id}"
        lines.append(f"- **{_CHANNEL_HEADINGS[completion.channel]}**: {text}")
        if completion.inactivity is not None and completion.inactivity.text_id:
            lines.append(f"    - {completion.inactivity.text_id}")
    lines.append("")

    lines += [f"{h2} Biaya / Tarif", ""]
    fee_texts = standard.fee.texts_id or (
        ("Tidak dipungut biaya",) if standard.fee.is_free else ("PNBP",)
    )
    for text in fee_texts:
        lines += [text, ""]

    lines += [f"{h2} Produk Pelayanan", ""]
    lines += [f"{n}. {p.text_id}" for n, p in enumerate(standard.products, start=1)]
    lines.append("")

    lines += [f"{h2} Pengaduan Layanan", ""]
    for complaint in standard.complaints:
        label = f"{complaint.label_id} : " if complaint.label_id else ""
        lines.append(f"- {label}{complaint.address}")
    lines.append("")
    return lines


def _sop(sop: StandardOperatingProcedure, level: int) -> list[str]:
    h1, h2 = "#" * level, "#" * (level + 1)
    approver = sop.approver
    signed = f"{approver.position}, {approver.name}" + (
        f" (NIP {approver.nip})" if approver.nip else ""
    )
    lines = [f"{h1} {sop.name}", ""]
    header = [
        ("Unit", sop.unit.name + (f" — {sop.team}" if sop.team else "")),
        ("Nomor SOP", sop.number),
        ("Tanggal Pembuatan", sop.created.isoformat()),
        ("Tanggal Revisi", sop.revised.isoformat() if sop.revised else "-"),
        ("Tanggal Pengesahan", sop.approved.isoformat()),
        ("Disahkan Oleh", signed),
        ("Nama SOP", sop.name),
    ]
    lines += ["| | |", "|---|---|"]
    lines += [f"| {name} | {_cell(value)} |" for name, value in header]
    lines.append("")
    sections = [
        ("Dasar Hukum", sop.legal_basis),
        ("Kualifikasi Pelaksana", sop.qualifications),
        ("Keterkaitan", sop.related),
        ("Peralatan/Perlengkapan", sop.equipment),
        ("Peringatan", sop.warnings),
        ("Pencatatan dan Pendataan", sop.records),
    ]
    for title, items in sections:
        lines += [f"{h2} {title}", ""]
        if title == "Peringatan" and sop.warning_intro:
            lines += [sop.warning_intro, ""]
        lines += [f"{n}. {item}" for n, item in enumerate(items, start=1)] or ["-"]
        lines.append("")
    lines += [f"{h2} Uraian Prosedur", ""]
    lines += [
        "| No. | Uraian Prosedur | Pelaksana | Kelengkapan | Waktu | Output | Ket |",
        "|---:|---|---|---|---|---|---|",
    ]
    for step in sop.steps:
        text = _cell(step.text_id)
        # The branches are in the step's text already; only where they lead is added.
        for branch in step.decision.branches if step.decision else ():
            if branch.goto is not None:
                text += f"<br>*{_cell(branch.condition_id)}* → ke langkah {branch.goto}"
        quality = step.quality
        cells = [
            str(step.number),
            text,
            ACTOR_LABELS_ID[step.actor],
            _cell(quality.completeness_id),
            _cell(quality.time_text),
            _cell(quality.output_id),
            _cell(step.note_id),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    if sop.service_hours_id or sop.service_hours is not None:
        lines += [f"{h2} Waktu Layanan", ""]
        if sop.service_hours_id:
            lines += [sop.service_hours_id, ""]
        if sop.service_hours is not None:
            lines += [f"({sop.service_hours.describe()})", ""]
    if sop.appointment is not None:
        lines += [sop.appointment.text_id, ""]
    return lines
