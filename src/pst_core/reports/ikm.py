"""The satisfaction index (IKM) of PermenPAN-RB 14/2017, from survey responses.

Each respondent scores the nine elements (*unsur*) U1 to U9 from 1 to 4. Per
element, NRR is the mean score; the IKM is the weighted sum of the nine NRRs
(weight 1/9 each, or 0.111 when asked for with ``weight="0.111"``); the
converted value is IKM × 25 and is graded A to D. Every figure is computed
exactly (fractions) and rounded once, half up, for display: NRR, weighted NRR
and IKM to four decimals, the converted value to two. The grade is read from
the converted value *as rounded to two decimals*, so it always agrees with the
number published next to it: a converted value of 76.605 or more shows as
76.61 and is B; below 76.605 it shows as 76.60 and is C.

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
import math
import numbers
import os
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, get_args

import attrs

from pst_core._display import short
from pst_core._optional import require
from pst_core._validation import at_least, instance_of, one_of, tuple_of
from pst_core.errors import (
    InvalidTypeError,
    InvalidValueError,
    SurveyDataError,
    UnknownNameError,
    _shown,
)
from pst_core.reports._messages import Language, number, text

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ELEMENTS",
    "GRADE_INTERVALS",
    "ElementCode",
    "ElementScore",
    "Grade",
    "IkmGroup",
    "IkmReport",
    "InvalidPolicy",
    "ScoreProblem",
    "Weight",
    "grade",
    "ikm_report",
    "minimum_sample",
]

ElementCode = Literal["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"]
"""The nine survey elements of PermenPAN-RB 14/2017, in the regulation's order."""

Grade = Literal["A", "B", "C", "D"]
"""The service quality grade (*mutu pelayanan*) read from the converted value."""

Weight = Literal["exact", "0.111"]
"""How each element is weighted: exactly 1/9, or rounded to 0.111 as some units do."""

InvalidPolicy = Literal["raise", "skip"]
"""What to do with a missing or out-of-range score: stop, or skip the row and count it."""

ELEMENTS: tuple[ElementCode, ...] = get_args(ElementCode)
"""``("U1", ..., "U9")``: the column names a survey table must have."""

GRADE_INTERVALS: Mapping[Grade, tuple[Decimal, Decimal]] = MappingProxyType(
    {
        "A": (Decimal("88.31"), Decimal("100.00")),
        "B": (Decimal("76.61"), Decimal("88.30")),
        "C": (Decimal("65.00"), Decimal("76.60")),
        "D": (Decimal("25.00"), Decimal("64.99")),
    }
)
"""Grade -> (lowest, highest) converted value, as tabulated by PermenPAN-RB 14/2017.

Divide by 25 for the 1–4 scale (1.00–2.5996, 2.60–3.064, 3.0644–3.532, 3.5324–4.00).
"""

_WEIGHTS: Mapping[Weight, Fraction] = MappingProxyType(
    {"exact": Fraction(1, 9), "0.111": Fraction(111, 1000)}
)
_ALLOWED_SCORE = "a whole score 1 to 4"
_ALLOWED_GROUP = "a group value"
_ALLOWED_SAID = MappingProxyType(
    {_ALLOWED_SCORE: "reports.allowed.score", _ALLOWED_GROUP: "reports.allowed.group"}
)
_SCORES = frozenset((1, 2, 3, 4))


def _round_half_up(value: Fraction, places: int) -> Decimal:
    """``value`` rounded half up (away from zero: values here are positive) to ``places``."""
    scaled = value * 10**places
    whole = math.floor(scaled + Fraction(1, 2))
    return Decimal(whole).scaleb(-places)


def grade(converted: Decimal | int | Fraction) -> Grade:
    """The grade of a converted value (IKM × 25), by the intervals of PermenPAN-RB 14/2017.

    The intervals are tabulated to two decimals (C ends at 76.60, B starts at
    76.61), so the value is first rounded half up to two decimals: 76.604 is C
    and 76.605 is B. Values below 25 (possible only with the rounded 0.111
    weight) are D. Floats are refused: pass a ``Decimal``.

    Examples:
        >>> grade(Decimal("76.60")), grade(Decimal("76.61")), grade(Decimal("76.605"))
        ('C', 'B', 'B')
        >>> grade(Decimal("64.99")), grade(65), grade(Decimal("88.30")), grade(Decimal("88.31"))
        ('D', 'C', 'B', 'A')
    """
    if isinstance(converted, bool) or not isinstance(converted, (Decimal, int, Fraction)):
        raise InvalidTypeError("converted", converted, "Decimal, int or Fraction")
    exact = Fraction(converted)
    if not 0 <= exact <= 100:
        raise InvalidValueError("converted", converted, "a value from 0 to 100")
    shown = _round_half_up(exact, 2)
    for letter in ("A", "B", "C"):
        if shown >= GRADE_INTERVALS[letter][0]:
            return letter
    return "D"


def minimum_sample(population: int) -> int:
    """The minimum number of respondents for a population of ``population`` service users.

    Krejcie–Morgan, as tabulated in PermenPAN-RB 14/2017 (a secondary source
    for this library): s = χ²·N·P(1−P) / (d²(N−1) + χ²·P(1−P)) with χ² = 3.841,
    P = 0.5, d = 0.05, rounded to the nearest whole respondent (halves up), which
    reproduces the published table.

    Examples:
        >>> minimum_sample(100), minimum_sample(1000), minimum_sample(1_000_000)
        (80, 278, 384)
    """
    if isinstance(population, bool) or not isinstance(population, int):
        raise InvalidTypeError("population", population, "int")
    if population < 1:
        raise InvalidValueError("population", population, "a whole number >= 1")
    chi2, p, d = Fraction(3841, 1000), Fraction(1, 2), Fraction(5, 100)
    s = chi2 * population * p * (1 - p) / (d * d * (population - 1) + chi2 * p * (1 - p))
    return math.floor(s + Fraction(1, 2))


@attrs.frozen
class ScoreProblem:
    """One bad cell of a survey table: a missing or out-of-range score, or a missing group.

    Attributes:
        row: The file's line number (CSV, header = line 1) or the row's index label.
        column: The column at fault.
        value: The cell as read (``None`` or ``""`` when missing).
        allowed: What the cell may hold.
        where: ``"line"`` for a file's line number, ``"row"`` for an index label.

    Examples:
        >>> print(ScoreProblem(4, "U3", 5, "a whole score 1 to 4").describe())
        row 4, U3: invalid value 5; allowed: a whole score 1 to 4
    """

    row: object
    column: str
    value: object
    allowed: str
    where: Literal["line", "row"] = attrs.field(default="row", validator=one_of(("line", "row")))

    @property
    def missing(self) -> bool:
        """Whether the cell is empty (``None``, ``""``, NaN) rather than a wrong value."""
        return _is_missing(self.value)

    def describe(self, language: Language = "en") -> str:
        """The problem in words.

        Examples:
            >>> print(ScoreProblem(3, "U1", "", "a whole score 1 to 4", where="line")
            ...       .describe("id"))
            baris berkas 3, U1: nilai kosong; yang sah: nilai bulat 1 sampai 4
        """
        what = (
            text("reports.problem.missing", language)
            if self.missing
            else text("reports.problem.invalid", language, value=_shown(self.value))
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
class ElementScore:
    """One element's result in one group: the sum of its scores and what follows.

    Attributes:
        code: ``"U1"`` to ``"U9"``.
        total: Sum of the respondents' scores for this element.
        respondents: Number of respondents counted.
        weight: The weight rule of the report.

    Examples:
        >>> score = ElementScore("U3", total=13, respondents=4)
        >>> score.nrr, score.weighted_nrr, score.converted, score.grade, score.name
        (Decimal('3.2500'), Decimal('0.3611'), Decimal('81.25'), 'B', 'waktu penyelesaian')
    """

    code: ElementCode = attrs.field(validator=one_of(ELEMENTS))
    total: int = attrs.field(validator=instance_of(int))
    respondents: int = attrs.field(validator=[instance_of(int), at_least(1)])
    weight: Weight = attrs.field(default="exact", validator=one_of(get_args(Weight)))

    def __attrs_post_init__(self) -> None:
        if not self.respondents <= self.total <= 4 * self.respondents:
            raise InvalidValueError(
                "ElementScore.total",
                self.total,
                f"from respondents to 4 × respondents ({self.respondents}–{4 * self.respondents})",
            )

    @property
    def nrr_exact(self) -> Fraction:
        """The mean score, exactly."""
        return Fraction(self.total, self.respondents)

    @property
    def nrr(self) -> Decimal:
        """The mean score (*nilai rata-rata*), four decimals, half up."""
        return _round_half_up(self.nrr_exact, 4)

    @property
    def weighted_nrr(self) -> Decimal:
        """NRR × weight, four decimals, half up."""
        return _round_half_up(self.nrr_exact * _WEIGHTS[self.weight], 4)

    @property
    def converted(self) -> Decimal:
        """NRR × 25, two decimals, half up (the element's own quality on the 25–100 scale)."""
        return _round_half_up(self.nrr_exact * 25, 2)

    @property
    def grade(self) -> Grade:
        """The element's own grade, read from `converted` like the index's."""
        return grade(self.converted)

    @property
    def name(self) -> str:
        """The element's name in the regulation (Indonesian)."""
        return text(f"reports.element.{self.code}", "id")

    @property
    def name_en(self) -> str:
        """The element's name in English."""
        return text(f"reports.element.{self.code}", "en")

    def describe(self, language: Language = "en") -> str:
        """One line: code, name, NRR and grade.

        Examples:
            >>> print(ElementScore("U7", total=15, respondents=4).describe("id"))
            U7 perilaku pelaksana: NRR 3,7500 (A, sangat baik)
        """
        name = text(f"reports.element.{self.code}", language)
        label = text(f"reports.grade.{self.grade}", language)
        return f"{self.code} {name}: NRR {number(self.nrr, language)} ({self.grade}, {label})"


def _group_key_validator(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    tuple_of(tuple)(instance, attribute, value)
    pairs: tuple[tuple[object, ...], ...] = value  # type: ignore[assignment]
    for index, pair in enumerate(pairs):
        if len(pair) != 2 or not isinstance(pair[0], str):
            raise InvalidTypeError(f"IkmGroup.key[{index}]", pair, "(column name, value) pair")


@attrs.frozen
class IkmGroup:
    """The index of one group of respondents (one period, one unit...).

    Attributes:
        key: ``(column, value)`` pairs naming the group; empty for the whole survey.
        respondents: Respondents counted (rows skipped for invalid scores are not).
        elements: The nine `ElementScore`s, U1 to U9.
        weight: ``"exact"`` (1/9) or ``"0.111"``.
        population: Service users the survey stands for, when given.

    Examples:
        >>> group = IkmGroup((("period", "2026"),), 4, tuple(
        ...     ElementScore(code, total=12, respondents=4) for code in ELEMENTS))
        >>> group.ikm, group.converted, group.grade, group.grade_label_en
        (Decimal('3.0000'), Decimal('75.00'), 'C', 'less than good')
    """

    key: tuple[tuple[str, object], ...] = attrs.field(validator=_group_key_validator)
    respondents: int = attrs.field(validator=[instance_of(int), at_least(1)])
    elements: tuple[ElementScore, ...] = attrs.field(validator=tuple_of(ElementScore))
    weight: Weight = attrs.field(default="exact", validator=one_of(get_args(Weight)))
    population: int | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        codes = tuple(element.code for element in self.elements)
        if codes != ELEMENTS:
            raise InvalidValueError("IkmGroup.elements", codes, "the nine elements U1 to U9")
        for element in self.elements:
            if element.respondents != self.respondents or element.weight != self.weight:
                raise InvalidValueError(
                    f"IkmGroup.elements[{element.code}]",
                    element,
                    f"respondents={self.respondents} and weight={self.weight!r}",
                )
        if self.population is not None:
            instance_of(int)(self, attrs.fields(IkmGroup).population, self.population)
            at_least(1)(self, attrs.fields(IkmGroup).population, self.population)

    @property
    def ikm_exact(self) -> Fraction:
        """Σ NRRᵢ × weight, exactly."""
        return sum((e.nrr_exact for e in self.elements), Fraction(0)) * _WEIGHTS[self.weight]

    @property
    def ikm(self) -> Decimal:
        """The index on the 1–4 scale, four decimals, half up."""
        return _round_half_up(self.ikm_exact, 4)

    @property
    def converted_exact(self) -> Fraction:
        """IKM × 25, exactly."""
        return self.ikm_exact * 25

    @property
    def converted(self) -> Decimal:
        """IKM × 25 (the 25–100 scale), two decimals, half up."""
        return _round_half_up(self.converted_exact, 2)

    @property
    def grade(self) -> Grade:
        """A, B, C or D, read from `converted`."""
        return grade(self.converted)

    @property
    def grade_label(self) -> str:
        """The grade's performance label in the regulation: ``sangat baik`` ... ``tidak baik``."""
        return text(f"reports.grade.{self.grade}", "id")

    @property
    def grade_label_en(self) -> str:
        """The grade's label in English: ``very good`` ... ``not good``."""
        return text(f"reports.grade.{self.grade}", "en")

    @property
    def weakest(self) -> tuple[ElementCode, ...]:
        """The element(s) with the lowest NRR (all of them when tied), in U order."""
        low = min(e.nrr_exact for e in self.elements)
        return tuple(e.code for e in self.elements if e.nrr_exact == low)

    @property
    def minimum_sample(self) -> int | None:
        """Krejcie–Morgan minimum for `population` (``None`` without a population)."""
        return None if self.population is None else minimum_sample(self.population)

    @property
    def sample_sufficient(self) -> bool | None:
        """Whether `respondents` reaches `minimum_sample` (``None`` without a population)."""
        needed = self.minimum_sample
        return None if needed is None else self.respondents >= needed

    def title(self, language: Language = "en") -> str:
        """The group's name: ``period=2026-S1, unit=...``, or "all" for the whole survey."""
        if not self.key:
            return text("reports.all", language)
        return ", ".join(f"{column}={value}" for column, value in self.key)

    def describe(self, language: Language = "en") -> str:
        """A few lines: the index, its grade, every element and the weakest.

        Examples:
            >>> group = IkmGroup((), 2, tuple(
            ...     ElementScore(code, total=7 if code == "U4" else 8, respondents=2)
            ...     for code in ELEMENTS))
            >>> print(group.describe("en"))
            all: 2 respondents, IKM 3.9444, converted 98.61, A (very good)
              U1 requirements: NRR 4.0000 (A, very good)
            ...
              U4 cost/tariff: NRR 3.5000 (B, good)
            ...
              weakest: U4
        """
        label = text(f"reports.grade.{self.grade}", language)
        lines = [
            f"{self.title(language)}: {self.respondents} "
            f"{text('reports.column.respondents', language)}, IKM {number(self.ikm, language)}, "
            f"{text('reports.column.converted', language)} {number(self.converted, language)}, "
            f"{self.grade} ({label})"
        ]
        lines.extend(f"  {element.describe(language)}" for element in self.elements)
        lines.append(f"  {text('reports.column.weakest', language)}: {', '.join(self.weakest)}")
        return "\n".join(lines)


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
    weight: Weight = attrs.field(default="exact", validator=one_of(get_args(Weight)))
    population: int | None = None
    skipped: tuple[ScoreProblem, ...] = attrs.field(default=(), validator=tuple_of(ScoreProblem))
    source: str = "<data>"

    @property
    def skipped_rows(self) -> int:
        """How many rows were left out (a row with several bad cells counts once)."""
        return len({problem.row for problem in self.skipped})

    @property
    def short_groups(self) -> tuple[IkmGroup, ...]:
        """Groups with fewer respondents than the minimum sample for `population`."""
        return tuple(g for g in self.groups if g.sample_sufficient is False)

    def notes(self, language: Language = "en") -> tuple[str, ...]:
        """What a reader must know: the weight, rows skipped, samples too small."""
        said = [text(f"reports.ikm.weight.{self.weight}", language)]
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
        from pst_core.reports._render import csv_text

        columns = list(self.group_by) + [k for k in _row_columns() if k not in self.group_by]
        return csv_text(columns, self.rows())

    def to_markdown(self, language: Language = "en") -> str:
        """A Markdown report: summary table, one element table per group, notes."""
        from pst_core.reports._render import ikm_markdown

        return ikm_markdown(self, language)

    def to_html(self, language: Language = "en", *, charts: bool | None = None) -> str:
        """A self-contained HTML page; with ``charts`` one chart per group (``plot`` extra).

        ``charts=None`` draws them when matplotlib is installed and otherwise says
        how to install it; ``charts=True`` requires it; ``False`` never draws.
        """
        from pst_core.reports._render import ikm_html

        return ikm_html(self, language, charts=charts)

    def describe(self, language: Language = "en") -> str:
        """The report as aligned plain text (what ``pst-core report ikm`` prints)."""
        from pst_core.reports._render import ikm_text

        return ikm_text(self, language)

    def __repr__(self) -> str:
        respondents = sum(group.respondents for group in self.groups)
        return (
            f"IkmReport(groups={len(self.groups)}, group_by={short(', '.join(self.group_by))}, "
            f"respondents={respondents}, weight={self.weight!r}, skipped_rows={self.skipped_rows})"
        )

    def _repr_html_(self) -> str:
        """The summary table and the notes, in English (`to_html` makes a whole page)."""
        from pst_core.reports._render import ikm_fragment

        return ikm_fragment(self, "en")


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


def _read(
    responses: object, columns: Sequence[str]
) -> tuple[str, Literal["line", "row"], Iterable[_Row]]:
    """(source, how rows are numbered, (row label, cells) pairs) with ``columns`` checked."""
    if isinstance(responses, (str, os.PathLike)):
        return _read_csv(Path(responses), columns)
    kind = type(responses)
    if kind.__name__ == "DataFrame" and kind.__module__.startswith("pandas"):
        frame: Any = responses
        _check_columns(list(frame.columns), columns, "<data>")
        values = frame[list(columns)].itertuples(index=True, name=None)
        return "<data>", "row", ((t[0], dict(zip(columns, t[1:], strict=True))) for t in values)
    if isinstance(responses, Iterable) and not isinstance(responses, (bytes, Mapping)):
        rows = list(responses)
        for index, row in enumerate(rows):
            if not isinstance(row, Mapping):
                raise InvalidTypeError(f"responses[{index}]", row, "a mapping of column -> value")
        seen = set().union(*(row.keys() for row in rows)) if rows else set()
        _check_columns(sorted(seen, key=str), columns, "<data>")
        return "<data>", "row", ((i, row) for i, row in enumerate(rows))
    raise InvalidTypeError(
        "responses", responses, "a CSV path, a pandas DataFrame or an iterable of mappings"
    )


def _read_csv(path: Path, columns: Sequence[str]) -> tuple[str, Literal["line"], Iterable[_Row]]:
    try:
        content = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InvalidValueError("responses", str(path), "an existing CSV file") from None
    except (OSError, ValueError) as error:  # a folder, a name too long, a NUL, not UTF-8
        raise InvalidValueError(
            "responses", str(path), f"a readable UTF-8 CSV file ({type(error).__name__})"
        ) from None
    reader = csv.DictReader(content.splitlines())
    _check_columns(list(reader.fieldnames or ()), columns, str(path))
    return str(path), "line", ((reader.line_num, row) for row in reader)


def _check_columns(present: Sequence[object], needed: Sequence[str], source: str) -> None:
    have = [str(column) for column in present]
    for column in needed:
        if column not in have:
            raise UnknownNameError(
                "survey column",
                column,
                difflib.get_close_matches(column, have, n=3),
                allowed=f"the columns of {source}: " + (", ".join(have) or "(none)"),
            )


def _checked_group_by(group_by: Sequence[str]) -> tuple[str, ...]:
    """``group_by`` as a tuple of column names, none of them a U column."""
    if isinstance(group_by, str):
        raise InvalidTypeError("group_by", group_by, "a sequence of column names, e.g. ['period']")
    checked = tuple(group_by)
    for column in checked:
        if not isinstance(column, str):
            raise InvalidTypeError("group_by", column, "str")
        if column in ELEMENTS:
            raise InvalidValueError("group_by", column, "a column other than U1..U9")
    return checked


def _tally(
    rows: Iterable[_Row], group_by: tuple[str, ...], where: Literal["line", "row"]
) -> tuple[dict[tuple[object, ...], list[int]], list[ScoreProblem]]:
    """Per group: respondents and the sum of each U score; and every bad cell found.

    A row with any bad cell (a missing group value, a score outside 1–4) counts in no group.
    """
    totals: dict[tuple[object, ...], list[int]] = {}
    problems: list[ScoreProblem] = []
    for label, cells in rows:
        row_problems = [
            ScoreProblem(_plain(label), column, cells.get(column), _ALLOWED_GROUP, where)
            for column in group_by
            if _is_missing(cells.get(column))
        ]
        scores = []
        for column in ELEMENTS:
            score = _score(cells.get(column))
            if score is None:
                row_problems.append(
                    ScoreProblem(_plain(label), column, cells.get(column), _ALLOWED_SCORE, where)
                )
            scores.append(score)
        if row_problems:
            problems.extend(row_problems)
            continue
        key = tuple(_plain(cells[column]) for column in group_by)
        sums = totals.setdefault(key, [0] * 10)
        sums[0] += 1
        for index, score in enumerate(scores, start=1):
            sums[index] += score or 0
    return totals, problems


def ikm_report(
    responses: pd.DataFrame | str | os.PathLike[str] | Iterable[Mapping[str, object]],
    *,
    group_by: Sequence[str] = (),
    weight: Weight = "exact",
    invalid: InvalidPolicy = "raise",
    population: int | None = None,
) -> IkmReport:
    """The satisfaction index per group of survey responses.

    Args:
        responses: One row per respondent with columns ``U1``..``U9`` scored 1–4
            and any grouping columns: a CSV file (UTF-8, header row; read
            without pandas), a pandas DataFrame, or an iterable of mappings.
        group_by: Columns to group by (e.g. ``["period", "unit"]``); none: one group.
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
        InvalidValueError: No valid response is left, or a bad option.

    Examples:
        >>> rows = [{"unit": u, **{f"U{i}": s for i in range(1, 10)}}
        ...         for u, s in [("a", 4), ("a", 2), ("b", 3), ("b", 9)]]
        >>> report = ikm_report(rows, group_by=["unit"], invalid="skip")
        >>> [(g.title(), g.respondents, str(g.converted)) for g in report.groups]
        [('unit=a', 2, '75.00'), ('unit=b', 1, '75.00')]
        >>> report.skipped_rows, len(report.skipped)
        (1, 9)
    """
    if weight not in get_args(Weight):
        raise InvalidValueError("weight", weight, get_args(Weight))
    if invalid not in get_args(InvalidPolicy):
        raise InvalidValueError("invalid", invalid, get_args(InvalidPolicy))
    group_by = _checked_group_by(group_by)
    if population is not None:
        minimum_sample(population)  # checks it
    source, where, rows = _read(responses, (*group_by, *ELEMENTS))
    totals, problems = _tally(rows, group_by, where)
    if problems and invalid == "raise":
        raise SurveyDataError(source, problems)
    if not totals:
        raise InvalidValueError(
            "responses", source, "at least one response with nine valid scores", problem="no valid"
        )
    try:
        keys = sorted(totals)
    except TypeError:
        keys = sorted(totals, key=repr)
    groups = tuple(
        IkmGroup(
            tuple(zip(group_by, key, strict=True)),
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
    return IkmReport(groups, group_by, weight, population, tuple(problems), source)
