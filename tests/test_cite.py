"""Citations: exact tables for the five bundled plans, equivalence and non-match tables,
strict parsing with carets, properties, vocabulary files and the ``plankit cite`` command."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plankit.cite import (
    FRAME_COLUMNS,
    CitationList,
    canonical_key,
    citations_frame,
    extract_citations,
    parse_citation,
)
from plankit.cli import main
from plankit.errors import InvalidCitation
from plankit.model import Citation

D = dt.date

# -- 1. every citation of every bundled plan -------------------------------------------------------
# (role, key, date, issuer, level, implicit), in text order. Read from the files by hand:
#  * Cần Thơ 2022: its own number is blank ("Số:        /KH-SKHCN"), so no "self"; "Chương trình
#    tổng thể CCHC nhà nước giai đoạn 2021 – 2030" in II.4 stands for 76/NQ-CP (no number in
#    that sentence), "Chương trình CCHC của thành phố Cần Thơ ... 2021 - 2030" is no document.
#  * Cần Thơ 2025 (OCR): "S6:137 IKH-SKHCN" is its own number; both programme names in II.1 sit
#    in the sentence that cites "Nghi quyét sb 76/NQ-" newline "CP", so they are not repeated.
#  * Hưng Yên 2022: own number blank (header and appendix); both programme names are in the
#    sentence citing 76/NQ-CP; "TCVN ISO9001:2015" and "TCVN ISO 9001:2015" are standards.
#  * Huế 2022 (news): "Kế hoạch số 29/KH-SKHCN ngày 06/01-2022" is the plan the article is about;
#    "Chương trình tổng thể CCHC nhà nước" without its period names no document.
#  * Hải Dương 2022: "Chương trình tổng thể CCHC giai đoạn 2021-2030 của Chính phủ" is 76/NQ-CP.
EXPECTED = {
    "can-tho-2022": [
        ("basis", "261/KH-UBND", D(2021, 12, 29), "UBND thành phố Cần Thơ", "province", False),
        ("mention", "76/NQ-CP", D(2021, 7, 15), "Chính phủ", "central", True),
        ("mention", "45/2020/NĐ-CP", D(2020, 4, 8), "Chính phủ", "central", False),
    ],
    "can-tho-2025": [
        ("self", "137/KH-SKHCN", D(2025, 1, 21), "Sở Khoa học và Công nghệ thành phố Cần Thơ", "department", False),
        ("basis", "4168/QĐ-UBND", D(2021, 12, 27), "UBND thành phố Cần Thơ", "province", False),
        ("basis", "258/KH-UBND", D(2024, 12, 24), "UBND thành phố Cần Thơ", "province", False),
        ("mention", "76/NQ-CP", D(2021, 7, 15), "Chính phủ", "central", False),
        ("mention", "23/CT-TTg", D(2021, 9, 2), "Thủ tướng Chính phủ", "central", False),
        ("mention", "4168/QĐ-UBND", D(2021, 12, 27), "UBND thành phố Cần Thơ", "province", False),
        ("mention", "26-CTr/TU", D(2021, 12, 31), "Thành ủy Cần Thơ", "party", False),
    ],
    "hung-yen-2022": [
        ("basis", "161/QĐ-UBND", D(2022, 1, 19), "UBND tỉnh Hưng Yên", "province", False),
        ("mention", "76/NQ-CP", D(2021, 7, 15), "Chính phủ", "central", False),
        ("mention", "23/CT-TTg", D(2021, 9, 2), "Thủ tướng Chính phủ", "central", False),
        ("mention", "06-NQ/TU", None, "Tỉnh ủy Hưng Yên", "party", False),
        ("mention", "184/KH-UBND", D(2021, 12, 7), "UBND tỉnh Hưng Yên", "province", False),
        ("mention", "22/2020/QĐ-UBND", D(2020, 8, 12), "UBND tỉnh Hưng Yên", "province", False),
        ("mention", "05/CT-CTUBND", D(2019, 5, 16), "Chủ tịch UBND tỉnh Hưng Yên", "province", False),
    ],
    "hue-2022": [
        ("basis", "405/KH-UBND", D(2021, 12, 30), "UBND tỉnh Thừa Thiên Huế", "province", False),
        ("self", "29/KH-SKHCN", D(2022, 1, 6), "Sở Khoa học và Công nghệ tỉnh Thừa Thiên Huế", "department", False),
        ("mention", "07-NQ/TU", D(2021, 8, 9), "Tỉnh ủy Thừa Thiên Huế", "party", False),
        ("mention", "468/QĐ-TTg", D(2021, 3, 27), "Thủ tướng Chính phủ", "central", False),
        ("mention", "45/2016/QĐ-TTg", D(2016, 10, 19), "Thủ tướng Chính phủ", "central", False),
    ],
    "hai-duong-2022": [
        ("self", "181/KH-SCT", D(2022, 2, 7), "Sở Công Thương tỉnh Hải Dương", "department", False),
        ("basis", "4707/KH-UBND", D(2021, 12, 24), "UBND tỉnh Hải Dương", "province", False),
        ("basis", "276/KH-UBND", D(2022, 1, 27), "UBND tỉnh Hải Dương", "province", False),
        ("mention", "76/NQ-CP", D(2021, 7, 15), "Chính phủ", "central", True),
    ],
}

SCOPES = {
    "can-tho-2022": "Cần Thơ",
    "can-tho-2025": "Cần Thơ",
    "hung-yen-2022": "Hưng Yên",
    "hue-2022": "Thừa Thiên Huế",
    "hai-duong-2022": "Hải Dương",
}


def _rows(cites):
    return [(c.role, c.key, c.date, c.issuer, c.level, c.implicit) for c in cites]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_citation_of_each_plan(seeds, name):
    assert _rows(extract_citations(seeds[name])) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_raw_file_text_gives_the_same_citations(seed_paths, name):
    # Without the reader: roles come from the text (Căn cứ paragraphs, "Số:" in the header).
    # The plan's own row names its issuer as the header cell prints it: without the reader there
    # is no committee above it (nor a file name) to give the department its province.
    text = seed_paths[name].read_text(encoding="utf-8")
    expected = [(*r[:3], RAW_ISSUER.get(name, r[3]), *r[4:]) if r[0] == "self" else r for r in EXPECTED[name]]
    assert _rows(extract_citations(text)) == expected


RAW_ISSUER = {"can-tho-2025": "Sở Khoa học và Công nghệ", "hai-duong-2022": "Sở Công Thương",
              "hue-2022": "Sở Khoa học và Công nghệ"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_local_citations_are_scoped_to_the_plans_province(seeds, name):
    for cite in extract_citations(seeds[name]):
        expected = None if cite.level == "central" else SCOPES[name]
        assert cite.scope == expected, cite


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_spans_slice_plan_text_to_raw_and_are_in_order(seeds, name):
    plan = seeds[name]
    cites = extract_citations(plan)
    assert all(c.span.slice(plan.text) == c.raw for c in cites)
    assert [c.span.start for c in cites] == sorted(c.span.start for c in cites)


def test_plan_citations_is_the_same_list(seeds):
    plan = seeds["hung-yen-2022"]
    assert _rows(plan.citations) == _rows(extract_citations(plan))
    assert plan.citations is plan.citations  # computed once


@pytest.mark.parametrize(
    ("name", "key", "raw", "subject", "notes"),
    [
        ("can-tho-2022", "261/KH-UBND", "261/KH-UBND",
         "công tác thông tin, tuyên truyền cải cách hành chính năm 2022", ()),
        ("can-tho-2022", "76/NQ-CP", "Chương trình tổng thể CCHC nhà nước giai đoạn 2021 – 2030",
         "Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030",
         ("named programme: stands for 76/NQ-CP",)),
        ("can-tho-2025", "137/KH-SKHCN", "137 IKH-SKHCN", None, ("OCR: 'I' read as '/'",)),
        ("can-tho-2025", "4168/QĐ-UBND", "4168/QD-UBND",
         "ban hanh Ké hoach cai cach hanh chinh (CCHC) thanh phé Can Tho giai doan 2021 — 2025",
         ("QD read as QĐ",)),
        ("can-tho-2025", "76/NQ-CP", "76/NQ-\nCP", None, ("line break inside the number removed",)),
        ("can-tho-2025", "23/CT-TTg", "23/CT-TTg",
         "ddy manh thuc hién Chuong trinh tong thé CCHC nha nuéc giai doan 2021 - 2030", ()),
        ("hung-yen-2022", "22/2020/QĐ-UBND", "22/2020/QĐ - UBND",
         "ban hành Quy định trách nhiệm người đứng đầu cơ quan hành chính nhà nước trong thực hiện "
         "nhiệm vụ CCHC của tỉnh", ("spaces inside the number removed",)),
        ("hung-yen-2022", "05/CT-CTUBND", "05/CT-CTUBND",
         "cải thiện, nâng cao chỉ số CCHC (PAR INDEX) tỉnh Hưng Yên năm 2019 và những năm tiếp theo", ()),
        ("hue-2022", "29/KH-SKHCN", "29/KH-SKHCN", None,
         ("malformed date 06/01-2022 read as 2022-01-06",)),
        ("hue-2022", "468/QĐ-TTg", "468/QĐ-TTg",
         "Phê duyệt Đề án “Đổi mới việc thực hiện cơ chế một cửa, một cửa liên thông trong giải "
         "quyết TTHC”", ()),
        ("hue-2022", "07-NQ/TU", "07-NQ/TU",
         "xây dựng Thừa Thiên Huế trở thành một trong những trung tâm lớn của cả nước về KH&CN "
         "giai đoạn 2021-2025 và tầm nhìn đến năm 2030", ()),
    ],
)
def test_raw_subject_and_notes(seeds, name, key, raw, subject, notes):
    cite = next(c for c in extract_citations(seeds[name]) if c.key == key)
    assert (cite.raw, cite.subject, cite.notes) == (raw, subject, notes)


def test_fields_of_a_normative_and_a_party_number(seeds):
    cites = {c.key: c for c in extract_citations(seeds["hung-yen-2022"])}
    qd = cites["22/2020/QĐ-UBND"]
    assert (qd.doc_type, qd.number, qd.year, qd.symbol) == ("Quyết định", "22", 2020, "QĐ-UBND")
    assert qd.doc_id == "22/2020/QĐ-UBND@hung-yen"
    party = cites["06-NQ/TU"]
    assert (party.doc_type, party.number, party.year, party.symbol) == ("Nghị quyết", "06", None, "NQ/TU")
    cites = {c.key: c for c in extract_citations(seeds["can-tho-2025"])}
    assert cites["26-CTr/TU"].doc_id == "26-CTr/TU@can-tho/2021"
    assert cites["258/KH-UBND"].doc_id == "258/KH-UBND@can-tho/2024"
    assert cites["76/NQ-CP"].doc_id == "76/NQ-CP"


def test_same_number_of_two_provinces_is_two_documents():
    a = extract_citations("Căn cứ Kế hoạch số 261/KH-UBND ngày 29/12/2021 của UBND thành phố Cần Thơ;")[0]
    b = extract_citations("Căn cứ Kế hoạch số 261/KH-UBND ngày 29/12/2021 của UBND tỉnh Hưng Yên;")[0]
    c = extract_citations("Kế hoạch 261/KH-UBND ngày 05/01/2021 của UBND thành phố Cần Thơ")[0]
    assert (a.doc_id, b.doc_id) == ("261/KH-UBND@can-tho/2021", "261/KH-UBND@hung-yen/2021")
    assert a != b and a == c and hash(a) == hash(c)  # equality is the document's identity
    assert len({a, b, c}) == 2


# -- context rules on small texts ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "của UBND tỉnh" takes the province named in the text
        ("UBND TỈNH HƯNG YÊN\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nQuyết định số 161/QĐ-UBND ngày 19/01/2022 của UBND tỉnh",
         ("UBND tỉnh Hưng Yên", "province", "Hưng Yên")),
        # a written place wins over the context
        ("Hưng Yên, ngày 5 tháng 1 năm 2022\nKế hoạch số 4707/KH-UBND ngày 24/12/2021 của UBND tỉnh Hải Dương",
         ("UBND tỉnh Hải Dương", "province", "Hải Dương")),
        # the kind of unit comes from the province: "Ủy ban nhân dân thành phố Cần Thơ"
        ("Kế hoạch số 261/KH-UBND của Ủy ban nhân dân thành phố Cần Thơ",
         ("UBND thành phố Cần Thơ", "province", "Cần Thơ")),
        ("Kế hoạch số 12/KH-UBND của UBND huyện Văn Lâm về việc ...",
         ("UBND huyện Văn Lâm", "other", None)),
        ("Chỉ thị số 05/CT-CTUBND ngày 16/5/2019 của Chủ tịch UBND tỉnh Hưng Yên",
         ("Chủ tịch UBND tỉnh Hưng Yên", "province", "Hưng Yên")),
        ("Chương trình số 26-CTr/TU ngày 31/12/2021 của Thành ủy Cần Thơ",
         ("Thành ủy Cần Thơ", "party", "Cần Thơ")),
        ("Nghị quyết số 39-NQ/TW ngày 17/4/2015 của Bộ Chính trị", ("Bộ Chính trị", "party", None)),
        ("Thông tư số 01/2020/TT-BNV của Bộ Nội vụ", ("Bộ Nội vụ", "central", None)),
        ("Luật số 80/2015/QH13 của Quốc hội", ("Quốc hội", "central", None)),
        # no issuer written: the code says who issued it
        ("Nghị định 45/2020/NĐ-CP", ("Chính phủ", "central", None)),
        ("Quyết định 468/QĐ-TTg", ("Thủ tướng Chính phủ", "central", None)),
        ("Kế hoạch 12/KH-SNV", ("Sở Nội vụ", "department", None)),
        ("Kế hoạch 12/KH-ABCD", (None, "other", None)),
        ("Thông báo số 12/TB-VPUB của Văn phòng UBND tỉnh", ("Văn phòng Ủy ban nhân dân", "department", None)),
        ("Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị", ("Bộ Chính trị", "party", None)),
    ],
)
def test_issuer_level_and_scope(text, expected):
    cite = extract_citations(text)[0]
    assert (cite.issuer, cite.level, cite.scope) == expected


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("Căn cứ Nghị quyết số 76/NQ-CP;\nThực hiện Kế hoạch số 12/KH-UBND;\n\nSở xây dựng Kế hoạch:\n"
         "I. MỤC ĐÍCH\nTheo Quyết định số 5/QĐ-UBND", ["basis", "basis", "mention"]),
        # a "Theo ..." paragraph after the preamble has ended is not basis
        ("Căn cứ Kế hoạch số 1/KH-UBND.\n\nMục đích là ...\n\nTheo Kế hoạch số 2/KH-UBND ...",
         ["basis", "mention"]),
        ("Số: 181/KH-SCT\nHải Dương, ngày 07 tháng 02 năm 2022\nKẾ HOẠCH", ["self"]),
        ("(Kèm theo Kế hoạch số 12/KH-SKHCN ngày 15/01/2022 của Sở Khoa học và Công nghệ)", ["self"]),
        ("Sở KH&CN đã ban hành Kế hoạch số 29/KH-SKHCN ngày 06/01/2022", ["self"]),
        ("UBND tỉnh đã ban hành Kế hoạch số 405/KH-UBND ngày 30/12/2021", ["mention"]),
    ],
)
def test_roles(text, roles):
    assert [c.role for c in extract_citations(text)] == roles


def test_self_takes_the_header_date():
    cite = extract_citations("S6:137 IKH-SKHCN Can Tho, ngay 21thdng 01 nam 2025")[0]
    assert (cite.key, cite.role, cite.date) == ("137/KH-SKHCN", "self", D(2025, 1, 21))


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("76/NQ-CP ngày 15/7/2021", D(2021, 7, 15)),
        ("76/NQ-CP ngày 15 tháng 7 năm 2021", D(2021, 7, 15)),
        ("76/NQ-CP ngay 15 thang 7 nam 2021", D(2021, 7, 15)),
        ("29/KH-SKHCN ngày 06/01-2022", D(2022, 1, 6)),
        ("26-CTr/TU ngay 31 thang 12 ndm 2021", D(2021, 12, 31)),
        ("23/CT-TTg ngay 02\nthang 9 nam 2021", D(2021, 9, 2)),
        ("258/KH-UBND (24/12/2024)", D(2024, 12, 24)),
        ("76/NQ-CP ngày 15.7.2021", D(2021, 7, 15)),
        ("76/NQ-CP ngày 31/02/2021", None),  # no such date: kept as a note
        ("76/NQ-CP năm 2021", None),
    ],
)
def test_dates(text, date):
    assert extract_citations(text)[0].date == date


def test_year_comes_from_the_number_else_the_date():
    a, b, c = extract_citations("45/2020/NĐ-CP ngày 08/4/2019; 76/NQ-CP ngày 15/7/2021; 06-NQ/TU")
    assert (a.year, b.year, c.year) == (2020, 2021, None)


# -- named programmes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030", [("76/NQ-CP", True)]),
        ("thực hiện Chương trình tổng thể CCHC nhà nước giai đoạn 2021 – 2030.", [("76/NQ-CP", True)]),
        ("Chuong trinh téng thé CCHC nha nudc giai doan 2021 - 2030", [("76/NQ-CP", True)]),
        ("Chương trình tổng thể CCHC nhà nước giai đoạn 2011-2020", [("30c/NQ-CP", True)]),
        # same sentence cites the number: one citation, the explicit one
        ("Nghị quyết số 76/NQ-CP của Chính phủ về ban hành Chương trình tổng thể CCHC nhà nước giai "
         "đoạn 2021-2030.", [("76/NQ-CP", False)]),
        ("Chương trình tổng thể CCHC nhà nước giai đoạn 2021-2030 được ban hành tại Nghị quyết số "
         "76/NQ-CP.", [("76/NQ-CP", False)]),
        # another sentence: both
        ("Nghị quyết số 76/NQ-CP của Chính phủ. Triển khai Chương trình tổng thể CCHC nhà nước giai "
         "đoạn 2021-2030.", [("76/NQ-CP", False), ("76/NQ-CP", True)]),
        # the period is what names the document
        ("Chương trình tổng thể CCHC nhà nước, Kế hoạch CCHC của tỉnh", []),
        ("Chương trình CCHC của thành phố Cần Thơ giai đoạn 2021 - 2030", []),
    ],
)
def test_programmes(text, keys):
    cites = extract_citations(text)
    assert [(c.key, c.implicit) for c in cites] == keys
    for c in cites:
        assert c.span.slice(text) == c.raw
        if c.implicit:
            assert (c.role, c.issuer, c.level, c.scope) == ("mention", "Chính phủ", "central", None)
            assert c.date == {"76/NQ-CP": D(2021, 7, 15), "30c/NQ-CP": D(2011, 11, 8)}[c.key]


# -- 2. equivalence: many surface forms, one key -------------------------------------------------------

SAME_KEY_76 = [
    "76/NQ-CP",
    "76/NQ- CP",
    "76/NQ -CP",
    "76/NQ - CP",
    "76 / NQ-CP",
    "76/NQ-\nCP",
    "76/NQ-\n  CP",
    "76/NQ–CP",  # en dash
    "76/NQ—CP",  # em dash
    "76/NQ‐CP",  # U+2010 hyphen
    "76/NQ‑CP",  # U+2011 non-breaking hyphen
    "76/NQ−CP",  # minus sign
    "76／NQ-CP",  # full-width slash
    "76/NQ-СP",  # Cyrillic С
    "76/NQ-CР",  # Cyrillic Р
    "76/ΝQ-CP",  # Greek Ν
    "76/NQ-Cp",
    "Nghị quyết số 76/NQ-CP",
    "Nghị quyết 76/NQ-CP",
    "NGHỊ QUYẾT SỐ 76/NQ-CP",
    "Nghị quyết số: 76/NQ-CP",
    "Nghi quyet so 76/NQ-CP",
    "Nghi quyét sb 76/NQ-\nCP",
    "Nghị quyết s6 76/NQ-CP",
    "số 76/NQ-CP",
    "76/NQ-CP ngày 15/7/2021",
    "Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ",
    "Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ về ban hành Chương trình tổng "
    "thể cải cách hành chính nhà nước giai đoạn 2021-2030",
    "Nghi quyet so 76/NQ-CP ngay 15 thang 7 nam 2021 cua Chinh phu",
    "Nghị quyết số 76/NQ-CP, ngày 15/7/2021",
    "Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030",
    "Chương trình tổng thể CCHC nhà nước giai đoạn 2021 – 2030",
    "Chuong trinh téng thé CCHC nha nudc giai doan 2021 - 2030",
    "Chương trình tổng thể CCHC giai đoạn 2021-2030",
]


def test_equivalence_table_is_large_enough():
    assert len(SAME_KEY_76) >= 30 and len(set(SAME_KEY_76)) == len(SAME_KEY_76)


@pytest.mark.parametrize("form", SAME_KEY_76)
def test_every_form_has_the_same_key(form):
    assert canonical_key(form) == "76/NQ-CP"
    assert [c.key for c in extract_citations(form)] == ["76/NQ-CP"]


@pytest.mark.parametrize(
    ("form", "key"),
    [
        ("Nghị định số 45/2020/NĐ-CP", "45/2020/NĐ-CP"),
        ("Nghị quyết số 57-\nNQ/TW ngày 22/12/2024", "57-NQ/TW"),  # a PDF line broken after the dash
        ("Kế hoạch số 26-\n  CTr/TU", "26-CTr/TU"),
        ("45/2020/ND-CP", "45/2020/NĐ-CP"),
        ("45/2020/NÐ-CP", "45/2020/NĐ-CP"),  # Ð U+00D0
        ("45 / 2020 / NĐ-CP", "45/2020/NĐ-CP"),
        ("Quyết định số 22/2020/QĐ - UBND", "22/2020/QĐ-UBND"),
        ("22/2020/QD-UBND", "22/2020/QĐ-UBND"),
        ("Quyét dinh s6 4168/QD-UBND", "4168/QĐ-UBND"),
        ("Chương trình số 26-CTr/TU", "26-CTr/TU"),
        ("26-CTR/TU", "26-CTr/TU"),
        ("26 - CTr/TU", "26-CTr/TU"),
        ("Nghị quyết 07-NQ/TU", "07-NQ/TU"),
        ("Nghị quyết số 39-NQ/TW", "39-NQ/TW"),
        ("Luật số 80/2015/QH13", "80/2015/QH13"),
        ("Pháp lệnh số 02/2022/UBTVQH15", "02/2022/UBTVQH15"),
        ("Thông tư liên tịch số 01/2020/TTLT-BTC-BNV", "01/2020/TTLT-BTC-BNV"),
        ("Nghị định 15a/2025/NĐ-CP", "15a/2025/NĐ-CP"),
        ("15A/2025/NĐ-CP", "15a/2025/NĐ-CP"),
        ("Kế hoạch số 049/KH-UBND", "049/KH-UBND"),
        ("Chỉ thị 23/CT-TTG", "23/CT-TTg"),
        ("Chi thi s6 23/CT-TTg", "23/CT-TTg"),
        ("Nghị quyết số 01/NQ-HDND", "01/NQ-HĐND"),
        ("S6:137 IKH-SKHCN", "137/KH-SKHCN"),
        ("Công văn số 1234/UBND-VP", "1234/UBND-VP"),
        ("Quyết định số 749/QĐ-TTg", "749/QĐ-TTg"),
        ("Quy định số 05/QyĐ-UBND", "05/QyĐ-UBND"),
        ("Tờ trình số 12/TTr-SKHCN", "12/TTr-SKHCN"),
        ("Kết luận số 14-KL/TW", "14-KL/TW"),
        ("Hướng dẫn số 25-HD/BTGTW", "25-HD/BTGTW"),
        ("Quyết định số 1291/QĐ-BNV, ", "1291/QĐ-BNV"),
    ],
)
def test_other_keys(form, key):
    assert canonical_key(form) == key
    assert [c.key for c in extract_citations(form)] == [key]
    assert canonical_key(key) == key


def test_look_alikes_are_normalised_with_a_note():
    cite = extract_citations("Nghị định số 45/2020/NÐ-CP")[0]
    assert cite.key == "45/2020/NĐ-CP"
    assert cite.notes == ("look-alike letters normalised: Ð (U+00D0) as Đ",)
    cite = extract_citations("Nghị quyết 76/NQ-СP")[0]
    assert cite.notes == ("look-alike letters normalised: С (U+0421) as C",)


def test_written_type_that_disagrees_with_the_number_is_noted():
    cite = extract_citations("Quyết định số 76/NQ-CP")[0]
    assert (cite.doc_type, cite.notes) == ("Nghị quyết", ("written 'Quyết định' but the number is a Nghị quyết",))


# -- 3. forms that must not match ------------------------------------------------------------------

NOT_CITATIONS = [
    "Điện thoại: 0292.3820.123",
    "ĐT: 0292 3820 123, Fax: 0292.3820.456",
    "ngày 15/7/2021",
    "15/7/2021",
    "ngày 06/01-2022",
    "ngày 15 tháng 7 năm 2021",
    "ISO 9001:2015",
    "Tiêu chuẩn quốc gia TCVN ISO9001:2015",
    "theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015",
    "TCVN 6909:2001",
    "Trang 3/12",
    "trang 3 / 12",
    "báo cáo định kỳ (6 tháng, hàng năm)",
    "Kinh phí 1.500.000 đồng",
    "25.000.000đ/năm",
    "giai đoạn 2021-2025",
    "giai đoạn 2021 - 2030",
    "dịch vụ công trực tuyến mức độ 3, 4",
    "phòng chống COVID-19",
    "Số:        /KH-SKHCN",
    "(Kèm theo Kế hoạch số:/KH-SKHCN ngày /01/2022 của Sở Khoa học và Công nghệ)",
    "lề trái 30-35 mm, khổ A4",
    "Sở KH&CN",
    "tháng 12/2021",
    "tỷ lệ 1/2 số cán bộ",
    "Điều 5, khoản 2",
    "2/kh - sở nội vụ",
    "Chương trình tổng thể CCHC nhà nước",
]


@pytest.mark.parametrize("text", NOT_CITATIONS)
def test_not_a_citation(text):
    assert extract_citations(text) == []


# -- 4. properties ------------------------------------------------------------------------------------

_FRAGMENTS = st.sampled_from(
    [*"0123456789/-–—. ,:;()\n\tNQCPĐÐСКHUBNDTTgqdkhiIl|", "ngày ", "tháng ", "năm ", "của ", "số ",
     "UBND", "KH", "tỉnh ", "thành phố ", "Căn cứ ", "76/NQ-CP", "\n\n", "I. ", "Số: ", "Cần Thơ",
     "Chương trình tổng thể CCHC giai đoạn 2021-2030", "ngay 27 thang 12 nam 2021", "Quyết định ",
     "Thành ủy ", "về việc ", "ban hành ", "(Kèm theo ", "IKH-", "-CTr/TU", "ISO 9001:2015"]
)
_MESSY = st.one_of(st.text(), st.lists(_FRAGMENTS, max_size=80).map("".join))


@settings(max_examples=400, deadline=None)
@given(_MESSY)
def test_extraction_never_raises_and_spans_slice_to_raw(text):
    cites = extract_citations(text)
    assert isinstance(cites, CitationList)
    for c in cites:
        assert c.span.slice(text) == c.raw
        assert c.role in ("basis", "mention", "self")
        assert c.level in ("central", "party", "province", "department", "other")
    assert [c.span.start for c in cites] == sorted(c.span.start for c in cites)


_TYPES = ["NQ", "QĐ", "QD", "CT", "KH", "CTr", "TB", "HD", "BC", "NĐ", "ND", "TT", "TTLT", "QyĐ", "TTr"]
_ISSUERS = ["CP", "TTg", "TTG", "UBND", "HĐND", "CTUBND", "SKHCN", "SCT", "BNV", "BTC-BNV", "XYZ"]


@st.composite
def written_citations(draw):
    number = draw(st.from_regex(r"0?[1-9]\d{0,3}[a-c]?", fullmatch=True))
    year = draw(st.one_of(st.none(), st.integers(1990, 2030)))
    typ = draw(st.sampled_from(_TYPES))
    issuer = draw(st.sampled_from(_ISSUERS))
    dash = draw(st.sampled_from(["-", " - ", "- ", "-\n", "–", "‐"]))
    slash = draw(st.sampled_from(["/", " / "]))
    prefix = draw(st.sampled_from(["", "số ", "Nghị quyết số ", "Quyết định ", "Kế hoạch sb "]))
    middle = f"{year}{slash}" if year else ""
    if draw(st.booleans()) and year is None:
        return f"{prefix}{number}-{typ}/{issuer.split('-')[0]}"
    return f"{prefix}{number}{slash}{middle}{typ}{dash}{issuer}"


@settings(max_examples=400, deadline=None)
@given(written_citations())
def test_canonical_key_is_idempotent(form):
    key = canonical_key(form)
    assert canonical_key(key) == key
    assert not re.search(r"\s", key)
    assert [c.key for c in extract_citations(form)] == [key]


@settings(max_examples=300, deadline=None)
@given(_MESSY)
def test_canonical_key_is_idempotent_wherever_it_succeeds(text):
    try:
        key = canonical_key(text)
    except InvalidCitation:
        return
    assert canonical_key(key) == key


# -- 5. strict parsing: the caret sits under the failing part ----------------------------------------


@pytest.mark.parametrize(
    ("text", "column", "reason"),
    [
        ("Nghị quyết 76/NQ", 16, "missing issuer code after the type"),
        ("Nghị quyết 76/NQ-", 17, "missing issuer code after '-'"),
        ("76/XY-CP", 3, "unknown document type 'XY'"),
        ("Quyết định số 76", 16, "expected '/' after the number"),
        ("15/7/2021", 0, "a date, not a document number"),
        ("ISO 9001:2015", 0, "a standard (TCVN, ISO) is not a legal document"),
        ("TCVN ISO9001:2015", 0, "a standard (TCVN, ISO) is not a legal document"),
        ("Trang 3/12", 0, "expected a document number"),
        ("76/NQ-CP abc", 9, "unexpected text after the citation"),
        ("76/nq-cp", 3, "the document type must be written in capitals"),
        ("76/NQ-cp", 6, "the issuer code must be written in capitals"),
        ("76/2/NQ-CP", 3, "expected a year (1945-2099)"),
        ("45/2020 NĐ-CP", 7, "expected '/' after the year"),
        ("26-CTr", 6, "expected '/' and the issuing body after the type"),
        ("80/QH13", 3, "a law number needs a year"),
        ("Nghị quyết số 76/NQ-CP ngày 31/02/2021", 28, "no such date: 31/02/2021"),
        ("Nghị quyết số 76/NQ-CP ngày hôm qua", 27, "expected a date after 'ngày'"),
        ("Nghị quyết số 76/NQ-CP của Chính phủ; Chỉ thị 23/CT-TTg", 38, "unexpected text"),
        ("   ", 0, "empty text"),
    ],
)
def test_parse_errors_put_the_caret_under_the_failing_part(text, column, reason):
    with pytest.raises(InvalidCitation) as info:
        parse_citation(text)
    err = info.value
    assert (err.position, reason in err.reason) == (column, True), err.reason
    first, shown, caret = str(err).splitlines()
    assert first == f"{text}: {err.reason}"
    assert shown == f"    {text}"
    assert caret == " " * (4 + column) + "^"


def test_parse_citation_reads_every_part():
    c = parse_citation(
        "Quyết định số 4168/QĐ-UBND ngày 27 tháng 12 năm 2021 của Ủy ban nhân dân thành phố Cần Thơ "
        "về việc ban hành Kế hoạch cải cách hành chính thành phố Cần Thơ giai đoạn 2021-2025;"
    )
    assert (c.key, c.doc_type, c.number, c.year, c.symbol, c.date) == (
        "4168/QĐ-UBND", "Quyết định", "4168", 2021, "QĐ-UBND", D(2021, 12, 27))
    assert (c.issuer, c.level, c.scope, c.role) == ("UBND thành phố Cần Thơ", "province", "Cần Thơ", "mention")
    assert c.subject == "ban hành Kế hoạch cải cách hành chính thành phố Cần Thơ giai đoạn 2021-2025"
    assert parse_citation("76/NQ-CP của Ban Kinh tế về xyz").issuer == "Ban Kinh tế"


def test_parse_citation_of_a_programme_is_implicit():
    c = parse_citation("Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030")
    assert (c.key, c.implicit, c.date, c.issuer) == ("76/NQ-CP", True, D(2021, 7, 15), "Chính phủ")


# -- vocabulary files ----------------------------------------------------------------------------------


def _data(name):
    text = resources.files("plankit.data").joinpath(name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return rows[0], rows[1:]


def test_document_types_file():
    head, rows = _data("document_types.tsv")
    assert head == ["name", "abbreviation", "group", "shape", "note"]
    assert all(len(r) == 5 and r[2] in ("administrative", "normative", "party") and r[3] in ("type", "term", "none") for r in rows)
    abbrs = {r[1]: r[0] for r in rows}
    # Nghị định 30/2020, Phụ lục III, and the normative types
    for abbr, name in [("NQ", "Nghị quyết"), ("QĐ", "Quyết định"), ("CT", "Chỉ thị"), ("QyĐ", "Quy định"),
                       ("CTr", "Chương trình"), ("KH", "Kế hoạch"), ("TTr", "Tờ trình"), ("TrS", "Bản trích sao"),
                       ("NĐ", "Nghị định"), ("TT", "Thông tư"), ("TTLT", "Thông tư liên tịch")]:
        assert abbrs[abbr] == name
    assert {"Luật", "Pháp lệnh", "Hiến pháp"} <= {r[0] for r in rows}
    assert "Nghị định 30/2020/NĐ-CP" in resources.files("plankit.data").joinpath("document_types.tsv").read_text(encoding="utf-8")


def test_issuers_file():
    head, rows = _data("issuers.tsv")
    assert head == ["code", "name", "level", "scope"]
    codes = [r[0] for r in rows]
    assert len(codes) == len(set(codes))
    for code, name, level, scope in rows:
        assert level in ("central", "party", "province", "department", "other")
        assert scope in ("national", "local")
        assert set(re.findall(r"{(\w+)}", name)) <= {"unit", "uy", "place"}
        assert (scope == "national") == (level == "central" or code.endswith("TW"))
    from plankit.places import departments

    assert not {d.code for d in departments() if d.level == "department"} & set(codes)


def test_programmes_file():
    head, rows = _data("programmes.tsv")
    assert head == ["key", "doc_type", "date", "issuer", "level", "name"]
    for key, doc_type, date, issuer, level, name in rows:
        assert canonical_key(key) == key
        assert parse_citation(key).doc_type == doc_type
        found = extract_citations(name)
        assert [(c.key, c.date, c.issuer, c.level, c.implicit) for c in found] == [
            (key, dt.date.fromisoformat(date), issuer, level, True)
        ], name
        assert (found[0].doc_type, found[0].year) == (doc_type, found[0].date.year)


# -- tables and display ----------------------------------------------------------------------------------


def test_frame_and_repr(seeds):
    cites = extract_citations(seeds["hai-duong-2022"])
    frame = cites.to_frame()
    assert list(frame.columns) == list(FRAME_COLUMNS)
    assert frame["key"].tolist() == ["181/KH-SCT", "4707/KH-UBND", "276/KH-UBND", "76/NQ-CP"]
    assert frame.loc[1, "doc_id"] == "4707/KH-UBND@hai-duong/2021"
    assert citations_frame([]).empty
    assert repr(cites) == "<CitationList: 4 citations: 181/KH-SCT, 4707/KH-UBND, 276/KH-UBND, 76/NQ-CP>"
    assert repr(cites[3]) == "Citation('76/NQ-CP', mention, central, 2021-07-15, implicit)"
    assert "<table>" in cites._repr_html_() and "4707/KH-UBND" in cites[1]._repr_html_()
    assert isinstance(cites[0], Citation) and cites == list(cites)


# -- 6. the command line -------------------------------------------------------------------------------


def test_cli_json(seed_paths, capsys):
    assert main(["cite", str(seed_paths["hue-2022"]), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(r["role"], r["key"], r["date"], r["level"]) for r in out] == [
        ("basis", "405/KH-UBND", "2021-12-30", "province"),
        ("self", "29/KH-SKHCN", "2022-01-06", "department"),
        ("mention", "07-NQ/TU", "2021-08-09", "party"),
        ("mention", "468/QĐ-TTg", "2021-03-27", "central"),
        ("mention", "45/2016/QĐ-TTg", "2016-10-19", "central"),
    ]
    assert out[0]["file"].endswith("thua-thien-hue/2022-so-khcn.news.txt")
    assert set(out[0]) == {"file", *FRAME_COLUMNS}


def test_cli_csv(capsys):
    assert main(["cite", "plans/hai-duong", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["key"], r["role"], r["implicit"]) for r in rows] == [
        ("181/KH-SCT", "self", "False"),
        ("4707/KH-UBND", "basis", "False"),
        ("276/KH-UBND", "basis", "False"),
        ("76/NQ-CP", "mention", "True"),
    ]
    assert rows[3]["notes"] == "named programme: stands for 76/NQ-CP"


def test_cli_table_of_a_folder(capsys):
    assert main(["cite", "plans"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["file", "key", "doc_type", "date", "issuer", "level", "role"]
    assert len(lines) == 1 + sum(len(v) for v in EXPECTED.values())
    assert any("26-CTr/TU" in line and "Thành ủy Cần Thơ" in line and "party" in line for line in lines)


def test_cli_missing_file_is_a_one_line_error(capsys):
    assert main(["cite", "plans/nowhere.txt"]) == 2
    assert capsys.readouterr().err.startswith("plankit: lỗi / error: ")
