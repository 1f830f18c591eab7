"""Plan shapes beyond the bundled five and the layouts of test_read_layouts, found by a user
trial and a hunt for generalization failures (session 5): a ministry plan in PDF columns,
communes and a city whose names are close to a province's, a district Party committee with
its "Số 112-KH/HU", a portal post, a decision with its attached plan, PDF-wrapped cells and
dates, a purpose clause ("Để ... theo ...") as the basis, blank drafts, whole headers flattened
onto one line. Each fixture is written for these tests (no real document's text), each with
its exact header, citations and plan facts; re-wrapping any of them at any width from 20
characters changes none of these."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plankit import read_text
from plankit.places import find_places

from .test_read_rewrap import _rewrap

MINISTRY_PDF = """\
BỘ THÔNG TIN VÀ TRUYỀN THÔNG          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                          Độc lập - Tự do - Hạnh phúc
Số: 1520/KH-BTTTT                          Hà Nội, ngày 18 tháng 4 năm 2024
KẾ HOẠCH
Tuyên truyền chuyển đổi số quốc gia năm 2024
Căn cứ Nghị định số 48/2022/NĐ-CP ngày 26 tháng 7 năm 2022 của Chính phủ quy định chức
năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Thông tin và Truyền thông;
Thực hiện Quyết định số 411/QĐ-TTg ngày 31/3/2022 của Thủ tướng Chính phủ phê duyệt Chiến
lược quốc gia phát triển kinh tế số và xã hội số;
Bộ Thông tin và Truyền thông ban hành Kế hoạch tuyên truyền như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Bám sát Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị.
"""

COMMUNE_2025_FUZZY = """\
ỦY BAN NHÂN DÂN
XÃ ĐĂK LA
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/KH-UBND
Đăk La, ngày 20 tháng 8 năm 2025
KẾ HOẠCH
Chuyển đổi số trên địa bàn xã năm 2025
Căn cứ Kế hoạch số 85/KH-UBND ngày 30/7/2025 của UBND tỉnh Quảng Ngãi về chuyển đổi số năm 2025;
I. MỤC ĐÍCH
"""

CITY_HATIEN = """\
ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ TIÊN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 56/KH-UBND
Hà Tiên, ngày 11 tháng 3 năm 2024
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2024
Căn cứ Kế hoạch số 30/KH-UBND ngày 20/02/2024 của UBND tỉnh Kiên Giang;
I. MỤC ĐÍCH
"""

COMMUNE_NAMED_LIKE_PROVINCE = """\
ỦY BAN NHÂN DÂN
XÃ HÒA BÌNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 31/KH-UBND
Hòa Bình, ngày 02 tháng 3 năm 2023
KẾ HOẠCH
Cải cách hành chính năm 2023
Thực hiện Kế hoạch số 45/KH-UBND ngày 10/02/2023 của UBND thành phố Kon Tum về cải cách hành chính năm 2023;
I. MỤC ĐÍCH
"""

PARTY_COMMITTEE = """\
ĐẢNG BỘ TỈNH THÁI BÌNH
HUYỆN ỦY KIẾN XƯƠNG
*
Số 112-KH/HU
ĐẢNG CỘNG SẢN VIỆT NAM
Kiến Xương, ngày 14 tháng 6 năm 2023
KẾ HOẠCH
thực hiện Chỉ thị số 23-CT/TW của Ban Bí thư năm 2023
- Căn cứ Chỉ thị số 23-CT/TW ngày 09/02/2023 của Ban Bí thư về tăng cường công tác tuyên truyền;
- Căn cứ Kế hoạch số 154-KH/TU ngày 05/5/2023 của Ban Thường vụ Tỉnh ủy,
Ban Thường vụ Huyện ủy xây dựng Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
"""

PORTAL_POST = """\
Trang chủ > Tin tức > Cải cách hành chính
Thứ năm - 14/03/2024 09:12
Kế hoạch tuyên truyền cải cách hành chính năm 2024 của tỉnh Lâm Đồng
Ngày 08/3/2024, UBND tỉnh Lâm Đồng đã ban hành Kế hoạch số 1904/KH-UBND về tuyên truyền cải cách hành chính năm 2024.
Kế hoạch nhằm triển khai Quyết định số 25/QĐ-UBND ngày 05/01/2024 của UBND tỉnh về cải cách hành chính năm 2024.
Tin liên quan
"""

DECISION_ISSUES_PLAN = """\
ỦY BAN NHÂN DÂN
TỈNH HẬU GIANG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 402/QĐ-UBND
Hậu Giang, ngày 22 tháng 3 năm 2024
QUYẾT ĐỊNH
Ban hành Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HẬU GIANG
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Quyết định số 1105/QĐ-UBND ngày 28 tháng 6 năm 2021 của Chủ tịch Ủy ban nhân
dân tỉnh ban hành Kế hoạch cải cách hành chính tỉnh giai đoạn 2021 - 2025;
Theo đề nghị của Giám đốc Sở Nội vụ.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
KẾ HOẠCH
Thông tin, tuyên truyền cải cách hành chính năm 2024
(Kèm theo Quyết định số 402/QĐ-UBND ngày 22 tháng 3 năm 2024 của Chủ tịch UBND tỉnh)
I. MỤC ĐÍCH, YÊU CẦU
1. Thực hiện Nghị quyết số 76/NQ-CP của Chính phủ.
"""

PDF_WRAPPED_PAD = """\
UBND TỈNH THÁI NGUYÊN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ NỘI VỤ                    Độc lập - Tự do - Hạnh phúc
Số: 215/KH-SNV               Thái Nguyên, ngày 02 tháng
                             02 năm 2024
KẾ HOẠCH
Tuyên truyền cải cách hành chính của Sở Nội vụ
năm 2024
Căn cứ Kế hoạch số 18/KH-UBND ngày 25/01/2024 của Ủy ban nhân dân tỉnh Thái
Nguyên về tuyên truyền cải cách hành chính năm 2024;
Thực hiện Công văn số 310/UBND-NC ngày 28/01/2024 của UBND tỉnh
về việc triển khai công tác cải cách hành chính năm 2024,
Sở Nội vụ ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
"""

DE_THEO = """\
ỦY BAN NHÂN DÂN
TỈNH PHÚ YÊN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 77/KH-UBND
Phú Yên, ngày 10 tháng 4 năm 2023
KẾ HOẠCH
Thực hiện chuyển đổi số năm 2023
Để triển khai kịp thời các nhiệm vụ chuyển đổi số năm 2023 theo Quyết định số 505/QĐ-TTg
ngày 22/4/2022 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
I. MỤC ĐÍCH
1. Bám sát Kế hoạch số 30/KH-UBND ngày 01/02/2023 của UBND tỉnh.
"""

BLANK_DRAFT = """\
BỘ Y TẾ
Số:   /KH-BYT
........., ngày   tháng   năm 2025
KẾ HOẠCH
Truyền thông năm 2025
"""

BLANK_DRAFT3 = """\
UBND TỈNH AN GIANG
SỞ Y TẾ
Số:      /KH-SYT
          , ngày     tháng    năm 2024
KẾ HOẠCH
Phòng chống dịch năm 2024
"""

ONE_LINE_HEADER = """\
ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 66/KH-UBND Hưng Yên, ngày 05 tháng 5 năm 2023 KẾ HOẠCH Tuyên truyền cải cách hành chính năm 2023
Căn cứ Quyết định số 1271/QĐ-UBND ngày 12/6/2021 của UBND tỉnh về cải cách hành chính giai đoạn 2021-2025;
I. MỤC ĐÍCH, YÊU CẦU
"""

ONE_LINE_MINISTRY = (
    'BỘ Y TẾ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 4321/KH-BYT '
    'Hà Nội, ngày 15 tháng 12 năm 2022 KẾ HOẠCH Truyền thông về y tế cơ sở năm 2022 Căn cứ '
    'Nghị định số 95/2022/NĐ-CP ngày 15 tháng 11 năm 2022 của Chính phủ quy định chức năng, '
    'nhiệm vụ của Bộ Y tế; Căn cứ Quyết định số 2348/QĐ-TTg ngày 05/12/2016 của Thủ tướng '
    'Chính phủ; Bộ Y tế ban hành Kế hoạch như sau: I. MỤC ĐÍCH'
)

ONE_LINE_COMMUNE = (
    'ỦY BAN NHÂN DÂN XÃ TÂN HÒA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh '
    'phúc Số: 45/KH-UBND Tân Hòa, ngày 02 tháng 10 năm 2025 KẾ HOẠCH Cải cách hành chính năm '
    '2025 Căn cứ Kế hoạch số 210/KH-UBND ngày 15/9/2025 của UBND tỉnh Đồng Tháp; I. MỤC ĐÍCH'
)

VP_UBND = """\
VĂN PHÒNG ỦY BAN NHÂN DÂN
TỈNH QUẢNG BÌNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 19/KH-VPUBND
Quảng Bình, ngày 15 tháng 01 năm 2024
KẾ HOẠCH
Cải cách hành chính năm 2024
Căn cứ Kế hoạch số 2130/KH-UBND ngày 20/12/2023 của UBND tỉnh;
I. MỤC ĐÍCH
"""

SO_MERGED_2025 = """\
UBND TỈNH ĐỒNG THÁP
SỞ KHOA HỌC VÀ CÔNG NGHỆ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 25/KH-SKHCN
Đồng Tháp, ngày 12 tháng 9 năm 2025
KẾ HOẠCH
Chuyển đổi số năm 2025
Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;
Căn cứ Kế hoạch số 100/KH-UBND ngày 01/8/2025 của UBND tỉnh Đồng Tháp;
I. MỤC ĐÍCH
"""

MINISTRY_DECISION_PLAN = """\
BỘ TƯ PHÁP
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 88/QĐ-BTP
Hà Nội, ngày 20 tháng 01 năm 2025
QUYẾT ĐỊNH
BAN HÀNH KẾ HOẠCH CÔNG TÁC PHỔ BIẾN, GIÁO DỤC PHÁP LUẬT NĂM 2025
BỘ TRƯỞNG BỘ TƯ PHÁP
Căn cứ Nghị định số 98/2022/NĐ-CP ngày 29 tháng 11 năm 2022 của Chính phủ quy định chức năng,
nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Tư pháp;
Theo đề nghị của Vụ trưởng Vụ Phổ biến, giáo dục pháp luật.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch công tác phổ biến, giáo dục pháp luật năm 2025 của Bộ Tư pháp.
"""


COMMUNE_THREE_WORDS = """\
ỦY BAN NHÂN DÂN
XÃ MỸ HÒA HƯNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 09/KH-UBND
Mỹ Hòa Hưng, ngày 25 tháng 7 năm 2025
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2025
Căn cứ Kế hoạch số 77/KH-UBND ngày 10/7/2025 của UBND tỉnh An Giang;
I. MỤC ĐÍCH
"""

PARTY_COMMUNE_2025 = """\
ĐẢNG BỘ TỈNH QUẢNG NGÃI
ĐẢNG ỦY XÃ ĐĂK HÀ
*
Số 15-KH/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Đăk Hà, ngày 05 tháng 9 năm 2025
KẾ HOẠCH
Học tập, quán triệt Nghị quyết Đại hội Đảng bộ xã lần thứ I
- Căn cứ Kế hoạch số 10-KH/TU ngày 20/8/2025 của Ban Thường vụ Tỉnh ủy;
Ban Thường vụ Đảng ủy xã xây dựng Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
"""

DISTRICT_OFFICE = """\
UBND HUYỆN CẨM GIÀNG
PHÒNG NỘI VỤ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 14/KH-PNV
Cẩm Giàng, ngày 20 tháng 02 năm 2023
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2023
Căn cứ Kế hoạch số 25/KH-UBND ngày 10/02/2023 của UBND huyện Cẩm Giàng;
I. MỤC ĐÍCH
"""

CHI_CUC = """\
SỞ NÔNG NGHIỆP VÀ PTNT
CHI CỤC KIỂM LÂM
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 33/KH-CCKL
Lạng Sơn, ngày 12 tháng 3 năm 2024
KẾ HOẠCH
Cải cách hành chính năm 2024
Căn cứ Kế hoạch số 40/KH-SNN ngày 01/3/2024 của Sở Nông nghiệp và Phát triển nông thôn;
I. MỤC ĐÍCH
"""

CENTRALLY_RUN_CITY = """\
ỦY BAN NHÂN DÂN
THÀNH PHỐ HỒ CHÍ MINH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 4521/KH-UBND
Thành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2024
KẾ HOẠCH
Cải cách hành chính năm 2025
Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;
I. MỤC ĐÍCH
"""

MINISTRY_PIPED = """\
BỘ Y TẾ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc |
Số: 128/KH-BYT | Hà Nội, ngày 05 tháng 02 năm 2024 |
KẾ HOẠCH
Thông tin, truyền thông y tế năm 2024
Căn cứ Nghị định số 95/2022/NĐ-CP ngày 15/11/2022 của Chính phủ;
I. MỤC ĐÍCH
"""

WARD_2025 = """\
ỦY BAN NHÂN DÂN
PHƯỜNG HẢI DƯƠNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 05/KH-UBND
Hải Dương, ngày 15 tháng 8 năm 2025
KẾ HOẠCH
Chuyển đổi số năm 2025
Căn cứ Kế hoạch số 120/KH-UBND ngày 20/7/2025 của UBND thành phố Hải Phòng;
I. MỤC ĐÍCH
"""



VPCP = """\
VĂN PHÒNG CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 20/KH-VPCP
Hà Nội, ngày 12 tháng 3 năm 2024
KẾ HOẠCH
Cải cách thủ tục hành chính năm 2024
Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;
I. MỤC ĐÍCH
"""

TONG_CUC = """\
BỘ TÀI CHÍNH
TỔNG CỤC THUẾ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 150/KH-TCT
Hà Nội, ngày 20 tháng 01 năm 2024
KẾ HOẠCH
Tuyên truyền, hỗ trợ người nộp thuế năm 2024
Căn cứ Quyết định số 1000/QĐ-BTC ngày 10/01/2024 của Bộ trưởng Bộ Tài chính;
I. MỤC ĐÍCH
"""

BAN_TUYEN_GIAO = """\
BAN CHẤP HÀNH TRUNG ƯƠNG
BAN TUYÊN GIÁO
*
Số 120-KH/BTGTW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 04 tháng 3 năm 2024
KẾ HOẠCH
tuyên truyền kỷ niệm các ngày lễ lớn năm 2024
- Căn cứ Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị;
I. MỤC ĐÍCH, YÊU CẦU
"""

TINH_UY_PDF = """\
ĐẢNG BỘ TỈNH NGHỆ AN                ĐẢNG CỘNG SẢN VIỆT NAM
TỈNH ỦY                          Nghệ An, ngày 10 tháng 5 năm 2023
*
Số 95-KH/TU
KẾ HOẠCH
thực hiện Kết luận số 14-KL/TW của Bộ Chính trị
- Căn cứ Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị;
I. MỤC ĐÍCH, YÊU CẦU
"""



# name, text, header (doc_type, number, symbol, date, place, issuer, parent, year, title),
# citations (key, role) without implicit ones, facts (level, province, basis openings)
CASES = [
    ("ministry-pdf-columns", MINISTRY_PDF,
     ("Kế hoạch", "1520", "KH-BTTTT", dt.date(2024, 4, 18), "Hà Nội", "Bộ Thông tin và Truyền thông", None, 2024,
      "Tuyên truyền chuyển đổi số quốc gia năm 2024"),
     [("1520/KH-BTTTT", "self"), ("48/2022/NĐ-CP", "basis"), ("411/QĐ-TTg", "basis"), ("52-NQ/TW", "mention")],
     ("central", None, ["Căn cứ", "Thực hiện"])),
    ("commune-place-close-to-a-province", COMMUNE_2025_FUZZY,
     ("Kế hoạch", "12", "KH-UBND", dt.date(2025, 8, 20), "Đăk La", "Ủy ban nhân dân xã Đăk La", None, 2025,
      "Chuyển đổi số trên địa bàn xã năm 2025"),
     [("12/KH-UBND", "self"), ("85/KH-UBND", "basis")],
     ("commune", "Quảng Ngãi", ["Căn cứ"])),
    ("city-place-close-to-a-province", CITY_HATIEN,
     ("Kế hoạch", "56", "KH-UBND", dt.date(2024, 3, 11), "Hà Tiên", "Ủy ban nhân dân thành phố Hà Tiên", None, 2024,
      "Tuyên truyền cải cách hành chính năm 2024"),
     [("56/KH-UBND", "self"), ("30/KH-UBND", "basis")],
     ("district", "Kiên Giang", ["Căn cứ"])),
    ("commune-named-like-a-province", COMMUNE_NAMED_LIKE_PROVINCE,
     ("Kế hoạch", "31", "KH-UBND", dt.date(2023, 3, 2), "Hòa Bình", "Ủy ban nhân dân xã Hòa Bình", None, 2023,
      "Cải cách hành chính năm 2023"),
     [("31/KH-UBND", "self"), ("45/KH-UBND", "basis")],
     ("commune", "Kon Tum", ["Thực hiện"])),
    ("district-party-committee", PARTY_COMMITTEE,
     ("Kế hoạch", "112", "KH/HU", dt.date(2023, 6, 14), "Kiến Xương", "Huyện ủy Kiến Xương", "Đảng bộ tỉnh Thái Bình",
      2023, "thực hiện Chỉ thị số 23-CT/TW của Ban Bí thư năm 2023"),
     [("112-KH/HU", "self"), ("23-CT/TW", "mention"), ("23-CT/TW", "basis"), ("154-KH/TU", "basis")],
     ("party", "Thái Bình", ["Căn cứ", "Căn cứ"])),
    ("portal-post-with-breadcrumb", PORTAL_POST,
     ("Kế hoạch", "1904", "KH-UBND", dt.date(2024, 3, 8), None, "Ủy ban nhân dân tỉnh Lâm Đồng", None, 2024, None),
     [("1904/KH-UBND", "self"), ("25/QĐ-UBND", "mention")],
     ("province", "Lâm Đồng", [])),
    ("decision-with-its-attached-plan", DECISION_ISSUES_PLAN,
     ("Quyết định", "402", "QĐ-UBND", dt.date(2024, 3, 22), "Hậu Giang", "Ủy ban nhân dân tỉnh Hậu Giang", None, 2024,
      "Ban hành Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024"),
     [("402/QĐ-UBND", "self"), ("1105/QĐ-UBND", "basis"), ("402/QĐ-UBND", "self"), ("76/NQ-CP", "mention")],
     ("province", "Hậu Giang", ["Căn cứ", "Căn cứ", "Theo"])),
    ("pdf-columns-wrapped-date", PDF_WRAPPED_PAD,
     ("Kế hoạch", "215", "KH-SNV", dt.date(2024, 2, 2), "Thái Nguyên", "Sở Nội vụ tỉnh Thái Nguyên", "UBND tỉnh Thái Nguyên", 2024,
      "Tuyên truyền cải cách hành chính của Sở Nội vụ năm 2024"),
     [("215/KH-SNV", "self"), ("18/KH-UBND", "basis"), ("310/UBND-NC", "basis")],
     ("department", "Thái Nguyên", ["Căn cứ", "Thực hiện"])),
    ("subject-opens-with-thuc-hien-purpose-clause", DE_THEO,
     ("Kế hoạch", "77", "KH-UBND", dt.date(2023, 4, 10), "Phú Yên", "Ủy ban nhân dân tỉnh Phú Yên", None, 2023,
      "Thực hiện chuyển đổi số năm 2023"),
     [("77/KH-UBND", "self"), ("505/QĐ-TTg", "basis"), ("30/KH-UBND", "mention")],
     ("province", "Phú Yên", ["Theo"])),
    ("ministry-blank-draft", BLANK_DRAFT,
     ("Kế hoạch", None, "KH-BYT", None, None, "Bộ Y tế", None, 2025, "Truyền thông năm 2025"),
     [], ("central", None, [])),
    ("department-blank-draft", BLANK_DRAFT3,
     ("Kế hoạch", None, "KH-SYT", None, None, "Sở Y tế tỉnh An Giang", "UBND tỉnh An Giang", 2024, "Phòng chống dịch năm 2024"),
     [], ("department", "An Giang", [])),
    ("province-header-on-one-line", ONE_LINE_HEADER,
     ("Kế hoạch", "66", "KH-UBND", dt.date(2023, 5, 5), "Hưng Yên", "Ủy ban nhân dân tỉnh Hưng Yên", None, 2023,
      "Tuyên truyền cải cách hành chính năm 2023"),
     [("66/KH-UBND", "self"), ("1271/QĐ-UBND", "basis")],
     ("province", "Hưng Yên", ["Căn cứ"])),
    ("ministry-plan-on-one-line", ONE_LINE_MINISTRY,
     ("Kế hoạch", "4321", "KH-BYT", dt.date(2022, 12, 15), "Hà Nội", "Bộ Y tế", None, 2022,
      "Truyền thông về y tế cơ sở năm 2022"),
     [("4321/KH-BYT", "self"), ("95/2022/NĐ-CP", "basis"), ("2348/QĐ-TTg", "basis")],
     ("central", None, ["Căn cứ", "Căn cứ"])),
    ("commune-plan-on-one-line", ONE_LINE_COMMUNE,
     ("Kế hoạch", "45", "KH-UBND", dt.date(2025, 10, 2), "Tân Hòa", "Ủy ban nhân dân xã Tân Hòa", None, 2025,
      "Cải cách hành chính năm 2025"),
     [("45/KH-UBND", "self"), ("210/KH-UBND", "basis")],
     ("commune", "Đồng Tháp", ["Căn cứ"])),
    ("office-of-the-committee-wrapped", VP_UBND,
     ("Kế hoạch", "19", "KH-VPUBND", dt.date(2024, 1, 15), "Quảng Bình", "Văn phòng Ủy ban nhân dân tỉnh Quảng Bình",
      None, 2024, "Cải cách hành chính năm 2024"),
     [("19/KH-VPUBND", "self"), ("2130/KH-UBND", "basis")],
     ("department", "Quảng Bình", ["Căn cứ"])),
    ("department-after-the-2025-merger", SO_MERGED_2025,
     ("Kế hoạch", "25", "KH-SKHCN", dt.date(2025, 9, 12), "Đồng Tháp", "Sở Khoa học và Công nghệ tỉnh Đồng Tháp", "UBND tỉnh Đồng Tháp",
      2025, "Chuyển đổi số năm 2025"),
     [("25/KH-SKHCN", "self"), ("57-NQ/TW", "basis"), ("100/KH-UBND", "basis")],
     ("department", "Đồng Tháp", ["Căn cứ", "Căn cứ"])),
    ("ministry-decision-issuing-a-plan", MINISTRY_DECISION_PLAN,
     ("Quyết định", "88", "QĐ-BTP", dt.date(2025, 1, 20), "Hà Nội", "Bộ Tư pháp", None, 2025,
      "BAN HÀNH KẾ HOẠCH CÔNG TÁC PHỔ BIẾN, GIÁO DỤC PHÁP LUẬT NĂM 2025"),
     [("88/QĐ-BTP", "self"), ("98/2022/NĐ-CP", "basis")],
     ("central", None, ["Căn cứ", "Theo"])),
    ("commune-of-three-words", COMMUNE_THREE_WORDS,
     ("Kế hoạch", "09", "KH-UBND", dt.date(2025, 7, 25), "Mỹ Hòa Hưng", "Ủy ban nhân dân xã Mỹ Hòa Hưng", None, 2025,
      "Tuyên truyền cải cách hành chính năm 2025"),
     [("09/KH-UBND", "self"), ("77/KH-UBND", "basis")],
     ("commune", "An Giang", ["Căn cứ"])),
    ("commune-party-committee-after-2025", PARTY_COMMUNE_2025,
     ("Kế hoạch", "15", "KH/ĐU", dt.date(2025, 9, 5), "Đăk Hà", "Đảng ủy xã Đăk Hà", "Đảng bộ tỉnh Quảng Ngãi", 2025,
      "Học tập, quán triệt Nghị quyết Đại hội Đảng bộ xã lần thứ I"),
     [("15-KH/ĐU", "self"), ("10-KH/TU", "basis")],
     ("party", "Quảng Ngãi", ["Căn cứ"])),
    ("district-office-under-its-committee", DISTRICT_OFFICE,
     ("Kế hoạch", "14", "KH-PNV", dt.date(2023, 2, 20), "Cẩm Giàng", "Phòng Nội vụ", "UBND huyện Cẩm Giàng", 2023,
      "Tuyên truyền cải cách hành chính năm 2023"),
     [("14/KH-PNV", "self"), ("25/KH-UBND", "basis")],
     ("department", None, ["Căn cứ"])),
    ("department-abbreviated-over-its-unit", CHI_CUC,
     ("Kế hoạch", "33", "KH-CCKL", dt.date(2024, 3, 12), "Lạng Sơn", "Chi cục kiểm lâm",
      "Sở Nông nghiệp và Phát triển nông thôn", 2024, "Cải cách hành chính năm 2024"),
     [("33/KH-CCKL", "self"), ("40/KH-SNN", "basis")],
     ("department", "Lạng Sơn", ["Căn cứ"])),
    ("centrally-run-city-by-its-alias", CENTRALLY_RUN_CITY,
     ("Kế hoạch", "4521", "KH-UBND", dt.date(2024, 11, 28), "Thành phố Hồ Chí Minh",
      "Ủy ban nhân dân Thành phố Hồ Chí Minh", None, 2025, "Cải cách hành chính năm 2025"),
     [("4521/KH-UBND", "self"), ("76/NQ-CP", "basis")],
     ("province", "Thành phố Hồ Chí Minh", ["Căn cứ"])),
    ("ministry-header-flattened-by-a-site", MINISTRY_PIPED,
     ("Kế hoạch", "128", "KH-BYT", dt.date(2024, 2, 5), "Hà Nội", "Bộ Y tế", None, 2024,
      "Thông tin, truyền thông y tế năm 2024"),
     [("128/KH-BYT", "self"), ("95/2022/NĐ-CP", "basis")],
     ("central", None, ["Căn cứ"])),
    ("ward-named-after-a-merged-province", WARD_2025,
     ("Kế hoạch", "05", "KH-UBND", dt.date(2025, 8, 15), "Hải Dương", "Ủy ban nhân dân phường Hải Dương", None, 2025,
      "Chuyển đổi số năm 2025"),
     [("05/KH-UBND", "self"), ("120/KH-UBND", "basis")],
     ("commune", "Hải Phòng", ["Căn cứ"])),
    ("office-of-the-government", VPCP,
     ("Kế hoạch", "20", "KH-VPCP", dt.date(2024, 3, 12), "Hà Nội", "Văn phòng Chính phủ", None, 2024,
      "Cải cách thủ tục hành chính năm 2024"),
     [("20/KH-VPCP", "self"), ("76/NQ-CP", "basis")],
     ("central", None, ["Căn cứ"])),
    ("general-department-under-its-ministry", TONG_CUC,
     ("Kế hoạch", "150", "KH-TCT", dt.date(2024, 1, 20), "Hà Nội", "Tổng cục Thuế", "Bộ Tài chính", 2024,
      "Tuyên truyền, hỗ trợ người nộp thuế năm 2024"),
     [("150/KH-TCT", "self"), ("1000/QĐ-BTC", "basis")],
     ("central", None, ["Căn cứ"])),
    ("central-committee-board", BAN_TUYEN_GIAO,
     ("Kế hoạch", "120", "KH/BTGTW", dt.date(2024, 3, 4), "Hà Nội", "Ban Tuyên giáo Trung ương",
      "Ban Chấp hành Trung ương", 2024, "tuyên truyền kỷ niệm các ngày lễ lớn năm 2024"),
     [("120-KH/BTGTW", "self"), ("01-KL/TW", "basis")],
     ("party", None, ["Căn cứ"])),
    ("provincial-party-committee-in-pdf-columns", TINH_UY_PDF,
     ("Kế hoạch", "95", "KH/TU", dt.date(2023, 5, 10), "Nghệ An", "Tỉnh ủy Nghệ An", "Đảng bộ tỉnh Nghệ An", 2023,
      "thực hiện Kết luận số 14-KL/TW của Bộ Chính trị"),
     [("95-KH/TU", "self"), ("14-KL/TW", "mention"), ("14-KL/TW", "basis")],
     ("party", "Nghệ An", ["Căn cứ"])),
]


def _reading(text: str) -> tuple:
    plan = read_text(text, "shape.txt")
    h, f = plan.header, plan.facts
    head = (h.doc_type, h.number, h.symbol, h.date, h.place, h.issuer, h.parent, h.year, h.title)
    cites = [(c.key, c.role) for c in plan.citations if not c.implicit]
    facts = (f.level, f.province.name if f.province else None, [c.opening for c in f.basis])
    return head, cites, facts


@pytest.mark.parametrize(("name", "text", "header", "cites", "facts"), CASES, ids=[c[0] for c in CASES])
def test_shape_header_citations_and_facts(name, text, header, cites, facts):
    assert _reading(text) == (header, cites, facts)


def _stable(text: str) -> tuple:
    """What re-wrapping must keep: the header fields, citation keys and roles, the facts (the
    title's words, whatever its line breaks)."""
    head, cites, facts = _reading(text)
    return (*head[:8], " ".join((head[8] or "").split())), cites, facts


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=st.sampled_from(CASES), width=st.integers(min_value=20, max_value=160))
def test_rewrapping_a_shape_keeps_its_reading(case, width):
    """A PDF's narrow header column wraps a body's cell ("SỞ KHOA HỌC VÀ CÔNG" / "NGHỆ"), the
    motto ("CỘNG" / "HÒA XÃ HỘI ..."), the date, the subject and the clauses anywhere."""
    name, text, *_ = case
    assert _stable(_rewrap(text, width)) == _stable(text), name


@pytest.mark.parametrize("width", [22, 31, 36, 46, 55, 63, 74])
@pytest.mark.parametrize("text", [ONE_LINE_HEADER, ONE_LINE_MINISTRY, ONE_LINE_COMMUNE], ids=["province", "ministry", "commune"])
def test_a_header_flattened_onto_one_line_survives_rewrapping(text, width):
    """The widths at which the trial's flattened header lost its issuer, its place or its title
    (the motto's "CỘNG" left on the issuer's line, "Tân Hòa" read as a damaged "Thanh Hóa")."""
    assert _stable(_rewrap(text, width)) == _stable(text)


def test_a_blank_drafts_dotted_place_is_no_place():
    """``........., ngày   tháng   năm 2025`` under ``BỘ Y TẾ`` / ``Số:   /KH-BYT``: the words of
    the lines above are no place (the trial read 'Y TẾ Số KH-BYT')."""
    plan = read_text(BLANK_DRAFT)
    assert plan.header.place is None
    assert plan.header.date_parts.year == 2025 and plan.header.date is None
    assert plan.facts.dated is False and plan.facts.year == 2025


@pytest.mark.parametrize(("text", "found"), [
    ("Kế hoạch của UBND huyện Đăk Hà năm 2023", []),  # folded, "Hà năm" reads "ha nam"
    ("vì hòa bình và phát triển", []),  # peace, not the province
    ("tỉnh Hà Nam năm 2023, HÀ NAM, Ha Nam", ["Hà Nam", "Hà Nam", "Hà Nam"]),
    ("thành phố Hồ Chí Minh và thành phố Huế", ["Thành phố Hồ Chí Minh", "Huế"]),
    ("tỉnh Bà Rịa - Vũng Tàu", ["Bà Rịa - Vũng Tàu"]),
])
def test_find_places_needs_a_name_written_as_one(text, found):
    assert [p.name for _, _, p in find_places(text)] == found


def test_a_commune_document_naming_no_province_has_none():
    """A commune's post whose text says "huyện Đăk Hà năm 2023" (the trial's Kon Tum commune,
    given Hà Nam): no province rather than a wrong one."""
    text = ("Thực hiện công tác cải cách hành chính trên địa bàn xã Ngọc Tân năm 2023\n"
            "Thực hiện Kế hoạch số 120/KH-UBND ngày 10/12/2022 của UBND huyện Đăk Hà về cải cách hành chính "
            "trên địa bàn huyện Đăk Hà năm 2023; UBND xã Ngọc Tân xây dựng Kế hoạch như sau:\n1. Mục tiêu\n")
    plan = read_text(text)
    assert plan.header.issuer == "Ủy ban nhân dân xã Ngọc Tân"
    assert (plan.facts.level, plan.facts.province) == ("commune", None)


@pytest.mark.parametrize("text", [MINISTRY_PDF, ONE_LINE_MINISTRY, MINISTRY_DECISION_PLAN])
def test_a_central_bodys_plan_has_no_province(text):
    """"Hà Nội, ngày ..." is where a ministry sits: its plan is national (the trial's facts gave
    Hà Nội, and lint, cite and graph took it for a Hà Nội plan)."""
    plan = read_text(text)
    assert plan.header.place == "Hà Nội"
    assert (plan.facts.level, plan.facts.province, plan.facts.province_2025) == ("central", None, None)


@pytest.mark.parametrize(("text", "province"), [
    (COMMUNE_2025_FUZZY, None), (CITY_HATIEN, None), (COMMUNE_NAMED_LIKE_PROVINCE, None), (ONE_LINE_COMMUNE, None),
    (MINISTRY_PDF, "Hà Nội"), (SO_MERGED_2025, "Đồng Tháp"), (CENTRALLY_RUN_CITY, "Thành phố Hồ Chí Minh"),
])
def test_the_province_a_place_line_names(text, province):
    """What a place line says of a province, for the stages that compare it (lint's slip of the
    place line): never a loose match of a commune's or a city's own name."""
    found = read_text(text).facts.place_province
    assert (found.name if found else None) == province


@pytest.mark.parametrize(("text", "node"), [
    (BAN_TUYEN_GIAO, "120-KH/BTGTW"),  # the Party centre has no province: a national number
    (TINH_UY_PDF, "95-KH/TU@nghe-an/2023"),  # a provincial Party committee's number is local
])
def test_a_party_plans_graph_node(text, node):
    from plankit.graph import plan_node

    assert plan_node(read_text(text, name="x.txt")) == node


@pytest.mark.parametrize(("text", "key", "level"), [
    (COMMUNE_THREE_WORDS, "09/KH-UBND", "commune"),  # a KH-UBND, but a commune's
    (BAN_TUYEN_GIAO, "120-KH/BTGTW", "party"),
    (VP_UBND, "19/KH-VPUBND", "department"),  # was "other" by its symbol
])
def test_the_plans_own_citation_has_the_plans_level(text, key, level):
    plan = read_text(text, name="x.txt")
    own = [c for c in plan.citations if c.role == "self"]
    assert own and {c.level for c in own} == {level}
    if key is not None:
        assert own[0].key == key


@pytest.mark.parametrize("text", [COMMUNE_2025_FUZZY, CITY_HATIEN, COMMUNE_NAMED_LIKE_PROVINCE])
def test_a_place_line_close_to_another_provinces_name_is_no_foreign_place(text):
    # 'Đăk La' is a commune of Kon Tum, not Đắk Lắk; 'Hà Tiên' a city, not Hà Tĩnh; a commune
    # named Hòa Bình is not the province: each drew a false foreign-place error before
    from plankit.lint import lint_plan

    assert [f for f in lint_plan(read_text(text, name="x.txt")) if f.rule == "foreign-place"] == []
