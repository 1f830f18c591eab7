"""Layouts the development corpus lacks, as fixtures written for these tests (invented bodies
and numbers in real shapes), each with its exact header, citations and plan facts: a commune
after the 2025 two-level reform (no district; its province only in the "TỈNH Y" line above or
in the place line), a Party plan left blank to be numbered and dated (``Số:       -KH/TU``,
``ngày     tháng     năm 2026``, ``ngày ... tháng ... năm ...``), a joint plan of two
departments, a plan attached to the decision that issues it, a ministry's letter with its
"V/v" subject, a department abbreviated under its committee (``SỞ TT&TT``, ``SỞ NN&MT``), a
provincial steering committee, a university and a hospital under their parents, a council's
resolution (``NGHỊ QUYẾT`` of the HĐND, its "Xét Tờ trình" ground). Re-wrapping any of them at
any width from 30 characters changes none of these."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plankit import read_text

from .test_read_rewrap import _rewrap

COMMUNE_TINH_ABOVE = """\
TỈNH ĐỒNG NAI
ỦY BAN NHÂN DÂN XÃ TÂN PHÚ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 58/KH-UBND
Tân Phú, ngày 15 tháng 9 năm 2025
KẾ HOẠCH
Tuyên truyền cải cách hành chính trên địa bàn xã năm 2025
Căn cứ Kế hoạch số 190/KH-UBND ngày 20/8/2025 của Ủy ban nhân dân tỉnh về cải cách hành chính năm 2025;
I. MỤC ĐÍCH, YÊU CẦU
"""

COMMUNE_PLACE_PROVINCE = """\
ỦY BAN NHÂN DÂN
XÃ PHÚ LỘC
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 102/KH-UBND
Thành phố Huế, ngày 03 tháng 10 năm 2025
KẾ HOẠCH
Chuyển đổi số trên địa bàn xã năm 2025
Thực hiện Kế hoạch số 311/KH-UBND ngày 12/9/2025 của UBND thành phố về chuyển đổi số;
I. MỤC ĐÍCH
"""

PARTY_BLANK_DRAFT = """\
ĐẢNG BỘ TỈNH NINH BÌNH
TỈNH ỦY
*
Số:       -KH/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Ninh Bình, ngày     tháng     năm 2026
KẾ HOẠCH
Tuyên truyền kỷ niệm các ngày lễ lớn năm 2026
- Căn cứ Hướng dẫn số 150-HD/BTGDVTW ngày 05/12/2025 của Ban Tuyên giáo và Dân vận Trung ương;
I. MỤC ĐÍCH, YÊU CẦU
"""

PARTY_NO_YEAR = """\
ĐẢNG BỘ TỈNH NINH BÌNH
TỈNH ỦY
*
Số:       -KH/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Ninh Bình, ngày ... tháng ... năm ...
KẾ HOẠCH
Học tập, quán triệt Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XXII, nhiệm kỳ 2025 - 2030
- Căn cứ Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị;
I. MỤC ĐÍCH, YÊU CẦU
"""

JOINT_PLAN = """\
SỞ Y TẾ | SỞ GIÁO DỤC VÀ ĐÀO TẠO | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| | Độc lập - Tự do - Hạnh phúc |
Số: 120/KHLT-SYT-SGDĐT | | Lào Cai, ngày 14 tháng 3 năm 2024 |
KẾ HOẠCH LIÊN TỊCH
Y tế trường học năm học 2024 - 2025
Căn cứ Thông tư liên tịch số 13/2016/TTLT-BYT-BGDĐT ngày 12/5/2016 của Bộ Y tế và Bộ Giáo dục và Đào tạo quy định về công tác y tế trường học;
I. MỤC ĐÍCH
"""

ATTACHED_PLAN = """\
ỦY BAN NHÂN DÂN
TỈNH GIA LAI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
KẾ HOẠCH
Truyền thông chuyển đổi số năm 2024
(Ban hành kèm theo Quyết định số 345/QĐ-UBND ngày 12 tháng 01 năm 2024 của Ủy ban nhân dân tỉnh Gia Lai)
I. MỤC ĐÍCH, YÊU CẦU
1. Triển khai Quyết định số 411/QĐ-TTg ngày 31/3/2022 của Thủ tướng Chính phủ.
"""

MINISTRY_VV = """\
BỘ NỘI VỤ          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                   Độc lập - Tự do - Hạnh phúc
Số: 5678/BNV-CCHC          Hà Nội, ngày 10 tháng 11 năm 2025
V/v hướng dẫn xây dựng kế hoạch cải cách
hành chính năm 2026
Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.
Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ, Bộ Nội vụ hướng dẫn như sau:
1. Xây dựng kế hoạch cải cách hành chính năm 2026.
"""

SO_ABBREVIATED = """\
UBND TỈNH BẮC GIANG
SỞ TT&TT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 77/KH-STTTT
Bắc Giang, ngày 22 tháng 02 năm 2024
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2024
Căn cứ Kế hoạch số 30/KH-UBND ngày 15/01/2024 của UBND tỉnh Bắc Giang;
I. MỤC ĐÍCH
"""

SO_2025_ABBREVIATED = """\
UBND TỈNH NINH BÌNH
SỞ NN&MT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 15/KH-SNNMT
Ninh Bình, ngày 20 tháng 8 năm 2025
KẾ HOẠCH
Cải cách hành chính năm 2025
Căn cứ Kế hoạch số 88/KH-UBND ngày 01/8/2025 của UBND tỉnh Ninh Bình;
I. MỤC ĐÍCH
"""

STEERING_COMMITTEE = """\
UBND TỈNH QUẢNG TRỊ
BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 05/KH-BCĐ
Quảng Trị, ngày 06 tháng 3 năm 2024
KẾ HOẠCH
Hoạt động của Ban Chỉ đạo cải cách hành chính tỉnh năm 2024
Căn cứ Quyết định số 250/QĐ-UBND ngày 01/02/2024 của UBND tỉnh về kiện toàn Ban Chỉ đạo cải cách hành chính tỉnh;
I. MỤC ĐÍCH
"""

UNIVERSITY = """\
BỘ GIÁO DỤC VÀ ĐÀO TẠO
TRƯỜNG ĐẠI HỌC SƯ PHẠM HÀ NỘI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 455/KH-ĐHSPHN
Hà Nội, ngày 12 tháng 4 năm 2024
KẾ HOẠCH
Chuyển đổi số của Trường năm 2024
Căn cứ Quyết định số 131/QĐ-TTg ngày 25/01/2022 của Thủ tướng Chính phủ;
I. MỤC ĐÍCH
"""

HOSPITAL = """\
SỞ Y TẾ TỈNH NGHỆ AN
BỆNH VIỆN ĐA KHOA TỈNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 210/KH-BVĐK
Nghệ An, ngày 05 tháng 5 năm 2024
KẾ HOẠCH
Cải cách hành chính năm 2024
Căn cứ Kế hoạch số 90/KH-SYT ngày 10/02/2024 của Sở Y tế;
I. MỤC ĐÍCH
"""

HDND_RESOLUTION = """\
HỘI ĐỒNG NHÂN DÂN
TỈNH HÀ TĨNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 45/2024/NQ-HĐND
Hà Tĩnh, ngày 10 tháng 7 năm 2024
NGHỊ QUYẾT
Quy định mức chi hỗ trợ công tác cải cách hành chính trên địa bàn tỉnh năm 2024
HỘI ĐỒNG NHÂN DÂN TỈNH HÀ TĨNH
KHÓA XVIII, KỲ HỌP THỨ 21
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Nghị định số 34/2016/NĐ-CP ngày 14 tháng 5 năm 2016 của Chính phủ;
Xét Tờ trình số 321/TTr-UBND ngày 20 tháng 6 năm 2024 của Ủy ban nhân dân tỉnh; ý kiến thảo luận của đại biểu Hội đồng nhân dân tỉnh tại kỳ họp.
QUYẾT NGHỊ:
Điều 1. Quy định mức chi hỗ trợ công tác cải cách hành chính.
"""


# name, text, header (doc_type, number, symbol, date, (year, month, day), place, issuer, parent,
# year, title), citations (key, role) without implicit ones, facts (level, province, basis openings)
CASES = [
    ("commune-2025-province-line-above", COMMUNE_TINH_ABOVE,
     ("Kế hoạch", "58", "KH-UBND", dt.date(2025, 9, 15), (2025, 9, 15), "Tân Phú", "Ủy ban nhân dân xã Tân Phú", None,
      2025, "Tuyên truyền cải cách hành chính trên địa bàn xã năm 2025"),
     [("58/KH-UBND", "self"), ("190/KH-UBND", "basis")],
     ("commune", "Đồng Nai", ["Căn cứ"])),
    ("commune-2025-province-in-the-place-line", COMMUNE_PLACE_PROVINCE,
     ("Kế hoạch", "102", "KH-UBND", dt.date(2025, 10, 3), (2025, 10, 3), "Huế", "Ủy ban nhân dân xã Phú Lộc", None,
      2025, "Chuyển đổi số trên địa bàn xã năm 2025"),
     [("102/KH-UBND", "self"), ("311/KH-UBND", "basis")],
     ("commune", "Huế", ["Thực hiện"])),
    ("party-draft-blank-number-and-day", PARTY_BLANK_DRAFT,
     ("Kế hoạch", None, "KH/TU", None, (2026, None, None), "Ninh Bình", "Tỉnh ủy Ninh Bình", "Đảng bộ tỉnh Ninh Bình",
      2026, "Tuyên truyền kỷ niệm các ngày lễ lớn năm 2026"),
     [("150-HD/BTGDVTW", "basis")],
     ("party", "Ninh Bình", ["Căn cứ"])),
    ("party-draft-date-blank-to-the-year", PARTY_NO_YEAR,
     ("Kế hoạch", None, "KH/TU", None, (None, None, None), "Ninh Bình", "Tỉnh ủy Ninh Bình", "Đảng bộ tỉnh Ninh Bình",
      None, "Học tập, quán triệt Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XXII, nhiệm kỳ 2025 - 2030"),
     [("01-KL/TW", "basis")],
     ("party", "Ninh Bình", ["Căn cứ"])),
    ("joint-plan-of-two-departments", JOINT_PLAN,
     ("Kế hoạch", "120", "KHLT-SYT-SGDĐT", dt.date(2024, 3, 14), (2024, 3, 14), "Lào Cai", "Sở Y tế tỉnh Lào Cai", None,
      2024, "Y tế trường học năm học 2024 - 2025"),
     [("13/2016/TTLT-BYT-BGDĐT", "basis")],
     ("department", "Lào Cai", ["Căn cứ"])),
    ("plan-attached-to-its-decision", ATTACHED_PLAN,
     ("Kế hoạch", None, None, dt.date(2024, 1, 12), (2024, 1, 12), None, "Ủy ban nhân dân tỉnh Gia Lai", None,
      2024, "Truyền thông chuyển đổi số năm 2024"),
     [("345/QĐ-UBND", "self"), ("411/QĐ-TTg", "mention")],
     ("province", "Gia Lai", [])),
    ("ministry-letter-with-its-v-v-subject", MINISTRY_VV,
     ("Công văn", "5678", "BNV-CCHC", dt.date(2025, 11, 10), (2025, 11, 10), "Hà Nội", "Bộ Nội vụ", None,
      2026, "V/v hướng dẫn xây dựng kế hoạch cải cách hành chính năm 2026"),
     [("5678/BNV-CCHC", "self"), ("76/NQ-CP", "basis")],
     ("central", None, ["Thực hiện"])),
    ("department-abbreviated-under-its-committee", SO_ABBREVIATED,
     ("Kế hoạch", "77", "KH-STTTT", dt.date(2024, 2, 22), (2024, 2, 22), "Bắc Giang", "Sở Thông tin và Truyền thông tỉnh Bắc Giang",
      "UBND tỉnh Bắc Giang", 2024, "Tuyên truyền cải cách hành chính năm 2024"),
     [("77/KH-STTTT", "self"), ("30/KH-UBND", "basis")],
     ("department", "Bắc Giang", ["Căn cứ"])),
    ("merged-department-abbreviated-2025", SO_2025_ABBREVIATED,
     ("Kế hoạch", "15", "KH-SNNMT", dt.date(2025, 8, 20), (2025, 8, 20), "Ninh Bình", "Sở Nông nghiệp và Môi trường tỉnh Ninh Bình",
      "UBND tỉnh Ninh Bình", 2025, "Cải cách hành chính năm 2025"),
     [("15/KH-SNNMT", "self"), ("88/KH-UBND", "basis")],
     ("department", "Ninh Bình", ["Căn cứ"])),
    ("provincial-steering-committee", STEERING_COMMITTEE,
     ("Kế hoạch", "05", "KH-BCĐ", dt.date(2024, 3, 6), (2024, 3, 6), "Quảng Trị", "Ban Chỉ đạo cải cách hành chính tỉnh Quảng Trị",
      "UBND tỉnh Quảng Trị", 2024, "Hoạt động của Ban Chỉ đạo cải cách hành chính tỉnh năm 2024"),
     [("05/KH-BCĐ", "self"), ("250/QĐ-UBND", "basis")],
     ("department", "Quảng Trị", ["Căn cứ"])),
    ("university-under-its-ministry", UNIVERSITY,
     ("Kế hoạch", "455", "KH-ĐHSPHN", dt.date(2024, 4, 12), (2024, 4, 12), "Hà Nội", "Trường Đại học Sư phạm Hà Nội",
      "Bộ Giáo dục và Đào tạo", 2024, "Chuyển đổi số của Trường năm 2024"),
     [("455/KH-ĐHSPHN", "self"), ("131/QĐ-TTg", "basis")],
     ("central", None, ["Căn cứ"])),
    ("hospital-under-its-department", HOSPITAL,
     ("Kế hoạch", "210", "KH-BVĐK", dt.date(2024, 5, 5), (2024, 5, 5), "Nghệ An", "Bệnh viện Đa khoa tỉnh",
      "Sở Y tế tỉnh Nghệ An", 2024, "Cải cách hành chính năm 2024"),
     [("210/KH-BVĐK", "self"), ("90/KH-SYT", "basis")],
     ("department", "Nghệ An", ["Căn cứ"])),
    ("council-resolution", HDND_RESOLUTION,
     ("Nghị quyết", "45", "2024/NQ-HĐND", dt.date(2024, 7, 10), (2024, 7, 10), "Hà Tĩnh", "Hội đồng nhân dân tỉnh Hà Tĩnh",
      None, 2024, "Quy định mức chi hỗ trợ công tác cải cách hành chính trên địa bàn tỉnh năm 2024"),
     [("45/2024/NQ-HĐND", "self"), ("34/2016/NĐ-CP", "basis"), ("321/TTr-UBND", "basis")],
     ("province", "Hà Tĩnh", ["Căn cứ", "Căn cứ", "Xét"])),
]


def _reading(text: str) -> tuple:
    plan = read_text(text, "unseen.txt")
    h, f = plan.header, plan.facts
    parts = (h.date_parts.year, h.date_parts.month, h.date_parts.day)
    head = (h.doc_type, h.number, h.symbol, h.date, parts, h.place, h.issuer, h.parent, h.year, h.title)
    cites = [(c.key, c.role) for c in plan.citations if not c.implicit]
    facts = (f.level, f.province.name if f.province else None, [c.opening for c in f.basis])
    return head, cites, facts


@pytest.mark.parametrize(("name", "text", "header", "cites", "facts"), CASES, ids=[c[0] for c in CASES])
def test_unseen_layout_header_citations_and_facts(name, text, header, cites, facts):
    assert _reading(text) == (header, cites, facts)


def _stable(text: str) -> tuple:
    head, cites, facts = _reading(text)
    return (*head[:9], " ".join((head[9] or "").split())), cites, facts


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=st.sampled_from(CASES), width=st.integers(min_value=30, max_value=160))
def test_rewrapping_an_unseen_layout_keeps_its_reading(case, width):
    name, text, *_ = case
    assert _stable(_rewrap(text, width)) == _stable(text), name


def test_a_plan_attached_to_its_decision_records_the_decision():
    """The decision is the plan's issuing act (``header.span("issued_by")``), not a citation
    of another document; the plan is dated by it."""
    plan = read_text(ATTACHED_PLAN)
    span = plan.header.span("issued_by")
    assert span is not None and span.slice(plan.text) == "345/QĐ-UBND"
    assert (plan.facts.date, plan.facts.dated) == (dt.date(2024, 1, 12), True)


@pytest.mark.parametrize(("cell", "name"), [
    ("TRƯỜNG ĐẠI HỌC SƯ PHẠM HÀ NỘI", "Trường Đại học Sư phạm Hà Nội"),
    ("BỆNH VIỆN ĐA KHOA TỈNH", "Bệnh viện Đa khoa tỉnh"),
    ("BỆNH VIỆN ĐA KHOA ĐỨC GIANG", "Bệnh viện Đa khoa Đức Giang"),
    ("BỆNH VIỆN ĐA KHOA KHU VỰC CẨM PHẢ", "Bệnh viện Đa khoa khu vực Cẩm Phả"),
    ("TRƯỜNG THPT LÝ THÁI TỔ", "Trường THPT Lý Thái Tổ"),
    ("TRƯỜNG ĐẠI HỌC CẦN THƠ", "Trường Đại học Cần Thơ"),
    ("BCH ĐOÀN TỈNH QUẢNG NAM", "Ban Chấp hành Đoàn tỉnh Quảng Nam"),
    ("TỈNH ĐOÀN NGHỆ AN", "Tỉnh Đoàn Nghệ An"),
    ("ỦY BAN MTTQ VIỆT NAM XÃ TÂN HÒA", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Hòa"),
    ("SỞ Y TẾ HÀ NỘI", "Sở Y tế Hà Nội"),
    ("BAN THƯỜNG VỤ", "Ban Thường vụ"),
    ("ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH QUẢNG NINH", "Đài phát thanh và truyền hình Quảng Ninh"),
    ("SỞ Y TẾ TỈNH NGHỆ AN", "Sở Y tế tỉnh Nghệ An"),
    ("SỞ GD&ĐT TỈNH LÀO CAI", "Sở Giáo dục và Đào tạo tỉnh Lào Cai"),
    ("BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH", "Ban Chỉ đạo cải cách hành chính"),
    ("HỘI ĐỒNG NHÂN DÂN TỈNH HÀ TĨNH", "Hội đồng nhân dân tỉnh Hà Tĩnh"),
])
def test_header_cells_of_units_and_councils(cell, name):
    from plankit.read._header import body_name

    assert body_name(cell)[0] == name


@pytest.mark.parametrize("cell", ["BÁO CÁO", "TRƯỜNG HỢP KHẨN CẤP", "VIỆN DẪN", "ĐOÀN TNCS HỒ CHÍ MINH"])
def test_words_that_open_no_unit(cell):
    from plankit.read._header import body_name

    assert body_name(cell) is None
