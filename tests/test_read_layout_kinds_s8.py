"""More kinds of layout the development corpus does not show (session 8), as fixtures written for
these tests (invented agencies and numbers, real shapes), each with its exact reading:

* an issuer's name wrapped over two lines of the header's left column, the unit on the second
  (``BẢO HIỂM XÃ HỘI`` / ``TỈNH QUẢNG TRỊ``, ``ỦY BAN MTTQ VIỆT NAM`` / ``XÃ HÒA AN``);
* mass organisations below the province (Hội Nông dân, Hội Liên hiệp Phụ nữ, Hội Cựu chiến
  binh, Đoàn Thanh niên, Mặt trận Tổ quốc), which stand at their unit's level;
* a section heading over a table's column header (``TT | Nội dung``, a bare ``TT``);
* a header table's PDF with the columns wrapped inside words, a subject over many short lines,
  an authority's title wrapped onto the subject's last line;
* a ward's plan, a department after the 2025 merger, a letter whose ``V/v`` ends with a bar, a
  blank day and month, a blank number, a subject over three lines with its year alone, a
  numbered basis list.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plankit import read_text
from plankit.facts import issuer_level
from plankit.read._header import body_name

from .test_read_rewrap import _rewrap

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO2 = "Độc lập - Tự do - Hạnh phúc"


def _piped(left1: str, left2: str, number: str, place: str, body: str) -> str:
    return (f"{left1} | {MOTTO}\n{left2} | {MOTTO2}\nSố: {number} | {place}, ngày 10 tháng 3 năm 2024\n"
            f"KẾ HOẠCH\nTuyên truyền chuyển đổi số năm 2024\n{body}I. MỤC ĐÍCH, YÊU CẦU\n")


def _lines(left1: str, left2: str, number: str, place: str, body: str) -> str:
    return (f"{left1}\n{left2}\n{MOTTO}\n{MOTTO2}\nSố: {number}\n{place}, ngày 10 tháng 3 năm 2024\n"
            f"KẾ HOẠCH\nTuyên truyền chuyển đổi số năm 2024\n{body}I. MỤC ĐÍCH, YÊU CẦU\n")


def _pdf(left1: str, left2: str, number: str, place: str, body: str) -> str:
    return (f"{left1:<40}{MOTTO}\n{left2:<40}{MOTTO2}\n{'Số: ' + number:<40}{place}, ngày 10 tháng 3 năm 2024\n"
            f"KẾ HOẠCH\nTuyên truyền chuyển đổi số năm 2024\n{body}I. MỤC ĐÍCH, YÊU CẦU\n")


SHAPES = [_piped, _lines, _pdf]

# left column's two lines, number, place, issuer, parent, level
WRAPPED_ISSUERS = [
    ("BẢO HIỂM XÃ HỘI", "TỈNH QUẢNG TRỊ", "120/KH-BHXH", "Quảng Trị", "Bảo hiểm xã hội tỉnh Quảng Trị", None, "department"),
    ("ỦY BAN MTTQ VIỆT NAM", "XÃ HÒA AN", "05/KH-MTTQ", "Hòa An", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Hòa An", None, "commune"),
    ("HỘI LIÊN HIỆP PHỤ NỮ", "HUYỆN ĐỒNG PHÚ", "12/KH-HLHPN", "Đồng Phú", "Hội Liên hiệp Phụ nữ huyện Đồng Phú", None, "district"),
    ("HỘI NÔNG DÂN", "XÃ TÂN PHÚ", "12/KH-HND", "Tân Phú", "Hội Nông dân xã Tân Phú", None, "commune"),
    ("LIÊN ĐOÀN LAO ĐỘNG", "TỈNH TRÀ VINH", "30/KH-LĐLĐ", "Trà Vinh", "Liên đoàn Lao động tỉnh Trà Vinh", None, "department"),
    # a national body over its branch: parent and issuer, never joined
    ("HỘI CỰU CHIẾN BINH VIỆT NAM", "HỘI CCB PHƯỜNG AN KHÁNH", "05/KH-CCB", "An Khánh",
     "Hội Cựu chiến binh phường An Khánh", "Hội Cựu chiến binh Việt Nam", "commune"),
    ("HỘI NÔNG DÂN VIỆT NAM", "BCH HỘI NÔNG DÂN XÃ TÂN PHÚ", "12-KH/HND", "Tân Phú",
     "Ban Chấp hành Hội Nông dân xã Tân Phú", "Hội Nông dân Việt Nam", "commune"),
    # a whole body over a unit line stays itself (the unit line is no part of it)
    ("ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN", "12/KH-UBND", "Nghệ An", "Ủy ban nhân dân tỉnh Nghệ An", None, "province"),
    ("UBND TỈNH NGHỆ AN", "SỞ NỘI VỤ", "12/KH-SNV", "Nghệ An", "Sở Nội vụ tỉnh Nghệ An", "UBND tỉnh Nghệ An", "department"),
]


@pytest.mark.parametrize("shape", SHAPES, ids=lambda f: f.__name__)
@pytest.mark.parametrize(("left1", "left2", "number", "place", "issuer", "parent", "level"), WRAPPED_ISSUERS,
                         ids=[c[4] for c in WRAPPED_ISSUERS])
def test_an_issuer_wrapped_over_the_left_column(shape, left1, left2, number, place, issuer, parent, level):
    plan = read_text(shape(left1, left2, number, place, ""), "kh.txt")
    h = plan.header
    assert (h.issuer, h.parent, h.place, h.date, plan.facts.level) == (issuer, parent, place, dt.date(2024, 3, 10), level)


@pytest.mark.parametrize(("cell", "name"), [
    ("HỘI NÔNG DÂN XÃ TÂN PHÚ", "Hội Nông dân xã Tân Phú"),
    ("HỘI CCB PHƯỜNG AN KHÁNH", "Hội Cựu chiến binh phường An Khánh"),
    ("HỘI LHPN THỊ TRẤN PHÚ MỸ", "Hội Liên hiệp Phụ nữ thị trấn Phú Mỹ"),
    ("ĐOÀN THANH NIÊN XÃ HÒA AN", "Đoàn Thanh niên xã Hòa An"),
    ("BCH HỘI NÔNG DÂN XÃ TÂN PHÚ", "Ban Chấp hành Hội Nông dân xã Tân Phú"),
    ("BHXH XÃ HÒA AN", "Bảo hiểm xã hội xã Hòa An"),
    ("BẢO HIỂM XÃ HỘI TỈNH NGHỆ AN", "Bảo hiểm xã hội tỉnh Nghệ An"),  # the "xã" of its name is no commune
])
def test_a_branch_named_after_its_unit(cell, name):
    assert body_name(cell) == (name, "department")


@pytest.mark.parametrize("cell", ["BẢO HIỂM XÃ HỘI", "HỘI CỰU CHIẾN BINH", "BCH HỘI NÔNG DÂN", "ĐOÀN THANH NIÊN"])
def test_a_stem_without_its_unit_names_no_body(cell):
    assert body_name(cell) is None


@pytest.mark.parametrize(("issuer", "level"), [
    ("Hội Nông dân xã Tân Lập", "commune"),
    ("Ban Chấp hành Hội Nông dân xã Tân Lập", "commune"),
    ("Hội Cựu chiến binh phường An Khánh", "commune"),
    ("Đoàn Thanh niên thị trấn Phú Mỹ", "commune"),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam xã Hòa An", "commune"),
    ("Hội Liên hiệp Phụ nữ huyện Đồng Phú", "district"),
    ("Liên đoàn Lao động thành phố Bà Rịa", "district"),  # a city inside a province
    ("Hội Nông dân huyện Mỏ Cày", "district"),
    # at the province: a union's branch is a department, the Front a party body, as before
    ("Hội Nông dân tỉnh Long An", "department"),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Long An", "party"),
    ("Ban Chấp hành Đoàn tỉnh Quảng Nam", "party"),
    # state branches below the province stay departments
    ("Bảo hiểm xã hội huyện Mỏ Cày", "department"),
    ("Hội Nông dân Việt Nam", "central"),
])
def test_a_mass_organisation_stands_at_its_units_level(issuer, level):
    assert issuer_level(issuer) == level


HEADED_TABLE = """\
ỦY BAN NHÂN DÂN
TỈNH LẠNG SƠN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 17/KH-UBND
Lạng Sơn, ngày 12 tháng 02 năm 2024
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2024
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức.
II. HÌNH THỨC TUYÊN TRUYỀN
{table}
III. TỔ CHỨC THỰC HIỆN
Các sở thực hiện.
"""


@pytest.mark.parametrize("table", [
    "TT | Nội dung | Thời gian | Đơn vị thực hiện\n1 | Tuyên truyền trên báo | Quý I | Sở Nội vụ",
    "TT\nNội dung\nThời gian\n1\nTuyên truyền trên báo\nQuý I",
    "STT\nNỘI DUNG\nTHỜI GIAN\n1\nTuyên truyền trên báo\nQuý I",
    "TT   NỘI DUNG   THỜI GIAN\n1   Tuyên truyền trên báo   Quý I",
    "Số TT\tNội dung\tThời gian\n1\tTuyên truyền trên báo\tQuý I",
    "| TT | NỘI DUNG | THỜI GIAN |\n|---|---|---|\n| 1 | Tuyên truyền trên báo | Quý I |",
], ids=["barred", "a-cell-a-line", "stt-capitals", "pdf-columns", "tabs", "markdown"])
def test_a_tables_column_header_is_no_part_of_the_heading_above(table):
    plan = read_text(HEADED_TABLE.format(table=table), "kh.txt")
    assert [s.label for s in plan.sections if s.level == 1] == [
        "I. MỤC ĐÍCH, YÊU CẦU", "II. HÌNH THỨC TUYÊN TRUYỀN", "III. TỔ CHỨC THỰC HIỆN"]


def test_a_heading_wrapped_by_hand_still_joins():
    plan = read_text(HEADED_TABLE.format(table="").replace("II. HÌNH THỨC TUYÊN TRUYỀN\n", "II. HÌNH THỨC\nTUYÊN TRUYỀN\n"))
    assert [s.label for s in plan.sections if s.level == 1][1] == "II. HÌNH THỨC TUYÊN TRUYỀN"


# A header table's PDF (the text layer): each cell wrapped in its narrow column, the right column
# beside the left one after a wide gap, the table's rule left as a lone bar.
TABLE_PDF_WRAPPED = """\
ỦY BAN NHÂN                                  CỘNG HÒA XÃ
DÂN                                          HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HÒA BÌNH                                Độc lập - Tự do - Hạnh phúc
--------                                     ---------------
Số: 321/KH-UBND                              Hòa Bình, ngày
                                             14 tháng 11 năm 2023
|
KẾ HOẠCH
TRIỂN KHAI CHƯƠNG TRÌNH HÀNH ĐỘNG THỰC HIỆN
NGHỊ
QUYẾT SỐ 19-NQ/TW NGÀY 16/6/2022 CỦA BAN CHẤP HÀNH TRUNG
ƯƠNG ĐẢNG (KHÓA XIII)
VỀ NÔNG NGHIỆP, NÔNG DÂN, NÔNG THÔN ĐẾN NĂM 2030, TẦM NHÌN
ĐẾN NĂM 2045 TRÊN ĐỊA BÀN TỈNH HÒA BÌNH NĂM
2024
Thực hiện Nghị quyết số 26/NQ-CP ngày 06/3/2023 của Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
"""

TABLE_PDF_AUTHORITY_WRAPPED = """\
BỘ NỘI VỤ                                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA
                                          VIỆT NAM
                                          Độc lập - Tự do - Hạnh phúc
Số: 410/QĐ-BNV                            Hà Nội, ngày 04 tháng 12 năm 2023
QUYẾT ĐỊNH
VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH CỦA
BỘ NỘI VỤ GIAI ĐOẠN 2024 - 2025 BỘ
TRƯỞNG BỘ NỘI VỤ
Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ;
QUYẾT ĐỊNH:
"""


@pytest.mark.parametrize(("text", "issuer", "number", "date", "title", "year"), [
    (TABLE_PDF_WRAPPED, "Ủy ban nhân dân tỉnh Hòa Bình", "321", dt.date(2023, 11, 14),
     "TRIỂN KHAI CHƯƠNG TRÌNH HÀNH ĐỘNG THỰC HIỆN NGHỊ QUYẾT SỐ 19-NQ/TW NGÀY 16/6/2022 CỦA BAN CHẤP HÀNH "
     "TRUNG ƯƠNG ĐẢNG (KHÓA XIII) VỀ NÔNG NGHIỆP, NÔNG DÂN, NÔNG THÔN ĐẾN NĂM 2030, TẦM NHÌN ĐẾN NĂM 2045 "
     "TRÊN ĐỊA BÀN TỈNH HÒA BÌNH NĂM 2024", 2024),
    (TABLE_PDF_AUTHORITY_WRAPPED, "Bộ Nội vụ", "410", dt.date(2023, 12, 4),
     "VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH CỦA BỘ NỘI VỤ GIAI ĐOẠN 2024 - 2025", 2023),
], ids=["cells-wrapped-inside-words", "authority-wrapped-onto-the-subject"])
def test_a_header_tables_pdf_wrapped_in_its_columns(text, issuer, number, date, title, year):
    h = read_text(text, "kh.pdf.txt").header
    assert (h.issuer, h.number, h.date, " ".join(h.title.split()), h.year) == (issuer, number, date, title, year)


MINISTRY_QD = """BỘ NỘI VỤ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
| Độc lập - Tự do - Hạnh phúc
Số: 215/QĐ-BNV | Hà Nội, ngày 14 tháng 3 năm 2025
QUYẾT ĐỊNH
Ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2025
BỘ TRƯỞNG BỘ NỘI VỤ
Căn cứ Nghị định số 25/2025/NĐ-CP ngày 21 tháng 02 năm 2025 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ;
Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;
Theo đề nghị của Vụ trưởng Vụ Cải cách hành chính.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tuyên truyền cải cách hành chính năm 2025.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng Bộ, Vụ trưởng Vụ Cải cách hành chính chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3;
- Lưu: VT, CCHC.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Văn An
\f
BỘ NỘI VỤ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
| Độc lập - Tự do - Hạnh phúc
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2025
(Ban hành kèm theo Quyết định số 215/QĐ-BNV ngày 14 tháng 3 năm 2025 của Bộ trưởng Bộ Nội vụ)
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao nhận thức.
II. NỘI DUNG
Tuyên truyền.
"""
SO_2025 = """UBND TỈNH GIA LAI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ NỘI VỤ | Độc lập - Tự do - Hạnh phúc
Số: 45/KH-SNV | Gia Lai, ngày 20 tháng 8 năm 2025
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2025
Căn cứ Kế hoạch số 120/KH-UBND ngày 05/8/2025 của UBND tỉnh Gia Lai;
I. MỤC ĐÍCH, YÊU CẦU
"""
WARD = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHƯỜNG QUY NHƠN NAM | Độc lập - Tự do - Hạnh phúc
Số: 30/KH-UBND | Quy Nhơn Nam, ngày 10 tháng 9 năm 2025
KẾ HOẠCH
Chuyển đổi số trên địa bàn phường năm 2025
Căn cứ Kế hoạch số 120/KH-UBND ngày 05/8/2025 của UBND tỉnh Gia Lai;
I. MỤC ĐÍCH, YÊU CẦU
"""
NOTICE = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 88/TB-UBND
Nghệ An, ngày 10 tháng 9 năm 2025
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về chuyển đổi số năm 2025
Ngày 05 tháng 9 năm 2025, Chủ tịch UBND tỉnh chủ trì cuộc họp.
"""
LETTER = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH NGHỆ AN | Độc lập - Tự do - Hạnh phúc
Số: 5120/UBND-KGVX | Nghệ An, ngày 10 tháng 9 năm 2025
V/v triển khai Kế hoạch chuyển đổi số năm 2025 |
Kính gửi: Các sở, ban, ngành cấp tỉnh.
Thực hiện Kế hoạch số 120/KH-BTTTT ngày 05/8/2025 của Bộ Thông tin và Truyền thông, UBND tỉnh có ý kiến như sau:
"""
BLANK_DATE = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 120/KH-UBND
Nghệ An, ngày  tháng  năm 2025
KẾ HOẠCH
Chuyển đổi số năm 2025
I. MỤC ĐÍCH
"""
BLANK_NUM_PIPE = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH NGHỆ AN | Độc lập - Tự do - Hạnh phúc
Số: /KH-UBND | Nghệ An, ngày      tháng     năm 2025
KẾ HOẠCH
Chuyển đổi số năm 2025
I. MỤC ĐÍCH
"""
THREE_LINES = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 121/KH-UBND
Nghệ An, ngày 10 tháng 9 năm 2025
KẾ HOẠCH
Triển khai thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị
về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo
và chuyển đổi số quốc gia trên địa bàn tỉnh
năm 2025
Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;
I. MỤC ĐÍCH
"""
ENGLISH_BASIS = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 122/KH-UBND
Nghệ An, ngày 10 tháng 9 năm 2025
KẾ HOẠCH
Chuyển đổi số năm 2025
I. CĂN CỨ XÂY DỰNG KẾ HOẠCH
1. Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;
2. Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;
3. Kế hoạch số 50/KH-UBND ngày 10/01/2025 của UBND tỉnh.
II. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao.
"""
ENGLISH_BASIS2 = ENGLISH_BASIS.replace("I. CĂN CỨ XÂY DỰNG KẾ HOẠCH\n", "").replace("II. MỤC", "I. MỤC").replace("1. Nghị quyết", "Căn cứ:\n1. Nghị quyết")

# name, text, header (doc_type, number, symbol, date, (year, month, day), place, issuer, parent,
# year, title), citations (key, role) without implicit ones, facts (level, province, basis openings)
SHAPES_2025 = [
    ("ministry-decision-with-its-plan-on-a-later-page", MINISTRY_QD,
     ("Quyết định", "215", "QĐ-BNV", dt.date(2025, 3, 14), (2025, 3, 14), "Hà Nội", "Bộ Nội vụ", None, 2025,
      "Ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2025"),
     [("215/QĐ-BNV", "self"), ("25/2025/NĐ-CP", "basis"), ("76/NQ-CP", "basis"), ("215/QĐ-BNV", "self")],
     ("central", None, ["Căn cứ", "Căn cứ", "Theo"])),
    ("department-after-the-2025-merger", SO_2025,
     ("Kế hoạch", "45", "KH-SNV", dt.date(2025, 8, 20), (2025, 8, 20), "Gia Lai", "Sở Nội vụ tỉnh Gia Lai",
      "UBND tỉnh Gia Lai", 2025, "Tuyên truyền cải cách hành chính năm 2025"),
     [("45/KH-SNV", "self"), ("120/KH-UBND", "basis")], ("department", "Gia Lai", ["Căn cứ"])),
    ("ward", WARD,
     ("Kế hoạch", "30", "KH-UBND", dt.date(2025, 9, 10), (2025, 9, 10), "Quy Nhơn Nam",
      "Ủy ban nhân dân phường Quy Nhơn Nam", None, 2025, "Chuyển đổi số trên địa bàn phường năm 2025"),
     [("30/KH-UBND", "self"), ("120/KH-UBND", "basis")], ("commune", "Gia Lai", ["Căn cứ"])),
    ("notice", NOTICE,
     ("Thông báo", "88", "TB-UBND", dt.date(2025, 9, 10), (2025, 9, 10), "Nghệ An", "Ủy ban nhân dân tỉnh Nghệ An",
      None, 2025, "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về chuyển đổi số năm 2025"),
     [("88/TB-UBND", "self")], ("province", "Nghệ An", [])),
    ("letter-v-v-ending-with-a-bar", LETTER,
     ("Công văn", "5120", "UBND-KGVX", dt.date(2025, 9, 10), (2025, 9, 10), "Nghệ An", "Ủy ban nhân dân tỉnh Nghệ An",
      None, 2025, "V/v triển khai Kế hoạch chuyển đổi số năm 2025"),
     [("120/KH-BTTTT", "basis")], ("province", "Nghệ An", ["Thực hiện"])),
    ("day-and-month-blank", BLANK_DATE,
     ("Kế hoạch", "120", "KH-UBND", None, (2025, None, None), "Nghệ An", "Ủy ban nhân dân tỉnh Nghệ An", None, 2025,
      "Chuyển đổi số năm 2025"),
     [("120/KH-UBND", "self")], ("province", "Nghệ An", [])),
    ("number-blank-in-a-flattened-table", BLANK_NUM_PIPE,
     ("Kế hoạch", None, "KH-UBND", None, (2025, None, None), "Nghệ An", "Ủy ban nhân dân tỉnh Nghệ An", None, 2025,
      "Chuyển đổi số năm 2025"),
     [], ("province", "Nghệ An", [])),
    ("subject-over-three-lines-and-its-year", THREE_LINES,
     ("Kế hoạch", "121", "KH-UBND", dt.date(2025, 9, 10), (2025, 9, 10), "Nghệ An", "Ủy ban nhân dân tỉnh Nghệ An",
      None, 2025, "Triển khai thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, "
      "công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia trên địa bàn tỉnh năm 2025"),
     [("121/KH-UBND", "self"), ("57-NQ/TW", "mention"), ("57-NQ/TW", "basis")], ("province", "Nghệ An", ["Căn cứ"])),
    ("numbered-basis-under-its-heading", ENGLISH_BASIS,
     ("Kế hoạch", "122", "KH-UBND", dt.date(2025, 9, 10), (2025, 9, 10), "Nghệ An", "Ủy ban nhân dân tỉnh Nghệ An",
      None, 2025, "Chuyển đổi số năm 2025"),
     [("122/KH-UBND", "self"), ("57-NQ/TW", "basis"), ("749/QĐ-TTg", "basis"), ("50/KH-UBND", "basis")],
     ("province", "Nghệ An", ["-", "-", "-"])),
    ("numbered-basis-under-can-cu", ENGLISH_BASIS2,
     ("Kế hoạch", "122", "KH-UBND", dt.date(2025, 9, 10), (2025, 9, 10), "Nghệ An", "Ủy ban nhân dân tỉnh Nghệ An",
      None, 2025, "Chuyển đổi số năm 2025"),
     [("122/KH-UBND", "self"), ("57-NQ/TW", "basis"), ("749/QĐ-TTg", "basis"), ("50/KH-UBND", "basis")],
     ("province", "Nghệ An", ["Căn cứ", "-", "-", "-"])),
]


def _reading(text: str) -> tuple:
    plan = read_text(text, "kinds.txt")
    h, f = plan.header, plan.facts
    parts = (h.date_parts.year, h.date_parts.month, h.date_parts.day)
    head = (h.doc_type, h.number, h.symbol, h.date, parts, h.place, h.issuer, h.parent, h.year, h.title)
    cites = [(c.key, c.role) for c in plan.citations if not c.implicit]
    facts = (f.level, f.province.name if f.province else None, [c.opening for c in f.basis])
    return head, cites, facts


@pytest.mark.parametrize(("name", "text", "header", "cites", "facts"), SHAPES_2025, ids=[c[0] for c in SHAPES_2025])
def test_a_shape_of_2025_header_citations_and_facts(name, text, header, cites, facts):
    assert _reading(text) == (header, cites, facts)


def test_the_plan_a_decision_issues_is_read_after_the_decisions_signature():
    plan = read_text(MINISTRY_QD)
    assert plan.header.signer == "Nguyễn Văn An"  # the decision's
    assert [(s.label, [c.label for c in s.children]) for s in plan.sections] == [
        ("I. MỤC ĐÍCH, YÊU CẦU", ["1. Mục đích"]), ("II. NỘI DUNG", [])]


def test_a_decision_without_its_plan_has_no_parts_after_its_signature():
    """Headings after the signature that no attached plan opens stay unread, as before."""
    text = MINISTRY_QD.replace("(Ban hành kèm theo Quyết định số 215/QĐ-BNV ngày 14 tháng 3 năm 2025 của Bộ trưởng Bộ Nội vụ)\n", "")
    assert read_text(text).sections == ()


@pytest.mark.parametrize(("line", "number", "symbol"), [
    ("Số: 5556/QĐBYT", "5556", "QĐ-BYT"),                    # the dash lost, the symbol last on its line
    ("Số: 5556/QĐBYT     Hà Nội, ngày 04 tháng 12 năm 2021", "5556", "QĐ-BYT"),
    ("Số: 5556/QĐ-BYT", "5556", "QĐ-BYT"),
])
def test_a_glued_symbol_ending_its_line(line, number, symbol):
    plan = read_text(f"BỘ Y TẾ\n{MOTTO}\n{line}\nHà Nội, ngày 04 tháng 12 năm 2021\nQUYẾT ĐỊNH\nVề việc phê duyệt kế hoạch\n")
    assert (plan.header.number, plan.header.symbol) == (number, symbol)


def test_a_word_header_table_over_a_flattened_paragraph(tmp_path):
    """A ministry's header table, then the rest of its first page pasted as one paragraph (a PDF
    copied into Word): the type, the subject, the authority and the basis clauses run together."""
    import docx

    from plankit import read_plan

    d = docx.Document()
    table = d.add_table(rows=2, cols=2)
    for (row, col), text in {(0, 0): "BỘ NỘI VỤ", (0, 1): f"{MOTTO}\n{MOTTO2}", (1, 0): "Số: 410/QĐBNV",
                             (1, 1): "Hà Nội, ngày 04 tháng 12 năm 2023"}.items():
        table.cell(row, col).text = text
    d.add_paragraph(
        "QUYẾT ĐỊNH VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH CỦA BỘ NỘI VỤ NĂM 2024 BỘ TRƯỞNG BỘ NỘI VỤ "
        "Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ quy định chức năng, nhiệm vụ, "
        "quyền hạn và cơ cấu tổ chức của Bộ Nội vụ; Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ; "
        "Theo đề nghị của Vụ trưởng Vụ Cải cách hành chính. QUYẾT ĐỊNH: Điều 1. Phê duyệt Kế hoạch.")
    path = tmp_path / "quyet-dinh.docx"
    d.save(str(path))
    plan = read_plan(path)
    h = plan.header
    assert (h.doc_type, h.number, h.symbol, h.date, h.issuer, h.title, h.year) == (
        "Quyết định", "410", "QĐ-BNV", dt.date(2023, 12, 4), "Bộ Nội vụ",
        "VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH CỦA BỘ NỘI VỤ NĂM 2024", 2024)
    assert [(c.key, c.role) for c in plan.citations if not c.implicit] == [
        ("410/QĐ-BNV", "self"), ("63/2022/NĐ-CP", "basis"), ("76/NQ-CP", "basis")]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=st.sampled_from(SHAPES_2025), width=st.integers(min_value=30, max_value=160))
def test_rewrapping_a_shape_of_2025_keeps_its_reading(case, width):
    name, text, *_ = case
    head, cites, facts = _reading(_rewrap(text, width))
    expected_head, expected_cites, expected_facts = _reading(text)
    assert ((*head[:9], " ".join((head[9] or "").split())), cites, facts) == (
        (*expected_head[:9], " ".join((expected_head[9] or "").split())), expected_cites, expected_facts), name


# The right column copied first, each cell wrapped in its narrow column, a copy's tabs before some lines.
RIGHT_COLUMN_FIRST_WRAPPED = """\
CỘNG HÒA XÃ
\tHỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hòa Bình, ngày
14 tháng 11 năm 2023
\tỦY BAN NHÂN
DÂN
\tTỈNH HÒA BÌNH
Số: 321/KH-UBND
KẾ HOẠCH
Cải cách hành chính năm 2024
Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ;
I. MỤC ĐÍCH, YÊU CẦU
"""


def test_the_right_column_first_with_its_cells_wrapped():
    h = read_text(RIGHT_COLUMN_FIRST_WRAPPED, "kh.txt").header
    assert (h.issuer, h.number, h.date, h.place, h.title) == (
        "Ủy ban nhân dân tỉnh Hòa Bình", "321", dt.date(2023, 11, 14), "Hòa Bình", "Cải cách hành chính năm 2024")


@pytest.mark.parametrize("text", [ENGLISH_BASIS, ENGLISH_BASIS2], ids=["under-its-heading", "under-can-cu"])
def test_a_numbered_clause_wrapped_before_a_capital_is_one_clause(text):
    wrapped = text.replace("của Thủ tướng Chính phủ;", "của Thủ tướng\nChính phủ;")
    plan = read_text(wrapped)
    clauses = [" ".join(plan.text[c.span.start:c.span.end].split()) for c in plan.facts.basis if c.opening == "-"]
    assert clauses == ["1. Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;",
                       "2. Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;",
                       "3. Kế hoạch số 50/KH-UBND ngày 10/01/2025 của UBND tỉnh."]
    assert [(c.key, c.role) for c in plan.citations if not c.implicit][1:] == [
        ("57-NQ/TW", "basis"), ("749/QĐ-TTg", "basis"), ("50/KH-UBND", "basis")]
