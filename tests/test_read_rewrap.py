"""Re-wrapping a plan's lines at any width (as a PDF or a portal does) changes neither its
header, its citations' keys and roles, nor its issuer's level; for the body fixtures here, not
even its paragraphs and their kinds (what the year-on-year diff compares)."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plankit import read_text

from .test_read_layouts import CASES


def _rewrap(text: str, width: int) -> str:
    out = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        out.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
    return "\n".join(out)


def _reading(text: str) -> tuple:
    plan = read_text(text, "rewrapped.txt")
    h = plan.header
    head = (h.doc_type, h.number, h.symbol, h.date, h.place, h.issuer, h.year, " ".join((h.title or "").split()))
    cites = [(c.key, c.role) for c in plan.citations]
    return head, cites, plan.facts.level


# -- fixtures of this file (written for these tests, in the shape of the layouts) ---------------

# A decision whose PDF extraction put everything on one line: header cells, motto, number, date,
# the type word, the title, the authority, the basis clauses and the articles.
ONE_LINE_DECISION = (
    "BỘ TƯ PHÁP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  Độc lập  Tự do  Hạnh phúc   Số: 1234/QĐBTP "
    "Hà Nội, ngày 15 tháng 3 năm 2023    QUYẾT ĐỊNH VỀ VIỆC BAN HÀNH KẾ HOẠCH PHỔ BIẾN, GIÁO DỤC "
    "PHÁP LUẬT NĂM 2023 BỘ TRƯỞNG BỘ TƯ PHÁP Căn cứ Nghị định số 98/2022/NĐ-CP ngày 29 tháng 11 năm "
    "2022 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Tư pháp; "
    "Căn cứ Quyết định số 1521/QĐ-TTg ngày 06 tháng 10 năm 2021 của Thủ tướng Chính phủ; Theo đề "
    "nghị của Vụ trưởng Vụ Phổ biến, giáo dục pháp luật. QUYẾT ĐỊNH: Điều 1. Ban hành kèm theo "
    "Quyết định này Kế hoạch phổ biến, giáo dục pháp luật năm 2023. Điều 2. Quyết định này có hiệu "
    "lực kể từ ngày ký."
)

# A PDF's text: a compound wrapped at its dash ("kinh tế" / "- xã hội"), a word broken at its
# hyphen, a line ending on "của" before a capital, a subject ending with its year over a
# paragraph that starts in capitals, an issuer cell in capitals beside the motto.
PDF_WRAPPED_BODY = """\
ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH NINH THUẬN Độc lập - Tự do - Hạnh phúc
Số: 52/KH-UBND Ninh Thuận, ngày 20 tháng 02 năm 2024
KẾ HOẠCH
Phát triển kinh tế - xã hội và chuyển đổi số năm 2024
Để triển khai các nhiệm vụ phát triển kinh tế - xã hội năm 2024 đảm bảo đúng tiến độ
theo Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ, Ủy ban nhân dân tỉnh ban
hành Kế hoạch như sau:
1. Đánh giá tình hình thực hiện nhiệm vụ năm 2023 và dự báo các tác động của thiên tai,
dịch bệnh, biến động thị trường Việt-
Lào và các chương trình hợp tác của
UBND tỉnh với các địa phương, làm rõ nguyên nhân của những hạn chế.
2. Xây dựng các chỉ tiêu năm 2024 phù hợp với khả năng thực hiện của từng ngành, địa
phương.
"""

OWN = [
    ("one-line-decision", ONE_LINE_DECISION,
     ("Quyết định", "1234", "QĐ-BTP", dt.date(2023, 3, 15), "Hà Nội", "Bộ Tư pháp", 2023,
      "VỀ VIỆC BAN HÀNH KẾ HOẠCH PHỔ BIẾN, GIÁO DỤC PHÁP LUẬT NĂM 2023"),
     [("1234/QĐ-BTP", "self"), ("98/2022/NĐ-CP", "basis"), ("1521/QĐ-TTg", "basis")], "central"),
    ("pdf-wrapped-body", PDF_WRAPPED_BODY,
     ("Kế hoạch", "52", "KH-UBND", dt.date(2024, 2, 20), "Ninh Thuận", "Ủy ban nhân dân tỉnh Ninh Thuận", 2024,
      "Phát triển kinh tế - xã hội và chuyển đổi số năm 2024"),
     # "Để triển khai ... theo Nghị quyết số 01/NQ-CP ..., Ủy ban nhân dân tỉnh ban hành Kế hoạch":
     # a purpose clause that names its ground is the plan's basis
     [("52/KH-UBND", "self"), ("01/NQ-CP", "basis")], "province"),
]


def _body(text: str) -> list[tuple[str, str]]:
    """The kind and words of every block after the header (the header is compared field by
    field above: its cells may be grouped differently)."""
    plan = read_text(text, "rewrapped.txt")
    return [(b.kind, " ".join(b.text.split())) for b in plan.blocks if b.kind not in ("header", "boilerplate")]


@pytest.mark.parametrize("name, text, head, cites, level", OWN, ids=[c[0] for c in OWN])
def test_own_fixture_reading(name, text, head, cites, level):
    assert _reading(text) == (head, cites, level)


def test_one_line_decision_units():
    """The flattened line is cut where its units start: after the date, after the type word,
    before the authority, before each clause and each article."""
    assert _body(ONE_LINE_DECISION) == [
        ("doc-type", "QUYẾT ĐỊNH"),
        ("subject", "VỀ VIỆC BAN HÀNH KẾ HOẠCH PHỔ BIẾN, GIÁO DỤC PHÁP LUẬT NĂM 2023"),
        ("paragraph", "BỘ TRƯỞNG BỘ TƯ PHÁP"),
        ("basis", "Căn cứ Nghị định số 98/2022/NĐ-CP ngày 29 tháng 11 năm 2022 của Chính phủ quy định chức "
                  "năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Tư pháp;"),
        ("basis", "Căn cứ Quyết định số 1521/QĐ-TTg ngày 06 tháng 10 năm 2021 của Thủ tướng Chính phủ;"),
        ("basis", "Theo đề nghị của Vụ trưởng Vụ Phổ biến, giáo dục pháp luật."),
        ("paragraph", "QUYẾT ĐỊNH:"),
        ("paragraph", "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phổ biến, giáo dục pháp luật năm 2023."),
        ("paragraph", "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."),
    ]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=st.sampled_from(CASES + OWN), width=st.integers(min_value=30, max_value=160))
def test_rewrapping_keeps_header_citations_and_roles(case, width):
    name, text, *_ = case
    assert _reading(_rewrap(text, width)) == _reading(text), name


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=st.sampled_from(OWN), width=st.integers(min_value=30, max_value=160))
def test_rewrapping_keeps_the_paragraphs(case, width):
    name, text, *_ = case
    assert _body(_rewrap(text, width)) == _body(text), name


# A decision that issues a plan, its article on a line of its own; and one whose article is cut
# by the excerpt, so the attached plan is named only by the decision's subject.
DECISION_ISSUES_PLAN = """\
ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
TỈNH GIA LAI | Độc lập - Tự do - Hạnh phúc |
Số: 345/QĐ-UBND | Gia Lai, ngày 12 tháng 01 năm 2024 |
QUYẾT ĐỊNH
Về việc ban hành Kế hoạch truyền thông chuyển đổi số năm 2024
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH GIA LAI
Căn cứ Quyết định số 1322/QĐ-UBND ngày 05/12/2023 của Ủy ban nhân dân tỉnh;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch truyền thông chuyển đổi số trên địa bàn tỉnh
năm 2024.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
"""

DECISION_TITLE_ONLY = """\
BỘ XÂY DỰNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 77/QĐ-BXD | Hà Nội, ngày 03 tháng 02 năm 2025 |
QUYẾT ĐỊNH
PHÊ DUYỆT KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA BỘ XÂY DỰNG
"""


@pytest.mark.parametrize("text, subject, year", [
    (DECISION_ISSUES_PLAN, "truyền thông chuyển đổi số trên địa bàn tỉnh năm 2024", 2024),
    (DECISION_TITLE_ONLY, "CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA BỘ XÂY DỰNG", 2025),
    (ONE_LINE_DECISION, "phổ biến, giáo dục pháp luật năm 2023", 2023),
    (PDF_WRAPPED_BODY, None, None),  # a plan, no decision
])
def test_decision_issues_plan(text, subject, year):
    plan = read_text(text, "decision.txt")
    assert plan.header.issued_plan == ((subject, year) if subject else None)
    assert (plan.facts.issued_plan, plan.facts.issued_plan_year) == (subject, year)
