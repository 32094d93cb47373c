"""The documents the standards tests read, and how they compare published text."""

from __future__ import annotations

from pst_core.standards import ServiceStandard, StandardOperatingProcedure, catalog

Document = ServiceStandard | StandardOperatingProcedure

SOP_ID = "bengkulu-sop-produk-berbayar"


def catalog_standard(doc_id: str = "bengkulu-penjualan") -> ServiceStandard:
    """A service standard of the catalog."""
    return catalog().standard(doc_id)


def catalog_sop() -> StandardOperatingProcedure:
    """The catalog's SOP."""
    return catalog().sop(SOP_ID)


def catalog_document(doc_id: str) -> Document:
    """A document of the catalog, whichever kind it is."""
    docs = catalog()
    return docs.sop(doc_id) if doc_id in docs.sops else docs.standard(doc_id)


def every_document() -> list[Document]:
    """The catalog's five documents, in its order."""
    return [catalog_document(doc_id) for doc_id in catalog().ids]


def flat(text: str) -> str:
    """``text`` with its whitespace collapsed: published text wraps differently in Markdown."""
    return " ".join(text.split())
