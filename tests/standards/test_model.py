"""The ServiceStandard model: validation, channel lookups, time zone and deadlines."""

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
from pst_core.standards import (
    Branch,
    Channel,
    CompletionTime,
    Decision,
    Fee,
    InactivityRule,
    Management,
    Procedure,
    ProcedureStep,
    Requirement,
    ServiceStandard,
    Unit,
    catalog,
)
from tests.strategies import instants, service_standards

WIB = ZoneInfo("Asia/Jakarta")


def _standard(doc_id: str) -> ServiceStandard:
    document = catalog()[doc_id]
    assert isinstance(document, ServiceStandard)
    return document


def test_channel_is_a_str_enum() -> None:
    assert Channel.ONLINE == "online"  # type: ignore[comparison-overlap]  # a str-enum is its str
    assert str(Channel.OFFLINE) == "offline"
    assert f"{Channel.ONLINE}" == "online"
    assert Channel.coerce(Channel.ONLINE) is Channel.ONLINE
    assert Channel.ONLINE.label_id == "online"
    with pytest.raises(InvalidValueError, match="channel: invalid value 3"):
        Channel.coerce(3)


def test_completion_lookup_and_missing_channel() -> None:
    standard = _standard("sumsel-konsultasi")
    online = standard.completion(Channel.ONLINE)
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
        standard.completion("walk-in")


def test_procedure_and_requirements_for() -> None:
    standard = _standard("bengkalis-konsultasi")
    assert [s.number for s in standard.procedure("online").steps] == list(range(8, 17))
    assert [r.id for r in standard.requirements_for("offline")] == [
        "visit",
        "identity-card",
        "email",
        "guest-book",
    ]
    assert standard.channels == (Channel.OFFLINE, Channel.ONLINE)


def test_due_uses_the_calendar() -> None:
    start = datetime(2026, 3, 17, 14, 0, tzinfo=WIB)
    calendar = WorkingCalendar.pst()
    # From Tue 2026-03-17: Mar 18-24 are Nyepi, Idul Fitri and cuti bersama, so the working
    # days are Mar 25, 26, 27 (3rd), 30, 31, Apr 1, 2, then Good Friday Apr 3, then 6, 7, 8 (10th).
    due = _standard("bengkalis-konsultasi").due("online", start, calendar)
    assert due.due == datetime(2026, 3, 27, 16, 0, tzinfo=WIB)
    assert due.duration == WorkingDays(3)
    due = _standard("bengkulu-penjualan").due(Channel.ONLINE, start, calendar)
    assert due.due == datetime(2026, 4, 8, 15, 30, tzinfo=WIB)
    due = _standard("bangka-selatan-konsultasi").due("offline", start, calendar)
    assert due.due == datetime(2026, 3, 17, 14, 5, tzinfo=WIB)
    with pytest.raises(InvalidTypeError, match="calendar"):
        _standard("bengkulu-penjualan").due("online", start, "pst")  # type: ignore[arg-type]


@given(start=instants, doc_id=st.sampled_from(["sumsel-konsultasi", "bengkulu-penjualan"]))
def test_due_equals_calendar_deadline(start: datetime, doc_id: str) -> None:
    standard = _standard(doc_id)
    calendar = WorkingCalendar.for_province(standard.unit.province)
    for channel in standard.channels:
        expected = calendar.deadline(start, standard.completion(channel).duration)
        assert standard.due(channel, start, calendar) == expected


def test_timezone_comes_from_the_province() -> None:
    unit = Unit("BPS Provinsi Papua", "province", "Papua")
    standard = attrs.evolve(_standard("sumsel-konsultasi"), unit=unit)
    assert standard.timezone == ZoneInfo("Asia/Jayapura")
    unknown = attrs.evolve(standard, unit=attrs.evolve(unit, province="Atlantis"))
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
    with pytest.raises(InvalidValueError, match=r"Unit\.level: invalid value 'village'"):
        Unit("BPS Desa", "village", "Bengkulu")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"Requirement\.id"):
        Requirement("Email", "x", "x", ("online",), "contact")
    with pytest.raises(InvalidTypeError, match=r"Requirement\.id"):
        Requirement(7, "x", "x", ("online",), "contact")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"Requirement\.channels"):
        Requirement("email", "x", "x", "online", "contact")
    with pytest.raises(InvalidValueError, match=r"Requirement.channels\[1\]"):
        Requirement("email", "x", "x", ("online", "web"), "contact")
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
    for channel in Channel:
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
    assert completion.channel is Channel.ONLINE
