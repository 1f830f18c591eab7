"""Which plans the notebooks compare and roll forward (plankit.series), on folders shaped like an
officer's: a ministry's plans with and without the place line, one department in two provinces."""

from __future__ import annotations

from plankit.read import read_text
from plankit.series import issuer_key, latest_plans, year_pairs

MINISTRY_2024 = """BỘ Y TẾ
Số: 128/KH-BYT
KẾ HOẠCH
Thông tin, truyền thông y tế năm 2024
"""
# the same ministry a year later, its place line kept this time (a portal copy drops it or not)
MINISTRY_2025 = """BỘ Y TẾ
Số: 288/KH-BYT
Hà Nội, ngày 23 tháng 01 năm 2025
KẾ HOẠCH
Thông tin, truyền thông y tế năm 2025
"""
DEPARTMENT = """SỞ CÔNG THƯƠNG
Số: {number}/KH-SCT
{place}, ngày 07 tháng 02 năm {year}
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm {year}
"""


def test_a_ministrys_plans_are_one_series_with_or_without_the_place_line():
    old = read_text(MINISTRY_2024, name="bo-y-te/2024.txt")
    new = read_text(MINISTRY_2025, name="bo-y-te/2025.txt")
    assert (old.year, new.year) == (2024, 2025)
    assert issuer_key(old) == issuer_key(new) == ("bo y te", "")
    assert [(a.name, b.name) for a, b in year_pairs([new, old])] == [("bo-y-te/2024.txt", "bo-y-te/2025.txt")]
    assert [p.name for p in latest_plans([old, new])] == ["bo-y-te/2025.txt"]


def test_one_department_in_two_provinces_is_two_series():
    plans = [
        read_text(DEPARTMENT.format(number=181, place="Hải Dương", year=2022), name="hai-duong/2022.txt"),
        read_text(DEPARTMENT.format(number=15, place="Hưng Yên", year=2023), name="hung-yen/2023.txt"),
    ]
    assert [issuer_key(p) for p in plans] == [("so cong thuong", "hai duong"), ("so cong thuong", "hung yen")]
    assert year_pairs(plans) == []
    assert [p.name for p in latest_plans(plans)] == ["hai-duong/2022.txt", "hung-yen/2023.txt"]
