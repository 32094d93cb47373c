"""The online consultation on pst.bps.go.id, as the consultation standards describe it.

Its states follow the online procedure of the consultation standards
("membuat transaksi konsultasi statistik", "menyampaikan konsultasi melalui
percakapan online", "Petugas memberikan informasi", "Petugas layanan menutup
percakapan online", "memberikan penilaian/rating"); its clock and timer take the
online completion time (*Waktu Penyelesaian*, online) of the standard passed:

* Standar Pelayanan Konsultasi Statistik, PST BPS Provinsi Sumatera Selatan —
  "akan dilayani maksimal 3 (tiga) hari kerja", and "ditutup secara otomatis
  oleh portal pst.bps.go.id jika pengguna layanan tidak merespon kembali selama
  3 (tiga) hari kerja";
* Standar Pelayanan Konsultasi Statistik, PST BPS Kabupaten Bangka Selatan,
  No. SK 23 Tahun 2024 — 3 working days "setelah permintaan jelas dan
  persyaratan pelayanan lengkap"; the officer closes the conversation when the
  user "tidak merespon kembali selama 7 (tujuh) hari";
* Standar Pelayanan Konsultasi Statistik, PST BPS Kabupaten Bengkalis — the
  same times as Bangka Selatan.

What differs between the documents is data of their catalog entries (the time,
when the clock starts, the no-response rule and who applies it), so one builder
serves all three, and a unit's own standard too.

Examples:
    >>> from pst_core.standards import catalog
    >>> sumsel = catalog().standard("sumsel-konsultasi")
    >>> wf = online_consultation(sumsel, service_starts="open")
    >>> [(t.name, str(t.after), t.actor) for t in wf.timers]
    [('no-response', '3 working days', 'app')]
"""

from __future__ import annotations

from typing import Literal

from pst_core._validation import require_one_of
from pst_core.calendar.calendar import WorkingCalendar
from pst_core.errors import InvalidValueError, Phrase
from pst_core.standards import ServiceStandard
from pst_core.states.builtin._documents import (
    completion_time,
    office_calendar,
    service_standard,
    state,
    transition,
    workflow_name,
)
from pst_core.states.parts import Clock, RoleCheck, Timer
from pst_core.states.workflow import Workflow

__all__ = ["ServedOn", "ServiceStart", "online_consultation"]

ServedOn = Literal["reply", "close"]
"""When an online consultation counts as served: the officer's first reply, or its closing."""

ServiceStart = Literal["open", "request-clear"]
"""When the online ``service`` clock starts, for a standard that does not say: at the
request (``"open"``), or when the officer records that it is clear (``"request-clear"``)."""

_STATED_STARTS: dict[str, ServiceStart] = {"after_request_complete": "request-clear"}


def online_consultation(
    standard: ServiceStandard | None = None,
    *,
    calendar: WorkingCalendar | None = None,
    served_on: ServedOn = "reply",
    pause_while_waiting: bool = False,
    service_starts: ServiceStart | None = None,
    role_check: RoleCheck = "lenient",
) -> Workflow:
    """An online consultation: submitted → conversation ↔ waiting for the user → closed → rated.

    States (procedures of the consultation standards: "membuat transaksi
    konsultasi statistik", "menyampaikan konsultasi melalui percakapan online",
    "Petugas memberikan informasi ...", "Petugas layanan menutup percakapan
    online jika layanan konsultasi telah selesai atau pengguna layanan tidak
    merespon kembali selama 7 (tujuh) hari", "memberikan penilaian/rating"):
    ``submitted``; the officer's ``reply`` hands the conversation to the user
    (``waiting-for-user``), the user's ``respond`` hands it back
    (``in-conversation``); ``close`` → ``closed``; ``close-no-response`` →
    ``closed-no-response``; ``rate`` → ``rated``.

    Clock ``service`` — "akan dilayani maksimal 3 (tiga) hari kerja": it starts
    at ``request-clear`` — an event the officer fires, allowed only in these
    tables — when the standard says "setelah permintaan jelas dan persyaratan
    pelayanan lengkap" (Bangka Selatan, Bengkalis). When the standard does not
    say when it starts (Sumatera Selatan: ``clock_start = "not_stated"``), the
    library does not guess: ``service_starts`` must say it — ``"open"`` (the
    request) or ``"request-clear"`` — as `visit` asks for its wait start. The
    documents
    say *dilayani* (served), not completed: by default the officer's first
    ``reply`` (giving information, "Petugas memberikan informasi") stops it;
    ``served_on="close"`` keeps it running to the closing. Pausing while the
    user has the turn is a service-desk convention the standards do not state:
    ``pause_while_waiting=True`` asks for it.

    The officer may reply (or close) straight from ``submitted``, without
    ``request-clear``: the service was given, but when the request became clear
    was never recorded. The clock is then not left *not started* (a late answer
    would vanish from the SLA report): it has ``infer_start=True``, so that
    cycle is measured from the opening — the earliest the request can have
    become clear, a conservative reading chosen by the library, not the
    documents — and flagged ``start_inferred`` (see `pst_core.states.sla`).

    Timer ``no-response`` — only when the standard has a no-response rule:
    "ditutup secara otomatis oleh portal pst.bps.go.id jika pengguna layanan
    tidak merespon kembali selama 3 (tiga) hari kerja" (Sumatera Selatan;
    fired by the app) or "tidak merespon kembali selama 7 (tujuh) hari"
    (Bangka Selatan, Bengkalis; the officer closes). Without one there is no
    automatic closing.

    Actors: ``reply``, ``request-clear`` and ``close`` — the officer
    ("Petugas memberikan informasi", "Petugas layanan menutup percakapan
    online"); ``respond`` and ``rate`` — the user; ``close-no-response`` — the
    timer's actor: the app ("ditutup secara otomatis oleh portal") or the
    officer.

    Without a standard the table has no clock and no timer.

    Args:
        standard: The service standard whose online completion time applies.
        calendar: The office calendar (default: PST hours in the office's zone).
        served_on: A `ServedOn`: ``"reply"`` (default; the officer's first reply
            serves the user) or ``"close"`` (the closing does).
        pause_while_waiting: Pause the ``service`` clock while the user has the turn.
        service_starts: A `ServiceStart`: when the ``service`` clock starts, for
            a standard that does not say (``"not_stated"``); refused when it does.
        role_check: ``"lenient"`` (default: an actor outside a transition's roles is
            recorded) or ``"strict"`` (refused); see `Workflow.role_check`.

    Raises:
        InvalidTypeError: ``standard`` is not a ServiceStandard.
        InvalidValueError: the standard has no online completion time, an option
            is unknown, or the standard does not say when the clock starts and
            ``service_starts`` is not given (or says it and it is given).

    Examples:
        >>> from pst_core.standards import catalog
        >>> sumsel = catalog().standard("sumsel-konsultasi")
        >>> online_consultation(sumsel, service_starts="open").clocks[0].starts_on
        ('open',)
        >>> wf = online_consultation(catalog().standard("bengkalis-konsultasi"))
        >>> wf.clocks[0].starts_on, wf.clocks[0].stops_on
        (('request-clear',), ('reply', 'closed', 'closed-no-response'))
        >>> [(t.name, str(t.after), t.actor) for t in wf.timers]
        [('no-response', '7 calendar days', 'officer')]
    """
    standard = service_standard(standard, "online_consultation")
    cal = office_calendar(standard, calendar, "online_consultation")
    require_one_of(served_on, "online_consultation(served_on)", ServedOn)
    if service_starts is not None:
        require_one_of(service_starts, "online_consultation(service_starts)", ServiceStart)
    clocks: tuple[Clock, ...] = ()
    timers: tuple[Timer, ...] = ()
    request_clear = False
    if standard is not None:
        online = completion_time(standard, "online", "online_consultation")
        request_clear = _start(online.clock_start, service_starts, standard.id) == "request-clear"
        stops = ("closed", "closed-no-response") if online.inactivity is not None else ("closed",)
        clocks = (
            Clock(
                "service",
                online.duration,
                starts_on=("request-clear",) if request_clear else ("open",),
                stops_on=("reply", *stops) if served_on == "reply" else stops,
                paused_in=("waiting-for-user",) if pause_while_waiting else (),
                infer_start=request_clear,
            ),
        )
        if online.inactivity is not None:
            actor = "app" if online.inactivity.closed_by == "portal" else "officer"
            timers = (
                Timer(
                    "no-response",
                    "close-no-response",
                    online.inactivity.duration,
                    in_states=("waiting-for-user",),
                    actor=actor,
                ),
            )
    t = transition
    transitions = [
        t("submitted", "reply", "waiting-for-user", roles=("officer",)),
        t("submitted", "close", "closed", roles=("officer",)),
        t("in-conversation", "reply", "waiting-for-user", roles=("officer",)),
        t("in-conversation", "close", "closed", roles=("officer",)),
        t("waiting-for-user", "respond", "in-conversation", roles=("user",)),
        t("waiting-for-user", "close", "closed", roles=("officer",)),
        t("closed", "rate", "rated", roles=("user",)),
    ]
    if timers:
        closer = timers[0].actor
        transitions.insert(
            6,
            t("waiting-for-user", "close-no-response", "closed-no-response", roles=(closer,)),
        )
        transitions.append(t("closed-no-response", "rate", "rated", roles=("user",)))
    if request_clear:
        transitions[:0] = [
            t("submitted", "request-clear", "in-conversation", roles=("officer",)),
            t("in-conversation", "request-clear", "in-conversation", roles=("officer",)),
        ]
    states = [
        state("submitted", "Konsultasi diajukan", "Consultation submitted", initial=True),
        state("in-conversation", "Percakapan: giliran petugas", "Conversation: the officer's turn"),
        state("waiting-for-user", "Menunggu tanggapan pengguna", "Waiting for the user's response"),
        state("closed", "Ditutup petugas", "Closed by the officer"),
        state(
            "closed-no-response",
            "Ditutup karena tidak ada tanggapan",
            "Closed: the user did not respond",
        ),
        state("rated", "Penilaian diberikan", "Rating given", terminal=True),
    ]
    if not timers:
        del states[4]
    return Workflow(
        workflow_name("online-consultation", standard),
        states=tuple(states),
        transitions=tuple(transitions),
        clocks=clocks,
        timers=timers,
        calendar=cal,
        role_check=role_check,
        description="Online statistical consultation on pst.bps.go.id",
    )


def _start(stated: str, option: ServiceStart | None, standard_id: str) -> ServiceStart:
    """Where the ``service`` clock starts: the standard's word, or else the caller's choice."""
    field = "online_consultation(service_starts)"
    if stated in _STATED_STARTS:
        if option is not None:
            raise InvalidValueError(
                field,
                option,
                Phrase(
                    "states.builtin.start_stated",
                    standard=standard_id,
                    clock="service",
                    stated=stated,
                ),
            )
        return _STATED_STARTS[stated]
    if option is None:
        raise InvalidValueError(
            field,
            option,
            Phrase(
                "states.builtin.start_not_stated",
                choices="'open', 'request-clear'",
                standard=standard_id,
                clock="service",
            ),
        )
    return option
