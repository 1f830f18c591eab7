"""Laws cited by name and date or year only, linked to their number through the register.

"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015" cites 77/2015/QH13 without
writing it; the register (plankit/data/register.tsv) knows the law of that name and date, so the
citation carries the key, and lint and the graph see a law that 2025 laws replaced.
"""

from __future__ import annotations

import datetime as dt

import pytest

from plankit import build_graph, lint_plan, read_text
from plankit.cite import extract_citations
from plankit.register import laws_named

D = dt.date

# (text, [(key, date, role, implicit, raw), ...])
LINKED = [
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
     [("77/2015/QH13", D(2015, 6, 19), "basis", True, "Luật Tổ chức chính quyền địa phương")]),
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/02/2025;",
     [("65/2025/QH15", D(2025, 2, 19), "basis", True, "Luật Tổ chức chính quyền địa phương")]),
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
     [("72/2025/QH15", D(2025, 6, 16), "basis", True, "Luật Tổ chức chính quyền địa phương")]),
    # a year alone: the one law of that name and year; its date comes from the register
    ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật năm 2025;",
     [("64/2025/QH15", D(2025, 2, 19), "basis", True, "Luật Ban hành văn bản quy phạm pháp luật năm 2025")]),
    ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật 2015;",
     [("80/2015/QH13", D(2015, 6, 22), "basis", True, "Luật Ban hành văn bản quy phạm pháp luật 2015")]),
    # OCR without diacritics, the name wrapped over a line
    ("Can cu Luat To chuc chinh quyen\ndia phuong ngay 19 thang 6 nam 2015;",
     [("77/2015/QH13", D(2015, 6, 19), "basis", True, "Luat To chuc chinh quyen\ndia phuong")]),
    # "Quốc hội" after the date is read as the issuer, as for a number
    ("Căn cứ Luật Cán bộ, công chức ngày 24 tháng 6 năm 2025 của Quốc hội;",
     [("80/2025/QH15", D(2025, 6, 24), "basis", True, "Luật Cán bộ, công chức")]),
    # a law named in a decree's trích yếu is a mention
    ("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định chi tiết thi hành "
     "một số điều của Luật Thi đua, khen thưởng năm 2022;",
     [("98/2023/NĐ-CP", D(2023, 12, 31), "basis", False, "98/2023/NĐ-CP"),
      ("06/2022/QH15", D(2022, 6, 15), "mention", True, "Luật Thi đua, khen thưởng năm 2022")]),
    # in the body: a mention
    ("KẾ HOẠCH\nI. MỤC ĐÍCH\n1. Tuyên truyền Luật Dữ liệu năm 2024 đến cán bộ.",
     [("60/2024/QH15", D(2024, 11, 30), "mention", True, "Luật Dữ liệu năm 2024")]),
]


@pytest.mark.parametrize(("text", "expected"), LINKED)
def test_a_law_cited_by_name_and_date_is_linked_to_its_number(text, expected):
    got = [(c.key, c.date, c.role, c.implicit, c.raw) for c in extract_citations(text)]
    assert got == expected


def test_a_named_law_says_where_its_number_comes_from():
    c = extract_citations("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;")[0]
    assert (c.doc_type, c.issuer, c.level, c.year, c.symbol) == ("Luật", "Quốc hội", "central", 2015, "QH13")
    assert c.subject == "Luật Tổ chức chính quyền địa phương"
    assert c.notes == (
        "named law: Luật Tổ chức chính quyền địa phương is 77/2015/QH13 in the register "
        "(https://hoidapphapluat.co/luat-to-chuc-chinh-quyen-dia-phuong-2015.html)",
    )


def test_a_date_the_register_does_not_give_picks_the_law_of_its_year_and_says_so():
    c = extract_citations("Căn cứ Luật Dữ liệu ngày 30/10/2024;")[0]
    assert (c.key, c.date) == ("60/2024/QH15", D(2024, 10, 30))
    assert c.notes[1] == "dated 2024-10-30; the register says 2024-11-30"


@pytest.mark.parametrize(
    "text",
    [
        # no date or year: the name alone is three laws
        "Căn cứ Luật Tổ chức chính quyền địa phương;",
        # the number is written: the number is the citation (one, not two)
        "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025 số 72/2025/QH15;",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025 (Luật số 72/2025/QH15);",
        # inside an amending law's name the year is the amending law's
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính "
        "quyền địa phương ngày 22 tháng 11 năm 2019;",
        # running text, no capital L: no law is named
        "bảo đảm tuân thủ pháp luật an ninh mạng năm 2018",
        # a year no law of that name bears; a period is no year
        "Căn cứ Luật Dữ liệu năm 2019;",
        "Tuyên truyền Luật Dữ liệu 2024-2025",
    ],
)
def test_what_is_not_linked(text):
    assert [c.key for c in extract_citations(text) if c.implicit] == []


def test_a_number_elsewhere_in_the_text_does_not_hide_the_basis_by_name():
    """A decision implementing a law names it by number in its title and rests on it by name: the
    title's number is a mention, the Căn cứ clause a basis (implicit)."""
    text = ("QUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH TRIỂN KHAI THI HÀNH LUẬT TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG SỐ "
            "72/2025/QH15\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
            "QUYẾT ĐỊNH:\n")
    assert [(c.key, c.role, c.implicit) for c in extract_citations(text)] == [
        ("72/2025/QH15", "mention", False), ("72/2025/QH15", "basis", True)]


def test_the_number_alone_is_read_when_the_law_is_written_with_it():
    text = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025 số 72/2025/QH15;"
    assert [(c.key, c.implicit) for c in extract_citations(text)] == [("72/2025/QH15", False)]


@pytest.mark.parametrize(
    ("name", "entry"),
    [(name, e) for name, entries in laws_named().items() for e in entries],
    ids=lambda v: v if isinstance(v, str) else v.key,
)
def test_every_named_law_of_the_register_is_found_by_its_name_and_date(name, entry):
    written = entry.subject
    day = entry.date
    text = f"Căn cứ {written} ngày {day.day} tháng {day.month} năm {day.year};"
    assert [(c.key, c.date) for c in extract_citations(text)] == [(entry.key, day)]


def test_laws_named_by_one_spelling():
    assert [e.key for e in laws_named("LUẬT Ban hành văn bản quy phạm pháp luật")[
        "luat ban hanh van ban quy pham phap luat"]] == ["80/2015/QH13", "64/2025/QH15"]
    assert laws_named("Luật Không Có") == {}


PLAN_2026 = (
    "ỦY BAN NHÂN DÂN\nXÃ PHONG AN\nSố: 05/KH-UBND\nPhong An, ngày 15 tháng 01 năm 2026\n\n"
    "KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2026\n\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
    "Căn cứ Luật Ban hành văn bản quy phạm pháp luật năm 2025;\n\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức.\n"
)


def test_lint_sees_a_named_law_that_was_replaced():
    stale = [f.message for f in lint_plan(read_text(PLAN_2026)) if f.rule == "stale-basis"]
    assert stale == [
        "'Luật Tổ chức chính quyền địa phương' (77/2015/QH13) đã được thay thế bởi 72/2025/QH15 từ "
        "16/06/2025 / 'Luật Tổ chức chính quyền địa phương' (77/2015/QH13) was replaced by 72/2025/QH15 "
        "from 2025-06-16"
    ]


def test_the_graph_links_a_plan_to_a_named_law():
    g = build_graph([read_text(PLAN_2026)])
    edges = {(v, d["role"], d["implicit"], d["validity"]) for _u, v, d in g.edges(data=True)}
    assert edges == {
        ("77/2015/QH13", "basis", True, "replaced"),
        ("64/2025/QH15", "basis", True, "valid"),
    }


@pytest.mark.parametrize(
    ("date", "key"),
    [
        ("ngày 01 tháng 10 năm 2025", "72/2025/QH15"),  # 65/2025/QH15 ended on 16/6/2025
        ("ngày 01 tháng 4 năm 2025", "65/2025/QH15"),  # 72/2025/QH15 not yet passed
    ],
)
def test_a_year_two_laws_of_the_name_bear_is_told_apart_by_the_plans_date(date, key):
    text = (f"ỦY BAN NHÂN DÂN\nXÃ TÂN HƯNG\nSố: 15/KH-UBND\nTân Hưng, {date}\n\nKẾ HOẠCH\n"
            "Tuyên truyền năm 2026\n\nCăn cứ Luật Tổ chức chính quyền địa phương năm 2025;\n\nI. MỤC ĐÍCH\n")
    assert [(c.key, c.role, c.implicit) for c in read_text(text).citations if c.role != "self"] == [
        (key, "basis", True)]


def test_a_year_two_laws_of_the_name_bear_is_not_linked_without_a_date():
    assert extract_citations("Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;").keys == []


def test_the_graph_labels_a_law_by_its_type():
    g = build_graph([read_text(PLAN_2026)])
    assert sorted(g.nodes[v]["label"] for _u, v in g.edges) == ["Luật 64/2025/QH15", "Luật 77/2015/QH13"]
