"""The catalog says what the five published documents say (golden, from the seeds).

The seeds in tests/resources/standards/seeds are the source documents as
published. Numbered lists are parsed from them independently of the data
files, and every published string of the catalog must occur in its seed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pst_core.calendar.durations import CalendarDays, WorkingDays, WorkingTime
from pst_core.calendar.hours import WorkingHours
from pst_core.errors import UnknownNameError
from pst_core.standards import Channel, catalog
from tests.standards.helpers import catalog_sop, catalog_standard

pytestmark = pytest.mark.golden


SEEDS = Path(__file__).parent.parent / "resources" / "standards" / "seeds"


SEED_OF = {
    "bengkulu-penjualan": "000_ffa9c9a4f45ee4cd.txt",
    "sumsel-konsultasi": "001_dae6792c43dd7b79.txt",
    "bangka-selatan-konsultasi": "002_e0118656d74b0a72.txt",
    "bengkalis-konsultasi": "003_3e5f682527d40ba0.txt",
    "bengkulu-sop-produk-berbayar": "004_7f6308fb6199a7b1.txt",
}


STANDARD_IDS = tuple(SEED_OF)[:4]


def _seed(doc_id: str) -> str:
    return (SEEDS / SEED_OF[doc_id]).read_text(encoding="utf-8")


def _flat(text: str) -> str:
    """Whitespace collapsed, HTML links replaced by their text, other tags dropped."""
    text = re.sub(r'<a href="[^"]*">([^<]*)</a>', r"\1", text)
    text = re.sub(r"</?(?:b|u|p|ol|li)\b[^>]*>", " ", text)
    return " ".join(text.split())


def _section(text: str, start: str, end: str | None) -> list[str]:
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.strip().startswith(start))
    last = len(lines)
    if end is not None:
        last = next(i for i, line in enumerate(lines) if i > first and line.startswith(end))
    return lines[first + 1 : last]


def _numbered(lines: list[str]) -> list[tuple[int, str]]:
    found = (re.match(r"^(\d+)\. (.+)$", line.strip()) for line in lines)
    return [(int(m[1]), m[2].strip()) for m in found if m]


@pytest.mark.parametrize("doc_id", STANDARD_IDS)
def test_requirements_are_the_published_list(doc_id: str) -> None:
    published = _numbered(_section(_seed(doc_id), "Persyaratan", "Sistem, Mekanisme"))
    standard = catalog_standard(doc_id)
    assert [text for _, text in published] == [r.text for r in standard.requirements]
    assert [n for n, _ in published] == list(range(1, len(published) + 1))


@pytest.mark.parametrize("doc_id", STANDARD_IDS)
def test_procedure_steps_are_the_published_list(doc_id: str) -> None:
    published = _numbered(
        _section(_seed(doc_id), "Sistem, Mekanisme dan Prosedur", "Waktu Penyelesaian")
    )
    standard = catalog_standard(doc_id)
    steps = [(s.number, s.text) for p in standard.procedures for s in p.steps]
    assert steps == published
    # Offline first, then online, numbered on from one to the other, as published.
    assert [p.channel for p in standard.procedures] == ["offline", "online"]


@pytest.mark.parametrize("doc_id", STANDARD_IDS)
def test_every_published_string_occurs_in_the_seed(doc_id: str) -> None:
    seed = _flat(_seed(doc_id))
    standard = catalog_standard(doc_id)
    office = standard.office
    strings = [standard.service, office.address, office.phone, office.email, office.website]
    for completion in standard.completion_times:
        strings += [completion.text, completion.clock_starts]
        if completion.inactivity is not None:
            strings.append(completion.inactivity.text)
    strings += list(standard.fee.texts) + list(standard.fee.legal_basis)
    strings += [c.address for c in standard.complaints] + [c.label for c in standard.complaints]
    for step in (s for p in standard.procedures for s in p.steps):
        for branch in step.decision.branches if step.decision else ():
            strings += [branch.condition, branch.outcome]
    for text in strings:
        if text is not None:
            assert _flat(text) in seed, text


@pytest.mark.parametrize("doc_id", STANDARD_IDS)
def test_decree_fee_products_and_header_as_published(doc_id: str) -> None:
    seed = _seed(doc_id)
    standard = catalog_standard(doc_id)
    assert f"No. SK : {standard.decree}".strip() in [line.strip() for line in seed.splitlines()]
    fee_lines = [line for line in _section(seed, "Biaya / Tarif", "Produk Pelayanan") if line]
    assert tuple(fee_lines) == standard.fee.texts
    products = _numbered(_section(seed, "Produk Pelayanan", "Pengaduan Layanan"))
    assert [text for _, text in products] == [p.text for p in standard.products]
    assert standard.completion_header in [line.strip() for line in seed.splitlines()]


COMPLETION = {
    # id: {channel: (duration, clock starts, max service, inactivity (duration, closed by))}
    "bengkulu-penjualan": {
        "offline": (WorkingTime(10), "after_guest_book", WorkingTime(hours=2), None),
        "online": (WorkingDays(10), "after_request_complete", None, None),
    },
    "sumsel-konsultasi": {
        "offline": (WorkingTime(10), "after_previous_in_queue", None, None),
        "online": (WorkingDays(3), "not_stated", None, (WorkingDays(3), "portal")),
    },
    "bangka-selatan-konsultasi": {
        "offline": (WorkingTime(5), "after_previous_in_queue", None, None),
        "online": (WorkingDays(3), "after_request_complete", None, (CalendarDays(7), "officer")),
    },
    "bengkalis-konsultasi": {
        "offline": (WorkingTime(10), "after_previous_in_queue", None, None),
        "online": (WorkingDays(3), "after_request_complete", None, (CalendarDays(7), "officer")),
    },
}


@pytest.mark.parametrize("doc_id", STANDARD_IDS)
@pytest.mark.parametrize("channel", ["offline", "online"])
def test_completion_times_golden(doc_id: str, channel: Channel) -> None:
    duration, starts, max_service, inactivity = COMPLETION[doc_id][channel]  # type: ignore[index]
    completion = catalog_standard(doc_id).completion(channel)
    assert completion.channel == channel
    assert completion.duration == duration
    assert completion.clock_start == starts
    assert completion.max_service == max_service
    if inactivity is None:
        assert completion.inactivity is None
    else:
        assert completion.inactivity is not None
        assert (completion.inactivity.duration, completion.inactivity.closed_by) == inactivity


REQUIREMENTS = {
    # id: [(requirement id, kind, channels)]
    "bengkulu-penjualan": [
        ("identity-card", "identity_document", "offline online"),
        ("email", "contact", "offline online"),
    ],
    "sumsel-konsultasi": [
        ("visit", "action", "offline"),
        ("email", "contact", "offline"),
        ("guest-book", "action", "offline"),
        ("request-at-desk", "action", "offline"),
        ("account", "account", "online"),
        ("request-online", "action", "online"),
    ],
    "bangka-selatan-konsultasi": [
        ("visit", "action", "offline"),
        ("identity-card", "identity_document", "offline"),
        ("email", "contact", "offline"),
        ("guest-book", "action", "offline"),
        ("request-at-desk", "action", "offline"),
        ("email-online", "contact", "online"),
        ("account", "account", "online"),
        ("request-online", "action", "online"),
    ],
    "bengkalis-konsultasi": [
        ("visit", "action", "offline"),
        ("identity-card", "identity_document", "offline"),
        ("email", "contact", "offline"),
        ("guest-book", "action", "offline"),
        ("email-online", "contact", "online"),
        ("account", "account", "online"),
        ("request-online", "action", "online"),
    ],
}


@pytest.mark.parametrize("doc_id", STANDARD_IDS)
def test_requirement_ids_kinds_and_channels_golden(doc_id: str) -> None:
    got = [(r.id, r.kind, " ".join(r.channels)) for r in catalog_standard(doc_id).requirements]
    assert got == REQUIREMENTS[doc_id]


# Step numbers whose actor is the officer; every other step is the user's.
OFFICER_STEPS = {
    "bengkulu-penjualan": [],
    "sumsel-konsultasi": [6],
    "bangka-selatan-konsultasi": [6, 15, 16],
    "bengkalis-konsultasi": [4, 13, 14],
}


DECISION_STEPS = {
    "bengkulu-penjualan": [5],
    "sumsel-konsultasi": [10],
    "bangka-selatan-konsultasi": [7, 13, 16],
    "bengkalis-konsultasi": [5, 11, 14],
}


@pytest.mark.parametrize("doc_id", STANDARD_IDS)
def test_actors_and_decisions_golden(doc_id: str) -> None:
    steps = [s for p in catalog_standard(doc_id).procedures for s in p.steps]
    assert [s.number for s in steps if s.actor == "officer"] == OFFICER_STEPS[doc_id]
    assert {s.actor for s in steps} <= {"user", "officer"}
    assert [s.number for s in steps if s.decision] == DECISION_STEPS[doc_id]
    # A decision of a leaflet is written as "Jika ..." in its step.
    for step in steps:
        assert (step.decision is not None) == (" jika " in f" {step.text.casefold()}")


def test_offices_and_timezones() -> None:
    docs = catalog()
    offices = [(i, d.office, d.timezone) for i, d in docs.standards.items()]
    offices += [(i, d.office, d.timezone) for i, d in docs.sops.items()]
    got = {doc_id: (office.level, office.province, zone.key) for doc_id, office, zone in offices}
    assert got == {
        "bengkulu-penjualan": ("province", "Bengkulu", "Asia/Jakarta"),
        "sumsel-konsultasi": ("province", "Sumatera Selatan", "Asia/Jakarta"),
        "bangka-selatan-konsultasi": ("regency", "Kepulauan Bangka Belitung", "Asia/Jakarta"),
        "bengkalis-konsultasi": ("regency", "Riau", "Asia/Jakarta"),
        "bengkulu-sop-produk-berbayar": ("province", "Bengkulu", "Asia/Jakarta"),
    }


def test_fees_golden() -> None:
    fees = {
        doc_id: (catalog_standard(doc_id).fee.kind, catalog_standard(doc_id).fee.legal_basis)
        for doc_id in STANDARD_IDS
    }
    assert fees == {
        "bengkulu-penjualan": ("free", ("PP Nomor 7 tahun 2015", "Perban BPS Nomor 2 tahun 2019")),
        "sumsel-konsultasi": ("free", ()),
        "bangka-selatan-konsultasi": ("free", ()),
        "bengkalis-konsultasi": ("free", ()),
    }
    assert all(catalog_standard(doc_id).management.published == () for doc_id in STANDARD_IDS)


SOP_STEPS = [
    # number, actor, time as printed, parsed, completeness, output
    (1, "user", None, None, None, None),
    (2, "user", "10 menit", WorkingTime(10), None, None),
    (3, "receptionist", "10 menit", WorkingTime(10), "Biodata, email", None),
    (4, "officer", "1 jam", WorkingTime(hours=1), None, None),
    (5, "user", "3 hari", CalendarDays(3), "Biodata, email", None),
    (6, "user", None, None, None, None),
    (7, "officer", "10 hari kerja", WorkingDays(10), None, None),
    (8, "user", "5 menit", WorkingTime(5), "Aplikasi https://pst.bps.go.id/ atau aplikasi PSTpuas",
     "Penilaian / rating"),
]  # fmt: skip


def test_sop_steps_golden() -> None:
    sop = catalog_sop()
    got = [
        (
            s.number,
            s.actor,
            s.quality.time_text,
            s.quality.time,
            s.quality.completeness,
            s.quality.output,
        )
        for s in sop.steps
    ]
    assert got == SOP_STEPS
    rows = {
        int(cells[0]): cells
        for cells in (line.split("\t") for line in _seed(sop.id).splitlines())
        if cells[0].isdigit()
    }
    assert sorted(rows) == [s.number for s in sop.steps]
    for step in sop.steps:
        cells = rows[step.number]
        assert _flat(cells[1]) == _flat(step.text)
        assert (_flat(cells[9]) or None) == (step.note and _flat(step.note))
        assert (cells[7].strip() or None) == step.quality.time_text


def test_sop_decisions_golden() -> None:
    sop = catalog_sop()
    two = sop.step(2).decision
    seven = sop.step(7).decision
    assert two is not None
    assert seven is not None
    assert two.question == "apakah layanan online atau tidak"
    assert [(b.condition, b.goto) for b in two.branches] == [("ya", None), ("tidak", None)]
    assert [(b.condition, b.goto) for b in seven.branches] == [
        ("belum lengkap", 6),
        ("sudah lengkap", None),
    ]
    assert [s.number for s in sop.steps if s.decision] == [2, 7]
    with pytest.raises(UnknownNameError, match="allowed: 1, 2, 3, 4, 5, 6, 7, 8"):
        sop.step(9)


def test_sop_header_golden() -> None:
    sop = catalog_sop()
    seed = _flat(_seed(sop.id))
    assert sop.number == "SOP-1-101/17000/2025"
    assert (sop.created.isoformat(), sop.approved.isoformat(), sop.revised) == (
        "2025-02-24",
        "2025-02-25",
        None,
    )
    assert (sop.approver.position, sop.approver.name, sop.approver.nip) == (
        "Kepala BPS Provinsi Bengkulu",
        "Ir. Win Rizal, M.E.",
        "196608251988021001",
    )
    assert (len(sop.legal_basis), len(sop.qualifications), len(sop.equipment)) == (6, 3, 3)
    texts = [sop.name, sop.team, sop.warning_intro, sop.service_hours]
    texts += [*sop.legal_basis, *sop.qualifications, *sop.related, *sop.equipment, *sop.warnings]
    assert sop.appointment is not None
    texts.append(sop.appointment.text)
    for text in texts:
        assert text is not None
        assert _flat(text) in seed, text
    assert sop.hours == WorkingHours.pst()
    assert sop.appointment.lead_time_text == "1 jam/hari"
    assert sop.appointment.readings == (WorkingTime(hours=1), CalendarDays(1))
    assert sop.records == ()
