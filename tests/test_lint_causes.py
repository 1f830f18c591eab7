"""One cause, one finding: a citation wrong in one place draws one finding, however many rules
see it (plankit.lint.rules.citations.one_finding_per_cause). Two slips in one citation (a wrong
date and a wrong issuer) stay two findings."""

from __future__ import annotations

import datetime as dt

import pytest

from plankit.lint import lint_plan
from plankit.read import read_text

TODAY = dt.date(2026, 12, 31)

PLAN = (
    "UBND TỈNH BẮC NINH\nSỞ NỘI VỤ\nSố: 21/KH-SNV\nBắc Ninh, ngày 21 tháng 3 năm 2025\n"
    "KẾ HOẠCH\nCải cách hành chính năm 2025\n"
    "{basis}\n"
    "Sở Nội vụ ban hành Kế hoạch cải cách hành chính năm 2025 như sau:\n"
    "I. MỤC ĐÍCH\nNâng cao chất lượng phục vụ người dân, doanh nghiệp.\nGIÁM ĐỐC\nTrần Văn Bình\n"
)

# (basis clause, [(code, surface, words the message must hold), ...])
CASES = [
    # register (same day, same number: 229-QĐ/TW) and issuer (/TW for the Politburo): the register's
    (
        "Căn cứ Quyết định số 229-QĐ/BCĐ, ngày 10/01/2025 của Bộ Chính trị về việc thành lập Ban Chỉ đạo;",
        [("PK404", "229-QĐ/BCĐ, ngày 10/01/2025", "cùng số là 229-QĐ/TW")],
    ),
    # the year in the number and the register: the year's, with the register's date
    (
        "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2019 của Chính phủ về thực hiện cơ chế một cửa;",
        [("PK403", "61/2018/NĐ-CP ngày 23/4/2019", "theo sổ văn bản: ngày 23/04/2018")],
    ),
    # register issuer and symbol code (CP): the register's, with its source
    (
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Thủ tướng Chính phủ;",
        [("PK404", "Thủ tướng Chính phủ", "theo sổ văn bản là của Chính phủ")],
    ),
    # truncated code and the register's same-day document: one
    (
        "Căn cứ Quyết định số 942/QĐ-TT ngày 15/6/2021 của Thủ tướng Chính phủ;",
        [("PK404", "942/QĐ-TT ngày 15/6/2021", "cùng số là 942/QĐ-TTg")],
    ),
    # two slips in one citation: a wrong date and a wrong issuer, two findings
    (
        "Căn cứ Nghị định số 42/2022/NĐ-CP ngày 26/4/2022 của Thủ tướng Chính phủ;",
        [
            ("PK404", "42/2022/NĐ-CP ngày 26/4/2022", "theo sổ văn bản là ngày 24/06/2022"),
            ("PK404", "Thủ tướng Chính phủ", "theo sổ văn bản là của Chính phủ"),
        ],
    ),
    # a Party number without its type: one finding
    (
        "Căn cứ Nghị quyết 57/TW ngày 22/12/2024 của Bộ Chính trị;",
        [("PK407", "Nghị quyết 57/TW", "viết '57-NQ/TW'")],
    ),
    # a document the register does not know, issuer contradicting the code: the issuer rule alone
    (
        "Căn cứ Quyết định số 1847/QĐ-TTg ngày 27/12/2018 của Chính phủ;",
        [("PK406", "Chính phủ", "không phải của Chính phủ")],
    ),
]


@pytest.mark.parametrize(("basis", "expected"), CASES, ids=[c[0][7:40] for c in CASES])
def test_one_wrong_citation_draws_one_finding(basis, expected):
    found = lint_plan(read_text(PLAN.format(basis=basis), name="ke-hoach.txt"), today=TODAY)
    assert [(f.code, f.surface) for f in found] == [(c, s) for c, s, _ in expected]
    for f, (_, _, words) in zip(found, expected, strict=True):
        assert words in f.message
        assert " / " in f.message


def test_a_rule_selected_alone_still_reports_its_finding():
    text = PLAN.format(basis=CASES[0][0])
    found = lint_plan(read_text(text, name="ke-hoach.txt"), today=TODAY, rules=["PK406"])
    assert [(f.code, f.surface) for f in found] == [("PK406", "229-QĐ/BCĐ")]
