"""The satisfaction index (IKM) of PermenPAN-RB 14/2017: elements, weights, grades, sample size.

Each respondent scores the nine elements (*unsur*) U1 to U9 from 1 to 4. Per
element, NRR is the mean score; the IKM is the weighted sum of the nine NRRs
(weight 1/9 each, or 0.111 when asked for with ``weight="0.111"``); the
converted value is IKM × 25 and is graded A to D. Every figure is computed
exactly (fractions) and rounded once, half up, for display: NRR, weighted NRR
and IKM to four decimals, the converted value to two. The grade is read from
the converted value *as rounded to two decimals*, so it always agrees with the
number published next to it: a converted value of 76.605 or more shows as
76.61 and is B; below 76.605 it shows as 76.60 and is C.

This module holds the regulation's arithmetic: one element's score
(`ElementScore`), one group's index (`IkmGroup`), `grade` and the
Krejcie–Morgan `minimum_sample`. Reading a survey into groups is
`pst_core.reports.survey` (`ikm_report`).

Examples:
    >>> group = IkmGroup((("period", "2026-S1"),), 2, tuple(
    ...     ElementScore(code, total=7, respondents=2) for code in ELEMENTS))
    >>> group.respondents, group.ikm, group.converted, group.grade, group.grade_label
    (2, Decimal('3.5000'), Decimal('87.50'), 'B', 'baik')
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Literal, get_args

import attrs

from pst_core._validation import at_least, instance_of, one_of_literal, tuple_of
from pst_core.errors import InvalidTypeError, InvalidValueError, Phrase, show_value
from pst_core.reports._messages import Language, number, text

__all__ = [
    "ELEMENTS",
    "GRADE_INTERVALS",
    "ElementCode",
    "ElementScore",
    "Grade",
    "IkmGroup",
    "Weight",
    "element_name",
    "grade",
    "minimum_sample",
]

ElementCode = Literal["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"]
"""The nine survey elements of PermenPAN-RB 14/2017, in the regulation's order."""

Grade = Literal["A", "B", "C", "D"]
"""The service quality grade (*mutu pelayanan*) read from the converted value."""

Weight = Literal["exact", "0.111"]
"""How each element is weighted: exactly 1/9, or rounded to 0.111 as some units do."""


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


def element_name(code: ElementCode, language: Language = "id") -> str:
    """The name of element ``code`` in ``language`` (the regulation's words in Indonesian).

    Examples:
        >>> element_name("U3"), element_name("U3", "en")
        ('waktu penyelesaian', 'completion time')
    """
    return text(f"reports.element.{code}", language)


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
        raise InvalidTypeError("converted", converted, (Decimal, int, Fraction))
    exact = Fraction(converted)
    if not 0 <= exact <= 100:
        raise InvalidValueError("converted", converted, Phrase("reports.allowed.converted"))
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
        raise InvalidTypeError("population", population, int)
    if population < 1:
        allowed = Phrase("errors.allowed.whole_number_at_least", minimum=1)
        raise InvalidValueError("population", population, allowed)
    chi2, p, d = Fraction(3841, 1000), Fraction(1, 2), Fraction(5, 100)
    s = chi2 * population * p * (1 - p) / (d * d * (population - 1) + chi2 * p * (1 - p))
    return math.floor(s + Fraction(1, 2))


class _Graded:
    """A result on the regulation's 25–100 scale, rounded and graded one way.

    The element scores and the group index share the rule: the converted value
    is rounded once, half up, to two decimals, and the grade is read from that
    rounded value (so it agrees with the number shown beside it).
    """

    __slots__ = ()

    @property
    def converted_exact(self) -> Fraction:
        """The value on the 25–100 scale, exactly (each result says what it converts)."""
        raise NotImplementedError

    @property
    def converted(self) -> Decimal:
        """`converted_exact` as published: two decimals, half up."""
        return _round_half_up(self.converted_exact, 2)

    @property
    def grade(self) -> Grade:
        """A, B, C or D, read from `converted`."""
        return grade(self.converted)

    def grade_label_in(self, language: Language) -> str:
        """The grade's performance label (*kinerja*) in ``language``."""
        return text(f"reports.grade.{self.grade}", language)

    @property
    def grade_label(self) -> str:
        """The grade's label in the regulation: ``sangat baik`` ... ``tidak baik``."""
        return self.grade_label_in("id")

    @property
    def grade_label_en(self) -> str:
        """The grade's label in English: ``very good`` ... ``not good``."""
        return self.grade_label_in("en")


@attrs.frozen
class ElementScore(_Graded):
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

    code: ElementCode = attrs.field(validator=one_of_literal(ElementCode))
    total: int = attrs.field(validator=instance_of(int))
    respondents: int = attrs.field(validator=[instance_of(int), at_least(1)])
    weight: Weight = attrs.field(default="exact", validator=one_of_literal(Weight))

    def __attrs_post_init__(self) -> None:
        if not self.respondents <= self.total <= 4 * self.respondents:
            raise InvalidValueError(
                "ElementScore.total",
                self.total,
                Phrase(
                    "reports.allowed.element_total",
                    low=self.respondents,
                    high=4 * self.respondents,
                ),
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
    def converted_exact(self) -> Fraction:
        """NRR × 25, exactly: the element's own quality on the 25–100 scale."""
        return self.nrr_exact * 25

    @property
    def name(self) -> str:
        """The element's name in the regulation (Indonesian)."""
        return element_name(self.code, "id")

    @property
    def name_en(self) -> str:
        """The element's name in English."""
        return element_name(self.code, "en")

    def describe(self, language: Language = "en") -> str:
        """One line: code, name, NRR and grade.

        Examples:
            >>> print(ElementScore("U7", total=15, respondents=4).describe("id"))
            U7 perilaku pelaksana: NRR 3,7500 (A, sangat baik)
        """
        nrr = number(self.nrr, language)
        label = self.grade_label_in(language)
        return f"{self.code} {element_name(self.code, language)}: NRR {nrr} ({self.grade}, {label})"


def _group_key_validator(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    tuple_of(tuple)(instance, attribute, value)
    pairs: tuple[tuple[object, ...], ...] = value  # type: ignore[assignment]
    for index, pair in enumerate(pairs):
        if len(pair) != 2 or not isinstance(pair[0], str):
            raise InvalidTypeError(
                f"IkmGroup.key[{index}]", pair, Phrase("reports.expected.key_pair")
            )


def _population_validator(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        instance_of(int)(instance, attribute, value)
        at_least(1)(instance, attribute, value)


@attrs.frozen
class IkmGroup(_Graded):
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
    weight: Weight = attrs.field(default="exact", validator=one_of_literal(Weight))
    population: int | None = attrs.field(default=None, validator=_population_validator)

    def __attrs_post_init__(self) -> None:
        codes = tuple(element.code for element in self.elements)
        if codes != ELEMENTS:
            raise InvalidValueError(
                "IkmGroup.elements", codes, Phrase("reports.allowed.nine_elements")
            )
        for element in self.elements:
            if element.respondents != self.respondents or element.weight != self.weight:
                raise InvalidValueError(
                    f"IkmGroup.elements[{element.code}]",
                    element,
                    Phrase(
                        "reports.allowed.group_element",
                        respondents=self.respondents,
                        weight=show_value(self.weight),
                    ),
                )

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
        """IKM × 25, exactly (the 25–100 scale)."""
        return self.ikm_exact * 25

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
        lines = [
            f"{self.title(language)}: {self.respondents} "
            f"{text('reports.column.respondents', language)}, IKM {number(self.ikm, language)}, "
            f"{text('reports.column.converted', language)} {number(self.converted, language)}, "
            f"{self.grade} ({self.grade_label_in(language)})"
        ]
        lines.extend(f"  {element.describe(language)}" for element in self.elements)
        lines.append(f"  {text('reports.column.weakest', language)}: {', '.join(self.weakest)}")
        return "\n".join(lines)
