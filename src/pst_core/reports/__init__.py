"""Reports over many transactions or survey responses: how a unit serves.

* `pst_core.reports.sla` — SLA compliance over many transactions: `sla_report`
  (events tables, JSON Lines of saved transactions, dask tables) returns an `SlaReport`.
* `pst_core.reports.ikm` — the satisfaction index (IKM) of PermenPAN-RB 14/2017:
  elements, weights, `grade`, `minimum_sample`, one group's `IkmGroup`.
* `pst_core.reports.survey` — `ikm_report`: survey responses read and checked
  into an `IkmReport`.
* `pst_core.reports.common` — what every report shares: the `Report` outputs,
  the `InvalidPolicy` for bad input, `BadRow`.
* `pst_core.reports.charts` — charts for the HTML reports (extra ``plot``).

Every report follows one shape: a function taking the data as its first
argument ``source`` (a file, a DataFrame or plain rows) and keyword-only
options returns a frozen result model with ``to_frame()``, ``to_csv()``,
``to_markdown(language)``, ``to_html(language, charts=...)`` and
``describe(language)`` (a `Report`); bad input raises a `PstError` listing it,
or is skipped and counted under ``invalid="skip"``. pandas (extra ``pandas``) and
matplotlib (extra ``plot``) are imported only when a DataFrame or a chart is
asked for.

Examples:
    >>> from pst_core.reports import ikm_report
    >>> report = ikm_report([{f"U{i}": 4 for i in range(1, 10)}])
    >>> report.groups[0].grade_label
    'sangat baik'
"""

from pst_core.reports._events import EVENT_COLUMNS, read_events
from pst_core.reports.common import BadRow, InvalidPolicy, Report
from pst_core.reports.ikm import (
    ELEMENTS,
    GRADE_INTERVALS,
    ElementCode,
    ElementScore,
    Grade,
    IkmGroup,
    Weight,
    element_name,
    grade,
    minimum_sample,
)
from pst_core.reports.sla import SLA_DIMENSIONS, Engine, SlaDimension, SlaReport, sla_report
from pst_core.reports.survey import IkmReport, ScoreProblem, ikm_report

__all__ = [
    "ELEMENTS",
    "EVENT_COLUMNS",
    "GRADE_INTERVALS",
    "SLA_DIMENSIONS",
    "BadRow",
    "ElementCode",
    "ElementScore",
    "Engine",
    "Grade",
    "IkmGroup",
    "IkmReport",
    "InvalidPolicy",
    "Report",
    "ScoreProblem",
    "SlaDimension",
    "SlaReport",
    "Weight",
    "element_name",
    "grade",
    "ikm_report",
    "minimum_sample",
    "read_events",
    "sla_report",
]
