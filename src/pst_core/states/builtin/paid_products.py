"""Paid statistical products, as SOP-1-101/17000/2025 describes them.

Standard Operating Procedure SOP-1-101/17000/2025 "Layanan Produk Statistik
Berbayar", Tim Diseminasi Statistik, BPS Provinsi Bengkulu (disahkan 25 Februari
2025): eight steps, each with its actors (column *Pelaksana*: pengguna layanan,
resepsionis, petugas layanan, aplikasi layanan) and its quality standard
(*Mutu Baku*: what must be complete, the time, the output).

* `paid_product_visit` — steps 2–4 at the desk: reception, registration and
  the officer's explanation, before the order is made in the app;
* `paid_product` — steps 5–8, the order itself: queue, completeness check,
  delivery and rating, with the data-use agreement (SPPD), the invoice, the
  billing code and payment of the online service between "complete" and
  delivery; the Rp0 path; no payment at all for a free service;
* `zero_rate_grant` — the data of the ``grant-zero-rate`` event of
  `paid_product` from a `ZeroRateDecision`. It stays beside the workflow whose
  guard reads it (``data.granted == true``): it makes the event's data, not a
  tariff rule, and the tariff rules below the states layer cannot know the
  workflow's event.

Examples:
    >>> [(c.name, str(c.goal)) for c in paid_product().clocks]
    [('queue', '3 working days'), ('delivery', '10 working days'), ('rating', '5 minutes')]
"""

from __future__ import annotations

import re
import types
from collections.abc import Mapping
from typing import Any

from pst_core._validation import require_instance
from pst_core.calendar.calendar import WorkingCalendar
from pst_core.calendar.durations import CalendarDays, Duration, WorkingDays
from pst_core.errors import InvalidValueError, Phrase
from pst_core.standards import ServiceStandard
from pst_core.standards.sop import StandardOperatingProcedure
from pst_core.states.builtin._documents import (
    completion_time,
    office_calendar,
    operating_procedure,
    service_standard,
    state,
    transition,
    workflow_name,
)
from pst_core.states.guards import Guard
from pst_core.states.parts import Clock, RoleCheck, Timer
from pst_core.states.workflow import Workflow
from pst_core.tariffs import ZeroRateDecision
from pst_core.tariffs.billing import BILLING_CODE_VALIDITY, INVOICE_VALIDITY

__all__ = [
    "PAID_PRODUCT_GUARDS",
    "complete_needing_agreement",
    "complete_without_agreement",
    "paid_product",
    "paid_product_visit",
    "zero_rate_grant",
]

_SPPD_PRODUCTS = frozenset({"microdata", "wilkerstat_map"})
_PRODUCT_WORDS = ("publikasi", "data mikro", "peta")
_WORKING_DAYS_NOTE = re.compile(r"(\d+)\s+hari\s+kerja")


def _step_time(sop: StandardOperatingProcedure, number: int, builder: str) -> Duration:
    """The time of SOP step ``number``; "3 hari" reads as working days when its note says so."""
    step = sop.step(number)
    time = step.quality.time
    if time is None:
        raise InvalidValueError(
            f"{builder}(sop).steps[{number}].quality.time",
            step.quality.time_text,
            Phrase("states.builtin.step_time", step=number, sop=sop.number),
            problem=Phrase("states.builtin.missing_component"),
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
      receptionist ``receive``\\ s the user. When the user ``go-online``\\ s
      instead ("Jika ya, maka pengguna layanan mengakses aplikasi layanan",
      ``online``) the desk has nobody to receive: the clock is cancelled,
      neither met nor breached (as when the user ``leave``\\ s);
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

    Args:
        sop: The SOP whose step times apply (default: SOP-1-101/17000/2025).
        calendar: The office calendar (default: PST hours in the office's zone).
        role_check: ``"lenient"`` (default: an actor outside a transition's roles is
            recorded) or ``"strict"`` (refused); see `Workflow.role_check`.

    Raises:
        InvalidTypeError: ``sop`` is not a StandardOperatingProcedure.
        InvalidValueError: a step 2–4 of ``sop`` has no time.

    Examples:
        >>> [(c.name, str(c.goal)) for c in paid_product_visit().clocks]
        [('reception', '10 minutes'), ('registration', '10 minutes'), ('explanation', '1 hour')]
    """
    document = operating_procedure(sop, "paid_product_visit")
    cal = office_calendar(document, calendar, "paid_product_visit")
    t = transition

    def clock(name: str, step: int, start: str, stop: str, *cancels: str) -> Clock:
        return Clock(
            name,
            _step_time(document, step, "paid_product_visit"),
            starts_on=(start,),
            stops_on=(stop,),
            cancels_on=("left", *cancels),
        )

    return Workflow(
        workflow_name("paid-product-visit", None if sop is None else document),
        states=(
            state("reception", "Menemui resepsionis", "Meeting the receptionist", initial=True),
            state("registration", "Registrasi dan nomor antrian", "Registration and queue number"),
            state("waiting", "Menunggu petugas layanan", "Waiting for the service officer"),
            state(
                "explanation",
                "Penjelasan jenis dan tarif PNBP serta dokumen",
                "Explanation of PNBP types, tariffs and documents",
            ),
            state(
                "directed",
                "Diarahkan bertransaksi di aplikasi layanan",
                "Directed to order in the service application",
                terminal=True,
            ),
            state("online", "Memilih layanan online", "Chose the online service", terminal=True),
            state("left", "Meninggalkan layanan", "Left the service", terminal=True),
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
            clock("reception", 2, "open", "registration", "online"),
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

PAID_PRODUCT_GUARDS: Mapping[str, Guard] = types.MappingProxyType(
    {g.name: g for g in (_COMPLETE_SPPD, _COMPLETE)}
)
"""The named guards of `paid_product` that are functions, not comparisons: pass them as
``guards=`` when reading a saved copy of the workflow back (`GUARDS` holds every built-in's)."""


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
      ``awaiting-agreement`` (the SPPD is still to be signed),
      ``"printed_publication"`` or ``"electronic_publication"`` straight to
      ``complete``; then ``issue-invoice`` → ``invoiced`` (timers ``invoice``:
      1 month from issue, ``expire-invoice`` → ``expired``; ``billing-code``:
      7 days from (re)issue, ``expire-billing-code`` →
      ``billing-code-expired``, then ``reissue-billing-code``); ``pay`` →
      ``paid``; ``deliver`` → ``delivered``. No source orders the SPPD and the
      invoice (DOMAIN: complete → invoice, billing code and SPPD → payment):
      ``sign-agreement`` comes before payment, either before the invoice
      (``awaiting-agreement`` → ``complete``) or after it
      (``invoiced-awaiting-agreement`` → ``invoiced``,
      ``billing-code-expired-awaiting-agreement`` → ``billing-code-expired``,
      with the same timers); ``pay`` is allowed only once it is signed;
    * Rp0 — ``grant-zero-rate`` with the data of `zero_rate_grant` (granted,
      requester, purpose, reasons; Perban BPS 2/2019) → ``zero-rated`` →
      ``deliver``: no payment, so no invoice, billing code or payment timer
      (the library's choice: the regulation sets the rate, not the paperwork);
      for microdata and maps the SPPD is signed first ("the abstract and the
      SPPD are still required"), so the grant follows ``complete``;
    * a free service (a standard whose fee is "Tidak dipungut biaya") has no
      invoice, payment or Rp0 state: ``deliver`` follows ``complete`` (or the SPPD);
    * ``delivered`` → ``rate`` → ``rated`` → ``close`` → ``closed`` — step 8,
      "memberikan penilaian/rating dan umpan balik ... dan menutup transaksi":
      clock ``rating`` (5 menit) from ``delivered`` to ``closed``. Rating and
      closing are the user's steps ("Pengguna layanan memberikan
      penilaian/rating"), so the clock measures the user's time
      (``party="user"``): the office's compliance leaves it out unless asked.

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
        role_check: ``"lenient"`` (default: an actor outside a transition's roles is
            recorded) or ``"strict"`` (refused); see `Workflow.role_check`.

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
    standard = service_standard(standard, "paid_product")
    document = operating_procedure(sop, "paid_product")
    delivery = _step_time(document, 7, "paid_product")
    free = False
    if standard is not None:
        if not _is_product_for_sale(standard):
            shown = "; ".join(p.text for p in standard.products) or "none"
            raise InvalidValueError(
                "paid_product(standard).products",
                standard.id,
                Phrase("states.builtin.products", standard=standard.id, shown=shown),
                problem=Phrase("states.builtin.missing_component"),
            )
        delivery = completion_time(standard, "online", "paid_product").duration
        free = standard.fee.is_free
    cal = office_calendar(standard or document, calendar, "paid_product")
    t = transition
    states = [
        state(
            "created", "Transaksi dibuat (antrian)", "Order created (in the queue)", initial=True
        ),
        state("verifying", "Pemeriksaan kelengkapan persyaratan", "Checking the requirements"),
        state(
            "incomplete",
            "Belum lengkap: pengguna melengkapi ulang",
            "Incomplete: the user completes the requirements",
        ),
        state("cancelled", "Dibatalkan", "Cancelled", terminal=True),
        state("complete", "Dinyatakan lengkap", "Declared complete"),
        state(
            "awaiting-agreement",
            "Lengkap: menunggu surat perjanjian penggunaan data",
            "Complete: awaiting the data-use agreement (SPPD)",
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
            state("invoiced", "Invoice dan kode billing terbit", "Invoice and billing code issued"),
            state("billing-code-expired", "Kode billing kedaluwarsa", "Billing code expired"),
            state("expired", "Invoice kedaluwarsa", "Invoice expired", terminal=True),
            state("paid", "Dibayar", "Paid"),
            state("zero-rated", "Tarif Rp0 diberikan", "Rp0 rate granted"),
        ]
        states += [
            state(
                "invoiced-awaiting-agreement",
                "Invoice terbit: menunggu surat perjanjian penggunaan data",
                "Invoice issued: awaiting the data-use agreement (SPPD)",
            ),
            state(
                "billing-code-expired-awaiting-agreement",
                "Kode billing kedaluwarsa: menunggu surat perjanjian penggunaan data",
                "Billing code expired: awaiting the data-use agreement (SPPD)",
            ),
        ]
        officer_or_app = ("officer", "app")
        transitions += [
            t("complete", "issue-invoice", "invoiced", roles=officer_or_app),
            t("complete", "grant-zero-rate", "zero-rated", _GRANTED, roles=("officer",)),
            t("invoiced", "pay", "paid", roles=("user",)),
            t("invoiced", "expire-billing-code", "billing-code-expired", roles=("app",)),
            t("invoiced", "expire-invoice", "expired", roles=("app",)),
            t("billing-code-expired", "reissue-billing-code", "invoiced", roles=officer_or_app),
            t("billing-code-expired", "expire-invoice", "expired", roles=("app",)),
            # The SPPD comes before payment, not before the invoice: an order for microdata
            # or a map may be invoiced first, and is paid only once the SPPD is signed.
            t(
                "awaiting-agreement",
                "issue-invoice",
                "invoiced-awaiting-agreement",
                roles=officer_or_app,
            ),
            t("invoiced-awaiting-agreement", "sign-agreement", "invoiced", roles=("user",)),
            t(
                "invoiced-awaiting-agreement",
                "expire-billing-code",
                "billing-code-expired-awaiting-agreement",
                roles=("app",),
            ),
            t("invoiced-awaiting-agreement", "expire-invoice", "expired", roles=("app",)),
            t(
                "billing-code-expired-awaiting-agreement",
                "reissue-billing-code",
                "invoiced-awaiting-agreement",
                roles=officer_or_app,
            ),
            t(
                "billing-code-expired-awaiting-agreement",
                "sign-agreement",
                "billing-code-expired",
                roles=("user",),
            ),
            t(
                "billing-code-expired-awaiting-agreement",
                "expire-invoice",
                "expired",
                roles=("app",),
            ),
            t("paid", "deliver", "delivered", roles=("officer",)),
            t("zero-rated", "deliver", "delivered", roles=("officer",)),
        ]
        timers += [
            Timer(
                "billing-code",
                "expire-billing-code",
                BILLING_CODE_VALIDITY,
                in_states=("invoiced", "invoiced-awaiting-agreement"),
                since=("issue-invoice", "reissue-billing-code"),
                actor="app",
            ),
            Timer(
                "invoice",
                "expire-invoice",
                INVOICE_VALIDITY,
                in_states=(
                    "invoiced",
                    "billing-code-expired",
                    "invoiced-awaiting-agreement",
                    "billing-code-expired-awaiting-agreement",
                ),
                since=("issue-invoice",),
                actor="app",
            ),
        ]
    states += [
        state("delivered", "Produk diserahkan", "Product delivered"),
        state("rated", "Penilaian diberikan", "Rating given"),
        state("closed", "Transaksi ditutup", "Order closed", terminal=True),
    ]
    transitions += [
        t("delivered", "rate", "rated", roles=("user",)),
        t("delivered", "close", "closed", roles=("user",)),
        t("rated", "close", "closed", roles=("user",)),
    ]
    return Workflow(
        workflow_name(
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
                party="user",
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
    require_instance(
        decision,
        "zero_rate_grant(decision)",
        ZeroRateDecision,
        label=Phrase("states.builtin.expected_decision"),
    )
    if not decision.granted:
        missing = ", ".join(decision.missing_documents)
        raise InvalidValueError(
            "zero_rate_grant(decision)",
            decision.describe("en"),
            Phrase("states.builtin.granted_missing", missing=missing)
            if missing
            else Phrase("states.builtin.granted"),
            problem=Phrase("states.builtin.not_granted"),
        )
    return {
        "granted": True,
        "requester": decision.requester,
        "purpose": decision.purpose,
        "reasons": decision.describe("id"),
        "reasons_en": decision.describe("en"),
        "documents": ", ".join(decision.required_documents),
    }
