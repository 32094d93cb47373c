"""The built-in PST workflows, each built from what one source document says.

* `visit` — a direct visit to the PST desk (*kunjungan langsung*), timed by a
  service standard's offline completion time (seeds of BPS Provinsi Bengkulu,
  BPS Provinsi Sumatera Selatan, BPS Kabupaten Bangka Selatan, BPS Kabupaten
  Bengkalis);
* `online_consultation` — an online consultation, timed by a consultation
  standard's online completion time and its no-response rule;
* `paid_product_visit` — steps 2–4 of SOP-1-101/17000/2025 "Layanan Produk
  Statistik Berbayar" (BPS Provinsi Bengkulu): reception, registration and the
  officer's explanation at the desk, before the order is made in the app;
* `paid_product` — steps 5–8 of the same SOP, the order itself: queue,
  completeness check, delivery and rating, with the invoice, billing code,
  data-use agreement (SPPD) and payment of the online service between
  "complete" and delivery; the Rp0 path; no payment at all for a free service.

Every state, clock and timer says in its docstring (or in the builder's) which
sentence it comes from; the page "Sources" of the documentation lists them all.
Where a document is silent, a builder does not guess: it builds no clock, or it
asks for an option, or it refuses the document with an error naming the
component that is missing.

Builders take ``calendar=``: the office's `WorkingCalendar` the workflow's clocks
and timers count on. Without it they use the PST hours of SOP-1-101/17000/2025
(Mon–Thu 08.00–15.30, Fri 08.00–16.00, no break, national holidays and cuti
bersama) in the time zone of the document's office.

Builders also take ``role_check=``: every transition names the roles that may
fire it — the actors of the documents, as the columns *Pelaksana* of
SOP-1-101/17000/2025 name them: ``user`` (*pengguna layanan*), ``receptionist``
(*resepsionis*), ``officer`` (*petugas layanan*) and ``app`` (*aplikasi
layanan*, the portal pst.bps.go.id) — checked strictly (``"strict"``: a wrong
role is refused, with the allowed roles listed) or recorded (``"lenient"``, the
default: `Transaction.off_role_events` lists it). Each builder says which
sentence gives each step's actor.

A workflow built from a catalog document is named ``"<base>:<document id>"`` so
that a saved transaction finds it again with `builtin`.

Examples:
    >>> from pst_core.standards import catalog
    >>> wf = visit(catalog().standard("bangka-selatan-konsultasi"))
    >>> [(c.name, str(c.goal), c.starts_on) for c in wf.clocks]
    [('wait', '5 minutes', ('next-in-line',))]
    >>> paid_product(catalog().standard("sumsel-konsultasi"))
    Traceback (most recent call last):
    ...
    pst_core.errors.InvalidValueError: paid_product(standard).products: missing component in ...
    >>> builtin("paid-product") == paid_product()
    True
"""

from __future__ import annotations

import difflib
import functools
import re
import types
import typing
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, Literal

import attrs

from pst_core._validation import require_aware
from pst_core.calendar.calendar import WorkingCalendar
from pst_core.calendar.durations import CalendarDays, Duration, WorkingDays, WorkingTime
from pst_core.errors import InvalidTypeError, InvalidValueError, UnknownNameError
from pst_core.standards import (
    CompletionTime,
    ServiceStandard,
    StandardOperatingProcedure,
    catalog,
)
from pst_core.states.workflow import (
    Clock,
    Guard,
    RoleCheck,
    State,
    Timer,
    Transition,
    Workflow,
)
from pst_core.tariffs import BILLING_CODE_VALIDITY, INVOICE_VALIDITY, ZeroRateDecision

__all__ = [
    "BUILTIN",
    "GUARDS",
    "SOP_ID",
    "AppointmentReading",
    "ServedOn",
    "ServiceRule",
    "WaitStart",
    "builtin",
    "complete_needing_agreement",
    "complete_without_agreement",
    "earliest_appointment",
    "online_consultation",
    "paid_product",
    "paid_product_visit",
    "visit",
    "zero_rate_grant",
]

SOP_ID = "bengkulu-sop-produk-berbayar"
"""Catalog id of SOP-1-101/17000/2025, the SOP `paid_product` and `paid_product_visit` follow."""

ServiceRule = Literal["target", "limit"]
"""How `visit` keeps a "Lama layanan maksimal 2 jam atau sesuai kebutuhan pengguna" time.

``"target"`` (the default): "atau sesuai kebutuhan pengguna" lets the user
extend the service, so the ``service`` clock has ``severity="warn"``: past its
budget it is *overdue*, never breached. ``"limit"``: the caller holds the desk to
the time, and the clock (``severity="breach"``) is breached when it is used up.
"""


WaitStart = Literal["take-number", "next-in-line"]
"""When a visitor's wait clock starts: at the queue number, or when the desk is free for them."""

ServedOn = Literal["reply", "close"]
"""When an online consultation counts as served: the officer's first reply, or its closing."""

_SPPD_PRODUCTS = frozenset({"microdata", "wilkerstat_map"})
_PRODUCT_WORDS = ("publikasi", "data mikro", "peta")


def _with_roles(
    source: str, event: str, target: str, guard: Guard | None = None, *, roles: tuple[str, ...]
) -> Transition:
    """A transition naming who may fire it (the SOP's actors: user, receptionist, officer, app)."""
    return Transition(source, event, target, guard, roles=roles)


def _calendar(document: Any, calendar: WorkingCalendar | None, builder: str) -> WorkingCalendar:
    if calendar is None:
        return WorkingCalendar.pst() if document is None else WorkingCalendar.pst(document.timezone)
    if not isinstance(calendar, WorkingCalendar):
        raise InvalidTypeError(f"{builder}(calendar)", calendar, "a WorkingCalendar or None")
    return calendar


def _standard(standard: object, builder: str) -> ServiceStandard | None:
    if standard is None or isinstance(standard, ServiceStandard):
        return standard
    raise InvalidTypeError(
        f"{builder}(standard)",
        standard,
        "a ServiceStandard or None (an SOP is not a service standard: pass it as "
        "paid_product(sop=...) or paid_product_visit(sop))",
    )


def _completion(standard: ServiceStandard, channel: str, builder: str) -> CompletionTime:
    for completion in standard.completion_times:
        if str(getattr(completion.channel, "value", completion.channel)) == channel:
            return completion
    raise InvalidValueError(
        f"{builder}(standard).completion_times",
        standard.id,
        f"a standard with an {channel} completion time (jangka waktu penyelesaian); "
        f"{standard.id} states none for the {channel} channel",
        problem="missing component in",
    )


def _name(base: str, document: Any) -> str:
    return base if document is None else f"{base}:{document.id}"


# --- visit ------------------------------------------------------------------------------------


def visit(
    standard: ServiceStandard | None = None,
    *,
    calendar: WorkingCalendar | None = None,
    wait_starts: WaitStart | None = None,
    service: ServiceRule = "target",
    role_check: RoleCheck = "lenient",
) -> Workflow:
    """A direct visit: guest book → queue number → waiting → served → rated → done.

    States (the procedures of the four standards: "mengisi buku tamu",
    "mengambil nomor antrian", "menunggu waktu dilayani sesuai nomor antrian",
    "menyampaikan konsultasi kepada petugas", "memberikan penilaian/rating"):
    ``guest-book`` → ``take-number`` → ``waiting`` (others ahead) or, with
    ``desk_free=True`` on the event, ``next-in-line`` (nobody ahead) →
    ``desk-free`` (the previous visitor is done) → ``next-in-line`` → ``call`` →
    ``serving`` → ``finish`` → ``served`` → ``rate`` → ``rated`` → ``close`` →
    ``done``; ``leave`` → ``left`` while waiting.

    Clock ``wait`` (the standard's offline time, "akan dilayani maksimal N
    menit"): starts where the standard says — "sejak pengguna layanan pada
    antrian sebelumnya selesai" (Sumatera Selatan, Bangka Selatan, Bengkalis):
    on entering ``next-in-line``, which is at the queue number when nobody is
    ahead; "sejak selesai mengisi buku tamu" (Bengkulu, "Penjualan"): at
    ``take-number``, and the visitor may be called straight from ``waiting``
    (its procedure: "memasuki ruang tunggu hingga dipanggil sesuai nomor
    antrian"). Stops when the visitor is called (``serving``).

    Clock ``service`` (Bengkulu "Penjualan", Waktu Penyelesaian 1: "Lama
    layanan maksimal 2 jam atau sesuai kebutuhan pengguna"), from the call
    (``serving``) until ``served``, only for a standard that states a maximum
    service time. The user may extend the service ("atau sesuai kebutuhan
    pengguna"), so by default (``service="target"``) the clock has
    ``severity="warn"``: past two hours it reads *overdue*, never *breached*;
    ``service="limit"`` gives it ``severity="breach"``.

    Actors (each from the procedures of the standards): ``take-number`` — the
    user or the receptionist ("Pengguna layanan mengambil nomor antrian";
    Bengkulu: "Resepsionis akan memberikan nomor antrian"); ``desk-free`` — the
    officer who finished the previous visitor, or the app's queue;
    ``call`` — the officer or the app ("dipanggil sesuai nomor antrian atau
    mengikuti arahan petugas layanan"); ``finish`` — the officer ("Setelah
    selesai dilayani petugas layanan"); ``rate`` — the user ("memberikan
    penilaian"); ``close`` — the user ("Pengguna layanan selesai mengakses
    layanan") or the officer (SOP-1-101/17000/2025 step 8: "Untuk kunjungan
    langsung, petugas layanan menginput riwayat kunjungan"); ``leave`` — the
    user, or the receptionist who records it (leaving is in no document: the
    state ends a queue the user gave up).

    Without a standard the table has no clock: the times are the standard's.

    Args:
        standard: The service standard whose offline completion time applies.
        calendar: The office calendar (default: PST hours in the office's zone).
        wait_starts: When the wait clock starts, for a standard that does not
            say (``"not_stated"``); refused when the standard does say.
        service: A `ServiceRule`: ``"target"`` (default; the ``service``
            clock warns) or ``"limit"`` (it breaches). Only a standard with a
            maximum service time has that clock.

    Raises:
        InvalidTypeError: ``standard`` is not a ServiceStandard.
        InvalidValueError: the standard has no offline completion time, or does
            not say when the wait starts and ``wait_starts`` is not given.

    Examples:
        >>> from pst_core.standards import catalog
        >>> wf = visit(catalog().standard("bengkulu-penjualan"))
        >>> [(c.name, c.starts_on, c.severity) for c in wf.clocks]
        [('wait', ('take-number',), 'breach'), ('service', ('serving',), 'warn')]
        >>> visit(catalog().standard("bengkulu-penjualan"), service="limit").clocks[1].severity
        'breach'
        >>> visit().clocks
        ()
    """
    standard = _standard(standard, "visit")
    cal = _calendar(standard, calendar, "visit")
    if service not in typing.get_args(ServiceRule):
        raise InvalidValueError("visit(service)", service, typing.get_args(ServiceRule))
    clocks: list[Clock] = []
    if standard is not None:
        offline = _completion(standard, "offline", "visit")
        start = _wait_start(offline.clock_start, wait_starts, standard.id)
        clocks.append(
            Clock(
                "wait",
                offline.duration,
                starts_on=(start,),
                stops_on=("serving",),
                cancels_on=("left",),
            )
        )
        if offline.max_service is not None:
            clocks.append(
                Clock(
                    "service",
                    offline.max_service,
                    starts_on=("serving",),
                    stops_on=("served",),
                    severity="warn" if service == "target" else "breach",
                )
            )
    t = _with_roles
    desk_free = Guard.parse("data.desk_free == true")
    transitions = [
        t("guest-book", "take-number", "next-in-line", desk_free, roles=("receptionist", "user")),
        t("guest-book", "take-number", "waiting", roles=("receptionist", "user")),
        t("guest-book", "leave", "left", roles=("user", "receptionist")),
        t("waiting", "desk-free", "next-in-line", roles=("app", "officer")),
        t("waiting", "leave", "left", roles=("user", "receptionist")),
        t("next-in-line", "call", "serving", roles=("officer", "app")),
        t("next-in-line", "leave", "left", roles=("user", "receptionist")),
        t("serving", "finish", "served", roles=("officer",)),
        t("served", "rate", "rated", roles=("user",)),
        t("served", "close", "done", roles=("user", "officer")),
        t("rated", "close", "done", roles=("user", "officer")),
    ]
    if any(c.starts_on == ("take-number",) for c in clocks):
        # Counted from the guest book, the wait does not depend on the desk: call from the queue.
        transitions.insert(4, t("waiting", "call", "serving", roles=("officer", "app")))
    return Workflow(
        _name("visit", standard),
        states=(
            State(
                "guest-book",
                initial=True,
                label="Mengisi buku tamu",
                label_en="Filling in the guest book",
            ),
            State(
                "waiting",
                label="Menunggu: ada antrian di depan",
                label_en="Waiting: others ahead in the queue",
            ),
            State(
                "next-in-line",
                label="Menunggu dipanggil: giliran berikutnya",
                label_en="Waiting to be called: next in line",
            ),
            State("serving", label="Dilayani petugas", label_en="Being served by the officer"),
            State("served", label="Selesai dilayani", label_en="Served"),
            State("rated", label="Penilaian diberikan", label_en="Rating given"),
            State("done", terminal=True, label="Selesai", label_en="Done"),
            State("left", terminal=True, label="Meninggalkan antrian", label_en="Left the queue"),
        ),
        transitions=tuple(transitions),
        clocks=tuple(clocks),
        calendar=cal,
        role_check=role_check,
        description="Direct visit (kunjungan langsung) to the PST desk",
    )


def _wait_start(stated: str, option: WaitStart | None, standard_id: str) -> str:
    starts = {"after_previous_in_queue": "next-in-line", "after_guest_book": "take-number"}
    if stated in starts:
        if option is not None and option != starts[stated]:
            raise InvalidValueError(
                "visit(wait_starts)",
                option,
                f"nothing: {standard_id} says when the wait starts ({stated})",
            )
        return starts[stated]
    if option in ("take-number", "next-in-line"):
        return option
    raise InvalidValueError(
        "visit(wait_starts)",
        option,
        f"'take-number' or 'next-in-line': {standard_id} does not say when the wait starts",
    )


# --- online consultation ----------------------------------------------------------------------


def online_consultation(
    standard: ServiceStandard | None = None,
    *,
    calendar: WorkingCalendar | None = None,
    served_on: ServedOn = "reply",
    pause_while_waiting: bool = False,
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
    at the request (``open``) when the standard says no more (Sumatera
    Selatan), and at ``request-clear`` — an event the officer fires, allowed
    only in these tables — when it says "setelah permintaan jelas dan
    persyaratan pelayanan lengkap" (Bangka Selatan, Bengkalis). The documents
    say *dilayani* (served), not completed: by default the officer's first
    ``reply`` (giving information, "Petugas memberikan informasi") stops it;
    ``served_on="close"`` keeps it running to the closing. Pausing while the
    user has the turn is a service-desk convention the standards do not state:
    ``pause_while_waiting=True`` asks for it.

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

    Raises:
        InvalidTypeError: ``standard`` is not a ServiceStandard.
        InvalidValueError: the standard has no online completion time, or an option is unknown.

    Examples:
        >>> from pst_core.standards import catalog
        >>> wf = online_consultation(catalog().standard("bengkalis-konsultasi"))
        >>> wf.clocks[0].starts_on, wf.clocks[0].stops_on
        (('request-clear',), ('reply', 'closed', 'closed-no-response'))
        >>> [(t.name, str(t.after), t.actor) for t in wf.timers]
        [('no-response', '7 calendar days', 'officer')]
    """
    standard = _standard(standard, "online_consultation")
    cal = _calendar(standard, calendar, "online_consultation")
    if served_on not in ("reply", "close"):
        raise InvalidValueError("online_consultation(served_on)", served_on, ("reply", "close"))
    clocks: tuple[Clock, ...] = ()
    timers: tuple[Timer, ...] = ()
    request_clear = False
    if standard is not None:
        online = _completion(standard, "online", "online_consultation")
        request_clear = online.clock_start == "after_request_complete"
        stops = ("closed", "closed-no-response") if online.inactivity is not None else ("closed",)
        clocks = (
            Clock(
                "service",
                online.duration,
                starts_on=("request-clear",) if request_clear else ("open",),
                stops_on=("reply", *stops) if served_on == "reply" else stops,
                paused_in=("waiting-for-user",) if pause_while_waiting else (),
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
    t = _with_roles
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
        State(
            "submitted",
            initial=True,
            label="Konsultasi diajukan",
            label_en="Consultation submitted",
        ),
        State(
            "in-conversation",
            label="Percakapan: giliran petugas",
            label_en="Conversation: the officer's turn",
        ),
        State(
            "waiting-for-user",
            label="Menunggu tanggapan pengguna",
            label_en="Waiting for the user's response",
        ),
        State("closed", label="Ditutup petugas", label_en="Closed by the officer"),
        State(
            "closed-no-response",
            label="Ditutup karena tidak ada tanggapan",
            label_en="Closed: the user did not respond",
        ),
        State("rated", terminal=True, label="Penilaian diberikan", label_en="Rating given"),
    ]
    if not timers:
        del states[4]
    return Workflow(
        _name("online-consultation", standard),
        states=tuple(states),
        transitions=tuple(transitions),
        clocks=clocks,
        timers=timers,
        calendar=cal,
        role_check=role_check,
        description="Online statistical consultation on pst.bps.go.id",
    )


# --- paid products: SOP-1-101/17000/2025 ------------------------------------------------------


def _sop(sop: object, builder: str) -> StandardOperatingProcedure:
    if sop is None:
        return catalog().sop(SOP_ID)
    if isinstance(sop, StandardOperatingProcedure):
        return sop
    raise InvalidTypeError(f"{builder}(sop)", sop, "a StandardOperatingProcedure or None")


_WORKING_DAYS_NOTE = re.compile(r"(\d+)\s+hari\s+kerja")


def _step_time(sop: StandardOperatingProcedure, number: int, builder: str) -> Duration:
    """The time of SOP step ``number``; "3 hari" reads as working days when its note says so."""
    step = sop.step(number)
    time = step.quality.time
    if time is None:
        raise InvalidValueError(
            f"{builder}(sop).steps[{number}].quality.time",
            step.quality.time_text,
            f"a time in step {number} of {sop.number}",
            problem="missing component in",
        )
    match = _WORKING_DAYS_NOTE.search(step.note or "")
    if isinstance(time, CalendarDays) and match and int(match[1]) == time.n:
        return WorkingDays(time.n)
    return time


def paid_product_visit(
    sop: StandardOperatingProcedure | None = None,
    *,
    calendar: WorkingCalendar | None = None,
    role_check: RoleCheck = "lenient",
) -> Workflow:
    """Steps 2–4 of SOP-1-101/17000/2025 at the desk, before the order is made in the app.

    States and clocks (each clock has the step's time, "Mutu Baku: Waktu"):

    * ``reception`` — step 2, "Pengguna layanan menentukan media layanan yang
      akan digunakan, apakah layanan online atau tidak ... Jika tidak, maka
      pengguna layanan datang langsung ke PST BPS Provinsi Bengkulu, menemui
      resepsionis": clock ``reception`` (10 menit) from ``open`` until the
      receptionist ``receive``\\ s the user (or the user ``go-online``\\ s:
      "Jika ya, maka pengguna layanan mengakses aplikasi layanan", ``online``);
    * ``registration`` — step 3, "Resepsionis mengarahkan pengguna layanan
      untuk registrasi dan memberikan nomor antrian" (biodata, email): clock
      ``registration`` (10 menit) until ``register``;
    * ``waiting`` — the user waits with the queue number (no time stated);
    * ``explanation`` — step 4, "Petugas layanan menjelaskan ketentuan jenis dan
      tarif PNBP serta dokumen yang diperlukan": clock ``explanation`` (1 jam)
      from ``call`` until ``direct-to-app`` ("Petugas pelayanan akan
      mengarahkan agar transaksi dilakukan melalui aplikasi layanan") →
      ``directed``; the order continues in `paid_product`.

    Actors (column *Pelaksana* and the steps' words): ``receive`` — the
    receptionist (step 2, "menemui resepsionis"); ``go-online`` — the user
    (step 2, "Pengguna layanan menentukan media layanan"); ``register`` — the
    receptionist or the user (step 3, "Resepsionis mengarahkan pengguna layanan
    untuk registrasi"; "Registrasi dilakukan melalui buku tamu PST online");
    ``call`` and ``direct-to-app`` — the officer (step 4, "Petugas layanan
    menjelaskan"); ``leave`` — the user, or the receptionist or officer who
    records it (leaving is in no step: the state ends a visit the user gave up).

    Raises:
        InvalidTypeError: ``sop`` is not a StandardOperatingProcedure.
        InvalidValueError: a step 2–4 of ``sop`` has no time.

    Examples:
        >>> [(c.name, str(c.goal)) for c in paid_product_visit().clocks]
        [('reception', '10 minutes'), ('registration', '10 minutes'), ('explanation', '1 hour')]
    """
    document = _sop(sop, "paid_product_visit")
    cal = _calendar(document, calendar, "paid_product_visit")
    t = _with_roles

    def clock(name: str, step: int, start: str, stop: str) -> Clock:
        return Clock(
            name,
            _step_time(document, step, "paid_product_visit"),
            starts_on=(start,),
            stops_on=(stop,),
            cancels_on=("left",),
        )

    return Workflow(
        _name("paid-product-visit", None if sop is None else document),
        states=(
            State(
                "reception",
                initial=True,
                label="Menemui resepsionis",
                label_en="Meeting the receptionist",
            ),
            State(
                "registration",
                label="Registrasi dan nomor antrian",
                label_en="Registration and queue number",
            ),
            State(
                "waiting",
                label="Menunggu petugas layanan",
                label_en="Waiting for the service officer",
            ),
            State(
                "explanation",
                label="Penjelasan jenis dan tarif PNBP serta dokumen",
                label_en="Explanation of PNBP types, tariffs and documents",
            ),
            State(
                "directed",
                terminal=True,
                label="Diarahkan bertransaksi di aplikasi layanan",
                label_en="Directed to order in the service application",
            ),
            State(
                "online",
                terminal=True,
                label="Memilih layanan online",
                label_en="Chose the online service",
            ),
            State("left", terminal=True, label="Meninggalkan layanan", label_en="Left the service"),
        ),
        transitions=(
            t("reception", "receive", "registration", roles=("receptionist",)),
            t("reception", "go-online", "online", roles=("user",)),
            t("reception", "leave", "left", roles=("user", "receptionist")),
            t("registration", "register", "waiting", roles=("receptionist", "user")),
            t("registration", "leave", "left", roles=("user", "receptionist")),
            t("waiting", "call", "explanation", roles=("officer",)),
            t("waiting", "leave", "left", roles=("user", "receptionist")),
            t("explanation", "direct-to-app", "directed", roles=("officer",)),
            t("explanation", "leave", "left", roles=("user", "officer")),
        ),
        clocks=(
            clock("reception", 2, "open", "registration"),
            clock("registration", 3, "registration", "waiting"),
            clock("explanation", 4, "explanation", "directed"),
        ),
        calendar=cal,
        role_check=role_check,
        description=f"Paid statistical product, at the desk ({document.number} steps 2-4)",
    )


_INCOMPLETE = Guard.data_equals("outcome", "incomplete")
_MISMATCH = Guard.data_equals("outcome", "abstract-mismatch")
_COMPLETE_SPPD_NAME = 'data.outcome == "complete" and data.product is microdata or wilkerstat_map'
_COMPLETE_NAME = 'data.outcome == "complete" and data.product is another PNBP product'


def complete_needing_agreement(data: Mapping[str, Any]) -> bool:
    """Declared complete, for microdata or a Wilkerstat map: the SPPD comes next."""
    return data.get("outcome") == "complete" and data.get("product") in _SPPD_PRODUCTS


def complete_without_agreement(data: Mapping[str, Any]) -> bool:
    """Declared complete, for a product that needs no SPPD (a publication)."""
    product = data.get("product")
    return (
        data.get("outcome") == "complete"
        and isinstance(product, str)
        and product in _OTHER_PRODUCTS
    )


_OTHER_PRODUCTS = frozenset({"printed_publication", "electronic_publication"})
_COMPLETE_SPPD = Guard(
    _COMPLETE_SPPD_NAME,
    complete_needing_agreement,
    exclusive_with=(_INCOMPLETE.name, _MISMATCH.name, _COMPLETE_NAME),
)
_COMPLETE = Guard(
    _COMPLETE_NAME,
    complete_without_agreement,
    exclusive_with=(_INCOMPLETE.name, _MISMATCH.name, _COMPLETE_SPPD_NAME),
)
_GRANTED = Guard.data_equals("granted", True)

GUARDS: Mapping[str, Guard] = types.MappingProxyType(
    {g.name: g for g in (_COMPLETE_SPPD, _COMPLETE)}
)
"""The named guards of `paid_product` that are functions, not comparisons: pass them as
``guards=`` when reading a saved copy of the workflow back."""


def _is_product_for_sale(standard: ServiceStandard) -> bool:
    texts = " ".join(p.text for p in standard.products).lower()
    return any(word in texts for word in _PRODUCT_WORDS)


def paid_product(
    standard: ServiceStandard | None = None,
    *,
    sop: StandardOperatingProcedure | None = None,
    calendar: WorkingCalendar | None = None,
    role_check: RoleCheck = "lenient",
) -> Workflow:
    """An order for statistical products: steps 5–8 of SOP-1-101/17000/2025.

    States (SOP step numbers; the SOP's own words in quotes):

    * ``created`` — step 5, "Pengguna layanan membuat transaksi": clock
      ``queue`` ("Maksimal waktu tunggu antrian 3 hari kerja sejak transaksi
      dibuat") until ``start-verification``; timer ``queue-wait`` lists
      ``queue-breached`` (recorded; the order stays queued) when it runs out;
    * ``verifying`` — step 7, "Petugas layanan mengecek kelengkapan
      persyaratan": ``verify`` with ``outcome="incomplete"`` → ``incomplete``
      (step 6, "melengkapi persyaratan"; the user ``resubmit``\\ s),
      ``"abstract-mismatch"`` → ``cancelled`` (the online microdata service: an
      order whose data-use abstract does not match is cancelled and the user
      opens a new one), or ``"complete"`` → ``complete``;
    * clock ``delivery`` — step 7, "Produk statistik akan diserahkan maksimal 10
      hari kerja saat seluruh kelengkapan dinyatakan lengkap oleh petugas
      layanan": from ``complete`` to ``delivered``, not paused (the SOP pauses
      it for nothing); with a standard, its online completion time ("10 hari
      kerja setelah permintaan jelas dan persyaratan dilengkapi");
    * between ``complete`` and delivery the SOP says nothing; the online
      service (and the Bengkulu standard's "ikuti seluruh proses hingga selesai
      termasuk pembayaran dan tanda tangan surat perjanjian penggunaan data")
      adds the data-use agreement, the invoice and billing code, then payment.
      the officer's ``verify`` with ``outcome="complete"`` names the order's
      PNBP ``product``: ``"microdata"`` or ``"wilkerstat_map"`` lead to
      ``awaiting-agreement`` and ``sign-agreement`` (SPPD) → ``complete``;
      ``"printed_publication"`` or ``"electronic_publication"`` straight to
      ``complete``; then
      ``issue-invoice`` → ``invoiced`` (timers ``invoice``: 1 month from
      issue, ``expire-invoice`` → ``expired``; ``billing-code``: 7 days,
      ``expire-billing-code`` → ``billing-code-expired``, then
      ``reissue-billing-code``); ``pay`` → ``paid``; ``deliver`` → ``delivered``;
    * Rp0 — ``grant-zero-rate`` with the data of `zero_rate_grant` (granted,
      requester, purpose, reasons; Perban BPS 2/2019) → ``zero-rated`` →
      ``deliver``: no invoice, no billing code, no payment timer;
    * a free service (a standard whose fee is "Tidak dipungut biaya") has no
      invoice, payment or Rp0 state: ``deliver`` follows ``complete`` (or the SPPD);
    * ``delivered`` → ``rate`` → ``rated`` → ``close`` → ``closed`` — step 8,
      "memberikan penilaian/rating dan umpan balik ... dan menutup transaksi":
      clock ``rating`` (5 menit) from ``delivered`` to ``closed``.

    Cancelling. The documents cancel an order in one case: the online microdata
    service cancels a request whose data-use abstract does not match, and the
    user opens a new one — ``verify`` with ``outcome="abstract-mismatch"``.
    Nothing says the user may cancel once the request is declared complete, so
    there is no ``cancel`` from ``awaiting-agreement`` (waiting for the SPPD) or
    any later state: an order whose SPPD never comes stays there, and its
    ``delivery`` clock breaches. ``cancel`` while queued, being checked or
    incomplete (the user withdraws, or the officer ends it) is not in
    SOP-1-101/17000/2025 either: it is the table's choice for a request not
    yet accepted, listed as such on the Sources page.

    Actors (column *Pelaksana* and the steps' words): ``resubmit``,
    ``sign-agreement``, ``pay``, ``rate`` and ``close`` — the user (step 6
    "Pengguna layanan melengkapi persyaratan"; the SPPD and the payment are
    the user's; step 8 "Pengguna layanan memberikan penilaian/rating ... dan
    menutup transaksi"); ``start-verification``, ``verify``, ``deliver`` and
    ``grant-zero-rate`` — the officer (step 7 "Petugas layanan mengecek
    kelengkapan persyaratan ... menyerahkan produk statistik"); the invoice and
    billing code — the officer or the app; the timers' events
    (``queue-breached``, ``expire-billing-code``, ``expire-invoice``) — the app;
    ``cancel`` — the user or the officer.

    Args:
        standard: A service standard for the sale of statistical products (its
            online completion time times delivery; its fee decides payment).
        sop: The SOP whose step times apply (default: SOP-1-101/17000/2025).
        calendar: The office calendar (default: PST hours in the office's zone).

    Raises:
        InvalidTypeError: ``standard`` or ``sop`` of the wrong type.
        InvalidValueError: naming the missing component — a standard whose
            products (*produk pelayanan*) list no statistical product, or with
            no online completion time; an SOP step without its time.

    Examples:
        >>> wf = paid_product()
        >>> [(c.name, str(c.goal)) for c in wf.clocks]
        [('queue', '3 working days'), ('delivery', '10 working days'), ('rating', '5 minutes')]
        >>> from pst_core.standards import catalog
        >>> "invoiced" in paid_product(catalog().standard("bengkulu-penjualan")).state_names
        False
    """
    standard = _standard(standard, "paid_product")
    document = _sop(sop, "paid_product")
    delivery = _step_time(document, 7, "paid_product")
    free = False
    if standard is not None:
        if not _is_product_for_sale(standard):
            shown = "; ".join(p.text for p in standard.products) or "none"
            raise InvalidValueError(
                "paid_product(standard).products",
                standard.id,
                "a standard whose produk pelayanan lists statistical products "
                f"(publications, microdata, maps); {standard.id} lists: {shown}",
                problem="missing component in",
            )
        delivery = _completion(standard, "online", "paid_product").duration
        free = standard.fee.is_free
    cal = _calendar(standard or document, calendar, "paid_product")
    t = _with_roles
    states = [
        State(
            "created",
            initial=True,
            label="Transaksi dibuat (antrian)",
            label_en="Order created (in the queue)",
        ),
        State(
            "verifying",
            label="Pemeriksaan kelengkapan persyaratan",
            label_en="Checking the requirements",
        ),
        State(
            "incomplete",
            label="Belum lengkap: pengguna melengkapi ulang",
            label_en="Incomplete: the user completes the requirements",
        ),
        State("cancelled", terminal=True, label="Dibatalkan", label_en="Cancelled"),
        State("complete", label="Dinyatakan lengkap", label_en="Declared complete"),
        State(
            "awaiting-agreement",
            label="Lengkap: menunggu surat perjanjian penggunaan data",
            label_en="Complete: awaiting the data-use agreement (SPPD)",
        ),
    ]
    transitions = [
        t("created", "start-verification", "verifying", roles=("officer",)),
        t("created", "queue-breached", "created", roles=("app",)),
        t("created", "cancel", "cancelled", roles=("user", "officer")),
        t("verifying", "verify", "incomplete", _INCOMPLETE, roles=("officer",)),
        t("verifying", "verify", "cancelled", _MISMATCH, roles=("officer",)),
        t("verifying", "verify", "awaiting-agreement", _COMPLETE_SPPD, roles=("officer",)),
        t("verifying", "verify", "complete", _COMPLETE, roles=("officer",)),
        t("verifying", "cancel", "cancelled", roles=("user", "officer")),
        t("incomplete", "resubmit", "verifying", roles=("user",)),
        t("incomplete", "cancel", "cancelled", roles=("user", "officer")),
        t("awaiting-agreement", "sign-agreement", "complete", roles=("user",)),
    ]
    timers = [
        Timer(
            "queue-wait",
            "queue-breached",
            _step_time(document, 5, "paid_product"),
            in_states=("created",),
            since=("open",),
            actor="app",
        )
    ]
    if free:
        transitions += [
            t("complete", "deliver", "delivered", roles=("officer",)),
        ]
    else:
        states += [
            State(
                "invoiced",
                label="Invoice dan kode billing terbit",
                label_en="Invoice and billing code issued",
            ),
            State(
                "billing-code-expired",
                label="Kode billing kedaluwarsa",
                label_en="Billing code expired",
            ),
            State(
                "expired", terminal=True, label="Invoice kedaluwarsa", label_en="Invoice expired"
            ),
            State("paid", label="Dibayar", label_en="Paid"),
            State("zero-rated", label="Tarif Rp0 diberikan", label_en="Rp0 rate granted"),
        ]
        transitions += [
            t("complete", "issue-invoice", "invoiced", roles=("officer", "app")),
            t("complete", "grant-zero-rate", "zero-rated", _GRANTED, roles=("officer",)),
            t("invoiced", "pay", "paid", roles=("user",)),
            t("invoiced", "expire-billing-code", "billing-code-expired", roles=("app",)),
            t("invoiced", "expire-invoice", "expired", roles=("app",)),
            t("billing-code-expired", "reissue-billing-code", "invoiced", roles=("officer", "app")),
            t("billing-code-expired", "expire-invoice", "expired", roles=("app",)),
            t("paid", "deliver", "delivered", roles=("officer",)),
            t("zero-rated", "deliver", "delivered", roles=("officer",)),
        ]
        timers += [
            Timer(
                "billing-code",
                "expire-billing-code",
                BILLING_CODE_VALIDITY,
                in_states=("invoiced",),
                actor="app",
            ),
            Timer(
                "invoice",
                "expire-invoice",
                INVOICE_VALIDITY,
                in_states=("invoiced", "billing-code-expired"),
                since=("issue-invoice",),
                actor="app",
            ),
        ]
    states += [
        State("delivered", label="Produk diserahkan", label_en="Product delivered"),
        State("rated", label="Penilaian diberikan", label_en="Rating given"),
        State("closed", terminal=True, label="Transaksi ditutup", label_en="Order closed"),
    ]
    transitions += [
        t("delivered", "rate", "rated", roles=("user",)),
        t("delivered", "close", "closed", roles=("user",)),
        t("rated", "close", "closed", roles=("user",)),
    ]
    return Workflow(
        _name(
            "paid-product",
            standard if standard is not None else (None if sop is None else document),
        ),
        states=tuple(states),
        transitions=tuple(transitions),
        clocks=(
            Clock(
                "queue",
                _step_time(document, 5, "paid_product"),
                starts_on=("open",),
                stops_on=("verifying",),
                cancels_on=("cancelled",),
            ),
            Clock(
                "delivery",
                delivery,
                starts_on=("awaiting-agreement", "complete"),
                stops_on=("delivered",),
                cancels_on=() if free else ("expired",),
            ),
            Clock(
                "rating",
                _step_time(document, 8, "paid_product"),
                starts_on=("delivered",),
                stops_on=("closed",),
            ),
        ),
        timers=tuple(timers),
        calendar=cal,
        role_check=role_check,
        description="Paid statistical product order (produk statistik berbayar)",
    )


def zero_rate_grant(decision: ZeroRateDecision) -> Mapping[str, str | bool]:
    """The data of a ``grant-zero-rate`` event: the Rp0 grant and its reasons, for the record.

    Raises:
        InvalidValueError: the decision is not granted (not eligible, or documents missing).

    Examples:
        >>> from pst_core.tariffs import zero_rate
        >>> grant = zero_rate_grant(zero_rate("regional_government", "research",
        ...     provided=["request_letter", "verified_account"]))
        >>> grant["granted"], grant["requester"], grant["purpose"]
        (True, 'regional_government', 'research')
    """
    if not isinstance(decision, ZeroRateDecision):
        raise InvalidTypeError("zero_rate_grant(decision)", decision, "a ZeroRateDecision")
    if not decision.granted:
        missing = ", ".join(decision.missing_documents)
        raise InvalidValueError(
            "zero_rate_grant(decision)",
            decision.describe("en"),
            "a granted decision: eligible, with every document in"
            + (f" (missing: {missing})" if missing else ""),
            problem="not granted:",
        )
    return {
        "granted": True,
        "requester": decision.requester,
        "purpose": decision.purpose,
        "reasons": decision.describe("id"),
        "reasons_en": decision.describe("en"),
        "documents": ", ".join(decision.required_documents),
    }


# --- appointments -----------------------------------------------------------------------------


@attrs.frozen
class AppointmentReading:
    """One reading of an appointment lead time, and the earliest appointment it allows.

    Attributes:
        lead: The lead time in this reading (``1 hour`` or ``1 day``).
        earliest: The earliest instant an appointment made now may be for.
        open: Whether the office is open then (no appointment is needed inside the hours).
        text: What the reading means, in English.
    """

    lead: Duration
    earliest: datetime
    open: bool
    text: str


def earliest_appointment(
    now: datetime,
    *,
    calendar: WorkingCalendar | None = None,
    sop: StandardOperatingProcedure | None = None,
) -> tuple[AppointmentReading, ...]:
    """The earliest appointment outside working hours, in every reading of the SOP's lead time.

    SOP-1-101/17000/2025 step 2: "Untuk layanan diluar jam/hari kerja, tetap
    dilayani dengan membuat janji terlebih dahulu minimal 1 jam/hari
    sebelumnya". "1 jam/hari" reads two ways, and the SOP does not say which:

    * *1 hour*: an appointment made now may be for any time from one hour on;
    * *1 day*: it may be for the next calendar day (in the office's zone) or later.

    Both are returned, in the order the text gives them; an app shows the one
    its office has chosen. Lead times are wall-clock time: the appointment is
    for when the office is closed.

    Raises:
        NaiveDatetimeError: ``now`` has no time zone.
        InvalidValueError: the SOP has no appointment rule.

    Examples:
        >>> from zoneinfo import ZoneInfo
        >>> now = datetime(2026, 3, 13, 15, 30, tzinfo=ZoneInfo("Asia/Jakarta"))
        >>> for r in earliest_appointment(now):
        ...     print(str(r.lead), r.earliest.isoformat(), r.open)
        1 hour 2026-03-13T16:30:00+07:00 False
        1 calendar day 2026-03-14T00:00:00+07:00 False
    """
    require_aware(now, "now")
    document = _sop(sop, "earliest_appointment")
    cal = _calendar(document, calendar, "earliest_appointment")
    rule = document.appointment
    if rule is None or not rule.readings:
        raise InvalidValueError(
            "earliest_appointment(sop).appointment",
            document.id,
            "an SOP with an appointment lead time",
            problem="missing component in",
        )
    local = now.astimezone(cal.timezone)
    readings = []
    for lead in rule.readings:
        if isinstance(lead, WorkingTime):
            earliest = local + lead.span
            text = f"at least {lead} after the appointment is made"
        elif isinstance(lead, CalendarDays):
            day = local.date() + timedelta(days=lead.n)
            earliest = datetime(day.year, day.month, day.day, tzinfo=cal.timezone)
            text = f"on a later calendar day: {lead} or more after the day it is made"
        else:
            earliest = cal.add(local, lead)
            text = f"{lead} after the appointment is made"
        readings.append(AppointmentReading(lead, earliest, cal.is_open(earliest), text))
    return tuple(readings)


# --- registry ---------------------------------------------------------------------------------

_BUILDERS: Mapping[str, Any] = {
    "visit": visit,
    "online-consultation": online_consultation,
    "paid-product-visit": paid_product_visit,
    "paid-product": paid_product,
}

BUILTIN: tuple[str, ...] = tuple(_BUILDERS)
"""Names of the built-in workflows."""


@functools.lru_cache(maxsize=64)
def builtin(name: str) -> Workflow:
    """A built-in workflow by name: ``"visit"``, or ``"<base>:<document id>"`` from the catalog.

    Raises:
        UnknownNameError: for an unknown base name or document id.

    Examples:
        >>> builtin("online-consultation:sumsel-konsultasi").timers[0].actor
        'app'
        >>> builtin("vist")
        Traceback (most recent call last):
        ...
        pst_core.errors.UnknownNameError: unknown workflow 'vist'; did you mean: visit? (4 known)
    """
    base, _, document_id = name.partition(":")
    if base not in _BUILDERS:
        close = difflib.get_close_matches(base, BUILTIN, n=3)
        raise UnknownNameError("workflow", name, close, known=len(BUILTIN))
    if not document_id:
        workflow: Workflow = _BUILDERS[base]()
        return workflow
    documents = catalog()
    if document_id in documents.sops:
        sop = documents.sop(document_id)
        if base == "paid-product-visit":
            return paid_product_visit(sop)
        if base == "paid-product":
            return paid_product(sop=sop)
        raise UnknownNameError(
            "service standard", document_id, allowed="a service standard's id, not an SOP's"
        )
    if document_id not in documents.standards:
        close = difflib.get_close_matches(document_id, documents.ids, n=3, cutoff=0.4)
        raise UnknownNameError(
            "catalog document", document_id, close, allowed=", ".join(documents.ids)
        )
    if base == "paid-product-visit":
        raise UnknownNameError("SOP", document_id, allowed=f"an SOP's id such as {SOP_ID}")
    built: Workflow = _BUILDERS[base](documents.standard(document_id))
    return built
