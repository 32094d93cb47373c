"""The IKM report of a survey: responses read, every cell checked, groups indexed.

`ikm_report` reads one row per respondent (a CSV file, a pandas DataFrame or
plain rows), checks every score and grouping cell (a bad one is a
`ScoreProblem`: the whole list raises `pst_core.errors.SurveyDataError`, or the
rows are skipped and counted under ``invalid="skip"``), tallies each group and
returns an `IkmReport`: one `pst_core.reports.IkmGroup` per group, with the
notes a reader must see and its outputs (text, CSV, Markdown, HTML, DataFrames).
The index arithmetic itself is `pst_core.reports.ikm`.

Examples:
    >>> from pst_core.reports import ikm_report
    >>> rows = [
    ...     {"period": "2026-S1", **{f"U{i}": 4 for i in range(1, 10)}},
    ...     {"period": "2026-S1", **{f"U{i}": 3 for i in range(1, 10)}},
    ... ]
    >>> report = ikm_report(rows, group_by=["period"])
    >>> group = report.groups[0]
    >>> group.respondents, group.ikm, group.converted, group.grade, group.grade_label
    (2, Decimal('3.5000'), Decimal('87.50'), 'B', 'baik')
"""

from __future__ import annotations

import csv
import difflib
import io
import math
import numbers
import os
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

import attrs

from pst_core._display import short
from pst_core._optional import require
from pst_core._validation import (
    one_of_literal,
    require_one_of,
    require_unique,
    sequence_of,
    tuple_of,
)
from pst_core.errors import (
    InvalidTypeError,
    InvalidValueError,
    Phrase,
    SurveyDataError,
    UnknownNameError,
    show_value,
)
from pst_core.i18n import display_language
from pst_core.reports import _ikm_page
from pst_core.reports._messages import Language, text
from pst_core.reports._render import charts_choice, csv_text
from pst_core.reports.charts import ikm_chart
from pst_core.reports.common import InvalidPolicy
from pst_core.reports.ikm import ELEMENTS, ElementScore, IkmGroup, Weight, minimum_sample

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["IkmReport", "ScoreProblem", "ikm_report"]

_ALLOWED_SCORE = "a whole score 1 to 4"
_ALLOWED_GROUP = "a group value"
_ALLOWED_ONE_GROUP = "one group value: text, a number or a date (not a list or a table)"
_ALLOWED_SAID = MappingProxyType(
    {
        _ALLOWED_SCORE: "reports.allowed.score",
        _ALLOWED_GROUP: "reports.allowed.group",
        _ALLOWED_ONE_GROUP: "reports.allowed.one_group",
    }
)
_SCORES = frozenset((1, 2, 3, 4))

_Where = Literal["line", "row"]
"""How a problem's ``row`` counts: a file's line number, or a table's index label."""


@attrs.frozen
class ScoreProblem:
    """One bad cell of a survey table: a missing or out-of-range score, or a missing group.

    Attributes:
        row: The file's line number (CSV, header = line 1) or the row's index label.
        column: The column at fault.
        value: The cell as read (``None`` or ``""`` when missing).
        allowed: What the cell may hold.
        where: ``"line"`` for a file's line number, ``"row"`` for an index label.
        position: The row's place in the source (0 for the first row), which tells
            apart two rows of a DataFrame that share an index label; ``None`` when
            not known.

    Examples:
        >>> print(ScoreProblem(4, "U3", 5, "a whole score 1 to 4").describe())
        row 4, U3: invalid value 5; allowed: a whole score 1 to 4
    """

    row: object
    column: str
    value: object
    allowed: str
    where: _Where = attrs.field(default="row", validator=one_of_literal(_Where))
    position: int | None = None

    @property
    def missing(self) -> bool:
        """Whether the cell is empty (``None``, ``""``, NaN) rather than a wrong value."""
        return _is_missing(self.value)

    def describe(self, language: Language = "en") -> str:
        """The problem in words.

        Examples:
            >>> print(ScoreProblem(3, "U1", "", "a whole score 1 to 4", where="line")
            ...       .describe("id"))
            baris berkas 3, U1: nilai kosong; yang diizinkan: nilai bulat 1 sampai 4
        """
        what = (
            text("reports.problem.missing", language)
            if self.missing
            else text("reports.problem.invalid", language, value=show_value(self.value))
        )
        said = text(
            "reports.problem",
            language,
            where=text(f"reports.problem.{self.where}", language),
            row=self.row,
            column=self.column,
            what=what,
        )
        allowed = _ALLOWED_SAID.get(self.allowed)
        shown = self.allowed if allowed is None else text(allowed, language)
        return f"{said}; {text('reports.allowed', language)}: {shown}"


@attrs.frozen
class IkmReport:
    """The index of every group of a survey, with what was skipped and why.

    Attributes:
        groups: One `IkmGroup` per group, sorted by group key.
        group_by: The grouping columns (empty: the whole survey is one group).
        weight: ``"exact"`` or ``"0.111"``.
        population: The population each group stands for, when given.
        skipped: Every bad cell of the rows skipped under ``invalid="skip"``.
        source: The file read, or ``"<data>"``.

    Examples:
        >>> report = ikm_report([{f"U{i}": 3 for i in range(1, 10)}], population=10)
        >>> report.groups[0].minimum_sample, report.short_groups[0].respondents
        (10, 1)
    """

    groups: tuple[IkmGroup, ...] = attrs.field(validator=tuple_of(IkmGroup))
    group_by: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    weight: Weight = attrs.field(default="exact", validator=one_of_literal(Weight))
    population: int | None = None
    skipped: tuple[ScoreProblem, ...] = attrs.field(default=(), validator=tuple_of(ScoreProblem))
    source: str = "<data>"

    @property
    def skipped_rows(self) -> int:
        """How many rows were left out (a row with several bad cells counts once).

        Rows are told apart by their place in the source, so two rows of a DataFrame
        sharing an index label count twice.
        """
        return len({(problem.row, problem.position) for problem in self.skipped})

    @property
    def short_groups(self) -> tuple[IkmGroup, ...]:
        """Groups with fewer respondents than the minimum sample for `population`."""
        return tuple(g for g in self.groups if g.sample_sufficient is False)

    def notes(self, language: Language = "en") -> tuple[str, ...]:
        """What a reader must know: the weight, rows skipped, samples too small."""
        said = [text(f"reports.ikm.weight.{self.weight}", language)]
        if not self.groups:
            said.append(text("reports.ikm.empty", language))
        if self.skipped:
            said.append(
                text(
                    "reports.ikm.skipped",
                    language,
                    rows=self.skipped_rows,
                    cells=len(self.skipped),
                )
            )
        for group in self.short_groups:
            said.append(
                text(
                    "reports.ikm.sample_short",
                    language,
                    group=group.title(language),
                    respondents=group.respondents,
                    minimum=group.minimum_sample,
                    population=group.population,
                )
            )
        if self.population is not None and not self.short_groups:
            said.append(
                text(
                    "reports.ikm.sample_ok",
                    language,
                    minimum=minimum_sample(self.population),
                    population=self.population,
                )
            )
        return tuple(said)

    def rows(self) -> tuple[dict[str, object], ...]:
        """One plain row per group (group columns, counts, NRRs, index, grade): the CSV's rows."""
        result = []
        for group in self.groups:
            row: dict[str, object] = dict(group.key)
            row["respondents"] = group.respondents
            for element in group.elements:
                row[f"nrr_{element.code}"] = element.nrr
            row["ikm"] = group.ikm
            row["converted"] = group.converted
            row["grade"] = group.grade
            row["label"] = group.grade_label
            row["label_en"] = group.grade_label_en
            row["weakest"] = " ".join(group.weakest)
            row["weight"] = group.weight
            row["population"] = group.population
            row["minimum_sample"] = group.minimum_sample
            row["sample_sufficient"] = group.sample_sufficient
            result.append(row)
        return tuple(result)

    def to_frame(self) -> pd.DataFrame:
        """One row per group as a pandas DataFrame (needs the ``pandas`` extra).

        Numbers are the rounded values as floats (NRR and IKM four decimals,
        converted two); the models keep the exact ones.
        """
        pandas = require("pandas", "a report DataFrame")
        rows = [
            {k: float(v) if isinstance(v, Decimal) else v for k, v in row.items()}
            for row in self.rows()
        ]
        columns = list(self.group_by) + [k for k in _row_columns() if k not in self.group_by]
        return pandas.DataFrame(rows, columns=columns)

    def elements_frame(self) -> pd.DataFrame:
        """Tidy long table, one row per group and element (needs the ``pandas`` extra)."""
        pandas = require("pandas", "a report DataFrame")
        rows = []
        for group in self.groups:
            for element in group.elements:
                row: dict[str, object] = dict(group.key)
                row.update(
                    element=element.code,
                    name=element.name,
                    name_en=element.name_en,
                    respondents=element.respondents,
                    nrr=float(element.nrr),
                    weighted_nrr=float(element.weighted_nrr),
                    converted=float(element.converted),
                    grade=element.grade,
                )
                rows.append(row)
        columns = [*self.group_by, "element", "name", "name_en", "respondents", "nrr"]
        columns += ["weighted_nrr", "converted", "grade"]
        return pandas.DataFrame(rows, columns=columns)

    def to_csv(self) -> str:
        """One row per group as CSV text (numbers exactly as rounded, point decimals)."""
        columns = list(self.group_by) + [k for k in _row_columns() if k not in self.group_by]
        return csv_text(columns, self.rows())

    def to_markdown(self, language: Language = "en") -> str:
        """A Markdown report: summary table, one element table per group, notes."""
        return _ikm_page.markdown(self._page(language))

    def to_html(self, language: Language = "en", *, charts: bool | None = None) -> str:
        """A self-contained HTML page; with ``charts`` one chart per group (``plot`` extra).

        ``charts=None`` draws them when matplotlib is installed and otherwise says
        how to install it; ``charts=True`` requires it; ``False`` never draws.
        """
        draw, notes = charts_choice(charts, self.notes(language), language)
        drawn = [ikm_chart(group, language) for group in self.groups] if draw else []
        return _ikm_page.html(self._page(language, notes), drawn)

    def describe(self, language: Language = "en") -> str:
        """The report as aligned plain text (what ``pst-core report ikm`` prints)."""
        return _ikm_page.text(self._page(language))

    def __repr__(self) -> str:
        respondents = sum(group.respondents for group in self.groups)
        return (
            f"IkmReport(groups={len(self.groups)}, group_by={short(', '.join(self.group_by))}, "
            f"respondents={respondents}, weight={self.weight!r}, skipped_rows={self.skipped_rows})"
        )

    def _repr_html_(self) -> str:
        """The summary table and the notes in the display language
        (`pst_core.i18n.display_language`; `to_html` makes a whole page)."""
        return _ikm_page.fragment(self._page(display_language()))

    def _page(self, language: Language, notes: Sequence[str] | None = None) -> _ikm_page.Page:
        return _ikm_page.Page(
            groups=self.groups,
            group_by=self.group_by,
            with_sample=self.population is not None,
            notes=self.notes(language) if notes is None else notes,
            language=language,
        )


def _row_columns() -> tuple[str, ...]:
    return (
        "respondents",
        *(f"nrr_{code}" for code in ELEMENTS),
        "ikm",
        "converted",
        "grade",
        "label",
        "label_en",
        "weakest",
        "weight",
        "population",
        "minimum_sample",
        "sample_sufficient",
    )


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral):
        return math.isnan(float(value))
    return type(value).__name__ in ("NAType", "NaTType")


def _score(value: object) -> int | None:
    """A whole score 1–4 from a cell, or ``None`` when the cell is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        stripped = value.strip()
        score = int(stripped) if stripped in ("1", "2", "3", "4") else None
    elif isinstance(value, Decimal):
        score = int(value) if value.is_finite() and value == value.to_integral_value() else None
    elif isinstance(value, numbers.Integral):
        score = int(value)
    elif isinstance(value, numbers.Real) and not _is_missing(value):
        as_float = float(value)
        score = int(as_float) if as_float.is_integer() else None
    else:
        return None
    return score if score in _SCORES else None


def _plain(value: object) -> object:
    """numpy scalars as Python ones, so group keys print and compare plainly."""
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        return value.item()
    return value


_Row = tuple[object, Mapping[str, object]]


def _read(source: object, columns: Sequence[str]) -> tuple[str, _Where, Iterable[_Row]]:
    """(source's name, how rows are numbered, (row label, cells) pairs) with ``columns`` checked."""
    if isinstance(source, (str, os.PathLike)):
        return _read_csv(Path(source), columns)
    kind = type(source)
    if kind.__name__ == "DataFrame" and kind.__module__.startswith("pandas"):
        frame: Any = source
        _check_columns(list(frame.columns), columns, "<data>")
        values = frame[list(columns)].itertuples(index=True, name=None)
        return "<data>", "row", ((t[0], dict(zip(columns, t[1:], strict=True))) for t in values)
    if not isinstance(source, Iterable) or isinstance(source, (bytes, Mapping)):
        raise InvalidTypeError("source", source, Phrase("reports.expected.survey_source"))
    rows: tuple[Mapping[str, object], ...] = sequence_of(
        source, "source", Mapping, label=Phrase("reports.expected.survey_row")
    )
    seen = set().union(*(row.keys() for row in rows)) if rows else set()
    _check_columns(sorted(seen, key=str), columns, "<data>")
    return "<data>", "row", enumerate(rows)


def _read_csv(path: Path, columns: Sequence[str]) -> tuple[str, Literal["line"], Iterable[_Row]]:
    """A survey CSV read with the `csv` module: a quoted cell may hold line breaks.

    Records end at a line break outside quotes (``\\n``, ``\\r\\n`` or ``\\r``); a
    U+2028, U+0085 or form feed is a cell's own text. Each row is numbered by the
    file line it starts on; a UTF-8 byte order mark is skipped.
    """
    try:
        with path.open(encoding="utf-8-sig", newline="") as file:  # cells keep their \r
            content = file.read()
    except FileNotFoundError:
        raise InvalidValueError(
            "source", str(path), Phrase("reports.allowed.existing_csv")
        ) from None
    except (OSError, ValueError) as error:  # a folder, a name too long, a NUL, not UTF-8
        allowed = Phrase("reports.allowed.readable_csv", reason=type(error).__name__)
        raise InvalidValueError("source", str(path), allowed) from None
    reader = csv.DictReader(io.StringIO(content, newline=""))
    try:
        header = list(reader.fieldnames or ())
    except csv.Error:
        raise InvalidValueError(
            "source", str(path), Phrase("reports.allowed.readable_csv", reason="csv.Error")
        ) from None
    _check_columns(header, columns, str(path))
    return str(path), "line", _numbered(reader, str(path))


def _numbered(reader: csv.DictReader[str], name: str) -> Iterable[_Row]:
    """Each record with the file line it starts on."""
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error:  # a NUL byte, an unterminated quote at the end
            allowed = Phrase("reports.allowed.readable_csv", reason="csv.Error")
            raise InvalidValueError("source", name, allowed) from None
        yield start, row
        start = reader.line_num + 1


def _check_columns(present: Sequence[object], needed: Sequence[str], source: str) -> None:
    have = [str(column) for column in present]
    for column in needed:
        if column not in have:
            raise UnknownNameError(
                Phrase("reports.kind.survey_column"),
                column,
                difflib.get_close_matches(column, have, n=3),
                allowed=Phrase(
                    "reports.allowed.columns_of", source=source, columns=", ".join(have) or "-"
                ),
            )
        if have.count(column) > 1:
            raise InvalidValueError(
                "columns", column, Phrase("reports.allowed.column_once", source=source)
            )


def _checked_group_by(group_by: Sequence[str]) -> tuple[str, ...]:
    """``group_by`` as a tuple of column names, none of them a U column."""
    label = Phrase("reports.expected.column_names")
    checked: tuple[str, ...] = sequence_of(group_by, "group_by", str, label=label)
    for index, column in enumerate(checked):
        if column in ELEMENTS:
            raise InvalidValueError(
                f"group_by[{index}]", column, Phrase("reports.allowed.not_a_score_column")
            )
    require_unique(checked, "group_by", lambda column: column, Phrase("reports.kind.column"))
    return checked


def _group_value(value: object) -> tuple[str, object] | None:
    """A group cell as a key that keeps its type (``1``, ``1.0`` and ``True`` stay apart).

    ``None`` when the cell cannot name a group (a list, a table: anything unhashable).
    """
    plain = _plain(value)
    try:
        hash(plain)
    except TypeError:
        return None
    return type(plain).__qualname__, plain


def _tally(
    rows: Iterable[_Row], group_by: tuple[str, ...], where: _Where
) -> tuple[dict[tuple[tuple[str, object], ...], list[int]], list[ScoreProblem]]:
    """Per group: respondents and the sum of each U score; and every bad cell found.

    A row with any bad cell (a missing or unhashable group value, a score outside
    1–4) counts in no group. Group values of different types never merge: ``1``,
    ``1.0`` and ``True`` are three groups (each shown as written).
    """
    totals: dict[tuple[tuple[str, object], ...], list[int]] = {}
    problems: list[ScoreProblem] = []
    for position, (label, cells) in enumerate(rows):
        faults: list[tuple[str, str]] = []  # (column, what is allowed)
        key = []
        for column in group_by:
            value = cells.get(column)
            group = None if _is_missing(value) else _group_value(value)
            if group is None:
                faults.append(
                    (column, _ALLOWED_GROUP if _is_missing(value) else _ALLOWED_ONE_GROUP)
                )
            else:
                key.append(group)
        scores = []
        for column in ELEMENTS:
            score = _score(cells.get(column))
            if score is None:
                faults.append((column, _ALLOWED_SCORE))
            scores.append(score)
        row_problems = [
            ScoreProblem(_plain(label), column, cells.get(column), allowed, where, position)
            for column, allowed in faults
        ]
        if row_problems:
            problems.extend(row_problems)
            continue
        sums = totals.setdefault(tuple(key), [0] * 10)
        sums[0] += 1
        for index, score in enumerate(scores, start=1):
            sums[index] += score or 0
    return totals, problems


def ikm_report(
    source: pd.DataFrame | str | os.PathLike[str] | Iterable[Mapping[str, object]],
    *,
    group_by: Sequence[str] = (),
    weight: Weight = "exact",
    invalid: InvalidPolicy = "raise",
    population: int | None = None,
) -> IkmReport:
    """The satisfaction index per group of survey responses.

    Args:
        source: One row per respondent with columns ``U1``..``U9`` scored 1–4
            and any grouping columns: a CSV file (UTF-8, header row; read
            without pandas), a pandas DataFrame, or an iterable of mappings.
        group_by: Columns to group by (e.g. ``["period", "unit"]``); none: one group.
            Groups sort by the type of their values, then by value; values of
            different types never merge (``1``, ``1.0`` and ``True`` are three
            groups) and a missing one (``None``, NaN, empty text) is a bad cell,
            never a group named "None".
        weight: ``"exact"`` (1/9, the default) or ``"0.111"`` (the rounded weight).
        invalid: ``"raise"`` (default): a missing or out-of-range score, or a
            missing group value, raises `SurveyDataError` listing every bad
            cell. ``"skip"``: such rows are left out and listed in
            `IkmReport.skipped`, and the report's notes say how many.
        population: Service users the survey stands for; each group is checked
            against the Krejcie–Morgan minimum sample.

    Raises:
        SurveyDataError: Bad cells under ``invalid="raise"``.
        UnknownNameError: A U column or grouping column is absent.
        InvalidValueError: A column the report reads appears twice, or a bad option.

    A survey with no usable response (a header-only file, every row skipped)
    is an empty report: no groups, and a note saying so.

    Examples:
        >>> rows = [{"unit": u, **{f"U{i}": s for i in range(1, 10)}}
        ...         for u, s in [("a", 4), ("a", 2), ("b", 3), ("b", 9)]]
        >>> report = ikm_report(rows, group_by=["unit"], invalid="skip")
        >>> [(g.title(), g.respondents, str(g.converted)) for g in report.groups]
        [('unit=a', 2, '75.00'), ('unit=b', 1, '75.00')]
        >>> report.skipped_rows, len(report.skipped)
        (1, 9)
    """
    require_one_of(weight, "weight", Weight)
    require_one_of(invalid, "invalid", InvalidPolicy)
    group_by = _checked_group_by(group_by)
    if population is not None:
        minimum_sample(population)  # checks it
    name, where, rows = _read(source, (*group_by, *ELEMENTS))
    totals, problems = _tally(rows, group_by, where)
    if problems and invalid == "raise":
        raise SurveyDataError(name, problems)
    try:
        keys = sorted(totals)
    except TypeError:
        keys = sorted(totals, key=repr)
    groups = tuple(
        IkmGroup(
            tuple((column, value) for column, (_, value) in zip(group_by, key, strict=True)),
            totals[key][0],
            tuple(
                ElementScore(code, totals[key][i], totals[key][0], weight)
                for i, code in enumerate(ELEMENTS, start=1)
            ),
            weight,
            population,
        )
        for key in keys
    )
    return IkmReport(groups, group_by, weight, population, tuple(problems), name)
