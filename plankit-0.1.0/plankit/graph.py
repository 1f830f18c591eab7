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
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from . import validity
from .places import slug
from .text import fold

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .model import Citation, Plan

__all__ = [
    "LEVELS",
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

#: Levels of the cascade, top to bottom as drawn. ``other`` holds documents whose issuer the
#: citation extractor could not place; it is drawn between the province and the departments.
LEVELS = ("central", "party", "province", "department", "district", "commune", "other")
_DRAW_ORDER = ("central", "party", "province", "other", "department", "district", "commune")

#: Validity of an edge whose citing plan carries no date and no year at all.
UNKNOWN = "unknown"

# Node attributes every node has, in table order (plans add their header fields after these).
NODE_FIELDS = ("kind", "label", "key", "doc_type", "level", "issuer", "scope", "date", "year",
               "in_corpus", "implicit")
EDGE_FIELDS = ("role", "implicit", "validity", "replaced_by", "raw", "span_start",
               "span_end", "sentence", "occurrences")

# A document number's type part, the label's prefix: "KH" in 261/KH-UBND, "NĐ" in 45/2020/NĐ-CP,
# "CTr" in 26-CTr/TU (party numbers put the type before the slash). Must not match a bare number.
_PARTY_TYPE = re.compile(r"^\d+[a-zA-Z]?-([^/]+)/")
_ADMIN_TYPE = re.compile(r"/([^/-]+)-[^/]+$")


# ---------------------------------------------------------------------------------------------
# building
# ---------------------------------------------------------------------------------------------
@lru_cache(maxsize=1 << 16)
def _norm(key: str) -> str:
    return "".join(fold(key).split())


def _type_abbr(key: str | None) -> str | None:
    if not key:
        return None
    m = _PARTY_TYPE.match(key) or _ADMIN_TYPE.search(key)
    return m.group(1) if m else None


def _plan_scope(plan: Plan) -> str | None:
    """The province a plan belongs to (:attr:`plankit.facts.PlanFacts.province`); ``None`` for a
    central body, whose numbers are national."""
    facts = plan.facts
    return facts.province.name if facts.province is not None and facts.level != "central" else None


def _issue_year(header: Any) -> int | None:
    """The year the plan was signed (its number's year), which may precede the plan year."""
    if header.date is not None:
        return header.date.year
    return header.date_parts.year or header.year


def _plan_label(header: Any, scope: str | None, name: str) -> str:
    ref = header.reference or name
    abbr = _type_abbr(ref) or "KH"
    where = " ".join(str(x) for x in (scope or header.place, header.year) if x)
    return f"{abbr} {ref} ({where})" if where else f"{abbr} {ref}"


def _doc_label(cite: Citation) -> str:
    abbr = _type_abbr(cite.key)
    text = f"{abbr} {cite.key}" if abbr else cite.key
    if "@" in cite.doc_id:  # a local number: say whose, and when unless the number says it
        year = None if cite.key.count("/") >= 2 else cite.year
        where = " ".join(str(x) for x in (cite.scope, year) if x)
        text = f"{text} ({where})"
    return text


def plan_node(plan: Plan, scope: str | None = None) -> str:
    """The node id of a corpus plan: ``<number>/<symbol>@<province>/<year of issue>``, the same
    form as :attr:`Citation.doc_id`, or ``plan:<source name>`` while the number is blank.

    >>> from plankit.model import Header, PartialDate, Plan, Source
    >>> h = Header(number="137", symbol="KH-SKHCN", place="Cần Thơ", year=2025,
    ...            date=dt.date(2025, 1, 21), date_parts=PartialDate(21, 1, 2025))
    >>> plan_node(Plan("", h, (), (), (), Source("can-tho/2025.txt")))
    '137/KH-SKHCN@can-tho/2025'
    >>> plan_node(Plan("", Header(symbol="KH-SKHCN", year=2022), (), (), (), Source("x.txt")))
    'plan:x.txt'
    """
    header = plan.header
    scope = scope or _plan_scope(plan)
    year = _issue_year(header)
    if header.number and header.symbol and plan.facts.level == "central":
        return header.reference  # a national number: the same id as its citations' doc_id
    if header.number and header.symbol and scope and year:
        return f"{header.number}/{header.symbol}@{slug(scope)}/{year}"
    return f"plan:{plan.name}"


def _plan_attrs(plan: Plan, scope: str | None) -> dict[str, Any]:
    h = plan.header
    return {
        "kind": "plan",
        "label": _plan_label(h, scope, plan.name),
        "key": h.reference,
        "doc_type": h.doc_type or "Kế hoạch",
        "level": plan.facts.level,
        "issuer": h.issuer,
        "scope": scope,
        "date": h.date,
        "year": h.year,
        "in_corpus": True,
        "implicit": False,
        "name": plan.name,
        "number": h.number,
        "symbol": h.symbol,
        "parent": h.parent,
        "place": h.place,
        "title": h.title,
    }


def _doc_attrs(cite: Citation) -> dict[str, Any]:
    return {
        "kind": "document",
        "label": _doc_label(cite),
        "key": cite.key,
        "doc_type": cite.doc_type,
        "level": cite.level or "other",
        "issuer": cite.issuer,
        "scope": cite.scope,
        "date": cite.date,
        "year": cite.year,
        "in_corpus": False,
        "implicit": cite.implicit,
        "subject": cite.subject,
    }


def _merge_doc(attrs: dict[str, Any], cite: Citation) -> None:
    """Fill blanks of a document node from another citation of the same document."""
    for name, value in _doc_attrs(cite).items():
        if name == "implicit":
            attrs["implicit"] = attrs["implicit"] and value
        elif name == "level":
            if attrs["level"] == "other" and value != "other":
                attrs["level"] = value
        elif attrs.get(name) is None and value is not None:
            attrs[name] = value


def _rank(cite: Citation) -> tuple[int, int, int]:
    """Which occurrence of a document in one plan speaks for the edge: basis, explicit, first."""
    return (cite.role != "basis", cite.implicit, cite.span.start)


def build_graph(plans: Iterable[Plan | str | os.PathLike[str]]) -> BasisGraph:
    """The legal-basis graph of a corpus of plans (or their files).

    Returns a :class:`BasisGraph`: a :class:`networkx.DiGraph` with a short repr, an HTML view
    and :meth:`~BasisGraph.to_frame`.

    Each plan contributes a ``plan`` node and one edge per cited document (several citations of
    one document in one plan make one edge: its ``role`` is ``basis`` if any is, its evidence is
    the first basis citation, ``occurrences`` counts them). Standards (``kind="standard"``) and
    the plan's own number (``role="self"``) make no edges; programme citations (``implicit``)
    do, marked ``implicit=True``. Paths are read with :func:`~plankit.read.read_plan`; no plan
    is changed.

    ``plans`` may hold any objects with ``header``, ``citations``, ``name`` and
    ``sentence_at(span)`` like :class:`~plankit.model.Plan`.

    Example (the bundled corpus; Cần Thơ 2025 rests on the city's plan 258/KH-UBND):

    >>> from plankit.model import Citation, Header, PartialDate, Plan, Source, Span
    >>> text = "Căn cứ Kế hoạch số 258/KH-UBND ngày 24/12/2024 của UBND thành phố Cần Thơ."
    >>> plan = Plan(text, Header(number="137", symbol="KH-SKHCN", place="Cần Thơ",
    ...             issuer="Sở Khoa học và Công nghệ", year=2025, date=dt.date(2025, 1, 21)),
    ...             (), (), (), Source("can-tho/2025.txt"))
    >>> plan.__dict__["citations"] = [Citation("258/KH-UBND", "Kế hoạch", "258", 2024, "KH-UBND",
    ...     date=dt.date(2024, 12, 24), scope="Cần Thơ", level="province", role="basis",
    ...     span=Span(7, 30))]
    >>> g = build_graph([plan])
    >>> list(g.edges(data="role"))
    [('137/KH-SKHCN@can-tho/2025', '258/KH-UBND@can-tho/2024', 'basis')]
    >>> g.nodes["258/KH-UBND@can-tho/2024"]["label"], g.nodes["137/KH-SKHCN@can-tho/2025"]["label"]
    ('KH 258/KH-UBND (Cần Thơ 2024)', 'KH 137/KH-SKHCN (Cần Thơ 2025)')
    """
    from .read import as_plan

    plans = [as_plan(p) for p in plans]
    graph = BasisGraph(name="plankit legal-basis graph")

    # 1. corpus plans, and an index to find them when another plan cites them
    by_full: dict[tuple[str, str | None, int | None], str] = {}
    by_year: dict[tuple[str, int], list[str]] = defaultdict(list)
    plan_ids: list[str] = []
    for plan in plans:
        scope = _plan_scope(plan)
        node = plan_node(plan, scope)
        if node in graph:  # the same plan twice (a .docx and its PDF): keep both, cite the first
            node = f"plan:{plan.name}"
            suffix = 2
            while node in graph:
                node, suffix = f"plan:{plan.name}#{suffix}", suffix + 1
        graph.add_node(node, **_plan_attrs(plan, scope))
        plan_ids.append(node)
        h = plan.header
        if h.number and h.symbol:
            key, year = _norm(h.reference), _issue_year(h)
            by_full.setdefault((key, slug(scope) if scope else None, year), node)
            if year is not None:
                by_year[(key, year)].append(node)

    def resolve(cite: Citation) -> str:
        key = _norm(cite.key)
        if cite.scope is not None:
            found = by_full.get((key, slug(cite.scope), cite.year))
            if found is not None:
                return found
        elif cite.year is not None and len(by_year.get((key, cite.year), ())) == 1:
            return by_year[(key, cite.year)][0]
        return cite.doc_id

    # 2. one edge per (plan, cited document)
    for plan, source in zip(plans, plan_ids, strict=True):
        on = plan.facts.latest
        groups: dict[str, list[Citation]] = defaultdict(list)
        for cite in plan.citations:
            if cite.kind == "standard" or cite.role == "self":
                continue
            target = resolve(cite)
            if target == source:  # "Kế hoạch này" and other ways a plan names itself
                continue
            groups[target].append(cite)
        for target, cites in groups.items():
            best = min(cites, key=_rank)
            if target not in graph:
                graph.add_node(target, **_doc_attrs(best))
            if graph.nodes[target]["kind"] == "document":
                for cite in cites:
                    _merge_doc(graph.nodes[target], cite)
            issued = next((c.date for c in cites if c.date is not None), None)
            if on is None:
                state, repl = UNKNOWN, None
            else:
                state = validity.status(best, on, issued=issued)
                found = validity.replaced_by(best.doc_id, on) if state == validity.REPLACED else None
                repl = found.replaced_by if found else None
            graph.add_edge(
                source,
                target,
                role="basis" if best.role == "basis" else "mention",
                implicit=all(c.implicit for c in cites),
                validity=state,
                replaced_by=repl,
                raw=best.raw,
                span_start=best.span.start,
                span_end=best.span.end,
                sentence=plan.sentence_at(best.span),
                occurrences=len(cites),
            )
    return graph


# ---------------------------------------------------------------------------------------------
# queries
# ---------------------------------------------------------------------------------------------
def _node_of(graph: nx.DiGraph, plan: Plan | str) -> str:
    if isinstance(plan, str):
        if plan not in graph:
            raise KeyError(f"{plan!r} is not a node of the graph")
        return plan
    for node, name in graph.nodes(data="name"):
        if name == plan.name and graph.nodes[node].get("kind") == "plan":
            return node
    raise KeyError(f"plan {plan.name!r} is not in the graph")


def basis_chain(graph: nx.DiGraph, plan: Plan | str) -> list[list[str]]:
    """Every path from ``plan`` up along ``basis`` edges, each as a list of node ids.

    A path ends where no basis edge leaves: at a cited document outside the corpus (usually a
    province plan such as ``261/KH-UBND``, since the province's own plan is rarely in the corpus)
    or at a central document. When a cited document is itself a corpus plan, the path goes on
    through that plan's basis edges, so a department plan reaches the central resolutions its
    province plan rests on as soon as that province plan is read too. Mentions are not followed.
    ``plan`` is a :class:`Plan` of the graph or a node id; a plan with no basis gives ``[]``.

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
    """The edges as a DataFrame: ``source``, ``target``, their labels, then the edge attributes.

    >>> g = nx.DiGraph(); g.add_edge("a", "b", role="basis")
    >>> edges_frame(g)[["source", "target", "role"]].values.tolist()
    [['a', 'b', 'basis']]
    """
    import pandas as pd

    rows = [
        {"source": s, "target": t, "source_label": graph.nodes[s].get("label", s),
         "target_label": graph.nodes[t].get("label", t), **data}
        for s, t, data in graph.edges(data=True)
    ]
    return pd.DataFrame(rows, columns=["source", "target", "source_label", "target_label", *EDGE_FIELDS])


# ---------------------------------------------------------------------------------------------
# the result
# ---------------------------------------------------------------------------------------------
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
        return draw_graph(self, ax, labels=labels)

    def write(self, path: str | os.PathLike[str], **options: Any) -> Path:
        """Write the graph to ``path`` (:func:`write_graph`; the extension picks the format)."""
        return write_graph(self, path, **options)

    def __repr__(self) -> str:
        c = self.counts()
        extra = [f"{c['basis']} basis"] if c["basis"] else []
        if c["replaced"]:
            extra.append(f"{c['replaced']} to replaced documents")
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
            + ")</p>"
        )
        rows = []
        edges = sorted(self.edges(data=True), key=lambda e: (str(e[0]), e[2].get("role") != "basis", str(e[1])))
        for s, t, d in edges[:_HTML_ROWS]:
            state = d.get("validity") or ""
            colour = VALIDITY_COLOURS.get(state, "#555555")
            repl = f" → {html.escape(str(d['replaced_by']))}" if d.get("replaced_by") else ""
            rows.append(
                f"<tr><td>{html.escape(str(self.nodes[s].get('label') or s))}</td>"
                f"<td>{html.escape(str(self.nodes[t].get('label') or t))}</td>"
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


# ---------------------------------------------------------------------------------------------
# exports
# ---------------------------------------------------------------------------------------------
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
    node-link data (``nodes`` and ``edges``); ``.png`` and ``.svg`` are :func:`draw_graph`
    (``dpi`` and ``labels`` apply to those). The file is written atomically; an existing file is
    an :class:`~plankit.errors.OutputExists` error unless ``force``.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> g = nx.DiGraph(); g.add_edge("a", "b", role="basis")
    >>> write_graph(g, out).name, nx.read_graphml(out).edges["a", "b"]["role"]
    ('g.graphml', 'basis')
    """
    from .errors import PlankitError
    from .output import write_with

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
                _release(fig)

    return write_with(target, writer, force=force)


# ---------------------------------------------------------------------------------------------
# drawing
# ---------------------------------------------------------------------------------------------
LEVEL_COLOURS = {
    "central": "#1f4e79",
    "party": "#b8860b",
    "province": "#2e8b57",
    "department": "#6a5acd",
    "other": "#8c8c8c",
}
LEVEL_NAMES = {
    "central": "Trung ương / central",
    "party": "Đảng / party",
    "province": "Tỉnh / province",
    "department": "Sở / department",
    "other": "Khác / other",
}
VALIDITY_COLOURS = {
    validity.VALID: "#555555",
    validity.REPLACED: "#d62728",
    validity.NOT_YET_ISSUED: "#ff7f0e",
    UNKNOWN: "#555555",
}
ROLE_STYLES = {"basis": "solid", "mention": "dashed", "implicit": "dotted"}
FONT = "DejaVu Sans"  # ships with matplotlib and has every Vietnamese glyph
SMALL = 60  # up to this many nodes every node is labelled


def _level_of(graph: nx.DiGraph, node: str) -> str:
    level = graph.nodes[node].get("level") or "other"
    return level if level in LEVELS else "other"


def _layout(graph: nx.DiGraph, per_row: int) -> tuple[dict[str, tuple[float, float]], dict[str, float], float]:
    """Layered positions: one band per level (wrapped into sub-rows of ``per_row``), nodes
    ordered within a band by the mean position of their neighbours to cut crossings."""
    bands: dict[str, list[str]] = {lv: [] for lv in _DRAW_ORDER}
    for node in graph.nodes:
        bands[_level_of(graph, node)].append(node)
    bands = {lv: nodes for lv, nodes in bands.items() if nodes}

    def key0(n: str) -> tuple:
        d = graph.nodes[n]
        return (d.get("scope") or "~", str(d.get("year") or ""), d.get("label") or n)

    order = {lv: sorted(nodes, key=key0) for lv, nodes in bands.items()}
    rank: dict[str, float] = {}

    def place(lv: str) -> None:
        nodes = order[lv]
        for i, n in enumerate(nodes):
            rank[n] = (i + 0.5) / len(nodes)

    for lv in order:
        place(lv)
    levels = list(order)
    for _ in range(3):  # barycentre sweeps: upwards by citing plans, downwards by cited documents
        for sweep, neighbours in ((levels[::-1], graph.predecessors), (levels, graph.successors)):
            for lv in sweep:
                def bary(n: str, nb=neighbours) -> float:
                    xs = [rank[m] for m in nb(n) if m in rank]
                    return sum(xs) / len(xs) if xs else rank[n]
                order[lv] = sorted(order[lv], key=lambda n, b=bary: (b(n), key0(n)))
                place(lv)

    width = max(min(len(v), per_row) for v in order.values())
    pos: dict[str, tuple[float, float]] = {}
    band_y: dict[str, float] = {}
    y = 0.0
    for lv, nodes in order.items():
        rows = math.ceil(len(nodes) / per_row)
        band_y[lv] = y - (rows - 1) * 0.45
        for r in range(rows):
            chunk = nodes[r * per_row:(r + 1) * per_row]
            for i, n in enumerate(chunk):
                # spread a short row over the full width; shift odd sub-rows by a quarter slot so
                # that edges from below do not run through the nodes above
                if r % 2:
                    x = (i + 0.75) * width / (len(chunk) + 0.5)
                else:
                    x = (i + 0.5) * width / len(chunk)
                pos[n] = (x, y - r * 0.9)
        y -= rows * 0.9 + 1.2
    return pos, band_y, float(width)


def _wanted_labels(graph: nx.DiGraph, labels: str | Iterable[str]) -> set[str]:
    if labels == "all":
        return set(graph.nodes)
    if labels == "none":
        return set()
    if labels == "auto":
        if graph.number_of_nodes() <= SMALL:
            return set(graph.nodes)
        return {n for n, d in graph.nodes(data=True) if d.get("kind") == "plan" or graph.in_degree(n) >= 2}
    if isinstance(labels, str):
        raise ValueError(f"labels must be 'auto', 'all', 'none' or node ids, not {labels!r}")
    return set(labels) & set(graph.nodes)


def _wrap_label(text: str) -> str:
    # "KH 261/KH-UBND (Cần Thơ 2021)" -> the number on one line, the place and year below
    text = re.sub(r"\bThành phố ", "TP. ", text)
    head, sep, tail = text.partition(" (")
    return f"{head}\n({tail}" if sep else text


def _new_figure(size: tuple[float, float]) -> Figure:
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


def _release(fig: Figure) -> None:
    """Forget a figure pyplot may hold (a no-op for a figure pyplot never saw)."""
    import sys

    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close(fig)


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
    >>> fig = draw_graph(g)
    >>> [round(v) for v in fig.get_size_inches()]
    [10, 6]
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch, Patch

    n = graph.number_of_nodes()
    small = n <= SMALL
    per_row = 10 if small else 30
    pos, band_y, width = _layout(graph, per_row) if n else ({}, {}, 1.0)
    slot = 1.45 if small else 0.72  # inches per node across
    ys = [y for _, y in pos.values()] or [0.0]
    depth = max(ys) - min(ys)
    # quarter inches are exact in binary, so the image is exactly size × dpi pixels
    fig_w = round(min(max(slot * width + 2.5, 10.0), 44.0) * 4) / 4
    fig_h = round(min(max(0.95 * depth + 3.0, 6.0), 40.0) * 4) / 4

    legend_columns = max(2, min(6, int(fig_w // 2.6)))
    legend_rows = math.ceil((len(_DRAW_ORDER) + 7) / legend_columns)
    if ax is None:
        fig = _new_figure((fig_w, fig_h))
        # room for the band names on the left, the legend below and the title above
        left, bottom, top = 1.9 / fig_w, (0.45 + 0.2 * legend_rows) / fig_h, 0.9 / fig_h
        ax = fig.add_axes((left, bottom, 0.99 - left, 1 - bottom - top))
        own_figure = True
    else:
        fig, own_figure = ax.figure, False
    ax.set_axis_off()
    marker_size = 260 if small else 70
    radius = math.sqrt(marker_size) / 2

    replaced_targets = {t for _, t, d in graph.edges(data=True) if d.get("validity") == validity.REPLACED}

    # edges under the nodes
    for s, t, d in graph.edges(data=True):
        style = "implicit" if d.get("implicit") else d.get("role", "mention")
        colour = VALIDITY_COLOURS.get(d.get("validity"), "#555555")
        emphasised = d.get("validity") in (validity.REPLACED, validity.NOT_YET_ISSUED)
        ax.add_patch(FancyArrowPatch(
            pos[s], pos[t], arrowstyle="-|>", mutation_scale=9 if small else 6,
            shrinkA=radius + 1, shrinkB=radius + 1, connectionstyle="arc3,rad=0.06",
            linestyle=ROLE_STYLES.get(style, "dashed"), color=colour,
            linewidth=(1.8 if emphasised else 1.1) if small else (1.2 if emphasised else 0.5),
            alpha=0.9 if (small or emphasised) else 0.45, zorder=1,
        ))

    # nodes by level, kind and whether replaced
    groups: dict[tuple[str, str, bool], list[str]] = defaultdict(list)
    for node, d in graph.nodes(data=True):
        groups[(_level_of(graph, node), d.get("kind", "document"), node in replaced_targets)].append(node)
    for (level, kind, replaced), nodes in sorted(groups.items()):
        xs, yv = zip(*(pos[v] for v in nodes), strict=True)
        ax.scatter(
            xs, yv, s=marker_size * (1.25 if kind == "plan" else 1.0), marker="s" if kind == "plan" else "o",
            c=LEVEL_COLOURS[level], edgecolors=VALIDITY_COLOURS[validity.REPLACED] if replaced else "white",
            linewidths=1.6 if replaced else 0.8, hatch="////" if replaced else None, zorder=3,
        )

    # labels below the nodes; in a crowded row every other label drops a line to make room
    size = 7.5 if small else 6.0
    wanted = _wanted_labels(graph, labels)
    rows: dict[float, list[str]] = defaultdict(list)
    for node in wanted:
        rows[pos[node][1]].append(node)
    for y, nodes in rows.items():
        crowded = len(nodes) * (1.0 if small else 1.5) > width * slot / (1.45 if small else 1.0)
        for i, node in enumerate(sorted(nodes, key=lambda v: pos[v][0])):
            d = graph.nodes[node]
            text = _wrap_label(str(d.get("label") or node))
            offset = 0.2 + (0.3 if crowded and i % 2 else 0.0)
            ax.text(pos[node][0], y - offset, text, ha="center", va="top", fontsize=size, fontfamily=FONT,
                    fontweight="bold" if d.get("kind") == "plan" else "normal", zorder=4,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})

    # band names on the left
    for level, y in band_y.items():
        ax.annotate(LEVEL_NAMES[level], (0, y), xycoords=ax.get_yaxis_transform(), xytext=(-6, 0),
                    textcoords="offset points", ha="right", va="center", fontsize=9, fontfamily=FONT,
                    color=LEVEL_COLOURS[level], fontweight="bold", annotation_clip=False)

    ax.set_xlim(-0.1, width + 0.1)
    if pos:
        ax.set_ylim(min(ys) - 1.0, max(ys) + 0.5)

    present = [lv for lv in _DRAW_ORDER if lv in band_y]
    handles = [Patch(color=LEVEL_COLOURS[lv], label=LEVEL_NAMES[lv]) for lv in present]
    handles += [
        Line2D([], [], marker="s", ls="none", color="#444444", label="kế hoạch trong bộ / corpus plan"),
        Line2D([], [], marker="o", ls="none", color="#444444", label="văn bản được dẫn / cited document"),
        Line2D([], [], ls="solid", color="#555555", label="căn cứ / basis"),
        Line2D([], [], ls="dashed", color="#555555", label="nhắc đến / mention"),
        Line2D([], [], ls="dotted", color="#555555", label="chương trình (ngầm) / implicit"),
        Line2D([], [], ls="solid", lw=2, color=VALIDITY_COLOURS[validity.REPLACED],
               label="đã bị thay thế / replaced"),
        Line2D([], [], ls="solid", lw=2, color=VALIDITY_COLOURS[validity.NOT_YET_ISSUED],
               label="chưa ban hành / not yet issued"),
    ]
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
