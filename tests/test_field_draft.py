"""Drafts from real layouts beyond the development corpus (found on legal portals, session 8).

Each fixture is written for its layout: the agencies, numbers and dates are invented, the shape is
the one the portals print (a Youth Union plan, a Women's Union plan copied a cell per line, a
normative decision whose number carries its year, a Government Office letter, a Công văn posted
on a department's portal).
"""

from __future__ import annotations

import pytest

from plankit.draft import draft_plan
from plankit.issuing import doc_type_of_symbol, number_line, party_title, signer_hint, youth_layout
from plankit.read import read_text
from plankit.render import render_markdown as to_markdown

YOUTH = (
    "BAN CHẤP HÀNH TỈNH ĐOÀN PHÚ YÊN\tĐOÀN TNCS HỒ CHÍ MINH\n***\n"
    "Số: 41-KH/TĐTN-TG\tPhú Yên, ngày 12 tháng 3 năm 2024\n\nKẾ HOẠCH\n"
    "Tuyên truyền cải cách hành chính trong đoàn viên, thanh niên năm 2024\n\n"
    "Căn cứ Kế hoạch số 18-KH/TĐTN-VP ngày 05/01/2024 của Ban Thường vụ Tỉnh Đoàn về chương trình "
    "công tác năm 2024, Ban Thường vụ Tỉnh Đoàn ban hành Kế hoạch tuyên truyền năm 2024 như sau:\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Nâng cao nhận thức của đoàn viên về cải cách hành chính.\n"
)
# The Youth Union's central plan as a portal prints it: the two columns on one line, kept apart by
# a run of spaces, the symbol with spaces around its dash.
YOUTH_SPACED = (
    "BAN CHẤP HÀNH TRUNG ƯƠNG" + " " * 60 + "ĐOÀN TNCS HỒ CHÍ MINH\n\n***\n\n"
    "   Số: 97 - KH/TWĐTN-VP" + " " * 70 + "Hà Nội, ngày 02 tháng 4 năm 2024\n\n"
    "KẾ HOẠCH\nTuyên truyền\ncải cách hành chính năm 2024\n\n"
    "Thực hiện chương trình công tác Đoàn năm 2024, Ban Bí thư Trung ương Đoàn ban hành Kế hoạch "
    "tuyên truyền cải cách hành chính năm 2024, cụ thể như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n"
    "1. Nâng cao nhận thức của cán bộ Đoàn về cải cách hành chính.\n"
)
PARTY = (
    "TỈNH ỦY PHÚ YÊN\tĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 12-KH/TU\tPhú Yên, ngày 15 tháng 01 năm 2024\n"
    "KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024\n"
    "Thực hiện Chỉ thị số 05-CT/TU ngày 10/01/2023 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Tỉnh ủy "
    "ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n"
)
# A mass organisation's plan copied a cell per line (a portal's <p> per cell): its body's line,
# the motto's line, its board's line, the motto's second line; no colon after "Số".
WOMEN = (
    "HỘI LIÊN HIỆP PHỤ NỮ TỈNH KON TUM\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nBAN THƯỜNG VỤ\n\n"
    "Độc lập – Tự do – Hạnh phúc\n\nSố    19  /KH-BTV\n\nKon Tum, ngày     tháng 3 năm 2023\n\n"
    "KẾ HOẠCH\n\nTuyên truyền cải cách hành chính trong hội viên phụ nữ\n\n"
    "Thực hiện Kế hoạch số 7/KH-BTV, ngày 12/01/2023 của Ban Thường vụ Hội LHPN tỉnh về chương trình "
    "công tác năm 2023; Ban Thường vụ Hội LHPN tỉnh xây dựng kế hoạch tuyên truyền như sau:\n\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n– Nâng cao nhận thức của hội viên.\n"
)
# A normative decision: its number carries the year it was signed in.
NORMATIVE = (
    "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH YÊN BÁI\tĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 17/2022/QĐ-UBND\tYên Bái, ngày 05 tháng 9 năm 2022\nQUYẾT ĐỊNH\n"
    "Ban hành Quy định đánh giá kết quả cải cách hành chính trên địa bàn tỉnh Yên Bái\n"
    "ỦY BAN NHÂN DÂN TỈNH YÊN BÁI\n"
    "Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ;\n"
    "Theo đề nghị của Giám đốc Sở Nội vụ.\nQUYẾT ĐỊNH:\n"
    "Điều 1. Ban hành kèm theo Quyết định này Quy định đánh giá kết quả cải cách hành chính.\n"
)
# The Government Office's letter: no type line, no "V/v", the addressee under the number.
LETTER = (
    "VĂN PHÒNG CHÍNH PHỦ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\tĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 812/VPCP-KSTT\tHà Nội, ngày 03 tháng 10 năm 2023\nKính gửi: Bộ Nội vụ\n"
    "Xét đề nghị của Bộ Nội vụ tại Tờ trình số 45/TTr-BNV ngày 20 tháng 9 năm 2023, Phó Thủ tướng "
    "có ý kiến như sau:\n1. Đồng ý tổ chức hội nghị tổng kết cải cách hành chính năm 2023.\n"
    "Văn phòng Chính phủ xin thông báo để Bộ Nội vụ biết, thực hiện.\n"
)
# A department's letter as its portal posts it: a headline, the posting time, the addressees.
POSTED_LETTER = (
    "Công văn số 215/STP-HCTP ngày 03/4/2023 V/v góp ý dự thảo Kế hoạch tuyên truyền cải cách hành "
    "chính tỉnh Kon Tum năm 2023.\n\nĐăng ngày: 04/04/2023 08:15:02\n\nKính gửi:\n\n"
    "– Sở Nội vụ;\n\n– Báo Kon Tum.\n\nThực hiện Quyết định số 88/QĐ-UBND ngày 10/01/2023 của UBND tỉnh "
    "Kon Tum, Sở Tư pháp đề nghị các cơ quan góp ý dự thảo Kế hoạch.\n"
)

# A portal's news post about a plan of a body whose code the text never gives.
NEWS_POST = (
    "Tuyên truyền cải cách hành chính năm 2023\n\nĐăng ngày: 04/04/2023 08:15:02\n\n"
    "Hội Chữ thập đỏ tỉnh Kon Tum vừa xây dựng Kế hoạch tuyên truyền cải cách hành chính năm 2023 "
    "trong hội viên.\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Nâng cao nhận thức của hội viên.\n"
)


@pytest.mark.parametrize(("text", "title", "number"), [
    (YOUTH, "ĐOÀN TNCS HỒ CHÍ MINH", "Số:       -KH/TĐTN-TG"),
    (YOUTH_SPACED, "ĐOÀN TNCS HỒ CHÍ MINH", None),
    (PARTY, "ĐẢNG CỘNG SẢN VIỆT NAM", "Số       -KH/TU"),
])
def test_a_youth_union_draft_keeps_its_own_title(text, title, number):
    plan = read_text(text)
    draft = draft_plan(plan, year=2025)
    first = draft.text.splitlines()[0]
    assert first.endswith("\t" + title)
    assert party_title(draft) == title
    assert f"**<u>{title}</u>**" in to_markdown(draft)
    if number is not None:
        assert draft.text.splitlines()[2].split("\t")[0] == number
    else:  # the number the reader did not read: the Youth Union's "Số:" still keeps its colon
        assert draft.text.splitlines()[2].startswith("Số:       -KH/")


@pytest.mark.parametrize(("body", "hint"), [
    ("Ban Thường vụ Hội Liên hiệp Phụ nữ tỉnh Kon Tum", "TM. BAN THƯỜNG VỤ / PHÓ CHỦ TỊCH hoặc TM. BAN THƯỜNG VỤ / CHỦ TỊCH"),
    ("Hội Nông dân tỉnh Phú Yên", "TM. BAN THƯỜNG VỤ / PHÓ CHỦ TỊCH hoặc TM. BAN THƯỜNG VỤ / CHỦ TỊCH"),
    ("Tỉnh Đoàn Phú Yên", "TM. BAN THƯỜNG VỤ / PHÓ BÍ THƯ hoặc TM. BAN THƯỜNG VỤ / BÍ THƯ"),
    ("Ban Chấp hành Đoàn tỉnh Phú Yên", "TM. BAN THƯỜNG VỤ / PHÓ BÍ THƯ hoặc TM. BAN THƯỜNG VỤ / BÍ THƯ"),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Kon Tum", "TM. BAN THƯỜNG TRỰC / PHÓ CHỦ TỊCH hoặc TM. BAN THƯỜNG TRỰC / CHỦ TỊCH"),
    ("Ban Thường vụ Tỉnh ủy Phú Yên", "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ hoặc T/M BAN THƯỜNG VỤ / BÍ THƯ"),
    ("Liên đoàn Lao động tỉnh Yên Bái", "TM. BAN THƯỜNG VỤ / PHÓ CHỦ TỊCH hoặc TM. BAN THƯỜNG VỤ / CHỦ TỊCH"),
])
def test_signer_titles_of_mass_organisations(body, hint):
    assert signer_hint(body) == hint


def test_a_board_printed_a_cell_per_line_keeps_its_organisation_and_signs_as_it():
    plan = read_text(WOMEN)
    draft = draft_plan(plan, year=2024)
    lines = draft.text.splitlines()
    assert lines[0] == "HỘI LIÊN HIỆP PHỤ NỮ TỈNH KON TUM\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert lines[1] == "BAN THƯỜNG VỤ\tĐộc lập - Tự do - Hạnh phúc"
    signer = [t.message for t in draft.todo if t.kind == "signer"]
    assert signer == ["Chưa có chức danh người ký (TM. BAN THƯỜNG VỤ / PHÓ CHỦ TỊCH hoặc TM. BAN THƯỜNG VỤ / CHỦ TỊCH): "
                      "bổ sung (the signer's title is missing)"]
    basis = [t.message for t in draft.todo if t.kind == "basis"]
    assert basis == ["Căn cứ 7/KH-BTV là kế hoạch năm 2023 của chính cơ quan ban hành: thay bằng văn bản năm 2024 khi có "
                     "(basis 7/KH-BTV is last year's plan: replace it with this year's)"]


@pytest.mark.parametrize(("year", "date", "line"), [
    (2023, None, "Số:       /2023/QĐ-UBND"),
    (2023, "2024-01-10", "Số:       /2024/QĐ-UBND"),
    (2025, None, "Số:       /2025/QĐ-UBND"),
])
def test_a_number_that_carries_its_year_takes_the_new_one(year, date, line):
    import datetime as dt

    kwargs = {"date": dt.date.fromisoformat(date)} if date else {}
    draft = draft_plan(read_text(NORMATIVE), year=year, **kwargs)
    assert draft.text.splitlines()[2].split("\t")[0] == line
    assert draft.header.symbol == line.rsplit("/", 2)[-2] + "/QĐ-UBND"


@pytest.mark.parametrize(("symbol", "doc_type"), [
    ("KH-UBND", "Kế hoạch"),
    ("2018/QĐ-UBND", "Quyết định"),
    ("KH/TU", "Kế hoạch"),
    ("TTr-VPCP", "Tờ trình"),
    ("VPCP-KSTT", "Công văn"),
    ("SNV-CCHC", "Công văn"),
    ("UBND-VX", "Công văn"),
    ("UBTVQH14", None),
    ("", None),
    (None, None),
])
def test_the_type_a_symbol_says(symbol, doc_type):
    assert doc_type_of_symbol(symbol) == doc_type


def test_a_letter_without_a_type_line_drafts_as_a_letter():
    draft = draft_plan(read_text(LETTER), year=2024)
    assert draft.header.doc_type == "Công văn"
    assert "KẾ HOẠCH" not in draft.text
    assert draft.text.splitlines()[2].split("\t")[0] == "Số:       /VPCP-KSTT"


def test_the_draft_header_is_what_it_wrote():
    """A symbol without its issuer's code is not completed with the place cell beside it."""
    draft = draft_plan(read_text(NEWS_POST), year=2024)
    number_cell, place_cell = draft.text.splitlines()[2].split("\t")
    assert (number_cell, place_cell) == ("Số:       /KH-", "Kon Tum, ngày       tháng 01 năm 2024")
    assert draft.header.symbol is None  # not "KH-Kon": no issuer's code was read
    assert "| Số: \u2003\u2003/KH- | *Kon Tum, ngày       tháng 01 năm 2024* |" in to_markdown(draft)


def test_a_posted_letter_drafts_as_the_letter_it_is():
    draft = draft_plan(read_text(POSTED_LETTER), year=2024)
    assert draft.text.splitlines()[2].split("\t")[0] == "Số:       /STP-HCTP"
    assert draft.header.doc_type == "Công văn"
    assert "KẾ HOẠCH" not in draft.text


@pytest.mark.parametrize(("text", "youth"), [(YOUTH, True), (YOUTH_SPACED, True), (PARTY, False), (WOMEN, False)])
def test_youth_layout(text, youth):
    assert youth_layout(read_text(text)) is youth


def test_number_line_of_the_youth_union():
    assert number_line("41", "KH/TĐTN-TG", party=True, youth=True) == "Số: 41-KH/TĐTN-TG"
    assert number_line(None, "KH/TĐTN-TG", party=True, youth=True) == "Số:       -KH/TĐTN-TG"
