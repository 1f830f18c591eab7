"""The legal-basis graph: exact edges on the bundled plans, queries, exports, drawing, CLI.

Hand-made plans (real Vietnamese sentences, citations built by hand) test the rules one at a
time; the bundled corpus tests the whole chain read_plan -> extract_citations -> build_graph.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plankit.graph import (
    basis_chain,
    build_graph,
    draw_graph,
    edges_frame,
    nodes_frame,
    orphans,
    plan_node,
    portable,
    shared_bases,
    write_graph,
)
from plankit.model import Citation, Header, PartialDate, Plan, Source, Span

# ---------------------------------------------------------------------------------------------
# hand-made plans
# ---------------------------------------------------------------------------------------------


def make_plan(name: str, text: str, header: Header, citations: list[Citation]) -> Plan:
    plan = Plan(text, header, (), (), (), Source(name))
    plan.__dict__["citations"] = citations  # what extract_citations would have found
    return plan


def cite_in(text: str, surface: str, key: str, **fields) -> Citation:
    """A citation of ``key`` at the first occurrence of ``surface`` in ``text``."""
    start = text.index(surface)
    number, _, symbol = key.rpartition("/")
    parts = key.split("/")
    year = int(parts[1]) if len(parts) == 3 else fields.pop("year", None)
    fields.setdefault("doc_type", None)
    return Citation(key, fields.pop("doc_type"), number.split("/")[0], year, symbol,
                    span=Span(start, start + len(surface)), raw=surface, **fields)


CT22 = (
    "Căn cứ Kế hoạch số 261/KH-UBND ngày 29 tháng 12 năm 2021 của Ủy ban nhân dân thành phố Cần "
    "Thơ về công tác thông tin, tuyên truyền cải cách hành chính năm 2022, Sở Khoa học và Công "
    "nghệ xây dựng Kế hoạch như sau:\n"
    "4. Kết quả triển khai thực hiện Chương trình tổng thể CCHC nhà nước giai đoạn 2021 – 2030.\n"
    "5. Việc thực hiện TTHC trên môi trường điện tử theo Nghị định số 45/2020/NĐ-CP ngày 08 "
    "tháng 4 năm 2020 của Chính phủ.\n"
    "Áp dụng hệ thống quản lý chất lượng theo TCVN ISO 9001:2015.\n"
)
CT22_HEADER = Header(doc_type="Kế hoạch", symbol="KH-SKHCN", issuer="Sở Khoa học và Công nghệ",
                     parent="UBND thành phố Cần Thơ", place="Cần Thơ",
                     date_parts=PartialDate(None, None, 2022), year=2022)
CT22_CITES = [
    cite_in(CT22, "Kế hoạch số 261/KH-UBND", "261/KH-UBND", year=2021, doc_type="Kế hoạch",
            date=dt.date(2021, 12, 29), scope="Cần Thơ", level="province", role="basis",
            issuer="UBND thành phố Cần Thơ"),
    cite_in(CT22, "Chương trình tổng thể CCHC nhà nước giai đoạn 2021 – 2030", "76/NQ-CP", year=2021,
            doc_type="Nghị quyết", level="central", implicit=True),
    cite_in(CT22, "Nghị định số 45/2020/NĐ-CP", "45/2020/NĐ-CP", doc_type="Nghị định",
            date=dt.date(2020, 4, 8), level="central", issuer="Chính phủ"),
    cite_in(CT22, "TCVN ISO 9001:2015", "TCVN ISO 9001:2015", kind="standard", year=2015),
]

HY22 = (
    "Thực hiện Quyết định 161/QĐ-UBND ngày 19/01/2022 của UBND tỉnh Hưng Yên về việc ban hành "
    "Kế hoạch truyền thông về hoạt động kiểm soát TTHC năm 2022;\n"
    "a. Đẩy mạnh công tác tuyên truyền các văn bản của Trung ương như: Nghị quyết số 76/NQ-CP "
    "ngày 15/7/2021 của Chính phủ về ban hành Chương trình tổng thể CCHC nhà nước giai đoạn "
    "2021-2030; Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ.\n"
)
HY22_HEADER = Header(doc_type="Kế hoạch", symbol="KH-SKH-CN", issuer="Sở Khoa học và Công nghệ",
                     parent="UBND tỉnh Hưng Yên", place="Hưng Yên",
                     date_parts=PartialDate(None, 1, 2022), year=2022)
HY22_CITES = [
    cite_in(HY22, "Quyết định 161/QĐ-UBND", "161/QĐ-UBND", year=2022, doc_type="Quyết định",
            date=dt.date(2022, 1, 19), scope="Hưng Yên", level="province", role="basis"),
    cite_in(HY22, "Nghị quyết số 76/NQ-CP", "76/NQ-CP", year=2021, doc_type="Nghị quyết",
            date=dt.date(2021, 7, 15), level="central", issuer="Chính phủ"),
    cite_in(HY22, "Chương trình tổng thể CCHC nhà nước giai đoạn 2021-2030", "76/NQ-CP", year=2021,
            doc_type="Nghị quyết", level="central", implicit=True),
    cite_in(HY22, "Chỉ thị số 23/CT-TTg", "23/CT-TTg", year=2021, doc_type="Chỉ thị",
            date=dt.date(2021, 9, 2), level="central"),
]

# A 2026 draft copied from an old plan: it still cites the one-stop-shop decree 61/2018/NĐ-CP,
# replaced by 118/2025/NĐ-CP from 2025-07-01.
CT26 = (
    "Số: 15/KH-SKHCN\n"
    "Căn cứ Kế hoạch số 137/KH-SKHCN ngày 21 tháng 01 năm 2025 của Sở Khoa học và Công nghệ;\n"
    "Tình hình thực hiện cơ chế một cửa theo Nghị định số 61/2018/NĐ-CP của Chính phủ.\n"
)
CT26_HEADER = Header(doc_type="Kế hoạch", number="15", symbol="KH-SKHCN",
                     issuer="Sở Khoa học và Công nghệ", place="Cần Thơ",
                     date=dt.date(2026, 1, 12), date_parts=PartialDate(12, 1, 2026), year=2026)
CT26_CITES = [
    cite_in(CT26, "15/KH-SKHCN", "15/KH-SKHCN", year=2026, scope="Cần Thơ", level="department",
            role="self"),
    cite_in(CT26, "Kế hoạch số 137/KH-SKHCN", "137/KH-SKHCN", year=2025, doc_type="Kế hoạch",
            date=dt.date(2025, 1, 21), scope="Cần Thơ", level="department", role="basis"),
    cite_in(CT26, "Nghị định số 61/2018/NĐ-CP", "61/2018/NĐ-CP", doc_type="Nghị định",
            level="central"),
]
CT25_TEXT = "Căn cứ Kế hoạch số 258/KH-UBND ngày 24 tháng 12 năm 2024 của UBND thành phố.\n"
CT25_HEADER = Header(doc_type="Kế hoạch", number="137", symbol="KH-SKHCN",
                     issuer="Sở Khoa học và Công nghệ", parent="UBND thành phố Cần Thơ",
                     place="Cần Thơ", date=dt.date(2025, 1, 21), date_parts=PartialDate(21, 1, 2025),
                     year=2025)
CT25_CITES = [
    cite_in(CT25_TEXT, "Kế hoạch số 258/KH-UBND", "258/KH-UBND", year=2024, doc_type="Kế hoạch",
            date=dt.date(2024, 12, 24), scope="Cần Thơ", level="province", role="basis"),
]


@pytest.fixture(scope="module")
def small():
    return [
        make_plan("can-tho/2022.txt", CT22, CT22_HEADER, CT22_CITES),
        make_plan("hung-yen/2022.md", HY22, HY22_HEADER, HY22_CITES),
        make_plan("can-tho/2025.txt", CT25_TEXT, CT25_HEADER, CT25_CITES),
        make_plan("can-tho/2026.txt", CT26, CT26_HEADER, CT26_CITES),
    ]


@pytest.fixture(scope="module")
def small_graph(small):
    return build_graph(small)


def test_nodes_of_the_hand_made_corpus(small_graph):
    assert sorted(small_graph.nodes) == [
        "137/KH-SKHCN@can-tho/2025",
        "15/KH-SKHCN@can-tho/2026",
        "161/QĐ-UBND@hung-yen/2022",
        "23/CT-TTg",
        "258/KH-UBND@can-tho/2024",
        "261/KH-UBND@can-tho/2021",
        "45/2020/NĐ-CP",
        "61/2018/NĐ-CP",
        "76/NQ-CP",
        "plan:can-tho/2022.txt",
        "plan:hung-yen/2022.md",
    ]
    kinds = {n: d["kind"] for n, d in small_graph.nodes(data=True)}
    assert [n for n, k in kinds.items() if k == "plan"] == [
        "plan:can-tho/2022.txt", "plan:hung-yen/2022.md", "137/KH-SKHCN@can-tho/2025",
        "15/KH-SKHCN@can-tho/2026",
    ]


def test_a_cited_corpus_plan_is_one_node(small_graph):
    node = small_graph.nodes["137/KH-SKHCN@can-tho/2025"]
    assert (node["kind"], node["in_corpus"], node["label"]) == ("plan", True, "KH 137/KH-SKHCN (Cần Thơ 2025)")
    assert list(small_graph.predecessors("137/KH-SKHCN@can-tho/2025")) == ["15/KH-SKHCN@can-tho/2026"]


@pytest.mark.parametrize(
    ("source", "target", "role", "implicit", "valid"),
    [
        ("plan:can-tho/2022.txt", "261/KH-UBND@can-tho/2021", "basis", False, "valid"),
        ("plan:can-tho/2022.txt", "76/NQ-CP", "mention", True, "valid"),
        ("plan:can-tho/2022.txt", "45/2020/NĐ-CP", "mention", False, "valid"),
        ("plan:hung-yen/2022.md", "161/QĐ-UBND@hung-yen/2022", "basis", False, "valid"),
        ("plan:hung-yen/2022.md", "76/NQ-CP", "mention", False, "valid"),
        ("plan:hung-yen/2022.md", "23/CT-TTg", "mention", False, "valid"),
        ("137/KH-SKHCN@can-tho/2025", "258/KH-UBND@can-tho/2024", "basis", False, "valid"),
        ("15/KH-SKHCN@can-tho/2026", "137/KH-SKHCN@can-tho/2025", "basis", False, "valid"),
        ("15/KH-SKHCN@can-tho/2026", "61/2018/NĐ-CP", "mention", False, "replaced"),
    ],
)
def test_edges_of_the_hand_made_corpus(small_graph, source, target, role, implicit, valid):
    edge = small_graph.edges[source, target]
    assert (edge["role"], edge["implicit"], edge["validity"]) == (role, implicit, valid)


def test_edge_count_skips_self_and_standards(small_graph):
    # 3 + 3 + 1 + 2: the 2026 plan's own number and the ISO standard make no edge
    assert small_graph.number_of_edges() == 9
    assert not any(s == t for s, t in small_graph.edges)
    assert "TCVN ISO 9001:2015" not in small_graph


def test_two_citations_of_one_document_make_one_edge_with_the_explicit_evidence(small_graph):
    edge = small_graph.edges["plan:hung-yen/2022.md", "76/NQ-CP"]
    assert edge["occurrences"] == 2
    assert edge["implicit"] is False
    assert edge["raw"] == "Nghị quyết số 76/NQ-CP"
    assert (edge["span_start"], edge["span_end"]) == (HY22.index("Nghị quyết số 76"),
                                                      HY22.index("Nghị quyết số 76") + 22)
    assert edge["sentence"].startswith("Đẩy mạnh công tác tuyên truyền các văn bản của Trung ương")


def test_evidence_is_the_sentence_of_the_basis(small_graph):
    edge = small_graph.edges["plan:can-tho/2022.txt", "261/KH-UBND@can-tho/2021"]
    assert edge["sentence"] == CT22.splitlines()[0]
    assert CT22[edge["span_start"]:edge["span_end"]] == "Kế hoạch số 261/KH-UBND"


def test_replaced_edge_names_the_successor(small_graph):
    edge = small_graph.edges["15/KH-SKHCN@can-tho/2026", "61/2018/NĐ-CP"]
    assert (edge["validity"], edge["replaced_by"]) == ("replaced", "118/2025/NĐ-CP")


def test_the_same_citation_in_january_2025_is_valid():
    text = "Theo Nghị định số 61/2018/NĐ-CP của Chính phủ.\n"
    plan = make_plan("x.txt", text, CT25_HEADER, [
        cite_in(text, "Nghị định số 61/2018/NĐ-CP", "61/2018/NĐ-CP", level="central")])
    edge = build_graph([plan]).edges["137/KH-SKHCN@can-tho/2025", "61/2018/NĐ-CP"]
    assert (edge["validity"], edge["replaced_by"]) == ("valid", None)


def test_a_basis_dated_after_the_plan_is_not_yet_issued():
    header = Header(number="3", symbol="KH-SKHCN", place="Cần Thơ", issuer="Sở Khoa học và Công nghệ",
                    date=dt.date(2024, 12, 20), date_parts=PartialDate(20, 12, 2024), year=2025)
    plan = make_plan("early.txt", CT25_TEXT, header, CT25_CITES)
    edge = build_graph([plan]).edges["3/KH-SKHCN@can-tho/2024", "258/KH-UBND@can-tho/2024"]
    assert edge["validity"] == "not-yet-issued"


def test_a_draft_with_a_blank_day_is_judged_at_the_end_of_its_month(small_graph):
    # Hưng Yên: "ngày    /01/2022" cites a decision of 19/01/2022: not "not yet issued"
    edge = small_graph.edges["plan:hung-yen/2022.md", "161/QĐ-UBND@hung-yen/2022"]
    assert edge["validity"] == "valid"


def test_an_undated_plan_gives_unknown_validity():
    text = "Theo Nghị định số 61/2018/NĐ-CP.\n"
    plan = make_plan("x.txt", text, Header(symbol="KH-SCT"), [
        cite_in(text, "Nghị định số 61/2018/NĐ-CP", "61/2018/NĐ-CP", level="central")])
    graph = build_graph([plan])
    assert [d["validity"] for _, _, d in graph.edges(data=True)] == ["unknown"]


def test_a_citation_without_scope_matches_a_corpus_plan_by_number_and_year():
    text = "Căn cứ Kế hoạch số 137/KH-SKHCN năm 2025.\n"
    later = make_plan("later.txt", text, CT26_HEADER, [
        cite_in(text, "Kế hoạch số 137/KH-SKHCN", "137/KH-SKHCN", year=2025, role="basis")])
    earlier = make_plan("can-tho/2025.txt", CT25_TEXT, CT25_HEADER, CT25_CITES)
    graph = build_graph([later, earlier])
    assert graph.has_edge("15/KH-SKHCN@can-tho/2026", "137/KH-SKHCN@can-tho/2025")
    assert graph.number_of_nodes() == 3


def test_the_same_number_of_another_province_is_another_document():
    text = "Căn cứ Kế hoạch số 137/KH-SKHCN ngày 05/01/2025 của Sở Khoa học và Công nghệ Hưng Yên.\n"
    other = make_plan("hy.txt", text, CT26_HEADER, [
        cite_in(text, "Kế hoạch số 137/KH-SKHCN", "137/KH-SKHCN", year=2025, scope="Hưng Yên",
                level="department", role="basis")])
    earlier = make_plan("can-tho/2025.txt", CT25_TEXT, CT25_HEADER, CT25_CITES)
    graph = build_graph([other, earlier])
    assert list(graph.successors("15/KH-SKHCN@can-tho/2026")) == ["137/KH-SKHCN@hung-yen/2025"]
    assert graph.nodes["137/KH-SKHCN@hung-yen/2025"]["kind"] == "document"


def _edges(graph) -> set[tuple[str, str, str]]:
    return {(s, t, d["role"]) for s, t, d in graph.edges(data=True)}


def test_the_same_plan_read_twice_is_one_node():
    """A folder holding a plan's .docx, its PDF and a text export: one node, whose ``copies``
    name the further files, and the edges of one reading."""
    a = make_plan("can-tho/2025.docx", CT25_TEXT, CT25_HEADER, CT25_CITES)
    b = make_plan("can-tho/2025.pdf", CT25_TEXT, CT25_HEADER, CT25_CITES)
    c = make_plan("can-tho/2025.txt", CT25_TEXT.replace(" ", "\n"), CT25_HEADER, CT25_CITES)
    graph = build_graph([a, b, c])
    assert [n for n, k in graph.nodes(data="kind") if k == "plan"] == ["137/KH-SKHCN@can-tho/2025"]
    assert graph.nodes["137/KH-SKHCN@can-tho/2025"]["copies"] == ("can-tho/2025.pdf", "can-tho/2025.txt")
    assert _edges(graph) == _edges(build_graph([a]))
    assert graph.nodes["137/KH-SKHCN@can-tho/2025"]["name"] == "can-tho/2025.docx"
    assert basis_chain(graph, b) == basis_chain(graph, a) == [["137/KH-SKHCN@can-tho/2025", "258/KH-UBND@can-tho/2024"]]


def test_the_copy_whose_header_was_read_speaks_for_the_plan():
    """A PDF whose header lines ran together reads no number: the same words make it a copy
    of the .docx that reads 137/KH-SKHCN, which speaks for both, whichever comes first."""
    blank = Header(doc_type="Kế hoạch", year=2025)
    pdf = make_plan("can-tho/2025.pdf", CT25_TEXT, blank, CT25_CITES[1:])
    docx = make_plan("can-tho/2025.docx", CT25_TEXT, CT25_HEADER, CT25_CITES)
    for order in ([pdf, docx], [docx, pdf]):
        graph = build_graph(order)
        assert [n for n, k in graph.nodes(data="kind") if k == "plan"] == ["137/KH-SKHCN@can-tho/2025"]
        assert graph.nodes["137/KH-SKHCN@can-tho/2025"]["name"] == "can-tho/2025.docx"
        assert _edges(graph) == _edges(build_graph([docx]))


@pytest.mark.parametrize(("second_text", "second_header", "plans"), [
    # the same number and header, other words: a number slip in another plan, two documents
    ("Căn cứ Quyết định số 12/QĐ-UBND ngày 02/01/2025 của UBND thành phố Cần Thơ.\n",
     Header(doc_type="Kế hoạch", number="137", symbol="KH-SKHCN", issuer="Sở Khoa học và Công nghệ",
            place="Cần Thơ", date=dt.date(2025, 1, 21), year=2025, title="Chuyển đổi số năm 2025"),
     ["137/KH-SKHCN@can-tho/2025", "plan:b.txt"]),
    # the same words under another number: two plans built alike, two documents
    (CT25_TEXT, Header(doc_type="Kế hoạch", number="138", symbol="KH-SKHCN", place="Cần Thơ",
                       issuer="Sở Khoa học và Công nghệ", date=dt.date(2025, 1, 21), year=2025),
     ["137/KH-SKHCN@can-tho/2025", "138/KH-SKHCN@can-tho/2025"]),
])
def test_plans_alike_are_not_copies(second_text, second_header, plans):
    a = make_plan("a.txt", CT25_TEXT, CT25_HEADER, CT25_CITES)
    b = make_plan("b.txt", second_text, second_header, [])
    graph = build_graph([a, b])
    assert sorted(n for n, k in graph.nodes(data="kind") if k == "plan") == plans
    assert all(d["copies"] == () for _, d in graph.nodes(data=True) if d["kind"] == "plan")


def test_build_graph_does_not_change_its_plans(small):
    before = [(p.header, list(p.citations)) for p in small]
    build_graph(small)
    assert [(p.header, list(p.citations)) for p in small] == before


def test_plan_node_ids():
    assert plan_node(make_plan("a.txt", "", CT25_HEADER, [])) == "137/KH-SKHCN@can-tho/2025"
    assert plan_node(make_plan("b/c.txt", "", CT22_HEADER, [])) == "plan:b/c.txt"


# ---------------------------------------------------------------------------------------------
# queries and tables
# ---------------------------------------------------------------------------------------------


def test_basis_chain_goes_on_through_a_corpus_plan(small_graph, small):
    assert basis_chain(small_graph, small[3]) == [
        ["15/KH-SKHCN@can-tho/2026", "137/KH-SKHCN@can-tho/2025", "258/KH-UBND@can-tho/2024"]]
    assert basis_chain(small_graph, "plan:can-tho/2022.txt") == [
        ["plan:can-tho/2022.txt", "261/KH-UBND@can-tho/2021"]]
    assert basis_chain(small_graph, "76/NQ-CP") == []


def test_basis_chain_lists_every_path_and_survives_a_cycle():
    g = nx.DiGraph()
    for s, t in [("d", "p1"), ("d", "p2"), ("p1", "76/NQ-CP"), ("p2", "76/NQ-CP"), ("p2", "d")]:
        g.add_edge(s, t, role="basis")
    assert basis_chain(g, "d") == [["d", "p1", "76/NQ-CP"], ["d", "p2", "76/NQ-CP"]]


def test_basis_chain_of_an_unknown_plan():
    with pytest.raises(KeyError):
        basis_chain(nx.DiGraph(), "nope")


def test_shared_bases(small_graph):
    assert shared_bases(small_graph) == {}
    assert shared_bases(small_graph, implicit=True) == {
        "76/NQ-CP": ["plan:can-tho/2022.txt", "plan:hung-yen/2022.md"]}
    assert shared_bases(small_graph, role="basis", implicit=True) == {}


def test_orphans(small_graph):
    # the 2026 draft rests on the department's own 2025 plan, not on a provincial document
    assert orphans(small_graph) == ["15/KH-SKHCN@can-tho/2026"]


def test_frames(small_graph):
    nodes = nodes_frame(small_graph)
    assert len(nodes) == 11
    row = nodes.set_index("id").loc["76/NQ-CP"]
    assert (row["label"], row["level"], row["in_degree"]) == ("NQ 76/NQ-CP", "central", 2)
    edges = edges_frame(small_graph)
    assert len(edges) == 9
    assert edges.loc[edges.validity == "replaced", "target_label"].tolist() == ["NĐ 61/2018/NĐ-CP"]
    assert list(nodes.columns[:4]) == ["id", "kind", "label", "title"]
    assert list(edges.columns[:5]) == ["source", "target", "source_label", "target_label", "target_title"]


# ---------------------------------------------------------------------------------------------
# exports
# ---------------------------------------------------------------------------------------------


def _same_attributes(expected: nx.DiGraph, got: nx.DiGraph, drop_edge: tuple[str, ...] = ()) -> None:
    assert sorted(got.nodes) == sorted(expected.nodes)
    assert sorted(got.edges) == sorted(expected.edges)
    for node, data in expected.nodes(data=True):
        assert got.nodes[node] == data, node
    for s, t, data in expected.edges(data=True):
        assert {k: v for k, v in got.edges[s, t].items() if k not in drop_edge} == data, (s, t)


@pytest.mark.parametrize("ext", [".graphml", ".gexf", ".json"])
def test_exports_round_trip_with_attributes_intact(small_graph, tmp_path, ext):
    path = write_graph(small_graph, tmp_path / f"g{ext}")
    if ext == ".graphml":
        got = nx.read_graphml(path)
    elif ext == ".gexf":
        got = nx.read_gexf(path)
    else:
        got = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
    expected = portable(small_graph)
    # GEXF numbers its edges; nothing else is added
    _same_attributes(expected, got, drop_edge=("id",) if ext == ".gexf" else ())
    node = got.nodes["261/KH-UBND@can-tho/2021"]
    assert (node["date"], node["year"], node["issuer"], node["in_corpus"]) == (
        "2021-12-29", "2021", "UBND thành phố Cần Thơ", False)
    edge = got.edges["15/KH-SKHCN@can-tho/2026", "61/2018/NĐ-CP"]
    assert (edge["validity"], edge["replaced_by"], edge["span_start"]) == (
        "replaced", "118/2025/NĐ-CP", CT26.index("Nghị định số 61"))


def test_portable_values():
    g = nx.DiGraph()
    g.add_node("a", date=dt.date(2025, 7, 1), year=None, tags=("x", "y"), ok=True, n=2,
               text="trang 1\x0ctrang 2\r\n")
    assert portable(g).nodes["a"] == {"date": "2025-07-01", "year": "", "tags": "x; y", "ok": True,
                                      "n": 2, "text": "trang 1 trang 2\n"}


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40), st.dates(), st.one_of(st.none(), st.integers(1900, 2100)))
def test_graphml_round_trip_of_any_text(tmp_path_factory, text, day, year):
    g = nx.DiGraph()
    g.add_node("p", kind="plan", label=text, date=day, year=year)
    g.add_edge("p", text or "x", role="basis", sentence=text, span_start=0)
    path = tmp_path_factory.mktemp("rt") / "g.graphml"
    write_graph(g, path, force=True)
    _same_attributes(portable(g), nx.read_graphml(path))


def test_write_graph_refuses_to_overwrite(small_graph, tmp_path):
    from plankit.errors import OutputExists, PlankitError

    path = write_graph(small_graph, tmp_path / "g.json")
    with pytest.raises(OutputExists):
        write_graph(small_graph, path)
    write_graph(small_graph, path, force=True)
    with pytest.raises(PlankitError, match="unsupported format"):
        write_graph(small_graph, tmp_path / "g.dot")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.json"]  # no temporary file left


# ---------------------------------------------------------------------------------------------
# drawing
# ---------------------------------------------------------------------------------------------


def _png_shape(path):
    from matplotlib.image import imread

    return imread(path).shape


def test_drawing_writes_a_png_of_the_figure_size(small_graph, tmp_path):
    fig = draw_graph(small_graph)
    w, h = fig.get_size_inches()
    path = write_graph(small_graph, tmp_path / "g.png", dpi=80)
    image_h, image_w, channels = _png_shape(path)
    assert (image_w, image_h) == (round(w * 80), round(h * 80))
    assert channels in (3, 4)
    from matplotlib.image import imread

    pixels = imread(path)[..., :3]
    assert pixels.min() < 0.5 < pixels.max()  # something is drawn on the white ground


def test_drawing_puts_central_at_the_top_and_departments_at_the_bottom(small_graph):
    fig = draw_graph(small_graph, labels="none")
    ax = fig.axes[0]
    # each scatter collection is one (level, kind) group; its y says where the layer is
    heights = {}
    for coll, colour in ((c, tuple(c.get_facecolor()[0][:3])) for c in ax.collections):
        heights.setdefault(colour, []).extend(y for _, y in coll.get_offsets())
    from matplotlib.colors import to_rgb

    from plankit.graph import LEVEL_COLOURS

    y = {lv: max(heights[tuple(to_rgb(c))]) for lv, c in LEVEL_COLOURS.items() if tuple(to_rgb(c)) in heights}
    assert y["central"] > y["province"] > y["department"]
    assert {t.get_text() for t in ax.texts} >= {"Trung ương / central", "Sở / department"}


def test_drawing_labels(small_graph):
    texts = {t.get_text() for t in draw_graph(small_graph).axes[0].texts}
    assert "KH 137/KH-SKHCN\n(Cần Thơ 2025)" in texts
    assert "NĐ 61/2018/NĐ-CP\n→ 118/2025/NĐ-CP" in texts  # replaced, says the register
    assert {t.get_text() for t in draw_graph(small_graph, labels=["76/NQ-CP"]).axes[0].texts} - {
        "Trung ương / central", "Tỉnh / province", "Sở / department"} == {"NQ 76/NQ-CP"}
    with pytest.raises(ValueError):
        draw_graph(small_graph, labels="some")


def _synthetic_plans(count: int):
    """The benchmark's synthetic plans (loaded by path: benchmarks/ is not a package)."""
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_graph.py"
    name = "_plankit_bench_graph"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    module = sys.modules[name]
    return module.synthetic_plans(count)


def test_drawing_200_nodes_labels_what_matters(tmp_path):
    graph = build_graph(_synthetic_plans(60))
    assert 180 <= graph.number_of_nodes() <= 260
    fig = draw_graph(graph)
    texts = [t.get_text() for t in fig.axes[0].texts]
    wanted = {n for n, d in graph.nodes(data=True) if d["kind"] == "plan" or graph.in_degree(n) >= 2}
    assert len(texts) == len(wanted) + 3  # plus the three band names
    path = write_graph(graph, tmp_path / "big.png", dpi=60)
    h, w, _ = _png_shape(path)
    assert (w, h) == tuple(round(v * 60) for v in fig.get_size_inches())


def test_drawing_into_given_axes_keeps_the_figure(small_graph):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6, 4))
    ax = fig.add_subplot()
    assert draw_graph(small_graph, ax) is fig
    assert list(fig.get_size_inches()) == [6, 4]


def test_drawing_has_a_band_for_every_level():
    # a commune plan after the 2025 reorganisation, resting on its district's and province's plans
    # (drawing one once raised KeyError: 'commune')
    from plankit.graph import LEVEL_COLOURS, LEVEL_NAMES, LEVELS

    assert set(LEVEL_COLOURS) == set(LEVEL_NAMES) == set(LEVELS)
    g = nx.DiGraph()
    g.add_node("119/KH-UBND@quang-ngai/2025", kind="plan", level="commune", label="KH 119/KH-UBND")
    g.add_node("12/KH-UBND@quang-ngai/2024", kind="document", level="district", label="KH 12/KH-UBND")
    g.add_node("8/KH-UBND@quang-ngai/2025", kind="document", level="province", label="KH 8/KH-UBND")
    g.add_edge("119/KH-UBND@quang-ngai/2025", "12/KH-UBND@quang-ngai/2024", role="basis")
    g.add_edge("119/KH-UBND@quang-ngai/2025", "8/KH-UBND@quang-ngai/2025", role="basis")
    fig = draw_graph(g)
    bands = [t.get_text() for t in fig.axes[0].texts if t.get_text() in LEVEL_NAMES.values()]
    assert bands == ["Tỉnh / province", "Huyện / district", "Xã / commune"]


def test_svg(small_graph, tmp_path):
    path = write_graph(small_graph, tmp_path / "g.svg")
    text = path.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text


# ---------------------------------------------------------------------------------------------
# validity (plankit.validity) on its own
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "on", "issued", "expected"),
    [
        ("61/2018/NĐ-CP", dt.date(2026, 1, 12), None, "replaced"),
        ("61/2018/NĐ-CP", dt.date(2025, 7, 1), None, "replaced"),
        ("61/2018/NĐ-CP", dt.date(2025, 6, 30), None, "valid"),
        ("107/2021/NĐ-CP", dt.date(2025, 12, 1), None, "replaced"),
        ("107/2021/ND-CP", dt.date(2025, 12, 1), None, "replaced"),  # OCR lost the bar of Đ
        ("61/2018/NĐ - CP", dt.date(2025, 12, 1), None, "replaced"),
        ("118/2025/NĐ-CP", dt.date(2026, 1, 12), None, "valid"),
        ("118/2025/NĐ-CP", dt.date(2024, 12, 31), None, "not-yet-issued"),
        ("76/NQ-CP", dt.date(2021, 7, 14), None, "not-yet-issued"),  # issued 15/7/2021
        ("76/NQ-CP", dt.date(2021, 7, 15), None, "valid"),
        ("45/2025/NĐ-CP", dt.date(2025, 2, 27), None, "not-yet-issued"),  # issued 28/02/2025
        ("258/KH-UBND", dt.date(2024, 12, 20), dt.date(2024, 12, 24), "not-yet-issued"),
        ("258/KH-UBND", dt.date(2025, 1, 21), dt.date(2024, 12, 24), "valid"),
        ("26-CTr/TU", dt.date(2000, 1, 1), None, "valid"),  # nothing known: not flagged
    ],
)
def test_status_table(key, on, issued, expected):
    from plankit.validity import status

    assert status(key, on, issued=issued) == expected


def test_status_of_a_citation_uses_its_date_and_year():
    from plankit.validity import status

    cite = Citation("261/KH-UBND", "Kế hoạch", "261", 2021, "KH-UBND", date=dt.date(2021, 12, 29),
                    scope="Cần Thơ", level="province")
    assert status(cite, dt.date(2021, 12, 28)) == "not-yet-issued"
    assert status(cite, dt.date(2022, 1, 3)) == "valid"
    undated = Citation("261/KH-UBND", "Kế hoạch", "261", 2021, "KH-UBND", scope="Cần Thơ", level="province")
    assert status(undated, dt.date(2020, 12, 31)) == "not-yet-issued"
    assert status(undated, dt.date(2021, 1, 1)) == "valid"


def test_replaced_by_returns_a_frozen_value():
    import dataclasses

    from plankit.validity import Replacement, replaced_by

    r = replaced_by("61/2018/NĐ-CP", dt.date(2025, 7, 1))
    assert r == Replacement("61/2018/NĐ-CP", "118/2025/NĐ-CP", dt.date(2025, 7, 1), r.basis, r.source)
    assert "118/2025/NĐ-CP" in r.basis and r.source
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.key = "x"  # type: ignore[misc]


def test_replaced_documents_data_file_is_valid():
    from importlib import resources

    from plankit.validity import _COLUMNS, _PART, replacements

    text = resources.files("plankit.data").joinpath("replaced_documents.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert tuple(rows[0]) == (*_COLUMNS, _PART)
    for row in rows[1:]:
        key, issued, repl, effective, basis, source, *part = row
        assert repl or not any(part), key
        assert basis and source, key
        assert source.startswith(("https://", "shared/reference/")), key
        if issued:
            dt.date.fromisoformat(issued)
        assert bool(repl) == bool(effective), key
    assert {(r.key, r.replaced_by, r.effective) for r in replacements()} >= {
        ("61/2018/NĐ-CP", "118/2025/NĐ-CP", dt.date(2025, 7, 1)),
        ("107/2021/NĐ-CP", "118/2025/NĐ-CP", dt.date(2025, 7, 1)),
    }  # the replacements of central documents come from the register (tests/test_register.py)


# ---------------------------------------------------------------------------------------------
# the bundled corpus: read_plan -> extract_citations -> build_graph
# ---------------------------------------------------------------------------------------------
CT22_ID = "plan:can-tho/2022-so-khcn.txt"  # the draft has no number yet
CT25_ID = "137/KH-SKHCN@can-tho/2025"
HD22_ID = "181/KH-SCT@hai-duong/2022"
HY22_ID = "plan:hung-yen/2022-so-khcn.md"  # the draft has no number yet
HUE22_ID = "29/KH-SKHCN@thua-thien-hue/2022"

# Every edge of the bundled corpus: (citing plan, cited document, role, implicit).
CORPUS_EDGES = {
    (CT22_ID, "261/KH-UBND@can-tho/2021", "basis", False),
    (CT22_ID, "76/NQ-CP", "mention", True),  # "Chương trình tổng thể CCHC nhà nước 2021 – 2030"
    (CT22_ID, "45/2020/NĐ-CP", "mention", False),
    (CT25_ID, "4168/QĐ-UBND@can-tho/2021", "basis", False),
    (CT25_ID, "258/KH-UBND@can-tho/2024", "basis", False),
    (CT25_ID, "76/NQ-CP", "mention", False),
    (CT25_ID, "23/CT-TTg", "mention", False),
    (CT25_ID, "26-CTr/TU@can-tho/2021", "mention", False),
    (HD22_ID, "4707/KH-UBND@hai-duong/2021", "basis", False),
    (HD22_ID, "276/KH-UBND@hai-duong/2022", "basis", False),
    (HD22_ID, "76/NQ-CP", "mention", True),
    (HY22_ID, "161/QĐ-UBND@hung-yen/2022", "basis", False),
    (HY22_ID, "76/NQ-CP", "mention", False),
    (HY22_ID, "23/CT-TTg", "mention", False),
    (HY22_ID, "06-NQ/TU@hung-yen", "mention", False),
    (HY22_ID, "184/KH-UBND@hung-yen/2021", "mention", False),
    (HY22_ID, "22/2020/QĐ-UBND@hung-yen", "mention", False),  # a province numbers its own
    (HY22_ID, "05/CT-CTUBND@hung-yen/2019", "mention", False),
    (HUE22_ID, "405/KH-UBND@thua-thien-hue/2021", "basis", False),
    (HUE22_ID, "07-NQ/TU@thua-thien-hue/2021", "mention", False),
    (HUE22_ID, "468/QĐ-TTg", "mention", False),
    (HUE22_ID, "45/2016/QĐ-TTg", "mention", False),
}


@pytest.fixture(scope="module")
def corpus_graph(corpus):
    return build_graph(corpus)


def test_corpus_counts(corpus_graph):
    assert (corpus_graph.number_of_nodes(), corpus_graph.number_of_edges()) == (23, 22)
    kinds = [k for _, k in corpus_graph.nodes(data="kind")]
    assert (kinds.count("plan"), kinds.count("document")) == (5, 18)


def test_corpus_edges_exactly(corpus_graph):
    got = {(s, t, d["role"], d["implicit"]) for s, t, d in corpus_graph.edges(data=True)}
    assert got == CORPUS_EDGES


@pytest.mark.parametrize(
    ("plan", "targets"),
    [
        ("can-tho-2022", ["261/KH-UBND@can-tho/2021"]),
        ("can-tho-2025", ["258/KH-UBND@can-tho/2024", "4168/QĐ-UBND@can-tho/2021"]),
        ("hai-duong-2022", ["276/KH-UBND@hai-duong/2022", "4707/KH-UBND@hai-duong/2021"]),
        ("hung-yen-2022", ["161/QĐ-UBND@hung-yen/2022"]),
        ("hue-2022", ["405/KH-UBND@thua-thien-hue/2021"]),
    ],
)
def test_corpus_basis_edges(corpus_graph, seeds, plan, targets):
    node = plan_node(seeds[plan])
    basis = sorted(t for _, t, r in corpus_graph.out_edges(node, data="role") if r == "basis")
    assert basis == targets
    assert [chain[-1] for chain in basis_chain(corpus_graph, seeds[plan])] == targets


def test_can_tho_2022_rests_on_the_city_plan_261_of_2021(corpus_graph):
    doc = corpus_graph.nodes["261/KH-UBND@can-tho/2021"]
    assert (doc["scope"], doc["year"], doc["date"], doc["level"], doc["label"]) == (
        "Cần Thơ", 2021, dt.date(2021, 12, 29), "province", "KH 261/KH-UBND (Cần Thơ 2021)")
    edge = corpus_graph.edges[CT22_ID, "261/KH-UBND@can-tho/2021"]
    assert edge["sentence"].startswith("Căn cứ Kế hoạch số 261/KH-UBND ngày 29 tháng 12 năm 2021")
    assert edge["validity"] == "valid"


def test_can_tho_2025_ocr_basis_keeps_its_evidence(corpus_graph, seeds):
    edge = corpus_graph.edges[CT25_ID, "4168/QĐ-UBND@can-tho/2021"]
    text = seeds["can-tho-2025"].text
    assert text[edge["span_start"]:edge["span_end"]] == edge["raw"] == "4168/QD-UBND"
    assert edge["occurrences"] == 2  # Căn cứ ... and again in the body: one basis edge
    assert "4168/QD-UBND ngay 27 thang 12 nam 2021" in edge["sentence"]


def test_76_nq_cp_is_one_node_cited_by_hung_yen_2022_and_can_tho_2025(corpus_graph):
    assert corpus_graph.nodes["76/NQ-CP"]["label"] == "NQ 76/NQ-CP"
    explicit = sorted(s for s, _, imp in corpus_graph.in_edges("76/NQ-CP", data="implicit") if not imp)
    assert explicit == [CT25_ID, HY22_ID]
    assert sorted(corpus_graph.predecessors("76/NQ-CP")) == sorted([CT25_ID, HD22_ID, CT22_ID, HY22_ID])
    assert [n for n in corpus_graph if "76/NQ-CP" in n] == ["76/NQ-CP"]


def test_corpus_shared_bases_and_orphans(corpus_graph):
    assert shared_bases(corpus_graph) == {"23/CT-TTg": [CT25_ID, HY22_ID], "76/NQ-CP": [CT25_ID, HY22_ID]}
    assert list(shared_bases(corpus_graph, implicit=True)) == ["76/NQ-CP", "23/CT-TTg"]
    assert shared_bases(corpus_graph, role="basis") == {}
    assert orphans(corpus_graph) == []


def test_corpus_plan_nodes_carry_the_header(corpus_graph):
    node = corpus_graph.nodes[CT25_ID]
    assert (node["label"], node["issuer"], node["date"], node["level"], node["name"]) == (
        "KH 137/KH-SKHCN (Cần Thơ 2025)", "Sở Khoa học và Công nghệ thành phố Cần Thơ", dt.date(2025, 1, 21),
        "department", "can-tho/2025-so-khcn.ocr.txt")
    assert corpus_graph.nodes[CT22_ID]["label"] == "KH .../KH-SKHCN (Cần Thơ 2022)"


@pytest.mark.parametrize(
    ("node", "label"),
    [
        ("76/NQ-CP", "NQ 76/NQ-CP"),
        ("45/2020/NĐ-CP", "NĐ 45/2020/NĐ-CP"),
        ("26-CTr/TU@can-tho/2021", "CTr 26-CTr/TU (Cần Thơ 2021)"),
        ("06-NQ/TU@hung-yen", "NQ 06-NQ/TU (Hưng Yên)"),  # undated: no year
        ("22/2020/QĐ-UBND@hung-yen", "QĐ 22/2020/QĐ-UBND (Hưng Yên)"),  # the number holds the year
        ("405/KH-UBND@thua-thien-hue/2021", "KH 405/KH-UBND (Thừa Thiên Huế 2021)"),
        (HUE22_ID, "KH 29/KH-SKHCN (Thừa Thiên Huế 2022)"),
    ],
)
def test_corpus_labels(corpus_graph, node, label):
    assert corpus_graph.nodes[node]["label"] == label


@pytest.mark.parametrize(
    ("node", "title"),
    [
        # a central document the register knows: its title from the register
        ("468/QĐ-TTg", "Quyết định 468/QĐ-TTg ngày 27/03/2021 của Thủ tướng Chính phủ"),
        ("45/2020/NĐ-CP", "Nghị định 45/2020/NĐ-CP ngày 08/04/2020 của Chính phủ"),
        (
            "23/CT-TTg",
            "Chỉ thị 23/CT-TTg ngày 02/09/2021 của Thủ tướng Chính phủ về việc đẩy mạnh thực hiện "
            "Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030",
        ),
        # a local document is never looked up
        ("258/KH-UBND@can-tho/2024", None),
        # a corpus plan: its subject as printed
        (HUE22_ID, "Tuyên truyền cải cách hành chính năm 2022"),
    ],
)
def test_corpus_node_titles(corpus_graph, node, title):
    assert corpus_graph.nodes[node]["title"] == title


def test_corpus_svg_shows_titles_as_tooltips(corpus_graph, tmp_path):
    text = write_graph(corpus_graph, tmp_path / "corpus.svg").read_text(encoding="utf-8")
    titles = [t for _, t in corpus_graph.nodes(data="title") if t]
    assert len(titles) == 10  # five plans and the five central documents they cite, all registered
    for title in titles:
        assert f"<title>{title}</title>" in text


def test_corpus_validity_all_valid(corpus_graph):
    # every document the five plans cite applied at their dates
    assert {v for _, _, v in corpus_graph.edges(data="validity")} == {"valid"}


def test_a_2026_plan_citing_61_2018_is_marked_replaced():
    from plankit.read import read_text

    text = (
        "UBND THÀNH PHỐ CẦN THƠ\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 12/KH-SKHCN\n"
        "Cần Thơ, ngày 15 tháng 01 năm 2026\nKẾ HOẠCH\n"
        "Công tác thông tin, tuyên truyền cải cách hành chính năm 2026\n"
        "Căn cứ Kế hoạch số 301/KH-UBND ngày 26 tháng 12 năm 2025 của Ủy ban nhân dân thành phố Cần Thơ;\n"
        "I. NỘI DUNG\n"
        "1. Tình hình thực hiện cơ chế một cửa, một cửa liên thông theo Nghị định số 61/2018/NĐ-CP "
        "ngày 23 tháng 4 năm 2018 của Chính phủ.\n"
    )
    plan = read_text(text, "can-tho/2026.txt")
    graph = build_graph([plan])
    edge = graph.edges[plan_node(plan), "61/2018/NĐ-CP"]
    assert (edge["validity"], edge["replaced_by"]) == ("replaced", "118/2025/NĐ-CP")
    assert graph.edges[plan_node(plan), "301/KH-UBND@can-tho/2025"]["validity"] == "valid"


def test_corpus_exports_round_trip(corpus_graph, tmp_path):
    for ext, read in ((".graphml", nx.read_graphml), (".gexf", nx.read_gexf)):
        got = read(write_graph(corpus_graph, tmp_path / f"corpus{ext}"))
        _same_attributes(portable(corpus_graph), got, drop_edge=("id",) if ext == ".gexf" else ())


def test_corpus_drawing(corpus_graph, tmp_path):
    fig = draw_graph(corpus_graph)
    path = write_graph(corpus_graph, tmp_path / "corpus.png", dpi=100)
    h, w, _ = _png_shape(path)
    assert (w, h) == tuple(round(v * 100) for v in fig.get_size_inches())
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {"NQ 76/NQ-CP", "KH 137/KH-SKHCN\n(Cần Thơ 2025)", "Đảng / party"} <= texts


# ---------------------------------------------------------------------------------------------
# the command
# ---------------------------------------------------------------------------------------------
PLANS = str(Path(__file__).resolve().parent.parent / "plans")


def test_cli_prints_tables(capsys):
    from plankit.cli import main

    assert main(["graph", PLANS]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Nút / nodes")
    assert "KH 137/KH-SKHCN (Cần Thơ 2025)" in out and "# Trích dẫn / edges" in out
    assert out.count(" basis ") == 7


def test_cli_json(capsys):
    from plankit.cli import main

    assert main(["graph", PLANS + "/can-tho", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (len(data["nodes"]), len(data["edges"])) == (9, 8)


@pytest.mark.parametrize("ext", [".graphml", ".gexf", ".json", ".png", ".svg"])
def test_cli_writes_and_refuses_to_overwrite(tmp_path, capsys, ext):
    from plankit.cli import main

    out = tmp_path / f"g{ext}"
    assert main(["graph", PLANS, "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"{out}: 23 nút, 22 cạnh / 23 nodes, 22 edges"
    size = out.stat().st_size
    assert size > 0
    assert main(["graph", PLANS, "-o", str(out)]) == 2
    assert "already exists (use --force to overwrite)" in capsys.readouterr().err
    assert main(["graph", PLANS, "-o", str(out), "--force"]) == 0


def test_cli_unsupported_extension(tmp_path, capsys):
    from plankit.cli import main

    assert main(["graph", PLANS, "-o", str(tmp_path / "g.dot")]) == 2
    assert "unsupported format" in capsys.readouterr().err
