"""Year-on-year pairs are plans of one issuer about the same kind of subject (plankit.series):
a province's yearly reform plan is not compared with its digital-government plan for a period,
nor a ministry's malnutrition programme with its communication plan. Titles are our own, in the
shapes real subjects take (reworded a little each year, abbreviated, OCR'd, upper case)."""

from __future__ import annotations

import pytest

from plankit.read import read_text
from plankit.series import clean_reference, latest_plans, same_subject, year_pairs

PROVINCE = """ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH NINH BÌNH\tĐộc lập - Tự do - Hạnh phúc
Số: {number}/KH-UBND\tNinh Bình, ngày 10 tháng 01 năm {year}

KẾ HOẠCH
{title}
"""
MINISTRY = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
\tĐộc lập - Tự do - Hạnh phúc
Số: {number}/QĐ-BNNMT\tHà Nội, ngày 10 tháng 01 năm {year}

QUYẾT ĐỊNH
{title}
"""


def plan(title: str, year: int, *, number: int = 5, shape: str = PROVINCE, name: str | None = None):
    return read_text(shape.format(number=number, year=year, title=title), name=name or f"{year}-{number}.txt")


@pytest.mark.parametrize(("a", "b", "same"), [
    # one subject over the years
    ("Cải cách hành chính năm 2024", "Cải cách hành chính năm 2025", True),
    ("Tuyên truyền cải cách hành chính nhà nước năm 2022", "Tuyên truyền cải cách hành chính năm 2023", True),
    ("Tuyên truyền cải cách hành chính (CCHC) năm 2023", "TUYÊN TRUYỀN CCHC NĂM 2024", True),
    ("Chuyển đổi số tỉnh Ninh Bình năm 2023", "Chuyển đổi số trên địa bàn tỉnh năm 2024", True),
    ("Công tác thông tin, tuyên truyền cải cách hành chính năm 2022",
     "Cong tac thong tin, tuyén truyén cai cach hanh chinh nim 2025", True),  # OCR'd, no diacritics
    ("Phát triển chính quyền số giai đoạn 2021-2025", "Phát triển chính quyền số giai đoạn 2026 - 2030", True),
    # another topic of the same issuer
    ("Cải cách hành chính năm 2021", "Phát triển chính quyền số năm 2022", False),
    ("Cải cách hành chính năm 2024", "Rà soát, đánh giá thủ tục hành chính năm 2024", False),
    ("Thông tin, truyền thông về y tế năm 2024", "Phòng chống suy dinh dưỡng ở trẻ em năm 2024", False),
    # a yearly plan and a plan for a period are not one series
    ("Cải cách hành chính năm 2025", "Cải cách hành chính giai đoạn 2026-2030", False),
])
def test_same_subject_table(a, b, same):
    assert same_subject(plan(a, 2024), plan(b, 2025)) is same
    assert same_subject(plan(b, 2025), plan(a, 2024)) is same


def test_a_province_with_three_series_pairs_each_within_its_own():
    plans = [
        plan("Cải cách hành chính tỉnh Ninh Bình năm 2021", 2021, number=584, name="nb/584.txt"),
        plan("Phát triển chính quyền số tỉnh Ninh Bình giai đoạn 2026-2030", 2025, number=186, name="nb/186.txt"),
        plan("Cải cách hành chính tỉnh Ninh Bình giai đoạn 2025-2030", 2025, number=69, name="nb/69.txt"),
        plan("Cải cách hành chính tỉnh Ninh Bình năm 2026", 2026, number=167, name="nb/167.txt"),
        plan("Cải cách hành chính tỉnh Ninh Bình năm 2027", 2027, number=12, name="nb/12.txt"),
    ]
    assert [(a.name, b.name) for a, b in year_pairs(plans)] == [("nb/167.txt", "nb/12.txt"), ("nb/584.txt", "nb/167.txt")]
    assert [p.name for p in latest_plans(plans)] == ["nb/12.txt", "nb/186.txt", "nb/69.txt"]
    assert clean_reference(plans[4], plans).name == "nb/167.txt"
    # no earlier plan of its subject: the issuer's latest plan up to its year still spells its names
    assert clean_reference(plans[1], plans).name == "nb/69.txt"
    assert clean_reference(plans[0], plans) is None


def test_a_ministrys_programme_and_its_communication_plans():
    plans = [
        plan("Về việc phê duyệt Kế hoạch hành động phòng chống suy dinh dưỡng thấp còi ở trẻ em giai đoạn 2021-2025",
             2021, number=5556, shape=MINISTRY, name="bnnmt/5556.txt"),
        plan("Ban hành Kế hoạch thông tin, truyền thông nông nghiệp năm 2024", 2024, number=128, shape=MINISTRY,
             name="bnnmt/128.txt"),
        plan("Ban hành Kế hoạch thông tin, truyền thông nông nghiệp năm 2025", 2025, number=288, shape=MINISTRY,
             name="bnnmt/288.txt"),
    ]
    assert [(a.name, b.name) for a, b in year_pairs(plans)] == [("bnnmt/128.txt", "bnnmt/288.txt")]


def test_a_plan_without_a_subject_is_never_paired():
    untitled = read_text("ỦY BAN NHÂN DÂN TỈNH NINH BÌNH\nSố: 3/KH-UBND\nNinh Bình, ngày 10 tháng 01 năm 2025\n",
                         name="nb/3.txt")
    titled = plan("Cải cách hành chính năm 2024", 2024, name="nb/5.txt")
    assert untitled.header.title is None and untitled.year == 2025
    assert year_pairs([titled, untitled]) == []
    assert [p.name for p in latest_plans([titled, untitled])] == ["nb/3.txt", "nb/5.txt"]
