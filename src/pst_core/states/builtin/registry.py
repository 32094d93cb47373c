"""The built-in workflows by name: `BUILTIN`, `builtin_workflow` and the function guards `GUARDS`.

A workflow built from a catalog document is named ``"<base>:<document id>"``
(``"visit:bengkulu-penjualan"``), so that a saved transaction finds its workflow
again by that name; a base name alone builds the workflow without a document.

Example:
    >>> BUILTIN
    ('visit', 'online-consultation', 'paid-product-visit', 'paid-product')
    >>> builtin_workflow("visit:sumsel-konsultasi").clocks[0].name
    'wait'
"""

from __future__ import annotations

import difflib
import functools
import types
from collections.abc import Callable, Mapping

from pst_core._phrases import Phrase
from pst_core.errors import UnknownNameError
from pst_core.standards import catalog
from pst_core.states.builtin._documents import SOP_ID
from pst_core.states.builtin.consultation import online_consultation
from pst_core.states.builtin.direct_visit import visit
from pst_core.states.builtin.paid_products import (
    PAID_PRODUCT_GUARDS,
    paid_product,
    paid_product_visit,
)
from pst_core.states.guards import Guard
from pst_core.states.workflow import Workflow

__all__ = ["BUILTIN", "GUARDS", "builtin_workflow"]

_BUILDERS: Mapping[str, Callable[..., Workflow]] = {
    "visit": visit,
    "online-consultation": online_consultation,
    "paid-product-visit": paid_product_visit,
    "paid-product": paid_product,
}

BUILTIN: tuple[str, ...] = tuple(_BUILDERS)
"""Names of the built-in workflows."""

GUARDS: Mapping[str, Guard] = types.MappingProxyType(dict(PAID_PRODUCT_GUARDS))
"""The guards of the built-in workflows that are functions, not comparisons, by name: pass
them as ``guards=`` when reading a saved copy of a built-in workflow back."""


@functools.lru_cache(maxsize=64)
def builtin_workflow(name: str) -> Workflow:
    """A built-in workflow by name: ``"visit"``, or ``"<base>:<document id>"`` from the catalog.

    Raises:
        UnknownNameError: for an unknown base name or document id.

    Examples:
        >>> builtin_workflow("online-consultation:bengkalis-konsultasi").timers[0].actor
        'officer'
        >>> builtin_workflow("vist")
        Traceback (most recent call last):
        ...
        pst_core.errors.UnknownNameError: unknown workflow 'vist'; did you mean: visit?;
        allowed: visit, ...
    """
    base, _, document_id = name.partition(":")
    if base not in _BUILDERS:
        close = difflib.get_close_matches(base, BUILTIN, n=3)
        raise UnknownNameError(
            Phrase("errors.kind.workflow"), name, close, known=len(BUILTIN), allowed=BUILTIN
        )
    if not document_id:
        return _BUILDERS[base]()
    documents = catalog()
    if document_id in documents.sops:
        sop = documents.sop(document_id)
        if base == "paid-product-visit":
            return paid_product_visit(sop)
        if base == "paid-product":
            return paid_product(sop=sop)
        raise UnknownNameError(
            Phrase("states.builtin.kind.standard"),
            document_id,
            allowed=Phrase("states.builtin.standard_not_sop"),
        )
    if document_id not in documents.standards:
        close = difflib.get_close_matches(document_id, documents.ids, n=3, cutoff=0.4)
        raise UnknownNameError(
            Phrase("states.builtin.kind.document"), document_id, close, allowed=documents.ids
        )
    if base == "paid-product-visit":
        raise UnknownNameError(
            Phrase("states.builtin.kind.sop"),
            document_id,
            allowed=Phrase("states.builtin.sop_id", example=SOP_ID),
        )
    return _BUILDERS[base](documents.standard(document_id))
