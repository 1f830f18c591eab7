"""The legal-basis graph as pandas tables: one row per node, one row per citation edge."""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

from .schema import EDGE_FIELDS, NODE_FIELDS

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["edges_frame", "nodes_frame"]


def nodes_frame(graph: nx.DiGraph) -> pd.DataFrame:
    """The nodes as a DataFrame: ``id``, the common attributes, ``in_degree``, ``out_degree``,
    then any other attribute (plans' header fields).

    >>> g = nx.DiGraph(); g.add_edge("a", "b")
    >>> nodes_frame(g)[["id", "in_degree"]].values.tolist()
    [['a', 0], ['b', 1]]
    """
    import pandas as pd

    extra: list[str] = []
    for _, data in graph.nodes(data=True):
        extra.extend(k for k in data if k not in NODE_FIELDS and k not in extra)
    columns = ["id", *NODE_FIELDS, "in_degree", "out_degree", *extra]
    rows = [
        {"id": n, **data, "in_degree": graph.in_degree(n), "out_degree": graph.out_degree(n)}
        for n, data in graph.nodes(data=True)
    ]
    return pd.DataFrame(rows, columns=columns)


def edges_frame(graph: nx.DiGraph) -> pd.DataFrame:
    """The edges as a DataFrame: ``source``, ``target``, their labels, the target's title (see
    :data:`~plankit.graph.schema.NODE_FIELDS`), then the edge attributes.

    >>> g = nx.DiGraph(); g.add_edge("a", "b", role="basis")
    >>> edges_frame(g)[["source", "target", "role"]].values.tolist()
    [['a', 'b', 'basis']]
    """
    import pandas as pd

    rows = [
        {"source": s, "target": t, "source_label": graph.nodes[s].get("label", s),
         "target_label": graph.nodes[t].get("label", t), "target_title": graph.nodes[t].get("title"),
         **data}
        for s, t, data in graph.edges(data=True)
    ]
    return pd.DataFrame(rows, columns=["source", "target", "source_label", "target_label", "target_title",
                                   *EDGE_FIELDS])

