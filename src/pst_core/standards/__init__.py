"""Service standards (*standar pelayanan*) and SOPs as typed, immutable data.

* `pst_core.standards.vocabulary`: the closed vocabularies (`Channel`, `Actor`...)
  and `term`, what a value means for a person;
* `pst_core.standards.components`: the parts of a standard (`Requirement`,
  `Procedure`, `CompletionTime`, `Fee`...) and those an SOP shares (`Office`, `Step`);
* `pst_core.standards.standard`: `ServiceStandard` and its leaflet layout;
* `pst_core.standards.sop`: `StandardOperatingProcedure` and its sheet;
* `pst_core.standards.checklist`: `Checklist` of a channel's requirements;
* `pst_core.standards.linter`: `lint` and its `RULES`;
* `pst_core.standards.published`: `catalog`, the five published documents;
* `pst_core.standards.io`: the file format, and `read_document` for either kind.

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

from pst_core.standards.checklist import (
    Checklist,
    ChecklistEntry,
    ChecklistResult,
    Evidence,
    EvidenceValue,
    RequirementStatus,
)
from pst_core.standards.components import (
    Branch,
    ComplaintChannel,
    CompletionTime,
    Decision,
    Fee,
    InactivityRule,
    Management,
    Office,
    Procedure,
    ProcedureStep,
    Product,
    Requirement,
    Step,
)
from pst_core.standards.io import read_document
from pst_core.standards.linter import RULES, Finding, Rule, Severity, lint
from pst_core.standards.published import Catalog, catalog
from pst_core.standards.sop import (
    AppointmentRule,
    Approver,
    QualityStandard,
    SopStep,
    StandardOperatingProcedure,
)
from pst_core.standards.standard import ServiceStandard
from pst_core.standards.vocabulary import (
    Actor,
    Channel,
    ClockStart,
    ClosedBy,
    ComplaintKind,
    FeeKind,
    OfficeLevel,
    RequirementKind,
    term,
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
    "RequirementStatus",
    "Rule",
    "ServiceStandard",
    "Severity",
    "SopStep",
    "StandardOperatingProcedure",
    "Step",
    "catalog",
    "lint",
    "read_document",
    "term",
]
