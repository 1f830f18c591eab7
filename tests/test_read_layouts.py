"""Real layouts beyond the five bundled plans: one fixture per layout trait, each written for
these tests in the shape real documents arrive in (legal portals, PDF text, news posts), each
with its exact header and citations. No text here is copied from a real document."""

from __future__ import annotations

import datetime as dt

import pytest

from plankit import read_text

# -- fixtures ----------------------------------------------------------------------------------

FLATTENED_TRUNCATED = """\
ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 15/KH-UBND | Tây Ninh, ngày 09 tháng 02 năm 2024 |
KẾ HOẠCH
THÔNG TIN, TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2024 TRÊN ĐỊA BÀN TỈNH TÂY NINH
Thực hiện Quyết định số 812/QĐ-UBND ngày 03/4/2022 của UBND tỉnh Tây Ninh về cải cách hành chính giai đoạn 2022 - 2025; Quyết định số 2950/QĐ-UBND ngày 20/12/2023 của Chủ tịch UBND tỉnh, Chủ tịch UBND tỉnh ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Nâng cao nhận thức của cán bộ, công chức về cải cách hành chính.
"""

CHROME_KEPT = """\
Kế hoạch 402/KH-UBND năm 2024 về chuyển đổi số tỉnh Lào Cai năm 2025
| Số hiệu | 402/KH-UBND |
| Ngày ban hành | 26/12/2024 |
| Loại văn bản | Kế hoạch |
| Cơ quan ban hành | Tỉnh Lào Cai |
| Người ký | Nguyễn Văn A |
- 1Nghị định 47/2020/NĐ-CP về quản lý, kết nối và chia sẻ dữ liệu số
- 2Quyết định 942/QĐ-TTg phê duyệt Chiến lược phát triển Chính phủ điện tử
|
ỦY BAN NHÂN DÂN |
CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM |
|
Số: 402/KH-UBND |
Lào Cai, ngày 26 tháng 12 năm 2024 |
KẾ HOẠCH
CHUYỂN ĐỔI SỐ TỈNH LÀO CAI NĂM 2025
Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ;
Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;
Ủy ban nhân dân tỉnh ban hành Kế hoạch chuyển đổi số năm 2025 như sau:
I. MỤC TIÊU
"""

HARD_WRAPPED = """\
ỦY BAN NHÂN DÂN
TỈNH BÀ RỊA - VŨNG TÀU
-------
|
CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
|
Số: 88/KH-UBND
|
Bà Rịa - Vũng
Tàu, ngày 08 tháng 3 năm 2023
|
KẾ HOẠCH
TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH
NĂM 2023
Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng
thể cải cách hành chính nhà nước giai đoạn 2021 - 2030; Quyết định số 1050/QĐ-UBND ngày
12/5/2022 của Ủy ban nhân dân tỉnh về việc ban hành Kế hoạch cải cách hành chính tỉnh giai
đoạn 2022 - 2025;
Ủy ban nhân dân tỉnh ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2023 như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Góp phần nâng cao nhận thức của người dân về các nhiệm vụ cải cách hành chính của tỉnh
trong năm 2023, thực hiện Quyết định số 1050/QĐ-UBND.
"""

WRAPPED_DATE = """\
BỘ NỘI VỤ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 251/QĐ-BNV | Hà Nội, ngày 01
tháng 3 năm 2025 |
QUYẾT ĐỊNH
BAN HÀNH KẾ HOẠCH TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2025
BỘ TRƯỞNG BỘ NỘI VỤ
Căn cứ Nghị định số 25/2025/NĐ-CP ngày 21/02/2025 của Chính phủ quy định chức năng, nhiệm vụ,
quyền hạn và cơ cấu tổ chức của Bộ Nội vụ;
Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;
Theo đề nghị của Vụ trưởng Vụ Cải cách hành chính.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tuyên truyền cải cách hành chính năm 2025.
"""

PRIME_MINISTER = """\
THỦ TƯỚNG CHÍNH
PHỦ |
CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM |
Số: 610/QĐ-TTg |
Hà Nội, ngày 14 tháng 5 năm 2025 |
BAN HÀNH KẾ HOẠCH TRIỂN KHAI NGHỊ QUYẾT SỐ 190/2025/QH15
THỦ TƯỚNG CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
Căn cứ Nghị quyết số 190/2025/QH15 ngày 19 tháng 02 năm 2025 của Quốc hội;
Theo đề nghị của Bộ trưởng Bộ Nội vụ.
"""

COMMUNE = """\
ỦY BAN NHÂN DÂN
XÃ HÒA AN
-------
|
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
|
Số: 21/KH-UBND
|
Hòa An, ngày 15 tháng 8 năm 2025
|
KẾ HOẠCH
CẢI CÁCH HÀNH CHÍNH NĂM 2025 TRÊN ĐỊA BÀN XÃ
Triển khai thực hiện Kế hoạch số 130/KH-UBND ngày 20/7/2025 của UBND tỉnh Cao Bằng về cải cách hành chính năm 2025, UBND xã ban hành Kế hoạch như sau:
I. MỤC ĐÍCH
"""

PARTY_BULLETED = """\
BAN CHẤP HÀNH TRUNG ƯƠNG | ĐẢNG CỘNG SẢN VIỆT NAM |
Số: 05-KH/BCĐTW | Hà Nội, ngày 10 tháng 4 năm 2025 |
TRIỂN KHAI CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2025
- Căn cứ Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học;
- Căn cứ Quy chế làm việc số 01-QC/BCĐTW, ngày 28/02/2025 của Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ và chuyển đổi số;
Ban Chỉ đạo ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
"""

DASH_LIST_NO_LEAD = """\
ỦY BAN NHÂN DÂN |
CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM |
|
Số: 0091/KH-UBND |
Gia Lai, ngày 30 tháng 12 năm 2025 |
CHUYỂN ĐỔI SỐ TỈNH GIA LAI NĂM 2026
- Luật Công nghệ thông tin ngày 29/6/2006;
- Nghị quyết số 71/NQ-CP ngày 01/4/2025 về chương trình hành động của Chính phủ;
- Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;
Ủy ban nhân dân tỉnh ban hành Kế hoạch chuyển đổi số năm 2026 như sau:
I. MỤC TIÊU
- Hoàn thành các chỉ tiêu theo Quyết định số 749/QĐ-TTg.
"""

BASIS_SECTION = """\
ỦY BAN NHÂN DÂN
TỈNH NINH BÌNH
-------
|
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
|
Số: 300/KH-UBND
|
Ninh Bình, ngày 05 tháng 11 năm 2024
|
KẾ HOẠCH
TRIỂN KHAI DỊCH VỤ CÔNG TRỰC TUYẾN
I. CĂN CỨ LẬP KẾ HOẠCH
Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ quy định việc cung cấp thông tin và
dịch vụ công trực tuyến;
Tờ trình số 118/TTr- STTTT ngày 01/11/2024 của Sở Thông tin và Truyền thông.
II. MỤC TIÊU
Thực hiện Nghị định số 42/2022/NĐ-CP trên địa bàn tỉnh.
"""

NEWS_POST = """\
Kế hoạch tuyên truyền cải cách hành chính tỉnh Yên Bái năm 2024

Ngày 05/3/2024, UBND tỉnh vừa ban hành Kế hoạch số 45/KH-UBND về tuyên truyền cải cách hành chính tỉnh Yên Bái năm 2024.

Mục đích của kế hoạch nhằm nâng cao nhận thức về cải cách hành chính, thực hiện Nghị quyết số 76/NQ-CP của Chính phủ.
"""

AMPERSAND_SINGLE_LINE = (
    "SỞ KHOA HỌC VÀ CÔNG NGHỆ  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  Độc lập  Tự do  Hạnh phúc   "
    "Số: 311/KH-SKH&CN Lạng Sơn, ngày 04 tháng 3 năm 2024    KẾ HOẠCH TUYÊN TRUYỀN NĂM 2024 "
    "Căn cứ Kế hoạch số 40/KH-UBND ngày 20/02/2024 của UBND tỉnh Lạng Sơn; Căn cứ Nghị quyết số 05NQ/TU "
    "ngày 10/01/2024 của Tỉnh ủy Lạng Sơn; Sở Khoa học và Công nghệ ban hành Kế hoạch như sau:"
)

CITY_INSIDE_PROVINCE = """\
ỦY BAN NHÂN DÂN
THÀNH PHỐ BẮC NINH
|
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
|
Số: 77/KH-UBND
|
Bắc Ninh, ngày 12 tháng 01 năm 2024
|
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2024
Căn cứ Kế hoạch số 20/KH-UBND ngày 05/01/2024 của UBND tỉnh Bắc Ninh;
I. MỤC ĐÍCH
"""

MINISTRY_UNIT = """\
BỘ NỘI VỤ
VỤ CẢI CÁCH HÀNH CHÍNH
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 45/KH-CCHC
Hà Nội, ngày 12 tháng 3 năm 2024
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2024
Căn cứ Quyết định số 1050/QĐ-BNV ngày 05 tháng 12 năm 2023 của Bộ trưởng Bộ Nội vụ;
I. MỤC ĐÍCH, YÊU CẦU
"""

PROVINCIAL_PARTY = """\
TỈNH ỦY LÀO CAI
*
ĐẢNG CỘNG SẢN VIỆT NAM
Số: 88-KH/TU
Lào Cai, ngày 02 tháng 4 năm 2024
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2024
Thực hiện Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
"""

ONE_LINE_STACKED = """\
UBND TỈNH NGHỆ AN SỞ NỘI VỤ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 301/KH-SNV
Nghệ An, ngày 20 tháng 01 năm 2023
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2023
Căn cứ Kế hoạch số 10/KH-UBND ngày 05/01/2023 của UBND tỉnh Nghệ An;
I. MỤC ĐÍCH, YÊU CẦU
"""

COMMITTEE_OFFICE = """\
UBND TỈNH SƠN LA
VĂN PHÒNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 33/KH-VP
Sơn La, ngày 03 tháng 3 năm 2023
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2023
Căn cứ Kế hoạch số 250/KH-UBND ngày 28/12/2022 của UBND tỉnh Sơn La;
I. MỤC ĐÍCH, YÊU CẦU
"""

DISTRICT_DECISION = """\
ỦY BAN NHÂN DÂN
HUYỆN ĐÔNG ANH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 140/QĐ-UBND
Đông Anh, ngày 09 tháng 01 năm 2024
QUYẾT ĐỊNH
Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2024
CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN ĐÔNG ANH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2024 của UBND thành phố Hà Nội;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tuyên truyền cải cách hành chính năm 2024.
"""

# name, text, header (doc_type, number, symbol, date, place, issuer, year), citations (key, role),
# issuer level
CASES = [
    ("flattened-header-issuer-truncated", FLATTENED_TRUNCATED,
     ("Kế hoạch", "15", "KH-UBND", dt.date(2024, 2, 9), "Tây Ninh", "Ủy ban nhân dân tỉnh Tây Ninh", 2024),
     [("15/KH-UBND", "self"), ("812/QĐ-UBND", "basis"), ("2950/QĐ-UBND", "basis")], "province"),
    ("site-chrome-kept", CHROME_KEPT,
     ("Kế hoạch", "402", "KH-UBND", dt.date(2024, 12, 26), "Lào Cai", "Ủy ban nhân dân tỉnh Lào Cai", 2025),
     [("402/KH-UBND", "self"), ("57-NQ/TW", "basis"), ("749/QĐ-TTg", "basis")], "province"),
    ("hard-wrapped-place-and-basis", HARD_WRAPPED,
     ("Kế hoạch", "88", "KH-UBND", dt.date(2023, 3, 8), "Bà Rịa - Vũng Tàu",
      "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu", 2023),
     [("88/KH-UBND", "self"), ("76/NQ-CP", "basis"), ("1050/QĐ-UBND", "basis"), ("1050/QĐ-UBND", "mention")],
     "province"),
    ("ministry-decision-wrapped-date", WRAPPED_DATE,
     ("Quyết định", "251", "QĐ-BNV", dt.date(2025, 3, 1), "Hà Nội", "Bộ Nội vụ", 2025),
     [("251/QĐ-BNV", "self"), ("25/2025/NĐ-CP", "basis"), ("76/NQ-CP", "basis")], "central"),
    ("prime-minister-wrapped-cell", PRIME_MINISTER,
     ("Quyết định", "610", "QĐ-TTg", dt.date(2025, 5, 14), "Hà Nội", "Thủ tướng Chính phủ", 2025),
     [("610/QĐ-TTg", "self"), ("190/2025/QH15", "mention"), ("190/2025/QH15", "basis")], "central"),
    ("commune-after-2025", COMMUNE,
     ("Kế hoạch", "21", "KH-UBND", dt.date(2025, 8, 15), "Hòa An", "Ủy ban nhân dân xã Hòa An", 2025),
     [("21/KH-UBND", "self"), ("130/KH-UBND", "basis")], "commune"),
    ("party-dash-bulleted-basis", PARTY_BULLETED,
     ("Kế hoạch", "05", "KH/BCĐTW", dt.date(2025, 4, 10), "Hà Nội",
      "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ và chuyển đổi số", 2025),
     [("05-KH/BCĐTW", "self"), ("57-NQ/TW", "basis"), ("01-QC/BCĐTW", "basis")], "party"),
    ("dash-list-without-lead", DASH_LIST_NO_LEAD,
     ("Kế hoạch", "0091", "KH-UBND", dt.date(2025, 12, 30), "Gia Lai", "Ủy ban nhân dân tỉnh Gia Lai", 2026),
     [("0091/KH-UBND", "self"), ("71/NQ-CP", "basis"), ("749/QĐ-TTg", "basis"), ("749/QĐ-TTg", "mention")],
     "province"),
    ("basis-section-stray-space", BASIS_SECTION,
     ("Kế hoạch", "300", "KH-UBND", dt.date(2024, 11, 5), "Ninh Bình", "Ủy ban nhân dân tỉnh Ninh Bình", 2024),
     [("300/KH-UBND", "self"), ("42/2022/NĐ-CP", "basis"), ("118/TTr-STTTT", "basis"), ("42/2022/NĐ-CP", "mention")],
     "province"),
    ("news-lead-sentence", NEWS_POST,
     ("Kế hoạch", "45", "KH-UBND", dt.date(2024, 3, 5), None, "Ủy ban nhân dân tỉnh Yên Bái", 2024),
     [("45/KH-UBND", "self"), ("76/NQ-CP", "mention")], "province"),
    ("single-line-ampersand", AMPERSAND_SINGLE_LINE,
     ("Kế hoạch", "311", "KH-SKH&CN", dt.date(2024, 3, 4), "Lạng Sơn", "Sở Khoa học và Công nghệ tỉnh Lạng Sơn", 2024),
     [("311/KH-SKH&CN", "self"), ("40/KH-UBND", "basis"), ("05-NQ/TU", "basis")], "department"),
    ("city-inside-province", CITY_INSIDE_PROVINCE,
     ("Kế hoạch", "77", "KH-UBND", dt.date(2024, 1, 12), "Bắc Ninh", "Ủy ban nhân dân thành phố Bắc Ninh", 2024),
     [("77/KH-UBND", "self"), ("20/KH-UBND", "basis")], "district"),
    ("ministry-unit-under-its-ministry", MINISTRY_UNIT,
     ("Kế hoạch", "45", "KH-CCHC", dt.date(2024, 3, 12), "Hà Nội", "Vụ Cải cách hành chính", 2024),
     [("45/KH-CCHC", "self"), ("1050/QĐ-BNV", "basis")], "central"),
    ("provincial-party-committee", PROVINCIAL_PARTY,
     ("Kế hoạch", "88", "KH/TU", dt.date(2024, 4, 2), "Lào Cai", "Tỉnh ủy Lào Cai", 2024),
     [("88-KH/TU", "self"), ("14-KL/TW", "basis")], "party"),
    ("committee-and-department-on-one-line", ONE_LINE_STACKED,
     ("Kế hoạch", "301", "KH-SNV", dt.date(2023, 1, 20), "Nghệ An", "Sở Nội vụ tỉnh Nghệ An", 2023),
     [("301/KH-SNV", "self"), ("10/KH-UBND", "basis")], "department"),
    ("committee-office", COMMITTEE_OFFICE,
     ("Kế hoạch", "33", "KH-VP", dt.date(2023, 3, 3), "Sơn La", "Văn phòng Ủy ban nhân dân tỉnh Sơn La", 2023),
     [("33/KH-VP", "self"), ("250/KH-UBND", "basis")], "department"),
    ("district-decision-number-above-place", DISTRICT_DECISION,
     ("Quyết định", "140", "QĐ-UBND", dt.date(2024, 1, 9), "Đông Anh", "Ủy ban nhân dân huyện Đông Anh", 2024),
     [("140/QĐ-UBND", "self"), ("12/KH-UBND", "basis")], "district"),
]


@pytest.mark.parametrize(("name", "text", "header", "cites", "level"), CASES, ids=[c[0] for c in CASES])
def test_layout_header_and_citations(name, text, header, cites, level):
    plan = read_text(text, f"{name}.txt")
    h = plan.header
    assert (h.doc_type, h.number, h.symbol, h.date, h.place, h.issuer, h.year) == header
    assert [(c.key, c.role) for c in plan.citations if not c.implicit] == cites
    assert plan.facts.level == level
    for c in plan.citations:
        assert c.span.slice(plan.text) == c.raw  # spans keep slicing the text


def test_truncated_issuer_is_inferred_with_a_warning():
    plan = read_text(FLATTENED_TRUNCATED)
    assert any("issuer inferred from the place" in w.message for w in plan.warnings)


def test_site_chrome_is_set_apart_with_a_warning_and_cites_nothing():
    plan = read_text(CHROME_KEPT)
    assert any("site chrome set apart" in w.message for w in plan.warnings)
    chrome = [b.text for b in plan.blocks if b.kind == "boilerplate"]
    assert chrome[:2] == ["Kế hoạch 402/KH-UBND năm 2024 về chuyển đổi số tỉnh Lào Cai năm 2025",
                          "| Số hiệu | 402/KH-UBND |"]
    assert "47/2020/NĐ-CP" not in [c.key for c in plan.citations]
    assert plan.facts.in_chrome(plan.text.index("942/QĐ-TTg"))


def test_wrapped_basis_clause_is_one_clause():
    plan = read_text(HARD_WRAPPED)
    (clause,) = plan.facts.basis
    assert clause.opening == "Căn cứ"
    assert clause.span.slice(plan.text).endswith("giai\nđoạn 2022 - 2025;")
    assert plan.header.title == "TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2023"


def test_basis_section_clauses_and_bullets():
    plan = read_text(BASIS_SECTION)
    assert [c.opening for c in plan.facts.basis] == ["-", "-"]
    party = read_text(PARTY_BULLETED)
    assert [c.opening for c in party.facts.basis] == ["Căn cứ", "Căn cứ"]
    commune = read_text(COMMUNE)
    assert [c.opening for c in commune.facts.basis] == ["Triển khai"]


def test_decision_issuing_a_plan_is_read_as_a_decision():
    plan = read_text(WRAPPED_DATE)
    assert plan.header.doc_type == "Quyết định"
    assert plan.header.title == "BAN HÀNH KẾ HOẠCH TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2025"


def test_a_decision_issuing_a_portal_plan_is_its_own_act():
    text = ("KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025\n"
            "Ngày 20 tháng 8 năm 2025 Ủy ban nhân dân xã Hòa An đã ban hành Quyết định số 99/QĐ-UBND về kế hoạch cải cách hành chính năm 2025\n"
            "Căn cứ Kế hoạch số 130/KH-UBND ngày 20/7/2025 của UBND tỉnh Cao Bằng;\n"
            "I. MỤC ĐÍCH\n")
    plan = read_text(text)
    h = plan.header
    assert (h.number, h.symbol, h.date, h.issuer, h.year) == (None, None, dt.date(2025, 8, 20), "Ủy ban nhân dân xã Hòa An", 2025)
    assert [(c.key, c.role) for c in plan.citations] == [("99/QĐ-UBND", "self"), ("130/KH-UBND", "basis")]


@pytest.mark.parametrize(("text", "parent"), [
    (MINISTRY_UNIT, "Bộ Nội vụ"),  # a ministry's unit: the ministry above it
    (ONE_LINE_STACKED, "UBND tỉnh Nghệ An"),  # committee and department on one line, cut apart
    (COMMITTEE_OFFICE, "UBND tỉnh Sơn La"),
    (PROVINCIAL_PARTY, None),  # the Party's motto is no parent
])
def test_stacked_issuers_keep_their_parent(text, parent):
    assert read_text(text).header.parent == parent
