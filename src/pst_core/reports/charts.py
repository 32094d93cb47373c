"""Charts for the reports, drawn with matplotlib (the optional extra ``pst-core[plot]``).

matplotlib is imported on first use; without it `ikm_chart` raises
`pst_core.errors.MissingDependencyError` naming the extra, and the HTML report
leaves the charts out and says so. Figures are built without ``pyplot``, so no
global figure state is touched.
"""

from __future__ import annotations

import io
from fractions import Fraction

from pst_core._optional import require
from pst_core.reports._messages import Language, text
from pst_core.reports.ikm import GRADE_INTERVALS, IkmGroup

__all__ = ["ikm_chart"]

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
    axes.set_xlabel(f"NRR (1–4) · IKM {group.ikm}")
    axes.set_title(text("reports.ikm.chart_title", language, group=group.title(language)))
    figure.tight_layout()
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]
