"""draft_plan: last year's plan rolled forward, on the real plans and on real sentences."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plankit.draft import _apply, _flatten, draft_plan
from plankit.model import Citation, Edit, Span
from plankit.parts import continues
from plankit.read import read_plan, read_text
from plankit.render import render_docx, render_markdown
from plankit.text import fold

ROOT = Path(__file__).resolve().parent.parent
CAN_THO_2025 = ROOT / "plans" / "can-tho" / "2025-so-khcn.ocr.txt"
CAN_THO_2022 = ROOT / "plans" / "can-tho" / "2022-so-khcn.txt"
HAI_DUONG_2022 = ROOT / "plans" / "hai-duong" / "2022-so-cong-thuong.txt"

# The province's plan for 2026 (the officer's --basis) and a decision dated in 2025 that a 2026
# plan may cite: its "năm 2025" is a date inside a citation and must stay.
BASIS_2026 = [
    "Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND thành phố Cần Thơ về công tác thông tin, "
    "tuyên truyền cải cách hành chính năm 2026",
    "Quyết định số 3005/QĐ-UBND ngày 26 tháng 12 năm 2025 của UBND thành phố Cần Thơ ban hành "
    "Kế hoạch cải cách hành chính năm 2026",
]
SUBJECT_2026 = "Công tác thông tin, tuyên truyền cải cách hành chính năm 2026"
# The officer drafts the day after the province's plan, before the plan's month is over: the
# linter sees an unsigned draft.
DRAFTING_DAY = dt.date(2026, 1, 6)


@pytest.fixture(scope="module")
def can_tho_2026():
    return draft_plan(CAN_THO_2025, year=2026, basis=BASIS_2026, reference=CAN_THO_2022)


@pytest.fixture(scope="module")
def can_tho_docx(can_tho_2026, tmp_path_factory):
    path = tmp_path_factory.mktemp("draft") / "can-tho-2026.docx"
    render_docx(can_tho_2026, path)
    return read_plan(path)


@pytest.fixture(scope="module")
def hai_duong_2023():
    return draft_plan(HAI_DUONG_2022, year=2023)


def lines_of(plan) -> list[str]:
    return [line for line in plan.text.splitlines() if line.strip()]


# -- Cần Thơ 2026 from the OCR'd 2025 plan, read back from the .docx ----------------------------


def test_can_tho_draft_is_a_2026_draft(can_tho_2026):
    assert can_tho_2026.draft is True
    assert can_tho_2026.year == 2026
    assert can_tho_2026.header.title == SUBJECT_2026
    assert can_tho_2026.header.number is None
    assert can_tho_2026.header.date is None
    assert (can_tho_2026.header.date_parts.month, can_tho_2026.header.date_parts.year) == (1, 2026)
    assert can_tho_2026.name == "can-tho/2026-so-khcn.draft.txt"


def test_can_tho_docx_reads_back_as_2026(can_tho_docx):
    h = can_tho_docx.header
    assert (h.year, h.title, h.symbol, h.number) == (2026, SUBJECT_2026, "KH-SKHCN", None)
    assert (h.issuer, h.parent, h.place) == ("Sở Khoa học và Công nghệ thành phố Cần Thơ", "UBND thành phố Cần Thơ", "Cần Thơ")
    assert (h.date, h.date_parts.day, h.date_parts.month, h.date_parts.year) == (None, None, 1, 2026)


def test_can_tho_docx_basis_is_the_given_one_and_durable_documents_stay(can_tho_docx):
    basis = [c.key for c in can_tho_docx.citations if c.role == "basis"]
    assert basis == ["12/KH-UBND", "3005/QĐ-UBND"]
    keys = {c.key for c in can_tho_docx.citations}
    assert {"76/NQ-CP", "23/CT-TTg", "4168/QĐ-UBND", "26-CTr/TU"} <= keys
    assert "258/KH-UBND" not in keys  # last year's provincial plan is gone with the old basis


def test_can_tho_docx_nam_2025_only_inside_citations_dated_2025(can_tho_docx):
    text = can_tho_docx.text
    found = [m.start() for m in re.finditer(r"năm 2025", text)]
    assert found, "the 2025-dated basis must keep its date"
    dated = [c for c in can_tho_docx.citations if c.date and c.date.year == 2025]
    for pos in found:
        owner = [c for c in dated if c.span.end <= pos <= c.span.end + 40]
        assert owner, f"'năm 2025' outside a 2025 citation: {can_tho_docx.sentence_at(Span(pos, pos + 8))!r}"
    assert "2024" not in text
    assert text.count("năm 2026") == 13


def test_can_tho_docx_has_diacritics_and_no_dead_agency(can_tho_docx):
    assert SUBJECT_2026 in can_tho_docx.text
    assert "Sở Thông tin và Truyền thông" not in can_tho_docx.text
    assert "thong tin va truyen thong" not in fold(can_tho_docx.text)
    assert can_tho_docx.header.recipients[0] == "Sở Nội vụ"
    assert not any("thong tin va truyen thong" in fold(r) for r in can_tho_docx.header.recipients)


def test_can_tho_docx_closing_and_table_moved_to_2026(can_tho_docx):
    closing = can_tho_docx.blocks_of("closing")
    assert closing and closing[0].text.startswith("Trên đây là Kế hoạch công tác thông tin, tuyên truyền CCHC năm 2026")
    (table,) = can_tho_docx.tables
    assert len(table) == 4
    assert table.columns == ("TT", "Hình thức tuyên truyền", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện")
    assert [row[0].text for row in table.rows] == ["1", "2", "3", "4"]
    assert "năm 2026" in " ".join(table.column(4)) and "2025" not in " ".join(c.text for r in table.rows for c in r)


def test_can_tho_docx_lint_has_no_stale_or_duplicated_errors(can_tho_docx):
    from plankit.lint import lint_plan

    findings = lint_plan(can_tho_docx, today=DRAFTING_DAY)
    bad = [f for f in findings if f.rule in ("stale-year", "stale-agency", "duplicated-word")]
    assert bad == []
    assert [f for f in findings if f.severity == "error"] == []
    infos = {f.rule for f in findings if f.severity == "info"}
    assert {"blank-number", "blank-date"} <= infos


def test_can_tho_draft_lint_on_the_draft_itself(can_tho_2026):
    from plankit.lint import lint_plan

    findings = lint_plan(can_tho_2026)
    assert not [f for f in findings if f.rule in ("stale-year", "stale-agency", "duplicated-word") and f.severity == "error"]
    assert {f.rule: f.severity for f in findings if f.rule.startswith("blank-")} == {"blank-number": "info", "blank-date": "info"}


def test_can_tho_todos_point_into_the_text(can_tho_2026):
    plan = can_tho_2026
    kinds = [t.kind for t in plan.todo]
    assert kinds[:2] == ["number", "date"]
    assert {"period", "table", "signer"} <= set(kinds)
    for t in plan.todo:
        assert 0 <= t.span.start <= t.span.end <= len(plan.text)
    periods = [t.span.slice(plan.text) for t in plan.todo if t.kind == "period"]
    assert periods and all(p == "giai đoạn 2021-2025" for p in periods)
    number = next(t for t in plan.todo if t.kind == "number")
    assert plan.text[number.span.start - 4 : number.span.end + 9] == "Số:       /KH-SKHCN"


def test_can_tho_without_basis_keeps_it_and_marks_last_years_plan():
    plan = draft_plan(CAN_THO_2025, year=2026, reference=CAN_THO_2022)
    basis = [c for c in plan.citations if c.role == "basis"]
    assert [c.key for c in basis] == ["4168/QĐ-UBND", "258/KH-UBND"]
    todo = [t for t in plan.todo if t.kind == "basis"]
    assert len(todo) == 1
    assert "258/KH-UBND" in todo[0].span.slice(plan.text)
    assert "2025" in todo[0].message and "2026" in todo[0].message
    # the kept basis keeps its own years: its subject is the 2025 plan of the province
    assert "năm 2025" in plan.blocks_of("basis")[1].text


# -- Hải Dương 2023 from the 2022 plan ----------------------------------------------------------

HAI_DUONG_LINES = [
    # (the 2022 plan's words, what the 2023 draft says)
    ("Tuyên truyền cải cách hành chính nhà nước năm 2022",
     "Tuyên truyền cải cách hành chính nhà nước năm 2023"),
    # the 2022 plan's own stale year: "năm 2021" in its introduction
    ("Sở Công Thương xây dựng Kế hoạch tuyên truyền cải cách hành chính năm 2021, cụ thể như sau:",
     "Sở Công Thương xây dựng Kế hoạch tuyên truyền cải cách hành chính năm 2023, cụ thể như sau:"),
    ("Kế hoạch CCHC của tỉnh Hải Dương, của Sở Công Thương năm 2022 và các kế hoạch CCHC",
     "Kế hoạch CCHC của tỉnh Hải Dương, của Sở Công Thương năm 2023 và các kế hoạch CCHC"),
    ("của Sở Công Thương và kết quả triển khai thực hiện năm 2022.",
     "của Sở Công Thương và kết quả triển khai thực hiện năm 2023."),
    ("Kinh phí được bố trí từ nguồn kinh phí CCHC năm 2022 của Sở",
     "Kinh phí được bố trí từ nguồn kinh phí CCHC năm 2023 của Sở"),
    ("Trên đây là Kế hoạch tuyên truyền cải cách hành chính nhà nước năm 2022 của Sở Công Thương.",
     "Trên đây là Kế hoạch tuyên truyền cải cách hành chính nhà nước năm 2023 của Sở Công Thương."),
    # a known typo (data/typos.tsv)
    ("các đơn vị trực thuộc Sở thưc hiện báo cáo định kỳ", "các đơn vị trực thuộc Sở thực hiện báo cáo định kỳ"),
    # periods of programmes are not the plan's year
    ("Tuyên truyền Chương trình tổng thể CCHC giai đoạn 2021-2030 của Chính phủ",
     "Tuyên truyền Chương trình tổng thể CCHC giai đoạn 2021-2030 của Chính phủ"),
]


@pytest.mark.parametrize(("old", "new"), HAI_DUONG_LINES)
def test_hai_duong_lines(hai_duong_2023, old, new):
    assert old in HAI_DUONG_2022.read_text(encoding="utf-8")
    assert new in hai_duong_2023.text


def test_hai_duong_header_and_years(hai_duong_2023):
    h = hai_duong_2023.header
    assert (h.year, h.symbol, h.issuer, h.parent, h.place) == (2023, "KH-SCT", "Sở Công Thương tỉnh Hải Dương", "UBND tỉnh Hải Dương", "Hải Dương")
    assert (h.date_parts.day, h.date_parts.month, h.date_parts.year) == (None, 2, 2023)
    assert (h.signer, h.signer_title) == ("Trần Văn Hảo", "GIÁM ĐỐC")
    text = hai_duong_2023.text
    assert "năm 2021" not in text
    assert "(Đã ký)" not in text
    # "năm 2022" survives only in the kept basis, where it names the 2022 documents
    basis = hai_duong_2023.blocks_of("basis")
    assert len(basis) == 1 and basis[0].text.endswith("ngày 27/01/2022 của UBND Hải Dương.")
    outside = text[: basis[0].span.start] + text[basis[0].span.end :]
    assert "2022" not in outside


def test_hai_duong_todos(hai_duong_2023):
    got = [(t.kind, t.span.slice(hai_duong_2023.text)) for t in hai_duong_2023.todo]
    assert got == [
        ("number", "      "),
        ("date", "     "),
        ("basis", "Kế hoạch số 4707/KH-UBND ngày 24/12/2021 của UBND tỉnh về cải cách hành chính nhà nước tỉnh Hải Dương năm 2022"),
        ("basis", "Kế hoạch tuyên truyền cải cách hành chính nhà nước năm 2022 số 276/KH-UBND ngày 27/01/2022 của UBND Hải Dương"),
    ]
    assert [hai_duong_2023.position(t.span.start) for t in hai_duong_2023.todo] == [(3, 5), (3, 35), (8, 8), (8, 120)]
    # each basis to-do names its own document: two to-dos on one line are told apart
    assert [t.message for t in hai_duong_2023.todo if t.kind == "basis"] == [
        "Căn cứ 4707/KH-UBND là kế hoạch năm 2022 của UBND tỉnh Hải Dương: thay bằng văn bản năm 2023 "
        "khi có (basis 4707/KH-UBND is last year's plan: replace it with this year's)",
        "Căn cứ 276/KH-UBND là kế hoạch năm 2022 của UBND tỉnh Hải Dương: thay bằng văn bản năm 2023 "
        "khi có (basis 276/KH-UBND is last year's plan: replace it with this year's)",
    ]


HUNG_YEN_2022 = ROOT / "plans" / "hung-yen" / "2022-so-khcn.md"
HUE_2022 = ROOT / "plans" / "thua-thien-hue" / "2022-so-khcn.news.txt"


@pytest.mark.parametrize(
    ("path", "rule", "before", "after"),
    [
        # a stray space inside a cited symbol, in the body's list of documents
        (HUNG_YEN_2022, "symbol-spacing", "Quyết định số 22/2020/QĐ - UBND ngày 12/8/2020",
         "Quyết định số 22/2020/QĐ-UBND ngày 12/8/2020"),
        # the repeated word of the place name, in the closing
        (HUE_2022, "duplicated-word", "Thừa Thừa", "Thừa Thiên Huế"),
    ],
)
def test_draft_applies_every_safe_fix_of_lint(path, rule, before, after):
    from plankit.lint import lint_plan

    prev = read_plan(path)
    assert any(f.rule == rule and f.fix is not None and f.fix.safe for f in lint_plan(prev))
    assert before in " ".join(prev.text.split())
    text = " ".join(draft_plan(prev, year=2023).text.split())
    assert before not in text and after in text


def test_the_plans_own_number_in_its_text_is_blanked():
    # Huế's 2022 plan is 29/KH-SKHCN of 06/01-2022 and says so in its text: the 2023 draft cites
    # itself with the number and day blank (dots: a paragraph's spaces collapse), not last year's
    prev = read_plan(HUE_2022)
    assert "Kế hoạch số 29/KH-SKHCN ngày 06/01-2022" in " ".join(prev.text.split())
    plan = draft_plan(prev, year=2023)
    text = " ".join(plan.text.split())
    assert "29/KH-SKHCN" not in text
    assert "Kế hoạch số ....../KH-SKHCN ngày ..... tháng 01 năm 2023 tuyên truyền" in text
    assert " ".join(draft_plan(prev, year=2023, number="4", date="2023-01-09").text.split()).count(
        "Kế hoạch số 4/KH-SKHCN ngày 09 tháng 01 năm 2023") == 1


def test_draft_leaves_no_safe_fix_of_the_bundled_plans():
    from plankit.lint import lint_plan

    for path in (HUNG_YEN_2022, HUE_2022, HAI_DUONG_2022, CAN_THO_2022):
        draft = draft_plan(path, year=2023)
        left = [(f.rule, f.surface) for f in lint_plan(draft) if f.fix is not None and f.fix.safe]
        assert left == [], path.name


def test_hai_duong_with_basis_moves_everything_to_2023():
    basis = ["Kế hoạch số 4600/KH-UBND ngày 20/12/2022 của UBND tỉnh Hải Dương về cải cách hành chính nhà nước năm 2023"]
    plan = draft_plan(HAI_DUONG_2022, year=2023, basis=basis, date="2023-02-06", number="25")
    assert plan.header.reference == "25/KH-SCT"
    assert plan.header.date == dt.date(2023, 2, 6)
    assert [t.kind for t in plan.todo] == []
    assert plan.blocks_of("basis")[0].text == ("Căn cứ " + basis[0] + ".")
    assert "Sở Công Thương xây dựng Kế hoạch tuyên truyền cải cách hành chính năm 2023, cụ thể như sau:" in plan.text
    years = set(re.findall(r"năm (\d{4})", plan.text))
    assert years == {"2023"}
    assert "2021" not in plan.text.replace("2021-2030", "").replace("2021-2025", "")


def test_hai_duong_2023_lint_is_clean_of_stale_years(hai_duong_2023):
    from plankit.lint import lint_plan

    rules = {f.rule for f in lint_plan(hai_duong_2023) if f.severity == "error"}
    assert "stale-year" not in rules and "duplicated-word" not in rules


def test_hai_duong_2026_moves_to_hai_phong():
    plan = draft_plan(HAI_DUONG_2022, year=2026)
    h = plan.header
    assert (h.parent, h.place, h.year) == ("UBND thành phố Hải Phòng", "Hải Phòng", 2026)
    district = [t for t in plan.todo if t.kind == "district"]
    assert [t.span.slice(plan.text) for t in district] == ["UBND các huyện, thị xã, thành phố"]
    periods = [t.span.slice(plan.text) for t in plan.todo if t.kind == "period"]
    assert periods == ["giai đoạn 2021-2025", "giai đoạn 2021-2025"]


# -- names, typos, replacements on real sentences ------------------------------------------------

HEADER_2025 = (
    "UBND THÀNH PHỐ CẦN THƠ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "SỞ KHOA HỌC VÀ CÔNG NGHỆ\tĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 137/KH-SKHCN\tCần Thơ, ngày 21 tháng 01 năm 2025\n"
    "KẾ HOẠCH\nCông tác thông tin, tuyên truyền cải cách hành chính năm 2025\n"
    "I. NỘI DUNG\n"
)
TAIL = "\nNơi nhận:\n- Sở Nội vụ;\n- Sở Thông tin và Truyền thông;\n- Sở Kế hoạch và Đầu tư;\n- Sở Tài chính;\n- Lưu: VT, VP.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nNgô Anh Tín\n"

SENTENCES = [
    # (a paragraph of a 2025 plan, the same paragraph in the 2026 draft)
    ("Công tác thông tin, tuyên truyền CCHC năm 2025 tập trung vào các nội dung trọng tâm sau:",
     "Công tác thông tin, tuyên truyền CCHC năm 2026 tập trung vào các nội dung trọng tâm sau:"),
    ("Lồng ghép nội dung CCHC vào các hội nghị, họp, sinh hoạt tuyên tuyền, phổ biến, giáo dục pháp luật.",
     "Lồng ghép nội dung CCHC vào các hội nghị, họp, sinh hoạt tuyên truyền, phổ biến, giáo dục pháp luật."),
    ("Chương trình tổng thể CCHC nhà nước giai đoạn 2021 - 2030 được ban hành tại Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ.",
     "Chương trình tổng thể CCHC nhà nước giai đoạn 2021 - 2030 được ban hành tại Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ."),
    ("Tiếp tục phát huy kết quả đạt được năm 2024, hoàn thành trong Quý I/2025.",
     "Tiếp tục phát huy kết quả đạt được năm 2025, hoàn thành trong Quý I/2026."),
    ("Phát tờ gấp tuyên truyền CCHC và TTHC (do Sở Thông tin và Truyền thông cung cấp).",
     "Phát tờ gấp tuyên truyền CCHC và TTHC (do Sở Khoa học và Công nghệ cung cấp)."),
    ("Chuyển đổi số tỉnh giai đoạn 2021-2025, tầm nhìn đến năm 2030.",
     "Chuyển đổi số tỉnh giai đoạn 2021-2025, tầm nhìn đến năm 2030."),
    ("Trên đây là Kế hoạch công tác thông tin, tuyên truyền CCHC năm 2024 của Sở Khoa học và Công nghệ./.",
     "Trên đây là Kế hoạch công tác thông tin, tuyên truyền CCHC năm 2026 của Sở Khoa học và Công nghệ./."),
]


@pytest.mark.parametrize(("old", "new"), SENTENCES)
def test_sentences_move_to_2026(old, new):
    plan = draft_plan(read_text(HEADER_2025 + old + "\n" + TAIL, name="can-tho/2025-x.txt"), year=2026)
    assert new in plan.text.splitlines()


def test_recipients_follow_the_2025_reorganisation():
    plan = draft_plan(read_text(HEADER_2025 + "Nội dung.\n" + TAIL, name="can-tho/2025-x.txt"), year=2026)
    # Sở TT&TT merged into the issuer itself: the line goes; Sở KH&ĐT became Sở Tài chính, once
    assert plan.header.recipients == ("Sở Nội vụ", "Sở Tài chính", "Lưu: VT, VP")
    assert plan.header.signer_title == "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
    assert [t.kind for t in plan.todo] == ["number", "date", "basis"]  # the fixture cites no basis
    # the same plan drafted for early 2025 keeps them all
    early = draft_plan(read_text(HEADER_2025 + "Nội dung.\n" + TAIL, name="x.txt"), year=2025, date=dt.date(2025, 1, 21))
    assert len(early.header.recipients) == 5


def test_the_draft_applies_the_fixes_lint_gives_on_the_new_day():
    from plankit.lint import lint_plan

    body = "Phối hợp với Sở Kế hoạch và Đầu tư, Sở Thông tin và Truyền thông tổ chức tuyên tuyền.\n"
    plan = read_text(HEADER_2025 + body + TAIL, name="can-tho/2025-x.txt")
    # on its own day (21 January 2025) the names were valid; on the new plan's day they are not
    assert [f.surface for f in lint_plan(plan, rules=["stale-agency"])] == []
    found = lint_plan(plan, rules=["stale-agency"], on=dt.date(2026, 1, 1))
    assert [(f.line, f.surface, f.suggestion) for f in found] == [
        (7, "Sở Kế hoạch và Đầu tư", "Sở Tài chính"),
        (7, "Sở Thông tin và Truyền thông", None),  # merged into the issuer itself
        (11, "Sở Thông tin và Truyền thông", None),
        (12, "Sở Kế hoạch và Đầu tư", "Sở Tài chính"),
    ]
    draft = draft_plan(plan, year=2026)
    # lint's safe fixes (a renamed department, a misspelling); the body merged into the issuer
    # takes its successor's name in the text and leaves the recipients
    assert "Phối hợp với Sở Tài chính, Sở Khoa học và Công nghệ tổ chức tuyên truyền." in draft.text
    assert draft.header.recipients == ("Sở Nội vụ", "Sở Tài chính", "Lưu: VT, VP")


def test_period_and_last_years_plan_in_the_body_become_todos():
    body = ("Triển khai Kế hoạch số 258/KH-UBND ngày 24 tháng 12 năm 2024 của Ủy ban nhân dân thành phố về công "
            "tác thông tin, tuyên truyền cải cách hành chính năm 2025; Kế hoạch CCHC giai đoạn 2021-2025.")
    plan = draft_plan(read_text(HEADER_2025 + body + "\n" + TAIL, name="x.txt"), year=2026)
    assert body in plan.text  # a cited plan's own words are not rewritten
    todo = {t.kind: t.span.slice(plan.text) for t in plan.todo}
    assert todo["citation"].startswith("Kế hoạch số 258/KH-UBND ngày 24 tháng 12 năm 2024")
    assert todo["period"] == "giai đoạn 2021-2025"


def test_replacements_and_citation_basis():
    basis = [Citation("12/KH-UBND", "Kế hoạch", "12", 2026, "KH-UBND", date=dt.date(2026, 1, 5),
                      issuer="UBND thành phố Cần Thơ", level="province")]
    plan = draft_plan(read_text(HEADER_2025 + "Phối hợp với Đài Phát thanh.\n" + TAIL, name="x.txt"), year=2026,
                      basis=basis, replacements={"Đài Phát thanh": "Báo và Phát thanh, Truyền hình Cần Thơ"})
    assert "Phối hợp với Báo và Phát thanh, Truyền hình Cần Thơ." in plan.text
    assert plan.blocks_of("basis")[0].text == "Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND thành phố Cần Thơ."


def test_previous_is_not_changed(hai_duong_2023):
    before = read_plan(HAI_DUONG_2022)
    snapshot = dataclasses.asdict(before.header)
    draft_plan(before, year=2024)
    assert dataclasses.asdict(before.header) == snapshot


def test_bad_year():
    with pytest.raises(ValueError, match="year"):
        draft_plan(HAI_DUONG_2022, year=26)


def test_markdown_preview_of_a_draft(hai_duong_2023):
    md = render_markdown(hai_duong_2023)
    assert md.splitlines()[:4] == [
        "| UBND TỈNH HẢI DƯƠNG | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |",
        "|:---:|:---:|",
        "| **SỞ CÔNG THƯƠNG** | **Độc lập - Tự do - Hạnh phúc** |",
        "| Số: \u2003\u2003/KH-SCT | *Hải Dương, ngày " + " " * 5 + " tháng 02 năm 2023* |",
    ]
    assert "### I. MỤC ĐÍCH, YÊU CẦU" in md
    assert "**Việc cần làm / to do**" in md
    assert md.count("- [ ] dòng ") == len(hai_duong_2023.todo)


def test_markdown_of_a_plan_without_signer_has_no_empty_bold():
    plan = read_text("ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG\nSố: 12/KH-UBND\nHải Dương, ngày 05 tháng 4 năm 2023\n"
                     "KẾ HOẠCH\nTruyền thông giảm nghèo năm 2023\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n"
                     "a) Tăng cường truyền thông.")
    md = render_markdown(plan)
    assert "****" not in md
    assert md.endswith("a) Tăng cường truyền thông.\n\n***Nơi nhận:***\n")


# -- the text machinery --------------------------------------------------------------------------


def test_flatten_joins_a_broken_document_number():
    flat, omap = _flatten("Nghị quyết số 76/NQ-\nCP ngày 15 tháng 7\nnăm 2021")
    assert flat == "Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021"
    assert omap[-1] == len(flat)


@pytest.mark.parametrize(("before", "text", "expected"), [
    ("nếu có khó khăn,", "vướng mắc, các phòng, đơn vị phản ánh", True),
    ("a) Chủ động triển khai;", "b) Lồng ghép nội dung CCHC", False),
    ("theo chức năng và theo phân công", "b) Lồng ghép nội dung CCHC", False),
    ("giải quyết./.", "vướng mắc", False),
])
def test_continues(before, text, expected):
    assert continues(before, text) is expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \n\tđ-/1", max_size=40))
def test_flatten_map_is_monotonic_and_keeps_characters(raw):
    flat, omap = _flatten(raw)
    assert len(omap) == len(raw) + 1
    assert all(a <= b for a, b in itertools.pairwise(omap))
    for i, ch in enumerate(raw):
        if not ch.isspace():
            assert flat[omap[i]] == ch
    assert "  " not in flat and flat == flat.strip()


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_apply_moves_marks_with_the_text(data):
    text = data.draw(st.text(alphabet="abcdefgh ", min_size=10, max_size=40))
    cuts = sorted(data.draw(st.sets(st.integers(0, len(text)), min_size=2, max_size=8)))
    edits, untouched = [], []
    for k in range(0, len(cuts) - 1, 2):
        s, e = cuts[k], cuts[k + 1]
        if k % 4 == 0:
            edits.append(Edit(s, e, data.draw(st.text(alphabet="XYZ", max_size=5))))
        else:
            untouched.append((s, e))
    marks = [(s, e, "m", text[s:e]) for s, e in untouched]
    piece = _apply(text, edits, marks)
    for s, e, _, original in piece.todos:
        assert piece.text[s:e] == original


HUNG_YEN_2022 = ROOT / "plans" / "hung-yen" / "2022-so-khcn.md"
HUE_2022 = ROOT / "plans" / "thua-thien-hue" / "2022-so-khcn.news.txt"


@pytest.mark.parametrize(("path", "wrong", "right"), [
    (HUNG_YEN_2022, "cơ chế chế một cửa", "cơ chế một cửa"),   # doubled word, three times
    (HUNG_YEN_2022, "trọng tâm là cải các TTHC", "trọng tâm là cải cách TTHC"),
    (HUNG_YEN_2022, "tình hiểu", "tìm hiểu"),
    (HUNG_YEN_2022, "Công TTĐT", "Cổng TTĐT"),
    (HUNG_YEN_2022, "kinh tế xã - hội", "kinh tế - xã hội"),
    (HUE_2022, "Thừa Thừa Thiên Huế", "Thừa Thiên Huế"),
    (CAN_THO_2022, "tuyên tuyền", "tuyên truyền"),
    (CAN_THO_2022, "thẩm quyển", "thẩm quyền"),
])
def test_typos_and_doubled_words_are_corrected(path, wrong, right):
    assert wrong in path.read_text(encoding="utf-8")
    plan = draft_plan(path, year=2023)
    assert wrong not in plan.text and right in plan.text


def test_a_legitimate_repeated_word_stays(can_tho_2026):
    # "tuyên truyền truyền thống": propaganda in the traditional way, not a doubled word
    assert "hình thức tuyên truyền truyền thống" in can_tho_2026.text


def test_hung_yen_subject_and_appendix_table():
    plan = draft_plan(HUNG_YEN_2022, year=2023)
    assert plan.header.title == ("Truyền thông về hoạt động kiểm soát TTHC, triển khai cơ chế một cửa, một cửa "
                                 "liên thông và thực hiện TTHC trên môi trường điện tử năm 2023")
    assert len(plan.tables) == 1 and len(plan.tables[0]) == 9
    assert "2022" not in " ".join(c.text for row in plan.tables[0].rows for c in row)
