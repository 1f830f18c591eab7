"""National bodies whose names end in "Việt Nam" (social insurance, the state bank, the news
agency, the national radio, the trade unions, the farmers' and women's unions, the Fatherland
Front's central committee) and their branches in a province or a region, read from a header in
each layout a copy may give it: the whole name in its registry case, and the level.

Every fixture is invented (numbers, dates, subjects) in a real layout.
"""

from __future__ import annotations

import pytest

from plankit.facts import issuer_level
from plankit.read import read_text
from plankit.read._header import body_name

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO2 = "Độc lập - Tự do - Hạnh phúc"
BODY = "KẾ HOẠCH\nPhổ biến chính sách năm 2024\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nBảo đảm thực hiện đúng.\n"


def _doc(left: str, number: str, place: str, shape: str) -> str:
    date = f"{place}, ngày 9 tháng 5 năm 2024"
    if shape == "piped":  # a portal's table flattened with bars
        return f"{left} | {MOTTO}\n| {MOTTO2}\nSố: {number} | {date}\n" + BODY
    if shape == "tabs":  # Word's text export
        return f"{left}\t{MOTTO}\n\t{MOTTO2}\nSố: {number}\t{date}\n" + BODY
    if shape == "spaced":  # a PDF's text layer: the columns apart by a wide gap
        return f"{left}          {MOTTO}\n                              {MOTTO2}\nSố: {number}          {date}\n" + BODY
    if shape == "stacked":  # the cells one under the other
        return f"{left}\n{MOTTO}\n{MOTTO2}\nSố: {number}\n{date}\n" + BODY
    raise AssertionError(shape)


SHAPES = ("piped", "tabs", "spaced", "stacked")

# (header cell, number, place, issuer, level)
BODIES = [
    ("BẢO HIỂM XÃ HỘI VIỆT NAM", "310/KH-BHXH", "Hà Nội", "Bảo hiểm xã hội Việt Nam", "central"),
    ("NGÂN HÀNG NHÀ NƯỚC VIỆT NAM", "58/KH-NHNN", "Hà Nội", "Ngân hàng Nhà nước Việt Nam", "central"),
    ("THÔNG TẤN XÃ VIỆT NAM", "17/KH-TTXVN", "Hà Nội", "Thông tấn xã Việt Nam", "central"),
    ("ĐÀI TIẾNG NÓI VIỆT NAM", "402/KH-TNVN", "Hà Nội", "Đài Tiếng nói Việt Nam", "central"),
    ("TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "23/KH-TLĐ", "Hà Nội", "Tổng Liên đoàn Lao động Việt Nam", "central"),
    ("HỘI NÔNG DÂN VIỆT NAM", "71/KH-HNDTW", "Hà Nội", "Hội Nông dân Việt Nam", "central"),
    ("HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM", "12/KH-ĐCT", "Hà Nội", "Hội Liên hiệp Phụ nữ Việt Nam", "central"),
    ("ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM", "45/KH-MTTW", "Hà Nội",
     "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "party"),
    # a branch in a province, a region, a district: a department of the province's level
    ("BẢO HIỂM XÃ HỘI TỈNH QUẢNG TRỊ", "95/KH-BHXH", "Quảng Trị", "Bảo hiểm xã hội tỉnh Quảng Trị", "department"),
    ("BHXH TỈNH PHÚ THỌ", "96/KH-BHXH", "Phú Thọ", "Bảo hiểm xã hội tỉnh Phú Thọ", "department"),
    ("BẢO HIỂM XÃ HỘI KHU VỰC XIV", "8/KH-BHXH", "Cà Mau", "Bảo hiểm xã hội khu vực XIV", "department"),
    ("NGÂN HÀNG NHÀ NƯỚC CHI NHÁNH TỈNH BÌNH ĐỊNH", "6/KH-BĐI", "Bình Định",
     "Ngân hàng Nhà nước chi nhánh tỉnh Bình Định", "department"),
    ("LIÊN ĐOÀN LAO ĐỘNG TỈNH TRÀ VINH", "30/KH-LĐLĐ", "Trà Vinh", "Liên đoàn Lao động tỉnh Trà Vinh", "department"),
    # a mass organisation below the province stands at its unit's level
    ("HỘI NÔNG DÂN HUYỆN MỎ CÀY", "4/KH-HND", "Mỏ Cày", "Hội Nông dân huyện Mỏ Cày", "district"),
]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(("cell", "number", "place", "issuer", "level"), BODIES)
def test_national_body_read_whole_in_case(cell, number, place, issuer, level, shape):
    plan = read_text(_doc(cell, number, place, shape), "kh.txt")
    assert (plan.header.issuer, plan.facts.level) == (issuer, level)


@pytest.mark.parametrize(("cell", "issuer"), [
    ("BẢO HIỂM XÃ HỘI VIỆT NAM", "Bảo hiểm xã hội Việt Nam"),
    ("Bảo hiểm xã hội Việt Nam", "Bảo hiểm xã hội Việt Nam"),
    ("BẢO HIỂM XÃ HỘI TỈNH NGHỆ AN", "Bảo hiểm xã hội tỉnh Nghệ An"),
    ("BHXH KHU VỰC 3", "Bảo hiểm xã hội khu vực 3"),
    ("HỘI LIÊN HIỆP PHỤ NỮ TỈNH LONG AN", "Hội Liên hiệp Phụ nữ tỉnh Long An"),
    ("BÁO NHÂN DÂN", "Báo Nhân dân"),  # a newspaper stays one; "BẢO HIỂM" is none
])
def test_body_name_of_cell(cell, issuer):
    assert body_name(cell)[0] == issuer


@pytest.mark.parametrize("cell", ["BẢO HIỂM XÃ HỘI", "HỘI NÔNG DÂN", "BẢO HIỂM Y TẾ TOÀN DÂN"])
def test_a_cut_or_unknown_name_is_no_national_body(cell):
    assert body_name(cell) is None


def test_social_insurance_over_its_province_branch():
    text = (f"BẢO HIỂM XÃ HỘI VIỆT NAM\t{MOTTO}\nBẢO HIỂM XÃ HỘI TỈNH HÀ TĨNH\t{MOTTO2}\n"
            "Số: 140/KH-BHXH\tHà Tĩnh, ngày 2 tháng 6 năm 2024\n" + BODY)
    plan = read_text(text, "kh.txt")
    h, f = plan.header, plan.facts
    assert (h.issuer, h.parent, f.level, f.province.name) == (
        "Bảo hiểm xã hội tỉnh Hà Tĩnh", "Bảo hiểm xã hội Việt Nam", "department", "Hà Tĩnh")


def test_left_column_wrapped_before_viet_nam():
    text = (f"BẢO HIỂM XÃ HỘI          {MOTTO}\nVIỆT NAM                  {MOTTO2}\n"
            "Số: 77/KH-BHXH          Hà Nội, ngày 2 tháng 6 năm 2024\n" + BODY)
    assert read_text(text, "kh.txt").header.issuer == "Bảo hiểm xã hội Việt Nam"


@pytest.mark.parametrize(("issuer", "level"), [
    ("Bảo hiểm xã hội Việt Nam", "central"), ("Thông tấn xã Việt Nam", "central"),
    ("Bảo hiểm xã hội tỉnh Gia Lai", "department"), ("Ngân hàng Nhà nước chi nhánh tỉnh An Giang", "department"),
    ("Ngân hàng Nhà nước Việt Nam", "central"), ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "party"),
    ("Hội Nông dân xã Tân Lập", "commune"),  # a commune's union: its commune's level
])
def test_level_of_name(issuer, level):
    assert issuer_level(issuer) == level
