"""Layouts of real documents the development corpus does not show (session 8, third reader pass),
as fixtures written for these tests (invented agencies and numbers, real shapes):

* a plan whose top sections are numbered with Arabic numerals in capitals (``1. MỤC ĐÍCH, YÊU
  CẦU`` / ``2. NHIỆM VỤ TRỌNG TÂM``), with ``1.``, ``1.1.`` or ``a)`` under them;
* a symbol run across a tab into the place (``Số: 1/KH-<tab>Cần Thơ``), one ending in its dash;
* a department printed without its province, its committee cited far down a letter;
* a PDF draft's ``Số:`` alone with its ``/TTr-UBND`` after the motto, the date one word a line.
"""

from __future__ import annotations

import pytest

from plankit import read_text

HEAD = ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "HUYỆN ĐÔNG BÌNH\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 41/KH-UBND\tĐông Bình, ngày 05 tháng 3 năm 2025\n\n"
        "KẾ HOẠCH\nTuyên truyền phòng, chống thiên tai năm 2025\n\n"
        "Căn cứ Quyết định số 12/QĐ-UBND ngày 02/01/2025 của UBND tỉnh Thanh Sơn;\n"
        "UBND huyện xây dựng Kế hoạch như sau:\n")
TAIL = "Trên đây là Kế hoạch của UBND huyện Đông Bình.\n"


def _tree(sections) -> list:
    return [(s.level, s.number, s.title, _tree(s.children)) for s in sections]


def _shape(plan, sections) -> list:
    """The tree without the numbers: what re-numbering I..V to 1..5 must keep (each section's
    text after its number)."""
    return [(s.level, s.title, plan.text[s.span.start : s.span.end].split(".", 1)[1], _shape(plan, s.children))
            for s in sections]


# (body with {0}..{2} for the top numbers, expected tree when numbered 1, 2, 3)
CASES = [
    ("{0}. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao nhận thức.\n2. Yêu cầu\nBảo đảm hiệu quả.\n"
     "{1}. NHIỆM VỤ TRỌNG TÂM\n1. Tuyên truyền\nTrên loa.\n{2}. TỔ CHỨC THỰC HIỆN\nPhòng Nội vụ chủ trì.\n",
     [(1, "1", "MỤC ĐÍCH, YÊU CẦU", [(2, "1", "Mục đích", []), (2, "2", "Yêu cầu", [])]),
      (1, "2", "NHIỆM VỤ TRỌNG TÂM", [(2, "1", "Tuyên truyền", [])]),
      (1, "3", "TỔ CHỨC THỰC HIỆN", [])]),
    # the top heading wrapped onto a line of its own
    ("{0}. MỤC ĐÍCH,\nYÊU CẦU\n1. Mục đích\nNâng cao nhận thức.\n{1}. NHIỆM VỤ\nTRỌNG TÂM\nDiễn tập.\n"
     "{2}. KINH PHÍ\nNgân sách huyện.\n",
     [(1, "1", "MỤC ĐÍCH, YÊU CẦU", [(2, "1", "Mục đích", [])]),
      (1, "2", "NHIỆM VỤ TRỌNG TÂM", []),
      (1, "3", "KINH PHÍ", [])]),
    # letters under a top section: level 3, as under a Roman one
    ("{0}. MỤC ĐÍCH\n1. Mục đích\na) Nâng cao nhận thức.\nb) Chủ động ứng phó.\n{1}. NỘI DUNG\nTuyên truyền.\n"
     "{2}. TỔ CHỨC THỰC HIỆN\nCác phòng thực hiện.\n",
     [(1, "1", "MỤC ĐÍCH", [(2, "1", "Mục đích", [(3, "a", "Nâng cao nhận thức.", []),
                                                  (3, "b", "Chủ động ứng phó.", [])])]),
      (1, "2", "NỘI DUNG", []),
      (1, "3", "TỔ CHỨC THỰC HIỆN", [])]),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_arabic_top_sections_are_level_one(body, expected):
    plan = read_text(HEAD + body.format("1", "2", "3") + TAIL)
    assert _tree(plan.sections) == expected


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_renumbering_roman_to_arabic_keeps_the_tree(body, expected):
    roman = read_text(HEAD + body.format("I", "II", "III") + TAIL)
    arabic = read_text(HEAD + body.format("1", "2", "3") + TAIL)
    assert _shape(arabic, arabic.sections) == _shape(roman, roman.sections)
    assert [s.number for s in roman.sections] == ["I", "II", "III"]


def test_renumbering_five_sections():
    body = "".join(f"{{{k}}}. PHẦN VIỆC SỐ {k + 1}\n1. Việc thứ nhất\nNội dung.\n2. Việc thứ hai\nNội dung.\n"
                   for k in range(5))
    roman = read_text(HEAD + body.format("I", "II", "III", "IV", "V") + TAIL)
    arabic = read_text(HEAD + body.format("1", "2", "3", "4", "5") + TAIL)
    assert _shape(arabic, arabic.sections) == _shape(roman, roman.sections)
    assert [s.number for s in arabic.sections] == ["1", "2", "3", "4", "5"]
    assert [len(s.children) for s in arabic.sections] == [2] * 5


def test_decimal_sub_sections_under_arabic_top():
    body = ("1. MỤC ĐÍCH, YÊU CẦU\n1.1. Mục đích\nNâng cao nhận thức.\n1.2. Yêu cầu\nThiết thực.\n"
            "2. NHIỆM VỤ TRỌNG TÂM\n2.1 Tuyên truyền\nTrên loa.\n")
    plan = read_text(HEAD + body + TAIL)
    assert _tree(plan.sections) == [
        (1, "1", "MỤC ĐÍCH, YÊU CẦU", [(2, "1.1", "Mục đích", []), (2, "1.2", "Yêu cầu", [])]),
        (1, "2", "NHIỆM VỤ TRỌNG TÂM", [(2, "2.1", "Tuyên truyền", [])]),
    ]


@pytest.mark.parametrize(("body", "expected"), [
    # a Roman plan keeps capital Arabic items under its Roman sections
    ("I. MỤC ĐÍCH\n1. Mục đích chung\nNội dung.\n2. YÊU CẦU\nNội dung.\nII. NỘI DUNG\nTuyên truyền.\n",
     [(1, "I", "MỤC ĐÍCH", [(2, "1", "Mục đích chung", []), (2, "2", "YÊU CẦU", [])]),
      (1, "II", "NỘI DUNG", [])]),
    # OCR'd Roman numerals "1." / "11." (I, II) with no Arabic-only number: still Roman
    ("1. MỤC ĐÍCH\n1. Mục đích\nNội dung.\n11. NỘI DUNG\nTuyên truyền.\n",
     [(1, "I", "MỤC ĐÍCH", [(2, "1", "Mục đích", [])]), (1, "II", "NỘI DUNG", [])]),
])
def test_roman_plans_unchanged(body, expected):
    assert _tree(read_text(HEAD + body + TAIL).sections) == expected


# -- a symbol joined across a tab or a column gap with the place --------------------------------

def _header(number_line: str) -> str:
    return ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "THÀNH PHỐ CẦN THƠ\tĐộc lập - Tự do - Hạnh phúc\n"
            f"{number_line}\n\nKẾ HOẠCH\nChuyển đổi số năm 2025\n\nI. MỤC ĐÍCH\nNội dung.\n")


@pytest.mark.parametrize(("line", "number", "symbol", "incomplete"), [
    ("Số: 1/KH-\tCần Thơ, ngày 10 tháng 01 năm 2025", "1", None, True),
    ("Số: 27/KH-     Cần Thơ, ngày 10 tháng 01 năm 2025", "27", None, True),
    ("Số: 27/KH-UBND-\tCần Thơ, ngày 10 tháng 01 năm 2025", "27", None, True),
    ("Số: 1/KH-UBND\tCần Thơ, ngày 10 tháng 01 năm 2025", "1", "KH-UBND", False),
    ("Số: 1/KH-UBND     Cần Thơ, ngày 10 tháng 01 năm 2025", "1", "KH-UBND", False),
    ("Số: 1/KH - UBND\tCần Thơ, ngày 10 tháng 01 năm 2025", "1", "KH-UBND", False),
    ("Số: 3/KH-SGDĐT\tCần Thơ, ngày 10 tháng 01 năm 2025", "3", "KH-SGDĐT", False),
])
def test_symbol_never_takes_the_next_column(line, number, symbol, incomplete):
    plan = read_text(_header(line))
    assert (plan.header.number, plan.header.symbol, plan.header.place) == (number, symbol, "Cần Thơ")
    assert plan.header.date == __import__("datetime").date(2025, 1, 10)
    assert any("incomplete" in w.message for w in plan.warnings) is incomplete


# -- a department printed without its province, the province from its committee's citations -----

_M = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\tĐộc lập - Tự do - Hạnh phúc"
_TO_MANY = "Kính gửi:\n" + "".join(f"- Phòng chuyên môn số {i} thuộc các đơn vị trên địa bàn;\n" for i in range(80))


def _letter(number: str, type_lines: str, body: str) -> str:
    return (f"SỞ NỘI VỤ\t{_M}\nSố: {number}\tMường Lạt, ngày 12 tháng 4 năm 2024\n"
            f"{type_lines}\n{body}")


@pytest.mark.parametrize(("text", "issuer", "warned"), [
    # an official letter citing its province's committee once
    (_letter("215/SNV-TCBC", "V/v tuyển dụng viên chức năm 2024\n",
             "Thực hiện Kế hoạch số 40/KH-UBND ngày 01/3/2024 của UBND tỉnh Lai Châu, Sở Nội vụ đề nghị.\n"),
     "Sở Nội vụ tỉnh Lai Châu", True),
    # the citation after a long "Kính gửi" list, thousands of characters down
    (_letter("215/SNV-TCBC", "V/v tuyển dụng viên chức năm 2024\n",
             _TO_MANY + "\nThực hiện Văn bản số 40/UBND-NC của Ủy ban nhân dân tỉnh Lai Châu, Sở Nội vụ đề nghị.\n"),
     "Sở Nội vụ tỉnh Lai Châu", True),
    # a report and a decision
    (_letter("215/BC-SNV", "\nBÁO CÁO\nKết quả tuyển dụng năm 2023\n",
             "Thực hiện Kế hoạch số 40/KH-UBND của UBND tỉnh Lai Châu, Sở Nội vụ báo cáo như sau:\nI. KẾT QUẢ\nNội dung.\n"),
     "Sở Nội vụ tỉnh Lai Châu", True),
    (_letter("215/QĐ-SNV", "\nQUYẾT ĐỊNH\nVề việc thành lập tổ công tác\n",
             "GIÁM ĐỐC SỞ NỘI VỤ\nCăn cứ Quyết định số 40/QĐ-UBND của UBND tỉnh Lai Châu;\nQUYẾT ĐỊNH:\nĐiều 1. Thành lập.\n"),
     "Sở Nội vụ tỉnh Lai Châu", True),
    # two provinces' committees cited: nothing guessed
    (_letter("215/SNV-TCBC", "V/v tuyển dụng viên chức năm 2024\n",
             _TO_MANY + "\nThực hiện Văn bản của UBND tỉnh Lai Châu và của UBND tỉnh Đồng Nai, Sở Nội vụ đề nghị.\n"),
     "Sở Nội vụ", False),
    # a Party committee is not the department's committee
    (_letter("215/SNV-TCBC", "V/v tuyển dụng viên chức năm 2024\n",
             "Thực hiện Văn bản của Tỉnh ủy Lai Châu, Sở Nội vụ đề nghị.\n"),
     "Sở Nội vụ", False),
])
def test_department_province_from_its_committee(text, issuer, warned):
    plan = read_text(text)
    assert plan.header.issuer == issuer
    assert any("issuer's province inferred" in w.message for w in plan.warnings) is warned


# -- a PDF draft's number field split by its columns, its date one word a line -----------------

def _draft(number_head: str, between: str, symbol_line: str, date_lines: str) -> str:
    return (f"ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n{number_head}\n{between}{symbol_line}\n{date_lines}\n\n"
            "TỜ TRÌNH\nVề dự thảo Quy chế phối hợp quản lý khu kinh tế\n\n"
            "Kính gửi: Hội đồng nhân dân tỉnh Lai Châu.\n\nI. SỰ CẦN THIẾT\nNội dung.\n")


_MOTTO_LINES = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"


@pytest.mark.parametrize(("text", "number", "symbol", "parts"), [
    # blank number, blank day and month
    (_draft("Số:", _MOTTO_LINES, "/TTr-UBND", "Lai Châu, ngày\ntháng\nnăm 2016"), None, "TTr-UBND", (None, None, 2016)),
    # the number given, the date given over three lines
    (_draft("Số: 15", _MOTTO_LINES, "/TTr-UBND", "Lai Châu, ngày 05\ntháng 3\nnăm 2016"), "15", "TTr-UBND", (5, 3, 2016)),
    # the symbol's own dash an en dash; only one motto line between
    (_draft("Số:", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", "/TTr–UBND", "Lai Châu, ngày\ntháng\nnăm 2016"),
     None, "TTr-UBND", (None, None, 2016)),
])
def test_number_split_by_columns(text, number, symbol, parts):
    plan = read_text(text)
    h = plan.header
    assert (h.number, h.symbol, h.doc_type, h.place, h.issuer) == (number, symbol, "Tờ trình", "Lai Châu", "Ủy ban nhân dân tỉnh Lai Châu")
    assert (h.date_parts.day, h.date_parts.month, h.date_parts.year) == parts
    assert plan.text[h.span("symbol").start : h.span("symbol").end].replace("–", "-") == symbol


def test_split_number_needs_only_the_motto_between():
    # a line of prose between "Số:" and the slash: no symbol is pieced together
    text = _draft("Số:", _MOTTO_LINES + "Dự thảo lần 2\n", "/TTr-UBND", "Lai Châu, ngày\ntháng\nnăm 2016")
    assert read_text(text).header.symbol is None
