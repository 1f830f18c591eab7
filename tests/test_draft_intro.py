"""The sentence that closes the basis and says who issues the plan ("..., Chủ tịch UBND tỉnh ban
hành Kế hoạch ... năm 2024 như sau:") speaks of the plan itself: its year moves with the draft on
both routes (plain draft and tracked changes); and a basis decision that issued last year's plan
("Quyết định ... về ban hành Kế hoạch cải cách hành chính năm 2024") is a to-do, as a cited
Kế hoạch of last year is. Texts are our own, in the shape of provincial and ministry plans."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from plankit.draft import INTRO_RE, draft_plan
from plankit.read import read_text
from plankit.render import render_docx
from plankit.text import fold
from plankit.track import draft_docx

_spec = importlib.util.spec_from_file_location("docx_walk", Path(__file__).with_name("docx_walk.py"))
docx_walk = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(docx_walk)  # the independent lxml walk of a .docx (tests/docx_walk.py)

HEADER = {
    "province": ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                 "TỈNH HÀ TĨNH\tĐộc lập - Tự do - Hạnh phúc\n"
                 "Số: 15/KH-UBND\tHà Tĩnh, ngày 12 tháng 01 năm 2024\n"),
    "department": ("UBND TỈNH HÀ TĨNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                   "SỞ NỘI VỤ\tĐộc lập - Tự do - Hạnh phúc\n"
                   "Số: 42/KH-SNV\tHà Tĩnh, ngày 12 tháng 01 năm 2024\n"),
    "ministry": ("BỘ TƯ PHÁP\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                 "\tĐộc lập - Tự do - Hạnh phúc\n"
                 "Số: 88/KH-BTP\tHà Nội, ngày 12 tháng 01 năm 2024\n"),
    "party": ("ĐẢNG BỘ TỈNH HÀ TĨNH\tĐẢNG CỘNG SẢN VIỆT NAM\n"
              "TỈNH ỦY\t\n"
              "Số: 07-KH/TU\tHà Tĩnh, ngày 12 tháng 01 năm 2024\n"),
    "commune": ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                "XÃ KỲ ANH\tĐộc lập - Tự do - Hạnh phúc\n"
                "Số: 03/KH-UBND\tKỳ Anh, ngày 12 tháng 01 năm 2024\n"),
}

BASIS = ("Thực hiện Quyết định số 2210/QĐ-UBND ngày 18/12/2023 của Chủ tịch UBND tỉnh về ban hành "
         "Kế hoạch cải cách hành chính năm 2024 của tỉnh Hà Tĩnh; Quyết định số 1650/QĐ-UBND ngày "
         "20/12/2021 của Chủ tịch UBND tỉnh về ban hành Kế hoạch tuyên truyền cải cách hành chính "
         "giai đoạn 2021 - 2025, {agent} ban hành Kế hoạch tuyên truyền cải cách hành chính (CCHC) "
         "năm 2024 {where}như sau:")

BODY = ("\nI. MỤC ĐÍCH, YÊU CẦU\n"
        "1. Mục đích\n"
        "Nâng cao nhận thức về cải cách hành chính trong năm 2024.\n"
        "II. NỘI DUNG\n"
        "Tuyên truyền trên cổng thông tin điện tử.\n"
        "Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2024./.\n"
        "Nơi nhận:\n- Lưu: VT.\n")

# (header, who says it, the words after the year), as such plans word the sentence
CASES = [
    ("province", "Chủ tịch UBND tỉnh", "trên địa bàn tỉnh Hà Tĩnh "),
    ("province", "Ủy ban nhân dân tỉnh", ""),
    ("province", "Phó Chủ tịch UBND tỉnh", "trên địa bàn tỉnh "),
    ("department", "Giám đốc Sở Nội vụ", "của Sở "),
    ("department", "Sở Nội vụ xây dựng và", ""),
    ("ministry", "Bộ trưởng Bộ Tư pháp", "của Bộ Tư pháp, cụ thể "),
    ("ministry", "Bộ Tư pháp", ""),
    ("party", "Ban Thường vụ Tỉnh ủy", "trong toàn Đảng bộ tỉnh "),
    ("party", "Tỉnh ủy", ""),
    ("commune", "UBND xã", "trên địa bàn xã "),
]


def plan_text(header: str, agent: str, where: str) -> str:
    basis = BASIS.format(agent=agent, where=where)
    return f"{HEADER[header]}\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024\n\n{basis}\n{BODY}"


@pytest.mark.parametrize(("header", "agent", "where"), CASES)
def test_intro_sentence_moves_with_the_year(header, agent, where):
    draft = draft_plan(read_text(plan_text(header, agent, where), name="ht-2024.txt"), year=2025)
    intro = f"{agent} ban hành Kế hoạch tuyên truyền cải cách hành chính (CCHC) năm 2025 {where}như sau:"
    assert intro in draft.text.splitlines()
    assert "năm 2024" in draft.text  # the cited decision's subject is history and stays
    assert "(CCHC) năm 2024" not in draft.text
    basis = [t for t in draft.todo if t.kind == "basis"]
    assert [draft.text[t.span.start : t.span.end].split(" ngày")[0] for t in basis] == [
        "Quyết định số 2210/QĐ-UBND"]
    assert "là kế hoạch năm 2024" in basis[0].message


@pytest.mark.parametrize(("header", "agent", "where"), CASES[::3])
def test_intro_sentence_moves_on_the_tracked_route(tmp_path, header, agent, where):
    src = render_docx(read_text(plan_text(header, agent, where), name="ht-2024.txt"), tmp_path / "ht-2024.docx")
    result = draft_docx(src, year=2025, out=tmp_path / "ht-2025.docx")
    accepted = "\n".join(docx_walk.texts(result.path, "accept"))
    assert "(CCHC) năm 2025" in accepted and "(CCHC) năm 2024" not in accepted
    assert "Kế hoạch cải cách hành chính năm 2024 của tỉnh" in accepted
    assert [k for k, _m, _t in result.todo].count("basis") == 1


@pytest.mark.parametrize(("sentence", "intro"), [
    # who issues the plan, then "... như sau:": the intro
    ("Căn cứ Nghị quyết số 76/NQ-CP, Chủ tịch UBND thành phố ban hành Kế hoạch năm 2024 như sau:",
     "chu tich ubnd thanh pho ban hanh ke hoach nam 2024 nhu sau:"),
    ("Căn cứ Chỉ thị số 23/CT-TTg; Thủ tướng Chính phủ ban hành Kế hoạch thực hiện năm 2024 như sau:",
     "thu tuong chinh phu ban hanh ke hoach thuc hien nam 2024 nhu sau:"),
    ("Căn cứ Quyết định số 5/QĐ-UBND. Văn phòng UBND tỉnh xây dựng Kế hoạch năm 2024 cụ thể sau đây:",
     "van phong ubnd tinh xay dung ke hoach nam 2024 cu the sau day:"),
    # a clause that issues nothing, or whose verb is not the plan's: no intro
    ("Căn cứ Quyết định số 12/QĐ-UBND của Chủ tịch UBND tỉnh về ban hành Kế hoạch năm 2024;", None),
    ("Căn cứ Nghị định số 30/2020/NĐ-CP, bổ sung và ban hành kế hoạch kiểm tra như sau:", None),
    ("Căn cứ Luật Tổ chức chính quyền địa phương, Chủ tịch UBND tỉnh chỉ đạo như sau:", None),
])
def test_intro_re_table(sentence, intro):
    m = INTRO_RE.search(fold(sentence))
    assert (m.group("intro") if m else None) == intro


@pytest.mark.parametrize(("subject", "todo"), [
    ("về ban hành Kế hoạch cải cách hành chính năm 2024 của tỉnh Hà Tĩnh", True),
    ("về việc ban hành Kế hoạch chuyển đổi số năm 2023", True),  # issued for the plan's year before
    ("ban hành Kế hoạch tuyên truyền cải cách hành chính giai đoạn 2021 - 2025", False),  # a period
    ("về ban hành Kế hoạch thực hiện Chương trình tổng thể năm 2021", False),  # an older year
    ("về việc phê duyệt Đề án cải cách hành chính năm 2024", False),  # not a plan
])
def test_decision_issuing_last_years_plan_is_a_todo(subject, todo):
    text = (f"{HEADER['province']}\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024\n\n"
            f"Căn cứ Quyết định số 2210/QĐ-UBND ngày 18/12/2023 của Chủ tịch UBND tỉnh {subject};\n{BODY}")
    draft = draft_plan(read_text(text, name="ht-2024.txt"), year=2025)
    assert any(t.kind == "basis" for t in draft.todo) is todo
