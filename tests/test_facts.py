"""Plan facts (plankit.facts): one answer per plan, used by cite and graph."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from plankit import build_graph, read_plan, read_text
from plankit.facts import LEVELS, BasisClause, issuer_level, plan_facts, province_2025
from plankit.places import match_place

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"

BUNDLED = [
    # file, issuer, level, province, province_2025, date, year, dated, basis openings, parts
    ("can-tho/2022-so-khcn.txt", "Sở Khoa học và Công nghệ thành phố Cần Thơ", "department", "Cần Thơ", "Cần Thơ",
     None, 2022, False, ["Căn cứ"], ["opening", "body", "closing"]),
    ("can-tho/2025-so-khcn.ocr.txt", "Sở Khoa học và Công nghệ thành phố Cần Thơ", "department", "Cần Thơ", "Cần Thơ",
     dt.date(2025, 1, 21), 2025, True, ["Căn cứ", "Căn cứ"], ["opening", "body", "closing"]),
    ("hai-duong/2022-so-cong-thuong.txt", "Sở Công Thương tỉnh Hải Dương", "department", "Hải Dương", "Hải Phòng",
     dt.date(2022, 2, 7), 2022, True, ["Căn cứ"], ["opening", "body", "closing"]),
    ("hung-yen/2022-so-khcn.md", "Sở Khoa học và Công nghệ tỉnh Hưng Yên", "department", "Hưng Yên", "Hưng Yên",
     None, 2022, False, ["Thực hiện"], ["opening", "body", "closing", "appendix"]),
    ("thua-thien-hue/2022-so-khcn.news.txt", "Sở Khoa học và Công nghệ tỉnh Thừa Thiên Huế", "department", "Thừa Thiên Huế",
     "Huế", dt.date(2022, 1, 6), 2022, True, ["Căn cứ"], ["opening"]),
]


@pytest.mark.parametrize(("name", "issuer", "level", "province", "p2025", "date", "year", "dated", "openings", "parts"), BUNDLED)
def test_facts_of_the_bundled_plans(name, issuer, level, province, p2025, date, year, dated, openings, parts):
    plan = read_plan(PLANS / name)
    f = plan.facts
    assert (f.issuer, f.level, f.province.name, f.province_2025.name) == (issuer, level, province, p2025)
    assert (f.date, f.year, f.dated) == (date, year, dated)
    assert [c.opening for c in f.basis] == openings
    assert [n for n, _ in f.parts] == parts
    assert f is plan.facts  # computed once


def test_undated_plan_bounds_come_from_its_month_and_year_never_today():
    f = read_plan(PLANS / "can-tho/2022-so-khcn.txt").facts
    assert (f.earliest, f.latest) == (dt.date(2022, 1, 1), dt.date(2022, 1, 31))
    bare = read_text("KẾ HOẠCH\nTuyên truyền cải cách hành chính\nI. MỤC ĐÍCH").facts
    assert (bare.year, bare.dated, bare.earliest, bare.latest) == (None, False, None, None)


def test_basis_clause_spans_and_closing_slice_the_text():
    plan = read_plan(PLANS / "hai-duong/2022-so-cong-thuong.txt")
    f = plan.facts
    assert f.basis == (BasisClause(f.basis[0].span, "Căn cứ"),)
    clause = f.basis[0].span.slice(plan.text)
    assert clause.startswith("Căn cứ Kế hoạch số 4707/KH-UBND")
    assert f.in_basis(f.basis[0].span.start) and not f.in_basis(f.basis[0].span.end)
    assert f.closing.slice(plan.text).startswith("Trên đây là Kế hoạch tuyên truyền cải cách hành chính")
    assert f.part_at(f.closing.start) == "closing" and f.part_at(0) == "opening"
    # every citation of the plan in a basis clause is a basis citation, and only those
    for c in plan.citations:
        if c.role != "self" and not c.implicit:
            assert (c.role == "basis") == f.in_basis(c.span.start), c


LEVEL_CASES = [
    ("Bộ Y tế", None, "central"),
    ("Bộ Nội vụ", None, "central"),
    ("Thủ tướng Chính phủ", None, "central"),
    ("Văn phòng Chính phủ", None, "central"),
    ("Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ", None, "party"),
    ("Tỉnh ủy Bắc Ninh", None, "party"),
    ("Ủy ban nhân dân tỉnh Quảng Ngãi", None, "province"),
    ("UBND thành phố Hà Nội", None, "province"),
    ("UBND thành phố Bắc Ninh", None, "district"),
    ("Ủy ban nhân dân huyện Đăk Hà", None, "district"),
    ("Ủy ban nhân dân xã Long Phụng", None, "commune"),
    ("UBND phường Hải Châu", None, "commune"),
    ("Văn phòng UBND tỉnh Hải Dương", None, "department"),
    ("Sở Tư pháp tỉnh Bắc Kạn", None, "department"),
    ("Sở Khoa học và Công nghệ", None, "department"),
    (None, "QĐ-TTg", "central"),
    (None, "QĐ-BYT", "central"),
    (None, "KH/BCĐTW", "party"),
    (None, "KH-UBND", "province"),
    (None, "KH-SKHCN", "department"),
    (None, None, "other"),
]


@pytest.mark.parametrize(("issuer", "symbol", "level"), LEVEL_CASES)
def test_issuer_level(issuer, symbol, level):
    assert issuer_level(issuer, symbol) == level
    assert level in LEVELS


@pytest.mark.parametrize(("old", "new"), [
    ("Hải Dương", "Hải Phòng"), ("Sóc Trăng", "Cần Thơ"), ("Cần Thơ", "Cần Thơ"),
    ("Thừa Thiên Huế", "Huế"), ("Bắc Giang", "Bắc Ninh"), ("Kon Tum", "Quảng Ngãi"),
])
def test_province_2025(old, new):
    assert province_2025(match_place(old)).name == new


def test_plan_without_place_line_has_one_province_for_cite_and_graph():
    text = ("SỞ TƯ PHÁP\nSố: 12/KH-STP\nKẾ HOẠCH\nTuyên truyền pháp luật năm 2024 trên địa bàn tỉnh Bình Định\n"
            "Căn cứ Kế hoạch số 30/KH-UBND ngày 10/01/2024 của UBND tỉnh;\n"
            "I. MỤC ĐÍCH\nPhối hợp với Sở Tư pháp tỉnh Gia Lai và tỉnh Gia Lai trao đổi kinh nghiệm, tỉnh Gia Lai.\n")
    plan = read_text(text)
    assert plan.facts.province.name == "Bình Định"  # the opening names it, not the body's most frequent
    cite = next(c for c in plan.citations if c.key == "30/KH-UBND")
    assert (cite.scope, cite.role, cite.issuer) == ("Bình Định", "basis", "UBND tỉnh Bình Định")
    graph = build_graph([plan])
    node = next(n for n, d in graph.nodes(data=True) if d["kind"] == "plan")
    assert graph.nodes[node]["scope"] == "Bình Định"
    assert graph.nodes[node]["level"] == "department"


def test_a_central_plan_and_a_citation_of_it_are_one_node():
    ministry = read_text("BỘ NỘI VỤ\nSố: 251/QĐ-BNV\nHà Nội, ngày 05 tháng 3 năm 2025\nQUYẾT ĐỊNH\n"
                         "Ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2025\n"
                         "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;\nI. MỤC ĐÍCH\n", "bnv.txt")
    province = read_text("UBND TỈNH HƯNG YÊN\nSố: 40/KH-UBND\nHưng Yên, ngày 20 tháng 3 năm 2025\nKẾ HOẠCH\n"
                         "Tuyên truyền cải cách hành chính năm 2025\n"
                         "Căn cứ Quyết định số 251/QĐ-BNV ngày 05/3/2025 của Bộ Nội vụ;\nI. MỤC ĐÍCH\n", "hy.txt")
    assert ministry.facts.level == "central" and province.facts.level == "province"
    graph = build_graph([ministry, province])
    plans = sorted(n for n, d in graph.nodes(data=True) if d["kind"] == "plan")
    assert plans == ["251/QĐ-BNV", "40/KH-UBND@hung-yen/2025"]
    assert graph.edges["40/KH-UBND@hung-yen/2025", "251/QĐ-BNV"]["role"] == "basis"
    assert not graph.has_edge("251/QĐ-BNV", "251/QĐ-BNV")
    assert sum(1 for n in graph if "251" in n) == 1


def test_plan_facts_function_equals_the_cached_property():
    plan = read_plan(PLANS / "hung-yen/2022-so-khcn.md")
    assert plan_facts(plan) == plan.facts


def test_facts_reach_the_cli_as_json(capsys):
    import json

    from plankit.cli import main

    assert main(["read", str(PLANS / "hai-duong/2022-so-cong-thuong.txt"), "--format", "json"]) == 0
    facts = json.loads(capsys.readouterr().out)[0]["facts"]
    assert (facts["issuer"], facts["level"], facts["province"], facts["province_2025"], facts["dated"]) == (
        "Sở Công Thương tỉnh Hải Dương", "department", "Hải Dương", "Hải Phòng", True)
    assert [b["opening"] for b in facts["basis"]] == ["Căn cứ"]
    assert list(facts["parts"]) == ["opening", "body", "closing"]


# -- computed once per plan, through the model's analysis slot ----------------------------------


def test_facts_are_computed_once_and_kept_with_the_plan():
    from plankit.facts import compute_facts, plan_facts

    plan = read_text("UBND TỈNH HẢI DƯƠNG\nSỞ CÔNG THƯƠNG\nKẾ HOẠCH\nTuyên truyền năm 2022")
    assert plan_facts(plan) is plan.facts is plan.analysis("facts")
    fresh = compute_facts(plan)
    assert fresh == plan.facts and fresh is not plan.facts
    assert (fresh.issuer, fresh.level, fresh.year) == ("Sở Công Thương tỉnh Hải Dương", "department", 2022)
    with pytest.raises(LookupError, match="no plan analysis 'nope'"):
        plan.analysis("nope")
