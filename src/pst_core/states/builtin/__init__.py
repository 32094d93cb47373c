"""The built-in PST workflows, each built from what its source documents say.

One module per service, each citing its documents:

* `pst_core.states.builtin.direct_visit` — `visit`, a direct visit to the PST
  desk (*kunjungan langsung*), timed by a service standard's offline completion
  time (the standards of BPS Provinsi Bengkulu, BPS Provinsi Sumatera Selatan,
  BPS Kabupaten Bangka Selatan, BPS Kabupaten Bengkalis);
* `pst_core.states.builtin.consultation` — `online_consultation`, timed by a
  consultation standard's online completion time and its no-response rule;
* `pst_core.states.builtin.paid_products` — SOP-1-101/17000/2025 "Layanan
  Produk Statistik Berbayar" (BPS Provinsi Bengkulu): `paid_product_visit`
  (steps 2–4 at the desk), `paid_product` (steps 5–8, the order, with the
  invoice, billing code, data-use agreement and payment of the online service,
  and the Rp0 path) and `zero_rate_grant` (the data of its Rp0 event);
* `pst_core.states.builtin.appointments` — `earliest_appointment`, the same
  SOP's appointments outside working hours;
* `pst_core.states.builtin.registry` — the workflows by name (`BUILTIN`,
  `builtin_workflow`) and their function guards (`GUARDS`).

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

Examples:
    >>> from pst_core.standards import catalog
    >>> wf = visit(catalog().standard("bangka-selatan-konsultasi"))
    >>> [(c.name, str(c.goal), c.starts_on) for c in wf.clocks]
    [('wait', '5 minutes', ('next-in-line',))]
    >>> paid_product(catalog().standard("sumsel-konsultasi"))
    Traceback (most recent call last):
    ...
    pst_core.errors.InvalidValueError: paid_product(standard).products: missing component in ...
    >>> builtin_workflow("paid-product") == paid_product()
    True
"""

from pst_core.states.builtin._documents import SOP_ID
from pst_core.states.builtin.appointments import AppointmentReading, earliest_appointment
from pst_core.states.builtin.consultation import ServedOn, ServiceStart, online_consultation
from pst_core.states.builtin.direct_visit import ServiceRule, WaitStart, visit
from pst_core.states.builtin.paid_products import (
    PAID_PRODUCT_GUARDS,
    complete_needing_agreement,
    complete_without_agreement,
    paid_product,
    paid_product_visit,
    zero_rate_grant,
)
from pst_core.states.builtin.registry import BUILTIN, GUARDS, builtin_workflow

__all__ = [
    "BUILTIN",
    "GUARDS",
    "PAID_PRODUCT_GUARDS",
    "SOP_ID",
    "AppointmentReading",
    "ServedOn",
    "ServiceRule",
    "ServiceStart",
    "WaitStart",
    "builtin_workflow",
    "complete_needing_agreement",
    "complete_without_agreement",
    "earliest_appointment",
    "online_consultation",
    "paid_product",
    "paid_product_visit",
    "visit",
    "zero_rate_grant",
]
