"""The header compared as fields: a signer that appears (or changes) is never called a year
change; a blank date filled in at signing stays expected."""

from __future__ import annotations

import pytest

from plankit.diff.classify import Years
from plankit.diff.header import compare_headers
from plankit.model import Header, PartialDate


@pytest.mark.parametrize(("old", "new", "kind"), [
    (None, "Nguyễn Văn An", "substantive"),  # a signer appears: the old copy names none
    ("Nguyễn Văn An", "Trần Thị Bình", "substantive"),  # someone else signs
    ("Nguyễn Văn An", None, "substantive"),  # the new copy names none
    ("Nguyễn Văn An", "NGUYỄN VĂN AN", "same"),
])
def test_signer_is_never_a_year_change(old, new, kind):
    a = Header(number="12", date_parts=PartialDate(10, 1, 2023), year=2023, signer=old)
    b = Header(number="9", date_parts=PartialDate(12, 1, 2024), year=2024, signer=new)
    fields = {f.name: f for f in compare_headers(a, b, Years(2023, 2024))}
    assert (fields["number"].kind, fields["date"].kind, fields["year"].kind) == ("expected",) * 3
    assert fields["signer"].kind == kind


def test_blank_date_filled_in_at_signing_stays_expected():
    a = Header(number=None, date_parts=PartialDate(None, None, None), year=2024)
    b = Header(number="9", date_parts=PartialDate(12, 1, 2024), year=2024)
    fields = {f.name: f for f in compare_headers(a, b, Years(2024, 2024))}
    assert fields["date"].kind == "expected"


# A ministry's decision copied without its header one year (the copy starts at QUYẾT ĐỊNH), with it
# the next: our own text, in the shape of the Bộ Y tế series.
CUT = """QUYẾT ĐỊNH
Ban hành Kế hoạch truyền thông năm 2024
BỘ TRƯỞNG BỘ TƯ PHÁP
Căn cứ Nghị định số 98/2022/NĐ-CP ngày 29/11/2022 của Chính phủ;
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch truyền thông năm 2024.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
"""
WHOLE = """BỘ TƯ PHÁP
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 120/QĐ-BTP
Hà Nội, ngày 20 tháng 01 năm 2025
""" + CUT.replace("2024", "2025")
HEADER = ("BỘ TƯ PHÁP\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 120/QĐ-BTP\n"
          "Hà Nội, ngày 20 tháng 01 năm 2025")


def test_a_whole_header_where_the_old_copy_has_none_is_no_year_bump():
    from plankit.diff import diff_plans
    from plankit.read import read_text

    d = diff_plans(read_text(CUT, name="2024.txt"), read_text(WHOLE, name="2025.txt"))
    assert [(c.kind, c.old, c.new, c.reason) for c in d.changes] == [
        ("substantive", "", HEADER, "thêm nội dung (added)"),
        ("expected", "năm 2024", "năm 2025", "năm 2024 → 2025 theo năm kế hoạch (year bump)"),
        ("expected", "năm 2024", "năm 2025", "năm 2024 → 2025 theo năm kế hoạch (year bump)"),
    ]
    # the fields themselves still moved with the year
    assert {f.name: f.kind for f in d.header} == {"number": "expected", "symbol": "substantive", "date": "expected",
                                                  "year": "expected", "issuer": "same", "signer": "same"}
    back = diff_plans(read_text(WHOLE, name="2025.txt"), read_text(CUT, name="2024.txt"))
    assert [(c.kind, c.old, c.new) for c in back.changes[:1]] == [("substantive", HEADER, "")]


@pytest.mark.parametrize(("span", "field"), [
    ((4, 7), "number"),       # the number itself
    ((5, 7), "number"),       # inside it
    ((8, 14), "symbol"),
    ((4, 14), "number"),      # number and symbol, every word in a field
    ((0, 14), None),          # "Số" lies in no field
    ((7, 7), "number"),       # an insertion point touching the number
    ((2, 2), None),
])
def test_field_at_needs_every_word_inside_a_field(span, field):
    from plankit.diff.header import field_at
    from plankit.model import Span

    h = Header(number="288", symbol="QĐ-BYT", spans=(("number", Span(4, 7)), ("symbol", Span(8, 14))))
    assert field_at(h, Span(*span), "Số: 288/QĐ-BYT") == field


# A province's plan exported with its two-column header cut into pieces (the issuer over two
# lines, the motto read as page furniture, rules and bars between), and the next year's clean copy:
# our own text, in the shape of the Bắc Ninh series.
PIECES = """ỦY BAN NHÂN
DÂN
TỈNH HÀ NAM
--------
|
CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
|
Số: 210/KH-UBND
|
Hà Nam, ngày
20 tháng 12 năm 2023
|
KẾ HOẠCH
CẢI CÁCH
HÀNH CHÍNH TỈNH HÀ NAM NĂM 2024
Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;
I. MỤC ĐÍCH
Nâng cao chất lượng phục vụ người dân.
"""
CLEAN = """ỦY BAN NHÂN DÂN
TỈNH HÀ NAM
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 198/KH-UBND

Hà Nam, ngày 18 tháng 12 năm 2024

KẾ HOẠCH

CẢI CÁCH HÀNH CHÍNH TỈNH HÀ NAM NĂM 2025

Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;
I. MỤC ĐÍCH
Nâng cao chất lượng phục vụ người dân.
"""


def test_a_header_cut_into_pieces_compares_as_a_header_and_is_shown():
    import re

    from plankit.diff import diff_plans
    from plankit.read import read_text

    d = diff_plans(read_text(PIECES, name="2024.txt"), read_text(CLEAN, name="2025.txt"))
    # the pieces' column marks ("|") and rule lines are the layout, not words: no change
    assert [(c.kind, c.old, c.new) for c in d.changes] == [
        ("expected", "210/KH-UBND", ""),
        ("expected", "", "198/KH-UBND"),
        ("expected", "20", ""),
        ("expected", "", "18"),
        ("expected", "tháng 12 năm 2023", "tháng 12 năm 2024"),
        ("expected", "NAM NĂM 2024", "NAM NĂM 2025"),
    ]
    # every line of the old header is on the page, on the old side
    old_side = re.sub(r"\s*<br>\s*", " ", " ".join(re.findall(r'<td class="old">(.*?)</td>',
                                                                d.to_html(restore=False), re.S)))
    for line in ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"):
        assert line in old_side
