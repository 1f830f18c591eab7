"""Citations in real layouts beyond the development corpus (session 8 field study): a decision's
"Theo đề nghị" clause that names an appraisal report, the Youth Union's central bodies, a
normative decision's attached regulation naming its own decision. Invented numbers and bodies,
the portals' shapes."""

from __future__ import annotations

import pytest

from plankit.model import Header
from plankit.read import read_text

DECISION = (
    "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH YÊN BÁI\tĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 21/2022/QĐ-UBND\tYên Bái, ngày 05 tháng 9 năm 2022\nQUYẾT ĐỊNH\nBan hành Quy định\n"
    "ỦY BAN NHÂN DÂN TỈNH YÊN BÁI\nCăn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ;\n"
    "Theo đề nghị của Sở Nội vụ tại Tờ trình số 88/TTr-SNV ngày 28 tháng 6 năm 2022 và Báo cáo thẩm định "
    "số 19/BCTĐ-STP ngày 25 tháng 5 năm 2022 của Sở Tư pháp.\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành.\n"
)
ATTACHED = ("\nQUY ĐỊNH\n(Ban hành kèm theo Quyết định số 21/2022/QĐ-UBND ngày 05 tháng 9 năm 2022 "
            "của Ủy ban nhân dân tỉnh Yên Bái)\n1. Phạm vi.\n")


def _youth(clause: str) -> str:
    return ("BAN CHẤP HÀNH TỈNH ĐOÀN PHÚ YÊN\tĐOÀN TNCS HỒ CHÍ MINH\n***\n"
            "Số: 41-KH/TĐTN-TG\tPhú Yên, ngày 12 tháng 3 năm 2024\nKẾ HOẠCH\nTuyên truyền năm 2024\n"
            f"{clause}\nI. MỤC ĐÍCH\n")


def test_an_appraisal_report_is_a_document_of_the_basis():
    cites = [(c.key, c.doc_type, c.role) for c in read_text(DECISION).citations]
    assert ("19/BCTĐ-STP", "Báo cáo", "basis") in cites
    assert ("88/TTr-SNV", "Tờ trình", "basis") in cites


@pytest.mark.parametrize(("clause", "key", "issuer"), [
    ("Căn cứ Kế hoạch số 18-KH/TWĐTN-VP ngày 05/01/2024 của Ban Bí thư Trung ương Đoàn về công tác năm 2024;",
     "18-KH/TWĐTN-VP", "Ban Bí thư Trung ương Đoàn"),
    ("Căn cứ Nghị quyết số 02-NQ/TWĐTN ngày 10/12/2023 của Ban Chấp hành Trung ương Đoàn về nhiệm vụ năm 2024;",
     "02-NQ/TWĐTN", "Ban Chấp hành Trung ương Đoàn"),
    ("Căn cứ Chỉ thị số 05-CT/TW ngày 15/5/2016 của Ban Bí thư Trung ương Đảng về học tập;", "05-CT/TW", "Ban Bí thư"),
    ("Căn cứ Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng về bộ máy;", "18-NQ/TW",
     "Ban Chấp hành Trung ương"),
])
def test_the_youth_union_s_central_bodies_are_not_the_party_s(clause, key, issuer):
    c = next(c for c in read_text(_youth(clause)).citations if c.key == key)
    assert (c.issuer, c.level, c.role) == (issuer, "party", "basis")


def test_the_attached_regulation_names_its_own_decision():
    plan = read_text(DECISION + ATTACHED)
    assert [c.role for c in plan.citations if c.key == "21/2022/QĐ-UBND"] == ["self", "self"]


@pytest.mark.parametrize(("number", "symbol", "reference"), [
    ("30", "2018/QĐ-UBND", "30/2018/QĐ-UBND"),
    ("653", "2019/UBTVQH14", "653/2019/UBTVQH14"),
    ("01", "KH/BCĐTW", "01-KH/BCĐTW"),
    ("12", "KH-UBND", "12/KH-UBND"),
    (None, "2024/QĐ-UBND", ".../2024/QĐ-UBND"),
])
def test_a_number_that_carries_its_year_is_no_party_number(number, symbol, reference):
    assert Header(number=number, symbol=symbol).reference == reference
