"""Requirements per channel, and checklists: evidence checked against a channel's requirements."""

from __future__ import annotations

import typing
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pst_core.errors import (
    InvalidEvidenceError,
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
)
from pst_core.standards import (
    Channel,
    Checklist,
    ChecklistEntry,
    Evidence,
    Requirement,
    ServiceStandard,
)
from tests.standards.helpers import catalog_standard
from tests.strategies import service_standards

AT = date(2026, 3, 17)


def test_procedure_and_requirements_for() -> None:
    standard = catalog_standard("bengkalis-konsultasi")
    assert [s.number for s in standard.procedure("online").steps] == list(range(8, 17))
    assert [r.id for r in standard.requirements_for("offline")] == [
        "visit",
        "identity-card",
        "email",
        "guest-book",
    ]
    assert standard.channels == ("offline", "online")


@given(standard=service_standards())
def test_checklists_cover_the_channel_requirements(standard: ServiceStandard) -> None:
    for channel in typing.get_args(Channel):
        checklist = standard.checklist(channel)
        assert checklist.items == standard.requirements_for(channel)
        assert all(channel in r.channels for r in checklist.items)
    assert set(standard.channels) == {p.channel for p in standard.procedures} | {
        c.channel for c in standard.completion_times
    }


def test_offline_checklist_of_bangka_selatan() -> None:
    checklist = catalog_standard("bangka-selatan-konsultasi").checklist("offline")
    assert checklist.ids == ("visit", "identity-card", "email", "guest-book", "request-at-desk")
    assert checklist.channel == "offline"
    evidence = {
        "visit": True,
        "identity-card": date(2026, 3, 16),
        "email": True,
        "guest-book": False,
    }
    result = checklist.evaluate(evidence, at=AT)  # type: ignore[arg-type]
    assert not result.complete
    assert [e.id for e in result.satisfied] == ["visit", "email"]
    assert [e.id for e in result.missing] == ["guest-book", "request-at-desk"]
    assert [(e.id, e.expires) for e in result.expired] == [("identity-card", date(2026, 3, 16))]
    assert result.describe("id").splitlines() == [
        "Persyaratan kunjungan langsung (bangka-selatan-konsultasi) per 2026-03-17: belum lengkap",
        "[terpenuhi] Pengguna layanan berkunjung ke Unit Pelayanan Statistik Terpadu (PST) BPS",
        "[kedaluwarsa 2026-03-16] Pengguna layanan memiliki kartu identitas yang masih berlaku "
        "(KTP, SIM, Paspor, dan lain-lain)",
        "[terpenuhi] Pengguna layanan memiliki alamat email yang masih aktif",
        "[belum ada] Pengguna layanan mengisi buku tamu",
        "[belum ada] Pengguna layanan mengajukan permintaan layanan konsultasi statistik "
        "kepada petugas",
    ]
    assert result.describe("en").splitlines()[2] == (
        "[expired 2026-03-16] A valid identity card (KTP, driving licence, passport, etc.)"
    )


def test_complete_and_expiry_day_counts() -> None:
    checklist = catalog_standard("bengkulu-penjualan").checklist("online")
    result = checklist.evaluate({"identity-card": Evidence(expires=AT), "email": Evidence()}, at=AT)
    assert result.complete
    assert result.describe("en").splitlines() == [
        "Requirements for online (bengkulu-penjualan) on 2026-03-17: complete",
        "[satisfied] A valid identity card",
        "[satisfied] An active e-mail address",
    ]


def test_at_may_be_an_aware_datetime_in_its_own_zone() -> None:
    checklist = catalog_standard("bengkulu-penjualan").checklist("offline")
    evidence = {"identity-card": date(2026, 3, 17), "email": True}
    # 23:30 UTC on Mar 17 is already Mar 18 in Jayapura: the card has expired there.
    utc = datetime(2026, 3, 17, 23, 30, tzinfo=ZoneInfo("UTC"))
    assert checklist.evaluate(evidence, at=utc).complete  # type: ignore[arg-type]
    assert not checklist.evaluate(evidence, at=utc.astimezone(ZoneInfo("Asia/Jayapura"))).complete  # type: ignore[arg-type]
    with pytest.raises(NaiveDatetimeError):
        checklist.evaluate(evidence, at=datetime(2026, 3, 17, 9))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="at"):
        checklist.evaluate(evidence, at="2026-03-17")  # type: ignore[arg-type]


@pytest.mark.hostile
def test_unknown_evidence_is_an_error_with_suggestions() -> None:
    checklist = catalog_standard("sumsel-konsultasi").checklist("online")
    with pytest.raises(InvalidEvidenceError, match="did you mean: account") as caught:
        checklist.evaluate({"acount": True}, at=AT)
    assert isinstance(caught.value, LookupError)
    assert caught.value.value == "acount"
    # A requirement of the other channel is unknown to this checklist.
    with pytest.raises(InvalidEvidenceError, match="allowed: account, request-online"):
        checklist.evaluate({"guest-book": True}, at=AT)


@pytest.mark.hostile
def test_bad_evidence_values() -> None:
    checklist = catalog_standard("bengkulu-penjualan").checklist("offline")
    with pytest.raises(InvalidValueError, match="contact requirement 'email' has no expiry"):
        checklist.evaluate({"email": date(2030, 1, 1)}, at=AT)
    with pytest.raises(InvalidTypeError, match="not a datetime"):
        checklist.evaluate({"identity-card": datetime(2030, 1, 1, tzinfo=ZoneInfo("UTC"))}, at=AT)
    with pytest.raises(InvalidTypeError, match=r"evidence\['email'\]"):
        checklist.evaluate({"email": "yes"}, at=AT)  # type: ignore[dict-item]
    with pytest.raises(InvalidTypeError, match="a mapping"):
        checklist.evaluate([("email", True)], at=AT)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"Evidence\.expires"):
        Evidence(expires=datetime(2030, 1, 1))
    with pytest.raises(InvalidValueError, match="language"):
        checklist.evaluate({}, at=AT).describe("fr")  # type: ignore[arg-type]


def test_entries_describe_themselves() -> None:
    requirement = Requirement(
        "ktp", "KTP yang masih berlaku", "A valid KTP", ("offline",), "identity_document"
    )
    entry = ChecklistEntry(requirement, "expired", date(2020, 1, 1))
    assert entry.describe("id") == "[kedaluwarsa 2020-01-01] KTP yang masih berlaku"
    assert entry.describe("en") == "[expired 2020-01-01] A valid KTP"
    assert ChecklistEntry(requirement, "missing").describe() == "[missing] A valid KTP"
    with pytest.raises(InvalidValueError, match=r"ChecklistEntry\.status"):
        ChecklistEntry(requirement, "lost")  # type: ignore[arg-type]


@st.composite
def _checks(draw: st.DrawFn) -> tuple[Checklist, dict[str, object], date]:
    standard = draw(service_standards())
    checklist = standard.checklist(draw(st.sampled_from(typing.get_args(Channel))))
    at = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
    evidence: dict[str, object] = {}
    for requirement in checklist.items:
        choices = [st.booleans(), st.builds(Evidence, st.booleans())]
        if requirement.can_expire:
            expiry = st.integers(-30, 30).map(lambda d: at + timedelta(days=d))
            choices += [expiry, st.builds(Evidence, st.booleans(), expiry)]
        if draw(st.booleans()):
            evidence[requirement.id] = draw(st.one_of(choices))
    return checklist, evidence, at


@given(case=_checks())
def test_every_requirement_lands_in_exactly_one_bucket(
    case: tuple[Checklist, dict[str, object], date],
) -> None:
    checklist, evidence, at = case
    result = checklist.evaluate(evidence, at=at)  # type: ignore[arg-type]
    buckets = [e.id for e in result.satisfied + result.missing + result.expired]
    assert sorted(buckets) == sorted(checklist.ids)
    assert result.complete == (not result.missing and not result.expired)
    for entry in result.entries:
        value = evidence.get(entry.id, False)
        provided = value.provided if isinstance(value, Evidence) else value is not False
        expires = value.expires if isinstance(value, Evidence) else value
        if not provided:
            assert entry.status == "missing"
        elif isinstance(expires, date) and expires < at:
            assert entry.status == "expired"
        else:
            assert entry.status == "satisfied"


@given(case=_checks(), days=st.integers(1, 400))
def test_a_later_check_never_satisfies_more(
    case: tuple[Checklist, dict[str, object], date], days: int
) -> None:
    checklist, evidence, at = case
    now = checklist.evaluate(evidence, at=at)  # type: ignore[arg-type]
    later = checklist.evaluate(evidence, at=at + timedelta(days=days))  # type: ignore[arg-type]
    assert {e.id for e in later.satisfied} <= {e.id for e in now.satisfied}
    assert {e.id for e in later.missing} == {e.id for e in now.missing}
