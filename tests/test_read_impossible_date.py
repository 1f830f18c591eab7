"""A header date whose day or month cannot be (a scan's "tháng 61", "ngày 31 tháng 02"): the
plan is undated, its parts kept as printed, and a Vietnamese-first warning names the file. No
digit is guessed: "61" may be 01 or 11 misread, so no repair is unambiguous.

Fixtures are invented.
"""

from __future__ import annotations

import pytest

from plankit.read import read_text

HEADER = ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nSố: 31/KH-UBND\nQuảng Ngãi, {date}\nKẾ HOẠCH\n"
          "Chuyển đổi số năm 2023\nI. MỤC ĐÍCH\n1. Bảo đảm thực hiện.\n")
WARNING = "Ngày ban hành không có thật, văn bản coi như chưa ghi ngày / impossible date, the plan is read as undated"
SCAN = " (bản quét: kiểm tra chữ số / a scan: check the digits)"

# (date line, parts as printed, what is wrong)
IMPOSSIBLE = [
    ("ngày 12 tháng 61 năm 2023", "12/61/2023", "tháng / month"),
    ("ngày 05 tháng 00 năm 2023", "05/00/2023", "tháng / month"),
    ("ngày 31 tháng 02 năm 2023", "31/02/2023", "ngày / day"),
    ("ngày 29 tháng 02 năm 2023", "29/02/2023", "ngày / day"),  # 2023 is no leap year
    ("ngày 31 tháng 4 năm 2023", "31/04/2023", "ngày / day"),
    ("ngày 45 tháng 3 năm 2023", "45/03/2023", "ngày / day"),
    ("ngày    tháng 13 năm 2023", ".../13/2023", "tháng / month"),  # a draft's blank day
]


@pytest.mark.parametrize("form", [None, "ocr"])
@pytest.mark.parametrize(("line", "parts", "what"), IMPOSSIBLE)
def test_impossible_date_is_undated_with_a_warning(line, parts, what, form):
    plan = read_text(HEADER.format(date=line), "scan-0412.png", form=form)
    assert (plan.header.date, str(plan.header.date_parts), plan.header.year) == (None, parts, 2023)
    found = [w for w in plan.warnings if w.message.startswith("Ngày ban hành")]
    expected = f"{WARNING} ({what}): {parts} in scan-0412.png" + (SCAN if form == "ocr" else "")
    assert [w.message for w in found] == [expected]
    assert plan.text[found[0].span.start:found[0].span.end].endswith("2023")


@pytest.mark.parametrize(("line", "date"), [
    ("ngày 29 tháng 02 năm 2024", "2024-02-29"),
    ("ngày 31 tháng 12 năm 2023", "2023-12-31"),
    ("ngày 01 tháng 01 năm 2023", "2023-01-01"),
])
def test_a_real_date_gives_no_warning(line, date):
    plan = read_text(HEADER.format(date=line), "kh.txt")
    assert plan.header.date.isoformat() == date
    assert not [w for w in plan.warnings if w.message.startswith("Ngày ban hành")]


@pytest.mark.parametrize("line", ["ngày    tháng    năm 2023", "ngày .... tháng .... năm ...."])
def test_a_blank_draft_date_gives_no_warning(line):
    plan = read_text(HEADER.format(date=line), "du-thao.txt")
    assert plan.header.date is None
    assert not [w for w in plan.warnings if w.message.startswith("Ngày ban hành")]
