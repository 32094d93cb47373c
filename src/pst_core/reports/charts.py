"""Charts for the reports as SVG text, drawn with matplotlib (the extra ``pst-core[plot]``).

`ikm_chart` draws one IKM group's elements against the grade bands;
`sla_charts` draws each clock's monthly compliance and elapsed time against its
budget. matplotlib is imported on first use; without it both raise
`pst_core.errors.MissingDependencyError` naming the extra, and the HTML reports
leave the charts out and say so. Figures are built without ``pyplot``, so no
global figure state is touched.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from fractions import Fraction
from typing import Any, Protocol

from pst_core._optional import require
from pst_core.reports._messages import Language, clock_name, number, text
from pst_core.reports.ikm import GRADE_INTERVALS, IkmGroup

__all__ = ["SlaCycles", "ikm_chart", "sla_charts"]


class SlaCycles(Protocol):
    """What `sla_charts` reads: an `pst_core.reports.SlaReport`'s table and its summaries."""

    @property
    def table(self) -> Any:
        """One row per transaction, clock and cycle (a pandas DataFrame)."""

    def summary(self, group_by: Sequence[Any] | None = None) -> Any:
        """Cycles grouped by ``group_by``: counts and shares (a pandas DataFrame)."""


_BAND_COLOURS = {"A": "#d8f0d8", "B": "#e6f2fb", "C": "#fdf0d5", "D": "#f9dcdc"}


def ikm_chart(group: IkmGroup, language: Language = "en") -> str:
    """One group's NRR per element as horizontal bars over the grade bands, as SVG text.

    The bands are the grade intervals of PermenPAN-RB 14/2017 on the 1–4 scale
    (converted bounds ÷ 25: C from 2.60, B from 3.0644, A from 3.5324); a
    dashed line marks the group's IKM.
    """
    require("matplotlib", "drawing report charts")
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7.5, 3.8))
    axes = figure.add_subplot()
    upper = 4.0
    for letter, (low, _high) in GRADE_INTERVALS.items():
        start = max(1.0, float(Fraction(low) / 25))
        axes.axvspan(start, upper, color=_BAND_COLOURS[letter], zorder=0)
        axes.text((start + upper) / 2, 9.55, letter, ha="center", va="bottom", fontsize=9, zorder=3)
        upper = start
    labels = [f"{e.code} {text(f'reports.element.{e.code}', language)}" for e in group.elements]
    values = [float(e.nrr) for e in group.elements]
    positions = list(range(len(values)))[::-1]
    axes.barh(positions, values, color="#3f51b5", height=0.6, zorder=2)
    axes.axvline(float(group.ikm), color="#222", linestyle="--", linewidth=1, zorder=3)
    axes.set_yticks(positions, labels, fontsize=8)
    axes.set_xlim(1, 4)
    axes.set_ylim(-0.6, 10.2)
    axes.set_xlabel(f"NRR (1–4) · IKM {number(group.ikm, language)}")
    axes.xaxis.set_major_formatter(_formatter(language))
    axes.set_title(text("reports.ikm.chart_title", language, group=_plain(group.title(language))))
    figure.tight_layout()
    return _svg(figure)


def _plain(said: str) -> str:
    """Text matplotlib draws as written: a ``$`` is not mathematics, a line break a space."""
    return " ".join(said.split("\n")).replace("$", r"\$")


def _formatter(language: Language) -> Any:
    """A matplotlib tick formatter writing numbers as the tables do (``2,5`` in Indonesian)."""
    from decimal import Decimal

    from matplotlib.ticker import FuncFormatter

    def said(value: float, _position: object) -> str:
        rounded = round(float(value), 6)
        exact = int(rounded) if rounded == int(rounded) else Decimal(repr(rounded))
        return number(exact, language)

    return FuncFormatter(said)


def _goal(goal: object, language: Language) -> str:
    """A clock's goal in ``language`` (a duration says itself; other values as written)."""
    describe = getattr(goal, "describe", None)
    return str(describe(language)) if callable(describe) else str(goal)


def _numbers_in(axes: Any, language: Language) -> None:
    """Tick labels written as the tables write numbers (a decimal comma in Indonesian)."""
    axes.xaxis.set_major_formatter(_formatter(language))
    axes.yaxis.set_major_formatter(_formatter(language))


def _svg(figure: Any) -> str:
    """The figure as SVG markup (no XML header, no date: the same figure gives the same text)."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]


def sla_charts(report: SlaCycles, language: Language = "en") -> list[str]:
    """Two SVG charts per clock: monthly compliance, and elapsed time against the budget.

    The first shows, for each month a cycle started in, the share of cycles met
    and breached; the second, how much of its budget each finished or running
    cycle used (100 % is the goal: bars right of the line are breaches).
    """
    require("matplotlib", "drawing report charts")
    from matplotlib.figure import Figure

    started = report.table[report.table["status"] != "not started"]
    monthly = report.summary(("clock", "month"))
    charts = []
    for clock, rows in monthly.groupby("clock", sort=True):
        figure = Figure(figsize=(7.5, 3.2))
        axes = figure.add_subplot()
        months = list(rows["month"])
        axes.bar(months, rows["met_pct"], color="#4caf50")
        axes.bar(months, rows["breached_pct"], bottom=rows["met_pct"], color="#e53935")
        axes.set_ylim(0, 100)
        axes.set_ylabel("%")
        axes.tick_params(axis="x", labelrotation=45, labelsize=8)
        axes.yaxis.set_major_formatter(_formatter(language))
        named = _plain(clock_name(clock, language))
        axes.set_title(text("reports.sla.chart.monthly", language, clock=named))
        figure.tight_layout()
        charts.append(_svg(figure))
        cycles = started[started["clock"] == clock]
        ratio = (100 * cycles["elapsed"] / cycles["budget"]).clip(upper=300)
        figure = Figure(figsize=(7.5, 3.2))
        axes = figure.add_subplot()
        axes.hist(ratio, bins=30, color="#3f51b5")
        axes.axvline(100, color="#222", linestyle="--", linewidth=1)
        axes.set_xlabel(text("reports.sla.chart.budget_axis", language))
        _numbers_in(axes, language)
        goal = _goal(cycles["goal"].iloc[0], language) if len(cycles) else ""
        axes.set_title(text("reports.sla.chart.elapsed", language, clock=named, goal=goal))
        figure.tight_layout()
        charts.append(_svg(figure))
    return charts
