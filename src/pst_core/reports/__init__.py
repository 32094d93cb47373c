"""Reports over many transactions or survey responses: how a unit serves.

* `pst_core.reports.ikm` — the satisfaction index (IKM) of PermenPAN-RB
  14/2017 from survey responses: `ikm_report`, `grade`, `minimum_sample`.
* `pst_core.reports.sla` — SLA compliance over many transactions: `sla_report`
  (events tables, JSON Lines of saved transactions), `sla_report_dask`.
* `pst_core.reports.charts` — charts for the HTML reports (extra ``plot``).

Every report follows one shape: a function taking the data (a file, a pandas
DataFrame or plain rows) and keyword-only options returns a frozen result
model with ``to_frame()``, ``to_csv()``, ``to_markdown(language)``,
``to_html(language, charts=...)`` and ``describe(language)``; bad rows raise a
`PstError` listing them, or are skipped and counted under ``invalid="skip"``.
pandas (extra ``pandas``) and matplotlib (extra ``plot``) are imported only
when a DataFrame or a chart is asked for.

Examples:
    >>> from pst_core.reports import ikm_report
    >>> report = ikm_report([{f"U{i}": 4 for i in range(1, 10)}])
    >>> report.groups[0].grade_label
    'sangat baik'
"""

from pst_core.reports.ikm import (
    ELEMENTS,
    GRADE_INTERVALS,
    ElementCode,
    ElementScore,
    Grade,
    IkmGroup,
    IkmReport,
    InvalidPolicy,
    ScoreProblem,
    Weight,
    grade,
    ikm_report,
    minimum_sample,
)
from pst_core.reports.sla import (
    EVENT_COLUMNS,
    GROUPS,
    BadRow,
    BadRowsError,
    Engine,
    Group,
    SlaReport,
    read_events,
    sla_report,
    sla_report_dask,
)

__all__ = [
    "ELEMENTS",
    "EVENT_COLUMNS",
    "GRADE_INTERVALS",
    "GROUPS",
    "BadRow",
    "BadRowsError",
    "ElementCode",
    "ElementScore",
    "Engine",
    "Grade",
    "Group",
    "IkmGroup",
    "IkmReport",
    "InvalidPolicy",
    "ScoreProblem",
    "SlaReport",
    "Weight",
    "grade",
    "ikm_report",
    "minimum_sample",
    "read_events",
    "sla_report",
    "sla_report_dask",
]
