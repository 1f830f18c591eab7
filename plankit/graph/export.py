"""Writing the legal-basis graph to a file: GraphML, GEXF (Gephi), node-link JSON, PNG, SVG.

:func:`portable` makes a copy whose attributes the XML formats can hold; :func:`write_graph`
writes atomically and picks the format by the extension.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from ..views import register_view
from .draw import close_figure, draw_graph, svg_tooltips
from .result import BasisGraph

__all__ = ["FORMATS", "portable", "write_graph"]

# Characters XML 1.0 cannot hold (form feeds from pdftotext, stray controls from OCR).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _portable_value(value: Any) -> str | int | float | bool:
    if value is None:
        return ""
    if isinstance(value, str):
        return _XML_ILLEGAL.sub(" ", value.replace("\r\n", "\n").replace("\r", "\n"))
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return "; ".join(str(_portable_value(v)) for v in value)
    return str(value)


def portable(graph: nx.DiGraph) -> nx.DiGraph:
    """A copy whose attributes GraphML and GEXF can hold: ``None`` becomes ``""``, dates ISO
    strings, tuples ``"; "``-joined strings; ``year`` is written as text so that a graph with an
    undated document keeps one type per attribute; characters XML cannot hold (form feeds,
    control characters) become spaces and ``\\r`` becomes ``\\n``. Booleans and integers stay
    as they are.

    This is what :func:`write_graph` writes, and what reading the file back gives.

    >>> g = nx.DiGraph(); g.add_node("a", date=dt.date(2021, 7, 15), year=2021, issuer=None)
    >>> portable(g).nodes["a"]
    {'date': '2021-07-15', 'year': '2021', 'issuer': ''}
    """
    out = nx.DiGraph()
    out.graph.update({k: _portable_value(v) for k, v in graph.graph.items()})
    for node, data in graph.nodes(data=True):
        attrs = {k: _portable_value(v) for k, v in data.items()}
        if "year" in attrs:
            attrs["year"] = str(attrs["year"])
        out.add_node(_portable_value(str(node)), **attrs)
    for s, t, data in graph.edges(data=True):
        out.add_edge(_portable_value(str(s)), _portable_value(str(t)),
                     **{k: _portable_value(v) for k, v in data.items()})
    return out


def _gexf(graph: nx.DiGraph) -> str:
    """GEXF text of :func:`portable` ``graph``, keeping the node attribute ``key`` by its name.

    networkx writes an attribute called ``key`` as ``networkx_key`` (it is the edge key of a
    multigraph) and reads it back under that name; in the node attribute declarations it is
    plainly the document key, so it is declared as ``key`` again.
    """
    text = "\n".join(nx.generate_gexf(portable(graph)))
    return "<?xml version='1.0' encoding='utf-8'?>\n" + re.sub(
        r'<attributes [^>]*class="node"[^>]*>.*?</attributes>',
        lambda m: m.group(0).replace('title="networkx_key"', 'title="key"'),
        text, count=1, flags=re.DOTALL,
    )


FORMATS = (".graphml", ".gexf", ".json", ".png", ".svg")


def write_graph(
    graph: nx.DiGraph, path: str | os.PathLike[str], *, force: bool = False, dpi: int = 150,
    labels: str | Iterable[str] = "auto",
) -> Path:
    """Write the graph to ``path``; the extension picks the format.

    ``.graphml`` and ``.gexf`` (Gephi) hold :func:`portable` attributes; ``.json`` is networkx
    node-link data (``nodes`` and ``edges``); ``.png`` and ``.svg`` are :func:`draw_graph`, the SVG
    with each node's ``title`` as its label's tooltip (:func:`~plankit.graph.draw.svg_tooltips`)
    (``dpi`` and ``labels`` apply to those). The file is written atomically; an existing file is
    an :class:`~plankit.errors.OutputExists` error unless ``force``.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> g = nx.DiGraph(); g.add_edge("a", "b", role="basis")
    >>> write_graph(g, out).name, nx.read_graphml(out).edges["a", "b"]["role"]
    ('g.graphml', 'basis')
    """
    from ..errors import PlankitError
    from ..output import write_with

    target = Path(path)
    ext = target.suffix.lower()
    if ext not in FORMATS:
        raise PlankitError(
            f"{target}: không hỗ trợ định dạng {ext or '(không có đuôi)'} / unsupported format; "
            f"use one of {', '.join(FORMATS)}"
        )

    def writer(tmp: Path) -> None:
        if ext == ".graphml":
            nx.write_graphml(portable(graph), tmp)
        elif ext == ".gexf":
            tmp.write_text(_gexf(graph), encoding="utf-8")
        elif ext == ".json":
            data = nx.node_link_data(portable(graph), edges="edges")
            tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        else:
            fig = draw_graph(graph, labels=labels)
            try:
                fig.savefig(tmp, format=ext[1:], dpi=dpi, facecolor="white")
            finally:
                close_figure(fig)
            if ext == ".svg":  # the titles as tooltips of the labels
                tmp.write_text(svg_tooltips(tmp.read_text(encoding="utf-8"), graph), encoding="utf-8")

    return write_with(target, writer, force=force)


register_view(BasisGraph, "write", write_graph)  # BasisGraph.write
