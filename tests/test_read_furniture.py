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
