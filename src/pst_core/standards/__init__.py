"""Service standards (*standar pelayanan*) and SOPs as typed, immutable data.

* :mod:`~pst_core.standards.model` — :class:`ServiceStandard` and its parts;
* :mod:`~pst_core.standards.sop` — :class:`StandardOperatingProcedure`;
* :mod:`~pst_core.standards.catalog` — :func:`catalog`, five published documents;
* :mod:`~pst_core.standards.io` — :func:`load` and :func:`dump` for a unit's own files;
* :mod:`~pst_core.standards.lint` — :func:`lint` and its rules;
* :mod:`~pst_core.standards.checklist` — :class:`Checklist` of a channel's requirements;
* :mod:`~pst_core.standards.render` — :func:`render_markdown` in the leaflet layout.

Importing this package reads no file and builds no holiday table: the catalog
is read on the first call of :func:`catalog`.

Examples:
    >>> from pst_core.standards import catalog, lint
    >>> standard = catalog()["bangka-selatan-konsultasi"]
    >>> str(standard.completion("offline").duration)
    '5 minutes'
    >>> [f.code for f in lint(standard)]
    ['PST001']
"""

from pst_core.standards.catalog import CATALOG_IDS, catalog, get
from pst_core.standards.checklist import (
    Checklist,
    ChecklistEntry,
    ChecklistResult,
    Evidence,
    EvidenceValue,
)
from pst_core.standards.io import DOCUMENT_TYPES, Document, dump, from_data, load, to_data
from pst_core.standards.lint import RULES, Finding, Rule, Severity, lint
from pst_core.standards.model import (
    ACTORS,
    CLOCK_STARTS,
    COMPLAINT_KINDS,
    REQUIREMENT_KINDS,
    UNIT_LEVELS,
    Actor,
    Branch,
    Channel,
    ClockStart,
    ComplaintChannel,
    ComplaintKind,
    CompletionTime,
    Decision,
    Fee,
    InactivityRule,
    Management,
    Procedure,
    ProcedureStep,
    Product,
    Requirement,
    RequirementKind,
    ServiceStandard,
    Unit,
    UnitLevel,
)
from pst_core.standards.render import render_markdown
from pst_core.standards.sop import (
    AppointmentRule,
    Approver,
    QualityStandard,
    SopStep,
    StandardOperatingProcedure,
)

__all__ = [
    "ACTORS",
    "CATALOG_IDS",
    "CLOCK_STARTS",
    "COMPLAINT_KINDS",
    "DOCUMENT_TYPES",
    "REQUIREMENT_KINDS",
    "RULES",
    "UNIT_LEVELS",
    "Actor",
    "AppointmentRule",
    "Approver",
    "Branch",
    "Channel",
    "Checklist",
    "ChecklistEntry",
    "ChecklistResult",
    "ClockStart",
    "ComplaintChannel",
    "ComplaintKind",
    "CompletionTime",
    "Decision",
    "Document",
    "Evidence",
    "EvidenceValue",
    "Fee",
    "Finding",
    "InactivityRule",
    "Management",
    "Procedure",
    "ProcedureStep",
    "Product",
    "QualityStandard",
    "Requirement",
    "RequirementKind",
    "Rule",
    "ServiceStandard",
    "Severity",
    "SopStep",
    "StandardOperatingProcedure",
    "Unit",
    "UnitLevel",
    "catalog",
    "dump",
    "from_data",
    "get",
    "lint",
    "load",
    "render_markdown",
    "to_data",
]
