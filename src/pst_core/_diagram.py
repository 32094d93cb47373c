"""A state diagram drawn as inline SVG: boxes in columns, arrows with their event.

Private: `pst_core.states.Workflow.to_html` shows its diagram with `state_svg`,
so a notebook (or a page with no JavaScript and no network) sees the drawing,
not its source. The layout is plain and deterministic: each state sits in the
column of its distance from the initial state (unreachable states last), in the
order the workflow lists them; a forward arrow or one within a column is a
straight line, an arrow back a curve below the boxes, a self-loop a small arc
above its box; transitions between the same two states share one arrow.

Examples:
    >>> svg = state_svg(("new", "done"), (("new", "done", "close"),), initial="new",
    ...                 terminals=("done",))
    >>> svg.startswith("<svg"), svg.count("<rect"), ">close</text>" in svg  # done: a double box
    (True, 3, True)
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

__all__ = ["state_svg"]

_BOX_H = 30
_COLUMN = 190  # horizontal distance between columns
_ROW = 64  # vertical distance between boxes of a column
_MARGIN = 24
_CHAR = 7.2  # width of a character of the 12px label font
_FONT = 'font-family="sans-serif" font-size="12"'


def _columns(
    states: Sequence[str], edges: Sequence[tuple[str, str, str]], initial: str
) -> dict[str, int]:
    """Each state's column: its distance (in transitions) from ``initial``."""
    column = {initial: 0}
    frontier = [initial]
    while frontier:
        following = []
        for source in frontier:
            for a, b, _ in edges:
                if a == source and b not in column:
                    column[b] = column[source] + 1
                    following.append(b)
        frontier = following
    last = max(column.values()) + 1
    return {s: column.get(s, last) for s in states}


def state_svg(
    states: Sequence[str],
    edges: Sequence[tuple[str, str, str]],
    *,
    initial: str,
    terminals: Sequence[str] = (),
) -> str:
    """The diagram of ``states`` and ``edges`` (source, target, label) as SVG markup.

    The initial state's box has a thick border, a terminal state's a double one;
    every text is escaped.
    """
    column = _columns(states, edges, initial)
    rows: dict[int, int] = {}
    place: dict[str, tuple[float, float, float]] = {}  # centre x, centre y, half width
    widest = max((len(s) for s in states), default=4)
    for state in states:
        col = column[state]
        row = rows.get(col, 0)
        rows[col] = row + 1
        half = (len(state) * _CHAR + 20) / 2
        x = _MARGIN + col * max(_COLUMN, widest * _CHAR + 60) + (widest * _CHAR + 20) / 2
        place[state] = (x, _MARGIN + 20 + row * _ROW + _BOX_H / 2, half)
    width = max(x + half for x, _, half in place.values()) + _MARGIN
    height = max(y for _, y, _ in place.values()) + _BOX_H / 2 + _MARGIN + 32  # room for curves
    parts = [
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'fill="#555"/></marker></defs>'
    ]
    # Transitions between the same two states share one arrow, their events listed on it.
    merged: dict[tuple[str, str], list[str]] = {}
    for source, target, label in edges:
        said = merged.setdefault((source, target), [])
        if label not in said:
            said.append(label)
    for (source, target), labels in merged.items():
        parts.append(_edge(place[source], place[target], ", ".join(labels), source == target))
    for state in states:
        x, y, half = place[state]
        stroke = 3 if state == initial else 1.2
        parts.append(
            f'<rect x="{x - half:.1f}" y="{y - _BOX_H / 2:.1f}" width="{2 * half:.1f}" '
            f'height="{_BOX_H}" rx="6" fill="#eef3fb" stroke="#335" stroke-width="{stroke}"/>'
        )
        if state in terminals:
            parts.append(
                f'<rect x="{x - half + 3:.1f}" y="{y - _BOX_H / 2 + 3:.1f}" '
                f'width="{2 * half - 6:.1f}" height="{_BOX_H - 6}" rx="4" fill="none" '
                'stroke="#335"/>'
            )
        parts.append(
            f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" {_FONT}>{escape(state)}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width:.0f}" '
        f'height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}">' + "".join(parts) + "</svg>"
    )


def _edge(
    start: tuple[float, float, float], end: tuple[float, float, float], label: str, loop: bool
) -> str:
    """One arrow with its label: straight forward, curved back or within a column."""
    (x1, y1, h1), (x2, y2, h2) = start, end
    said = escape(label)
    if loop:
        top = y1 - _BOX_H / 2
        path = (
            f"M{x1 - 10:.1f},{top:.1f} C{x1 - 30:.1f},{top - 30:.1f} "
            f"{x1 + 30:.1f},{top - 30:.1f} {x1 + 10:.1f},{top:.1f}"
        )
        lx, ly = x1, top - 26
    elif abs(x2 - x1) < 1:
        # Within one column: a straight line from one box's edge to the other's.
        down = y2 > y1
        sy = y1 + _BOX_H / 2 if down else y1 - _BOX_H / 2
        ey = y2 - _BOX_H / 2 if down else y2 + _BOX_H / 2
        path = f"M{x1:.1f},{sy:.1f} L{x2:.1f},{ey:.1f}"
        return (
            f'<path d="{path}" fill="none" stroke="#555" stroke-width="1.2" '
            f'marker-end="url(#arrow)"/>'
            f'<text x="{x1 + 6:.1f}" y="{(sy + ey) / 2 + 4:.1f}" {_FONT} fill="#333">{said}</text>'
        )
    elif x2 > x1:
        sx, ex = x1 + h1, x2 - h2
        path = f"M{sx:.1f},{y1:.1f} L{ex:.1f},{y2:.1f}"
        lx, ly = (sx + ex) / 2, (y1 + y2) / 2 - 4
    else:
        # Back to an earlier column: a curve bowing below the boxes.
        sx, sy, ex, ey = x1, y1 + _BOX_H / 2, x2, y2 + _BOX_H / 2
        dip = max(sy, ey) + 28
        path = f"M{sx:.1f},{sy:.1f} C{sx:.1f},{dip:.1f} {ex:.1f},{dip:.1f} {ex:.1f},{ey:.1f}"
        lx, ly = (sx + ex) / 2, dip - 2
    return (
        f'<path d="{path}" fill="none" stroke="#555" stroke-width="1.2" '
        f'marker-end="url(#arrow)"/>'
        f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="middle" {_FONT} fill="#333">{said}</text>'
    )
