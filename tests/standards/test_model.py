"""The ServiceStandard model: validation, channel lookups, time zone and deadlines."""

from __future__ import annotations

import pickle
import typing
from collections.abc import Callable
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
from pst_core.standards import (
    Branch,
    Channel,
    CompletionTime,
    Decision,
    Fee,
    InactivityRule,
    Management,
    Office,
    Procedure,
    ProcedureStep,
    Requirement,
    ServiceStandard,
    StandardOperatingProcedure,
    catalog,
)
from tests.strategies import instants, service_standards

WIB = ZoneInfo("Asia/Jakarta")


def _standard(doc_id: str) -> ServiceStandard:
    return catalog().standard(doc_id)


def test_vocabularies_are_literals_with_both_languages() -> None:
    from pst_core.i18n import text
    from pst_core.standards import model

    assert typing.get_args(Channel) == ("offline", "online")
    vocabularies = {
        "channel": model.Channel,
        "actor": model.Actor,
        "clock_start": model.ClockStart,
        "requirement_kind": model.RequirementKind,
        "complaint_kind": model.ComplaintKind,
        "office_level": model.OfficeLevel,
        "fee_kind": model.FeeKind,
        "closed_by": model.ClosedBy,
    }
    for name, kind in vocabularies.items():
        for value in typing.get_args(kind):
            assert text(f"standards.{name}.{value}", "id")
            assert text(f"standards.{name}.{value}", "en")
    assert text("standards.channel.offline", "id") == "kunjungan langsung"


@pytest.mark.parametrize("bad", [3, None, "Online", "online\n", ("online",)])
def test_channel_arguments_are_checked(bad: object) -> None:
    standard = _standard("sumsel-konsultasi")
    for method in (standard.completion, standard.procedure, standard.requirements_for):
        with pytest.raises(InvalidValueError, match="channel: invalid value"):
            method(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        standard.checklist(bad)  # type: ignore[arg-type]


def test_wrong_types_to_public_methods_raise_pst_errors() -> None:
    standard = _standard("sumsel-konsultasi")
    sop = catalog().sop("bengkulu-sop-produk-berbayar")
    calls: list[Callable[[], object]] = [
        lambda: standard.describe("fr"),  # type: ignore[arg-type]
        lambda: standard.describe("en", level="1"),  # type: ignore[arg-type]
        lambda: standard.describe(None),  # type: ignore[arg-type]
        lambda: sop.describe("en", level=0),
        lambda: sop.step("7"),  # type: ignore[arg-type]
        lambda: sop.step(None),  # type: ignore[arg-type]
        lambda: standard.due("online", "2026-03-17", WorkingCalendar.pst()),  # type: ignore[arg-type]
        lambda: standard.completion("online").describe(1),  # type: ignore[arg-type]
        lambda: standard.requirements[0].describe("de"),  # type: ignore[arg-type]
        lambda: standard.office.describe(None),  # type: ignore[arg-type]
    ]
    for call in calls:
        with pytest.raises(PstError):
            call()


def test_saved_models_pickle_and_compare_equal() -> None:
    standard = _standard("bengkalis-konsultasi")
    sop = catalog().sop("bengkulu-sop-produk-berbayar")
    assert pickle.loads(pickle.dumps(standard)) == standard
    assert pickle.loads(pickle.dumps(sop)) == sop
    assert ServiceStandard.file_type == "service_standard"
    assert StandardOperatingProcedure.file_type == "sop"


def test_completion_time_describes_itself_in_both_languages() -> None:
    offline = _standard("bengkulu-penjualan").completion("offline")
    assert offline.describe("en") == (
        "direct visit: at most 10 minutes, counted from when the guest book is filled in; "
        "one service lasts at most 2 hours"
    )
    assert offline.describe("id") == (
        "kunjungan langsung: maksimal 10 menit, sejak selesai mengisi buku tamu; "
        "satu layanan paling lama 2 jam"
    )
    online = _standard("sumsel-konsultasi").completion("online")
    assert online.describe("id").endswith(
        "ditutup oleh portal setelah 3 hari kerja tanpa tanggapan"
    )


def test_completion_lookup_and_missing_channel() -> None:
    standard = _standard("sumsel-konsultasi")
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


def test_procedure_and_requirements_for() -> None:
    standard = _standard("bengkalis-konsultasi")
    assert [s.number for s in standard.procedure("online").steps] == list(range(8, 17))
    assert [r.id for r in standard.requirements_for("offline")] == [
        "visit",
        "identity-card",
        "email",
        "guest-book",
    ]
    assert standard.channels == ("offline", "online")


def test_due_uses_the_calendar() -> None:
    start = datetime(2026, 3, 17, 14, 0, tzinfo=WIB)
    calendar = WorkingCalendar.pst()
    # From Tue 2026-03-17: Mar 18-24 are Nyepi, Idul Fitri and cuti bersama, so the working
    # days are Mar 25, 26, 27 (3rd), 30, 31, Apr 1, 2, then Good Friday Apr 3, then 6, 7, 8 (10th).
    due = _standard("bengkalis-konsultasi").due("online", start, calendar)
    assert due.due == datetime(2026, 3, 27, 16, 0, tzinfo=WIB)
    assert due.duration == WorkingDays(3)
    due = _standard("bengkulu-penjualan").due("online", start, calendar)
    assert due.due == datetime(2026, 4, 8, 15, 30, tzinfo=WIB)
    due = _standard("bangka-selatan-konsultasi").due("offline", start, calendar)
    assert due.due == datetime(2026, 3, 17, 14, 5, tzinfo=WIB)
    with pytest.raises(InvalidTypeError, match="calendar"):
        _standard("bengkulu-penjualan").due("online", start, "pst")  # type: ignore[arg-type]


@given(start=instants, doc_id=st.sampled_from(["sumsel-konsultasi", "bengkulu-penjualan"]))
def test_due_equals_calendar_deadline(start: datetime, doc_id: str) -> None:
    standard = _standard(doc_id)
    calendar = WorkingCalendar.for_province(standard.office.province)
    for channel in standard.channels:
        expected = calendar.deadline(start, standard.completion(channel).duration)
        assert standard.due(channel, start, calendar) == expected


def test_timezone_comes_from_the_province() -> None:
    office = Office("BPS Provinsi Papua", "province", "Papua")
    standard = attrs.evolve(_standard("sumsel-konsultasi"), office=office)
    assert standard.timezone == ZoneInfo("Asia/Jayapura")
    unknown = attrs.evolve(standard, office=attrs.evolve(office, province="Atlantis"))
    with pytest.raises(UnknownProvinceError):
        _ = unknown.timezone


def test_validation_names_field_and_value() -> None:
    standard = _standard("bengkulu-penjualan")
    with pytest.raises(InvalidValueError, match=r"ServiceStandard.requirements: .*'identity-card'"):
        attrs.evolve(standard, requirements=standard.requirements * 2)
    with pytest.raises(InvalidValueError, match="each channel at most once"):
        attrs.evolve(standard, completion_times=standard.completion_times[:1] * 2)
    with pytest.raises(InvalidTypeError, match=r"ServiceStandard.procedures\[0\]"):
        attrs.evolve(standard, procedures=("offline",))  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"Office\.level: invalid value 'village'"):
        Office("BPS Desa", "village", "Bengkulu")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"Requirement\.id"):
        Requirement("Email", "x", "x", ("online",), "contact")
    with pytest.raises(InvalidTypeError, match=r"Requirement\.id"):
        Requirement(7, "x", "x", ("online",), "contact")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"Requirement\.channels"):
        Requirement("email", "x", "x", "online", "contact")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"Requirement\.channels"):
        Requirement("email", "x", "x", ["online"], "contact")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"Requirement.channels\[1\]"):
        Requirement("email", "x", "x", ("online", "web"), "contact")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"CompletionTime\.duration"):
        CompletionTime("online", "3 hari kerja", "not_stated")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"CompletionTime\.max_service"):
        CompletionTime("online", WorkingDays(3), "not_stated", max_service=3)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"Decision\.branches"):
        Decision(())


def test_steps_in_order_and_branches_to_existing_steps() -> None:
    step = ProcedureStep(1, "Mulai", "user")
    jump = ProcedureStep(2, "Cek", "officer", Decision((Branch("belum", "ulang", goto=1),)))
    assert Procedure("online", (step, jump)).steps[1].decision is not None
    with pytest.raises(InvalidValueError, match="increasing order"):
        Procedure("online", (jump, step))
    with pytest.raises(InvalidValueError, match=r"Procedure.steps\[1\].decision.goto: .* 7"):
        Procedure("online", (step, attrs.evolve(jump, decision=Decision((Branch("a", "b", 7),)))))


def test_management_components() -> None:
    management = Management(staffing=("2 orang",), facilities=("Ruang PST",))
    assert management.published == ("facilities", "staffing")
    with pytest.raises(InvalidTypeError, match=r"Management.legal_basis\[0\]"):
        Management(legal_basis=(1,))  # type: ignore[arg-type]


def test_fee() -> None:
    assert Fee("free").is_free
    assert not Fee("pnbp", legal_basis=("PP 7/2015",)).is_free


@given(standard=service_standards())
def test_checklists_cover_the_channel_requirements(standard: ServiceStandard) -> None:
    for channel in typing.get_args(Channel):
        checklist = standard.checklist(channel)
        assert checklist.items == standard.requirements_for(channel)
        assert all(channel in r.channels for r in checklist.items)
    assert set(standard.channels) == {p.channel for p in standard.procedures} | {
        c.channel for c in standard.completion_times
    }


def test_completion_of_generated_durations() -> None:
    completion = CompletionTime(
        "online", CalendarDays(7), "after_request_complete", max_service=WorkingTime(hours=2)
    )
    assert completion.channel == "online"
