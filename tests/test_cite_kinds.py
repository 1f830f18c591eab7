"""Citation kinds seen in real documents beyond the bundled plans (issue 13): symbols whose dash a
PDF or .doc extraction lost, a Party number written with its body only, a text that ends inside a
number, and a number named in another basis document's description (its trích yếu).

Every fixture is written here in the shape of the real text, never copied from it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plankit import read_text
from plankit.cite import canonical_key, extract_citations, vocabulary

D = dt.date

# -- glued symbols and Party numbers without their type ---------------------------------------------


@pytest.mark.parametrize(
    ("form", "key", "notes"),
    [
        ("Nghị định số 75/2017/NĐCP", "75/2017/NĐ-CP", ("dash missing: 75/2017/NĐCP read as 75/2017/NĐ-CP",)),
        ("Quyết định 12/QĐTTg", "12/QĐ-TTg", ("dash missing: 12/QĐTTg read as 12/QĐ-TTg",)),
        ("Quyết định số 1291/QĐBNV", "1291/QĐ-BNV", ("dash missing: 1291/QĐBNV read as 1291/QĐ-BNV",)),
        ("Nghị quyết số 01/NQHĐND", "01/NQ-HĐND", ("dash missing: 01/NQHĐND read as 01/NQ-HĐND",)),
        # a Party body's code makes it a Party number
        ("Nghị quyết số 39/NQTW", "39-NQ/TW", ("written 39/NQTW: a Party number is written 39-NQ/TW",)),
        ("Nghị quyết số 18-NQTW", "18-NQ/TW", ("written 18-NQTW: a Party number is written 18-NQ/TW",)),
        # a Party body's code after the dash of an administrative number: the Party's form
        ("Nghị quyết số 57/NQ-TW", "57-NQ/TW", ("written 57/NQ-TW: a Party number is written 57-NQ/TW",)),
        ("Chỉ thị 05/CT-TU", "05-CT/TU", ("written 05/CT-TU: a Party number is written 05-CT/TU",)),
        # the type comes from the word before
        ("Nghị quyết 06/TU", "06-NQ/TU", ("written 06/TU: a Party number is written 06-NQ/TU",)),
        ("Chỉ thị số 05/TU", "05-CT/TU", ("written 05/TU: a Party number is written 05-CT/TU",)),
        ("Kế hoạch số 3/HU", "3-KH/HU", ("written 3/HU: a Party number is written 3-KH/HU",)),
        ("Kết luận số 14/TW", "14-KL/TW", ("written 14/TW: a Party number is written 14-KL/TW",)),
    ],
)
def test_glued_and_short_forms_have_the_canonical_key(form, key, notes):
    (cite,) = extract_citations(form)
    assert (cite.key, cite.notes) == (key, notes)
    assert canonical_key(form) == key
    assert canonical_key(key) == key


def test_a_short_party_number_takes_the_committee_of_the_plans_province():
    plan = read_text(
        "ỦY BAN NHÂN DÂN\nTỈNH HẢI DƯƠNG\nSố: 77/KH-UBND\nHải Dương, ngày 05 tháng 6 năm 2023\nKẾ HOẠCH\n"
        "CHUYỂN ĐỔI SỐ NĂM 2023\nPHẦN I. KẾT QUẢ NĂM 2022\nTỉnh đã chọn ngày ban hành Nghị quyết 09/TU"
        " - ngày 26/3 hằng năm là Ngày chuyển đổi số của tỉnh.\n"
    )
    cite = next(c for c in plan.citations if c.key == "09-NQ/TU")
    assert (cite.doc_type, cite.issuer, cite.level, cite.role, cite.raw) == (
        "Nghị quyết", "Tỉnh ủy Hải Dương", "party", "mention", "09/TU")


@pytest.mark.parametrize(
    "text",
    [
        "06/TU",  # no type word: the number alone says nothing
        "mã số 12/TW",  # "số" is no type word
        "Quyết định số 12/KHXYZ",  # a glued code that is no known issuer
        "Kế hoạch số 12/KHCNXYZ",
        "Nghị quyết 06/TUA",
    ],
)
def test_short_and_glued_forms_that_are_not_citations(text):
    assert extract_citations(text) == []


def test_a_whole_decision_flattened_onto_one_line_with_its_dashes_lost():
    # A .doc extraction: the header table and the preamble on one line, double spaces, every
    # dash of the symbols lost.
    text = (
        "BỘ NỘI VỤ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  Độc lập  Tự do  Hạnh phúc   Số: 812/QĐBNV "
        "Hà Nội, ngày 14 tháng 9 năm 2022    QUYẾT ĐỊNH VỀ VIỆC BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH "
        "NĂM 2023 BỘ TRƯỞNG BỘ NỘI VỤ Căn cứ Nghị định số 63/2022/NĐCP ngày 12 tháng 9 năm 2022 của "
        "Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ; Căn cứ "
        "Nghị quyết số 18NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương khóa XII về một số vấn đề; "
        "Căn cứ Quyết định số 1291/QĐTTg ngày 7/10/2019 của Thủ tướng Chính phủ;  QUYẾT ĐỊNH:  Điều 1."
    )
    got = [(c.key, c.role, c.date, c.level) for c in read_text(text).citations]
    assert got == [
        ("812/QĐ-BNV", "self", D(2022, 9, 14), "central"),
        ("63/2022/NĐ-CP", "basis", D(2022, 9, 12), "central"),
        ("18-NQ/TW", "basis", D(2017, 10, 25), "party"),
        ("1291/QĐ-TTg", "basis", D(2019, 10, 7), "central"),
    ]


# -- a text that ends inside a number -----------------------------------------------------------------


def test_a_number_cut_by_the_end_of_the_text_is_the_one_cited_before():
    text = ("Căn cứ Quyết định số 2629/QĐ-TTg ngày 24/12/2025 của Thủ tướng Chính phủ;\nI. MỤC ĐÍCH\n"
            "- Thực hiện các nhiệm vụ được giao tại Quyết định số 2629/QĐ-T")
    first, cut = extract_citations(text)
    assert (first.key, first.role) == ("2629/QĐ-TTg", "basis")
    assert (cut.key, cut.role, cut.raw, cut.issuer, cut.notes) == (
        "2629/QĐ-TTg", "mention", "2629/QĐ-T", "Thủ tướng Chính phủ",
        ("the text ends inside the number: 2629/QĐ-T read as 2629/QĐ-TTg",))


def test_a_number_cut_by_the_end_of_the_text_with_nothing_before_is_kept_as_written():
    assert extract_citations("theo Quyết định số 2629/QĐ-T").keys == ["2629/QĐ-T"]
    # not at the end of the text: as written
    assert extract_citations("Căn cứ Quyết định số 1/QĐ-TTg; Quyết định số 1/QĐ-T ngày 2/1/2020").keys == [
        "1/QĐ-TTg", "1/QĐ-T"]


# -- a number inside another basis document's description ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # named in the trích yếu of the first: a mention
        ("Căn cứ Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ sửa đổi, bổ sung một số "
         "điều của Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ;", ["basis", "mention"]),
        ("Căn cứ Quyết định số 10/QĐ-TTg ngày 01/02/2020 của Thủ tướng Chính phủ phê duyệt Đề án nâng "
         "cao nhận thức theo Nghị quyết số 5/NQ-CP và Nghị quyết số 6/NQ-CP;",
         ["basis", "mention", "mention"]),
        # the description wrapped over lines, the line ending in "của"
        ("Căn cứ Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ sửa đổi một số điều của\n"
         "Nghị định số 61/2018/NĐ-CP;", ["basis", "mention"]),
        ("Căn cứ Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ sửa đổi, bổ sung một số điều\n"
         "Nghị định số 61/2018/NĐ-CP;", ["basis", "mention"]),
        # "thực hiện" opening a wrapped line is no new clause
        ("Thực hiện Văn bản số 979/BTP-PBGDPL ngày 19/3/2020 của Bộ Tư pháp và Văn bản số\n"
         "1445/UBND-NCPC ngày 23/3/2020 của UBND tỉnh về việc\nthực hiện Văn bản số 979/BTP-PBGDPL,",
         ["basis", "basis", "mention"]),
        # a list: both are basis
        ("Căn cứ Nghị quyết số 1/NQ-CP ngày 1/1/2021 và Nghị quyết số 2/NQ-CP ngày 2/1/2021;",
         ["basis", "basis"]),
        ("Căn cứ Kế hoạch số 3/KH-UBND, Kế hoạch số 4/KH-UBND của UBND tỉnh;", ["basis", "basis"]),
        # after a description, "," or "và" and another document: another basis
        ("Thực hiện Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ phê duyệt "
         "Chương trình giảm nghèo giai đoạn 2021-2025, Quyết định số\n650/QĐ-LĐTBXH ngày 21/7/2022 của "
         "Bộ Lao động - Thương binh và Xã hội, Ủy ban nhân dân tỉnh ban hành Kế hoạch:",
         ["basis", "basis"]),
        # the amending document in brackets is part of the basis, and so is the next one
        ("Thực hiện Nghị định số 20/2008/NĐ-CP ngày 14/02/2008 của Chính phủ về tiếp nhận phản ánh "
         "(được sửa đổi, bổ sung bởi Nghị định số 92/2017/NĐ-CP ngày 07/8/2017), Nghị định số "
         "61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về cơ chế một cửa, UBND tỉnh ban hành Kế hoạch:",
         ["basis", "basis", "basis"]),
        # clauses apart: each is basis
        ("Căn cứ Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ quy định việc cung cấp "
         "thông tin; Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ về thủ tục hành chính;",
         ["basis", "basis"]),
        ("Căn cứ Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ quy định việc cung cấp "
         "thông tin\nNghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ về thủ tục hành chính\n",
         ["basis", "basis"]),
    ],
)
def test_a_number_in_another_basis_documents_description_is_a_mention(text, roles):
    assert [c.role for c in extract_citations(text)] == roles


def test_the_document_the_plans_title_names_stays_basis_inside_a_description():
    plan = read_text(
        "ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ\nSố: 19/KH-UBND\nPhú Thọ, ngày 25 tháng 5 năm 2023\nKẾ HOẠCH\n"
        "TRIỂN KHAI CHƯƠNG TRÌNH HÀNH ĐỘNG THỰC HIỆN NGHỊ QUYẾT SỐ 27-NQ/TW CỦA BAN CHẤP HÀNH TRUNG ƯƠNG\n"
        "Thực hiện Nghị quyết số 77/NQ-CP ngày 12/5/2023 của Chính phủ ban hành Chương trình hành "
        "động thực hiện Nghị quyết số 27-NQ/TW ngày 09/11/2022 của Ban Chấp hành Trung ương Đảng, "
        "UBND tỉnh ban hành Kế hoạch thực hiện như sau:\nI. MỤC ĐÍCH\n"
    )
    got = [(c.key, c.role) for c in plan.citations]
    assert got == [("19/KH-UBND", "self"), ("27-NQ/TW", "mention"), ("77/NQ-CP", "basis"),
                   ("27-NQ/TW", "basis")]


# -- the date after a number is read by plankit.dates ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "notes"),
    [
        ("76/NQ-CP ngày 06/01-2022", D(2022, 1, 6), ("malformed date 06/01-2022 read as 2022-01-06",)),
        ("76/NQ-CP ngày 06 / 01 / 2022", D(2022, 1, 6), ()),
        ("76/NQ-CP ngày 31/02/2021", None, ("no such date: 31/02/2021",)),
        ("76/NQ-CP ngày 31 tháng 02\nnăm 2021", None, ("no such date: 31 tháng 02 năm 2021",)),
        ("76/NQ-CP ngày    tháng 01 năm 2022", None, ()),  # a draft's blank date is no date
        ("76/NQ-CP (24/12/2024)", D(2024, 12, 24), ()),
    ],
)
def test_the_date_after_a_number(text, date, notes):
    (cite,) = extract_citations(text)
    assert (cite.date, cite.notes) == (date, notes)


# -- the scan text: the NumPy table gives what str.translate gives ---------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF)))
def test_the_numpy_scan_is_the_translate_scan(text):
    assert vocabulary._scan_numpy(text) == text.translate(vocabulary._SCAN)


def test_the_numpy_scan_of_vietnamese_look_alikes_dashes_and_an_emoji():
    text = "Nghị quyết số 76/NQ–СP ngày 15／7/2021 😀 ỦY BAN \ud800"
    assert vocabulary._scan_numpy(text) == text.translate(vocabulary._SCAN) == (
        "nghi quyet so 76/nq-cp ngay 15/7/2021 😀 uy ban \ud800")
