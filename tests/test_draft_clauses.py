"""What follows a cited document in the same paragraph, and which cited documents are last
year's: a clause saying who issues the plan (any body, or its purpose first) is the plan's own,
so its years move; a yearly report of last year in the basis is a to-do like a yearly plan.
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


REPORT = ("Căn cứ Báo cáo số 12/BC-UBND ngày 20/12/2022 của UBND tỉnh Cao Bằng về kết quả công tác cải cách "
          "hành chính năm {year};")


@pytest.mark.parametrize(("paragraph", "todos"), [
    # last year's report (dated that December, or of the plan's own year): the officer replaces it
    (REPORT.format(year=2022), [("basis", "Căn cứ 12/BC-UBND là báo cáo năm 2022 của UBND tỉnh Cao Bằng: thay bằng "
                                 "báo cáo mới nhất khi có (basis 12/BC-UBND is last year's report: replace it with the latest)")]),
    (REPORT.format(year=2023).replace("20/12/2022", "05/01/2023"),
     [("basis", "Căn cứ 12/BC-UBND là báo cáo năm 2023 của UBND tỉnh Cao Bằng: thay bằng báo cáo mới nhất khi có "
       "(basis 12/BC-UBND is last year's report: replace it with the latest)")]),
    # an older report, a report over a period: durable, no to-do
    (REPORT.format(year=2020), []),
    (REPORT.format(year="giai đoạn 2021-2025"), []),
    # in the body: a citation to-do
    ("Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;\nI. KẾT QUẢ\nTheo Báo cáo số 12/BC-UBND ngày "
     "20/12/2022 của UBND tỉnh Cao Bằng về kết quả cải cách hành chính năm 2022, tỷ lệ hài lòng đạt 90%.",
     [("citation", "Nhắc đến báo cáo năm 2022 (12/BC-UBND): kiểm tra, thay bằng báo cáo mới nhất "
       "(mentions last year's report: check it and replace it)")]),
])
def test_a_yearly_report_of_last_year_is_a_todo(paragraph, todos):
    draft = _draft(paragraph)
    found = [(t.kind, t.message) for t in draft.todo if t.kind in ("basis", "citation")]
    assert found == todos
    for t in draft.todo:
        if t.kind in ("basis", "citation"):
            assert "12/BC-UBND" in draft.text[t.span.start : t.span.end]
