"""Citation forms of real documents beyond the bundled plans (session 8): Party numbers (Nghị
quyết 18-NQ/TW, Kết luận 121-KL/TW, Hướng dẫn 05-HD/BTGTW), a number without "số", spaces and
line breaks a PDF or a narrow column puts inside a number, công văn numbers after "Công văn" or
"văn bản", "Thông báo kết luận", a Party "Quy định" numbered QĐ, and lists of numbers.

Every fixture is written here in the shape of real text (invented numbers and agencies where the
facts do not matter), never copied from a document.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plankit.cite import extract_citations

D = dt.date

# (text, [(key, doc_type, issuer, level, date, role, notes), ...])
CASES = [
    # Party numbers: number, dash, type, slash, body
    ("Căn cứ Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII;",
     [("18-NQ/TW", "Nghị quyết", "Ban Chấp hành Trung ương", "party", D(2017, 10, 25), "basis", ())]),
    ("Thực hiện Kết luận số 121-KL/TW ngày 24/01/2025 của Ban Chấp hành Trung ương Đảng;",
     [("121-KL/TW", "Kết luận", "Ban Chấp hành Trung ương", "party", D(2025, 1, 24), "basis", ())]),
    ("Thực hiện Hướng dẫn số 05-HD/BTGTW ngày 12/4/2024 của Ban Tuyên giáo Trung ương;",
     [("05-HD/BTGTW", "Hướng dẫn", "Ban Tuyên giáo Trung ương", "party", D(2024, 4, 12), "basis", ())]),
    ("Thực hiện Chỉ thị số 23/CT-TTg ngày 02/9/2019 của Thủ tướng Chính phủ;",
     [("23/CT-TTg", "Chỉ thị", "Thủ tướng Chính phủ", "central", D(2019, 9, 2), "basis", ())]),
    # a number without "số"
    ("Căn cứ Quyết định 1234/QĐ-UBND ngày 05/3/2024 của UBND tỉnh Bắc Ninh;",
     [("1234/QĐ-UBND", "Quyết định", "UBND tỉnh Bắc Ninh", "province", D(2024, 3, 5), "basis", ())]),
    # spaces a PDF's text puts inside a number
    ("Căn cứ Nghị định số 30/2020/ NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
     [("30/2020/NĐ-CP", "Nghị định", "Chính phủ", "central", D(2020, 3, 5), "basis",
       ("spaces inside the number removed",))]),
    ("Căn cứ Nghị định số 30/2020/NĐ - CP ngày 05/3/2020;",
     [("30/2020/NĐ-CP", "Nghị định", "Chính phủ", "central", D(2020, 3, 5), "basis",
       ("spaces inside the number removed",))]),
    ("Căn cứ Nghị quyết số 18- NQ/TW ngày 25/10/2017;",
     [("18-NQ/TW", "Nghị quyết", "Ban Chấp hành Trung ương", "party", D(2017, 10, 25), "basis",
       ("spaces inside the number removed",))]),
    # a number split over a line, at the dash or at a slash
    ("Căn cứ Nghị định số 30/2020/NĐ-\nCP ngày 05/3/2020 của Chính phủ;",
     [("30/2020/NĐ-CP", "Nghị định", "Chính phủ", "central", D(2020, 3, 5), "basis",
       ("line break inside the number removed",))]),
    ("Căn cứ Nghị định số 30/\n2020/NĐ-CP ngày 05/3/2020 của Chính phủ;",
     [("30/2020/NĐ-CP", "Nghị định", "Chính phủ", "central", D(2020, 3, 5), "basis",
       ("line break inside the number removed",))]),
    ("Căn cứ Nghị định số 30/2020/\nNĐ-CP ngày 05/3/2020 của Chính phủ;",
     [("30/2020/NĐ-CP", "Nghị định", "Chính phủ", "central", D(2020, 3, 5), "basis",
       ("line break inside the number removed",))]),
    ("Căn cứ Quyết định số 1234\n/QĐ-UBND ngày 05/3/2024;",
     [("1234/QĐ-UBND", "Quyết định", "UBND", "province", D(2024, 3, 5), "basis",
       ("line break inside the number removed",))]),
    ("Căn cứ Luật số 72/2025/\nQH15 ngày 16/6/2025;",
     [("72/2025/QH15", "Luật", "Quốc hội", "central", D(2025, 6, 16), "basis",
       ("line break inside the number removed",))]),
    ("Căn cứ Nghị quyết số 18-NQ/\nTW ngày 25/10/2017;",
     [("18-NQ/TW", "Nghị quyết", "Ban Chấp hành Trung ương", "party", D(2017, 10, 25), "basis",
       ("line break inside the number removed",))]),
    # "Thông báo kết luận" is a Thông báo (its number says TB), not a Kết luận
    ("Thực hiện Thông báo kết luận số 45-TB/TU ngày 10/3/2025 của Tỉnh ủy;",
     [("45-TB/TU", "Thông báo", "Tỉnh ủy", "party", D(2025, 3, 10), "basis", ())]),
    # a Party Quy định numbered QĐ: the word says it is a Quy định, no "written ... but" note
    ("Thực hiện Quy định số 144-QĐ/TW ngày 09/5/2024 của Bộ Chính trị;",
     [("144-QĐ/TW", "Quy định", "Bộ Chính trị", "party", D(2024, 5, 9), "basis", ())]),
    ("Căn cứ Quyết định số 144-QĐ/TW ngày 09/5/2024;",
     [("144-QĐ/TW", "Quyết định", "Ban Chấp hành Trung ương", "party", D(2024, 5, 9), "basis", ())]),
    # công văn: after "Công văn" or "văn bản"
    ("Thực hiện Công văn số 123/UBND-KGVX ngày 15/01/2025 của UBND tỉnh;",
     [("123/UBND-KGVX", "Công văn", "UBND tỉnh", "province", D(2025, 1, 15), "basis", ())]),
    ("Thực hiện văn bản số 123/UBND-KGVX ngày 15/01/2025 của UBND tỉnh;",
     [("123/UBND-KGVX", "Công văn", "UBND tỉnh", "province", D(2025, 1, 15), "basis", ())]),
    ("Thực hiện Công văn 5678/VPCP-KSTT ngày 05/3/2025 của Văn phòng Chính phủ;",
     [("5678/VPCP-KSTT", "Công văn", "Văn phòng Chính phủ", "central", D(2025, 3, 5), "basis", ())]),
    # a list: each number of "các Quyết định số 1/..., số 2/..." is a basis document, and the
    # issuer said once after the last is every member's (the date is the last one's only)
    ("Căn cứ các Quyết định số 1/QĐ-UBND, số 2/QĐ-UBND ngày 03/01/2025 của UBND tỉnh;",
     [("1/QĐ-UBND", "Quyết định", "UBND tỉnh", "province", None, "basis", ()),
      ("2/QĐ-UBND", "Quyết định", "UBND tỉnh", "province", D(2025, 1, 3), "basis", ())]),
    ("Căn cứ các Quyết định số 1/QĐ-UBND ngày 02/01/2025, số 2/QĐ-UBND ngày 03/01/2025 của UBND tỉnh;",
     [("1/QĐ-UBND", "Quyết định", "UBND tỉnh", "province", D(2025, 1, 2), "basis", ()),
      ("2/QĐ-UBND", "Quyết định", "UBND tỉnh", "province", D(2025, 1, 3), "basis", ())]),
    ("Căn cứ Quyết định số 1/QĐ-UBND, 2/QĐ-UBND và 3/QĐ-UBND của UBND tỉnh Bắc Ninh;",
     [("1/QĐ-UBND", "Quyết định", "UBND tỉnh Bắc Ninh", "province", None, "basis", ()),
      ("2/QĐ-UBND", "Quyết định", "UBND tỉnh Bắc Ninh", "province", None, "basis", ()),
      ("3/QĐ-UBND", "Quyết định", "UBND tỉnh Bắc Ninh", "province", None, "basis", ())]),
    # two clauses: the second's issuer is not the first's
    ("Căn cứ Quyết định số 1/QĐ-UBND;\nCăn cứ Quyết định số 2/QĐ-UBND của UBND tỉnh;",
     [("1/QĐ-UBND", "Quyết định", "UBND", "province", None, "basis", ()),
      ("2/QĐ-UBND", "Quyết định", "UBND tỉnh", "province", None, "basis", ())]),
    # a list of two issuers: the central decree keeps its own
    ("Căn cứ Nghị định số 1/2020/NĐ-CP, Quyết định số 2/QĐ-UBND của UBND tỉnh;",
     [("1/2020/NĐ-CP", "Nghị định", "Chính phủ", "central", None, "basis", ()),
      ("2/QĐ-UBND", "Quyết định", "UBND tỉnh", "province", None, "basis", ())]),
    # a number named in a basis document's trích yếu is a mention
    ("Căn cứ Quyết định số 7/QĐ-UBND ngày 02/01/2025 của UBND tỉnh về việc triển khai Chỉ thị số "
     "23/CT-TTg ngày 02/9/2019 của Thủ tướng Chính phủ;",
     [("7/QĐ-UBND", "Quyết định", "UBND tỉnh", "province", D(2025, 1, 2), "basis", ()),
      ("23/CT-TTg", "Chỉ thị", "Thủ tướng Chính phủ", "central", D(2019, 9, 2), "mention", ())]),
    # in the body, not the basis: a mention
    ("KẾ HOẠCH\nI. MỤC ĐÍCH\n1. Triển khai Kết luận số 121-KL/TW ngày 24/01/2025.",
     [("121-KL/TW", "Kết luận", "Ban Chấp hành Trung ương", "party", D(2025, 1, 24), "mention", ())]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_citation_forms(text, expected):
    got = [
        (c.key, c.doc_type, c.issuer, c.level, c.date, c.role, c.notes)
        for c in extract_citations(text)
    ]
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "ngày 15/\n7/2021",  # a date broken at a slash
        "xem trang 3/\n12 của tài liệu",  # a page number
        "năm 2021/\n2022",  # two years
        "Quy định số 08-QĐi/TW",  # QĐi is not in document_types.tsv (see the report)
    ],
)
def test_no_citation(text):
    assert extract_citations(text).keys == []


@settings(max_examples=60, deadline=None)
@given(
    number=st.integers(1, 9999),
    year=st.integers(2000, 2030),
    at=st.sampled_from(["dash", "slash1", "slash2", "none"]),
)
def test_a_line_break_anywhere_in_a_normative_number_keeps_its_key(number, year, at):
    """A normative number wrapped at its dash or either slash reads as the unwrapped one."""
    pieces = {"dash": (f"{number}/{year}/NĐ-", "CP"), "slash1": (f"{number}/", f"{year}/NĐ-CP"),
              "slash2": (f"{number}/{year}/", "NĐ-CP"), "none": (f"{number}/{year}/NĐ-CP", "")}
    head, tail = pieces[at]
    text = f"Căn cứ Nghị định số {head}\n{tail} của Chính phủ;" if tail else f"Căn cứ Nghị định số {head};"
    cites = extract_citations(text)
    assert cites.keys == [f"{number}/{year}/NĐ-CP"]
    assert cites[0].span.slice(text) == cites[0].raw
