"""Questions to the legal-basis graph: basis chains, documents many plans share, orphan plans.

Each takes a :class:`~plankit.graph.BasisGraph` or any :class:`networkx.DiGraph` with the same
node and edge attributes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Plan

__all__ = ["basis_chain", "orphans", "shared_bases"]


def _node_of(graph: nx.DiGraph, plan: Plan | str) -> str:
    if isinstance(plan, str):
        if plan not in graph:
            raise KeyError(f"{plan!r} is not a node of the graph")
        return plan
    for node, data in graph.nodes(data=True):
        # a plan's node, or the node of the copy that speaks for it (its .docx for its PDF)
        if data.get("kind") == "plan" and (data.get("name") == plan.name or plan.name in (data.get("copies") or ())):
            return node
    raise KeyError(f"plan {plan.name!r} is not in the graph")


def basis_chain(graph: nx.DiGraph, plan: Plan | str) -> list[list[str]]:
    """Every path from ``plan`` up along ``basis`` edges, each as a list of node ids.

    A path ends where no basis edge leaves: at a cited document outside the corpus (usually a
    province plan such as ``261/KH-UBND``, since the province's own plan is rarely in the corpus)
    or at a central document. When a cited document is itself a corpus plan, the path goes on
    through that plan's basis edges, so a department plan reaches the central resolutions its
    province plan rests on as soon as that province plan is read too. Mentions are not followed.
    ``plan`` is a :class:`Plan` of the graph (or a further copy of one, :func:`build_graph` keeps
    one node per plan) or a node id; a plan with no basis gives ``[]``.

    >>> g = nx.DiGraph()
    >>> g.add_edge("dept", "prov", role="basis"); g.add_edge("prov", "76/NQ-CP", role="basis")
    >>> g.add_edge("prov", "23/CT-TTg", role="mention")
    >>> basis_chain(g, "dept")
    [['dept', 'prov', '76/NQ-CP']]
    """
    start = _node_of(graph, plan)
    chains: list[list[str]] = []
    stack = [[start]]
    while stack:
        path = stack.pop()
        ahead = sorted(
            (t for t in graph.successors(path[-1])
             if graph.edges[path[-1], t].get("role") == "basis" and t not in path),
            reverse=True,
        )
        if not ahead:
            if len(path) > 1:
                chains.append(path)
            continue
        stack.extend([*path, t] for t in ahead)
    return chains


def shared_bases(
    graph: nx.DiGraph, *, role: str | None = None, implicit: bool = False, min_plans: int = 2
) -> dict[str, list[str]]:
    """Documents cited by ``min_plans`` or more corpus plans, most cited first.

    ``role`` keeps only ``basis`` (or ``mention``) edges; by default both count. Programme
    citations ("Chương trình tổng thể ...") count only with ``implicit=True``. On the bundled
    corpus ``76/NQ-CP`` is cited by number by Hưng Yên 2022 and Cần Thơ 2025.

    >>> g = nx.DiGraph()
    >>> g.add_node("a", kind="plan"); g.add_node("b", kind="plan")
    >>> g.add_edge("a", "76/NQ-CP", role="mention", implicit=False)
    >>> g.add_edge("b", "76/NQ-CP", role="mention", implicit=False)
    >>> g.add_edge("b", "23/CT-TTg", role="mention", implicit=False)
    >>> shared_bases(g)
    {'76/NQ-CP': ['a', 'b']}
    """
    out: dict[str, list[str]] = {}
    for node in graph.nodes:
        citing = sorted(
            src for src, _, data in graph.in_edges(node, data=True)
            if graph.nodes[src].get("kind") == "plan"
            and (role is None or data.get("role") == role)
            and (implicit or not data.get("implicit"))
        )
        if len(citing) >= min_plans:
            out[node] = citing
    return dict(sorted(out.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def orphans(graph: nx.DiGraph) -> list[str]:
    """Corpus plans below the province with no basis edge to a province-level document.

    A department plan normally implements its province's plan of the same year; one whose
    preamble cites no provincial document (or has no preamble) is an orphan. Plans of a province,
    the party or the centre are never orphans here.

    >>> g = nx.DiGraph()
    >>> g.add_node("a", kind="plan", level="department"); g.add_node("b", kind="plan", level="department")
    >>> g.add_node("p", kind="document", level="province")
    >>> g.add_edge("a", "p", role="basis"); g.add_edge("b", "p", role="mention")
    >>> orphans(g)
    ['b']
    """
    out = []
    for node, data in graph.nodes(data=True):
        if data.get("kind") != "plan" or data.get("level") in ("central", "party", "province"):
            continue
        if not any(
            d.get("role") == "basis" and graph.nodes[t].get("level") == "province"
            for _, t, d in graph.out_edges(node, data=True)
        ):
            out.append(node)
    return sorted(out)
