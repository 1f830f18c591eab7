"""What follows a cited document in the same paragraph, and which cited documents are last
year's: a clause saying who issues the plan (any body, or its purpose first) is the plan's own,
so its years move.
The fixtures are invented (agencies, numbers), their sentence shapes are real."""

from __future__ import annotations

import pytest

from plankit.draft import INTRO_RE, draft_plan
from plankit.read import read_text
from plankit.text import fold

HEAD = """UBND TỈNH CAO BẰNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ NỘI VỤ\tĐộc lập - Tự do - Hạnh phúc
Số: 11/KH-SNV\tCao Bằng, ngày 09 tháng 01 năm 2023

KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2023

"""
BODY = "I. MỤC ĐÍCH\nNâng cao nhận thức của công chức.\n"
CITED = "Căn cứ Quyết định số 7/QĐ-UBND ngày 04/01/2021 của UBND tỉnh Cao Bằng về quy chế làm việc"


def _draft(paragraph: str):
    return draft_plan(read_text(HEAD + paragraph + "\n" + BODY, name="cb-2023.txt"), year=2024)


@pytest.mark.parametrize(("paragraph", "lines"), [
    # a body that is not in the old list of issuers: a Phòng, the plan's "đơn vị", a school
    (f"{CITED}, Phòng Nội vụ xây dựng Kế hoạch tuyên truyền năm 2023 như sau:",
     [f"{CITED}.", "Phòng Nội vụ xây dựng Kế hoạch tuyên truyền năm 2024 như sau:"]),
    (f"{CITED}, đơn vị xây dựng Kế hoạch tuyên truyền năm 2023 như sau:",
     [f"{CITED}.", "Đơn vị xây dựng Kế hoạch tuyên truyền năm 2024 như sau:"]),
    (f"{CITED}, Trường Trung học phổ thông Mẫu ban hành Kế hoạch năm 2023 như sau:",
     [f"{CITED}.", "Trường Trung học phổ thông Mẫu ban hành Kế hoạch năm 2024 như sau:"]),
    # the purpose first, the issuer after
    (f"{CITED}, để thực hiện tốt Kế hoạch tuyên truyền năm 2023 Sở Nội vụ đề ra nội dung như sau:",
     [f"{CITED}.", "Để thực hiện tốt Kế hoạch tuyên truyền năm 2024 Sở Nội vụ đề ra nội dung như sau:"]),
    (f"{CITED}, nhằm triển khai có hiệu quả Kế hoạch cải cách hành chính năm 2023 của tỉnh, Sở Nội vụ "
     "xây dựng Kế hoạch như sau:",
     [f"{CITED}.", "Nhằm triển khai có hiệu quả Kế hoạch cải cách hành chính năm 2024 của tỉnh, Sở Nội vụ "
      "xây dựng Kế hoạch như sau:"]),
    # a cited decision's own subject is history: its "Kế hoạch ... năm 2023" stays
    ("Căn cứ Quyết định số 8/QĐ-UBND ngày 20/12/2022 của UBND tỉnh Cao Bằng về việc ban hành Kế hoạch "
     "chuyển đổi số năm 2023;",
     ["Căn cứ Quyết định số 8/QĐ-UBND ngày 20/12/2022 của UBND tỉnh Cao Bằng về việc ban hành Kế hoạch "
      "chuyển đổi số năm 2023;"]),
])
def test_the_clause_after_a_citation_is_the_plans_own(paragraph, lines):
    text = _draft(paragraph).text.splitlines()
    start = text.index(lines[0])
    assert text[start : start + len(lines)] == lines


def test_a_body_paragraph_moves_the_year_after_the_citation_ends():
    body = ("I. MỤC ĐÍCH\nThực hiện Quyết định số 7/QĐ-UBND ngày 04/01/2021 của UBND tỉnh Cao Bằng về quy "
            "chế làm việc, Phòng Tổ chức triển khai Kế hoạch tuyên truyền năm 2023 đến công chức.\n")
    draft = draft_plan(read_text(HEAD + body, name="cb-2023.txt"), year=2024)
    assert ("Thực hiện Quyết định số 7/QĐ-UBND ngày 04/01/2021 của UBND tỉnh Cao Bằng về quy chế làm việc, "
            "Phòng Tổ chức triển khai Kế hoạch tuyên truyền năm 2024 đến công chức.") in draft.text


@pytest.mark.parametrize(("sentence", "intro"), [
    ("Căn cứ Quyết định số 7/QĐ-UBND, Phòng Văn hóa xây dựng Kế hoạch năm 2023 như sau:",
     "phong van hoa xay dung ke hoach nam 2023 nhu sau:"),
    ("Căn cứ Quyết định số 7/QĐ-UBND; Bệnh viện Đa khoa Mẫu ban hành Kế hoạch năm 2023 sau đây:",
     "benh vien da khoa mau ban hanh ke hoach nam 2023 sau day:"),
    ("Căn cứ Quyết định số 7/QĐ-UBND, nhằm cụ thể hóa Kế hoạch năm 2023, đơn vị xây dựng Kế hoạch như sau:",
     "nham cu the hoa ke hoach nam 2023, don vi xay dung ke hoach nhu sau:"),
    # a verb with no body before it, or a purpose that names no plan: no intro
    ("Căn cứ Quyết định số 7/QĐ-UBND, sửa đổi và ban hành kế hoạch kiểm tra như sau:", None),
    ("Căn cứ Quyết định số 7/QĐ-UBND, để thực hiện tốt nhiệm vụ, công chức thực hiện như sau:", None),
])
def test_intro_table(sentence, intro):
    m = INTRO_RE.search(fold(sentence))
    assert (m.group("intro") if m else None) == intro
