"""Every verb takes a Plan or a path; build_graph's result; .docx writers refuse other names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import networkx as nx
import pytest

import plankit
from plankit.errors import PlankitError, ReadError
from plankit.graph import BasisGraph, basis_chain, draw_graph, orphans, shared_bases, write_graph
from plankit.read import as_plan, read_plan

ROOT = Path(__file__).resolve().parent.parent
CT22 = ROOT / "plans" / "can-tho" / "2022-so-khcn.txt"
CT25 = ROOT / "plans" / "can-tho" / "2025-so-khcn.ocr.txt"
PLAN_PATHS = sorted((ROOT / "plans").glob("*/*.*"))
PLAN_PATHS = [p for p in PLAN_PATHS if p.name != "README.md"]
TODAY = dt.date(2025, 11, 1)


def test_as_plan():
    plan = read_plan(CT22)
    assert as_plan(plan) is plan
    assert as_plan(str(CT22)) is plan  # read once: the reader's cache
    assert as_plan(CT22).header.symbol == "KH-SKHCN"
    with pytest.raises(ValueError, match=r"got text: read it with plankit\.read_text\(text\)"):
        as_plan("KẾ HOẠCH\nCông tác thông tin, tuyên truyền năm 2025")
    with pytest.raises(TypeError, match="expected a Plan or a file path, not int"):
        as_plan(2025)
    with pytest.raises(ReadError, match=r"khong-co\.txt: không có tệp này / file not found"):
        as_plan("khong-co.txt")


def test_lint_plan_takes_a_path():
    by_path = plankit.lint_plan(str(CT22), today=TODAY, corpus=[CT25])
    by_plan = plankit.lint_plan(read_plan(CT22), today=TODAY, corpus=[read_plan(CT25)])
    assert by_path.to_dicts() == by_plan.to_dicts()
    assert [f.code for f in by_path] == ["PK201", "PK104", "PK502", "PK502", "PK502"]


def test_diff_plans_takes_paths():
    d = plankit.diff_plans(CT22, str(CT25))
    assert d.counts() == plankit.diff_plans(read_plan(CT22), read_plan(CT25)).counts()
    assert (d.old.name, d.new.name) == ("can-tho/2022-so-khcn.txt", "can-tho/2025-so-khcn.ocr.txt")


def test_similarity_matrix_takes_paths():
    m = plankit.similarity_matrix([CT22, CT25])
    assert list(m.index) == ["can-tho/2022-so-khcn.txt", "can-tho/2025-so-khcn.ocr.txt"]


def test_extract_citations_takes_a_path_and_a_string_stays_text():
    assert [c.key for c in plankit.extract_citations(CT22)] == ["261/KH-UBND", "76/NQ-CP", "45/2020/NĐ-CP"]
    assert plankit.extract_citations(str(CT22)) == []  # a str is text: a file name cites nothing


def test_restore_text_takes_a_plan_or_a_path():
    plan = read_plan(CT25)
    expected = plankit.restore_text(plan.text, ocr=True).text
    assert plankit.restore_text(CT25).text == expected
    assert plankit.restore_text(plan).text == expected
    assert expected.splitlines()[0] == "UBND TP. CẦN THƠ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_draft_and_render_take_a_path(tmp_path):
    draft = plankit.draft_plan(CT22, year=2026, reference=CT22)
    assert draft.header.title == "Công tác thông tin, tuyên truyền cải cách hành chính năm 2026"
    assert plankit.render_markdown(CT22) == plankit.render_markdown(read_plan(CT22))
    out = plankit.render_docx(CT22, tmp_path / "ke-hoach.docx")
    assert out.stat().st_size > 10_000


# -- .docx writers refuse another name ---------------------------------------------------------


@pytest.mark.parametrize("name", ["ke-hoach.txt", "ke-hoach.pdf", "ke-hoach", "ke-hoach.docx.bak"])
def test_docx_writers_refuse_another_suffix(tmp_path, name):
    target = tmp_path / name
    message = f"{target}: tên tệp phải có đuôi .docx / the file name must end in .docx"
    with pytest.raises(PlankitError) as err:
        plankit.render_docx(CT22, target)
    assert str(err.value) == message
    with pytest.raises(PlankitError) as err:
        plankit.diff_plans(CT22, CT25).to_docx(target)
    assert str(err.value) == message
    assert list(tmp_path.iterdir()) == []


def test_draft_command_refuses_another_suffix(tmp_path, capsys):
    from plankit.cli import main

    target = tmp_path / "du-thao.txt"
    assert main(["draft", str(CT22), "--year", "2026", "-o", str(target)]) == 2
    assert capsys.readouterr().err == (
        f"plankit: lỗi / error: {target}: tên tệp phải có đuôi .docx / the file name must end in .docx\n"
    )
    assert not target.exists()


# -- build_graph's result ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def graph() -> BasisGraph:
    return plankit.build_graph(PLAN_PATHS)


def test_build_graph_takes_paths_and_plans_alike(graph):
    from_plans = plankit.build_graph([read_plan(p) for p in PLAN_PATHS])
    assert sorted(graph.nodes) == sorted(from_plans.nodes)
    assert sorted(graph.edges(data="role")) == sorted(from_plans.edges(data="role"))
    mixed = plankit.build_graph([CT22, read_plan(CT25)])
    assert [d["name"] for _, d in mixed.nodes(data=True) if d["kind"] == "plan"] == [
        "can-tho/2022-so-khcn.txt", "can-tho/2025-so-khcn.ocr.txt"
    ]


def test_the_graph_is_a_networkx_graph_with_a_notebook_view(graph):
    assert isinstance(graph, nx.DiGraph)
    assert repr(graph) == "<BasisGraph: 5 plans, 18 documents, 22 citations (7 basis)>"
    assert graph.counts() == {"plans": 5, "documents": 18, "citations": 22, "basis": 7, "replaced": 0}
    assert graph.to_frame().shape[0] == 22 and graph.to_frame("nodes").shape[0] == 23
    assert list(graph.to_frame().columns[:4]) == ["source", "target", "source_label", "target_label"]
    with pytest.raises(ValueError, match="what must be 'edges' or 'nodes'"):
        graph.to_frame("plans")
    page = graph._repr_html_()
    assert page.startswith(
        "<p><b>Đồ thị căn cứ pháp lý / legal-basis graph</b>: 5 kế hoạch / plans, 18 văn bản "
        "được dẫn / cited documents, 22 trích dẫn / citations (7 căn cứ / basis)</p><table>"
    )
    assert page.count("<tr>") == 23  # the header row and one row per citation
    # each cell's tooltip is the node's title: the plan's subject as read (this one is OCR'd), the
    # register's title of a central document; a local document has none
    assert ("<td title='Cong tac thong tin, tuyén truyén cai cach hanh chinh nim 2025'>"
            "KH 137/KH-SKHCN (Cần Thơ 2025)</td><td>KH 258/KH-UBND (Cần Thơ 2024)</td><td>basis</td>") in page
    assert ("<td title='Nghị quyết 76/NQ-CP ngày 15/07/2021 của Chính phủ ban hành Chương trình tổng "
            "thể cải cách hành chính nhà nước giai đoạn 2021-2030'>NQ 76/NQ-CP</td>") in page


def test_queries_and_exports_take_the_result_and_a_bare_digraph(graph, tmp_path):
    bare = nx.DiGraph(graph)
    assert type(bare) is nx.DiGraph
    start = "137/KH-SKHCN@can-tho/2025"
    assert basis_chain(graph, start) == basis_chain(bare, start) != []
    assert shared_bases(graph) == shared_bases(bare)
    assert orphans(graph) == orphans(bare)
    assert type(graph.copy()) is BasisGraph
    a = write_graph(graph, tmp_path / "a.graphml")
    b = graph.write(tmp_path / "b.graphml")
    assert a.read_bytes() == b.read_bytes()
    assert write_graph(bare, tmp_path / "c.graphml").read_bytes() == a.read_bytes()
    assert graph.draw().get_size_inches().tolist() == draw_graph(bare).get_size_inches().tolist()


def test_a_long_graph_shows_30_rows_and_says_how_many_more():
    g = BasisGraph()
    for i in range(35):
        g.add_node(f"p{i}", kind="plan", label=f"KH {i}/KH-SKHCN")
        g.add_node(f"d{i}", kind="document", label=f"QĐ {i}/QĐ-UBND")
        g.add_edge(f"p{i}", f"d{i}", role="mention", validity="replaced" if i == 0 else "valid",
                   replaced_by="9/QĐ-UBND" if i == 0 else None)
    assert repr(g) == "<BasisGraph: 35 plans, 35 documents, 35 citations (1 to replaced documents)>"
    page = g._repr_html_()
    assert page.count("<tr>") == 31
    assert page.endswith("<p>… và 5 trích dẫn khác / and 5 more (<code>.to_frame()</code>)</p>")
    assert "replaced → 9/QĐ-UBND" in page
