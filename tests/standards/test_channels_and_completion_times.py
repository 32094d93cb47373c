"""Channels and completion times: one per channel, looked up by channel, said and due on time."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pst_core.calendar import WorkingCalendar
from pst_core.calendar.durations import CalendarDays, WorkingDays, WorkingTime
from pst_core.errors import (
    InvalidTypeError,
    InvalidValueError,
    PstError,
    UnknownNameError,
    UnknownProvinceError,
)
from pst_core.standards import CompletionTime, InactivityRule, Office
from tests.standards.helpers import catalog_standard
from tests.strategies import instants

WIB = ZoneInfo("Asia/Jakarta")


@pytest.mark.hostile
@pytest.mark.parametrize("bad", [3, None, "Online", "online\n", ("online",)])
def test_channel_arguments_are_checked(bad: object) -> None:
    standard = catalog_standard("sumsel-konsultasi")
    for method in (standard.completion, standard.procedure, standard.requirements_for):
        with pytest.raises(InvalidValueError, match="channel: invalid value"):
            method(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        standard.checklist(bad)  # type: ignore[arg-type]


def test_completion_lookup_and_missing_channel() -> None:
    standard = catalog_standard("sumsel-konsultasi")
    online = standard.completion("online")
    assert online is standard.completion("online")
    assert online.inactivity == InactivityRule(
        WorkingDays(3),
        "portal",
        "Konsultasi statistik akan ditutup secara otomatis oleh portal pst.bps.go.id jika "
        "pengguna layanan tidak merespon kembaliselama 3 (tiga) hari kerja.",
    )
    offline_only = attrs.evolve(standard, completion_times=standard.completion_times[:1])
    with pytest.raises(UnknownNameError, match="allowed: offline") as caught:
        offline_only.completion("online")
    assert isinstance(caught.value, LookupError)
    assert isinstance(caught.value, PstError)
    with pytest.raises(UnknownNameError, match="allowed: none"):
        attrs.evolve(standard, procedures=()).procedure("offline")
    with pytest.raises(InvalidValueError):
        standard.completion("walk-in")  # type: ignore[arg-type]


@pytest.mark.golden
def test_completion_time_describes_itself_in_both_languages() -> None:
    # Bengkulu "Penjualan", Waktu Penyelesaian 1: "Lama layanan maksimal 2 jam atau sesuai
    # kebutuhan pengguna" — the user may extend it: the clause is never cut short.
    offline = catalog_standard("bengkulu-penjualan").completion("offline")
    assert offline.describe("en") == (
        "direct visit: at most 10 minutes, counted from when the guest book is filled in; "
        'one service lasts at most 2 hours (as published: "Lama layanan maksimal 2 jam atau '
        'sesuai kebutuhan pengguna")'
    )
    assert offline.describe("id") == (
        "kunjungan langsung: maksimal 10 menit, sejak selesai mengisi buku tamu; "
        "Lama layanan maksimal 2 jam atau sesuai kebutuhan pengguna"
    )
    without = attrs.evolve(offline, max_service_text=None)
    assert without.describe("id").endswith("satu layanan paling lama 2 jam")


@pytest.mark.golden
@pytest.mark.parametrize("document", ["bangka-selatan-konsultasi", "bengkalis-konsultasi"])
def test_each_standard_says_its_own_start_clause(document: str) -> None:
    # Bangka Selatan and Bengkalis, Waktu Penyelesaian (online): "dilayani maksimal 3 (tiga)
    # hari kerja setelah permintaan jelas dan persyaratan pelayanan lengkap" — not Bengkulu's
    # "setelah permintaan jelas dan persyaratan dilengkapi".
    said = catalog_standard(document).completion("online").describe("id")
    assert "setelah permintaan jelas dan persyaratan pelayanan lengkap" in said
    assert "persyaratan dilengkapi" not in said
    bengkulu = catalog_standard("bengkulu-penjualan").completion("online").describe("id")
    assert "setelah permintaan jelas dan persyaratan dilengkapi" in bengkulu


@pytest.mark.golden
@pytest.mark.parametrize(
    ("document", "medium"),
    [
        ("bengkulu-penjualan", "SMS / Whatsapp"),  # "SMS / Whatsapp : 0851 7447 1700"
        ("sumsel-konsultasi", "Whatsapp"),  # "Whatsapp : 0813-3378-3485"
        ("bangka-selatan-konsultasi", "SMS/Whatsapp"),  # "SMS/Whatsapp : 081271067114"
        ("bengkalis-konsultasi", "HP/WhatsApp"),  # "HP/WhatsApp : 0812-9990-1408"
    ],
)
def test_each_phone_channel_says_what_its_document_says(document: str, medium: str) -> None:
    (phone,) = [c for c in catalog_standard(document).complaints if c.kind == "phone"]
    for language in ("id", "en"):
        assert f"({medium}): {phone.address}" in phone.describe(language)
    assert "SMS/WhatsApp" not in phone.describe("id")  # the old text, in no document
    online = catalog_standard("sumsel-konsultasi").completion("online")
    assert online.describe("id").endswith(
        "ditutup oleh portal setelah 3 hari kerja tanpa tanggapan"
    )


def test_completion_time_defaults() -> None:
    completion = CompletionTime("online", WorkingTime(10), "not_stated")
    assert (completion.max_service, completion.inactivity, completion.text) == (None,) * 3


def test_completion_of_generated_durations() -> None:
    completion = CompletionTime(
        "online", CalendarDays(7), "after_request_complete", max_service=WorkingTime(hours=2)
    )
    assert completion.channel == "online"


def test_due_uses_the_calendar() -> None:
    start = datetime(2026, 3, 17, 14, 0, tzinfo=WIB)
    calendar = WorkingCalendar.pst()
    # From Tue 2026-03-17: Mar 18-24 are Nyepi, Idul Fitri and cuti bersama, so the working
    # days are Mar 25, 26, 27 (3rd), 30, 31, Apr 1, 2, then Good Friday Apr 3, then 6, 7, 8 (10th).
    due = catalog_standard("bengkalis-konsultasi").due("online", start, calendar)
    assert due.due == datetime(2026, 3, 27, 16, 0, tzinfo=WIB)
    assert due.duration == WorkingDays(3)
    due = catalog_standard("bengkulu-penjualan").due("online", start, calendar)
    assert due.due == datetime(2026, 4, 8, 15, 30, tzinfo=WIB)
    due = catalog_standard("bangka-selatan-konsultasi").due("offline", start, calendar)
    assert due.due == datetime(2026, 3, 17, 14, 5, tzinfo=WIB)
    with pytest.raises(InvalidTypeError, match="calendar"):
        catalog_standard("bengkulu-penjualan").due("online", start, "pst")  # type: ignore[arg-type]


@given(start=instants, doc_id=st.sampled_from(["sumsel-konsultasi", "bengkulu-penjualan"]))
def test_due_equals_calendar_deadline(start: datetime, doc_id: str) -> None:
    standard = catalog_standard(doc_id)
    calendar = WorkingCalendar.for_province(standard.office.province)
    for channel in standard.channels:
        expected = calendar.deadline(start, standard.completion(channel).duration)
        assert standard.due(channel, start, calendar) == expected


def test_timezone_comes_from_the_province() -> None:
    office = Office("BPS Provinsi Papua", "province", "Papua")
    standard = attrs.evolve(catalog_standard("sumsel-konsultasi"), office=office)
    assert standard.timezone == ZoneInfo("Asia/Jayapura")
    unknown = attrs.evolve(standard, office=attrs.evolve(office, province="Atlantis"))
    with pytest.raises(UnknownProvinceError):
        _ = unknown.timezone
