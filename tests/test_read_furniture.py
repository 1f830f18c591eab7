"""plankit.read._text.number_goes_on: a number alone on a line is the sentence's own (a date's
day wrapped after "ngày", a number after "số") or a page's number a copy put there."""

from __future__ import annotations

import pytest

from plankit.read._text import number_goes_on

CASES = [
    # (lines, index of the lone number, belongs to the sentence)
    (["Căn cứ Kế hoạch số 12/KH-UBND ngày", "18", "tháng 3 năm 2025 của UBND tỉnh;"], 1, True),
    # the number "số" takes is on the next line: the lone "2" is the page's
    (["Căn cứ Quyết định số", "2", "650/QĐ-LĐTBXH ngày 01/3/2024;"], 1, False),
    (["Thực hiện Quyết định số 15/QĐ-UBND ngày", "01", "/3/2024 của UBND tỉnh;"], 1, True),
    (["nâng cao chất lượng tuyên truyền.", "3", "II. NỘI DUNG"], 1, False),
    # a page number between a range's two years: "GIAI ĐOẠN 2019" / "3" / "-2030"
    (["VIÊN CHỨC GIAI ĐOẠN 2019", "3", "-2030” TRÊN ĐỊA BÀN TỈNH"], 1, False),
    (["giai đoạn 2021", "4", "- 2025 của tỉnh"], 1, False),
    (["nâng cao chất lượng", "Trang 3/9", "3", "tiếp tục triển khai"], 2, False),
]


@pytest.mark.parametrize(("lines", "k", "expected"), CASES)
def test_number_goes_on(lines, k, expected):
    assert number_goes_on(lines, k) is expected


# A page break inside a word the text writes elsewhere: the number between its halves is the
# page's, even after a word that takes a number ("Chương", "Mục", "số", "Điều").
SPLIT_WORD = [
    (["Thực hiện Chương trình chuyển đổi số.", "Triển khai nội dung của Chương", "7", "trình mục tiêu quốc gia."], 2, False),
    (["Bảo đảm mục tiêu đề ra.", "xác định rõ các Mục", "2", "tiêu cụ thể của tỉnh;"], 2, False),
    (["cập nhật số liệu hằng tháng.", "tổng hợp đầy đủ số", "11", "liệu báo cáo về Sở;"], 2, False),
    (["điều chỉnh kế hoạch khi cần.", "đề xuất nội dung điều", "6", "chỉnh cho phù hợp;"], 2, False),
    # the pair stands nowhere else: the number is the word's ("Điều 5 của Luật", "Chương 3 về")
    (["Thực hiện Chương trình chuyển đổi số.", "theo quy định tại Điều", "5", "của Luật Ngân sách nhà nước."], 2, True),
    (["Nội dung thực hiện.", "như nêu tại Chương", "3", "về tổ chức thực hiện."], 2, True),
    # an upper-case continuation is no half of a word: a heading's number kept as before
    (["Thực hiện Chương trình chuyển đổi số.", "các nội dung tại Chương", "4", "Trình tự thực hiện."], 2, True),
]


@pytest.mark.parametrize(("lines", "k", "expected"), SPLIT_WORD)
def test_a_page_number_inside_a_word_is_the_pages(lines, k, expected):
    assert number_goes_on(lines, k) is expected


@pytest.mark.parametrize(("number", "kept"), [("4", False), ("12", False)])
def test_a_read_copy_joins_the_word_the_page_break_cut(number, kept):
    from plankit.read import read_text

    text = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 40/KH-UBND\nHà Nam, ngày 3 tháng 4 năm 2024\nKẾ HOẠCH\n"
            "Thực hiện Chương trình chuyển đổi số năm 2024\nI. MỤC ĐÍCH\n"
            f"1. Triển khai có hiệu quả các nội dung của Chương\n{number}\ntrình mục tiêu quốc gia về nông thôn mới.\n")
    plan = read_text(text, "kh.txt")
    assert (f"\n{number}\n" in plan.text) is kept
    assert "nội dung của Chương\ntrình mục tiêu" in plan.text
