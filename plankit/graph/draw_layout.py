"""Where :func:`~plankit.graph.draw.draw_graph` puts each node and its label, in inches.

One band per level (central at the top), and in a band the cited documents above the corpus
plans that cite them. A band row holds as many nodes as fit the drawing's width; a band that
does not fit is dealt round-robin into sub-rows, so each sub-row keeps the band's left-to-right
order. Labels hang below their node on as few staggered lines as the width allows (at most
:data:`LABEL_LINES`), and a row is packed from its labels' measured widths so that no two
labels overlap; the spare width is then shared out evenly. Coordinates are inches, so the drawing's axes map one data unit to one
inch and what is computed here is what is drawn.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

import networkx as nx

from .build import DOC_TYPE_ABBR, short_issuer
from .schema import DRAW_ORDER, level_of

_FILE = re.compile(r"\.(?:txt|md|docx?|pdf|html?|rtf|odt)\b|[\\/][^\s/\\]*_", re.IGNORECASE)

__all__ = ["LABEL_LINES", "Layout", "display_label", "layout"]

LABEL_LINES = 3  # staggered label lines under a crowded row
MAX_WIDTH = 34.0  # inches of drawing across at most (a band wider than this wraps)
MIN_WIDTH = 7.5
GAP = 0.06  # inches between two labels on one line
LABEL_PAD = 0.15  # the label box's pad, in font sizes (draw_graph's boxstyle "round,pad=0.15")
ROW_GAP = 0.3  # inches between a row's lowest label and the next row's nodes
BAND_GAP = 0.35  # more between two levels

# A corpus plan without a number was labelled with its file path; it is shown by its issuer.
def _wrap(text: str) -> str:
    # "KH 261/KH-UBND (Cần Thơ 2021)" -> the number on one line, the place and year below
    text = re.sub(r"\bThành phố ", "TP. ", text)
    head, sep, tail = text.partition(" (")
    return f"{head}\n({tail}" if sep else text


def display_label(graph: nx.DiGraph, node: str) -> str:
    """The text under a node: its ``label`` wrapped before the place and year; a corpus plan whose
    label is its file's path (a plan without a number) is shown by its type, issuer and year; a
    document the register says is replaced names its successor on a last line (``→ 118/2025/NĐ-CP``,
    ``→ 172/2025/NĐ-CP (một phần)`` when it replaced only part).

    >>> g = nx.DiGraph()
    >>> g.add_node("plan:c/boyte_2024.txt", kind="plan", label="KH c/boyte_2024.txt (2024)",
    ...            name="c/boyte_2024.txt", issuer="Bộ Y tế", year=2024, doc_type="Kế hoạch")
    >>> g.add_node("p", kind="plan", label="KH 261/KH-UBND (Thành phố Cần Thơ 2021)")
    >>> display_label(g, "plan:c/boyte_2024.txt"), display_label(g, "p")
    ('KH Bộ Y tế\\n(2024)', 'KH 261/KH-UBND\\n(TP. Cần Thơ 2021)')
    >>> g.add_node("plan:b/kh-07.txt", kind="plan", name="b/kh-07.txt",
    ...            label="KH 07/KH-UBND (Quảng Ngãi 2024) [b/kh-07.txt]")
    >>> display_label(g, "plan:b/kh-07.txt")
    'KH 07/KH-UBND\\n(Quảng Ngãi 2024)\\n[b/kh-07.txt]'
    >>> g.add_node("61/2018/NĐ-CP", label="NĐ 61/2018/NĐ-CP", successor="118/2025/NĐ-CP")
    >>> display_label(g, "61/2018/NĐ-CP")
    'NĐ 61/2018/NĐ-CP\\n→ 118/2025/NĐ-CP'
    >>> g.add_node("112/2020/NĐ-CP", label="NĐ 112/2020/NĐ-CP", successor="172/2025/NĐ-CP",
    ...            successor_part="cán bộ, công chức")
    >>> display_label(g, "112/2020/NĐ-CP")
    'NĐ 112/2020/NĐ-CP\\n→ 172/2025/NĐ-CP (một phần)'

    """
    d = graph.nodes[node]
    text = str(d.get("label") or node)
    # what tells two alike labels apart ("[b/kh-07.txt]", "[in 40/KH-SNV]") goes on its own line
    text, _, which = text.partition(" [")
    name = d.get("name")
    if d.get("kind") == "plan" and ((name and str(name) in text) or _FILE.search(text)
                                     or (node.startswith("plan:") and node[5:] in text)):
        symbol = d.get("symbol") or ""
        abbr = symbol.split("-")[0] if "-" in symbol else DOC_TYPE_ABBR.get(d.get("doc_type") or "", "KH")
        issuer = short_issuer(str(d.get("issuer") or "không rõ cơ quan"))
        scope = d.get("scope")
        where = " ".join(str(x) for x in (scope if scope and str(scope) not in issuer else None,
                                          d.get("year")) if x)
        text = f"{abbr} {issuer} ({where})" if where else f"{abbr} {issuer}"
    text = _wrap(text) + (f"\n[{which}" if which else "")
    if d.get("successor"):  # replaced, says the register: by what (and whether in part)
        text = f"{text}\n→ {d['successor']}" + (" (một phần)" if d.get("successor_part") else "")
    return text


@lru_cache(maxsize=4096)
def _text_size(text: str, size: float, bold: bool) -> tuple[float, float]:
    """Width and height in inches of ``text``'s box as drawn (DejaVu Sans at ``size`` points)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    prop = FontProperties(family="DejaVu Sans", size=size, weight="bold" if bold else "normal")
    measure = TextToPath()
    lines = text.split("\n")
    width = max(measure.get_text_width_height_descent(line, prop, ismath=False)[0] for line in lines)
    # matplotlib sets a line every 1.2 font sizes; the first line is about 1.17 font sizes tall
    height = size * (1.17 + 1.2 * (len(lines) - 1))
    pad = 2 * LABEL_PAD * size
    return (width + pad) / 72, (height + pad) / 72


@dataclass
class Layout:
    """Positions (inches: x from the left, y up from the top row, so negative) of nodes and labels."""

    pos: dict[str, tuple[float, float]] = field(default_factory=dict)
    label_pos: dict[str, tuple[float, float]] = field(default_factory=dict)  # top centre of the box
    texts: dict[str, str] = field(default_factory=dict)
    band_y: dict[str, float] = field(default_factory=dict)
    row_of: dict[str, int] = field(default_factory=dict)
    width: float = MIN_WIDTH
    height: float = 1.0


def _order(graph: nx.DiGraph, groups: dict[tuple[str, bool], list[str]]) -> dict[tuple[str, bool], list[str]]:
    """Each group sorted by the mean rank of its neighbours (barycentre sweeps cut crossings)."""

    def key0(n: str) -> tuple:
        d = graph.nodes[n]
        return (d.get("scope") or "~", str(d.get("year") or ""), str(d.get("label") or n))

    order = {g: sorted(nodes, key=key0) for g, nodes in groups.items()}
    rank: dict[str, float] = {}

    def place(g: tuple[str, bool]) -> None:
        for i, n in enumerate(order[g]):
            rank[n] = (i + 0.5) / len(order[g])

    for g in order:
        place(g)
    keys = list(order)
    for _ in range(3):  # upwards by citing plans, downwards by cited documents
        for sweep, neighbours in ((keys[::-1], graph.predecessors), (keys, graph.successors)):
            for g in sweep:
                def bary(n: str, nb=neighbours) -> float:
                    xs = [rank[m] for m in nb(n) if m in rank]
                    return sum(xs) / len(xs) if xs else rank[n]
                order[g] = sorted(order[g], key=lambda n, b=bary: (b(n), key0(n)))
                place(g)
    return order


def _pack(nodes: list[str], label_w: dict[str, float], node_w: float,
          lines: int = LABEL_LINES) -> tuple[list[float], dict[str, int], float]:
    """Leftmost x of each node such that nodes are ``node_w`` apart and labels on one of ``lines``
    lines do not overlap; each labelled node takes the line that lets it sit furthest left.
    Returns the xs, each label's line and the row's extent."""
    xs: list[float] = []
    line_of: dict[str, int] = {}
    line_right = [-math.inf] * lines
    right = 0.0
    prev = -math.inf
    for n in nodes:
        x = max(prev + node_w, node_w / 2)
        if n in label_w:
            w = label_w[n]
            x = max(x, w / 2)
            best = min(range(lines), key=lambda k: (max(x, line_right[k] + GAP + w / 2), k))
            x = max(x, line_right[best] + GAP + w / 2)
            line_right[best] = x + w / 2
            line_of[n] = best
            right = max(right, x + w / 2)
        right = max(right, x + node_w / 2)
        xs.append(x)
        prev = x
    return xs, line_of, right


def layout(graph: nx.DiGraph, wanted: set[str], font_size: float, marker_inches: float) -> Layout:
    """Node and label positions for ``graph`` with labels on ``wanted`` nodes (see the module)."""
    out = Layout()
    if graph.number_of_nodes() == 0:
        return out
    groups: dict[tuple[str, bool], list[str]] = {}
    for level in DRAW_ORDER:  # per level: cited documents, then the corpus plans citing them
        for is_plan in (False, True):
            groups[(level, is_plan)] = []
    for n, d in graph.nodes(data=True):
        groups[(level_of(graph, n), d.get("kind") == "plan")].append(n)
    groups = {g: nodes for g, nodes in groups.items() if nodes}
    order = _order(graph, groups)

    sizes: dict[str, tuple[float, float]] = {}
    for n in wanted:
        out.texts[n] = display_label(graph, n)
        sizes[n] = _text_size(out.texts[n], font_size, graph.nodes[n].get("kind") == "plan")
    label_w = {n: s[0] for n, s in sizes.items()}
    node_w = marker_inches + 0.1

    # the width: the widest group on one row, within bounds; wider groups wrap into sub-rows
    single = {g: _pack(nodes, label_w, node_w)[2] for g, nodes in order.items()}
    width = min(max(max(single.values()), MIN_WIDTH), MAX_WIDTH)
    rows: list[tuple[str, list[str]]] = []
    for g, nodes in order.items():
        count = 1
        while True:
            chunks = [nodes[i::count] for i in range(count)]
            if all(_pack(c, label_w, node_w)[2] <= width for c in chunks) or count >= len(nodes):
                break
            count += 1
        rows.extend((g[0], c) for c in chunks)

    label_drop = marker_inches / 2 + 0.05  # node centre to the top of its first label line
    y = -(marker_inches / 2 + 0.15)
    band_rows: dict[str, list[float]] = {}
    previous_level = None
    for i, (level, nodes) in enumerate(rows):
        if previous_level is not None and level != previous_level:
            y -= BAND_GAP
        previous_level = level
        for lines in range(1, LABEL_LINES + 1):  # as few label lines as the width allows
            xs, line_of, extent = _pack(nodes, label_w, node_w, lines)
            if extent <= width:
                break
        spare = max(width - extent, 0.0)
        line_h = max((sizes[n][1] for n in nodes if n in sizes), default=0.0) + 0.03
        for k, (n, x) in enumerate(zip(nodes, xs, strict=True)):
            x += spare * (k + 0.5) / len(nodes)  # gaps only grow: labels stay apart
            out.pos[n] = (x, y)
            out.row_of[n] = i
            if n in line_of:
                out.label_pos[n] = (x, y - label_drop - line_of[n] * line_h)
        band_rows.setdefault(level, []).append(y)
        lines = max(line_of.values(), default=-1) + 1
        y -= label_drop + lines * line_h + ROW_GAP + marker_inches / 2
    out.band_y = {lv: sum(ys) / len(ys) for lv, ys in band_rows.items()}
    out.width = width
    out.height = -y
    return out
