"""The three PST workflows of the source documents, as :class:`~pst_core.states.workflow.Workflow`.

* :func:`visit` — a direct visit (*kunjungan langsung*): guest book, queue
  number, waiting, served at the desk, rating, done.
* :func:`online_consultation` — an online consultation on pst.bps.go.id: the
  conversation goes back and forth between the officer and the user, and ends
  closed by the officer or for no response, then rated.
* :func:`paid_product` — a paid statistical product (SOP-1-101/17000/2025 of BPS
  Bengkulu and the official online microdata flow): queue, verification,
  invoice and billing code, payment, data-use agreement, delivery, rating.

Each takes an optional :class:`~pst_core.standards.ServiceStandard`: given one,
the clocks and timers take its completion times and its unit's time zone;
without one they take the seeds' values. A workflow built from a standard is
named ``"<base>:<standard id>"`` so that a saved transaction finds it again
with :func:`builtin`. Anything else raises
:class:`~pst_core.errors.InvalidTypeError` — an SOP too: the seeds' values
the builders use without a standard already are the SOP's.

Example:
    >>> paid_product().state_names[:4]
    ('created', 'verifying', 'incomplete', 'cancelled')
    >>> from pst_core.standards import catalog
    >>> paid_product(catalog().sop("bengkulu-sop-produk-berbayar"))
    Traceback (most recent call last):
    ...
    pst_core.errors.InvalidTypeError: paid_product(standard): expected a ServiceStandard or None ...
    >>> builtin("visit") == visit()
    True
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from pst_core.calendar.calendar import WorkingCalendar
from pst_core.calendar.durations import Duration, WorkingDays, WorkingTime
from pst_core.errors import InvalidTypeError, UnknownNameError
from pst_core.states.workflow import Clock, Guard, State, Timer, Transition, Workflow, pst_calendar
from pst_core.tariffs.billing import BILLING_CODE_VALIDITY, INVOICE_VALIDITY

if TYPE_CHECKING:
    from pst_core.standards.model import Channel, CompletionTime, ServiceStandard

__all__ = [
    "BUILTIN",
    "PAID_PRODUCT_QUEUE",
    "builtin",
    "online_consultation",
    "paid_product",
    "visit",
]

PAID_PRODUCT_QUEUE: Duration = WorkingDays(3)
"""SOP-1-101/17000/2025 step 5: a transaction waits in the queue at most 3 working days."""

# The seeds' values, used when no standard is given.
_VISIT_WAIT = WorkingTime(10)  # seeds 000, 001, 003 (002 says 5 minutes)
_VISIT_SERVICE = WorkingTime(hours=2)  # seed 000: one service lasts at most 2 hours
_CONSULTATION = WorkingDays(3)  # seeds 001-003, online
_NO_RESPONSE = WorkingDays(3)  # seed 001: the portal closes after 3 working days
_DELIVERY = WorkingDays(10)  # seed 004 step 7, seed 000 online


def _checked(standard: object, builder: str) -> ServiceStandard | None:
    """The builders read a service standard's fields: refuse anything else up front."""
    from pst_core.standards.model import ServiceStandard

    if standard is None or isinstance(standard, ServiceStandard):
        return standard
    raise InvalidTypeError(
        f"{builder}(standard)",
        standard,
        "a ServiceStandard or None (an SOP is not a service standard: its values are "
        f"already the defaults, so call {builder}() without it)",
    )


def _calendar(standard: ServiceStandard | None) -> WorkingCalendar:
    return pst_calendar() if standard is None else pst_calendar(standard.timezone.key)


def _name(base: str, standard: ServiceStandard | None) -> str:
    return base if standard is None else f"{base}:{standard.id}"


def _completion(standard: ServiceStandard | None, channel: Channel) -> CompletionTime | None:
    return None if standard is None else standard.completion(channel)


def visit(standard: ServiceStandard | None = None) -> Workflow:
    """A direct visit: guest book → queue number → waiting → served → rated → done.

    Clocks: ``wait`` — the visitor is served (called to the desk) within the
    standard's offline time (10 minutes, 5 in Bangka Selatan); it starts when
    the desk becomes free for them (event ``desk-free``, fired by the queue app
    when the previous visitor's service ends: "sejak pengguna layanan pada
    antrian sebelumnya selesai") or, for a standard that counts from the guest
    book (BPS Bengkulu), when the queue number is taken. ``service`` — one
    service lasts at most 2 hours, when the standard says so.

    Raises:
        InvalidTypeError: if ``standard`` is neither a ServiceStandard nor ``None``.

    Example:
        >>> wf = visit()
        >>> wf.events_from("waiting")
        ('desk-free', 'call', 'leave')
        >>> goals = [(c.name, str(c.goal)) for c in wf.clocks]
        >>> goals
        [('wait', '10 minutes'), ('service', '2 hours')]
    """
    standard = _checked(standard, "visit")
    offline = _completion(standard, "offline")
    wait: Duration = _VISIT_WAIT if offline is None else offline.duration
    max_service = _VISIT_SERVICE if offline is None else offline.max_service
    from_guest_book = offline is not None and offline.clock_start == "after_guest_book"
    calendar = _calendar(standard)
    clocks = [
        Clock(
            "wait",
            wait,
            starts_on=("waiting",) if from_guest_book else ("desk-free",),
            stops_on=("serving",),
            cancels_on=("left",),
        )
    ]
    if max_service is not None:
        clocks.append(
            Clock(
                "service",
                max_service,
                starts_on=("serving",),
                stops_on=("served",),
            )
        )
    return Workflow(
        _name("visit", standard),
        states=(
            State("guest-book", initial=True, label="Mengisi buku tamu"),
            State("waiting", label="Menunggu panggilan sesuai nomor antrian"),
            State("serving", label="Dilayani"),
            State("served", label="Selesai dilayani"),
            State("rated", label="Memberi penilaian"),
            State("done", terminal=True, label="Selesai"),
            State("left", terminal=True, label="Meninggalkan antrian"),
        ),
        transitions=(
            Transition("guest-book", "take-number", "waiting"),
            Transition("guest-book", "leave", "left"),
            Transition("waiting", "desk-free", "waiting"),
            Transition("waiting", "call", "serving"),
            Transition("waiting", "leave", "left"),
            Transition("serving", "finish", "served"),
            Transition("served", "rate", "rated"),
            Transition("served", "close", "done"),
            Transition("rated", "close", "done"),
        ),
        clocks=tuple(clocks),
        calendar=calendar,
        description="Direct visit (kunjungan langsung) to the PST desk",
    )


def online_consultation(standard: ServiceStandard | None = None) -> Workflow:
    """An online consultation: submitted → in conversation ↔ waiting for the user → closed → rated.

    The officer's ``reply`` hands the conversation to the user (waiting for the
    user); the user's ``respond`` hands it back. The officer ``close``\\ s it when
    done; ``close-no-response`` closes it when the user has not responded for
    the standard's inactivity period (3 working days, closed by the portal, in
    seed 001; 7 days, closed by the officer, in seeds 002 and 003) — a timer.

    Clock ``service``: the standard's online completion time (3 working days),
    from submission to closing, paused while waiting for the user.

    Raises:
        InvalidTypeError: if ``standard`` is neither a ServiceStandard nor ``None``.

    Example:
        >>> wf = online_consultation()
        >>> timers = [(t.name, str(t.after), t.actor) for t in wf.timers]
        >>> timers
        [('no-response', '3 working days', 'system')]
        >>> wf.clocks[0].paused_in
        ('waiting-for-user',)
    """
    standard = _checked(standard, "online_consultation")
    online = _completion(standard, "online")
    goal: Duration = _CONSULTATION if online is None else online.duration
    after: Duration = _NO_RESPONSE
    actor = "system"
    if online is not None and online.inactivity is not None:
        after = online.inactivity.duration
        actor = "system" if online.inactivity.closed_by == "portal" else "officer"
    calendar = _calendar(standard)
    return Workflow(
        _name("online-consultation", standard),
        states=(
            State("submitted", initial=True, label="Konsultasi dibuat"),
            State("in-conversation", label="Percakapan: giliran petugas"),
            State("waiting-for-user", label="Menunggu tanggapan pengguna"),
            State("closed", label="Ditutup petugas"),
            State("closed-no-response", label="Ditutup karena tidak ada tanggapan"),
            State("rated", terminal=True, label="Penilaian"),
        ),
        transitions=(
            Transition("submitted", "reply", "waiting-for-user"),
            Transition("submitted", "close", "closed"),
            Transition("in-conversation", "reply", "waiting-for-user"),
            Transition("in-conversation", "close", "closed"),
            Transition("waiting-for-user", "respond", "in-conversation"),
            Transition("waiting-for-user", "close", "closed"),
            Transition("waiting-for-user", "close-no-response", "closed-no-response"),
            Transition("closed", "rate", "rated"),
            Transition("closed-no-response", "rate", "rated"),
        ),
        clocks=(
            Clock(
                "service",
                goal,
                starts_on=("submitted",),
                stops_on=("closed", "closed-no-response"),
                paused_in=("waiting-for-user",),
            ),
        ),
        timers=(
            Timer(
                "no-response",
                "close-no-response",
                after,
                in_states=("waiting-for-user",),
                actor=actor,
            ),
        ),
        calendar=calendar,
        description="Online statistical consultation on pst.bps.go.id",
    )


def _outcome(value: str) -> Guard:
    return Guard.parse(f'data.outcome == "{value}"')


def paid_product(standard: ServiceStandard | None = None) -> Workflow:
    """A paid statistical product order (SOP-1-101/17000/2025, online microdata flow).

    ``created`` (queue) → ``start-verification`` → ``verifying`` → ``verify``
    with ``outcome="incomplete"`` (back to the user, who ``resubmit``\\ s),
    ``"abstract-mismatch"`` (the data-use abstract does not match: the order is
    cancelled and the user opens a new one) or ``"complete"`` → ``issue-invoice``
    (invoice, billing code) → ``pay`` → ``sign-agreement`` (SPPD) → ``deliver``
    → ``rate`` → ``close``. An order can be cancelled before it is complete.

    Clocks: ``queue`` — at most 3 working days from creation until verification
    starts; ``delivery`` — the product is delivered within 10 working days (the
    standard's online completion time) of being declared complete, not paused.

    Timers: ``queue-wait`` fires ``queue-breached`` (recorded, the order stays
    queued) when the queue clock runs out; ``billing-code`` fires
    ``expire-billing-code`` 7 days after the code was (re)issued; ``invoice``
    fires ``expire-invoice`` 1 month after the invoice was issued, which ends
    the order (``expired``). Validities come from :mod:`pst_core.tariffs.billing`.

    Raises:
        InvalidTypeError: if ``standard`` is neither a ServiceStandard nor ``None``.

    Example:
        >>> wf = paid_product()
        >>> verify = [str(t) for t in wf.transitions if t.event == "verify"]
        >>> verify
        ['verifying --verify [data.outcome == "incomplete"]--> incomplete',
         'verifying --verify [data.outcome == "abstract-mismatch"]--> cancelled',
         'verifying --verify [data.outcome == "complete"]--> complete']
    """
    standard = _checked(standard, "paid_product")
    online = _completion(standard, "online")
    delivery: Duration = _DELIVERY if online is None else online.duration
    calendar = _calendar(standard)
    return Workflow(
        _name("paid-product", standard),
        states=(
            State("created", initial=True, label="Transaksi dibuat (antrian)"),
            State("verifying", label="Pemeriksaan kelengkapan"),
            State("incomplete", label="Belum lengkap: dikembalikan ke pengguna"),
            State("cancelled", terminal=True, label="Dibatalkan"),
            State("complete", label="Dinyatakan lengkap"),
            State("invoiced", label="Invoice dan kode billing terbit"),
            State("billing-code-expired", label="Kode billing kedaluwarsa"),
            State("expired", terminal=True, label="Invoice kedaluwarsa"),
            State("paid", label="Dibayar"),
            State("agreement-signed", label="SPPD ditandatangani"),
            State("delivered", label="Produk diserahkan"),
            State("rated", label="Penilaian"),
            State("closed", terminal=True, label="Transaksi ditutup"),
        ),
        transitions=(
            Transition("created", "start-verification", "verifying"),
            Transition("created", "queue-breached", "created"),
            Transition("created", "cancel", "cancelled"),
            Transition("verifying", "verify", "incomplete", _outcome("incomplete")),
            Transition("verifying", "verify", "cancelled", _outcome("abstract-mismatch")),
            Transition("verifying", "verify", "complete", _outcome("complete")),
            Transition("verifying", "cancel", "cancelled"),
            Transition("incomplete", "resubmit", "verifying"),
            Transition("incomplete", "cancel", "cancelled"),
            Transition("complete", "issue-invoice", "invoiced"),
            Transition("invoiced", "pay", "paid"),
            Transition("invoiced", "expire-billing-code", "billing-code-expired"),
            Transition("invoiced", "expire-invoice", "expired"),
            Transition("billing-code-expired", "reissue-billing-code", "invoiced"),
            Transition("billing-code-expired", "expire-invoice", "expired"),
            Transition("paid", "sign-agreement", "agreement-signed"),
            Transition("agreement-signed", "deliver", "delivered"),
            Transition("delivered", "rate", "rated"),
            Transition("delivered", "close", "closed"),
            Transition("rated", "close", "closed"),
        ),
        clocks=(
            Clock(
                "queue",
                PAID_PRODUCT_QUEUE,
                starts_on=("created",),
                stops_on=("verifying",),
                cancels_on=("cancelled",),
            ),
            Clock(
                "delivery",
                delivery,
                starts_on=("complete",),
                stops_on=("delivered",),
                cancels_on=("expired",),
            ),
        ),
        timers=(
            Timer(
                "queue-wait",
                "queue-breached",
                PAID_PRODUCT_QUEUE,
                in_states=("created",),
                since=("open",),
            ),
            Timer(
                "billing-code",
                "expire-billing-code",
                BILLING_CODE_VALIDITY,
                in_states=("invoiced",),
            ),
            Timer(
                "invoice",
                "expire-invoice",
                INVOICE_VALIDITY,
                in_states=("invoiced", "billing-code-expired"),
                since=("issue-invoice",),
            ),
        ),
        calendar=calendar,
        description="Paid statistical product order (produk statistik berbayar)",
    )


_BUILDERS = {
    "visit": visit,
    "online-consultation": online_consultation,
    "paid-product": paid_product,
}

BUILTIN: tuple[str, ...] = tuple(_BUILDERS)
"""Names of the built-in workflows."""


@functools.lru_cache(maxsize=64)
def builtin(name: str) -> Workflow:
    """A built-in workflow by name: ``"visit"``, or ``"<base>:<standard id>"`` from the catalog.

    Raises:
        UnknownNameError: for an unknown base name or standard id.

    Example:
        >>> builtin("paid-product").name
        'paid-product'
        >>> builtin("vist")
        Traceback (most recent call last):
        ...
        pst_core.errors.UnknownNameError: unknown workflow 'vist'; did you mean: visit? (3 known)
    """
    base, _, standard_id = name.partition(":")
    if base not in _BUILDERS:
        import difflib

        close = difflib.get_close_matches(base, BUILTIN, n=3)
        raise UnknownNameError("workflow", name, close, known=len(BUILTIN))
    if not standard_id:
        return _BUILDERS[base]()
    from pst_core.standards.catalog import catalog

    return _BUILDERS[base](catalog().standard(standard_id))
