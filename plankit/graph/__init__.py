"""The legal-basis graph: which plan cites which document, from central resolutions down to
department plans.

National databases link normative documents only; plans are not normative documents, so the
plan-to-plan cascade (central resolution -> province plan -> department plan) exists nowhere
else. :func:`build_graph` makes it from the citations of a corpus of plans:

* a node per corpus plan (``kind="plan"``) and per cited document (``kind="document"``, its id is
  :attr:`Citation.doc_id <plankit.model.Citation.doc_id>`); a corpus plan that another plan cites
  is one node, matched by its own number, its province and its year of issue;
* an edge from the citing plan to the cited document, with the ``role`` (``basis`` for the
  Căn cứ / Thực hiện / Theo preamble, else ``mention``), the evidence (span and sentence in the
  citing plan) and the ``validity`` of the target on the citing plan's date (see
  :mod:`plankit.validity`).

Queries (:func:`basis_chain`, :func:`shared_bases`, :func:`orphans`), tables
(:func:`nodes_frame`, :func:`edges_frame`), a layered drawing (:func:`draw_graph`) and exports
(:func:`write_graph`: GraphML, GEXF, node-link JSON, PNG, SVG) work on the returned
:class:`BasisGraph`, which is an ordinary :class:`networkx.DiGraph` with a notebook view, and
on any other networkx graph.

The package is split by job, each module importing only those before it in this list:
:mod:`~plankit.graph.schema` (levels, validity colours, node and edge fields),
:mod:`~plankit.graph.frames` (tables), :mod:`~plankit.graph.result` (:class:`BasisGraph`),
:mod:`~plankit.graph.build` (:func:`build_graph`), :mod:`~plankit.graph.query` (chains, shared
bases, orphans); the outputs :mod:`~plankit.graph.draw` (:func:`draw_graph`) and
:mod:`~plankit.graph.export` (:func:`write_graph`), which register themselves as
:meth:`BasisGraph.draw` and :meth:`BasisGraph.write` (:mod:`plankit.views`) when this package
imports them, so the result never imports its outputs. Every public name is importable from here.
"""

from __future__ import annotations

from .build import build_graph, plan_node
from .draw import FONT, LEVEL_COLOURS, LEVEL_NAMES, ROLE_STYLES, SMALL, draw_graph
from .export import FORMATS, portable, write_graph
from .frames import edges_frame, nodes_frame
from .query import basis_chain, orphans, shared_bases
from .result import BasisGraph
from .schema import EDGE_FIELDS, LEVELS, NODE_FIELDS, UNKNOWN, VALIDITY_COLOURS

__all__ = [
    "EDGE_FIELDS",
    "FONT",
    "FORMATS",
    "LEVELS",
    "LEVEL_COLOURS",
    "LEVEL_NAMES",
    "NODE_FIELDS",
    "ROLE_STYLES",
    "SMALL",
    "UNKNOWN",
    "VALIDITY_COLOURS",
    "BasisGraph",
    "basis_chain",
    "build_graph",
    "draw_graph",
    "edges_frame",
    "nodes_frame",
    "orphans",
    "plan_node",
    "portable",
    "shared_bases",
    "write_graph",
]
