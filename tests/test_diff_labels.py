"""How a comparison names its changes: the repr's counts, the summary's codes, same-year wording,
labelled list items renumbered; and the typo search's shortcut (issue 16, session 5)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plankit.diff import diff_plans
from plankit.diff.classify import _matches, load_typos
from plankit.read import read_text
from plankit.text import fold

SAME_YEAR_OLD = (
    "Số: 12/KH-SCT\nHải Dương, ngày 07 tháng 02 năm 2024\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024\n"
    "I. MỤC ĐÍCH\nNâng cao nhận thức của cán bộ, công chức.\n"
)
SAME_YEAR_NEW = (
    "Số: 45/KH-SCT\nHải Dương, ngày 10 tháng 06 năm 2024\nKẾ HOẠCH\nKiểm tra cải cách hành chính năm 2024\n"
    "I. MỤC ĐÍCH\nNâng cao nhận thức của cán bộ, công chức.\n"
)


def test_repr_counts_every_kind(seeds):
    d = diff_plans(seeds["can-tho-2022"], seeds["can-tho-2025"])
    assert repr(d) == (
        "<PlanDiff can-tho/2022-so-khcn.txt → can-tho/2025-so-khcn.ocr.txt: 38 substantive, 6 basis, "
        "17 expected, 0 form, 0 renumbering, 3 carried-error; basis +2 −1; carried over 49%>"
    )


def test_repr_counts_replaced_basis():
    old = read_text("KẾ HOẠCH\nCăn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ;\n"
                    "I. KINH PHÍ\nNgân sách.\n", name="a.txt")
    new = read_text("KẾ HOẠCH\nCăn cứ Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ;\n"
                    "I. KINH PHÍ\nNgân sách.\n", name="b.txt")
    d = diff_plans(old, new)
    assert d.basis_replaced == (("61/2018/NĐ-CP", "118/2025/NĐ-CP"),)
    assert "; basis +0 −0, 1 replaced;" in repr(d)


def test_summary_names_each_kind_in_vietnamese_and_by_code(seeds):
    lines = diff_plans(seeds["can-tho-2022"], seeds["can-tho-2025"]).summary().splitlines()
    assert lines[1] == ("Thay đổi: 17 thay đổi theo năm (expected) · 6 căn cứ (basis) · 38 nội dung (substantive) · "
                        "0 cách viết (form) · 0 đánh số lại (renumbering) · 3 lỗi giữ nguyên (carried-error)")
    assert lines[4].startswith("Phần đầu: Số — → 137 (OCR) (thay đổi theo năm, expected); ")


def test_same_year_plans_name_expected_changes_routine(tmp_path):
    d = diff_plans(read_text(SAME_YEAR_OLD, name="a.txt"), read_text(SAME_YEAR_NEW, name="b.txt"))
    assert d.same_year and d.labels["expected"] == "thay đổi thường lệ"
    fields = {f.name: (f.kind, f.reason) for f in d.header}
    assert fields["number"] == ("expected", "số văn bản mới (a new document number)")
    assert fields["date"] == ("expected", "ngày ký mới (a new signing date)")
    text = d.summary() + d.to_markdown() + d.to_html(restore=False)
    assert "theo năm" not in text and "every year" not in text
    assert "thay đổi thường lệ (expected)" in d.summary()
    import docx

    document = docx.Document(str(d.to_docx(tmp_path / "r.docx")))
    authors = {el.get(document.element.body.nsmap["w"].join("{}") + "author")
               for el in document.element.body.iter() if el.tag.endswith(("}ins", "}del"))}
    assert "plankit · thay đổi thường lệ" in authors and "plankit · thay đổi theo năm" not in authors


def test_plans_of_two_years_keep_the_year_wording():
    old = read_text(SAME_YEAR_OLD, name="a.txt")
    new = read_text(SAME_YEAR_NEW.replace("2024", "2025"), name="b.txt")
    d = diff_plans(old, new)
    assert not d.same_year and d.labels["expected"] == "thay đổi theo năm"
    assert dict((f.name, f.reason) for f in d.header)["number"] == "số văn bản mới (a new number every year)"


ITEMS = [
    "Nhiệm vụ {n}: Xây dựng chuyên mục trên cổng thông tin.",
    "- Nhiệm vụ {n}: Xây dựng chuyên mục trên cổng thông tin.",
    "**Nhiệm vụ {n}:** Xây dựng chuyên mục trên cổng thông tin.",
    "Nhiệm vụ {n}. Xây dựng chuyên mục trên cổng thông tin.",
    "Giải pháp {n}: Xây dựng chuyên mục trên cổng thông tin.",
    "Hoạt động {n}) Xây dựng chuyên mục trên cổng thông tin.",
]


@pytest.mark.parametrize("item", ITEMS)
def test_labelled_item_renumbered_is_renumbering(item):
    first = item.format(n=1).replace("Xây dựng chuyên mục trên cổng thông tin", "Tổ chức hội nghị tập huấn")
    inserted = item.format(n=2).replace("Xây dựng chuyên mục trên cổng thông tin", "Phát hành tờ rơi cho người dân")
    old = read_text(f"KẾ HOẠCH\nTuyên truyền năm 2024\nI. NHIỆM VỤ\n{first}\n{item.format(n=2)}\nII. KINH PHÍ\n"
                    "Ngân sách nhà nước.\n")
    new = read_text(f"KẾ HOẠCH\nTuyên truyền năm 2025\nI. NHIỆM VỤ\n{first}\n{inserted}\n{item.format(n=3)}\n"
                    "II. KINH PHÍ\nNgân sách nhà nước.\n")
    kinds = [(c.kind, c.old, c.new) for c in diff_plans(old, new).changes if c.kind != "expected"]
    assert kinds == [("substantive", "", inserted), ("renumbering", "2", "3")]


def test_a_number_inside_a_sentence_is_no_renumbering():
    old = read_text("KẾ HOẠCH\nTuyên truyền năm 2024\nI. NHIỆM VỤ\nTổ chức 2 hội nghị tập huấn cho công chức.\n")
    new = read_text("KẾ HOẠCH\nTuyên truyền năm 2025\nI. NHIỆM VỤ\nTổ chức 3 hội nghị tập huấn cho công chức.\n")
    assert [(c.kind, c.old, c.new) for c in diff_plans(old, new).changes if c.kind != "expected"] == [
        ("substantive", "2", "3")]


# --- the typo search: tried only where a typo's first word stands, same matches ----------------

_WORDS = sorted({w for t in load_typos() for w in re.findall(r"\w+", fold(t.typo))} | {"tuyen", "truyen", "ha", "noi"})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", "  ", "\n", "", ", ", "-"])), max_size=40))
def test_typo_matches_equal_the_patterns_own_search(parts):
    piece = "".join(w + sep for w, sep in parts)
    for typo in load_typos():
        assert [m.span() for m in _matches(typo, piece)] == [m.span() for m in typo.pattern.finditer(piece)]
