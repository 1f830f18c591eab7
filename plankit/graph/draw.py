"""Drawing the legal-basis graph in layers with matplotlib (:func:`draw_graph`): central
documents at the top, department plans at the bottom, colour by level, line style by role."""

from __future__ import annotations

import bisect
import math
import os
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import networkx as nx

from .. import validity
from ..views import register_view
from .draw_layout import LABEL_PAD, layout
from .result import BasisGraph
from .schema import DRAW_ORDER, VALIDITY_COLOURS, level_of

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["LEVEL_COLOURS", "LEVEL_NAMES", "ROLE_STYLES", "close_figure", "draw_graph", "legend_entries",
           "legend_handles", "new_figure", "svg_tooltips"]

LEVEL_COLOURS = {
    "central": "#1f4e79",
    "party": "#b8860b",
    "province": "#2e8b57",
    "department": "#6a5acd",
    "district": "#8b4513",
    "commune": "#c71585",
    "other": "#8c8c8c",
}
LEVEL_NAMES = {
    "central": "Trung ương / central",
    "party": "Đảng / party",
    "province": "Tỉnh / province",
    "department": "Sở / department",
    "district": "Huyện / district",
    "commune": "Xã / commune",
    "other": "Khác / other",
}
ROLE_STYLES = {"basis": "solid", "mention": "dashed", "implicit": "dotted"}
FONT = "DejaVu Sans"  # ships with matplotlib and has every Vietnamese glyph
SMALL = 60  # up to this many nodes every node is labelled


def _wanted_labels(graph: nx.DiGraph, labels: str | Iterable[str]) -> set[str]:
    if labels == "all":
        return set(graph.nodes)
    if labels == "none":
        return set()
    if labels == "auto":
        if graph.number_of_nodes() <= SMALL:
            return set(graph.nodes)
        return {n for n, d in graph.nodes(data=True)
                if d.get("kind") == "plan" or d.get("successor") or graph.in_degree(n) >= 2}
    if isinstance(labels, str):
        raise ValueError(f"labels must be 'auto', 'all', 'none' or node ids, not {labels!r}")
    return set(labels) & set(graph.nodes)


_GID = "plankit-node-"  # the SVG id of a node's label: this prefix and the node's position
_GID_RE = re.compile(r'<g id="plankit-node-(\d+)">')


def svg_tooltips(svg: str, graph: nx.DiGraph) -> str:
    """``svg`` (a drawing of ``graph`` by :func:`draw_graph`) with each node's ``title`` (the
    plan's subject, the register's title of a cited document) as the tooltip of its label.

    >>> g = nx.DiGraph(); g.add_node("76/NQ-CP", title="Nghị quyết 76/NQ-CP <CCHC>")
    >>> svg_tooltips('<g id="plankit-node-0"><path/></g>', g)
    '<g id="plankit-node-0"><title>Nghị quyết 76/NQ-CP &lt;CCHC&gt;</title><path/></g>'
    """
    from xml.sax.saxutils import escape

    titles = [data.get("title") for _, data in graph.nodes(data=True)]

    def add(m: re.Match[str]) -> str:
        i = int(m.group(1))
        title = titles[i] if i < len(titles) else None
        return f"{m.group(0)}<title>{escape(str(title))}</title>" if title else m.group(0)

    return _GID_RE.sub(add, svg)


def new_figure(size: tuple[float, float]) -> Figure:
    """A figure on the user's backend when one is in use, else on a private Agg canvas.

    A script that imported pyplot (or set MPLBACKEND) gets a pyplot figure it can ``plt.show()``.
    In a Jupyter kernel the figure is made by pyplot, which loads the inline backend and its
    display hook, and closed at once, so it shows once, as the cell's value. Otherwise no
    backend is chosen at all: the figure draws on Agg and pyplot's global state is untouched.
    """
    import sys

    in_kernel = "ipykernel" in sys.modules
    if in_kernel or "matplotlib.pyplot" in sys.modules or os.environ.get("MPLBACKEND"):
        import matplotlib.pyplot as plt

        fig = plt.figure(figsize=size, dpi=100)
        if in_kernel:
            plt.close(fig)
        return fig
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, dpi=100)
    FigureCanvasAgg(fig)
    return fig


def close_figure(fig: Figure) -> None:
    """Forget a figure pyplot may hold (a no-op for a figure pyplot never saw)."""
    import sys

    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close(fig)


_RING_COLOURS = {"replaced-by": VALIDITY_COLOURS[validity.REPLACED],
                 "partly-replaced-by": VALIDITY_COLOURS[validity.PARTLY_REPLACED]}


def _replaced_targets(graph: nx.DiGraph) -> set[str]:
    return {t for _, t, d in graph.edges(data=True) if d.get("validity") == validity.REPLACED}


def _ring(node: str, d: dict[str, Any], replaced_targets: set[str]) -> str | None:
    """A node's ring: ``replaced-by`` (red) for a document replaced as a whole, or replaced at
    some citing plan's date; ``partly-replaced-by`` (purple) for one replaced only in part."""
    if node in replaced_targets:
        return "replaced-by"
    if d.get("successor"):
        return "partly-replaced-by" if d.get("successor_part") else "replaced-by"
    return None


def legend_entries(graph: nx.DiGraph) -> list[str]:
    """What the legend explains: the kinds the drawing of ``graph`` shows, in the legend's order.
    Levels (``level:central`` ...), node shapes (``plan``, ``document``), line styles (``basis``,
    ``mention``, ``implicit``), edge colours (``replaced``, ``partly-replaced``,
    ``not-yet-issued``) and rings (``replaced-by``, ``partly-replaced-by``), each only when drawn.

    >>> g = nx.DiGraph()
    >>> g.add_node("p", kind="plan", level="department")
    >>> g.add_node("76/NQ-CP", kind="document", level="central")
    >>> g.add_edge("p", "76/NQ-CP", role="basis", implicit=False, validity="valid")
    >>> legend_entries(g)
    ['level:central', 'level:department', 'plan', 'document', 'basis']
    """
    nodes = graph.nodes(data=True)
    edges = [d for *_, d in graph.edges(data=True)]
    kinds = {d.get("kind", "document") for _, d in nodes}
    styles = {"implicit" if d.get("implicit") else d.get("role", "mention") for d in edges}
    states = {d.get("validity") for d in edges}
    replaced_targets = _replaced_targets(graph)
    rings = {_ring(n, d, replaced_targets) for n, d in nodes}
    levels = {level_of(graph, n) for n in graph.nodes}
    out = [f"level:{lv}" for lv in DRAW_ORDER if lv in levels]
    out += [k for k in ("plan", "document") if k in kinds]
    out += [s for s in ("basis", "mention", "implicit") if s in styles]
    out += [s for s in (validity.REPLACED, validity.PARTLY_REPLACED) if s in states]
    out += [r for r in ("replaced-by", "partly-replaced-by") if r in rings]
    out += [validity.NOT_YET_ISSUED] if validity.NOT_YET_ISSUED in states else []
    return out


def legend_handles(graph: nx.DiGraph, levels: Iterable[str] | None = None) -> list[Any]:
    """The matplotlib handles of :func:`legend_entries`, labelled in Vietnamese and English."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    red = VALIDITY_COLOURS[validity.REPLACED]
    partly = VALIDITY_COLOURS[validity.PARTLY_REPLACED]
    made = {
        "plan": Line2D([], [], marker="s", ls="none", color="#444444", label="kế hoạch trong bộ / corpus plan"),
        "document": Line2D([], [], marker="o", ls="none", color="#444444", label="văn bản được dẫn / cited document"),
        "basis": Line2D([], [], ls="solid", color="#555555", label="căn cứ / basis"),
        "mention": Line2D([], [], ls="dashed", color="#555555", label="nhắc đến / mention"),
        "implicit": Line2D([], [], ls="dotted", color="#555555", label="chương trình, luật theo tên (ngầm) / implicit"),
        validity.REPLACED: Line2D([], [], ls="solid", lw=2, color=red, label="đã bị thay thế / replaced"),
        validity.PARTLY_REPLACED: Line2D([], [], ls="solid", lw=2, color=partly,
                                         label="bị thay thế một phần / partly replaced"),
        "replaced-by": Line2D([], [], marker="o", ls="none", color="#bbbbbb", markeredgecolor=red,
                              markeredgewidth=1.6, label="→ văn bản thay thế / replaced by"),
        "partly-replaced-by": Line2D([], [], marker="o", ls="none", color="#bbbbbb", markeredgecolor=partly,
                                     markeredgewidth=1.6, label="→ thay thế một phần / partly replaced by"),
        validity.NOT_YET_ISSUED: Line2D([], [], ls="solid", lw=2, color=VALIDITY_COLOURS[validity.NOT_YET_ISSUED],
                                        label="chưa ban hành / not yet issued"),
    }
    entries = legend_entries(graph)
    if levels is not None:
        wanted = set(levels)
        entries = [e for e in entries if not e.startswith("level:") or e[6:] in wanted]
    return [Patch(color=LEVEL_COLOURS[e[6:]], label=LEVEL_NAMES[e[6:]]) if e.startswith("level:") else made[e]
            for e in entries]


def _rows_by_x(pos: dict[str, tuple[float, float]], row_of: dict[str, int]) -> dict[int, tuple[list[float], float]]:
    """Each row's node x positions, sorted, and the row's y (to find what an edge passes over)."""
    rows: dict[int, list[float]] = defaultdict(list)
    ys: dict[int, float] = {}
    for node, row in row_of.items():
        rows[row].append(pos[node][0])
        ys[row] = pos[node][1]
    return {row: (sorted(xs), ys[row]) for row, xs in rows.items()}


def _crosses_a_node(a: tuple[float, float], b: tuple[float, float], rows: list[tuple[list[float], float]],
                    margin: float) -> bool:
    """Whether the straight line from ``a`` to ``b`` passes within ``margin`` (inches) of a node of
    a row between them: a commune's edge to its province drawn straight through the department
    below the province would read as an edge to the department."""
    (xa, ya), (xb, yb) = a, b
    for xs, y in rows:
        x = xa + (xb - xa) * (y - ya) / (yb - ya)
        i = bisect.bisect_left(xs, x - margin)
        if i < len(xs) and xs[i] <= x + margin:
            return True
    return False


def draw_graph(graph: nx.DiGraph, ax: Axes | None = None, *, labels: str | Iterable[str] = "auto") -> Figure:
    """Draw the graph in layers: central documents at the top, then party, province, and the
    department plans at the bottom.

    Colour shows the level; squares are corpus plans, circles cited documents; a solid line is a
    basis edge, dashed a mention, dotted a programme (implicit) citation; a red edge points to a
    document replaced at the citing plan's date (the node is hatched), an orange one to a
    document not yet issued then. ``labels`` is ``"auto"`` (every node up to 60 nodes; beyond,
    plans and documents cited by two or more plans), ``"all"``, ``"none"`` or node ids.

    Without ``ax`` a new figure is made: on the Agg canvas when no backend is in use (no window,
    no ``pyplot`` state), else by pyplot on the backend in use; in a notebook it shows as the
    cell's value. Nothing is ever shown by this function (no ``plt.show()``). Save it with
    ``fig.savefig(...)`` or :func:`write_graph`.

    >>> g = nx.DiGraph()
    >>> g.add_node("p", kind="plan", level="department", label="KH 137/KH-SKHCN (Cần Thơ 2025)")
    >>> g.add_node("76/NQ-CP", kind="document", level="central", label="NQ 76/NQ-CP")
    >>> g.add_edge("p", "76/NQ-CP", role="mention", implicit=False, validity="valid")
    >>> fig = draw_graph(g)  # 7.5 inches of drawing (the least), margins, in quarter inches
    >>> fig.get_size_inches().tolist()  # the legend: two levels, plan, document, mention
    [9.75, 4.25]
    """
    from matplotlib.patches import FancyArrowPatch

    n = graph.number_of_nodes()
    small = n <= SMALL
    marker_size = 260 if small else 70  # points squared
    marker_inches = math.sqrt(marker_size * 1.25) / 72  # a plan's square, the larger marker
    size = 7.5 if small else 6.5
    wanted = _wanted_labels(graph, labels)
    placed = layout(graph, wanted, size, marker_inches)
    pos = placed.pos
    width, depth = placed.width, placed.height

    legend_columns = max(2, min(6, int((width + 2.2) // 2.6)))
    legend_rows = math.ceil(max(1, len(legend_entries(graph))) / legend_columns)
    left, right, top, bottom = 1.9, 0.3, 0.9, 0.45 + 0.2 * legend_rows
    # quarter inches are exact in binary, so the image is exactly size × dpi pixels; the
    # rounding goes to the right and bottom margins, so that one data unit stays one inch
    fig_w = math.ceil((left + width + right) * 4) / 4
    fig_h = math.ceil((top + depth + bottom) * 4) / 4
    if ax is None:
        fig = new_figure((fig_w, fig_h))
        # room for the band names on the left, the legend below and the title above
        ax = fig.add_axes((left / fig_w, 1 - (top + depth) / fig_h, width / fig_w, depth / fig_h))
        own_figure = True
    else:
        fig, own_figure = ax.figure, False
    ax.set_axis_off()
    ax.set_xlim(0, width)
    ax.set_ylim(-depth, 0)
    radius = math.sqrt(marker_size) / 2

    replaced_targets = _replaced_targets(graph)

    # edges under the nodes; an edge within one row arcs above it instead of running along it,
    # and one that would run straight over a node of a row it skips bows round it
    by_row = _rows_by_x(pos, placed.row_of)
    for s, t, d in graph.edges(data=True):
        style = "implicit" if d.get("implicit") else d.get("role", "mention")
        colour = VALIDITY_COLOURS.get(d.get("validity"), "#555555")
        emphasised = d.get("validity") in (validity.REPLACED, validity.PARTLY_REPLACED, validity.NOT_YET_ISSUED)
        same_row = placed.row_of[s] == placed.row_of[t]
        # arc3 bends to the right of the direction of travel for a positive rad: a same-row edge
        # going right takes a negative one to bow upwards, away from the labels under the row
        bend = (-0.35 if pos[s][0] < pos[t][0] else 0.35) if same_row else 0.06
        lo, hi = sorted((placed.row_of[s], placed.row_of[t]))
        if hi - lo > 1 and _crosses_a_node(pos[s], pos[t], [by_row[r] for r in range(lo + 1, hi) if r in by_row],
                                           2 * radius / 72):
            bend = 0.3
        if not same_row:
            # arc3 puts its control point rad × (dy, -dx) off the middle and the curve half way
            # there: an edge that would bow out of the drawing (past its left or right side)
            # bows the other way
            bulge = (pos[s][0] + pos[t][0]) / 2 + bend * (pos[t][1] - pos[s][1]) / 2
            if not 0 <= bulge <= width:
                bend = -bend
        ax.add_patch(FancyArrowPatch(
            pos[s], pos[t], arrowstyle="-|>", mutation_scale=9 if small else 6,
            shrinkA=radius + 1, shrinkB=radius + 1, connectionstyle=f"arc3,rad={bend}",
            linestyle=ROLE_STYLES.get(style, "dashed"), color=colour,
            linewidth=(1.8 if emphasised else 1.1) if small else (1.2 if emphasised else 0.5),
            alpha=0.9 if (small or emphasised) else 0.45, zorder=1,
        ))

    # nodes by level, kind, whether replaced at a citing plan's date (hatched) and whether the
    # register names a successor at all (a ring, red for a whole replacement, purple for one in
    # part; the label names the successor)
    groups: dict[tuple[str, str, bool, str], list[str]] = defaultdict(list)
    for node, d in graph.nodes(data=True):
        ring = _RING_COLOURS.get(_ring(node, d, replaced_targets), "")
        groups[(level_of(graph, node), d.get("kind", "document"), node in replaced_targets, ring)].append(node)
    for (level, kind, replaced, ring), nodes in sorted(groups.items()):
        xs, yv = zip(*(pos[v] for v in nodes), strict=True)
        ax.scatter(
            xs, yv, s=marker_size * (1.25 if kind == "plan" else 1.0), marker="s" if kind == "plan" else "o",
            c=LEVEL_COLOURS[level], edgecolors=ring or "white",
            linewidths=1.6 if ring else 0.8, hatch="////" if replaced else None, zorder=3,
        )

    # labels below the nodes, on the staggered lines the layout chose (never overlapping)
    index = {node: i for i, node in enumerate(graph.nodes)}
    for node in sorted(placed.label_pos, key=lambda v: (placed.row_of[v], pos[v][0])):
        d = graph.nodes[node]
        x, y = placed.label_pos[node]
        ax.text(x, y - LABEL_PAD * size / 72, placed.texts[node], ha="center", va="top", fontsize=size,
                fontfamily=FONT, fontweight="bold" if d.get("kind") == "plan" else "normal", zorder=4,
                gid=f"{_GID}{index[node]}",  # svg_tooltips finds the label by it
                bbox={"boxstyle": f"round,pad={LABEL_PAD}", "fc": "white", "ec": "none", "alpha": 0.8})

    # band names on the left
    for level, y in placed.band_y.items():
        ax.annotate(LEVEL_NAMES[level], (0, y), xycoords=ax.get_yaxis_transform(), xytext=(-6, 0),
                    textcoords="offset points", ha="right", va="center", fontsize=9, fontfamily=FONT,
                    color=LEVEL_COLOURS[level], fontweight="bold", annotation_clip=False)

    handles = legend_handles(graph, [lv for lv in DRAW_ORDER if lv in placed.band_y])
    if own_figure:
        fig.legend(handles=handles, loc="lower center", ncol=legend_columns,
                   prop={"family": FONT, "size": 8}, frameon=False)
    else:
        ax.legend(handles=handles, loc="best", prop={"family": FONT, "size": 7}, framealpha=0.8)
    plans = sum(1 for _, k in graph.nodes(data="kind") if k == "plan")
    ax.set_title(
        f"Đồ thị căn cứ pháp lý / legal-basis graph\n{plans} kế hoạch / plans, "
        f"{n - plans} văn bản / documents, {graph.number_of_edges()} trích dẫn / citations",
        fontsize=11, fontfamily=FONT,
    )
    return fig


register_view(BasisGraph, "draw", draw_graph)  # BasisGraph.draw
