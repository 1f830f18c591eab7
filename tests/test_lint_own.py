"""self-date-mismatch (PK204): the plan's own number quoted with a date other than the header's."""

from __future__ import annotations

import datetime as dt

import pytest

from plankit.lint import lint_plan
from plankit.read import read_text

TODAY = dt.date(2026, 6, 1)

DECISION = (
    "ỦY BAN NHÂN DÂN TỈNH BẮC NINH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số: 69/QĐ-UBND | Bắc Ninh, ngày 15 tháng 01 năm 2025\nQUYẾT ĐỊNH\n"
    "Về việc ban hành Kế hoạch cải cách hành chính tỉnh Bắc Ninh năm 2025\n"
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2025.\n"
    "KẾ HOẠCH\nCải cách hành chính tỉnh Bắc Ninh năm 2025\n{tail}\nI. MỤC TIÊU\n"
)
PLAN = (
    "ỦY BAN NHÂN DÂN\nXÃ ĐÔNG HƯNG\nSố: 45/KH-UBND\nĐông Hưng, ngày 05 tháng 8 năm 2025\n\nKẾ HOẠCH\n"
    "Chuyển đổi số năm 2025\n\n{tail}\n"
)

# (template, tail, surfaces flagged)
CASES = [
    # a decision issuing a plan, the date under the plan's title typed with last year's year
    (DECISION, "(Ban hành kèm theo Quyết định số 69/QĐ-UBND ngày 15/01/2024 của Chủ tịch UBND tỉnh)",
     ["69/QĐ-UBND ngày 15/01/2024"]),
    # the appendix of a plan, in words
    (PLAN, "PHỤ LỤC\n(Kèm theo Kế hoạch số 45/KH-UBND ngày 05 tháng 9 năm 2025 của UBND xã)",
     ["45/KH-UBND ngày 05 tháng 9 năm 2025"]),
    # no "kèm theo", but the same year: one number names one document a year
    (PLAN, "Các đơn vị báo cáo kết quả thực hiện Kế hoạch số 45/KH-UBND ngày 15/8/2025 của UBND xã.",
     ["45/KH-UBND ngày 15/8/2025"]),
    # controls
    (DECISION, "(Ban hành kèm theo Quyết định số 69/QĐ-UBND ngày 15/01/2025 của Chủ tịch UBND tỉnh)", []),
    (DECISION, "(Ban hành kèm theo Quyết định số 69/QĐ-UBND của Chủ tịch UBND tỉnh)", []),
    (PLAN, "PHỤ LỤC\n(Kèm theo Kế hoạch số 45/KH-UBND ngày 05/8/2025 của UBND xã)", []),
    # last year's plan of the same number, cited as such
    (PLAN, "Căn cứ kết quả thực hiện Kế hoạch số 45/KH-UBND ngày 12/3/2024 của UBND xã;", []),
]


@pytest.mark.parametrize(("template", "tail", "expected"), CASES)
def test_self_date_mismatch(template, tail, expected):
    plan = read_text(template.format(tail=tail), name="x.txt")
    found = lint_plan(plan, rules=["self-date-mismatch"], today=TODAY)
    assert [f.surface for f in found] == expected
    assert all(f.severity == "error" and f.fix is None for f in found)


def test_a_header_without_a_date_is_left_alone():
    text = PLAN.replace("ngày 05 tháng 8 năm 2025", "ngày    tháng 8 năm 2025").format(
        tail="PHỤ LỤC\n(Kèm theo Kế hoạch số 45/KH-UBND ngày 05/9/2025 của UBND xã)"
    )
    assert list(lint_plan(read_text(text, name="x.txt"), rules=["PK204"], today=TODAY)) == []
