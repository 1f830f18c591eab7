"""The vocabulary of the legal-basis graph: levels, validity states, node and edge fields.

Every module of :mod:`plankit.graph` (building, queries, tables, drawing, exports) speaks of the
graph in these names; they live here so that none of those modules imports another for them.

>>> LEVELS[:3]
('central', 'party', 'province')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import validity

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = ["DRAW_ORDER", "EDGE_FIELDS", "LEVELS", "NODE_FIELDS", "UNKNOWN", "VALIDITY_COLOURS", "level_of"]

#: Levels of the cascade, top to bottom as drawn. ``other`` holds documents whose issuer the
#: citation extractor could not place; it is drawn between the province and the departments.
LEVELS = ("central", "party", "province", "department", "district", "commune", "other")
DRAW_ORDER = ("central", "party", "province", "other", "department", "district", "commune")

#: Validity of an edge whose citing plan carries no date and no year at all.
UNKNOWN = "unknown"

# Node attributes every node has, in table order (plans add their header fields after these).
# ``title``: a plan's subject as printed; a cited document's title from the register
# (:func:`plankit.register.document_title`) when the register knows it, else ``None``.
# ``successor``, ``successor_from``: the document that replaces this one according to the
# register (the last of a chain, 34/2017/NĐ-CP -> 25/2025/NĐ-CP) and the day it applies from,
# whatever the citing plans' dates; ``None`` for a document the register knows no successor of.
# ``successor_part``: the part the successor replaced when it replaced only part (``cán bộ, công
# chức`` of 112/2020/NĐ-CP), else ``None``.
NODE_FIELDS = ("kind", "label", "title", "key", "doc_type", "level", "issuer", "scope", "date",
               "year", "in_corpus", "implicit", "successor", "successor_from", "successor_part")
EDGE_FIELDS = ("role", "implicit", "validity", "replaced_by", "raw", "span_start",
               "span_end", "sentence", "occurrences")

#: The colour of an edge by the validity of its target, in the notebook view and the drawing.
VALIDITY_COLOURS = {
    validity.VALID: "#555555",
    validity.REPLACED: "#d62728",
    validity.PARTLY_REPLACED: "#9467bd",
    validity.NOT_YET_ISSUED: "#ff7f0e",
    UNKNOWN: "#555555",
}


def level_of(graph: nx.DiGraph, node: str) -> str:
    """The node's level, ``other`` when it has none or an unknown one.

    >>> import networkx as nx
    >>> g = nx.DiGraph(); g.add_node("a", level="province"); g.add_node("b")
    >>> level_of(g, "a"), level_of(g, "b")
    ('province', 'other')
    """
    level = graph.nodes[node].get("level") or "other"
    return level if level in LEVELS else "other"
