"""What :func:`~plankit.graph.build_graph` returns: :class:`BasisGraph`, a networkx graph with a
notebook view (a short repr, an HTML table, :meth:`~BasisGraph.to_frame`)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from .. import validity
from ..views import view
from .frames import edges_frame, nodes_frame
from .schema import VALIDITY_COLOURS

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["BasisGraph"]

_HTML_ROWS = 30  # edges shown in a notebook before "... and N more"


class BasisGraph(nx.DiGraph):
    """What :func:`build_graph` returns: a :class:`networkx.DiGraph` with a notebook view.

    It *is* the networkx graph: every networkx function, :func:`basis_chain`,
    :func:`shared_bases`, :func:`write_graph` and :func:`draw_graph` take it as they take any
    ``DiGraph`` (and take a bare ``DiGraph`` as before). On top it has a short ``repr``, an HTML
    table in a notebook, :meth:`to_frame` for pandas, and :meth:`draw` and :meth:`write`.

    >>> g = BasisGraph()
    >>> g.add_node("p", kind="plan", level="department", label="KH 137/KH-SKHCN (Cần Thơ 2025)")
    >>> g.add_node("76/NQ-CP", kind="document", level="central", label="NQ 76/NQ-CP")
    >>> g.add_edge("p", "76/NQ-CP", role="basis", implicit=False, validity="valid")
    >>> g
    <BasisGraph: 1 plan, 1 document, 1 citation (1 basis)>
    >>> g.to_frame()[["source_label", "target_label", "role"]].values.tolist()
    [['KH 137/KH-SKHCN (Cần Thơ 2025)', 'NQ 76/NQ-CP', 'basis']]
    >>> isinstance(g, nx.DiGraph), g.number_of_edges()
    (True, 1)
    """

    def counts(self) -> dict[str, int]:
        """Plans, documents, citations (edges), basis edges, and edges to replaced documents."""
        plans = sum(1 for _, kind in self.nodes(data="kind") if kind == "plan")
        edges = list(self.edges(data=True))
        return {
            "plans": plans,
            "documents": self.number_of_nodes() - plans,
            "citations": len(edges),
            "basis": sum(1 for *_, d in edges if d.get("role") == "basis"),
            "replaced": sum(1 for *_, d in edges if d.get("validity") == validity.REPLACED),
        }

    def _partly_replaced(self) -> int:
        """Edges to documents replaced in part at the citing plan's date (kept out of
        :meth:`counts`, whose keys callers compare whole)."""
        return sum(1 for *_, d in self.edges(data=True) if d.get("validity") == validity.PARTLY_REPLACED)

    def to_frame(self, what: str = "edges") -> pd.DataFrame:
        """One row per citation edge (``"edges"``, :func:`edges_frame`) or per node
        (``"nodes"``, :func:`nodes_frame`)."""
        if what == "edges":
            return edges_frame(self)
        if what == "nodes":
            return nodes_frame(self)
        raise ValueError(f"what must be 'edges' or 'nodes', not {what!r}")

    def draw(self, ax: Axes | None = None, *, labels: str | Iterable[str] = "auto") -> Figure:
        """The layered drawing (:func:`draw_graph`)."""
        return view(BasisGraph, "draw")(self, ax, labels=labels)  # graph.draw registers it

    def write(self, path: str | os.PathLike[str], **options: Any) -> Path:
        """Write the graph to ``path`` (:func:`write_graph`; the extension picks the format)."""
        return view(BasisGraph, "write")(self, path, **options)  # graph.export registers it

    def __repr__(self) -> str:
        c = self.counts()
        extra = [f"{c['basis']} basis"] if c["basis"] else []
        if c["replaced"]:
            extra.append(f"{c['replaced']} to replaced documents")
        if partly := self._partly_replaced():
            extra.append(f"{partly} to partly replaced documents")
        detail = f" ({', '.join(extra)})" if extra else ""
        return (
            f"<BasisGraph: {_n(c['plans'], 'plan')}, {_n(c['documents'], 'document')}, "
            f"{_n(c['citations'], 'citation')}{detail}>"
        )

    def _repr_html_(self) -> str:
        import html

        c = self.counts()
        head = (
            f"<p><b>Đồ thị căn cứ pháp lý / legal-basis graph</b>: {c['plans']} kế hoạch / plans, "
            f"{c['documents']} văn bản được dẫn / cited documents, {c['citations']} trích dẫn / "
            f"citations ({c['basis']} căn cứ / basis"
            + (f", <span style='color:{VALIDITY_COLOURS[validity.REPLACED]}'>{c['replaced']} "
               f"đã bị thay thế / replaced</span>" if c["replaced"] else "")
            + (f", <span style='color:{VALIDITY_COLOURS[validity.PARTLY_REPLACED]}'>{partly} "
               f"bị thay thế một phần / partly replaced</span>" if (partly := self._partly_replaced()) else "")
            + ")</p>"
        )
        def cell(node: str) -> str:  # the label; the title (plan subject, register title) on hover
            data = self.nodes[node]
            title = data.get("title")
            tip = f" title='{html.escape(str(title), quote=True)}'" if title else ""
            return f"<td{tip}>{html.escape(str(data.get('label') or node))}</td>"

        rows = []
        edges = sorted(self.edges(data=True), key=lambda e: (str(e[0]), e[2].get("role") != "basis", str(e[1])))
        for s, t, d in edges[:_HTML_ROWS]:
            state = d.get("validity") or ""
            colour = VALIDITY_COLOURS.get(state, "#555555")
            repl = f" → {html.escape(str(d['replaced_by']))}" if d.get("replaced_by") else ""
            rows.append(
                f"<tr>{cell(s)}{cell(t)}"
                f"<td>{html.escape(str(d.get('role') or ''))}</td>"
                f"<td style='color:{colour}'>{html.escape(state)}{repl}</td></tr>"
            )
        more = len(edges) - _HTML_ROWS
        tail = f"<p>… và {more} trích dẫn khác / and {more} more (<code>.to_frame()</code>)</p>" if more > 0 else ""
        table = (
            "<table><thead><tr><th>kế hoạch / plan</th><th>dẫn / cites</th><th>vai trò / role</th>"
            f"<th>hiệu lực / validity</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
        return head + (table if rows else "") + tail


def _n(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"

