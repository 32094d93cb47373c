"""Service standards (*standar pelayanan*) and SOPs as typed, immutable data.

* `pst_core.standards.model`: `ServiceStandard` and its parts;
* `pst_core.standards.sop`: `StandardOperatingProcedure`;
* `pst_core.standards.catalog`: `catalog`, five published documents;
* `pst_core.standards.io`: the file format, and `read_document` for either kind;
* `pst_core.standards.lint`: `lint` and its `RULES`;
* `pst_core.standards.checklist`: `Checklist` of a channel's requirements;
* `pst_core.standards.render`: the leaflet layout of `ServiceStandard.describe`.

Both documents are saved models (`load`, `loads`, `from_data`, `dump`,
`dumps`, `to_data`), and say themselves to a person with `describe(language)`.
Importing this package reads no file and builds no holiday table: the catalog
is read on the first call of `catalog`.

Examples:
    >>> from pst_core.standards import catalog, lint
    >>> standard = catalog().standard("bangka-selatan-konsultasi")
    >>> str(standard.completion("offline").duration)
    '5 minutes'
    >>> [f.code for f in lint(standard)]
    ['PST001']
"""

from pst_core.standards.catalog import Catalog, catalog
from pst_core.standards.checklist import (
    Checklist,
    ChecklistEntry,
    ChecklistResult,
    Evidence,
    EvidenceValue,
    Status,
)
from pst_core.standards.io import read_document
from pst_core.standards.lint import RULES, Finding, Rule, Severity, lint
from pst_core.standards.model import (
    Actor,
    Branch,
    Channel,
    ClockStart,
    ClosedBy,
    ComplaintChannel,
    ComplaintKind,
    CompletionTime,
    Decision,
    Fee,
    FeeKind,
    InactivityRule,
    Management,
    Office,
    OfficeLevel,
    Procedure,
    ProcedureStep,
    Product,
    Requirement,
    RequirementKind,
    ServiceStandard,
)
from pst_core.standards.sop import (
    AppointmentRule,
    Approver,
    QualityStandard,
    SopStep,
    StandardOperatingProcedure,
)

__all__ = [
    "RULES",
    "Actor",
    "AppointmentRule",
    "Approver",
    "Branch",
    "Catalog",
    "Channel",
    "Checklist",
    "ChecklistEntry",
    "ChecklistResult",
    "ClockStart",
    "ClosedBy",
    "ComplaintChannel",
    "ComplaintKind",
    "CompletionTime",
    "Decision",
    "Evidence",
    "EvidenceValue",
    "Fee",
    "FeeKind",
    "Finding",
    "InactivityRule",
    "Management",
    "Office",
    "OfficeLevel",
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
    "Status",
    "catalog",
    "lint",
    "read_document",
]
