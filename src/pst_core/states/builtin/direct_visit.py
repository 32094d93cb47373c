"""The direct visit to the PST desk (*kunjungan langsung*), as the four service standards say.

Its states follow the procedure the four published standards share ("mengisi
buku tamu", "mengambil nomor antrian", "menunggu waktu dilayani sesuai nomor
antrian", "menyampaikan konsultasi kepada petugas", "memberikan
penilaian/rating"); its clocks take the offline completion time (*Waktu
Penyelesaian*, kunjungan langsung) of the standard passed:

* Standar Pelayanan "Penjualan", PST BPS Provinsi Bengkulu, No. SK 28 Tahun
  2023 — "dilayani maksimal 10 menit sejak selesai mengisi buku tamu. Lama
  layanan maksimal 2 jam atau sesuai kebutuhan pengguna";
* Standar Pelayanan Konsultasi Statistik, PST BPS Provinsi Sumatera Selatan —
  10 minutes "setelah pengguna layanan pada antrian sebelumnya selesai";
* Standar Pelayanan Konsultasi Statistik, PST BPS Kabupaten Bangka Selatan,
  No. SK 23 Tahun 2024 — 5 minutes, from the same moment;
* Standar Pelayanan Konsultasi Statistik, PST BPS Kabupaten Bengkalis — 10
  minutes, from the same moment.

What differs between the documents is data of their catalog entries (the time,
when the wait starts, a maximum service time), so one builder serves all four,
and a unit's own standard too.

Examples:
    >>> from pst_core.standards import catalog
    >>> wf = visit(catalog().standard("bangka-selatan-konsultasi"))
    >>> [(c.name, str(c.goal), c.starts_on) for c in wf.clocks]
    [('wait', '5 minutes', ('next-in-line',))]
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
from pst_core.states.guards import Guard
from pst_core.states.parts import Clock, RoleCheck
from pst_core.states.workflow import Workflow

__all__ = ["ServiceRule", "WaitStart", "visit"]

ServiceRule = Literal["target", "limit"]
"""How `visit` keeps a "Lama layanan maksimal 2 jam atau sesuai kebutuhan pengguna" time.

``"target"`` (the default): "atau sesuai kebutuhan pengguna" lets the user
extend the service, so the ``service`` clock has ``severity="warn"``: past its
budget it is *overdue*, never breached. ``"limit"``: the caller holds the desk to
the time, and the clock (``severity="breach"``) is breached when it is used up.
"""


WaitStart = Literal["take-number", "next-in-line"]
"""When a visitor's wait clock starts: at the queue number, or when the desk is free for them."""


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
        role_check: ``"lenient"`` (default: an actor outside a transition's roles is
            recorded) or ``"strict"`` (refused); see `Workflow.role_check`.

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
    standard = service_standard(standard, "visit")
    cal = office_calendar(standard, calendar, "visit")
    require_one_of(service, "visit(service)", ServiceRule)
    clocks: list[Clock] = []
    if standard is not None:
        offline = completion_time(standard, "offline", "visit")
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
    t = transition
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
        workflow_name("visit", standard),
        states=(
            state("guest-book", "Mengisi buku tamu", "Filling in the guest book", initial=True),
            state(
                "waiting", "Menunggu: ada antrian di depan", "Waiting: others ahead in the queue"
            ),
            state(
                "next-in-line",
                "Menunggu dipanggil: giliran berikutnya",
                "Waiting to be called: next in line",
            ),
            state("serving", "Dilayani petugas", "Being served by the officer"),
            state("served", "Selesai dilayani", "Served"),
            state("rated", "Penilaian diberikan", "Rating given"),
            state("done", "Selesai", "Done", terminal=True),
            state("left", "Meninggalkan antrian", "Left the queue", terminal=True),
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
                Phrase("states.builtin.wait_stated", standard=standard_id, stated=stated),
            )
        return starts[stated]
    if option in ("take-number", "next-in-line"):
        return option
    raise InvalidValueError(
        "visit(wait_starts)",
        option,
        Phrase("states.builtin.wait_not_stated", standard=standard_id),
    )
